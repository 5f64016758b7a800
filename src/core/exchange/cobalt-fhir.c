/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cobalt-clinical.h"
#include "cobalt-dose-rules.h"
#include "cobalt-dose-timing.h"
#include "cobalt-export.h"
#include "cobalt-fhir.h"
#include "cobalt-fhir-private.h"
#include "cobalt-lab-timing.h"
#include "cobalt-site.h"
#include "cobalt-symptom-evidence.h"

/* What the layout of the bundle is, and why: cobalt-fhir.h. */

#define NAMESPACE_SETTING    "fhir-namespace"
#define CONTAINED_MEDICATION "medication"

typedef struct
{
  CobaltPerson     *person;
  GTimeZone        *tz;
  char             *ns;            /* the database's namespace UUID */
  char             *patient_url;
  char             *clinic_url;    /* the person's clinic, or NULL */
  GPtrArray        *parties;       /* entries: Organization, RelatedPerson */
  GPtrArray        *entries;       /* entries: everything after them */
  GHashTable       *party_urls;    /* "organization/NAME", "carer/NAME" → URL */
  GHashTable       *checkin_urls;  /* check-in id → URL */
} Export;

static void
export_clear (Export *e)
{
  g_clear_object (&e->person);
  g_clear_pointer (&e->tz, g_time_zone_unref);
  g_clear_pointer (&e->ns, g_free);
  g_clear_pointer (&e->patient_url, g_free);
  g_clear_pointer (&e->clinic_url, g_free);
  g_clear_pointer (&e->parties, g_ptr_array_unref);
  g_clear_pointer (&e->entries, g_ptr_array_unref);
  g_clear_pointer (&e->party_urls, g_hash_table_unref);
  g_clear_pointer (&e->checkin_urls, g_hash_table_unref);
}

/* Identifiers ------------------------------------------------------------- */

/* "urn:uuid:" and the name-based UUID of @name in the database's
 * namespace. */
static char *
url_for_name (Export     *e,
              const char *name)
{
  g_autofree char *uuid = cobalt_fhir_uuid_v5 (e->ns, name);

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

/* The same for a record: "KIND/ID" ("dose/17"). */
static char *
url_for (Export     *e,
         const char *kind,
         gint64      id)
{
  g_autofree char *name = g_strdup_printf ("%s/%" G_GINT64_FORMAT, kind, id);

  return url_for_name (e, name);
}

/* The namespace of this database's ids: made once, on the first export. */
static char *
database_namespace (CobaltRepository  *repository,
                    GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored = cobalt_repository_get_setting (repository, NAMESPACE_SETTING, &local_error);
  g_autofree char *fresh = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (stored != NULL && g_uuid_string_is_valid (stored))
    return g_steal_pointer (&stored);

  fresh = g_uuid_string_random ();
  if (!cobalt_repository_set_setting (repository, NAMESPACE_SETTING, fresh, error))
    return NULL;
  return g_steal_pointer (&fresh);
}

/* Values ------------------------------------------------------------------- */

/* The check-in form's scales (gui/common), so a clinician reading "Fatigue
 * 8" knows which end is good. */
static const char *
measure_scale (CobaltCheckinMeasure measure)
{
  switch (measure)
    {
    case COBALT_CHECKIN_ENERGY:
      return _("0 = no energy, 10 = plenty");
    case COBALT_CHECKIN_MOOD:
      return _("0 = very low, 10 = very good");
    case COBALT_CHECKIN_FATIGUE:
      return _("0 = none, 10 = exhausted");
    case COBALT_CHECKIN_PINS_AND_NEEDLES:
      return _("0 = none, 10 = severe");
    case COBALT_CHECKIN_MEMORY:
      return _("0 = very poor, 10 = very good");
    default:
      g_return_val_if_reached ("");
    }
}

/* Building blocks ---------------------------------------------------------- */

/* People and organisations ---------------------------------------------------- */

/* The Organization named @name (made on first use), or NULL for no name. */
static const char *
organization_url (Export     *e,
                  const char *name,
                  const char *phone)
{
  g_autofree char *key = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  char *url;

  if (name == NULL || *name == '\0')
    return NULL;
  key = g_strconcat ("organization/", name, NULL);
  if ((url = g_hash_table_lookup (e->party_urls, key)) != NULL)
    return url;

  url = url_for_name (e, key);
  b = cobalt_fhir_begin_resource ("Organization", url);
  cobalt_fhir_add_string (b, "name", name);
  if (phone != NULL && *phone != '\0')
    {
      json_builder_set_member_name (b, "telecom");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "system", "phone");
      cobalt_fhir_add_string (b, "value", phone);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_finish_entry (e->parties, url, b);
  g_hash_table_insert (e->party_urls, g_steal_pointer (&key), url);
  return url;
}

/* The carer named @name (or the unnamed carer) as a RelatedPerson. */
static const char *
carer_url (Export     *e,
           const char *name)
{
  g_autofree char *key = NULL;
  g_autoptr(JsonBuilder) b = NULL;
  char *url;

  if (name != NULL && *name == '\0')
    name = NULL;
  key = g_strdup_printf ("carer/%" G_GINT64_FORMAT "/%s", e->person->id, name != NULL ? name : "");
  if ((url = g_hash_table_lookup (e->party_urls, key)) != NULL)
    return url;

  url = url_for_name (e, key);
  b = cobalt_fhir_begin_resource ("RelatedPerson", url);
  cobalt_fhir_add_reference (b, "patient", e->patient_url);
  json_builder_set_member_name (b, "relationship");
  json_builder_begin_array (b);
  cobalt_fhir_add_concept (b, NULL, NULL, NULL, NULL, cobalt_given_by_to_string (COBALT_GIVEN_BY_CARER));
  json_builder_end_array (b);
  if (name != NULL)
    {
      json_builder_set_member_name (b, "name");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "text", name);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_finish_entry (e->parties, url, b);
  g_hash_table_insert (e->party_urls, g_steal_pointer (&key), url);
  return url;
}

static JsonNode *
patient_entry (Export *e)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(JsonBuilder) b = cobalt_fhir_begin_resource ("Patient", e->patient_url);
  CobaltPerson *person = e->person;

  json_builder_set_member_name (b, "name");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  cobalt_fhir_add_string (b, "text", person->name);
  json_builder_end_object (b);
  json_builder_end_array (b);
  if (person->date_of_birth != NULL && g_date_valid (person->date_of_birth))
    {
      g_autofree char *born = cobalt_fhir_format_date (person->date_of_birth);

      cobalt_fhir_add_string (b, "birthDate", born);
    }
  if (e->clinic_url != NULL)
    {
      json_builder_set_member_name (b, "generalPractitioner");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "reference", e->clinic_url);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_finish_entry (one, e->patient_url, b);
  return g_ptr_array_steal_index (one, 0);
}

/* Prescriptions ----------------------------------------------------------------- */

static char *
describe_medication (CobaltProduct  product,
                     const char    *product_name,
                     const char    *strength)
{
  GString *text = g_string_new (cobalt_product_to_string (product));

  if (product_name != NULL && *product_name != '\0' &&
      g_ascii_strcasecmp (product_name, text->str) != 0)
    g_string_append_printf (text, " (%s)", product_name);
  if (strength != NULL)
    g_string_append_printf (text, " %s", strength);
  return g_string_free (text, FALSE);
}

static void
add_timing (JsonBuilder       *b,
            const CobaltPhase *phase)
{
  guint frequency = 1, period = phase->interval;
  const char *unit;

  switch (phase->unit)
    {
    case COBALT_INTERVAL_DAYS:
      unit = "d";
      break;
    case COBALT_INTERVAL_WEEKS:
      unit = "wk";
      break;
    case COBALT_INTERVAL_MONTHS:
      unit = "mo";
      break;
    case COBALT_INTERVAL_TIMES_PER_WEEK:
      frequency = phase->interval;
      period = 1;
      unit = "wk";
      break;
    default:
      return;
    }
  if (phase->interval == 0)
    return;

  json_builder_set_member_name (b, "timing");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "repeat");
  json_builder_begin_object (b);
  if (phase->end == COBALT_PHASE_END_AFTER_DOSES && phase->end_value > 0)
    {
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, phase->end_value);
    }
  else if (phase->end == COBALT_PHASE_END_AFTER_DAYS && phase->end_value > 0)
    cobalt_fhir_add_quantity (b, "boundsDuration", phase->end_value, "days", "d");
  json_builder_set_member_name (b, "frequency");
  json_builder_add_int_value (b, frequency);
  json_builder_set_member_name (b, "period");
  json_builder_add_int_value (b, period);
  cobalt_fhir_add_string (b, "periodUnit", unit);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_prescription (Export             *e,
                  CobaltPrescription *prescription,
                  gboolean            newest,
                  const char         *prior_url)
{
  g_autofree char *url = url_for (e, "prescription", prescription->id);
  g_autofree char *strength = cobalt_prescription_describe_strength (prescription);
  g_autofree char *medication = describe_medication (prescription->product, prescription->product_name, strength);
  g_autoptr(JsonBuilder) b = cobalt_fhir_begin_resource ("MedicationRequest", url);
  const char *notes[] = { prescription->notes };

  /* A new version replaces the older one: the old one was stopped before
   * all of it happened, which is what "stopped" says. */
  cobalt_fhir_add_string (b, "status", newest ? "active" : "stopped");
  cobalt_fhir_add_string (b, "intent", "order");
  /* Entered by the person from the clinic's prescription, not by the
   * prescriber. */
  json_builder_set_member_name (b, "reportedBoolean");
  json_builder_add_boolean_value (b, TRUE);
  cobalt_fhir_add_concept (b, "medicationCodeableConcept", NULL, NULL, NULL, medication);
  cobalt_fhir_add_reference (b, "subject", e->patient_url);
  cobalt_fhir_add_notes (b, notes, G_N_ELEMENTS (notes));

  json_builder_set_member_name (b, "dosageInstruction");
  json_builder_begin_array (b);
  for (guint i = 0; prescription->phases != NULL && i < prescription->phases->len; i++)
    {
      const CobaltPhase *phase = g_ptr_array_index (prescription->phases, i);
      g_autofree char *when = cobalt_phase_describe (phase);
      g_autofree char *what = cobalt_prescription_describe_dose (prescription, i);
      g_autofree char *text = NULL;
      double amount = cobalt_prescription_get_phase_amount (prescription, i);

      if (phase->label != NULL && *phase->label != '\0')
        /* Translators: a phase in an export: its label, how often, the dose. */
        text = g_strdup_printf (_("%s: %s, %s"), phase->label, when, what);
      else
        /* Translators: a phase in an export: how often, the dose. */
        text = g_strdup_printf (_("%s, %s"), when, what);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "sequence");
      json_builder_add_int_value (b, i + 1);
      cobalt_fhir_add_string (b, "text", text);
      add_timing (b, phase);
      cobalt_fhir_add_route (b, prescription->route);
      if (amount > 0)
        {
          json_builder_set_member_name (b, "doseAndRate");
          json_builder_begin_array (b);
          json_builder_begin_object (b);
          cobalt_fhir_add_quantity (b, "doseQuantity", amount,
                                    cobalt_dose_unit_to_string (prescription->unit),
                                    cobalt_fhir_dose_unit_ucum (prescription->unit));
          json_builder_end_object (b);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (prior_url != NULL)
    cobalt_fhir_add_reference (b, "priorPrescription", prior_url);
  cobalt_fhir_finish_entry (e->entries, url, b);
}

/* Doses ------------------------------------------------------------------------- */

static const char *
performer_url (Export     *e,
               CobaltDose *dose)
{
  switch (dose->given_by)
    {
    case COBALT_GIVEN_BY_CARER:
      return carer_url (e, dose->given_by_name);
    case COBALT_GIVEN_BY_CLINIC:
      {
        const char *name = dose->given_by_name;

        if (name == NULL || *name == '\0')
          name = e->person->clinic_name;
        if (name == NULL || *name == '\0')
          name = cobalt_given_by_to_string (COBALT_GIVEN_BY_CLINIC);
        return organization_url (e, name, g_strcmp0 (name, e->person->clinic_name) == 0
                                          ? e->person->clinic_phone : NULL);
      }
    case COBALT_GIVEN_BY_SELF:
    default:
      return e->patient_url;
    }
}

static void
add_contained_medication (JsonBuilder *b,
                          CobaltDose  *dose)
{
  json_builder_set_member_name (b, "contained");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  cobalt_fhir_add_string (b, "resourceType", "Medication");
  cobalt_fhir_add_string (b, "id", CONTAINED_MEDICATION);
  cobalt_fhir_add_concept (b, "code", NULL, NULL, NULL, cobalt_product_to_string (dose->product));
  if ((dose->batch != NULL && *dose->batch != '\0') || dose->expiry != NULL)
    {
      json_builder_set_member_name (b, "batch");
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "lotNumber", dose->batch);
      if (dose->expiry != NULL && g_date_valid (dose->expiry))
        {
          g_autofree char *expiry = cobalt_fhir_format_date (dose->expiry);

          cobalt_fhir_add_string (b, "expirationDate", expiry);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static void
add_dose (Export             *e,
          CobaltDose         *dose,
          GHashTable         *versions)
{
  g_autofree char *url = url_for (e, "dose", dose->id);
  g_autofree char *when = cobalt_fhir_format_instant (dose->given_at);
  g_autofree char *timing = cobalt_dose_timing_describe_exceptions (dose->exceptions);
  g_autofree char *rules = cobalt_dose_rules_describe_exceptions (dose->exceptions);
  g_autoptr(JsonBuilder) b = cobalt_fhir_begin_resource ("MedicationAdministration", url);
  CobaltPrescription *version = g_hash_table_lookup (versions, &dose->prescription_id);
  const char *notes[] = { timing, rules, dose->exception_note, dose->notes };
  gboolean given = cobalt_dose_is_given (dose);

  if (given)
    add_contained_medication (b, dose);
  cobalt_fhir_add_string (b, "status", given ? "completed" : "not-done");
  if (!given)
    {
      g_autofree char *reason = cobalt_dose_describe_not_given (dose);

      json_builder_set_member_name (b, "statusReason");
      json_builder_begin_array (b);
      cobalt_fhir_add_concept (b, NULL, NULL, NULL, NULL, reason);
      json_builder_end_array (b);
      cobalt_fhir_add_concept (b, "medicationCodeableConcept", NULL, NULL, NULL, cobalt_product_to_string (dose->product));
    }
  else
    {
      json_builder_set_member_name (b, "medicationReference");
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "reference", "#" CONTAINED_MEDICATION);
      json_builder_end_object (b);
    }
  cobalt_fhir_add_reference (b, "subject", e->patient_url);
  cobalt_fhir_add_string (b, "effectiveDateTime", when);

  if (given)
    {
      json_builder_set_member_name (b, "performer");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_reference (b, "actor", performer_url (e, dose));
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  if (version != NULL)
    {
      g_autofree char *request = url_for (e, "prescription", version->id);

      cobalt_fhir_add_reference (b, "request", request);
    }
  cobalt_fhir_add_notes (b, notes, G_N_ELEMENTS (notes));

  if (given)
    {
      const CobaltSiteInfo *site = dose->site_id != NULL ? cobalt_site_catalogue_lookup (dose->site_id) : NULL;

      json_builder_set_member_name (b, "dosage");
      json_builder_begin_object (b);
      /* CLINICAL.md gives no code for the body sites: the name alone. */
      if (site != NULL)
        cobalt_fhir_add_concept (b, "site", NULL, NULL, NULL, cobalt_site_info_get_name (site));
      else if (dose->site_id != NULL)
        cobalt_fhir_add_concept (b, "site", NULL, NULL, NULL, dose->site_id);
      /* The site's route is certain; without a site, the prescription's. */
      if (site != NULL)
        cobalt_fhir_add_route (b, site->route);
      else if (version != NULL)
        cobalt_fhir_add_route (b, version->route);
      if (dose->amount > 0)
        cobalt_fhir_add_quantity (b, "dose", dose->amount, cobalt_dose_unit_to_string (dose->unit),
                                  cobalt_fhir_dose_unit_ucum (dose->unit));
      json_builder_end_object (b);
    }

  cobalt_fhir_finish_entry (e->entries, url, b);
}

/* Journal ------------------------------------------------------------------------ */

static void
add_lab_result (Export          *e,
                CobaltLabResult *result,
                GPtrArray       *doses)
{
  g_autofree char *url = url_for (e, "lab-result", result->id);
  g_autofree char *day = result->taken_on != NULL ? cobalt_fhir_format_date (result->taken_on) : NULL;
  g_autofree char *mark = cobalt_clinical_lab_taken_after_injection (
                            cobalt_lab_timing_days_after_injection (result, doses));
  g_autoptr(JsonBuilder) b = cobalt_fhir_begin_resource ("Observation", url);
  const char *ucum = cobalt_fhir_ucum_code (result->unit);
  const char *notes[] = { mark, result->note };
  const char *lab;
  gboolean low = !isnan (result->ref_low), high = !isnan (result->ref_high);

  cobalt_fhir_add_string (b, "status", "final");
  cobalt_fhir_add_category (b, "laboratory", "Laboratory");
  cobalt_fhir_add_concept (b, "code", COBALT_FHIR_LOINC, cobalt_fhir_loinc_code (result->test, result->unit),
                           NULL, cobalt_lab_test_to_string (result->test));
  cobalt_fhir_add_reference (b, "subject", e->patient_url);
  cobalt_fhir_add_string (b, "effectiveDateTime", day);
  if ((lab = organization_url (e, result->lab_name, NULL)) != NULL)
    {
      json_builder_set_member_name (b, "performer");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "reference", lab);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_add_quantity (b, "valueQuantity", result->value, result->unit, ucum);
  cobalt_fhir_add_notes (b, notes, G_N_ELEMENTS (notes));
  if (low || high)
    {
      json_builder_set_member_name (b, "referenceRange");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      if (low)
        cobalt_fhir_add_quantity (b, "low", result->ref_low, result->unit, ucum);
      if (high)
        cobalt_fhir_add_quantity (b, "high", result->ref_high, result->unit, ucum);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_finish_entry (e->entries, url, b);
}

static void
add_checkin (Export        *e,
             CobaltCheckin *checkin)
{
  g_autofree char *url = url_for (e, "checkin", checkin->id);
  /* Check-ins are stored as instants: shown in the export's zone. */
  g_autoptr(GDateTime) local = g_date_time_to_timezone (checkin->at, e->tz);
  g_autofree char *when = cobalt_fhir_format_instant (local);
  g_autoptr(JsonBuilder) b = cobalt_fhir_begin_resource ("Observation", url);
  const char *notes[] = { checkin->note };
  gboolean any = FALSE;

  cobalt_fhir_add_string (b, "status", "final");
  cobalt_fhir_add_category (b, "survey", "Survey");
  /* CLINICAL.md gives no codes for the wellbeing scores: text only. */
  cobalt_fhir_add_concept (b, "code", NULL, NULL, NULL, _("Wellbeing check-in"));
  cobalt_fhir_add_reference (b, "subject", e->patient_url);
  cobalt_fhir_add_string (b, "effectiveDateTime", when);
  cobalt_fhir_add_notes (b, notes, G_N_ELEMENTS (notes));
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      g_autofree char *name = NULL;
      int score = cobalt_checkin_get_score (checkin, m);

      if (score == COBALT_CHECKIN_NOT_RECORDED)
        continue;
      if (!any)
        {
          json_builder_set_member_name (b, "component");
          json_builder_begin_array (b);
          any = TRUE;
        }
      /* Translators: a wellbeing score and its scale, e.g. "Fatigue (0 =
       * none, 10 = exhausted)". */
      name = g_strdup_printf (_("%s (%s)"), cobalt_checkin_measure_to_string (m), measure_scale (m));
      json_builder_begin_object (b);
      cobalt_fhir_add_concept (b, "code", NULL, NULL, NULL, name);
      json_builder_set_member_name (b, "valueInteger");
      json_builder_add_int_value (b, score);
      json_builder_end_object (b);
    }
  if (any)
    json_builder_end_array (b);

  g_hash_table_insert (e->checkin_urls, g_memdup2 (&checkin->id, sizeof checkin->id), g_steal_pointer (&url));
  cobalt_fhir_finish_entry (e->entries, g_hash_table_lookup (e->checkin_urls, &checkin->id), b);
}

static void
add_count_component (JsonBuilder *b,
                     const char  *text,
                     guint        count)
{
  json_builder_begin_object (b);
  cobalt_fhir_add_concept (b, "code", NULL, NULL, NULL, text);
  json_builder_set_member_name (b, "valueInteger");
  json_builder_add_int_value (b, count);
  json_builder_end_object (b);
}

static void
add_derived_from (JsonBuilder *b,
                  Export      *e,
                  GArray      *cycles)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (b, "derivedFrom");
  json_builder_begin_array (b);
  for (guint i = 0; i < cycles->len; i++)
    {
      const CobaltSymptomCycle *cycle = &g_array_index (cycles, CobaltSymptomCycle, i);
      gint64 ids[] = { cycle->best_checkin_id, cycle->return_checkin_id };

      if (cycle->return_day < 0)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        {
          const char *url = g_hash_table_lookup (e->checkin_urls, &ids[k]);

          if (url == NULL || !g_hash_table_add (seen, (gpointer) url))
            continue;
          json_builder_begin_object (b);
          cobalt_fhir_add_string (b, "reference", url);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static void
add_symptom_return (Export     *e,
                    GListModel *checkins,
                    GPtrArray  *doses)
{
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      g_autoptr(GArray) cycles = NULL;
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *rule = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autoptr(JsonBuilder) b = NULL;
      CobaltSymptomReturnEvidence evidence;
      GDate first = { 0, }, last = { 0, };
      const char *name = cobalt_checkin_measure_to_string (m);
      const char *notes[1];

      if (!cobalt_symptom_return_evidence (checkins, doses, m, e->tz, &evidence, &cycles))
        continue;

      for (guint i = 0; i < cycles->len; i++)
        {
          const CobaltSymptomCycle *cycle = &g_array_index (cycles, CobaltSymptomCycle, i);

          if (cycle->return_day < 0)
            continue;
          if (!g_date_valid (&first))
            first = cycle->dose_day;
          last = cycle->dose_day;
          g_date_add_days (&last, cycle->return_day);
        }
      start = cobalt_fhir_format_date (&first);
      end = cobalt_fhir_format_date (&last);

      title = g_strdup_printf ("symptom-return/%" G_GINT64_FORMAT "/%u", e->person->id, m);
      url = url_for_name (e, title);
      g_clear_pointer (&title, g_free);
      /* Translators: %s is a wellbeing score ("Energy"). */
      title = g_strdup_printf (_("Day after a dose on which %s falls back"), name);
      summary = cobalt_clinical_symptom_return_summary (name, evidence.n_returned, evidence.n_observed,
                                                        evidence.median_day);
      rule = cobalt_clinical_symptom_return_rule ();
      notes[0] = summary;

      b = cobalt_fhir_begin_resource ("Observation", url);
      cobalt_fhir_add_string (b, "status", "final");
      cobalt_fhir_add_category (b, "survey", "Survey");
      cobalt_fhir_add_concept (b, "code", NULL, NULL, NULL, title);
      cobalt_fhir_add_reference (b, "subject", e->patient_url);
      json_builder_set_member_name (b, "effectivePeriod");
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "start", start);
      cobalt_fhir_add_string (b, "end", end);
      json_builder_end_object (b);
      cobalt_fhir_add_quantity (b, "valueQuantity", evidence.median_day, _("days"), "d");
      cobalt_fhir_add_notes (b, notes, G_N_ELEMENTS (notes));
      cobalt_fhir_add_concept (b, "method", NULL, NULL, NULL, rule);
      add_derived_from (b, e, cycles);
      json_builder_set_member_name (b, "component");
      json_builder_begin_array (b);
      add_count_component (b, _("Dose cycles with check-ins before and after the best score"), evidence.n_observed);
      add_count_component (b, _("Dose cycles in which the score fell back"), evidence.n_returned);
      json_builder_end_array (b);
      cobalt_fhir_finish_entry (e->entries, url, b);
    }
}

/* The bundle ------------------------------------------------------------------------ */

static char *
build_bundle (Export    *e,
              GDateTime *now)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *bundle_url = url_for (e, "bundle", e->person->id);
  g_autofree char *timestamp = cobalt_fhir_format_instant (now);
  g_autofree char *json = NULL;

  json_builder_begin_object (b);
  cobalt_fhir_add_string (b, "resourceType", "Bundle");
  cobalt_fhir_add_string (b, "id", bundle_url + strlen ("urn:uuid:"));
  cobalt_fhir_add_string (b, "type", "collection");
  cobalt_fhir_add_string (b, "timestamp", timestamp);
  json_builder_set_member_name (b, "entry");
  json_builder_begin_array (b);
  json_builder_add_value (b, patient_entry (e));
  for (guint i = 0; i < e->parties->len; i++)
    json_builder_add_value (b, g_ptr_array_index (e->parties, i));
  for (guint i = 0; i < e->entries->len; i++)
    json_builder_add_value (b, g_ptr_array_index (e->entries, i));
  /* The builder took them. */
  g_ptr_array_set_free_func (e->parties, NULL);
  g_ptr_array_set_free_func (e->entries, NULL);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  return cobalt_fhir_tidy_numbers (json);
}

/* The whole export: reads the log, then builds in the bundle's order. */
static char *
export_person (CobaltRepository  *repository,
               gint64             person_id,
               CobaltClock       *clock,
               GError           **error)
{
  Export e = { 0, };
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GListModel) labs = NULL;
  g_autoptr(GListModel) checkins = NULL;
  /* prescription id → CobaltPrescription, keyed by its own id field */
  g_autoptr(GHashTable) versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock);
  g_autofree char *prior = NULL;
  char *json = NULL;
  guint n;

  if (!(e.person = cobalt_repository_get_person (repository, person_id, error)) ||
      !(e.ns = database_namespace (repository, error)) ||
      !(history = cobalt_repository_list_prescription_history (repository, person_id, error)) ||
      !(doses = cobalt_repository_list_schedule_doses (repository, person_id, error)) ||
      !(labs = cobalt_repository_list_lab_results (repository, person_id, error)) ||
      !(checkins = cobalt_repository_list_checkins (repository, person_id, error)))
    {
      export_clear (&e);
      return NULL;
    }

  e.tz = g_time_zone_ref (cobalt_clock_get_timezone (clock));
  e.parties = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  e.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  e.party_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  e.checkin_urls = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  e.patient_url = url_for (&e, "person", person_id);
  e.clinic_url = g_strdup (organization_url (&e, e.person->clinic_name, e.person->clinic_phone));

  /* Versions oldest first, each pointing at the one it replaced. */
  n = g_list_model_get_n_items (history);
  for (guint i = n; i > 0; i--)
    {
      CobaltPrescription *version = g_list_model_get_item (history, i - 1);

      /* The table owns it, keyed by its own id. */
      g_hash_table_insert (versions, &version->id, version);
      add_prescription (&e, version, i == 1, prior);
      g_free (prior);
      prior = url_for (&e, "prescription", version->id);
    }

  for (guint i = 0; i < doses->len; i++)
    add_dose (&e, g_ptr_array_index (doses, i), versions);

  n = g_list_model_get_n_items (labs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (labs, i);

      add_lab_result (&e, result, doses);
    }

  n = g_list_model_get_n_items (checkins);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);

      add_checkin (&e, checkin);
    }

  add_symptom_return (&e, checkins, doses);

  json = build_bundle (&e, now);
  export_clear (&e);
  return json;
}

/* Public API ---------------------------------------------------------------------------- */

char *
cobalt_fhir_export_to_string (CobaltRepository *repository,
                              gint64            person_id,
                              CobaltClock      *clock,
                              GError          **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return export_person (repository, person_id, clock, error);
}

gboolean
cobalt_fhir_export (CobaltRepository *repository,
                    gint64            person_id,
                    CobaltClock      *clock,
                    const char       *path,
                    GError          **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(json = cobalt_fhir_export_to_string (repository, person_id, clock, error)))
    return FALSE;
  return cobalt_export_write_file (path, json, -1, error);
}

gboolean
cobalt_fhir_export_to_stream (CobaltRepository *repository,
                              gint64            person_id,
                              CobaltClock      *clock,
                              GOutputStream    *stream,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!(json = cobalt_fhir_export_to_string (repository, person_id, clock, error)))
    return FALSE;
  if (!g_output_stream_write_all (stream, json, strlen (json), NULL, cancellable, &local_error))
    {
      g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE,
                   _("Could not write the FHIR export: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
