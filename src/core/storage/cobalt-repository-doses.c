/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose-rules.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-site.h"

/* Doses (the injection log) and resting sites. */

#define DOSE_COLUMNS \
  "id, person_id, prescription_id, given_at_us, tz, site_id, amount, unit, product, batch, " \
  "expiry, given_by, given_by_name, checklist_run_id, notes, kind, advised_by, moved_to, " \
  "exceptions, exception_note"

/* bind_dose()'s ?1..?19, and ?20 the time of writing. */
#define INSERT_DOSE \
  "INSERT INTO doses (person_id, prescription_id, given_at_us, tz, site_id, " \
  "amount, unit, product, batch, expiry, given_by, given_by_name, " \
  "checklist_run_id, notes, kind, advised_by, moved_to, " \
  "exceptions, exception_note, deleted, created_at_us, updated_at_us) VALUES " \
  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, " \
  "?15, ?16, ?17, ?18, ?19, 0, ?20, ?20)"

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
 * notes, kind, advised by, moved to, exceptions, exception note). */
static gboolean
bind_dose (CobaltStatement  *stmt,
           CobaltDose       *dose,
           GError          **error)
{
  GDateTime *given_at = dose->given_at;
  const char *tz = cobalt_dose_get_timezone (dose);

  return cobalt_statement_bind_int64 (stmt, 1, dose->person_id, error) &&
         cobalt_statement_bind_id (stmt, 2, dose->prescription_id, error) &&
         cobalt_statement_bind_int64 (stmt, 3, cobalt_repository_to_us (given_at), error) &&
         cobalt_statement_bind_text (stmt, 4, tz != NULL && *tz != '\0' ? tz : "UTC", error) &&
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
         cobalt_statement_bind_text (stmt, 19, dose->exception_note, error);
}

/* The prescription a dose is judged against: the version it was logged
 * under, else the one the person had then (the newest made by then, or
 * their first for a dose older than every version); NULL when they have
 * none. */
static gboolean
load_prescription_for (CobaltDatabase      *db,
                       CobaltDose          *dose,
                       CobaltPrescription **prescription,
                       GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = dose->prescription_id;

  *prescription = NULL;
  if (id == 0)
    {
      GDateTime *given_at = dose->given_at;

      stmt = cobalt_database_prepare (db,
                                      "SELECT id FROM prescriptions WHERE person_id = ?1 "
                                      "ORDER BY created_at_us > ?2, "
                                      "CASE WHEN created_at_us <= ?2 THEN -created_at_us ELSE created_at_us END, "
                                      "id DESC LIMIT 1", error);
      if (stmt == NULL ||
          !cobalt_statement_bind_int64 (stmt, 1, dose->person_id, error) ||
          !cobalt_statement_bind_int64 (stmt, 2, given_at != NULL ? cobalt_repository_to_us (given_at) : 0, error))
        return FALSE;
      if (!cobalt_statement_step (stmt, &local_error))
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      id = cobalt_statement_get_int64 (stmt, 0);
    }

  *prescription = cobalt_repository_load_prescription (db, id, error);
  return *prescription != NULL;
}

static GPtrArray *list_doses (CobaltRepository  *self,
                              gint64             person_id,
                              gboolean           given_only,
                              GError           **error);

/* The door every dose goes through (cobalt-dose-rules.h), with what the
 * rules need from the log: the person, the prescription, and the history
 * only when the phases' doses differ. @batch (may be NULL) holds doses
 * about to be written with this one, not yet in the log. */
static gboolean
validate_dose (CobaltRepository  *self,
               CobaltDose        *dose,
               GPtrArray         *batch,
               GError           **error)
{
  CobaltDatabase *db = cobalt_repository_get_database (self);
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) now = NULL;

  person = cobalt_repository_get_person (self, dose->person_id, error);
  if (person == NULL || !load_prescription_for (db, dose, &prescription, error))
    return FALSE;

  if (prescription != NULL && cobalt_dose_is_given (dose) && cobalt_dose_rules_needs_history (prescription))
    {
      history = list_doses (self, dose->person_id, FALSE, error);
      if (history == NULL)
        return FALSE;
      for (guint i = 0; batch != NULL && i < batch->len; i++)
        g_ptr_array_add (history, g_object_ref (g_ptr_array_index (batch, i)));
    }

  now = cobalt_clock_get_now (cobalt_repository_get_clock (self));
  return cobalt_dose_validate (dose, person, prescription, history, now, error);
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
      !cobalt_statement_bind_int64 (stmt, 1, item->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) > 0)
    {
      gint64 id = item->id;

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
  g_autoptr(CobaltPrescription) prescription = NULL;
  GDateTime *given_at = dose->given_at;
  gint64 prescription_id = dose->prescription_id;
  CobaltSupplyItem *ampoule;
  GDate day;

  items = cobalt_repository_load_supply_items (db, dose->person_id, error);
  if (items == NULL)
    return FALSE;

  /* Without a named batch, only a box of the prescribed product and
   * strength can be the one that was used. */
  if (prescription_id != 0)
    {
      prescription = cobalt_repository_load_prescription (db, prescription_id, error);
      if (prescription == NULL)
        return FALSE;
    }

  /* "Unexpired" on the day the dose was given, in the zone it was given. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (given_at),
                  g_date_time_get_month (given_at), g_date_time_get_year (given_at));

  ampoule = cobalt_supplies_pick_ampoule (items, prescription, dose->batch, &day);
  if (ampoule != NULL)
    {
      const char *batch = dose->batch;

      if (!use_one (db, ampoule, data->used_ids, error))
        return FALSE;

      /* The log records which batch went in, even when the person did not
       * type it: that is what a recall notice asks about. */
      if ((batch == NULL || *batch == '\0') && ampoule->batch != NULL)
        {
          data->batch = g_strdup (ampoule->batch);
          if (dose->expiry == NULL && ampoule->expiry != NULL)
            data->expiry = *ampoule->expiry;
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
  gint64 run_id = dose->checklist_run_id;
  gboolean home_supplies;

  if (!cobalt_repository_check_person_exists (db, dose->person_id, error))
    return FALSE;

  /* A dose the clinic gave came from the clinic's own stock and went into
   * the clinic's sharps bin: the home cupboard stays as it is. A dose not
   * given used nothing at all. */
  home_supplies = dose->given_by != COBALT_GIVEN_BY_CLINIC &&
                  cobalt_dose_is_given (dose);
  if (home_supplies && !use_supplies (db, data, error))
    return FALSE;

  insert = cobalt_database_prepare (db,
                                    INSERT_DOSE, error);
  if (insert == NULL || !bind_dose (insert, dose, error) ||
      (data->batch != NULL && !cobalt_statement_bind_text (insert, 9, data->batch, error)) ||
      (g_date_valid (&data->expiry) && !cobalt_statement_bind_date (insert, 10, &data->expiry, error)) ||
      !cobalt_statement_bind_int64 (insert, 20, now, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;
  data->new_id = cobalt_database_get_last_insert_id (db);

  if (!home_supplies)
    goto link_run;

  bin = cobalt_database_prepare (db, "UPDATE sharps_bins SET fill = fill + 1 WHERE person_id = ?1 RETURNING id",
                                 error);
  if (bin == NULL || !cobalt_statement_bind_int64 (bin, 1, dose->person_id, error))
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
          !cobalt_statement_bind_int64 (run, 2, cobalt_repository_to_us (dose->given_at), error) ||
          !cobalt_statement_bind_int64 (run, 3, run_id, error) ||
          !cobalt_statement_bind_int64 (run, 4, dose->person_id, error) ||
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
                                  "notes = ?14, kind = ?15, advised_by = ?16, moved_to = ?17, "
                                  "exceptions = ?18, exception_note = ?19, "
                                  "updated_at_us = ?20 WHERE id = ?21", error);
  if (stmt == NULL || !bind_dose (stmt, data->dose, error) ||
      !cobalt_statement_bind_int64 (stmt, 20, g_get_real_time (), error) ||
      !cobalt_statement_bind_int64 (stmt, 21, data->dose->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, _("dose"), data->dose->id);
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

static GPtrArray *
list_doses (CobaltRepository  *self,
            gint64             person_id,
            gboolean           given_only,
            GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  given_only
                                    ? "SELECT " DOSE_COLUMNS " FROM doses WHERE person_id = ?1 AND deleted = 0 "
                                      "AND kind = 0 ORDER BY given_at_us, id"
                                    : "SELECT " DOSE_COLUMNS " FROM doses WHERE person_id = ?1 AND deleted = 0 "
                                      "ORDER BY given_at_us, id",
                                  error);
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

typedef struct
{
  gint64     person_id;
  GPtrArray *doses;       /* CobaltDose to write, checked */
  GArray    *ids;         /* gint64: the new id of each, 0 when skipped */
  guint      n_imported;
  guint      n_skipped;   /* written meanwhile by another process */
} ImportDoses;

static gboolean
import_doses_write (CobaltDatabase  *db,
                    gpointer         user_data,
                    GError         **error)
{
  ImportDoses *data = user_data;
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  gint64 now = g_get_real_time ();

  if (!cobalt_repository_check_person_exists (db, data->person_id, error))
    return FALSE;

  exists = cobalt_database_prepare (db,
                                    "SELECT 1 FROM doses WHERE person_id = ?1 AND given_at_us = ?2 "
                                    "AND deleted = 0 LIMIT 1", error);
  insert = exists != NULL ? cobalt_database_prepare (db, INSERT_DOSE, error) : NULL;
  if (insert == NULL)
    return FALSE;

  data->n_imported = data->n_skipped = 0;
  g_array_set_size (data->ids, 0);
  for (guint i = 0; i < data->doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (data->doses, i);
      g_autoptr(GError) local_error = NULL;
      gint64 new_id;

      /* Written by another process since the doses were checked: the
       * same injection, as when it was there before. */
      cobalt_statement_reset (exists);
      if (!cobalt_statement_bind_int64 (exists, 1, data->person_id, error) ||
          !cobalt_statement_bind_int64 (exists, 2, cobalt_repository_to_us (dose->given_at), error))
        return FALSE;
      if (cobalt_statement_step (exists, &local_error))
        {
          gint64 none = 0;

          g_array_append_val (data->ids, none);
          data->n_skipped++;
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      cobalt_statement_reset (insert);
      if (!bind_dose (insert, dose, error) ||
          !cobalt_statement_bind_int64 (insert, 20, now, error) ||
          !cobalt_statement_execute (insert, error))
        return FALSE;
      new_id = cobalt_database_get_last_insert_id (db);
      g_array_append_val (data->ids, new_id);
      data->n_imported++;
    }

  return TRUE;
}

static void
free_refusal (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static gint64
instant_us (CobaltDose *dose)
{
  return cobalt_repository_to_us (dose->given_at);
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
  g_return_val_if_fail (dose->id == 0, FALSE);

  if (!validate_dose (self, dose, NULL, error))
    return FALSE;

  g_date_clear (&data.expiry, 1);
  ok = cobalt_database_run_write (cobalt_repository_get_database (self), add_dose_write, &data, error);
  if (ok)
    {
      dose->id = data.new_id;
      if (data.batch != NULL)
        cobalt_set_str (&dose->batch, data.batch);
      if (g_date_valid (&data.expiry))
        cobalt_set_date (&dose->expiry, &data.expiry);
    }

  g_free (data.batch);
  return ok;
}

gboolean
cobalt_repository_import_doses (CobaltRepository  *self,
                                gint64             person_id,
                                GPtrArray         *doses,
                                guint             *n_imported,
                                guint             *n_skipped,
                                GPtrArray        **refusals,
                                GError           **error)
{
  g_autoptr(GPtrArray) logged = NULL;
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GHashTable) instants = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ImportDoses data = { person_id, NULL, ids, 0, 0 };
  guint n_skipped_before = 0;
  guint n_refused = 0;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (doses != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;
  if (refusals != NULL)
    *refusals = NULL;

  logged = list_doses (self, person_id, FALSE, error);
  if (logged == NULL)
    return FALSE;

  /* The same instant twice (in the log or earlier in @doses) is the same
   * injection: importing a file again must not double the log. */
  instants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < logged->len; i++)
    {
      gint64 at = instant_us (g_ptr_array_index (logged, i));

      g_hash_table_add (instants, g_memdup2 (&at, sizeof at));
    }

  /* Every dose is checked, even after a refused one, so that one report
   * lists all that needs fixing; each against the log and the doses
   * before it, as if they had been logged one by one. */
  checked = g_ptr_array_new_with_free_func (g_object_unref);
  refused = g_ptr_array_new_full (doses->len, free_refusal);
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      GError *refusal = NULL;
      gint64 at;

      g_return_val_if_fail (COBALT_IS_DOSE (dose) && dose->id == 0, FALSE);
      g_return_val_if_fail (dose->person_id == person_id, FALSE);

      if (dose->given_at != NULL)
        {
          at = instant_us (dose);
          if (g_hash_table_contains (instants, &at))
            {
              n_skipped_before++;
              g_ptr_array_add (refused, NULL);
              continue;
            }
          g_hash_table_add (instants, g_memdup2 (&at, sizeof at));
        }

      if (!validate_dose (self, dose, checked, &refusal))
        {
          /* The person or the log could not be read: not the dose's fault. */
          if (refusal->domain != COBALT_DOSE_ERROR)
            {
              g_propagate_error (error, refusal);
              return FALSE;
            }
          n_refused++;
        }
      else
        g_ptr_array_add (checked, g_object_ref (dose));
      g_ptr_array_add (refused, refusal);
    }

  if (n_refused > 0)
    {
      for (guint i = 0; i < refused->len; i++)
        if (g_ptr_array_index (refused, i) != NULL)
          {
            g_propagate_error (error, g_error_copy (g_ptr_array_index (refused, i)));
            break;
          }
      if (refusals != NULL)
        *refusals = g_steal_pointer (&refused);
      return FALSE;
    }

  data.doses = checked;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), import_doses_write, &data, error))
    return FALSE;

  /* The ids only once the transaction committed. */
  for (guint i = 0; i < checked->len; i++)
    COBALT_DOSE (g_ptr_array_index (checked, i))->id = g_array_index (ids, gint64, i);
  if (n_imported != NULL)
    *n_imported = data.n_imported;
  if (n_skipped != NULL)
    *n_skipped = n_skipped_before + data.n_skipped;
  return TRUE;
}

gboolean
cobalt_repository_update_dose (CobaltRepository  *self,
                               CobaltDose        *dose,
                               GError           **error)
{
  DoseChange data = { dose, 0, FALSE };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);

  if (!validate_dose (self, dose, NULL, error))
    return FALSE;
  return cobalt_database_run_write (cobalt_repository_get_database (self), update_dose_write, &data, error);
}

static gboolean
set_deleted (CobaltRepository  *self,
             gint64             dose_id,
             gboolean           deleted,
             GError           **error)
{
  DoseChange data = { NULL, dose_id, deleted };

  return cobalt_database_run_write (cobalt_repository_get_database (self), mark_deleted_write, &data, error);
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

  return cobalt_database_run_write (cobalt_repository_get_database (self), undo_dose_write, &data, error);
}

GPtrArray *
cobalt_repository_list_doses (CobaltRepository  *self,
                              gint64             person_id,
                              GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return list_doses (self, person_id, TRUE, error);
}

GPtrArray *
cobalt_repository_list_schedule_doses (CobaltRepository  *self,
                                       gint64             person_id,
                                       GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return list_doses (self, person_id, FALSE, error);
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
                                  "SELECT count(*) FROM doses WHERE person_id = ?1 AND deleted = 0 AND kind = 0",
                                  error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return 0;

  if (cobalt_statement_step (stmt, &local_error))
    return (guint) cobalt_statement_get_int64 (stmt, 0);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

guint *
cobalt_repository_count_doses_by_site (CobaltRepository  *self,
                                       gint64             person_id,
                                       GDateTime         *since,
                                       GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autofree guint *counts = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT site_id, count(*) FROM doses WHERE person_id = ?1 "
                                  "AND deleted = 0 AND kind = 0 AND given_at_us >= ?2 AND site_id IS NOT NULL "
                                  "GROUP BY site_id", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_repository_bind_time (stmt, 2, since, error))
    return NULL;

  counts = g_new0 (guint, cobalt_site_catalogue_get_n_sites ());
  while (cobalt_statement_step (stmt, &local_error))
    {
      int index = cobalt_site_catalogue_index_of (cobalt_statement_get_text (stmt, 0));

      /* A site no longer in the catalogue is left out. */
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

  return cobalt_database_run_write (cobalt_repository_get_database (self), set_resting_write, &data, error);
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

  return cobalt_database_run_write (cobalt_repository_get_database (self), clear_resting_write, &data, error);
}
