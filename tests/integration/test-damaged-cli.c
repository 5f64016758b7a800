/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A damaged or missing log as the command line and the window's shared
 * helper meet it (issue 15): `cobalt --status` and `--export-csv` never
 * print an empty log from a damaged file, or start one where the log went
 * missing beside its backups; the window's helper moves a damaged file
 * aside byte for byte and offers the newest good backup. No display. */

#include "config.h"

#include <gio/gio.h>

#include "cobalt-data-problem.h"
#include "database-test-utils.h"
#include "../core/damage-test-util.h"

#define N_DOSES 60

static char *cobalt_binary;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cobalt (Run                *run,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "COBALT_DATA_DIR");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, cobalt_binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

/* A log whose doses index names nobody: it reads as an empty log. */
static char *
make_index_damaged_log (char **checksum)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autofree char *backup = NULL;
  char *dir = make_tmp_dir ();
  g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);

  damage_make_log (dir, N_DOSES);
  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  backup = cobalt_repository_backup (repository, &error);
  g_assert_no_error (error);
  g_clear_object (&repository);

  damage_index_page (db_path, "doses_person_given");
  damage_index_page (db_path, "doses_person_live");
  *checksum = file_checksum (db_path);
  return dir;
}

static void
test_status_index_damage (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *dir = make_index_damaged_log (&before);
  g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
  const char *args[] = { "--status", "--data-dir", dir, NULL };

  run_cobalt (&run, args);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_null (strstr (run.out, "Ann"));
  /* --status reports; it never moves or changes the file. */
  g_assert_cmpstr (file_checksum (db_path), ==, before);

  rm_rf (dir);
}

static void
test_export_index_damage (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *dir = make_index_damaged_log (&before);
  g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
  g_autofree char *csv = g_build_filename (dir, "log.csv", NULL);
  const char *args[] = { "--data-dir", dir, "--export-csv", csv, NULL };

  run_cobalt (&run, args);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "damaged"));
  /* No file listing none of the doses. */
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (file_checksum (db_path), ==, before);

  rm_rf (dir);
}

/* The log gone, its backup beside it: no "Nobody has been set up". */
static void
test_status_missing_log (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *dir = make_index_damaged_log (&before);
  g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
  const char *args[] = { "--status", "--data-dir", dir, NULL };

  g_assert_cmpint (g_unlink (db_path), ==, 0);
  run_cobalt (&run, args);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "missing"));
  g_assert_nonnull (strstr (run.err, "backup"));
  g_assert_null (strstr (run.out, "Nobody"));
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));

  rm_rf (dir);
}

/* What the window does with a damaged log (cobalt-data-problem.c): aside
 * byte for byte, and the newest backup that verifies offered, never a
 * newer one left half-written. */
static void
test_window_helper (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir = make_index_damaged_log (&before);
  g_autofree char *moved = NULL;
  g_autofree char *found = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *half = g_build_filename (dir, COBALT_REPOSITORY_BACKUP_DIR,
                                            "cobalt-29990101-000000.db", NULL);

  backups = cobalt_repository_list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (g_file_set_contents (half, "SQLite format 3", 16, &error));

  repository = cobalt_data_problem_open (dir, COBALT_REPOSITORY_OPEN_DEFAULT, TRUE, &moved, &error);
  g_assert_null (repository);
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT);
  g_assert_true (cobalt_data_problem_is_unreadable (error));
  g_assert_nonnull (moved);
  g_assert_cmpstr (file_checksum (moved), ==, before);

  cobalt_data_problem_describe (error, dir, moved, &title, &body);
  g_assert_nonnull (strstr (title, "damaged"));
  g_assert_nonnull (strstr (body, moved));

  found = cobalt_data_problem_find_backup (dir);
  g_assert_cmpstr (found, ==, backups->pdata[0]);
  g_clear_error (&error);

  /* Closed without a choice: the next start does not begin empty. */
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&moved, g_free);
  repository = cobalt_data_problem_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, TRUE, &moved, &error);
  g_assert_null (repository);
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_MISSING);
  g_assert_true (cobalt_data_problem_is_unreadable (error));
  g_assert_null (moved);
  cobalt_data_problem_describe (error, dir, NULL, &title, &body);
  g_assert_nonnull (strstr (title, "missing"));
  g_assert_nonnull (strstr (body, "1 backup"));
  g_assert_nonnull (strstr (body, ".corrupt-"));
  g_clear_error (&error);

  g_assert_true (cobalt_repository_restore_backup (dir, found, NULL, &error));
  g_assert_no_error (error);
  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (repository);

  rm_rf (dir);
}

int
main (int argc, char **argv)
{
  const char *build_dir;

  g_test_init (&argc, &argv, NULL);

  build_dir = g_getenv ("COBALT_BUILD_DIR");
  g_assert_nonnull (build_dir);
  cobalt_binary = g_build_filename (build_dir, "src", "cobalt", NULL);

  g_test_add_func ("/cobalt/damaged-cli/status-index-damage", test_status_index_damage);
  g_test_add_func ("/cobalt/damaged-cli/export-index-damage", test_export_index_damage);
  g_test_add_func ("/cobalt/damaged-cli/status-missing-log", test_status_missing_log);
  g_test_add_func ("/cobalt/damaged-cli/window-helper", test_window_helper);

  int status = g_test_run ();
  g_free (cobalt_binary);
  return status;
}
