/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The preference "Start reminders at login": the per-user autostart
 * entry appears, is valid, and goes away again. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cobalt-autostart.h"

static void
assert_valid_desktop_file (const char *path)
{
  g_autofree char *validator = g_find_program_in_path ("desktop-file-validate");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { NULL, path, NULL };
  int status = 0;
  g_autoptr(GError) error = NULL;

  if (validator == NULL)
    {
      g_test_message ("desktop-file-validate not installed: not validating");
      return;
    }

  argv[0] = validator;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s is not valid:\n%s%s", path, out, err);
}

static void
test_enable_disable (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  const char *expected_name = REMINDER_AUTOSTART_FILE;
  g_autofree char *autostart_dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *base = NULL;

  g_assert_true (g_str_has_prefix (path, autostart_dir));
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, expected_name);

  g_assert_false (cobalt_autostart_is_enabled ());

  g_assert_true (cobalt_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (cobalt_autostart_is_enabled ());
  assert_valid_desktop_file (path);

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  type = g_key_file_get_string (key_file, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", NULL);
  g_assert_true (g_str_has_suffix (exec, "cobalt-reminder"));
  g_assert_false (g_key_file_get_boolean (key_file, "Desktop Entry", "Hidden", NULL));

  /* Twice is fine. */
  g_assert_true (cobalt_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (cobalt_autostart_is_enabled ());

  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
}

/* With an entry installed system-wide, switching off must hide it. */
static void
test_system_entry (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  const char *name = REMINDER_AUTOSTART_FILE;
  g_autofree char *system_dir = g_build_filename (dirs[0], "autostart", NULL);
  g_autofree char *system_path = g_build_filename (system_dir, name, NULL);
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *contents = cobalt_autostart_get_contents ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (system_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (system_path, contents, -1, &error));

  /* Installed system-wide: on, without a user entry. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (cobalt_autostart_is_enabled ());

  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (cobalt_autostart_is_enabled ());
  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_true (g_key_file_get_boolean (key_file, "Desktop Entry", "Hidden", NULL));
  assert_valid_desktop_file (path);

  g_assert_true (cobalt_autostart_set_enabled (TRUE, &error));
  g_assert_true (cobalt_autostart_is_enabled ());

  g_unlink (system_path);
  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cobalt/reminder/autostart/enable-disable", test_enable_disable);
  g_test_add_func ("/cobalt/reminder/autostart/system-entry", test_system_entry);

  return g_test_run ();
}
