/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-types.h"
#include "cobalt-repository.h"
#include "cobalt-schedule.h"
#include "cobalt-supplies.h"

G_BEGIN_DECLS

/* Everything "Today" says about one person at one moment: the current
 * prescription, the next due dose, the suggested site and the supplies
 * warnings. Computed from the repository in one go, then immutable; used
 * by `cobalt --status`, the Today page and the reminder. */

#define COBALT_TYPE_STATUS (cobalt_status_get_type ())
G_DECLARE_FINAL_TYPE (CobaltStatus, cobalt_status, COBALT, STATUS, GObject)

/* Days of supply left at or under which low stock is reported. */
#define COBALT_STATUS_REORDER_LEAD_DAYS 14

/* Reads @person's prescription, doses, resting sites and supplies from
 * @repository and judges them at @now (calendar maths in @now's zone). */
CobaltStatus        *cobalt_status_compute          (CobaltRepository *repository,
                                                     CobaltPerson     *person,
                                                     GDateTime        *now,
                                                     GError          **error);
/* The same, warning of low stock when @lead_days or fewer days of supply
 * are left (the "low-stock-lead-days" preference). */
CobaltStatus        *cobalt_status_compute_full     (CobaltRepository *repository,
                                                     CobaltPerson     *person,
                                                     GDateTime        *now,
                                                     guint             lead_days,
                                                     GError          **error);

CobaltPerson        *cobalt_status_get_person       (CobaltStatus *self);
GDateTime           *cobalt_status_get_now          (CobaltStatus *self);
/* NULL when the person has no prescription yet. */
CobaltPrescription  *cobalt_status_get_prescription (CobaltStatus *self);
/* NULL when the person has no prescription yet. */
const CobaltDueInfo *cobalt_status_get_due          (CobaltStatus *self);
/* COBALT_DOSE_STATUS_NONE without a prescription. */
CobaltDoseStatus     cobalt_status_get_dose_status  (CobaltStatus *self);
/* The suggested site and its one-line reason; NULL when none is available. */
const CobaltSiteInfo *cobalt_status_get_site        (CobaltStatus *self);
const char          *cobalt_status_get_site_reason  (CobaltStatus *self);
/* "1 mg hydroxocobalamin" for the due dose's phase; NULL without a prescription. */
const char          *cobalt_status_get_dose_text    (CobaltStatus *self);
/* "tomorrow", "overdue by 2 days"...; NULL without a prescription. */
const char          *cobalt_status_get_relative_text (CobaltStatus *self);
/* CobaltSupplyWarning, most pressing first (never NULL). */
GPtrArray           *cobalt_status_get_warnings     (CobaltStatus *self);
/* CobaltRestingSite marks in effect today on enabled sites of the
 * prescription's route, in catalogue order (never NULL; empty without a
 * prescription). */
GPtrArray           *cobalt_status_get_resting_sites (CobaltStatus *self);
guint                cobalt_status_get_n_doses      (CobaltStatus *self);
/* The next instant after now at which this status would read differently
 * without any new data: the due time, the clinic's shorter overdue window
 * or the next local midnight, whichever comes first. Never NULL. */
GDateTime           *cobalt_status_get_next_change  (CobaltStatus *self);

/* Translated status word: "Upcoming", "Due", "Overdue", "No prescription". */
const char          *cobalt_dose_status_to_string   (CobaltDoseStatus status);

G_END_DECLS
