/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The symptom-return arithmetic: each check-in set against the calendar
 * days since the dose given before it. */

#include "cobalt-symptom-return.h"

static GTimeZone *
london (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/London");

  g_assert_nonnull (tz);
  return tz;
}

/* Both take @at (transfer full), to keep the tables below short. */
static CobaltDose *
dose_at (GDateTime *at)
{
  CobaltDose *dose = cobalt_dose_new ();

  cobalt_dose_set_given_at (dose, at);
  g_date_time_unref (at);
  return dose;
}

static void
add_checkin (GListStore *store,
             GDateTime  *at,
             int         energy,
             gint64      id)
{
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (1, at);

  checkin->id = id;
  checkin->scores[COBALT_CHECKIN_ENERGY] = energy;
  checkin->scores[COBALT_CHECKIN_MOOD] = 5;
  g_list_store_append (store, checkin);
  g_date_time_unref (at);
}

static void
test_days_since_dose_before_each_checkin (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) checkins = g_list_store_new (COBALT_TYPE_CHECKIN);
  g_autoptr(GArray) points = NULL;
  const CobaltSymptomReturnPoint *p;

  /* Out of order on purpose: the second dose first. */
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 2, 1, 9, 0, 0)));
  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 1, 1, 9, 0, 0)));

  add_checkin (checkins, g_date_time_new (tz, 2024, 12, 31, 9, 0, 0), 2, 1);   /* before any dose */
  add_checkin (checkins, g_date_time_new (tz, 2025, 1, 1, 20, 0, 0), 6, 2);    /* dose day: 0 */
  add_checkin (checkins, g_date_time_new (tz, 2025, 1, 15, 9, 0, 0), 7, 3);    /* 14 */
  add_checkin (checkins, g_date_time_new (tz, 2025, 1, 31, 23, 30, 0), 4, 4);  /* 30 */
  add_checkin (checkins, g_date_time_new (tz, 2025, 2, 1, 8, 0, 0), 3, 5);     /* before that day's dose: 31 */
  add_checkin (checkins, g_date_time_new (tz, 2025, 2, 1, 10, 0, 0), 5, 6);    /* after it: 0 */

  points = cobalt_symptom_return_compute (G_LIST_MODEL (checkins), doses, COBALT_CHECKIN_ENERGY, tz);
  g_assert_cmpuint (points->len, ==, 5);

  p = &g_array_index (points, CobaltSymptomReturnPoint, 0);
  g_assert_cmpint (p->checkin_id, ==, 2);
  g_assert_cmpint (p->days_since_dose, ==, 0);
  g_assert_cmpint (p->score, ==, 6);
  g_assert_cmpint (g_date_get_day (&p->dose_day), ==, 1);
  g_assert_cmpint (g_date_get_month (&p->dose_day), ==, G_DATE_JANUARY);

  g_assert_cmpint (g_array_index (points, CobaltSymptomReturnPoint, 1).days_since_dose, ==, 14);
  g_assert_cmpint (g_array_index (points, CobaltSymptomReturnPoint, 2).days_since_dose, ==, 30);

  p = &g_array_index (points, CobaltSymptomReturnPoint, 3);
  g_assert_cmpint (p->checkin_id, ==, 5);
  g_assert_cmpint (p->days_since_dose, ==, 31);
  g_assert_cmpint (p->score, ==, 3);
  g_assert_cmpint (g_date_get_month (&p->dose_day), ==, G_DATE_JANUARY);

  p = &g_array_index (points, CobaltSymptomReturnPoint, 4);
  g_assert_cmpint (p->checkin_id, ==, 6);
  g_assert_cmpint (p->days_since_dose, ==, 0);
  g_assert_cmpint (g_date_get_month (&p->dose_day), ==, G_DATE_FEBRUARY);
}

/* A score that was not recorded is left out, the others stay. */
static void
test_not_recorded_left_out (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) checkins = g_list_store_new (COBALT_TYPE_CHECKIN);
  g_autoptr(GDateTime) note_at = g_date_time_new (tz, 2025, 1, 3, 9, 0, 0);
  g_autoptr(CobaltCheckin) only_note = cobalt_checkin_new (1, note_at);
  g_autoptr(GArray) energy = NULL;
  g_autoptr(GArray) mood = NULL;

  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 1, 1, 9, 0, 0)));
  add_checkin (checkins, g_date_time_new (tz, 2025, 1, 2, 9, 0, 0), 6, 1);
  cobalt_set_str (&only_note->note, "A cold");
  g_list_store_append (checkins, only_note);

  energy = cobalt_symptom_return_compute (G_LIST_MODEL (checkins), doses, COBALT_CHECKIN_ENERGY, tz);
  mood = cobalt_symptom_return_compute (G_LIST_MODEL (checkins), doses, COBALT_CHECKIN_MOOD, tz);
  g_assert_cmpuint (energy->len, ==, 1);
  g_assert_cmpuint (mood->len, ==, 1);
  g_assert_cmpint (g_array_index (energy, CobaltSymptomReturnPoint, 0).days_since_dose, ==, 1);
}

/* Calendar days in the person's zone, not 24-hour spans: across the
 * spring clock change and from a late-evening dose to the next morning. */
static void
test_calendar_days (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) next_morning = g_date_time_new (tz, 2025, 3, 30, 7, 0, 0);
  g_autoptr(GDateTime) two_days = g_date_time_new (tz, 2025, 3, 31, 8, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new (tz, 2025, 3, 29, 20, 0, 0);
  GDate dose_day;

  g_ptr_array_add (doses, dose_at (g_date_time_new (tz, 2025, 3, 29, 21, 0, 0)));

  g_assert_cmpint (cobalt_symptom_return_days_since_dose (doses, next_morning, tz, NULL), ==, 1);
  g_assert_cmpint (cobalt_symptom_return_days_since_dose (doses, two_days, tz, &dose_day), ==, 2);
  g_assert_cmpint (g_date_get_day (&dose_day), ==, 29);
  g_assert_cmpint (cobalt_symptom_return_days_since_dose (doses, before, tz, NULL), ==, -1);
  g_assert_cmpint (cobalt_symptom_return_days_since_dose (NULL, two_days, tz, NULL), ==, -1);

  /* The same instants counted in another zone can differ: the zone matters. */
  {
    g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GTimeZone) auckland = g_time_zone_new_identifier ("Pacific/Auckland");
    g_autoptr(GDateTime) checkin = g_date_time_new (utc, 2025, 6, 2, 11, 0, 0);

    /* 23:30 UTC on 1 June is 11:30 on 2 June in Auckland. */
    g_ptr_array_add (late, dose_at (g_date_time_new (utc, 2025, 6, 1, 23, 30, 0)));
    g_assert_cmpint (cobalt_symptom_return_days_since_dose (late, checkin, utc, NULL), ==, 1);
    g_assert_cmpint (cobalt_symptom_return_days_since_dose (late, checkin, auckland, NULL), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/symptom-return/days-since-dose", test_days_since_dose_before_each_checkin);
  g_test_add_func ("/cobalt/symptom-return/not-recorded", test_not_recorded_left_out);
  g_test_add_func ("/cobalt/symptom-return/calendar-days", test_calendar_days);

  return g_test_run ();
}
