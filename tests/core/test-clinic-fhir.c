/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The FHIR R4 export (cobalt-fhir.h) read back with json-glib and compared
 * with the log it came from: one MedicationAdministration per dose with its
 * instant, offset, site, route and amount; doses not given as not-done;
 * one Observation per lab result with LOINC and UCUM; references that
 * resolve; ids that stay the same from one export to the next. The schema
 * itself is checked by tests/integration/check-fhir-schema.js. */

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cobalt-core.h"

#define UCUM   "http://unitsofmeasure.org"
#define SNOMED "http://snomed.info/sct"
#define LOINC  "http://loinc.org"

/* Fixture: the demo data at a fixed instant. -------------------------------- */

typedef struct
{
  CobaltClock      *clock;
  CobaltRepository *repo;
  CobaltPerson     *alex;
  CobaltPerson     *sam;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);

  f->clock = cobalt_clock_new_fixed (now);
  f->repo = cobalt_repository_new_in_memory (&error);
  g_assert_no_error (error);
  cobalt_repository_set_clock (f->repo, f->clock);
  g_assert_true (cobalt_demo_populate (f->repo, f->clock, &error));
  g_assert_no_error (error);
  f->alex = cobalt_repository_find_person (f->repo, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
  f->sam = cobalt_repository_find_person (f->repo, COBALT_DEMO_PERSON_CARED, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->alex);
  g_clear_object (&f->sam);
  g_clear_object (&f->repo);
  g_clear_object (&f->clock);
}

/* Reading the bundle back. ---------------------------------------------------- */

static JsonNode *
export_parsed (CobaltRepository *repo,
               gint64            person_id,
               CobaltClock      *clock)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = cobalt_fhir_export_to_string (repo, person_id, clock, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *bundle;

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  bundle = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (bundle, "resourceType"), ==, "Bundle");
  g_assert_cmpstr (json_object_get_string_member (bundle, "type"), ==, "collection");
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
entries (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "entry");
}

/* The resources of @type, in bundle order (borrowed). */
static GPtrArray *
resources_of (JsonNode   *root,
              const char *type)
{
  JsonArray *list = entries (root);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *resource = json_object_get_object_member (json_array_get_object_element (list, i), "resource");

      if (g_strcmp0 (json_object_get_string_member (resource, "resourceType"), type) == 0)
        g_ptr_array_add (found, resource);
    }
  return found;
}

static JsonObject *
resource_at (JsonNode   *root,
             const char *url)
{
  JsonArray *list = entries (root);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "fullUrl"), url) == 0)
        return json_object_get_object_member (entry, "resource");
    }
  return NULL;
}

static const char *
reference_of (JsonObject *object,
              const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (object, member), "reference");
}

/* The category code of an Observation. */
static const char *
category_of (JsonObject *observation)
{
  JsonObject *concept = json_array_get_object_element (json_object_get_array_member (observation, "category"), 0);

  return json_object_get_string_member (json_array_get_object_element (
           json_object_get_array_member (concept, "coding"), 0), "code");
}

static JsonObject *
first_coding (JsonObject *concept)
{
  if (!json_object_has_member (concept, "coding"))
    return NULL;
  return json_array_get_object_element (json_object_get_array_member (concept, "coding"), 0);
}

static GPtrArray *
observations_in (JsonNode   *root,
                 const char *category)
{
  g_autoptr(GPtrArray) all = resources_of (root, "Observation");
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (category_of (all->pdata[i]), category) == 0)
      g_ptr_array_add (found, all->pdata[i]);
  return found;
}

static gboolean
has_note (JsonObject *resource,
          const char *text)
{
  JsonArray *notes;

  if (!json_object_has_member (resource, "note"))
    return FALSE;
  notes = json_object_get_array_member (resource, "note");
  for (guint i = 0; i < json_array_get_length (notes); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (notes, i), "text"), text) == 0)
      return TRUE;
  return FALSE;
}

/* Every {"reference": …} in @node: a fullUrl of the bundle, or "#id" of
 * a resource contained in @resource. */
static guint
check_references_in (JsonNode   *root,
                     JsonObject *resource,
                     JsonNode   *node)
{
  guint n = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += check_references_in (root, resource, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (json_object_has_member (object, "reference"))
        {
          const char *ref = json_object_get_string_member (object, "reference");

          n++;
          if (ref[0] == '#')
            {
              JsonArray *contained = json_object_has_member (resource, "contained")
                                     ? json_object_get_array_member (resource, "contained") : NULL;
              gboolean found = FALSE;

              for (guint i = 0; contained != NULL && i < json_array_get_length (contained); i++)
                found |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (contained, i), "id"),
                                    ref + 1) == 0;
              if (!found)
                g_error ("%s refers to %s, not contained", json_object_get_string_member (resource, "id"), ref);
            }
          else if (resource_at (root, ref) == NULL)
            g_error ("%s refers to %s, not in the bundle", json_object_get_string_member (resource, "id"), ref);
        }
      for (GList *l = members; l != NULL; l = l->next)
        n += check_references_in (root, resource, json_object_get_member (object, l->data));
    }
  return n;
}

/* All references resolve; fullUrls are urn:uuid, unique, and the id. */
static guint
check_references (JsonNode *root)
{
  JsonArray *list = entries (root);
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      const char *url = json_object_get_string_member (entry, "fullUrl");
      JsonObject *resource = json_object_get_object_member (entry, "resource");

      g_assert_true (g_str_has_prefix (url, "urn:uuid:"));
      g_assert_true (g_uuid_string_is_valid (url + strlen ("urn:uuid:")));
      g_assert_cmpstr (json_object_get_string_member (resource, "id"), ==, url + strlen ("urn:uuid:"));
      g_assert_true (g_hash_table_add (urls, (gpointer) url));
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);

      n += check_references_in (root, json_object_get_object_member (entry, "resource"),
                                json_object_get_member (entry, "resource"));
    }
  return n;
}

static GStrv
full_urls (JsonNode *root)
{
  JsonArray *list = entries (root);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv urls;

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (list, i), "fullUrl"));
  urls = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return urls;
}

/* Comparisons with the log. ------------------------------------------------------ */

static void
assert_quantity (JsonObject *quantity,
                 double      value,
                 const char *ucum)
{
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (quantity, "value"), value, 1e-9);
  if (ucum != NULL)
    {
      g_assert_cmpstr (json_object_get_string_member (quantity, "system"), ==, UCUM);
      g_assert_cmpstr (json_object_get_string_member (quantity, "code"), ==, ucum);
    }
  else
    g_assert_false (json_object_has_member (quantity, "code"));
}

static const char *
route_code (CobaltRoute route)
{
  return route == COBALT_ROUTE_SC ? "34206005" : "78421000";
}

/* The MedicationAdministration of one dose, against the dose. */
static void
assert_administration (JsonNode   *root,
                       JsonObject *ma,
                       CobaltDose *dose,
                       const char *patient_url)
{
  const char *when = json_object_get_string_member (ma, "effectiveDateTime");
  g_autoptr(GDateTime) read = g_date_time_new_from_iso8601 (when, NULL);

  g_assert_cmpstr (reference_of (ma, "subject"), ==, patient_url);
  /* The same instant, written in the offset it was given in. */
  g_assert_nonnull (read);
  g_assert_true (g_date_time_equal (read, dose->given_at));
  g_assert_cmpint (g_date_time_get_utc_offset (read), ==, g_date_time_get_utc_offset (dose->given_at));
  g_assert_cmpint (g_date_time_get_hour (read), ==, g_date_time_get_hour (dose->given_at));

  if (!cobalt_dose_is_given (dose))
    {
      g_autofree char *reason = cobalt_dose_describe_not_given (dose);
      JsonObject *status_reason = json_array_get_object_element (json_object_get_array_member (ma, "statusReason"), 0);

      g_assert_cmpstr (json_object_get_string_member (ma, "status"), ==, "not-done");
      g_assert_cmpstr (json_object_get_string_member (status_reason, "text"), ==, reason);
      g_assert_false (json_object_has_member (ma, "performer"));
      g_assert_false (json_object_has_member (ma, "dosage"));
      return;
    }

  g_assert_cmpstr (json_object_get_string_member (ma, "status"), ==, "completed");
  {
    JsonObject *dosage = json_object_get_object_member (ma, "dosage");
    const CobaltSiteInfo *site = cobalt_site_catalogue_lookup (dose->site_id);
    JsonObject *route = first_coding (json_object_get_object_member (dosage, "route"));
    JsonObject *site_concept = json_object_get_object_member (dosage, "site");

    g_assert_nonnull (site);
    g_assert_cmpstr (json_object_get_string_member (site_concept, "text"), ==, cobalt_site_info_get_name (site));
    /* CLINICAL.md gives no code for a body site. */
    g_assert_false (json_object_has_member (site_concept, "coding"));
    g_assert_cmpstr (json_object_get_string_member (route, "system"), ==, SNOMED);
    g_assert_cmpstr (json_object_get_string_member (route, "code"), ==, route_code (site->route));
    assert_quantity (json_object_get_object_member (dosage, "dose"), dose->amount,
                     dose->unit == COBALT_DOSE_UNIT_MCG ? "ug" : dose->unit == COBALT_DOSE_UNIT_MG ? "mg" : "mL");
  }
  {
    JsonObject *medication = json_array_get_object_element (json_object_get_array_member (ma, "contained"), 0);
    JsonObject *batch = json_object_get_object_member (medication, "batch");
    g_autofree char *expiry = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (dose->expiry),
                                               g_date_get_month (dose->expiry), g_date_get_day (dose->expiry));

    g_assert_cmpstr (json_object_get_string_member (medication, "resourceType"), ==, "Medication");
    g_assert_cmpstr (reference_of (ma, "medicationReference"), ==, "#medication");
    g_assert_cmpstr (json_object_get_string_member (batch, "lotNumber"), ==, dose->batch);
    g_assert_cmpstr (json_object_get_string_member (batch, "expirationDate"), ==, expiry);
  }
  {
    JsonObject *performer = json_array_get_object_element (json_object_get_array_member (ma, "performer"), 0);
    const char *actor_url = reference_of (performer, "actor");
    JsonObject *actor = resource_at (root, actor_url);
    const char *type = json_object_get_string_member (actor, "resourceType");

    switch (dose->given_by)
      {
      case COBALT_GIVEN_BY_SELF:
        g_assert_cmpstr (actor_url, ==, patient_url);
        break;
      case COBALT_GIVEN_BY_CARER:
        g_assert_cmpstr (type, ==, "RelatedPerson");
        g_assert_cmpstr (reference_of (actor, "patient"), ==, patient_url);
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                           json_object_get_array_member (actor, "name"), 0), "text"), ==, dose->given_by_name);
        break;
      case COBALT_GIVEN_BY_CLINIC:
        g_assert_cmpstr (type, ==, "Organization");
        g_assert_cmpstr (json_object_get_string_member (actor, "name"), ==, dose->given_by_name);
        break;
      default:
        g_assert_not_reached ();
      }
  }
}

static void
assert_administrations (CobaltRepository *repo,
                        JsonNode         *root,
                        gint64            person_id,
                        guint            *n_given,
                        guint            *n_not_given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = cobalt_repository_list_schedule_doses (repo, person_id, &error);
  g_autoptr(GPtrArray) mas = resources_of (root, "MedicationAdministration");
  g_autoptr(GPtrArray) patients = resources_of (root, "Patient");
  g_autofree char *patient_url = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (patients->len, ==, 1);
  patient_url = g_strconcat ("urn:uuid:", json_object_get_string_member (patients->pdata[0], "id"), NULL);

  /* One per log entry, oldest first like the log. */
  g_assert_cmpuint (mas->len, ==, doses->len);
  *n_given = *n_not_given = 0;
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);

      assert_administration (root, mas->pdata[i], dose, patient_url);
      if (cobalt_dose_is_given (dose))
        (*n_given)++;
      else
        (*n_not_given)++;
    }
}

/* One Observation per lab result, in order, with LOINC, UCUM, the lab's
 * range and the timing mark. */
static void
assert_labs (CobaltRepository *repo,
             JsonNode         *root,
             gint64            person_id,
             guint            *n_marked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) labs = cobalt_repository_list_lab_results (repo, person_id, &error);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (repo, person_id, &error);
  g_autoptr(GPtrArray) observations = observations_in (root, "laboratory");
  static const char * const loinc[COBALT_N_LAB_TESTS] = {
    [COBALT_LAB_TEST_SERUM_B12] = "2132-9", [COBALT_LAB_TEST_HAEMOGLOBIN] = "718-7",
    [COBALT_LAB_TEST_MCV] = "787-2", [COBALT_LAB_TEST_FOLATE] = "2284-8",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (observations->len, ==, g_list_model_get_n_items (labs));
  *n_marked = 0;
  for (guint i = 0; i < observations->len; i++)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (labs, i);
      JsonObject *obs = observations->pdata[i];
      JsonObject *coding = first_coding (json_object_get_object_member (obs, "code"));
      JsonObject *range = json_array_get_object_element (json_object_get_array_member (obs, "referenceRange"), 0);
      g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (result->taken_on),
                                              g_date_get_month (result->taken_on), g_date_get_day (result->taken_on));
      int after = cobalt_lab_timing_days_after_injection (result, doses);
      const char *ucum = g_strcmp0 (result->unit, "µg/L") == 0 ? "ug/L" : result->unit;

      g_assert_nonnull (loinc[result->test]);
      g_assert_cmpstr (json_object_get_string_member (coding, "system"), ==, LOINC);
      g_assert_cmpstr (json_object_get_string_member (coding, "code"), ==, loinc[result->test]);
      g_assert_cmpstr (json_object_get_string_member (obs, "effectiveDateTime"), ==, day);
      assert_quantity (json_object_get_object_member (obs, "valueQuantity"), result->value, ucum);
      assert_quantity (json_object_get_object_member (range, "low"), result->ref_low, ucum);
      assert_quantity (json_object_get_object_member (range, "high"), result->ref_high, ucum);
      g_assert_cmpstr (json_object_get_string_member (resource_at (root, json_object_get_string_member (
                         json_array_get_object_element (json_object_get_array_member (obs, "performer"), 0),
                         "reference")), "name"), ==, result->lab_name);

      if (after >= 0)
        {
          g_autofree char *mark = cobalt_clinical_lab_taken_after_injection (after);

          g_assert_true (has_note (obs, mark));
          (*n_marked)++;
        }
      else
        g_assert_false (json_object_has_member (obs, "note"));
    }
}

/* The tests. ----------------------------------------------------------------------- */

static void
test_demo_alex (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = export_parsed (f->repo, f->alex->id, f->clock);
  g_autoptr(GPtrArray) patients = resources_of (root, "Patient");
  g_autoptr(GPtrArray) requests = resources_of (root, "MedicationRequest");
  g_autoptr(GPtrArray) checkins = observations_in (root, "survey");
  g_autoptr(GListModel) logged_checkins = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (f->repo, f->alex->id, &error);
  JsonObject *patient;
  guint n_given, n_not_given, n_marked, n_checkins = 0, n_evidence = 0;

  g_assert_no_error (error);
  patient = patients->pdata[0];
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (patient, "name"), 0), "text"), ==, "Alex Morgan");
  /* No date of birth in the demo: none invented. */
  g_assert_false (json_object_has_member (patient, "birthDate"));
  {
    JsonObject *clinic = resource_at (root, json_object_get_string_member (json_array_get_object_element (
                                        json_object_get_array_member (patient, "generalPractitioner"), 0), "reference"));

    g_assert_cmpstr (json_object_get_string_member (clinic, "name"), ==, "Riverside Surgery");
  }

  assert_administrations (f->repo, root, f->alex->id, &n_given, &n_not_given);
  g_assert_cmpuint (n_given, ==, 9);
  g_assert_cmpuint (n_not_given, ==, 0);
  assert_labs (f->repo, root, f->alex->id, &n_marked);
  /* The demo's labs are not all right after a dose; at least one is. */
  g_assert_cmpuint (n_marked, >=, 1);

  /* The prescription: each phase a dosageInstruction in sequence. */
  g_assert_cmpuint (requests->len, ==, 1);
  {
    JsonObject *request = requests->pdata[0];
    JsonArray *instructions = json_object_get_array_member (request, "dosageInstruction");
    JsonObject *loading = json_array_get_object_element (instructions, 0);
    JsonObject *repeat = json_object_get_object_member (json_object_get_object_member (loading, "timing"), "repeat");
    JsonObject *maintenance = json_object_get_object_member (json_object_get_object_member (
                                json_array_get_object_element (instructions, 1), "timing"), "repeat");

    g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "active");
    g_assert_cmpstr (json_object_get_string_member (request, "intent"), ==, "order");
    g_assert_cmpuint (json_array_get_length (instructions), ==, prescription->phases->len);
    for (guint i = 0; i < json_array_get_length (instructions); i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (instructions, i), "sequence"),
                       ==, i + 1);
    /* Three times a week, six doses; then every three months. */
    g_assert_cmpint (json_object_get_int_member (repeat, "frequency"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (repeat, "period"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (repeat, "periodUnit"), ==, "wk");
    g_assert_cmpint (json_object_get_int_member (repeat, "count"), ==, 6);
    g_assert_cmpint (json_object_get_int_member (maintenance, "frequency"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (maintenance, "period"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (maintenance, "periodUnit"), ==, "mo");
    g_assert_false (json_object_has_member (maintenance, "count"));
    assert_quantity (json_object_get_object_member (json_array_get_object_element (
                       json_object_get_array_member (loading, "doseAndRate"), 0), "doseQuantity"), 1, "mg");
    g_assert_cmpstr (json_object_get_string_member (first_coding (json_object_get_object_member (loading, "route")),
                                                    "code"), ==, "78421000");
  }

  /* One survey Observation per check-in; the rest is evidence. */
  logged_checkins = cobalt_repository_list_checkins (f->repo, f->alex->id, &error);
  doses = cobalt_repository_list_doses (f->repo, f->alex->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checkins->len; i++)
    {
      if (json_object_has_member (checkins->pdata[i], "effectiveDateTime"))
        n_checkins++;
      else
        n_evidence++;
    }
  g_assert_cmpuint (n_checkins, ==, g_list_model_get_n_items (logged_checkins));

  /* Symptom-return evidence: one Observation per score that has it, with
   * the rule's median day. */
  {
    guint expected = 0;

    for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
      {
        CobaltSymptomReturnEvidence evidence;
        g_autofree char *title = NULL;
        g_autofree char *summary = NULL;
        JsonObject *found = NULL;

        if (!cobalt_symptom_return_evidence (logged_checkins, doses, m, cobalt_clock_get_timezone (f->clock),
                                             &evidence, NULL))
          continue;
        expected++;
        title = g_strdup_printf ("Day after a dose on which %s falls back", cobalt_checkin_measure_to_string (m));
        for (guint i = 0; i < checkins->len; i++)
          if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (checkins->pdata[i], "code"),
                                                        "text"), title) == 0)
            found = checkins->pdata[i];
        g_assert_nonnull (found);
        assert_quantity (json_object_get_object_member (found, "valueQuantity"), evidence.median_day, "d");
        summary = cobalt_clinical_symptom_return_summary (cobalt_checkin_measure_to_string (m), evidence.n_returned,
                                                          evidence.n_observed, evidence.median_day);
        g_assert_true (has_note (found, summary));
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (found, "derivedFrom")), >=,
                          evidence.n_returned);
      }
    g_assert_cmpuint (n_evidence, ==, expected);
    /* The demo's year shows energy dipping before each 3-monthly dose. */
    g_assert_cmpuint (expected, >=, 1);
  }

  g_assert_cmpuint (check_references (root), >, 0);
}

/* Sam: a carer gives the doses, the clinic gave the first ones; a date of
 * birth, and two doses not given on the clinic's advice. */
static void
test_demo_sam_not_given (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) born = g_date_new_dmy (2, G_DATE_MARCH, 1948);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(GDateTime) skipped_at = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) moved_at = g_date_time_add_hours (now, -1);
  g_autoptr(GDate) moved_to = g_date_new_dmy (24, G_DATE_OCTOBER, 2024);
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (f->repo, f->sam->id, &error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  guint n_given, n_not_given, n_marked;

  g_assert_no_error (error);
  cobalt_set_date (&f->sam->date_of_birth, born);
  g_assert_true (cobalt_repository_save_person (f->repo, f->sam, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();

      dose->person_id = f->sam->id;
      dose->prescription_id = prescription->id;
      cobalt_dose_set_given_at (dose, k == 0 ? skipped_at : moved_at);
      dose->kind = k == 0 ? COBALT_DOSE_KIND_SKIPPED : COBALT_DOSE_KIND_MOVED;
      dose->amount = prescription->amount;
      dose->unit = prescription->unit;
      dose->product = prescription->product;
      cobalt_set_str (&dose->advised_by, "Dr Rao");
      if (k == 1)
        cobalt_set_date (&dose->moved_to, moved_to);
      g_assert_true (cobalt_repository_add_dose (f->repo, dose, &error));
      g_assert_no_error (error);
    }

  root = export_parsed (f->repo, f->sam->id, f->clock);
  patients = resources_of (root, "Patient");
  g_assert_cmpstr (json_object_get_string_member (patients->pdata[0], "birthDate"), ==, "1948-03-02");
  assert_administrations (f->repo, root, f->sam->id, &n_given, &n_not_given);
  g_assert_cmpuint (n_given, ==, 18);
  g_assert_cmpuint (n_not_given, ==, 2);
  assert_labs (f->repo, root, f->sam->id, &n_marked);

  /* One RelatedPerson for the one carer, however many doses. */
  related = resources_of (root, "RelatedPerson");
  g_assert_cmpuint (related->len, ==, 1);
  g_assert_cmpuint (check_references (root), >, 0);
}

/* The same record keeps its fullUrl; only the timestamp moves. Another
 * database gives other ids (its own namespace). */
static void
test_ids_stable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = export_parsed (f->repo, f->alex->id, f->clock);
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) elsewhere = NULL;
  g_auto(GStrv) urls1 = NULL;
  g_auto(GStrv) urls2 = NULL;
  g_auto(GStrv) urls3 = NULL;
  g_autofree char *ns = NULL;
  g_autoptr(CobaltRepository) other = NULL;
  g_autoptr(CobaltPerson) other_alex = NULL;

  cobalt_clock_advance (f->clock, 3 * G_TIME_SPAN_HOUR);
  second = export_parsed (f->repo, f->alex->id, f->clock);
  urls1 = full_urls (first);
  urls2 = full_urls (second);
  g_assert_cmpuint (g_strv_length (urls1), >, 40);
  g_assert_true (g_strv_equal ((const char * const *) urls1, (const char * const *) urls2));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "id"), ==,
                   json_object_get_string_member (json_node_get_object (second), "id"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (first), "timestamp"), ==,
                   "2024-10-20T08:30:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "timestamp"), ==,
                   "2024-10-20T11:30:00+01:00");

  /* The namespace is kept in the database. */
  ns = cobalt_repository_get_setting (f->repo, "fhir-namespace", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (ns));

  other = cobalt_repository_new_in_memory (&error);
  g_assert_no_error (error);
  cobalt_repository_set_clock (other, f->clock);
  g_assert_true (cobalt_demo_populate (other, f->clock, &error));
  other_alex = cobalt_repository_find_person (other, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
  elsewhere = export_parsed (other, other_alex->id, f->clock);
  urls3 = full_urls (elsewhere);
  for (guint i = 0; urls3[i] != NULL; i++)
    g_assert_false (g_strv_contains ((const char * const *) urls1, urls3[i]));
}

/* A person with nothing logged: the Patient alone, still a bundle. */
static void
test_nothing_logged (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) robin = cobalt_person_new ("Robin");
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;

  g_assert_true (cobalt_repository_save_person (f->repo, robin, &error));
  g_assert_no_error (error);
  root = export_parsed (f->repo, robin->id, f->clock);
  list = entries (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (list, 0), "resource"), "resourceType"), ==, "Patient");
  g_assert_cmpuint (check_references (root), ==, 0);

  /* Someone who is not there is an error, not an empty bundle. */
  g_assert_null (cobalt_fhir_export_to_string (f->repo, 4242, f->clock, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND);
}

/* Codes by unit (CLINICAL.md "Codes for exchange"), decimals as entered,
 * a one-sided range, and a dose under an older prescription version. */
static void
test_codes_and_versions (Fixture       *f,
                         gconstpointer  data)
{
  static const struct {
    CobaltLabTest test; double value; const char *unit; const char *loinc; const char *ucum;
  } labs[] = {
    { COBALT_LAB_TEST_SERUM_B12, 310.5, "pmol/L", "14685-2", "pmol/L" },
    { COBALT_LAB_TEST_SERUM_B12, 250, "ng/L", "2132-9", "ng/L" },
    { COBALT_LAB_TEST_ACTIVE_B12, 61.2, "pmol/L", "72160-5", "pmol/L" },
    { COBALT_LAB_TEST_ACTIVE_B12, 80, "pg/mL", NULL, "pg/mL" },
    { COBALT_LAB_TEST_FOLATE, 14.3, "nmol/L", "14732-2", "nmol/L" },
    { COBALT_LAB_TEST_FERRITIN, 45, "µg/L", "2276-4", "ug/L" },
    { COBALT_LAB_TEST_HAEMOGLOBIN, 13.1, "g/dL", "718-7", "g/dL" },
    { COBALT_LAB_TEST_MMA, 0.31, "µmol/L", "13964-2", "umol/L" },
    { COBALT_LAB_TEST_HOMOCYSTEINE, 9.8, "µmol/L", "13965-9", "umol/L" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) lee = cobalt_person_new ("Lee");
  g_autoptr(CobaltPrescription) first = cobalt_prescription_new_from_template ("us-cyano-label");
  g_autoptr(CobaltPrescription) second = NULL;
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GTimeZone) auckland = g_time_zone_new_identifier ("Pacific/Auckland");
  g_autoptr(GDateTime) given_at = g_date_time_new (auckland, 2024, 9, 1, 7, 45, 0);
  g_autoptr(GDate) starts_on = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2024);
  g_autoptr(GDate) taken_on = g_date_new_dmy (10, G_DATE_SEPTEMBER, 2024);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) administrations = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autofree char *json = NULL;
  g_autofree char *older_url = NULL;
  const char * const sc_sites[] = { "sc-abdomen-left", NULL };
  JsonObject *ma;

  g_assert_true (cobalt_repository_save_person (f->repo, lee, &error));
  g_assert_no_error (error);
  first->person_id = lee->id;
  first->route = COBALT_ROUTE_SC;
  cobalt_prescription_set_enabled_sites (first, sc_sites);
  cobalt_set_date (&first->starts_on, starts_on);
  g_assert_true (cobalt_repository_save_prescription (f->repo, first, &error));
  g_assert_no_error (error);

  dose->person_id = lee->id;
  dose->prescription_id = first->id;
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, "sc-abdomen-left");
  dose->amount = first->amount;
  dose->unit = first->unit;
  dose->product = first->product;
  g_assert_true (cobalt_repository_add_dose (f->repo, dose, &error));
  g_assert_no_error (error);

  second = cobalt_prescription_copy (first);
  cobalt_set_str (&second->notes, "Changed by the clinic");
  g_assert_true (cobalt_repository_save_prescription (f->repo, second, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (labs); i++)
    {
      g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (lee->id, labs[i].test, labs[i].value, labs[i].unit);

      cobalt_set_date (&result->taken_on, taken_on);
      result->ref_low = i == 0 ? 145 : NAN;
      g_assert_true (cobalt_repository_add_lab_result (f->repo, result, &error));
      g_assert_no_error (error);
    }

  json = cobalt_fhir_export_to_string (f->repo, lee->id, f->clock, &error);
  g_assert_no_error (error);
  /* Decimals as entered, never json-glib's 17 digits or an exponent. */
  g_assert_nonnull (strstr (json, "\"value\" : 310.5,"));
  g_assert_nonnull (strstr (json, "\"value\" : 0.31,"));
  g_assert_null (strstr (json, "310.50000"));
  g_assert_null (strstr (json, "0.31000"));
  g_assert_null (strstr (json, "e+0"));
  root = export_parsed (f->repo, lee->id, f->clock);

  /* Two versions: the older stopped, the newer active and pointing at it. */
  requests = resources_of (root, "MedicationRequest");
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (requests->pdata[0], "status"), ==, "stopped");
  g_assert_cmpstr (json_object_get_string_member (requests->pdata[1], "status"), ==, "active");
  older_url = g_strconcat ("urn:uuid:", json_object_get_string_member (requests->pdata[0], "id"), NULL);
  g_assert_cmpstr (reference_of (requests->pdata[1], "priorPrescription"), ==, older_url);
  g_assert_true (has_note (requests->pdata[1], "Changed by the clinic"));

  /* The dose: under the first version, subcutaneous, in Auckland's offset. */
  administrations = resources_of (root, "MedicationAdministration");
  g_assert_cmpuint (administrations->len, ==, 1);
  ma = administrations->pdata[0];
  g_assert_cmpstr (json_object_get_string_member (ma, "effectiveDateTime"), ==, "2024-09-01T07:45:00+12:00");
  g_assert_cmpstr (reference_of (ma, "request"), ==, older_url);
  g_assert_cmpstr (json_object_get_string_member (first_coding (json_object_get_object_member (
                     json_object_get_object_member (ma, "dosage"), "route")), "code"), ==, "34206005");

  observations = observations_in (root, "laboratory");
  g_assert_cmpuint (observations->len, ==, G_N_ELEMENTS (labs));
  for (guint i = 0; i < G_N_ELEMENTS (labs); i++)
    {
      JsonObject *obs = observations->pdata[i];
      JsonObject *coding = first_coding (json_object_get_object_member (obs, "code"));

      if (labs[i].loinc != NULL)
        g_assert_cmpstr (json_object_get_string_member (coding, "code"), ==, labs[i].loinc);
      else
        g_assert_null (coding);
      assert_quantity (json_object_get_object_member (obs, "valueQuantity"), labs[i].value, labs[i].ucum);
      /* Nine days after the injection. */
      g_assert_true (has_note (obs, "Taken 9 days after an injection"));
      if (i == 0)
        {
          JsonObject *range = json_array_get_object_element (json_object_get_array_member (obs, "referenceRange"), 0);

          assert_quantity (json_object_get_object_member (range, "low"), 145, "pmol/L");
          g_assert_false (json_object_has_member (range, "high"));
        }
      else
        g_assert_false (json_object_has_member (obs, "referenceRange"));
    }
  g_assert_cmpuint (check_references (root), >, 0);
}

/* RFC 4122's own example of a name-based UUID. */
static void
test_uuid_v5 (void)
{
  g_autofree char *python = cobalt_fhir_uuid_v5 ("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org");

  g_assert_cmpstr (python, ==, "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  g_assert_null (cobalt_fhir_uuid_v5 ("not a uuid", "x"));
}

/* The file: 0600, and what the string export gives. */
static void
test_written_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-fhir-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "alex.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (cobalt_fhir_export (f->repo, f->alex->id, f->clock, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  expected = cobalt_fhir_export_to_string (f->repo, f->alex->id, f->clock, &error);
  g_assert_cmpstr (written, ==, expected);

  g_assert_true (cobalt_fhir_export_to_stream (f->repo, f->alex->id, f->clock, memory, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                   expected, strlen (expected));

  /* A folder that is not there: a sentence naming the file. */
  g_assert_false (cobalt_fhir_export (f->repo, f->alex->id, f->clock, "/nonexistent/alex.json", &error));
  g_assert_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cobalt/fhir/demo-alex", test_demo_alex);
  ADD ("/cobalt/fhir/demo-sam-not-given", test_demo_sam_not_given);
  ADD ("/cobalt/fhir/ids-stable", test_ids_stable);
  ADD ("/cobalt/fhir/nothing-logged", test_nothing_logged);
  ADD ("/cobalt/fhir/codes-and-versions", test_codes_and_versions);
  ADD ("/cobalt/fhir/written-file", test_written_file);
#undef ADD
  g_test_add_func ("/cobalt/fhir/uuid-v5", test_uuid_v5);

  return g_test_run ();
}
