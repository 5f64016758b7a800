/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The checkins table: wellbeing check-ins, part of the journal. One
 * column per measure, in checkin_measures' order. */

typedef enum
{
  CHECKINS_SELECT_BY_PERSON,
  CHECKINS_EXISTS,
  CHECKINS_INSERT,
  CHECKINS_INSERT_WITH_ID,
  CHECKINS_UPDATE,
  CHECKINS_DELETE,
  N_CHECKINS_STATEMENTS
} CheckinsStatement;

/* bind_checkin() fills ?1..?8; ?99 is the id. */
static const char * const checkins_sql[N_CHECKINS_STATEMENTS] = {
  [CHECKINS_SELECT_BY_PERSON] =
    "SELECT id, person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note "
    "FROM checkins WHERE person_id = ?1 ORDER BY at_us, id",
  [CHECKINS_EXISTS] =
    "SELECT 1 FROM checkins WHERE id = ?1",
  [CHECKINS_INSERT] =
    "INSERT INTO checkins (person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [CHECKINS_INSERT_WITH_ID] =
    "INSERT INTO checkins (id, person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note) "
    "VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [CHECKINS_UPDATE] =
    "UPDATE checkins SET at_us = ?2, energy = ?3, mood = ?4, fatigue = ?5, pins_and_needles = ?6, "
    "memory = ?7, note = ?8 WHERE id = ?99 AND person_id = ?1",
  [CHECKINS_DELETE] =
    "DELETE FROM checkins WHERE id = ?1",
};

/* The measures of columns 3.. (and parameters ?3..). */
static const CobaltCheckinMeasure checkin_measures[] = {
  COBALT_CHECKIN_ENERGY, COBALT_CHECKIN_MOOD, COBALT_CHECKIN_FATIGUE,
  COBALT_CHECKIN_PINS_AND_NEEDLES, COBALT_CHECKIN_MEMORY,
};

static CobaltStatement *
prepare (CobaltDatabase     *db,
         CheckinsStatement   which,
         GError            **error)
{
  return cobalt_database_prepare (db, checkins_sql[which], error);
}

static CobaltCheckin *
checkin_from_row (CobaltStatement *stmt)
{
  g_autoptr(GDateTime) at = cobalt_repository_get_time (stmt, 2);
  CobaltCheckin *checkin = cobalt_checkin_new (cobalt_statement_get_int64 (stmt, 1), at);

  checkin->id = cobalt_statement_get_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (checkin_measures); i++)
    if (!cobalt_statement_get_is_null (stmt, 3 + i))
      checkin->scores[checkin_measures[i]] = cobalt_statement_get_int64 (stmt, 3 + i);
  cobalt_set_str (&checkin->note, cobalt_statement_get_text (stmt, 8));
  return checkin;
}

static gboolean
bind_checkin (CobaltStatement  *stmt,
              CobaltCheckin    *c,
              GError          **error)
{
  if (!cobalt_statement_bind_int64 (stmt, 1, c->person_id, error) ||
      !cobalt_repository_bind_time (stmt, 2, c->at, error) ||
      !cobalt_statement_bind_text (stmt, 8, c->note, error))
    return FALSE;

  /* Not recorded is NULL, so averages and charts skip it. */
  for (guint i = 0; i < G_N_ELEMENTS (checkin_measures); i++)
    {
      int score = c->scores[checkin_measures[i]];
      gboolean ok = score == COBALT_CHECKIN_NOT_RECORDED
                      ? cobalt_statement_bind_null (stmt, 3 + i, error)
                      : cobalt_statement_bind_int64 (stmt, 3 + i, score, error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

GListModel *
cobalt_checkins_table_select_by_person (CobaltDatabase  *db,
                                        gint64           person_id,
                                        GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_CHECKIN);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, CHECKINS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltCheckin) checkin = checkin_from_row (stmt);

      g_list_store_append (store, checkin);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cobalt_checkins_table_insert (CobaltDatabase  *db,
                              CobaltCheckin   *checkin,
                              gint64          *new_id,
                              GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, CHECKINS_INSERT, error);
  if (stmt == NULL ||
      !bind_checkin (stmt, checkin, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_checkins_table_update (CobaltDatabase  *db,
                              CobaltCheckin   *checkin,
                              GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, CHECKINS_UPDATE, error);
  if (stmt == NULL ||
      !bind_checkin (stmt, checkin, error) ||
      !cobalt_statement_bind_int64 (stmt, 99, checkin->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_CHECKIN, checkin->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_checkins_table_delete (CobaltDatabase  *db,
                              gint64           checkin_id,
                              GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, CHECKINS_DELETE, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, checkin_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  /* Deleted meanwhile (another window) or never there. */
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_CHECKIN, checkin_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_checkins_table_restore (CobaltDatabase  *db,
                               CobaltCheckin   *checkin,
                               gint64          *new_id,
                               GError         **error)
{
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean taken;

  exists = prepare (db, CHECKINS_EXISTS, error);
  if (exists == NULL || !cobalt_statement_bind_int64 (exists, 1, checkin->id, error))
    return FALSE;
  taken = cobalt_statement_step (exists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Ids are not AUTOINCREMENT: a record added since the delete may have
   * taken the old one. The record then comes back under a new id. */
  insert = prepare (db, CHECKINS_INSERT_WITH_ID, error);
  if (insert == NULL ||
      !bind_checkin (insert, checkin, error) ||
      !cobalt_statement_bind_id (insert, 99, taken ? 0 : checkin->id, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}
