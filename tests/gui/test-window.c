/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window on demo data: Today shows the next dose from the real
 * database, follows the person switcher, the clock and new doses. */

#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-window.h"

typedef struct
{
  char             *dir;
  CobaltClock      *clock;
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltWindow     *window;
} Fixture;

static GDateTime *
london (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void select_person (Fixture *fixture, const char *name);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = london (2026, 11, 21, 10, 0);

  fixture->dir = cobalt_test_make_tmp_dir ();
  fixture->clock = cobalt_clock_new_fixed (now);
  fixture->database = cobalt_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->repository = cobalt_repository_new (fixture->database);
  cobalt_demo_populate (fixture->repository, fixture->clock, &error);
  g_assert_no_error (error);

  fixture->window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  cobalt_window_set_repository (fixture->window, fixture->repository, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();

  /* The window reopens on whoever was shown last (GSettings, kept in
   * memory for the whole test process): start every test on Alex. */
  select_person (fixture, COBALT_DEMO_PERSON_SELF);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
  g_clear_object (&fixture->repository);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->clock);
  cobalt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
select_person (Fixture    *fixture,
               const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (cobalt_test_find_id (GTK_WIDGET (fixture->window), "person_dropdown"));
  GListModel *people = gtk_drop_down_get_model (dropdown);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dropdown)));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (cobalt_person_get_name (person), name))
        {
          gtk_drop_down_set_selected (dropdown, i);
          cobalt_test_wait_idle ();
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_today_shows_next_dose (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  /* The demo puts Alex's next dose three days after "now". */
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Alex Morgan"));
  g_assert_nonnull (cobalt_test_find_label (root, "Tuesday 24 November"));
  g_assert_nonnull (cobalt_test_find_label (root, "Due in 3 days, at 09:00"));
  g_assert_nonnull (cobalt_test_find_label (root, "Upcoming"));
  g_assert_nonnull (cobalt_test_find_label (root, "1 mg hydroxocobalamin"));
  g_assert_nonnull (cobalt_test_find_label (root, "Suggested site"));
  /* Not overdue: no missed-dose advice. */
  g_assert_null (cobalt_test_find_label (root, "Do not give two doses"));
  /* Alex's sharps bin is at the ¾ line. */
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "warnings_box")));
}

static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkMenuButton *button = GTK_MENU_BUTTON (cobalt_test_find_id (root, "menu_button"));

  /* Built on first use; offers only what works today. */
  gtk_menu_button_popup (button);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "About Cobalt"));
  g_assert_nonnull (cobalt_test_find_label (root, "Quit"));
  gtk_menu_button_popdown (button);
}

static void
test_switch_person_overdue (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  select_person (fixture, "Sam Rivera");

  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Sam Rivera"));
  g_assert_nonnull (cobalt_test_find_label (root, "Overdue"));
  g_assert_null (cobalt_test_find_label (root, "Upcoming"));
  /* The missed-dose wording: never double up, ask the clinic, with its phone. */
  g_assert_nonnull (cobalt_test_find_label (root, "Do not give two doses"));
  g_assert_nonnull (cobalt_test_find_label (root, "555-0142"));
  g_assert_cmpint (cobalt_window_get_person_id (fixture->window), >, 0);
}

static void
test_follows_clock_and_new_doses (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GDateTime) due_day = london (2026, 11, 24, 8, 0);
  g_autoptr(GDateTime) late = london (2026, 11, 24, 13, 0);
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;

  cobalt_clock_set_now (fixture->clock, due_day);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Due today"));
  g_assert_null (cobalt_test_find_label (root, "Upcoming"));

  /* 09:00 plus the three-hour grace window has passed. */
  cobalt_clock_set_now (fixture->clock, late);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Overdue"));
  g_assert_nonnull (cobalt_test_find_label (root, "01632 960 123"));

  /* Logging the dose moves Today on to the next one, three months later. */
  cobalt_dose_set_person_id (dose, cobalt_window_get_person_id (fixture->window));
  cobalt_dose_set_given_at (dose, late);
  cobalt_dose_set_site_id (dose, "vastus-lateralis-left");
  cobalt_dose_set_amount (dose, 1);
  cobalt_repository_add_dose (fixture->repository, dose, &error);
  g_assert_no_error (error);
  cobalt_test_wait_idle ();

  g_assert_null (cobalt_test_find_label (root, "Overdue"));
  g_assert_nonnull (cobalt_test_find_label (root, "Upcoming"));
  g_assert_nonnull (cobalt_test_find_label (root, "February 2027"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/cobalt/gui/window/today-shows-next-dose", Fixture, NULL,
              fixture_set_up, test_today_shows_next_dose, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/main-menu", Fixture, NULL,
              fixture_set_up, test_main_menu, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/switch-person-overdue", Fixture, NULL,
              fixture_set_up, test_switch_person_overdue, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/follows-clock-and-new-doses", Fixture, NULL,
              fixture_set_up, test_follows_clock_and_new_doses, fixture_tear_down);

  return g_test_run ();
}
