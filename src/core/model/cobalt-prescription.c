/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-prescription.h"
#include "cobalt-record.h"
#include "cobalt-site.h"

G_DEFINE_FINAL_TYPE (CobaltPrescription, cobalt_prescription, G_TYPE_OBJECT)

static GPtrArray *
phase_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
}

static void
cobalt_prescription_finalize (GObject *object)
{
  CobaltPrescription *self = (CobaltPrescription *)object;

  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->starts_on, g_date_free);
  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->strength_text, g_free);
  g_clear_pointer (&self->technique_notes, g_free);
  g_clear_pointer (&self->enabled_sites, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->phases, g_ptr_array_unref);

  G_OBJECT_CLASS (cobalt_prescription_parent_class)->finalize (object);
}

static void
cobalt_prescription_class_init (CobaltPrescriptionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_prescription_finalize;
}

/* Only what no clinic decides is set here. The technique the clinic
 * taught (needles, syringe, angle) and the sites it trained the person on
 * start "not recorded" (0, no sites): Cobalt never invents them, and the
 * checklist says "as your clinic showed you" until they are entered
 * (docs/clinical-sources.md, "Technique data"). */
static void
cobalt_prescription_init (CobaltPrescription *self)
{
  static const char * const no_sites[] = { NULL };

  self->template_id = g_strdup ("custom");
  self->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  self->strength_amount = 1.0;
  self->strength_unit = COBALT_DOSE_UNIT_MG;
  self->amount = 1.0;
  self->unit = COBALT_DOSE_UNIT_MG;
  self->route = COBALT_ROUTE_IM;
  self->use_swab = TRUE;
  self->aspirate = FALSE;
  self->enabled_sites = g_strdupv ((char **) no_sites);
  self->reminder_minute = 9 * 60;
  self->grace_minutes = 180;
  self->phases = phase_array_new ();
}

CobaltPrescription *
cobalt_prescription_new (void)
{
  return g_object_new (COBALT_TYPE_PRESCRIPTION, NULL);
}

CobaltPrescription *
cobalt_prescription_copy (CobaltPrescription *self)
{
  CobaltPrescription *copy;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  copy = cobalt_prescription_new ();
  copy->person_id = self->person_id;
  copy->version = self->version;
  cobalt_set_str (&copy->template_id, self->template_id);
  if (self->starts_on != NULL)
    copy->starts_on = g_date_copy (self->starts_on);
  copy->product = self->product;
  cobalt_set_str (&copy->product_name, self->product_name);
  cobalt_set_str (&copy->strength_text, self->strength_text);
  copy->strength_amount = self->strength_amount;
  copy->strength_unit = self->strength_unit;
  copy->amount = self->amount;
  copy->unit = self->unit;
  copy->route = self->route;
  copy->drawing_needle_gauge = self->drawing_needle_gauge;
  copy->injecting_needle_gauge = self->injecting_needle_gauge;
  copy->needle_length_mm = self->needle_length_mm;
  copy->syringe_ml = self->syringe_ml;
  copy->angle_degrees = self->angle_degrees;
  copy->use_swab = self->use_swab;
  copy->aspirate = self->aspirate;
  cobalt_set_str (&copy->technique_notes, self->technique_notes);
  g_strfreev (copy->enabled_sites);
  copy->enabled_sites = g_strdupv (self->enabled_sites);
  copy->reminder_minute = self->reminder_minute;
  copy->grace_minutes = self->grace_minutes;
  copy->overdue_after_minutes = self->overdue_after_minutes;
  cobalt_set_str (&copy->notes, self->notes);
  cobalt_prescription_set_phases (copy, self->phases);

  return copy;
}

void
cobalt_prescription_set_use_swab (CobaltPrescription *self,
                                  gboolean           use_swab)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  use_swab = !!use_swab;
  if (self->use_swab == use_swab)
    return;

  self->use_swab = use_swab;
}

void
cobalt_prescription_set_aspirate (CobaltPrescription *self,
                                  gboolean           aspirate)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  aspirate = !!aspirate;
  if (self->aspirate == aspirate)
    return;

  self->aspirate = aspirate;
}

const char * const *
cobalt_prescription_get_enabled_sites (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return (const char * const *) self->enabled_sites;
}

void
cobalt_prescription_set_enabled_sites (CobaltPrescription *self,
                                       const char * const *site_ids)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (site_ids == NULL)
    site_ids = empty;

  if (g_strv_equal ((const char * const *) self->enabled_sites, site_ids))
    return;

  g_strfreev (self->enabled_sites);
  self->enabled_sites = g_strdupv ((char **) site_ids);
}

gboolean
cobalt_prescription_is_site_enabled (CobaltPrescription *self,
                                     const char         *site_id)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);

  if (site_id == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) self->enabled_sites, site_id);
}

void
cobalt_prescription_set_phases (CobaltPrescription *self,
                                GPtrArray          *phases)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  /* Our own array, edited in place by the caller: keep it, tell listeners. */
  if (phases == self->phases)
    {
      return;
    }

  if (phases != NULL && phases->len == self->phases->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < phases->len; i++)
        same = cobalt_phase_equal (g_ptr_array_index (phases, i),
                                   g_ptr_array_index (self->phases, i));
      if (same)
        return;
    }

  copy = phase_array_new ();
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    g_ptr_array_add (copy, cobalt_phase_copy (g_ptr_array_index (phases, i)));

  g_clear_pointer (&self->phases, g_ptr_array_unref);
  self->phases = g_steal_pointer (&copy);
}

void
cobalt_prescription_add_phase (CobaltPrescription *self,
                               const CobaltPhase  *phase)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));
  g_return_if_fail (phase != NULL);

  g_ptr_array_add (self->phases, cobalt_phase_copy (phase));
}

double
cobalt_prescription_get_phase_amount (CobaltPrescription *self,
                                      guint               index)
{
  const CobaltPhase *phase;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  if (index >= self->phases->len)
    return self->amount;

  phase = g_ptr_array_index (self->phases, index);

  return phase->amount > 0 ? phase->amount : self->amount;
}
