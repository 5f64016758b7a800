/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"

/* Backups, restore, the whole-file check, moving a damaged file aside and
 * what a crash left: everything that works on whole database files rather
 * than on rows. A whole file is always written under a temporary name
 * (CobaltPartialFile), synced, verified and only then renamed into place. */

typedef struct
{
  char  *path;
  char  *stamp;   /* "YYYYMMDD-HHMMSS" */
  guint  seq;     /* 1, or N of "-N" for several backups in one second */
} BackupEntry;

static void
backup_entry_free (gpointer data)
{
  BackupEntry *entry = data;

  g_free (entry->path);
  g_free (entry->stamp);
  g_free (entry);
}

/* Names are cobalt-YYYYMMDD-HHMMSS.db or cobalt-YYYYMMDD-HHMMSS-N.db;
 * anything else in the folder is not ours to list or rotate away. */
static gboolean
parse_backup_name (const char  *name,
                   char       **stamp,
                   guint       *seq)
{
  static const char prefix[] = "cobalt-";
  gsize len = strlen (name);
  const char *p;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
    return FALSE;

  p = name + strlen (prefix);
  if (len < strlen (prefix) + 15 + 3)
    return FALSE;
  for (guint i = 0; i < 15; i++)
    {
      if (i == 8 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
        return FALSE;
    }

  *seq = 1;
  if (p[15] == '-')
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (p + 16, &end, 10);

      if (end == p + 16 || strcmp (end, ".db") != 0 || n < 2 || n > G_MAXUINT)
        return FALSE;
      *seq = (guint) n;
    }
  else if (strcmp (p + 15, ".db") != 0)
    return FALSE;

  *stamp = g_strndup (p, 15);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BackupEntry *ea = *(BackupEntry * const *) a;
  const BackupEntry *eb = *(BackupEntry * const *) b;
  int cmp = strcmp (eb->stamp, ea->stamp);

  if (cmp != 0)
    return cmp;
  return (eb->seq > ea->seq) - (eb->seq < ea->seq);
}

static GPtrArray *
list_entries (const char *data_dir)
{
  g_autofree char *dir_path = g_build_filename (data_dir, COBALT_DATABASE_BACKUP_DIR, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (backup_entry_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&entries);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BackupEntry *entry;
      char *stamp = NULL;
      guint seq = 0;

      g_autofree char *path = NULL;

      if (!parse_backup_name (name, &stamp, &seq))
        continue;

      /* A backup is renamed to its name only once whole and verified;
       * a shorter file under such a name was left by an older Cobalt
       * killed during VACUUM INTO, and is no backup. */
      path = g_build_filename (dir_path, name, NULL);
      if (!cobalt_database_file_looks_whole (path))
        {
          g_free (stamp);
          continue;
        }

      entry = g_new0 (BackupEntry, 1);
      entry->path = g_steal_pointer (&path);
      entry->stamp = stamp;
      entry->seq = seq;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return g_steal_pointer (&entries);
}

static void
rotate_backups (const char *data_dir)
{
  g_autoptr(GPtrArray) entries = list_entries (data_dir);

  for (guint i = COBALT_DATABASE_BACKUPS_KEPT; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      if (g_unlink (entry->path) != 0)
        g_debug ("Could not remove old backup %s: %s", entry->path, g_strerror (errno));
    }
}

/* Several backups in one second (a migration, then a manual one) get
 * -2, -3...: always above the highest existing number, so a name freed by
 * rotation is never reused and the order stays the order they were made.
 * @skip moves past names another process took meanwhile. */
static char *
next_backup_path (const char *data_dir,
                  const char *dir_path,
                  const char *stamp,
                  guint       skip)
{
  g_autoptr(GPtrArray) entries = list_entries (data_dir);
  guint seq = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->stamp, stamp))
        seq = MAX (seq, entry->seq);
    }

  seq += skip;
  if (seq == 0)
    return g_strdup_printf ("%s/cobalt-%s.db", dir_path, stamp);
  return g_strdup_printf ("%s/cobalt-%s-%u.db", dir_path, stamp, seq + 1);
}

static gboolean
record_backup_time_write (CobaltDatabase  *db,
                          gpointer         user_data,
                          GError         **error)
{
  return cobalt_database_set_setting (db, COBALT_SETTING_LAST_BACKUP, user_data, error);
}

/* Renames @path (and a journal beside it, which belongs to it) to a new
 * name starting with @base. */
static gboolean
rename_with_journal (const char  *path,
                     const char  *base,
                     char       **new_path,
                     GError     **error)
{
  g_autofree char *target = cobalt_database_unique_path (base, "");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  if (g_rename (path, target) != 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }

  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *journal_target = g_strconcat (target, "-journal", NULL);

      if (g_rename (journal, journal_target) != 0)
        g_debug ("Could not move %s aside: %s", journal, g_strerror (errno));
    }

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);
  return TRUE;
}

/* A backup waits for no write: one in this connection would be missing
 * from the copy. */
static gboolean
check_no_write_open (CobaltDatabase  *self,
                     GError         **error)
{
  if (!cobalt_database_in_transaction (self))
    return TRUE;

  g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
               "%s: %s", _("Cobalt could not make a backup"),
               "a write transaction is open");
  return FALSE;
}

/* FULL stays FULL (the window says "the disk is full"); anything else is a
 * failed backup. */
static void
set_backup_error (GError       **error,
                  const GError  *cause)
{
  g_set_error (error, COBALT_DATABASE_ERROR,
               cause->domain == COBALT_DATABASE_ERROR &&
               cause->code == COBALT_DATABASE_ERROR_FULL ? COBALT_DATABASE_ERROR_FULL
                                                         : COBALT_DATABASE_ERROR_BACKUP,
               _("Cobalt could not make a backup: %s"), cause->message);
}

/* The whole log, as of now, in a temporary file beside @path (0600),
 * checked with integrity_check; commit it to give it its name. VACUUM INTO
 * accepts the existing empty file and keeps its mode. */
static CobaltPartialFile *
write_verified_copy (CobaltDatabase  *self,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(CobaltPartialFile) partial = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;

  partial = cobalt_partial_file_new (path, error);
  if (partial == NULL)
    return NULL;

  stmt = cobalt_database_prepare (self, "VACUUM INTO ?1", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_text (stmt, 1, cobalt_partial_file_get_path (partial), error) ||
      !cobalt_statement_execute (stmt, error))
    return NULL;

  if (!cobalt_database_verify_file (cobalt_partial_file_get_path (partial), error))
    return NULL;

  return g_steal_pointer (&partial);
}

char *
cobalt_database_backup (CobaltDatabase  *self,
                        GError         **error)
{
  g_autoptr(CobaltPartialFile) partial = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *now = NULL;
  const char *data_dir;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data_dir = cobalt_database_get_data_dir (self);
  if (data_dir == NULL)
    {
      g_set_error_literal (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
                           _("A database kept only in memory cannot be backed up"));
      return NULL;
    }
  if (!check_no_write_open (self, error))
    return NULL;

  dir_path = g_build_filename (data_dir, COBALT_DATABASE_BACKUP_DIR, NULL);
  if (!cobalt_database_ensure_private_dir (dir_path, &local_error))
    goto fail;

  stamp = cobalt_database_timestamp ();
  path = next_backup_path (data_dir, dir_path, stamp, 0);

  /* Written under a temporary name that is never listed as a backup,
   * verified and synced, and only then given its name: a crash at any
   * moment leaves either no backup or a whole one. VACUUM INTO accepts
   * the existing empty file and keeps its mode (0600). */
  partial = write_verified_copy (self, path, &local_error);
  if (partial == NULL)
    goto fail;

  /* cobalt and cobalt-reminder may both back up in the same second: the
   * rename never replaces a name, the loser takes the next number. */
  for (guint attempt = 1; ; attempt++)
    {
      if (cobalt_partial_file_commit (partial, path, FALSE, &local_error))
        break;
      if (attempt >= 10 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        goto fail;
      g_clear_error (&local_error);
      g_free (path);
      path = next_backup_path (data_dir, dir_path, stamp, attempt);
    }
  g_clear_pointer (&partial, cobalt_partial_file_free);

  now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  /* Like every write, in BEGIN IMMEDIATE: cobalt-reminder may be writing. */
  if (!cobalt_database_run_write (self, record_backup_time_write, now, &local_error))
    {
      g_debug ("Could not record the backup time: %s", local_error->message);
      g_clear_error (&local_error);
    }

  rotate_backups (data_dir);
  return g_steal_pointer (&path);

fail:
  set_backup_error (error, local_error);
  return NULL;
}

gboolean
cobalt_database_backup_to_file (CobaltDatabase  *self,
                                const char      *path,
                                gboolean         replace,
                                GError         **error)
{
  g_autoptr(CobaltPartialFile) partial = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_no_write_open (self, error))
    return FALSE;
  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
                   _("Cobalt could not make a backup: “%s” exists already, and Cobalt does not write over it"),
                   path);
      return FALSE;
    }

  /* As the automatic backups: a whole, checked copy or nothing. */
  partial = write_verified_copy (self, path, &local_error);
  if (partial == NULL ||
      !cobalt_partial_file_commit (partial, path, replace, &local_error))
    {
      set_backup_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
cobalt_database_list_backups (const char *data_dir)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (data_dir != NULL, NULL);

  entries = list_entries (data_dir);
  paths = g_ptr_array_new_full (entries->len, g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (paths, g_steal_pointer (&entry->path));
    }
  return paths;
}

static gboolean
is_set_aside_name (const char *name)
{
  return (g_str_has_prefix (name, COBALT_DATABASE_FILENAME COBALT_DATABASE_CORRUPT_INFIX) ||
          g_str_has_prefix (name, COBALT_DATABASE_FILENAME COBALT_DATABASE_REPLACED_INFIX)) &&
         !g_str_has_suffix (name, "-journal") &&
         !cobalt_database_is_partial_name (name);
}

static int
compare_mtime_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const char *pa = *(const char * const *) a;
  const char *pb = *(const char * const *) b;
  GStatBuf sa, sb;

  if (g_stat (pa, &sa) != 0 || g_stat (pb, &sb) != 0)
    return strcmp (pb, pa);
  if (sa.st_mtime != sb.st_mtime)
    return sa.st_mtime < sb.st_mtime ? 1 : -1;
  return strcmp (pb, pa);
}

GPtrArray *
cobalt_database_list_set_aside (const char *data_dir)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (data_dir != NULL, NULL);

  dir = g_dir_open (data_dir, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&paths);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_set_aside_name (name))
        continue;
      path = g_build_filename (data_dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }

  g_ptr_array_sort (paths, compare_mtime_newest_first);
  return g_steal_pointer (&paths);
}

gboolean
cobalt_database_has_recoverable (const char *data_dir)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) set_aside = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  backups = cobalt_database_list_backups (data_dir);
  if (backups->len > 0)
    return TRUE;
  set_aside = cobalt_database_list_set_aside (data_dir);
  return set_aside->len > 0;
}

gboolean
cobalt_database_verify_file (const char  *path,
                             GError     **error)
{
  sqlite3 *db = NULL;
  gboolean is_empty = TRUE;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist"), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, db, rc);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  if (!cobalt_database_check_handle (db, COBALT_DATABASE_CHECK_FULL, NULL, &is_empty, error))
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_close_v2 (db);

  /* An empty file reads as an empty database: not a backup of anything. */
  if (is_empty)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                   _("The file “%s” holds no Cobalt data"), path);
      return FALSE;
    }

  return TRUE;
}

static int
on_check_progress_cb (void *user_data)
{
  /* Non-zero interrupts the statement. */
  return g_cancellable_is_cancelled (user_data);
}

gboolean
cobalt_database_check_integrity (const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist"), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, db, rc);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, on_check_progress_cb, cancellable);

  ok = cobalt_database_check_handle (db, COBALT_DATABASE_CHECK_FULL, NULL, NULL, error);
  sqlite3_close_v2 (db);
  return ok;
}

/* A connection holding the write lock on @db_path (BEGIN IMMEDIATE), so
 * that no other process is in the middle of a write, with a journal of
 * its own beside the file, while the file is swapped; NULL when the file
 * is no database SQLite can lock (then nothing can be writing to it
 * either). BUSY when another process keeps writing. */
static sqlite3 *
lock_for_replace (const char  *db_path,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    return db;

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    cobalt_database_set_sqlite_error (error, db, rc);
  sqlite3_close_v2 (db);
  return NULL;
}

/* The current log stays under its name until the restored one replaces
 * it in one rename: a hard link (or, without hard links, a synced copy)
 * keeps it as cobalt.db.replaced-DATE first. */
static gboolean
keep_replaced (const char  *db_path,
               char       **kept_path,
               GError     **error)
{
  g_autofree char *stamp = cobalt_database_timestamp ();
  g_autofree char *base = g_strdup_printf ("%s" COBALT_DATABASE_REPLACED_INFIX "%s", db_path, stamp);
  g_autofree char *target = cobalt_database_unique_path (base, "");
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);

  if (link (db_path, target) != 0)
    {
      g_autoptr(CobaltPartialFile) copy = NULL;

      if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EXDEV && errno != EMLINK)
        {
          cobalt_database_set_errno_error (error, errno, target);
          return FALSE;
        }
      copy = cobalt_partial_file_new (target, error);
      if (copy == NULL ||
          !cobalt_database_copy_file (db_path, cobalt_partial_file_get_path (copy), error) ||
          !cobalt_partial_file_commit (copy, target, FALSE, error))
        return FALSE;
    }

  /* A journal beside a log nobody is writing is a crash's, and belongs to
   * the old file: it goes with it, never stays for the restored one. */
  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *journal_target = g_strconcat (target, "-journal", NULL);

      if (g_rename (journal, journal_target) != 0)
        {
          cobalt_database_set_errno_error (error, errno, journal);
          return FALSE;
        }
    }

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&target);
  return TRUE;
}

gboolean
cobalt_database_restore_backup (const char  *data_dir,
                                const char  *backup_path,
                                char       **kept_path,
                                GError     **error)
{
  g_autoptr(CobaltPartialFile) partial = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *lock = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!cobalt_database_verify_file (backup_path, &local_error))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
                   _("The backup “%s” cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }

  if (!cobalt_database_ensure_private_dir (data_dir, error))
    return FALSE;

  db_path = g_build_filename (data_dir, COBALT_DATABASE_FILENAME, NULL);

  /* Copied next to the target under a temporary name, synced and
   * verified; the final step is one rename over cobalt.db, so a crash
   * leaves either the old log or the whole backup in its place, never
   * half of one and never no log at all. */
  partial = cobalt_partial_file_new (db_path, &local_error);
  if (partial == NULL ||
      !cobalt_database_copy_file (backup_path, cobalt_partial_file_get_path (partial), &local_error) ||
      !cobalt_database_verify_file (cobalt_partial_file_get_path (partial), &local_error))
    {
      g_set_error (error, COBALT_DATABASE_ERROR,
                   local_error->domain == COBALT_DATABASE_ERROR &&
                   local_error->code == COBALT_DATABASE_ERROR_FULL ? COBALT_DATABASE_ERROR_FULL
                                                                   : COBALT_DATABASE_ERROR_BACKUP,
                   _("The backup “%s” cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }

  lock = lock_for_replace (db_path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) && !keep_replaced (db_path, &kept, error))
    goto out;

  if (!cobalt_partial_file_commit (partial, db_path, TRUE, error))
    goto out;
  ok = TRUE;
  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);

out:
  /* The lock was on the old file, which nothing wrote to. */
  if (lock != NULL)
    {
      sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (lock);
    }
  return ok;
}

gboolean
cobalt_database_move_aside (const char  *data_dir,
                            char       **new_path,
                            GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  db_path = g_build_filename (data_dir, COBALT_DATABASE_FILENAME, NULL);
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist"), db_path);
      return FALSE;
    }

  stamp = cobalt_database_timestamp ();
  base = g_strdup_printf ("%s" COBALT_DATABASE_CORRUPT_INFIX "%s", db_path, stamp);
  if (!rename_with_journal (db_path, base, new_path, error))
    return FALSE;

  cobalt_database_sync_path (data_dir);
  return TRUE;
}

/* Before a start opens the log: what a crash left. */
void
cobalt_database_clean_up (const char *data_dir)
{
  g_autofree char *dir_path = g_build_filename (data_dir, COBALT_DATABASE_BACKUP_DIR, NULL);
  g_autofree char *db_path = g_build_filename (data_dir, COBALT_DATABASE_FILENAME, NULL);
  g_autofree char *legacy = g_strconcat (db_path, ".restoring", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  cobalt_database_remove_partial_files (data_dir);
  cobalt_database_remove_partial_files (dir_path);

  /* Cobalt 0.1 restored through cobalt.db.restoring and two renames;
   * killed between them it left no cobalt.db. A whole, verified copy is
   * the backup the person chose: the restore is finished. */
  if (g_file_test (legacy, G_FILE_TEST_IS_REGULAR))
    {
      if (!g_file_test (db_path, G_FILE_TEST_EXISTS) &&
          cobalt_database_verify_file (legacy, NULL) &&
          g_rename (legacy, db_path) == 0)
        {
          cobalt_database_sync_path (data_dir);
          g_message ("Finished restoring a backup that was interrupted: %s", db_path);
        }
      else if (g_unlink (legacy) == 0)
        g_message ("Removed “%s”, left half-written when Cobalt stopped", legacy);
    }

  /* An older Cobalt killed during VACUUM INTO left a file named like a
   * backup that is shorter than its own header says. */
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stamp = NULL;
      g_autofree char *path = NULL;
      guint seq;

      if (!parse_backup_name (name, &stamp, &seq))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!cobalt_database_file_looks_whole (path) &&
          g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_unlink (path) == 0)
        g_message ("Removed “%s”, a backup left half-written when Cobalt stopped", path);
    }
}
