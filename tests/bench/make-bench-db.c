/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes the benchmark database: two people, each with ten years of weekly
 * doses (about 1,040 in all) ending a few days before now, through the
 * same repository API the application uses. build-aux/bench.sh times
 * `cobalt --status` and the first frame against it.
 *
 *   make-bench-db DATA_DIR      (DATA_DIR must not hold a cobalt.db yet) */

#include <stdlib.h>

#include <glib.h>

#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

#define BENCH_YEARS         10
#define BENCH_WEEKS         (BENCH_YEARS * 52)
#define BENCH_TIME_ZONE     "Europe/London"
#define BENCH_REMINDER_HOUR 9

typedef struct
{
  const char    *name;
  CobaltGivenBy  given_by;
  int            days_since_last_dose;
} BenchPerson;

static const BenchPerson bench_people[] = {
  { "Bench Self",  COBALT_GIVEN_BY_SELF,  3 },
  { "Bench Cared", COBALT_GIVEN_BY_CARER, 6 },
};

static const char * const bench_sites[] = {
  "vastus-lateralis-left",
  "vastus-lateralis-right",
  "deltoid-left",
  "deltoid-right",
  NULL
};

static CobaltPrescription *
make_weekly_prescription (gint64     person_id,
                          GDateTime *first_dose)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) weekly = NULL;
  GDate starts_on;

  g_date_clear (&starts_on, 1);
  g_date_set_dmy (&starts_on,
                  g_date_time_get_day_of_month (first_dose),
                  g_date_time_get_month (first_dose),
                  g_date_time_get_year (first_dose));

  weekly = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, "Weekly");

  prescription->person_id = person_id;
  cobalt_set_str (&prescription->template_id, "custom");
  cobalt_set_date (&prescription->starts_on, &starts_on);
  prescription->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  prescription->strength_amount = 1.0;
  prescription->strength_unit = COBALT_DOSE_UNIT_MG;
  prescription->amount = 1.0;
  prescription->unit = COBALT_DOSE_UNIT_MG;
  prescription->route = COBALT_ROUTE_IM;
  prescription->drawing_needle_gauge = 21;
  prescription->injecting_needle_gauge = 23;
  prescription->needle_length_mm = 25.0;
  prescription->syringe_ml = 2.0;
  prescription->angle_degrees = 90;
  cobalt_prescription_set_use_swab (prescription, TRUE);
  cobalt_prescription_set_enabled_sites (prescription, bench_sites);
  prescription->reminder_minute = BENCH_REMINDER_HOUR * 60;
  prescription->grace_minutes = 12 * 60;
  cobalt_prescription_add_phase (prescription, weekly);

  return g_steal_pointer (&prescription);
}

static gboolean
add_person (CobaltRepository  *repository,
            const BenchPerson *bench,
            GTimeZone         *zone,
            GError           **error)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new (bench->name);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) first = NULL;

  cobalt_set_str (&person->clinic_name, "Bench Surgery");
  cobalt_set_str (&person->clinic_phone, "01632 960000");
  if (!cobalt_repository_save_person (repository, person, error))
    return FALSE;

  today = g_date_time_new (zone,
                           g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now),
                           BENCH_REMINDER_HOUR, 0, 0);
  last = g_date_time_add_days (today, -bench->days_since_last_dose);
  first = g_date_time_add_weeks (last, -(BENCH_WEEKS - 1));

  prescription = make_weekly_prescription (person->id, first);
  if (!cobalt_repository_save_prescription (repository, prescription, error))
    return FALSE;

  for (guint week = 0; week < BENCH_WEEKS; week++)
    {
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();
      /* Calendar weeks keep 09:00 local across daylight-saving changes;
       * a few minutes of jitter makes the log look like a real one. */
      g_autoptr(GDateTime) on_time = g_date_time_add_weeks (first, week);
      g_autoptr(GDateTime) given_at = g_date_time_add_minutes (on_time, (week * 7) % 23);
      g_autofree char *batch = g_strdup_printf ("BENCH%04d", g_date_time_get_year (given_at));
      GDate expiry;

      g_date_clear (&expiry, 1);
      g_date_set_dmy (&expiry, 1, G_DATE_DECEMBER, g_date_time_get_year (given_at) + 1);

      dose->person_id = person->id;
      dose->prescription_id = prescription->id;
      cobalt_dose_set_given_at (dose, given_at);
      cobalt_set_str (&dose->site_id, bench_sites[week % (G_N_ELEMENTS (bench_sites) - 1)]);
      dose->amount = 1.0;
      dose->unit = COBALT_DOSE_UNIT_MG;
      dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
      cobalt_set_str (&dose->batch, batch);
      cobalt_set_date (&dose->expiry, &expiry);
      dose->given_by = bench->given_by;

      if (!cobalt_repository_add_dose (repository, dose, error))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *db_path = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATA_DIR\n", argv[0]);
      return EXIT_FAILURE;
    }

  db_path = g_build_filename (argv[1], COBALT_DATABASE_FILENAME, NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s already exists; the benchmark database is made in an empty folder.\n",
                  db_path);
      return EXIT_FAILURE;
    }

  zone = g_time_zone_new_identifier (BENCH_TIME_ZONE);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  database = cobalt_database_open (argv[1], &error);
  if (database == NULL)
    {
      g_printerr ("Cannot create %s: %s\n", db_path, error->message);
      return EXIT_FAILURE;
    }
  repository = cobalt_repository_new (database);

  for (guint i = 0; i < G_N_ELEMENTS (bench_people); i++)
    {
      if (!add_person (repository, &bench_people[i], zone, &error))
        {
          g_printerr ("Cannot write the benchmark data: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}
