/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-clock.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* The FHIR R4 export: one person's record as a Bundle of type
 * "collection", in JSON written with json-glib, for the clinic and for
 * personal health record tools that import FHIR (Fasten Health, …).
 *
 * - Patient: the name as text, birthDate when the person has one, the
 *   clinic (an Organization with its phone) as generalPractitioner.
 * - MedicationRequest per prescription version, oldest first (the newest
 *   "active", each older one "stopped" and the next one's
 *   priorPrescription); reportedBoolean, since the person entered it. Each
 *   phase is a dosageInstruction: sequence 1, 2, …, timing.repeat
 *   (frequency/period/periodUnit; count for "after K doses",
 *   boundsDuration for "after K days"), route, doseAndRate.
 * - MedicationAdministration per dose in the log, oldest first:
 *   effectiveDateTime in the offset of the zone it was given in;
 *   dosage.route SNOMED CT 78421000 intramuscular / 34206005
 *   subcutaneous (the site's route, else the prescription's); dosage.site
 *   the body site as text (CLINICAL.md gives no site codes);
 *   dosage.dose a UCUM quantity (mg, ug, mL); performer the Patient, a
 *   carer (RelatedPerson, one per name) or the clinic (Organization, one
 *   per name); a contained Medication with the batch's lot number and
 *   expiry; request the MedicationRequest of its version. A dose not
 *   given on the clinic's advice is status "not-done" with the decision
 *   in words as statusReason.
 * - Observation per lab result: category laboratory, the LOINC code of
 *   CLINICAL.md "Codes for exchange" where its unit fits the code (else
 *   the test's name as text only), valueQuantity in UCUM, the lab's own
 *   referenceRange, the lab as performer, and a note "Taken N days after
 *   an injection" within COBALT_LAB_TIMING_WINDOW_DAYS
 *   (cobalt-lab-timing.h).
 * - Observation per wellbeing check-in: category survey, effectiveDateTime
 *   in @clock's zone, one component per score recorded (code as text with
 *   its scale: CLINICAL.md gives no codes), the note.
 * - Observation per wellbeing score with symptom-return evidence
 *   (cobalt-symptom-evidence.h): category survey, the median day as a
 *   UCUM quantity in days, the numbers of cycles as components, the rule
 *   as method, the catalogue's sentence as note, derivedFrom the
 *   check-ins that set the best and the return of each cycle.
 *
 * Every reference points at a fullUrl in the bundle ("urn:uuid:…"). The
 * UUIDs are name-based (version 5, SHA-1) from a per-database namespace
 * and the record's kind and id ("dose/17"), so a record keeps its id from
 * one export to the next and an importer updates rather than duplicates
 * it. The namespace is a random UUID stored once in the settings table
 * (key "fhir-namespace") on the first export; so two people with the same
 * ids in two databases never share an id. Calendar days (the
 * symptom-return cycles) are in @clock's zone. */

/* Builds the bundle of @person_id as JSON text (pretty-printed, UTF-8).
 * "now" (Bundle.timestamp) is @clock's. NULL with the repository's error
 * (COBALT_REPOSITORY_ERROR_NOT_FOUND for no such person) when the log
 * cannot be read, or the namespace not stored. */
char     *cobalt_fhir_export_to_string (CobaltRepository *repository,
                                        gint64            person_id,
                                        CobaltClock      *clock,
                                        GError          **error);

/* The same written to @path (created 0600, replaced atomically); the
 * one-line call for `cobalt --export-fhir FILE` and Export → FHIR. */
gboolean  cobalt_fhir_export           (CobaltRepository *repository,
                                        gint64            person_id,
                                        CobaltClock      *clock,
                                        const char       *path,
                                        GError          **error);

/* The same written to @stream (not closed), for a window that saves
 * through GIO. */
gboolean  cobalt_fhir_export_to_stream (CobaltRepository *repository,
                                        gint64            person_id,
                                        CobaltClock      *clock,
                                        GOutputStream    *stream,
                                        GCancellable     *cancellable,
                                        GError          **error);

/* Building block, public for the tests: the name-based (version 5) UUID
 * of @name in @namespace_uuid, lower-case, NULL when the namespace is not
 * a UUID. */
char     *cobalt_fhir_uuid_v5          (const char       *namespace_uuid,
                                        const char       *name);

G_END_DECLS
