/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-journal-store.h"

/* The score columns of "checkins", in CobaltCheckinMeasure order. */
static const char * const checkin_sql[] = {
  /* update */
  "UPDATE checkins SET at_us = ?3, energy = ?4, mood = ?5, fatigue = ?6, "
  "pins_and_needles = ?7, memory = ?8, note = ?9 WHERE id = ?1 AND person_id = ?2",
  /* insert with an id (NULL: a new one) */
  "INSERT INTO checkins (id, person_id, at_us, energy, mood, fatigue, pins_and_needles, memory, note) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  "DELETE FROM checkins WHERE id = ?1",
  "SELECT 1 FROM checkins WHERE id = ?1",
};

static const char * const reaction_sql[] = {
  "UPDATE reactions SET dose_id = ?3, noted_at_us = ?4, kind = ?5, level = ?6, note = ?7 "
  "WHERE id = ?1 AND person_id = ?2",
  "INSERT INTO reactions (id, person_id, dose_id, noted_at_us, kind, level, note) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  "DELETE FROM reactions WHERE id = ?1",
  "SELECT 1 FROM reactions WHERE id = ?1",
};

static const char * const lab_result_sql[] = {
  "UPDATE lab_results SET taken_on = ?3, test = ?4, value = ?5, unit = ?6, ref_low = ?7, "
  "ref_high = ?8, lab_name = ?9, note = ?10 WHERE id = ?1 AND person_id = ?2",
  "INSERT INTO lab_results (id, person_id, taken_on, test, value, unit, ref_low, ref_high, lab_name, note) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  "DELETE FROM lab_results WHERE id = ?1",
  "SELECT 1 FROM lab_results WHERE id = ?1",
};

enum { SQL_UPDATE, SQL_INSERT, SQL_DELETE, SQL_EXISTS };

typedef struct
{
  CobaltJournalRecord  kind;
  GObject             *record;   /* NULL for a delete */
  gint64               id;
  gint64               new_id;   /* set by an insert */
} Write;

static const char * const *
sql_of (CobaltJournalRecord kind)
{
  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      return checkin_sql;
    case COBALT_JOURNAL_RECORD_REACTION:
      return reaction_sql;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      return lab_result_sql;
    }
}

static const char *
describe_kind (CobaltJournalRecord kind)
{
  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      return _("check-in");
    case COBALT_JOURNAL_RECORD_REACTION:
      return _("reaction");
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      return _("lab result");
    }
}

static void
set_not_found (GError              **error,
               CobaltJournalRecord   kind,
               gint64                id)
{
  /* Translators: %s is "check-in", "reaction" or "lab result" */
  g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND,
               _("There is no %s with the number %" G_GINT64_FORMAT "."), describe_kind (kind), id);
}

static gint64
to_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
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

static gint64
record_get_id (GObject *record)
{
  if (COBALT_IS_CHECKIN (record))
    return cobalt_checkin_get_id (COBALT_CHECKIN (record));
  if (COBALT_IS_REACTION (record))
    return cobalt_reaction_get_id (COBALT_REACTION (record));
  return cobalt_lab_result_get_id (COBALT_LAB_RESULT (record));
}

static void
record_set_id (GObject *record,
               gint64   id)
{
  if (COBALT_IS_CHECKIN (record))
    cobalt_checkin_set_id (COBALT_CHECKIN (record), id);
  else if (COBALT_IS_REACTION (record))
    cobalt_reaction_set_id (COBALT_REACTION (record), id);
  else
    cobalt_lab_result_set_id (COBALT_LAB_RESULT (record), id);
}

static gboolean
record_validate (GObject  *record,
                 GError  **error)
{
  if (COBALT_IS_CHECKIN (record))
    return cobalt_checkin_validate (COBALT_CHECKIN (record), error);
  if (COBALT_IS_REACTION (record))
    return cobalt_reaction_validate (COBALT_REACTION (record), error);
  return cobalt_lab_result_validate (COBALT_LAB_RESULT (record), error);
}

/* Binds the record's columns from ?2 (person) on; ?1 is the id. */
static gboolean
bind_record (CobaltStatement  *stmt,
             GObject          *record,
             GError          **error)
{
  if (COBALT_IS_CHECKIN (record))
    {
      CobaltCheckin *c = COBALT_CHECKIN (record);

      if (!cobalt_statement_bind_int64 (stmt, 2, cobalt_checkin_get_person_id (c), error) ||
          !cobalt_statement_bind_int64 (stmt, 3, to_us (cobalt_checkin_get_at (c)), error) ||
          !cobalt_statement_bind_text (stmt, 9, cobalt_checkin_get_note (c), error))
        return FALSE;
      for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
        {
          int score = cobalt_checkin_get_score (c, m);
          gboolean ok = score == COBALT_CHECKIN_NOT_RECORDED
                        ? cobalt_statement_bind_null (stmt, 4 + m, error)
                        : cobalt_statement_bind_int64 (stmt, 4 + m, score, error);

          if (!ok)
            return FALSE;
        }
      return TRUE;
    }

  if (COBALT_IS_REACTION (record))
    {
      CobaltReaction *r = COBALT_REACTION (record);

      return cobalt_statement_bind_int64 (stmt, 2, cobalt_reaction_get_person_id (r), error) &&
             cobalt_statement_bind_id (stmt, 3, cobalt_reaction_get_dose_id (r), error) &&
             cobalt_statement_bind_int64 (stmt, 4, to_us (cobalt_reaction_get_noted_at (r)), error) &&
             cobalt_statement_bind_text (stmt, 5, cobalt_reaction_get_kind (r), error) &&
             cobalt_statement_bind_int64 (stmt, 6, cobalt_reaction_get_level (r), error) &&
             cobalt_statement_bind_text (stmt, 7, cobalt_reaction_get_note (r), error);
    }

  {
    CobaltLabResult *l = COBALT_LAB_RESULT (record);

    return cobalt_statement_bind_int64 (stmt, 2, cobalt_lab_result_get_person_id (l), error) &&
           cobalt_statement_bind_date (stmt, 3, cobalt_lab_result_get_taken_on (l), error) &&
           cobalt_statement_bind_int64 (stmt, 4, cobalt_lab_result_get_test (l), error) &&
           cobalt_statement_bind_double (stmt, 5, cobalt_lab_result_get_value (l), error) &&
           cobalt_statement_bind_text (stmt, 6, cobalt_lab_result_get_unit (l), error) &&
           bind_optional_double (stmt, 7, cobalt_lab_result_get_ref_low (l), error) &&
           bind_optional_double (stmt, 8, cobalt_lab_result_get_ref_high (l), error) &&
           cobalt_statement_bind_text (stmt, 9, cobalt_lab_result_get_lab_name (l), error) &&
           cobalt_statement_bind_text (stmt, 10, cobalt_lab_result_get_note (l), error);
  }
}

/* An UPDATE (with the record) or a DELETE (without) of exactly one row. */
static gboolean
change_write (CobaltDatabase  *db,
              gpointer         user_data,
              GError         **error)
{
  Write *w = user_data;
  const char *sql = sql_of (w->kind)[w->record != NULL ? SQL_UPDATE : SQL_DELETE];
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (db, sql, error);

  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, w->id, error) ||
      (w->record != NULL && !bind_record (stmt, w->record, error)) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  /* Another person's row, or one deleted meanwhile (another window). */
  if (cobalt_database_get_changes (db) == 0)
    {
      set_not_found (error, w->kind, w->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_write (CobaltDatabase  *db,
               gpointer         user_data,
               GError         **error)
{
  Write *w = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CobaltStatement) exists = cobalt_database_prepare (db, sql_of (w->kind)[SQL_EXISTS], error);
  g_autoptr(CobaltStatement) insert = NULL;
  gboolean taken;

  if (exists == NULL || !cobalt_statement_bind_int64 (exists, 1, w->id, error))
    return FALSE;
  taken = cobalt_statement_step (exists, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Ids are not AUTOINCREMENT: a record added since the delete may have
   * taken the old one. The record then comes back under a new id. */
  insert = cobalt_database_prepare (db, sql_of (w->kind)[SQL_INSERT], error);
  if (insert == NULL ||
      !cobalt_statement_bind_id (insert, 1, taken ? 0 : w->id, error) ||
      !bind_record (insert, w->record, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;

  w->new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_journal_record_get_kind (GObject             *record,
                                CobaltJournalRecord *kind)
{
  CobaltJournalRecord found;

  if (COBALT_IS_CHECKIN (record))
    found = COBALT_JOURNAL_RECORD_CHECKIN;
  else if (COBALT_IS_REACTION (record))
    found = COBALT_JOURNAL_RECORD_REACTION;
  else if (COBALT_IS_LAB_RESULT (record))
    found = COBALT_JOURNAL_RECORD_LAB_RESULT;
  else
    return FALSE;

  if (kind != NULL)
    *kind = found;
  return TRUE;
}

GObject *
cobalt_journal_store_get (CobaltRepository     *repository,
                          CobaltJournalRecord   kind,
                          gint64                person_id,
                          gint64                id,
                          GError              **error)
{
  g_autoptr(GListModel) records = NULL;
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, NULL);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      records = cobalt_repository_list_checkins (repository, person_id, error);
      break;
    case COBALT_JOURNAL_RECORD_REACTION:
      records = cobalt_repository_list_reactions (repository, person_id, error);
      break;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      records = cobalt_repository_list_lab_results (repository, person_id, error);
      break;
    }
  if (records == NULL)
    return NULL;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      if (record_get_id (record) == id)
        return g_steal_pointer (&record);
    }

  set_not_found (error, kind, id);
  return NULL;
}

gboolean
cobalt_journal_store_update (CobaltRepository  *repository,
                             GObject           *record,
                             GError           **error)
{
  Write w = { 0, record, 0, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (cobalt_journal_record_get_kind (record, &w.kind), FALSE);

  w.id = record_get_id (record);
  if (w.id <= 0)
    {
      set_not_found (error, w.kind, w.id);
      return FALSE;
    }
  if (!record_validate (record, error))
    return FALSE;

  return cobalt_database_run_write (cobalt_repository_get_database (repository), change_write, &w, error);
}

gboolean
cobalt_journal_store_delete (CobaltRepository     *repository,
                             CobaltJournalRecord   kind,
                             gint64                id,
                             GError              **error)
{
  Write w = { kind, NULL, id, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, FALSE);

  return cobalt_database_run_write (cobalt_repository_get_database (repository), change_write, &w, error);
}

gboolean
cobalt_journal_store_restore (CobaltRepository  *repository,
                              GObject           *record,
                              GError           **error)
{
  Write w = { 0, record, 0, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (cobalt_journal_record_get_kind (record, &w.kind), FALSE);

  w.id = record_get_id (record);
  if (!record_validate (record, error) ||
      !cobalt_database_run_write (cobalt_repository_get_database (repository), restore_write, &w, error))
    return FALSE;

  record_set_id (record, w.new_id);
  return TRUE;
}
