/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "Start reminders at login" inside a Flatpak sandbox: the preference goes
 * through the Background portal (mock-background-portal.py on this test's
 * own session bus) and writes no autostart file; a refusal is shown under
 * the switch, which goes back. COBALT_SANDBOX_INFO points the sandbox
 * check at a file of the test's own. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <gtk/gtk.h>

#include "cobalt-autostart.h"
#include "cobalt-background-portal.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-reminder-preferences.h"

#define MOCK_IFACE "io.github.cobaltb12.Cobalt.Test.MockPortal"

static char *test_root;
static char *sandbox_info;

static GDBusConnection *
bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
mock_set_answer (guint32  response,
                 gboolean grant)
{
  g_autoptr(GDBusConnection) connection = bus ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop", MOCK_IFACE,
                                       "SetAnswer", g_variant_new ("(ub)", response, grant),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

/* The calls the portal received so far, as a JSON array. */
static JsonArray *
mock_get_calls (void)
{
  g_autoptr(GDBusConnection) connection = bus ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *json = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop", MOCK_IFACE,
                                       "GetCalls", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(&s)", &json);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/* The options of the last call, and checks every call must pass. */
static JsonObject *
last_call_options (guint expected_calls)
{
  g_autoptr(JsonArray) calls = mock_get_calls ();
  JsonObject *call;
  JsonObject *options;
  JsonArray *commandline;

  g_assert_cmpuint (json_array_get_length (calls), ==, expected_calls);
  call = json_array_get_object_element (calls, expected_calls - 1);
  options = json_object_get_object_member (call, "options");

  commandline = json_object_get_array_member (options, "commandline");
  g_assert_cmpuint (json_array_get_length (commandline), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (commandline, 0), ==, "cobalt-reminder");
  g_assert_false (json_object_get_boolean_member (options, "dbus-activatable"));
  /* A sentence the person sees in the portal's dialog, in their language. */
  g_assert_cmpuint (strlen (json_object_get_string_member (options, "reason")), >, 20);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (options, "handle_token"), "cobalt"));
  g_assert_cmpstr (json_object_get_string_member (call, "parent_window"), ==, "");

  return json_object_ref (options);
}

/* No file where a session (or the sandbox's own folder) looks for one. */
static void
assert_no_autostart_file (void)
{
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static GtkWidget *
field (GtkWidget  *preferences,
       const char *name)
{
  GtkWidget *widget = cobalt_reminder_preferences_get_field (COBALT_REMINDER_PREFERENCES (preferences), name);

  g_assert_nonnull (widget);
  return widget;
}

/* A click on the switch, then the wait for the portal's answer: the
 * switch is insensitive until it comes. */
static void
toggle_and_wait (GtkWidget *autostart)
{
  gint64 end;

  g_assert_true (gtk_widget_is_sensitive (autostart));
  gtk_widget_activate (autostart);
  end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (!gtk_widget_is_sensitive (autostart) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_is_sensitive (autostart));
  cobalt_test_wait_idle ();
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

static void
test_switch_on_off (void)
{
  GtkWindow *window = NULL;
  GtkWidget *preferences;
  GtkWidget *autostart;
  g_autoptr(JsonObject) on = NULL;
  g_autoptr(JsonObject) off = NULL;
  g_autoptr(JsonArray) before = mock_get_calls ();
  guint n = json_array_get_length (before);

  g_assert_true (cobalt_background_portal_in_sandbox ());
  mock_set_answer (0, TRUE);
  preferences = show_preferences (&window);
  autostart = field (preferences, "autostart");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));

  toggle_and_wait (autostart);
  on = last_call_options (n + 1);
  g_assert_true (json_object_get_boolean_member (on, "autostart"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_false (gtk_widget_get_visible (field (preferences, "autostart-error")));
  g_assert_true (cobalt_autostart_is_enabled ());
  assert_no_autostart_file ();

  toggle_and_wait (autostart);
  off = last_call_options (n + 2);
  g_assert_false (json_object_get_boolean_member (off, "autostart"));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));
  g_assert_false (gtk_widget_get_visible (field (preferences, "autostart-error")));
  g_assert_false (cobalt_autostart_is_enabled ());
  assert_no_autostart_file ();

  gtk_window_destroy (window);
}

/* The person says no in the portal's dialog (response 1), or the portal
 * says yes to running in the background but not at login. */
static void
test_denied_is_shown (void)
{
  const struct { guint32 response; gboolean grant; } answers[] = { { 1, FALSE }, { 0, FALSE } };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      GtkWindow *window = NULL;
      GtkWidget *preferences;
      GtkWidget *autostart;
      GtkWidget *error_label;
      g_autoptr(JsonArray) before = mock_get_calls ();
      g_autoptr(JsonObject) options = NULL;
      const char *text;

      mock_set_answer (answers[i].response, answers[i].grant);
      preferences = show_preferences (&window);
      autostart = field (preferences, "autostart");
      error_label = field (preferences, "autostart-error");

      toggle_and_wait (autostart);
      options = last_call_options (json_array_get_length (before) + 1);
      g_assert_true (json_object_get_boolean_member (options, "autostart"));
      g_assert_false (gtk_switch_get_active (GTK_SWITCH (autostart)));
      g_assert_false (cobalt_autostart_is_enabled ());
      g_assert_true (gtk_widget_get_visible (error_label));
      text = gtk_label_get_text (GTK_LABEL (error_label));
      g_assert_nonnull (strstr (text, "could not be set to start when you log in"));
      g_assert_nonnull (strstr (text, "not allowed"));
      assert_no_autostart_file ();

      gtk_window_destroy (window);
    }
  mock_set_answer (0, TRUE);
}

/* The blocking call (no window) waits for the same answer. */
static void
test_sync_call (void)
{
  g_autoptr(JsonArray) before = mock_get_calls ();
  g_autoptr(JsonObject) options = NULL;
  g_autoptr(GError) error = NULL;

  mock_set_answer (0, TRUE);
  g_assert_true (cobalt_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  options = last_call_options (json_array_get_length (before) + 1);
  g_assert_true (json_object_get_boolean_member (options, "autostart"));
  g_assert_true (cobalt_autostart_is_enabled ());

  mock_set_answer (1, FALSE);
  g_assert_false (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_error (error, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_DENIED);
  /* Refused: what was granted before still holds. */
  g_assert_true (cobalt_autostart_is_enabled ());
  g_clear_error (&error);

  mock_set_answer (0, TRUE);
  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_false (cobalt_autostart_is_enabled ());
  assert_no_autostart_file ();
}

/* Outside a sandbox nothing changes: the file, and no portal call. */
static void
test_outside_sandbox (void)
{
  g_autofree char *missing = g_build_filename (test_root, "no-flatpak-info", NULL);
  g_autofree char *path = cobalt_autostart_get_path ();
  g_autoptr(JsonArray) before = mock_get_calls ();
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("COBALT_SANDBOX_INFO", missing, TRUE);
  g_assert_false (cobalt_background_portal_in_sandbox ());
  g_assert_true (cobalt_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (cobalt_autostart_set_enabled (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  after = mock_get_calls ();
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  g_setenv ("COBALT_SANDBOX_INFO", sandbox_info, TRUE);
}

/* Starts the mock and waits until it owns the portal's name. */
static GSubprocess *
start_mock_portal (void)
{
  const char *source_dir = g_getenv ("COBALT_SOURCE_DIR");
  g_autofree char *script = NULL;
  g_autoptr(GDBusConnection) connection = bus ();
  g_autoptr(GError) error = NULL;
  GSubprocess *mock;
  gint64 end = g_get_monotonic_time () + 15 * G_TIME_SPAN_SECOND;

  g_assert_nonnull (source_dir);
  script = g_build_filename (source_dir, "tests", "integration", "mock-background-portal.py", NULL);
  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.portal.Desktop"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return mock;
      g_usleep (50 * 1000);
    }

  g_error ("the mock portal did not start");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSubprocess) mock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *system_config = NULL;
  int status;

  /* Before GTK or GLib read the user folders. */
  test_root = g_dir_make_tmp ("cobalt-portal-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (test_root, "config", NULL);
  system_config = g_build_filename (test_root, "xdg", NULL);
  sandbox_info = g_build_filename (test_root, "flatpak-info", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", system_config, TRUE);
  g_setenv ("COBALT_SANDBOX_INFO", sandbox_info, TRUE);
  g_assert_true (g_file_set_contents (sandbox_info,
                                      "[Application]\nname=" APPLICATION_ID "\n", -1, &error));
  g_assert_no_error (error);

  cobalt_test_init_gui (&argc, &argv);

  mock = start_mock_portal ();

  g_test_add_func ("/cobalt/flatpak/background-portal/switch-on-off", test_switch_on_off);
  g_test_add_func ("/cobalt/flatpak/background-portal/denied-is-shown", test_denied_is_shown);
  g_test_add_func ("/cobalt/flatpak/background-portal/sync-call", test_sync_call);
  g_test_add_func ("/cobalt/flatpak/background-portal/outside-sandbox", test_outside_sandbox);

  status = g_test_run ();

  g_subprocess_force_exit (mock);
  g_subprocess_wait (mock, NULL, NULL);
  cobalt_test_remove_tree (test_root);
  g_free (test_root);
  g_free (sandbox_info);
  return status;
}
