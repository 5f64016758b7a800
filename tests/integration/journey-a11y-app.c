/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist wizard alone in a window, on the journey test data, for
 * test-journey-a11y.py to drive through the accessibility tree. Prints
 * "LOGGED <site id>" when the dose is logged and "READY" when shown. */

#include "config.h"

#include "cobalt-checklist-wizard.h"
#include "journey-test-util.h"

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
  GtkWidget *wizard;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  g_set_prgname ("cobalt-journey-a11y");

  fixture_set_up (&f, NULL);
  gtk_window_set_title (f.window, "Cobalt checklist test");
  wizard = cobalt_checklist_wizard_new (f.context, f.person);
  g_signal_connect (wizard, "notify::dose", G_CALLBACK (on_dose_changed_cb), NULL);
  g_signal_connect_swapped (wizard, "close", G_CALLBACK (gtk_window_destroy), f.window);
  fixture_show (&f, wizard);
  g_print ("READY\n");
  fflush (stdout);

  g_timeout_add_seconds (120, on_timeout_cb, NULL);
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  f.window = NULL;
  fixture_tear_down (&f, NULL);
  return 0;
}
