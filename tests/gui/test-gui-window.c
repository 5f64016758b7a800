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
#include "cobalt-fold-view.h"
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
  GtkPopover *popover;

  /* Built on first use; offers only what works today. */
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  /* Shown again without taking the pointer: on a display shared with
   * another test, that test's menu may hold it, and GTK closes a menu
   * that cannot take it at once. */
  gtk_menu_button_popdown (button);
  cobalt_test_wait_idle ();
  gtk_popover_set_autohide (popover, FALSE);
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

/* Keyboard everywhere. The sidebar's list (inside the window's "sidebar"
 * switcher), whether it is shown or folded away. */
static GtkListBox *
sidebar_list (Fixture *fixture)
{
  GtkWidget *sidebar = cobalt_test_find_id (GTK_WIDGET (fixture->window), "sidebar");
  GtkWidget *list = cobalt_test_find_widget (sidebar, FALSE, cobalt_test_match_type,
                                             GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
sidebar_row (Fixture *fixture,
             int      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar_list (fixture), index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static GtkStack *
page_stack (Fixture *fixture)
{
  return GTK_STACK (cobalt_test_find_id (GTK_WIDGET (fixture->window), "page_stack"));
}

/* Where the window's focus is: what GTK tracks for the window itself, so
 * it holds whether or not this window has the keyboard of the display
 * (another test's window may have it). */
static gboolean
focus_is_inside (Fixture   *fixture,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab or Shift+Tab as the window's own key binding does it ("move-focus"):
 * the focus moves on from where it is, there and then. It moves on along
 * the chain of focus children from the window down to the focus widget,
 * which GTK keeps up to date only while the window is the active one; on
 * a display shared with another test, the other test's window may be.
 * So the chain is first set as an active window has it. */
static void
press_tab (Fixture          *fixture,
           GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  for (GtkWidget *child = focus; child != NULL && child != root; child = gtk_widget_get_parent (child))
    gtk_widget_set_focus_child (gtk_widget_get_parent (child), child);

  g_assert_true (gtk_widget_child_focus (root, direction));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What pressing @keyval with @modifiers on the window does: the action the
 * window's class binds to it, activated as GTK would. */
static gboolean
press_window_binding (Fixture         *fixture,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean activated = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !activated; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !activated; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            activated = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                      gtk_shortcut_get_arguments (shortcut));
        }
    }

  cobalt_test_wait_idle ();
  return activated;
}

/* Ctrl+F on the log, where the focus is: its "log.search" action is
 * reachable from the focus widget only when the focus is in the log. */
static void
assert_log_search_works (Fixture *fixture)
{
  GtkWidget *log = cobalt_window_get_page (fixture->window, "log");

  g_assert_true (gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                             "log.search", NULL));
  cobalt_test_wait_idle ();
  g_assert_true (focus_is_inside (fixture, cobalt_test_find_id (log, "search_entry")));
}

/* Alt+1…Alt+5 show the sections in the sidebar's order, with the focus
 * inside the page shown (so its own keys work at once). */
static void
test_section_shortcuts (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkStack *stack = page_stack (fixture);
  static const guint keys[] = { GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5, GDK_KEY_1 };
  static const char *names[] = { "log", "calendar", "journal", "supplies", "today" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *page;

      g_assert_true (press_window_binding (fixture, keys[i], GDK_ALT_MASK));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, names[i]);
      page = cobalt_window_get_page (fixture->window, names[i]);
      g_assert_nonnull (page);
      g_assert_true (cobalt_test_is_showing (page));
      g_assert_true (focus_is_inside (fixture, page));
      /* The sidebar marks the section shown. */
      g_assert_true (gtk_widget_has_css_class (sidebar_row (fixture, (i + 1) % 5), "current-section"));
    }

  /* Right after Alt+2, the log's own Ctrl+F works. */
  g_assert_true (press_window_binding (fixture, GDK_KEY_2, GDK_ALT_MASK));
  assert_log_search_works (fixture);

  /* Not over the checklist: it stays until left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-checklist", NULL));
  cobalt_test_wait_idle ();
  g_assert_true (press_window_binding (fixture, GDK_KEY_3, GDK_ALT_MASK));
  g_assert_false (cobalt_test_is_showing (cobalt_window_get_page (fixture->window, "calendar")));
  g_assert_false (cobalt_test_is_showing (GTK_WIDGET (stack)));
}

/* Tab from the header walks into the sidebar and on into the page
 * without switching page; arrow keys move along the rows without
 * switching either. */
static void
test_sidebar_focus_does_not_switch (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkStack *stack = page_stack (fixture);
  GtkListBox *list = sidebar_list (fixture);
  GtkWidget *today = cobalt_window_get_page (fixture->window, "today");
  gboolean reached_page = FALSE;
  guint in_sidebar = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (list)));

  /* Tab, as the window moves the focus, from the header's first control:
   * one stop in the sidebar, on the row of the page shown. */
  g_assert_true (gtk_widget_grab_focus (cobalt_test_find_id (root, "person_dropdown")));
  for (guint i = 0; i < 12 && !reached_page; i++)
    {
      press_tab (fixture, GTK_DIR_TAB_FORWARD);
      if (focus_is_inside (fixture, GTK_WIDGET (list)))
        {
          in_sidebar++;
          g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == sidebar_row (fixture, 0));
        }
      reached_page = focus_is_inside (fixture, today);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
    }
  g_assert_cmpuint (in_sidebar, ==, 1);
  g_assert_true (reached_page);

  /* Focus put straight on each row does not switch… */
  for (int i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_grab_focus (sidebar_row (fixture, i)));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
    }

  /* …nor does Down, as the list's key binding does it. */
  g_assert_true (gtk_widget_grab_focus (sidebar_row (fixture, 0)));
  for (int i = 1; i < 5; i++)
    {
      g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == sidebar_row (fixture, i));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
    }
  g_assert_null (find_built (fixture, COBALT_TYPE_LOG_PAGE));
  g_assert_null (find_built (fixture, COBALT_TYPE_SUPPLIES_PAGE));
}

/* Enter, Space or a click on a row switches, and puts the focus in the
 * page: the log's Ctrl+F works at once. */
static void
test_sidebar_switch_focuses_page (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkStack *stack = page_stack (fixture);
  GtkWidget *log_row = sidebar_row (fixture, 1);
  GtkWidget *log;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
  g_assert_true (gtk_widget_grab_focus (log_row));
  /* What Enter and Space on the row do (and a click, on single click). */
  g_assert_true (gtk_widget_activate (log_row));
  cobalt_test_wait_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");
  log = cobalt_window_get_page (fixture->window, "log");
  g_assert_true (cobalt_test_is_showing (log));
  g_assert_true (focus_is_inside (fixture, log));
  g_assert_true (gtk_widget_has_css_class (log_row, "current-section"));
  g_assert_false (gtk_widget_has_css_class (sidebar_row (fixture, 0), "current-section"));
  assert_log_search_works (fixture);
}

/* One Tab leaves the sidebar for the page, from whichever row; Tab or
 * Shift+Tab into it lands on the row of the page shown. Only the focus
 * GTK keeps for this window counts, so it holds whether this window has
 * the display's keyboard or another test's window does. */
static void
test_sidebar_tab_leaves (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkStack *stack = page_stack (fixture);
  GtkListBox *list = sidebar_list (fixture);
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (root));
  GtkWidget *page;

  for (int i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_grab_focus (sidebar_row (fixture, i)));
      press_tab (fixture, GTK_DIR_TAB_FORWARD);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "today");
      g_assert_false (focus_is_inside (fixture, GTK_WIDGET (list)));
      g_assert_true (focus_is_inside (fixture, cobalt_window_get_page (fixture->window, "today")));
    }

  /* On the Log: Shift+Tab from its first control goes to the Log's row,
   * the next one to the header. */
  g_assert_true (press_window_binding (fixture, GDK_KEY_2, GDK_ALT_MASK));
  page = cobalt_window_get_page (fixture->window, "log");
  g_assert_true (focus_is_inside (fixture, page));
  press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == sidebar_row (fixture, 1));
  press_tab (fixture, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_is_inside (fixture, header));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");

  /* Tab from the header's last control lands on the Log's row too. */
  for (guint i = 0; i < 12 && !focus_is_inside (fixture, GTK_WIDGET (list)); i++)
    press_tab (fixture, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (root)) == sidebar_row (fixture, 1));
  press_tab (fixture, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_is_inside (fixture, page));
}

/* Narrow and large. The window on the screen: its surface, with the
 * frame GTK draws around the window's own box. */
static int
surface_width (GtkWidget *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* The controls showing in @root lie inside @window's surface (and, unless
 * a scrolled window holds them, which scrolls them into view, inside its
 * height too), in @window's coordinates. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_LIST_BOX_ROW (widget);
}

static guint
assert_controls_inside (GtkWidget *window,
                        GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;

  if (is_control (root))
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (root, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds, area;

      g_assert_true (gtk_widget_compute_bounds (root, window, &bounds));
      if (scrolled != NULL)
        {
          g_assert_true (gtk_widget_compute_bounds (scrolled, window, &area));
        }
      else
        {
          GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
          double x, y;

          gtk_native_get_surface_transform (GTK_NATIVE (window), &x, &y);
          graphene_rect_init (&area, -x, -y, gdk_surface_get_width (surface), gdk_surface_get_height (surface));
        }
      if (bounds.origin.x < area.origin.x - 0.5 ||
          bounds.origin.x + bounds.size.width > area.origin.x + area.size.width + 0.5 ||
          (scrolled == NULL &&
            (bounds.origin.y < area.origin.y - 0.5 ||
            bounds.origin.y + bounds.size.height > area.origin.y + area.size.height + 0.5)))
        g_error ("%s \"%s\" at %g,%g %g×%g is outside %g,%g %g×%g", G_OBJECT_TYPE_NAME (root),
                 gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)),
                 bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                 area.origin.x, area.origin.y, area.size.width, area.size.height);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_controls_inside (window, child);

  return n;
}

static int
min_width (GtkWidget *widget)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static gboolean
fold_view_folded (Fixture *fixture)
{
  return cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (cobalt_test_find_id (GTK_WIDGET (fixture->window),
                                                                              "fold_view")));
}

/* The inner drop-down of the section switcher shown when folded. */
static GtkDropDown *
section_dropdown (Fixture *fixture)
{
  GtkWidget *switcher = cobalt_test_find_id (GTK_WIDGET (fixture->window), "section_dropdown");
  GtkWidget *dropdown = cobalt_test_find_widget (switcher, FALSE, cobalt_test_match_type,
                                                 GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));

  g_assert_nonnull (dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  cobalt_test_wait_idle ();
}

/* The pages are issue 12's other half: until all of them fit 360 px,
 * this stands in pages that fit for them (the window's pages hidden, so
 * that they take no width), to check what the window itself puts around
 * them. */
static void
hide_pages (Fixture  *fixture,
            gboolean  hidden)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (page_stack (fixture)));

  /* The others first, so that the stack has nothing else to show. */
  for (guint i = g_list_model_get_n_items (pages); i > 0; i--)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i - 1);

      gtk_widget_set_visible (gtk_stack_page_get_child (GTK_STACK_PAGE (page)), !hidden);
    }
  cobalt_test_wait_idle ();
}

/* At 360 px the sidebar folds into a "Section" drop-down above the page,
 * the person is chosen beside it, and the header keeps the urgent help
 * and the menu: every control inside the window. */
static void
test_narrow_chrome (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (root));
  GtkWidget *switcher = cobalt_test_find_id (root, "section_dropdown");
  GtkWidget *narrow_person = cobalt_test_find_id (root, "narrow_person_dropdown");
  GtkDropDown *person = GTK_DROP_DOWN (cobalt_test_find_id (root, "person_dropdown"));
  GtkWidget *stack = GTK_WIDGET (page_stack (fixture));

  /* Wide: the sidebar, the person in the header. */
  g_assert_false (fold_view_folded (fixture));
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (sidebar_list (fixture))));
  g_assert_false (cobalt_test_is_showing (switcher));
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (person)));
  g_assert_false (cobalt_test_is_showing (narrow_person));

  hide_pages (fixture, TRUE);
  /* Dragged narrower: as far as the header lets it, then, the header
   * having made room, on to 360 px. */
  resize (fixture, 360, 640);
  resize (fixture, 360, 640);
  g_assert_cmpint (surface_width (root), <=, 360);
  g_assert_true (fold_view_folded (fixture));
  g_assert_false (cobalt_test_is_showing (GTK_WIDGET (sidebar_list (fixture))));
  g_assert_true (cobalt_test_is_showing (switcher));
  g_assert_true (cobalt_test_is_showing (narrow_person));
  g_assert_false (cobalt_test_is_showing (GTK_WIDGET (person)));
  g_assert_false (cobalt_test_is_showing (cobalt_test_find_id (root, "people_button")));
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "urgent_help_button")));
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "menu_button")));
  /* The title gives way to them. */
  g_assert_false (cobalt_test_is_showing (cobalt_test_find_id (root, "title_label")));
  g_assert_cmpint (min_width (header), <=, 360);
  /* The header, the drop-downs, the window's own buttons. */
  g_assert_cmpuint (assert_controls_inside (root, root), >=, 5);

  /* The sections and the people are all there to choose. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (section_dropdown (fixture))), ==, 5);
  g_assert_true (gtk_drop_down_get_model (GTK_DROP_DOWN (narrow_person)) == gtk_drop_down_get_model (person));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (narrow_person)), ==,
                    gtk_drop_down_get_selected (person));

  /* With the real pages: the window needs no more than they do. */
  hide_pages (fixture, FALSE);
  resize (fixture, 360, 640);
  g_assert_true (fold_view_folded (fixture));
  g_assert_cmpint (min_width (root), <=, MAX (360, min_width (stack) + surface_width (root) -
                                                    gtk_widget_get_width (stack)));
  assert_controls_inside (root, root);

  /* Wide again: the sidebar and the header's person are back. */
  resize (fixture, 1000, 700);
  g_assert_false (fold_view_folded (fixture));
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (sidebar_list (fixture))));
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (person)));
  g_assert_false (cobalt_test_is_showing (narrow_person));
}

/* Folded, the drop-downs do what the sidebar and the header's person
 * switcher did: a section chosen shows with the focus in it, a person
 * chosen is shown. */
static void
test_narrow_switching (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkDropDown *sections = section_dropdown (fixture);
  GtkDropDown *narrow_person = GTK_DROP_DOWN (cobalt_test_find_id (root, "narrow_person_dropdown"));
  GListModel *people = gtk_drop_down_get_model (narrow_person);
  GtkWidget *popover, *list, *calendar, *journal;

  resize (fixture, 360, 640);
  g_assert_true (fold_view_folded (fixture));
  g_assert_cmpuint (gtk_drop_down_get_selected (sections), ==, 0);

  /* The Calendar, clicked in the drop-down's list (GTK 4.8's: a click
   * selects the row, then activates it). The list closes, and the focus
   * is in the page, not back on the drop-down. */
  popover = cobalt_test_find_widget (GTK_WIDGET (sections), FALSE, cobalt_test_match_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  /* Without taking the pointer, which another test's menu on the same
   * display may hold (GTK closes a menu that cannot take it at once). */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  /* Opens once the button's press has shown (a quarter of a second). */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (sections)));
  for (guint i = 0; i < 20 && !gtk_widget_get_visible (popover); i++)
    cobalt_test_wait_idle ();
  g_assert_true (gtk_widget_get_visible (popover));
  list = cobalt_test_find_widget (popover, FALSE, cobalt_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 2);
  g_signal_emit_by_name (list, "activate", 2);
  cobalt_test_wait_idle ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "calendar");
  calendar = cobalt_window_get_page (fixture->window, "calendar");
  g_assert_true (cobalt_test_is_showing (calendar));
  g_assert_true (focus_is_inside (fixture, calendar));

  /* The Journal, fourth in the list, chosen without the mouse. */
  gtk_drop_down_set_selected (sections, 3);
  cobalt_test_wait_idle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack (fixture)), ==, "journal");
  journal = cobalt_window_get_page (fixture->window, "journal");
  g_assert_true (cobalt_test_is_showing (journal));
  g_assert_true (focus_is_inside (fixture, journal));

  /* Alt+2 still works, and the drop-down follows. */
  g_assert_true (press_window_binding (fixture, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpuint (gtk_drop_down_get_selected (sections), ==, 1);
  assert_log_search_works (fixture);

  /* Sam, chosen beside the section. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      if (g_str_equal (person->name, "Sam Rivera"))
        gtk_drop_down_set_selected (narrow_person, i);
    }
  cobalt_test_wait_idle ();
  g_assert_cmpstr (page_person_name (cobalt_window_get_page (fixture->window, "log")), ==, "Sam Rivera");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_test_find_id (root, "person_dropdown"))), ==,
                    gtk_drop_down_get_selected (narrow_person));
}

/* Text twice the size on a 1280×800 screen: the header's buttons (the
 * urgent help, the menu) stay inside the window. */
static void
test_large_text (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *header = gtk_window_get_titlebar (GTK_WINDOW (root));
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  hide_pages (fixture, TRUE);
  resize (fixture, 1280, 800);

  g_assert_cmpint (surface_width (root), <=, 1280);
  g_assert_cmpint (min_width (header), <=, 1280);
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "urgent_help_button")));
  g_assert_true (cobalt_test_is_showing (cobalt_test_find_id (root, "menu_button")));
  g_assert_cmpuint (assert_controls_inside (root, header), >=, 4);
  assert_controls_inside (root, root);

  hide_pages (fixture, FALSE);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  cobalt_test_wait_idle ();
}

/* CobaltFoldView on its own, with stand-ins of known sizes. */
static GtkWidget *
sized_box (int width,
           int height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_size_request (box, width, height);
  return box;
}

static void
assert_allocation (GtkWidget *child,
                   GtkWidget *parent,
                   float      x,
                   float      y,
                   float      width,
                   float      height)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, parent, &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds.origin.y, y, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds.size.width, width, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds.size.height, height, 0.5);
}

static void
on_folded_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_fold_view (void)
{
  GtkWidget *view = cobalt_fold_view_new ();
  GtkWidget *switcher = sized_box (100, 30);
  GtkWidget *sidebar = sized_box (200, 50);
  GtkWidget *content = sized_box (300, 400);
  GtkSettings *settings = gtk_settings_get_default ();
  int minimum, natural, dpi = 0;
  guint notified = 0;

  g_object_ref_sink (view);
  cobalt_fold_view_set_switcher (COBALT_FOLD_VIEW (view), switcher);
  cobalt_fold_view_set_sidebar (COBALT_FOLD_VIEW (view), sidebar);
  cobalt_fold_view_set_content (COBALT_FOLD_VIEW (view), content);
  g_signal_connect (view, "notify::folded", G_CALLBACK (on_folded_cb), &notified);

  /* Folded at its narrowest, side by side at its natural width. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 300);
  g_assert_cmpint (natural, ==, 500);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 360, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 430);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 900, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 400);

  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 360, 600 }, -1);
  g_assert_true (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_get_child_visible (switcher));
  g_assert_false (gtk_widget_get_child_visible (sidebar));
  assert_allocation (switcher, view, 0, 0, 360, 30);
  assert_allocation (content, view, 0, 30, 360, 570);

  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 900, 600 }, -1);
  g_assert_false (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gtk_widget_get_child_visible (switcher));
  g_assert_true (gtk_widget_get_child_visible (sidebar));
  assert_allocation (sidebar, view, 0, 0, 200, 600);
  assert_allocation (content, view, 200, 0, 700, 600);

  /* Right to left: the sidebar on the right. */
  gtk_widget_set_direction (view, GTK_TEXT_DIR_RTL);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 900, 600 }, -1);
  assert_allocation (sidebar, view, 700, 0, 200, 600);
  assert_allocation (content, view, 0, 0, 700, 600);
  gtk_widget_set_direction (view, GTK_TEXT_DIR_LTR);

  /* Just room for both at their narrowest. */
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 500, 600 }, -1);
  g_assert_false (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 499, 600 }, -1);
  g_assert_true (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));

  /* A threshold folds it sooner, the more so with larger text. */
  cobalt_fold_view_set_fold_threshold (COBALT_FOLD_VIEW (view), 600);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 599, 600 }, -1);
  g_assert_true (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 600, 600 }, -1);
  g_assert_false (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  g_assert_cmpint (cobalt_fold_view_get_scaled_threshold (COBALT_FOLD_VIEW (view)), ==, 1200);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 1100, 600 }, -1);
  g_assert_true (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);

  /* Nothing to fold without a sidebar. */
  cobalt_fold_view_set_sidebar (COBALT_FOLD_VIEW (view), NULL);
  cobalt_fold_view_set_fold_threshold (COBALT_FOLD_VIEW (view), 0);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 320, 600 }, -1);
  g_assert_false (cobalt_fold_view_get_folded (COBALT_FOLD_VIEW (view)));
  assert_allocation (content, view, 0, 0, 320, 600);

  g_assert_finalize_object (view);
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
  static const char *sections[] = { "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5" };
  guint sections_found = 0;

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
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        if (g_strcmp0 (accelerator, sections[i]) == 0)
          sections_found++;
    }
  g_slist_free (objects);
  g_assert_true (found);
  /* And Alt+1…Alt+5, the sections (bound in cobalt-window.c). */
  g_assert_cmpuint (sections_found, ==, G_N_ELEMENTS (sections));

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
  g_test_add ("/cobalt/gui/window/section-shortcuts", Fixture, NULL,
              fixture_set_up, test_section_shortcuts, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/sidebar-focus-does-not-switch", Fixture, NULL,
              fixture_set_up, test_sidebar_focus_does_not_switch, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/sidebar-switch-focuses-page", Fixture, NULL,
              fixture_set_up, test_sidebar_switch_focuses_page, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/sidebar-tab-leaves", Fixture, NULL,
              fixture_set_up, test_sidebar_tab_leaves, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/narrow-chrome", Fixture, NULL,
              fixture_set_up, test_narrow_chrome, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/narrow-switching", Fixture, NULL,
              fixture_set_up, test_narrow_switching, fixture_tear_down);
  g_test_add ("/cobalt/gui/window/large-text", Fixture, NULL,
              fixture_set_up, test_large_text, fixture_tear_down);
  g_test_add_func ("/cobalt/gui/window/fold-view", test_fold_view);

  return g_test_run ();
}
