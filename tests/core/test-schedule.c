/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cobalt-clock.h"
#include "cobalt-schedule.h"

/* Helpers ---------------------------------------------------------------- */

static GDate
date_parse (const char *text)
{
  GDate date;
  int y, m, d;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return date;
}

static char *
date_to_string (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

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

static CobaltPrescription *
prescription_from (const char *template_id,
                   const char *starts_on)
{
  CobaltPrescription *prescription = cobalt_prescription_new_from_template (template_id);
  GDate start = date_parse (starts_on);

  g_assert_nonnull (prescription);
  prescription->person_id = 1;
  cobalt_set_date (&prescription->starts_on, &start);

  return prescription;
}

/* A prescription with one phase per (unit, interval, end, end_value). */
static CobaltPrescription *
prescription_with_phases (const char *starts_on,
                          guint       n_phases,
                          ...)
{
  CobaltPrescription *prescription = cobalt_prescription_new ();
  GDate start = date_parse (starts_on);
  va_list args;

  prescription->person_id = 1;
  cobalt_set_date (&prescription->starts_on, &start);

  va_start (args, n_phases);
  for (guint i = 0; i < n_phases; i++)
    {
      CobaltIntervalUnit unit = va_arg (args, int);
      guint interval = va_arg (args, guint);
      CobaltPhaseEnd end = va_arg (args, int);
      guint end_value = va_arg (args, guint);
      g_autoptr(CobaltPhase) phase = cobalt_phase_new (unit, interval, end, end_value, NULL);

      cobalt_prescription_add_phase (prescription, phase);
    }
  va_end (args);

  return prescription;
}

static void
add_dose (GPtrArray *doses,
          GDateTime *given_at)
{
  CobaltDose *dose = cobalt_dose_new ();

  dose->id = doses->len + 1;
  dose->person_id = 1;
  cobalt_dose_set_given_at (dose, given_at);
  g_ptr_array_add (doses, dose);
}

static void
add_dose_at (GPtrArray  *doses,
             GTimeZone  *tz,
             const char *text)
{
  g_autoptr(GDateTime) when = local_time (tz, text);

  add_dose (doses, when);
}

static GPtrArray *
dose_array (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
assert_due_date (const CobaltDueInfo *info,
                 const char          *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (info);
  g_assert_true (g_date_valid (&info->due_date));
  text = date_to_string (&info->due_date);
  g_assert_cmpstr (text, ==, expected);
}

static char *
next_due_string (CobaltPrescription *prescription,
                 GPtrArray          *doses,
                 GTimeZone          *tz,
                 const char         *now_text)
{
  g_autoptr(GDateTime) now = local_time (tz, now_text);
  g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, now, tz);

  return date_to_string (&info->due_date);
}

/* Gives every dose exactly at its due instant and checks the due dates one
 * by one, then checks that projecting from an empty history agrees. */
static void
check_dates (const char         *template_id,
             const char         *starts_on,
             const char * const *expected,
             guint               n)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from (template_id, starts_on);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GPtrArray) projected = NULL;
  g_autofree char *now_text = g_strdup_printf ("%s 07:00", starts_on);
  g_autoptr(GDateTime) start_now = local_time (tz, now_text);
  g_autoptr(GDateTime) now = g_date_time_ref (start_now);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, now, tz);

      g_test_message ("%s dose %u", template_id, i + 1);
      assert_due_date (info, expected[i]);
      g_assert_cmpint (g_date_time_get_hour (info->due_at), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (info->due_at), ==, 0);

      add_dose (doses, info->due_at);
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_add_minutes (info->due_at, 1);
    }

  projected = cobalt_schedule_project (prescription, NULL, start_now, tz, n);
  g_assert_cmpuint (projected->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      GDateTime *when = g_ptr_array_index (projected, i);
      g_autofree char *text = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *want = g_strdup_printf ("%s 09:00", expected[i]);

      g_assert_cmpstr (text, ==, want);
    }
}

/* Templates: 12 due dates each, written out by hand ------------------------ */

static void
test_template_uk_hydroxo_standard (void)
{
  /* 3 a week (Mon, Wed, Fri) for 6 doses, then every 3 months from the
   * last loading dose. */
  const char *expected[] = {
    "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12", "2026-01-14", "2026-01-16",
    "2026-04-16", "2026-07-16", "2026-10-16", "2027-01-16", "2027-04-16", "2027-07-16",
  };

  check_dates ("uk-hydroxo-standard", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_uk_hydroxo_neuro (void)
{
  /* Alternate days, open-ended: the maintenance phase is never reached. */
  const char *expected[] = {
    "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-11", "2026-01-13", "2026-01-15",
    "2026-01-17", "2026-01-19", "2026-01-21", "2026-01-23", "2026-01-25", "2026-01-27",
  };

  check_dates ("uk-hydroxo-neuro", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_uk_hydroxo_prophylaxis (void)
{
  const char *expected[] = {
    "2026-01-05", "2026-04-05", "2026-07-05", "2026-10-05", "2027-01-05", "2027-04-05",
    "2027-07-05", "2027-10-05", "2028-01-05", "2028-04-05", "2028-07-05", "2028-10-05",
  };

  check_dates ("uk-hydroxo-prophylaxis", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_uk_cyano_cytamen (void)
{
  /* Alternate days x 7, then weekly (open-ended). */
  const char *expected[] = {
    "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-11", "2026-01-13", "2026-01-15",
    "2026-01-17", "2026-01-24", "2026-01-31", "2026-02-07", "2026-02-14", "2026-02-21",
  };

  check_dates ("uk-cyano-cytamen", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_us_cyano_label (void)
{
  /* Daily x 7, then alternate days x 7 (the first five of them here). */
  const char *expected[] = {
    "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10",
    "2026-01-11", "2026-01-13", "2026-01-15", "2026-01-17", "2026-01-19", "2026-01-21",
  };

  check_dates ("us-cyano-label", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_us_cyano_label_full (void)
{
  /* All four phases: daily x 7; alternate days x 7; every 3 days for 21
   * days from 28 Jan (the next date, 18 Feb, would be day 21, so the phase
   * is over after 15 Feb); then monthly from 15 Feb. */
  const char *expected[] = {
    "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10",
    "2026-01-11", "2026-01-13", "2026-01-15", "2026-01-17", "2026-01-19", "2026-01-21",
    "2026-01-23", "2026-01-25", "2026-01-28", "2026-01-31", "2026-02-03", "2026-02-06",
    "2026-02-09", "2026-02-12", "2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15",
  };

  check_dates ("us-cyano-label", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_us_cyano_weekly (void)
{
  /* Daily x 7, then weekly x 8 (the first five of them here). */
  const char *expected[] = {
    "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10",
    "2026-01-11", "2026-01-18", "2026-01-25", "2026-02-01", "2026-02-08", "2026-02-15",
  };

  check_dates ("us-cyano-weekly", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_us_cyano_8weeks (void)
{
  /* Weekly x 8, then monthly from the eighth dose. */
  const char *expected[] = {
    "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09",
    "2026-02-16", "2026-02-23", "2026-03-23", "2026-04-23", "2026-05-23", "2026-06-23",
  };

  check_dates ("us-cyano-8weeks", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

static void
test_template_prophylaxis (void)
{
  const char *expected[] = {
    "2026-01-05", "2026-04-05", "2026-07-05", "2026-10-05", "2027-01-05", "2027-04-05",
    "2027-07-05", "2027-10-05", "2028-01-05", "2028-04-05", "2028-07-05", "2028-10-05",
  };

  check_dates ("uk-hydroxo-prophylaxis", "2026-01-05", expected, G_N_ELEMENTS (expected));
}

/* "Custom" starts blank: no phase, so nothing is scheduled until the
 * person enters their prescription. */
static void
test_template_custom_blank (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("custom", "2026-01-05");
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-04 08:00");
  g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, NULL, now, tz);
  g_autofree char *description = cobalt_schedule_describe_due (info, now);

  g_assert_cmpuint (prescription->phases->len, ==, 0);
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_NONE);
  g_assert_null (info->due_at);
  g_assert_cmpstr (description, ==, "Nothing scheduled");
}

static void
test_template_phase_amounts (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-cyano-cytamen", "2026-01-05");
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-18 10:00");
  g_autoptr(CobaltDueInfo) before = NULL;
  g_autoptr(CobaltDueInfo) after = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *text = g_strdup_printf ("2026-01-%02u 09:00", 5 + 2 * i);

      add_dose_at (doses, tz, text);
    }

  /* The seventh loading dose is 1000 mcg... */
  before = cobalt_schedule_next_due (prescription, doses, now, tz);
  g_assert_cmpuint (before->phase_index, ==, 0);
  g_assert_cmpuint (before->dose_in_phase, ==, 7);
  g_assert_cmpfloat (before->amount, ==, 1000.0);

  /* ...then 250 mcg weekly. */
  add_dose_at (doses, tz, "2026-01-17 09:00");
  after = cobalt_schedule_next_due (prescription, doses, now, tz);
  assert_due_date (after, "2026-01-24");
  g_assert_cmpuint (after->phase_index, ==, 1);
  g_assert_cmpuint (after->dose_in_phase, ==, 1);
  g_assert_cmpfloat (after->amount, ==, 250.0);
  g_assert_cmpint (after->last_dose_id, ==, 7);
}

/* Calendar and clock changes -------------------------------------------- */

static void
test_london_spring_change (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("us-cyano-8weeks", "2026-03-16");
  g_autoptr(GDateTime) now = local_time (tz, "2026-03-16 07:00");
  g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 3);
  GDateTime *before = g_ptr_array_index (projected, 1);
  GDateTime *after = g_ptr_array_index (projected, 2);
  g_autofree char *before_text = g_date_time_format (before, "%Y-%m-%d %H:%M %z");
  g_autofree char *after_text = g_date_time_format (after, "%Y-%m-%d %H:%M %z");

  /* Still 09:00 on the clock; one hour less in UTC after 29 March. */
  g_assert_cmpstr (before_text, ==, "2026-03-23 09:00 +0000");
  g_assert_cmpstr (after_text, ==, "2026-03-30 09:00 +0100");
  g_assert_cmpint (g_date_time_difference (after, before), ==, 7 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
}

static void
test_london_autumn_change (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("us-cyano-8weeks", "2026-10-19");
  g_autoptr(GDateTime) now = local_time (tz, "2026-10-19 07:00");
  g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 2);
  g_autofree char *first = g_date_time_format (g_ptr_array_index (projected, 0), "%Y-%m-%d %H:%M %z");
  g_autofree char *second = g_date_time_format (g_ptr_array_index (projected, 1), "%Y-%m-%d %H:%M %z");

  g_assert_cmpstr (first, ==, "2026-10-19 09:00 +0100");
  g_assert_cmpstr (second, ==, "2026-10-26 09:00 +0000");
}

static void
test_local_instant_gap_and_overlap (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  GDate spring = date_parse ("2026-03-29");
  GDate autumn = date_parse ("2026-10-25");
  g_autoptr(GDateTime) gap = cobalt_schedule_local_instant (&spring, 90, tz);
  g_autoptr(GDateTime) overlap = cobalt_schedule_local_instant (&autumn, 90, tz);
  g_autoptr(GDateTime) ordinary = cobalt_schedule_local_instant (&autumn, 9 * 60 + 15, tz);
  g_autofree char *gap_text = g_date_time_format (gap, "%Y-%m-%d %H:%M %z");
  g_autofree char *overlap_text = g_date_time_format (overlap, "%Y-%m-%d %H:%M %z");
  g_autofree char *ordinary_text = g_date_time_format (ordinary, "%Y-%m-%d %H:%M %z");

  /* 01:30 does not exist on 29 March: the next valid minute is 02:00 BST. */
  g_assert_cmpstr (gap_text, ==, "2026-03-29 02:00 +0100");
  /* 01:30 happens twice on 25 October: the first one (BST) counts. */
  g_assert_cmpstr (overlap_text, ==, "2026-10-25 01:30 +0100");
  g_assert_cmpstr (ordinary_text, ==, "2026-10-25 09:15 +0000");
}

static void
test_santiago_missing_midnight (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) projected = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *expected[] = {
    "2026-09-04 00:00 -0400",
    "2026-09-05 00:00 -0400",
    "2026-09-06 01:00 -0300", /* midnight does not exist that day */
    "2026-09-07 00:00 -0300",
  };
  GTimeZone *tz;

  g_setenv ("TZ", "America/Santiago", TRUE);
  tzset ();

  /* The zone comes from $TZ through the real clock, as in the app. */
  clock = cobalt_clock_new_real ();
  tz = cobalt_clock_get_timezone (clock);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "America/Santiago");

  prescription = prescription_with_phases ("2026-09-04", 1,
                                           COBALT_INTERVAL_DAYS, 1, COBALT_PHASE_END_OPEN, 0);
  prescription->reminder_minute = 0;
  now = local_time (tz, "2026-09-03 12:00");

  projected = cobalt_schedule_project (prescription, NULL, now, tz, G_N_ELEMENTS (expected));
  g_assert_cmpuint (projected->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (projected, i), "%Y-%m-%d %H:%M %z");

      g_assert_cmpstr (text, ==, expected[i]);
    }

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_month_end_clamps (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-31", 1, COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  add_dose_at (doses, tz, "2026-01-31 09:00");
  first = next_due_string (prescription, doses, tz, "2026-02-01 09:00");
  g_assert_cmpstr (first, ==, "2026-02-28");

  /* Counting from the dose given on 28 February. */
  add_dose_at (doses, tz, "2026-02-28 09:00");
  second = next_due_string (prescription, doses, tz, "2026-03-01 09:00");
  g_assert_cmpstr (second, ==, "2026-03-28");
}

static void
test_leap_day (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2028-02-29", 1, COBALT_INTERVAL_MONTHS, 12, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *next = NULL;

  add_dose_at (doses, tz, "2028-02-29 09:00");
  next = next_due_string (prescription, doses, tz, "2028-03-01 09:00");
  g_assert_cmpstr (next, ==, "2029-02-28");
}

/* Doses ------------------------------------------------------------------ */

static void
test_first_due_without_doses (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  g_autoptr(GDateTime) now = local_time (tz, "2026-05-20 10:00");
  g_autoptr(CobaltDueInfo) info = NULL;
  g_autofree char *description = NULL;

  /* No first-dose date and nothing given: nothing is due until the date
   * is chosen; never a "due today" that follows today along. */
  info = cobalt_schedule_next_due (prescription, NULL, now, tz);
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_NONE);
  g_assert_true (info->needs_first_date);
  g_assert_null (info->due_at);
  g_assert_null (info->overdue_at);
  g_assert_cmpint (info->last_dose_id, ==, 0);
  description = cobalt_schedule_describe_due (info, now);
  g_assert_cmpstr (description, ==, "No first-dose date yet");
}

/* A new patient whose first dose is tomorrow: upcoming, with its date,
 * never "missed" on the afternoon they set Cobalt up; due all of the
 * first-dose day; overdue only from the day after. */
static void
test_first_dose_date (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-prophylaxis", "2026-05-21");
  struct {
    const char       *now;
    CobaltDoseStatus  status;
    const char       *description;
  } steps[] = {
    { "2026-05-20 16:00", COBALT_DOSE_STATUS_UPCOMING, "Due tomorrow" },
    { "2026-05-20 23:59", COBALT_DOSE_STATUS_UPCOMING, "Due tomorrow" },
    { "2026-05-21 00:00", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-05-21 22:00", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-05-22 00:00", COBALT_DOSE_STATUS_OVERDUE, "Overdue by 1 day" },
  };

  prescription->reminder_minute = 9 * 60;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GDateTime) now = local_time (tz, steps[i].now);
      g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, NULL, now, tz);
      g_autofree char *description = cobalt_schedule_describe_due (info, now);

      g_test_message ("now %s", steps[i].now);
      assert_due_date (info, "2026-05-21");
      g_assert_false (info->needs_first_date);
      g_assert_cmpuint (info->dose_in_phase, ==, 1);
      g_assert_cmpint (info->status, ==, steps[i].status);
      g_assert_cmpstr (description, ==, steps[i].description);
    }

  /* Projections start on the first-dose date too. */
  {
    g_autoptr(GDateTime) now = local_time (tz, "2026-05-20 16:00");
    g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 2);
    g_autofree char *first = g_date_time_format (g_ptr_array_index (projected, 0), "%F %H:%M");

    g_assert_cmpstr (first, ==, "2026-05-21 09:00");
  }
}

static void
test_late_dose_moves_next (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-prophylaxis", "2026-01-05");
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *next = NULL;

  /* Due 5 January, given a week late. */
  add_dose_at (doses, tz, "2026-01-12 18:30");
  next = next_due_string (prescription, doses, tz, "2026-01-13 09:00");
  g_assert_cmpstr (next, ==, "2026-04-12");
}

static void
test_early_morning_dose_credited (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *credited = NULL;
  g_autofree char *morning = NULL;
  g_autofree char *early = NULL;

  add_dose_at (doses, tz, "2026-01-05 09:00");
  /* Due Monday 12th; given at 00:30 on Tuesday: it was Monday's dose. */
  add_dose_at (doses, tz, "2026-01-13 00:30");
  credited = next_due_string (prescription, doses, tz, "2026-01-13 08:00");
  g_assert_cmpstr (credited, ==, "2026-01-19");

  /* The same dose given at 05:00 is simply late: it moves the next one. */
  g_ptr_array_remove_index (doses, 1);
  add_dose_at (doses, tz, "2026-01-13 05:00");
  morning = next_due_string (prescription, doses, tz, "2026-01-13 08:00");
  g_assert_cmpstr (morning, ==, "2026-01-20");

  /* Just after midnight on the due day itself: that day's dose. */
  g_ptr_array_remove_index (doses, 1);
  add_dose_at (doses, tz, "2026-01-12 00:30");
  early = next_due_string (prescription, doses, tz, "2026-01-12 08:00");
  g_assert_cmpstr (early, ==, "2026-01-19");
}

static void
test_overdue_dose_after_midnight_not_credited (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *next = NULL;

  /* Due Wednesday 7th, given three days late at 00:30 on Saturday 10th.
   * It is not "last night's" dose (none was due on Friday): it counts
   * from the day it was given, like any late dose. */
  add_dose_at (doses, tz, "2026-01-05 09:00");
  add_dose_at (doses, tz, "2026-01-10 00:30");
  next = next_due_string (prescription, doses, tz, "2026-01-10 08:00");
  g_assert_cmpstr (next, ==, "2026-01-12");
}

static void
test_dose_counts_on_its_own_day (void)
{
  g_autoptr(GTimeZone) london = zone ("Europe/London");
  g_autoptr(GTimeZone) sydney = zone ("Australia/Sydney");
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autofree char *in_sydney = NULL;
  g_autofree char *in_new_york = NULL;

  /* Monday's dose, given at 20:00 in London (already Tuesday 07:00 in
   * Sydney). Flown to Sydney, the log still says Monday 12th, so the
   * next weekly dose is Monday 19th, not Tuesday 20th. */
  add_dose_at (doses, london, "2026-01-05 09:00");
  add_dose_at (doses, london, "2026-01-12 20:00");
  in_sydney = next_due_string (prescription, doses, sydney, "2026-01-14 10:00");
  g_assert_cmpstr (in_sydney, ==, "2026-01-19");

  /* Given in New York at 22:00 on Monday 12th (03:00 Tuesday in London):
   * back home it still was Monday's dose. */
  g_ptr_array_remove_index (doses, 1);
  add_dose_at (doses, new_york, "2026-01-12 22:00");
  in_new_york = next_due_string (prescription, doses, london, "2026-01-14 10:00");
  g_assert_cmpstr (in_new_york, ==, "2026-01-19");
}

static void
test_doses_before_start_ignored (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("us-cyano-8weeks", "2026-03-02");
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-03-01 12:00");
  g_autoptr(CobaltDueInfo) info = NULL;
  CobaltDose *other_person;

  add_dose_at (doses, tz, "2026-02-23 09:00");
  add_dose_at (doses, tz, "2026-03-01 23:59");
  /* Someone else's dose does not count either. */
  add_dose_at (doses, tz, "2026-03-02 09:00");
  other_person = g_ptr_array_index (doses, 2);
  other_person->person_id = 2;

  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  assert_due_date (info, "2026-03-02");
  g_assert_cmpuint (info->dose_in_phase, ==, 1);
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_UPCOMING);
}

static void
test_history_across_versions (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-standard", "2026-01-05");
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-15 12:00");
  g_autoptr(CobaltDueInfo) info = NULL;
  const char *given[] = { "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12", "2026-01-14" };

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s 09:00", given[i]);

      add_dose_at (doses, tz, text);
      /* The first doses were given under an older version. */
      COBALT_DOSE (g_ptr_array_index (doses, i))->prescription_id = i < 3 ? 10 : 11;
    }
  prescription->id = 11;

  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  assert_due_date (info, "2026-01-16");
  g_assert_cmpuint (info->phase_index, ==, 0);
  g_assert_cmpuint (info->dose_in_phase, ==, 6);
}

/* Status ----------------------------------------------------------------- */

static CobaltDueInfo *
weekly_due_at (GTimeZone           *tz,
               CobaltPrescription  *prescription,
               GPtrArray           *doses,
               const char          *now_text,
               char               **description)
{
  g_autoptr(GDateTime) now = local_time (tz, now_text);
  CobaltDueInfo *info = cobalt_schedule_next_due (prescription, doses, now, tz);

  *description = cobalt_schedule_describe_due (info, now);

  return info;
}

static void
test_status_transitions (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  struct {
    const char       *now;
    CobaltDoseStatus  status;
    const char       *description;
  } steps[] = {
    { "2026-01-09 12:00", COBALT_DOSE_STATUS_UPCOMING, "Due in 3 days" },
    { "2026-01-11 23:59", COBALT_DOSE_STATUS_UPCOMING, "Due tomorrow" },
    { "2026-01-12 00:00", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-01-12 09:00", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-01-12 11:59", COBALT_DOSE_STATUS_DUE, "Due today" },
    /* Due all day: long past the reminder time it is still only due. */
    { "2026-01-12 12:00", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-01-12 23:59", COBALT_DOSE_STATUS_DUE, "Due today" },
    { "2026-01-13 00:00", COBALT_DOSE_STATUS_OVERDUE, "Overdue by 1 day" },
    { "2026-01-13 08:00", COBALT_DOSE_STATUS_OVERDUE, "Overdue by 1 day" },
    { "2026-01-20 10:00", COBALT_DOSE_STATUS_OVERDUE, "Overdue by 8 days" },
  };

  /* The old grace window decides nothing any more; nor does the clinic's
   * short window for a weekly phase. */
  prescription->grace_minutes = 180;
  prescription->overdue_after_minutes = 120;
  add_dose_at (doses, tz, "2026-01-05 09:00");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *description = NULL;
      g_autoptr(CobaltDueInfo) info = weekly_due_at (tz, prescription, doses, steps[i].now, &description);
      g_autofree char *overdue_at = g_date_time_format (info->overdue_at, "%Y-%m-%d %H:%M");

      g_test_message ("now %s", steps[i].now);
      /* Overdue never moves the dose on: it is still the 12th's dose. */
      assert_due_date (info, "2026-01-12");
      g_assert_cmpstr (overdue_at, ==, "2026-01-13 00:00");
      g_assert_cmpint (info->status, ==, steps[i].status);
      g_assert_cmpstr (description, ==, steps[i].description);
    }

  /* Exactly at the start of the next day, to the second. */
  {
    g_autoptr(GDateTime) boundary = local_time (tz, "2026-01-13 00:00");
    g_autoptr(GDateTime) just_before = g_date_time_add (boundary, -1);
    g_autoptr(CobaltDueInfo) before = cobalt_schedule_next_due (prescription, doses, just_before, tz);
    g_autoptr(CobaltDueInfo) at = cobalt_schedule_next_due (prescription, doses, boundary, tz);

    g_assert_cmpint (before->status, ==, COBALT_DOSE_STATUS_DUE);
    g_assert_cmpint (at->status, ==, COBALT_DOSE_STATUS_OVERDUE);
  }

  /* Giving the overdue dose schedules the next one from it. */
  {
    g_autofree char *description = NULL;
    g_autoptr(CobaltDueInfo) info = NULL;

    add_dose_at (doses, tz, "2026-01-20 10:30");
    info = weekly_due_at (tz, prescription, doses, "2026-01-20 10:31", &description);
    assert_due_date (info, "2026-01-27");
    g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_UPCOMING);
    g_assert_cmpint (info->last_dose_id, ==, 2);
    g_assert_cmpstr (description, ==, "Due in 7 days");
  }
}

/* A first dose the clinic brought forward, logged as early on its advice,
 * counts: the next is due from it, not again on the first-dose date. */
static void
test_early_first_dose_counts (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-prophylaxis", "2026-05-21");
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-05-21 10:00");
  g_autoptr(CobaltDueInfo) info = NULL;

  add_dose_at (doses, tz, "2026-05-18 11:00");
  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  /* Without the clinic's say-so, a dose before the first-dose date is not
   * part of this prescription. */
  assert_due_date (info, "2026-05-21");
  g_clear_pointer (&info, cobalt_due_info_free);

  COBALT_DOSE (g_ptr_array_index (doses, 0))->exceptions = COBALT_DOSE_EXCEPTION_EARLY;
  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  assert_due_date (info, "2026-08-18");
  g_assert_cmpint (info->last_dose_id, ==, 1);
}

/* A phase under a week with the clinic's shorter window: overdue that many
 * minutes after the reminder time, never later than the day's end. */
static void
test_short_interval_window (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) alternate =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(CobaltPrescription) three_a_week =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_TIMES_PER_WEEK, 3, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();

  add_dose_at (doses, tz, "2026-01-05 09:00");
  alternate->overdue_after_minutes = 240;
  three_a_week->overdue_after_minutes = 240;

  /* Due Wednesday 7th at 09:00, overdue from 13:00. */
  {
    g_autofree char *d1 = NULL;
    g_autofree char *d2 = NULL;
    g_autoptr(CobaltDueInfo) before = weekly_due_at (tz, alternate, doses, "2026-01-07 12:59", &d1);
    g_autoptr(CobaltDueInfo) after = weekly_due_at (tz, alternate, doses, "2026-01-07 13:00", &d2);
    g_autofree char *overdue_at = g_date_time_format (after->overdue_at, "%F %H:%M");

    g_assert_cmpint (before->status, ==, COBALT_DOSE_STATUS_DUE);
    g_assert_cmpstr (d1, ==, "Due today");
    g_assert_cmpint (after->status, ==, COBALT_DOSE_STATUS_OVERDUE);
    g_assert_cmpstr (d2, ==, "Overdue since 09:00");
    g_assert_cmpstr (overdue_at, ==, "2026-01-07 13:00");
  }

  /* "N times a week" is under a week too. */
  {
    g_autofree char *d = NULL;
    g_autoptr(CobaltDueInfo) info = weekly_due_at (tz, three_a_week, doses, "2026-01-07 13:30", &d);

    g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_OVERDUE);
  }

  /* A window reaching past midnight never makes the day longer. */
  alternate->overdue_after_minutes = 20 * 60;
  {
    g_autofree char *d = NULL;
    g_autoptr(CobaltDueInfo) info = weekly_due_at (tz, alternate, doses, "2026-01-07 23:00", &d);
    g_autofree char *overdue_at = g_date_time_format (info->overdue_at, "%F %H:%M");

    g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_DUE);
    g_assert_cmpstr (overdue_at, ==, "2026-01-08 00:00");
  }

  /* Without a window: due all day. */
  alternate->overdue_after_minutes = 0;
  {
    g_autofree char *d = NULL;
    g_autoptr(CobaltDueInfo) info = weekly_due_at (tz, alternate, doses, "2026-01-07 23:30", &d);

    g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_DUE);
  }

  g_assert_true (cobalt_schedule_interval_under_a_week (g_ptr_array_index (alternate->phases, 0)));
  {
    g_autoptr(CobaltPhase) weekly = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, NULL);
    g_autoptr(CobaltPhase) once = cobalt_phase_new (COBALT_INTERVAL_TIMES_PER_WEEK, 1, COBALT_PHASE_END_OPEN, 0, NULL);
    g_autoptr(CobaltPhase) six_days = cobalt_phase_new (COBALT_INTERVAL_DAYS, 6, COBALT_PHASE_END_OPEN, 0, NULL);
    g_autoptr(CobaltPhase) seven_days = cobalt_phase_new (COBALT_INTERVAL_DAYS, 7, COBALT_PHASE_END_OPEN, 0, NULL);

    g_assert_false (cobalt_schedule_interval_under_a_week (weekly));
    g_assert_false (cobalt_schedule_interval_under_a_week (once));
    g_assert_true (cobalt_schedule_interval_under_a_week (six_days));
    g_assert_false (cobalt_schedule_interval_under_a_week (seven_days));
  }
}

/* The day's end is local midnight in the person's zone, also on a day
 * whose midnight does not exist. */
static void
test_overdue_from_local_midnight (void)
{
  g_autoptr(GTimeZone) santiago = zone ("America/Santiago");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-09-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GDateTime) now = local_time (santiago, "2026-09-05 20:00");
  g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, NULL, now, santiago);
  g_autofree char *overdue_at = g_date_time_format (info->overdue_at, "%F %H:%M %z");

  /* Santiago skips 6 September's midnight: the day starts at 01:00. */
  g_assert_cmpstr (overdue_at, ==, "2026-09-06 01:00 -0300");
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_DUE);
}

static CobaltDose *
add_not_given_at (GPtrArray      *doses,
                  GTimeZone      *tz,
                  const char     *decided,
                  CobaltDoseKind  kind,
                  const char     *moved_to)
{
  CobaltDose *dose;

  add_dose_at (doses, tz, decided);
  dose = g_ptr_array_index (doses, doses->len - 1);
  dose->kind = kind;
  cobalt_set_str (&dose->advised_by, "Nurse Okafor");
  if (moved_to != NULL)
    {
      GDate date = date_parse (moved_to);

      cobalt_set_date (&dose->moved_to, &date);
    }
  return dose;
}

/* Skipped on the clinic's advice: the next date counts from the decision. */
static void
test_skipped_dose_counts_from_decision (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-14 10:00");
  g_autoptr(CobaltDueInfo) info = NULL;

  add_dose_at (doses, tz, "2026-01-05 09:00");
  /* Due the 12th; the nurse said on the 13th to skip it. */
  add_not_given_at (doses, tz, "2026-01-13 15:00", COBALT_DOSE_KIND_SKIPPED, NULL);

  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  assert_due_date (info, "2026-01-20");
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_UPCOMING);
  /* Never the last dose given. */
  g_assert_cmpint (info->last_dose_id, ==, 1);
}

/* Moved by the clinic: the next due date is the day it was moved to, and
 * the dose given then counts as usual. */
static void
test_moved_dose_sets_next_date (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();

  add_dose_at (doses, tz, "2026-01-05 09:00");
  add_not_given_at (doses, tz, "2026-01-10 11:00", COBALT_DOSE_KIND_MOVED, "2026-01-16");

  {
    g_autoptr(GDateTime) now = local_time (tz, "2026-01-13 10:00");
    g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, now, tz);

    /* Not overdue on the 13th: the clinic moved the 12th's dose. */
    assert_due_date (info, "2026-01-16");
    g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_UPCOMING);
    g_assert_cmpuint (info->dose_in_phase, ==, 2);
    g_assert_cmpint (info->last_dose_id, ==, 1);
  }

  /* Given on the day it was moved to: the next counts from that dose. */
  add_dose_at (doses, tz, "2026-01-16 09:30");
  {
    g_autoptr(GDateTime) now = local_time (tz, "2026-01-16 10:00");
    g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, now, tz);

    assert_due_date (info, "2026-01-23");
    g_assert_cmpint (info->last_dose_id, ==, 3);
  }

  /* Moving a first dose before anything was given. */
  {
    g_autoptr(GPtrArray) none = dose_array ();
    g_autoptr(GDateTime) now = local_time (tz, "2026-01-06 10:00");
    g_autoptr(CobaltDueInfo) info = NULL;

    add_not_given_at (none, tz, "2026-01-04 10:00", COBALT_DOSE_KIND_MOVED, "2026-01-08");
    info = cobalt_schedule_next_due (prescription, none, now, tz);
    assert_due_date (info, "2026-01-08");
    g_assert_cmpint (info->last_dose_id, ==, 0);
  }
}

static void
test_no_phases (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-05 09:00");
  g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, NULL, now, tz);
  g_autofree char *description = cobalt_schedule_describe_due (info, now);

  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_NONE);
  g_assert_null (info->due_at);
  g_assert_cmpstr (description, ==, "Nothing scheduled");
}

/* Phases ----------------------------------------------------------------- */

static void
test_open_phase_never_ends (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-neuro", "2026-01-01");
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-01 08:00");
  g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 200);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(CobaltDueInfo) info = NULL;
  g_autoptr(GDateTime) later = NULL;

  g_assert_cmpuint (projected->len, ==, 200);
  for (guint i = 1; i < projected->len; i++)
    {
      GDateTime *a = g_ptr_array_index (projected, i - 1);
      GDateTime *b = g_ptr_array_index (projected, i);
      g_autofree char *a_date = g_date_time_format (a, "%F");
      g_autoptr(GDateTime) a_plus_2 = g_date_time_add_days (a, 2);
      g_autofree char *want = g_date_time_format (a_plus_2, "%F");
      g_autofree char *b_date = g_date_time_format (b, "%F");

      g_assert_cmpstr (b_date, ==, want);
    }

  for (guint i = 0; i < projected->len; i++)
    add_dose (doses, g_ptr_array_index (projected, i));
  later = g_date_time_add_days (g_ptr_array_index (projected, 199), 1);
  info = cobalt_schedule_next_due (prescription, doses, later, tz);
  g_assert_cmpuint (info->phase_index, ==, 0);
  g_assert_cmpuint (info->dose_in_phase, ==, 201);
}

static void
test_after_days_boundaries (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  /* Every 3 days for 7 days, then weekly. */
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 2,
                              COBALT_INTERVAL_DAYS, 3, COBALT_PHASE_END_AFTER_DAYS, 7,
                              COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-05 08:00");
  g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 5);
  const char *expected[] = { "2026-01-05", "2026-01-08", "2026-01-11", "2026-01-18", "2026-01-25" };

  /* 14 January would be day 9 of a 7-day phase: the weekly phase starts
   * from the last dose (11th). */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (projected, i), "%F");

      g_assert_cmpstr (text, ==, expected[i]);
    }

  /* A dose given on or after day 7 belongs to the next phase. */
  add_dose_at (doses, tz, "2026-01-05 09:00");
  add_dose_at (doses, tz, "2026-01-12 09:00");
  {
    g_autoptr(GDateTime) later = local_time (tz, "2026-01-12 10:00");
    g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, later, tz);

    assert_due_date (info, "2026-01-19");
    g_assert_cmpuint (info->phase_index, ==, 1);
    g_assert_cmpuint (info->dose_in_phase, ==, 2);
  }

  /* One day earlier it still belongs to the first phase. */
  g_ptr_array_remove_index (doses, 1);
  add_dose_at (doses, tz, "2026-01-11 09:00");
  {
    g_autoptr(GDateTime) later = local_time (tz, "2026-01-11 10:00");
    g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, doses, later, tz);

    /* ...and the phase's next date (14th) is past its end: weekly next. */
    assert_due_date (info, "2026-01-18");
    g_assert_cmpuint (info->phase_index, ==, 1);
    g_assert_cmpuint (info->dose_in_phase, ==, 1);
  }
}

static void
test_times_a_week_gaps (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) three =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_TIMES_PER_WEEK, 3, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(CobaltPrescription) two =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_TIMES_PER_WEEK, 2, COBALT_PHASE_END_OPEN, 0);
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-05 08:00");
  g_autoptr(GPtrArray) three_dates = cobalt_schedule_project (three, NULL, now, tz, 7);
  g_autoptr(GPtrArray) two_dates = cobalt_schedule_project (two, NULL, now, tz, 5);
  /* Gaps 2, 2, 3: Monday, Wednesday, Friday every week. */
  const char *three_expected[] = {
    "2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12", "2026-01-14", "2026-01-16", "2026-01-19",
  };
  /* Gaps 3, 4: Monday and Thursday. */
  const char *two_expected[] = { "2026-01-05", "2026-01-08", "2026-01-12", "2026-01-15", "2026-01-19" };

  for (guint i = 0; i < G_N_ELEMENTS (three_expected); i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (three_dates, i), "%F");

      g_assert_cmpstr (text, ==, three_expected[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (two_expected); i++)
    {
      g_autofree char *text = g_date_time_format (g_ptr_array_index (two_dates, i), "%F");

      g_assert_cmpstr (text, ==, two_expected[i]);
    }
}

static void
test_course_that_ends (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription =
    prescription_with_phases ("2026-01-05", 1, COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_AFTER_DOSES, 3);
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-05 08:00");
  g_autoptr(GPtrArray) projected = cobalt_schedule_project (prescription, NULL, now, tz, 10);
  g_autoptr(GPtrArray) doses = dose_array ();
  g_autoptr(CobaltDueInfo) info = NULL;
  g_autoptr(GDateTime) later = local_time (tz, "2026-02-01 08:00");

  /* A course of three weekly doses with nothing after it. */
  g_assert_cmpuint (projected->len, ==, 3);

  for (guint i = 0; i < projected->len; i++)
    add_dose (doses, g_ptr_array_index (projected, i));
  info = cobalt_schedule_next_due (prescription, doses, later, tz);
  g_assert_cmpint (info->status, ==, COBALT_DOSE_STATUS_NONE);
  g_assert_null (info->due_at);
}

static void
test_due_info_copy (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/London");
  g_autoptr(CobaltPrescription) prescription = prescription_from ("uk-hydroxo-prophylaxis", "2026-01-05");
  g_autoptr(GDateTime) now = local_time (tz, "2026-01-04 08:00");
  g_autoptr(CobaltDueInfo) info = cobalt_schedule_next_due (prescription, NULL, now, tz);
  g_autoptr(CobaltDueInfo) copy = cobalt_due_info_copy (info);

  g_assert_true (g_date_time_equal (info->due_at, copy->due_at));
  g_assert_cmpint (g_date_compare (&info->due_date, &copy->due_date), ==, 0);
  g_assert_cmpint (copy->status, ==, COBALT_DOSE_STATUS_UPCOMING);
  g_assert_true (G_TYPE_IS_BOXED (COBALT_TYPE_DUE_INFO));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/schedule/template/uk-hydroxo-standard", test_template_uk_hydroxo_standard);
  g_test_add_func ("/cobalt/schedule/template/uk-hydroxo-neuro", test_template_uk_hydroxo_neuro);
  g_test_add_func ("/cobalt/schedule/template/uk-hydroxo-prophylaxis", test_template_uk_hydroxo_prophylaxis);
  g_test_add_func ("/cobalt/schedule/template/uk-cyano-cytamen", test_template_uk_cyano_cytamen);
  g_test_add_func ("/cobalt/schedule/template/us-cyano-label", test_template_us_cyano_label);
  g_test_add_func ("/cobalt/schedule/template/us-cyano-label-all-phases", test_template_us_cyano_label_full);
  g_test_add_func ("/cobalt/schedule/template/us-cyano-weekly", test_template_us_cyano_weekly);
  g_test_add_func ("/cobalt/schedule/template/us-cyano-8weeks", test_template_us_cyano_8weeks);
  g_test_add_func ("/cobalt/schedule/template/prophylaxis", test_template_prophylaxis);
  g_test_add_func ("/cobalt/schedule/template/custom-blank", test_template_custom_blank);
  g_test_add_func ("/cobalt/schedule/template/phase-amounts", test_template_phase_amounts);
  g_test_add_func ("/cobalt/schedule/dst/london-spring", test_london_spring_change);
  g_test_add_func ("/cobalt/schedule/dst/london-autumn", test_london_autumn_change);
  g_test_add_func ("/cobalt/schedule/dst/gap-and-overlap", test_local_instant_gap_and_overlap);
  g_test_add_func ("/cobalt/schedule/dst/santiago-midnight", test_santiago_missing_midnight);
  g_test_add_func ("/cobalt/schedule/calendar/month-end", test_month_end_clamps);
  g_test_add_func ("/cobalt/schedule/calendar/leap-day", test_leap_day);
  g_test_add_func ("/cobalt/schedule/dose/first-without-doses", test_first_due_without_doses);
  g_test_add_func ("/cobalt/schedule/dose/first-dose-date", test_first_dose_date);
  g_test_add_func ("/cobalt/schedule/dose/skipped-counts-from-decision", test_skipped_dose_counts_from_decision);
  g_test_add_func ("/cobalt/schedule/dose/moved-sets-next-date", test_moved_dose_sets_next_date);
  g_test_add_func ("/cobalt/schedule/dose/early-first-dose-counts", test_early_first_dose_counts);
  g_test_add_func ("/cobalt/schedule/dose/late-moves-next", test_late_dose_moves_next);
  g_test_add_func ("/cobalt/schedule/dose/after-midnight-credited", test_early_morning_dose_credited);
  g_test_add_func ("/cobalt/schedule/dose/overdue-after-midnight", test_overdue_dose_after_midnight_not_credited);
  g_test_add_func ("/cobalt/schedule/dose/own-zone-day", test_dose_counts_on_its_own_day);
  g_test_add_func ("/cobalt/schedule/dose/before-start-ignored", test_doses_before_start_ignored);
  g_test_add_func ("/cobalt/schedule/dose/across-versions", test_history_across_versions);
  g_test_add_func ("/cobalt/schedule/status/transitions", test_status_transitions);
  g_test_add_func ("/cobalt/schedule/status/short-interval-window", test_short_interval_window);
  g_test_add_func ("/cobalt/schedule/status/overdue-from-local-midnight", test_overdue_from_local_midnight);
  g_test_add_func ("/cobalt/schedule/status/no-phases", test_no_phases);
  g_test_add_func ("/cobalt/schedule/phase/open-never-ends", test_open_phase_never_ends);
  g_test_add_func ("/cobalt/schedule/phase/after-days", test_after_days_boundaries);
  g_test_add_func ("/cobalt/schedule/phase/times-a-week", test_times_a_week_gaps);
  g_test_add_func ("/cobalt/schedule/phase/course-ends", test_course_that_ends);
  g_test_add_func ("/cobalt/schedule/due-info-copy", test_due_info_copy);

  return g_test_run ();
}
