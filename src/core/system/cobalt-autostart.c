/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-autostart.h"
#include "cobalt-background-portal.h"

#define DESKTOP_GROUP "Desktop Entry"
#define PORTAL_GROUP  "Background"

/* The name of the entry meson installs into $sysconfdir/xdg/autostart: a
 * user entry of the same name overrides it (XDG autostart spec). */
#ifndef REMINDER_AUTOSTART_FILE
# define REMINDER_AUTOSTART_FILE REMINDER_APPLICATION_ID "-autostart.desktop"
#endif

G_DEFINE_QUARK (cobalt-autostart-error-quark, cobalt_autostart_error)

/* The system-wide entry in $XDG_CONFIG_DIRS/autostart, or NULL. */
static char *
find_system_entry (void)
{
  const char * const *dirs = g_get_system_config_dirs ();

  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "autostart", REMINDER_AUTOSTART_FILE, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* Hidden=true or X-GNOME-Autostart-enabled=false switch an entry off. */
static gboolean
entry_is_enabled (const char *path)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  if (g_key_file_get_boolean (key_file, DESKTOP_GROUP, "Hidden", NULL))
    return FALSE;

  if (g_key_file_has_key (key_file, DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL))
    {
      g_autoptr(GError) error = NULL;
      gboolean enabled = g_key_file_get_boolean (key_file, DESKTOP_GROUP,
                                                 "X-GNOME-Autostart-enabled", &error);

      return enabled || error != NULL;
    }

  return TRUE;
}

static char *
reminder_executable (void)
{
  g_autofree char *installed = g_build_filename (BINDIR, "cobalt-reminder", NULL);
  g_autofree char *self_exe = NULL;

  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);

  /* Not installed (yet): the program beside us, when there is one. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      const char *candidates[] = { "cobalt-reminder", "reminder/cobalt-reminder" };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autofree char *path = g_build_filename (dir, candidates[i], NULL);

          if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
            return g_steal_pointer (&path);
        }
    }

  return g_steal_pointer (&installed);
}

static char *
build_contents (gboolean hidden)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = reminder_executable ();

  g_key_file_set_string (key_file, DESKTOP_GROUP, "Type", "Application");
  g_key_file_set_string (key_file, DESKTOP_GROUP, "Name", _("Cobalt reminders"));
  g_key_file_set_string (key_file, DESKTOP_GROUP, "Comment",
                         _("Reminds you when a vitamin B12 injection is due"));
  /* The desktop entry spec quotes Exec arguments with double quotes
   * only (not a shell's single quotes): quote when the path needs it. */
  if (strpbrk (exec, " \t\n\"'\\$`") == NULL)
    g_key_file_set_string (key_file, DESKTOP_GROUP, "Exec", exec);
  else
    {
      g_autoptr(GString) escaped = g_string_new ("\"");

      for (const char *p = exec; *p != '\0'; p++)
        {
          if (strchr ("\"`$\\", *p) != NULL)
            g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
        }
      g_string_append_c (escaped, '"');
      g_key_file_set_string (key_file, DESKTOP_GROUP, "Exec", escaped->str);
    }
  g_key_file_set_string (key_file, DESKTOP_GROUP, "Icon", APPLICATION_ID);
  g_key_file_set_boolean (key_file, DESKTOP_GROUP, "Terminal", FALSE);
  g_key_file_set_boolean (key_file, DESKTOP_GROUP, "NoDisplay", TRUE);
  g_key_file_set_string (key_file, DESKTOP_GROUP, "X-GNOME-Autostart-Phase", "Applications");
  g_key_file_set_boolean (key_file, DESKTOP_GROUP, "X-GNOME-Autostart-enabled", !hidden);
  if (hidden)
    g_key_file_set_boolean (key_file, DESKTOP_GROUP, "Hidden", TRUE);

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* In a sandbox: what the portal last granted. The host's autostart
 * folder is out of the sandbox's sight, so this is the only record. */
static char *
portal_state_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "cobalt", "background.ini", NULL);
}

static gboolean
portal_state_get (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = portal_state_path ();

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  return g_key_file_get_boolean (key_file, PORTAL_GROUP, "autostart", NULL);
}

static gboolean
portal_state_set (gboolean   enabled,
                  GError   **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = portal_state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_key_file_set_boolean (key_file, PORTAL_GROUP, "autostart", enabled);
  if (!g_key_file_save_to_file (key_file, path, &local_error))
    {
      g_set_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_portal_request_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean enabled = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;

  if (!cobalt_background_portal_request_finish (result, &error) ||
      !portal_state_set (enabled, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_sync_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
set_enabled_files (gboolean   enabled,
                   GError   **error)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *system_path = find_system_entry ();
  g_autoptr(GError) local_error = NULL;

  /* Removing the user's entry is what "off" means without a system entry,
   * and what "on" means with an enabled one where the session looks. */
  if ((!enabled && system_path == NULL) ||
      (enabled && system_path != NULL && entry_is_enabled (system_path)))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                       _("Could not remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  contents = build_contents (!enabled);
  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

char *
cobalt_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", REMINDER_AUTOSTART_FILE, NULL);
}

char *
cobalt_autostart_get_contents (void)
{
  return build_contents (FALSE);
}

gboolean
cobalt_autostart_is_enabled (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *system_path = NULL;

  if (cobalt_background_portal_in_sandbox ())
    return portal_state_get ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return entry_is_enabled (path);

  system_path = find_system_entry ();
  return system_path != NULL && entry_is_enabled (system_path);
}

gboolean
cobalt_autostart_set_enabled (gboolean   enabled,
                              GError   **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cobalt_background_portal_in_sandbox ())
    return set_enabled_files (enabled, error);

  /* The portal answers through a signal: wait on a context of our own,
   * so nothing else of the caller's runs meanwhile. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  cobalt_autostart_set_enabled_async (enabled, NULL, on_sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return cobalt_autostart_set_enabled_finish (result, error);
}

void
cobalt_autostart_set_enabled_async (gboolean              enabled,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char * const commandline[] = { "cobalt-reminder", NULL };

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cobalt_autostart_set_enabled_async);
  g_task_set_task_data (task, GINT_TO_POINTER (enabled), NULL);

  if (!cobalt_background_portal_in_sandbox ())
    {
      if (set_enabled_files (enabled, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* flatpak runs the command inside the sandbox: the name is enough. */
  cobalt_background_portal_request_async (enabled, commandline,
                                          _("Cobalt reminds you when an injection is due, also when its window is closed."),
                                          cancellable, on_portal_request_cb,
                                          g_steal_pointer (&task));
}

gboolean
cobalt_autostart_set_enabled_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
