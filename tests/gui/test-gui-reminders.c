/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reminders from the window's side: the preference that adds or removes
 * the autostart entry in ~/.config/autostart (here a temporary folder), the
 * other reminder options, and `cobalt` starting cobalt-reminder when it
 * opens, except for a demo, another data folder or COBALT_NO_REMINDER=1.
 * cobalt-reminder is a stub on PATH here that only leaves a marker file. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <gtk/gtk.h>

#include "cobalt-application.h"
#include "cobalt-autostart.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-preferences-window.h"
#include "cobalt-reminder-preferences.h"
#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

/* Every path below is under one temporary root, shared with the
 * subprocesses (they inherit the environment main sets). */
static char *test_root;

static char *
root_path (const char *name)
{
  return g_build_filename (test_root, name, NULL);
}

static void
restore_env (const char *name,
             const char *value)
{
  if (value != NULL)
    g_setenv (name, value, TRUE);
  else
    g_unsetenv (name);
}

static GtkWidget *
show_preferences (GtkWindow **window_out)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *preferences = cobalt_reminder_preferences_new (NULL);

  gtk_window_set_child (window, preferences);
  gtk_window_present (window);
  cobalt_test_wait_idle ();

  *window_out = window;
  return preferences;
}

static GtkWidget *
field (GtkWidget  *preferences,
       const char *name)
{
  GtkWidget *widget = cobalt_reminder_preferences_get_field (COBALT_REMINDER_PREFERENCES (preferences), name);

  g_assert_nonnull (widget);
  return widget;
}

/* What a click on the switch (or Space on it) does. */
static void
toggle (GtkWidget *widget)
{
  g_assert_true (GTK_IS_SWITCH (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  gtk_widget_activate (widget);
  cobalt_test_wait_idle ();
}

static GSettings *
preferences_settings (GtkWidget *preferences)
{
  GSettings *settings = NULL;

  g_object_get (preferences, "settings", &settings, NULL);
  return settings;
}

static void
assert_autostart_entry (const char *path)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = cobalt_autostart_get_contents ();
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);

  g_assert_true (g_key_file_load_from_data (entry, contents, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  type = g_key_file_get_string (entry, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, "cobalt-reminder"));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);
  g_assert_false (g_key_file_get_boolean (entry, "Desktop Entry", "Hidden", NULL));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
}

static void
test_autostart_switch (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *expected_path = g_build_filename (test_root, "config", "autostart",
                                                     REMINDER_AUTOSTART_FILE, NULL);
  g_autoptr(GSettings) settings = NULL;
  GtkWindow *window = NULL;
  GtkWidget *preferences;
  GtkWidget *autostart;

  /* Never the developer's own folder. */
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  preferences = show_preferences (&window);
  settings = preferences_settings (preferences);
  autostart = field (preferences, "autostart");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (autostart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Start reminders when I log in");

  /* Nothing installed system-wide and no entry of ours: off. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));

  toggle (autostart);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (autostart)));
  assert_autostart_entry (path);
  g_assert_true (cobalt_autostart_is_enabled ());
  g_assert_false (gtk_widget_get_visible (field (preferences, "autostart-error")));
  if (settings != NULL)
    g_assert_true (g_settings_get_boolean (settings, "reminder-autostart-enabled"));

  /* A second preferences window starts from what is on disk. */
  {
    GtkWindow *other_window = NULL;
    GtkWidget *other = show_preferences (&other_window);

    g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (other, "autostart"))));
    gtk_window_destroy (other_window);
  }

  toggle (autostart);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (cobalt_autostart_is_enabled ());
  if (settings != NULL)
    g_assert_false (g_settings_get_boolean (settings, "reminder-autostart-enabled"));

  gtk_window_destroy (window);
  cobalt_test_wait_idle ();
}

/* The autostart folder cannot be made (a file is in its way): the switch
 * stays off and says why, next to it. */
static void
test_autostart_failure_is_shown (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = NULL;
  GtkWidget *preferences;
  GtkWidget *autostart;
  GtkWidget *error_label;

  /* An earlier test may have made the folder (empty again by now). */
  g_rmdir (dir);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, &error));
  g_assert_no_error (error);

  preferences = show_preferences (&window);
  autostart = field (preferences, "autostart");
  error_label = field (preferences, "autostart-error");

  toggle (autostart);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_true (cobalt_test_is_showing (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            "could not be set to start when you log in"));

  /* Once the way is clear, the next try works and the message goes. */
  g_assert_cmpint (g_unlink (dir), ==, 0);
  toggle (autostart);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_false (gtk_widget_get_visible (error_label));
  assert_autostart_entry (path);

  g_assert_true (cobalt_autostart_set_enabled (FALSE, NULL));
  gtk_window_destroy (window);
  cobalt_test_wait_idle ();
}

static void
test_options_follow_settings (void)
{
  g_autoptr(GSettings) settings = NULL;
  GtkWindow *window = NULL;
  GtkWidget *preferences = show_preferences (&window);
  GtkWidget *day_before = field (preferences, "day-before");
  GtkWidget *lead_days = field (preferences, "lead-days");

  settings = preferences_settings (preferences);
  if (settings == NULL)
    {
      gtk_window_destroy (window);
      g_test_skip ("the settings schema is not compiled in the build's data/");
      return;
    }

  g_assert_false (gtk_widget_get_visible (field (preferences, "unavailable")));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (day_before), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remind me the day before");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lead_days), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reorder supplies this many days ahead");

  /* The schema's defaults, which cobalt-reminder reads as well. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (day_before)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (lead_days)), ==, 14);

  toggle (day_before);
  g_assert_true (g_settings_get_boolean (settings, "day-before-reminder-enabled"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lead_days), 30);
  cobalt_test_wait_idle ();
  g_assert_cmpuint (g_settings_get_uint (settings, "low-stock-lead-days"), ==, 30);

  /* The spin button keeps to the schema's range. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lead_days), 500);
  cobalt_test_wait_idle ();
  g_assert_cmpuint (g_settings_get_uint (settings, "low-stock-lead-days"), ==, 180);

  g_settings_reset (settings, "day-before-reminder-enabled");
  g_settings_reset (settings, "low-stock-lead-days");
  cobalt_test_wait_idle ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (day_before)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (lead_days)), ==, 14);

  gtk_window_destroy (window);
  cobalt_test_wait_idle ();
}

/* The page is reachable from the preferences window like the others. */
static void
test_preferences_window_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = cobalt_person_new ("Alex Morgan");
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = NULL;
  CobaltPreferencesWindow *window;
  GtkWidget *page;

  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  cobalt_person_set_emergency_number (person, "999");
  g_assert_true (cobalt_repository_save_person (repository, person, &error));
  g_assert_no_error (error);

  context = cobalt_context_new (repository, clock, person);
  window = cobalt_preferences_window_new (NULL, context, person);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_preferences_window_show_page (window, "reminders");
  cobalt_test_wait_idle ();

  page = cobalt_preferences_window_get_field (window, "reminders");
  g_assert_true (COBALT_IS_REMINDER_PREFERENCES (page));
  g_assert_true (cobalt_test_is_showing (page));
  g_assert_true (cobalt_test_is_showing (cobalt_reminder_preferences_get_field (COBALT_REMINDER_PREFERENCES (page),
                                                                                  "autostart")));
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), "Start reminders when I log in"));

  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* Without the schema (an uninstalled build run by hand) nothing crashes:
 * the autostart switch still works, the other two say why they are off. */
static void
test_without_schema_subprocess (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  GtkWindow *window = NULL;
  GtkWidget *preferences = show_preferences (&window);

  g_assert_null (preferences_settings (preferences));
  g_assert_true (cobalt_test_is_showing (field (preferences, "unavailable")));
  g_assert_false (gtk_widget_is_sensitive (field (preferences, "day-before")));
  g_assert_false (gtk_widget_is_sensitive (field (preferences, "lead-days")));

  toggle (field (preferences, "autostart"));
  assert_autostart_entry (path);
  toggle (field (preferences, "autostart"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (window);
  cobalt_test_wait_idle ();
}

static void
test_without_schema (void)
{
  g_autofree char *empty = root_path ("no-schemas");
  g_autofree char *schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_setenv ("GSETTINGS_SCHEMA_DIR", empty, TRUE);
  g_setenv ("XDG_DATA_DIRS", empty, TRUE);
  g_test_trap_subprocess ("/cobalt/gui/reminders/without-schema/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  restore_env ("GSETTINGS_SCHEMA_DIR", schema_dir);
  restore_env ("XDG_DATA_DIRS", data_dirs);

  g_test_trap_assert_passed ();
}

/* `cobalt` starting the reminder ---------------------------------------- */

typedef struct
{
  GApplication *app;
  const char   *marker;
  gint64        deadline;
} RunData;

static gboolean
on_poll_cb (gpointer user_data)
{
  RunData *run = user_data;

  if (g_file_test (run->marker, G_FILE_TEST_EXISTS) || g_get_monotonic_time () > run->deadline)
    {
      g_application_quit (run->app);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Runs the application as `cobalt ARG` until the stub reminder left its
 * marker or @seconds passed; TRUE when the stub ran. */
static gboolean
run_cobalt (const char *arg,
            int         seconds)
{
  g_autoptr(CobaltApplication) app = cobalt_application_new ("io.github.cobaltb12.Cobalt.Test",
                                                             G_APPLICATION_DEFAULT_FLAGS);
  g_autofree char *marker = g_strdup (g_getenv ("COBALT_TEST_MARKER"));
  char *argv[] = { (char *) "cobalt", (char *) arg, NULL };
  RunData run = { G_APPLICATION (app), marker, 0 };
  gint64 end;

  g_assert_nonnull (marker);
  run.deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;
  g_timeout_add (50, on_poll_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), arg != NULL ? 2 : 1, argv), ==, 0);

  /* The spawn may have happened just before the window closed. */
  end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (!g_file_test (marker, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_usleep (20 * 1000);

  return g_file_test (marker, G_FILE_TEST_EXISTS);
}

static void
test_app_starts_reminder_subprocess (void)
{
  g_assert_true (run_cobalt (NULL, 20));
}

static void
test_no_reminder_env_subprocess (void)
{
  g_setenv ("COBALT_NO_REMINDER", "1", TRUE);
  g_assert_false (run_cobalt (NULL, 3));
}

static void
test_data_dir_env_subprocess (void)
{
  g_autofree char *dir = root_path ("other-data");

  g_setenv ("COBALT_DATA_DIR", dir, TRUE);
  g_assert_false (run_cobalt (NULL, 3));
}

static void
test_demo_subprocess (void)
{
  g_assert_false (run_cobalt ("--demo", 3));
}

/* Each run in a subprocess (one GApplication per process) on a private
 * session bus, so that no real cobalt-reminder on the desktop's or the
 * test runner's bus answers for the stub. */
static void
test_launch (gconstpointer data)
{
  const char *subprocess_path = data;
  g_autofree char *marker = root_path ("reminder-started");
  g_autofree char *stub_dir = root_path ("bin");
  g_autofree char *stub = g_build_filename (stub_dir, "cobalt-reminder", NULL);
  g_autofree char *stub_text = g_strdup_printf ("#!/bin/sh\ntouch '%s'\n", marker);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *new_path = g_strconcat (stub_dir, ":", old_path, NULL);
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *runtime_dir = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));
  g_autofree char *bus_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(GError) error = NULL;

  if (daemon == NULL)
    {
      g_test_skip ("dbus-daemon is not installed");
      return;
    }

  g_unlink (marker);
  g_assert_cmpint (g_mkdir_with_parents (stub_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (stub, stub_text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (stub, 0755), ==, 0);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (against X11 bus autolaunch); GTK needs it. */
  restore_env ("DISPLAY", display);
  g_setenv ("PATH", new_path, TRUE);
  g_setenv ("COBALT_TEST_MARKER", marker, TRUE);
  g_unsetenv ("COBALT_NO_REMINDER");
  g_unsetenv ("COBALT_DATA_DIR");

  g_test_trap_subprocess (subprocess_path, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);

  g_setenv ("PATH", old_path, TRUE);
  g_setenv ("COBALT_NO_REMINDER", "1", TRUE);
  g_test_dbus_down (bus);
  /* …and up and down unset these: the later tests need them back. */
  restore_env ("DISPLAY", display);
  restore_env ("XDG_RUNTIME_DIR", runtime_dir);
  restore_env ("DBUS_SESSION_BUS_ADDRESS", bus_address);

  g_test_trap_assert_passed ();
  g_unlink (marker);
}

int
main (int   argc,
      char *argv[])
{
  gboolean own_root = g_getenv ("COBALT_TEST_ROOT") == NULL;
  int status;

  /* Before GTK or GLib read any of them (g_get_user_config_dir caches). */
  if (own_root)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *config = NULL;
      g_autofree char *system_config = NULL;
      g_autofree char *data = NULL;
      g_autofree char *cache = NULL;

      test_root = g_dir_make_tmp ("cobalt-reminders-XXXXXX", &error);
      g_assert_no_error (error);
      config = root_path ("config");
      system_config = root_path ("system-config");
      data = root_path ("data");
      cache = root_path ("cache");
      g_mkdir_with_parents (config, 0700);
      g_mkdir_with_parents (system_config, 0700);
      g_mkdir_with_parents (data, 0700);
      g_mkdir_with_parents (cache, 0700);
      g_setenv ("COBALT_TEST_ROOT", test_root, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      /* No system-wide entry from /etc/xdg/autostart. */
      g_setenv ("XDG_CONFIG_DIRS", system_config, TRUE);
      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    }
  else
    test_root = g_strdup (g_getenv ("COBALT_TEST_ROOT"));

  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/cobalt/gui/reminders/autostart-switch", test_autostart_switch);
  g_test_add_func ("/cobalt/gui/reminders/autostart-failure-is-shown", test_autostart_failure_is_shown);
  g_test_add_func ("/cobalt/gui/reminders/options-follow-settings", test_options_follow_settings);
  g_test_add_func ("/cobalt/gui/reminders/preferences-window-page", test_preferences_window_page);
  g_test_add_func ("/cobalt/gui/reminders/without-schema", test_without_schema);
  g_test_add_func ("/cobalt/gui/reminders/without-schema/subprocess", test_without_schema_subprocess);

  g_test_add_data_func ("/cobalt/gui/reminders/launch/starts-reminder",
                        "/cobalt/gui/reminders/launch/starts-reminder/subprocess", test_launch);
  g_test_add_func ("/cobalt/gui/reminders/launch/starts-reminder/subprocess", test_app_starts_reminder_subprocess);
  g_test_add_data_func ("/cobalt/gui/reminders/launch/not-with-no-reminder",
                        "/cobalt/gui/reminders/launch/not-with-no-reminder/subprocess", test_launch);
  g_test_add_func ("/cobalt/gui/reminders/launch/not-with-no-reminder/subprocess", test_no_reminder_env_subprocess);
  g_test_add_data_func ("/cobalt/gui/reminders/launch/not-with-data-dir",
                        "/cobalt/gui/reminders/launch/not-with-data-dir/subprocess", test_launch);
  g_test_add_func ("/cobalt/gui/reminders/launch/not-with-data-dir/subprocess", test_data_dir_env_subprocess);
  g_test_add_data_func ("/cobalt/gui/reminders/launch/not-with-demo",
                        "/cobalt/gui/reminders/launch/not-with-demo/subprocess", test_launch);
  g_test_add_func ("/cobalt/gui/reminders/launch/not-with-demo/subprocess", test_demo_subprocess);

  status = g_test_run ();

  if (own_root)
    cobalt_test_remove_tree (test_root);
  g_free (test_root);

  return status;
}
