/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Validation and display helpers of CobaltPrescription, apart from the
 * property boilerplate in cobalt-prescription.c. Uses only the public API. */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cobalt-dose-rules.h"
#include "cobalt-prescription.h"
#include "cobalt-site.h"
#include "cobalt-strength.h"

G_DEFINE_QUARK (cobalt-prescription-error-quark, cobalt_prescription_error)

/* The smallest mark on a 1 mL syringe. A smaller volume is a strength
 * typed in the wrong unit (1000 mg/mL for 1000 mcg/mL), not a dose. */
#define MIN_VOLUME_ML     0.01

/* More than the largest typical maximum of any site is more than one
 * injection can hold; above the chosen site's own maximum is only a
 * warning (docs/clinical-sources.md, "Technique data"). */
static double
max_volume_ml (void)
{
  return cobalt_site_catalogue_max_volume_ml ();
}

static gboolean
validate_strength (CobaltPrescription  *self,
                   GError             **error)
{
  double amount = self->strength_amount;
  CobaltDoseUnit unit = self->strength_unit;
  const char *text = self->strength_text;

  if (unit != COBALT_DOSE_UNIT_MG && unit != COBALT_DOSE_UNIT_MCG)
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("The strength must be in mg or mcg per mL, as printed on the ampoule."));
      return FALSE;
    }

  if (cobalt_strength_is_known (amount, unit))
    return TRUE;

  /* A strength migrated from free text that did not read as a number:
   * show what was typed, so the person knows what to look up. */
  if (amount == 0 && text != NULL && *text != '\0')
    g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                 _("The strength “%s” could not be read as a number: enter the strength printed on the ampoule, in mg or mcg per mL."),
                 text);
  else
    g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                         _("Enter the strength printed on the ampoule: more than zero, in mg or mcg per mL."));
  return FALSE;
}

/* Run after the dose and the strength are known to be valid. */
static gboolean
validate_phase_volume (CobaltPrescription  *self,
                       guint                index,
                       guint                n_phases,
                       GError             **error)
{
  double volume = cobalt_prescription_get_phase_volume_ml (self, index);
  g_autofree char *dose = NULL;
  g_autofree char *strength = NULL;
  g_autofree char *volume_text = NULL;

  if (volume >= MIN_VOLUME_ML && volume <= max_volume_ml ())
    return TRUE;

  dose = g_strdup_printf ("%g %s", cobalt_prescription_get_phase_amount (self, index),
                          cobalt_dose_unit_to_string (self->unit));
  strength = cobalt_prescription_describe_strength (self);
  volume_text = cobalt_volume_format (volume);

  if (volume > max_volume_ml ())
    {
      if (n_phases == 1)
        /* Translators: a dose, a strength, a volume: "5 mg from a 1 mg/mL ampoule is 5 mL..." */
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("%s from a %s ampoule is %s, more than one injection can hold: check the dose and the strength."),
                     dose, strength, volume_text);
      else
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("Phase %u: %s from a %s ampoule is %s, more than one injection can hold: check the dose and the strength."),
                     index + 1, dose, strength, volume_text);
    }
  else
    {
      if (n_phases == 1)
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("%s from a %s ampoule is %s, too little to measure in a syringe: check the dose and the strength."),
                     dose, strength, volume_text);
      else
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("Phase %u: %s from a %s ampoule is %s, too little to measure in a syringe: check the dose and the strength."),
                     index + 1, dose, strength, volume_text);
    }

  return FALSE;
}

static double
max_amount_for_unit (CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MCG:
      return cobalt_dose_rules_max_dose_mcg ();
    case COBALT_DOSE_UNIT_MG:
      return cobalt_dose_rules_max_dose_mcg () / 1000;
    case COBALT_DOSE_UNIT_ML:
      return max_volume_ml ();
    default:
      return 0;
    }
}

static gboolean
validate_amount (CobaltPrescription  *self,
                 double               amount,
                 guint                phase_number,
                 GError             **error)
{
  double max = max_amount_for_unit (self->unit);

  if (amount > 0 && amount <= max)
    return TRUE;

  if (phase_number == 0)
    {
      if (amount <= 0)
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("The dose must be more than zero."));
      else
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("The dose of %g %s is far more than a B12 injection: check the dose."),
                     amount, cobalt_dose_unit_to_string (self->unit));
    }
  else
    {
      if (amount <= 0)
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("The dose of phase %u must be more than zero."), phase_number);
      else
        g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                     _("The dose of phase %u (%g %s) is far more than a B12 injection: check the dose."),
                     phase_number, amount, cobalt_dose_unit_to_string (self->unit));
    }

  return FALSE;
}

static gboolean
validate_phase (CobaltPrescription  *self,
                const CobaltPhase   *phase,
                guint                number,
                GError             **error)
{
  if (phase->interval == 0)
    {
      g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                   _("The interval of phase %u must be at least 1."), number);
      return FALSE;
    }

  if (phase->unit == COBALT_INTERVAL_TIMES_PER_WEEK && phase->interval > 7)
    {
      g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                   _("Phase %u cannot have more than 7 doses a week."), number);
      return FALSE;
    }

  if (phase->end == COBALT_PHASE_END_AFTER_DOSES && phase->end_value == 0)
    {
      g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                   _("The number of doses of phase %u must be at least 1."), number);
      return FALSE;
    }

  if (phase->end == COBALT_PHASE_END_AFTER_DAYS && phase->end_value == 0)
    {
      g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                   _("The duration of phase %u must be at least 1 day."), number);
      return FALSE;
    }

  /* 0 means "the prescription's dose". */
  if (phase->amount != 0 && !validate_amount (self, phase->amount, number, error))
    return FALSE;

  return TRUE;
}

gboolean
cobalt_prescription_validate (CobaltPrescription  *self,
                              GError             **error)
{
  gboolean any_site = FALSE;
  GPtrArray *phases;
  const char * const *sites;
  CobaltRoute route;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  phases = self->phases;
  sites = cobalt_prescription_get_enabled_sites (self);
  route = self->route;

  if (phases->len == 0)
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("The schedule needs at least one phase."));
      return FALSE;
    }

  if (!validate_amount (self, self->amount, 0, error))
    return FALSE;

  if (!validate_strength (self, error))
    return FALSE;

  if (self->product < COBALT_PRODUCT_HYDROXOCOBALAMIN ||
      self->product > COBALT_PRODUCT_OTHER)
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("Choose the medicine the clinic prescribed."));
      return FALSE;
    }

  /* The same earliest date as for doses (cobalt-dose-rules.h): no B12
   * injection was given before 1950. */
  if (self->starts_on != NULL &&
      (!g_date_valid (self->starts_on) ||
       g_date_get_year (self->starts_on) < COBALT_DOSE_RULES_EARLIEST_YEAR))
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("The first-dose date is before 1950: check the year."));
      return FALSE;
    }

  if (self->reminder_minute >= 24 * 60)
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("The reminder time must be a time of day between 00:00 and 23:59."));
      return FALSE;
    }

  for (guint i = 0; i < phases->len; i++)
    {
      if (!validate_phase (self, g_ptr_array_index (phases, i), i + 1, error))
        return FALSE;
    }

  /* Every dose and the strength are sound: the volumes they give must
   * be one injection's. */
  for (guint i = 0; i < phases->len; i++)
    {
      if (!validate_phase_volume (self, i, phases->len, error))
        return FALSE;
    }

  for (guint i = 0; sites != NULL && sites[i] != NULL; i++)
    {
      const CobaltSiteInfo *site = cobalt_site_catalogue_lookup (sites[i]);

      if (site == NULL)
        {
          g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                       _("The injection site “%s” is not known."), sites[i]);
          return FALSE;
        }

      if (site->route != route)
        {
          /* TRANSLATORS: "The injection site Left abdomen is for under the skin (SC) injections, but the prescription's route is into the muscle (IM)." */
          g_set_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                       _("The injection site %s is for %s injections, but the prescription’s route is %s."),
                       cobalt_site_info_get_name (site),
                       cobalt_route_to_string (site->route),
                       cobalt_route_to_string (route));
          return FALSE;
        }

      any_site = TRUE;
    }

  if (!any_site)
    {
      g_set_error_literal (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID,
                           _("Choose at least one injection site your clinic trained you on."));
      return FALSE;
    }

  return TRUE;
}

const char *
cobalt_product_to_string (CobaltProduct product)
{
  switch (product)
    {
    case COBALT_PRODUCT_HYDROXOCOBALAMIN:
      return _("hydroxocobalamin");
    case COBALT_PRODUCT_CYANOCOBALAMIN:
      return _("cyanocobalamin");
    case COBALT_PRODUCT_METHYLCOBALAMIN:
      return _("methylcobalamin");
    case COBALT_PRODUCT_OTHER:
      return _("other vitamin B12");
    default:
      return _("unknown product");
    }
}

const char *
cobalt_dose_unit_to_string (CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MG:
      return _("mg");
    case COBALT_DOSE_UNIT_MCG:
      /* TRANSLATORS: micrograms */
      return _("mcg");
    case COBALT_DOSE_UNIT_ML:
      return _("mL");
    default:
      return "?";
    }
}

const char *
cobalt_route_to_string (CobaltRoute route)
{
  switch (route)
    {
    case COBALT_ROUTE_IM:
      return _("into the muscle (IM)");
    case COBALT_ROUTE_SC:
      return _("under the skin (SC)");
    default:
      return "?";
    }
}

char *
cobalt_prescription_describe_dose (CobaltPrescription *self,
                                   guint               phase_index)
{
  const char *product;
  const char *product_name;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  product_name = self->product_name;
  if (self->product == COBALT_PRODUCT_OTHER &&
      product_name != NULL && *product_name != '\0')
    product = product_name;
  else
    product = cobalt_product_to_string (self->product);

  /* TRANSLATORS: "1 mg hydroxocobalamin" */
  return g_strdup_printf (C_("dose", "%g %s %s"),
                          cobalt_prescription_get_phase_amount (self, phase_index),
                          cobalt_dose_unit_to_string (self->unit),
                          product);
}

char *
cobalt_prescription_describe_strength (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return cobalt_strength_format (self->strength_amount,
                                 self->strength_unit);
}

double
cobalt_prescription_get_phase_volume_ml (CobaltPrescription *self,
                                         guint               index)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return cobalt_strength_volume_ml (cobalt_prescription_get_phase_amount (self, index),
                                    self->unit,
                                    self->strength_amount,
                                    self->strength_unit);
}

gboolean
cobalt_prescription_phase_exceeds_site (CobaltPrescription   *self,
                                        guint                 index,
                                        const CobaltSiteInfo *site)
{
  double volume;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);

  if (site == NULL)
    return FALSE;

  volume = cobalt_prescription_get_phase_volume_ml (self, index);
  /* Compared at the precision shown (0.01 mL): 1.004 mL reads as 1 mL
   * and must not be called more than a 1 mL site takes. */
  return volume > 0 && round (volume * 100.0) > round (site->max_volume_ml * 100.0);
}
