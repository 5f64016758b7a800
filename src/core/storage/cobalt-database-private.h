/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include <sqlite3.h>
#include "cobalt-database.h"

G_BEGIN_DECLS

/* Shared by cobalt-database*.c and cobalt-statement.c. */

sqlite3  *cobalt_database_get_handle          (CobaltDatabase *self);

/* A statement owning @stmt (finalized with it) and a reference to @database. */
CobaltStatement *cobalt_statement_new (CobaltDatabase *database,
                                       sqlite3_stmt   *stmt);

/* The COBALT_DATABASE_ERROR code for an SQLite result code. */
CobaltDatabaseError cobalt_database_error_code_for_sqlite (int rc);

/* Sets @error from an SQLite result code with a sentence a person
 * understands, then SQLite's own text after a colon. */
void      cobalt_database_set_sqlite_error    (GError     **error,
                                               sqlite3     *db,
                                               int          rc);
/* From an errno, for file system steps on @path. */
void      cobalt_database_set_errno_error     (GError     **error,
                                               int          saved_errno,
                                               const char  *path);

/* mkdir -p with 0700, and tightens an existing folder that is too open. */
gboolean  cobalt_database_ensure_private_dir  (const char  *path,
                                               GError     **error);
/* Creates @path empty with mode 0600 (exclusive). */
gboolean  cobalt_database_create_private_file (const char  *path,
                                               GError     **error);
/* fsync() of a file or folder, so a rename or a new file survives a crash. */
void      cobalt_database_sync_path           (const char  *path);
/* "YYYYMMDD-HHMMSS" in UTC. */
char     *cobalt_database_timestamp           (void);
/* @base, or @base-2, @base-3... whichever does not exist yet. */
char     *cobalt_database_unique_path         (const char  *base,
                                               const char  *suffix);

typedef enum
{
  COBALT_DATABASE_CHECK_NONE,   /* the header and schema only */
  COBALT_DATABASE_CHECK_QUICK,  /* PRAGMA quick_check: pages, not index contents */
  COBALT_DATABASE_CHECK_FULL,   /* PRAGMA integrity_check: the whole file */
} CobaltDatabaseCheck;

/* Reads application_id/user_version of a connection and checks that this
 * build may use the file: NOT_COBALT, TOO_NEW, CORRUPT; then runs @check
 * (CORRUPT with its first finding). */
gboolean  cobalt_database_check_handle        (sqlite3              *db,
                                               CobaltDatabaseCheck   check,
                                               guint                *user_version,
                                               gboolean             *is_empty,
                                               GError              **error);

/* Temporary files ------------------------------------------------------------ */

/* A whole file written under a temporary name beside its final one
 * (FINAL.partial-XXXXXX, mode 0600 from the start) and renamed into place
 * only once complete. While the object lives it holds an flock() on the
 * file, so that cobalt_database_remove_partial_files() in another process
 * leaves it alone; freed without being committed, the file is removed. */
typedef struct _CobaltPartialFile CobaltPartialFile;

CobaltPartialFile *cobalt_partial_file_new    (const char         *final_path,
                                               GError            **error);
const char        *cobalt_partial_file_get_path (CobaltPartialFile *self);
/* fsync()s the file, renames it to @final_path (when @replace is FALSE,
 * only if nothing has that name: EEXIST is reported as
 * G_IO_ERROR_EXISTS), then fsync()s the folder. */
gboolean           cobalt_partial_file_commit (CobaltPartialFile  *self,
                                               const char         *final_path,
                                               gboolean            replace,
                                               GError            **error);
void               cobalt_partial_file_free   (CobaltPartialFile  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltPartialFile, cobalt_partial_file_free)

/* TRUE when @name is a temporary name of cobalt_partial_file_new(). */
gboolean  cobalt_database_is_partial_name     (const char  *name);
/* Removes the temporary files in @dir that no live process holds: what a
 * crash left half-written. */
void      cobalt_database_remove_partial_files (const char *dir);
/* At every open, before anything else: removes what a crash left
 * half-written in @data_dir and its backups (see cobalt_database_open()). */
void      cobalt_database_clean_up            (const char  *data_dir);
/* Copies @source into @target (which must exist), then fsync()s it. */
gboolean  cobalt_database_copy_file           (const char  *source,
                                               const char  *target,
                                               GError     **error);
/* TRUE when @path looks whole: the SQLite magic, and at least as many
 * bytes as its header says it has pages. Cheap (one read): for telling a
 * half-written copy from a backup without opening it. */
gboolean  cobalt_database_file_looks_whole    (const char  *path);

G_END_DECLS
