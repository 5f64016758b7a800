/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"
#include "cobalt-clinical.h"

/* The checklist's tables: checklist_steps (each person's definition),
 * checklist_runs (one pass through it before a dose) and
 * checklist_run_steps (a run's own copy of the steps, with its ticks: the
 * definition may change later, the run must not). */

typedef enum
{
  CHECKLIST_STEPS_SELECT_BY_PERSON,
  CHECKLIST_STEPS_DELETE_BY_PERSON,
  CHECKLIST_STEPS_INSERT,
  CHECKLIST_RUNS_SELECT_OPEN,
  CHECKLIST_RUNS_SELECT_BY_PERSON,
  CHECKLIST_RUNS_INSERT,
  CHECKLIST_RUNS_UPDATE,
  CHECKLIST_RUNS_LINK_DOSE,
  CHECKLIST_RUNS_UNLINK_DOSE,
  CHECKLIST_RUN_STEPS_SELECT,
  CHECKLIST_RUN_STEPS_UPSERT,
  N_CHECKLIST_STATEMENTS
} ChecklistStatement;

/* select_runs()'s columns. */
#define RUN_COLUMNS \
  "id, person_id, started_at_us, finished_at_us, state, current_step, abort_reason, " \
  "expiry_override, dose_id, site_id"

/* CHECKLIST_RUNS_INSERT and _UPDATE: bind_run() fills ?1..?6 and ?9;
 * ?7 is the person (insert) or the run (update), ?8 the start. */
static const char * const checklist_sql[N_CHECKLIST_STATEMENTS] = {
  [CHECKLIST_STEPS_SELECT_BY_PERSON] =
    "SELECT id, position, kind, title, explanation FROM checklist_steps "
    "WHERE person_id = ?1 ORDER BY position",
  [CHECKLIST_STEPS_DELETE_BY_PERSON] =
    "DELETE FROM checklist_steps WHERE person_id = ?1",
  [CHECKLIST_STEPS_INSERT] =
    "INSERT INTO checklist_steps (person_id, position, kind, title, explanation) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
  [CHECKLIST_RUNS_SELECT_OPEN] =
    "SELECT " RUN_COLUMNS " FROM checklist_runs WHERE person_id = ?1 AND state = 0 "
    "ORDER BY started_at_us DESC, id DESC LIMIT 1",
  [CHECKLIST_RUNS_SELECT_BY_PERSON] =
    "SELECT " RUN_COLUMNS " FROM checklist_runs WHERE person_id = ?1 "
    "ORDER BY started_at_us, id",
  [CHECKLIST_RUNS_INSERT] =
    "INSERT INTO checklist_runs (finished_at_us, state, current_step, "
    "abort_reason, expiry_override, dose_id, site_id, person_id, "
    "started_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?8)",
  [CHECKLIST_RUNS_UPDATE] =
    "UPDATE checklist_runs SET finished_at_us = ?1, state = ?2, "
    "current_step = ?3, abort_reason = ?4, expiry_override = ?5, "
    "dose_id = ?6, site_id = ?9 WHERE id = ?7",
  /* The run a dose came from is done: link it, and close it if the wizard
   * had not yet. Another person's run is left alone. */
  [CHECKLIST_RUNS_LINK_DOSE] =
    "UPDATE checklist_runs SET dose_id = ?1, "
    "state = CASE state WHEN 0 THEN 1 ELSE state END, "
    "finished_at_us = coalesce(finished_at_us, max(?2, started_at_us)) "
    "WHERE id = ?3 AND person_id = ?4",
  /* Right-hand sides see the old row: only a completed run is reopened;
   * an aborted one keeps its state and reason and just loses the link. */
  [CHECKLIST_RUNS_UNLINK_DOSE] =
    "UPDATE checklist_runs SET dose_id = NULL, "
    "finished_at_us = CASE state WHEN 1 THEN NULL ELSE finished_at_us END, "
    "state = CASE state WHEN 1 THEN 0 ELSE state END "
    "WHERE dose_id = ?1",
  [CHECKLIST_RUN_STEPS_SELECT] =
    "SELECT kind, title, explanation, ticked_at_us FROM checklist_run_steps "
    "WHERE run_id = ?1 ORDER BY position",
  /* Titles are the copies taken at start; only the ticks change as the
   * person goes. */
  [CHECKLIST_RUN_STEPS_UPSERT] =
    "INSERT INTO checklist_run_steps (run_id, position, kind, title, explanation, "
    "ticked_at_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (run_id, position) DO UPDATE SET ticked_at_us = excluded.ticked_at_us",
};

static CobaltStatement *
prepare (CobaltDatabase      *db,
         ChecklistStatement   which,
         GError             **error)
{
  return cobalt_database_prepare (db, checklist_sql[which], error);
}

/* Steps (the definition) ------------------------------------------------ */

/* A built-in step's guidance is stored NULL while it is the catalogue's
 * (cobalt-clinical-steps.c; schema version 5), so that a rewording or a
 * translation reaches every person; what a person wrote is kept. */
static const char *
stored_explanation (CobaltChecklistStep *step)
{
  const char *catalogue = cobalt_clinical_step_explanation (step->kind);

  if (catalogue != NULL && g_strcmp0 (step->explanation, catalogue) == 0)
    return NULL;
  return step->explanation;
}

static const char *
loaded_explanation (const char *kind,
                    const char *stored)
{
  if (stored == NULL)
    return cobalt_clinical_step_explanation (kind);
  return stored;
}

GListModel *
cobalt_checklist_steps_table_select_by_person (CobaltDatabase  *db,
                                               gint64           person_id,
                                               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, CHECKLIST_STEPS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  store = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltChecklistStep) step = NULL;

      step = cobalt_checklist_step_new (cobalt_statement_get_text (stmt, 2),
                                        cobalt_statement_get_text (stmt, 3),
                                        loaded_explanation (cobalt_statement_get_text (stmt, 2),
                                                            cobalt_statement_get_text (stmt, 4)));
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
cobalt_checklist_steps_table_replace (CobaltDatabase  *db,
                                      gint64           person_id,
                                      GListModel      *steps,
                                      GArray          *ids,
                                      GError         **error)
{
  g_autoptr(CobaltStatement) clear = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  guint n = g_list_model_get_n_items (steps);

  clear = prepare (db, CHECKLIST_STEPS_DELETE_BY_PERSON, error);
  if (clear == NULL ||
      !cobalt_statement_bind_int64 (clear, 1, person_id, error) ||
      !cobalt_statement_execute (clear, error))
    return FALSE;

  insert = prepare (db, CHECKLIST_STEPS_INSERT, error);
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
          !cobalt_statement_bind_text (insert, 5, stored_explanation (step), error) ||
          !cobalt_statement_execute (insert, error))
        return FALSE;

      id = cobalt_database_get_last_insert_id (db);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* Runs ------------------------------------------------------------------- */

static gboolean
load_run_steps (CobaltDatabase      *db,
                CobaltChecklistRun  *run,
                GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, CHECKLIST_RUN_STEPS_SELECT, error);
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

/* Rebuilds every run @which yields for @person_id, steps included. */
static GPtrArray *
select_runs (CobaltDatabase      *db,
             ChecklistStatement   which,
             gint64               person_id,
             GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
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

  stmt = prepare (db, which, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

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

CobaltChecklistRun *
cobalt_checklist_runs_table_select_open (CobaltDatabase  *db,
                                         gint64           person_id,
                                         GError         **error)
{
  g_autoptr(GPtrArray) runs = NULL;

  runs = select_runs (db, CHECKLIST_RUNS_SELECT_OPEN, person_id, error);
  if (runs == NULL || runs->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (runs, 0));
}

GPtrArray *
cobalt_checklist_runs_table_select_by_person (CobaltDatabase  *db,
                                              gint64           person_id,
                                              GError         **error)
{
  return select_runs (db, CHECKLIST_RUNS_SELECT_BY_PERSON, person_id, error);
}

static gboolean
bind_run (CobaltStatement     *stmt,
          CobaltChecklistRun  *run,
          GError             **error)
{
  return cobalt_repository_bind_time (stmt, 1, cobalt_checklist_run_get_finished_at (run), error) &&
         cobalt_statement_bind_int64 (stmt, 2, cobalt_checklist_run_get_state (run), error) &&
         cobalt_statement_bind_int64 (stmt, 3, cobalt_checklist_run_get_current_step (run), error) &&
         cobalt_statement_bind_text (stmt, 4, cobalt_checklist_run_get_abort_reason (run), error) &&
         cobalt_statement_bind_text (stmt, 5, cobalt_checklist_run_get_expiry_override (run), error) &&
         cobalt_statement_bind_id (stmt, 6, cobalt_checklist_run_get_dose_id (run), error) &&
         cobalt_statement_bind_text (stmt, 9, cobalt_checklist_run_get_site_id (run), error);
}

/* The steps as the run @run_id holds them now. */
static gboolean
upsert_run_steps (CobaltDatabase      *db,
                  CobaltChecklistRun  *run,
                  gint64               run_id,
                  GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  guint n = cobalt_checklist_run_get_n_steps (run);

  stmt = prepare (db, CHECKLIST_RUN_STEPS_UPSERT, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      cobalt_statement_reset (stmt);
      if (!cobalt_statement_bind_int64 (stmt, 1, run_id, error) ||
          !cobalt_statement_bind_int64 (stmt, 2, i, error) ||
          !cobalt_statement_bind_text (stmt, 3, cobalt_checklist_run_get_step_kind (run, i), error) ||
          !cobalt_statement_bind_text (stmt, 4, cobalt_checklist_run_get_step_title (run, i), error) ||
          !cobalt_statement_bind_text (stmt, 5, cobalt_checklist_run_get_step_explanation (run, i), error) ||
          !cobalt_repository_bind_time (stmt, 6, cobalt_checklist_run_get_step_ticked_at (run, i), error) ||
          !cobalt_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cobalt_checklist_runs_table_insert (CobaltDatabase      *db,
                                    CobaltChecklistRun  *run,
                                    gint64              *new_id,
                                    GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  gint64 id;

  stmt = prepare (db, CHECKLIST_RUNS_INSERT, error);
  if (stmt == NULL ||
      !bind_run (stmt, run, error) ||
      !cobalt_statement_bind_int64 (stmt, 7, cobalt_checklist_run_get_person_id (run), error) ||
      !cobalt_repository_bind_time (stmt, 8, cobalt_checklist_run_get_started_at (run), error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  id = cobalt_database_get_last_insert_id (db);
  if (!upsert_run_steps (db, run, id, error))
    return FALSE;

  *new_id = id;
  return TRUE;
}

gboolean
cobalt_checklist_runs_table_update (CobaltDatabase      *db,
                                    CobaltChecklistRun  *run,
                                    GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  gint64 id = cobalt_checklist_run_get_id (run);

  stmt = prepare (db, CHECKLIST_RUNS_UPDATE, error);
  if (stmt == NULL ||
      !bind_run (stmt, run, error) ||
      !cobalt_statement_bind_int64 (stmt, 7, id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_CHECKLIST_RUN, id);
      return FALSE;
    }

  return upsert_run_steps (db, run, id, error);
}

gboolean
cobalt_checklist_runs_table_link_dose (CobaltDatabase  *db,
                                       gint64           run_id,
                                       gint64           person_id,
                                       gint64           dose_id,
                                       gint64           given_at_us,
                                       GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, CHECKLIST_RUNS_LINK_DOSE, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, dose_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, given_at_us, error) ||
      !cobalt_statement_bind_int64 (stmt, 3, run_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 4, person_id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_CHECKLIST_RUN, run_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_checklist_runs_table_unlink_dose (CobaltDatabase  *db,
                                         gint64           dose_id,
                                         GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, CHECKLIST_RUNS_UNLINK_DOSE, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, dose_id, error) &&
         cobalt_statement_execute (stmt, error);
}
