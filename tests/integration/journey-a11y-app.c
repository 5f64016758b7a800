/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cobalt's own window on the journey test data, with the checklist
 * started in it (Today → Start checklist), for test-journey-a11y.py to
 * drive through the accessibility tree: the steps, "Stop — I'm not sure"
 * with a reason, Today's "Start checklist" again, the header bar's
 * "Urgent help" from a step, and a reaction in aftercare. It says what
 * reached the database, one line each, as it is written:
 *
 *   READY                      the window is shown, the checklist open
 *   STOPPED <reason>           a run was stopped ("-" without a reason)
 *   LOGGED <site id>           a dose was logged
 *   REACTION <kind> <dose>     a reaction was stored; <dose> is "dose"
 *                              when it is linked to the dose logged here,
 *                              else "unlinked" */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-checklist-wizard.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

typedef struct
{
  JourneyFixture *fixture;
  GHashTable     *seen_doses;      /* dose ids already there or printed */
  GHashTable     *seen_runs;       /* stopped run ids printed */
  GHashTable     *seen_reactions;  /* reaction ids already there or printed */
  gint64          logged_dose;     /* the dose logged here, 0 before */
} Watch;

static GtkWidget *
find_wizard (GtkWidget *widget)
{
  if (COBALT_IS_CHECKLIST_WIZARD (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_wizard (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
first_time (GHashTable *seen,
            gint64      id)
{
  gint64 *key;

  if (g_hash_table_contains (seen, &id))
    return FALSE;

  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_add (seen, key);
  return TRUE;
}

static void
report_doses (Watch    *watch,
              gboolean  quiet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (watch->fixture->repository,
                                                             watch->fixture->person->id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);

      if (!first_time (watch->seen_doses, dose->id) || quiet)
        continue;
      watch->logged_dose = dose->id;
      g_print ("LOGGED %s\n", dose->site_id);
    }
}

static void
report_runs (Watch *watch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cobalt_repository_list_checklist_runs (watch->fixture->repository,
                                                                      watch->fixture->person->id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CobaltChecklistRun) run = g_list_model_get_item (runs, i);
      const char *reason = cobalt_checklist_run_get_abort_reason (run);

      if (cobalt_checklist_run_get_state (run) != COBALT_RUN_ABORTED ||
          !first_time (watch->seen_runs, cobalt_checklist_run_get_id (run)))
        continue;
      g_print ("STOPPED %s\n", reason != NULL ? reason : "-");
    }
}

static void
report_reactions (Watch    *watch,
                  gboolean  quiet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reactions = cobalt_repository_list_reactions (watch->fixture->repository,
                                                                      watch->fixture->person->id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (reactions); i++)
    {
      g_autoptr(CobaltReaction) reaction = g_list_model_get_item (reactions, i);

      if (!first_time (watch->seen_reactions, reaction->id) || quiet)
        continue;
      g_print ("REACTION %s %s\n", reaction->kind,
               watch->logged_dose != 0 && reaction->dose_id == watch->logged_dose ? "dose" : "unlinked");
    }
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          Watch                   *watch)
{
  if (changes & COBALT_REPOSITORY_CHANGED_CHECKLISTS)
    report_runs (watch);
  if (changes & COBALT_REPOSITORY_CHANGED_DOSES)
    report_doses (watch, FALSE);
  if (changes & COBALT_REPOSITORY_CHANGED_JOURNAL)
    report_reactions (watch, FALSE);
  fflush (stdout);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_printerr ("journey-a11y-app: gave up after 150 s\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  JourneyFixture f = { 0 };
  Watch watch = { &f, NULL, NULL, NULL, 0 };
  g_autofree char *dir = NULL;
  CobaltWindow *window;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  g_set_prgname ("cobalt-journey-a11y");

  fixture_set_up (&f, NULL);
  /* The fixture's bare window is not used. */
  g_clear_pointer (&f.window, gtk_window_destroy);

  watch.seen_doses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  watch.seen_runs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  watch.seen_reactions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* What the fixture holds already is not news. */
  report_doses (&watch, TRUE);
  report_reactions (&watch, TRUE);
  g_signal_connect (f.repository, "changed", G_CALLBACK (on_repository_changed_cb), &watch);

  dir = g_dir_make_tmp ("cobalt-journey-a11y-XXXXXX", NULL);
  window = cobalt_window_new (NULL, f.clock, dir);
  cobalt_window_set_repository (window, f.repository, f.person->id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (200);
  if (find_wizard (GTK_WIDGET (window)) == NULL)
    g_error ("Start checklist did not show the checklist");

  g_print ("READY\n");
  fflush (stdout);

  g_timeout_add_seconds (150, on_timeout_cb, NULL);
  /* Until the test kills it, or the window is closed. */
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_data (f.repository, &watch);
  g_hash_table_unref (watch.seen_doses);
  g_hash_table_unref (watch.seen_runs);
  g_hash_table_unref (watch.seen_reactions);
  fixture_tear_down (&f, NULL);
  g_rmdir (dir);
  return 0;
}
