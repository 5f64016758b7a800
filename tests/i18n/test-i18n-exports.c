/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Numbers in the locale's form on screen, never in files. Under German
 * (decimal comma), what a person reads says "0,25 mL", while the CSV log,
 * the FHIR bundle and the iCalendar file keep "." decimals, so a clinic's
 * system or a spreadsheet in any language reads the same numbers. Needs the
 * de_DE.UTF-8 locale (build-aux/dev.sh generates it). */

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "cobalt-core.h"
#include "cobalt-repository-private.h"
#include "cobalt-database.h"

#define LOCALE "de_DE.UTF-8"

typedef struct
{
  CobaltClock      *clock;
  CobaltRepository *repo;
  CobaltPerson     *alex;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  g_autoptr(CobaltLabResult) folate = NULL;
  GDate *day = g_date_new_dmy (2, G_DATE_APRIL, 2024);
  CobaltDatabase *database;

  f->clock = cobalt_clock_new_fixed (now);
  f->repo = cobalt_repository_new_in_memory (&error);
  g_assert_no_error (error);
  cobalt_repository_set_clock (f->repo, f->clock);
  g_assert_true (cobalt_demo_populate (f->repo, f->clock, &error));
  g_assert_no_error (error);
  f->alex = cobalt_repository_find_person (f->repo, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);

  /* A lab result and its range with decimals, through the door. */
  folate = cobalt_lab_result_new (f->alex->id, COBALT_LAB_TEST_FOLATE, 5.4, NULL);
  cobalt_set_date (&folate->taken_on, day);
  folate->ref_low = 3.5;
  folate->ref_high = 20.5;
  g_date_free (day);
  g_assert_true (cobalt_repository_add_lab_result (f->repo, folate, &error));
  g_assert_no_error (error);

  /* Every dose of 0.25 mg: the prescription's rules would refuse a
   * mismatch, so straight in the table, as a dose logged long ago. */
  database = cobalt_repository_get_database (f->repo);
  G_STATIC_ASSERT (COBALT_DOSE_UNIT_MG == 0);
  g_assert_true (cobalt_database_exec (database, "UPDATE doses SET amount = 0.25, unit = 0", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->alex);
  g_clear_object (&f->repo);
  g_clear_object (&f->clock);
}

/* What the person reads is German. */
static void
test_screen (void)
{
  g_autofree char *volume = cobalt_volume_format (0.25);
  g_autofree char *plain = g_strdup_printf ("%g", 1.5);

  g_assert_cmpstr (plain, ==, "1,5");
  g_assert_nonnull (strstr (volume, "0,25"));
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = cobalt_csv_export_to_string (f->repo, f->alex->id, NULL, &error);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  int amount_column = -1;
  guint n_rows = 0;

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  lines = g_strsplit (csv, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], "amount"))
      amount_column = i;
  g_assert_cmpint (amount_column, >=, 0);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      /* The demo's rows have no quoted commas before the amount. */
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", amount_column + 3);

      g_assert_cmpuint (g_strv_length (fields), >, (guint) amount_column + 1);
      g_assert_cmpstr (fields[amount_column], ==, "0.25");
      g_assert_cmpstr (fields[amount_column + 1], ==, "mg");
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 3);
  g_assert_null (strstr (csv, ",0,25,"));
}

static gboolean
has_member_value (JsonNode   *node,
                  const char *member,
                  double      value)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (json_object_has_member (object, member))
        {
          JsonNode *found = json_object_get_member (object, member);

          if (JSON_NODE_HOLDS_VALUE (found) && json_node_get_value_type (found) == G_TYPE_DOUBLE &&
              json_node_get_double (found) == value)
            return TRUE;
        }
      for (GList *l = members; l != NULL; l = l->next)
        if (has_member_value (json_object_get_member (object, l->data), member, value))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (has_member_value (json_array_get_element (array, i), member, value))
          return TRUE;
    }
  return FALSE;
}

static void
test_fhir (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = cobalt_fhir_export_to_string (f->repo, f->alex->id, f->clock, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  g_assert_no_error (error);
  /* Valid JSON at all: a decimal comma would break it. */
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);

  /* The dose, the lab value and both ends of its range, as numbers. */
  g_assert_true (has_member_value (root, "value", 0.25));
  g_assert_true (has_member_value (root, "value", 5.4));
  g_assert_true (has_member_value (root, "value", 3.5));
  g_assert_true (has_member_value (root, "value", 20.5));
  g_assert_nonnull (strstr (json, ": 0.25"));
  g_assert_nonnull (strstr (json, ": 5.4"));
  g_assert_null (strstr (json, ": 0,25"));
  g_assert_null (strstr (json, ": 5,4"));
}

static void
test_ical (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = cobalt_ical_export_to_string (f->repo, f->alex->id, f->clock, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  /* The machine fields: times in the basic ISO form, whatever the locale. */
  g_assert_true (g_regex_match_simple ("\r\nDTSTART(;TZID=[^:]+)?:[0-9]{8}T[0-9]{6}Z?\r\n", ics, 0, 0));
  g_assert_true (g_regex_match_simple ("\r\nDTSTAMP:[0-9]{8}T[0-9]{6}Z\r\n", ics, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* After g_test_init, which does not set the locale. */
  if (setlocale (LC_ALL, LOCALE) == NULL)
    {
      g_printerr ("The locale %s is not available: run build-aux/dev.sh build (it runs "
                  "locale-gen), or generate it with locale-gen.\n", LOCALE);
      return 1;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/cobalt/i18n/numbers/screen", test_screen);
  ADD ("/cobalt/i18n/numbers/csv", test_csv);
  ADD ("/cobalt/i18n/numbers/fhir", test_fhir);
  ADD ("/cobalt/i18n/numbers/ical", test_ical);
#undef ADD

  return g_test_run ();
}
