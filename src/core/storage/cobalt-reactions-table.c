/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The reactions table: reactions noted after a dose (or on their own),
 * part of the journal. */

typedef enum
{
  REACTIONS_SELECT_BY_PERSON,
  REACTIONS_EXISTS,
  REACTIONS_INSERT,
  REACTIONS_INSERT_WITH_ID,
  REACTIONS_UPDATE,
  REACTIONS_DELETE,
  N_REACTIONS_STATEMENTS
} ReactionsStatement;

/* bind_reaction() fills ?1..?6; ?99 is the id. */
static const char * const reactions_sql[N_REACTIONS_STATEMENTS] = {
  [REACTIONS_SELECT_BY_PERSON] =
    "SELECT id, person_id, dose_id, noted_at_us, kind, level, note FROM reactions "
    "WHERE person_id = ?1 ORDER BY noted_at_us, id",
  [REACTIONS_EXISTS] =
    "SELECT 1 FROM reactions WHERE id = ?1",
  [REACTIONS_INSERT] =
    "INSERT INTO reactions (person_id, dose_id, noted_at_us, kind, level, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [REACTIONS_INSERT_WITH_ID] =
    "INSERT INTO reactions (id, person_id, dose_id, noted_at_us, kind, level, note) "
    "VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6)",
  [REACTIONS_UPDATE] =
    "UPDATE reactions SET dose_id = ?2, noted_at_us = ?3, kind = ?4, level = ?5, note = ?6 "
    "WHERE id = ?99 AND person_id = ?1",
  [REACTIONS_DELETE] =
    "DELETE FROM reactions WHERE id = ?1",
};

static CobaltStatement *
prepare (CobaltDatabase      *db,
         ReactionsStatement   which,
         GError             **error)
{
  return cobalt_database_prepare (db, reactions_sql[which], error);
}

static CobaltReaction *
reaction_from_row (CobaltStatement *stmt)
{
  g_autoptr(GDateTime) noted_at = cobalt_repository_get_time (stmt, 3);
  CobaltReaction *reaction = cobalt_reaction_new (cobalt_statement_get_int64 (stmt, 1),
                                                  cobalt_statement_get_text (stmt, 4), noted_at);

  reaction->id = cobalt_statement_get_int64 (stmt, 0);
  reaction->dose_id = cobalt_statement_get_id (stmt, 2);
  /* After the kind: the stored level wins (it was the one shown then). */
  reaction->level = cobalt_statement_get_int64 (stmt, 5);
  cobalt_set_str (&reaction->note, cobalt_statement_get_text (stmt, 6));
  return reaction;
}

static gboolean
bind_reaction (CobaltStatement  *stmt,
               CobaltReaction   *r,
               GError          **error)
{
  return cobalt_statement_bind_int64 (stmt, 1, r->person_id, error) &&
         cobalt_statement_bind_id (stmt, 2, r->dose_id, error) &&
         cobalt_repository_bind_time (stmt, 3, r->noted_at, error) &&
         cobalt_statement_bind_text (stmt, 4, r->kind, error) &&
         cobalt_statement_bind_int64 (stmt, 5, r->level, error) &&
         cobalt_statement_bind_text (stmt, 6, r->note, error);
}

GListModel *
cobalt_reactions_table_select_by_person (CobaltDatabase  *db,
                                         gint64           person_id,
                                         GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_REACTION);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, REACTIONS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltReaction) reaction = reaction_from_row (stmt);

      g_list_store_append (store, reaction);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cobalt_reactions_table_insert (CobaltDatabase  *db,
                               CobaltReaction  *reaction,
                               gint64          *new_id,
                               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REACTIONS_INSERT, error);
  if (stmt == NULL ||
      !bind_reaction (stmt, reaction, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_reactions_table_update (CobaltDatabase  *db,
                               CobaltReaction  *reaction,
                               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REACTIONS_UPDATE, error);
  if (stmt == NULL ||
      !bind_reaction (stmt, reaction, error) ||
      !cobalt_statement_bind_int64 (stmt, 99, reaction->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_REACTION, reaction->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_reactions_table_delete (CobaltDatabase  *db,
                               gint64           reaction_id,
                               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REACTIONS_DELETE, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, reaction_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  /* Deleted meanwhile (another window) or never there. */
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_REACTION, reaction_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_reactions_table_restore (CobaltDatabase  *db,
                                CobaltReaction  *reaction,
                                gint64          *new_id,
                                GError         **error)
{
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean taken;

  exists = prepare (db, REACTIONS_EXISTS, error);
  if (exists == NULL || !cobalt_statement_bind_int64 (exists, 1, reaction->id, error))
    return FALSE;
  taken = cobalt_statement_step (exists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Ids are not AUTOINCREMENT: a record added since the delete may have
   * taken the old one. The record then comes back under a new id. */
  insert = prepare (db, REACTIONS_INSERT_WITH_ID, error);
  if (insert == NULL ||
      !bind_reaction (insert, reaction, error) ||
      !cobalt_statement_bind_id (insert, 99, taken ? 0 : reaction->id, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}
