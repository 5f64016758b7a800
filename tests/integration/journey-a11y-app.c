/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cobalt's own window on the journey test data, with the checklist
 * started in it (Today → Start checklist), for test-journey-a11y.py to
 * drive through the accessibility tree: the steps, and the header bar's
 * "Urgent help" from a step. Prints "READY" when shown and "LOGGED <site
 * id>" when the dose is logged. */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-checklist-wizard.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

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

static void
on_dose_changed_cb (CobaltChecklistWizard *wizard,
                    GParamSpec            *pspec,
                    gpointer               user_data)
{
  CobaltDose *dose = cobalt_checklist_wizard_get_dose (wizard);

  if (dose != NULL)
    {
      g_print ("LOGGED %s\n", dose->site_id);
      fflush (stdout);
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_printerr ("journey-a11y-app: gave up after 120 s\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  JourneyFixture f = { 0 };
  g_autofree char *dir = NULL;
  CobaltWindow *window;
  GtkWidget *wizard;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  g_set_prgname ("cobalt-journey-a11y");

  fixture_set_up (&f, NULL);
  /* The fixture's bare window is not used. */
  g_clear_pointer (&f.window, gtk_window_destroy);

  dir = g_dir_make_tmp ("cobalt-journey-a11y-XXXXXX", NULL);
  window = cobalt_window_new (NULL, f.clock, dir);
  cobalt_window_set_repository (window, f.repository, f.person->id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (200);
  wizard = find_wizard (GTK_WIDGET (window));
  if (wizard == NULL)
    g_error ("Start checklist did not show the checklist");

  g_signal_connect (wizard, "notify::dose", G_CALLBACK (on_dose_changed_cb), NULL);
  g_print ("READY\n");
  fflush (stdout);

  g_timeout_add_seconds (120, on_timeout_cb, NULL);
  /* Until the test kills it, or the window is closed. */
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  fixture_tear_down (&f, NULL);
  g_rmdir (dir);
  return 0;
}
