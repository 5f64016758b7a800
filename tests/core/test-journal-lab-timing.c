/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Lab timing (CLINICAL.md "Lab values"): a result taken within 14 days
 * after an injection is marked "taken N days after an injection". */

#include "cobalt-core.h"

static CobaltDose *
dose_at (GDateTime      *at,
         CobaltDoseKind  kind)
{
  CobaltDose *dose = cobalt_dose_new ();

  cobalt_dose_set_given_at (dose, at);
  dose->kind = kind;
  g_date_time_unref (at);
  return dose;
}

static CobaltLabResult *
result_on (int day,
           int month,
           int year)
{
  CobaltLabResult *result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, 420, "pg/mL");
  g_autoptr(GDate) taken = g_date_new_dmy (day, month, year);

  cobalt_set_date (&result->taken_on, taken);
  return result;
}

static int
days_for (GPtrArray *doses,
          int        day,
          int        month,
          int        year)
{
  g_autoptr(CobaltLabResult) result = result_on (day, month, year);

  return cobalt_lab_timing_days_after_injection (result, doses);
}

static void
test_window (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 3, 3, 9, 0, 0), COBALT_DOSE_KIND_GIVEN));

  g_assert_cmpint (days_for (doses, 2, 3, 2025), ==, -1);   /* the day before */
  g_assert_cmpint (days_for (doses, 3, 3, 2025), ==, 0);    /* the same day */
  g_assert_cmpint (days_for (doses, 4, 3, 2025), ==, 1);
  g_assert_cmpint (days_for (doses, 17, 3, 2025), ==, 14);  /* two weeks: still marked */
  g_assert_cmpint (days_for (doses, 18, 3, 2025), ==, -1);  /* 15 days */
  g_assert_cmpint (days_for (doses, 1, 6, 2025), ==, -1);
  /* Across the clocks going forward (30 March) the days are calendar days. */
  g_assert_cmpint (days_for (doses, 31, 3, 2025), ==, -1);
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 3, 29, 23, 30, 0), COBALT_DOSE_KIND_GIVEN));
  g_assert_cmpint (days_for (doses, 31, 3, 2025), ==, 2);
}

/* The nearest injection before the result counts, in any order; a dose
 * not given on the clinic's advice is no injection. */
static void
test_nearest_given_dose (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 5, 12, 9, 0, 0), COBALT_DOSE_KIND_GIVEN));
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 5, 2, 9, 0, 0), COBALT_DOSE_KIND_GIVEN));
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 5, 15, 9, 0, 0), COBALT_DOSE_KIND_SKIPPED));
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 5, 9, 9, 0, 0), COBALT_DOSE_KIND_MOVED));

  g_assert_cmpint (days_for (doses, 16, 5, 2025), ==, 4);   /* from the 12th, not the skipped 15th */
  g_assert_cmpint (days_for (doses, 10, 5, 2025), ==, 8);   /* from the 2nd, not the moved 9th */
  g_assert_cmpint (days_for (doses, 1, 5, 2025), ==, -1);   /* before every dose */
  g_assert_cmpint (days_for (doses, 27, 5, 2025), ==, -1);  /* 15 days after the 12th */

  /* No doses, no date: nothing to mark. */
  g_assert_cmpint (days_for (NULL, 16, 5, 2025), ==, -1);
  {
    g_autoptr(CobaltLabResult) undated = cobalt_lab_result_new (1, COBALT_LAB_TEST_FOLATE, 6, NULL);

    g_assert_cmpint (cobalt_lab_timing_days_after_injection (undated, doses), ==, -1);
  }
}

/* A dose's day is the one it had where it was given, whatever UTC says. */
static void
test_dose_day_in_its_zone (void)
{
  g_autoptr(GTimeZone) auckland = g_time_zone_new_identifier ("Pacific/Auckland");
  g_autoptr(GTimeZone) la = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func (g_object_unref);

  /* 08:00 on the 2nd in Auckland is 20:00 on the 1st in UTC: the 2nd. */
  g_ptr_array_add (doses, dose_at (g_date_time_new (auckland, 2025, 7, 2, 8, 0, 0), COBALT_DOSE_KIND_GIVEN));
  g_assert_cmpint (days_for (doses, 1, 7, 2025), ==, -1);
  g_assert_cmpint (days_for (doses, 2, 7, 2025), ==, 0);
  g_assert_cmpint (days_for (doses, 16, 7, 2025), ==, 14);

  /* 22:00 on the 1st in Los Angeles is the 2nd in UTC: still the 1st. */
  g_ptr_array_add (late, dose_at (g_date_time_new (la, 2025, 7, 1, 22, 0, 0), COBALT_DOSE_KIND_GIVEN));
  g_assert_cmpint (days_for (late, 1, 7, 2025), ==, 0);
}

/* The words come from the clinical catalogue. */
static void
test_mark_words (void)
{
  g_autofree char *same_day = cobalt_clinical_lab_taken_after_injection (0);
  g_autofree char *one = cobalt_clinical_lab_taken_after_injection (1);
  g_autofree char *six = cobalt_clinical_lab_taken_after_injection (6);
  g_autofree char *fourteen = cobalt_clinical_lab_taken_after_injection (14);

  g_assert_cmpstr (same_day, ==, "Taken on the day of an injection");
  g_assert_cmpstr (one, ==, "Taken 1 day after an injection");
  g_assert_cmpstr (six, ==, "Taken 6 days after an injection");
  g_assert_cmpstr (fourteen, ==, "Taken 14 days after an injection");
  g_assert_null (cobalt_clinical_lab_taken_after_injection (-1));
  g_assert_null (cobalt_clinical_lab_taken_after_injection (15));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/lab-timing/window", test_window);
  g_test_add_func ("/cobalt/lab-timing/nearest-given-dose", test_nearest_given_dose);
  g_test_add_func ("/cobalt/lab-timing/dose-day-in-its-zone", test_dose_day_in_its_zone);
  g_test_add_func ("/cobalt/lab-timing/mark-words", test_mark_words);

  return g_test_run ();
}
