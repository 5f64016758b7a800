/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cobalt-csv.h"
#include "carers-test-util.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  gint64            alice;
  gint64            bob;
  char             *tmpdir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  {
    /* "Now" for the rules of what may be logged (not the real clock). */
    g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 16, 12, 0, 0);

    f->clock = cobalt_clock_new_fixed (now);
    cobalt_repository_set_clock (f->repository, f->clock);
  }
  f->alice = carers_add_person (f->repository, "Zoë Ñúñez-O'Brien");
  f->bob = carers_add_person (f->repository, "Bob");
  f->tmpdir = g_dir_make_tmp ("cobalt-csv-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  g_clear_object (&f->clock);
}

static CobaltDose *
make_dose (gint64      person_id,
           const char *iso,
           const char *zone,
           const char *site,
           const char *batch,
           const char *notes,
           const char *given_by_name)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, tz);
  CobaltDose *dose = cobalt_dose_new ();
  GDate expiry;

  g_assert_nonnull (at);
  /* In date on the day it was given: the repository refuses a new dose
   * from an expired batch. */
  g_date_clear (&expiry, 1);
  g_date_set_dmy (&expiry, 31, 12, MAX (2026, g_date_time_get_year (at)));
  dose->person_id = person_id;
  cobalt_dose_set_given_at (dose, at);
  cobalt_set_str (&dose->site_id, site);
  dose->amount = 1;
  dose->unit = COBALT_DOSE_UNIT_MG;
  dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  cobalt_set_str (&dose->batch, batch);
  cobalt_set_date (&dose->expiry, &expiry);
  dose->given_by = given_by_name ? COBALT_GIVEN_BY_CARER : COBALT_GIVEN_BY_SELF;
  cobalt_set_str (&dose->given_by_name, given_by_name);
  cobalt_set_str (&dose->notes, notes);
  return dose;
}

/* Cells a spreadsheet would run as formulas get an apostrophe, and come
 * back exactly as they were. */
static void
test_escape_cells (void)
{
  const struct { const char *value; const char *escaped; } cases[] = {
    { "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tcmd", "'\tcmd" },
    { "\rcmd", "'\rcmd" },
    { "'=already", "''=already" },
    { "''+two", "'''+two" },
    { "'plain", "'plain" },
    { "plain", "plain" },
    { "a=b", "a=b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = cobalt_csv_escape_cell (cases[i].value);
      g_autofree char *back = cobalt_csv_unescape_cell (escaped);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_cmpstr (back, ==, cases[i].value);
    }
}

static void
test_export_format (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CobaltDose) dose = make_dose (f->alice, "2024-03-31T09:05:00", "Europe/London",
                                          "deltoid-left", "=1+1", "said \"ouch\", then\nfine",
                                          NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;

  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);

  csv = cobalt_csv_export_to_string (f->repository, f->alice, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (csv));

  /* No byte-order mark; the header first; CRLF record ends. */
  g_assert_true (g_str_has_prefix (csv, "given_at,timezone,site,site_name,product,amount,unit,"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  /* header, the record (its quoted note holds a bare LF), and "" after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  /* 09:05 British Summer Time that day */
  g_assert_true (g_str_has_prefix (lines[1], "2024-03-31T09:05:00+01:00,Europe/London,deltoid-left,"));
  g_assert_nonnull (strstr (lines[1], ",hydroxocobalamin,1,mg,'=1+1,2026-12-31,self,"));
  g_assert_nonnull (strstr (lines[1], ",\"said \"\"ouch\"\", then\nfine\""));
}

/* The "given at" column in each dose's own zone, with its offset, for
 * zones west and east of UTC, half-hour offsets, both sides of a
 * daylight-saving change, leap days and dates before 1970: always what
 * GLib itself would write. */
static void
test_export_times (Fixture       *f,
                   gconstpointer  data)
{
  const struct { const char *iso; const char *zone; } cases[] = {
    { "1969-12-31T23:59:59", "UTC" },
    { "1950-06-15T12:00:00", "Europe/London" },
    { "2000-02-29T00:00:00", "America/New_York" },
    { "2024-03-31T00:59:59", "Europe/London" },
    { "2024-03-31T02:00:00", "Europe/London" },
    { "2024-10-27T01:30:00", "Europe/London" },
    { "2024-11-03T01:30:00", "America/St_Johns" },
    { "2024-07-01T23:45:00", "Asia/Kolkata" },
    { "2024-12-31T23:59:59", "Pacific/Kiritimati" },
    { "2024-01-01T00:00:00", "Pacific/Pago_Pago" },
    { "2100-03-01T08:00:00", "Australia/Adelaide" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2101, 1, 1, 0, 0, 0);

  /* A clock past 2100, so that the last case is a dose of the past. */
  cobalt_clock_set_now (f->clock, later);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltDose) dose = make_dose (f->alice, cases[i].iso, cases[i].zone,
                                              "deltoid-left", NULL, NULL, NULL);

      g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
      g_assert_no_error (error);
    }

  csv = cobalt_csv_export_to_string (f->repository, f->alice, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (cases[i].zone);
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (cases[i].iso, tz);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *line = g_strdup_printf ("\r\n%s,%s,", when, cases[i].zone);

      if (strstr (csv, line) == NULL)
        g_error ("no row starts with %s,%s in:\n%s", when, cases[i].zone, csv);
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *notes[] = {
    "=cmd|' /C calc'!A0", "+44 20 7946 0000", "-3 days late", "@here", "\tindent",
    "quote \" inside", "comma, inside", "line one\r\nline two", "line\nLF only",
    "Zoë, café, 日本語, emoji 💉", "'=apostrophe first", "",
  };
  g_autoptr(GPtrArray) original = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "log.csv", NULL);
  guint n_imported = 0, n_skipped = 0;
  struct stat st;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *iso = g_strdup_printf ("2024-0%u-1%uT08:3%u:00", 1 + i % 9, i % 10, i % 10);
      g_autoptr(CobaltDose) dose = make_dose (f->alice, iso, i % 2 ? "America/New_York" : "Europe/London",
                                              i % 3 ? "vastus-lateralis-right" : NULL,
                                              i % 2 ? "@batch" : "ÅB-12", notes[i],
                                              i % 2 ? "Zoë's carer, \"Ann\"" : NULL);

      g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
      g_assert_no_error (error);
    }

  g_assert_true (cobalt_csv_export (f->repository, f->alice, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (cobalt_csv_import (f->repository, f->bob, path, &n_imported, &n_skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, G_N_ELEMENTS (notes));
  g_assert_cmpuint (n_skipped, ==, 0);

  original = cobalt_repository_list_doses (f->repository, f->alice, &error);
  g_assert_no_error (error);
  copied = cobalt_repository_list_doses (f->repository, f->bob, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (original->len, ==, copied->len);

  for (guint i = 0; i < original->len; i++)
    {
      CobaltDose *a = g_ptr_array_index (original, i);
      CobaltDose *b = g_ptr_array_index (copied, i);

      g_assert_true (g_date_time_equal (a->given_at, b->given_at));
      g_assert_cmpstr (cobalt_dose_get_timezone (a), ==, cobalt_dose_get_timezone (b));
      g_assert_cmpstr (a->site_id, ==, b->site_id);
      g_assert_cmpstr (a->batch, ==, b->batch);
      g_assert_cmpstr (a->given_by_name, ==, b->given_by_name);
      g_assert_cmpint (a->given_by, ==, b->given_by);
      g_assert_cmpfloat (a->amount, ==, b->amount);
      g_assert_cmpint (g_date_compare (a->expiry, b->expiry), ==, 0);
      /* An empty note may come back as NULL. */
      g_assert_cmpstr (a->notes ? a->notes : "", ==,
                       b->notes ? b->notes : "");
    }

  /* The same file again adds nothing. */
  g_assert_true (cobalt_csv_import (f->repository, f->bob, path, &n_imported, &n_skipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (n_skipped, ==, G_N_ELEMENTS (notes));
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->bob, NULL), ==, G_N_ELEMENTS (notes));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  /* Line numbers count physical lines: the quoted note of line 2 spans
   * two lines, so the next record starts on line 4. */
  const char *csv =
    "given_at,timezone,site,product,amount,unit,notes\r\n"                          /* 1 */
    "2024-01-01T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mg,\"two\r\n" /* 2 */
    "lines\"\r\n"                                                                    /* 3 */
    "yesterday,Europe/London,deltoid-left,hydroxocobalamin,1,mg,\r\n"                /* 4 bad date */
    "2024-01-03T09:00:00+00:00,Europe/London,elbow,hydroxocobalamin,1,mg,\r\n"       /* 5 bad site */
    "2024-01-04T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mg,ok\r\n" /* 6 good */
    "2024-01-05T09:00:00+00:00,Europe/London,deltoid-left,aspirin,-1,mg,\r\n"        /* 7 product, amount */
    "2024-01-06T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1\r\n"     /* 8 short */
    "2024-01-07T09:00:00+00:00,Mars/Olympus,deltoid-left,hydroxocobalamin,1,mg,a\"b\r\n" /* 9 zone, quote */
    "\r\n"                                                                           /* 10 blank */
    "2024-01-08T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mg,\"open\r\n"; /* 11 */
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;
  const guint bad_lines[] = { 4, 5, 7, 8, 9, 11 };

  g_assert_false (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                          &n_imported, NULL, &problems, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_nonnull (problems);

  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *needle = g_strdup_printf ("Line %u:", bad_lines[i]);
      gboolean listed = FALSE;

      g_assert_nonnull (strstr (error->message, needle));
      for (guint j = 0; j < problems->len; j++)
        listed |= ((CobaltCsvProblem *) g_ptr_array_index (problems, j))->line == bad_lines[i];
      g_assert_true (listed);
    }
  g_assert_null (strstr (error->message, "Line 2:"));
  g_assert_null (strstr (error->message, "Line 6:"));
  g_assert_null (strstr (error->message, "Line 10:"));
  /* Problems come in file order. */
  for (guint j = 1; j < problems->len; j++)
    g_assert_cmpuint (((CobaltCsvProblem *) g_ptr_array_index (problems, j - 1))->line, <=,
                      ((CobaltCsvProblem *) g_ptr_array_index (problems, j))->line);

  /* Not even the good rows were imported. */
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->alice, NULL), ==, 0);
}

/* Hydroxocobalamin 1 mg every 12 weeks for @person_id, born on 14 July
 * 1961. */
static void
prescribe_1mg (Fixture *f,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = cobalt_repository_get_person (f->repository, person_id, &error);
  g_autoptr(GDate) born = g_date_new_dmy (14, G_DATE_JULY, 1961);
  g_autoptr(CobaltPrescription) p = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 12, COBALT_PHASE_END_OPEN, 0, NULL);

  g_assert_no_error (error);
  cobalt_set_date (&person->date_of_birth, born);
  g_assert_true (cobalt_repository_save_person (f->repository, person, &error));
  g_assert_no_error (error);

  p->person_id = person_id;
  p->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  p->amount = 1;
  p->unit = COBALT_DOSE_UNIT_MG;
  p->strength_amount = 1;
  p->strength_unit = COBALT_DOSE_UNIT_MG;
  cobalt_prescription_set_enabled_sites (p, (const char *[]) { "deltoid-left", NULL });
  cobalt_prescription_add_phase (p, phase);
  g_assert_true (cobalt_repository_save_prescription (f->repository, p, &error));
  g_assert_no_error (error);
}

/* Rows the file format accepts but a medical log must not: in the future,
 * impossible, or not what the prescription says. Each is reported with its
 * line, the field and the reason, and nothing is imported. */
static void
test_refused_rows (Fixture       *f,
                   gconstpointer  data)
{
  const char *csv =
    "given_at,timezone,site,product,amount,unit,notes\r\n"                                      /* 1 */
    "2026-01-05T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mg,\r\n"           /* 2 good */
    "2030-01-05T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,5000,mg,\r\n"        /* 3 future */
    "2026-01-12T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,5000,mg,\r\n"        /* 4 amount */
    "1899-01-12T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mg,\r\n"           /* 5 before birth */
    "2026-01-19T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1,mL,\r\n"           /* 6 unit */
    "2026-01-26T09:00:00+00:00,Europe/London,deltoid-left,cyanocobalamin,1,mg,\r\n"             /* 7 product */
    "2026-02-02T09:00:00+00:00,Europe/London,deltoid-left,hydroxocobalamin,1000,mcg,same dose\r\n"; /* 8 good */
  const struct { guint line; const char *message; } expected[] = {
    { 3, "The date 2030-01-05 is in the future." },
    { 4, "5000 mg does not match the prescription (1 mg)." },
    { 5, "The date 1899-01-12 is before the date of birth (1961-07-14)." },
    { 6, "The unit mL is a volume, not a dose: enter the dose in mg or mcg, as on the prescription." },
    { 7, "The medicine cyanocobalamin does not match the prescription (hydroxocobalamin)." },
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;

  prescribe_1mg (f, f->alice);
  g_assert_false (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                          &n_imported, NULL, &problems, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_true (g_str_has_prefix (error->message, "Nothing was imported: 5 rows of the file have problems.\n"));

  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CobaltCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = g_strdup_printf ("Line %u: %s", expected[i].line, expected[i].message);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->message, ==, expected[i].message);
      g_assert_nonnull (strstr (error->message, line));
    }
  g_assert_null (strstr (error->message, "Line 2:"));
  g_assert_null (strstr (error->message, "Line 8:"));

  /* Not even the good rows. */
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->alice, NULL), ==, 0);
}

/* The file: "Imported 3 doses" once, with the next dose then due
 * in 1126 days. Now the 2030 row of 5000 mg is refused by its line. */
static void
test_future_overdose_row (Fixture       *f,
                          gconstpointer  data)
{
  const char *csv =
    "given_at,product,amount,unit\r\n"
    "2026-01-01T09:00:00Z,hydroxocobalamin,1,mg\r\n"
    "2026-02-01T09:00:00Z,hydroxocobalamin,1,mg\r\n"
    "2030-01-05T09:00:00Z,hydroxocobalamin,5000,mg\r\n";
  g_autoptr(GError) error = NULL;
  guint n_imported = 99;

  prescribe_1mg (f, f->alice);
  g_assert_false (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                          &n_imported, NULL, NULL, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==,
                   "Nothing was imported: 1 row of the file has a problem.\n"
                   "Line 4: The date 2030-01-05 is in the future.");
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->alice, NULL), ==, 0);
  g_clear_error (&error);

  /* The same rows without it go in, all in one transaction. */
  g_assert_true (cobalt_csv_import_data (f->repository, f->alice, csv, strstr (csv, "2030") - csv,
                                         &n_imported, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->alice, NULL), ==, 2);
}

static void
test_lenient_input (Fixture       *f,
                    gconstpointer  data)
{
  /* A spreadsheet's "CSV UTF-8": byte-order mark, LF line ends, columns in
   * another order, the export-only columns present. */
  const char *csv =
    "\xEF\xBB\xBF" "unit,amount,product,given_at,reactions,notes\n"
    "mcg,1000,cyanocobalamin,2024-02-01T10:00:00+01:00,Headache,'=not a formula\n"
    "mcg,1000,CYANOCOBALAMIN,2024-03-01T10:00:00Z,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  guint n_imported = 0;

  g_assert_true (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                         &n_imported, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 2);

  doses = cobalt_repository_list_doses (f->repository, f->alice, &error);
  g_assert_cmpuint (doses->len, ==, 2);
  g_assert_cmpint (COBALT_DOSE (g_ptr_array_index (doses, 0))->unit, ==, COBALT_DOSE_UNIT_MCG);
  g_assert_cmpstr (COBALT_DOSE (g_ptr_array_index (doses, 0))->notes, ==, "=not a formula");
  g_assert_cmpint (g_date_time_get_hour (COBALT_DOSE (g_ptr_array_index (doses, 0))->given_at), ==, 10);
}

static void
test_unknown_column (Fixture       *f,
                     gconstpointer  data)
{
  const char *csv = "given_at,product,amount,unit,dosage\r\n";
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                          NULL, NULL, NULL, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Line 1:"));
  g_assert_nonnull (strstr (error->message, "dosage"));
}

/* The error's message is one header line and then exactly one line per
 * problem, "Line N: …", with no control character in any of them. */
static void
assert_one_line_per_problem (const GError *error,
                             GPtrArray    *problems)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  g_assert_nonnull (problems);
  g_assert_cmpuint (g_strv_length (lines), ==, problems->len + 1);
  for (guint i = 0; i < problems->len; i++)
    {
      CobaltCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", problem->line);

      g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
      for (const char *p = problem->message; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
            g_error ("control character U+%04X in “%s”", c, problem->message);
        }
    }
}

/* Issue 15: a quoted line break in a cell split its message over two
 * lines of the report. */
static void
test_one_line_per_problem (Fixture       *f,
                           gconstpointer  data)
{
  const char *csv =
    "given_at,timezone,site,product,amount,unit,expiry,given_by,\"no\r\ntes\"\r\n"            /* 1-2 header */
    "\"2024-01-01\r\nT09:00\",\"Europe/\nLondon\",\"elb\rbow\",\"aspi\r\nrin\",\"1\n0\",\"m\ng\","
    "\"2025-\n12-31\",\"some\x0b" "body\xe2\x80\xa8" "else\",x\r\n"                                  /* 3-8 */
    "2024-01-02T09:00:00Z,UTC,deltoid-left,hydroxocobalamin,1,mg,,,\"a\tb\x01\x1b\"\r\n";     /* 9 */
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* The header's own problem. */
  g_assert_false (cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                          NULL, NULL, &problems, &error));
  g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
  assert_one_line_per_problem (error, problems);
  g_assert_nonnull (strstr (error->message, "Line 1: unknown column “no tes”"));
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Each field's problem of a record spread over six lines, on one line. */
  {
    g_autoptr(GString) fixed = g_string_new (csv);

    g_string_replace (fixed, "\"no\r\ntes\"", "notes", 1);
    g_assert_false (cobalt_csv_import_data (f->repository, f->alice, fixed->str, fixed->len,
                                            NULL, NULL, &problems, &error));
    g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
    g_test_message ("%s", error->message);
    assert_one_line_per_problem (error, problems);
    g_assert_cmpuint (problems->len, ==, 8);
    /* Eight problems, one row. */
    g_assert_true (g_str_has_prefix (error->message, "Nothing was imported: 1 row of the file has a problem.\n"));
    g_assert_nonnull (strstr (error->message, "Line 2: “Europe/ London” is not a known time zone name"));
    g_assert_nonnull (strstr (error->message, "Line 2: “elb bow” is not a known injection site"));
  }

  /* A very long cell is cut short in the message, not in the file. */
  {
    g_autofree char *site = g_strnfill (5000, 'x');
    g_autofree char *one = g_strdup_printf ("given_at,site,product,amount,unit\r\n"
                                            "2024-01-02T09:00:00Z,%s,hydroxocobalamin,1,mg\r\n", site);

    g_clear_error (&error);
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_false (cobalt_csv_import_data (f->repository, f->alice, one, strlen (one),
                                            NULL, NULL, &problems, &error));
    assert_one_line_per_problem (error, problems);
    g_assert_cmpuint (strlen (error->message), <, 400);
    g_assert_nonnull (strstr (error->message, "xxx…”"));
  }
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->alice, NULL), ==, 0);
}

/* Issue 15: no file makes the import print a GLib warning or critical
 * (they are fatal in this program: g_log_set_always_fatal in main(), and
 * G_DEBUG=fatal-warnings from meson). Each input is either imported or
 * refused with the problems listed one per line; nothing else. */
static void
test_hostile_files (Fixture       *f,
                    gconstpointer  data)
{
  static const char header[] =
    "given_at,timezone,site,product,amount,unit,batch,expiry,given_by,given_by_name,notes\r\n";
  static const struct { const char *row; gboolean ok; } rows[] = {
    { "0001-01-01T00:00:00+14:00,America/Los_Angeles,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "9999-12-31T23:59:59-12:00,Pacific/Kiritimati,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "0001-01-01T00:00:00Z,Pacific/Kiritimati,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,/etc/passwd,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,/dev/zero,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,/dev/stdin,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,../../../../../../dev/tty,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1e308,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1e-320,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,nan,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,-inf,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,,0000-01-01,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,,+001-01-01,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,, 2025-1-1,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,,2025-02-29,,,", FALSE },
    { "2024-02-30T00:00:00Z,,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T24:00:00Z,,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-001T00:00:00+99:99,,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "-2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,deltoid-left\xc2\xa0,hydroxocobalamin,1,mg,,,,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,,,nobody,,", FALSE },
    { "2024-01-01T00:00:00Z,,,hydroxocobalamin,1,mg,\x7f\x01,,carer,\"a\r\nb\",\"\x1b[2J\"", TRUE },
  };
#define WITH_NULS(text) { text, sizeof (text) - 1 }
  static const struct { const char *data; gssize length; } whole[] = {
    { "", -1 }, { "\"", -1 }, { "\"\"\"", -1 }, { ",,,,\n,,,,", -1 }, { "\xEF\xBB\xBF", -1 },
    { "\xEF\xBB", -1 }, { "given_at,given_at\n", -1 }, { "given_at,product,amount,unit\r\r\r\n\n\n", -1 },
    { "given_at,product,amount,unit\n\"a\"b,c\"\n", -1 },
    { "given_at,product,amount,unit\n2024-01-01T00:00:00Z,hydroxocobalamin,1,mg,extra,\"\n", -1 },
    WITH_NULS ("\xff\xfe" "g\0i\0v\0e\0n\0"),
    WITH_NULS ("given_at,product,amount,unit\n2024-01-01T00:00:00Z\0,x,1,mg\n"),
  };
#undef WITH_NULS
  guint n_imported = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *csv = g_strconcat (header, rows[i].row, "\r\n", NULL);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("row %u: %s", i, rows[i].row);
      ok = cobalt_csv_import_data (f->repository, f->alice, csv, strlen (csv),
                                   &n_imported, NULL, &problems, &error);
      g_assert_cmpint (ok, ==, rows[i].ok);
      if (!ok)
        {
          g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
          assert_one_line_per_problem (error, problems);
          g_assert_cmpuint (problems->len, ==, 1);
          g_assert_cmpuint (((CobaltCsvProblem *) g_ptr_array_index (problems, 0))->line, ==, 2);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = whole[i].length < 0 ? strlen (whole[i].data) : (gsize) whole[i].length;

      g_test_message ("file %u", i);
      if (cobalt_csv_import_data (f->repository, f->alice, whole[i].data, length,
                                  &n_imported, NULL, &problems, &error))
        continue;
      g_assert_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED);
      if (problems != NULL)
        assert_one_line_per_problem (error, problems);
      else
        g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "no-such-dir", "log.csv", NULL);

  g_assert_false (cobalt_csv_export (f->repository, f->alice, path, &error));
  g_assert_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "log.csv"));
}

static void
test_unknown_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = cobalt_csv_export_to_string (f->repository, 4242, NULL, &error);

  g_assert_null (csv);
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A GLib warning or critical from any input is a failure. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add_func ("/cobalt/csv/escape-cells", test_escape_cells);
#define ADD(path, func) g_test_add ("/cobalt/csv/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("export-format", test_export_format);
  ADD ("export-times", test_export_times);
  ADD ("round-trip", test_round_trip);
  ADD ("malformed", test_malformed);
  ADD ("refused-rows", test_refused_rows);
  ADD ("future-overdose-row", test_future_overdose_row);
  ADD ("lenient-input", test_lenient_input);
  ADD ("unknown-column", test_unknown_column);
  ADD ("one-line-per-problem", test_one_line_per_problem);
  ADD ("hostile-files", test_hostile_files);
  ADD ("unwritable", test_unwritable);
  ADD ("unknown-person", test_unknown_person);
#undef ADD

  return g_test_run ();
}
