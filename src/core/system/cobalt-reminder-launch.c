/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-reminder-launch.h"

#define REMINDER_EXECUTABLE "cobalt-reminder"

/* The cobalt-reminder beside /proc/self/exe, else PATH's, else NULL. */
static char *
find_reminder_executable (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *sibling = g_build_filename (dir, REMINDER_EXECUTABLE, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);

      /* An uninstalled build keeps it in src/reminder beside src/. */
      g_clear_pointer (&sibling, g_free);
      sibling = g_build_filename (dir, "reminder", REMINDER_EXECUTABLE, NULL);
      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }

  return g_find_program_in_path (REMINDER_EXECUTABLE);
}

gboolean
cobalt_reminder_is_running (GError **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus,
                                       "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus",
                                       "NameHasOwner",
                                       g_variant_new ("(s)", REMINDER_APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, error);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

gboolean
cobalt_reminder_ensure_running (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  const char *argv[2] = { NULL, NULL };

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cobalt_reminder_is_running (&local_error))
    return TRUE;

  /* Without a session bus the reminder could not be unique either, and
   * nobody could show its notifications. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  path = find_reminder_executable ();
  if (path == NULL)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT,
                   _("The reminder program %s is not installed."), REMINDER_EXECUTABLE);
      return FALSE;
    }

  argv[0] = path;

  /* Without G_SPAWN_DO_NOT_REAP_CHILD GLib double-forks, so the reminder
   * is detached from us (no zombie, survives our exit). Should two
   * windows race here, the second reminder finds the name taken and
   * exits on its own. */
  return g_spawn_async (NULL, (char **) argv, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDIN_FROM_DEV_NULL,
                        NULL, NULL, NULL, error);
}
