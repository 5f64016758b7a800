/* SPDX-License-Identifier: GPL-3.0-or-later */

/* kill -9 at a random moment of each thing Cobalt writes (issue 15): dose
 * writes, backups, restores, migrations and reminder claims, each run by
 * reliability-helper in a loop and killed (SIGKILL) after a random delay.
 * After every kill the data folder is opened as the next start would open
 * it, and:
 * - every step the helper reported committed is there (no dose lost, a
 *   reminder claimed but not confirmed is shown again, one confirmed is
 *   not);
 * - the log opens, whole (integrity_check), never missing and never
 *   empty;
 * - every file listed as a backup verifies, and no temporary file
 *   survives the start.
 *
 * Bounded for CI: COBALT_RELIABILITY_ROUNDS kills (default 12) or
 * COBALT_RELIABILITY_SECONDS (default 6) per kind, whichever comes first.
 * `build-aux/dev.sh reliability` runs many more. The delays come from
 * g_test_rand: a failure prints the seed, and --seed replays it. */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <gio/gio.h>

#include "cobalt-core.h"
#include "cobalt-migrations.h"
#include "database-test-utils.h"

static char *helper;
static guint max_rounds = 12;
static gint64 max_us = 6 * G_USEC_PER_SEC;

typedef struct
{
  GPtrArray *lines;   /* stdout, one step per line */
  char      *err;
  gboolean   killed;  /* by us, before it ended */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->lines, g_ptr_array_unref);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the helper; kills it after @kill_after_us (0: waits for the end,
 * which must be a success). */
static void
run_helper (Run                *run,
            gint64              kill_after_us,
            const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (argv, helper);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  if (kill_after_us > 0)
    {
      g_usleep (kill_after_us);
      run->killed = TRUE;
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_exited (process))
    {
      /* Finished before the kill (a short loop): it must have succeeded. */
      if (g_subprocess_get_exit_status (process) != 0)
        g_error ("reliability-helper %s failed: %s", args[0], run->err);
      run->killed = FALSE;
    }
  else
    g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  run->lines = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (run->lines, g_strdup (lines[i]));
}

static gint64
random_delay_us (guint max_ms)
{
  return (gint64) g_test_rand_int_range (1, (gint32) max_ms * 1000);
}

static gboolean
keep_going (guint  round,
            gint64 start)
{
  return round < max_rounds && g_get_monotonic_time () - start < max_us;
}

/* The next start: the log opens, whole, and no temporary file survives. */
static CobaltRepository *
open_next_start (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autofree char *backups = g_build_filename (dir, COBALT_REPOSITORY_BACKUP_DIR, NULL);
  const char *dirs[] = { dir, backups };

  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GDir) d = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        if (g_strrstr (name, COBALT_REPOSITORY_PARTIAL_INFIX) != NULL)
          g_error ("%s/%s survived the start", dirs[i], name);
    }
  return g_steal_pointer (&repository);
}

static void
assert_backups_verify (const char *dir)
{
  g_autoptr(GPtrArray) backups = cobalt_repository_list_backups (dir);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!cobalt_repository_verify_backup (backups->pdata[i], &error))
        g_error ("%s is listed as a backup but fails verification: %s",
                 (const char *) backups->pdata[i], error->message);
    }
}

static gint64
first_person (CobaltRepository *repository)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = cobalt_repository_list_people (repository, FALSE, &error);
  g_autoptr(CobaltPerson) person = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 1);
  person = g_list_model_get_item (people, 0);
  return person->id;
}

static char *
set_up_log (guint n_doses)
{
  g_auto(Run) run = { 0 };
  char *dir = make_tmp_dir ();
  g_autofree char *n = g_strdup_printf ("%u", n_doses);
  const char *setup[] = { "setup", dir, NULL };
  const char *doses[] = { "doses", dir, n, NULL };

  run_helper (&run, 0, setup);
  if (n_doses > 0)
    {
      run_clear (&run);
      run_helper (&run, 0, doses);
    }
  return dir;
}

/* Doses ------------------------------------------------------------------ */

static void
test_kill_doses (void)
{
  g_autofree char *dir = set_up_log (0);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = g_get_monotonic_time ();
  guint round, n_killed = 0;
  const char *args[] = { "doses", dir, "300", NULL };

  for (round = 0; keep_going (round, start); round++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltRepository) repository = NULL;
      guint n;

      run_helper (&run, random_delay_us (300), args);
      n_killed += run.killed;
      for (guint i = 0; i < run.lines->len; i++)
        {
          const char *line = run.lines->pdata[i];
          gint64 id;

          g_assert_true (g_str_has_prefix (line, "D "));
          id = g_ascii_strtoll (line + 2, NULL, 10);
          g_array_append_val (ids, id);
          g_hash_table_add (acknowledged, &g_array_index (ids, gint64, ids->len - 1));
        }

      repository = open_next_start (dir);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(CobaltDose) dose = cobalt_repository_get_dose (repository, g_array_index (ids, gint64, i), &error);

          if (dose == NULL)
            g_error ("dose %" G_GINT64_FORMAT " was reported committed and is lost (round %u): %s",
                     g_array_index (ids, gint64, i), round, error->message);
        }
      /* At most the one a kill cut short before it was reported. */
      n = cobalt_repository_count_doses (repository, first_person (repository), &error);
      g_assert_no_error (error);
      /* The person's first dose comes with the set-up. */
      g_assert_cmpuint (n, >=, ids->len + 1);
      g_assert_cmpuint (n, <=, ids->len + 1 + round + 1);
    }

  g_test_message ("%u rounds, %u kills, %u doses reported committed, none lost", round, n_killed, ids->len);
  g_assert_cmpuint (ids->len, >, 0);
  rm_rf (dir);
}

/* Backups ------------------------------------------------------------------- */

static void
test_kill_backups (void)
{
  g_autofree char *dir = set_up_log (150);
  gint64 start = g_get_monotonic_time ();
  guint round, n_killed = 0, n_made = 0;
  const char *args[] = { "backup", dir, "300", NULL };

  for (round = 0; keep_going (round, start); round++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(CobaltRepository) repository = NULL;
      g_autoptr(GPtrArray) backups = NULL;

      run_helper (&run, random_delay_us (400), args);
      n_killed += run.killed;
      n_made += run.lines->len;

      /* Listed before the start cleans up: a backup half-written by the
       * kill must not be among them already. */
      assert_backups_verify (dir);
      repository = open_next_start (dir);
      assert_backups_verify (dir);

      /* The newest one reported made is kept (rotation keeps seven). */
      backups = cobalt_repository_list_backups (dir);
      if (run.lines->len > 0)
        {
          const char *last = g_ptr_array_index (run.lines, run.lines->len - 1);
          gboolean found = FALSE;

          for (guint i = 0; i < backups->len; i++)
            found |= g_str_equal (last + 2, backups->pdata[i]);
          g_assert_true (found);
        }
    }

  g_test_message ("%u rounds, %u kills, %u backups reported made", round, n_killed, n_made);
  g_assert_cmpuint (n_made, >, 0);
  rm_rf (dir);
}

/* Restore -------------------------------------------------------------------- */

static guint
count_now (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = open_next_start (dir);
  guint n = cobalt_repository_count_doses (repository, first_person (repository), &error);

  g_assert_no_error (error);
  return n;
}

static void
test_kill_restore (void)
{
  g_autofree char *dir = set_up_log (10);
  g_autofree char *db_path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
  gint64 start;
  guint round, n_killed = 0, n_restored = 0;
  guint n_first, n_second;
  const char *backup_args[] = { "backup", dir, "1", NULL };
  const char *more_args[] = { "doses", dir, "10", NULL };
  const char *args[] = { "restore", dir, "150", NULL };

  {
    g_auto(Run) run = { 0 };

    run_helper (&run, 0, backup_args);
    n_first = count_now (dir);
    run_clear (&run);
    run_helper (&run, 0, more_args);
    run_clear (&run);
    run_helper (&run, 0, backup_args);
    n_second = count_now (dir);
    g_assert_cmpuint (n_first, <, n_second);
  }

  start = g_get_monotonic_time ();
  for (round = 0; keep_going (round, start); round++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GPtrArray) set_aside = NULL;
      guint n;

      run_helper (&run, random_delay_us (300), args);
      n_killed += run.killed;
      n_restored += run.lines->len;

      /* Never no log: the old one or a restored one, whole. */
      g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
      n = count_now (dir);
      g_assert_true (n == n_first || n == n_second);
      assert_backups_verify (dir);

      /* Every log a restore replaced is kept whole; then the test clears
       * them, or a thousand would pile up. */
      set_aside = cobalt_repository_list_set_aside (dir);
      for (guint i = 0; i < set_aside->len; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!cobalt_repository_verify_backup (set_aside->pdata[i], &error))
            g_error ("%s was kept aside broken: %s", (const char *) set_aside->pdata[i], error->message);
          g_unlink (set_aside->pdata[i]);
        }
    }

  g_test_message ("%u rounds, %u kills, %u restores reported", round, n_killed, n_restored);
  g_assert_cmpuint (n_restored, >, 0);
  rm_rf (dir);
}

/* Migrations ------------------------------------------------------------------ */

/* A log written by a Cobalt of schema 3 (the next step rebuilds tables),
 * with enough doses for the migration to take a while. */
static char *
make_old_log (void)
{
  char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);

  cobalt_migrations_set_test_builtin_limit (3);
  create_fixture (dir);
  raw_exec (path,
            "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
            " INSERT INTO doses (person_id, prescription_id, given_at_us, tz, site_id, amount, unit,"
            "   product, batch, notes, created_at_us, updated_at_us)"
            " SELECT 1, 1, 1600000000000000 + i * 3600000000, 'Europe/London', 'deltoid-left', 1, 0, 0,"
            "   'B' || (i % 50), 'note ' || i, i, i FROM n;");
  cobalt_migrations_set_test_builtin_limit (0);
  return dir;
}

static void
test_kill_migration (void)
{
  gint64 start, duration;
  guint round, n_killed = 0, n_done = 0;
  guint latest = cobalt_migrations_get_latest ();

  /* How long one migration takes here, to kill within it. */
  {
    g_auto(Run) run = { 0 };
    g_autofree char *dir = make_old_log ();
    const char *args[] = { "migrate", dir, NULL };

    start = g_get_monotonic_time ();
    run_helper (&run, 0, args);
    duration = g_get_monotonic_time () - start;
    g_test_message ("one migration takes %" G_GINT64_FORMAT " ms", duration / 1000);
    rm_rf (dir);
  }

  start = g_get_monotonic_time ();
  for (round = 0; keep_going (round, start); round++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(CobaltRepository) repository = NULL;
      g_autofree char *dir = make_old_log ();
      g_autofree char *path = g_build_filename (dir, COBALT_REPOSITORY_FILENAME, NULL);
      const char *args[] = { "migrate", dir, NULL };

      run_helper (&run, 1 + g_test_rand_int_range (0, (gint32) (duration * 13 / 10)), args);
      n_killed += run.killed;
      n_done += run.lines->len;

      /* Before or after the migration, never between; every row kept. */
      assert_backups_verify (dir);
      repository = open_next_start (dir);
      g_clear_object (&repository);
      g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM doses"), ==, 4002);
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people"), ==, 2);
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM reactions"), ==, 1);
      assert_backups_verify (dir);
      rm_rf (dir);
    }

  g_test_message ("%u rounds, %u kills, %u migrations finished before the kill", round, n_killed, n_done);
}

/* Reminder claims ------------------------------------------------------------ */

static GDateTime *
claim_instant (guint day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2020, 1, 6, 9, 0, 0);

  return g_date_time_add_hours (base, 24 * day);
}

static void
test_kill_claims (void)
{
  g_autofree char *dir = set_up_log (0);
  gint64 start = g_get_monotonic_time ();
  guint round, n_killed = 0, n_shown_again = 0, n_confirmed = 0;
  guint first = 0;

  for (round = 0; keep_going (round, start); round++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltRepository) repository = NULL;
      g_autoptr(GHashTable) claimed = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
      g_autofree char *first_text = g_strdup_printf ("%u", first);
      const char *args[] = { "claims", dir, first_text, "300", NULL };
      guint last = first;
      guint n_recovered = 0;
      gint64 person_id;

      run_helper (&run, random_delay_us (250), args);
      n_killed += run.killed;
      for (guint i = 0; i < run.lines->len; i++)
        {
          const char *line = run.lines->pdata[i];
          guint day = (guint) g_ascii_strtoull (line + 2, NULL, 10);

          g_hash_table_add (line[0] == 'C' ? claimed : shown, GUINT_TO_POINTER (day + 1));
          last = MAX (last, day + 1);
        }

      /* cobalt-reminder's start. */
      repository = open_next_start (dir);
      person_id = first_person (repository);
      g_assert_true (cobalt_repository_recover_reminder_claims (repository, &n_recovered, &error));
      g_assert_no_error (error);

      /* The one the kill may have cut short after its claim: up to last. */
      for (guint day = first; day <= last; day++)
        {
          g_autoptr(GDateTime) due = claim_instant (day);
          g_autoptr(GDateTime) now = g_date_time_add_minutes (due, 2);
          g_autoptr(CobaltReminderState) state = NULL;
          gboolean again = FALSE;

          /* Confirmed just before the kill, too late to say so. */
          state = cobalt_repository_get_reminder_state (repository, person_id, COBALT_REMINDER_DUE, due, &error);
          g_assert_no_error (error);
          if (state != NULL && state->shown_at != NULL && state->showing_at == NULL)
            g_hash_table_add (shown, GUINT_TO_POINTER (day + 1));

          g_assert_true (cobalt_repository_claim_reminder (repository, person_id, COBALT_REMINDER_DUE,
                                                           due, now, &again, &error));
          g_assert_no_error (error);
          if (g_hash_table_contains (shown, GUINT_TO_POINTER (day + 1)))
            {
              /* Confirmed shown: never again. */
              g_assert_false (again);
              n_confirmed++;
            }
          else if (g_hash_table_contains (claimed, GUINT_TO_POINTER (day + 1)))
            {
              /* Claimed, then killed before the confirmation: shown again. */
              if (!again)
                g_error ("the reminder of day %u was claimed, never confirmed, and is lost (round %u)",
                         day, round);
              n_shown_again++;
            }
          if (again)
            g_assert_true (cobalt_repository_confirm_reminder_shown (repository, person_id,
                                                                     COBALT_REMINDER_DUE, due, NULL, &error));
          g_assert_no_error (error);
        }
      first = last + 1;
    }

  g_test_message ("%u rounds, %u kills, %u confirmed, %u shown again after the kill",
                  round, n_killed, n_confirmed, n_shown_again);
  g_assert_cmpuint (n_confirmed, >, 0);
  rm_rf (dir);
}

int
main (int argc, char **argv)
{
  const char *build_dir;
  const char *rounds = g_getenv ("COBALT_RELIABILITY_ROUNDS");
  const char *seconds = g_getenv ("COBALT_RELIABILITY_SECONDS");

  g_test_init (&argc, &argv, NULL);

  build_dir = g_getenv ("COBALT_BUILD_DIR");
  g_assert_nonnull (build_dir);
  helper = g_build_filename (build_dir, "tests", "integration", "reliability-helper", NULL);
  if (rounds != NULL && atoi (rounds) > 0)
    max_rounds = (guint) atoi (rounds);
  if (seconds != NULL && atoi (seconds) > 0)
    max_us = (gint64) atoi (seconds) * G_USEC_PER_SEC;

  g_test_add_func ("/cobalt/reliability/kill/doses", test_kill_doses);
  g_test_add_func ("/cobalt/reliability/kill/backups", test_kill_backups);
  g_test_add_func ("/cobalt/reliability/kill/restore", test_kill_restore);
  g_test_add_func ("/cobalt/reliability/kill/migration", test_kill_migration);
  g_test_add_func ("/cobalt/reliability/kill/claims", test_kill_claims);

  int status = g_test_run ();
  g_free (helper);
  return status;
}
