/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"
#include "cobalt-phase.h"
#include "cobalt-site.h"
#include "cobalt-strength.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PRESCRIPTION (cobalt_prescription_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPrescription, cobalt_prescription, COBALT, PRESCRIPTION, GObject)

/* A prescription (regimen) version. Saving a changed prescription stores a
 * new version; doses keep the id of the version they were given under.
 * Every field is a GObject property of the same name (dashes for
 * underscores); "phases" is a GPtrArray of CobaltPhase. */

CobaltPrescription *cobalt_prescription_new            (void);
/* A new, unsaved prescription filled from a CLINICAL.md template id
 * ("uk-hydroxo-standard", ...); NULL for an unknown id. */
CobaltPrescription *cobalt_prescription_new_from_template (const char *template_id);
/* An unsaved copy (id 0) to edit into the next version. */
CobaltPrescription *cobalt_prescription_copy           (CobaltPrescription *self);

/* Template ids in display order, NULL-terminated; and their translated names. */
const char * const *cobalt_prescription_template_ids   (void);
const char         *cobalt_prescription_template_name  (const char *template_id);

gint64         cobalt_prescription_get_id              (CobaltPrescription *self);
void           cobalt_prescription_set_id              (CobaltPrescription *self, gint64 id);
gint64         cobalt_prescription_get_person_id       (CobaltPrescription *self);
void           cobalt_prescription_set_person_id       (CobaltPrescription *self, gint64 person_id);
guint          cobalt_prescription_get_version         (CobaltPrescription *self);
void           cobalt_prescription_set_version         (CobaltPrescription *self, guint version);
const char    *cobalt_prescription_get_template_id     (CobaltPrescription *self);
void           cobalt_prescription_set_template_id     (CobaltPrescription *self, const char *template_id);
/* Local calendar day the regimen started; doses before it do not count. */
GDate         *cobalt_prescription_get_starts_on       (CobaltPrescription *self); /* borrowed, may be NULL */
void           cobalt_prescription_set_starts_on       (CobaltPrescription *self, const GDate *date);
CobaltProduct  cobalt_prescription_get_product         (CobaltPrescription *self);
void           cobalt_prescription_set_product         (CobaltPrescription *self, CobaltProduct product);
/* Free text: brand or "other" product name; may be NULL. */
const char    *cobalt_prescription_get_product_name    (CobaltPrescription *self);
void           cobalt_prescription_set_product_name    (CobaltPrescription *self, const char *name);
/* Strength of the ampoule per mL: an amount and its unit (mg or mcg).
 * Amount 0 = not known: an old free-text strength that could not be read
 * as a number (see strength-text); the prescription editor asks for it,
 * and no volume is shown until then. */
double         cobalt_prescription_get_strength_amount (CobaltPrescription *self);
void           cobalt_prescription_set_strength_amount (CobaltPrescription *self, double amount);
CobaltDoseUnit cobalt_prescription_get_strength_unit   (CobaltPrescription *self);
void           cobalt_prescription_set_strength_unit   (CobaltPrescription *self, CobaltDoseUnit unit);
/* The strength as typed before strengths were numbers ("1 ampoule"),
 * kept only to show it while the numeric strength is not known; may be NULL. */
const char    *cobalt_prescription_get_strength_text   (CobaltPrescription *self);
void           cobalt_prescription_set_strength_text   (CobaltPrescription *self, const char *text);
double         cobalt_prescription_get_amount          (CobaltPrescription *self);
void           cobalt_prescription_set_amount          (CobaltPrescription *self, double amount);
CobaltDoseUnit cobalt_prescription_get_unit            (CobaltPrescription *self);
void           cobalt_prescription_set_unit            (CobaltPrescription *self, CobaltDoseUnit unit);
CobaltRoute    cobalt_prescription_get_route           (CobaltPrescription *self);
void           cobalt_prescription_set_route           (CobaltPrescription *self, CobaltRoute route);
/* Technique as the clinic taught it. Gauge 0 / length 0 = not recorded. */
guint          cobalt_prescription_get_drawing_needle_gauge   (CobaltPrescription *self);
void           cobalt_prescription_set_drawing_needle_gauge   (CobaltPrescription *self, guint gauge);
guint          cobalt_prescription_get_injecting_needle_gauge (CobaltPrescription *self);
void           cobalt_prescription_set_injecting_needle_gauge (CobaltPrescription *self, guint gauge);
double         cobalt_prescription_get_needle_length_mm       (CobaltPrescription *self);
void           cobalt_prescription_set_needle_length_mm       (CobaltPrescription *self, double mm);
double         cobalt_prescription_get_syringe_ml             (CobaltPrescription *self);
void           cobalt_prescription_set_syringe_ml             (CobaltPrescription *self, double ml);
guint          cobalt_prescription_get_angle_degrees          (CobaltPrescription *self);
void           cobalt_prescription_set_angle_degrees          (CobaltPrescription *self, guint degrees);
gboolean       cobalt_prescription_get_use_swab               (CobaltPrescription *self);
void           cobalt_prescription_set_use_swab               (CobaltPrescription *self, gboolean use_swab);
gboolean       cobalt_prescription_get_aspirate               (CobaltPrescription *self);
void           cobalt_prescription_set_aspirate               (CobaltPrescription *self, gboolean aspirate);
/* Free text: landmarks as taught; may be NULL. */
const char    *cobalt_prescription_get_technique_notes        (CobaltPrescription *self);
void           cobalt_prescription_set_technique_notes        (CobaltPrescription *self, const char *notes);
/* Site ids (cobalt-site.h) the clinic trained the person on. NULL-terminated, borrowed. */
const char * const *cobalt_prescription_get_enabled_sites     (CobaltPrescription *self);
void           cobalt_prescription_set_enabled_sites          (CobaltPrescription *self, const char * const *site_ids);
gboolean       cobalt_prescription_is_site_enabled            (CobaltPrescription *self, const char *site_id);
/* Reminder time of day, minutes after local midnight (0..1439). */
guint          cobalt_prescription_get_reminder_minute        (CobaltPrescription *self);
void           cobalt_prescription_set_reminder_minute        (CobaltPrescription *self, guint minute);
/* Kept in the database for older versions; no longer decides anything
 * (a dose is due all of its due day: cobalt-schedule.c, rule 6). */
guint          cobalt_prescription_get_grace_minutes          (CobaltPrescription *self);
void           cobalt_prescription_set_grace_minutes          (CobaltPrescription *self, guint minutes);
/* The clinic's shorter window: the dose is overdue this many minutes after
 * the reminder time, honoured only while the current phase's interval is
 * under a week. 0 = not set (overdue from the day after the due day). */
guint          cobalt_prescription_get_overdue_after_minutes  (CobaltPrescription *self);
void           cobalt_prescription_set_overdue_after_minutes  (CobaltPrescription *self, guint minutes);
const char    *cobalt_prescription_get_notes                  (CobaltPrescription *self);
void           cobalt_prescription_set_notes                  (CobaltPrescription *self, const char *notes);
/* Borrowed GPtrArray of CobaltPhase; at least one phase for a valid prescription. */
GPtrArray     *cobalt_prescription_get_phases                 (CobaltPrescription *self);
/* Takes a copy of each phase. */
void           cobalt_prescription_set_phases                 (CobaltPrescription *self, GPtrArray *phases);
void           cobalt_prescription_add_phase                  (CobaltPrescription *self, const CobaltPhase *phase);
/* Dose of phase @index (the phase's amount, or the prescription's). */
double         cobalt_prescription_get_phase_amount           (CobaltPrescription *self, guint index);
/* Volume to draw up for phase @index, in mL: its dose ÷ the strength
 * (a dose in mL is its own volume). 0 when either is not known. Computed,
 * never stored: a stored volume could contradict dose and strength. */
double         cobalt_prescription_get_phase_volume_ml        (CobaltPrescription *self, guint index);
/* TRUE when the volume of phase @index is known and above @site's typical
 * adult maximum: the UI says "check with your clinic" (a warning, never a
 * refusal: the clinic may have a reason). */
gboolean       cobalt_prescription_phase_exceeds_site         (CobaltPrescription   *self,
                                                               guint                 index,
                                                               const CobaltSiteInfo *site);

/* FALSE with COBALT_PRESCRIPTION_ERROR_INVALID and a translated sentence
 * naming the field, for anything a form must refuse. */
gboolean       cobalt_prescription_validate                   (CobaltPrescription *self, GError **error);

/* Translated display helpers. */
const char    *cobalt_product_to_string     (CobaltProduct  product);
const char    *cobalt_dose_unit_to_string   (CobaltDoseUnit unit);
const char    *cobalt_route_to_string       (CobaltRoute    route);
/* "1 mg hydroxocobalamin" */
char          *cobalt_prescription_describe_dose (CobaltPrescription *self, guint phase_index);
/* "1000 mcg/mL", or NULL when the strength is not known. */
char          *cobalt_prescription_describe_strength (CobaltPrescription *self);

#define COBALT_PRESCRIPTION_ERROR (cobalt_prescription_error_quark ())
typedef enum { COBALT_PRESCRIPTION_ERROR_INVALID } CobaltPrescriptionError;
GQuark cobalt_prescription_error_quark (void);

G_END_DECLS
