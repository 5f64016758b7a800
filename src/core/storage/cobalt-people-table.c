/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The people table: everyone whose injections Cobalt keeps. */

typedef enum
{
  PEOPLE_SELECT,
  PEOPLE_SELECT_BY_ID,
  PEOPLE_EXISTS,
  PEOPLE_INSERT,
  PEOPLE_UPDATE,
  N_PEOPLE_STATEMENTS
} PeopleStatement;

/* person_from_row()'s columns. */
#define PERSON_COLUMNS \
  "id, name, date_of_birth, clinic_name, clinic_phone, emergency_number, notes, archived, " \
  "urgent_number"

/* bind_person() fills ?1..?9 (?8 the time of writing). */
static const char * const people_sql[N_PEOPLE_STATEMENTS] = {
  [PEOPLE_SELECT] =
    "SELECT " PERSON_COLUMNS " FROM people "
    "WHERE archived = 0 OR ?1 ORDER BY name COLLATE NOCASE, id",
  [PEOPLE_SELECT_BY_ID] =
    "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1",
  [PEOPLE_EXISTS] =
    "SELECT 1 FROM people WHERE id = ?1",
  [PEOPLE_INSERT] =
    "INSERT INTO people (name, date_of_birth, clinic_name, clinic_phone, "
    "emergency_number, notes, archived, created_at_us, updated_at_us, urgent_number) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
  [PEOPLE_UPDATE] =
    "UPDATE people SET name = ?1, date_of_birth = ?2, clinic_name = ?3, "
    "clinic_phone = ?4, emergency_number = ?5, notes = ?6, archived = ?7, "
    "updated_at_us = ?8, urgent_number = ?9 WHERE id = ?10",
};

static CobaltStatement *
prepare (CobaltDatabase   *db,
         PeopleStatement   which,
         GError          **error)
{
  return cobalt_database_prepare (db, people_sql[which], error);
}

static CobaltPerson *
person_from_row (CobaltStatement *stmt)
{
  CobaltPerson *person = cobalt_person_new (cobalt_statement_get_text (stmt, 1));
  const char *emergency = cobalt_statement_get_text (stmt, 5);
  GDate dob;

  person->id = cobalt_statement_get_int64 (stmt, 0);
  if (cobalt_statement_get_date (stmt, 2, &dob))
    cobalt_set_date (&person->date_of_birth, &dob);
  cobalt_set_str (&person->clinic_name, cobalt_statement_get_text (stmt, 3));
  cobalt_set_str (&person->clinic_phone, cobalt_statement_get_text (stmt, 4));
  /* Not stored ("" too): a person saved before the number was asked;
   * cobalt_person_get_emergency_number() then falls back on the locale. */
  cobalt_set_str (&person->emergency_number, emergency != NULL && *emergency != '\0' ? emergency : NULL);
  cobalt_set_str (&person->urgent_number, cobalt_statement_get_text (stmt, 8));
  cobalt_set_str (&person->notes, cobalt_statement_get_text (stmt, 6));
  person->archived = cobalt_statement_get_boolean (stmt, 7);
  return person;
}

static gboolean
bind_person (CobaltStatement  *stmt,
             CobaltPerson     *person,
             GError          **error)
{
  /* What the person confirmed is stored, even when it is what the locale
   * suggested: the number must not change with the locale. */
  return cobalt_statement_bind_text (stmt, 1, person->name, error) &&
         cobalt_statement_bind_date (stmt, 2, person->date_of_birth, error) &&
         cobalt_statement_bind_text (stmt, 3, person->clinic_name, error) &&
         cobalt_statement_bind_text (stmt, 4, person->clinic_phone, error) &&
         cobalt_statement_bind_text (stmt, 5, person->emergency_number, error) &&
         cobalt_statement_bind_text (stmt, 6, person->notes, error) &&
         cobalt_statement_bind_int64 (stmt, 7, person->archived ? 1 : 0, error) &&
         cobalt_statement_bind_int64 (stmt, 8, g_get_real_time (), error) &&
         cobalt_statement_bind_text (stmt, 9, person->urgent_number, error);
}

GListModel *
cobalt_people_table_select (CobaltDatabase  *db,
                            gboolean         include_archived,
                            GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, PEOPLE_SELECT, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, include_archived ? 1 : 0, error))
    return NULL;

  store = g_list_store_new (COBALT_TYPE_PERSON);
  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltPerson) person = person_from_row (stmt);

      g_list_store_append (store, person);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

CobaltPerson *
cobalt_people_table_select_by_id (CobaltDatabase  *db,
                                  gint64           person_id,
                                  GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, PEOPLE_SELECT_BY_ID, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return person_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, COBALT_MISSING_PERSON, person_id);
  return NULL;
}

gboolean
cobalt_people_table_check_exists (CobaltDatabase  *db,
                                  gint64           person_id,
                                  GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, PEOPLE_EXISTS, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;
  if (cobalt_statement_step (stmt, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, COBALT_MISSING_PERSON, person_id);
  return FALSE;
}

gboolean
cobalt_people_table_insert (CobaltDatabase  *db,
                            CobaltPerson    *person,
                            gint64          *new_id,
                            GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, PEOPLE_INSERT, error);
  if (stmt == NULL ||
      !bind_person (stmt, person, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_people_table_update (CobaltDatabase  *db,
                            CobaltPerson    *person,
                            GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, PEOPLE_UPDATE, error);
  if (stmt == NULL ||
      !bind_person (stmt, person, error) ||
      !cobalt_statement_bind_int64 (stmt, 10, person->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_PERSON, person->id);
      return FALSE;
    }
  return TRUE;
}
