/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"
#include "cobalt-prescription.h"
#include "cobalt-dose.h"

G_BEGIN_DECLS

/* The early-dose guard (CLINICAL.md "Missed dose"): before a dose is
 * logged, whether it comes more than a day before its due date (EARLY) or
 * is a second dose on a day that already has one (EXTRA). Cobalt then says
 * when the last dose was given and when the next is due, and goes on only
 * if the person says their clinic told them to; it never blocks a dose. */

typedef enum
{
  COBALT_DOSE_TIMING_EXPECTED = 0, /* nothing to confirm */
  COBALT_DOSE_TIMING_EARLY    = 1, /* more than a day before its due date */
  COBALT_DOSE_TIMING_EXTRA    = 2, /* a second dose on the same local day */
} CobaltDoseTiming;

typedef struct
{
  CobaltDoseTiming    timing;         /* EXTRA wins when both apply */
  CobaltDoseException exceptions;     /* every reason that applies, for doses.exceptions */
  GDateTime          *last_given_at;  /* the last dose given before it, in its own zone; NULL when none, owned */
  GDate               next_due;       /* due date of the dose it would be; invalid when nothing is scheduled */
  gboolean            first_dose;     /* no dose was given before it */
} CobaltDoseTimingInfo;

#define COBALT_TYPE_DOSE_TIMING_INFO (cobalt_dose_timing_info_get_type ())
GType                 cobalt_dose_timing_info_get_type (void) G_GNUC_CONST;
CobaltDoseTimingInfo *cobalt_dose_timing_info_copy     (const CobaltDoseTimingInfo *info);
void                  cobalt_dose_timing_info_free     (CobaltDoseTimingInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltDoseTimingInfo, cobalt_dose_timing_info_free)

/* Judges a dose about to be logged as given at @given_at (in the zone it
 * is given in) against @doses (the schedule's history, e.g. from
 * cobalt_repository_list_schedule_doses(); doses not given on the clinic's
 * advice count for the due date only). The due date is the one the
 * schedule gives from the history before @given_at, with calendar maths in
 * @tz (NULL: @given_at's zone). @prescription may be NULL: then only EXTRA
 * is detected. Never NULL. */
CobaltDoseTimingInfo *cobalt_dose_timing_check         (CobaltPrescription *prescription,
                                                        GPtrArray          *doses,
                                                        GDateTime          *given_at,
                                                        GTimeZone          *tz);

/* "Your last dose was on Monday 12 January 2026; the next is due on
 * Monday 19 January 2026." (translated). */
char                 *cobalt_dose_timing_describe      (const CobaltDoseTimingInfo *info);

/* The one-line heading for a dialog: "This dose is early" / "A dose was
 * already given today" (translated); NULL for EXPECTED. */
const char           *cobalt_dose_timing_get_title     (CobaltDoseTiming timing);

/* How the log shows the EARLY and EXTRA bits of doses.exceptions (the
 * person confirmed their clinic's advice): translated when shown, never
 * stored as text. NULL when neither bit is set. */
char                 *cobalt_dose_timing_describe_exceptions (CobaltDoseException exceptions);

G_END_DECLS
