/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the demo person's iCalendar twice, three hours apart, for
 * check-ics.py: ical-dump FIRST.ics SECOND.ics */

#include "config.h"

#include <stdlib.h>

#include "cobalt-demo.h"
#include "cobalt-ical.h"
#include "cobalt-repository-private.h"

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
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s FIRST.ics SECOND.ics\n", argv[0]);
      return EXIT_FAILURE;
    }

  database = cobalt_database_new_in_memory (&error);
  if (database != NULL)
    {
      repository = cobalt_repository_new (database);
      if (cobalt_demo_populate (repository, clock, &error))
        person = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_CARED, &error);
    }
  if (person == NULL ||
      !cobalt_ical_export (repository, person->id, clock, argv[1], &error))
    goto fail;
  cobalt_clock_advance (clock, 3 * G_TIME_SPAN_HOUR);
  if (!cobalt_ical_export (repository, person->id, clock, argv[2], &error))
    goto fail;
  return EXIT_SUCCESS;

fail:
  g_printerr ("%s\n", error->message);
  return EXIT_FAILURE;
}
