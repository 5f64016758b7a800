/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-carers-cli.h"
#include "cobalt-core.h"
#include "cobalt-report.h"

/* Static helpers ------------------------------------------------------- */

static int
exit_code_for (const GError *error)
{
  if (g_error_matches (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE) ||
      g_error_matches (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_READ))
    return COBALT_EXIT_FILE;
  if (g_error_matches (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED))
    return COBALT_EXIT_MALFORMED_CSV;
  return COBALT_EXIT_FAILED;
}

static void
print_failure (const char   *what,
               const GError *error)
{
  /* First line of the message only: the rest is printed by the caller
   * where it matters (the rows of a CSV file). */
  g_autofree char *first = g_strdup (error->message);
  char *newline = strchr (first, '\n');

  if (newline != NULL)
    *newline = '\0';
  g_printerr ("cobalt: %s: %s\n", what, first);
}

static CobaltPerson *
choose_person (CobaltRepository *repository,
               const char       *name,
               GError          **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GString) names = NULL;
  guint n;

  if (name != NULL)
    return cobalt_repository_find_person (repository, name, error);

  people = cobalt_repository_list_people (repository, FALSE, error);
  if (people == NULL)
    return NULL;
  n = g_list_model_get_n_items (people);
  if (n == 1)
    return g_list_model_get_item (people, 0);

  if (n == 0)
    {
      g_set_error_literal (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                           _("Nobody is in Cobalt yet."));
      return NULL;
    }

  /* With several people, guessing would export the wrong log. */
  names = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      g_string_append_printf (names, "%s“%s”", i ? ", " : "", person->name);
    }
  g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
               _("Cobalt keeps several people (%s): choose one with --person NAME."), names->str);
  return NULL;
}

/* Public API ------------------------------------------------------------ */

gboolean
cobalt_carers_cli_wanted (const CobaltCarersCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->import_csv != NULL || options->export_csv != NULL ||
         options->export_ics != NULL || options->export_pdf != NULL ||
         options->export_fhir != NULL;
}

int
cobalt_carers_cli_run (CobaltRepository             *repository,
                       CobaltClock                  *clock,
                       const CobaltCarersCliOptions *options)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), COBALT_EXIT_FAILED);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), COBALT_EXIT_FAILED);
  g_return_val_if_fail (options != NULL, COBALT_EXIT_FAILED);

  person = choose_person (repository, options->person_name, &error);
  if (person == NULL)
    {
      if (g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND))
        {
          if (options->person_name != NULL)
            g_printerr (_("cobalt: There is nobody called “%s” in Cobalt. Run “cobalt --status” to see everyone.\n"),
                        options->person_name);
          else
            g_printerr ("cobalt: %s\n", error->message);
          return COBALT_EXIT_UNKNOWN_PERSON;
        }
      print_failure (_("could not read the people"), error);
      return COBALT_EXIT_FAILED;
    }
  id = person->id;

  if (options->import_csv != NULL)
    {
      g_autoptr(GPtrArray) problems = NULL;
      guint n_imported = 0, n_skipped = 0;

      if (!cobalt_csv_import (repository, id, options->import_csv, &n_imported, &n_skipped,
                              &problems, &error))
        {
          print_failure (options->import_csv, error);
          /* Then each bad row, as FILE:LINE: message, like a compiler. */
          for (guint i = 0; problems != NULL && i < problems->len; i++)
            {
              CobaltCsvProblem *problem = g_ptr_array_index (problems, i);

              g_printerr ("%s:%u: %s\n", options->import_csv, problem->line, problem->message);
            }
          return exit_code_for (error);
        }
      {
        g_autofree char *imported = NULL;
        g_autofree char *skipped = NULL;

        imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: a count, the person's name, a file name */
                                                 "Imported %u dose for %s from %s",
                                                 "Imported %u doses for %s from %s", n_imported),
                                    n_imported, person->name, options->import_csv);
        skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: doses in the file that were logged before */
                                                "%u was already in the log",
                                                "%u were already in the log", n_skipped),
                                   n_skipped);
        /* Translators: the two sentences above: "Imported 3 doses for Sam from a.csv (1 was already in the log)." */
        g_print (_("%s (%s).\n"), imported, skipped);
      }
    }

  if (options->export_csv != NULL)
    {
      if (!cobalt_csv_export (repository, id, options->export_csv, &error))
        {
          print_failure (_("CSV export failed"), error);
          return exit_code_for (error);
        }
      g_print (_("Wrote the log of %s to %s.\n"), person->name, options->export_csv);
    }

  if (options->export_ics != NULL)
    {
      if (!cobalt_ical_export (repository, id, clock, options->export_ics, &error))
        {
          print_failure (_("iCalendar export failed"), error);
          return exit_code_for (error);
        }
      g_print (_("Wrote the upcoming doses of %s to %s.\n"), person->name,
               options->export_ics);
    }

  if (options->export_pdf != NULL)
    {
      g_autoptr(CobaltReport) report = cobalt_report_new (repository, id, clock, &error);

      if (report == NULL || !cobalt_report_write_pdf (report, options->export_pdf, &error))
        {
          print_failure (_("PDF report failed"), error);
          return exit_code_for (error);
        }
      g_print (_("Wrote the report of %s to %s.\n"), person->name, options->export_pdf);
    }

  if (options->export_fhir != NULL)
    {
      if (!cobalt_fhir_export (repository, id, clock, options->export_fhir, &error))
        {
          print_failure (_("FHIR export failed"), error);
          return exit_code_for (error);
        }
      g_print (_("Wrote the record of %s to %s as a FHIR bundle.\n"), person->name, options->export_fhir);
    }

  return COBALT_EXIT_OK;
}
