/* SPDX-License-Identifier: GPL-3.0-or-later */

/* First run: an empty log shows the introduction and its form; an empty
 * name is refused with a reason; Create saves the person and prescription
 * and Today shows their next dose. */

#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-intro-page.h"
#include "cobalt-window.h"

typedef struct
{
  char         *dir;
  CobaltClock  *clock;
  CobaltWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);

  fixture->dir = cobalt_test_make_tmp_dir ();
  fixture->clock = cobalt_clock_new_fixed (now);
  fixture->window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  cobalt_window_load (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
  g_clear_object (&fixture->clock);
  cobalt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  return cobalt_test_find_id (GTK_WIDGET (fixture->window), id);
}

static guint
n_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people =
    cobalt_repository_list_people (cobalt_window_get_repository (fixture->window), TRUE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

static void
choose_template (Fixture    *fixture,
                 const char *template_id)
{
  const char * const *ids = cobalt_prescription_template_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], template_id))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "template_dropdown")), i);
        return;
      }

  g_assert_not_reached ();
}

static void
test_intro_and_refused_empty_name (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *error_label = find (fixture, "name_error_label");

  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));
  /* What Cobalt does not do, and who should ask the nurse first. */
  g_assert_nonnull (cobalt_test_find_label (root, "never gives dosing advice"));
  g_assert_nonnull (cobalt_test_find_label (root, "confidence check"));
  /* No people yet: nobody to switch to. */
  g_assert_false (gtk_widget_get_visible (find (fixture, "person_dropdown")));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "   ");
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Enter a name"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));

  /* Typing clears the complaint. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "C");
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_create_starting_now (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Chris Doe");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "clinic_name_entry")), "Hill Street Surgery");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "clinic_phone_entry")), "0161 496 0000");
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "hour_spin")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "minute_spin")), 30);
  /* The first-dose date is offered as the next day, never silently
   * today, and said in words to confirm. */
  g_assert_nonnull (cobalt_test_find_label (root, "The first dose will be due on Sunday 22 November 2026"));
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_null (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));
  /* Today says when the first dose is: tomorrow, not due and not missed. */
  g_assert_nonnull (cobalt_test_find_label (root, "First dose for Chris Doe"));
  g_assert_nonnull (cobalt_test_find_label (root, "Sunday 22 November"));
  g_assert_nonnull (cobalt_test_find_label (root, "Due tomorrow, at 08:30"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Upcoming");
  g_assert_null (cobalt_test_find_label (root, "Do not give two doses"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "person_dropdown")));
}

/* The new patient: set up at 10:00 with the first dose chosen for
 * that same morning at 08:30. Due all day, never "missed" that day; a
 * first-dose day already past is refused. */
static void
test_create_first_dose_today (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) yesterday = g_date_time_new (tz, 2026, 11, 20, 12, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new (tz, 2026, 11, 21, 12, 0, 0);

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Dana Doe");
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "hour_spin")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "minute_spin")), 30);

  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), yesterday);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "date_error_label")));
  g_assert_cmpuint (n_people (fixture), ==, 0);

  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), today);
  g_assert_nonnull (cobalt_test_find_label (root, "The first dose will be due on Saturday 21 November 2026"));
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_nonnull (cobalt_test_find_label (root, "Due today, at 08:30"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Due");
  g_assert_null (cobalt_test_find_label (root, "Overdue"));
  g_assert_null (cobalt_test_find_label (root, "Do not give two doses"));
}

static void
test_create_already_having_injections (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) last = g_date_time_new (tz, 2026, 10, 1, 12, 0, 0);
  g_autoptr(GDateTime) future = g_date_time_new (tz, 2026, 12, 1, 12, 0, 0);

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Robin Ash");
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, "had_dose_check")), TRUE);

  /* A last injection in the future is refused, next to the date. */
  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), future);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "date_error_label")));
  g_assert_cmpuint (n_people (fixture), ==, 0);

  /* Every 3 months from the last injection on 1 October. */
  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), last);
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Robin Ash"));
  g_assert_nonnull (cobalt_test_find_label (root, "1 January 2027"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Upcoming");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/gui/first-run/intro-and-refused-empty-name", Fixture, NULL,
              fixture_set_up, test_intro_and_refused_empty_name, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-starting-now", Fixture, NULL,
              fixture_set_up, test_create_starting_now, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-first-dose-today", Fixture, NULL,
              fixture_set_up, test_create_first_dose_today, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-already-having-injections", Fixture, NULL,
              fixture_set_up, test_create_already_having_injections, fixture_tear_down);

  return g_test_run ();
}
