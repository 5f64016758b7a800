/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The `cobalt` command line, run as a user would run it: --version,
 * --status (no display needed), --person with an unknown name, no display
 * at all, a damaged file, --demo, and the daily backup after the window
 * is up. The two that open a window skip themselves without a display. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "cobalt-demo.h"
#include "cobalt-repository-private.h"
#include "cobalt-test.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static char *cobalt_binary;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cobalt-cli-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* Runs cobalt with @args; @display FALSE removes every way to a display.
 * @tmpdir (may be NULL) becomes its TMPDIR. */
static void
run_cobalt_env (Run                *run,
                gboolean            display,
                const char         *tmpdir,
                const char         *data_dir_env,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "COBALT_DATA_DIR");
  if (!display)
    {
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "GDK_BACKEND");
    }
  if (tmpdir != NULL)
    g_subprocess_launcher_setenv (launcher, "TMPDIR", tmpdir, TRUE);
  if (data_dir_env != NULL)
    g_subprocess_launcher_setenv (launcher, "COBALT_DATA_DIR", data_dir_env, TRUE);

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
}

static void
run_cobalt (Run                *run,
            gboolean            display,
            const char         *tmpdir,
            const char * const *args)
{
  run_cobalt_env (run, display, tmpdir, NULL, args);
}

static char *
make_demo_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  char *dir = make_tmp_dir ();

  database = cobalt_database_open (dir, &error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  cobalt_demo_populate (repository, clock, &error);
  g_assert_no_error (error);
  return dir;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--version", NULL };

  run_cobalt (&run, FALSE, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "cobalt " PACKAGE_VERSION "\n");
}

/* Today on the real clock, in the zone `cobalt` uses ($TZ included). */
static char *
real_today (void)
{
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock);

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_status_demo (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = NULL;
  g_auto(GStrv) lines = NULL;

  /* The demo is made for today and `cobalt` reads the same real clock.
   * Should midnight pass in between, it would read yesterday's story a
   * day on: then make the demo again (midnight does not pass twice in a
   * few seconds). */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *before = real_today ();
      g_autofree char *after = NULL;
      const char *args[] = { "--status", "--data-dir", NULL, NULL };

      if (dir != NULL)
        {
          remove_tree (dir);
          g_clear_pointer (&dir, g_free);
          run_clear (&run);
        }
      dir = make_demo_dir ();
      args[2] = dir;
      run_cobalt (&run, FALSE, NULL, args);
      after = real_today ();
      if (g_str_equal (before, after))
        break;
    }

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* One line per person: name, date and time, status word, site. */
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "Alex Morgan: next dose "));
  g_assert_nonnull (strstr (lines[0], ", 09:00 — Upcoming — suggested site: "));
  /* Overdue: the missed-dose wording, and no site ("go ahead"). */
  g_assert_true (g_str_has_prefix (lines[1], "Sam Rivera: the dose due "));
  g_assert_nonnull (strstr (lines[1], ", 18:30 is overdue — If this dose was missed, ask your doctor or nurse"));
  g_assert_null (strstr (lines[1], "site"));

  remove_tree (dir);
}

/* The first-dose date rule in `cobalt --status`: before it nothing is due
 * or missed; without one, nothing is scheduled. Dates far from the real
 * clock, so the answer does not depend on it. */
static void
test_status_first_dose (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  const char *args[] = { "--status", "--data-dir", dir, NULL };
  const char *names[] = { "Future Start", "No Date" };
  g_auto(GStrv) lines = NULL;

  {
    g_autoptr(CobaltDatabase) database = cobalt_database_open (dir, &error);
    g_autoptr(CobaltRepository) repository = NULL;

    g_assert_no_error (error);
    repository = cobalt_repository_new (database);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(CobaltPerson) person = cobalt_person_new (names[i]);
        g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
        g_autoptr(GDate) first = g_date_new_dmy (5, G_DATE_JANUARY, 2099);

        g_assert_true (cobalt_repository_save_person (repository, person, &error));
        g_assert_no_error (error);
        prescription->person_id = person->id;
        cobalt_prescription_set_enabled_sites (prescription, (const char *[]) { "deltoid-left", NULL });
        if (i == 0)
          cobalt_set_date (&prescription->starts_on, first);
        g_assert_true (cobalt_repository_save_prescription (repository, prescription, &error));
        g_assert_no_error (error);
      }
  }

  run_cobalt (&run, FALSE, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "Future Start: next dose Monday 5 January 2099, 09:00 — Upcoming"));
  g_assert_cmpstr (lines[1], ==, "No Date: no first-dose date chosen yet — nothing is due until it is");
  g_assert_null (strstr (run.out, "Overdue"));

  remove_tree (dir);
}

static void
test_status_data_dir_env (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_demo_dir ();
  const char *args[] = { "--status", NULL };

  /* $COBALT_DATA_DIR points at the log when --data-dir is not given. */
  run_cobalt_env (&run, FALSE, NULL, dir, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Alex Morgan"));
  g_assert_nonnull (strstr (run.out, "Sam Rivera"));

  remove_tree (dir);
}

static void
test_status_empty (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_tmp_dir ();
  const char *args[] = { "--status", "--data-dir", dir, NULL };

  run_cobalt (&run, FALSE, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Nobody has been set up"));

  remove_tree (dir);
}

static void
test_status_corrupt (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, COBALT_DATABASE_FILENAME, NULL);
  g_autofree char *after = NULL;
  const char *junk = "this is not an SQLite database, just some text, repeated. "
                     "this is not an SQLite database, just some text, repeated. ";
  const char *args[] = { "--status", "--data-dir", dir, NULL };

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  run_cobalt (&run, FALSE, NULL, args);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "damaged"));
  /* --status reports; it never moves or changes the file. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);

  remove_tree (dir);
}

/* Issue 15: a file whose schema version no Cobalt writes (here negative)
 * used to crash --status on an assertion; it is reported as damaged, and
 * neither changed nor moved. */
static void
test_status_unknown_version (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, COBALT_DATABASE_FILENAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  const char *args[] = { "--status", "--data-dir", dir, NULL };

  {
    g_autoptr(CobaltDatabase) database = cobalt_database_open (dir, &error);

    g_assert_no_error (error);
    g_assert_true (cobalt_database_exec (database, "PRAGMA user_version = -1", &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  run_cobalt (&run, FALSE, NULL, args);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "damaged"));
  g_assert_null (strstr (run.err, "assertion"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  remove_tree (dir);
}

static void
test_unknown_person (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_demo_dir ();
  const char *args[] = { "--data-dir", dir, "--person", "Nobody Here", NULL };

  if (!cobalt_test_have_display ())
    {
      g_test_skip ("no display");
      remove_tree (dir);
      return;
    }
  run_cobalt (&run, TRUE, NULL, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Nobody Here"));

  remove_tree (dir);
}

static void
test_no_display (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = make_tmp_dir ();
  const char *args[] = { "--data-dir", dir, NULL };

  run_cobalt (&run, FALSE, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--status"));
  g_assert_null (strstr (run.err, "Gtk"));

  remove_tree (dir);
}

static void
test_demo_status_cleans_up (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *tmp = make_tmp_dir ();
  g_autoptr(GDir) handle = NULL;
  const char *args[] = { "--demo", "--status", NULL };

  run_cobalt (&run, FALSE, tmp, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Alex Morgan"));
  g_assert_nonnull (strstr (run.out, "Sam Rivera"));

  /* The temporary demo folder is gone again. */
  handle = g_dir_open (tmp, 0, NULL);
  g_assert_null (g_dir_read_name (handle));

  remove_tree (tmp);
}

static guint
count_backups (const char *dir)
{
  g_autoptr(GPtrArray) backups = cobalt_database_list_backups (dir);

  return backups->len;
}

/* The daily backup (a VACUUM INTO of the whole log) never holds up the
 * window: it is made after the first frame, and then it is made. */
static void
test_backup_after_first_frame (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_demo_dir ();
  gint64 deadline;

  if (!cobalt_test_have_display ())
    {
      g_test_skip ("no display");
      remove_tree (dir);
      return;
    }

  /* A log just written has never been backed up: one is due. */
  g_assert_cmpuint (count_backups (dir), ==, 0);

  /* Up to the first frame (where the start-up benchmark stops it): none yet. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "COBALT_DATA_DIR");
  g_subprocess_launcher_setenv (launcher, "COBALT_BENCH_EXIT_ON_FIRST_FRAME", "1", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, cobalt_binary, "--data-dir", dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir), ==, 0);
  g_clear_object (&process);

  /* Left running, it makes the backup, a good one, by itself. Under a
   * loaded display server (the date sweep runs four test programs at a
   * time) the window can fail to connect and exit at once ("Cobalt needs
   * a graphical desktop"): that is the X server, not Cobalt, so a window
   * that exited before its backup is started once more. */
  g_subprocess_launcher_unsetenv (launcher, "COBALT_BENCH_EXIT_ON_FIRST_FRAME");
  for (guint attempt = 0; attempt < 2 && count_backups (dir) == 0; attempt++)
    {
      if (process != NULL)
        {
          g_test_message ("cobalt exited before making its backup: starting it again");
          g_assert_false (g_subprocess_wait_check (process, NULL, NULL));
          g_clear_object (&process);
        }
      process = g_subprocess_launcher_spawn (launcher, &error, cobalt_binary, "--data-dir", dir, NULL);
      g_assert_no_error (error);
      deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
      /* The identifier is NULL once the process has exited. */
      while (count_backups (dir) == 0 && g_get_monotonic_time () < deadline &&
             g_subprocess_get_identifier (process) != NULL)
        g_usleep (50 * 1000);
    }
  /* Let the verification after the VACUUM INTO finish before quitting. */
  g_usleep (500 * 1000);
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);

  backups = cobalt_database_list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (cobalt_database_verify_file (g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *build_dir;

  g_test_init (&argc, &argv, NULL);

  build_dir = g_getenv ("COBALT_BUILD_DIR");
  g_assert_nonnull (build_dir);
  cobalt_binary = g_build_filename (build_dir, "src", "cobalt", NULL);

  g_test_add_func ("/cobalt/cli/version", test_version);
  g_test_add_func ("/cobalt/cli/status-demo", test_status_demo);
  g_test_add_func ("/cobalt/cli/status-first-dose", test_status_first_dose);
  g_test_add_func ("/cobalt/cli/status-data-dir-env", test_status_data_dir_env);
  g_test_add_func ("/cobalt/cli/status-empty", test_status_empty);
  g_test_add_func ("/cobalt/cli/status-corrupt", test_status_corrupt);
  g_test_add_func ("/cobalt/cli/status-unknown-version", test_status_unknown_version);
  g_test_add_func ("/cobalt/cli/unknown-person", test_unknown_person);
  g_test_add_func ("/cobalt/cli/no-display", test_no_display);
  g_test_add_func ("/cobalt/cli/demo-status-cleans-up", test_demo_status_cleans_up);
  g_test_add_func ("/cobalt/cli/backup-after-first-frame", test_backup_after_first_frame);

  int status = g_test_run ();
  g_free (cobalt_binary);
  return status;
}
