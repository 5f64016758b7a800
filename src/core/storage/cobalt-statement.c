/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "cobalt-database.h"
#include "cobalt-database-private.h"

/* Prepared statements with typed binds and gets, each bind taking a
 * GError so repository code stays a straight line of && calls. */

struct _CobaltStatement
{
  sqlite3_stmt   *stmt;
  CobaltDatabase *database;   /* a reference: statements keep the connection alive */
  /* Valid UTF-8 copies of the current row's broken text, kept until the
   * next step or reset like SQLite's own text (NULL until needed). */
  GPtrArray      *repaired;
};

CobaltStatement *
cobalt_statement_new (CobaltDatabase *database,
                      sqlite3_stmt   *stmt)
{
  CobaltStatement *self = g_new0 (CobaltStatement, 1);

  self->stmt = stmt;
  self->database = g_object_ref (database);
  return self;
}

void
cobalt_statement_free (CobaltStatement *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->stmt);
  g_clear_object (&self->database);
  g_clear_pointer (&self->repaired, g_ptr_array_unref);
  g_free (self);
}

static void
forget_repaired (CobaltStatement *self)
{
  if (self->repaired != NULL)
    g_ptr_array_set_size (self->repaired, 0);
}

static gboolean
check_bind (CobaltStatement  *self,
            int               rc,
            GError          **error)
{
  if (rc == SQLITE_OK)
    return TRUE;
  cobalt_database_set_sqlite_error (error, cobalt_database_get_handle (self->database), rc);
  return FALSE;
}

gboolean
cobalt_statement_bind_text (CobaltStatement  *self,
                            int               index,
                            const char       *value,
                            GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (value == NULL)
    return check_bind (self, sqlite3_bind_null (self->stmt, index), error);
  return check_bind (self, sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT), error);
}

gboolean
cobalt_statement_bind_int64 (CobaltStatement  *self,
                             int               index,
                             gint64            value,
                             GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return check_bind (self, sqlite3_bind_int64 (self->stmt, index, value), error);
}

gboolean
cobalt_statement_bind_double (CobaltStatement  *self,
                              int               index,
                              double            value,
                              GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return check_bind (self, sqlite3_bind_double (self->stmt, index, value), error);
}

gboolean
cobalt_statement_bind_null (CobaltStatement  *self,
                            int               index,
                            GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return check_bind (self, sqlite3_bind_null (self->stmt, index), error);
}

gboolean
cobalt_statement_bind_id (CobaltStatement  *self,
                          int               index,
                          gint64            id,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (id == 0)
    return check_bind (self, sqlite3_bind_null (self->stmt, index), error);
  return check_bind (self, sqlite3_bind_int64 (self->stmt, index, id), error);
}

gboolean
cobalt_statement_bind_date (CobaltStatement  *self,
                            int               index,
                            const GDate      *date,
                            GError          **error)
{
  char text[16];

  g_return_val_if_fail (self != NULL, FALSE);

  if (date == NULL || !g_date_valid (date))
    return check_bind (self, sqlite3_bind_null (self->stmt, index), error);

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
  return check_bind (self, sqlite3_bind_text (self->stmt, index, text, -1, SQLITE_TRANSIENT), error);
}

gboolean
cobalt_statement_step (CobaltStatement  *self,
                       GError          **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  forget_repaired (self);
  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    cobalt_database_set_sqlite_error (error, cobalt_database_get_handle (self->database), rc);
  return FALSE;
}

gboolean
cobalt_statement_execute (CobaltStatement  *self,
                          GError          **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  forget_repaired (self);
  while ((rc = sqlite3_step (self->stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      cobalt_database_set_sqlite_error (error, cobalt_database_get_handle (self->database), rc);
      return FALSE;
    }
  return TRUE;
}

void
cobalt_statement_reset (CobaltStatement *self)
{
  g_return_if_fail (self != NULL);

  forget_repaired (self);
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
}

gboolean
cobalt_statement_get_is_null (CobaltStatement *self,
                              int              column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

gint64
cobalt_statement_get_int64 (CobaltStatement *self,
                            int              column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int64 (self->stmt, column);
}

gint64
cobalt_statement_get_id (CobaltStatement *self,
                         int              column)
{
  g_return_val_if_fail (self != NULL, 0);

  if (sqlite3_column_type (self->stmt, column) == SQLITE_NULL)
    return 0;
  return sqlite3_column_int64 (self->stmt, column);
}

double
cobalt_statement_get_double (CobaltStatement *self,
                             int              column)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return sqlite3_column_double (self->stmt, column);
}

gboolean
cobalt_statement_get_boolean (CobaltStatement *self,
                              int              column)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return sqlite3_column_int64 (self->stmt, column) != 0;
}

const char *
cobalt_statement_get_text (CobaltStatement *self,
                           int              column)
{
  const char *text;
  int length;
  char *repaired;

  g_return_val_if_fail (self != NULL, NULL);

  text = (const char *) sqlite3_column_text (self->stmt, column);
  if (text == NULL)
    return NULL;

  /* Cobalt only writes UTF-8, but a damaged or hand-edited file may hold
   * anything: every text leaves storage valid, a broken sequence (or a
   * NUL inside the value) as U+FFFD, so no export or widget walks past
   * the end of a string. */
  length = sqlite3_column_bytes (self->stmt, column);
  if (G_LIKELY (g_utf8_validate_len (text, length, NULL)))
    return text;

  repaired = g_utf8_make_valid (text, length);
  if (self->repaired == NULL)
    self->repaired = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->repaired, repaired);
  return repaired;
}

gboolean
cobalt_statement_get_date (CobaltStatement *self,
                           int              column,
                           GDate           *date)
{
  const char *text;
  guint year, month, day;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  text = (const char *) sqlite3_column_text (self->stmt, column);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}
