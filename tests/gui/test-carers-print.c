/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The report for the clinic and the Log's ways out, read back as a
 * reader and a clinic's system would:
 *
 * - the report of each demo person on A4 and on Letter, through poppler's
 *   pdftotext: every cell of every row of the log (notes, batches, who
 *   gave it, reactions, stopped checklists, doses not given) present and
 *   whole, no "…", every word inside the page and no two words on top of
 *   each other (pdftotext -bbox), the table starting on page 1, and the
 *   summary's numbers as worked out here from the repository;
 * - a note longer than a page, carried over the pages word by word;
 * - a person with nothing logged, whose report says so;
 * - the GtkPrintOperation the Print button runs, exported to PDF;
 * - the Log's Print… action through the print dialog's "Print to File",
 *   the file written after the action's caller let go of the report, and
 *   a failure shown in an error dialog;
 * - Export → FHIR and Export → Report as PDF through the file chooser the
 *   menu opens, and an error shown when the file cannot be written. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cobalt-carers-util.h"
#include "cobalt-context.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-util.h"
#include "cobalt-log-page.h"
#include "cobalt-report.h"
#include "carers-test-util.h"
#include "window-test-util.h"

#define A4_WIDTH      595.28
#define A4_HEIGHT     841.89
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

static const struct { const char *name; double width, height; } papers[] = {
  { "A4", A4_WIDTH, A4_HEIGHT },
  { "Letter", LETTER_WIDTH, LETTER_HEIGHT },
};

/* Poppler ---------------------------------------------------------------- */

/* The standard output of a poppler tool, which must succeed. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdfinfo_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);

  g_assert_not_reached ();
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };

  return run_tool (argv);
}

/* The whole text in the order it was drawn: a wrapped cell's lines come
 * one after the other. */
static char *
raw_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

  return run_tool (argv);
}

/* @text without any white space, so that a text wrapped over lines is
 * found whole wherever its lines broke. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_has (const char *squeezed,
            const char *text)
{
  g_autofree char *needle = NULL;

  if (text == NULL || *text == '\0')
    return;
  needle = squeeze (text);
  if (strstr (squeezed, needle) == NULL)
    g_error ("The report does not show “%s” whole", text);
}

typedef struct
{
  double v[4];  /* xMin, yMin, xMax, yMax */
} Box;

/* Every word poppler finds lies inside the page's margins and above its
 * bottom, and no two words on one page overlap: nothing is cut off or
 * drawn over another cell. */
static void
assert_words_inside (const char *path,
                     double      width,
                     double      height)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char *xml = run_tool (argv);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                                           "yMax=\"([0-9.]+)\">([^<]*)</word>", 0, 0, NULL);
  g_auto(GStrv) pages = g_strsplit (xml, "</page>", -1);
  guint n_words = 0;

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) page_match = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));

      if (!g_regex_match (page_re, pages[p], 0, &page_match))
        continue;
      {
        g_autofree char *w = g_match_info_fetch (page_match, 1);
        g_autofree char *h = g_match_info_fetch (page_match, 2);

        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (w, NULL), width, 1);
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (h, NULL), height, 1);
      }
      for (g_regex_match (word_re, pages[p], 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          Box box;
          g_autofree char *word = g_match_info_fetch (match, 5);

          for (guint k = 0; k < 4; k++)
            {
              g_autofree char *value = g_match_info_fetch (match, k + 1);

              box.v[k] = g_ascii_strtod (value, NULL);
            }
          if (box.v[0] < 40 || box.v[2] > width - 40 || box.v[1] < 40 || box.v[3] > height - 20)
            g_error ("Page %u: “%s” at %.1f,%.1f–%.1f,%.1f is outside the margins", p + 1, word,
                     box.v[0], box.v[1], box.v[2], box.v[3]);
          for (guint i = 0; i < boxes->len; i++)
            {
              const double *other = g_array_index (boxes, Box, i).v;

              if (box.v[0] < other[2] - 0.5 && other[0] < box.v[2] - 0.5 &&
                  box.v[1] < other[3] - 0.5 && other[1] < box.v[3] - 0.5)
                g_error ("Page %u: “%s” at %.1f,%.1f overlaps another word at %.1f,%.1f", p + 1, word,
                         box.v[0], box.v[1], other[0], other[1]);
            }
          g_array_append_val (boxes, box);
          n_words++;
        }
    }
  g_assert_cmpuint (n_words, >, 50);
}

/* The demo ----------------------------------------------------------------- */

typedef struct
{
  GDateTime        *now;
  CobaltClock      *clock;
  CobaltDatabase   *database;
  CobaltRepository *repository;
  char             *dir;
} Demo;

static void
demo_set_up (Demo          *d,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GError) error = NULL;

  d->now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  d->clock = cobalt_clock_new_fixed (d->now);
  d->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  d->repository = cobalt_repository_new (d->database);
  cobalt_repository_set_clock (d->repository, d->clock);
  g_assert_true (cobalt_demo_populate (d->repository, d->clock, &error));
  g_assert_no_error (error);
  d->dir = g_dir_make_tmp ("cobalt-print-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
demo_tear_down (Demo          *d,
                gconstpointer  data)
{
  cobalt_test_remove_tree (d->dir);
  g_free (d->dir);
  g_clear_object (&d->repository);
  g_clear_object (&d->database);
  g_clear_object (&d->clock);
  g_clear_pointer (&d->now, g_date_time_unref);
}

static CobaltPerson *
demo_person (Demo       *d,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_repository_find_person (d->repository, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return person;
}

/* A decision not to give a dose, the day before "now". */
static void
add_skipped (Demo         *d,
             CobaltPerson *person,
             const char   *advised_by,
             const char   *notes)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (d->repository, person->id, NULL);
  g_autoptr(GDateTime) when = g_date_time_add_days (d->now, -1);
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;

  dose->person_id = person->id;
  cobalt_dose_set_given_at (dose, when);
  dose->kind = COBALT_DOSE_KIND_SKIPPED;
  cobalt_set_str (&dose->advised_by, advised_by);
  cobalt_set_str (&dose->notes, notes);
  dose->prescription_id = prescription->id;
  dose->product = prescription->product;
  dose->unit = prescription->unit;
  dose->amount = prescription->amount;
  g_assert_true (cobalt_repository_add_dose (d->repository, dose, &error));
  g_assert_no_error (error);
}

static void
set_date_of_birth (Demo         *d,
                   CobaltPerson *person,
                   int           year,
                   int           month,
                   int           day)
{
  g_autoptr(GError) error = NULL;
  GDate born;

  g_date_clear (&born, 1);
  g_date_set_dmy (&born, day, month, year);
  cobalt_set_date (&person->date_of_birth, &born);
  g_assert_true (cobalt_repository_save_person (d->repository, person, &error));
  g_assert_no_error (error);
}

static void
local_day (GDateTime *instant,
           GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (instant), g_date_time_get_month (instant),
                  g_date_time_get_year (instant));
}

/* Every cell of every row of the Log, as the repository has it, is in
 * the report whole. */
static void
assert_every_row (Demo         *d,
                  CobaltPerson *person,
                  const char   *squeezed)
{
  g_autoptr(CobaltLogFetcher) fetcher = cobalt_log_fetcher_new (d->repository);
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  CobaltLogQuery query;
  guint n_notes = 0, n_stopped = 0;

  cobalt_log_query_init (&query, person->id);
  keys = cobalt_log_query_keys (d->repository, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, >, 0);

  for (guint first = 0; first < keys->len; first += COBALT_LOG_FETCH_MAX)
    {
      guint n = MIN (COBALT_LOG_FETCH_MAX, keys->len - first);
      g_autoptr(GPtrArray) entries = cobalt_log_fetcher_fetch (fetcher, &g_array_index (keys, gint64, first), n,
                                                               &error);

      g_assert_no_error (error);
      for (guint i = 0; i < entries->len; i++)
        {
          CobaltLogEntry *entry = g_ptr_array_index (entries, i);
          CobaltDose *dose = entry->dose;

          if (dose == NULL)
            {
              assert_has (squeezed, entry->abort_reason);
              n_stopped++;
              continue;
            }
          assert_has (squeezed, dose->notes);
          assert_has (squeezed, dose->batch);
          assert_has (squeezed, dose->given_by_name);
          assert_has (squeezed, dose->advised_by);
          n_notes += dose->notes != NULL;
          if (entry->reactions_text != NULL)
            {
              g_auto(GStrv) reactions = g_strsplit (entry->reactions_text, "; ", -1);

              for (guint r = 0; reactions[r] != NULL; r++)
                assert_has (squeezed, reactions[r]);
            }
        }
    }
  g_test_message ("%s: %u rows, %u with notes, %u stopped checklists", person->name, keys->len, n_notes, n_stopped);
}

/* The summary's numbers, worked out here from the repository: each dose
 * given in the last 12 months against the due day the schedule gave it
 * from the doses before it, the stopped checklists, the reactions by
 * level, the sites, the labs taken soon after an injection, the
 * symptom-return evidence. */
static void
assert_summary (Demo         *d,
                CobaltPerson *person,
                const char   *squeezed)
{
  GTimeZone *tz = g_date_time_get_timezone (d->now);
  g_autoptr(GDateTime) since = g_date_time_add_months (d->now, -12);
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (d->repository, person->id, NULL);
  g_autoptr(GPtrArray) schedule = cobalt_repository_list_schedule_doses (d->repository, person->id, NULL);
  g_autoptr(GPtrArray) given = cobalt_repository_list_doses (d->repository, person->id, NULL);
  g_autoptr(GListModel) runs = cobalt_repository_list_checklist_runs (d->repository, person->id, NULL);
  g_autoptr(GListModel) reactions = cobalt_repository_list_reactions (d->repository, person->id, NULL);
  g_autoptr(GListModel) labs = cobalt_repository_list_lab_results (d->repository, person->id, NULL);
  g_autoptr(GListModel) checkins = cobalt_repository_list_checkins (d->repository, person->id, NULL);
  g_autoptr(GHashTable) sites = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_given = 0, n_on_day = 0, n_late = 0, n_noted_late = 0, n_stopped = 0;
  guint levels[COBALT_TRIAGE_EMERGENCY + 1] = { 0, };
  int most_late = 0;
  g_autofree char *line = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_nonnull (prescription);
  for (guint i = 0; i < schedule->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (schedule, i);
      g_autoptr(GPtrArray) before = g_ptr_array_new ();
      g_autoptr(CobaltDueInfo) due = NULL;
      GDate day;
      int late;

      if (!cobalt_dose_is_given (dose) || g_date_time_compare (dose->given_at, since) < 0)
        continue;
      for (guint j = 0; j < schedule->len; j++)
        if (g_date_time_compare (COBALT_DOSE (g_ptr_array_index (schedule, j))->given_at, dose->given_at) < 0)
          g_ptr_array_add (before, g_ptr_array_index (schedule, j));
      due = cobalt_schedule_next_due (prescription, before, dose->given_at, g_date_time_get_timezone (dose->given_at));
      g_assert_true (g_date_valid (&due->due_date));
      local_day (dose->given_at, &day);
      late = g_date_days_between (&due->due_date, &day);
      /* Just after midnight counts for the day before (the schedule's rule 3). */
      if (late == 1 && g_date_time_get_hour (dose->given_at) < 4)
        late = 0;
      g_assert_cmpint (late, >=, 0);
      n_given++;
      if (late == 0)
        n_on_day++;
      else
        {
          n_late++;
          most_late = MAX (most_late, late);
        }
      /* The demo says so of every dose it gave late. */
      if (g_strcmp0 (dose->notes, "Given late: away from home on the due day.") == 0)
        n_noted_late++;
      if (dose->site_id != NULL)
        g_hash_table_insert (sites, (gpointer) cobalt_carers_site_name (dose->site_id),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sites, cobalt_carers_site_name (dose->site_id))) + 1));
    }
  g_assert_cmpuint (n_late, ==, n_noted_late);
  g_assert_cmpuint (n_given, >, 0);

  line = g_strdup_printf ("%u doses given from", n_given);
  assert_has (squeezed, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("On the due day: %u of %u.", n_on_day, n_given);
  assert_has (squeezed, line);
  g_clear_pointer (&line, g_free);
  if (n_late == 0)
    assert_has (squeezed, "Late: none.");
  else
    {
      line = g_strdup_printf ("Late: %u (", n_late);
      assert_has (squeezed, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf (most_late == 1 ? "at most %d day late." : "at most %d days late.", most_late);
      assert_has (squeezed, line);
      g_clear_pointer (&line, g_free);
    }

  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CobaltChecklistRun) run = g_list_model_get_item (runs, i);

      if (cobalt_checklist_run_get_state (run) == COBALT_RUN_ABORTED &&
          g_date_time_compare (cobalt_checklist_run_get_started_at (run), since) >= 0)
        n_stopped++;
    }
  line = g_strdup_printf ("Checklists stopped before a dose: %u.", n_stopped);
  assert_has (squeezed, line);
  g_clear_pointer (&line, g_free);

  g_hash_table_iter_init (&iter, sites);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      line = g_strdup_printf ("%s: %u", (const char *) key, GPOINTER_TO_UINT (value));
      assert_has (squeezed, line);
      g_clear_pointer (&line, g_free);
    }

  for (guint i = 0; i < g_list_model_get_n_items (reactions); i++)
    {
      g_autoptr(CobaltReaction) reaction = g_list_model_get_item (reactions, i);

      if (g_date_time_compare (reaction->noted_at, since) >= 0)
        levels[reaction->level]++;
      assert_has (squeezed, reaction->note);
    }
  for (int level = COBALT_TRIAGE_MILD; level <= COBALT_TRIAGE_EMERGENCY; level++)
    {
      line = g_strdup_printf ("%s: %u", cobalt_triage_level_to_string (level), levels[level]);
      assert_has (squeezed, line);
      g_clear_pointer (&line, g_free);
    }

  /* A lab result taken within 14 days after a dose given says so. */
  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (labs, i);
      int days = -1;

      for (guint j = 0; j < given->len; j++)
        {
          GDate day;
          int after;

          local_day (COBALT_DOSE (g_ptr_array_index (given, j))->given_at, &day);
          after = g_date_days_between (&day, result->taken_on);
          if (after >= 0 && after <= 14 && (days < 0 || after < days))
            days = after;
        }
      if (days >= 0)
        {
          if (days == 0)
            line = g_strdup_printf ("%s · Taken on the day of an injection", result->lab_name);
          else
            line = g_strdup_printf ("%s · Taken %d day%s after an injection", result->lab_name, days,
                                    days == 1 ? "" : "s");
          assert_has (squeezed, line);
          g_clear_pointer (&line, g_free);
        }
    }

  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      CobaltSymptomReturnEvidence evidence;

      if (cobalt_symptom_return_evidence (checkins, given, m, tz, &evidence, NULL))
        {
          line = cobalt_clinical_symptom_return_summary (cobalt_checkin_measure_to_string (m), evidence.n_returned,
                                                         evidence.n_observed, evidence.median_day);
          assert_has (squeezed, line);
          g_clear_pointer (&line, g_free);
        }
    }
}

static void
test_demo_report (Demo          *d,
                  gconstpointer  data)
{
  const char *names[] = { COBALT_DEMO_PERSON_SELF, COBALT_DEMO_PERSON_CARED };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(CobaltPerson) person = demo_person (d, names[n]);
      g_autoptr(CobaltReport) report = NULL;
      g_autoptr(GError) error = NULL;

      /* A date of birth, a dose not given on the clinic's advice and a
       * long note, as a real log has them. */
      set_date_of_birth (d, person, 1961, 7, 14);
      add_skipped (d, person, "Dr Rao at the surgery",
                   "The clinic said to wait for the blood test results before the next injection; "
                   "they will ring with a new date.");
      report = cobalt_report_new (d->repository, person->id, d->clock, &error);
      g_assert_no_error (error);

      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autofree char *path = g_build_filename (d->dir, "report.pdf", NULL);
          g_autofree char *first = NULL;
          g_autofree char *text = NULL;
          g_autofree char *squeezed = NULL;
          guint table_page = 99;

          g_test_message ("%s on %s", person->name, papers[p].name);
          g_assert_true (cobalt_report_write_pdf_sized (report, path, papers[p].width, papers[p].height, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (pdfinfo_pages (path), ==, cobalt_report_get_n_pages (report));

          /* Page 1: the summary, and the log starting under it. */
          first = page_text (path, 1);
          g_assert_nonnull (strstr (first, "B12 injection report: "));
          g_assert_nonnull (strstr (first, person->name));
          g_assert_nonnull (strstr (first, "Date of birth: 14 July 1961"));
          g_assert_nonnull (strstr (first, "Current phase: "));
          g_assert_true (cobalt_report_get_table_start (report, &table_page, NULL));
          g_assert_cmpuint (table_page, ==, 0);
          g_assert_nonnull (strstr (first, "Date and time"));

          text = raw_text (path);
          g_assert_null (strstr (text, "…"));
          g_assert_null (strstr (text, "..."));
          squeezed = squeeze (text);
          assert_has (squeezed, "Not given — skipped on the advice of Dr Rao at the surgery");
          assert_every_row (d, person, squeezed);
          assert_summary (d, person, squeezed);
          assert_words_inside (path, papers[p].width, papers[p].height);
        }
    }
}

/* A note longer than a page goes on over the next pages, every word in
 * its order, none of it cut off. */
static void
test_long_note (Demo          *d,
                gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = demo_person (d, COBALT_DEMO_PERSON_SELF);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (d->repository, person->id, NULL);
  g_autoptr(CobaltDose) dose = cobalt_dose_copy (g_ptr_array_index (doses, doses->len - 1));
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(CobaltReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (d->dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  const char *at;

  for (guint i = 0; i < 700; i++)
    g_string_append_printf (note, "%sword%03u", i > 0 ? " " : "", i);
  cobalt_set_str (&dose->notes, note->str);
  g_assert_true (cobalt_repository_update_dose (d->repository, dose, &error));
  g_assert_no_error (error);

  report = cobalt_report_new (d->repository, person->id, d->clock, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_report_write_pdf_sized (report, path, A4_WIDTH, A4_HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_report_get_n_pages (report), >=, 3);

  text = raw_text (path);
  at = text;
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%03u", i);

      at = strstr (at, word);
      if (at == NULL)
        g_error ("“%s” of the long note is missing or out of order", word);
    }
  assert_words_inside (path, A4_WIDTH, A4_HEIGHT);
}

/* Someone with nothing logged gets a report that says so. */
static void
test_empty_report (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-print-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *said[] = {
    "Date of birth: not recorded", "No prescription recorded.", "No doses given from",
    "Checklists stopped before a dose: 0.", "Doses not given on the clinic’s advice: none.",
    "No doses given in this period.", "No reactions recorded in this period.", "No lab results recorded.",
    "No wellbeing check-ins recorded.", "No doses logged and no checklists stopped.",
  };
  gint64 id;

  database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  id = carers_add_person (repository, "Nobody Yet");
  report = cobalt_report_new (repository, id, clock, &error);
  g_assert_no_error (error);
  g_assert_false (cobalt_report_get_table_start (report, NULL, NULL));
  g_assert_true (cobalt_report_write_pdf_sized (report, path, LETTER_WIDTH, LETTER_HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdfinfo_pages (path), ==, 1);

  text = raw_text (path);
  squeezed = squeeze (text);
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    assert_has (squeezed, said[i]);

  g_unlink (path);
  g_rmdir (dir);
}

/* The operation the Print button runs, sent to a file instead of a
 * printer, on the paper its page setup gives. */
static void
test_print_operation_export (Demo          *d,
                             gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = demo_person (d, COBALT_DEMO_PERSON_SELF);
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltReport) report = NULL;

  /* Enough doses for a table over several pages. */
  g_assert_true (carers_fill_doses (d->database, person->id, 300, &error));
  g_assert_no_error (error);
  report = cobalt_report_new (d->repository, person->id, d->clock, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(GtkPrintOperation) operation = cobalt_report_create_print_operation (report);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_copy (gtk_print_operation_get_default_page_setup (operation));
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (p == 0 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
      g_autofree char *path = g_build_filename (d->dir, "printed.pdf", NULL);
      g_autofree char *last = NULL;
      g_autofree char *footer = NULL;
      GtkPrintOperationResult result;
      guint n_pages;

      gtk_page_setup_set_paper_size (setup, paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
      gtk_print_operation_set_export_filename (operation, path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

      /* The report laid out on that paper, page for page. */
      n_pages = cobalt_report_get_n_pages (report);
      g_assert_cmpuint (n_pages, >=, 3);
      g_assert_cmpuint (pdfinfo_pages (path), ==, n_pages);
      assert_words_inside (path, papers[p].width, papers[p].height);
      last = page_text (path, n_pages);
      footer = g_strdup_printf ("page %u of %u", n_pages, n_pages);
      g_assert_nonnull (strstr (last, footer));
      g_unlink (path);
    }
}

/* The Log page ------------------------------------------------------------ */

typedef struct
{
  Demo           demo;
  CobaltPerson  *person;
  CobaltContext *context;
  GtkWindow     *window;
  GtkWidget     *page;
} PageFixture;

static void
page_set_up (PageFixture   *f,
             gconstpointer  data)
{
  demo_set_up (&f->demo, data);
  f->person = demo_person (&f->demo, COBALT_DEMO_PERSON_CARED);
  f->context = cobalt_context_new (f->demo.repository, f->demo.clock, f->person);
  f->page = GTK_WIDGET (cobalt_log_page_new (f->context));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  cobalt_test_wait_idle ();
}

static void
page_tear_down (PageFixture   *f,
                gconstpointer  data)
{
  cobalt_test_close_other_windows (f->window);
  gtk_window_destroy (f->window);
  cobalt_test_wait_idle ();
  cobalt_report_set_print_settings (NULL);
  g_clear_object (&f->context);
  g_clear_object (&f->person);
  demo_tear_down (&f->demo, data);
}

/* A print dialog whose printer list has come in and whose chosen printer
 * is "Print to File". */
static gboolean
is_print_dialog_ready (GtkWindow     *window,
                       gconstpointer  data)
{
  g_autoptr(GObject) printer = NULL;
  g_autofree char *name = NULL;

  if (!cobalt_test_window_is_of_type (window, "GtkPrintUnixDialog"))
    return FALSE;
  g_object_get (window, "selected-printer", &printer, NULL);
  if (printer == NULL)
    return FALSE;
  g_object_get (printer, "name", &name, NULL);
  return g_strcmp0 (name, data) == 0;
}

/* Print… as the menu and Ctrl+P run it: the action, then the print
 * dialog answered with the file printer, whose settings come from the
 * session (the last print's, or set beforehand as here). */
static void
print_through_dialog (PageFixture *f,
                      const char  *uri)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  GtkWindow *dialog;

  /* Only the file backend: no CUPS server to wait for. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set_paper_size (settings, letter);
  cobalt_report_set_print_settings (settings);

  g_assert_true (gtk_widget_activate_action (f->page, "log.print", NULL));
  dialog = cobalt_test_wait_for_window (is_print_dialog_ready, "Print to File", 20);
  g_assert_nonnull (dialog);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
pdf_is_complete (const char *path,
                 guint       n_pages)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  return pdfinfo_pages (path) == n_pages;
}

static void
test_print_action_to_file (PageFixture   *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->demo.dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(CobaltReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  guint n_pages;
  gint64 end;

  /* What it should print: the same report on Letter. */
  expected = cobalt_report_new (f->demo.repository, f->person->id, f->demo.clock, &error);
  g_assert_no_error (error);
  n_pages = cobalt_report_paginate (expected, LETTER_WIDTH, LETTER_HEIGHT);

  print_through_dialog (f, uri);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!pdf_is_complete (path, n_pages) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (pdf_is_complete (path, n_pages));
  cobalt_test_wait_idle ();

  text = raw_text (path);
  squeezed = squeeze (text);
  g_assert_null (strstr (text, "…"));
  assert_has (squeezed, "B12 injection report: " COBALT_DEMO_PERSON_CARED);
  assert_has (squeezed, "The liquid looked cloudy, so we stopped and rang the clinic.");
  assert_has (squeezed, "Given late: away from home on the due day.");
  assert_words_inside (path, LETTER_WIDTH, LETTER_HEIGHT);
  /* Nothing went wrong, so nothing says it did; the session keeps the
   * settings for the next print. */
  g_assert_null (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                              "The report could not be printed", 0));
  g_assert_nonnull (cobalt_report_get_print_settings ());
  g_assert_cmpstr (gtk_print_settings_get (cobalt_report_get_print_settings (), GTK_PRINT_SETTINGS_OUTPUT_URI),
                   ==, uri);
}

/* "Print to File" into a folder that does not exist: the person is told. */
static void
test_print_action_failure (PageFixture   *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->demo.dir, "no-such-folder", "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  print_through_dialog (f, uri);
  g_assert_nonnull (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                                 "The report could not be printed", 30));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Export → …: the file chooser the menu opens, answered with @path. */
static void
export_through_chooser (PageFixture *f,
                        const char  *action,
                        const char  *path)
{
  g_assert_true (gtk_widget_activate_action (f->page, action, NULL));
  cobalt_test_answer_file_chooser (path);
}

static void
test_export_fhir (PageFixture   *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->demo.dir, "record.json", NULL);
  g_autofree char *unreadable = g_build_filename (f->demo.dir, "unreadable.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  /* The entry is in the Export menu, beside the other exports. */
  g_assert_true (gtk_widget_is_sensitive (f->page));
  export_through_chooser (f, "log.export-fhir", path);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  /* The person's bundle, as the command line writes it. */
  expected = cobalt_fhir_export_to_string (f->demo.repository, f->person->id, f->demo.clock, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_assert_nonnull (strstr (written, "\"Bundle\""));
  g_assert_nonnull (strstr (written, COBALT_DEMO_PERSON_CARED));
  g_assert_null (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                              "The health record could not be exported", 0));

  /* A log that cannot be read: said, and no file left behind. */
  g_assert_true (cobalt_database_exec (f->demo.database, "DROP TABLE lab_results", &error));
  g_assert_no_error (error);
  export_through_chooser (f, "log.export-fhir", unreadable);
  g_assert_nonnull (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                                 "The health record could not be exported", 5));
  g_assert_false (g_file_test (unreadable, G_FILE_TEST_EXISTS));
}

static void
test_export_pdf (PageFixture   *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->demo.dir, "report.pdf", NULL);
  g_autofree char *text = NULL;

  export_through_chooser (f, "log.export-pdf", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  text = page_text (path, 1);
  g_assert_nonnull (strstr (text, "B12 injection report: " COBALT_DEMO_PERSON_CARED));
}

int
main (int   argc,
      char *argv[])
{
  /* Dates and paper as in Britain, whatever the machine's locale. */
  g_setenv ("TZ", "Europe/London", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANG", "en_GB.UTF-8", TRUE);
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/carers/report/demo", Demo, NULL, demo_set_up, test_demo_report, demo_tear_down);
  g_test_add ("/cobalt/carers/report/long-note", Demo, NULL, demo_set_up, test_long_note, demo_tear_down);
  g_test_add_func ("/cobalt/carers/report/empty", test_empty_report);
  g_test_add ("/cobalt/carers/print/export-pdf", Demo, NULL, demo_set_up, test_print_operation_export,
              demo_tear_down);
  g_test_add ("/cobalt/carers/print/action-to-file", PageFixture, NULL, page_set_up, test_print_action_to_file,
              page_tear_down);
  g_test_add ("/cobalt/carers/print/action-failure", PageFixture, NULL, page_set_up, test_print_action_failure,
              page_tear_down);
  g_test_add ("/cobalt/carers/export/fhir", PageFixture, NULL, page_set_up, test_export_fhir, page_tear_down);
  g_test_add ("/cobalt/carers/export/pdf", PageFixture, NULL, page_set_up, test_export_pdf, page_tear_down);

  return g_test_run ();
}
