/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-checklist-wizard.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-not-given-dialog.h"
#include "cobalt-preferences-window.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) ||
          (gtk_window_get_child (window) != NULL &&
           G_TYPE_CHECK_INSTANCE_TYPE (gtk_window_get_child (window), type)))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Buttons anywhere under @widget, shown or not, that run @action. */
static guint
count_action_buttons (GtkWidget  *widget,
                      const char *action)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_action_buttons (child, action);
  return n;
}

static CobaltWindow *
show_window (JourneyFixture *f,
             char          **dir)
{
  CobaltWindow *window;

  *dir = g_dir_make_tmp ("cobalt-journey-XXXXXX", NULL);
  window = cobalt_window_new (NULL, f->clock, *dir);
  cobalt_window_set_repository (window, f->repository, f->person->id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);

  return window;
}

static void
close_window (CobaltWindow *window,
              char         *dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (50);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_today_opens_the_journey (JourneyFixture *f,
                              gconstpointer   data)
{
  char *dir = NULL;
  CobaltWindow *window = show_window (f, &dir);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);
  GtkWidget *wizard;
  GtkWindow *opened;

  /* Today offers both ways to log a dose. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Start Checklist"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Log a Dose Given Elsewhere"));

  /* The checklist takes over the window, under its header bar, rather
   * than opening a second window to lose behind the first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (300);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  g_assert_nonnull (wizard);
  g_assert_true (gtk_widget_get_mapped (wizard));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Checklist — Alex Morgan");
  g_assert_true (shows_text (GTK_WIDGET (window), "Step 1 of 10"));
  g_assert_false (shows_text (GTK_WIDGET (window), "Start Checklist"));
  /* The first step's tick has the focus, so Enter ticks it. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), wizard));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));

  /* Back to Today from the header bar. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-checklist", NULL);
  wait_for_gtk (300);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Cobalt");
  g_assert_null (find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD));
  g_assert_true (shows_text (GTK_WIDGET (window), "Start Checklist"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-elsewhere", NULL);
  wait_for_gtk (50);
  opened = find_toplevel (COBALT_TYPE_LOG_ELSEWHERE_DIALOG);
  g_assert_nonnull (opened);
  g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));
  gtk_window_destroy (opened);

  /* A dose not given on the clinic's advice, from Today and from the Log. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Record a Dose Not Given"));
  g_assert_cmpuint (count_action_buttons (cobalt_window_get_page (window, "today"), "win.record-not-given"), ==, 1);
  g_assert_cmpuint (count_action_buttons (cobalt_window_get_page (window, "log"), "win.record-not-given"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.record-not-given", NULL);
  wait_for_gtk (50);
  opened = find_toplevel (COBALT_TYPE_NOT_GIVEN_DIALOG);
  g_assert_nonnull (opened);
  g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));
  gtk_window_destroy (opened);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  wait_for_gtk (50);
  opened = find_toplevel (COBALT_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (opened);
  gtk_window_destroy (opened);

  close_window (window, dir);
}

/* Leaving the checklist keeps the run: starting again resumes it where it
 * was; stopping ("Stop — I'm not sure") brings Today back when closed. */
static void
test_checklist_resumes_in_the_window (JourneyFixture *f,
                                      gconstpointer   data)
{
  char *dir = NULL;
  CobaltWindow *window = show_window (f, &dir);
  GtkWidget *wizard;
  CobaltChecklistRun *run;
  gint64 run_id;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (300);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_activate_action (wizard, "wizard.tick", NULL);
      gtk_widget_activate_action (wizard, "wizard.next", NULL);
    }
  run = cobalt_checklist_wizard_get_run (COBALT_CHECKLIST_WIZARD (wizard));
  run_id = cobalt_checklist_run_get_id (run);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-checklist", NULL);
  wait_for_gtk (300);
  g_assert_null (find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD));
  /* Today says the checklist is waiting, rather than offering a new one. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Continue Checklist"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (300);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  run = cobalt_checklist_wizard_get_run (COBALT_CHECKLIST_WIZARD (wizard));
  g_assert_cmpint (cobalt_checklist_run_get_id (run), ==, run_id);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (window), "Step 3 of 10"));

  /* Stop, then Close: Today again, with nothing logged. */
  gtk_widget_activate_action (wizard, "wizard.stop", NULL);
  cobalt_checklist_wizard_set_stop_reason (COBALT_CHECKLIST_WIZARD (wizard), 0, NULL);
  g_assert_true (cobalt_checklist_wizard_confirm_stop (COBALT_CHECKLIST_WIZARD (wizard)));
  wait_for_gtk (50);
  g_assert_true (shows_text (GTK_WIDGET (window), TEST_CLINIC_PHONE));
  gtk_widget_activate_action (wizard, "wizard.close", NULL);
  wait_for_gtk (300);
  g_assert_null (find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD));
  g_assert_true (shows_text (GTK_WIDGET (window), "Start Checklist"));
  g_assert_cmpuint (dose_count (f), ==, 1);

  close_window (window, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/journey/window/today-opens-the-journey", JourneyFixture, NULL,
              fixture_set_up, test_today_opens_the_journey, fixture_tear_down);
  g_test_add ("/cobalt/journey/window/checklist-resumes-in-the-window", JourneyFixture, NULL,
              fixture_set_up, test_checklist_resumes_in_the_window, fixture_tear_down);

  return g_test_run ();
}
