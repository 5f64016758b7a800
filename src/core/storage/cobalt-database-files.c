/* SPDX-License-Identifier: GPL-3.0-or-later */
/* renameat2() and RENAME_NOREPLACE */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"

/* Errors a person can understand, the file system steps that keep the
 * data folder 0700 and every file 0600 from the moment it exists, and
 * whole files written under a temporary name (cobalt-database-private.h). */

G_DEFINE_QUARK (cobalt-repository-error-quark, cobalt_repository_error)

/* Errors ----------------------------------------------------------------- */

CobaltDatabaseError
cobalt_database_error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return COBALT_DATABASE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return COBALT_DATABASE_ERROR_FULL;
    case SQLITE_IOERR:
      return COBALT_DATABASE_ERROR_IO;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return COBALT_DATABASE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return COBALT_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_READONLY:
      return COBALT_DATABASE_ERROR_READ_ONLY;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return COBALT_DATABASE_ERROR_PERMISSION;
    case SQLITE_CANTOPEN:
      return COBALT_DATABASE_ERROR_OPEN;
    case SQLITE_NOTFOUND:
      return COBALT_DATABASE_ERROR_NOT_FOUND;
    default:
      return COBALT_DATABASE_ERROR_SQLITE;
    }
}

static const char *
sentence_for_code (CobaltDatabaseError code)
{
  switch (code)
    {
    case COBALT_DATABASE_ERROR_CORRUPT:
      return _("Cobalt’s database file is damaged");
    case COBALT_DATABASE_ERROR_FULL:
      return _("The disk is full, so Cobalt could not save your changes. Free some space and try again");
    case COBALT_DATABASE_ERROR_IO:
      return _("The disk reported an error while Cobalt was reading or saving its data");
    case COBALT_DATABASE_ERROR_BUSY:
      return _("Another Cobalt window or the reminder kept the database busy. Please try again");
    case COBALT_DATABASE_ERROR_CONSTRAINT:
      return _("Cobalt refused to save a record that breaks its rules");
    case COBALT_DATABASE_ERROR_READ_ONLY:
      return _("Cobalt cannot save its data because the file or its folder is read-only");
    case COBALT_DATABASE_ERROR_PERMISSION:
      return _("Cobalt is not allowed to use its data folder");
    case COBALT_DATABASE_ERROR_OPEN:
      return _("Cobalt could not open its database");
    case COBALT_DATABASE_ERROR_MISSING:
      return _("Cobalt’s database file is missing");
    case COBALT_DATABASE_ERROR_NOT_FOUND:
      return _("The record was not found");
    case COBALT_DATABASE_ERROR_NOT_COBALT:
    case COBALT_DATABASE_ERROR_TOO_NEW:
    case COBALT_DATABASE_ERROR_BACKUP:
    case COBALT_DATABASE_ERROR_SQLITE:
    default:
      return _("Cobalt’s database reported an error");
    }
}

void
cobalt_database_set_sqlite_error (GError  **error,
                                  sqlite3  *db,
                                  int       rc)
{
  CobaltDatabaseError code = cobalt_database_error_code_for_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* SQLite reports a sync or a read that failed for want of space as an
   * I/O error; the system's own errno says what a person must do. */
  if (code == COBALT_DATABASE_ERROR_IO && db != NULL)
    {
      int saved_errno = sqlite3_system_errno (db);

      if (saved_errno == ENOSPC
#ifdef EDQUOT
          || saved_errno == EDQUOT
#endif
          )
        code = COBALT_DATABASE_ERROR_FULL;
    }

  g_set_error (error, COBALT_DATABASE_ERROR, code,
               "%s: %s", sentence_for_code (code), detail);
}

void
cobalt_database_set_errno_error (GError     **error,
                                 int          saved_errno,
                                 const char  *path)
{
  const char *detail = g_strerror (saved_errno);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_PERMISSION,
                   _("Cobalt is not allowed to use “%s”: %s"), path, detail);
      break;
    case ENOTDIR:
    case EEXIST:
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_PERMISSION,
                   _("Cobalt cannot create or use the folder “%s”: %s"), path, detail);
      break;
    case EROFS:
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_READ_ONLY,
                   _("“%s” is on a read-only disk, so Cobalt cannot save there: %s"), path, detail);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_FULL,
                   _("The disk is full, so Cobalt could not save “%s”. Free some space and try again: %s"),
                   path, detail);
      break;
    case EIO:
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_IO,
                   _("The disk reported an error while Cobalt used “%s”: %s"), path, detail);
      break;
    default:
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_OPEN,
                   _("Cobalt could not use “%s”: %s"), path, detail);
      break;
    }
}

/* Files ------------------------------------------------------------------- */

gboolean
cobalt_database_ensure_private_dir (const char  *path,
                                    GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      cobalt_database_set_errno_error (error, ENOTDIR, path);
      return FALSE;
    }

  /* Health data: nobody else on the machine may list or read it. Only our
   * own folders are tightened; a failure there is not worth refusing for. */
  if ((st.st_mode & 077) != 0 && st.st_uid == geteuid ())
    {
      if (g_chmod (path, 0700) != 0)
        g_debug ("Could not tighten the mode of %s: %s", path, g_strerror (errno));
    }

  if (access (path, W_OK | X_OK) != 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }

  return TRUE;
}

gboolean
cobalt_database_create_private_file (const char  *path,
                                     GError     **error)
{
  int fd;

  /* 0600 from the first moment: the mode is set on the descriptor, so a
   * generous umask never leaves a readable file behind even briefly. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    g_debug ("fchmod %s: %s", path, g_strerror (errno));

  g_close (fd, NULL);
  return TRUE;
}

void
cobalt_database_sync_path (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  if (fsync (fd) != 0)
    g_debug ("fsync %s: %s", path, g_strerror (errno));
  g_close (fd, NULL);
}

/* In UTC: backups are listed newest first by this name, and local time
 * runs backwards when the clocks go back or the person travels west. */
char *
cobalt_database_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

char *
cobalt_database_unique_path (const char *base,
                             const char *suffix)
{
  char *path = g_strconcat (base, suffix, NULL);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s-%u%s", base, i, suffix);
    }

  return path;
}


/* Temporary files --------------------------------------------------------- */

struct _CobaltPartialFile
{
  char     *path;
  int       fd;        /* holds the flock() */
  gboolean  committed;
};

CobaltPartialFile *
cobalt_partial_file_new (const char  *final_path,
                         GError     **error)
{
  g_autofree char *template = NULL;
  CobaltPartialFile *self;
  int fd;

  g_return_val_if_fail (final_path != NULL, NULL);

  template = g_strconcat (final_path, COBALT_DATABASE_PARTIAL_INFIX "XXXXXX", NULL);
  /* 0600 from the first byte whatever the umask, as every file here. */
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      cobalt_database_set_errno_error (error, errno, final_path);
      return NULL;
    }
  if (fchmod (fd, 0600) != 0)
    g_debug ("fchmod %s: %s", template, g_strerror (errno));

  /* Ours while we live: a start in another process that finds the file
   * cannot take the lock and leaves it alone. flock(), not fcntl(): SQLite
   * takes fcntl() locks on the same file, and the two do not meet. */
  if (flock (fd, LOCK_EX) != 0)
    g_debug ("flock %s: %s", template, g_strerror (errno));

  self = g_new0 (CobaltPartialFile, 1);
  self->path = g_steal_pointer (&template);
  self->fd = fd;
  return self;
}

const char *
cobalt_partial_file_get_path (CobaltPartialFile *self)
{
  return self->path;
}

static gboolean
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS)
    return FALSE;

  /* A file system without RENAME_NOREPLACE: a hard link refuses an
   * existing name as well. */
  if (link (from, to) == 0)
    {
      g_unlink (from);
      return TRUE;
    }
  if (errno == EEXIST)
    return FALSE;

  /* Nor hard links (FAT): only a check, then an ordinary rename. */
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return FALSE;
    }
  return g_rename (from, to) == 0;
}

gboolean
cobalt_partial_file_commit (CobaltPartialFile  *self,
                            const char         *final_path,
                            gboolean            replace,
                            GError            **error)
{
  g_autofree char *dir = NULL;
  gboolean renamed;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);
  g_return_val_if_fail (final_path != NULL, FALSE);

  /* fsync() reaches every write to the file, whichever descriptor (here
   * SQLite's) made it. */
  if (fsync (self->fd) != 0)
    {
      cobalt_database_set_errno_error (error, errno, self->path);
      return FALSE;
    }

  renamed = replace ? g_rename (self->path, final_path) == 0
                    : rename_no_replace (self->path, final_path);
  if (!renamed)
    {
      if (errno == EEXIST)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     "“%s” exists already", final_path);
      else
        cobalt_database_set_errno_error (error, errno, final_path);
      return FALSE;
    }

  self->committed = TRUE;
  g_free (self->path);
  self->path = g_strdup (final_path);

  /* The new name must survive a crash too. */
  dir = g_path_get_dirname (final_path);
  cobalt_database_sync_path (dir);
  return TRUE;
}

void
cobalt_partial_file_free (CobaltPartialFile *self)
{
  if (self == NULL)
    return;

  /* Removed before the lock goes, so no other process ever sees it
   * unlocked and half-written. */
  if (!self->committed)
    {
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);

      g_unlink (journal);
      g_unlink (self->path);
    }
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_free (self->path);
  g_free (self);
}

gboolean
cobalt_database_is_partial_name (const char *name)
{
  const char *infix = g_strrstr (name, COBALT_DATABASE_PARTIAL_INFIX);
  const char *suffix;
  gsize length;

  if (infix == NULL || infix == name)
    return FALSE;

  /* SQLite's journal of a file VACUUM INTO is writing belongs to it. */
  suffix = infix + strlen (COBALT_DATABASE_PARTIAL_INFIX);
  length = strlen (suffix);
  if (length == 6 + strlen ("-journal") && g_str_has_suffix (suffix, "-journal"))
    length = 6;
  else if (length != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (suffix[i]))
      return FALSE;
  return TRUE;
}

void
cobalt_database_remove_partial_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!cobalt_database_is_partial_name (name))
        continue;

      path = g_build_filename (dir_path, name, NULL);

      /* A journal goes with its file: gone, or no longer held. */
      if (g_str_has_suffix (name, "-journal"))
        {
          g_autofree char *owner = g_strndup (path, strlen (path) - strlen ("-journal"));

          fd = g_open (owner, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
          if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
            {
              g_close (fd, NULL);
              continue;
            }
          if (fd >= 0)
            g_close (fd, NULL);
          if (g_unlink (path) == 0)
            g_debug ("Removed %s, left by a crash", path);
          continue;
        }

      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;

      /* Locked: another process is writing it right now. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (g_unlink (path) == 0)
            g_message ("Removed “%s”, left half-written when Cobalt stopped", path);
          else
            g_debug ("Could not remove %s: %s", path, g_strerror (errno));
        }
      g_close (fd, NULL);
    }
}

gboolean
cobalt_database_copy_file (const char  *source,
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

gboolean
cobalt_database_file_looks_whole (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  GStatBuf st;
  guint32 page_size;
  guint32 n_pages;
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  g_close (fd, NULL);

  if (n != (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return FALSE;

  /* The header's page size (1 means 65536) and, when the two change
   * counters agree, its page count (sqlite.org/fileformat.html, 1.3). */
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return FALSE;

  n_pages = ((guint32) header[28] << 24) | (header[29] << 16) | (header[30] << 8) | header[31];
  if (n_pages != 0 && memcmp (header + 24, header + 92, 4) == 0)
    return (guint64) st.st_size >= (guint64) n_pages * page_size;

  return st.st_size >= page_size && st.st_size % page_size == 0;
}
