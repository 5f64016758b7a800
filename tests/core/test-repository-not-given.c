/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cobalt-repository.h"
#include "cobalt-csv.h"
#include "cobalt-dose-rules.h"
#include "cobalt-log-query.h"
#include "repository-test-utils.h"

/* The repository: doses not given on the clinic's advice (CLINICAL.md
 * "Missed dose") are recorded with who advised it, kept apart from doses
 * given, and change nothing in the cupboard. */

static CobaltDose *
not_given (gint64          person_id,
           GDateTime      *decided,
           CobaltDoseKind  kind,
           const char     *advised_by,
           const GDate    *moved_to)
{
  CobaltDose *dose = new_dose (person_id, decided, NULL);

  dose->kind = kind;
  cobalt_set_str (&dose->advised_by, advised_by);
  cobalt_set_date (&dose->moved_to, moved_to);
  return dose;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) given_at = london (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) decided = london (2026, 5, 28, 14, 0, 0);
  g_autoptr(GDate) moved_to = g_date_new_dmy (4, G_DATE_JUNE, 2026);
  g_autoptr(CobaltDose) given = new_dose (person_id, given_at, "deltoid-left");
  g_autoptr(CobaltDose) moved = not_given (person_id, decided, COBALT_DOSE_KIND_MOVED, "Nurse Okafor", moved_to);
  g_autoptr(CobaltDose) loaded = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) schedule = NULL;

  g_assert_true (cobalt_repository_add_dose (fixture->repo, given, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, moved, &error));
  g_assert_no_error (error);
  /* A write through the one door: views follow it. */
  g_assert_true (changed (fixture, "doses"));
  g_assert_false (changed (fixture, "supplies"));

  loaded = cobalt_repository_get_dose (fixture->repo, moved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->kind, ==, COBALT_DOSE_KIND_MOVED);
  g_assert_false (cobalt_dose_is_given (loaded));
  g_assert_cmpstr (loaded->advised_by, ==, "Nurse Okafor");
  g_assert_nonnull (loaded->moved_to);
  g_assert_cmpint (g_date_compare (loaded->moved_to, moved_to), ==, 0);

  /* Doses given leave it out; the schedule's list has both. */
  doses = cobalt_repository_list_doses (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doses->len, ==, 1);
  g_assert_cmpint (COBALT_DOSE (g_ptr_array_index (doses, 0))->id, ==, given->id);
  schedule = cobalt_repository_list_schedule_doses (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (schedule->len, ==, 2);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);

  /* Editing keeps what it is. */
  loaded->kind = COBALT_DOSE_KIND_SKIPPED;
  cobalt_set_date (&loaded->moved_to, NULL);
  cobalt_set_str (&loaded->advised_by, "Dr Rao");
  g_assert_true (cobalt_repository_update_dose (fixture->repo, loaded, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CobaltDose) again = cobalt_repository_get_dose (fixture->repo, moved->id, &error);

    g_assert_cmpint (again->kind, ==, COBALT_DOSE_KIND_SKIPPED);
    g_assert_cmpstr (again->advised_by, ==, "Dr Rao");
    g_assert_null (again->moved_to);
  }
}

static void
test_uses_no_supplies (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) decided = london (2026, 5, 28, 14, 0, 0);
  g_autoptr(CobaltSupplyItem) ampoule = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 4, "B1", NULL);
  g_autoptr(CobaltSupplyItem) swabs = add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 10, NULL, NULL);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 10);
  g_autoptr(CobaltSharpsBin) bin_after = NULL;
  g_autoptr(CobaltDose) skipped = not_given (person_id, decided, COBALT_DOSE_KIND_SKIPPED, "Dr Rao", NULL);

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);

  g_assert_true (cobalt_repository_add_dose (fixture->repo, skipped, &error));
  g_assert_no_error (error);

  g_assert_cmpint (supply_count (fixture, ampoule->id), ==, 4);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 10);
  bin_after = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bin_after->fill, ==, 0);
  /* No batch was filled in from the cupboard either. */
  g_assert_null (skipped->batch);
}

static void
test_refused_without_details (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) decided = london (2026, 5, 28, 14, 0, 0);
  g_autoptr(GDate) before = g_date_new_dmy (27, G_DATE_MAY, 2026);
  struct {
    CobaltDoseKind  kind;
    const char     *advised_by;
    const GDate    *moved_to;
    CobaltDoseError code;
  } cases[] = {
    { COBALT_DOSE_KIND_SKIPPED, NULL, NULL, COBALT_DOSE_ERROR_ADVISED_BY },
    { COBALT_DOSE_KIND_SKIPPED, "  ", NULL, COBALT_DOSE_ERROR_ADVISED_BY },
    { COBALT_DOSE_KIND_MOVED, "Dr Rao", NULL, COBALT_DOSE_ERROR_MOVED_TO },
    { COBALT_DOSE_KIND_MOVED, "Dr Rao", before, COBALT_DOSE_ERROR_MOVED_TO },
  };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) list_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CobaltDose) dose = not_given (person_id, decided, cases[i].kind, cases[i].advised_by,
                                              cases[i].moved_to);

      g_test_message ("case %u", i);
      g_assert_false (cobalt_repository_add_dose (fixture->repo, dose, &error));
      /* One sentence naming the field (cobalt-dose-rules.h). */
      g_assert_error (error, COBALT_DOSE_ERROR, (int) cases[i].code);
    }

  all = cobalt_repository_list_schedule_doses (fixture->repo, person_id, &list_error);
  g_assert_no_error (list_error);
  g_assert_cmpuint (all->len, ==, 0);
}

/* The Log shows them (with what they are); the CSV of injections does
 * not, so importing it back never turns one into a dose given. */
static void
test_log_and_export (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) given_at = london (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) decided = london (2026, 5, 28, 14, 0, 0);
  g_autoptr(CobaltDose) given = new_dose (person_id, given_at, "deltoid-left");
  g_autoptr(CobaltDose) skipped = not_given (person_id, decided, COBALT_DOSE_KIND_SKIPPED, "Dr Rao", NULL);
  g_autoptr(CobaltLogFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *csv = NULL;
  gint64 keys[1];

  g_assert_true (cobalt_repository_add_dose (fixture->repo, given, &error));
  g_assert_true (cobalt_repository_add_dose (fixture->repo, skipped, &error));
  g_assert_no_error (error);

  fetcher = cobalt_log_fetcher_new (fixture->repo);
  keys[0] = skipped->id;
  entries = cobalt_log_fetcher_fetch (fetcher, keys, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    CobaltDose *shown = COBALT_LOG_ENTRY (g_ptr_array_index (entries, 0))->dose;

    g_assert_cmpint (shown->kind, ==, COBALT_DOSE_KIND_SKIPPED);
    g_assert_cmpstr (shown->advised_by, ==, "Dr Rao");
  }

  csv = cobalt_csv_export_to_string (fixture->repo, person_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "2026-03-02"));
  g_assert_null (strstr (csv, "2026-05-28"));
}

/* A dose given early on the clinic's say-so keeps why, as flags. */
static void
test_exceptions_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  g_autoptr(GDateTime) given_at = london (2026, 3, 2, 9, 0, 0);
  g_autoptr(CobaltDose) dose = new_dose (ann->id, given_at, "deltoid-left");
  g_autoptr(CobaltDose) loaded = NULL;

  dose->exceptions = COBALT_DOSE_EXCEPTION_EARLY | COBALT_DOSE_EXCEPTION_EXTRA;
  cobalt_set_str (&dose->exception_note, "Nurse Okafor said to");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);

  loaded = cobalt_repository_get_dose (fixture->repo, dose->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->exceptions, ==, COBALT_DOSE_EXCEPTION_EARLY | COBALT_DOSE_EXCEPTION_EXTRA);
  g_assert_cmpstr (loaded->exception_note, ==, "Nurse Okafor said to");
  /* The person's own note stays theirs. */
  g_assert_null (loaded->notes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cobalt/repository/not-given/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/cobalt/repository/not-given/uses-no-supplies", Fixture, NULL,
              fixture_set_up, test_uses_no_supplies, fixture_tear_down);
  g_test_add ("/cobalt/repository/not-given/refused-without-details", Fixture, NULL,
              fixture_set_up, test_refused_without_details, fixture_tear_down);
  g_test_add ("/cobalt/repository/not-given/log-and-export", Fixture, NULL,
              fixture_set_up, test_log_and_export, fixture_tear_down);
  g_test_add ("/cobalt/repository/exceptions-round-trip", Fixture, NULL,
              fixture_set_up, test_exceptions_round_trip, fixture_tear_down);

  return g_test_run ();
}
