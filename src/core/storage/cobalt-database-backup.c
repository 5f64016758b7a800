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

/* Backups, restore and moving a damaged file aside: everything that works
 * on whole database files rather than on rows. */

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

      if (!parse_backup_name (name, &stamp, &seq))
        continue;

      entry = g_new0 (BackupEntry, 1);
      entry->path = g_build_filename (dir_path, name, NULL);
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
 * rotation is never reused and the order stays the order they were made. */
static char *
next_backup_path (const char *data_dir,
                  const char *dir_path,
                  const char *stamp)
{
  g_autoptr(GPtrArray) entries = list_entries (data_dir);
  guint seq = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      BackupEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->stamp, stamp))
        seq = MAX (seq, entry->seq);
    }

  if (seq == 0)
    return g_strdup_printf ("%s/cobalt-%s.db", dir_path, stamp);
  return g_strdup_printf ("%s/cobalt-%s-%u.db", dir_path, stamp, seq + 1);
}

static gboolean
copy_file (const char  *source,
           const char  *target,
           GError     **error)
{
  char buffer[64 * 1024];
  gboolean ok = FALSE;
  int in = -1;
  int out = -1;
  ssize_t n;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      cobalt_database_set_errno_error (error, errno, source);
      goto out;
    }
  out = g_open (target, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (out < 0)
    {
      cobalt_database_set_errno_error (error, errno, target);
      goto out;
    }

  while ((n = read (in, buffer, sizeof buffer)) != 0)
    {
      const char *p = buffer;

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          cobalt_database_set_errno_error (error, errno, source);
          goto out;
        }
      while (n > 0)
        {
          ssize_t w = write (out, p, n);

          if (w < 0)
            {
              if (errno == EINTR)
                continue;
              cobalt_database_set_errno_error (error, errno, target);
              goto out;
            }
          p += w;
          n -= w;
        }
    }

  if (fsync (out) != 0)
    {
      cobalt_database_set_errno_error (error, errno, target);
      goto out;
    }
  ok = TRUE;

out:
  if (in >= 0)
    g_close (in, NULL);
  if (out >= 0 && !g_close (out, NULL) && ok)
    {
      cobalt_database_set_errno_error (error, errno, target);
      ok = FALSE;
    }
  return ok;
}

/* Renames @path (and a journal beside it, which belongs to it) to a new
 * name starting with @base. */
static gboolean
record_backup_time_write (CobaltDatabase  *db,
                          gpointer         user_data,
                          GError         **error)
{
  return cobalt_database_set_setting (db, COBALT_SETTING_LAST_BACKUP, user_data, error);
}

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

char *
cobalt_database_backup (CobaltDatabase  *self,
                        GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
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
  if (cobalt_database_in_transaction (self))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
                   "%s: %s", _("Cobalt could not make a backup"),
                   "a write transaction is open");
      return NULL;
    }

  dir_path = g_build_filename (data_dir, COBALT_DATABASE_BACKUP_DIR, NULL);
  if (!cobalt_database_ensure_private_dir (dir_path, &local_error))
    goto fail;

  stamp = cobalt_database_timestamp ();

  /* VACUUM INTO accepts an existing empty file and keeps its mode, so the
   * backup is 0600 from its first byte whatever the umask. cobalt and
   * cobalt-reminder may both back up at the same moment: the exclusive
   * create decides, the loser takes the next number. */
  for (guint attempt = 0; ; attempt++)
    {
      g_free (path);
      path = next_backup_path (data_dir, dir_path, stamp);
      if (cobalt_database_create_private_file (path, &local_error))
        break;
      if (attempt >= 5 || !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_clear_pointer (&path, g_free);
          goto fail;
        }
      g_clear_error (&local_error);
    }

  stmt = cobalt_database_prepare (self, "VACUUM INTO ?1", &local_error);
  if (stmt == NULL ||
      !cobalt_statement_bind_text (stmt, 1, path, &local_error) ||
      !cobalt_statement_execute (stmt, &local_error))
    goto fail_remove;
  g_clear_pointer (&stmt, cobalt_statement_free);

  /* VACUUM INTO does not sync its output; a backup must survive a crash. */
  cobalt_database_sync_path (path);
  cobalt_database_sync_path (dir_path);

  if (!cobalt_database_verify_file (path, &local_error))
    goto fail_remove;

  now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  /* Like every write, in BEGIN IMMEDIATE: cobalt-reminder may be writing. */
  if (!cobalt_database_run_write (self, record_backup_time_write, now, &local_error))
    {
      g_debug ("Could not record the backup time: %s", local_error->message);
      g_clear_error (&local_error);
    }

  rotate_backups (data_dir);
  return g_steal_pointer (&path);

fail_remove:
  g_unlink (path);
fail:
  g_set_error (error, COBALT_DATABASE_ERROR,
               local_error->code == COBALT_DATABASE_ERROR_FULL ? COBALT_DATABASE_ERROR_FULL
                                                               : COBALT_DATABASE_ERROR_BACKUP,
               _("Cobalt could not make a backup: %s"), local_error->message);
  return NULL;
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

  if (!cobalt_database_check_handle (db, TRUE, NULL, &is_empty, error))
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

gboolean
cobalt_database_restore_backup (const char  *data_dir,
                                const char  *backup_path,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *stamp = NULL;

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
  tmp_path = g_strconcat (db_path, ".restoring", NULL);
  g_unlink (tmp_path);

  /* Copy next to the target first so the final step is one rename: a
   * crash leaves either the old file or the whole backup, never half. */
  if (!cobalt_database_create_private_file (tmp_path, error))
    return FALSE;
  if (!copy_file (backup_path, tmp_path, &local_error) ||
      !cobalt_database_verify_file (tmp_path, &local_error))
    {
      g_unlink (tmp_path);
      g_set_error (error, COBALT_DATABASE_ERROR,
                   local_error->code == COBALT_DATABASE_ERROR_FULL ? COBALT_DATABASE_ERROR_FULL
                                                                   : COBALT_DATABASE_ERROR_BACKUP,
                   _("The backup “%s” cannot be restored: %s"), backup_path, local_error->message);
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *base = NULL;

      stamp = cobalt_database_timestamp ();
      base = g_strdup_printf ("%s.replaced-%s", db_path, stamp);
      if (!rename_with_journal (db_path, base, NULL, error))
        {
          g_unlink (tmp_path);
          return FALSE;
        }
    }

  if (g_rename (tmp_path, db_path) != 0)
    {
      cobalt_database_set_errno_error (error, errno, db_path);
      g_unlink (tmp_path);
      return FALSE;
    }

  cobalt_database_sync_path (data_dir);
  return TRUE;
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
  base = g_strdup_printf ("%s.corrupt-%s", db_path, stamp);
  if (!rename_with_journal (db_path, base, new_path, error))
    return FALSE;

  cobalt_database_sync_path (data_dir);
  return TRUE;
}
