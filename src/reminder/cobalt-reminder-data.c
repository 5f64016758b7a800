/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-reminder-data.h"

static void
subject_free (CobaltReminderSubject *subject)
{
  g_clear_object (&subject->person);
  g_clear_object (&subject->prescription);
  g_clear_pointer (&subject->doses, g_ptr_array_unref);
  g_clear_pointer (&subject->resting, g_ptr_array_unref);
  g_clear_object (&subject->supply_items);
  g_clear_object (&subject->bin);
  g_free (subject);
}

static gboolean
load_subject (CobaltRepository       *repository,
              CobaltReminderSubject  *subject,
              GError                **error)
{
  gint64 person_id = subject->person->id;
  GError *local_error = NULL;

  subject->prescription = cobalt_repository_get_prescription (repository, person_id, &local_error);
  if (local_error == NULL)
    /* The schedule counts doses not given on the clinic's advice too;
     * the site rotation leaves them out by itself. */
    subject->doses = cobalt_repository_list_schedule_doses (repository, person_id, &local_error);
  if (local_error == NULL)
    subject->resting = cobalt_repository_list_resting_sites (repository, person_id, &local_error);
  if (local_error == NULL)
    subject->supply_items = cobalt_repository_list_supply_items (repository, person_id, &local_error);
  if (local_error == NULL)
    subject->bin = cobalt_repository_get_sharps_bin (repository, person_id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
cobalt_reminder_data_load_subjects (CobaltRepository  *repository,
                                    GError           **error)
{
  g_autoptr(GPtrArray) subjects = NULL;
  g_autoptr(GListModel) people = NULL;
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  people = cobalt_repository_list_people (repository, FALSE, error);
  if (people == NULL)
    return NULL;

  subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_free);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);
      CobaltReminderSubject *subject;

      if (person->archived)
        continue;

      subject = g_new0 (CobaltReminderSubject, 1);
      subject->person = g_steal_pointer (&person);
      g_ptr_array_add (subjects, subject);

      if (!load_subject (repository, subject, error))
        return NULL;
    }

  return g_steal_pointer (&subjects);
}

GSettings *
cobalt_reminder_data_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() aborts on a missing schema: look it up first. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL ||
      !g_settings_schema_has_key (schema, COBALT_SETTINGS_KEY_DAY_BEFORE) ||
      !g_settings_schema_has_key (schema, COBALT_SETTINGS_KEY_LEAD_DAYS))
    {
      g_debug ("Settings schema %s not installed: default preferences", SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

void
cobalt_reminder_data_load_settings (GSettings              *settings,
                                    CobaltReminderSettings *out)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (out != NULL);

  cobalt_reminder_settings_init (out);

  if (settings == NULL)
    return;

  out->day_before = g_settings_get_boolean (settings, COBALT_SETTINGS_KEY_DAY_BEFORE);
  out->low_stock_lead_days = g_settings_get_uint (settings, COBALT_SETTINGS_KEY_LEAD_DAYS);
}
