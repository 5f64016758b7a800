/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-repository.h"
#include "cobalt-database-private.h"
#include "cobalt-repository-private.h"

/* Backups the user makes by hand (Back up to a file…, `cobalt --backup`)
 * and what a log holds, told before and after a restore. The copy and the
 * restore themselves are the database's (cobalt-database-backup.c). */

void
cobalt_log_summary_free (CobaltLogSummary *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->first_dose, g_date_time_unref);
  g_clear_pointer (&self->last_dose, g_date_time_unref);
  g_free (self);
}

gboolean
cobalt_repository_backup_to_file (CobaltRepository  *self,
                                  const char        *path,
                                  gboolean           replace,
                                  GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return cobalt_database_backup_to_file (cobalt_repository_get_database (self), path, replace, error);
}

/* A dose time as it was given: in the zone stored with it. */
static GDateTime *
get_dose_time (CobaltStatement *stmt,
               int              us_column,
               int              tz_column)
{
  if (cobalt_statement_get_is_null (stmt, us_column))
    return NULL;

  return cobalt_repository_from_us (cobalt_statement_get_int64 (stmt, us_column),
                                    cobalt_statement_get_text (stmt, tz_column));
}

CobaltLogSummary *
cobalt_repository_summarize (CobaltRepository  *self,
                             GError           **error)
{
  g_autoptr(CobaltLogSummary) summary = g_new0 (CobaltLogSummary, 1);
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  CobaltDatabase *database;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  database = cobalt_repository_get_database (self);

  /* Archived people are part of the log too; deleted doses are not. */
  stmt = cobalt_database_prepare (database, "SELECT count(*) FROM people", error);
  if (stmt == NULL)
    return NULL;
  if (!cobalt_statement_step (stmt, &local_error))
    goto fail;
  summary->n_people = (guint) cobalt_statement_get_int64 (stmt, 0);
  g_clear_pointer (&stmt, cobalt_statement_free);

  stmt = cobalt_database_prepare (database,
                                  "SELECT count(*),"
                                  "  (SELECT given_at_us FROM doses WHERE deleted = 0 ORDER BY given_at_us LIMIT 1),"
                                  "  (SELECT tz FROM doses WHERE deleted = 0 ORDER BY given_at_us LIMIT 1),"
                                  "  (SELECT given_at_us FROM doses WHERE deleted = 0 ORDER BY given_at_us DESC LIMIT 1),"
                                  "  (SELECT tz FROM doses WHERE deleted = 0 ORDER BY given_at_us DESC LIMIT 1)"
                                  " FROM doses WHERE deleted = 0",
                                  error);
  if (stmt == NULL)
    return NULL;
  if (!cobalt_statement_step (stmt, &local_error))
    goto fail;
  summary->n_doses = (guint) cobalt_statement_get_int64 (stmt, 0);
  summary->first_dose = get_dose_time (stmt, 1, 2);
  summary->last_dose = get_dose_time (stmt, 3, 4);

  return g_steal_pointer (&summary);

fail:
  if (local_error == NULL)
    g_set_error_literal (&local_error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT,
                         _("Cobalt could not count what the log holds"));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* The scratch folder of cobalt_repository_summarize_file(): the copy, its
 * journal and whatever opening it made (a backups folder before a schema
 * update), one level deep. */
static void
remove_scratch (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_scratch (path);
      else if (g_unlink (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
  if (g_rmdir (dir_path) != 0)
    g_debug ("Could not remove %s: %s", dir_path, g_strerror (errno));
}

/* TRUE when @path has bytes but not the start every SQLite database has:
 * some other kind of file (an empty one is told apart already). */
static gboolean
is_other_kind_of_file (const char *path)
{
  static const char header[16] = "SQLite format 3";  /* and its NUL */
  char start[sizeof header] = { 0, };
  size_t n = 0;
  FILE *file = g_fopen (path, "rb");

  if (file == NULL)
    return FALSE;
  n = fread (start, 1, sizeof start, file);
  fclose (file);
  return n > 0 && (n < sizeof start || memcmp (start, header, sizeof header) != 0);
}

/* An empty file only this user can read, for copy_file() to fill. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return g_close (fd, error);
}

CobaltLogSummary *
cobalt_repository_summarize_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *copy = NULL;
  CobaltLogSummary *summary = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Read on a copy in a private folder: an older file is brought up to
   * this version's schema on opening, and @path must never change. */
  if (!cobalt_repository_verify_backup (path, &local_error))
    {
      /* "The database is damaged" is not what a text file named .db is. */
      if (g_error_matches (local_error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT) &&
          is_other_kind_of_file (path))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_COBALT,
                       _("“%s” is not a Cobalt backup: it is not a database at all."), path);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  scratch = g_dir_make_tmp ("cobalt-summary-XXXXXX", error);
  if (scratch == NULL)
    return NULL;

  copy = g_build_filename (scratch, "cobalt.db", NULL);
  if (create_private_file (copy, &local_error) &&
      cobalt_database_copy_file (path, copy, &local_error))
    {
      repository = cobalt_repository_open (scratch, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &local_error);
      if (repository != NULL)
        summary = cobalt_repository_summarize (repository, &local_error);
      g_clear_object (&repository);
    }

  remove_scratch (scratch);

  if (summary == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return summary;
}

char *
cobalt_log_summary_describe (const CobaltLogSummary *summary)
{
  g_autofree char *people = NULL;
  g_autofree char *doses = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", summary->n_people),
                            summary->n_people);
  if (summary->n_doses == 0 || summary->first_dose == NULL || summary->last_dose == NULL)
    /* Translators: %s is "1 person" or "3 people" */
    return g_strdup_printf (_("%s and no doses"), people);

  doses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dose", "%u doses", summary->n_doses),
                           summary->n_doses);
  first = g_date_time_format (summary->first_dose, _("%-d %B %Y"));
  last = g_date_time_format (summary->last_dose, _("%-d %B %Y"));
  if (g_strcmp0 (first, last) == 0)
    /* Translators: "2 people and 1 dose, given on 4 December 2026" */
    return g_strdup_printf (_("%s and %s, given on %s"), people, doses, first);

  /* Translators: "2 people and 140 doses, given from 3 January 2025 to
   * 4 December 2026" */
  return g_strdup_printf (_("%s and %s, given from %s to %s"), people, doses, first, last);
}
