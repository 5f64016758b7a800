/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"

/* Errors a person can understand, and the file system steps that keep the
 * data folder 0700 and every file 0600 from the moment it exists. */

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

