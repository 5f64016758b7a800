/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <sched.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"
#include "database-test-utils.h"

/* Opening, pragmas, statements, transactions and every way a database file
 * can be unusable. Migrations and backups: test-database-backup.c. */

static void
test_modes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *parent = g_build_filename (tmp, "home", NULL);
  g_autofree char *data_dir = g_build_filename (parent, "cobalt", NULL);
  g_autofree char *path = g_build_filename (data_dir, "cobalt.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  mode_t old_umask = umask (022);

  db = cobalt_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (cobalt_database_get_path (db), ==, path);

  g_assert_cmpuint (file_mode (parent), ==, 0700);
  g_assert_cmpuint (file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* The rollback journal, created by SQLite mid-write, is private too. */
  g_assert_true (cobalt_database_begin_write (db, &error));
  g_assert_true (cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) "
                                           "VALUES ('Ann', 0, 0)", &error));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (journal), ==, 0600);
  g_assert_true (cobalt_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_object (&db);

  /* A folder and file left too open (copied by hand, say) are tightened. */
  g_assert_cmpint (g_chmod (data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  db = cobalt_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 1);

  umask (old_umask);
  g_clear_object (&db);
  rm_rf (tmp);
}

static void
test_pragmas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *mode = NULL;

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);

  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (query_int (db, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, COBALT_DATABASE_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, cobalt_database_get_latest_schema_version ());
  g_assert_cmpuint (cobalt_database_get_schema_version (db), ==, cobalt_database_get_latest_schema_version ());
  /* Every table is STRICT. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_list "
                                  "WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_list WHERE strict = 1"), >=, 15);

  /* STRICT refuses a wrong type, CHECK an impossible value, the foreign
   * key a dose of nobody: each as CONSTRAINT with a readable sentence. */
  g_assert_false (cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) "
                                            "VALUES ('Ann', 'yesterday', 0)", &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "rules"));
  g_clear_error (&error);

  g_assert_false (cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) "
                                            "VALUES ('   ', 0, 0)", &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (cobalt_database_exec (db, "INSERT INTO people (name, date_of_birth, created_at_us, updated_at_us) "
                                            "VALUES ('Ann', '1970-02-30', 0, 0)", &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (cobalt_database_exec (db, "INSERT INTO doses (person_id, given_at_us, tz, amount, unit, product, "
                                            "created_at_us, updated_at_us) VALUES (42, 0, 'UTC', 1, 0, 0, 0, 0)",
                                        &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);

  g_clear_object (&db);
  rm_rf (tmp);
}

static void
test_statements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GDate) dob = g_date_new_dmy (29, G_DATE_FEBRUARY, 1984);
  g_autofree char *value = NULL;
  GDate read_back;

  g_assert_no_error (error);
  g_assert_null (cobalt_database_get_data_dir (db));

  stmt = cobalt_database_prepare (db,
                                  "INSERT INTO people (name, date_of_birth, notes, archived, created_at_us, updated_at_us) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?5)", &error);
  g_assert_no_error (error);
  /* Text that would be SQL if pasted into a query stays text. */
  g_assert_true (cobalt_statement_bind_text (stmt, 1, "Ann'); DROP TABLE people; --", &error));
  g_assert_true (cobalt_statement_bind_date (stmt, 2, dob, &error));
  g_assert_true (cobalt_statement_bind_text (stmt, 3, NULL, &error));
  g_assert_true (cobalt_statement_bind_int64 (stmt, 4, 1, &error));
  g_assert_true (cobalt_statement_bind_int64 (stmt, 5, G_GINT64_CONSTANT (1700000000123456), &error));
  g_assert_true (cobalt_statement_execute (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_database_get_last_insert_id (db), ==, 1);
  g_assert_cmpint (cobalt_database_get_changes (db), ==, 1);
  g_clear_pointer (&stmt, cobalt_statement_free);

  /* Out-of-range binds are errors, not crashes. */
  stmt = cobalt_database_prepare (db, "SELECT ?1", &error);
  g_assert_false (cobalt_statement_bind_int64 (stmt, 7, 1, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_SQLITE);
  g_clear_error (&error);
  g_clear_pointer (&stmt, cobalt_statement_free);

  stmt = cobalt_database_prepare (db, "SELECT name, date_of_birth, notes, archived, created_at_us, "
                                      "NULL, 2.5 FROM people WHERE id = ?1", &error);
  g_assert_true (cobalt_statement_bind_int64 (stmt, 1, 1, &error));
  g_assert_true (cobalt_statement_step (stmt, &error));
  g_assert_cmpstr (cobalt_statement_get_text (stmt, 0), ==, "Ann'); DROP TABLE people; --");
  g_assert_true (cobalt_statement_get_date (stmt, 1, &read_back));
  g_assert_cmpint (g_date_compare (&read_back, dob), ==, 0);
  g_assert_null (cobalt_statement_get_text (stmt, 2));
  g_assert_true (cobalt_statement_get_is_null (stmt, 2));
  g_assert_false (cobalt_statement_get_date (stmt, 2, &read_back));
  g_assert_false (g_date_valid (&read_back));
  g_assert_true (cobalt_statement_get_boolean (stmt, 3));
  g_assert_cmpint (cobalt_statement_get_int64 (stmt, 4), ==, G_GINT64_CONSTANT (1700000000123456));
  g_assert_cmpint (cobalt_statement_get_id (stmt, 5), ==, 0);
  g_assert_cmpfloat (cobalt_statement_get_double (stmt, 6), ==, 2.5);
  g_assert_false (cobalt_statement_step (stmt, &error));
  g_assert_no_error (error);

  /* Reset runs it again. */
  cobalt_statement_reset (stmt);
  g_assert_true (cobalt_statement_bind_int64 (stmt, 1, 2, &error));
  g_assert_false (cobalt_statement_step (stmt, &error));
  g_assert_no_error (error);

  /* Settings. */
  g_assert_null (cobalt_database_get_setting (db, "missing", &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_database_set_setting (db, "k", "v1", &error));
  g_assert_true (cobalt_database_set_setting (db, "k", "v2", &error));
  value = cobalt_database_get_setting (db, "k", &error);
  g_assert_cmpstr (value, ==, "v2");
  g_assert_true (cobalt_database_set_setting (db, "k", NULL, &error));
  g_assert_null (cobalt_database_get_setting (db, "k", &error));
  g_assert_no_error (error);
}

typedef struct
{
  gboolean fail_with_false;
} WriteData;

static gboolean
write_two_people (CobaltDatabase  *db,
                  gpointer         user_data,
                  GError         **error)
{
  WriteData *data = user_data;

  if (!cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) VALUES ('Ann', 0, 0)", error))
    return FALSE;
  if (data->fail_with_false)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  /* The second row breaks a CHECK: the first must vanish with it. */
  return cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) VALUES ('', 0, 0)", error);
}

static gboolean
write_ok (CobaltDatabase  *db,
          gpointer         user_data,
          GError         **error)
{
  return cobalt_database_exec (db, "INSERT INTO people (name, created_at_us, updated_at_us) VALUES ('Cat', 0, 0)", error);
}

static void
test_transaction_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(CobaltDatabase) other = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  WriteData data = { FALSE };

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  other = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);

  g_assert_false (cobalt_database_run_write (db, write_two_people, &data, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cobalt_database_in_transaction (db));

  data.fail_with_false = TRUE;
  g_assert_false (cobalt_database_run_write (db, write_two_people, &data, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Neither this connection nor another process sees half a write. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM people"), ==, 0);

  g_assert_true (cobalt_database_run_write (db, write_ok, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM people"), ==, 1);

  /* While one connection holds the write lock, the other waits and then
   * reports BUSY, without changing anything. */
  g_assert_true (cobalt_database_begin_write (db, &error));
  g_assert_true (cobalt_database_exec (other, "PRAGMA busy_timeout = 50", &error));
  g_assert_false (cobalt_database_begin_write (other, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  cobalt_database_rollback (db);
  g_assert_true (cobalt_database_begin_write (other, &error));
  cobalt_database_rollback (other);

  g_clear_object (&db);
  g_clear_object (&other);
  rm_rf (tmp);
}

/* cobalt and cobalt-reminder write the same file: a writer that finds the
 * other holding the lock waits (busy_timeout) instead of failing, and so
 * does opening the file meanwhile. */
typedef struct
{
  CobaltDatabase *holder;
  GMutex          lock;
  GCond           cond;
  gboolean        holding;
} HoldLock;

static gpointer
hold_lock_thread (gpointer user_data)
{
  HoldLock *hold = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cobalt_database_begin_write (hold->holder, &error));
  g_assert_true (cobalt_database_exec (hold->holder, "INSERT INTO people (name, created_at_us, updated_at_us) "
                                                     "VALUES ('First', 0, 0)", &error));
  g_mutex_lock (&hold->lock);
  hold->holding = TRUE;
  g_cond_signal (&hold->cond);
  g_mutex_unlock (&hold->lock);

  g_usleep (400 * 1000);
  g_assert_true (cobalt_database_commit (hold->holder, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_second_writer_waits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(CobaltDatabase) late = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *last = NULL;
  HoldLock hold = { NULL, };
  GThread *thread;

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  hold.holder = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_mutex_init (&hold.lock);
  g_cond_init (&hold.cond);

  thread = g_thread_new ("hold-lock", hold_lock_thread, &hold);
  g_mutex_lock (&hold.lock);
  while (!hold.holding)
    g_cond_wait (&hold.cond, &hold.lock);
  g_mutex_unlock (&hold.lock);

  /* Opening meanwhile works, and the write waits its turn. */
  late = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_database_run_write (db, write_ok, NULL, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpint (query_int (late, "SELECT count(*) FROM people"), ==, 2);
  last = query_text (late, "SELECT name FROM people ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (last, ==, "Cat");

  g_clear_object (&hold.holder);
  g_mutex_clear (&hold.lock);
  g_cond_clear (&hold.cond);
  g_clear_object (&late);
  g_clear_object (&db);
  rm_rf (tmp);
}

/* Every write is inside BEGIN IMMEDIATE: a row changed while SQLite is in
 * autocommit mode is a write outside a transaction. */
static void
on_update_cb (void          *user_data,
              int            op,
              const char    *database,
              const char    *table,
              sqlite3_int64  rowid)
{
  sqlite3 *db = ((gpointer *) user_data)[0];
  GPtrArray *outside = ((gpointer *) user_data)[1];

  if (sqlite3_get_autocommit (db))
    g_ptr_array_add (outside, g_strdup (table));
}

static void
test_backup_writes_in_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(GPtrArray) outside = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *backup = NULL;
  g_autofree char *last = NULL;
  gpointer hook_data[2];

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  hook_data[0] = cobalt_database_get_handle (db);
  hook_data[1] = outside;
  sqlite3_update_hook (cobalt_database_get_handle (db), on_update_cb, hook_data);

  g_assert_true (cobalt_database_run_write (db, write_ok, NULL, &error));
  backup = cobalt_database_backup (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  /* The backup time was recorded, inside a transaction of its own. */
  last = cobalt_database_get_setting (db, COBALT_SETTING_LAST_BACKUP, &error);
  g_assert_nonnull (last);
  for (guint i = 0; i < outside->len; i++)
    g_test_message ("written outside a transaction: %s", (char *) outside->pdata[i]);
  g_assert_cmpuint (outside->len, ==, 0);

  sqlite3_update_hook (cobalt_database_get_handle (db), NULL, NULL);
  g_clear_object (&db);
  rm_rf (tmp);
}

static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *big = g_strnfill (200000, 'x');
  g_autofree char *pages = NULL;

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);

  /* max_page_count makes SQLite hit SQLITE_FULL exactly as a full disk
   * would, without filling a real one. */
  pages = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           query_int (db, "PRAGMA page_count") + 2);
  g_assert_true (cobalt_database_exec (db, pages, &error));

  stmt = cobalt_database_prepare (db, "INSERT INTO people (name, notes, created_at_us, updated_at_us) "
                                      "VALUES ('Ann', ?1, 0, 0)", &error);
  g_assert_true (cobalt_statement_bind_text (stmt, 1, big, &error));
  g_assert_false (cobalt_statement_execute (stmt, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 0);

  g_clear_pointer (&stmt, cobalt_statement_free);
  g_clear_object (&db);
  rm_rf (tmp);
}

/* A real full disk: a tiny tmpfs in a private mount namespace. Needs root
 * (or CAP_SYS_ADMIN); skipped where mounting is not allowed. */
static gboolean
mount_small_tmpfs (const char *dir)
{
  if (unshare (CLONE_NEWNS) != 0)
    return FALSE;
  if (mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;
  return mount ("tmpfs", dir, "tmpfs", 0, "size=256k,mode=0700") == 0;
}

static gboolean
can_mount_tmpfs (const char *dir)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (mount_small_tmpfs (dir) ? 0 : 1);
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static gboolean
write_big_person (CobaltDatabase  *db,
                  gpointer         user_data,
                  GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db, "INSERT INTO people (name, notes, created_at_us, updated_at_us) "
                                      "VALUES ('Ann', ?1, 0, 0)", error);
  return stmt != NULL &&
         cobalt_statement_bind_text (stmt, 1, user_data, error) &&
         cobalt_statement_execute (stmt, error);
}

static void
test_real_disk_full (void)
{
  g_autofree char *tmp = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltDatabase) db = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      g_autofree char *big = g_strnfill (3000, 'x');
      g_autofree char *data_dir = NULL;
      g_autofree char *backup = NULL;
      const char *mnt = g_getenv ("COBALT_TEST_FULL");
      gint64 committed = 0;

      g_assert_true (mount_small_tmpfs (mnt));
      data_dir = g_build_filename (mnt, "cobalt", NULL);
      db = cobalt_database_open (data_dir, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < 1000; i++)
        {
          if (!cobalt_database_run_write (db, write_big_person, big, &error))
            break;
          committed++;
        }
      g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_clear_error (&error);
      g_assert_cmpint (committed, >, 0);
      g_assert_false (cobalt_database_in_transaction (db));

      /* No room for a backup either: it fails and leaves no partial file. */
      backup = cobalt_database_backup (db, &error);
      g_assert_null (backup);
      g_assert_nonnull (error);
      g_assert_true (error->code == COBALT_DATABASE_ERROR_FULL || error->code == COBALT_DATABASE_ERROR_BACKUP);
      g_clear_error (&error);
      backups = cobalt_database_list_backups (data_dir);
      g_assert_cmpuint (backups->len, ==, 0);

      /* Every committed row is there after reopening. */
      g_clear_object (&db);
      db = cobalt_database_open (data_dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, committed);
      return;
    }

  tmp = make_tmp_dir ();
  if (!can_mount_tmpfs (tmp))
    {
      g_test_skip ("mounting a tmpfs needs root and mount namespaces");
      rm_rf (tmp);
      return;
    }

  g_setenv ("COBALT_TEST_FULL", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  rm_rf (tmp);
}

static void
test_too_new_untouched (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *backups = g_build_filename (tmp, "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  GStatBuf st_before, st_after;

  create_fixture (tmp);
  rm_rf (backups);
  sql = g_strdup_printf ("PRAGMA user_version = %u", cobalt_database_get_latest_schema_version () + 5);
  raw_exec (path, sql);
  before = file_checksum (path);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Cobalt"));
  g_clear_error (&error);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  /* Not even a backup was attempted. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  /* Nor is it accepted as a backup to restore. */
  g_assert_false (cobalt_database_verify_file (path, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);

  rm_rf (tmp);
}

static void
test_not_cobalt (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  raw_exec (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); "
                  "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  before = file_checksum (path);
  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_COBALT);
  g_clear_error (&error);

  raw_exec (path, "PRAGMA application_id = 1234");
  g_free (before);
  before = file_checksum (path);
  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_COBALT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  rm_rf (tmp);
}

/* Asserts that opening @tmp's cobalt.db fails with @code and leaves the
 * file exactly as it was: same bytes, same time stamp, no journal, not even
 * a backup attempted; nor is the file accepted as a backup to restore. */
static void
assert_refused_untouched (const char *tmp,
                          int         code,
                          const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *backups = g_build_filename (tmp, "backups", NULL);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” not in the message “%s”", words, error->message);
  g_clear_error (&error);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  g_assert_false (cobalt_database_verify_file (path, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, code);
}

/* Issue 15: only versions Cobalt wrote are opened. A negative
 * user_version used to reach an assertion in the migrations; a version of
 * 0 beside Cobalt's application id (Cobalt writes both in one
 * transaction) was migrated over; none of them may touch the file. */
static void
test_unknown_versions (void)
{
  static const struct {
    const char *sql;
    int         code;
    const char *words;
  } cases[] = {
    { "PRAGMA user_version = -1", COBALT_DATABASE_ERROR_CORRUPT, "version -1" },
    { "PRAGMA user_version = -2147483648", COBALT_DATABASE_ERROR_CORRUPT, "version -2147483648" },
    { "PRAGMA user_version = 0", COBALT_DATABASE_ERROR_CORRUPT, "version 0" },
    { "PRAGMA user_version = 2147483647", COBALT_DATABASE_ERROR_TOO_NEW, "schema 2147483647" },
    /* Another application's id, negative, with Cobalt's tables. */
    { "PRAGMA application_id = -5", COBALT_DATABASE_ERROR_NOT_COBALT, "another application" },
    /* No application id, but a version: not a file Cobalt wrote. */
    { "PRAGMA application_id = 0", COBALT_DATABASE_ERROR_NOT_COBALT, "another application" },
    { "PRAGMA application_id = 0; PRAGMA user_version = -7", COBALT_DATABASE_ERROR_NOT_COBALT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tmp = make_tmp_dir ();
      g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
      g_autofree char *backups = g_build_filename (tmp, "backups", NULL);

      g_test_message ("%s", cases[i].sql);
      create_fixture (tmp);
      rm_rf (backups);
      raw_exec (path, cases[i].sql);
      assert_refused_untouched (tmp, cases[i].code, cases[i].words);
      rm_rf (tmp);
    }

  /* An empty schema under Cobalt's id and version 0: also never written
   * by Cobalt, so not silently filled with a new log either. */
  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", COBALT_DATABASE_APPLICATION_ID);

    raw_exec (path, sql);
    assert_refused_untouched (tmp, COBALT_DATABASE_ERROR_CORRUPT, "version 0");
    rm_rf (tmp);
  }
}

static void
assert_corrupt_then_move_aside (const char *tmp)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *moved_sum = NULL;
  g_autofree char *basename = NULL;

  db = cobalt_database_open (tmp, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  /* Refusing left the bytes alone. */
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (cobalt_database_move_aside (tmp, &moved, &error));
  g_assert_no_error (error);
  basename = g_path_get_basename (moved);
  g_assert_true (g_str_has_prefix (basename, "cobalt.db.corrupt-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  moved_sum = file_checksum (moved);
  g_assert_cmpstr (moved_sum, ==, before);

  /* Nothing left to move. */
  g_assert_false (cobalt_database_move_aside (tmp, NULL, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
}

static void
test_corrupt_not_sqlite (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *tiny_dir = g_build_filename (tmp, "tiny", NULL);
  g_autofree char *tiny = g_build_filename (tiny_dir, "cobalt.db", NULL);

  g_assert_true (g_file_set_contents (path, "Dear diary, today I had my B12 injection.\n" 
                                            "This is certainly not an SQLite database, but it is the user's file. "
                                            "Cobalt must never overwrite it with an empty log.\n", -1, NULL));
  assert_corrupt_then_move_aside (tmp);

  /* Even a few bytes, which SQLite might take for an empty database. */
  g_assert_cmpint (g_mkdir (tiny_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (tiny, "abc", -1, NULL));
  assert_corrupt_then_move_aside (tiny_dir);

  rm_rf (tmp);
}

static void
test_corrupt_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "cobalt.db", NULL);
  g_autofree char *backups = g_build_filename (tmp, "backups", NULL);
  g_autofree char *garbage = NULL;
  gint64 page_size;
  gint64 n_pages;
  int fd;

  create_fixture (tmp);
  page_size = raw_int (path, "PRAGMA page_size");
  n_pages = raw_int (path, "PRAGMA page_count");
  g_assert_cmpint (n_pages, >, 3);

  /* Scribble over everything after page 2: the header still says SQLite,
   * the tables do not add up any more. */
  garbage = g_strnfill ((n_pages - 2) * page_size, 'Z');
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, (n_pages - 2) * page_size, 2 * page_size), ==, (n_pages - 2) * page_size);
  g_close (fd, NULL);

  assert_corrupt_then_move_aside (tmp);

  /* A damaged file is never accepted as a backup either. */
  rm_rf (backups);
  rm_rf (tmp);
}

static void
test_data_dir_under_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *file = g_build_filename (tmp, "file-not-dir", NULL);
  g_autofree char *data_dir = g_build_filename (file, "sub", NULL);

  /* Works as root too: no permission bit can make a file a folder. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  db = cobalt_database_open (data_dir, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, data_dir));
  g_clear_error (&error);

  /* The data folder itself being a file. */
  db = cobalt_database_open (file, &error);
  g_assert_null (db);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_PERMISSION);

  rm_rf (tmp);
}

/* Root ignores permission bits, so the unwritable-folder case runs in a
 * child process that first gives up root: become_unprivileged(). */

static void
test_unwritable_dir (void)
{
  g_autofree char *tmp = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *ro_dir = NULL;
  g_autofree char *ro_db = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltDatabase) db = NULL;
      const char *base = g_getenv ("COBALT_TEST_LOCKED");

      become_unprivileged ();
      locked = g_build_filename (base, "locked", NULL);
      ro_dir = g_build_filename (base, "ro-file", NULL);

      db = cobalt_database_open (locked, &error);
      g_assert_null (db);
      g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_PERMISSION);
      g_assert_nonnull (strstr (error->message, "not allowed"));
      g_clear_error (&error);

      db = cobalt_database_open (ro_dir, &error);
      g_assert_null (db);
      g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "read-only"));
      return;
    }

  tmp = make_tmp_dir ();
  locked = g_build_filename (tmp, "locked", NULL);
  ro_dir = g_build_filename (tmp, "ro-file", NULL);
  ro_db = g_build_filename (ro_dir, "cobalt.db", NULL);
  create_fixture (ro_dir);
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
  g_assert_cmpint (g_chmod (ro_db, 0400), ==, 0);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (locked, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (ro_dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (ro_db, NOBODY, NOBODY), ==, 0);
    }

  g_setenv ("COBALT_TEST_LOCKED", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  rm_rf (tmp);
}

/* A crash in the middle of a write (power cut, kill -9) leaves a hot
 * journal; the next open must come back to the last committed state. */
static void
test_crash_mid_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(CobaltStatement) stmt = NULL;
      g_autofree char *big = g_strnfill (4000, 'n');

      db = cobalt_database_open (g_getenv ("COBALT_TEST_CRASH"), &error);
      g_assert_no_error (error);
      /* A tiny cache makes SQLite write changed pages into the file
       * before the commit, as a big transaction would. */
      g_assert_true (cobalt_database_exec (db, "PRAGMA cache_size = 1", &error));
      g_assert_true (cobalt_database_begin_write (db, &error));
      stmt = cobalt_database_prepare (db, "INSERT INTO people (name, notes, created_at_us, updated_at_us) "
                                          "VALUES ('Crash', ?1, 0, 0)", &error);
      for (guint i = 0; i < 200; i++)
        {
          cobalt_statement_reset (stmt);
          g_assert_true (cobalt_statement_bind_text (stmt, 1, big, &error));
          g_assert_true (cobalt_statement_execute (stmt, &error));
        }
      g_assert_true (cobalt_database_exec (db, "UPDATE people SET name = 'Changed' WHERE id = 1", &error));
      _exit (0);
    }

  tmp = make_tmp_dir ();
  path = g_build_filename (tmp, "cobalt.db", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  create_fixture (tmp);

  g_setenv ("COBALT_TEST_CRASH", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  db = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE name = 'Ann'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM doses"), ==, 2);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  g_clear_object (&db);
  rm_rf (tmp);
}

static void
test_data_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) reminder = NULL;
  g_autoptr(CobaltDatabase) window = NULL;
  g_autofree char *tmp = make_tmp_dir ();
  gint64 v0, v1, v2;

  reminder = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);
  window = cobalt_database_open (tmp, &error);
  g_assert_no_error (error);

  v0 = cobalt_database_get_data_version (reminder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_database_get_data_version (reminder, &error), ==, v0);

  g_assert_true (cobalt_database_run_write (window, write_ok, NULL, &error));
  v1 = cobalt_database_get_data_version (reminder, &error);
  g_assert_cmpint (v1, !=, v0);

  /* Nothing new: unchanged. */
  v2 = cobalt_database_get_data_version (reminder, &error);
  g_assert_cmpint (v2, ==, v1);

  g_clear_object (&reminder);
  g_clear_object (&window);
  rm_rf (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/database/modes", test_modes);
  g_test_add_func ("/cobalt/database/pragmas", test_pragmas);
  g_test_add_func ("/cobalt/database/statements", test_statements);
  g_test_add_func ("/cobalt/database/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/cobalt/database/second-writer-waits", test_second_writer_waits);
  g_test_add_func ("/cobalt/database/backup-writes-in-transaction", test_backup_writes_in_transaction);
  g_test_add_func ("/cobalt/database/disk-full", test_disk_full);
  g_test_add_func ("/cobalt/database/real-disk-full", test_real_disk_full);
  g_test_add_func ("/cobalt/database/too-new-untouched", test_too_new_untouched);
  g_test_add_func ("/cobalt/database/not-cobalt", test_not_cobalt);
  g_test_add_func ("/cobalt/database/unknown-versions", test_unknown_versions);
  g_test_add_func ("/cobalt/database/corrupt-not-sqlite", test_corrupt_not_sqlite);
  g_test_add_func ("/cobalt/database/corrupt-pages", test_corrupt_pages);
  g_test_add_func ("/cobalt/database/data-dir-under-file", test_data_dir_under_file);
  g_test_add_func ("/cobalt/database/unwritable-dir", test_unwritable_dir);
  g_test_add_func ("/cobalt/database/crash-mid-write", test_crash_mid_write);
  g_test_add_func ("/cobalt/database/data-version", test_data_version);

  return g_test_run ();
}
