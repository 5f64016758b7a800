/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-dose-rules.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-tables-private.h"

/* The journal (reactions, check-ins, lab results), supplies and the
 * reminder state. The SQL is in the cobalt-*-table(s).c files of each. */

/* The table functions, seen through a record of any type: each is called
 * with the record type it was written for. */
typedef gboolean (*InsertFunc) (CobaltDatabase *db, gpointer record, gint64 *new_id, GError **error);
typedef gboolean (*UpdateFunc) (CobaltDatabase *db, gpointer record, GError **error);
typedef gboolean (*DeleteFunc) (CobaltDatabase *db, gint64 id, GError **error);

/* One record of a person's written in one transaction: the person must
 * exist (a clearer answer than the foreign key's CONSTRAINT), then
 * @insert (which gives @new_id) or else @update. */
typedef struct
{
  gint64      person_id;
  gpointer    record;
  InsertFunc  insert;
  UpdateFunc  update;
  gint64      new_id;
} WriteOne;

static gboolean
write_one (CobaltDatabase  *db,
           gpointer         user_data,
           GError         **error)
{
  WriteOne *data = user_data;

  if (!cobalt_people_table_check_exists (db, data->person_id, error))
    return FALSE;
  if (data->insert != NULL)
    return data->insert (db, data->record, &data->new_id, error);
  return data->update (db, data->record, error);
}

static gboolean
run_write_one (CobaltRepository  *self,
               WriteOne          *data,
               GError           **error)
{
  return cobalt_database_run_write (cobalt_repository_get_database (self), write_one, data, error);
}

typedef struct
{
  DeleteFunc delete_func;
  gint64     id;
} DeleteOne;

static gboolean
delete_one (CobaltDatabase  *db,
            gpointer         user_data,
            GError         **error)
{
  DeleteOne *data = user_data;

  return data->delete_func (db, data->id, error);
}

/* Deleting one row by id: NOT_FOUND when there is none. */
static gboolean
run_delete_one (CobaltRepository  *self,
                DeleteFunc         delete_func,
                gint64             id,
                GError           **error)
{
  DeleteOne data = { delete_func, id };

  return cobalt_database_run_write (cobalt_repository_get_database (self), delete_one, &data, error);
}

/* An update needs the record's id: NOT_FOUND (@what) without one. */
static gboolean
check_has_id (gint64          id,
              CobaltMissing   what,
              GError        **error)
{
  if (id > 0)
    return TRUE;
  cobalt_repository_set_not_found (error, what, id);
  return FALSE;
}

/* Reactions ------------------------------------------------------------------ */

gboolean
cobalt_repository_add_reaction (CobaltRepository  *self,
                                CobaltReaction    *reaction,
                                GError           **error)
{
  WriteOne data = { 0, reaction, (InsertFunc) cobalt_reactions_table_insert, NULL, 0 };

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

  return cobalt_reactions_table_select_by_person (cobalt_repository_get_database (self), person_id, error);
}

gboolean
cobalt_repository_update_reaction (CobaltRepository  *self,
                                   CobaltReaction    *reaction,
                                   GError           **error)
{
  WriteOne data = { 0, reaction, NULL, (UpdateFunc) cobalt_reactions_table_update, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REACTION (reaction), FALSE);

  if (!check_has_id (reaction->id, COBALT_MISSING_REACTION, error) ||
      !cobalt_reaction_validate (reaction, error))
    return FALSE;

  data.person_id = reaction->person_id;
  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_reaction (CobaltRepository  *self,
                                   gint64             reaction_id,
                                   GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, cobalt_reactions_table_delete, reaction_id, error);
}

gboolean
cobalt_repository_restore_reaction (CobaltRepository  *self,
                                    CobaltReaction    *reaction,
                                    GError           **error)
{
  WriteOne data = { 0, reaction, (InsertFunc) cobalt_reactions_table_restore, NULL, 0 };

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

/* Check-ins --------------------------------------------------------------------- */

gboolean
cobalt_repository_add_checkin (CobaltRepository  *self,
                               CobaltCheckin     *checkin,
                               GError           **error)
{
  WriteOne data = { 0, checkin, (InsertFunc) cobalt_checkins_table_insert, NULL, 0 };

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

  return cobalt_checkins_table_select_by_person (cobalt_repository_get_database (self), person_id, error);
}

gboolean
cobalt_repository_update_checkin (CobaltRepository  *self,
                                  CobaltCheckin     *checkin,
                                  GError           **error)
{
  WriteOne data = { 0, checkin, NULL, (UpdateFunc) cobalt_checkins_table_update, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_CHECKIN (checkin), FALSE);

  if (!check_has_id (checkin->id, COBALT_MISSING_CHECKIN, error) ||
      !cobalt_checkin_validate (checkin, error))
    return FALSE;

  data.person_id = checkin->person_id;
  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_checkin (CobaltRepository  *self,
                                  gint64             checkin_id,
                                  GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, cobalt_checkins_table_delete, checkin_id, error);
}

gboolean
cobalt_repository_restore_checkin (CobaltRepository  *self,
                                   CobaltCheckin     *checkin,
                                   GError           **error)
{
  WriteOne data = { 0, checkin, (InsertFunc) cobalt_checkins_table_restore, NULL, 0 };

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

/* Lab results ------------------------------------------------------------------ */

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
  WriteOne data = { 0, result, (InsertFunc) cobalt_lab_results_table_insert, NULL, 0 };

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

  return cobalt_lab_results_table_select_by_person (cobalt_repository_get_database (self), person_id, error);
}

gboolean
cobalt_repository_update_lab_result (CobaltRepository  *self,
                                     CobaltLabResult   *result,
                                     GError           **error)
{
  WriteOne data = { 0, result, NULL, (UpdateFunc) cobalt_lab_results_table_update, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), FALSE);

  if (!check_has_id (result->id, COBALT_MISSING_LAB_RESULT, error) ||
      !validate_lab_result (self, result, error))
    return FALSE;

  data.person_id = result->person_id;
  return run_write_one (self, &data, error);
}

gboolean
cobalt_repository_delete_lab_result (CobaltRepository  *self,
                                     gint64             result_id,
                                     GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, cobalt_lab_results_table_delete, result_id, error);
}

gboolean
cobalt_repository_restore_lab_result (CobaltRepository  *self,
                                      CobaltLabResult   *result,
                                      GError           **error)
{
  WriteOne data = { 0, result, (InsertFunc) cobalt_lab_results_table_restore, NULL, 0 };

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

/* Supplies ------------------------------------------------------------------------ */

gboolean
cobalt_repository_save_supply_item (CobaltRepository  *self,
                                    CobaltSupplyItem  *item,
                                    GError           **error)
{
  WriteOne data = { 0, item, NULL, NULL, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (item), FALSE);

  if (!cobalt_supply_item_validate (item, error))
    return FALSE;

  data.person_id = item->person_id;
  if (item->id == 0)
    data.insert = (InsertFunc) cobalt_supply_items_table_insert;
  else
    data.update = (UpdateFunc) cobalt_supply_items_table_update;

  if (!run_write_one (self, &data, error))
    return FALSE;
  if (data.insert != NULL)
    item->id = data.new_id;
  return TRUE;
}

gboolean
cobalt_repository_delete_supply_item (CobaltRepository  *self,
                                      gint64             item_id,
                                      GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return run_delete_one (self, cobalt_supply_items_table_delete, item_id, error);
}

GListModel *
cobalt_repository_list_supply_items (CobaltRepository  *self,
                                     gint64             person_id,
                                     GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_supply_items_table_select_by_person (cobalt_repository_get_database (self), person_id, error);
}

CobaltSharpsBin *
cobalt_repository_get_sharps_bin (CobaltRepository  *self,
                                  gint64             person_id,
                                  GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_sharps_bins_table_select_by_person (cobalt_repository_get_database (self), person_id, error);
}

gboolean
cobalt_repository_save_sharps_bin (CobaltRepository  *self,
                                   CobaltSharpsBin   *bin,
                                   GError           **error)
{
  WriteOne data = { 0, bin, NULL, (UpdateFunc) cobalt_sharps_bins_table_upsert, 0 };
  g_autoptr(CobaltSharpsBin) stored = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (bin), FALSE);

  if (!cobalt_sharps_bin_validate (bin, error))
    return FALSE;

  data.person_id = bin->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;

  /* The person's one bin, whatever id the object carried. */
  stored = cobalt_repository_get_sharps_bin (self, data.person_id, NULL);
  if (stored != NULL)
    bin->id = stored->id;
  return TRUE;
}

/* Reminder state ------------------------------------------------------------------ */

CobaltReminderState *
cobalt_repository_get_reminder_state (CobaltRepository    *self,
                                      gint64               person_id,
                                      CobaltReminderKind   kind,
                                      GDateTime           *due_at,
                                      GError             **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (due_at != NULL, NULL);

  return cobalt_reminder_state_table_select (cobalt_repository_get_database (self),
                                             person_id, kind, due_at, error);
}

gboolean
cobalt_repository_save_reminder_state (CobaltRepository     *self,
                                       CobaltReminderState  *state,
                                       GError              **error)
{
  WriteOne data = { 0, state, NULL, (UpdateFunc) cobalt_reminder_state_table_upsert, 0 };
  g_autoptr(CobaltReminderState) stored = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (state), FALSE);
  g_return_val_if_fail (state->due_at != NULL, FALSE);

  data.person_id = state->person_id;
  if (!run_write_one (self, &data, error))
    return FALSE;

  /* Keyed by (person, kind, due instant): the row may have been there. */
  stored = cobalt_repository_get_reminder_state (self, data.person_id, state->kind,
                                                 state->due_at, NULL);
  if (stored != NULL)
    state->id = stored->id;
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

  /* Under BEGIN IMMEDIATE: of cobalt and cobalt-reminder, exactly one
   * claims a reminder (cobalt-reminder-state-table.c); it is "showing"
   * until confirmed (cobalt_repository_confirm_reminder_shown()). */
  return cobalt_people_table_check_exists (db, data->person_id, error) &&
         cobalt_reminder_state_table_claim (db, data->person_id, data->kind, data->due_at,
                                            data->now, &data->claimed, error);
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

typedef struct
{
  gint64              person_id;
  CobaltReminderKind  kind;
  GDateTime          *due_at;
  gboolean            done;
  guint               n;
} ClaimStep;

static gboolean
confirm_write (CobaltDatabase  *db,
               gpointer         user_data,
               GError         **error)
{
  ClaimStep *data = user_data;

  return cobalt_reminder_state_table_confirm (db, data->person_id, data->kind, data->due_at,
                                              &data->done, error);
}

gboolean
cobalt_repository_confirm_reminder_shown (CobaltRepository    *self,
                                          gint64               person_id,
                                          CobaltReminderKind   kind,
                                          GDateTime           *due_at,
                                          gboolean            *confirmed,
                                          GError             **error)
{
  ClaimStep data = { person_id, kind, due_at, FALSE, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (due_at != NULL, FALSE);

  if (confirmed != NULL)
    *confirmed = FALSE;

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), confirm_write, &data, error))
    return FALSE;

  if (confirmed != NULL)
    *confirmed = data.done;
  return TRUE;
}

static gboolean
release_write (CobaltDatabase  *db,
               gpointer         user_data,
               GError         **error)
{
  ClaimStep *data = user_data;

  return cobalt_reminder_state_table_release (db, data->person_id, data->kind, data->due_at, error);
}

gboolean
cobalt_repository_release_reminder (CobaltRepository    *self,
                                    gint64               person_id,
                                    CobaltReminderKind   kind,
                                    GDateTime           *due_at,
                                    GError             **error)
{
  ClaimStep data = { person_id, kind, due_at, FALSE, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (due_at != NULL, FALSE);

  return cobalt_database_run_write (cobalt_repository_get_database (self), release_write, &data, error);
}

static gboolean
recover_write (CobaltDatabase  *db,
               gpointer         user_data,
               GError         **error)
{
  ClaimStep *data = user_data;

  return cobalt_reminder_state_table_release_all (db, &data->n, error);
}

gboolean
cobalt_repository_recover_reminder_claims (CobaltRepository  *self,
                                           guint             *n_recovered,
                                           GError           **error)
{
  ClaimStep data = { 0, COBALT_REMINDER_DUE, NULL, FALSE, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  if (n_recovered != NULL)
    *n_recovered = 0;

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), recover_write, &data, error))
    return FALSE;

  if (n_recovered != NULL)
    *n_recovered = data.n;
  return TRUE;
}
