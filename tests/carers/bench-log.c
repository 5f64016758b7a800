/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the Log page over 100 000 doses (issue 5, "Performance"):
 * opening the page (model + column view, first frame), scrolling to the
 * end, applying a filter, and exporting all of it as CSV. Run by
 * `build-aux/bench.sh carers_log` (under Xvfb); not a test.
 *
 *   bench-log [N_DOSES]     default 100000 */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cobalt-csv.h"
#include "cobalt-log-page.h"
#include "carers-test-util.h"

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

/* Spins the main loop until @widget's window has painted a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gulong id;

  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while ((clock = gtk_widget_get_frame_clock (widget)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *what,
        double      ms,
        double      target)
{
  g_print ("%s: %.1f ms (target %.0f ms)%s\n", what, ms, target, ms <= target ? "" : " — over target");
}

static GtkScrolledWindow *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autofree char *csv = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  CobaltLogPage *page;
  GtkWidget *window;
  gint64 start, id;
  gsize length = 0;

  gtk_init ();

  dir = g_dir_make_tmp ("cobalt-bench-log-XXXXXX", &error);
  if (dir == NULL || (database = cobalt_database_open (dir, &error)) == NULL)
    goto fail;
  repository = cobalt_repository_new (database);
  id = carers_add_person (repository, "Benchmark");
  g_printerr ("bench-log: writing %u doses…\n", n);
  if (!carers_fill_doses (database, id, n, &error))
    goto fail;
  person = cobalt_repository_get_person (repository, id, &error);
  if (person == NULL)
    goto fail;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  /* Opening: model (key query) + column view, to the first frame. */
  start = g_get_monotonic_time ();
  page = cobalt_log_page_new (repository, clock, person);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  wait_for_frame (window);
  report ("log open", ms_since (start), 200);

  /* Scrolling to the end: the view asks for the last page of rows. */
  scroller = find_scroller (GTK_WIDGET (page));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_frame (window);
  wait_for_frame (window);
  report ("log scroll to end", ms_since (start), 200);

  /* A filter: notes search. */
  start = g_get_monotonic_time ();
  cobalt_log_page_set_search (page, "needle");
  wait_for_frame (window);
  report ("log filter (notes search)", ms_since (start), 200);
  if (g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (page))) != n / 10 + (n % 10 != 0))
    g_printerr ("bench-log: the filter found %u rows\n",
                g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (page))));

  start = g_get_monotonic_time ();
  cobalt_log_page_set_search (page, NULL);
  wait_for_frame (window);
  report ("log filter cleared", ms_since (start), 200);

  /* CSV export of everything, written to disk. */
  csv_path = g_build_filename (dir, "export.csv", NULL);
  start = g_get_monotonic_time ();
  if (!cobalt_csv_export (repository, id, csv_path, &error))
    goto fail;
  report ("csv export", ms_since (start), 1000);
  if (g_file_get_contents (csv_path, &csv, &length, NULL))
    g_printerr ("bench-log: %u doses, %.1f MB of CSV\n", n, length / 1e6);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&repository);
  g_clear_object (&database);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
            const char *subname;

            while (sub != NULL && (subname = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *subpath = g_build_filename (path, subname, NULL);
                g_unlink (subpath);
              }
            g_rmdir (path);
          }
        else
          g_unlink (path);
      }
    g_rmdir (dir);
  }
  return EXIT_SUCCESS;

fail:
  g_printerr ("bench-log: %s\n", error ? error->message : "failed");
  return EXIT_FAILURE;
}
