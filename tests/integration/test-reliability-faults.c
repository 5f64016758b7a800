/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A full disk (ENOSPC) and a failing one (EIO) at every point where Cobalt
 * writes or syncs (issue 15): reliability-helper logs doses, backs up,
 * restores and migrates with the fault-injecting preload (fault-inject.c)
 * failing its Nth write or sync to the data folder and every one after.
 * Then, without the fault:
 * - what the helper reported committed is all there, and the log opens
 *   whole (integrity_check);
 * - a backup listed verifies, a restore left the old log or the new one,
 *   a migration all of it or none;
 * - the helper ended on its own (no crash, no GLib warning or critical,
 *   which are fatal here) with a sentence that says the disk is full or
 *   failing.
 *
 * First a clean run counts the calls (COBALT_FAULT_REPORT); then the
 * fault points are spread over them: at most COBALT_RELIABILITY_FAULTS per
 * kind and error (default 10; 0 means every one), as
 * `build-aux/dev.sh reliability` runs them all. */

#include "config.h"

#include <stdlib.h>
#include <gio/gio.h>

#include "cobalt-core.h"
#include "cobalt-migrations.h"
#include "database-test-utils.h"

static char *helper;
static char *preload;
static guint max_points = 10;

typedef struct
{
  GPtrArray *lines;
  char      *err;
  int        status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->lines, g_ptr_array_unref);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

typedef struct
{
  const char *error_name;  /* COBALT_FAULT_ERRNO */
  const char *on;          /* COBALT_FAULT_ON */
  const char *says;        /* what the message must then say */
} Fault;

/* A write that finds the disk full says so; SQLite reports any failed
 * sync as an I/O error, whatever the reason, so those say "disk". */
static const Fault faults[] = {
  { "ENOSPC", "write", "full" },
  { "ENOSPC", "sync", "disk" },
  { "EIO", "write,sync", "disk" },
};

/* Runs the helper, with @fault from call @after (-1: none; @report then
 * receives the count). */
static void
run_helper (Run                *run,
            const char         *dir,
            const Fault        *fault,
            long                after,
            long               *report,
            const char * const *args)
{
  const char *error_name = fault != NULL ? fault->error_name : "no fault";
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *after_text = g_strdup_printf ("%ld", after);
  g_autofree char *report_path = g_build_filename (dir, "..", "fault-report", NULL);
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  g_autofree char *asan = NULL;
  g_auto(GStrv) lines = NULL;
  const char *asan_options = g_getenv ("ASAN_OPTIONS");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", preload, TRUE);
  g_subprocess_launcher_setenv (launcher, "COBALT_FAULT_PATH", canonical, TRUE);
  /* Under AddressSanitizer (build-aux/dev.sh asan) the preload comes
   * before libasan, which is harmless here. */
  asan = g_strconcat (asan_options != NULL ? asan_options : "",
                      asan_options != NULL ? ":" : "", "verify_asan_link_order=0", NULL);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  if (after >= 0)
    {
      g_subprocess_launcher_setenv (launcher, "COBALT_FAULT_ERRNO", fault->error_name, TRUE);
      g_subprocess_launcher_setenv (launcher, "COBALT_FAULT_ON", fault->on, TRUE);
      g_subprocess_launcher_setenv (launcher, "COBALT_FAULT_AFTER", after_text, TRUE);
    }
  else
    g_subprocess_launcher_setenv (launcher, "COBALT_FAULT_REPORT", report_path, TRUE);

  g_ptr_array_add (argv, helper);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &run->err, &error);
  g_assert_no_error (error);

  /* Ended by itself: no crash, no abort on a warning or critical. */
  if (!g_subprocess_get_if_exited (process))
    g_error ("reliability-helper %s with %s from call %ld died: %s", args[0], error_name, after, run->err);
  run->status = g_subprocess_get_exit_status (process);
  if (strstr (run->err, "CRITICAL") != NULL || strstr (run->err, "WARNING") != NULL)
    g_error ("reliability-helper %s with %s from call %ld warned: %s", args[0], error_name, after, run->err);

  run->lines = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (run->lines, g_strdup (lines[i]));

  if (after < 0)
    {
      g_autofree char *text = NULL;

      g_assert_cmpint (run->status, ==, 0);
      g_assert_true (g_file_get_contents (report_path, &text, NULL, NULL));
      *report = strtol (text, NULL, 10);
      g_unlink (report_path);
    }
  else if (run->status != 0)
    {
      /* One clear sentence about the disk, as the window would show. */
      g_assert_cmpint (run->status, ==, 1);
      g_assert_true (g_str_has_prefix (run->err, "E "));
      if (strstr (run->err, fault->says) == NULL)
        g_error ("unclear message for %s on %s from call %ld: %s", error_name, fault->on, after, run->err);
    }
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          copy_tree (source, target);
          continue;
        }
      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
}

/* The log as the next start finds it: opens whole, every backup good. */
static guint
count_doses (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n;

  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  if (repository == NULL)
    g_error ("the log in %s does not open after the fault: %s", dir, error->message);
  people = cobalt_repository_list_people (repository, FALSE, &error);
  g_assert_no_error (error);
  if (g_list_model_get_n_items (people) == 0)
    return 0;
  person = g_list_model_get_item (people, 0);
  n = cobalt_repository_count_doses (repository, person->id, &error);
  g_assert_no_error (error);

  backups = cobalt_repository_list_backups (dir);
  for (guint i = 0; i < backups->len; i++)
    if (!cobalt_repository_verify_backup (backups->pdata[i], &error))
      g_error ("%s is listed as a backup but fails verification: %s",
               (const char *) backups->pdata[i], error->message);
  return n;
}

typedef enum
{
  KIND_DOSES,
  KIND_BACKUP,
  KIND_RESTORE,
  KIND_MIGRATE,
} Kind;

static const char *kind_names[] = { "doses", "backup", "restore", "migrate" };

/* The data folder each run starts from, made once. */
static char *
make_template (Kind   kind,
               guint *n_first,
               guint *n_second)
{
  g_auto(Run) run = { 0 };
  g_autofree char *root = make_tmp_dir ();
  char *dir = g_build_filename (root, "template", NULL);
  const char *setup[] = { "setup", dir, NULL };
  const char *doses[] = { "doses", dir, "5", NULL };
  const char *backup[] = { "backup", dir, "1", NULL };

  if (kind == KIND_MIGRATE)
    {
      g_autofree char *path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);

      cobalt_migrations_set_test_builtin_limit (3);
      create_fixture (dir);
      raw_exec (path,
                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
                " INSERT INTO doses (person_id, prescription_id, given_at_us, tz, site_id, amount, unit,"
                "   product, created_at_us, updated_at_us)"
                " SELECT 1, 1, 1600000000000000 + i * 3600000000, 'Europe/London', 'deltoid-left', 1, 0, 0,"
                "   i, i FROM n;");
      cobalt_migrations_set_test_builtin_limit (0);
      return dir;
    }

  run_helper (&run, dir, NULL, -1, &(long) { 0 }, setup);
  run_clear (&run);
  run_helper (&run, dir, NULL, -1, &(long) { 0 }, doses);
  *n_first = count_doses (dir);
  if (kind == KIND_RESTORE)
    {
      run_clear (&run);
      run_helper (&run, dir, NULL, -1, &(long) { 0 }, backup);
      run_clear (&run);
      run_helper (&run, dir, NULL, -1, &(long) { 0 }, doses);
      run_clear (&run);
      run_helper (&run, dir, NULL, -1, &(long) { 0 }, backup);
      *n_second = count_doses (dir);
    }
  return dir;
}

static void
test_faults (gconstpointer data)
{
  Kind kind = GPOINTER_TO_INT (data);
  g_autofree char *template = NULL;
  g_autofree char *root = NULL;
  guint n_first = 0, n_second = 0;
  guint n_failed = 0, n_runs = 0;
  long n_calls = 0;

  template = make_template (kind, &n_first, &n_second);
  root = g_path_get_dirname (template);

  /* A clean run counts the writes and syncs. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *dir = g_build_filename (root, "count", NULL);
    const char *args[] = { kind_names[kind], dir, kind == KIND_DOSES ? "3" : "1", NULL };

    copy_tree (template, dir);
    run_helper (&run, dir, NULL, -1, &n_calls, kind == KIND_MIGRATE ? (const char *[]) { "migrate", dir, NULL }
                                                                      : args);
    rm_rf (dir);
  }
  g_test_message ("%s: %ld writes and syncs to the data folder", kind_names[kind], n_calls);
  g_assert_cmpint (n_calls, >, 0);

  for (guint e = 0; e < G_N_ELEMENTS (faults); e++)
    {
      guint n_points = max_points == 0 ? (guint) n_calls : MIN ((guint) n_calls, max_points);

      for (guint p = 0; p < n_points; p++)
        {
          g_auto(Run) run = { 0 };
          g_autofree char *dir = g_build_filename (root, "run", NULL);
          g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
          const char *args[] = { kind_names[kind], dir, kind == KIND_DOSES ? "3" : "1", NULL };
          const char *migrate[] = { "migrate", dir, NULL };
          /* Spread over the calls, the first and the last among them. */
          long after = n_points < 2 ? 0 : (long) ((guint64) p * (n_calls - 1) / (n_points - 1));
          guint n;

          copy_tree (template, dir);
          run_helper (&run, dir, &faults[e], after, NULL, kind == KIND_MIGRATE ? migrate : args);
          n_runs++;
          n_failed += run.status != 0;

          switch (kind)
            {
            case KIND_DOSES:
              /* Every dose reported, perhaps one more whose report the
               * failure cut off (never half of one: the rules of the
               * transaction). */
              n = count_doses (dir);
              g_assert_cmpuint (n, >=, n_first + run.lines->len);
              g_assert_cmpuint (n, <=, n_first + run.lines->len + 1);
              break;
            case KIND_BACKUP:
              n = count_doses (dir);
              g_assert_cmpuint (n, ==, n_first);
              if (run.status == 0)
                g_assert_cmpuint (run.lines->len, ==, 1);
              break;
            case KIND_RESTORE:
              g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
              n = count_doses (dir);
              g_assert_true (n == n_first || n == n_second);
              if (run.status == 0)
                g_assert_cmpuint (n, ==, n_second);
              break;
            case KIND_MIGRATE:
              count_doses (dir);
              g_assert_cmpint (raw_int (db_path, "PRAGMA user_version"), ==, cobalt_migrations_get_latest ());
              g_assert_cmpint (raw_int (db_path, "SELECT count(*) FROM doses"), ==, 202);
              break;
            default:
              g_assert_not_reached ();
            }
          rm_rf (dir);
        }
    }

  g_test_message ("%s: %u runs with a fault, %u of them reported it", kind_names[kind], n_runs, n_failed);
  /* A fault a run never met (it wrote less that time), or met where a
   * failure changes nothing (syncing the folder after a rename), passes;
   * most must have been met and reported. */
  g_assert_cmpuint (n_failed, >, n_runs / 3);
  rm_rf (root);
}

int
main (int argc, char **argv)
{
  const char *build_dir;
  const char *points = g_getenv ("COBALT_RELIABILITY_FAULTS");

  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: test-reliability-faults PRELOAD\n");
      return 2;
    }
  preload = g_canonicalize_filename (argv[1], NULL);
  build_dir = g_getenv ("COBALT_BUILD_DIR");
  g_assert_nonnull (build_dir);
  helper = g_build_filename (build_dir, "tests", "integration", "reliability-helper", NULL);
  if (points != NULL)
    max_points = (guint) atoi (points);

  g_test_add_data_func ("/cobalt/reliability/faults/doses", GINT_TO_POINTER (KIND_DOSES), test_faults);
  g_test_add_data_func ("/cobalt/reliability/faults/backup", GINT_TO_POINTER (KIND_BACKUP), test_faults);
  g_test_add_data_func ("/cobalt/reliability/faults/restore", GINT_TO_POINTER (KIND_RESTORE), test_faults);
  g_test_add_data_func ("/cobalt/reliability/faults/migrate", GINT_TO_POINTER (KIND_MIGRATE), test_faults);

  int status = g_test_run ();
  g_free (helper);
  g_free (preload);
  return status;
}
