/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-repository.h"
#include "repository-test-utils.h"

/* The repository: undoing a dose logged by mistake gives back what logging
 * it took, in one transaction. */

/* Undo of a dose logged by mistake -------------------------------------------------- */

static CobaltChecklistRun *
finished_run (Fixture   *fixture,
              gint64     person_id,
              GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  CobaltChecklistRun *run = cobalt_repository_start_checklist_run (fixture->repo, person_id, now, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cobalt_checklist_run_get_n_steps (run); i++)
    {
      g_assert_true (cobalt_checklist_run_tick (run, i, now, &error));
      g_assert_no_error (error);
      if (i + 1 < cobalt_checklist_run_get_n_steps (run))
        g_assert_true (cobalt_checklist_run_go_next (run, &error));
    }
  g_assert_true (cobalt_checklist_run_finish (run, now, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
  g_assert_no_error (error);
  return run;
}

static guint
bin_fill (Fixture *fixture,
          gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltSharpsBin) bin = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);

  g_assert_no_error (error);
  return bin->fill;
}

static CobaltChecklistRun *
get_run (Fixture *fixture,
         gint64   person_id,
         gint64   run_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(CobaltChecklistRun) run = g_list_model_get_item (runs, i);

      if (cobalt_checklist_run_get_id (run) == run_id)
        return g_steal_pointer (&run);
    }
  g_assert_not_reached ();
}

static void
test_undo_dose (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDate) soon = g_date_new_dmy (31, G_DATE_DECEMBER, 2030);
  g_autoptr(GDate) late = g_date_new_dmy (30, G_DATE_JUNE, 2031);
  CobaltSupplyItem *items[] = {
    add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 1, "SOON", soon),
    add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 5, "LATE", late),
    add_supply (fixture, person_id, COBALT_SUPPLY_DRAWING_NEEDLE, 3, NULL, NULL),
    add_supply (fixture, person_id, COBALT_SUPPLY_INJECTING_NEEDLE, 3, NULL, NULL),
    add_supply (fixture, person_id, COBALT_SUPPLY_SYRINGE, 3, NULL, NULL),
    add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 10, NULL, NULL),
    add_supply (fixture, person_id, COBALT_SUPPLY_PLASTER, 0, NULL, NULL),
  };
  int before[G_N_ELEMENTS (items)];
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 10);
  g_autoptr(GDateTime) may = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) june = london (2024, 6, 1, 9, 0, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) read = NULL;
  g_autoptr(CobaltChecklistRun) open = NULL;
  g_autoptr(CobaltDose) first = new_dose (person_id, may, "deltoid-left");
  g_autoptr(CobaltDose) second = new_dose (person_id, june, "deltoid-right");
  g_autoptr(CobaltDose) gone = NULL;

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    before[i] = supply_count (fixture, items[i]->id);

  /* The first dose, from a finished checklist run, takes SOON (the last
   * of it) and one of each other kind; the second takes from LATE. */
  run = finished_run (fixture, person_id, may);
  first->checklist_run_id = cobalt_checklist_run_get_id (run);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, items[0]->id), ==, 0);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, second, &error));
  g_assert_cmpstr (second->batch, ==, "LATE");
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 2);

  /* Undo the first: exactly what it took comes back (SOON, not LATE),
   * what the second took stays taken, and the empty plasters stay 0. */
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, first->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, items[0]->id), ==, before[0]);
  g_assert_cmpint (supply_count (fixture, items[1]->id), ==, before[1] - 1);
  for (guint i = 2; i < G_N_ELEMENTS (items) - 1; i++)
    g_assert_cmpint (supply_count (fixture, items[i]->id), ==, before[i] - 1);
  g_assert_cmpint (supply_count (fixture, items[6]->id), ==, 0);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 1);
  g_assert_true (changed (fixture, "doses"));
  g_assert_true (changed (fixture, "supplies"));
  g_assert_true (changed (fixture, "checklists"));

  /* Gone from the log; the run is open again, to resume, its ticks kept. */
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);
  gone = cobalt_repository_get_dose (fixture->repo, first->id, &error);
  g_assert_cmpint (gone->checklist_run_id, ==, 0);
  open = cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_cmpint (cobalt_checklist_run_get_id (open), ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpint (cobalt_checklist_run_get_state (open), ==, COBALT_RUN_IN_PROGRESS);
  g_assert_null (cobalt_checklist_run_get_finished_at (open));
  g_assert_cmpint (cobalt_checklist_run_get_dose_id (open), ==, 0);
  g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (open), ==, cobalt_checklist_run_get_n_steps (open));

  /* Twice is refused: the stock must not grow. */
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_false (cobalt_repository_undo_dose (fixture->repo, first->id, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cobalt_repository_undo_dose (fixture->repo, 4242, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (supply_count (fixture, items[0]->id), ==, before[0]);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 1);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* The run finishes again with the next dose. */
  g_assert_true (cobalt_checklist_run_finish (open, june, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, open, &error));
  g_assert_no_error (error);
  read = get_run (fixture, person_id, cobalt_checklist_run_get_id (run));
  g_assert_cmpint (cobalt_checklist_run_get_state (read), ==, COBALT_RUN_COMPLETED);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);
}

static void
test_undo_dose_atomic (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDate) expiry = g_date_new_dmy (30, G_DATE_JUNE, 2030);
  g_autoptr(CobaltSupplyItem) ampoules = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 3, "A1", expiry);
  g_autoptr(CobaltSupplyItem) swabs = add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 5, NULL, NULL);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 10);
  g_autoptr(GDateTime) now = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) read = NULL;
  g_autoptr(CobaltDose) dose = new_dose (person_id, now, "deltoid-left");
  g_autoptr(CobaltDose) stored = NULL;

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  run = finished_run (fixture, person_id, now);
  dose->checklist_run_id = cobalt_checklist_run_get_id (run);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);

  /* The last step (reopening the run) fails: none of the earlier ones
   * stays done. */
  g_assert_true (cobalt_database_exec (fixture->db,
                                       "CREATE TEMP TRIGGER refuse_reopen BEFORE UPDATE ON checklist_runs "
                                       "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END", &error));
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_false (cobalt_repository_undo_dose (fixture->repo, dose->id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (cobalt_database_in_transaction (fixture->db));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);
  stored = cobalt_repository_get_dose (fixture->repo, dose->id, &error);
  g_assert_cmpint (stored->checklist_run_id, ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpint (supply_count (fixture, ampoules->id), ==, 2);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 4);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 1);
  read = get_run (fixture, person_id, cobalt_checklist_run_get_id (run));
  g_assert_cmpint (cobalt_checklist_run_get_state (read), ==, COBALT_RUN_COMPLETED);
  g_assert_cmpint (cobalt_checklist_run_get_dose_id (read), ==, dose->id);

  /* What it used is still remembered: once possible, the undo is whole. */
  g_assert_true (cobalt_database_exec (fixture->db, "DROP TRIGGER refuse_reopen", &error));
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, dose->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, ampoules->id), ==, 3);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 5);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 0);
  g_clear_object (&read);
  read = get_run (fixture, person_id, cobalt_checklist_run_get_id (run));
  g_assert_cmpint (cobalt_checklist_run_get_state (read), ==, COBALT_RUN_IN_PROGRESS);
}

static void
test_undo_dose_after_bin_emptied (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 10);
  g_autoptr(CobaltSharpsBin) emptied = NULL;
  g_autoptr(GDateTime) now = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(CobaltDose) dose = new_dose (person_id, now, "deltoid-left");
  g_autoptr(CobaltDose) no_bin = new_dose (person_id, now, "deltoid-right");
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_MAY, 2024);

  /* A dose logged before any bin was set up never went into one. */
  g_assert_true (cobalt_repository_add_dose (fixture->repo, no_bin, &error));
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 1);
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, no_bin->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 1);

  /* A bin replaced since then holds nothing of the dose: it stays empty. */
  emptied = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  emptied->fill = 0;
  cobalt_set_date (&emptied->replaced_on, today);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, emptied, &error));
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, dose->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bin_fill (fixture, person_id), ==, 0);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("undo-dose", test_undo_dose);
  ADD ("undo-dose-atomic", test_undo_dose_atomic);
  ADD ("undo-dose-after-bin-emptied", test_undo_dose_after_bin_emptied);

#undef ADD

  return g_test_run ();
}
