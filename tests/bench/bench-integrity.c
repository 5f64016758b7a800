/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the whole-file check (issue 15, "damage found before it is
 * trusted") on the log of 100 000 doses. Run by `build-aux/bench.sh
 * integrity`; not a test, and no display needed.
 *
 *   bench-integrity [N_DOSES [ROUNDS]]    default 100000 doses, 7 rounds
 *                                         (or COBALT_BENCH_ROUNDS)
 *
 * Timed, interleaved round by round so a drifting machine hits all alike,
 * medians printed:
 * - the baseline: the window's open before its first frame, which looks
 *   at the pages only (quick_check);
 * - the whole check the window runs in a thread after its first frame
 *   (cobalt_repository_check_integrity(), integrity_check);
 * - an open that checks the whole file itself, as `cobalt --status`, the
 *   exports and cobalt-reminder do.
 * The file is read from the page cache, as on a second start. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "cobalt-repository-private.h"
#include "carers-test-util.h"

typedef enum
{
  STEP_QUICK_OPEN,
  STEP_CHECK,
  STEP_FULL_OPEN,
  N_STEPS
} Step;

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
  double *v = (double *) values->data;
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
time_step (Step        step,
           const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  gint64 start = g_get_monotonic_time ();

  switch (step)
    {
    case STEP_QUICK_OPEN:
      repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP |
                                                COBALT_REPOSITORY_OPEN_QUICK_CHECK, &error);
      break;
    case STEP_CHECK:
      if (!cobalt_repository_check_integrity (dir, NULL, &error))
        g_error ("The check failed: %s", error->message);
      break;
    case STEP_FULL_OPEN:
      repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
  if (error != NULL)
    g_error ("Step %d failed: %s", step, error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  GArray *times[N_STEPS];
  double quick, check, full;
  guint n_doses = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  guint rounds = argc > 2 ? (guint) atoi (argv[2])
                 : g_getenv ("COBALT_BENCH_ROUNDS") != NULL ? (guint) atoi (g_getenv ("COBALT_BENCH_ROUNDS"))
                 : 7;
  GStatBuf st;

  setlocale (LC_ALL, "");

  if (n_doses == 0 || rounds == 0)
    {
      g_printerr ("usage: bench-integrity [N_DOSES [ROUNDS]]\n");
      return 2;
    }

  dir = g_dir_make_tmp ("cobalt-bench-integrity-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);

  {
    g_autoptr(CobaltRepository) repository = NULL;
    gint64 person_id;

    repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
    g_assert_no_error (error);
    person_id = carers_add_person (repository, "Ann");
    if (!carers_fill_doses (cobalt_repository_get_database (repository), person_id, n_doses, &error))
      g_error ("Could not write the doses: %s", error->message);
  }
  g_assert_cmpint (g_stat (db_path, &st), ==, 0);

  for (guint i = 0; i < N_STEPS; i++)
    times[i] = g_array_new (FALSE, FALSE, sizeof (double));

  /* One round to warm the page cache and SQLite's code, not counted. */
  for (guint i = 0; i < N_STEPS; i++)
    time_step (i, dir);
  for (guint round = 0; round < rounds; round++)
    for (guint i = 0; i < N_STEPS; i++)
      {
        double ms = time_step (i, dir);
        g_array_append_val (times[i], ms);
      }

  quick = median (times[STEP_QUICK_OPEN]);
  check = median (times[STEP_CHECK]);
  full = median (times[STEP_FULL_OPEN]);

  g_print ("integrity: %u doses, %.1f MiB file, medians of %u rounds\n",
           n_doses, st.st_size / (1024.0 * 1024.0), rounds);
  g_print ("integrity: window's open before the first frame (quick_check): %.1f ms (the baseline)\n", quick);
  g_print ("integrity: whole-file check in a thread after the first frame: %.1f ms = %.2f× the baseline "
           "(target ≤ 1000 ms, off the first frame)\n", check, check / quick);
  g_print ("integrity: open checking the whole file (--status, exports, cobalt-reminder): %.1f ms = %.2f× the baseline "
           "(target ≤ 1000 ms)\n", full, full / quick);

  for (guint i = 0; i < N_STEPS; i++)
    g_array_unref (times[i]);
  remove_dir (dir);
  return 0;
}
