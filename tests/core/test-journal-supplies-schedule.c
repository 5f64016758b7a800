/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Days of supply left follow the schedule in force: when the clinic
 * changes the prescription (a new version), the same cupboard lasts a
 * different time, and the Today warnings (CobaltStatus) follow. */

#include "cobalt-status.h"
#include "journal-test-util.h"

static gboolean
has_low_stock (CobaltStatus *status)
{
  GPtrArray *warnings = cobalt_status_get_warnings (status);

  for (guint i = 0; i < warnings->len; i++)
    if (((CobaltSupplyWarning *) g_ptr_array_index (warnings, i))->kind == COBALT_SUPPLY_WARNING_LOW_STOCK)
      return TRUE;
  return FALSE;
}

static void
test_schedule_change (void)
{
  JournalFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 1, 10, 12, 0);
  g_autoptr(GDateTime) first = journal_time (tz, 2025, 1, 1, 9, 0);
  g_autoptr(GDateTime) second = journal_time (tz, 2025, 1, 8, 9, 0);
  g_autoptr(CobaltPrescription) weekly = NULL;
  g_autoptr(CobaltPrescription) monthly = NULL;
  g_autoptr(CobaltDose) dose1 = NULL;
  g_autoptr(CobaltDose) dose2 = NULL;
  g_autoptr(CobaltDose) stored = NULL;
  g_autoptr(CobaltStatus) before = NULL;
  g_autoptr(CobaltStatus) after = NULL;
  g_autoptr(CobaltSupplyStatus) supplies = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  const CobaltSupplyStatus *s;
  GDate expected;

  journal_fixture_set_up (&f, now);
  weekly = journal_save_prescription (&f, COBALT_INTERVAL_WEEKS, 1);
  journal_add_stock (&f, 6);
  dose1 = journal_add_dose (&f, weekly, first);
  dose2 = journal_add_dose (&f, weekly, second);

  /* Two doses used two of each: 4 left. Weekly from 8 Jan: 15, 22, 29 Jan
   * and 5 Feb are covered, 12 Feb is not: 33 days from 10 Jan. */
  before = cobalt_status_compute_full (f.repository, f.person, now, 40, &error);
  g_assert_no_error (error);
  items = cobalt_repository_list_supply_items (f.repository, f.person->id, &error);
  g_assert_no_error (error);
  doses = cobalt_repository_list_doses (f.repository, f.person->id, &error);
  g_assert_no_error (error);
  supplies = cobalt_supplies_compute (items, weekly, doses, NULL, now, tz, 40);
  g_assert_cmpuint (supplies->doses_covered, ==, 4);
  g_assert_cmpint (supplies->days_left, ==, 33);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 12, G_DATE_FEBRUARY, 2025);
  g_assert_cmpint (g_date_compare (&supplies->runs_out_on, &expected), ==, 0);
  /* 33 days is within a 40-day lead time: Today warns. */
  g_assert_true (has_low_stock (before));

  /* The clinic changes to monthly: version 2. From the last dose (8 Jan):
   * 8 Feb, Mar, Apr and May are covered, 8 June is not: 149 days. */
  monthly = journal_save_prescription (&f, COBALT_INTERVAL_MONTHS, 1);
  g_assert_cmpuint (monthly->version, ==, 2);
  after = cobalt_status_compute_full (f.repository, f.person, now, 40, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (COBALT_PRESCRIPTION (cobalt_status_get_prescription (after))->version, ==, 2);
  g_assert_false (has_low_stock (after));

  g_clear_pointer (&supplies, cobalt_supply_status_free);
  supplies = cobalt_supplies_compute (items, cobalt_status_get_prescription (after), doses, NULL, now, tz, 40);
  s = supplies;
  g_assert_cmpuint (s->doses_covered, ==, 4);
  g_assert_cmpint (s->days_left, ==, 149);
  g_date_set_dmy (&expected, 8, G_DATE_JUNE, 2025);
  g_assert_cmpint (g_date_compare (&s->runs_out_on, &expected), ==, 0);

  /* The doses given before the change still point at version 1. */
  stored = cobalt_repository_get_dose (f.repository, dose2->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->prescription_id, ==, weekly->id);
  g_assert_cmpint (weekly->id, !=, monthly->id);

  journal_fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/supplies/schedule-change", test_schedule_change);

  return g_test_run ();
}
