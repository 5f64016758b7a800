/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include <gio/gio.h>
#include "cobalt-repository-error.h"

G_BEGIN_DECLS

/* The one SQLite file (cobalt.db) in the data directory, opened with the
 * storage rules of DESIGN.md: rollback journal, synchronous=FULL, foreign
 * keys, busy timeout, migrations with a verified backup first, and a file
 * from a newer Cobalt refused without being touched. A thin layer in the
 * manner of epiphany's EphySqliteConnection/EphySqliteStatement. */

/* Storage reports its errors in the repository's domain, which is what
 * the layers above see (cobalt-repository-error.h); these are its names
 * inside core. */
#define COBALT_DATABASE_ERROR COBALT_REPOSITORY_ERROR
typedef CobaltRepositoryError CobaltDatabaseError;
#define COBALT_DATABASE_ERROR_OPEN        COBALT_REPOSITORY_ERROR_OPEN
#define COBALT_DATABASE_ERROR_CORRUPT     COBALT_REPOSITORY_ERROR_CORRUPT
#define COBALT_DATABASE_ERROR_NOT_COBALT  COBALT_REPOSITORY_ERROR_NOT_COBALT
#define COBALT_DATABASE_ERROR_TOO_NEW     COBALT_REPOSITORY_ERROR_TOO_NEW
#define COBALT_DATABASE_ERROR_READ_ONLY   COBALT_REPOSITORY_ERROR_READ_ONLY
#define COBALT_DATABASE_ERROR_PERMISSION  COBALT_REPOSITORY_ERROR_PERMISSION
#define COBALT_DATABASE_ERROR_BUSY        COBALT_REPOSITORY_ERROR_BUSY
#define COBALT_DATABASE_ERROR_CONSTRAINT  COBALT_REPOSITORY_ERROR_CONSTRAINT
#define COBALT_DATABASE_ERROR_NOT_FOUND   COBALT_REPOSITORY_ERROR_NOT_FOUND
#define COBALT_DATABASE_ERROR_BACKUP      COBALT_REPOSITORY_ERROR_BACKUP
#define COBALT_DATABASE_ERROR_FULL        COBALT_REPOSITORY_ERROR_FULL
#define COBALT_DATABASE_ERROR_IO          COBALT_REPOSITORY_ERROR_IO
#define COBALT_DATABASE_ERROR_SQLITE      COBALT_REPOSITORY_ERROR_SQLITE
#define COBALT_DATABASE_ERROR_MISSING     COBALT_REPOSITORY_ERROR_MISSING

/* PRAGMA application_id: "B12C". */
#define COBALT_DATABASE_APPLICATION_ID 0x42313243
#define COBALT_DATABASE_FILENAME       COBALT_REPOSITORY_FILENAME
#define COBALT_DATABASE_BACKUP_DIR     COBALT_REPOSITORY_BACKUP_DIR
#define COBALT_DATABASE_PARTIAL_INFIX  COBALT_REPOSITORY_PARTIAL_INFIX
/* What cobalt_database_move_aside() and _restore_backup() leave beside
 * cobalt.db: the log as it was, kept whole. */
#define COBALT_DATABASE_CORRUPT_INFIX  ".corrupt-"
#define COBALT_DATABASE_REPLACED_INFIX ".replaced-"
/* How many automatic/manual backups rotation keeps. */
#define COBALT_DATABASE_BACKUPS_KEPT   7
/* Settings (table "settings") the database itself reads. */
#define COBALT_SETTING_AUTO_BACKUP     "auto-backup"      /* "0" turns the daily backup off */
#define COBALT_SETTING_LAST_BACKUP     "last-backup-us"   /* g_get_real_time() of the last backup */

/* Statements ----------------------------------------------------------- */

/* A prepared statement. Bind indexes are 1-based (as in SQLite), column
 * indexes 0-based. Free with cobalt_statement_free() or g_autoptr. */
typedef struct _CobaltStatement CobaltStatement;

void         cobalt_statement_free        (CobaltStatement *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltStatement, cobalt_statement_free)

/* NULL @value binds SQL NULL. */
gboolean     cobalt_statement_bind_text   (CobaltStatement *self, int index, const char *value, GError **error);
gboolean     cobalt_statement_bind_int64  (CobaltStatement *self, int index, gint64 value, GError **error);
gboolean     cobalt_statement_bind_double (CobaltStatement *self, int index, double value, GError **error);
gboolean     cobalt_statement_bind_null   (CobaltStatement *self, int index, GError **error);
/* Binds 0 as NULL: for optional foreign keys (prescription_id, run id). */
gboolean     cobalt_statement_bind_id     (CobaltStatement *self, int index, gint64 id, GError **error);
/* "YYYY-MM-DD", or NULL for a NULL or invalid date. */
gboolean     cobalt_statement_bind_date   (CobaltStatement *self, int index, const GDate *date, GError **error);

/* TRUE when a row is ready; FALSE when done *or* on error (check @error). */
gboolean     cobalt_statement_step        (CobaltStatement *self, GError **error);
/* Steps until done, ignoring rows; FALSE on error. */
gboolean     cobalt_statement_execute     (CobaltStatement *self, GError **error);
/* Resets and clears the bindings for another run. */
void         cobalt_statement_reset       (CobaltStatement *self);

gboolean     cobalt_statement_get_is_null (CobaltStatement *self, int column);
gint64       cobalt_statement_get_int64   (CobaltStatement *self, int column);
/* 0 for NULL: the inverse of bind_id(). */
gint64       cobalt_statement_get_id      (CobaltStatement *self, int column);
double       cobalt_statement_get_double  (CobaltStatement *self, int column);
gboolean     cobalt_statement_get_boolean (CobaltStatement *self, int column);
/* Borrowed until the next step/reset; NULL for SQL NULL. */
const char  *cobalt_statement_get_text    (CobaltStatement *self, int column);
/* TRUE and fills @date for a stored "YYYY-MM-DD"; FALSE (date cleared) for NULL. */
gboolean     cobalt_statement_get_date    (CobaltStatement *self, int column, GDate *date);

/* The connection --------------------------------------------------------- */

#define COBALT_TYPE_DATABASE (cobalt_database_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDatabase, cobalt_database, COBALT, DATABASE, GObject)

/* Opens (creating if missing) @data_dir/cobalt.db: the folder is created
 * 0700 and the file 0600 before SQLite touches them. First it removes what
 * a crash left half-written (temporary NAME.partial-XXXXXX files no live
 * process holds; a restore interrupted between its renames is finished).
 * Then it checks the whole file (PRAGMA integrity_check) before anything
 * is written; migrates to the newest schema (verified backup first); then
 * makes the daily automatic backup when one is due. Never replaces an
 * unreadable file: fails with CORRUPT (see cobalt_database_move_aside()),
 * NOT_COBALT or TOO_NEW. Never starts an empty log silently: when the file
 * is missing or empty but backups or files set aside exist, fails with
 * MISSING (or CORRUPT for an empty file) and creates nothing. */
CobaltDatabase  *cobalt_database_open              (const char *data_dir,
                                                    GError    **error);

typedef enum
{
  COBALT_DATABASE_OPEN_DEFAULT        = 0,
  /* No daily automatic backup at open: the window opens the database
   * again (in a thread) after its first frame to make it. */
  COBALT_DATABASE_OPEN_NO_AUTO_BACKUP = 1 << 0,
  /* Only quick_check at open, not the whole integrity_check, so the first
   * frame does not wait for it: the caller checks the whole file soon
   * after (cobalt_database_check_integrity(), or another open without
   * this flag, in a thread). A migration still checks the whole file. */
  COBALT_DATABASE_OPEN_QUICK_CHECK    = 1 << 1,
  /* The person chose to start an empty log: create the file even though
   * backups or files set aside exist beside it. */
  COBALT_DATABASE_OPEN_NEW_LOG        = 1 << 2,
} CobaltDatabaseOpenFlags;

/* cobalt_database_open() with @flags. */
CobaltDatabase  *cobalt_database_open_full         (const char              *data_dir,
                                                    CobaltDatabaseOpenFlags  flags,
                                                    GError                 **error);
/* A private in-memory database with the newest schema: for tests. */
CobaltDatabase  *cobalt_database_new_in_memory     (GError    **error);

/* NULL for an in-memory database. */
const char      *cobalt_database_get_data_dir      (CobaltDatabase *self);
const char      *cobalt_database_get_path          (CobaltDatabase *self);
guint            cobalt_database_get_schema_version (CobaltDatabase *self);
/* The schema version this build writes. */
guint            cobalt_database_get_latest_schema_version (void);

/* PRAGMA data_version: changes when another connection (process) commits.
 * Poll it to notice changes made by cobalt / cobalt-reminder. */
gint64           cobalt_database_get_data_version  (CobaltDatabase *self,
                                                    GError        **error);

CobaltStatement *cobalt_database_prepare           (CobaltDatabase *self,
                                                    const char     *sql,
                                                    GError        **error);
/* Runs constant SQL (no parameters: never build SQL from user data). */
gboolean         cobalt_database_exec              (CobaltDatabase *self,
                                                    const char     *sql,
                                                    GError        **error);
gint64           cobalt_database_get_last_insert_id (CobaltDatabase *self);
/* Rows changed by the last INSERT/UPDATE/DELETE. */
int              cobalt_database_get_changes       (CobaltDatabase *self);

/* Write transactions: BEGIN IMMEDIATE (so two processes never deadlock
 * upgrading a read lock), COMMIT, ROLLBACK. Not nestable. After a COMMIT
 * that changed rows succeeded, ::committed names the tables it changed
 * (the repository's ::changed comes from there). */
gboolean         cobalt_database_begin_write       (CobaltDatabase *self,
                                                    GError        **error);
gboolean         cobalt_database_commit            (CobaltDatabase *self,
                                                    GError        **error);
void             cobalt_database_rollback          (CobaltDatabase *self);
gboolean         cobalt_database_in_transaction    (CobaltDatabase *self);

typedef gboolean (*CobaltDatabaseWriteFunc) (CobaltDatabase *database,
                                             gpointer        user_data,
                                             GError        **error);
/* begin_write, @func, commit; rolls back when @func or the commit fails,
 * so nothing is ever half-written. */
gboolean         cobalt_database_run_write         (CobaltDatabase          *self,
                                                    CobaltDatabaseWriteFunc  func,
                                                    gpointer                 user_data,
                                                    GError                 **error);

/* Settings table helpers (usable inside or outside a transaction); the
 * SQL is in cobalt-settings-table.c. */
char            *cobalt_database_get_setting       (CobaltDatabase *self,
                                                    const char     *key,
                                                    GError        **error);
gboolean         cobalt_database_set_setting       (CobaltDatabase *self,
                                                    const char     *key,
                                                    const char     *value,
                                                    GError        **error);

/* Checks the whole of the log at @path (PRAGMA integrity_check: every
 * page, every index against its table) on a read-only connection of its
 * own, so it may run in a thread while other connections read and write
 * (a writer's COMMIT waits for it, within the busy timeout). CORRUPT on
 * any damage, with SQLite's first finding; G_IO_ERROR_CANCELLED when
 * @cancellable was cancelled. Never writes. */
gboolean         cobalt_database_check_integrity   (const char     *path,
                                                    GCancellable   *cancellable,
                                                    GError        **error);

/* Backups ------------------------------------------------------------------ */

/* VACUUM INTO a temporary name in data_dir/backups (0600), synced and
 * verified with integrity_check (removed when it fails), then renamed to
 * cobalt-YYYYMMDD-HHMMSS.db, never over another file; rotation keeps the
 * newest COBALT_DATABASE_BACKUPS_KEPT. Returns the new file's path. */
char            *cobalt_database_backup            (CobaltDatabase *self,
                                                    GError        **error);
/* The same verified copy at @path, a file the user chose (0600); never
 * over an existing file unless @replace. */
gboolean         cobalt_database_backup_to_file    (CobaltDatabase *self,
                                                    const char     *path,
                                                    gboolean        replace,
                                                    GError        **error);
/* Backup file paths in @data_dir, newest first (never NULL); a file that
 * is shorter than its header says (half-written) is not one. */
GPtrArray       *cobalt_database_list_backups      (const char     *data_dir);
/* TRUE when @path is a Cobalt database that passes integrity_check and
 * whose schema this build can read. Never writes to @path. */
gboolean         cobalt_database_verify_file       (const char     *path,
                                                    GError        **error);
/* Verifies @backup_path, copies it to a temporary name beside cobalt.db
 * (0600), syncs and verifies the copy; then, holding the write lock,
 * keeps the current cobalt.db (if present) as cobalt.db.replaced-DATE (a
 * hard link, with its journal) and renames the copy over it. A crash at
 * any point leaves the old log or the restored one. Close every
 * CobaltDatabase on @data_dir first. @kept_path (optional) receives the
 * name the replaced log is kept under, or NULL when there was none. */
gboolean         cobalt_database_restore_backup    (const char     *data_dir,
                                                    const char     *backup_path,
                                                    char          **kept_path,
                                                    GError        **error);
/* Files beside cobalt.db that hold the log as it once was, newest first
 * (never NULL): cobalt.db.corrupt-DATE (moved aside) and
 * cobalt.db.replaced-DATE (replaced by a restore). */
GPtrArray       *cobalt_database_list_set_aside    (const char     *data_dir);
/* TRUE when @data_dir holds a backup or a file set aside: a missing or
 * empty cobalt.db beside them lost its data, it is not a first start. */
gboolean         cobalt_database_has_recoverable   (const char     *data_dir);
/* Renames an unreadable cobalt.db (and its journal) to
 * cobalt.db.corrupt-YYYYMMDD-HHMMSS, bytes intact, so it can be handed to
 * someone who can rescue it; @new_path receives the new name. */
gboolean         cobalt_database_move_aside        (const char     *data_dir,
                                                    char          **new_path,
                                                    GError        **error);

G_END_DECLS
