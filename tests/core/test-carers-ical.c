/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-demo.h"
#include "cobalt-ical.h"
#include "cobalt-export.h"
#include "cobalt-repository-private.h"
#include "cobalt-schedule.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *zone = data ? data : "Europe/London";
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  /* Ten days before the clocks go forward in Europe. */
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 3, 21, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  g_assert_true (cobalt_demo_populate (f->repository, f->clock, &error));
  g_assert_no_error (error);
  f->person = cobalt_repository_find_person (f->repository, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->person);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

/* Undoes the folding: CRLF followed by one space joins lines. */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_lines_ok (const char *ics)
{
  g_auto(GStrv) lines = NULL;

  /* Every line ends with CRLF: no bare LF anywhere. */
  for (const char *p = ics; *p; p++)
    if (*p == '\n')
      g_assert_true (p > ics && p[-1] == '\r');
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static GPtrArray *
collect (const char *unfolded,
         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      g_ptr_array_add (out, g_strdup (lines[i] + strlen (prefix)));
  return out;
}

static void
test_escape_and_fold (void)
{
  g_autofree char *escaped = cobalt_ical_escape_text ("a,b;c\\d\ne\r\nf");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *long_line = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (escaped, ==, "a\\,b\\;c\\\\d\\ne\\nf");

  /* Two-byte characters: a fold must never cut one in half. */
  long_line = g_strconcat ("SUMMARY:", "é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é", NULL);
  cobalt_ical_append_line (out, long_line);
  assert_lines_ok (out->str);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_true (lines[1][0] == ' ');
  joined = unfold (out->str);
  expected = g_strconcat (long_line, "\r\n", NULL);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = cobalt_ical_export_to_string (f->repository, f->person->id,
                                                       f->clock, &error);
  g_autofree char *unfolded = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GPtrArray) alarms = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(CobaltDueInfo) due = NULL;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autofree char *first_day = NULL;
  gboolean want_tzid = data == NULL;

  g_assert_no_error (error);
  assert_lines_ok (ics);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  unfolded = unfold (ics);

  uids = collect (unfolded, "UID:");
  starts = collect (unfolded, want_tzid ? "DTSTART;TZID=Europe/London:" : "DTSTART:");
  alarms = collect (unfolded, "BEGIN:VALARM");
  summaries = collect (unfolded, "SUMMARY:");
  g_assert_cmpuint (uids->len, >=, 3);   /* every 3 months for a year */
  g_assert_cmpuint (uids->len, <=, 6);
  g_assert_cmpuint (alarms->len, ==, uids->len);
  g_assert_cmpuint (summaries->len, ==, uids->len);
  g_assert_nonnull (strstr (unfolded, "VERSION:2.0\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTAMP:20240321T120000Z\r\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (summaries, 0), COBALT_DEMO_PERSON_SELF));
  g_assert_nonnull (strstr (g_ptr_array_index (summaries, 0), "hydroxocobalamin"));
  if (want_tzid)
    {
      g_assert_nonnull (strstr (unfolded, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
      /* The change to summer time on 31 March 2024 is in the zone. */
      g_assert_nonnull (strstr (unfolded, "DTSTART:20240331T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100"));
    }
  else
    g_assert_null (strstr (unfolded, "VTIMEZONE"));

  /* The first event is the next due dose, at the reminder time. */
  prescription = cobalt_repository_get_prescription (f->repository, f->person->id, &error);
  doses = cobalt_repository_list_doses (f->repository, f->person->id, &error);
  due = cobalt_schedule_next_due (prescription, doses, now, g_date_time_get_timezone (now));
  first_day = g_date_time_format (due->due_at, want_tzid ? "%Y%m%dT%H%M%S" : "%Y%m%d");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (starts, 0), first_day));
  g_assert_cmpuint (starts->len, ==, uids->len);

  for (guint i = 0; i < uids->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("cobalt-dose-%" G_GINT64_FORMAT "-",
                                                   f->person->id);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (uids, i), expected));
    }
}

/* Exporting again later the same day gives the same UIDs, so a calendar
 * updates the events instead of adding copies. */
static void
test_stable_uids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = f->person->id;
  g_autofree char *first = cobalt_ical_export_to_string (f->repository, id, f->clock, &error);
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) uids1 = NULL;
  g_autoptr(GPtrArray) uids2 = NULL;

  g_assert_no_error (error);
  cobalt_clock_advance (f->clock, 3 * G_TIME_SPAN_HOUR);
  second = cobalt_ical_export_to_string (f->repository, id, f->clock, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);  /* DTSTAMP moved */

  uids1 = collect (first, "UID:");
  uids2 = collect (second, "UID:");
  g_assert_cmpuint (uids1->len, ==, uids2->len);
  for (guint i = 0; i < uids1->len; i++)
    g_assert_cmpstr (g_ptr_array_index (uids1, i), ==, g_ptr_array_index (uids2, i));
}

static void
test_no_prescription (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new ("New person");
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;

  g_assert_true (cobalt_repository_save_person (f->repository, person, &error));
  ics = cobalt_ical_export_to_string (f->repository, person->id, f->clock, &error);
  g_assert_null (ics);
  g_assert_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_NO_PRESCRIPTION);
}

/* RFC 5545 3.3.11: a TEXT value is TEXT-CHARs: HTAB, SPACE, the printable
 * ASCII characters but ';', ',' and '\' (which come escaped as "\;",
 * "\,", "\\"; a line break as "\n" or "\N"), and UTF-8 beyond ASCII.
 * No other control character (CONTROL = %x00-08 / %x0A-1F / %x7F). */
static void
assert_rfc5545_text (const char *name,
                     const char *value)
{
  if (!g_utf8_validate (value, -1, NULL))
    g_error ("%s is not UTF-8: %s", name, value);

  for (const char *p = value; *p; p++)
    {
      guchar c = *p;

      if (c == '\\')
        {
          p++;
          if (*p != '\\' && *p != ';' && *p != ',' && *p != 'n' && *p != 'N')
            g_error ("%s: “\\%c” is no escape of RFC 5545: %s", name, *p, value);
          continue;
        }
      if (c == ';' || c == ',')
        g_error ("%s: unescaped “%c”: %s", name, c, value);
      if ((c < 0x20 && c != '\t') || c == 0x7f)
        g_error ("%s: control character 0x%02x: %s", name, c, value);
    }
}

static void
assert_text_values (const char *ics)
{
  g_autofree char *unfolded = unfold (ics);
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  const char *text_props[] = { "SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "TZNAME", "LOCATION", "COMMENT" };
  guint n_checked = 0;

  assert_lines_ok (ics);
  for (guint i = 0; lines[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (text_props); k++)
      {
        gsize n = strlen (text_props[k]);

        /* NAME:value or NAME;params:value */
        if (strncmp (lines[i], text_props[k], n) == 0 && (lines[i][n] == ':' || lines[i][n] == ';'))
          {
            const char *colon = strchr (lines[i], ':');

            g_assert_nonnull (colon);
            assert_rfc5545_text (text_props[k], colon + 1);
            n_checked++;
          }
      }
  g_assert_cmpuint (n_checked, >, 3);
}

static void
set_raw_text (Fixture    *f,
              const char *sql,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (f->database, sql, &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_statement_bind_text (stmt, 1, value, &error));
  g_assert_true (cobalt_statement_bind_int64 (stmt, 2, f->person->id, &error));
  g_assert_true (cobalt_statement_execute (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_database_get_changes (f->database), ==, 1);
}

/* Issue 15: a name or a note with U+0007 or U+0017 (a hand-edited or
 * damaged file) reached SUMMARY, DESCRIPTION and X-WR-CALNAME. Control
 * characters are left out of every TEXT value; a line break in the text
 * is the "\n" escape, a tab stays. */
static void
test_control_characters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *unfolded = NULL;
  g_autoptr(GPtrArray) names = NULL;

  set_raw_text (f, "UPDATE people SET name = ?1 WHERE id = ?2", "Al\x07" "ex\x17 \x01K\x7f\x1b[31m\tL\xc2\x85");
  set_raw_text (f, "UPDATE people SET clinic_phone = ?1 WHERE id = ?2", "0123\x0b 456\x0c\x08 789");

  ics = cobalt_ical_export_to_string (f->repository, f->person->id, f->clock, &error);
  g_assert_no_error (error);
  assert_text_values (ics);

  unfolded = unfold (ics);
  names = collect (unfolded, "X-WR-CALNAME:");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "B12 injections: Alex K[31m\tL");
  g_assert_nonnull (strstr (unfolded, "SUMMARY:B12 injection for Alex K[31m\tL: "));
  g_assert_nonnull (strstr (unfolded, "0123 456 789"));

  {
    g_autofree char *escaped = cobalt_ical_escape_text ("a\x01" "b\x7f" "c\td\r\ne\rf\x1f");

    g_assert_cmpstr (escaped, ==, "abc\td\\ne\\nf");
  }
}

/* Issue 15: a name ending in a broken UTF-8 sequence made the line
 * folding read past the end of the string (AddressSanitizer: heap
 * over-read). Text from the database is made valid UTF-8 (U+FFFD for each
 * broken sequence) before any export uses it. Run under
 * `build-aux/dev.sh asan` too. */
static void
test_broken_utf8 (Fixture       *f,
                  gconstpointer  data)
{
  const char *names[] = { "Ann\xe2", "Ann\xf0\x9f\x98", "Ann\xe2\x82", "\x80", "Ann\xc3", "Ann\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltPerson) person = NULL;
      g_autofree char *ics = NULL;
      g_autofree char *unfolded = NULL;
      g_autoptr(GPtrArray) calname = NULL;

      g_test_message ("name %u", i);
      set_raw_text (f, "UPDATE people SET name = ?1 WHERE id = ?2", names[i]);

      /* What the repository hands out is valid UTF-8. */
      person = cobalt_repository_get_person (f->repository, f->person->id, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (person->name, -1, NULL));
      g_assert_nonnull (strstr (person->name, "\xef\xbf\xbd"));

      ics = cobalt_ical_export_to_string (f->repository, f->person->id, f->clock, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (ics, -1, NULL));
      assert_text_values (ics);
      unfolded = unfold (ics);
      calname = collect (unfolded, "X-WR-CALNAME:B12 injections: ");
      g_assert_cmpuint (calname->len, ==, 1);
      g_assert_true (g_str_has_suffix (g_ptr_array_index (calname, 0), "\xef\xbf\xbd"));
    }

  /* The folding itself never reads past the end of a broken line. */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autofree char *line = g_strconcat ("X-WR-CALNAME:", "é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é-é", "\xf0\x9f", NULL);

    cobalt_ical_append_line (out, line);
    assert_lines_ok (out->str);
    g_assert_true (g_str_has_suffix (out->str, "\xef\xbf\xbd\r\n"));
    g_assert_cmpuint (strlen (out->str), ==, out->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/ical/escape-and-fold", test_escape_and_fold);
  g_test_add ("/cobalt/ical/events", Fixture, NULL, fixture_setup, test_events, fixture_teardown);
  g_test_add ("/cobalt/ical/events-utc", Fixture, "UTC", fixture_setup, test_events, fixture_teardown);
  g_test_add ("/cobalt/ical/stable-uids", Fixture, NULL, fixture_setup, test_stable_uids, fixture_teardown);
  g_test_add ("/cobalt/ical/no-prescription", Fixture, NULL, fixture_setup, test_no_prescription, fixture_teardown);
  g_test_add ("/cobalt/ical/control-characters", Fixture, NULL, fixture_setup, test_control_characters, fixture_teardown);
  g_test_add ("/cobalt/ical/broken-utf8", Fixture, NULL, fixture_setup, test_broken_utf8, fixture_teardown);

  return g_test_run ();
}
