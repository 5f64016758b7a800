/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-tables-private.h"

/* Checklist definitions (per person) and the runs through them. */

/* Writes ---------------------------------------------------------------------- */

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

  return cobalt_people_table_check_exists (db, data->person_id, error) &&
         cobalt_checklist_steps_table_replace (db, data->person_id, data->steps, data->ids, error);
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

  if (cobalt_checklist_run_get_id (data->run) != 0)
    return cobalt_checklist_runs_table_update (db, data->run, error);

  return cobalt_people_table_check_exists (db, cobalt_checklist_run_get_person_id (data->run), error) &&
         cobalt_checklist_runs_table_insert (db, data->run, &data->new_id, error);
}

/* Public --------------------------------------------------------------------- */

GListModel *
cobalt_repository_list_checklist_steps (CobaltRepository  *self,
                                        gint64             person_id,
                                        GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_checklist_steps_table_select_by_person (cobalt_repository_get_database (self),
                                                        person_id, error);
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
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_checklist_runs_table_select_open (cobalt_repository_get_database (self),
                                                  person_id, error);
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
  g_autoptr(GPtrArray) runs = NULL;
  GListStore *store;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  runs = cobalt_checklist_runs_table_select_by_person (cobalt_repository_get_database (self),
                                                       person_id, error);
  if (runs == NULL)
    return NULL;

  store = g_list_store_new (COBALT_TYPE_CHECKLIST_RUN);
  g_list_store_splice (store, 0, 0, runs->pdata, runs->len);
  return G_LIST_MODEL (store);
}
