/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-data-problem.h"
#include "cobalt-window-preload.h"

#define SETTINGS_SCHEMA_ID "io.github.cobaltb12.Cobalt"

struct _CobaltWindowPreload
{
  GThread          *thread;

  /* Read by the thread */
  char             *data_dir;
  GDateTime        *now;
  gint64            person_id;

  /* Written by the thread (unless handed in); read only after joining it */
  CobaltRepository *repository;
  CobaltStatus     *status;
  guint             lead_days;
};

/* The same choice as the window makes: the person asked for, else the
 * first one. */
static CobaltPerson *
pick_person (GListModel *people,
             gint64      person_id)
{
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      if (person->id == person_id)
        return g_steal_pointer (&person);
    }

  return n > 0 ? g_list_model_get_item (people, 0) : NULL;
}

static gpointer
preload_thread (gpointer user_data)
{
  CobaltWindowPreload *self = user_data;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  gint64 person_id = self->person_id;

  /* Errors are the window's to explain: it opens the file again. */
  if (self->repository == NULL)
    self->repository = cobalt_data_problem_open (self->data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP,
                                                 FALSE, NULL, NULL);
  if (self->repository == NULL)
    return NULL;

  settings = cobalt_window_settings_new ();
  self->lead_days = settings != NULL ? g_settings_get_uint (settings, "low-stock-lead-days")
                                     : COBALT_STATUS_REORDER_LEAD_DAYS;
  if (person_id == 0 && settings != NULL)
    person_id = g_settings_get_int64 (settings, "selected-person-id");

  people = cobalt_repository_list_people (self->repository, FALSE, NULL);
  person = pick_person (people, person_id);
  if (person != NULL)
    self->status = cobalt_status_compute_full (self->repository, person, self->now, self->lead_days, NULL);

  return NULL;
}

static void
join (CobaltWindowPreload *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
}

CobaltWindowPreload *
cobalt_window_preload_start (const char       *data_dir,
                             CobaltRepository *repository,
                             GDateTime        *now,
                             gint64            person_id)
{
  CobaltWindowPreload *self;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (repository == NULL || COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (CobaltWindowPreload, 1);
  self->data_dir = g_strdup (data_dir);
  self->repository = repository;
  self->now = g_date_time_ref (now);
  self->person_id = person_id;
  self->thread = g_thread_new ("cobalt-preload", preload_thread, self);

  return self;
}

CobaltRepository *
cobalt_window_preload_get_repository (CobaltWindowPreload *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  join (self);
  return self->repository;
}

CobaltStatus *
cobalt_window_preload_get_status (CobaltWindowPreload *self,
                                  guint               *lead_days)
{
  g_return_val_if_fail (self != NULL, NULL);

  join (self);
  if (lead_days != NULL)
    *lead_days = self->lead_days;
  return self->status;
}

void
cobalt_window_preload_free (CobaltWindowPreload *self)
{
  if (self == NULL)
    return;

  join (self);
  g_clear_object (&self->status);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->data_dir);
  g_free (self);
}

GSettings *
cobalt_window_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}
