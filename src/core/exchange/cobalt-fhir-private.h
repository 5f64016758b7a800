/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include <json-glib/json-glib.h>
#include "cobalt-record-types.h"
#include "cobalt-types.h"

G_BEGIN_DECLS

/* The FHIR export's building blocks (cobalt-fhir-json.c): values in FHIR's
 * formats and codes, and the JSON shapes every resource uses. The
 * resources themselves are in cobalt-fhir.c. */

#define COBALT_FHIR_UCUM                 "http://unitsofmeasure.org"
#define COBALT_FHIR_SNOMED               "http://snomed.info/sct"
#define COBALT_FHIR_LOINC                "http://loinc.org"
#define COBALT_FHIR_OBSERVATION_CATEGORY "http://terminology.hl7.org/CodeSystem/observation-category"

/* "2025-03-01"; "2025-03-01T09:05:00+00:00" in @instant's own offset. */
char        *cobalt_fhir_format_date    (const GDate *date);
char        *cobalt_fhir_format_instant (GDateTime   *instant);

/* UCUM's code for a unit Cobalt stores ("µg/L" → "ug/L"), NULL for none;
 * and for a dose's unit. */
const char  *cobalt_fhir_ucum_code      (const char     *unit);
const char  *cobalt_fhir_dose_unit_ucum (CobaltDoseUnit  unit);
/* CLINICAL.md "Codes for exchange", or NULL where the unit does not fit
 * the test's code. */
const char  *cobalt_fhir_loinc_code     (CobaltLabTest   test,
                                         const char     *unit);

/* Members of the object being built. Strings that are NULL or empty are
 * left out; @member NULL in add_concept() adds an array element. */
void         cobalt_fhir_add_string     (JsonBuilder *b,
                                         const char  *member,
                                         const char  *value);
void         cobalt_fhir_add_reference  (JsonBuilder *b,
                                         const char  *member,
                                         const char  *url);
/* A Quantity; without @ucum only the unit's display. */
void         cobalt_fhir_add_quantity   (JsonBuilder *b,
                                         const char  *member,
                                         double       value,
                                         const char  *unit,
                                         const char  *ucum);
/* A CodeableConcept of one coding (none when @code is NULL) and text. */
void         cobalt_fhir_add_concept    (JsonBuilder *b,
                                         const char  *member,
                                         const char  *system,
                                         const char  *code,
                                         const char  *display,
                                         const char  *text);
/* Observation.category of one observation-category code. */
void         cobalt_fhir_add_category   (JsonBuilder *b,
                                         const char  *code,
                                         const char  *display);
/* A route coded in SNOMED CT (78421000 intramuscular, 34206005
 * subcutaneous). */
void         cobalt_fhir_add_route      (JsonBuilder *b,
                                         CobaltRoute  route);
/* "note": one Annotation per text that is neither NULL nor empty. */
void         cobalt_fhir_add_notes      (JsonBuilder        *b,
                                         const char * const *texts,
                                         guint               n_texts);

/* A builder inside a new resource of @type, its id the UUID of @url
 * ("urn:uuid:…"); finish_entry() closes it and adds
 * {"fullUrl": @url, "resource": …} to @list (JsonNode). */
JsonBuilder *cobalt_fhir_begin_resource (const char  *type,
                                         const char  *url);
void         cobalt_fhir_finish_entry   (GPtrArray   *list,
                                         const char  *url,
                                         JsonBuilder *b);

/* @json with every non-integer number written the shortest way that
 * reads back the same, without an exponent. */
char        *cobalt_fhir_tidy_numbers   (const char  *json);

G_END_DECLS
