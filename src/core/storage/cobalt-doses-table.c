/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-site.h"
#include "cobalt-tables-private.h"
#include "cobalt-time-zone.h"

/* The doses table (the injection log, doses not given included) and
 * dose_supply_uses, what each dose took from stock, which exists only so
 * that undoing a dose can give it back. */

typedef enum
{
  DOSES_SELECT_BY_ID,
  DOSES_SELECT_BY_PERSON,
  DOSES_SELECT_GIVEN_BY_PERSON,
  DOSES_COUNT_GIVEN,
  DOSES_COUNT_BY_SITE,
  DOSES_SELECT_ROWS,
  DOSES_EXISTS_AT,
  DOSES_INSERT,
  DOSES_UPDATE,
  DOSES_SET_DELETED,
  DOSES_UNDO,
  DOSE_SUPPLY_USES_INSERT,
  DOSE_SUPPLY_USES_DELETE,
  N_DOSES_STATEMENTS
} DosesStatement;

/* dose_from_row()'s columns. */
#define DOSE_COLUMNS \
  "id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product, batch, " \
  "expiry, given_by, given_by_name, checklist_run_id, notes, kind, advised_by, moved_to, " \
  "exceptions, exception_note"

/* INSERT and UPDATE: bind_dose() fills ?1..?20 (?20 the time of writing). */
static const char * const doses_sql[N_DOSES_STATEMENTS] = {
  [DOSES_SELECT_BY_ID] =
    "SELECT " DOSE_COLUMNS " FROM doses WHERE id = ?1",
  [DOSES_SELECT_BY_PERSON] =
    "SELECT " DOSE_COLUMNS " FROM doses WHERE person_id = ?1 AND deleted = 0 "
    "ORDER BY given_at_us, id",
  [DOSES_SELECT_GIVEN_BY_PERSON] =
    "SELECT " DOSE_COLUMNS " FROM doses WHERE person_id = ?1 AND deleted = 0 "
    "AND kind = 0 ORDER BY given_at_us, id",
  [DOSES_COUNT_GIVEN] =
    "SELECT count(*) FROM doses WHERE person_id = ?1 AND deleted = 0 AND kind = 0",
  [DOSES_COUNT_BY_SITE] =
    "SELECT site_id, count(*) FROM doses WHERE person_id = ?1 "
    "AND deleted = 0 AND kind = 0 AND given_at_us >= ?2 AND site_id IS NOT NULL "
    "GROUP BY site_id",
  /* Injections only: a dose not given on the clinic's advice has no row
   * in the exports, and importing it back would make it a dose given. */
  [DOSES_SELECT_ROWS] =
    "SELECT d.given_at_us, d.tz, d.site_id, d.product, d.amount, "
    "d.unit, d.batch, d.expiry, d.given_by, d.given_by_name, "
    "(SELECT r.state FROM checklist_runs r WHERE r.id = d.checklist_run_id), "
    "(SELECT group_concat(x.kind, ',') FROM reactions x WHERE x.dose_id = d.id), "
    "d.notes "
    "FROM doses d WHERE d.person_id = ? AND d.deleted = 0 AND d.kind = 0 "
    "ORDER BY d.given_at_us, d.id",
  [DOSES_EXISTS_AT] =
    "SELECT 1 FROM doses WHERE person_id = ?1 AND given_at_us = ?2 "
    "AND deleted = 0 LIMIT 1",
  [DOSES_INSERT] =
    "INSERT INTO doses (person_id, prescription_id, given_at_us, tz, site_id, "
    "amount, unit, product, batch, expiry, given_by, given_by_name, "
    "checklist_run_id, notes, kind, advised_by, moved_to, "
    "exceptions, exception_note, deleted, created_at_us, updated_at_us) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, 0, ?20, ?20)",
  [DOSES_UPDATE] =
    "UPDATE doses SET person_id = ?1, prescription_id = ?2, given_at_us = ?3, "
    "tz = ?4, site_id = ?5, amount = ?6, unit = ?7, product = ?8, batch = ?9, "
    "expiry = ?10, given_by = ?11, given_by_name = ?12, checklist_run_id = ?13, "
    "notes = ?14, kind = ?15, advised_by = ?16, moved_to = ?17, "
    "exceptions = ?18, exception_note = ?19, "
    "updated_at_us = ?20 WHERE id = ?21",
  [DOSES_SET_DELETED] =
    "UPDATE doses SET deleted = ?1, updated_at_us = ?2 WHERE id = ?3",
  /* The run link goes too: the reopened run will belong to the dose the
   * person logs next, not to this one. */
  [DOSES_UNDO] =
    "UPDATE doses SET deleted = 1, checklist_run_id = NULL, updated_at_us = ?2 "
    "WHERE id = ?1 AND deleted = 0",
  [DOSE_SUPPLY_USES_INSERT] =
    "INSERT INTO dose_supply_uses (dose_id, supply_item_id, sharps_bin_id) "
    "VALUES (?1, ?2, ?3)",
  [DOSE_SUPPLY_USES_DELETE] =
    "DELETE FROM dose_supply_uses WHERE dose_id = ?1",
};

static CobaltStatement *
prepare (CobaltDatabase  *db,
         DosesStatement   which,
         GError         **error)
{
  return cobalt_database_prepare (db, doses_sql[which], error);
}

static CobaltDose *
dose_from_row (CobaltStatement *stmt)
{
  CobaltDose *dose = cobalt_dose_new ();
  g_autoptr(GDateTime) given_at = NULL;
  GDate expiry;
  GDate moved_to;

  dose->id = cobalt_statement_get_int64 (stmt, 0);
  dose->person_id = cobalt_statement_get_int64 (stmt, 1);
  dose->prescription_id = cobalt_statement_get_id (stmt, 2);
  /* Shown in the zone it was given in, as the person saw the clock then. */
  given_at = cobalt_repository_from_us (cobalt_statement_get_int64 (stmt, 3),
                                        cobalt_statement_get_text (stmt, 4));
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, cobalt_statement_get_text (stmt, 5));
  dose->amount = cobalt_statement_get_double (stmt, 6);
  dose->unit = cobalt_statement_get_int64 (stmt, 7);
  dose->product = cobalt_statement_get_int64 (stmt, 8);
  cobalt_set_str (&dose->batch, cobalt_statement_get_text (stmt, 9));
  if (cobalt_statement_get_date (stmt, 10, &expiry))
    cobalt_set_date (&dose->expiry, &expiry);
  dose->given_by = cobalt_statement_get_int64 (stmt, 11);
  cobalt_set_str (&dose->given_by_name, cobalt_statement_get_text (stmt, 12));
  dose->checklist_run_id = cobalt_statement_get_id (stmt, 13);
  cobalt_set_str (&dose->notes, cobalt_statement_get_text (stmt, 14));
  dose->kind = cobalt_statement_get_int64 (stmt, 15);
  cobalt_set_str (&dose->advised_by, cobalt_statement_get_text (stmt, 16));
  if (cobalt_statement_get_date (stmt, 17, &moved_to))
    cobalt_set_date (&dose->moved_to, &moved_to);
  dose->exceptions = cobalt_statement_get_int64 (stmt, 18);
  cobalt_set_str (&dose->exception_note, cobalt_statement_get_text (stmt, 19));
  return dose;
}

/* Binds the editable fields as ?1..?19 (person, prescription, instant,
 * zone, site, amount, unit, product, batch, expiry, given by, name, run,
 * notes, kind, advised by, moved to, exceptions, exception note) and the
 * time of writing @now as ?20. */
static gboolean
bind_dose (CobaltStatement  *stmt,
           CobaltDose       *dose,
           gint64            now,
           GError          **error)
{
  /* Only a valid zone name is written: "/etc/localtime" or a zoneinfo
   * path ($TZ may say either) becomes a name or the offset. */
  g_autofree char *tz = cobalt_time_zone_dup_id_for_storage (cobalt_dose_get_timezone (dose),
                                                             dose->given_at);

  return cobalt_statement_bind_int64 (stmt, 1, dose->person_id, error) &&
         cobalt_statement_bind_id (stmt, 2, dose->prescription_id, error) &&
         cobalt_statement_bind_int64 (stmt, 3, cobalt_repository_to_us (dose->given_at), error) &&
         cobalt_statement_bind_text (stmt, 4, tz, error) &&
         cobalt_statement_bind_text (stmt, 5, dose->site_id, error) &&
         cobalt_statement_bind_double (stmt, 6, dose->amount, error) &&
         cobalt_statement_bind_int64 (stmt, 7, dose->unit, error) &&
         cobalt_statement_bind_int64 (stmt, 8, dose->product, error) &&
         cobalt_statement_bind_text (stmt, 9, dose->batch, error) &&
         cobalt_statement_bind_date (stmt, 10, dose->expiry, error) &&
         cobalt_statement_bind_int64 (stmt, 11, dose->given_by, error) &&
         cobalt_statement_bind_text (stmt, 12, dose->given_by_name, error) &&
         cobalt_statement_bind_id (stmt, 13, dose->checklist_run_id, error) &&
         cobalt_statement_bind_text (stmt, 14, dose->notes, error) &&
         cobalt_statement_bind_int64 (stmt, 15, dose->kind, error) &&
         cobalt_statement_bind_text (stmt, 16, dose->advised_by, error) &&
         cobalt_statement_bind_date (stmt, 17, dose->moved_to, error) &&
         cobalt_statement_bind_int64 (stmt, 18, dose->exceptions, error) &&
         cobalt_statement_bind_text (stmt, 19, dose->exception_note, error) &&
         cobalt_statement_bind_int64 (stmt, 20, now, error);
}

/* Runs @stmt, a write to the dose @dose_id; NOT_FOUND when it matched no
 * row (deleted meanwhile in another window, or never there). */
static gboolean
execute_for_dose (CobaltStatement  *stmt,
                  CobaltDatabase   *db,
                  gint64            dose_id,
                  GError          **error)
{
  if (!cobalt_statement_execute (stmt, error))
    return FALSE;
  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_DOSE, dose_id);
      return FALSE;
    }
  return TRUE;
}

/* Reads ------------------------------------------------------------------ */

CobaltDose *
cobalt_doses_table_select_by_id (CobaltDatabase  *db,
                                 gint64           dose_id,
                                 GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, DOSES_SELECT_BY_ID, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, dose_id, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return dose_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, COBALT_MISSING_DOSE, dose_id);
  return NULL;
}

GPtrArray *
cobalt_doses_table_select_by_person (CobaltDatabase  *db,
                                     gint64           person_id,
                                     gboolean         given_only,
                                     GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, given_only ? DOSES_SELECT_GIVEN_BY_PERSON : DOSES_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  doses = g_ptr_array_new_with_free_func (g_object_unref);
  while (cobalt_statement_step (stmt, &local_error))
    g_ptr_array_add (doses, dose_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&doses);
}

gboolean
cobalt_doses_table_count_given (CobaltDatabase  *db,
                                gint64           person_id,
                                guint           *count,
                                GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  *count = 0;
  stmt = prepare (db, DOSES_COUNT_GIVEN, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;

  if (!cobalt_statement_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *count = (guint) cobalt_statement_get_int64 (stmt, 0);
  return TRUE;
}

guint *
cobalt_doses_table_count_by_site (CobaltDatabase  *db,
                                  gint64           person_id,
                                  gint64           since_us,
                                  GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autofree guint *counts = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, DOSES_COUNT_BY_SITE, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, since_us, error))
    return NULL;

  counts = g_new0 (guint, cobalt_site_catalogue_get_n_sites ());
  while (cobalt_statement_step (stmt, &local_error))
    {
      int index = cobalt_site_catalogue_index_of (cobalt_statement_get_text (stmt, 0));

      if (index >= 0)
        counts[index] = cobalt_statement_get_int64 (stmt, 1);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&counts);
}

gboolean
cobalt_doses_table_foreach_row (CobaltDatabase     *db,
                                gint64              person_id,
                                CobaltDoseRowFunc   func,
                                gpointer            user_data,
                                GError            **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, DOSES_SELECT_ROWS, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;

  while (cobalt_statement_step (stmt, &local_error))
    {
      CobaltDoseRow row = {
        .given_at_us = cobalt_statement_get_int64 (stmt, 0),
        .tz = cobalt_statement_get_text (stmt, 1),
        .site_id = cobalt_statement_get_text (stmt, 2),
        .product = cobalt_statement_get_int64 (stmt, 3),
        .amount = cobalt_statement_get_double (stmt, 4),
        .unit = cobalt_statement_get_int64 (stmt, 5),
        .batch = cobalt_statement_get_text (stmt, 6),
        .expiry = cobalt_statement_get_text (stmt, 7),
        .given_by = cobalt_statement_get_int64 (stmt, 8),
        .given_by_name = cobalt_statement_get_text (stmt, 9),
        .run_state = cobalt_statement_get_is_null (stmt, 10) ? -1 : cobalt_statement_get_int64 (stmt, 10),
        .reaction_kinds = cobalt_statement_get_text (stmt, 11),
        .notes = cobalt_statement_get_text (stmt, 12),
      };

      func (&row, user_data);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Writes ------------------------------------------------------------------ */

gboolean
cobalt_doses_table_insert (CobaltDatabase  *db,
                           CobaltDose      *dose,
                           gint64          *new_id,
                           GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, DOSES_INSERT, error);
  if (stmt == NULL ||
      !bind_dose (stmt, dose, g_get_real_time (), error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_doses_table_insert_new (CobaltDatabase  *db,
                               gint64           person_id,
                               GPtrArray       *doses,
                               GArray          *ids,
                               guint           *n_skipped,
                               GError         **error)
{
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  gint64 now = g_get_real_time ();

  /* Both prepared once: an import may hold thousands of doses. */
  exists = prepare (db, DOSES_EXISTS_AT, error);
  insert = exists != NULL ? prepare (db, DOSES_INSERT, error) : NULL;
  if (insert == NULL)
    return FALSE;

  *n_skipped = 0;
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      g_autoptr(GError) local_error = NULL;
      gint64 new_id;

      cobalt_statement_reset (exists);
      if (!cobalt_statement_bind_int64 (exists, 1, person_id, error) ||
          !cobalt_statement_bind_int64 (exists, 2, cobalt_repository_to_us (dose->given_at), error))
        return FALSE;
      if (cobalt_statement_step (exists, &local_error))
        {
          gint64 none = 0;

          g_array_append_val (ids, none);
          (*n_skipped)++;
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      cobalt_statement_reset (insert);
      if (!bind_dose (insert, dose, now, error) ||
          !cobalt_statement_execute (insert, error))
        return FALSE;
      new_id = cobalt_database_get_last_insert_id (db);
      g_array_append_val (ids, new_id);
    }

  return TRUE;
}

gboolean
cobalt_doses_table_update (CobaltDatabase  *db,
                           CobaltDose      *dose,
                           GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, DOSES_UPDATE, error);
  return stmt != NULL &&
         bind_dose (stmt, dose, g_get_real_time (), error) &&
         cobalt_statement_bind_int64 (stmt, 21, dose->id, error) &&
         execute_for_dose (stmt, db, dose->id, error);
}

gboolean
cobalt_doses_table_set_deleted (CobaltDatabase  *db,
                                gint64           dose_id,
                                gboolean         deleted,
                                GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, DOSES_SET_DELETED, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, deleted ? 1 : 0, error) &&
         cobalt_statement_bind_int64 (stmt, 2, g_get_real_time (), error) &&
         cobalt_statement_bind_int64 (stmt, 3, dose_id, error) &&
         execute_for_dose (stmt, db, dose_id, error);
}

gboolean
cobalt_doses_table_undo (CobaltDatabase  *db,
                         gint64           dose_id,
                         GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, DOSES_UNDO, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, dose_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, g_get_real_time (), error) &&
         execute_for_dose (stmt, db, dose_id, error);
}

static gboolean
insert_use (CobaltStatement  *stmt,
            gint64            dose_id,
            gint64            item_id,
            gint64            bin_id,
            GError          **error)
{
  cobalt_statement_reset (stmt);
  return cobalt_statement_bind_int64 (stmt, 1, dose_id, error) &&
         cobalt_statement_bind_id (stmt, 2, item_id, error) &&
         cobalt_statement_bind_id (stmt, 3, bin_id, error) &&
         cobalt_statement_execute (stmt, error);
}

gboolean
cobalt_dose_supply_uses_table_insert (CobaltDatabase  *db,
                                      gint64           dose_id,
                                      GArray          *item_ids,
                                      gint64           bin_id,
                                      GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  if (item_ids->len == 0 && bin_id == 0)
    return TRUE;

  stmt = prepare (db, DOSE_SUPPLY_USES_INSERT, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < item_ids->len; i++)
    if (!insert_use (stmt, dose_id, g_array_index (item_ids, gint64, i), 0, error))
      return FALSE;

  return bin_id == 0 || insert_use (stmt, dose_id, 0, bin_id, error);
}

gboolean
cobalt_dose_supply_uses_table_delete (CobaltDatabase  *db,
                                      gint64           dose_id,
                                      GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, DOSE_SUPPLY_USES_DELETE, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, dose_id, error) &&
         cobalt_statement_execute (stmt, error);
}
