/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-calendar-page.h"
#include "cobalt-demo.h"
#include "cobalt-schedule.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  GtkWindow        *window;
  CobaltCalendarPage *page;
} Fixture;

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
    }
}

static CobaltPerson *
find (Fixture    *f,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_repository_find_person (f->repository, name, &error);

  g_assert_no_error (error);
  return person;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 12, 0, 0);
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  g_assert_true (cobalt_demo_populate (f->repository, f->clock, &error));
  g_assert_no_error (error);

  person = find (f, COBALT_DEMO_PERSON_SELF);
  f->page = cobalt_calendar_page_new (f->repository, f->clock, person);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wait_frames (5);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_frames (2);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

static GDate *
due_date (Fixture      *f,
          CobaltPerson *person,
          CobaltDoseStatus *status)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (f->repository, cobalt_person_get_id (person), NULL);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, cobalt_person_get_id (person), NULL);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(CobaltDueInfo) due = cobalt_schedule_next_due (prescription, doses, now, g_date_time_get_timezone (now));
  GDate *date = g_date_new ();

  *status = due->status;
  *date = due->due_date;
  return date;
}

/* The next due date is marked as planned and described; a day with a
 * logged dose as given. */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_SELF);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, cobalt_person_get_id (person), NULL);
  CobaltDose *last = g_ptr_array_index (doses, doses->len - 1);
  CobaltDoseStatus status;
  g_autoptr(GDate) due = due_date (f, person, &status);
  g_auto(GStrv) lines = NULL;
  GDate given;

  g_assert_cmpint (status, ==, COBALT_DOSE_STATUS_UPCOMING);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-planned");
  lines = cobalt_calendar_page_describe_day (f->page, due);
  g_assert_nonnull (strstr (lines[0], "Due at 09:00"));

  /* Three months on: the next planned dose, found by the keyboard-free API. */
  g_date_add_months (due, 3);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-planned");

  g_date_clear (&given, 1);
  g_date_set_dmy (&given, g_date_time_get_day_of_month (cobalt_dose_get_given_at (last)),
                  g_date_time_get_month (cobalt_dose_get_given_at (last)),
                  g_date_time_get_year (cobalt_dose_get_given_at (last)));
  cobalt_calendar_page_select_day (f->page, &given);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, &given), ==, "dose-given");
  g_strfreev (lines);
  lines = cobalt_calendar_page_describe_day (f->page, &given);
  g_assert_nonnull (strstr (lines[0], "given in the"));
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_CARED);
  CobaltDoseStatus status;
  g_autoptr(GDate) due = due_date (f, person, &status);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (status, ==, COBALT_DOSE_STATUS_OVERDUE);
  cobalt_calendar_page_set_person (f->page, person);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-overdue");
  lines = cobalt_calendar_page_describe_day (f->page, due);
  g_assert_nonnull (strstr (lines[0], "do not double up"));

  /* The site summary in words, for screen readers. */
  g_assert_nonnull (strstr (cobalt_calendar_page_get_site_summary (f->page), "dose"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/cobalt/calendar-page/marks", Fixture, NULL, fixture_setup, test_marks, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/overdue", Fixture, NULL, fixture_setup, test_overdue, fixture_teardown);

  return g_test_run ();
}
