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

/* Reads application_id/user_version of a read-only connection and checks
 * that this build may use the file: NOT_COBALT, TOO_NEW, CORRUPT. @full
 * runs integrity_check instead of quick_check. */
gboolean  cobalt_database_check_handle        (sqlite3     *db,
                                               gboolean     full,
                                               guint       *user_version,
                                               gboolean    *is_empty,
                                               GError     **error);

G_END_DECLS
