/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <time.h>

#include "cobalt-clock.h"

static void
on_changed_cb (CobaltClock *clock,
               guint       *count)
{
  (*count)++;
}

static void
test_fixed (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 28, 9, 0, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (start);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) again = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) set_to = NULL;
  g_autoptr(GDateTime) after_set = NULL;
  g_autofree char *text = NULL;
  guint changed = 0;

  g_assert_true (cobalt_clock_is_fixed (clock));
  g_assert_cmpstr (g_time_zone_get_identifier (cobalt_clock_get_timezone (clock)), ==, "Europe/London");
  g_signal_connect (clock, "changed", G_CALLBACK (on_changed_cb), &changed);

  /* A stopped clock does not move by itself. */
  now = cobalt_clock_get_now (clock);
  g_usleep (2000);
  again = cobalt_clock_get_now (clock);
  g_assert_true (g_date_time_equal (now, start));
  g_assert_true (g_date_time_equal (again, start));
  g_assert_cmpuint (changed, ==, 0);

  /* Advancing 24 hours across the spring change lands on 10:00 local. */
  cobalt_clock_advance (clock, G_TIME_SPAN_DAY);
  g_assert_cmpuint (changed, ==, 1);
  later = cobalt_clock_get_now (clock);
  text = g_date_time_format (later, "%Y-%m-%d %H:%M %z");
  g_assert_cmpstr (text, ==, "2026-03-29 10:00 +0100");

  set_to = g_date_time_new (tz, 2027, 1, 1, 0, 0, 0);
  cobalt_clock_set_now (clock, set_to);
  g_assert_cmpuint (changed, ==, 2);
  after_set = cobalt_clock_get_now (clock);
  g_assert_true (g_date_time_equal (after_set, set_to));
}

static void
test_fixed_takes_zone_of_now (void)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) start = g_date_time_new (tokyo, 2026, 6, 1, 8, 0, 0);
  g_autoptr(GDateTime) moved = g_date_time_new (london, 2026, 6, 1, 8, 0, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (start);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock);

  g_assert_cmpint (g_date_time_get_hour (now), ==, 8);
  g_assert_cmpstr (g_time_zone_get_identifier (cobalt_clock_get_timezone (clock)), ==, "Asia/Tokyo");

  /* Travelling: setting a time in another zone moves the clock's zone. */
  cobalt_clock_set_now (clock, moved);
  g_assert_cmpstr (g_time_zone_get_identifier (cobalt_clock_get_timezone (clock)), ==, "Europe/London");
}

static void
test_real_honours_tz (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  GTimeZone *first_tz;

  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  tzset ();

  clock = cobalt_clock_new_real ();
  g_assert_false (cobalt_clock_is_fixed (clock));
  first_tz = cobalt_clock_get_timezone (clock);
  g_assert_cmpstr (g_time_zone_get_identifier (first_tz), ==, "Asia/Kolkata");

  before = g_date_time_new_now_utc ();
  now = cobalt_clock_get_now (clock);
  after = g_date_time_new_now_utc ();
  /* India is 5:30 ahead of UTC all year. */
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, (5 * 60 + 30) * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_compare (before, now), <=, 0);
  g_assert_cmpint (g_date_time_compare (now, after), <=, 0);

  /* A changed $TZ is picked up; the zone handed out earlier stays valid. */
  g_setenv ("TZ", "America/Santiago", TRUE);
  tzset ();
  g_assert_cmpstr (g_time_zone_get_identifier (cobalt_clock_get_timezone (clock)), ==, "America/Santiago");
  g_assert_cmpstr (g_time_zone_get_identifier (first_tz), ==, "Asia/Kolkata");

  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/clock/fixed", test_fixed);
  g_test_add_func ("/cobalt/clock/fixed-zone", test_fixed_takes_zone_of_now);
  g_test_add_func ("/cobalt/clock/real-honours-tz", test_real_honours_tz);

  return g_test_run ();
}
