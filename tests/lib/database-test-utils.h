/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by test-database.c and test-database-backup.c. */

#include <grp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"

/* Root ignores permission bits: tests of unreadable or unwritable folders
 * run in a child process that first gives up root (to "nobody"); as a
 * normal user the child simply is that user. */
#define NOBODY 65534

static inline void
become_unprivileged (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
    }
}

static inline char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cobalt-db-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            rm_rf (child);
          else
            g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static inline guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static inline char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Runs SQL on the file through plain SQLite, behind Cobalt's back: for
 * fixtures that an older or newer Cobalt (or another program) would leave. */
static inline void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("raw_exec: %s", message);
  sqlite3_close (db);
}

static inline gint64
query_int (CobaltDatabase *db,
           const char     *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_statement_step (stmt, &error));
  g_assert_no_error (error);
  return cobalt_statement_get_int64 (stmt, 0);
}

static inline char *
query_text (CobaltDatabase *db,
            const char     *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_statement_step (stmt, &error));
  return g_strdup (cobalt_statement_get_text (stmt, 0));
}

/* Every row of @table as text, in rowid order, limited to @columns. */
static inline char *
dump_table (const char *path,
            const char *table,
            const char *columns)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY rowid", columns, table);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s|", text != NULL ? text : "<null>");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static inline gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A realistic v1 database: two people with a prescription, phases, a
 * checklist run and doses that point at them. */
static const char fixture_rows[] =
  "INSERT INTO people (id, name, clinic_phone, created_at_us, updated_at_us) VALUES"
  "  (1, 'Ann', '0123', 1, 1), (2, 'Bob', NULL, 2, 2);"
  "INSERT INTO prescriptions (id, person_id, version, created_at_us, product, amount, unit, route,"
  "  reminder_minute, enabled_sites) VALUES"
  "  (1, 1, 1, 10, 0, 1, 0, 0, 540, 'deltoid-left,deltoid-right'),"
  "  (2, 1, 2, 20, 0, 1, 0, 0, 600, 'deltoid-left');"
  "INSERT INTO prescription_phases VALUES (1, 0, 2, 3, 0, 0, 0, 'Maintenance'),"
  "  (2, 0, 0, 2, 1, 6, 0, 'Loading'), (2, 1, 2, 3, 0, 0, 0, NULL);"
  "INSERT INTO checklist_runs (id, person_id, started_at_us, finished_at_us, state) VALUES (1, 1, 100, 200, 1);"
  "INSERT INTO doses (id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product,"
  "  batch, expiry, checklist_run_id, created_at_us, updated_at_us) VALUES"
  "  (1, 1, 1, 1700000000000000, 'Europe/London', 'deltoid-left', 1, 0, 0, 'B1', '2026-01-31', NULL, 1, 1),"
  "  (2, 1, 2, 1707000000000000, 'Europe/London', 'deltoid-right', 1, 0, 0, 'B2', NULL, 1, 2, 2);"
  "UPDATE checklist_runs SET dose_id = 2 WHERE id = 1;"
  "INSERT INTO reactions (person_id, dose_id, noted_at_us, kind, level, note) VALUES (1, 2, 5, 'site-pain', 0, 'sore');"
  "INSERT INTO settings VALUES ('onboarding-done', '1');";

static inline void
create_fixture (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_open (data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_database_exec (db, fixture_rows, &error));
  g_assert_no_error (error);
}

