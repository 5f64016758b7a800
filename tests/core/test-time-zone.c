/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 15, "zone names are names": a zone read from a CSV file or the
 * database is an IANA name known to the zone database (or UTC, or a fixed
 * offset), never a path GLib would open. /etc/passwd used to give a
 * GLib-CRITICAL (fatal here: G_DEBUG=fatal-warnings), a fifo hung the
 * import, and /etc/localtime or full zoneinfo paths were stored. */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "cobalt-csv.h"
#include "cobalt-log-query.h"
#include "cobalt-time-zone.h"
#include "carers-test-util.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  gint64            person;
  char             *tmpdir;
  char             *fifo;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 16, 12, 0, 0);

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  cobalt_repository_set_clock (f->repository, f->clock);
  f->person = carers_add_person (f->repository, "Ann");
  f->tmpdir = g_dir_make_tmp ("cobalt-zone-XXXXXX", &error);
  g_assert_no_error (error);
  f->fifo = g_build_filename (f->tmpdir, "fifo", NULL);
  g_assert_cmpint (mkfifo (f->fifo, 0600), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->fifo);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  g_clear_object (&f->clock);
}

/* The rule ------------------------------------------------------------------ */

static void
test_identifiers (void)
{
  const char *valid[] = {
    "UTC", "Europe/London", "America/Argentina/Buenos_Aires", "America/Port-au-Prince",
    "Etc/GMT+5", "Etc/GMT-14", "EST5EDT", "GMT0",
    "+01:00", "-05:30", "+0530", "+01", "+01:00:00", "-00:00",
  };
  const char *invalid[] = {
    "", "/etc/passwd", "../../..", "../../../etc/passwd", "Europe/../../../../etc/passwd",
    "/proc/self/environ", "/etc/localtime", "/usr/share/zoneinfo/Europe/London",
    "localtime", "posixrules", "Europe", "Europe/", "/Europe/London", "Europe//London",
    "Europe/./London", "./Europe/London", "Europe/Nowhere", "Mars/Olympus",
    "zone.tab", "iso3166.tab", "tzdata.zi", "leapseconds",
    "Europe/London\n", "Europe/London ", "Europe/Lon\xc3\xa9", "Europe\\London", "Europe/London\x07",
    "-Europe/London", "+25:00", "+01:60", "+01:00junk", "+1:00", "utc", "Z",
  };
  g_autofree char *long_name = g_strnfill (300, 'A');

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GTimeZone) tz = NULL;

      g_test_message ("valid: %s", valid[i]);
      g_assert_true (cobalt_time_zone_id_is_valid (valid[i]));
      tz = cobalt_time_zone_new_checked (valid[i]);
      g_assert_nonnull (tz);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (cobalt_time_zone_id_is_valid (invalid[i]));
      g_assert_null (cobalt_time_zone_new_checked (invalid[i]));
    }

  g_assert_false (cobalt_time_zone_id_is_valid (NULL));
  g_assert_false (cobalt_time_zone_id_is_valid (long_name));
}

/* A zone folder of our own ($TZDIR): only a TZif regular file inside it
 * counts. A fifo is never opened (that would block here), a link out of
 * the folder is never followed to its file. */
static void
test_zone_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-tzdir-XXXXXX", &error);
  g_autofree char *area = g_build_filename (dir, "Test", NULL);
  g_autofree char *zone = g_build_filename (area, "Zone", NULL);
  g_autofree char *fifo = g_build_filename (area, "Fifo", NULL);
  g_autofree char *escape = g_build_filename (area, "Escape", NULL);
  g_autofree char *inside = g_build_filename (area, "Inside", NULL);
  g_autofree char *text = g_build_filename (area, "Text", NULL);
  g_autofree char *tiny = g_build_filename (area, "Tiny", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *old_tzdir = g_strdup (g_getenv ("TZDIR"));
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (area, 0700), ==, 0);
  g_assert_true (g_file_get_contents ("/usr/share/zoneinfo/Europe/Paris", &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (zone, contents, length, &error));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/etc/passwd", escape), ==, 0);
  g_assert_cmpint (symlink ("Zone", inside), ==, 0);
  g_assert_true (g_file_set_contents (text, "# not a zone\n", -1, &error));
  g_assert_true (g_file_set_contents (tiny, "TZif2", -1, &error));

  g_setenv ("TZDIR", dir, TRUE);
  g_assert_true (cobalt_time_zone_id_is_valid ("Test/Zone"));
  g_assert_true (cobalt_time_zone_id_is_valid ("Test/Inside"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Fifo"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Escape"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Text"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Tiny"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Missing"));
  /* The answers belong to that folder, not to the system's. */
  g_assert_false (cobalt_time_zone_id_is_valid ("Europe/London"));
  {
    g_autoptr(GTimeZone) tz = cobalt_time_zone_new_checked ("Test/Inside");

    g_assert_nonnull (tz);
    g_assert_cmpint (g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, 1751328000)),
                     ==, 7200);
  }

  if (old_tzdir != NULL)
    g_setenv ("TZDIR", old_tzdir, TRUE);
  else
    g_unsetenv ("TZDIR");
  g_assert_true (cobalt_time_zone_id_is_valid ("Europe/London"));
  g_assert_false (cobalt_time_zone_id_is_valid ("Test/Zone"));

  remove_tree (dir);
}

static void
test_stored (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) summer = g_date_time_new_from_iso8601 ("2025-07-01T10:15:00+02:00", NULL);
  const char *fallback[] = { NULL, "/etc/passwd", "/etc/localtime", "../../..", "Mars/Olympus",
                             "/usr/share/zoneinfo/../../../etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (fallback); i++)
    {
      g_autoptr(GTimeZone) tz = cobalt_time_zone_new_stored (fallback[i]);

      g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, g_time_zone_get_identifier (local));
    }

  {
    g_autoptr(GTimeZone) tz = cobalt_time_zone_new_stored ("/usr/share/zoneinfo/Europe/Paris");
    g_autoptr(GTimeZone) right = cobalt_time_zone_new_stored ("Asia/Tokyo");

    g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Paris");
    g_assert_cmpstr (g_time_zone_get_identifier (right), ==, "Asia/Tokyo");
  }

  /* What is written to the database is always a valid name. */
  {
    g_autofree char *a = cobalt_time_zone_dup_id_for_storage ("Europe/Paris", summer);
    g_autofree char *b = cobalt_time_zone_dup_id_for_storage ("/usr/share/zoneinfo/Europe/Paris", summer);
    g_autofree char *c = cobalt_time_zone_dup_id_for_storage ("/etc/localtime", summer);
    g_autofree char *d = cobalt_time_zone_dup_id_for_storage (NULL, NULL);

    g_assert_cmpstr (a, ==, "Europe/Paris");
    g_assert_cmpstr (b, ==, "Europe/Paris");
    g_assert_cmpstr (c, ==, "+02:00");
    g_assert_cmpstr (d, ==, "UTC");
  }
}

/* CSV import ------------------------------------------------------------------ */

static void
test_csv_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("given_at,timezone,product,amount,unit\r\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *zones[] = {
    "/etc/passwd",                           /* line 2 */
    "../../..",                              /* 3 */
    "/proc/self/environ",                    /* 4 */
    f->fifo,                                 /* 5 */
    "/etc/localtime",                        /* 6 */
    "/usr/share/zoneinfo/Europe/London",     /* 7 */
    "Europe/../../../../etc/passwd",         /* 8 */
    "zone.tab",                              /* 9 */
  };
  guint n_imported = 99;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_string_append_printf (csv, "2025-01-%02uT09:00:00+00:00,%s,hydroxocobalamin,1,mg\r\n", i + 1, zones[i]);
  /* Good rows around them, which are not imported either. */
  g_string_append (csv, "2025-02-01T09:00:00+00:00,Europe/London,hydroxocobalamin,1,mg\r\n"   /* 10 */
                        "2025-02-02T09:00:00+00:00,UTC,hydroxocobalamin,1,mg\r\n"             /* 11 */
                        "2025-02-03T09:00:00+01:00,+01:00,hydroxocobalamin,1,mg\r\n");        /* 12 */

  g_assert_false (cobalt_csv_import_data (f->repository, f->person, csv->str, csv->len,
                                          &n_imported, NULL, &problems, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (zones));
  for (guint i = 0; i < problems->len; i++)
    {
      CobaltCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = g_strdup_printf ("Line %u: ", i + 2);

      g_assert_cmpuint (problem->line, ==, i + 2);
      g_assert_nonnull (strstr (problem->message, "time zone"));
      g_assert_nonnull (strstr (error->message, line));
    }
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->person, NULL), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* The good rows alone go in, each with its zone. */
  {
    const char *good = strstr (csv->str, "2025-02-01");
    g_autoptr(GString) only = g_string_new ("given_at,timezone,product,amount,unit\r\n");
    g_autoptr(GPtrArray) doses = NULL;

    g_string_append (only, good);
    g_assert_true (cobalt_csv_import_data (f->repository, f->person, only->str, only->len,
                                           &n_imported, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_imported, ==, 3);
    doses = cobalt_repository_list_doses (f->repository, f->person, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (doses->len, ==, 3);
    g_assert_cmpstr (cobalt_dose_get_timezone (g_ptr_array_index (doses, 0)), ==, "Europe/London");
    g_assert_cmpstr (cobalt_dose_get_timezone (g_ptr_array_index (doses, 1)), ==, "UTC");
    g_assert_cmpstr (cobalt_dose_get_timezone (g_ptr_array_index (doses, 2)), ==, "+01:00");
  }
}

/* The database ------------------------------------------------------------------ */

static void
set_stored_zone (Fixture    *f,
                 gint64      nth,
                 const char *zone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (f->database,
                                  "UPDATE doses SET tz = ?1 WHERE id = "
                                  "(SELECT id FROM doses ORDER BY given_at_us LIMIT 1 OFFSET ?2)",
                                  &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_statement_bind_text (stmt, 1, zone, &error));
  g_assert_true (cobalt_statement_bind_int64 (stmt, 2, nth, &error));
  g_assert_true (cobalt_statement_execute (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_database_get_changes (f->database), ==, 1);
}

static void
test_database_zones (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CobaltLogFetcher) fetcher = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *csv = NULL;
  const char *local_id = g_time_zone_get_identifier (local);
  CobaltLogQuery query;
  const char *stored[] = {
    "/etc/passwd", "../../../etc/passwd", "/proc/self/environ", f->fifo, "/etc/localtime",
    "/usr/share/zoneinfo/Europe/Paris", "Mars/Olympus", "Asia/Tokyo",
  };
  const char *shown[G_N_ELEMENTS (stored)] = {
    local_id, local_id, local_id, local_id, local_id, "Europe/Paris", local_id, "Asia/Tokyo",
  };

  g_assert_true (carers_fill_doses (f->database, f->person, G_N_ELEMENTS (stored), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    set_stored_zone (f, i, stored[i]);

  /* The repository's doses. */
  doses = cobalt_repository_list_doses (f->repository, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doses->len, ==, G_N_ELEMENTS (stored));
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      gint64 us = g_date_time_to_unix (dose->given_at) * G_USEC_PER_SEC;

      g_assert_cmpstr (cobalt_dose_get_timezone (dose), ==, shown[i]);
      /* When it was given is kept exactly. */
      g_assert_cmpint (us, ==, CARERS_FIRST_DOSE_US + (gint64) i * CARERS_DOSE_STEP_US);
    }

  /* The log's read model. */
  cobalt_log_query_init (&query, f->person);
  query.include_aborted = FALSE;
  keys = cobalt_log_query_keys (f->repository, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, G_N_ELEMENTS (stored));
  fetcher = cobalt_log_fetcher_new (f->repository);
  entries = cobalt_log_fetcher_fetch (fetcher, (const gint64 *) keys->data, keys->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (stored));
  for (guint i = 0; i < entries->len; i++)
    {
      CobaltLogEntry *entry = g_ptr_array_index (entries, i);
      gint64 us = g_date_time_to_unix (entry->when) * G_USEC_PER_SEC;
      guint n = (us - CARERS_FIRST_DOSE_US) / CARERS_DOSE_STEP_US;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (stored));
      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (entry->when)), ==, shown[n]);
    }

  /* The CSV export: each row's time and zone agree, and the file imports
   * back. */
  csv = cobalt_csv_export_to_string (f->repository, f->person, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (csv, "passwd"));
  g_assert_null (strstr (csv, "/proc"));
  g_assert_null (strstr (csv, "Mars"));
  g_assert_null (strstr (csv, f->fifo));
  g_assert_nonnull (strstr (csv, "Europe/Paris"));
  {
    g_autoptr(GPtrArray) parsed = cobalt_csv_parse (csv, strlen (csv), f->person, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (parsed->len, ==, G_N_ELEMENTS (stored));
    for (guint i = 0; i < parsed->len; i++)
      {
        CobaltDose *dose = g_ptr_array_index (parsed, i);

        g_assert_cmpint (g_date_time_to_unix (dose->given_at) * G_USEC_PER_SEC, ==,
                         CARERS_FIRST_DOSE_US + (gint64) i * CARERS_DOSE_STEP_US);
      }
  }
}

/* What Cobalt itself writes is a valid name, whatever zone the dose's
 * time came with. */
static void
test_written_zones (Fixture       *f,
                    gconstpointer  data)
{
  const char *given[] = { "/usr/share/zoneinfo/Europe/Paris", "/etc/localtime", "Asia/Tokyo" };
  const char *expected[] = { "Europe/Paris", NULL, "Asia/Tokyo" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (given[i]);
      g_autoptr(GDateTime) at = NULL;
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();

      g_assert_nonnull (tz);
      at = g_date_time_new (tz, 2025, 6, 1 + i, 9, 30, 0);
      dose->person_id = f->person;
      dose->amount = 1;
      dose->unit = COBALT_DOSE_UNIT_MG;
      dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
      cobalt_dose_set_given_at (dose, at);
      g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
      g_assert_no_error (error);
    }

  stmt = cobalt_database_prepare (f->database, "SELECT tz, given_at_us FROM doses ORDER BY given_at_us", &error);
  g_assert_no_error (error);
  while (cobalt_statement_step (stmt, &error))
    {
      const char *tz = cobalt_statement_get_text (stmt, 0);
      g_autoptr(GTimeZone) zone = cobalt_time_zone_new_checked (tz);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (cobalt_statement_get_int64 (stmt, 1) / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = NULL;

      g_test_message ("stored %s", tz);
      g_assert_true (cobalt_time_zone_id_is_valid (tz));
      if (expected[n] != NULL)
        g_assert_cmpstr (tz, ==, expected[n]);
      /* The local time of day survives. */
      local = g_date_time_to_timezone (utc, zone);
      g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (given));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/time-zone/identifiers", test_identifiers);
  g_test_add_func ("/cobalt/time-zone/zone-folder", test_zone_folder);
  g_test_add_func ("/cobalt/time-zone/stored", test_stored);
#define ADD(path, func) g_test_add ("/cobalt/time-zone/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("csv-rows", test_csv_rows);
  ADD ("database-zones", test_database_zones);
  ADD ("written-zones", test_written_zones);
#undef ADD

  return g_test_run ();
}
