/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-prescription-blame.h"

/* A value of @group that validation always accepts. */
static void
set_group_value_known_good (CobaltPrescription      *p,
                            CobaltPrescriptionGroup  group)
{
  switch (group)
    {
    case COBALT_PRESCRIPTION_GROUP_PHASES:
      {
        g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
        guint n = MAX (p->phases->len, 1);

        /* As many phases, each at the prescription's dose: a volume that
         * is too large in every phase is the strength's or the dose's
         * fault, one in a single phase is that phase's. */
        for (guint i = 0; i < n; i++)
          g_ptr_array_add (phases, cobalt_phase_new (COBALT_INTERVAL_MONTHS, 3, COBALT_PHASE_END_OPEN, 0, NULL));
        cobalt_prescription_set_phases (p, phases);
      }
      break;
    case COBALT_PRESCRIPTION_GROUP_SITES:
      {
        g_autoptr(GPtrArray) sites = g_ptr_array_new ();

        for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
          if (cobalt_site_catalogue_get_nth (i)->route == p->route)
            g_ptr_array_add (sites, (gpointer) cobalt_site_catalogue_get_nth (i)->id);
        g_ptr_array_add (sites, NULL);
        cobalt_prescription_set_enabled_sites (p, (const char * const *) sites->pdata);
      }
      break;
    case COBALT_PRESCRIPTION_GROUP_REMINDER:
      p->reminder_minute = 9 * 60;
      p->grace_minutes = 120;
      break;
    case COBALT_PRESCRIPTION_GROUP_STRENGTH:
      /* The usual ampoule: every dose the amount checks accept (up to
       * 5 mg or 5000 mcg) is then at most 5 mL. */
      p->strength_unit = COBALT_DOSE_UNIT_MG;
      p->strength_amount = 1.0;
      break;
    case COBALT_PRESCRIPTION_GROUP_AMOUNT:
    case COBALT_N_PRESCRIPTION_GROUPS:
    default:
      p->unit = COBALT_DOSE_UNIT_MG;
      p->amount = 1.0;
      break;
    }
}

CobaltPrescriptionGroup
cobalt_prescription_blame_group (CobaltPrescription *p,
                                 const char         *message)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (p), COBALT_N_PRESCRIPTION_GROUPS);
  g_return_val_if_fail (message != NULL, COBALT_N_PRESCRIPTION_GROUPS);

  for (guint g = 0; g < COBALT_N_PRESCRIPTION_GROUPS; g++)
    {
      g_autoptr(CobaltPrescription) probe = cobalt_prescription_copy (p);
      g_autoptr(GError) error = NULL;

      set_group_value_known_good (probe, (CobaltPrescriptionGroup) g);
      if (cobalt_prescription_validate (probe, &error) || g_strcmp0 (error->message, message) != 0)
        return (CobaltPrescriptionGroup) g;
    }

  return COBALT_N_PRESCRIPTION_GROUPS;
}
