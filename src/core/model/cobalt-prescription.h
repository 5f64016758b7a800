/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-types.h"
#include "cobalt-phase.h"
#include "cobalt-site.h"
#include "cobalt-strength.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PRESCRIPTION (cobalt_prescription_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPrescription, cobalt_prescription, COBALT, PRESCRIPTION, GObject)

/* A prescription (regimen) version. Saving a changed prescription stores a
 * new version; doses keep the id of the version they were given under. */
struct _CobaltPrescription
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  guint           version;
  char           *template_id;
  GDate          *starts_on;      /* local day the regimen started; doses before it do not count */
  CobaltProduct   product;
  char           *product_name;   /* brand, or the name of an "other" product; may be NULL */
  /* Strength of the ampoule per mL. Amount 0 = not known: an old
   * free-text strength that could not be read as a number; the editor
   * asks for it, and no volume is shown until then. */
  double          strength_amount;
  CobaltDoseUnit  strength_unit;
  /* The strength as typed before strengths were numbers ("1 ampoule"),
   * kept only to show while the number is not known; may be NULL. */
  char           *strength_text;
  double          amount;
  CobaltDoseUnit  unit;
  CobaltRoute     route;
  /* Technique as the clinic taught it; 0 = not recorded (the default: no
   * template and no default fills them in). */
  guint           drawing_needle_gauge;
  guint           injecting_needle_gauge;
  double          needle_length_mm;
  double          syringe_ml;
  guint           angle_degrees;
  gboolean        use_swab;
  gboolean        aspirate;
  char           *technique_notes; /* landmarks as taught; may be NULL */
  /* The sites the clinic trained the person on, none until they are
   * chosen; set with cobalt_prescription_set_enabled_sites(). */
  GStrv           enabled_sites;
  guint           reminder_minute; /* reminder time, minutes after local midnight (0..1439) */
  /* Kept in the database for older versions; no longer decides anything
   * (a dose is due all of its due day: cobalt-schedule.c, rule 6). */
  guint           grace_minutes;
  /* The clinic's shorter window: overdue this many minutes after the
   * reminder time, honoured only while the current phase's interval is
   * under a week. 0 = not set (overdue from the day after the due day). */
  guint           overdue_after_minutes;
  char           *notes;
  /* CobaltPhase, at least one for a valid prescription; set with
   * cobalt_prescription_set_phases() or _add_phase(). */
  GPtrArray      *phases;
};

CobaltPrescription *cobalt_prescription_new            (void);
/* A new, unsaved prescription filled from a CLINICAL.md template id
 * ("uk-hydroxo-standard", ...): product, dose, strength and phases only;
 * no technique and no sites. "custom" is blank (no phase, dose 0,
 * strength not known). NULL for an unknown id. */
CobaltPrescription *cobalt_prescription_new_from_template (const char *template_id);
/* An unsaved copy (id 0) to edit into the next version. */
CobaltPrescription *cobalt_prescription_copy           (CobaltPrescription *self);

/* The strongest ampoule any template names, in mcg per mL. */
double              cobalt_prescription_template_max_strength_mcg (void);
/* Template ids in display order, NULL-terminated; and their translated names. */
const char * const *cobalt_prescription_template_ids   (void);
const char         *cobalt_prescription_template_name  (const char *template_id);

void           cobalt_prescription_set_use_swab               (CobaltPrescription *self, gboolean use_swab);
void           cobalt_prescription_set_aspirate               (CobaltPrescription *self, gboolean aspirate);
/* Site ids (cobalt-site.h) the clinic trained the person on, NULL-terminated. */
const char * const *cobalt_prescription_get_enabled_sites     (CobaltPrescription *self);
void           cobalt_prescription_set_enabled_sites          (CobaltPrescription *self, const char * const *site_ids);
gboolean       cobalt_prescription_is_site_enabled            (CobaltPrescription *self, const char *site_id);
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
