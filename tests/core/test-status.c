/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CobaltStatus: what Today, `cobalt --status` and the reminder say about a
 * person at a moment, read from a real (in-memory) database. */

#include "config.h"

#include <time.h>

#include "cobalt-repository-private.h"
#include "cobalt-status.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltPerson     *person;
  GTimeZone        *tz;
} Fixture;

static GDateTime *
at (Fixture *fixture, int year, int month, int day, int hour, int minute)
{
  return g_date_time_new (fixture->tz, year, month, day, hour, minute, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tz = g_time_zone_new_identifier ("Europe/London");
  fixture->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  fixture->repository = cobalt_repository_new (fixture->database);
  fixture->person = cobalt_person_new ("Pat Example");
  cobalt_set_str (&fixture->person->clinic_phone, "01632 960 555");
  cobalt_repository_save_person (fixture->repository, fixture->person, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->person);
  g_clear_object (&fixture->repository);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->tz, g_time_zone_unref);
}

/* Every 3 months from 1 January 2026, reminder 09:00 (the three-hour
 * grace of the defaults no longer decides anything). */
static void
add_quarterly_prescription (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_MONTHS, 3, COBALT_PHASE_END_OPEN, 0, "Maintenance");
  g_autoptr(GDate) starts_on = g_date_new_dmy (1, G_DATE_JANUARY, 2026);

  cobalt_prescription_add_phase (prescription, phase);
  cobalt_set_date (&prescription->starts_on, starts_on);
  cobalt_prescription_set_enabled_sites (prescription,
                                         (const char *[]) { "deltoid-left", "deltoid-right",
                                                            "vastus-lateralis-left", "vastus-lateralis-right",
                                                            NULL });
  prescription->person_id = fixture->person->id;
  cobalt_repository_save_prescription (fixture->repository, prescription, &error);
  g_assert_no_error (error);
}

static void
add_dose (Fixture    *fixture,
          GDateTime  *given_at,
          const char *site_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();

  dose->person_id = fixture->person->id;
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, site_id);
  dose->amount = 1;
  cobalt_repository_add_dose (fixture->repository, dose, &error);
  g_assert_no_error (error);
}

static CobaltStatus *
compute (Fixture   *fixture,
         GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  CobaltStatus *status = cobalt_status_compute (fixture->repository, fixture->person, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

static void
test_no_prescription (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = at (fixture, 2026, 11, 21, 10, 0);
  g_autoptr(CobaltStatus) status = compute (fixture, now);
  g_autoptr(GDateTime) midnight = at (fixture, 2026, 11, 22, 0, 0);

  g_assert_null (cobalt_status_get_prescription (status));
  g_assert_null (cobalt_status_get_due (status));
  g_assert_cmpint (cobalt_status_get_dose_status (status), ==, COBALT_DOSE_STATUS_NONE);
  g_assert_cmpstr (cobalt_dose_status_to_string (cobalt_status_get_dose_status (status)), ==, "No prescription");
  g_assert_null (cobalt_status_get_site (status));
  g_assert_cmpuint (cobalt_status_get_warnings (status)->len, ==, 0);
  /* Still re-read at midnight. */
  g_assert_true (g_date_time_equal (cobalt_status_get_next_change (status), midnight));
}

static void
test_upcoming_due_overdue (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) given = at (fixture, 2026, 8, 20, 9, 10);
  g_autoptr(GDateTime) day_before = at (fixture, 2026, 11, 19, 10, 0);
  g_autoptr(GDateTime) morning = at (fixture, 2026, 11, 20, 7, 0);
  g_autoptr(GDateTime) afternoon = at (fixture, 2026, 11, 20, 13, 0);
  g_autoptr(GDateTime) next_day = at (fixture, 2026, 11, 21, 0, 30);
  g_autoptr(GDateTime) midnight = at (fixture, 2026, 11, 20, 0, 0);
  g_autoptr(GDateTime) day_end = at (fixture, 2026, 11, 21, 0, 0);
  g_autoptr(GDateTime) due_at = at (fixture, 2026, 11, 20, 9, 0);
  g_autoptr(CobaltStatus) before = NULL;
  g_autoptr(CobaltStatus) due = NULL;
  g_autoptr(CobaltStatus) still_due = NULL;
  g_autoptr(CobaltStatus) overdue = NULL;

  add_quarterly_prescription (fixture);
  add_dose (fixture, given, "vastus-lateralis-left");

  before = compute (fixture, day_before);
  g_assert_cmpint (cobalt_status_get_dose_status (before), ==, COBALT_DOSE_STATUS_UPCOMING);
  g_assert_cmpstr (cobalt_dose_status_to_string (COBALT_DOSE_STATUS_UPCOMING), ==, "Upcoming");
  g_assert_true (g_date_time_equal (cobalt_status_get_due (before)->due_at, due_at));
  g_assert_cmpstr (cobalt_status_get_relative_text (before), ==, "Due tomorrow");
  g_assert_cmpstr (cobalt_status_get_dose_text (before), ==, "1 mg hydroxocobalamin");
  g_assert_cmpuint (cobalt_status_get_n_doses (before), ==, 1);
  /* The page must look again when the due day starts. */
  g_assert_true (g_date_time_equal (cobalt_status_get_next_change (before), midnight));

  due = compute (fixture, morning);
  g_assert_cmpint (cobalt_status_get_dose_status (due), ==, COBALT_DOSE_STATUS_DUE);
  g_assert_true (g_date_time_equal (cobalt_status_get_next_change (due), due_at));

  /* Due all day: hours after the reminder time it is not missed yet, and
   * the next change is the start of the next day. */
  still_due = compute (fixture, afternoon);
  g_assert_cmpint (cobalt_status_get_dose_status (still_due), ==, COBALT_DOSE_STATUS_DUE);
  g_assert_cmpstr (cobalt_status_get_relative_text (still_due), ==, "Due today");
  g_assert_true (g_date_time_equal (cobalt_status_get_next_change (still_due), day_end));

  overdue = compute (fixture, next_day);
  g_assert_cmpint (cobalt_status_get_dose_status (overdue), ==, COBALT_DOSE_STATUS_OVERDUE);
  g_assert_cmpstr (cobalt_status_get_relative_text (overdue), ==, "Overdue by 1 day");
  g_assert_cmpstr (cobalt_dose_status_to_string (COBALT_DOSE_STATUS_OVERDUE), ==, "Overdue");
}

static void
test_site_suggestion_rotates (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) first = at (fixture, 2026, 2, 20, 9, 0);
  g_autoptr(GDateTime) second = at (fixture, 2026, 5, 20, 9, 0);
  g_autoptr(GDateTime) now = at (fixture, 2026, 8, 1, 9, 0);
  g_autoptr(CobaltStatus) status = NULL;
  const CobaltSiteInfo *site;

  add_quarterly_prescription (fixture);
  add_dose (fixture, first, "deltoid-left");
  add_dose (fixture, second, "vastus-lateralis-left");

  status = compute (fixture, now);
  site = cobalt_status_get_site (status);
  g_assert_nonnull (site);
  /* Never the sites just used while unused ones are enabled. */
  g_assert_cmpstr (site->id, !=, "deltoid-left");
  g_assert_cmpstr (site->id, !=, "vastus-lateralis-left");
  g_assert_nonnull (cobalt_status_get_site_reason (status));
}

static void
test_supplies_warnings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = at (fixture, 2026, 11, 21, 10, 0);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (fixture->person->id, 8);
  g_autoptr(CobaltStatus) status = NULL;
  GPtrArray *warnings;
  gboolean sharps = FALSE;

  add_quarterly_prescription (fixture);
  bin->fill = 7;
  cobalt_repository_save_sharps_bin (fixture->repository, bin, &error);
  g_assert_no_error (error);

  status = compute (fixture, now);
  warnings = cobalt_status_get_warnings (status);
  for (guint i = 0; i < warnings->len; i++)
    {
      CobaltSupplyWarning *warning = g_ptr_array_index (warnings, i);

      g_assert_nonnull (warning->message);
      if (warning->kind == COBALT_SUPPLY_WARNING_SHARPS_BIN)
        sharps = TRUE;
    }
  g_assert_true (sharps);
}

/* A new patient set up in the afternoon whose first dose is tomorrow:
 * Today says when the first dose is, never that it was missed. */
static void
test_first_dose_date (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  g_autoptr(GDate) starts_on = g_date_new_dmy (21, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDateTime) afternoon = at (fixture, 2026, 11, 20, 16, 0);
  g_autoptr(GDateTime) due_at = at (fixture, 2026, 11, 21, 9, 0);
  g_autoptr(CobaltStatus) status = NULL;

  cobalt_set_date (&prescription->starts_on, starts_on);
  cobalt_prescription_set_enabled_sites (prescription, (const char *[]) { "deltoid-left", NULL });
  prescription->person_id = fixture->person->id;
  cobalt_repository_save_prescription (fixture->repository, prescription, &error);
  g_assert_no_error (error);

  status = compute (fixture, afternoon);
  g_assert_cmpint (cobalt_status_get_dose_status (status), ==, COBALT_DOSE_STATUS_UPCOMING);
  g_assert_true (g_date_time_equal (cobalt_status_get_due (status)->due_at, due_at));
  g_assert_cmpstr (cobalt_status_get_relative_text (status), ==, "Due tomorrow");
  g_assert_cmpuint (cobalt_status_get_n_doses (status), ==, 0);
}

/* The clinic's advice not to give a dose counts for the schedule, and for
 * nothing else: not a dose given, not a site used. */
static void
test_not_given_counts_for_schedule_only (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) given = at (fixture, 2026, 8, 20, 9, 10);
  g_autoptr(GDateTime) decided = at (fixture, 2026, 11, 18, 15, 0);
  g_autoptr(GDateTime) now = at (fixture, 2026, 11, 21, 10, 0);
  g_autoptr(GDateTime) moved_due = at (fixture, 2026, 11, 27, 9, 0);
  g_autoptr(CobaltDose) moved = cobalt_dose_new ();
  g_autoptr(GDate) moved_to = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  g_autoptr(CobaltStatus) status = NULL;

  add_quarterly_prescription (fixture);
  add_dose (fixture, given, "vastus-lateralis-left");

  /* Due 20 November; the nurse moved it to the 27th on the 18th. */
  moved->person_id = fixture->person->id;
  cobalt_dose_set_given_at (moved, decided);
  moved->kind = COBALT_DOSE_KIND_MOVED;
  cobalt_set_str (&moved->advised_by, "Nurse Okafor");
  cobalt_set_date (&moved->moved_to, moved_to);
  cobalt_repository_add_dose (fixture->repository, moved, &error);
  g_assert_no_error (error);

  status = compute (fixture, now);
  g_assert_cmpint (cobalt_status_get_dose_status (status), ==, COBALT_DOSE_STATUS_UPCOMING);
  g_assert_true (g_date_time_equal (cobalt_status_get_due (status)->due_at, moved_due));
  g_assert_cmpuint (cobalt_status_get_n_doses (status), ==, 1);
  /* The last dose given is still August's. */
  g_assert_cmpint (cobalt_status_get_due (status)->last_dose_id, !=, moved->id);
  g_assert_cmpint (cobalt_status_get_due (status)->last_dose_id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cobalt/status/no-prescription", Fixture, NULL,
              fixture_set_up, test_no_prescription, fixture_tear_down);
  g_test_add ("/cobalt/status/upcoming-due-overdue", Fixture, NULL,
              fixture_set_up, test_upcoming_due_overdue, fixture_tear_down);
  g_test_add ("/cobalt/status/first-dose-date", Fixture, NULL,
              fixture_set_up, test_first_dose_date, fixture_tear_down);
  g_test_add ("/cobalt/status/not-given-counts-for-schedule-only", Fixture, NULL,
              fixture_set_up, test_not_given_counts_for_schedule_only, fixture_tear_down);
  g_test_add ("/cobalt/status/site-suggestion-rotates", Fixture, NULL,
              fixture_set_up, test_site_suggestion_rotates, fixture_tear_down);
  g_test_add ("/cobalt/status/supplies-warnings", Fixture, NULL,
              fixture_set_up, test_supplies_warnings, fixture_tear_down);

  return g_test_run ();
}
