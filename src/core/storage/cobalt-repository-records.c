/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cobalt-dose-rules.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"

/* The journal (reactions, check-ins, lab results), supplies and the
 * reminder state. */

/* "strength" is the free text of older versions, kept for display; the
 * strength that counts is strength_amount per mL in strength_unit. */
#define SUPPLY_COLUMNS \
  "id, person_id, kind, product, name, strength, batch, expiry, received_on, count, note, " \
  "strength_amount, strength_unit"

#define REMINDER_COLUMNS \
  "id, person_id, kind, due_at_us, shown_at_us, snoozed_until_us, dismissed_at_us, acted_at_us, " \
  "notification_id"

static const CobaltCheckinMeasure checkin_measures[] = {
  COBALT_CHECKIN_ENERGY, COBALT_CHECKIN_MOOD, COBALT_CHECKIN_FATIGUE,
  COBALT_CHECKIN_PINS_AND_NEEDLES, COBALT_CHECKIN_MEMORY,
};

/* A generic "insert one object" write: @bind fills the statement. */
typedef gboolean (*BindFunc) (CobaltStatement *stmt, gpointer object, GError **error);

typedef struct
{
  const char *sql;
  gpointer    object;
  BindFunc    bind;
  gint64      person_id;
  gint64      id;          /* 0 = insert, else the row to update */
  gint64      new_id;
  const char *what;
} WriteOne;

static gboolean
write_one (CobaltDatabase  *db,
           gpointer         user_data,
           GError         **error)
{
  WriteOne *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  if (!cobalt_repository_check_person_exists (db, data->person_id, error))
    return FALSE;

  stmt = cobalt_database_prepare (db, data->sql, error);
  if (stmt == NULL || !data->bind (stmt, data->object, error))
    return FALSE;
  if (data->id != 0 && !cobalt_statement_bind_int64 (stmt, 99, data->id, error))
    return FALSE;
  if (!cobalt_statement_execute (stmt, error))
    return FALSE;

  if (data->id != 0)
    {
      if (cobalt_database_get_changes (db) == 0)
        {
          cobalt_repository_set_not_found (error, data->what, data->id);
          return FALSE;
        }
      data->new_id = data->id;
    }
  else
    data->new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

static gboolean
run_write_one (CobaltRepository  *self,
               WriteOne          *data,
               GError           **error)
{
  return cobalt_database_run_write (cobalt_repository_get_database (self), write_one, data, error);
}

/* Deleting one row by id: NOT_FOUND when there is none. */
typedef struct
{
  const char *sql;         /* ?1 is the id */
  gint64      id;
  const char *what;
} DeleteOne;

static gboolean
delete_one (CobaltDatabase  *db,
            gpointer         user_data,
            GError         **error)
{
  DeleteOne *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db, data->sql, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, data->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  /* Deleted meanwhile (another window) or never there. */
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, data->what, data->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_delete_one (CobaltRepository  *self,
                const char        *sql,
                gint64             id,
                const char        *what,
                GError           **error)
{
  DeleteOne data = { sql, id, what };

  return cobalt_database_run_write (cobalt_repository_get_database (self), delete_one, &data, error);
}

/* Inserting a deleted row again (undo): @bind fills the columns, ?99 is
 * the old id, or NULL for a new one when the old one was taken. */
typedef struct
{
  const char *exists_sql;  /* ?1 is the id */
  WriteOne    insert;
} RestoreOne;

static gboolean
restore_one (CobaltDatabase  *db,
             gpointer         user_data,
             GError         **error)
{
  RestoreOne *data = user_data;
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean taken;

  if (!cobalt_repository_check_person_exists (db, data->insert.person_id, error))
    return FALSE;

  exists = cobalt_database_prepare (db, data->exists_sql, error);
  if (exists == NULL || !cobalt_statement_bind_int64 (exists, 1, data->insert.id, error))
    return FALSE;
  taken = cobalt_statement_step (exists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Ids are not AUTOINCREMENT: a record added since the delete may have
   * taken the old one. The record then comes back under a new id. */
  insert = cobalt_database_prepare (db, data->insert.sql, error);
  if (insert == NULL ||
      !data->insert.bind (insert, data->insert.object, error) ||
      !cobalt_statement_bind_id (insert, 99, taken ? 0 : data->insert.id, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;

  data->insert.new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

/* Reads every row of @stmt through @from_row into a new GListStore. */
static GListModel *
load_list (CobaltStatement  *stmt,
           GType             type,
           gpointer        (*from_row) (CobaltStatement *stmt),
           GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  g_autoptr(GError) local_error = NULL;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(GObject) object = from_row (stmt);
      g_list_store_append (store, object);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static GListModel *
list_for_person (CobaltRepository  *self,
                 const char        *sql,
                 gint64             person_id,
                 GType              type,
                 gpointer         (*from_row) (CobaltStatement *stmt),
                 GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self), sql, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;
  return load_list (stmt, type, from_row, error);
}

/* Reactions ------------------------------------------------------------------ */

static gpointer
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
               gpointer          object,
               GError          **error)
{
  CobaltReaction *r = object;

  return cobalt_statement_bind_int64 (stmt, 1, r->person_id, error) &&
         cobalt_statement_bind_id (stmt, 2, r->dose_id, error) &&
         cobalt_repository_bind_time (stmt, 3, r->noted_at, error) &&
         cobalt_statement_bind_text (stmt, 4, r->kind, error) &&
         cobalt_statement_bind_int64 (stmt, 5, r->level, error) &&
         cobalt_statement_bind_text (stmt, 6, r->note, error);
}

gboolean
cobalt_repository_add_reaction (CobaltRepository  *self,
                                CobaltReaction    *reaction,
                                GError           **error)
{
  WriteOne data = {
    "INSERT INTO reactions (person_id, dose_id, noted_at_us, kind, level, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    reaction, bind_reaction, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REACTION (reaction), FALSE);

  if (!cobalt_reaction_validate (reaction, error))
    return FALSE;

  data.person_id = reaction->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;
  reaction->id = data.new_id;
  return TRUE;
}

GListModel *
cobalt_repository_list_reactions (CobaltRepository  *self,
                                  gint64             person_id,
                                  GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return list_for_person (self,
                          "SELECT id, person_id, dose_id, noted_at_us, kind, level, note FROM reactions "
                          "WHERE person_id = ?1 ORDER BY noted_at_us, id",
                          person_id, COBALT_TYPE_REACTION, reaction_from_row, error);
}

gboolean
cobalt_repository_update_reaction (CobaltRepository  *self,
                                   CobaltReaction    *reaction,
                                   GError           **error)
{
  WriteOne data = {
    "UPDATE reactions SET dose_id = ?2, noted_at_us = ?3, kind = ?4, level = ?5, note = ?6 "
    "WHERE id = ?99 AND person_id = ?1",
    reaction, bind_reaction, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REACTION (reaction), FALSE);

  data.person_id = reaction->person_id;
  data.id = reaction->id;
  data.what = _("reaction");
  if (data.id <= 0)
    {
      cobalt_repository_set_not_found (error, data.what, data.id);
      return FALSE;
    }
  if (!cobalt_reaction_validate (reaction, error))
    return FALSE;

  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_reaction (CobaltRepository  *self,
                                   gint64             reaction_id,
                                   GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, "DELETE FROM reactions WHERE id = ?1", reaction_id, _("reaction"), error);
}

gboolean
cobalt_repository_restore_reaction (CobaltRepository  *self,
                                    CobaltReaction    *reaction,
                                    GError           **error)
{
  RestoreOne data = {
    "SELECT 1 FROM reactions WHERE id = ?1",
    { "INSERT INTO reactions (id, person_id, dose_id, noted_at_us, kind, level, note) "
      "VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6)",
      reaction, bind_reaction, 0, 0, 0, NULL }
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REACTION (reaction), FALSE);

  if (!cobalt_reaction_validate (reaction, error))
    return FALSE;

  data.insert.person_id = reaction->person_id;
  data.insert.id = reaction->id;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), restore_one, &data, error))
    return FALSE;
  reaction->id = data.insert.new_id;
  return TRUE;
}

/* Check-ins --------------------------------------------------------------------- */

static gpointer
checkin_from_row (CobaltStatement *stmt)
{
  g_autoptr(GDateTime) at = cobalt_repository_get_time (stmt, 2);
  CobaltCheckin *checkin = cobalt_checkin_new (cobalt_statement_get_int64 (stmt, 1), at);

  checkin->id = cobalt_statement_get_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (checkin_measures); i++)
    {
      if (!cobalt_statement_get_is_null (stmt, 3 + i))
        cobalt_checkin_set_score (checkin, checkin_measures[i], cobalt_statement_get_int64 (stmt, 3 + i));
    }
  cobalt_set_str (&checkin->note, cobalt_statement_get_text (stmt, 8));
  return checkin;
}

static gboolean
bind_checkin (CobaltStatement  *stmt,
              gpointer          object,
              GError          **error)
{
  CobaltCheckin *c = object;

  if (!cobalt_statement_bind_int64 (stmt, 1, c->person_id, error) ||
      !cobalt_repository_bind_time (stmt, 2, c->at, error) ||
      !cobalt_statement_bind_text (stmt, 8, c->note, error))
    return FALSE;

  /* Not recorded is NULL, so averages and charts skip it. */
  for (guint i = 0; i < G_N_ELEMENTS (checkin_measures); i++)
    {
      int score = cobalt_checkin_get_score (c, checkin_measures[i]);
      gboolean ok = score == COBALT_CHECKIN_NOT_RECORDED
                      ? cobalt_statement_bind_null (stmt, 3 + i, error)
                      : cobalt_statement_bind_int64 (stmt, 3 + i, score, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_repository_add_checkin (CobaltRepository  *self,
                               CobaltCheckin     *checkin,
                               GError           **error)
{
  WriteOne data = {
    "INSERT INTO checkins (person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    checkin, bind_checkin, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_CHECKIN (checkin), FALSE);

  if (!cobalt_checkin_validate (checkin, error))
    return FALSE;

  data.person_id = checkin->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;
  checkin->id = data.new_id;
  return TRUE;
}

GListModel *
cobalt_repository_list_checkins (CobaltRepository  *self,
                                 gint64             person_id,
                                 GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return list_for_person (self,
                          "SELECT id, person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note "
                          "FROM checkins WHERE person_id = ?1 ORDER BY at_us, id",
                          person_id, COBALT_TYPE_CHECKIN, checkin_from_row, error);
}

gboolean
cobalt_repository_update_checkin (CobaltRepository  *self,
                                  CobaltCheckin     *checkin,
                                  GError           **error)
{
  WriteOne data = {
    "UPDATE checkins SET at_us = ?2, energy = ?3, mood = ?4, fatigue = ?5, pins_and_needles = ?6, "
    "memory = ?7, note = ?8 WHERE id = ?99 AND person_id = ?1",
    checkin, bind_checkin, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_CHECKIN (checkin), FALSE);

  data.person_id = checkin->person_id;
  data.id = checkin->id;
  data.what = _("check-in");
  if (data.id <= 0)
    {
      cobalt_repository_set_not_found (error, data.what, data.id);
      return FALSE;
    }
  if (!cobalt_checkin_validate (checkin, error))
    return FALSE;

  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_checkin (CobaltRepository  *self,
                                  gint64             checkin_id,
                                  GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, "DELETE FROM checkins WHERE id = ?1", checkin_id, _("check-in"), error);
}

gboolean
cobalt_repository_restore_checkin (CobaltRepository  *self,
                                   CobaltCheckin     *checkin,
                                   GError           **error)
{
  RestoreOne data = {
    "SELECT 1 FROM checkins WHERE id = ?1",
    { "INSERT INTO checkins (id, person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note) "
      "VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      checkin, bind_checkin, 0, 0, 0, NULL }
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_CHECKIN (checkin), FALSE);

  if (!cobalt_checkin_validate (checkin, error))
    return FALSE;

  data.insert.person_id = checkin->person_id;
  data.insert.id = checkin->id;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), restore_one, &data, error))
    return FALSE;
  checkin->id = data.insert.new_id;
  return TRUE;
}

/* Lab results ------------------------------------------------------------------ */

static gpointer
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
  result->ref_low = cobalt_statement_get_is_null (stmt, 6)
                                           ? NAN : cobalt_statement_get_double (stmt, 6);
  result->ref_high = cobalt_statement_get_is_null (stmt, 7)
                                            ? NAN : cobalt_statement_get_double (stmt, 7);
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
                 gpointer          object,
                 GError          **error)
{
  CobaltLabResult *r = object;

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

/* The lab result's own checks, and the dates it may have: not after
 * today on the repository's clock, not before the person's birth or 1950
 * (cobalt-dose-rules.h). */
static gboolean
validate_lab_result (CobaltRepository  *self,
                     CobaltLabResult   *result,
                     GError           **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GDateTime) now = NULL;

  person = cobalt_repository_get_person (self, result->person_id, error);
  if (person == NULL)
    return FALSE;
  now = cobalt_clock_get_now (cobalt_repository_get_clock (self));
  return cobalt_lab_result_validate_for (result, person, now, error);
}

gboolean
cobalt_repository_add_lab_result (CobaltRepository  *self,
                                  CobaltLabResult   *result,
                                  GError           **error)
{
  WriteOne data = {
    "INSERT INTO lab_results (person_id, taken_on, test, value, unit, ref_low, ref_high, lab_name, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    result, bind_lab_result, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), FALSE);

  if (!validate_lab_result (self, result, error))
    return FALSE;

  data.person_id = result->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;
  result->id = data.new_id;
  return TRUE;
}

GListModel *
cobalt_repository_list_lab_results (CobaltRepository  *self,
                                    gint64             person_id,
                                    GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return list_for_person (self,
                          "SELECT id, person_id, taken_on, test, value, unit, ref_low, ref_high, lab_name, note "
                          "FROM lab_results WHERE person_id = ?1 ORDER BY taken_on, id",
                          person_id, COBALT_TYPE_LAB_RESULT, lab_result_from_row, error);
}

gboolean
cobalt_repository_update_lab_result (CobaltRepository  *self,
                                     CobaltLabResult   *result,
                                     GError           **error)
{
  WriteOne data = {
    "UPDATE lab_results SET taken_on = ?2, test = ?3, value = ?4, unit = ?5, ref_low = ?6, "
    "ref_high = ?7, lab_name = ?8, note = ?9 WHERE id = ?99 AND person_id = ?1",
    result, bind_lab_result, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), FALSE);

  data.person_id = result->person_id;
  data.id = result->id;
  data.what = _("lab result");
  if (data.id <= 0)
    {
      cobalt_repository_set_not_found (error, data.what, data.id);
      return FALSE;
    }
  if (!validate_lab_result (self, result, error))
    return FALSE;

  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_lab_result (CobaltRepository  *self,
                                     gint64             result_id,
                                     GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, "DELETE FROM lab_results WHERE id = ?1", result_id, _("lab result"), error);
}

gboolean
cobalt_repository_restore_lab_result (CobaltRepository  *self,
                                      CobaltLabResult   *result,
                                      GError           **error)
{
  RestoreOne data = {
    "SELECT 1 FROM lab_results WHERE id = ?1",
    { "INSERT INTO lab_results (id, person_id, taken_on, test, value, unit, ref_low, ref_high, "
      "lab_name, note) VALUES (?99, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      result, bind_lab_result, 0, 0, 0, NULL }
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), FALSE);

  if (!validate_lab_result (self, result, error))
    return FALSE;

  data.insert.person_id = result->person_id;
  data.insert.id = result->id;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), restore_one, &data, error))
    return FALSE;
  result->id = data.insert.new_id;
  return TRUE;
}

/* Supplies ------------------------------------------------------------------------ */

static gpointer
supply_item_from_row (CobaltStatement *stmt)
{
  CobaltSupplyItem *item = cobalt_supply_item_new (cobalt_statement_get_int64 (stmt, 1),
                                                   cobalt_statement_get_int64 (stmt, 2),
                                                   cobalt_statement_get_int64 (stmt, 9));
  GDate date;

  item->id = cobalt_statement_get_int64 (stmt, 0);
  item->product = cobalt_statement_get_int64 (stmt, 3);
  cobalt_set_str (&item->name, cobalt_statement_get_text (stmt, 4));
  cobalt_set_str (&item->strength_text, cobalt_statement_get_text (stmt, 5));
  /* NULL (not an ampoule, or an old text that did not parse) reads as 0:
   * not known, so the batch counts for no prescription until it is set. */
  item->strength_amount = cobalt_statement_get_double (stmt, 11);
  item->strength_unit = cobalt_statement_get_int64 (stmt, 12);
  cobalt_set_str (&item->batch, cobalt_statement_get_text (stmt, 6));
  if (cobalt_statement_get_date (stmt, 7, &date))
    cobalt_set_date (&item->expiry, &date);
  if (cobalt_statement_get_date (stmt, 8, &date))
    cobalt_set_date (&item->received_on, &date);
  cobalt_set_str (&item->note, cobalt_statement_get_text (stmt, 10));
  return item;
}

GListModel *
cobalt_repository_load_supply_items (CobaltDatabase  *db,
                                     gint64           person_id,
                                     GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db,
                                  "SELECT " SUPPLY_COLUMNS " FROM supply_items WHERE person_id = ?1 "
                                  "ORDER BY kind, expiry IS NULL, expiry, id", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;
  return load_list (stmt, COBALT_TYPE_SUPPLY_ITEM, supply_item_from_row, error);
}

static gboolean
bind_supply_item (CobaltStatement  *stmt,
                  gpointer          object,
                  GError          **error)
{
  CobaltSupplyItem *item = object;
  gboolean has_strength = item->kind == COBALT_SUPPLY_AMPOULE &&
                          item->strength_amount > 0;

  return cobalt_statement_bind_int64 (stmt, 1, item->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, item->kind, error) &&
         cobalt_statement_bind_int64 (stmt, 3, item->product, error) &&
         cobalt_statement_bind_text (stmt, 4, item->name, error) &&
         cobalt_statement_bind_text (stmt, 5, item->strength_text, error) &&
         (has_strength
          ? cobalt_statement_bind_double (stmt, 11, item->strength_amount, error) &&
            cobalt_statement_bind_int64 (stmt, 12, item->strength_unit, error)
          : cobalt_statement_bind_null (stmt, 11, error) &&
            cobalt_statement_bind_null (stmt, 12, error)) &&
         cobalt_statement_bind_text (stmt, 6, item->batch, error) &&
         cobalt_statement_bind_date (stmt, 7, item->expiry, error) &&
         cobalt_statement_bind_date (stmt, 8, item->received_on, error) &&
         cobalt_statement_bind_int64 (stmt, 9, item->count, error) &&
         cobalt_statement_bind_text (stmt, 10, item->note, error);
}

gboolean
cobalt_repository_save_supply_item (CobaltRepository  *self,
                                    CobaltSupplyItem  *item,
                                    GError           **error)
{
  WriteOne data = { NULL, item, bind_supply_item, 0, 0, 0, NULL };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (item), FALSE);

  if (!cobalt_supply_item_validate (item, error))
    return FALSE;

  data.person_id = item->person_id;
  data.id = item->id;
  data.what = _("supply item");
  data.sql = data.id == 0
    ? "INSERT INTO supply_items (person_id, kind, product, name, strength, batch, expiry, received_on, "
      "count, note, strength_amount, strength_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    : "UPDATE supply_items SET person_id = ?1, kind = ?2, product = ?3, name = ?4, strength = ?5, "
      "batch = ?6, expiry = ?7, received_on = ?8, count = ?9, note = ?10, strength_amount = ?11, "
      "strength_unit = ?12 WHERE id = ?99";

  if (!run_write_one (self, &data, error))
    return FALSE;
  item->id = data.new_id;
  return TRUE;
}

static gboolean
delete_supply_item_write (CobaltDatabase  *db,
                          gpointer         user_data,
                          GError         **error)
{
  gint64 item_id = *(gint64 *) user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db, "DELETE FROM supply_items WHERE id = ?1", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, item_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, _("supply item"), item_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_repository_delete_supply_item (CobaltRepository  *self,
                                      gint64             item_id,
                                      GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return cobalt_database_run_write (cobalt_repository_get_database (self), delete_supply_item_write,
                                    &item_id, error);
}

GListModel *
cobalt_repository_list_supply_items (CobaltRepository  *self,
                                     gint64             person_id,
                                     GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_repository_load_supply_items (cobalt_repository_get_database (self), person_id, error);
}

CobaltSharpsBin *
cobalt_repository_get_sharps_bin (CobaltRepository  *self,
                                  gint64             person_id,
                                  GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  CobaltSharpsBin *bin;
  GDate replaced_on;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT id, capacity, fill, replaced_on FROM sharps_bins WHERE person_id = ?1",
                                  error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  if (!cobalt_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bin = cobalt_sharps_bin_new (person_id, cobalt_statement_get_int64 (stmt, 1));
  bin->id = cobalt_statement_get_int64 (stmt, 0);
  bin->fill = cobalt_statement_get_int64 (stmt, 2);
  if (cobalt_statement_get_date (stmt, 3, &replaced_on))
    cobalt_set_date (&bin->replaced_on, &replaced_on);
  return bin;
}

static gboolean
bind_sharps_bin (CobaltStatement  *stmt,
                 gpointer          object,
                 GError          **error)
{
  CobaltSharpsBin *bin = object;

  return cobalt_statement_bind_int64 (stmt, 1, bin->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, bin->capacity, error) &&
         cobalt_statement_bind_int64 (stmt, 3, bin->fill, error) &&
         cobalt_statement_bind_date (stmt, 4, bin->replaced_on, error);
}

gboolean
cobalt_repository_save_sharps_bin (CobaltRepository  *self,
                                   CobaltSharpsBin   *bin,
                                   GError           **error)
{
  /* One bin per person: saving replaces the person's bin whatever id the
   * object carries. */
  WriteOne data = {
    "INSERT INTO sharps_bins (person_id, capacity, fill, replaced_on) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (person_id) DO UPDATE SET capacity = excluded.capacity, fill = excluded.fill, "
    "replaced_on = excluded.replaced_on",
    bin, bind_sharps_bin, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (bin), FALSE);

  if (!cobalt_sharps_bin_validate (bin, error))
    return FALSE;

  data.person_id = bin->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;
  {
    g_autoptr(CobaltSharpsBin) stored = cobalt_repository_get_sharps_bin (self, data.person_id, NULL);

    if (stored != NULL)
      bin->id = stored->id;
  }
  return TRUE;
}

/* Reminder state ------------------------------------------------------------------ */

static gpointer
reminder_state_from_row (CobaltStatement *stmt)
{
  g_autoptr(GDateTime) due_at = cobalt_repository_get_time (stmt, 3);
  g_autoptr(GDateTime) shown_at = cobalt_repository_get_time (stmt, 4);
  g_autoptr(GDateTime) snoozed_until = cobalt_repository_get_time (stmt, 5);
  g_autoptr(GDateTime) dismissed_at = cobalt_repository_get_time (stmt, 6);
  g_autoptr(GDateTime) acted_at = cobalt_repository_get_time (stmt, 7);
  CobaltReminderState *state = cobalt_reminder_state_new (cobalt_statement_get_int64 (stmt, 1),
                                                          cobalt_statement_get_int64 (stmt, 2), due_at);

  state->id = cobalt_statement_get_int64 (stmt, 0);
  cobalt_set_date_time (&state->shown_at, shown_at);
  cobalt_set_date_time (&state->snoozed_until, snoozed_until);
  cobalt_set_date_time (&state->dismissed_at, dismissed_at);
  cobalt_set_date_time (&state->acted_at, acted_at);
  cobalt_set_str (&state->notification_id, cobalt_statement_get_text (stmt, 8));
  return state;
}

CobaltReminderState *
cobalt_repository_get_reminder_state (CobaltRepository    *self,
                                      gint64               person_id,
                                      CobaltReminderKind   kind,
                                      GDateTime           *due_at,
                                      GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (due_at != NULL, NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT " REMINDER_COLUMNS " FROM reminder_state "
                                  "WHERE person_id = ?1 AND kind = ?2 AND due_at_us = ?3", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, kind, error) ||
      !cobalt_repository_bind_time (stmt, 3, due_at, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return reminder_state_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static gboolean
bind_reminder_state (CobaltStatement  *stmt,
                     gpointer          object,
                     GError          **error)
{
  CobaltReminderState *s = object;

  return cobalt_statement_bind_int64 (stmt, 1, s->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, s->kind, error) &&
         cobalt_repository_bind_time (stmt, 3, s->due_at, error) &&
         cobalt_repository_bind_time (stmt, 4, s->shown_at, error) &&
         cobalt_repository_bind_time (stmt, 5, s->snoozed_until, error) &&
         cobalt_repository_bind_time (stmt, 6, s->dismissed_at, error) &&
         cobalt_repository_bind_time (stmt, 7, s->acted_at, error) &&
         cobalt_statement_bind_text (stmt, 8, s->notification_id, error);
}

gboolean
cobalt_repository_save_reminder_state (CobaltRepository     *self,
                                       CobaltReminderState  *state,
                                       GError              **error)
{
  WriteOne data = {
    "INSERT INTO reminder_state (person_id, kind, due_at_us, shown_at_us, snoozed_until_us, "
    "dismissed_at_us, acted_at_us, notification_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (person_id, kind, due_at_us) DO UPDATE SET shown_at_us = excluded.shown_at_us, "
    "snoozed_until_us = excluded.snoozed_until_us, dismissed_at_us = excluded.dismissed_at_us, "
    "acted_at_us = excluded.acted_at_us, notification_id = excluded.notification_id",
    state, bind_reminder_state, 0, 0, 0, NULL
  };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (state), FALSE);
  g_return_val_if_fail (state->due_at != NULL, FALSE);

  data.person_id = state->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;
  {
    g_autoptr(CobaltReminderState) stored = NULL;

    stored = cobalt_repository_get_reminder_state (self, data.person_id,
                                                   state->kind,
                                                   state->due_at, NULL);
    if (stored != NULL)
      state->id = stored->id;
  }
  return TRUE;
}

typedef struct
{
  gint64              person_id;
  CobaltReminderKind  kind;
  GDateTime          *due_at;
  GDateTime          *now;
  gboolean            claimed;
} Claim;

static gboolean
claim_write (CobaltDatabase  *db,
             gpointer         user_data,
             GError         **error)
{
  Claim *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  if (!cobalt_repository_check_person_exists (db, data->person_id, error))
    return FALSE;

  /* One statement under BEGIN IMMEDIATE decides: the row moves to "shown"
   * only when it was never shown, or a snooze ran out after it was last
   * shown, and nobody dismissed or acted on it. Whoever changes the row
   * owns the notification; everyone else sees 0 changes. */
  stmt = cobalt_database_prepare (db,
                                  "INSERT INTO reminder_state (person_id, kind, due_at_us, shown_at_us) "
                                  "VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (person_id, kind, due_at_us) DO UPDATE "
                                  "SET shown_at_us = excluded.shown_at_us "
                                  "WHERE dismissed_at_us IS NULL AND acted_at_us IS NULL AND "
                                  "(shown_at_us IS NULL OR (snoozed_until_us IS NOT NULL AND "
                                  " snoozed_until_us <= excluded.shown_at_us AND shown_at_us < snoozed_until_us))",
                                  error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, data->person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, data->kind, error) ||
      !cobalt_repository_bind_time (stmt, 3, data->due_at, error) ||
      !cobalt_repository_bind_time (stmt, 4, data->now, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  data->claimed = cobalt_database_get_changes (db) > 0;
  return TRUE;
}

gboolean
cobalt_repository_claim_reminder (CobaltRepository    *self,
                                  gint64               person_id,
                                  CobaltReminderKind   kind,
                                  GDateTime           *due_at,
                                  GDateTime           *now,
                                  gboolean            *claimed,
                                  GError             **error)
{
  Claim data = { person_id, kind, due_at, now, FALSE };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (due_at != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (claimed != NULL)
    *claimed = FALSE;

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), claim_write, &data, error))
    return FALSE;

  if (claimed != NULL)
    *claimed = data.claimed;
  return TRUE;
}
