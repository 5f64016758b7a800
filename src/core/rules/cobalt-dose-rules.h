/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"
#include "cobalt-checklist-run.h"
#include "cobalt-dose.h"
#include "cobalt-lab-result.h"
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-supply-item.h"

G_BEGIN_DECLS

/* What a log entry must be before anything stores it: the one check the
 * checklist, "log a dose given elsewhere", the Log's editor, CSV import and
 * the demo all meet, because cobalt_repository_add_dose() and _update_dose()
 * (and the CSV batch import) run it and refuse what fails. Each refusal is
 * one translated sentence naming the field and the reason, in
 * COBALT_DOSE_ERROR with a code per field, so a form puts it next to that
 * field and an import report next to the line number.
 *
 * A dose given:
 * - has a date and time, at most COBALT_DOSE_RULES_CLOCK_SKEW after "now"
 *   (two computers' clocks, or a form filled in the same minute, differ a
 *   little; a dose later than that has not been given yet), not before the
 *   person's date of birth, and not before COBALT_DOSE_RULES_EARLIEST_YEAR;
 * - has an amount above zero in mg or mcg (a volume in mL says nothing of
 *   the dose unless the prescription itself is written in mL);
 * - matches the prescription's dose, compared in one unit (1 mg = 1000
 *   mcg): the dose of the phase the schedule puts it in, or of any of its
 *   phases when the schedule cannot place it (before the first-dose date,
 *   or after a course that ended; a history imported from elsewhere). With
 *   no prescription at all, no more than any prescription may say
 *   (cobalt-prescription-validate.c: 5 mg, 5000 mcg);
 * - is of the prescribed medicine;
 * - otherwise carries COBALT_DOSE_EXCEPTION_AMOUNT or _PRODUCT with the
 *   person's own words in exception_note: the clinic may have a reason,
 *   and Cobalt never gives dosing advice, but it never takes a typing slip
 *   for a prescription either.
 * A dose not given on the clinic's advice (kind SKIPPED or MOVED) has the
 * same date rules, no amount rules, and says who advised it (and, moved,
 * the day it was moved to, not before the decision). */

/* Why 5 minutes: the checklist logs "now" from the same clock, so only
 * a form filled in a minute before the clock turns, or another computer's
 * slightly fast clock (a CSV file), needs any allowance. */
#define COBALT_DOSE_RULES_CLOCK_SKEW     (5 * G_TIME_SPAN_MINUTE)
/* Why 1950: vitamin B12 was isolated in 1948 and cyanocobalamin
 * injections came into use from 1949–1950 (hydroxocobalamin later), so no
 * one can have been given a B12 injection before 1 January 1950. An
 * earlier date is a typing slip (1899, 0202) that would upset the
 * schedule, the charts and the reports. Lab results use the same limit. */
#define COBALT_DOSE_RULES_EARLIEST_YEAR  1950

#define COBALT_DOSE_ERROR (cobalt_dose_error_quark ())

/* The field a refusal is about. The *_DIFFERS codes are a dose that would
 * be accepted with the matching COBALT_DOSE_EXCEPTION_* flag and a note:
 * a form then offers "my clinic told me to". */
typedef enum
{
  COBALT_DOSE_ERROR_GIVEN_AT,        /* missing, in the future, before birth or 1950 */
  COBALT_DOSE_ERROR_AMOUNT,          /* not a number above zero */
  COBALT_DOSE_ERROR_AMOUNT_DIFFERS,  /* not the prescribed dose */
  COBALT_DOSE_ERROR_UNIT,            /* not a unit of dose (mL for a dose in mg) */
  COBALT_DOSE_ERROR_PRODUCT,         /* not a known medicine */
  COBALT_DOSE_ERROR_PRODUCT_DIFFERS, /* not the prescribed medicine */
  COBALT_DOSE_ERROR_EXCEPTION_NOTE,  /* an exception without the person's words */
  COBALT_DOSE_ERROR_SITE,            /* not a site of the catalogue */
  COBALT_DOSE_ERROR_EXPIRY,          /* not a real date; a new dose from an expired batch */
  COBALT_DOSE_ERROR_KIND,            /* given, skipped or moved; a dose not given has no run */
  COBALT_DOSE_ERROR_ADVISED_BY,      /* a dose not given without who advised it */
  COBALT_DOSE_ERROR_MOVED_TO,        /* a move without a day, or before the decision */
} CobaltDoseError;

GQuark      cobalt_dose_error_quark            (void);

/* Checks @dose as the rules above say. @person (for the date of birth) and
 * @prescription (the version the dose is logged under) may be NULL;
 * @history (CobaltDose, any order, e.g. the person's schedule doses; may
 * be NULL) places the dose in its phase, and only matters when the
 * phases' doses differ; a dose with @dose's id in it is left out. @now is
 * the clock's. */
gboolean    cobalt_dose_validate               (CobaltDose          *dose,
                                                CobaltPerson        *person,
                                                CobaltPrescription  *prescription,
                                                GPtrArray           *history,
                                                GDateTime           *now,
                                                GError             **error);

/* The dose (in @prescription's unit) the schedule expects at @given_at
 * after @history, the amount a form proposes; 0 when any of the phases'
 * doses would do (see above). */
double      cobalt_dose_rules_expected_amount  (CobaltPrescription  *prescription,
                                                GPtrArray           *history,
                                                GDateTime           *given_at);

/* Whether any two phases of @prescription prescribe different doses: only
 * then does the history decide which dose is right. */
gboolean    cobalt_dose_rules_needs_history    (CobaltPrescription  *prescription);

/* The most a form accepts as one dose, in mcg: the strongest ampoule any
 * regimen template names times the largest volume any site takes
 * (docs/clinical-sources.md, "Regimen templates" and "Technique data") —
 * 1000 mcg/mL × 5 mL. Beyond it is a typing mistake, not a prescription. */
double      cobalt_dose_rules_max_dose_mcg     (void);

/* The dose a finished checklist run logs: given now by the person
 * themself, at @site_id (NULL: the site kept with the run), under
 * @prescription (may be NULL) at @amount of its unit, from @ampoule (may
 * be NULL: batch and expiry come from it). @exceptions (e.g. EARLY) and
 * @exception_note (their words) are kept. Never COBALT_DOSE_EXCEPTION_EXPIRED
 * (nor an older run's expiry override): a dose from an expired batch is
 * refused, see below. The dose's own notes stay the person's: empty. */
CobaltDose *cobalt_dose_new_from_run           (CobaltChecklistRun  *run,
                                                CobaltPrescription  *prescription,
                                                double               amount,
                                                const char          *site_id,
                                                CobaltSupplyItem    *ampoule,
                                                CobaltDoseException  exceptions,
                                                const char          *exception_note,
                                                GDateTime           *now);

/* Expired medicine is never used (docs/clinical-sources.md, "Technique
 * data"): FALSE with COBALT_DOSE_ERROR_EXPIRY for a dose given from a
 * batch whose expiry is before the day it was given (in its zone), or one
 * flagged COBALT_DOSE_EXCEPTION_EXPIRED. cobalt_repository_add_dose()
 * refuses such a new dose; doses already stored with the flag by older
 * versions are kept and shown as they are (update and import do not
 * apply this check). */
gboolean    cobalt_dose_rules_check_batch_in_date (CobaltDose  *dose,
                                                   GError     **error);

/* How the log shows the AMOUNT, PRODUCT and EXPIRED bits of
 * doses.exceptions ("Another amount than prescribed, on the clinic's
 * advice"), translated when shown, never stored; NULL when none is set. */
char       *cobalt_dose_rules_describe_exceptions (CobaltDoseException exceptions);

/* The date rules of a lab result (COBALT_JOURNAL_ERROR_INVALID): taken on
 * a day not after @now's, not before @person's date of birth (may be
 * NULL) nor COBALT_DOSE_RULES_EARLIEST_YEAR; then
 * cobalt_lab_result_validate(). */
gboolean    cobalt_lab_result_validate_for     (CobaltLabResult     *result,
                                                CobaltPerson        *person,
                                                GDateTime           *now,
                                                GError             **error);

G_END_DECLS
