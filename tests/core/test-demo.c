/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo data behind `cobalt --demo` and the screenshots: two people, a
 * year of realistic history, the same data for the same clock. */

#include "config.h"

#include <time.h>

#include "cobalt-demo.h"
#include "cobalt-status.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
} Demo;

static GDateTime *
demo_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);
}

static void
demo_open (Demo      *demo,
           GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);

  demo->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  demo->repository = cobalt_repository_new (demo->database);
  cobalt_demo_populate (demo->repository, clock, &error);
  g_assert_no_error (error);
}

static void
demo_close (Demo *demo)
{
  g_clear_object (&demo->repository);
  g_clear_object (&demo->database);
}

static CobaltPerson *
find (Demo       *demo,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_repository_find_person (demo->repository, name, &error);

  g_assert_no_error (error);
  return person;
}

static GPtrArray *
doses_of (Demo         *demo,
          CobaltPerson *person)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *doses = cobalt_repository_list_doses (demo->repository, cobalt_person_get_id (person), &error);

  g_assert_no_error (error);
  return doses;
}

static guint
n_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

static void
test_two_people_a_year (void)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  Demo demo = { 0 };

  demo_open (&demo, now);
  people = cobalt_repository_list_people (demo.repository, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, p);
      g_autoptr(GPtrArray) doses = doses_of (&demo, person);
      gint64 id = cobalt_person_get_id (person);
      CobaltDose *first, *last;
      guint late = 0, same_site_twice = 0;

      g_assert_cmpuint (doses->len, >=, 8);
      first = g_ptr_array_index (doses, 0);
      last = g_ptr_array_index (doses, doses->len - 1);
      /* About a year of history that ends recently, never in the future. */
      g_assert_cmpint (g_date_time_difference (now, cobalt_dose_get_given_at (first)) / G_TIME_SPAN_DAY, >=, 330);
      g_assert_cmpint (g_date_time_difference (now, cobalt_dose_get_given_at (last)), >, 0);
      g_assert_cmpint (g_date_time_difference (now, cobalt_dose_get_given_at (last)) / G_TIME_SPAN_DAY, <=, 95);

      for (guint i = 0; i < doses->len; i++)
        {
          CobaltDose *dose = g_ptr_array_index (doses, i);

          g_assert_nonnull (cobalt_dose_get_site_id (dose));
          g_assert_nonnull (cobalt_dose_get_batch (dose));
          if (cobalt_dose_get_notes (dose) != NULL)
            late++;
          if (i > 0 && g_strcmp0 (cobalt_dose_get_site_id (dose),
                                  cobalt_dose_get_site_id (g_ptr_array_index (doses, i - 1))) == 0)
            same_site_twice++;
        }
      /* Sites are rotated; a few doses were late. */
      g_assert_cmpuint (same_site_twice, ==, 0);
      g_assert_cmpuint (late, <=, doses->len / 3);

      g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (demo.repository, id, &error);
      g_autoptr(CobaltSharpsBin) bin = cobalt_repository_get_sharps_bin (demo.repository, id, &error);

      g_assert_nonnull (prescription);
      g_assert_nonnull (bin);
      g_assert_cmpuint (n_items (cobalt_repository_list_checkins (demo.repository, id, &error)), >=, 20);
      g_assert_cmpuint (n_items (cobalt_repository_list_lab_results (demo.repository, id, &error)), >=, 3);
      g_assert_cmpuint (n_items (cobalt_repository_list_reactions (demo.repository, id, &error)), >=, 1);
      g_assert_cmpuint (n_items (cobalt_repository_list_supply_items (demo.repository, id, &error)), >=, 5);
      g_assert_cmpuint (n_items (cobalt_repository_list_checklist_runs (demo.repository, id, &error)), >=, 1);
      g_assert_no_error (error);
    }

  demo_close (&demo);
}

static void
test_statuses (void)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) alex = NULL;
  g_autoptr(CobaltPerson) sam = NULL;
  g_autoptr(CobaltStatus) alex_status = NULL;
  g_autoptr(CobaltStatus) sam_status = NULL;
  g_autoptr(GDate) alex_due = g_date_new_dmy (24, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) sam_due = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);
  Demo demo = { 0 };

  demo_open (&demo, now);
  alex = find (&demo, COBALT_DEMO_PERSON_SELF);
  sam = find (&demo, COBALT_DEMO_PERSON_CARED);

  /* Alex: three days to go; Sam: a day overdue (the missed-dose case). */
  alex_status = cobalt_status_compute (demo.repository, alex, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_status_get_dose_status (alex_status), ==, COBALT_DOSE_STATUS_UPCOMING);
  g_assert_cmpint (g_date_compare (&cobalt_status_get_due (alex_status)->due_date, alex_due), ==, 0);
  g_assert_nonnull (cobalt_status_get_site (alex_status));
  g_assert_cmpuint (cobalt_status_get_warnings (alex_status)->len, >=, 1);

  sam_status = cobalt_status_compute (demo.repository, sam, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_status_get_dose_status (sam_status), ==, COBALT_DOSE_STATUS_OVERDUE);
  g_assert_cmpint (g_date_compare (&cobalt_status_get_due (sam_status)->due_date, sam_due), ==, 0);
  g_assert_cmpstr (cobalt_person_get_clinic_phone (sam), ==, "555-0142");

  demo_close (&demo);
}

static void
test_deterministic (void)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(CobaltPerson) a_person = NULL;
  g_autoptr(CobaltPerson) b_person = NULL;
  g_autoptr(GPtrArray) a_doses = NULL;
  g_autoptr(GPtrArray) b_doses = NULL;
  Demo a = { 0 }, b = { 0 };

  demo_open (&a, now);
  demo_open (&b, now);
  a_person = find (&a, COBALT_DEMO_PERSON_CARED);
  b_person = find (&b, COBALT_DEMO_PERSON_CARED);
  a_doses = doses_of (&a, a_person);
  b_doses = doses_of (&b, b_person);

  g_assert_cmpuint (a_doses->len, ==, b_doses->len);
  for (guint i = 0; i < a_doses->len; i++)
    {
      CobaltDose *x = g_ptr_array_index (a_doses, i);
      CobaltDose *y = g_ptr_array_index (b_doses, i);

      g_assert_true (g_date_time_equal (cobalt_dose_get_given_at (x), cobalt_dose_get_given_at (y)));
      g_assert_cmpstr (cobalt_dose_get_site_id (x), ==, cobalt_dose_get_site_id (y));
      g_assert_cmpstr (cobalt_dose_get_batch (x), ==, cobalt_dose_get_batch (y));
    }

  demo_close (&a);
  demo_close (&b);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  Demo demo = { 0 };

  demo_open (&demo, now);
  g_assert_false (cobalt_demo_populate (demo.repository, clock, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Nothing was added twice. */
  people = cobalt_repository_list_people (demo.repository, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  demo_close (&demo);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/demo/two-people-a-year", test_two_people_a_year);
  g_test_add_func ("/cobalt/demo/statuses", test_statuses);
  g_test_add_func ("/cobalt/demo/deterministic", test_deterministic);
  g_test_add_func ("/cobalt/demo/refuses-non-empty", test_refuses_non_empty);

  return g_test_run ();
}
