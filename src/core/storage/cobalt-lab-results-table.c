/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "cobalt-tables-private.h"

/* The lab_results table: blood test results, part of the journal. A
 * reference bound the lab did not give is NULL (NAN in the record). */

typedef enum
{
  LAB_RESULTS_SELECT_BY_PERSON,
  LAB_RESULTS_EXISTS,
  LAB_RESULTS_INSERT,
  LAB_RESULTS_INSERT_WITH_ID,
  LAB_RESULTS_UPDATE,
  LAB_RESULTS_DELETE,
  N_LAB_RESULTS_STATEMENTS
} LabResultsStatement;

/* bind_lab_result() fills ?1..?9; ?99 is the id. */
static const char * const lab_results_sql[N_LAB_RESULTS_STATEMENTS] = {
  [LAB_RESULTS_SELECT_BY_PERSON] =
    "SELECT id, person_id, taken_on, test, value, unit, ref_low, ref_high, lab_name, note "
    "FROM lab_results WHERE person_id = ?1 ORDER BY taken_on, id",
  [LAB_RESULTS_EXISTS] =
    "SELECT 1 FROM lab_results WHERE id = ?1",
  [LAB_RESULTS_INSERT] =
    "INSERT INTO lab_results (person_id, taken_on, test, value, unit, ref_low, ref_high, lab_name, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [LAB_RESULTS_INSERT_WITH_ID] =
    "INSERT INTO lab_results (id, person_id, taken_on, test, value, unit, ref_low, ref_high, "
    "lab_name, note) VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  [LAB_RESULTS_UPDATE] =
    "UPDATE lab_results SET taken_on = ?2, test = ?3, value = ?4, unit = ?5, ref_low = ?6, "
    "ref_high = ?7, lab_name = ?8, note = ?9 WHERE id = ?99 AND person_id = ?1",
  [LAB_RESULTS_DELETE] =
    "DELETE FROM lab_results WHERE id = ?1",
};

static CobaltStatement *
prepare (CobaltDatabase       *db,
         LabResultsStatement   which,
         GError              **error)
{
  return cobalt_database_prepare (db, lab_results_sql[which], error);
}

static double
get_optional_double (CobaltStatement *stmt,
                     int              column)
{
  if (cobalt_statement_get_is_null (stmt, column))
    return NAN;
  return cobalt_statement_get_double (stmt, column);
}

static CobaltLabResult *
lab_result_from_row (CobaltStatement *stmt)
{
  CobaltLabResult *result = cobalt_lab_result_new (cobalt_statement_get_int64 (stmt, 1),
                                                   cobalt_statement_get_int64 (stmt, 3),
                                                   cobalt_statement_get_double (stmt, 4),
                                                   cobalt_statement_get_text (stmt, 5));
  GDate taken_on;

  result->id = cobalt_statement_get_int64 (stmt, 0);
  if (cobalt_statement_get_date (stmt, 2, &taken_on))
    cobalt_set_date (&result->taken_on, &taken_on);
  result->ref_low = get_optional_double (stmt, 6);
  result->ref_high = get_optional_double (stmt, 7);
  cobalt_set_str (&result->lab_name, cobalt_statement_get_text (stmt, 8));
  cobalt_set_str (&result->note, cobalt_statement_get_text (stmt, 9));
  return result;
}

static gboolean
bind_optional_double (CobaltStatement  *stmt,
                      int               index,
                      double            value,
                      GError          **error)
{
  if (isnan (value))
    return cobalt_statement_bind_null (stmt, index, error);
  return cobalt_statement_bind_double (stmt, index, value, error);
}

static gboolean
bind_lab_result (CobaltStatement  *stmt,
                 CobaltLabResult  *r,
                 GError          **error)
{
  return cobalt_statement_bind_int64 (stmt, 1, r->person_id, error) &&
         cobalt_statement_bind_date (stmt, 2, r->taken_on, error) &&
         cobalt_statement_bind_int64 (stmt, 3, r->test, error) &&
         cobalt_statement_bind_double (stmt, 4, r->value, error) &&
         cobalt_statement_bind_text (stmt, 5, r->unit, error) &&
         bind_optional_double (stmt, 6, r->ref_low, error) &&
         bind_optional_double (stmt, 7, r->ref_high, error) &&
         cobalt_statement_bind_text (stmt, 8, r->lab_name, error) &&
         cobalt_statement_bind_text (stmt, 9, r->note, error);
}

GListModel *
cobalt_lab_results_table_select_by_person (CobaltDatabase  *db,
                                           gint64           person_id,
                                           GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_LAB_RESULT);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, LAB_RESULTS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltLabResult) result = lab_result_from_row (stmt);

      g_list_store_append (store, result);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cobalt_lab_results_table_insert (CobaltDatabase   *db,
                                 CobaltLabResult  *result,
                                 gint64           *new_id,
                                 GError          **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, LAB_RESULTS_INSERT, error);
  if (stmt == NULL ||
      !bind_lab_result (stmt, result, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_lab_results_table_update (CobaltDatabase   *db,
                                 CobaltLabResult  *result,
                                 GError          **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, LAB_RESULTS_UPDATE, error);
  if (stmt == NULL ||
      !bind_lab_result (stmt, result, error) ||
      !cobalt_statement_bind_int64 (stmt, 99, result->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_LAB_RESULT, result->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_lab_results_table_delete (CobaltDatabase  *db,
                                 gint64           result_id,
                                 GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, LAB_RESULTS_DELETE, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, result_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  /* Deleted meanwhile (another window) or never there. */
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_LAB_RESULT, result_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_lab_results_table_restore (CobaltDatabase   *db,
                                  CobaltLabResult  *result,
                                  gint64           *new_id,
                                  GError          **error)
{
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean taken;

  exists = prepare (db, LAB_RESULTS_EXISTS, error);
  if (exists == NULL || !cobalt_statement_bind_int64 (exists, 1, result->id, error))
    return FALSE;
  taken = cobalt_statement_step (exists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Ids are not AUTOINCREMENT: a record added since the delete may have
   * taken the old one. The record then comes back under a new id. */
  insert = prepare (db, LAB_RESULTS_INSERT_WITH_ID, error);
  if (insert == NULL ||
      !bind_lab_result (insert, result, error) ||
      !cobalt_statement_bind_id (insert, 99, taken ? 0 : result->id, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}
