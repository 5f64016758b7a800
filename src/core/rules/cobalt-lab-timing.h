/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-dose.h"
#include "cobalt-lab-result.h"

G_BEGIN_DECLS

/* Lab timing (CLINICAL.md "Lab values"): a serum B12 result taken within
 * two weeks after an injection does not reflect deficiency, so the journal,
 * its chart, the report and the FHIR export mark every result taken that
 * soon "taken N days after an injection"
 * (cobalt_clinical_lab_taken_after_injection()). It is a mark, never
 * testing advice. Every test is marked, not only serum B12: the mark is a
 * fact about timing, and the clinic knows which tests it matters for. */

/* "Within two weeks": 14 calendar days, the 14th included. */
#define COBALT_LAB_TIMING_WINDOW_DAYS 14

/* Calendar days from the last injection on or before the day @result was
 * taken to that day, when they are at most COBALT_LAB_TIMING_WINDOW_DAYS;
 * else -1 (no injection before it, the last one longer ago, or no date).
 *
 * - A lab result has a day, not a time: an injection on the same day counts
 *   (0), since the blood may have been taken after it.
 * - An injection's day is its local day in the zone it was given in, the
 *   day the person lived it (the lab's day was entered the same way).
 * - Only doses given count (cobalt_dose_is_given()): a dose not given on
 *   the clinic's advice was no injection.
 *
 * @doses: CobaltDose in any order (e.g. cobalt_repository_list_doses());
 * may be NULL. */
int      cobalt_lab_timing_days_after_injection    (CobaltLabResult *result,
                                                    GPtrArray       *doses);

/* The same for a day rather than a result. */
int      cobalt_lab_timing_days_after_injection_on (const GDate     *taken_on,
                                                    GPtrArray       *doses);

G_END_DECLS
