/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window on demo data: Today shows the next dose from the real
 * database, follows the person switcher, the clock and new doses. The
 * other sections are listed from the start and built when first shown;
 * a window started from a preload shows the same. */

#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "cobalt-calendar-page.h"
#include "cobalt-context.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-charts.h"
#include "cobalt-journal-page.h"
#include "cobalt-log-page.h"
#include "cobalt-repository-private.h"
#include "cobalt-rotation.h"
#include "cobalt-supplies-page.h"
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

      if (g_str_equal (person->name, name))
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
  g_assert_null (cobalt_test_find_label (root, "Do not have two doses"));
  /* Alex's sharps bin is at the ¾ line. */
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "warnings_box")));
}

/* A site resting today is named on Today with its end date and reason; a
 * mark that has run out, or one on a site the clinic never enabled, is not. */
static void
test_today_warns_of_resting_sites (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltRestingSite) resting = NULL;
  g_autoptr(CobaltRestingSite) over = NULL;
  gint64 person_id = cobalt_window_get_person_id (fixture->window);
  const char * const *enabled;
  const CobaltSiteInfo *rest_info, *over_info;
  g_autofree char *expected = NULL;
  g_autofree char *expired = NULL;
  GDate until, yesterday;

  prescription = cobalt_repository_get_prescription (fixture->repository, person_id, &error);
  g_assert_no_error (error);
  enabled = cobalt_prescription_get_enabled_sites (prescription);
  g_assert_nonnull (enabled[0]);
  g_assert_nonnull (enabled[1]);
  rest_info = cobalt_site_catalogue_lookup (enabled[0]);
  over_info = cobalt_site_catalogue_lookup (enabled[1]);

  /* "now" is 21 November 2026. */
  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 3, G_DATE_DECEMBER, 2026);
  g_date_clear (&yesterday, 1);
  g_date_set_dmy (&yesterday, 20, G_DATE_NOVEMBER, 2026);
  resting = cobalt_resting_site_new (enabled[0], &until, "bruised");
  over = cobalt_resting_site_new (enabled[1], &yesterday, "sore");
  g_assert_true (cobalt_repository_set_site_resting (fixture->repository, person_id, resting, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_set_site_resting (fixture->repository, person_id, over, &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();

  expected = g_strdup_printf ("%s is resting until 3 December: bruised",
                              cobalt_site_info_get_name (rest_info));
  expired = g_strdup_printf ("%s is resting", cobalt_site_info_get_name (over_info));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "warnings_box")));
  g_assert_nonnull (cobalt_test_find_label (root, expected));
  g_assert_null (cobalt_test_find_label (root, expired));
  /* Not about supplies only any more. */
  g_assert_nonnull (cobalt_test_find_label (root, "Warnings"));

  /* Used again: the warning goes. */
  g_assert_true (cobalt_repository_clear_site_resting (fixture->repository, person_id, enabled[0], &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();
  g_assert_null (cobalt_test_find_label (root, expected));
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
  g_assert_nonnull (cobalt_test_find_label (root, "Keyboard Shortcuts"));
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
  g_assert_nonnull (cobalt_test_find_label (root, "Do not have two doses"));
  g_assert_nonnull (cobalt_test_find_label (root, "555-0142"));
  g_assert_cmpint (cobalt_window_get_person_id (fixture->window), >, 0);
}

static void
test_follows_clock_and_new_doses (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GDateTime) due_day = london (2026, 11, 24, 8, 0);
  g_autoptr(GDateTime) late = london (2026, 11, 24, 23, 0);
  g_autoptr(GDateTime) next_day = london (2026, 11, 25, 8, 0);
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;

  cobalt_clock_set_now (fixture->clock, due_day);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Due today"));
  g_assert_null (cobalt_test_find_label (root, "Upcoming"));

  /* Due all of its day: late in the evening it is still not missed. */
  cobalt_clock_set_now (fixture->clock, late);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Due today"));
  g_assert_null (cobalt_test_find_label (root, "Overdue"));
  g_assert_null (cobalt_test_find_label (root, "Do not have two doses"));

  /* Overdue from the start of the next day, with the clinic's number. */
  cobalt_clock_set_now (fixture->clock, next_day);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Overdue"));
  g_assert_nonnull (cobalt_test_find_label (root, "01632 960 123"));

  /* Logging the dose moves Today on to the next one, three months later. */
  dose->person_id = cobalt_window_get_person_id (fixture->window);
  cobalt_dose_set_given_at (dose, next_day);
  cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
  dose->amount = 1;
  cobalt_repository_add_dose (fixture->repository, dose, &error);
  g_assert_no_error (error);
  cobalt_test_wait_idle ();

  g_assert_null (cobalt_test_find_label (root, "Overdue"));
  g_assert_nonnull (cobalt_test_find_label (root, "Upcoming"));
  g_assert_nonnull (cobalt_test_find_label (root, "February 2027"));
}

/* Built anywhere in the window, shown or not. */
static GtkWidget *
find_built (Fixture *fixture,
            GType    type)
{
  return cobalt_test_find_widget (GTK_WIDGET (fixture->window), FALSE, cobalt_test_match_type,
                                  GSIZE_TO_POINTER (type));
}

/* Whom @page shows: its context's person. */
static const char *
page_person_name (GtkWidget *page)
{
  g_autoptr(CobaltContext) context = NULL;
  CobaltPerson *person;

  g_object_get (page, "context", &context, NULL);
  g_assert_nonnull (context);
  person = cobalt_context_get_person (context);
  g_assert_nonnull (person);
  return person->name;  /* the context, which the page keeps, holds it */
}

static void
test_sections_built_when_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkStack *stack = GTK_STACK (cobalt_test_find_id (root, "page_stack"));
  static const char *names[] = { "today", "log", "calendar", "journal", "supplies" };
  static const char *titles[] = { "Today", "Log", "Calendar", "Journal", "Supplies" };
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  GtkWidget *journal;
  GtkWidget *log;

  /* The sidebar lists every section, in order, from the start… */
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);

      g_assert_cmpstr (gtk_stack_page_get_name (page), ==, names[i]);
      g_assert_cmpstr (gtk_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (cobalt_test_find_label (root, titles[i]));
    }

  /* …but start-up built only Today. */
  g_assert_null (find_built (fixture, COBALT_TYPE_LOG_PAGE));
  g_assert_null (find_built (fixture, COBALT_TYPE_CALENDAR_PAGE));
  g_assert_null (find_built (fixture, COBALT_TYPE_JOURNAL_PAGE));
  g_assert_null (find_built (fixture, COBALT_TYPE_SUPPLIES_PAGE));

  /* Picked in the sidebar, the Journal appears, for the person shown. */
  gtk_stack_set_visible_child_name (stack, "journal");
  cobalt_test_wait_idle ();
  journal = find_built (fixture, COBALT_TYPE_JOURNAL_PAGE);
  g_assert_nonnull (journal);
  g_assert_true (cobalt_test_is_showing (journal));
  g_assert_cmpstr (page_person_name (journal), ==, COBALT_DEMO_PERSON_SELF);
  g_assert_null (find_built (fixture, COBALT_TYPE_LOG_PAGE));

  /* A page once built follows the person switcher… */
  select_person (fixture, "Sam Rivera");
  g_assert_true (find_built (fixture, COBALT_TYPE_JOURNAL_PAGE) == journal);
  g_assert_cmpstr (page_person_name (journal), ==, "Sam Rivera");

  /* …and one built later starts on whoever is shown by then. */
  gtk_stack_set_visible_child_name (stack, "log");
  cobalt_test_wait_idle ();
  log = find_built (fixture, COBALT_TYPE_LOG_PAGE);
  g_assert_nonnull (log);
  g_assert_true (cobalt_test_is_showing (log));
  g_assert_cmpstr (page_person_name (log), ==, "Sam Rivera");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");
}

static void
test_pages_on_demand (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkStack *stack = GTK_STACK (cobalt_test_find_id (root, "page_stack"));
  GtkWidget *supplies;
  GtkWidget *journal;

  /* Asked for by code, a section is built without being shown. */
  supplies = cobalt_window_get_page (fixture->window, "supplies");
  g_assert_true (COBALT_IS_SUPPLIES_PAGE (supplies));
  g_assert_true (cobalt_window_get_page (fixture->window, "supplies") == supplies);
  g_assert_false (cobalt_test_is_showing (supplies));
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Alex Morgan"));
  g_assert_null (cobalt_window_get_page (fixture->window, "no-such-section"));

  /* Shown by name (COBALT_START_PAGE), down to a section of the Journal. */
  g_assert_true (cobalt_window_show_page (fixture->window, "journal/charts"));
  cobalt_test_wait_idle ();
  journal = cobalt_window_get_page (fixture->window, "journal");
  g_assert_true (cobalt_test_is_showing (journal));
  g_assert_nonnull (cobalt_test_find_type (journal, COBALT_TYPE_JOURNAL_CHARTS));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "journal");

  g_assert_true (cobalt_window_show_page (fixture->window, "today"));
  cobalt_test_wait_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Alex Morgan"));
  g_assert_false (cobalt_window_show_page (fixture->window, "no-such-section"));
}

/* Another log (a restored backup) starts the sections afresh. */
static void
test_sections_follow_new_repository (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (cobalt_test_find_id (GTK_WIDGET (fixture->window), "page_stack"));
  g_autoptr(GListModel) pages = NULL;
  GtkWidget *log;

  g_assert_true (cobalt_window_show_page (fixture->window, "log"));
  cobalt_test_wait_idle ();
  log = find_built (fixture, COBALT_TYPE_LOG_PAGE);
  g_assert_nonnull (log);

  cobalt_window_set_repository (fixture->window, fixture->repository, 0);
  cobalt_test_wait_idle ();
  pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
  g_assert_null (find_built (fixture, COBALT_TYPE_LOG_PAGE));
  g_assert_nonnull (cobalt_window_get_page (fixture->window, "log"));
}

/* `cobalt` opens the log and works out Today in a thread while GTK starts;
 * the window shows the same as if it had done so itself. */
static void
test_preloaded (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (fixture->clock);
  g_autoptr(CobaltWindowPreload) preload = cobalt_window_preload_start (fixture->dir, NULL, now, 0);
  CobaltWindow *window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  CobaltStatus *status;
  guint lead_days = 0;

  /* The person shown last time (Alex, see fixture_set_up). */
  status = cobalt_window_preload_get_status (preload, &lead_days);
  g_assert_nonnull (status);
  g_assert_cmpstr (COBALT_PERSON (cobalt_status_get_person (status))->name, ==, COBALT_DEMO_PERSON_SELF);
  g_assert_cmpuint (lead_days, ==, 14);

  cobalt_window_load_preloaded (window, preload, 0);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_window_get_repository (window));
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), "Next dose for Alex Morgan"));
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), "Due in 3 days, at 09:00"));
  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* Today worked out on the due day is not shown once that day is over
 * (the dose is overdue from the next day). */
static void
test_preloaded_stale (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) due_day = london (2026, 11, 24, 8, 0);
  g_autoptr(GDateTime) late = london (2026, 11, 25, 8, 0);
  g_autoptr(CobaltWindowPreload) preload = cobalt_window_preload_start (fixture->dir, NULL, due_day, 0);
  CobaltWindow *window = cobalt_window_new (NULL, fixture->clock, fixture->dir);

  g_assert_nonnull (cobalt_window_preload_get_repository (preload));
  cobalt_clock_set_now (fixture->clock, late);
  cobalt_window_load_preloaded (window, preload, 0);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), "Overdue"));
  g_assert_null (cobalt_test_find_label (GTK_WIDGET (window), "Due today"));
  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* `cobalt --demo` opens its window before the sample data is made: it
 * says so, and if the data cannot be made, it says that in words. */
static void
test_loading_then_failure (Fixture       *fixture,
                           gconstpointer  data)
{
  CobaltWindow *window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  GtkWidget *root = GTK_WIDGET (window);

  cobalt_window_show_loading (window, "Making the sample data…");
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "Making the sample data…"));
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "loading_spinner")));
  g_assert_false (cobalt_test_is_showing (cobalt_test_find_id (root, "person_dropdown")));
  g_assert_null (cobalt_test_find_label (root, "Next dose for"));

  cobalt_window_show_failure (window, "The sample data could not be made",
                              "Something went wrong while putting the sample data in a temporary folder: "
                              "database or disk is full.");
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (root, "The sample data could not be made"));
  g_assert_nonnull (cobalt_test_find_label (root, "disk is full"));
  g_assert_false (cobalt_test_is_showing (cobalt_test_find_id (root, "loading_spinner")));
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "loading_failed_icon")));

  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* The shortcuts window GtkApplication loads from the resource base path
 * (every window's "win.show-help-overlay", Ctrl+?) names the key for
 * urgent help, the one the window binds. */
static void
test_shortcuts_name_urgent_help (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/cobaltb12/Cobalt/gtk/help-overlay.ui");
  GSList *objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
      if (g_strcmp0 (accelerator, "F1") == 0 && g_str_has_prefix (title, "Urgent help"))
        found = TRUE;
    }
  g_slist_free (objects);
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/gui/window/today-shows-next-dose", Fixture, NULL,
              fixture_set_up, test_today_shows_next_dose, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/today-warns-of-resting-sites", Fixture, NULL,
              fixture_set_up, test_today_warns_of_resting_sites, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/main-menu", Fixture, NULL,
              fixture_set_up, test_main_menu, fixture_tear_down);
  g_test_add_func ("/cobalt/gui/window/shortcuts-name-urgent-help", test_shortcuts_name_urgent_help);
  g_test_add ("/cobalt/gui/window/switch-person-overdue", Fixture, NULL,
              fixture_set_up, test_switch_person_overdue, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/follows-clock-and-new-doses", Fixture, NULL,
              fixture_set_up, test_follows_clock_and_new_doses, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/sections-built-when-shown", Fixture, NULL,
              fixture_set_up, test_sections_built_when_shown, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/pages-on-demand", Fixture, NULL,
              fixture_set_up, test_pages_on_demand, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/sections-follow-new-repository", Fixture, NULL,
              fixture_set_up, test_sections_follow_new_repository, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/preloaded", Fixture, NULL,
              fixture_set_up, test_preloaded, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/preloaded-stale", Fixture, NULL,
              fixture_set_up, test_preloaded_stale, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/loading-then-failure", Fixture, NULL,
              fixture_set_up, test_loading_then_failure, fixture_tear_down);

  return g_test_run ();
}
