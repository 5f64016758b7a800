/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-autostart.h"

#define DESKTOP_GROUP "Desktop Entry"

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

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return entry_is_enabled (path);

  system_path = find_system_entry ();
  return system_path != NULL && entry_is_enabled (system_path);
}

gboolean
cobalt_autostart_set_enabled (gboolean   enabled,
                              GError   **error)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *system_path = find_system_entry ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!enabled && system_path == NULL)
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
