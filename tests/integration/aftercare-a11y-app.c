/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The aftercare page alone in a window, on the journey test data, for
 * test-aftercare-a11y.py to tick reactions and read the banners through
 * the accessibility tree (the reactions are CobaltChoiceButtons, which
 * AT-SPI can press). Prints "READY" when shown. */

#include "config.h"

#include "cobalt-aftercare-page.h"
#include "journey-test-util.h"

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_printerr ("aftercare-a11y-app: gave up after 120 s\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  JourneyFixture f = { 0 };
  GtkWidget *page;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  g_set_prgname ("cobalt-aftercare-a11y");

  fixture_set_up (&f, NULL);
  gtk_window_set_title (f.window, "Cobalt aftercare test");
  page = cobalt_aftercare_page_new (f.context, f.person, 0);
  fixture_show (&f, page);

  g_print ("READY\n");
  fflush (stdout);

  g_timeout_add_seconds (120, on_timeout_cb, NULL);
  /* Until the test kills it, or the window is closed. */
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  f.window = NULL;
  fixture_tear_down (&f, NULL);
  return 0;
}
