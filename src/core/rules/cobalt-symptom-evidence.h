/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-record-types.h"
#include "cobalt-checkin.h"
#include "cobalt-dose.h"

G_BEGIN_DECLS

/* Symptom-return evidence: for one wellbeing score, the day after a dose
 * on which it typically falls back from the person's own post-dose level,
 * over at least three dose cycles. Something for the person to discuss
 * with their clinic (cobalt_clinical_symptom_return_summary() words it);
 * arithmetic on the person's own records, never advice about a dose.
 *
 * The rule, precisely:
 *
 * 1. Cycles. Only doses given count (cobalt_dose_is_given()). A dose cycle
 *    runs from one dose to the next (the last one runs on). A check-in
 *    belongs to the cycle of the latest dose given at or before its
 *    instant, so a check-in at 08:00 and a dose at 10:00 that day belong
 *    to different cycles; a second dose on one day leaves the first an
 *    empty cycle. Day n of a cycle counts calendar days in the zone given
 *    from the dose's day to the check-in's day (0: the dose's day).
 *    Check-ins before the first dose, or without this score, are left out.
 * 2. Best. The cycle's post-dose level is its best score on days
 *    0–COBALT_SYMPTOM_RETURN_BEST_DAYS. Best is the highest for energy,
 *    mood and memory, the lowest for fatigue and pins and needles
 *    (cobalt_checkin_measure_higher_is_better()). When the best score was
 *    recorded more than once, the latest counts: the return is measured
 *    from the last time the person was seen at that level.
 * 3. Return. The cycle's return day is the first day after the best's day
 *    on which a check-in of the same cycle is at least
 *    COBALT_SYMPTOM_RETURN_DROP points worse than the best. Only days with
 *    a check-in exist for the rule: with check-ins a week apart, the day
 *    found is the first day the return was recorded, not the day it began.
 * 4. A cycle is observed when it has a best and a check-in on a later day;
 *    it returned when step 3 found a day.
 * 5. Evidence. When at least COBALT_SYMPTOM_RETURN_MIN_CYCLES cycles
 *    returned: the median of their return days (of an even number of
 *    cycles, the earlier of the two middle days, so the day given is always
 *    one on which a return was recorded), with the numbers of cycles
 *    observed and returned. With fewer there is no evidence. */

#define COBALT_SYMPTOM_RETURN_BEST_DAYS  14
#define COBALT_SYMPTOM_RETURN_DROP        2
#define COBALT_SYMPTOM_RETURN_MIN_CYCLES  3

/* One dose cycle. Days count from the dose's day; -1: none. */
typedef struct
{
  GDate   dose_day;           /* local day of the dose that starts it */
  int     best_day;           /* step 2; -1 when no check-in in days 0–14 */
  int     best_score;
  gint64  best_checkin_id;
  int     return_day;         /* step 3; -1 when the score did not fall back */
  int     return_score;
  gint64  return_checkin_id;
  int     last_day;           /* the cycle's last check-in; -1 when none */
  guint   n_checkins;         /* check-ins of the cycle with this score */
} CobaltSymptomCycle;

typedef struct
{
  CobaltCheckinMeasure measure;
  guint                n_observed;  /* step 4 */
  guint                n_returned;  /* step 4 */
  int                  median_day;  /* step 5; -1 when there is no evidence */
} CobaltSymptomReturnEvidence;

/* TRUE for energy, mood and memory (10 is best), FALSE for fatigue and
 * pins and needles (0 is best). */
gboolean  cobalt_checkin_measure_higher_is_better (CobaltCheckinMeasure measure);

/* One CobaltSymptomCycle per dose given of @doses, in time order (steps
 * 1–3). @checkins: GListModel of CobaltCheckin in any order, may be NULL;
 * @doses: CobaltDose in any order, may be NULL; @tz: the zone of calendar
 * days (NULL: the local zone). Never NULL. */
GArray   *cobalt_symptom_return_cycles            (GListModel           *checkins,
                                                   GPtrArray            *doses,
                                                   CobaltCheckinMeasure  measure,
                                                   GTimeZone            *tz);

/* Steps 4–5 over cobalt_symptom_return_cycles(). Fills @evidence in any
 * case (median_day -1 without evidence) and returns TRUE when there is
 * evidence: at least COBALT_SYMPTOM_RETURN_MIN_CYCLES cycles returned.
 * @cycles_out, when not NULL, receives the cycles (free with
 * g_array_unref()). */
gboolean  cobalt_symptom_return_evidence          (GListModel                   *checkins,
                                                   GPtrArray                    *doses,
                                                   CobaltCheckinMeasure          measure,
                                                   GTimeZone                    *tz,
                                                   CobaltSymptomReturnEvidence  *evidence,
                                                   GArray                      **cycles_out);

G_END_DECLS
