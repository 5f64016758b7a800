/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo data behind `cobalt --demo` and the screenshots: two people, a
 * year of realistic history, the same data for the same clock. */

#include "config.h"

#include <time.h>

#include "cobalt-demo.h"
#include "cobalt-repository-private.h"
#include "cobalt-schedule.h"
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
  /* The rules of what may be logged judge "the future" by this clock. */
  cobalt_repository_set_clock (demo->repository, clock);
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
  GPtrArray *doses = cobalt_repository_list_doses (demo->repository, person->id, &error);

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
      gint64 id = person->id;
      CobaltDose *first, *last;
      guint late = 0, same_site_twice = 0;

      g_assert_cmpuint (doses->len, >=, 8);
      first = g_ptr_array_index (doses, 0);
      last = g_ptr_array_index (doses, doses->len - 1);
      /* About a year of history that ends recently, never in the future. */
      g_assert_cmpint (g_date_time_difference (now, first->given_at) / G_TIME_SPAN_DAY, >=, 330);
      g_assert_cmpint (g_date_time_difference (now, last->given_at), >, 0);
      g_assert_cmpint (g_date_time_difference (now, last->given_at) / G_TIME_SPAN_DAY, <=, 95);

      for (guint i = 0; i < doses->len; i++)
        {
          CobaltDose *dose = g_ptr_array_index (doses, i);

          g_assert_nonnull (dose->site_id);
          g_assert_nonnull (dose->batch);
          if (dose->notes != NULL)
            late++;
          if (i > 0 && g_strcmp0 (dose->site_id,
                                  COBALT_DOSE (g_ptr_array_index (doses, i - 1))->site_id) == 0)
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
  g_autoptr(GDate) sam_due = g_date_new_dmy (19, G_DATE_NOVEMBER, 2026);
  Demo demo = { 0 };

  demo_open (&demo, now);
  alex = find (&demo, COBALT_DEMO_PERSON_SELF);
  sam = find (&demo, COBALT_DEMO_PERSON_CARED);

  /* Alex: three days to go; Sam: two days overdue (the missed-dose case). */
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
  g_assert_cmpstr (sam->clinic_phone, ==, "555-0142");

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

      g_assert_true (g_date_time_equal (x->given_at, y->given_at));
      g_assert_cmpstr (x->site_id, ==, y->site_id);
      g_assert_cmpstr (x->batch, ==, y->batch);
    }

  demo_close (&a);
  demo_close (&b);
}

/* What the story must say at any instant, in any zone. */
typedef struct
{
  guint n_doses[2];
  guint n_late[2];
  guint n_checkins[2];
  guint n_labs[2];
  guint n_reactions[2];
  guint n_supplies[2];
  guint n_runs[2];
} Counts;

static guint
n_late_doses (GPtrArray *doses)
{
  guint late = 0;

  for (guint i = 0; i < doses->len; i++)
    if (COBALT_DOSE (g_ptr_array_index (doses, i))->notes != NULL)
      late++;
  return late;
}

static void
check_story (GDateTime *now,
             Counts    *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *when = g_date_time_format (now, "%F %T %Z");
  const char *names[2] = { COBALT_DEMO_PERSON_SELF, COBALT_DEMO_PERSON_CARED };
  Demo demo = { 0 };

  demo_open (&demo, now);

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(CobaltPerson) person = find (&demo, names[p]);
      g_autoptr(CobaltStatus) status = NULL;
      g_autoptr(GPtrArray) doses = NULL;
      g_autoptr(GListModel) checkins = NULL;
      gint64 id = person->id;
      const CobaltDueInfo *due;
      CobaltDose *first, *last;
      int days;
      Counts seen = { 0 };

      status = cobalt_status_compute (demo.repository, person, now, &error);
      g_assert_no_error (error);
      due = cobalt_status_get_due (status);
      days = g_date_days_between (today, &due->due_date);

      if (p == 0)
        {
          /* Alex: upcoming in a few days. */
          if (cobalt_status_get_dose_status (status) != COBALT_DOSE_STATUS_UPCOMING || days < 2 || days > 5)
            g_error ("At %s Alex is due in %d days, status %d", when, days,
                     cobalt_status_get_dose_status (status));
        }
      else
        {
          /* Sam: overdue by a couple of days. */
          if (cobalt_status_get_dose_status (status) != COBALT_DOSE_STATUS_OVERDUE || days < -4 || days > -1)
            g_error ("At %s Sam is due %d days from today, status %d", when, days,
                     cobalt_status_get_dose_status (status));
        }

      /* About a year of history, all of it in the past. */
      doses = doses_of (&demo, person);
      first = g_ptr_array_index (doses, 0);
      last = g_ptr_array_index (doses, doses->len - 1);
      g_assert_cmpint (g_date_time_difference (now, first->given_at) / G_TIME_SPAN_DAY, >=, 340);
      g_assert_cmpint (g_date_time_difference (now, first->given_at) / G_TIME_SPAN_DAY, <=, 420);
      g_assert_cmpint (g_date_time_difference (now, last->given_at), >, 0);

      checkins = cobalt_repository_list_checkins (demo.repository, id, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
        {
          g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);

          g_assert_cmpint (g_date_time_compare (checkin->at, now), <, 0);
        }

      seen.n_doses[p] = doses->len;
      seen.n_late[p] = n_late_doses (doses);
      seen.n_checkins[p] = g_list_model_get_n_items (checkins);
      seen.n_labs[p] = n_items (cobalt_repository_list_lab_results (demo.repository, id, &error));
      seen.n_reactions[p] = n_items (cobalt_repository_list_reactions (demo.repository, id, &error));
      seen.n_supplies[p] = n_items (cobalt_repository_list_supply_items (demo.repository, id, &error));
      seen.n_runs[p] = n_items (cobalt_repository_list_checklist_runs (demo.repository, id, &error));
      g_assert_no_error (error);

      /* The same numbers on every day: only late doses may differ, where a
       * month's end made a dose a few days late. */
      if (counts->n_doses[p] == 0)
        {
          counts->n_doses[p] = seen.n_doses[p];
          counts->n_late[p] = seen.n_late[p];
          counts->n_checkins[p] = seen.n_checkins[p];
          counts->n_labs[p] = seen.n_labs[p];
          counts->n_reactions[p] = seen.n_reactions[p];
          counts->n_supplies[p] = seen.n_supplies[p];
          counts->n_runs[p] = seen.n_runs[p];
        }
      g_assert_cmpuint (seen.n_doses[p], ==, counts->n_doses[p]);
      g_assert_cmpuint (seen.n_late[p], <=, counts->n_late[p] + 2);
      g_assert_cmpuint (seen.n_checkins[p], ==, counts->n_checkins[p]);
      g_assert_cmpuint (seen.n_labs[p], ==, counts->n_labs[p]);
      g_assert_cmpuint (seen.n_reactions[p], ==, counts->n_reactions[p]);
      g_assert_cmpuint (seen.n_supplies[p], ==, counts->n_supplies[p]);
      g_assert_cmpuint (seen.n_runs[p], ==, counts->n_runs[p]);
    }

  demo_close (&demo);
}

static GDateTime *
instant (const char *zone,
         int         year,
         int         month,
         int         day,
         int         hour,
         int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* The instants the date sweep in build-aux/dev.sh runs the whole suite at,
 * and a few more where months and clocks are awkward. */
static void
test_story_at_awkward_instants (void)
{
  static const struct
  {
    const char *zone;
    int year, month, day, hour, minute;
  } instants[] = {
    { "UTC", 2026, 12, 31, 23, 59 },
    { "Europe/London", 2027, 2, 28, 23, 30 },
    { "Europe/London", 2028, 2, 29, 12, 0 },
    { "Europe/London", 2027, 3, 28, 0, 30 },
    { "Europe/London", 2027, 10, 31, 1, 30 },
    { "America/Santiago", 2027, 9, 5, 23, 59 },
    { "Pacific/Auckland", 2027, 6, 15, 12, 0 },
    { "America/Los_Angeles", 2027, 1, 10, 12, 0 },
    /* No day of February is a month before these. */
    { "Europe/London", 2027, 3, 31, 9, 0 },
    { "Europe/London", 2027, 4, 1, 9, 0 },
    { "Europe/London", 2027, 4, 2, 9, 0 },
    { "Europe/London", 2026, 12, 4, 20, 0 },
    { "Asia/Kolkata", 2027, 5, 31, 0, 1 },
    { "Australia/Lord_Howe", 2027, 4, 4, 1, 45 },
    { "Pacific/Kiritimati", 2027, 12, 31, 23, 59 },
    { "Pacific/Pago_Pago", 2027, 1, 1, 0, 0 },
  };
  Counts counts = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(GDateTime) now = instant (instants[i].zone, instants[i].year, instants[i].month,
                                          instants[i].day, instants[i].hour, instants[i].minute);

      check_story (now, &counts);
    }
}

/* Every day of two years, at several hours, in zones with awkward clock
 * changes: the plan alone, without a database, so that thousands of
 * instants stay fast. */
static void
test_story_every_day (void)
{
  static const char * const zones[] = {
    "UTC", "Europe/London", "America/Santiago", "Pacific/Auckland", "America/Los_Angeles",
    "Asia/Kolkata", "Australia/Lord_Howe",
  };
  static const int minutes[] = { 5, 9 * 60 + 10, 18 * 60 + 45, 23 * 60 + 55 };
  guint n_doses[2] = { 0, 0 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);

      g_assert_nonnull (tz);

      for (guint i = 0; i < 2 * 366; i++, g_date_add_days (day, 1))
        {
          int minute = minutes[(i + z) % G_N_ELEMENTS (minutes)];
          g_autoptr(GDateTime) now = g_date_time_new (tz, g_date_get_year (day), g_date_get_month (day),
                                                      g_date_get_day (day), minute / 60, minute % 60, 0);

          for (guint p = 0; p < 2; p++)
            {
              g_autoptr(CobaltPrescription) prescription = NULL;
              g_autoptr(GPtrArray) doses = cobalt_demo_plan_doses (p, now, &prescription);
              g_autoptr(CobaltDueInfo) due = cobalt_schedule_next_due (prescription, doses, now, tz);
              GDateTime *first = COBALT_DOSE (g_ptr_array_index (doses, 0))->given_at;
              GDateTime *last = COBALT_DOSE (g_ptr_array_index (doses, doses->len - 1))->given_at;
              int days = g_date_days_between (day, &due->due_date);
              gboolean right = p == 0
                             ? due->status == COBALT_DOSE_STATUS_UPCOMING && days >= 2 && days <= 5
                             : due->status == COBALT_DOSE_STATUS_OVERDUE && days >= -4 && days <= -1;

              if (!right)
                {
                  g_autofree char *when = g_date_time_format (now, "%F %T %Z");

                  g_error ("At %s in %s, %s is due %d days from today with status %d",
                           when, zones[z], p == 0 ? "Alex" : "Sam", days, due->status);
                }

              if (n_doses[p] == 0)
                n_doses[p] = doses->len;
              g_assert_cmpuint (doses->len, ==, n_doses[p]);
              g_assert_cmpint (g_date_time_compare (last, now), <, 0);
              g_assert_cmpint (g_date_time_difference (now, first) / G_TIME_SPAN_DAY, >=, 340);
            }
        }
    }
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
  g_test_add_func ("/cobalt/demo/story-at-awkward-instants", test_story_at_awkward_instants);
  g_test_add_func ("/cobalt/demo/story-every-day", test_story_every_day);

  return g_test_run ();
}
