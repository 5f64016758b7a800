/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "reminder-test-data.h"

static CobaltPerson *
create_person (CobaltRepository  *repository,
               const char        *name,
               GDateTime         *due,
               guint              grace_minutes,
               gboolean           with_last_dose,
               GError           **error)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new (name);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) given = NULL;
  const char *sites[] = { "vastus-lateralis-left", "vastus-lateralis-right", NULL };
  GDate due_date, starts_on;
  int y, m, d;

  cobalt_set_str (&person->clinic_name, "Riverside Surgery");
  cobalt_set_str (&person->clinic_phone, "01632 960123");
  if (!cobalt_repository_save_person (repository, person, error))
    return NULL;

  g_date_time_get_ymd (due, &y, &m, &d);
  g_date_clear (&due_date, 1);
  g_date_set_dmy (&due_date, d, m, y);
  starts_on = due_date;
  if (with_last_dose)
    g_date_subtract_days (&starts_on, 30);

  prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  prescription->person_id = person->id;
  cobalt_set_date (&prescription->starts_on, &starts_on);
  cobalt_prescription_set_enabled_sites (prescription, sites);
  prescription->reminder_minute = g_date_time_get_hour (due) * 60 + g_date_time_get_minute (due);
  prescription->grace_minutes = grace_minutes;
  g_ptr_array_add (phases, cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, "Weekly"));
  cobalt_prescription_set_phases (prescription, phases);
  if (!cobalt_repository_save_prescription (repository, prescription, error))
    return NULL;

  if (!with_last_dose)
    return g_steal_pointer (&person);

  /* Noon keeps the dose clear of the "just after midnight" rule. */
  noon = g_date_time_new (g_date_time_get_timezone (due), y, m, d, 12, 0, 0);
  given = g_date_time_add_days (noon, -7);
  if (!reminder_test_log_dose (repository, person, given, error))
    return NULL;

  return g_steal_pointer (&person);
}

CobaltPerson *
reminder_test_create_person (CobaltRepository  *repository,
                             const char        *name,
                             GDateTime         *due,
                             guint              grace_minutes,
                             GError           **error)
{
  return create_person (repository, name, due, grace_minutes, TRUE, error);
}

CobaltPerson *
reminder_test_create_new_person (CobaltRepository  *repository,
                                 const char        *name,
                                 GDateTime         *due,
                                 guint              grace_minutes,
                                 GError           **error)
{
  return create_person (repository, name, due, grace_minutes, FALSE, error);
}

gboolean
reminder_test_log_dose (CobaltRepository  *repository,
                        CobaltPerson      *person,
                        GDateTime         *given_at,
                        GError           **error)
{
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GError) local_error = NULL;

  prescription = cobalt_repository_get_prescription (repository, person->id, &local_error);
  if (prescription == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No prescription");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  dose->person_id = person->id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
  dose->amount = prescription->amount;
  dose->unit = prescription->unit;
  dose->product = prescription->product;

  return cobalt_repository_add_dose (repository, dose, error);
}
