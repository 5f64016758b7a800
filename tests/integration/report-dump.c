/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the PDF report of a demo person, for check-pdf.py:
 * report-dump OUT.pdf [N_EXTRA_DOSES [PERSON]]
 * PERSON is a demo person's name (Alex Morgan unless given). */

#include "config.h"

#include <stdlib.h>

#include "cobalt-demo.h"
#include "cobalt-report.h"
#include "cobalt-repository-private.h"
#include "carers-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint extra = argc > 2 ? atoi (argv[2]) : 0;
  const char *name = argc > 3 ? argv[3] : COBALT_DEMO_PERSON_SELF;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUT.pdf [N_EXTRA_DOSES [PERSON]]\n", argv[0]);
      return EXIT_FAILURE;
    }

  database = cobalt_database_new_in_memory (&error);
  if (database == NULL)
    goto fail;
  repository = cobalt_repository_new (database);
  if (!cobalt_demo_populate (repository, clock, &error))
    goto fail;
  person = cobalt_repository_find_person (repository, name, &error);
  if (person == NULL)
    goto fail;
  if (extra > 0 && !carers_fill_doses (database, person->id, extra, &error))
    goto fail;
  report = cobalt_report_new (repository, person->id, clock, &error);
  if (report == NULL || !cobalt_report_write_pdf (report, argv[1], &error))
    goto fail;
  g_print ("%u\n", cobalt_report_get_n_pages (report));
  return EXIT_SUCCESS;

fail:
  g_printerr ("%s\n", error->message);
  return EXIT_FAILURE;
}
