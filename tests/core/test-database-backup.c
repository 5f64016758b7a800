/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "cobalt-database.h"
#include "cobalt-migrations.h"
#include "cobalt-core.h"
#include "database-test-utils.h"

/* Migrations, backups and restore: the paths that must never lose a dose. */

static gboolean
steps_dump_equal (const char *a_path,
                  const char *b_path,
                  const char *table,
                  const char *columns)
{
  g_autofree char *a = dump_table (a_path, table, columns);
  g_autofree char *b = dump_table (b_path, table, columns);

  if (g_strcmp0 (a, b) != 0)
    g_test_message ("%s differs:\n%s\n---\n%s", table, a, b);
  return g_strcmp0 (a, b) == 0;
}

/* What a later Cobalt might ship: v2 rebuilds "doses" (the SQLite 12-step
 * way: new table, copy, drop, rename) adding a column, v3 adds a column
 * and a table. */
static const CobaltMigration test_steps_ok[] = {
  { 2,
    "CREATE TABLE doses_new ("
    "  id INTEGER PRIMARY KEY,"
    "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
    "  prescription_id INTEGER REFERENCES prescriptions (id),"
    "  given_at_us INTEGER NOT NULL, tz TEXT NOT NULL, site_id TEXT,"
    "  amount REAL NOT NULL, unit INTEGER NOT NULL, product INTEGER NOT NULL,"
    "  batch TEXT, expiry TEXT, given_by INTEGER NOT NULL DEFAULT 0, given_by_name TEXT,"
    "  checklist_run_id INTEGER REFERENCES checklist_runs (id) ON DELETE SET NULL,"
    "  notes TEXT, deleted INTEGER NOT NULL DEFAULT 0,"
    "  created_at_us INTEGER NOT NULL, updated_at_us INTEGER NOT NULL,"
    "  depth_mm REAL"
    ") STRICT;"
    "INSERT INTO doses_new SELECT *, NULL FROM doses;"
    "DROP TABLE doses;"
    "ALTER TABLE doses_new RENAME TO doses;"
    "CREATE INDEX doses_person_given ON doses (person_id, given_at_us);",
    TRUE },
  { 3,
    "ALTER TABLE people ADD COLUMN pronouns TEXT;"
    "CREATE TABLE appointments (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people (id)) STRICT;",
    FALSE },
};

static const CobaltMigration test_steps_failing[] = {
  { 2,
    "ALTER TABLE people ADD COLUMN pronouns TEXT;"
    "UPDATE people SET name = 'changed';"
    "INSERT INTO no_such_table VALUES (1);",
    FALSE },
};

static const char dose_columns[] =
  "id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product, batch, expiry, "
  "given_by, given_by_name, checklist_run_id, notes, deleted, created_at_us, updated_at_us";

static void
test_migration_keeps_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *v1_copy = g_build_filename (tmp, "v1-copy.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *tables[] = { "people", "prescriptions", "prescription_phases", "checklist_runs",
                           "reactions" };

  /* As a Cobalt that shipped only schema 1, and then its steps 2 and 3. */
  cobalt_migrations_set_test_builtin_limit (1);
  create_fixture (tmp);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (v1_copy, contents, length, NULL));

  cobalt_migrations_set_test_steps (test_steps_ok, G_N_ELEMENTS (test_steps_ok));
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, 3);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses WHERE depth_mm IS NULL"), ==, 2);
  g_clear_object (&db);

  /* Every row of every table survived, links included. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (steps_dump_equal (v1_copy, path, tables[i],
                                     g_str_equal (tables[i], "people")
                                       ? "id, name, date_of_birth, clinic_name, clinic_phone, emergency_number, notes, archived, created_at_us, updated_at_us"
                                       : "*"));
  g_assert_true (steps_dump_equal (v1_copy, path, "doses", dose_columns));

  /* A verified backup of the v1 file was taken first. */
  backups = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (raw_int (backups->pdata[0], "PRAGMA user_version"), ==, 1);
  g_assert_true (steps_dump_equal (v1_copy, backups->pdata[0], "doses", dose_columns));
  g_assert_cmpuint (file_mode (backups->pdata[0]), ==, 0600);

  /* Run by this (older) build again, the v3 file is refused, untouched. */
  cobalt_migrations_set_test_steps (NULL, 0);
  {
    g_autofree char *before = file_checksum (path);
    g_autofree char *after = NULL;

    db = cobalt_database_open (tmp, &error);
    g_assert_null (db);
    g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_TOO_NEW);
    after = file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
  cobalt_migrations_set_test_builtin_limit (0);

  rm_rf (tmp);
}

/* The real step 2 (what each dose used, for undo) on a file that Cobalt
 * with schema 1 wrote: a verified v1 backup first, and every row kept. */
static void
test_migration_v1_to_v2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *v1_copy = g_build_filename (tmp, "v1-copy.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  /* Every table of schema 1; the settings are checked apart (the backup
   * taken before the migration records its time there). */
  const char *tables[] = { "people", "prescriptions", "prescription_phases", "checklist_steps",
                           "checklist_runs", "checklist_run_steps", "doses", "resting_sites", "reactions",
                           "checkins", "lab_results", "supply_items", "sharps_bins", "reminder_state" };
  const char *filled[] = { "people", "prescriptions", "prescription_phases", "checklist_runs", "doses",
                           "resting_sites", "reactions", "supply_items", "sharps_bins" };

  cobalt_migrations_set_test_builtin_limit (1);
  create_fixture (tmp);
  cobalt_migrations_set_test_builtin_limit (2);
  raw_exec (path,
            "INSERT INTO supply_items (person_id, kind, batch, expiry, count) VALUES (1, 0, 'B3', '2027-01-31', 4);"
            "INSERT INTO sharps_bins (person_id, capacity, fill) VALUES (1, 20, 2);"
            "INSERT INTO resting_sites VALUES (1, 'deltoid-left', '2030-01-01', 'bruise');");
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'dose_supply_uses'"), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (v1_copy, contents, length, NULL));

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM dose_supply_uses"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_clear_object (&db);

  for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", filled[i]);

      g_assert_cmpint (raw_int (v1_copy, count), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (steps_dump_equal (v1_copy, path, tables[i], "*"));
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM settings WHERE key = 'onboarding-done' AND value = '1'"),
                   ==, 1);

  cobalt_migrations_set_test_builtin_limit (0);
  backups = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (raw_int (backups->pdata[0], "PRAGMA user_version"), ==, 1);
  g_assert_true (steps_dump_equal (v1_copy, backups->pdata[0], "doses", dose_columns));
  g_assert_true (cobalt_database_verify_file (backups->pdata[0], &error));
  g_assert_no_error (error);

  rm_rf (tmp);
}

/* The real step 3 on a file that schema 2 wrote: strengths parsed where
 * they are plainly "N mg/mL" or "N mcg/mL" and left for the user
 * otherwise; a checklist run's site moves from the settings table into the
 * run; every earlier column kept as it was. */
static void
test_migration_v2_to_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *v2_copy = g_build_filename (tmp, "v2-copy.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  static const struct
  {
    const char *text;
    double      amount;   /* 0: not parsed, the user is asked */
    int         unit;
  } strengths[] = {
    { "1 mg/mL", 1, 0 },
    { "1000 mcg/mL", 1000, 1 },
    { "1mg/1mL", 1, 0 },
    { "1000 µg/ml", 1000, 1 },
    { "0.5 mg / mL", 0.5, 0 },
    { "1 mg/2 mL", 0, 0 },
    { "one milligram", 0, 0 },
    { "0 mg/mL", 0, 0 },
    { "1 mg", 0, 0 },
  };

  cobalt_migrations_set_test_builtin_limit (2);
  create_fixture (tmp);
  for (guint i = 0; i < G_N_ELEMENTS (strengths); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO prescriptions (id, person_id, version, created_at_us, product, strength, amount, unit,"
        "  route, reminder_minute) VALUES (%u, 2, %u, 1, 0, '%s', 1, 0, 0, 540);"
        "INSERT INTO supply_items (id, person_id, kind, strength, count) VALUES (%u, 2, 0, '%s', 1);",
        100 + i, 1 + i, strengths[i].text, 100 + i, strengths[i].text);

      raw_exec (path, sql);
    }
  raw_exec (path,
            "INSERT INTO settings VALUES ('journey-run-site-1', 'deltoid-right');"
            "INSERT INTO settings VALUES ('journey-run-site-77', 'deltoid-left');");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (v2_copy, contents, length, NULL));
  cobalt_migrations_set_test_builtin_limit (3);

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, 3);
  g_clear_object (&db);

  for (guint i = 0; i < G_N_ELEMENTS (strengths); i++)
    {
      const char *tables[] = { "prescriptions", "supply_items" };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          g_autofree char *parsed = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %u AND "
                                                     "strength_amount IS NOT NULL", tables[t], 100 + i);
          g_autofree char *right = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %u AND "
                                                    "strength_amount = %g AND strength_unit = %d",
                                                    tables[t], 100 + i, strengths[i].amount, strengths[i].unit);

          g_test_message ("%s: “%s”", tables[t], strengths[i].text);
          g_assert_cmpint (raw_int (path, parsed), ==, strengths[i].amount > 0);
          if (strengths[i].amount > 0)
            g_assert_cmpint (raw_int (path, right), ==, 1);
        }
    }

  /* The run's site is a column now; the settings table keeps no run rows. */
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM checklist_runs WHERE id = 1 AND site_id = 'deltoid-right'"),
                   ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM settings WHERE key GLOB 'journey-run-site-*'"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM settings WHERE key = 'onboarding-done'"), ==, 1);

  /* Doses keep every column; new ones start as "given, no exception". */
  g_assert_true (steps_dump_equal (v2_copy, path, "doses", dose_columns));
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM doses WHERE kind = 0 AND exceptions = 0"), ==, 2);
  g_assert_true (steps_dump_equal (v2_copy, path, "people", "*"));
  g_assert_true (steps_dump_equal (v2_copy, path, "reactions", "*"));

  cobalt_migrations_set_test_builtin_limit (0);
  rm_rf (tmp);
}

/* Version 4: reactions in four levels (the old emergency level 2 moves to
 * 3, except widespread hives, which is "urgent advice now", the new 2),
 * and the urgent-advice number. Version 5: built-in checklist guidance
 * still in the old default words becomes the catalogue's (NULL); words a
 * person wrote stay. */
static void
test_migration_v3_to_v5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autoptr(CobaltChecklistStep) liquid = NULL;
  g_autoptr(CobaltChecklistStep) inject = NULL;

  cobalt_migrations_set_test_builtin_limit (3);
  create_fixture (tmp);
  raw_exec (path,
            "INSERT INTO reactions (id, person_id, noted_at_us, kind, level) VALUES"
            "  (10, 1, 6, 'face-swelling', 2), (11, 1, 7, 'hives-swelling', 2),"
            "  (12, 1, 8, 'fever', 1), (13, 1, 9, 'other', 2);"
            "INSERT INTO checklist_steps (person_id, position, kind, title, explanation) VALUES"
            "  (2, 0, 'check-liquid', 'Check the liquid', 'Hold the ampoule up to the light. Do not use "
            "it if the liquid is cloudy, discoloured or has particles in it.'),"
            "  (2, 1, 'inject', 'Inject', 'Thigh, as the nurse showed me.');");
  cobalt_migrations_set_test_builtin_limit (5);

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, 5);
  g_clear_object (&db);

  g_assert_cmpint (raw_int (path, "SELECT level FROM reactions WHERE id = 10"), ==, COBALT_TRIAGE_EMERGENCY);
  g_assert_cmpint (raw_int (path, "SELECT level FROM reactions WHERE id = 11"), ==, COBALT_TRIAGE_URGENT_ADVICE);
  g_assert_cmpint (raw_int (path, "SELECT level FROM reactions WHERE id = 12"), ==, COBALT_TRIAGE_CONTACT_CLINIC);
  g_assert_cmpint (raw_int (path, "SELECT level FROM reactions WHERE id = 13"), ==, COBALT_TRIAGE_EMERGENCY);
  g_assert_cmpint (raw_int (path, "SELECT level FROM reactions WHERE kind = 'site-pain'"), ==, COBALT_TRIAGE_MILD);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM reactions"), ==, 5);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM people WHERE urgent_number IS NULL"), ==, 2);

  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM checklist_steps WHERE kind = 'check-liquid' "
                                  "AND explanation IS NULL"), ==, 1);
  repository = cobalt_repository_open (tmp, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  steps = cobalt_repository_list_checklist_steps (repository, 2, &error);
  g_assert_no_error (error);
  liquid = g_list_model_get_item (steps, 0);
  inject = g_list_model_get_item (steps, 1);
  g_assert_cmpstr (liquid->explanation, ==, cobalt_clinical_step_explanation (COBALT_STEP_CHECK_LIQUID));
  g_assert_null (strstr (liquid->explanation, "up to the light"));
  g_assert_true (g_str_has_suffix (liquid->explanation, "Follow your clinic’s instructions."));
  g_assert_cmpstr (inject->explanation, ==, "Thigh, as the nurse showed me.");

  cobalt_migrations_set_test_builtin_limit (0);
  rm_rf (tmp);
}

/* Issue 15: schema 6 adds reminder_state.showing_at_us (the intent to
 * show, committed before the notification is sent). Rows of schema 5
 * keep what they said, none of them "showing". */
static void
test_migration_v5_to_v6 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);

  cobalt_migrations_set_test_builtin_limit (5);
  create_fixture (tmp);
  raw_exec (path,
            "INSERT INTO reminder_state (person_id, kind, due_at_us, shown_at_us, snoozed_until_us) VALUES"
            "  (1, 0, 1000, 1000, 5000), (1, 2, 2000, NULL, NULL);");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info('reminder_state') "
                                  "WHERE name = 'showing_at_us'"), ==, 0);
  cobalt_migrations_set_test_builtin_limit (6);

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, 6);
  g_clear_object (&db);

  /* A verified backup of schema 5 came first. */
  backups = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (raw_int (backups->pdata[0], "PRAGMA user_version"), ==, 5);

  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info('reminder_state') "
                                  "WHERE name = 'showing_at_us'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM reminder_state"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM reminder_state WHERE showing_at_us IS NOT NULL"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT shown_at_us FROM reminder_state WHERE kind = 0"), ==, 1000);
  g_assert_cmpint (raw_int (path, "SELECT snoozed_until_us FROM reminder_state WHERE kind = 0"), ==, 5000);

  cobalt_migrations_set_test_builtin_limit (0);
  rm_rf (tmp);
}

static void
test_migration_failure_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *people_before = NULL;
  g_autofree char *people_after = NULL;

  cobalt_migrations_set_test_builtin_limit (1);
  create_fixture (tmp);
  people_before = dump_table (path, "people", "*");

  cobalt_migrations_set_test_steps (test_steps_failing, G_N_ELEMENTS (test_steps_failing));
  db = cobalt_database_open (tmp, &error);
  cobalt_migrations_set_test_steps (NULL, 0);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);

  /* Neither the new column nor the renamed people: step and version bump
   * were one transaction. */
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_table_info('people') WHERE name = 'pronouns'"), ==, 0);
  people_after = dump_table (path, "people", "*");
  g_assert_cmpstr (people_before, ==, people_after);

  /* And this build still opens it. */
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 2);
  g_clear_object (&db);
  cobalt_migrations_set_test_builtin_limit (0);

  rm_rf (tmp);
}

static void
test_backup_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *backups_dir = g_build_filename (tmp, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *doses_before = NULL;
  g_autofree char *doses_after = NULL;
  g_autofree char *garbage = g_build_filename (tmp, "not-a-backup.db", NULL);
  g_autofree char *current_sum = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean found_replaced = FALSE;
  mode_t old_umask = umask (022);

  create_fixture (tmp);
  rm_rf (backups_dir);
  doses_before = dump_table (path, "doses", "*");

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  /* The open made the daily backup. */
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  backup = cobalt_database_backup (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, backups_dir));
  g_assert_cmpuint (file_mode (backups_dir), ==, 0700);
  g_assert_cmpuint (file_mode (backup), ==, 0600);
  g_assert_true (cobalt_database_verify_file (backup, &error));
  g_assert_no_error (error);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (list->pdata[0], ==, backup);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The user then loses their log... */
  g_assert_true (cobalt_database_exec (db, "DELETE FROM reactions; UPDATE checklist_runs SET dose_id = NULL; "
                                           "DELETE FROM doses", &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 0);
  g_clear_object (&db);

  /* A file that is not a backup is refused and the current file kept. */
  g_assert_true (g_file_set_contents (garbage, "nonsense", -1, NULL));
  current_sum = file_checksum (path);
  g_assert_false (cobalt_database_restore_backup (tmp, garbage, NULL, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP);
  g_clear_error (&error);
  {
    g_autofree char *sum = file_checksum (path);
    g_assert_cmpstr (sum, ==, current_sum);
  }

  /* ...and restores the backup. */
  g_assert_true (cobalt_database_restore_backup (tmp, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  doses_after = dump_table (path, "doses", "*");
  g_assert_cmpstr (doses_before, ==, doses_after);

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM reactions"), ==, 1);
  g_clear_object (&db);

  /* The file it replaced was moved aside, not deleted. */
  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "cobalt.db.replaced-"))
        {
          g_autofree char *replaced = g_build_filename (tmp, name, NULL);
          g_autofree char *sum = file_checksum (replaced);

          g_assert_cmpstr (sum, ==, current_sum);
          found_replaced = TRUE;
        }
    }
  g_assert_true (found_replaced);

  umask (old_umask);
  rm_rf (tmp);
}

static void
test_backup_rotation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *foreign = g_build_filename (tmp, "backups", "my-notes.txt", NULL);

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_database_exec (db, fixture_rows, &error));

  for (guint i = 0; i < COBALT_DATABASE_BACKUPS_KEPT + 3; i++)
    {
      char *path = cobalt_database_backup (db, &error);

      g_assert_no_error (error);
      g_ptr_array_add (made, path);
      if (i == 0)
        g_assert_true (g_file_set_contents (foreign, "keep me", -1, NULL));
    }

  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, COBALT_DATABASE_BACKUPS_KEPT);
  /* Newest first, and the newest ones are those kept. */
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (list->pdata[i], ==, made->pdata[made->len - 1 - i]);
  for (guint i = 0; i < 3; i++)
    g_assert_false (g_file_test (made->pdata[i], G_FILE_TEST_EXISTS));
  /* Rotation only removes its own files, and nothing else is left over
   * (no journal of the backup, no half-written file). */
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  {
    g_autofree char *dir_path = g_path_get_dirname (foreign);
    g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, COBALT_DATABASE_BACKUPS_KEPT + 1);
  }

  g_clear_object (&db);
  rm_rf (tmp);
}

/* The newest backup comes first whatever the local time said: here the
 * person flew from Auckland to Los Angeles between two backups, so the
 * later one was made at an earlier local time (as in the hour that
 * repeats when the clocks go back). */
static void
test_backup_order_across_zones (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_database_exec (db, fixture_rows, &error));

  g_setenv ("TZ", "Pacific/Auckland", TRUE);
  tzset ();
  first = cobalt_database_backup (db, &error);
  g_assert_no_error (error);
  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  tzset ();
  second = cobalt_database_backup (db, &error);
  g_assert_no_error (error);

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();

  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (list->pdata[0], ==, second);
  g_assert_cmpstr (list->pdata[1], ==, first);

  g_clear_object (&db);
  rm_rf (tmp);
}

static void
test_auto_backup_daily (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *two_days_ago = NULL;

  /* A brand-new database has nothing to back up. */
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The window opens without it (its first frame must not wait for a
   * VACUUM INTO); it stays due for the open it makes afterwards. */
  db = cobalt_database_open_full (tmp, COBALT_DATABASE_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The next open makes one, a later open the same day does not. */
  db = cobalt_database_open (tmp, &error);
  g_clear_object (&db);
  db = cobalt_database_open (tmp, &error);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Two days later it is due again. */
  two_days_ago = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () - 2 * G_TIME_SPAN_DAY);
  g_assert_true (cobalt_database_set_setting (db, COBALT_SETTING_LAST_BACKUP, two_days_ago, &error));
  g_clear_object (&db);
  db = cobalt_database_open (tmp, &error);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Turned off in the settings: none. */
  g_assert_true (cobalt_database_set_setting (db, COBALT_SETTING_AUTO_BACKUP, "0", &error));
  g_assert_true (cobalt_database_set_setting (db, COBALT_SETTING_LAST_BACKUP, two_days_ago, &error));
  g_clear_object (&db);
  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  list = cobalt_database_list_backups (tmp);
  g_assert_cmpuint (list->len, ==, 2);

  g_clear_object (&db);
  rm_rf (tmp);
}

/* A backups folder Cobalt cannot enter (left owned by root after running
 * it once with sudo, say): the log still opens, but a migration, which
 * needs its backup first, is refused with the file untouched. */
static void
test_unreadable_backup_dir (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *current = NULL;
  g_autofree char *old = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltDatabase) db = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *old_db = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *base = g_getenv ("COBALT_TEST_BACKUPS");

      become_unprivileged ();
      current = g_build_filename (base, "current", NULL);
      old = g_build_filename (base, "old", NULL);
      old_db = g_build_filename (old, "cobalt.db", NULL);

      /* Up to date: opens, the failed daily backup is only a message. */
      db = cobalt_database_open (current, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 2);
      g_clear_object (&db);
      backups = cobalt_database_list_backups (current);
      g_assert_cmpuint (backups->len, ==, 0);

      /* Schema 1: no update without its backup. */
      before = file_checksum (old_db);
      db = cobalt_database_open (old, &error);
      g_assert_null (db);
      g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP);
      after = file_checksum (old_db);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpint (raw_int (old_db, "PRAGMA user_version"), ==, 1);
      return;
    }

  tmp = make_tmp_dir ();
  current = g_build_filename (tmp, "current", NULL);
  old = g_build_filename (tmp, "old", NULL);
  create_fixture (current);
  cobalt_migrations_set_test_builtin_limit (1);
  create_fixture (old);
  cobalt_migrations_set_test_builtin_limit (0);
  {
    const char *dirs[] = { current, old };

    g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
      {
        g_autofree char *backups = g_build_filename (dirs[i], "backups", NULL);
        g_autofree char *db = g_build_filename (dirs[i], "cobalt.db", NULL);

        rm_rf (backups);
        g_assert_cmpint (g_mkdir (backups, 0700), ==, 0);
        if (geteuid () == 0)
          {
            g_assert_cmpint (chown (dirs[i], NOBODY, NOBODY), ==, 0);
            g_assert_cmpint (chown (db, NOBODY, NOBODY), ==, 0);
          }
        else
          g_assert_cmpint (g_chmod (backups, 0), ==, 0);
      }
  }

  g_setenv ("COBALT_TEST_BACKUPS", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/database/migration-keeps-rows", test_migration_keeps_rows);
  g_test_add_func ("/cobalt/database/migration-v1-to-v2", test_migration_v1_to_v2);
  g_test_add_func ("/cobalt/database/migration-v2-to-v3", test_migration_v2_to_v3);
  g_test_add_func ("/cobalt/database/migration-v3-to-v5", test_migration_v3_to_v5);
  g_test_add_func ("/cobalt/database/migration-v5-to-v6", test_migration_v5_to_v6);
  g_test_add_func ("/cobalt/database/migration-failure-rolls-back", test_migration_failure_rolls_back);
  g_test_add_func ("/cobalt/database/backup-restore", test_backup_restore);
  g_test_add_func ("/cobalt/database/backup-rotation", test_backup_rotation);
  g_test_add_func ("/cobalt/database/backup-order-across-zones", test_backup_order_across_zones);
  g_test_add_func ("/cobalt/database/auto-backup-daily", test_auto_backup_daily);
  g_test_add_func ("/cobalt/database/unreadable-backup-dir", test_unreadable_backup_dir);

  return g_test_run ();
}
