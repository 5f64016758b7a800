/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the Log page over 100 000 doses (issue 5, "Performance"):
 * opening the page, scrolling to the end, applying a filter, and exporting
 * all of it as CSV. Run by `build-aux/bench.sh carers_log` (under Xvfb);
 * not a test.
 *
 *   bench-log [N_DOSES [ROUNDS]]     default 100000 doses, 7 rounds
 *                                    (or COBALT_BENCH_ROUNDS)
 *
 * What is timed, so that the numbers mean what a person feels:
 * - The window is the app's default size (980 × 700) with the pages in a
 *   GtkStack, as in CobaltWindow. The Log page is built at start-up there
 *   (hidden), so building it is reported apart; "open" runs from
 *   gtk_stack_set_visible_child() until a frame has been painted that
 *   shows the newest dose's row. The page reads the log only when first
 *   shown, so the database query is inside "open".
 * - Each later step also stops only at the painted frame that shows the
 *   row it must show (the oldest dose after scrolling, the newest
 *   "needle bent" dose after the search, …), checked by its text.
 * - Every round uses a new page. The first open in a process also pays
 *   one-time costs the app has already paid at start-up (GTK's widget
 *   classes, the theme's CSS for the column view): it is printed on its
 *   own line, and the results are medians of the rounds after it. */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cobalt-carers-util.h"
#include "cobalt-context.h"
#include "cobalt-csv.h"
#include "cobalt-log-page.h"
#include "cobalt-log-row.h"
#include "cobalt-repository-private.h"
#include "carers-test-util.h"

/* A step that has not shown its row after this long has failed. */
#define STEP_TIMEOUT_US (10 * G_USEC_PER_SEC)

typedef enum
{
  STEP_BUILD,
  STEP_OPEN,
  STEP_SCROLL,
  STEP_SEARCH,
  STEP_SITE,
  STEP_CLEAR,
  N_STEPS
} Step;

static const struct
{
  const char *name;
  double      target_ms;  /* 0: no target, for information */
} steps[N_STEPS] = {
  [STEP_BUILD]  = { "log page built at start-up (hidden, no query)", 0 },
  [STEP_OPEN]   = { "log open (switch to the page → rows painted)", 200 },
  [STEP_SCROLL] = { "log scroll to end", 200 },
  [STEP_SEARCH] = { "log filter: notes search", 200 },
  [STEP_SITE]   = { "log filter: site", 200 },
  [STEP_CLEAR]  = { "log filters cleared", 200 },
};

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

/* Whether a row under @widget that lies in @viewport's visible area shows
 * @text: realized rows outside the viewport (GTK keeps ~200) do not count. */
static gboolean
shows_text (GtkWidget  *widget,
            GtkWidget  *viewport,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (COBALT_IS_LOG_ROW (widget) &&
      g_strcmp0 (cobalt_log_row_get_text (COBALT_LOG_ROW (widget), COBALT_LOG_COLUMN_WHEN), text) == 0)
    {
      graphene_rect_t bounds;

      return gtk_widget_compute_bounds (widget, viewport, &bounds) &&
             bounds.origin.y + bounds.size.height > 0 &&
             bounds.origin.y < gtk_widget_get_height (viewport);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, viewport, text))
      return TRUE;
  return FALSE;
}

/* Paints frames until one shows @text in the log; the time since @start. */
static double
wait_for_row (GtkWidget  *window,
              GtkWidget  *view,
              const char *text,
              gint64      start)
{
  do
    {
      wait_for_frame (window);
      if (shows_text (view, gtk_widget_get_parent (view), text))
        return (g_get_monotonic_time () - start) / 1000.0;
    }
  while (g_get_monotonic_time () - start < STEP_TIMEOUT_US);

  g_printerr ("bench-log: no painted row showed “%s” within %d s\n", text,
              (int) (STEP_TIMEOUT_US / G_USEC_PER_SEC));
  exit (EXIT_FAILURE);
}

/* The filter bar's first drop-down: the site. */
static GtkDropDown *
find_site_dropdown (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_site_dropdown (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How the log shows dose @i of carers_fill_doses(). */
static char *
when_text (guint      i,
           GTimeZone *local)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  gint64 us = CARERS_FIRST_DOSE_US + (gint64) i * CARERS_DOSE_STEP_US;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, london);

  return cobalt_carers_format_when (there, local);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  return n % 2 ? g_array_index (sorted, double, n / 2)
               : (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static void
report (const char *what,
        double      ms,
        double      target,
        const char *how)
{
  if (target > 0)
    g_print ("%s: %.1f ms%s (target %.0f ms)%s\n", what, ms, how, target,
             ms <= target ? "" : " — over target");
  else
    g_print ("%s: %.1f ms%s\n", what, ms, how);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* One round: a new page, opened, scrolled, filtered and cleared; the times
 * go into @times[step]. */
static void
run_round (GtkWidget        *window,
           GtkStack         *stack,
           CobaltRepository *repository,
           CobaltClock      *clock,
           CobaltPerson     *person,
           guint             n,
           GArray          **times)
{
  g_autoptr(CobaltContext) context = cobalt_context_new (repository, clock, person);
  GTimeZone *local = cobalt_clock_get_timezone (clock);
  g_autofree char *newest = when_text (n - 1, local);
  g_autofree char *oldest = when_text (0, local);
  g_autofree char *newest_needle = when_text ((n - 1) / 10 * 10, local);
  /* Site filter: the catalogue's first site, doses i % 14 == 0. */
  g_autofree char *newest_site = when_text ((n - 1) / 14 * 14, local);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *view;
  CobaltLogPage *page;
  double ms;
  gint64 start;

  start = g_get_monotonic_time ();
  page = cobalt_log_page_new (context);
  gtk_stack_add_named (stack, GTK_WIDGET (page), "log");
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_array_append_val (times[STEP_BUILD], ms);
  wait_for_frame (window);
  view = GTK_WIDGET (cobalt_log_page_get_view (page));

  start = g_get_monotonic_time ();
  gtk_stack_set_visible_child (stack, GTK_WIDGET (page));
  ms = wait_for_row (window, view, newest, start);
  g_array_append_val (times[STEP_OPEN], ms);

  /* Dragging the scroll bar to the bottom. */
  /* The column view's own scroller (a drop-down's popover has another). */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ms = wait_for_row (window, view, oldest, start);
  g_array_append_val (times[STEP_SCROLL], ms);

  start = g_get_monotonic_time ();
  cobalt_log_page_set_search (page, "needle");
  ms = wait_for_row (window, view, newest_needle, start);
  g_array_append_val (times[STEP_SEARCH], ms);
  if (g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (page))) != (n + 9) / 10)
    g_printerr ("bench-log: the search found %u rows, not %u\n",
                g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (page))), (n + 9) / 10);
  cobalt_log_page_set_search (page, NULL);
  wait_for_row (window, view, newest, g_get_monotonic_time ());

  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (find_site_dropdown (GTK_WIDGET (page)), 1);
  ms = wait_for_row (window, view, newest_site, start);
  g_array_append_val (times[STEP_SITE], ms);

  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (find_site_dropdown (GTK_WIDGET (page)), 0);
  ms = wait_for_row (window, view, newest, start);
  g_array_append_val (times[STEP_CLEAR], ms);

  gtk_stack_set_visible_child_name (stack, "today");
  gtk_stack_remove (stack, GTK_WIDGET (page));
  wait_for_frame (window);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  const char *env_rounds = g_getenv ("COBALT_BENCH_ROUNDS");
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : env_rounds ? (guint) atoi (env_rounds) : 7;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(GArray) csv_times = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *times[N_STEPS];
  g_autofree char *how = NULL;
  GtkWidget *window;
  GtkWidget *stack;
  double cold_open = 0;
  gint64 id;

  gtk_init ();
  rounds = MAX (rounds, 1);

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

  /* As CobaltWindow: the default size, the pages in a stack, another page
   * (Today) on show at first. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 700);
  stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Today"), "today");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  for (Step s = 0; s < N_STEPS; s++)
    times[s] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Round 0 pays the one-time costs; only its opening is shown. */
  run_round (window, GTK_STACK (stack), repository, clock, person, n, times);
  cold_open = g_array_index (times[STEP_OPEN], double, 0);
  for (Step s = 0; s < N_STEPS; s++)
    g_array_set_size (times[s], 0);

  for (guint r = 0; r < rounds; r++)
    run_round (window, GTK_STACK (stack), repository, clock, person, n, times);

  how = g_strdup_printf (", median of %u", rounds);
  g_print ("log page over %u doses, window 980 × 700:\n", n);
  report ("log open, first time in the process (pays GTK's one-time class and CSS set-up, "
          "which the app pays at start-up)", cold_open, 0, "");
  for (Step s = 0; s < N_STEPS; s++)
    report (steps[s].name, median (times[s]), steps[s].target_ms, how);

  /* CSV export of everything, written to disk. */
  csv_path = g_build_filename (dir, "export.csv", NULL);
  for (guint r = 0; r < rounds; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!cobalt_csv_export (repository, id, csv_path, &error))
        goto fail;
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (csv_times, ms);
    }
  report ("csv export, all doses to a file", median (csv_times), 1000, how);
  {
    GStatBuf st;

    if (g_stat (csv_path, &st) == 0)
      g_printerr ("bench-log: %u doses, %.1f MB of CSV\n", n, st.st_size / 1e6);
  }

  for (Step s = 0; s < N_STEPS; s++)
    g_array_unref (times[s]);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&repository);
  g_clear_object (&database);
  remove_tree (dir);
  return EXIT_SUCCESS;

fail:
  g_printerr ("bench-log: %s\n", error ? error->message : "failed");
  if (dir != NULL)
    remove_tree (dir);
  return EXIT_FAILURE;
}
