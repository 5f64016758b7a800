/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-repository.h"
#include "cobalt-repository-private.h"

/* Checklist definitions (per person) and the runs through them. */

#define RUN_COLUMNS \
  "id, person_id, started_at_us, finished_at_us, state, current_step, abort_reason, " \
  "expiry_override, dose_id, site_id"

/* Shared with save_person -------------------------------------------------- */

GListModel *
cobalt_repository_load_checklist_steps (CobaltDatabase  *db,
                                        gint64           person_id,
                                        GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = cobalt_database_prepare (db,
                                  "SELECT id, position, kind, title, explanation FROM checklist_steps "
                                  "WHERE person_id = ?1 ORDER BY position", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  store = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltChecklistStep) step = NULL;

      step = cobalt_checklist_step_new (cobalt_statement_get_text (stmt, 2),
                                        cobalt_statement_get_text (stmt, 3),
                                        cobalt_statement_get_text (stmt, 4));
      step->id = cobalt_statement_get_int64 (stmt, 0);
      step->person_id = person_id;
      step->position = cobalt_statement_get_int64 (stmt, 1);
      g_list_store_append (store, step);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cobalt_repository_write_checklist_steps (CobaltDatabase  *db,
                                         gint64           person_id,
                                         GListModel      *steps,
                                         GArray          *ids,
                                         GError         **error)
{
  g_autoptr(CobaltStatement) clear = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  guint n = g_list_model_get_n_items (steps);

  clear = cobalt_database_prepare (db, "DELETE FROM checklist_steps WHERE person_id = ?1", error);
  if (clear == NULL ||
      !cobalt_statement_bind_int64 (clear, 1, person_id, error) ||
      !cobalt_statement_execute (clear, error))
    return FALSE;

  insert = cobalt_database_prepare (db,
                                    "INSERT INTO checklist_steps (person_id, position, kind, title, explanation) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);
      gint64 id;

      cobalt_statement_reset (insert);
      if (!cobalt_statement_bind_int64 (insert, 1, person_id, error) ||
          !cobalt_statement_bind_int64 (insert, 2, i, error) ||
          !cobalt_statement_bind_text (insert, 3, step->kind, error) ||
          !cobalt_statement_bind_text (insert, 4, step->title, error) ||
          !cobalt_statement_bind_text (insert, 5, step->explanation, error) ||
          !cobalt_statement_execute (insert, error))
        return FALSE;

      id = cobalt_database_get_last_insert_id (db);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* Runs ------------------------------------------------------------------------ */

static gboolean
load_run_steps (CobaltDatabase      *db,
                CobaltChecklistRun  *run,
                GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = cobalt_database_prepare (db,
                                  "SELECT kind, title, explanation, ticked_at_us FROM checklist_run_steps "
                                  "WHERE run_id = ?1 ORDER BY position", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, cobalt_checklist_run_get_id (run), error))
    return FALSE;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(GDateTime) ticked_at = cobalt_repository_get_time (stmt, 3);

      cobalt_checklist_run_restore_step (run,
                                         cobalt_statement_get_text (stmt, 0),
                                         cobalt_statement_get_text (stmt, 1),
                                         cobalt_statement_get_text (stmt, 2),
                                         ticked_at);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Rebuilds every run @stmt yields (columns RUN_COLUMNS). */
static GPtrArray *
load_runs (CobaltDatabase   *db,
           CobaltStatement  *stmt,
           GError          **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;

  typedef struct
  {
    CobaltRunState  state;
    guint           current;
    GDateTime      *finished_at;
    char           *abort_reason;
    char           *expiry_override;
    gint64          dose_id;
    char           *site_id;
  } RunState;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(GDateTime) started_at = cobalt_repository_get_time (stmt, 2);
      RunState *state = g_new0 (RunState, 1);

      g_ptr_array_add (runs, cobalt_checklist_run_new_for_restore (cobalt_statement_get_int64 (stmt, 0),
                                                                   cobalt_statement_get_int64 (stmt, 1),
                                                                   started_at));
      state->finished_at = cobalt_repository_get_time (stmt, 3);
      state->state = cobalt_statement_get_int64 (stmt, 4);
      state->current = cobalt_statement_get_int64 (stmt, 5);
      state->abort_reason = g_strdup (cobalt_statement_get_text (stmt, 6));
      state->expiry_override = g_strdup (cobalt_statement_get_text (stmt, 7));
      state->dose_id = cobalt_statement_get_id (stmt, 8);
      state->site_id = g_strdup (cobalt_statement_get_text (stmt, 9));
      g_ptr_array_add (states, state);
    }

  /* Steps first, then the state: restore_state clamps the current step to
   * the steps present. */
  for (guint i = 0; i < runs->len; i++)
    {
      CobaltChecklistRun *run = g_ptr_array_index (runs, i);
      RunState *state = g_ptr_array_index (states, i);

      if (local_error == NULL && load_run_steps (db, run, &local_error))
        {
          cobalt_checklist_run_restore_state (run, state->state, state->current, state->finished_at,
                                              state->abort_reason, state->expiry_override);
          cobalt_checklist_run_set_dose_id (run, state->dose_id);
          cobalt_checklist_run_restore_site_id (run, state->site_id);
        }
      g_clear_pointer (&state->finished_at, g_date_time_unref);
      g_free (state->abort_reason);
      g_free (state->expiry_override);
      g_free (state->site_id);
      g_free (state);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&runs);
}

typedef struct
{
  gint64      person_id;
  GListModel *steps;
  GArray     *ids;
} SaveSteps;

static gboolean
save_steps_write (CobaltDatabase  *db,
                  gpointer         user_data,
                  GError         **error)
{
  SaveSteps *data = user_data;

  return cobalt_repository_check_person_exists (db, data->person_id, error) &&
         cobalt_repository_write_checklist_steps (db, data->person_id, data->steps, data->ids, error);
}

typedef struct
{
  CobaltChecklistRun *run;
  gint64              new_id;
} SaveRun;

static gboolean
save_run_write (CobaltDatabase  *db,
                gpointer         user_data,
                GError         **error)
{
  SaveRun *data = user_data;
  CobaltChecklistRun *run = data->run;
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(CobaltStatement) step = NULL;
  gint64 id = cobalt_checklist_run_get_id (run);
  guint n = cobalt_checklist_run_get_n_steps (run);

  if (id == 0)
    {
      if (!cobalt_repository_check_person_exists (db, cobalt_checklist_run_get_person_id (run), error))
        return FALSE;
      stmt = cobalt_database_prepare (db,
                                      "INSERT INTO checklist_runs (finished_at_us, state, current_step, "
                                      "abort_reason, expiry_override, dose_id, site_id, person_id, "
                                      "started_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?8)", error);
    }
  else
    stmt = cobalt_database_prepare (db,
                                    "UPDATE checklist_runs SET finished_at_us = ?1, state = ?2, "
                                    "current_step = ?3, abort_reason = ?4, expiry_override = ?5, "
                                    "dose_id = ?6, site_id = ?9 WHERE id = ?7", error);

  if (stmt == NULL ||
      !cobalt_repository_bind_time (stmt, 1, cobalt_checklist_run_get_finished_at (run), error) ||
      !cobalt_statement_bind_int64 (stmt, 2, cobalt_checklist_run_get_state (run), error) ||
      !cobalt_statement_bind_int64 (stmt, 3, cobalt_checklist_run_get_current_step (run), error) ||
      !cobalt_statement_bind_text (stmt, 4, cobalt_checklist_run_get_abort_reason (run), error) ||
      !cobalt_statement_bind_text (stmt, 5, cobalt_checklist_run_get_expiry_override (run), error) ||
      !cobalt_statement_bind_id (stmt, 6, cobalt_checklist_run_get_dose_id (run), error) ||
      !cobalt_statement_bind_text (stmt, 9, cobalt_checklist_run_get_site_id (run), error))
    return FALSE;

  if (id == 0)
    {
      if (!cobalt_statement_bind_int64 (stmt, 7, cobalt_checklist_run_get_person_id (run), error) ||
          !cobalt_repository_bind_time (stmt, 8, cobalt_checklist_run_get_started_at (run), error) ||
          !cobalt_statement_execute (stmt, error))
        return FALSE;
      id = data->new_id = cobalt_database_get_last_insert_id (db);
    }
  else
    {
      if (!cobalt_statement_bind_int64 (stmt, 7, id, error) || !cobalt_statement_execute (stmt, error))
        return FALSE;
      if (cobalt_database_get_changes (db) == 0)
        {
          cobalt_repository_set_not_found (error, _("checklist run"), id);
          return FALSE;
        }
    }

  /* The steps as the run holds them: titles are the copies taken at start,
   * ticks change as the person goes. */
  step = cobalt_database_prepare (db,
                                  "INSERT INTO checklist_run_steps (run_id, position, kind, title, explanation, "
                                  "ticked_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                  "ON CONFLICT (run_id, position) DO UPDATE SET ticked_at_us = excluded.ticked_at_us",
                                  error);
  if (step == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      cobalt_statement_reset (step);
      if (!cobalt_statement_bind_int64 (step, 1, id, error) ||
          !cobalt_statement_bind_int64 (step, 2, i, error) ||
          !cobalt_statement_bind_text (step, 3, cobalt_checklist_run_get_step_kind (run, i), error) ||
          !cobalt_statement_bind_text (step, 4, cobalt_checklist_run_get_step_title (run, i), error) ||
          !cobalt_statement_bind_text (step, 5, cobalt_checklist_run_get_step_explanation (run, i), error) ||
          !cobalt_repository_bind_time (step, 6, cobalt_checklist_run_get_step_ticked_at (run, i), error) ||
          !cobalt_statement_execute (step, error))
        return FALSE;
    }

  return TRUE;
}

/* Public --------------------------------------------------------------------- */

GListModel *
cobalt_repository_list_checklist_steps (CobaltRepository  *self,
                                        gint64             person_id,
                                        GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_repository_load_checklist_steps (cobalt_repository_get_database (self), person_id, error);
}

gboolean
cobalt_repository_save_checklist_steps (CobaltRepository  *self,
                                        gint64             person_id,
                                        GListModel        *steps,
                                        GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SaveSteps data = { person_id, steps, ids };
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (steps), FALSE);

  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);

      if (!cobalt_checklist_step_validate (step, error))
        return FALSE;
    }

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), save_steps_write, &data, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);

      step->id = g_array_index (ids, gint64, i);
      step->person_id = person_id;
      step->position = i;
    }

  return TRUE;
}

gboolean
cobalt_repository_reset_checklist (CobaltRepository  *self,
                                   gint64             person_id,
                                   GError           **error)
{
  g_autoptr(GListModel) defaults = cobalt_checklist_default_steps ();

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);

  return cobalt_repository_save_checklist_steps (self, person_id, defaults, error);
}

CobaltChecklistRun *
cobalt_repository_start_checklist_run (CobaltRepository  *self,
                                       gint64             person_id,
                                       GDateTime         *now,
                                       GError           **error)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(CobaltChecklistRun) run = NULL;
  SaveRun data = { NULL, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  steps = cobalt_repository_list_checklist_steps (self, person_id, error);
  if (steps == NULL)
    return NULL;

  run = cobalt_checklist_run_new (person_id, steps, now);
  data.run = run;
  if (!cobalt_database_run_write (cobalt_repository_get_database (self), save_run_write, &data, error))
    return NULL;

  cobalt_checklist_run_set_id (run, data.new_id);
  return g_steal_pointer (&run);
}

CobaltChecklistRun *
cobalt_repository_get_open_checklist_run (CobaltRepository  *self,
                                          gint64             person_id,
                                          GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) runs = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT " RUN_COLUMNS " FROM checklist_runs WHERE person_id = ?1 AND state = 0 "
                                  "ORDER BY started_at_us DESC, id DESC LIMIT 1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  runs = load_runs (cobalt_repository_get_database (self), stmt, error);
  if (runs == NULL || runs->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (runs, 0));
}

gboolean
cobalt_repository_save_checklist_run (CobaltRepository    *self,
                                      CobaltChecklistRun  *run,
                                      GError             **error)
{
  SaveRun data = { run, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (run), FALSE);

  if (!cobalt_database_run_write (cobalt_repository_get_database (self), save_run_write, &data, error))
    return FALSE;

  if (data.new_id != 0)
    cobalt_checklist_run_set_id (run, data.new_id);
  return TRUE;
}

GListModel *
cobalt_repository_list_checklist_runs (CobaltRepository  *self,
                                       gint64             person_id,
                                       GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  GListStore *store;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (self),
                                  "SELECT " RUN_COLUMNS " FROM checklist_runs WHERE person_id = ?1 "
                                  "ORDER BY started_at_us, id", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  runs = load_runs (cobalt_repository_get_database (self), stmt, error);
  if (runs == NULL)
    return NULL;

  store = g_list_store_new (COBALT_TYPE_CHECKLIST_RUN);
  g_list_store_splice (store, 0, 0, runs->pdata, runs->len);
  return G_LIST_MODEL (store);
}
