/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cobalt-types.h"
#include "cobalt-phase.h"

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
/* Strength as printed on the ampoule, e.g. "1 mg/mL"; may be NULL. */
const char    *cobalt_prescription_get_strength        (CobaltPrescription *self);
void           cobalt_prescription_set_strength        (CobaltPrescription *self, const char *strength);
double         cobalt_prescription_get_amount          (CobaltPrescription *self);
void           cobalt_prescription_set_amount          (CobaltPrescription *self, double amount);
CobaltDoseUnit cobalt_prescription_get_unit            (CobaltPrescription *self);
void           cobalt_prescription_set_unit            (CobaltPrescription *self, CobaltDoseUnit unit);
double         cobalt_prescription_get_volume_ml       (CobaltPrescription *self);
void           cobalt_prescription_set_volume_ml       (CobaltPrescription *self, double volume_ml);
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
/* How long after the reminder time a dose still counts as "due", minutes. */
guint          cobalt_prescription_get_grace_minutes          (CobaltPrescription *self);
void           cobalt_prescription_set_grace_minutes          (CobaltPrescription *self, guint minutes);
const char    *cobalt_prescription_get_notes                  (CobaltPrescription *self);
void           cobalt_prescription_set_notes                  (CobaltPrescription *self, const char *notes);
/* Borrowed GPtrArray of CobaltPhase; at least one phase for a valid prescription. */
GPtrArray     *cobalt_prescription_get_phases                 (CobaltPrescription *self);
/* Takes a copy of each phase. */
void           cobalt_prescription_set_phases                 (CobaltPrescription *self, GPtrArray *phases);
void           cobalt_prescription_add_phase                  (CobaltPrescription *self, const CobaltPhase *phase);
/* Dose of phase @index (the phase's amount, or the prescription's). */
double         cobalt_prescription_get_phase_amount           (CobaltPrescription *self, guint index);

/* FALSE with COBALT_PRESCRIPTION_ERROR_INVALID and a translated sentence
 * naming the field, for anything a form must refuse. */
gboolean       cobalt_prescription_validate                   (CobaltPrescription *self, GError **error);

/* Translated display helpers. */
const char    *cobalt_product_to_string     (CobaltProduct  product);
const char    *cobalt_dose_unit_to_string   (CobaltDoseUnit unit);
const char    *cobalt_route_to_string       (CobaltRoute    route);
/* "1 mg hydroxocobalamin" */
char          *cobalt_prescription_describe_dose (CobaltPrescription *self, guint phase_index);

#define COBALT_PRESCRIPTION_ERROR (cobalt_prescription_error_quark ())
typedef enum { COBALT_PRESCRIPTION_ERROR_INVALID } CobaltPrescriptionError;
GQuark cobalt_prescription_error_quark (void);

G_END_DECLS
