/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The FHIR export's building blocks: cobalt-fhir-private.h. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cobalt-fhir.h"
#include "cobalt-fhir-private.h"
#include "cobalt-prescription.h"

static gboolean
parse_uuid (const char *text,
            guint8      bytes[16])
{
  guint n = 0;

  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;
  for (const char *p = text; *p != '\0' && n < 16; p++)
    {
      if (*p == '-')
        continue;
      bytes[n++] = (g_ascii_xdigit_value (p[0]) << 4) | g_ascii_xdigit_value (p[1]);
      p++;
    }
  return n == 16;
}

char *
cobalt_fhir_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* FHIR's dateTime: seconds always, the offset of the instant's own zone. */
char *
cobalt_fhir_format_instant (GDateTime *instant)
{
  return g_date_time_format (instant, "%Y-%m-%dT%H:%M:%S%:z");
}

/* UCUM's code for the units Cobalt stores (cobalt-lab-result.h lists
 * them; "µ" is "u" in UCUM). */
const char *
cobalt_fhir_ucum_code (const char *unit)
{
  static const struct { const char *unit, *ucum; } table[] = {
    { "pg/mL", "pg/mL" }, { "ng/L", "ng/L" }, { "pmol/L", "pmol/L" },
    { "ng/mL", "ng/mL" }, { "µg/L", "ug/L" }, { "nmol/L", "nmol/L" },
    { "µmol/L", "umol/L" }, { "g/L", "g/L" }, { "g/dL", "g/dL" }, { "fL", "fL" },
    { "mg", "mg" }, { "mcg", "ug" }, { "mL", "mL" },
  };

  for (guint i = 0; unit != NULL && i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].unit, unit) == 0)
      return table[i].ucum;
  return NULL;
}

const char *
cobalt_fhir_dose_unit_ucum (CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MG:
      return "mg";
    case COBALT_DOSE_UNIT_MCG:
      return "ug";
    case COBALT_DOSE_UNIT_ML:
      return "mL";
    default:
      return NULL;
    }
}

/* CLINICAL.md "Codes for exchange": a LOINC code only where the unit
 * measures what the code names (mass or substance per volume); active
 * B12 in a mass unit gets its name alone. */
const char *
cobalt_fhir_loinc_code (CobaltLabTest  test,
                        const char    *unit)
{
  gboolean molar = g_strcmp0 (unit, "pmol/L") == 0 || g_strcmp0 (unit, "nmol/L") == 0 ||
                   g_strcmp0 (unit, "µmol/L") == 0;

  switch (test)
    {
    case COBALT_LAB_TEST_SERUM_B12:
      return molar ? "14685-2" : "2132-9";
    case COBALT_LAB_TEST_ACTIVE_B12:
      return molar ? "72160-5" : NULL;
    case COBALT_LAB_TEST_FOLATE:
      /* The molar code CLINICAL.md names beside the table. */
      return molar ? "14732-2" : "2284-8";
    case COBALT_LAB_TEST_FERRITIN:
      return molar ? NULL : "2276-4";
    case COBALT_LAB_TEST_HAEMOGLOBIN:
      return molar ? NULL : "718-7";
    case COBALT_LAB_TEST_MCV:
      return "787-2";
    case COBALT_LAB_TEST_MMA:
      return molar ? "13964-2" : NULL;
    case COBALT_LAB_TEST_HOMOCYSTEINE:
      return molar ? "13965-9" : NULL;
    default:
      return NULL;
    }
}

void
cobalt_fhir_add_string (JsonBuilder *b,
                        const char  *member,
                        const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

void
cobalt_fhir_add_reference (JsonBuilder *b,
                           const char  *member,
                           const char  *url)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  cobalt_fhir_add_string (b, "reference", url);
  json_builder_end_object (b);
}

/* A Quantity; a unit without a UCUM code keeps only its display. */
void
cobalt_fhir_add_quantity (JsonBuilder *b,
                          const char  *member,
                          double       value,
                          const char  *unit,
                          const char  *ucum)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  cobalt_fhir_add_string (b, "unit", unit);
  if (ucum != NULL)
    {
      cobalt_fhir_add_string (b, "system", COBALT_FHIR_UCUM);
      cobalt_fhir_add_string (b, "code", ucum);
    }
  json_builder_end_object (b);
}

/* A CodeableConcept of one coding (or none, when @code is NULL) and text. */
void
cobalt_fhir_add_concept (JsonBuilder *b,
                         const char  *member,
                         const char  *system,
                         const char  *code,
                         const char  *display,
                         const char  *text)
{
  if (member != NULL)
    json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  if (code != NULL)
    {
      json_builder_set_member_name (b, "coding");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "system", system);
      cobalt_fhir_add_string (b, "code", code);
      cobalt_fhir_add_string (b, "display", display);
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  cobalt_fhir_add_string (b, "text", text);
  json_builder_end_object (b);
}

void
cobalt_fhir_add_category (JsonBuilder *b,
                          const char  *code,
                          const char  *display)
{
  json_builder_set_member_name (b, "category");
  json_builder_begin_array (b);
  cobalt_fhir_add_concept (b, NULL, COBALT_FHIR_OBSERVATION_CATEGORY, code, display, NULL);
  json_builder_end_array (b);
}

/* The route as SNOMED CT codes it (CLINICAL.md "Codes for exchange"). */
void
cobalt_fhir_add_route (JsonBuilder *b,
                       CobaltRoute  route)
{
  if (route == COBALT_ROUTE_SC)
    cobalt_fhir_add_concept (b, "route", COBALT_FHIR_SNOMED, "34206005", "Subcutaneous route",
                             cobalt_route_to_string (route));
  else
    cobalt_fhir_add_concept (b, "route", COBALT_FHIR_SNOMED, "78421000", "Intramuscular route",
                             cobalt_route_to_string (route));
}

/* Annotations, skipping NULL and empty texts. */
void
cobalt_fhir_add_notes (JsonBuilder        *b,
                       const char * const *texts,
                       guint               n_texts)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_texts; i++)
    {
      if (texts[i] == NULL || *texts[i] == '\0')
        continue;
      if (!any)
        {
          json_builder_set_member_name (b, "note");
          json_builder_begin_array (b);
          any = TRUE;
        }
      json_builder_begin_object (b);
      cobalt_fhir_add_string (b, "text", texts[i]);
      json_builder_end_object (b);
    }
  if (any)
    json_builder_end_array (b);
}

JsonBuilder *
cobalt_fhir_begin_resource (const char *type,
                            const char *url)
{
  JsonBuilder *b = json_builder_new ();

  json_builder_begin_object (b);
  cobalt_fhir_add_string (b, "resourceType", type);
  /* The id is the UUID of the fullUrl: readers that key by id agree. */
  cobalt_fhir_add_string (b, "id", url + strlen ("urn:uuid:"));
  return b;
}

/* Closes the resource @b began and adds it to @list as a bundle entry. */
void
cobalt_fhir_finish_entry (GPtrArray   *list,
                          const char  *url,
                          JsonBuilder *b)
{
  g_autoptr(JsonBuilder) entry = json_builder_new ();

  json_builder_end_object (b);
  json_builder_begin_object (entry);
  cobalt_fhir_add_string (entry, "fullUrl", url);
  json_builder_set_member_name (entry, "resource");
  json_builder_add_value (entry, json_builder_get_root (b));
  json_builder_end_object (entry);
  g_ptr_array_add (list, json_builder_get_root (entry));
}

/* Writes each non-integer number the shortest way that reads back the
 * same ("6.1", not json-glib 1.6's "6.0999999999999996", which would
 * claim a precision the lab never gave). Strings are copied untouched. */
char *
cobalt_fhir_tidy_numbers (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));
  const char *p = json;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *q = p + 1;

          while (*q != '\0' && *q != '"')
            q += (*q == '\\' && q[1] != '\0') ? 2 : 1;
          if (*q == '"')
            q++;
          g_string_append_len (out, p, q - p);
          p = q;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *q = p;
          gboolean fraction = FALSE;

          while (*q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E' || g_ascii_isdigit (*q))
            {
              fraction |= (*q == '.' || *q == 'e' || *q == 'E');
              q++;
            }
          if (fraction)
            {
              double value = g_ascii_strtod (p, NULL);
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              int precision;

              for (precision = 1; precision <= 17; precision++)
                {
                  char format[8];

                  g_snprintf (format, sizeof format, "%%.%dg", precision);
                  g_ascii_formatd (buf, sizeof buf, format, value);
                  if (g_ascii_strtod (buf, NULL) == value)
                    break;
                }
              /* Without an exponent ("1000", not "1e+03") for any value a
               * lab or a dose can have: as many decimals as those digits
               * need. */
              if (strchr (buf, 'e') != NULL && value != 0 && fabs (value) < 1e15 && fabs (value) >= 1e-9)
                {
                  int decimals = MAX (0, precision - 1 - (int) floor (log10 (fabs (value))));
                  char format[8];

                  g_snprintf (format, sizeof format, "%%.%df", decimals);
                  g_ascii_formatd (buf, sizeof buf, format, value);
                }
              g_string_append (out, buf);
            }
          else
            g_string_append_len (out, p, q - p);
          p = q;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

char *
cobalt_fhir_uuid_v5 (const char *namespace_uuid,
                     const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (namespace_uuid, ns))
    return NULL;

  /* RFC 4122, 4.3: SHA-1 of the namespace's bytes and the name; version
   * 5 in the high nibble of byte 6, the variant 10 in byte 8. */
  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}
