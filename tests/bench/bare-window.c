/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The floor for Cobalt's start-up benchmark: the least a GtkApplication can
 * do to put a window of Cobalt's default size on screen. build-aux/bench.sh
 * compares cobalt against it, so both follow the same contract: with
 * COBALT_BENCH_EXIT_ON_FIRST_FRAME=1 in the environment the program exits 0
 * right after its first frame has been painted. */

#include <stdio.h>
#include <stdlib.h>

#include <gtk/gtk.h>

/* Cobalt's default window size (data/io.github.cobaltb12.Cobalt.gschema.xml). */
#define BARE_WINDOW_WIDTH  1000
#define BARE_WINDOW_HEIGHT 700

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock,
                               gpointer       user_data)
{
  GdkDisplay *display = user_data;

  /* Make sure the frame has reached the display server before the clock
   * stops, then leave at once: tearing the window down is not part of
   * what is measured. */
  gdk_display_flush (display);
  puts ("first-frame");
  fflush (stdout);
  exit (EXIT_SUCCESS);
}

static void
on_window_map_cb (GtkWidget *window,
                  gpointer   user_data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  /* Only frames after mapping can be seen; earlier ones just lay out. */
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (on_frame_clock_after_paint_cb),
                    gtk_widget_get_display (window));
}

static void
on_application_activate_cb (GtkApplication *application,
                            gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window),
                               BARE_WINDOW_WIDTH, BARE_WINDOW_HEIGHT);

  if (g_strcmp0 (g_getenv ("COBALT_BENCH_EXIT_ON_FIRST_FRAME"), "1") == 0)
    g_signal_connect_after (window, "map", G_CALLBACK (on_window_map_cb), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = NULL;

  /* Non-unique: rounds follow each other quickly and must never hand their
   * activation to a previous process that is still shutting down. */
  application = gtk_application_new ("io.github.cobaltb12.Cobalt.BenchBareWindow",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate",
                    G_CALLBACK (on_application_activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
