/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>
#include "cobalt-types.h"
#include "cobalt-person.h"

G_BEGIN_DECLS

/* The catalogue of clinical text: every sentence about what to do that
 * the window, the reports, the command line and the reminder show comes
 * from here (or from the other catalogues in this folder: reaction signs,
 * body sites, regimen templates), each beside a comment naming its
 * section of docs/clinical-sources.md. Strings are translated; none gives
 * dosing advice. */

/* "Follow your clinic's instructions." — the last line of every guidance
 * screen. */
const char *cobalt_clinical_follow_clinic        (void);

/* The missed-dose wording, shown only once a dose is overdue (never during
 * its due day): ask the doctor or nurse when to have the next one, do not
 * double up. @clinic_phone may be NULL. */
char       *cobalt_clinical_missed_dose          (const char *clinic_phone);

/* The four triage levels. A short name ("Emergency", "Get urgent advice
 * now", "Contact your clinic today", "Mild"); the heading that says what to
 * do with this person's numbers ("Call 999 now"); the line under it that
 * says why or what to tell; and both as one sentence for places with one
 * line. @person may be NULL (its numbers are then unknown). */
const char *cobalt_triage_level_to_string        (CobaltTriageLevel  level);
char       *cobalt_clinical_triage_heading       (CobaltTriageLevel  level,
                                                  CobaltPerson      *person);
char       *cobalt_clinical_triage_detail        (CobaltTriageLevel  level,
                                                  CobaltPerson      *person);
char       *cobalt_triage_advice                 (CobaltTriageLevel  level,
                                                  CobaltPerson      *person);

/* "Usually within 5 to 30 minutes of the injection." */
const char *cobalt_clinical_emergency_timing     (void);

/* Information lines for the prescription forms (never a block). */
const char *cobalt_clinical_cyanocobalamin_caution (void);
const char *cobalt_clinical_hydroxo_subcutaneous   (void);

/* What the checklist says for technique the clinic's details were not
 * entered for: "as your clinic showed you". */
const char *cobalt_clinical_as_clinic_showed     (void);

/* Numbers. The country of the telephone locale ("GB" from en_GB.UTF-8,
 * LC_ALL before LC_TELEPHONE before LANG), NULL when none says; the
 * ambulance number of a country (ISO 3166 code), NULL when the table does
 * not know it; and the two together, the suggestion a form shows for the
 * person to confirm. Never a guess: an unknown country gives NULL, and
 * the form asks. */
char       *cobalt_clinical_locale_country       (void);
const char *cobalt_clinical_emergency_number_for (const char *country);
const char *cobalt_default_emergency_number      (void);

/* The built-in checklist steps' title and guidance (the guidance ends
 * with cobalt_clinical_follow_clinic()); NULL for "custom" or an unknown
 * kind. Translated, borrowed. */
const char *cobalt_clinical_step_title           (const char *kind);
const char *cobalt_clinical_step_explanation     (const char *kind);

/* The forms that ask for the numbers: the line under the emergency
 * number (@prefilled: it came from the locale and is to be checked), the
 * refusal when it is empty, and the line under the optional urgent-advice
 * number (which names 111 only as an example, never fills it in). */
const char *cobalt_clinical_emergency_number_hint     (gboolean prefilled);
const char *cobalt_clinical_emergency_number_required (void);
const char *cobalt_clinical_urgent_number_hint        (void);

/* The forms that ask which sites the clinic trained the person on, and
 * what the checklist says while no technique is recorded. */
const char *cobalt_clinical_sites_trained_hint        (void);
const char *cobalt_clinical_technique_not_recorded    (void);

/* The expiry step and a refused dose from an expired batch: never used,
 * an in-date ampoule or stop. The site picker on a resting site: not into
 * a sore area, end its rest first if it has recovered. */
const char *cobalt_clinical_expired_medicine          (void);
const char *cobalt_clinical_resting_site              (void);

/* What the journal, the report and the FHIR export say about the person's
 * own records (cobalt-clinical-evidence.c). The lab-timing mark for a
 * result taken @days after an injection (cobalt-lab-timing.h): "Taken 3
 * days after an injection", NULL when @days is -1 or past the window. The
 * symptom-return evidence of one score (cobalt-symptom-evidence.h) as one
 * sentence, something to discuss with the clinic; and its rule in plain
 * words, for help text and exports. All newly allocated. */
char       *cobalt_clinical_lab_taken_after_injection (int         days);
char       *cobalt_clinical_symptom_return_summary    (const char *measure_name,
                                                       guint       n_returned,
                                                       guint       n_observed,
                                                       int         median_day);
char       *cobalt_clinical_symptom_return_rule       (void);

G_END_DECLS
