/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cobalt-database.h"
#include "cobalt-repository-private.h"
#include "cobalt-core.h"
#include "database-test-utils.h"

/* Backups by hand (issue 13): a verified copy at a path the user chose,
 * what a log or a backup file holds, a restore that keeps the current log
 * aside, and the files refused with nothing changed. */

static const char dose_columns[] =
  "id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product, batch, expiry, "
  "given_by, given_by_name, checklist_run_id, notes, deleted, created_at_us, updated_at_us";

typedef struct
{
  char             *dir;       /* the data folder */
  char             *elsewhere; /* where the user keeps backups */
  char             *db_path;
  CobaltClock      *clock;
  CobaltRepository *repository;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 12, 4, 9, 30, 0);
  g_autoptr(GError) error = NULL;

  fixture->dir = make_tmp_dir ();
  fixture->elsewhere = make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, COBALT_DATABASE_FILENAME, NULL);
  fixture->clock = cobalt_clock_new_fixed (now);
  fixture->repository = cobalt_repository_open (fixture->dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  cobalt_repository_set_clock (fixture->repository, fixture->clock);
  g_assert_true (cobalt_demo_populate (fixture->repository, fixture->clock, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  g_clear_object (&fixture->clock);
  rm_rf (fixture->dir);
  rm_rf (fixture->elsewhere);
  g_free (fixture->dir);
  g_free (fixture->elsewhere);
  g_free (fixture->db_path);
}

static char *
backup_path (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->elsewhere, name, NULL);
}

static void
test_backup_to_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = backup_path (fixture, "Cobalt backup.db");
  g_autofree char *checksum = NULL;
  g_autoptr(CobaltLogSummary) now = NULL;
  g_autoptr(CobaltLogSummary) copy = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (cobalt_repository_backup_to_file (fixture->repository, path, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (cobalt_repository_verify_backup (path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *log_doses = dump_table (fixture->db_path, "doses", dose_columns);
    g_autofree char *copy_doses = dump_table (path, "doses", dose_columns);

    g_assert_cmpstr (copy_doses, ==, log_doses);
  }

  /* Nothing else was left beside it: no temporary name, no journal. */
  dir = g_dir_open (fixture->elsewhere, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "Cobalt backup.db");

  /* What it holds is what the log holds. */
  now = cobalt_repository_summarize (fixture->repository, &error);
  g_assert_no_error (error);
  copy = cobalt_repository_summarize_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->n_people, ==, 2);
  g_assert_cmpuint (now->n_doses, >, 10);
  g_assert_cmpuint (copy->n_people, ==, now->n_people);
  g_assert_cmpuint (copy->n_doses, ==, now->n_doses);
  g_assert_true (g_date_time_equal (copy->first_dose, now->first_dose));
  g_assert_true (g_date_time_equal (copy->last_dose, now->last_dose));
  g_assert_true (g_date_time_compare (now->first_dose, now->last_dose) < 0);

  /* Never over an existing file unless asked: the chooser asks first. */
  checksum = file_checksum (path);
  g_assert_false (cobalt_repository_backup_to_file (fixture->repository, path, FALSE, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_BACKUP);
  g_assert_nonnull (strstr (error->message, "exists already"));
  g_clear_error (&error);
  g_assert_cmpstr (file_checksum (path), ==, checksum);
  g_assert_true (cobalt_repository_backup_to_file (fixture->repository, path, TRUE, &error));
  g_assert_no_error (error);
}

/* A folder that cannot be written: a clear error and no file at all. */
static void
test_backup_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->elsewhere, "no-such-folder", "b.db", NULL);

  g_assert_false (cobalt_repository_backup_to_file (fixture->repository, path, FALSE, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_BACKUP);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_summary_words (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  CobaltLogSummary summary = { 1, 0, NULL, NULL };
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *range = NULL;

  none = cobalt_log_summary_describe (&summary);
  g_assert_cmpstr (none, ==, "1 person and no doses");

  summary.n_people = 2;
  summary.n_doses = 1;
  summary.first_dose = g_date_time_new (tz, 2026, 12, 4, 9, 0, 0);
  summary.last_dose = g_date_time_ref (summary.first_dose);
  one = cobalt_log_summary_describe (&summary);
  g_assert_cmpstr (one, ==, "2 people and 1 dose, given on 4 December 2026");
  g_date_time_unref (summary.first_dose);

  summary.n_doses = 140;
  summary.first_dose = g_date_time_new (tz, 2025, 1, 3, 9, 0, 0);
  range = cobalt_log_summary_describe (&summary);
  g_assert_cmpstr (range, ==, "2 people and 140 doses, given from 3 January 2025 to 4 December 2026");
  g_date_time_unref (summary.first_dose);
  g_date_time_unref (summary.last_dose);
}

/* Back up, change the log, restore: the same log as at the backup, and the
 * changed one kept aside whole. */
static void
test_backup_change_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = backup_path (fixture, "before.db");
  g_autofree char *doses_then = NULL;
  g_autofree char *doses_changed = NULL;
  g_autofree char *doses_now = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(CobaltLogSummary) then = NULL;
  g_autoptr(CobaltLogSummary) restored = NULL;
  g_autoptr(CobaltRepository) reopened = NULL;

  g_assert_true (cobalt_repository_backup_to_file (fixture->repository, path, FALSE, &error));
  g_assert_no_error (error);
  then = cobalt_repository_summarize (fixture->repository, &error);
  doses_then = dump_table (fixture->db_path, "doses", dose_columns);

  /* The change: the newest dose deleted, someone new added. */
  raw_exec (fixture->db_path,
            "UPDATE doses SET deleted = 1 WHERE id = (SELECT max(id) FROM doses);"
            "INSERT INTO people (name, created_at_us, updated_at_us) VALUES ('New Person', 1, 1);");
  doses_changed = dump_table (fixture->db_path, "doses", dose_columns);
  g_assert_cmpstr (doses_changed, !=, doses_then);

  g_clear_object (&fixture->repository);
  g_assert_true (cobalt_repository_restore_backup (fixture->dir, path, &kept, &error));
  g_assert_no_error (error);

  doses_now = dump_table (fixture->db_path, "doses", dose_columns);
  g_assert_cmpstr (doses_now, ==, doses_then);
  g_assert_cmpuint (file_mode (fixture->db_path), ==, 0600);

  /* The log it replaced, kept whole beside it. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, fixture->db_path));
  g_assert_nonnull (strstr (kept, ".replaced-"));
  {
    g_autofree char *kept_doses = dump_table (kept, "doses", dose_columns);

    g_assert_cmpstr (kept_doses, ==, doses_changed);
  }

  reopened = cobalt_repository_open (fixture->dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  restored = cobalt_repository_summarize (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (restored->n_people, ==, then->n_people);
  g_assert_cmpuint (restored->n_doses, ==, then->n_doses);
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                GQuark      domain,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (fixture->db_path);
  g_autofree char *after = NULL;
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autofree char *file_before = g_file_test (path, G_FILE_TEST_EXISTS) ? file_checksum (path) : NULL;

  summary = cobalt_repository_summarize_file (path, &error);
  g_assert_null (summary);
  g_assert_error (error, domain, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, error->message);
  g_clear_error (&error);

  g_assert_false (cobalt_repository_restore_backup (fixture->dir, path, NULL, &error));
  g_assert_nonnull (error);

  /* Nothing changed: the log, the file, and nothing set aside. */
  after = file_checksum (fixture->db_path);
  g_assert_cmpstr (after, ==, before);
  if (file_before != NULL)
    {
      g_autofree char *file_after = file_checksum (path);

      g_assert_cmpstr (file_after, ==, file_before);
    }
  {
    g_autoptr(GPtrArray) set_aside = cobalt_repository_list_set_aside (fixture->dir);

    g_assert_cmpuint (set_aside->len, ==, 0);
  }
}

static void
test_restore_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = backup_path (fixture, "notes.db");
  g_autofree char *other = backup_path (fixture, "other-app.db");
  g_autofree char *newer = backup_path (fixture, "newer.db");
  g_autofree char *empty = backup_path (fixture, "empty.db");
  g_autofree char *missing = backup_path (fixture, "missing.db");
  g_autofree char *damaged = backup_path (fixture, "damaged.db");
  g_autofree char *sql = NULL;

  g_clear_object (&fixture->repository);

  /* A file that is no database at all. */
  g_assert_true (g_file_set_contents (text, "Dear diary, today I had my injection.\n", -1, &error));
  assert_refused (fixture, text, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_COBALT,
                  "not a database at all");

  /* Another application's SQLite database. */
  raw_exec (other, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('B12 blues');");
  assert_refused (fixture, other, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_COBALT,
                  "another application");

  /* A newer Cobalt's backup. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (fixture->db_path);
    g_autoptr(GFile) to = g_file_new_for_path (newer);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  sql = g_strdup_printf ("PRAGMA user_version = %u", cobalt_database_get_latest_schema_version () + 1);
  raw_exec (newer, sql);
  assert_refused (fixture, newer, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_TOO_NEW,
                  "newer version of Cobalt");

  /* A damaged Cobalt backup: its first bytes are right, the rest is not. */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, &error));
    for (gsize i = 4096; i < length; i++)
      contents[i] = (char) (i * 31);
    g_assert_true (g_file_set_contents (damaged, contents, length, &error));
  }
  assert_refused (fixture, damaged, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT, "damaged");

  /* An empty file, and one that is not there. */
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  assert_refused (fixture, empty, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT,
                  "holds no Cobalt data");
  assert_refused (fixture, missing, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                  "does not exist");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup-by-hand/to-file", test_backup_to_file);
  ADD ("/backup-by-hand/unwritable", test_backup_unwritable);
  ADD ("/backup-by-hand/summary-words", test_summary_words);
  ADD ("/backup-by-hand/change-restore", test_backup_change_restore);
  ADD ("/backup-by-hand/refuses", test_restore_refuses);
#undef ADD

  return g_test_run ();
}
