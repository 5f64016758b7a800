/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"
#include "cobalt-migrations.h"
#include "cobalt-tables-private.h"

struct _CobaltDatabase
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *data_dir;     /* NULL in memory */
  char     *path;
  guint     schema_version;

  /* Tables the open write transaction changed (interned names), handed
   * to ::committed once its COMMIT succeeded. */
  GPtrArray *touched;
};

G_DEFINE_FINAL_TYPE (CobaltDatabase, cobalt_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every database Cobalt writes begins with this: anything else at the
 * database path is somebody's file that must not be overwritten. */
static const char sqlite_magic[16] = "SQLite format 3";

/* Sets @is_new when the file is missing or empty (a database still to be
 * created). */
static gboolean
prepare_database_file (const char               *data_dir,
                       const char               *path,
                       CobaltDatabaseOpenFlags   flags,
                       gboolean                 *is_new,
                       GError                  **error)
{
  GStatBuf st;
  char header[16];
  ssize_t n;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          cobalt_database_set_errno_error (error, errno, path);
          return FALSE;
        }
      /* No log, but backups or the log set aside beside it: it was lost
       * (a crash while it was being replaced, a file removed by hand),
       * and starting an empty one would hide that. Only the person may
       * choose an empty log now. */
      if (!(flags & COBALT_DATABASE_OPEN_NEW_LOG) && cobalt_database_has_recoverable (data_dir))
        {
          g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_MISSING,
                       _("Cobalt’s database file “%s” is missing, but backups or earlier copies of it "
                         "are in “%s”. Cobalt has not started an empty log"),
                       path, data_dir);
          return FALSE;
        }
      if (!cobalt_database_create_private_file (path, error))
        return FALSE;
      *is_new = TRUE;
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_OPEN,
                   _("Cobalt could not open its database: “%s” is not a regular file"), path);
      return FALSE;
    }

  if ((st.st_mode & 077) != 0 && st.st_uid == geteuid ())
    {
      if (g_chmod (path, 0600) != 0)
        g_debug ("Could not tighten the mode of %s: %s", path, g_strerror (errno));
    }

  if (st.st_size == 0)
    {
      /* Backups are only made of a database that had data: an empty file
       * beside them (or beside a log set aside) is a log that lost its
       * bytes, not a first start that stopped early. Starting an empty
       * log over it would hide that. */
      if (!(flags & COBALT_DATABASE_OPEN_NEW_LOG) && cobalt_database_has_recoverable (data_dir))
        {
          g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                       _("Cobalt’s database file is damaged: “%s” is empty, but backups of it exist"), path);
          return FALSE;
        }
      *is_new = TRUE;
      return TRUE;
    }

  /* SQLite itself may take a short or foreign file for an empty database
   * and write over it; look at the magic first so that never happens. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      cobalt_database_set_errno_error (error, errno, path);
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  g_close (fd, NULL);

  if (n != (ssize_t) sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                   _("Cobalt’s database file is damaged or is not a database: “%s”"), path);
      return FALSE;
    }

  return TRUE;
}

/* Checks -------------------------------------------------------------------- */

static gboolean
query_int64 (sqlite3     *db,
             const char  *sql,
             gint64      *value,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  cobalt_database_set_sqlite_error (error, db, rc);
  sqlite3_finalize (stmt);
  return FALSE;
}

/* quick_check or integrity_check; CORRUPT with SQLite's first finding.
 * The whole check reads every page, so an interrupt (a cancelled
 * cobalt_database_check_integrity()) is reported as it is. */
static gboolean
run_check (sqlite3              *db,
           CobaltDatabaseCheck   check,
           GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  const char *finding;
  int rc;

  /* One finding is enough to refuse the file. */
  rc = sqlite3_prepare_v2 (db, check == COBALT_DATABASE_CHECK_FULL ? "PRAGMA integrity_check(1)"
                                                                  : "PRAGMA quick_check(1)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_INTERRUPT)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The check of the database was cancelled");
      else
        {
          cobalt_database_set_sqlite_error (error, db, rc);
          if (error != NULL && *error != NULL && (*error)->code == COBALT_DATABASE_ERROR_SQLITE)
            (*error)->code = COBALT_DATABASE_ERROR_CORRUPT;
        }
      sqlite3_finalize (stmt);
      return FALSE;
    }

  finding = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (finding, "ok") != 0)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                   "%s: %s", _("Cobalt’s database file is damaged"),
                   finding != NULL ? finding : "?");
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
cobalt_database_check_handle (sqlite3              *db,
                              CobaltDatabaseCheck   check,
                              guint                *user_version,
                              gboolean             *is_empty,
                              GError              **error)
{
  gint64 application_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  char version_text[24];

  if (!query_int64 (db, "PRAGMA application_id", &application_id, error) ||
      !query_int64 (db, "PRAGMA user_version", &version, error))
    return FALSE;
  /* Both are signed 32-bit numbers in the file's header. */
  g_snprintf (version_text, sizeof version_text, "%" G_GINT64_FORMAT, version);

  if (application_id != COBALT_DATABASE_APPLICATION_ID &&
      (application_id != 0 || version != 0))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_COBALT,
                   _("The database file belongs to another application, so Cobalt will not change it"));
      return FALSE;
    }

  if (version > cobalt_migrations_get_latest ())
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Cobalt (schema %s; this version knows %u). "
                     "Please update Cobalt; the file has not been changed"),
                   version_text, cobalt_migrations_get_latest ());
      return FALSE;
    }

  /* Cobalt writes its application id and a version of 1 or more in one
   * transaction (cobalt-migrations.c): its id beside 0 or a negative
   * number was never written by any Cobalt. Refused before anything can
   * write, like a damaged file: moved aside whole and a backup offered. */
  if (application_id == COBALT_DATABASE_APPLICATION_ID && version < 1)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                   _("Cobalt’s database file is damaged: no version of Cobalt writes schema version %s, "
                     "so the file has not been opened or changed"),
                   version_text);
      return FALSE;
    }

  if (!query_int64 (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id == 0 && n_objects > 0)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_COBALT,
                   _("The database file belongs to another application, so Cobalt will not change it"));
      return FALSE;
    }

  if (check != COBALT_DATABASE_CHECK_NONE && !run_check (db, check, error))
    return FALSE;

  if (user_version != NULL)
    *user_version = (guint) version;
  if (is_empty != NULL)
    *is_empty = (n_objects == 0);
  return TRUE;
}

/* Looks at the file through a read-only connection, so a file this build
 * must not use (newer, foreign, damaged) is refused without a single write.
 * @checked is FALSE when a hot journal stopped the check (the read-write
 * open rolls it back and must check then). */
static gboolean
probe_read_only (const char           *path,
                 CobaltDatabaseCheck   check,
                 gboolean             *checked,
                 GError              **error)
{
  sqlite3 *ro = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &ro, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, ro, rc);
      sqlite3_close_v2 (ro);
      return FALSE;
    }
  sqlite3_extended_result_codes (ro, 1);
  sqlite3_busy_timeout (ro, 5000);

  *checked = FALSE;
  if (!cobalt_database_check_handle (ro, check, NULL, NULL, &local_error))
    {
      sqlite3_close_v2 (ro);
      /* A hot journal (a crash during a write) needs a writer to roll it
       * back; SQLite restores the last committed state on the read-write
       * open, which the checks there then see. */
      if (g_error_matches (local_error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_READ_ONLY))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  sqlite3_close_v2 (ro);
  *checked = TRUE;
  return TRUE;
}

/* Migrations ------------------------------------------------------------- */

static gboolean
run_migration_step (CobaltDatabase         *self,
                    const CobaltMigration  *step,
                    GError                **error)
{
  g_autofree char *bump = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 version = 0;
  char *message = NULL;
  int rc;

  if (step->rebuilds_tables &&
      !cobalt_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!cobalt_database_begin_write (self, &local_error))
    goto out;

  /* Another process (cobalt-reminder) may have migrated meanwhile. */
  if (!query_int64 (self->db, "PRAGMA user_version", &version, &local_error))
    goto out;
  if (version >= step->version)
    {
      cobalt_database_rollback (self);
      goto out;
    }

  rc = sqlite3_exec (self->db, step->sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      CobaltDatabaseError code = cobalt_database_error_code_for_sqlite (rc);

      g_set_error (&local_error, COBALT_DATABASE_ERROR, code,
                   _("Cobalt could not update its database to version %u: %s"),
                   step->version, message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      goto out;
    }

  if (step->rebuilds_tables)
    {
      g_autoptr(CobaltStatement) check = NULL;

      check = cobalt_database_prepare (self, "PRAGMA foreign_key_check", &local_error);
      if (check == NULL)
        goto out;
      if (cobalt_statement_step (check, &local_error))
        {
          g_set_error (&local_error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT,
                       _("Cobalt could not update its database to version %u: rows in “%s” lost their link"),
                       step->version, cobalt_statement_get_text (check, 0));
          goto out;
        }
      if (local_error != NULL)
        goto out;
    }

  /* Verified before it counts: the step's tables and indexes are whole
   * (SQLite's journal makes the transaction itself all or nothing). */
  if (!run_check (self->db, COBALT_DATABASE_CHECK_QUICK, &local_error))
    goto out;

  /* The text is constant but for two integers of our own (the application
   * id and this step's version, never anything read from a file or typed):
   * PRAGMAs take no bound parameters, so they are formatted here. */
  bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                          COBALT_DATABASE_APPLICATION_ID, step->version);
  if (!cobalt_database_exec (self, bump, &local_error))
    goto out;

  cobalt_database_commit (self, &local_error);

out:
  if (local_error != NULL)
    cobalt_database_rollback (self);
  if (step->rebuilds_tables)
    cobalt_database_exec (self, "PRAGMA foreign_keys = ON", local_error == NULL ? &local_error : NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* @check: what is still to be checked of the file; @done: what the
 * read-only probe checked already. */
static gboolean
migrate (CobaltDatabase       *self,
         CobaltDatabaseCheck   check,
         CobaltDatabaseCheck   done,
         GError              **error)
{
  guint latest = cobalt_migrations_get_latest ();
  gboolean is_empty = TRUE;
  guint version = 0;
  gint64 now_version = 0;

  if (!cobalt_database_check_handle (self->db, check, &version, &is_empty, error))
    return FALSE;

  if (version < latest && !is_empty && self->data_dir != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *backup = NULL;

      /* Nothing is rewritten before the whole file was found sound. */
      if (check != COBALT_DATABASE_CHECK_FULL && done != COBALT_DATABASE_CHECK_FULL &&
          !run_check (self->db, COBALT_DATABASE_CHECK_FULL, error))
        return FALSE;

      backup = cobalt_database_backup (self, &local_error);
      if (backup == NULL)
        {
          g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BACKUP,
                       _("Cobalt did not update its database because a backup could not be made first: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  for (guint v = version + 1; v <= latest; v++)
    {
      const CobaltMigration *step = cobalt_migrations_lookup (v);

      /* cobalt_database_check_handle() let only known versions through;
       * still, nothing a file holds may reach an assertion. */
      if (step == NULL)
        {
          g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CORRUPT,
                       _("Cobalt’s database file is damaged: no version of Cobalt writes schema version %u, "
                         "so the file has not been opened or changed"),
                       v - 1);
          return FALSE;
        }
      if (!run_migration_step (self, step, error))
        return FALSE;
    }

  if (!query_int64 (self->db, "PRAGMA user_version", &now_version, error))
    return FALSE;
  self->schema_version = (guint) now_version;
  return TRUE;
}

/* Makes the daily backup when one is due. A failure does not stop Cobalt
 * from opening: the data is fine, only the extra copy is missing. */
static void
maybe_auto_backup (CobaltDatabase *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *enabled = NULL;
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;
  gint64 last_us = 0;
  gint64 now_us = g_get_real_time ();

  enabled = cobalt_database_get_setting (self, COBALT_SETTING_AUTO_BACKUP, NULL);
  if (g_strcmp0 (enabled, "0") == 0)
    return;

  last = cobalt_database_get_setting (self, COBALT_SETTING_LAST_BACKUP, NULL);
  if (last != NULL)
    last_us = g_ascii_strtoll (last, NULL, 10);

  /* A clock set back far past the last backup also counts as due. */
  if (last_us > 0 && now_us >= last_us && now_us - last_us < G_TIME_SPAN_DAY)
    return;

  path = cobalt_database_backup (self, &error);
  if (path == NULL)
    g_message ("Automatic backup failed: %s", error->message);
}

/* Called by SQLite for every row a statement inserts, updates or deletes
 * (Cobalt's tables are all rowid tables, so none is missed). A write
 * touches few tables, so a short list beats a hash. */
static void
on_row_changed (void          *user_data,
                int            op,
                const char    *db_name,
                const char    *table,
                sqlite3_int64  rowid)
{
  CobaltDatabase *self = user_data;

  for (guint i = 0; i < self->touched->len; i++)
    if (strcmp (g_ptr_array_index (self->touched, i), table) == 0)
      return;
  g_ptr_array_add (self->touched, (gpointer) g_intern_string (table));
}

static gboolean
configure_connection (CobaltDatabase  *self,
                      gboolean         in_memory,
                      GError         **error)
{
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
  sqlite3_update_hook (self->db, on_row_changed, self);

  if (!cobalt_database_exec (self,
                             "PRAGMA trusted_schema = OFF;"
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA busy_timeout = 5000;"
                             "PRAGMA synchronous = FULL;",
                             error))
    return FALSE;

  /* Not WAL: both processes write, and Debian's SQLite carries the
   * WAL-reset bug. */
  if (!in_memory && !cobalt_database_exec (self, "PRAGMA journal_mode = DELETE", error))
    return FALSE;

  return TRUE;
}

/* GObject ------------------------------------------------------------------ */

static void
cobalt_database_finalize (GObject *object)
{
  CobaltDatabase *self = (CobaltDatabase *) object;

  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->touched, g_ptr_array_unref);

  G_OBJECT_CLASS (cobalt_database_parent_class)->finalize (object);
}

static void
cobalt_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltDatabase *self = COBALT_DATABASE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_uint (value, self->schema_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_database_class_init (CobaltDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cobalt_database_finalize;
  object_class->get_property = cobalt_database_get_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_uint ("schema-version", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltDatabase::committed:
   * @tables: (array zero-terminated=1): the tables the transaction changed
   *
   * Emitted after the COMMIT of a write transaction (begin_write … commit)
   * that changed at least one row succeeded; never for one rolled back.
   * Writes outside such a transaction are not reported.
   */
  signals[COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cobalt_database_init (CobaltDatabase *self)
{
  self->touched = g_ptr_array_new ();
}

/* Public: connection ------------------------------------------------------- */

sqlite3 *
cobalt_database_get_handle (CobaltDatabase *self)
{
  return self->db;
}

CobaltDatabase *
cobalt_database_open (const char  *data_dir,
                      GError     **error)
{
  return cobalt_database_open_full (data_dir, COBALT_DATABASE_OPEN_DEFAULT, error);
}

CobaltDatabase *
cobalt_database_open_full (const char               *data_dir,
                           CobaltDatabaseOpenFlags   flags,
                           GError                  **error)
{
  g_autoptr(CobaltDatabase) self = NULL;
  CobaltDatabaseCheck check;
  gboolean checked = FALSE;
  gboolean is_new = FALSE;
  int rc;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Damage is found before anything trusts (or writes to) the file: the
   * whole of it is read unless the caller checks it soon after. */
  check = (flags & COBALT_DATABASE_OPEN_QUICK_CHECK) ? COBALT_DATABASE_CHECK_QUICK
                                                     : COBALT_DATABASE_CHECK_FULL;

  self = g_object_new (COBALT_TYPE_DATABASE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, COBALT_DATABASE_FILENAME, NULL);

  if (!cobalt_database_ensure_private_dir (data_dir, error))
    return NULL;

  cobalt_database_clean_up (data_dir);

  if (!prepare_database_file (data_dir, self->path, flags, &is_new, error))
    return NULL;

  if (!is_new && !probe_read_only (self->path, check, &checked, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  /* SQLite quietly opens a write-protected file read-only; Cobalt would
   * then fail on the first dose, so say so now. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_READ_ONLY,
                   _("Cobalt cannot save to “%s” because the file is read-only"), self->path);
      return NULL;
    }

  if (!configure_connection (self, FALSE, error))
    return NULL;

  if (!migrate (self, checked ? COBALT_DATABASE_CHECK_NONE : check,
                checked ? check : COBALT_DATABASE_CHECK_NONE, error))
    return NULL;

  if (!is_new && !(flags & COBALT_DATABASE_OPEN_NO_AUTO_BACKUP))
    maybe_auto_backup (self);

  return g_steal_pointer (&self);
}

CobaltDatabase *
cobalt_database_new_in_memory (GError **error)
{
  g_autoptr(CobaltDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COBALT_TYPE_DATABASE, NULL);
  self->path = g_strdup (":memory:");

  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  if (!configure_connection (self, TRUE, error) || !migrate (self, COBALT_DATABASE_CHECK_NONE,
                                                                COBALT_DATABASE_CHECK_FULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
cobalt_database_get_data_dir (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), NULL);

  return self->data_dir;
}

const char *
cobalt_database_get_path (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), NULL);

  return self->path;
}

guint
cobalt_database_get_schema_version (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), 0);

  return self->schema_version;
}

guint
cobalt_database_get_latest_schema_version (void)
{
  return cobalt_migrations_get_latest ();
}

gint64
cobalt_database_get_data_version (CobaltDatabase  *self,
                                  GError         **error)
{
  gint64 version = -1;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), -1);

  if (!query_int64 (self->db, "PRAGMA data_version", &version, error))
    return -1;
  return version;
}

CobaltStatement *
cobalt_database_prepare (CobaltDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, self->db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return cobalt_statement_new (self, stmt);
}

gboolean
cobalt_database_exec (CobaltDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      cobalt_database_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

gint64
cobalt_database_get_last_insert_id (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

int
cobalt_database_get_changes (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), 0);

  return sqlite3_changes (self->db);
}

/* Public: transactions ---------------------------------------------------- */

gboolean
cobalt_database_begin_write (CobaltDatabase  *self,
                             GError         **error)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);

  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_SQLITE,
                   "%s: %s", _("Cobalt’s database reported an error"),
                   "a write transaction is already open");
      return FALSE;
    }

  /* Rows written outside a transaction are not this one's news. */
  g_ptr_array_set_size (self->touched, 0);

  /* IMMEDIATE takes the write lock now: two processes that both read first
   * and then write could otherwise deadlock, one of them failing BUSY. */
  return cobalt_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cobalt_database_commit (CobaltDatabase  *self,
                        GError         **error)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);

  if (!cobalt_database_exec (self, "COMMIT", error))
    {
      /* A failed COMMIT (busy, disk full) may leave the transaction open;
       * never keep half a write around for the next one to commit. */
      cobalt_database_rollback (self);
      return FALSE;
    }

  /* Only now is the change real. The list is taken first: a handler may
   * well start the next transaction. */
  if (self->touched->len > 0)
    {
      g_autoptr(GPtrArray) tables = g_steal_pointer (&self->touched);

      self->touched = g_ptr_array_new ();
      g_ptr_array_add (tables, NULL);
      g_signal_emit (self, signals[COMMITTED], 0, (const char * const *) tables->pdata);
    }
  return TRUE;
}

void
cobalt_database_rollback (CobaltDatabase *self)
{
  g_return_if_fail (COBALT_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_ptr_array_set_size (self->touched, 0);
}

gboolean
cobalt_database_in_transaction (CobaltDatabase *self)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}

gboolean
cobalt_database_run_write (CobaltDatabase           *self,
                           CobaltDatabaseWriteFunc   func,
                           gpointer                  user_data,
                           GError                  **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!cobalt_database_begin_write (self, error))
    return FALSE;

  if (!func (self, user_data, &local_error))
    {
      cobalt_database_rollback (self);
      if (local_error == NULL)
        g_set_error_literal (&local_error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_SQLITE,
                             _("Cobalt’s database reported an error"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return cobalt_database_commit (self, error);
}

/* Public: settings ------------------------------------------------------ */

char *
cobalt_database_get_setting (CobaltDatabase  *self,
                             const char      *key,
                             GError         **error)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return cobalt_settings_table_select (self, key, error);
}

gboolean
cobalt_database_set_setting (CobaltDatabase  *self,
                             const char      *key,
                             const char      *value,
                             GError         **error)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return cobalt_settings_table_set (self, key, value, error);
}
