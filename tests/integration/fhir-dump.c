/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes FHIR bundles for check-fhir-schema.js: fhir-dump DIR writes
 * DIR/alex.json and DIR/sam.json from the demo data (Sam with a date of
 * birth and two doses not given on the clinic's advice, so every kind of
 * resource the export makes is there) and DIR/empty.json for a person
 * with nothing logged. The clock is fixed: the same bundles every run. */

#include "config.h"

#include <stdlib.h>

#include "cobalt-core.h"

static gboolean
add_not_given (CobaltRepository *repository,
               CobaltPerson     *person,
               GDateTime        *decided,
               CobaltDoseKind    kind,
               const GDate      *moved_to,
               GError          **error)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (repository, person->id, error);

  if (prescription == NULL)
    return FALSE;
  dose->person_id = person->id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, decided);
  dose->kind = kind;
  dose->amount = prescription->amount;
  dose->unit = prescription->unit;
  dose->product = prescription->product;
  cobalt_set_str (&dose->advised_by, "Dr Rao");
  cobalt_set_date (&dose->moved_to, moved_to);
  return cobalt_repository_add_dose (repository, dose, error);
}

static gboolean
dump (const char *dir,
      GError    **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 8, 30, 0);
  g_autoptr(GDateTime) skipped_at = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) moved_at = g_date_time_add_hours (now, -1);
  g_autoptr(GDate) moved_to = g_date_new_dmy (24, G_DATE_OCTOBER, 2024);
  g_autoptr(GDate) born = g_date_new_dmy (2, G_DATE_MARCH, 1948);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) alex = NULL;
  g_autoptr(CobaltPerson) sam = NULL;
  g_autoptr(CobaltPerson) empty = cobalt_person_new ("Robin Empty");
  g_autofree char *alex_path = g_build_filename (dir, "alex.json", NULL);
  g_autofree char *sam_path = g_build_filename (dir, "sam.json", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.json", NULL);

  if (!(repository = cobalt_repository_new_in_memory (error)))
    return FALSE;
  cobalt_repository_set_clock (repository, clock);
  if (!cobalt_demo_populate (repository, clock, error) ||
      !(alex = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_SELF, error)) ||
      !(sam = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_CARED, error)))
    return FALSE;

  cobalt_set_date (&sam->date_of_birth, born);
  if (!cobalt_repository_save_person (repository, sam, error) ||
      !add_not_given (repository, sam, skipped_at, COBALT_DOSE_KIND_SKIPPED, NULL, error) ||
      !add_not_given (repository, sam, moved_at, COBALT_DOSE_KIND_MOVED, moved_to, error) ||
      !cobalt_repository_save_person (repository, empty, error))
    return FALSE;

  return cobalt_fhir_export (repository, alex->id, clock, alex_path, error) &&
         cobalt_fhir_export (repository, sam->id, clock, sam_path, error) &&
         cobalt_fhir_export (repository, empty->id, clock, empty_path, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (!dump (argv[1], &error))
    {
      g_printerr ("fhir-dump: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
