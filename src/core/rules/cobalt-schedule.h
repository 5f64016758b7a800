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

/* The schedule engine: pure functions of (prescription, dose history,
 * now, zone). See DESIGN.md "Schedule rules"; the rules as implemented are
 * spelled out in cobalt-schedule.c's top comment and in HACKING.md. */

typedef struct
{
  CobaltDoseStatus status;
  GDate            due_date;       /* local calendar day the dose is due */
  GDateTime       *due_at;         /* that day at the reminder time (local zone), owned */
  GDateTime       *overdue_at;     /* from this instant the dose is overdue: the start of the
                                     * next day, or the clinic's shorter window (rule 6), owned */
  guint            phase_index;    /* phase the due dose belongs to */
  guint            dose_in_phase;  /* 1-based number of the due dose within its phase */
  double           amount;         /* dose amount of that phase */
  gint64           last_dose_id;   /* last dose actually given; 0 when none yet */
  gboolean         needs_first_date; /* status NONE: no dose and no first-dose date (starts_on) */
} CobaltDueInfo;

#define COBALT_TYPE_DUE_INFO (cobalt_due_info_get_type ())
GType          cobalt_due_info_get_type (void) G_GNUC_CONST;
CobaltDueInfo *cobalt_due_info_copy     (const CobaltDueInfo *info);
void           cobalt_due_info_free     (CobaltDueInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltDueInfo, cobalt_due_info_free)

/* The next dose due after the history in @doses (CobaltDose, any order;
 * doses before the prescription's starts_on are ignored), judged at @now.
 * Each dose counts on its own day in the zone it was given in; today and
 * the due instant are in @tz (NULL: @now's zone). Never NULL. The
 * status is COBALT_DOSE_STATUS_NONE, with due_at and overdue_at NULL and
 * due_date invalid, when there is nothing to give: no phases, or a course
 * whose last phase ended after its count (a custom prescription without an
 * open-ended last phase), or no dose yet and no first-dose date (then
 * needs_first_date is TRUE). Doses not given on the clinic's advice
 * (cobalt_dose_get_kind()) count as rule 2 of cobalt-schedule.c says. */
CobaltDueInfo *cobalt_schedule_next_due   (CobaltPrescription *prescription,
                                           GPtrArray          *doses,
                                           GDateTime          *now,
                                           GTimeZone          *tz);

/* The next @n due instants (GDateTime, in @tz) as if each dose were given
 * exactly at its due instant from now on: the first is the next due one.
 * Fewer than @n when the course ends. */
GPtrArray     *cobalt_schedule_project    (CobaltPrescription *prescription,
                                           GPtrArray          *doses,
                                           GDateTime          *now,
                                           GTimeZone          *tz,
                                           guint               n);

/* @date at @minute after midnight in @tz; a time that does not exist that
 * day (a daylight-saving gap) moves forward to the next valid minute. */
GDateTime     *cobalt_schedule_local_instant (const GDate *date,
                                              guint        minute,
                                              GTimeZone   *tz);

/* @from + one gap of @phase's interval: days, weeks, calendar months
 * (clamped to the month's end), or the @gap_index-th gap of "N times a
 * week" (rule 5 in cobalt-schedule.c). */
void           cobalt_schedule_add_interval (const CobaltPhase *phase,
                                             guint              gap_index,
                                             const GDate       *from,
                                             GDate             *out);

/* Whether @phase repeats more often than once a week: only then may the
 * clinic's shorter overdue window (overdue_after_minutes) apply. */
gboolean       cobalt_schedule_interval_under_a_week (const CobaltPhase *phase);

/* "today", "tomorrow", "in 3 days", "overdue by 2 days", "due today"... translated. */
char          *cobalt_schedule_describe_due (const CobaltDueInfo *info,
                                             GDateTime           *now);

G_END_DECLS
