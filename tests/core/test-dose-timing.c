/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The early-dose guard (cobalt-dose-timing.c): a dose about to be logged
 * more than a day before its due date, or a second one on the same day,
 * is named with the last dose and the next due date. */

#include <stdio.h>

#include "cobalt-dose-timing.h"

static GTimeZone *
london (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/London");

  g_assert_nonnull (tz);
  return tz;
}

/* "2026-01-05 09:00" in @tz. */
static GDateTime *
local_time (GTimeZone  *tz,
            const char *text)
{
  int y, mo, d, h, mi;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

/* Weekly from Monday 5 January 2026, reminder 09:00. */
static CobaltPrescription *
weekly (void)
{
  CobaltPrescription *prescription = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, NULL);
  g_autoptr(GDate) start = g_date_new_dmy (5, G_DATE_JANUARY, 2026);

  prescription->person_id = 1;
  cobalt_set_date (&prescription->starts_on, start);
  cobalt_prescription_add_phase (prescription, phase);
  return prescription;
}

static CobaltDose *
add_dose (GPtrArray  *doses,
          GTimeZone  *tz,
          const char *when)
{
  g_autoptr(GDateTime) given_at = local_time (tz, when);
  CobaltDose *dose = cobalt_dose_new ();

  dose->id = doses->len + 1;
  dose->person_id = 1;
  cobalt_dose_set_given_at (dose, given_at);
  g_ptr_array_add (doses, dose);
  return dose;
}

static CobaltDoseTimingInfo *
check (CobaltPrescription *prescription,
       GPtrArray          *doses,
       GTimeZone          *tz,
       const char         *when)
{
  g_autoptr(GDateTime) given_at = local_time (tz, when);

  return cobalt_dose_timing_check (prescription, doses, given_at, tz);
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
test_on_time_and_day_before (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(CobaltPrescription) prescription = weekly ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CobaltDoseTimingInfo) on_day = NULL;
  g_autoptr(CobaltDoseTimingInfo) day_before = NULL;
  g_autoptr(CobaltDoseTimingInfo) late = NULL;
  g_autofree char *next = NULL;

  add_dose (doses, tz, "2026-01-05 09:00");

  /* Due Monday 12th. */
  on_day = check (prescription, doses, tz, "2026-01-12 18:00");
  g_assert_cmpint (on_day->timing, ==, COBALT_DOSE_TIMING_EXPECTED);
  g_assert_cmpint (on_day->exceptions, ==, COBALT_DOSE_EXCEPTION_NONE);
  next = date_text (&on_day->next_due);
  g_assert_cmpstr (next, ==, "2026-01-12");

  /* A day before is not "more than a day before". */
  day_before = check (prescription, doses, tz, "2026-01-11 08:00");
  g_assert_cmpint (day_before->timing, ==, COBALT_DOSE_TIMING_EXPECTED);

  late = check (prescription, doses, tz, "2026-01-15 08:00");
  g_assert_cmpint (late->timing, ==, COBALT_DOSE_TIMING_EXPECTED);
}

static void
test_early (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(CobaltPrescription) prescription = weekly ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CobaltDoseTimingInfo) info = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  add_dose (doses, tz, "2026-01-05 09:00");

  /* Two days before Monday 12th. */
  info = check (prescription, doses, tz, "2026-01-10 09:00");
  g_assert_cmpint (info->timing, ==, COBALT_DOSE_TIMING_EARLY);
  g_assert_cmpint (info->exceptions, ==, COBALT_DOSE_EXCEPTION_EARLY);
  g_assert_false (info->first_dose);
  last = g_date_time_format (info->last_given_at, "%F %H:%M");
  g_assert_cmpstr (last, ==, "2026-01-05 09:00");
  next = date_text (&info->next_due);
  g_assert_cmpstr (next, ==, "2026-01-12");

  text = cobalt_dose_timing_describe (info);
  g_assert_cmpstr (text, ==,
                   "Your last dose was on Monday 5 January 2026 at 09:00. "
                   "The next is due on Monday 12 January 2026.");
  g_assert_cmpstr (cobalt_dose_timing_get_title (info->timing), ==, "This dose is early");
  shown = cobalt_dose_timing_describe_exceptions (info->exceptions);
  g_assert_cmpstr (shown, ==, "Early: given on the clinic’s advice");
}

static void
test_extra (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(CobaltPrescription) prescription = weekly ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CobaltDoseTimingInfo) info = NULL;
  g_autoptr(CobaltDoseTimingInfo) backdated = NULL;
  g_autoptr(CobaltDoseTimingInfo) without_prescription = NULL;
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;

  add_dose (doses, tz, "2026-01-05 09:00");
  add_dose (doses, tz, "2026-01-12 09:00");

  /* Two minutes after the dose due that day. */
  info = check (prescription, doses, tz, "2026-01-12 09:02");
  g_assert_cmpint (info->timing, ==, COBALT_DOSE_TIMING_EXTRA);
  g_assert_true (info->exceptions & COBALT_DOSE_EXCEPTION_EXTRA);
  /* ...and a week early for the next one: both reasons are kept. */
  g_assert_true (info->exceptions & COBALT_DOSE_EXCEPTION_EARLY);
  last = g_date_time_format (info->last_given_at, "%F %H:%M");
  g_assert_cmpstr (last, ==, "2026-01-12 09:00");
  next = date_text (&info->next_due);
  g_assert_cmpstr (next, ==, "2026-01-19");
  g_assert_cmpstr (cobalt_dose_timing_get_title (info->timing), ==, "A dose is already logged for this day");

  /* Logging a forgotten dose for a day that already has one, earlier
   * that day than the logged one, is extra too. */
  backdated = check (prescription, doses, tz, "2026-01-12 07:00");
  g_assert_cmpint (backdated->timing, ==, COBALT_DOSE_TIMING_EXTRA);

  /* With no prescription only the same-day rule applies. */
  without_prescription = check (NULL, doses, tz, "2026-01-12 20:00");
  g_assert_cmpint (without_prescription->timing, ==, COBALT_DOSE_TIMING_EXTRA);
  g_assert_false (g_date_valid (&without_prescription->next_due));
}

static void
test_not_given_is_never_a_dose (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(CobaltPrescription) prescription = weekly ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CobaltDoseTimingInfo) moved_day = NULL;
  g_autoptr(CobaltDoseTimingInfo) before_move = NULL;
  g_autoptr(GDate) moved_to = g_date_new_dmy (16, G_DATE_JANUARY, 2026);
  g_autofree char *last = NULL;
  CobaltDose *moved;

  add_dose (doses, tz, "2026-01-05 09:00");
  moved = add_dose (doses, tz, "2026-01-12 08:00");
  moved->kind = COBALT_DOSE_KIND_MOVED;
  cobalt_set_str (&moved->advised_by, "Dr Rao");
  cobalt_set_date (&moved->moved_to, moved_to);

  /* The decision on the 12th is not a dose that day... */
  before_move = check (prescription, doses, tz, "2026-01-12 10:00");
  g_assert_cmpint (before_move->timing, ==, COBALT_DOSE_TIMING_EARLY);
  last = g_date_time_format (before_move->last_given_at, "%F");
  g_assert_cmpstr (last, ==, "2026-01-05");

  /* ...and the dose is expected on the day it was moved to. */
  moved_day = check (prescription, doses, tz, "2026-01-16 09:00");
  g_assert_cmpint (moved_day->timing, ==, COBALT_DOSE_TIMING_EXPECTED);
}

/* Before a first-dose date: early, and said so. */
static void
test_first_dose (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(CobaltPrescription) prescription = weekly ();
  g_autoptr(CobaltDoseTimingInfo) info = check (prescription, NULL, tz, "2026-01-02 09:00");
  g_autoptr(CobaltDoseTimingInfo) first_day = check (prescription, NULL, tz, "2026-01-05 09:00");
  g_autofree char *text = cobalt_dose_timing_describe (info);

  g_assert_cmpint (info->timing, ==, COBALT_DOSE_TIMING_EARLY);
  g_assert_true (info->first_dose);
  g_assert_null (info->last_given_at);
  g_assert_cmpstr (text, ==, "No dose has been logged yet. The first dose is due on Monday 5 January 2026.");
  g_assert_cmpint (first_day->timing, ==, COBALT_DOSE_TIMING_EXPECTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/dose-timing/on-time", test_on_time_and_day_before);
  g_test_add_func ("/cobalt/dose-timing/early", test_early);
  g_test_add_func ("/cobalt/dose-timing/extra", test_extra);
  g_test_add_func ("/cobalt/dose-timing/not-given-is-never-a-dose", test_not_given_is_never_a_dose);
  g_test_add_func ("/cobalt/dose-timing/first-dose", test_first_dose);

  return g_test_run ();
}
