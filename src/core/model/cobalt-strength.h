/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* The strength of an ampoule, per mL, and the volume a dose takes from it
 * (CLINICAL.md "Technique data": volume to draw up = dose ÷ strength).
 *
 * A strength is an amount per millilitre with a mass unit,
 * COBALT_DOSE_UNIT_MG or COBALT_DOSE_UNIT_MCG. An amount of 0 means "not
 * known" (an old free-text strength that could not be read as a number):
 * nothing is computed from it and no volume is shown. */

/* TRUE for an amount above 0 in mg or mcg. */
gboolean  cobalt_strength_is_known  (double          amount,
                                     CobaltDoseUnit  unit);
/* @amount of mg or mcg in micrograms; 0 for mL or an unknown unit. */
double    cobalt_mass_to_mcg        (double          amount,
                                     CobaltDoseUnit  unit);
/* The same strength whatever the unit (1 mg/mL is 1000 mcg/mL); FALSE
 * when either is not known. */
gboolean  cobalt_strength_equal     (double          a_amount,
                                     CobaltDoseUnit  a_unit,
                                     double          b_amount,
                                     CobaltDoseUnit  b_unit);
/* Millilitres of a dose of @dose @dose_unit drawn from an ampoule of
 * @strength @strength_unit per mL. A dose in mL is its own volume. 0 when
 * it cannot be known (no strength, no positive dose). */
double    cobalt_strength_volume_ml (double          dose,
                                     CobaltDoseUnit  dose_unit,
                                     double          strength,
                                     CobaltDoseUnit  strength_unit);
/* Translated "1000 mcg/mL"; NULL when not known. */
char     *cobalt_strength_format    (double          amount,
                                     CobaltDoseUnit  unit);
/* Translated "0.25 mL", to the nearest 0.01 mL (what a syringe's marks
 * show); "about 0.33 mL" when rounding changed the value. */
char     *cobalt_volume_format      (double          volume_ml);

G_END_DECLS
