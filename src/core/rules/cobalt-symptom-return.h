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

/* The "symptom return" view: each wellbeing score set against the number of
 * days since the dose given before that check-in, so a person can show the
 * clinic when symptoms come back before the next injection. Pure arithmetic
 * on records; it never says anything about the dose itself. */

typedef struct
{
  gint64 checkin_id;
  GDate  checkin_day;      /* local day of the check-in */
  GDate  dose_day;         /* local day of the dose before it */
  int    days_since_dose;  /* calendar days, 0 = the same day */
  int    score;            /* 0–10 */
} CobaltSymptomReturnPoint;

/* Calendar days in @tz from the latest dose given at or before @at to the
 * day of @at (0 when it was the same day), or -1 when no dose came before.
 * @doses: CobaltDose, in any order; may be NULL. When @dose_day is not
 * NULL it receives that dose's local day (left untouched for -1). */
int      cobalt_symptom_return_days_since_dose (GPtrArray *doses,
                                                GDateTime *at,
                                                GTimeZone *tz,
                                                GDate     *dose_day);

/* One point per check-in of @checkins (GListModel of CobaltCheckin) that
 * has @measure recorded and comes after at least one dose, in the order of
 * @checkins. Calendar days in @tz (NULL: the local zone). Returns a GArray
 * of CobaltSymptomReturnPoint, never NULL. */
GArray  *cobalt_symptom_return_compute         (GListModel           *checkins,
                                                GPtrArray            *doses,
                                                CobaltCheckinMeasure  measure,
                                                GTimeZone            *tz);

G_END_DECLS
