/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The resting_sites table: injection sites a person keeps out of the
 * rotation until a day (a bruise, a rash, the clinic's advice). */

typedef enum
{
  RESTING_SITES_SELECT_BY_PERSON,
  RESTING_SITES_UPSERT,
  RESTING_SITES_DELETE,
  N_RESTING_SITES_STATEMENTS
} RestingSitesStatement;

static const char * const resting_sites_sql[N_RESTING_SITES_STATEMENTS] = {
  [RESTING_SITES_SELECT_BY_PERSON] =
    "SELECT site_id, until, reason FROM resting_sites WHERE person_id = ?1 "
    "ORDER BY until, site_id",
  [RESTING_SITES_UPSERT] =
    "INSERT INTO resting_sites (person_id, site_id, until, reason) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id, site_id) DO UPDATE "
    "SET until = excluded.until, reason = excluded.reason",
  [RESTING_SITES_DELETE] =
    "DELETE FROM resting_sites WHERE person_id = ?1 AND site_id = ?2",
};

static CobaltStatement *
prepare (CobaltDatabase         *db,
         RestingSitesStatement   which,
         GError                **error)
{
  return cobalt_database_prepare (db, resting_sites_sql[which], error);
}

GPtrArray *
cobalt_resting_sites_table_select_by_person (CobaltDatabase  *db,
                                             gint64           person_id,
                                             GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, RESTING_SITES_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_resting_site_free);
  while (cobalt_statement_step (stmt, &local_error))
    {
      GDate until;

      cobalt_statement_get_date (stmt, 1, &until);
      g_ptr_array_add (list, cobalt_resting_site_new (cobalt_statement_get_text (stmt, 0), &until,
                                                      cobalt_statement_get_text (stmt, 2)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&list);
}

gboolean
cobalt_resting_sites_table_upsert (CobaltDatabase           *db,
                                   gint64                    person_id,
                                   const CobaltRestingSite  *resting,
                                   GError                  **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, RESTING_SITES_UPSERT, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, person_id, error) &&
         cobalt_statement_bind_text (stmt, 2, resting->site_id, error) &&
         cobalt_statement_bind_date (stmt, 3, &resting->until, error) &&
         cobalt_statement_bind_text (stmt, 4, resting->reason, error) &&
         cobalt_statement_execute (stmt, error);
}

gboolean
cobalt_resting_sites_table_delete (CobaltDatabase  *db,
                                   gint64           person_id,
                                   const char      *site_id,
                                   GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, RESTING_SITES_DELETE, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, person_id, error) &&
         cobalt_statement_bind_text (stmt, 2, site_id, error) &&
         cobalt_statement_execute (stmt, error);
}
