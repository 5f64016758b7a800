/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Strength and volume arithmetic. Every comparison goes through
 * micrograms, so that a box labelled "1 mg/mL" and a prescription written
 * as "1000 mcg/mL" are the same medicine strength, and a 250 mcg dose from
 * a 1 mg/mL ampoule is 0.25 mL, not 250 mL. */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cobalt-strength.h"

/* Amounts are typed into forms with a few decimals; anything closer than
 * this (relative) is the same number written another way. */
#define RELATIVE_TOLERANCE 1e-9

gboolean
cobalt_strength_is_known (double         amount,
                          CobaltDoseUnit unit)
{
  return amount > 0 && isfinite (amount) &&
         (unit == COBALT_DOSE_UNIT_MG || unit == COBALT_DOSE_UNIT_MCG);
}

double
cobalt_mass_to_mcg (double         amount,
                    CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MG:
      return amount * 1000.0;
    case COBALT_DOSE_UNIT_MCG:
      return amount;
    case COBALT_DOSE_UNIT_ML:
    default:
      return 0;
    }
}

gboolean
cobalt_strength_equal (double         a_amount,
                       CobaltDoseUnit a_unit,
                       double         b_amount,
                       CobaltDoseUnit b_unit)
{
  double a, b;

  if (!cobalt_strength_is_known (a_amount, a_unit) ||
      !cobalt_strength_is_known (b_amount, b_unit))
    return FALSE;

  a = cobalt_mass_to_mcg (a_amount, a_unit);
  b = cobalt_mass_to_mcg (b_amount, b_unit);

  return fabs (a - b) <= RELATIVE_TOLERANCE * MAX (a, b);
}

double
cobalt_strength_volume_ml (double         dose,
                           CobaltDoseUnit dose_unit,
                           double         strength,
                           CobaltDoseUnit strength_unit)
{
  if (!(dose > 0) || !isfinite (dose))
    return 0;

  if (dose_unit == COBALT_DOSE_UNIT_ML)
    return dose;

  if (!cobalt_strength_is_known (strength, strength_unit) ||
      (dose_unit != COBALT_DOSE_UNIT_MG && dose_unit != COBALT_DOSE_UNIT_MCG))
    return 0;

  return cobalt_mass_to_mcg (dose, dose_unit) / cobalt_mass_to_mcg (strength, strength_unit);
}

char *
cobalt_strength_format (double         amount,
                        CobaltDoseUnit unit)
{
  if (!cobalt_strength_is_known (amount, unit))
    return NULL;

  if (unit == COBALT_DOSE_UNIT_MG)
    /* Translators: a strength, milligrams per millilitre */
    return g_strdup_printf (_("%g mg/mL"), amount);

  /* Translators: a strength, micrograms per millilitre */
  return g_strdup_printf (_("%g mcg/mL"), amount);
}

char *
cobalt_volume_format (double volume_ml)
{
  double rounded = round (volume_ml * 100.0) / 100.0;

  /* Never "0 mL" for a dose: it is a strength typed in the wrong unit. */
  if (volume_ml > 0 && rounded == 0)
    /* Translators: a volume too small to read on a syringe */
    return g_strdup (_("less than 0.01 mL"));

  if (fabs (rounded - volume_ml) > RELATIVE_TOLERANCE * MAX (fabs (volume_ml), 1.0))
    /* Translators: a volume in millilitres that was rounded */
    return g_strdup_printf (_("about %g mL"), rounded);

  /* Translators: a volume in millilitres */
  return g_strdup_printf (_("%g mL"), rounded);
}
