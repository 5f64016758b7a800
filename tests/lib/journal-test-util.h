/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A person with a prescription in a private in-memory database and a
 * fixed clock (Europe/London), for the journal and supplies tests. */

#include <string.h>
#include <gio/gio.h>
#include "cobalt-clock.h"
#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltPerson     *person;
  CobaltClock      *clock;
  GTimeZone        *tz;
} JournalFixture;

static inline GDateTime *
journal_time (GTimeZone *tz, int year, int month, int day, int hour, int minute)
{
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* A custom prescription of one open-ended phase: every @interval @unit. */
static inline CobaltPrescription *
journal_save_prescription (JournalFixture     *f,
                           CobaltIntervalUnit  unit,
                           guint               interval)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  CobaltPrescription *prescription = cobalt_prescription_new_from_template ("custom");
  static const char *sites[] = { "vastus-lateralis-left", "vastus-lateralis-right", NULL };
  GDate start;

  g_assert_nonnull (prescription);
  g_ptr_array_add (phases, cobalt_phase_new (unit, interval, COBALT_PHASE_END_OPEN, 0, NULL));
  cobalt_prescription_set_phases (prescription, phases);
  prescription->person_id = f->person->id;
  prescription->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  prescription->amount = 1.0;
  prescription->unit = COBALT_DOSE_UNIT_MG;
  /* "Custom" starts blank: the strength is entered like the dose. */
  prescription->strength_amount = 1.0;
  prescription->strength_unit = COBALT_DOSE_UNIT_MG;
  cobalt_prescription_set_enabled_sites (prescription, sites);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 2025);
  cobalt_set_date (&prescription->starts_on, &start);
  g_assert_true (cobalt_repository_save_prescription (f->repository, prescription, &error));
  g_assert_no_error (error);

  return prescription;
}

static inline CobaltDose *
journal_add_dose (JournalFixture     *f,
                  CobaltPrescription *prescription,
                  GDateTime          *at)
{
  g_autoptr(GError) error = NULL;
  CobaltDose *dose = cobalt_dose_new ();

  dose->person_id = f->person->id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, at);
  cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
  dose->amount = 1.0;
  dose->unit = COBALT_DOSE_UNIT_MG;
  dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);

  return dose;
}

static inline void
journal_add_stock (JournalFixture *f,
                   int             count)
{
  for (int kind = 0; kind < COBALT_N_SUPPLY_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (f->person->id,
                                                                 (CobaltSupplyKind) kind, count);

      if (kind == COBALT_SUPPLY_AMPOULE)
        cobalt_set_str (&item->batch, "AB123");
      g_assert_true (cobalt_repository_save_supply_item (f->repository, item, &error));
      g_assert_no_error (error);
    }
}

/* @now: the fixed clock's time (London). */
static inline void
journal_fixture_set_up (JournalFixture *f,
                        GDateTime      *now)
{
  g_autoptr(GError) error = NULL;

  f->tz = g_time_zone_new_identifier ("Europe/London");
  g_assert_nonnull (f->tz);
  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  /* The repository's "now" for the rules of what may be stored. */
  cobalt_repository_set_clock (f->repository, f->clock);

  f->person = cobalt_person_new ("Alex Morgan");
  cobalt_set_str (&f->person->clinic_phone, "01234 567890");
  cobalt_person_set_emergency_number (f->person, "999");
  g_assert_true (cobalt_repository_save_person (f->repository, f->person, &error));
  g_assert_no_error (error);
}

static inline void
journal_fixture_tear_down (JournalFixture *f)
{
  g_clear_object (&f->person);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}
