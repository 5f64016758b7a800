/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose-rules.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-site.h"
#include "cobalt-tables-private.h"

/* Doses (the injection log) and resting sites: what logging, changing
 * and undoing a dose does, in one transaction each. The SQL is in
 * cobalt-doses-table.c and the tables a dose touches. */

/* The prescription a dose is judged against: the version it was logged
 * under, else the one the person had then; NULL when they have none. */
static gboolean
load_prescription_for (CobaltDatabase      *db,
                       CobaltDose          *dose,
                       CobaltPrescription **prescription,
                       GError             **error)
{
  gint64 id = dose->prescription_id;

  *prescription = NULL;
  if (id == 0)
    {
      gint64 at_us = dose->given_at != NULL ? cobalt_repository_to_us (dose->given_at) : 0;

      if (!cobalt_prescriptions_table_select_id_at (db, dose->person_id, at_us, &id, error))
        return FALSE;
      if (id == 0)
        return TRUE;
    }

  *prescription = cobalt_prescriptions_table_select_by_id (db, id, error);
  return *prescription != NULL;
}

static GPtrArray *
list_doses (CobaltRepository  *self,
            gint64             person_id,
            gboolean           given_only,
            GError           **error)
{
  return cobalt_doses_table_select_by_person (cobalt_repository_get_database (self),
                                              person_id, given_only, error);
}

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

/* Writes ---------------------------------------------------------------------- */

typedef struct
{
  CobaltDose *dose;
  gint64      new_id;
  char       *batch;        /* filled from the ampoule used, when the dose named none */
  GDate       expiry;
  GArray     *used_ids;     /* gint64 supply item ids taken from stock */
  gint64      bin_id;       /* the sharps bin filled, or 0 */
} AddDose;

/* Appends the item's id to @data->used_ids when one was taken. */
static gboolean
use_one (CobaltDatabase    *db,
         AddDose           *data,
         CobaltSupplyItem  *item,
         GError           **error)
{
  gboolean taken;

  if (!cobalt_supply_items_table_take_one (db, item->id, &taken, error))
    return FALSE;

  if (taken)
    {
      gint64 id = item->id;

      g_array_append_val (data->used_ids, id);
    }
  return TRUE;
}

static gboolean
use_supplies (CobaltDatabase  *db,
              AddDose         *data,
              GError         **error)
{
  CobaltDose *dose = data->dose;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  GDateTime *given_at = dose->given_at;
  CobaltSupplyItem *ampoule;
  GDate day;

  items = cobalt_supply_items_table_select_by_person (db, dose->person_id, error);
  if (items == NULL)
    return FALSE;

  /* Without a named batch, only a box of the prescribed product and
   * strength can be the one that was used. */
  if (dose->prescription_id != 0)
    {
      prescription = cobalt_prescriptions_table_select_by_id (db, dose->prescription_id, error);
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

      if (!use_one (db, data, ampoule, error))
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

      if (item != NULL && !use_one (db, data, item, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_dose_write (CobaltDatabase  *db,
                gpointer         user_data,
                GError         **error)
{
  AddDose *data = user_data;
  CobaltDose *dose = data->dose;
  g_autoptr(CobaltDose) logged = NULL;
  gboolean home_supplies;

  if (!cobalt_people_table_check_exists (db, dose->person_id, error))
    return FALSE;

  /* A dose the clinic gave came from the clinic's own stock and went into
   * the clinic's sharps bin: the home cupboard stays as it is. A dose not
   * given used nothing at all. */
  home_supplies = dose->given_by != COBALT_GIVEN_BY_CLINIC &&
                  cobalt_dose_is_given (dose);
  if (home_supplies && !use_supplies (db, data, error))
    return FALSE;

  /* The ampoule's batch goes into the log now, into @dose only once the
   * transaction has committed. */
  logged = cobalt_dose_copy (dose);
  if (data->batch != NULL)
    cobalt_set_str (&logged->batch, data->batch);
  if (g_date_valid (&data->expiry))
    cobalt_set_date (&logged->expiry, &data->expiry);
  if (!cobalt_doses_table_insert (db, logged, &data->new_id, error))
    return FALSE;

  /* Remembers what the new dose took, for cobalt_repository_undo_dose(). */
  if (home_supplies &&
      (!cobalt_sharps_bins_table_add_dose (db, dose->person_id, &data->bin_id, error) ||
       !cobalt_dose_supply_uses_table_insert (db, data->new_id, data->used_ids, data->bin_id, error)))
    return FALSE;

  /* The run this dose came from is done; another person's run is refused. */
  return dose->checklist_run_id == 0 ||
         cobalt_checklist_runs_table_link_dose (db, dose->checklist_run_id, dose->person_id,
                                                data->new_id, cobalt_repository_to_us (dose->given_at),
                                                error);
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

  return cobalt_doses_table_update (db, data->dose, error);
}

static gboolean
mark_deleted_write (CobaltDatabase  *db,
                    gpointer         user_data,
                    GError         **error)
{
  DoseChange *data = user_data;

  return cobalt_doses_table_set_deleted (db, data->dose_id, data->deleted, error);
}

static gboolean
undo_dose_write (CobaltDatabase  *db,
                 gpointer         user_data,
                 GError         **error)
{
  DoseChange *data = user_data;

  /* An undone dose gives back what it took, leaves the sharps bin and
   * reopens its checklist run; what it took is forgotten only once both
   * have read it. A dose already undone (or deleted) is NOT_FOUND before
   * anything moves: giving the supplies back twice would make stock up. */
  return cobalt_doses_table_undo (db, data->dose_id, error) &&
         cobalt_supply_items_table_give_back (db, data->dose_id, error) &&
         cobalt_sharps_bins_table_remove_dose (db, data->dose_id, error) &&
         cobalt_dose_supply_uses_table_delete (db, data->dose_id, error) &&
         cobalt_checklist_runs_table_unlink_dose (db, data->dose_id, error);
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

  return cobalt_people_table_check_exists (db, data->person_id, error) &&
         cobalt_resting_sites_table_upsert (db, data->person_id, data->resting, error);
}

static gboolean
clear_resting_write (CobaltDatabase  *db,
                     gpointer         user_data,
                     GError         **error)
{
  RestingChange *data = user_data;

  return cobalt_resting_sites_table_delete (db, data->person_id, data->site_id, error);
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

  if (!cobalt_people_table_check_exists (db, data->person_id, error))
    return FALSE;

  /* A dose at an instant another process logged since the doses were
   * checked is the same injection, as when it was there before. */
  g_array_set_size (data->ids, 0);
  if (!cobalt_doses_table_insert_new (db, data->person_id, data->doses, data->ids,
                                      &data->n_skipped, error))
    return FALSE;

  data->n_imported = data->doses->len - data->n_skipped;
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
  AddDose data = { dose, 0, NULL, { 0 }, used_ids, 0 };
  gboolean ok;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);
  g_return_val_if_fail (dose->id == 0, FALSE);

  /* A new dose is never from an expired batch (no override); the flag of
   * older versions' doses stays readable, but no new one carries it. */
  if (!validate_dose (self, dose, NULL, error) ||
      !cobalt_dose_rules_check_batch_in_date (dose, error))
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
  DoseChange data = { NULL, dose_id, FALSE };

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
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  /* Deleted doses too: the undo bar shows what it would bring back. */
  return cobalt_doses_table_select_by_id (cobalt_repository_get_database (self), dose_id, error);
}

guint
cobalt_repository_count_doses (CobaltRepository  *self,
                               gint64             person_id,
                               GError           **error)
{
  guint count;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), 0);

  if (!cobalt_doses_table_count_given (cobalt_repository_get_database (self), person_id, &count, error))
    return 0;
  return count;
}

guint *
cobalt_repository_count_doses_by_site (CobaltRepository  *self,
                                       gint64             person_id,
                                       GDateTime         *since,
                                       GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  /* A site no longer in the catalogue is left out. */
  return cobalt_doses_table_count_by_site (cobalt_repository_get_database (self), person_id,
                                           cobalt_repository_to_us (since), error);
}

gboolean
cobalt_repository_foreach_dose_row (CobaltRepository  *self,
                                    gint64             person_id,
                                    CobaltDoseRowFunc  func,
                                    gpointer           user_data,
                                    GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return cobalt_doses_table_foreach_row (cobalt_repository_get_database (self), person_id,
                                         func, user_data, error);
}

/* Public: resting sites ------------------------------------------------------ */

GPtrArray *
cobalt_repository_list_resting_sites (CobaltRepository  *self,
                                      gint64             person_id,
                                      GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_resting_sites_table_select_by_person (cobalt_repository_get_database (self),
                                                      person_id, error);
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
