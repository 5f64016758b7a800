/* SPDX-License-Identifier: GPL-3.0-or-later */

/* cobalt_reminder_ensure_running(), as the window calls it at start-up:
 * starts cobalt-reminder once, and not again while it runs. Needs a
 * session bus of its own (meson runs it under dbus-run-session) and
 * cobalt-reminder on PATH. */

#include "config.h"

#include <signal.h>

#include "cobalt-reminder-launch.h"
#include "cobalt-repository-private.h"

static guint32
reminder_pid (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  guint32 pid = 0;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", REMINDER_APPLICATION_ID),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(u)", &pid);

  return pid;
}

static gboolean
wait_running (gboolean expected)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (cobalt_reminder_is_running (NULL) == expected)
        return TRUE;
      g_usleep (50000);
    }

  return FALSE;
}

static void
test_ensure_running (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autofree char *dir = NULL;
  guint32 pid, pid_again;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus");
      return;
    }

  dir = g_dir_make_tmp ("cobalt-launch-XXXXXX", &error);
  g_assert_no_error (error);
  database = cobalt_database_open (dir, &error);
  g_assert_no_error (error);
  g_setenv ("COBALT_DATA_DIR", dir, TRUE);

  g_assert_false (cobalt_reminder_is_running (&error));
  g_assert_no_error (error);

  g_assert_true (cobalt_reminder_ensure_running (&error));
  g_assert_no_error (error);
  g_assert_true (wait_running (TRUE));
  pid = reminder_pid ();
  g_assert_cmpuint (pid, >, 0);

  /* Called again (a second window, a restart of cobalt): the same one. */
  g_assert_true (cobalt_reminder_ensure_running (&error));
  g_assert_no_error (error);
  g_usleep (500000);
  pid_again = reminder_pid ();
  g_assert_cmpuint (pid_again, ==, pid);

  kill (pid, SIGTERM);
  g_assert_true (wait_running (FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cobalt/reminder/launch/ensure-running", test_ensure_running);

  return g_test_run ();
}
