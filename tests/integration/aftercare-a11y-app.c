/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The aftercare page alone in a window, on the journey test data, for
 * test-aftercare-a11y.py to read through the accessibility tree. Prints
 * "READY" when shown; reads "REACT <kind>" and "UNREACT <kind>" lines on
 * stdin and ticks or unticks that reaction as a person would (GTK 4.8
 * gives check buttons no AT-SPI action to do it with), printing "DONE"
 * after each. */

#include "config.h"

#include "cobalt-aftercare-page.h"
#include "journey-test-util.h"

static gboolean
on_stdin_cb (GIOChannel   *channel,
             GIOCondition  condition,
             gpointer      user_data)
{
  CobaltAftercarePage *page = user_data;
  g_autofree char *line = NULL;
  gboolean ok = FALSE;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL || line == NULL)
    return G_SOURCE_REMOVE;

  g_strchomp (line);
  if (g_str_has_prefix (line, "REACT "))
    ok = cobalt_aftercare_page_set_reaction (page, line + strlen ("REACT "), TRUE);
  else if (g_str_has_prefix (line, "UNREACT "))
    ok = cobalt_aftercare_page_set_reaction (page, line + strlen ("UNREACT "), FALSE);
  /* Let the accessibility tree follow before saying so. */
  wait_for_gtk (50);
  g_print ("%s\n", ok ? "DONE" : "UNKNOWN");
  fflush (stdout);

  return G_SOURCE_CONTINUE;
}

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
  GIOChannel *input;
  GtkWidget *page;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  g_set_prgname ("cobalt-aftercare-a11y");

  fixture_set_up (&f, NULL);
  gtk_window_set_title (f.window, "Cobalt aftercare test");
  page = cobalt_aftercare_page_new (f.context, f.person, 0);
  fixture_show (&f, page);

  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP, on_stdin_cb, page);
  g_io_channel_unref (input);
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
