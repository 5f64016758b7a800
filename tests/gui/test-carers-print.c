/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing the report: the GtkPrintOperation cobalt_report_print() runs
 * (the report's paper, no margins, full page, points; begin-print and
 * draw-page done by the report's paginate and draw_page), exported to a
 * PDF file as a "Print to File" would. The PDF
 * has every page, the report's heading on the first and "page N of N" on
 * the last, read back with poppler's pdfinfo and pdftotext. */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-report.h"
#include "carers-test-util.h"

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

static void
test_print_to_pdf (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-print-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *footer = NULL;
  GtkPrintOperationResult result;
  gsize length = 0;
  guint n_pages;

  g_assert_nonnull (dir);
  database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  g_assert_true (cobalt_demo_populate (repository, clock, &error));
  g_assert_no_error (error);
  person = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
  /* Enough doses for a table over several pages. */
  g_assert_true (carers_fill_doses (database, person->id, 300, &error));
  g_assert_no_error (error);
  report = cobalt_report_new (repository, person->id, clock, &error);
  g_assert_no_error (error);

  /* The operation the Print button runs, sent to a file instead of a
   * printer. */
  operation = cobalt_report_create_print_operation (report);
  gtk_print_operation_set_export_filename (operation, path);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* A PDF, with the summary page and at least two pages of table. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 5 && memcmp (contents, "%PDF-", 5) == 0);
  n_pages = cobalt_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (pdfinfo_pages (path), ==, n_pages);

  /* What the reader sees on paper: the heading, then the footers. */
  first = page_text (path, 1);
  g_assert_nonnull (strstr (first, "B12 injection report: " COBALT_DEMO_PERSON_SELF));
  last = page_text (path, n_pages);
  footer = g_strdup_printf ("page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (last, footer));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/cobalt/carers/print/export-pdf", test_print_to_pdf);

  return g_test_run ();
}
