/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A time-zone change on the system (the /etc/localtime link replaced, as
 * timedatectl does) reaches the reminder, with the new zone. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cobalt-time-watch.h"

/* Keeps the "timezone" reason only: the watch may also say "clock" at
 * any moment (the kernel cancels its timer whenever CLOCK_REALTIME is
 * stepped, by NTP on the machine or by libfaketime in the date sweep),
 * and that is not what this test is about. */
static void
on_changed_cb (CobaltTimeWatch  *watch,
               const char       *reason,
               char            **got)
{
  if (g_strcmp0 (reason, "timezone") != 0)
    {
      g_test_message ("Ignored a \"%s\" change", reason);
      return;
    }

  g_free (*got);
  *got = g_strdup (reason);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
point_link (const char *link,
            const char *zone)
{
  g_autofree char *target = g_build_filename ("/usr/share/zoneinfo", zone, NULL);
  g_autofree char *tmp = g_strconcat (link, ".tmp", NULL);

  g_unlink (tmp);
  g_assert_cmpint (symlink (target, tmp), ==, 0);
  g_assert_cmpint (g_rename (tmp, link), ==, 0);
}

static void
test_zone_change (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-tz-XXXXXX", &error);
  g_autofree char *link = NULL;
  g_autofree char *got = NULL;
  g_autoptr(CobaltTimeWatch) watch = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  if (!g_file_test ("/usr/share/zoneinfo/America/Santiago", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No time zone database in /usr/share/zoneinfo");
      return;
    }

  g_assert_no_error (error);
  link = g_build_filename (dir, "localtime", NULL);
  point_link (link, "Europe/London");

  watch = cobalt_time_watch_new_for_path (link);
  zone = cobalt_time_watch_dup_zone (watch);
  g_assert_nonnull (zone);
  g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "Europe/London");
  g_clear_pointer (&zone, g_time_zone_unref);

  g_signal_connect (watch, "changed", G_CALLBACK (on_changed_cb), &got);
  point_link (link, "America/Santiago");

  timeout = g_timeout_add_seconds (5, on_timeout_cb, &timed_out);
  while (got == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_cmpstr (got, ==, "timezone");
  zone = cobalt_time_watch_dup_zone (watch);
  g_assert_nonnull (zone);
  g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "America/Santiago");

  g_clear_object (&watch);
  g_unlink (link);
  g_rmdir (dir);
}

/* Issue 15: a link whose name after "zoneinfo/" leaves the zone
 * database is no zone: GLib is never asked to open /etc/passwd or a fifo
 * as one (a GLib-CRITICAL, fatal here, or a hang). */
static void
test_zone_not_a_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-tz-XXXXXX", &error);
  g_autofree char *link = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *to_fifo = NULL;
  const char *escapes[] = { "../../../etc/passwd", "../../../proc/self/environ", "/etc/passwd" };

  g_assert_no_error (error);
  link = g_build_filename (dir, "localtime", NULL);
  fifo = g_build_filename (dir, "fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (escapes) + 1; i++)
    {
      g_autoptr(CobaltTimeWatch) watch = NULL;
      g_autoptr(GTimeZone) zone = NULL;
      g_autofree char *target = NULL;

      if (i < G_N_ELEMENTS (escapes))
        target = g_strconcat ("/usr/share/zoneinfo/", escapes[i], NULL);
      else
        /* …/zoneinfo/<absolute path of the fifo> */
        target = g_strconcat ("/usr/share/zoneinfo/", fifo, NULL);
      g_test_message ("%s", target);
      g_unlink (link);
      g_assert_cmpint (symlink (target, link), ==, 0);

      watch = cobalt_time_watch_new_for_path (link);
      zone = cobalt_time_watch_dup_zone (watch);
      g_assert_null (zone);
    }

  g_unlink (link);
  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/reminder/time-watch/zone-change", test_zone_change);
  g_test_add_func ("/cobalt/reminder/time-watch/zone-not-a-path", test_zone_not_a_path);

  return g_test_run ();
}
