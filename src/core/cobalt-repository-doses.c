/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-site.h"

/* Doses (the injection log) and resting sites. */

#define DOSE_COLUMNS \
  "id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product, batch, " \
  "expiry, given_by, given_by_name, checklist_run_id, notes"

static CobaltDose *
dose_from_row (CobaltStatement *stmt)
{
  CobaltDose *dose = cobalt_dose_new ();
  g_autoptr(GDateTime) given_at = NULL;
  GDate expiry;

  cobalt_dose_set_id (dose, cobalt_statement_get_int64 (stmt, 0));
  cobalt_dose_set_person_id (dose, cobalt_statement_get_int64 (stmt, 1));
  cobalt_dose_set_prescription_id (dose, cobalt_statement_get_id (stmt, 2));
  /* Shown in the zone it was given in, as the person saw the clock then. */
  given_at = cobalt_repository_from_us (cobalt_statement_get_int64 (stmt, 3),
                                        cobalt_statement_get_text (stmt, 4));
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_dose_set_site_id (dose, cobalt_statement_get_text (stmt, 5));
  cobalt_dose_set_amount (dose, cobalt_statement_get_double (stmt, 6));
  cobalt_dose_set_unit (dose, cobalt_statement_get_int64 (stmt, 7));
  cobalt_dose_set_product (dose, cobalt_statement_get_int64 (stmt, 8));
  cobalt_dose_set_batch (dose, cobalt_statement_get_text (stmt, 9));
  if (cobalt_statement_get_date (stmt, 10, &expiry))
    cobalt_dose_set_expiry (dose, &expiry);
  cobalt_dose_set_given_by (dose, cobalt_statement_get_int64 (stmt, 11));
  cobalt_dose_set_given_by_name (dose, cobalt_statement_get_text (stmt, 12));
  cobalt_dose_set_checklist_run_id (dose, cobalt_statement_get_id (stmt, 13));
  cobalt_dose_set_notes (dose, cobalt_statement_get_text (stmt, 14));
  return dose;
}

/* Binds the editable fields as ?1..?14 (person, prescription, instant,
 * zone, site, amount, unit, product, batch, expiry, given by, name, run,
 * notes). */
static gboolean
bind_dose (CobaltStatement  *stmt,
           CobaltDose       *dose,
           GError          **error)
{
  GDateTime *given_at = cobalt_dose_get_given_at (dose);
  const char *tz = cobalt_dose_get_timezone (dose);

  return cobalt_statement_bind_int64 (stmt, 1, cobalt_dose_get_person_id (dose), error) &&
         cobalt_statement_bind_id (stmt, 2, cobalt_dose_get_prescription_id (dose), error) &&
         cobalt_statement_bind_int64 (stmt, 3, cobalt_repository_to_us (given_at), error) &&
         cobalt_statement_bind_text (stmt, 4, tz != NULL && *tz != '\0' ? tz : "UTC", error) &&
         cobalt_statement_bind_text (stmt, 5, cobalt_dose_get_site_id (dose), error) &&
         cobalt_statement_bind_double (stmt, 6, cobalt_dose_get_amount (dose), error) &&
         cobalt_statement_bind_int64 (stmt, 7, cobalt_dose_get_unit (dose), error) &&
         cobalt_statement_bind_int64 (stmt, 8, cobalt_dose_get_product (dose), error) &&
         cobalt_statement_bind_text (stmt, 9, cobalt_dose_get_batch (dose), error) &&
         cobalt_statement_bind_date (stmt, 10, cobalt_dose_get_expiry (dose), error) &&
         cobalt_statement_bind_int64 (stmt, 11, cobalt_dose_get_given_by (dose), error) &&
         cobalt_statement_bind_text (stmt, 12, cobalt_dose_get_given_by_name (dose), error) &&
         cobalt_statement_bind_id (stmt, 13, cobalt_dose_get_checklist_run_id (dose), error) &&
         cobalt_statement_bind_text (stmt, 14, cobalt_dose_get_notes (dose), error);
}

static gboolean
check_dose (CobaltDose  *dose,
            GError     **error)
{
  if (cobalt_dose_get_given_at (dose) == NULL)
    {
      g_set_error_literal (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT,
                           _("The dose has no date and time"));
      return FALSE;
    }
  if (cobalt_dose_get_amount (dose) < 0)
    {
      g_set_error_literal (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT,
                           _("The dose amount cannot be negative"));
      return FALSE;
    }
  return TRUE;
}

/* Appends the item's id to @used_ids when one was taken. */
static gboolean
use_one (CobaltDatabase    *db,
         CobaltSupplyItem  *item,
         GArray            *used_ids,
         GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  /* "count > 0" in the statement itself: a count never goes negative,
   * whatever another process did since the items were read. */
  stmt = cobalt_database_prepare (db,
                                  "UPDATE supply_items SET count = count - 1 WHERE id = ?1 AND count > 0",
                                  error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, cobalt_supply_item_get_id (item), error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) > 0)
    {
      gint64 id = cobalt_supply_item_get_id (item);

      g_array_append_val (used_ids, id);
    }
  return TRUE;
}

typedef struct
{
  CobaltDose *dose;
  gint64      new_id;
  char       *batch;        /* filled from the ampoule used, when the dose named none */
  GDate       expiry;
  GArray     *used_ids;     /* gint64 supply item ids taken from stock */
  gint64      bin_id;       /* the sharps bin filled, or 0 */
  gboolean    linked_run;
} AddDose;

static gboolean
use_supplies (CobaltDatabase  *db,
              AddDose         *data,
              GError         **error)
{
  CobaltDose *dose = data->dose;
  g_autoptr(GListModel) items = NULL;
  GDateTime *given_at = cobalt_dose_get_given_at (dose);
  CobaltSupplyItem *ampoule;
  GDate day;

  items = cobalt_repository_load_supply_items (db, cobalt_dose_get_person_id (dose), error);
  if (items == NULL)
    return FALSE;

  /* "Unexpired" on the day the dose was given, in the zone it was given. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (given_at),
                  g_date_time_get_month (given_at), g_date_time_get_year (given_at));

  ampoule = cobalt_supplies_pick_ampoule (items, cobalt_dose_get_batch (dose), &day);
  if (ampoule != NULL)
    {
      const char *batch = cobalt_dose_get_batch (dose);

      if (!use_one (db, ampoule, data->used_ids, error))
        return FALSE;

      /* The log records which batch went in, even when the person did not
       * type it: that is what a recall notice asks about. */
      if ((batch == NULL || *batch == '\0') && cobalt_supply_item_get_batch (ampoule) != NULL)
        {
          data->batch = g_strdup (cobalt_supply_item_get_batch (ampoule));
          if (cobalt_dose_get_expiry (dose) == NULL && cobalt_supply_item_get_expiry (ampoule) != NULL)
            data->expiry = *cobalt_supply_item_get_expiry (ampoule);
        }
    }

  for (CobaltSupplyKind kind = COBALT_SUPPLY_DRAWING_NEEDLE; kind < COBALT_N_SUPPLY_KINDS; kind++)
    {
      CobaltSupplyItem *item = cobalt_supplies_pick_item (items, kind, &day);

      if (item != NULL && !use_one (db, item, data->used_ids, error))
        return FALSE;
    }

  return TRUE;
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

/* Remembers what the new dose took, for cobalt_repository_undo_dose(). */
static gboolean
record_uses (CobaltDatabase  *db,
             AddDose         *data,
             GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  if (data->used_ids->len == 0 && data->bin_id == 0)
    return TRUE;

  stmt = cobalt_database_prepare (db,
                                  "INSERT INTO dose_supply_uses (dose_id, supply_item_id, sharps_bin_id) "
                                  "VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < data->used_ids->len; i++)
    if (!insert_use (stmt, data->new_id, g_array_index (data->used_ids, gint64, i), 0, error))
      return FALSE;

  return data->bin_id == 0 || insert_use (stmt, data->new_id, 0, data->bin_id, error);
}

static gboolean
add_dose_write (CobaltDatabase  *db,
                gpointer         user_data,
                GError         **error)
{
  AddDose *data = user_data;
  CobaltDose *dose = data->dose;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(CobaltStatement) bin = NULL;
  g_autoptr(CobaltStatement) run = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time ();
  gint64 run_id = cobalt_dose_get_checklist_run_id (dose);
  gboolean home_supplies;

  if (!cobalt_repository_check_person_exists (db, cobalt_dose_get_person_id (dose), error))
    return FALSE;

  /* A dose the clinic gave came from the clinic's own stock and went into
   * the clinic's sharps bin: the home cupboard stays as it is. */
  home_supplies = cobalt_dose_get_given_by (dose) != COBALT_GIVEN_BY_CLINIC;
  if (home_supplies && !use_supplies (db, data, error))
    return FALSE;

  insert = cobalt_database_prepare (db,
                                    "INSERT INTO doses (person_id, prescription_id, given_at_us, tz, site_id, "
                                    "amount, unit, product, batch, expiry, given_by, given_by_name, "
                                    "checklist_run_id, notes, deleted, created_at_us, updated_at_us) VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15, ?15)",
                                    error);
  if (insert == NULL || !bind_dose (insert, dose, error) ||
      (data->batch != NULL && !cobalt_statement_bind_text (insert, 9, data->batch, error)) ||
      (g_date_valid (&data->expiry) && !cobalt_statement_bind_date (insert, 10, &data->expiry, error)) ||
      !cobalt_statement_bind_int64 (insert, 15, now, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;
  data->new_id = cobalt_database_get_last_insert_id (db);

  if (!home_supplies)
    goto link_run;

  bin = cobalt_database_prepare (db, "UPDATE sharps_bins SET fill = fill + 1 WHERE person_id = ?1 RETURNING id",
                                 error);
  if (bin == NULL || !cobalt_statement_bind_int64 (bin, 1, cobalt_dose_get_person_id (dose), error))
    return FALSE;
  if (cobalt_statement_step (bin, &local_error))
    {
      data->bin_id = cobalt_statement_get_int64 (bin, 0);
      /* Run the statement to its end (person_id is unique: one row). */
      if (!cobalt_statement_execute (bin, error))
        return FALSE;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!record_uses (db, data, error))
    return FALSE;

link_run:
  if (run_id != 0)
    {
      /* The run this dose came from is done: link it, and close it if the
       * wizard had not yet. Another person's run is refused. */
      run = cobalt_database_prepare (db,
                                     "UPDATE checklist_runs SET dose_id = ?1, "
                                     "state = CASE state WHEN 0 THEN 1 ELSE state END, "
                                     "finished_at_us = coalesce(finished_at_us, max(?2, started_at_us)) "
                                     "WHERE id = ?3 AND person_id = ?4", error);
      if (run == NULL ||
          !cobalt_statement_bind_int64 (run, 1, data->new_id, error) ||
          !cobalt_statement_bind_int64 (run, 2, cobalt_repository_to_us (cobalt_dose_get_given_at (dose)), error) ||
          !cobalt_statement_bind_int64 (run, 3, run_id, error) ||
          !cobalt_statement_bind_int64 (run, 4, cobalt_dose_get_person_id (dose), error) ||
          !cobalt_statement_execute (run, error))
        return FALSE;
      if (cobalt_database_get_changes (db) == 0)
        {
          cobalt_repository_set_not_found (error, _("checklist run"), run_id);
          return FALSE;
        }
      data->linked_run = TRUE;
    }

  return TRUE;
}

typedef struct
{
  CobaltDose *dose;
  gint64      dose_id;
  gboolean    deleted;
} DoseChange;

static gboolean
update_dose_write (CobaltDatabase  *db,
                   gpointer         user_data,
                   GError         **error)
{
  DoseChange *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db,
                                  "UPDATE doses SET person_id = ?1, prescription_id = ?2, given_at_us = ?3, "
                                  "tz = ?4, site_id = ?5, amount = ?6, unit = ?7, product = ?8, batch = ?9, "
                                  "expiry = ?10, given_by = ?11, given_by_name = ?12, checklist_run_id = ?13, "
                                  "notes = ?14, updated_at_us = ?15 WHERE id = ?16", error);
  if (stmt == NULL || !bind_dose (stmt, data->dose, error) ||
      !cobalt_statement_bind_int64 (stmt, 15, g_get_real_time (), error) ||
      !cobalt_statement_bind_int64 (stmt, 16, cobalt_dose_get_id (data->dose), error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, _("dose"), cobalt_dose_get_id (data->dose));
      return FALSE;
    }
  return TRUE;
}

static gboolean
mark_deleted_write (CobaltDatabase  *db,
                    gpointer         user_data,
                    GError         **error)
{
  DoseChange *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db, "UPDATE doses SET deleted = ?1, updated_at_us = ?2 WHERE id = ?3", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, data->deleted ? 1 : 0, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, g_get_real_time (), error) ||
      !cobalt_statement_bind_int64 (stmt, 3, data->dose_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, _("dose"), data->dose_id);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64   dose_id;
  gboolean gave_back;
  gboolean emptied_bin;
  gboolean reopened_run;
} UndoDose;

/* Runs one statement with the dose id as ?1; @changed (optional) tells
 * whether it touched any row. */
static gboolean
exec_for_dose (CobaltDatabase  *db,
               const char      *sql,
               gint64           dose_id,
               gboolean        *changed,
               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (db, sql, error);

  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, dose_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = cobalt_database_get_changes (db) > 0;
  return TRUE;
}

static gboolean
undo_dose_write (CobaltDatabase  *db,
                 gpointer         user_data,
                 GError         **error)
{
  UndoDose *data = user_data;
  g_autoptr(CobaltStatement) mark = NULL;

  /* The run link goes too: the reopened run will belong to the dose the
   * person logs next, not to this one. */
  mark = cobalt_database_prepare (db,
                                  "UPDATE doses SET deleted = 1, checklist_run_id = NULL, updated_at_us = ?2 "
                                  "WHERE id = ?1 AND deleted = 0", error);
  if (mark == NULL ||
      !cobalt_statement_bind_int64 (mark, 1, data->dose_id, error) ||
      !cobalt_statement_bind_int64 (mark, 2, g_get_real_time (), error) ||
      !cobalt_statement_execute (mark, error))
    return FALSE;
  if (cobalt_database_get_changes (db) == 0)
    {
      /* Already undone (or deleted) counts as missing: giving the
       * supplies back twice would make stock up. */
      cobalt_repository_set_not_found (error, _("dose"), data->dose_id);
      return FALSE;
    }

  if (!exec_for_dose (db,
                      "UPDATE supply_items SET count = count + 1 WHERE id IN "
                      "(SELECT supply_item_id FROM dose_supply_uses WHERE dose_id = ?1)",
                      data->dose_id, &data->gave_back, error))
    return FALSE;

  /* A bin replaced since then holds nothing of this dose: never below 0. */
  if (!exec_for_dose (db,
                      "UPDATE sharps_bins SET fill = fill - 1 WHERE fill > 0 AND id IN "
                      "(SELECT sharps_bin_id FROM dose_supply_uses WHERE dose_id = ?1)",
                      data->dose_id, &data->emptied_bin, error))
    return FALSE;

  if (!exec_for_dose (db, "DELETE FROM dose_supply_uses WHERE dose_id = ?1", data->dose_id, NULL, error))
    return FALSE;

  /* Right-hand sides see the old row: only a completed run is reopened;
   * an aborted one keeps its state and reason and just loses the link. */
  return exec_for_dose (db,
                        "UPDATE checklist_runs SET dose_id = NULL, "
                        "finished_at_us = CASE state WHEN 1 THEN NULL ELSE finished_at_us END, "
                        "state = CASE state WHEN 1 THEN 0 ELSE state END "
                        "WHERE dose_id = ?1",
                        data->dose_id, &data->reopened_run, error);
}

typedef struct
{
  gint64                   person_id;
  const CobaltRestingSite *resting;
  const char              *site_id;
} RestingChange;

static gboolean
set_resting_write (CobaltDatabase  *db,
                   gpointer         user_data,
                   GError         **error)
{
  RestingChange *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  if (!cobalt_repository_check_person_exists (db, data->person_id, error))
    return FALSE;

  stmt = cobalt_database_prepare (db,
                                  "INSERT INTO resting_sites (person_id, site_id, until, reason) "
                                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person_id, site_id) DO UPDATE "
                                  "SET until = excluded.until, reason = excluded.reason", error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, data->person_id, error) &&
         cobalt_statement_bind_text (stmt, 2, data->resting->site_id, error) &&
         cobalt_statement_bind_date (stmt, 3, &data->resting->until, error) &&
         cobalt_statement_bind_text (stmt, 4, data->resting->reason, error) &&
         cobalt_statement_execute (stmt, error);
}

static gboolean
clear_resting_write (CobaltDatabase  *db,
                     gpointer         user_data,
                     GError         **error)
{
  RestingChange *data = user_data;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (db, "DELETE FROM resting_sites WHERE person_id = ?1 AND site_id = ?2", error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, data->person_id, error) &&
         cobalt_statement_bind_text (stmt, 2, data->site_id, error) &&
         cobalt_statement_execute (stmt, error);
}

/* Public: doses ------------------------------------------------------------- */

gboolean
cobalt_repository_add_dose (CobaltRepository  *self,
                            CobaltDose        *dose,
                            GError           **error)
{
  g_autoptr(GArray) used_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AddDose data = { dose, 0, NULL, { 0 }, used_ids, 0, FALSE };
  gboolean ok;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);
  g_return_val_if_fail (cobalt_dose_get_id (dose) == 0, FALSE);

  if (!check_dose (dose, error))
    return FALSE;

  g_date_clear (&data.expiry, 1);
  ok = cobalt_database_run_write (cobalt_repository_get_database (self), add_dose_write, &data, error);
  if (ok)
    {
      cobalt_dose_set_id (dose, data.new_id);
      if (data.batch != NULL)
        cobalt_dose_set_batch (dose, data.batch);
      if (g_date_valid (&data.expiry))
        cobalt_dose_set_expiry (dose, &data.expiry);

      cobalt_repository_emit_changed (self, "doses");
      if (data.used_ids->len > 0)
        cobalt_repository_emit_changed (self, "supply_items");
      if (data.bin_id != 0)
        cobalt_repository_emit_changed (self, "sharps_bins");
      if (data.linked_run)
        cobalt_repository_emit_changed (self, "checklist_runs");
    }

  g_free (data.batch);
  return ok;
}

gboolean
cobalt_repository_update_dose (CobaltRepository  *self,
                               CobaltDose        *dose,
                               GError           **error)
{
  DoseChange data = { dose, 0, FALSE };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);

  if (!check_dose (dose, error))
    return FALSE;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), update_dose_write, &data, error))
    return FALSE;

  cobalt_repository_emit_changed (self, "doses");
  return TRUE;
}

static gboolean
set_deleted (CobaltRepository  *self,
             gint64             dose_id,
             gboolean           deleted,
             GError           **error)
{
  DoseChange data = { NULL, dose_id, deleted };

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), mark_deleted_write, &data, error))
    return FALSE;

  cobalt_repository_emit_changed (self, "doses");
  return TRUE;
}

gboolean
cobalt_repository_delete_dose (CobaltRepository  *self,
                               gint64             dose_id,
                               GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return set_deleted (self, dose_id, TRUE, error);
}

gboolean
cobalt_repository_restore_dose (CobaltRepository  *self,
                                gint64             dose_id,
                                GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return set_deleted (self, dose_id, FALSE, error);
}

gboolean
cobalt_repository_undo_dose (CobaltRepository  *self,
                             gint64             dose_id,
                             GError           **error)
{
  UndoDose data = { dose_id, FALSE, FALSE, FALSE };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), undo_dose_write, &data, error))
    return FALSE;

  cobalt_repository_emit_changed (self, "doses");
  if (data.gave_back)
    cobalt_repository_emit_changed (self, "supply_items");
  if (data.emptied_bin)
    cobalt_repository_emit_changed (self, "sharps_bins");
  if (data.reopened_run)
    cobalt_repository_emit_changed (self, "checklist_runs");
  return TRUE;
}

GPtrArray *
cobalt_repository_list_doses (CobaltRepository  *self,
                              gint64             person_id,
                              GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT " DOSE_COLUMNS " FROM doses WHERE person_id = ?1 AND deleted = 0 "
                                  "ORDER BY given_at_us, id", error);
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

CobaltDose *
cobalt_repository_get_dose (CobaltRepository  *self,
                            gint64             dose_id,
                            GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  /* Deleted doses too: the undo bar shows what it would bring back. */
  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT " DOSE_COLUMNS " FROM doses WHERE id = ?1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, dose_id, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return dose_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, _("dose"), dose_id);
  return NULL;
}

guint
cobalt_repository_count_doses (CobaltRepository  *self,
                               gint64             person_id,
                               GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), 0);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT count(*) FROM doses WHERE person_id = ?1 AND deleted = 0", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return 0;

  if (cobalt_statement_step (stmt, &local_error))
    return (guint) cobalt_statement_get_int64 (stmt, 0);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* Public: resting sites ------------------------------------------------------ */

GPtrArray *
cobalt_repository_list_resting_sites (CobaltRepository  *self,
                                      gint64             person_id,
                                      GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT site_id, until, reason FROM resting_sites WHERE person_id = ?1 "
                                  "ORDER BY until, site_id", error);
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
cobalt_repository_set_site_resting (CobaltRepository         *self,
                                    gint64                    person_id,
                                    const CobaltRestingSite  *resting,
                                    GError                  **error)
{
  RestingChange data = { person_id, resting, NULL };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (resting != NULL, FALSE);

  if (cobalt_site_catalogue_lookup (resting->site_id) == NULL)
    {
      g_set_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is not a known injection site"), resting->site_id != NULL ? resting->site_id : "");
      return FALSE;
    }
  if (!g_date_valid (&resting->until))
    {
      g_set_error_literal (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT,
                           _("Choose the day until which the site rests"));
      return FALSE;
    }

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), set_resting_write, &data, error))
    return FALSE;

  cobalt_repository_emit_changed (self, "resting_sites");
  return TRUE;
}

gboolean
cobalt_repository_clear_site_resting (CobaltRepository  *self,
                                      gint64             person_id,
                                      const char        *site_id,
                                      GError           **error)
{
  RestingChange data = { person_id, NULL, site_id };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (site_id != NULL, FALSE);

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), clear_resting_write, &data, error))
    return FALSE;

  cobalt_repository_emit_changed (self, "resting_sites");
  return TRUE;
}
