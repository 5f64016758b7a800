/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "cobalt-core.h"
#include "cobalt-repository.h"
#include "repository-test-utils.h"

/* The repository: checklists, journal, supplies, reminder state and
 * settings. */

/* Checklists ------------------------------------------------------------------------- */

static void
test_checklists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListStore) edited = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  g_autoptr(CobaltChecklistStep) custom = cobalt_checklist_step_new (COBALT_STEP_CUSTOM, "Put the cat out", NULL);
  g_autoptr(CobaltChecklistStep) empty = cobalt_checklist_step_new (COBALT_STEP_CUSTOM, "", NULL);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) resumed = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GDateTime) t0 = london (2024, 3, 31, 0, 30, 0);
  g_autoptr(GDateTime) t1 = london (2024, 3, 31, 2, 5, 0);
  guint n_before;

  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);
  {
    g_autoptr(CobaltChecklistStep) first = g_list_model_get_item (steps, 0);
    g_assert_cmpstr (first->kind, ==, COBALT_STEP_CONFIRM_MEDICINE);
    g_assert_cmpuint (first->position, ==, 0);
    g_assert_cmpint (first->person_id, ==, person_id);
  }

  /* Reorder (last first), reword, add a custom step, drop one. */
  {
    g_autoptr(CobaltChecklistStep) last = g_list_model_get_item (steps, 9);
    g_autoptr(CobaltChecklistStep) first = g_list_model_get_item (steps, 0);

    g_list_store_append (edited, last);
    cobalt_set_str (&first->title, "Is it the right medicine?");
    g_list_store_append (edited, first);
    g_list_store_append (edited, custom);
  }
  g_assert_true (cobalt_repository_save_checklist_steps (fixture->repo, person_id, G_LIST_MODEL (edited), &error));
  g_assert_no_error (error);
  g_assert_cmpint (custom->id, >, 0);
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 3);
  {
    g_autoptr(CobaltChecklistStep) s0 = g_list_model_get_item (steps, 0);
    g_autoptr(CobaltChecklistStep) s1 = g_list_model_get_item (steps, 1);
    g_autoptr(CobaltChecklistStep) s2 = g_list_model_get_item (steps, 2);

    g_assert_cmpstr (s0->kind, ==, COBALT_STEP_AFTERCARE);
    g_assert_cmpstr (s1->title, ==, "Is it the right medicine?");
    g_assert_cmpstr (s1->explanation, !=, NULL);
    g_assert_cmpstr (s2->title, ==, "Put the cat out");
    g_assert_null (s2->explanation);
  }

  /* An empty title is refused, the stored definition unchanged. */
  g_list_store_append (edited, empty);
  g_assert_false (cobalt_repository_save_checklist_steps (fixture->repo, person_id, G_LIST_MODEL (edited), &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 3);

  /* A run copies the titles; rewording the definition later leaves it. */
  run = cobalt_repository_start_checklist_run (fixture->repo, person_id, t0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_run_get_id (run), >, 0);
  g_assert_true (cobalt_checklist_run_tick (run, 0, t1, &error));
  g_assert_true (cobalt_checklist_run_go_next (run, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_reset_checklist (fixture->repo, person_id, &error));
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);

  /* The app closes; the run is resumed as it was left. */
  resumed = cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_cmpint (cobalt_checklist_run_get_id (resumed), ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpuint (cobalt_checklist_run_get_n_steps (resumed), ==, 3);
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (resumed, 1), ==, "Is it the right medicine?");
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (resumed, 2), ==, "Put the cat out");
  g_assert_true (cobalt_checklist_run_is_step_ticked (resumed, 0));
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_step_ticked_at (resumed, 0), t1));
  g_assert_false (cobalt_checklist_run_is_step_ticked (resumed, 1));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (resumed), ==, 1);
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_started_at (resumed), t0));
  g_assert_cmpint (cobalt_checklist_run_get_state (resumed), ==, COBALT_RUN_IN_PROGRESS);

  /* "Stop — I'm not sure": aborted and kept with its reason. */
  g_assert_true (cobalt_checklist_run_abort (resumed, "Liquid looked cloudy", t1, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, resumed, &error));
  g_assert_no_error (error);
  g_assert_null (cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error));
  runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);
  n_before = g_list_model_get_n_items (runs);
  g_assert_cmpuint (n_before, ==, 1);
  {
    g_autoptr(CobaltChecklistRun) stored = g_list_model_get_item (runs, 0);

    g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
    g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (stored), ==, "Liquid looked cloudy");
    g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (stored), t1));
  }
}

/* "Stop — I'm not sure" without saying why: kept as stopped, with no
 * reason (the table refuses a blank one, not a missing one), and the log
 * says so. */
static void
test_checklist_stopped_without_reason (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  g_autoptr(GDateTime) t0 = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) t1 = london (2024, 5, 1, 9, 2, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(CobaltChecklistRun) stored = NULL;
  g_autoptr(CobaltLogEntry) entry = NULL;
  g_autoptr(CobaltLogEntry) explained = NULL;

  run = cobalt_repository_start_checklist_run (fixture->repo, ann->id, t0, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_checklist_run_abort (run, "  ", t1, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
  g_assert_no_error (error);

  g_assert_null (cobalt_repository_get_open_checklist_run (fixture->repo, ann->id, &error));
  runs = cobalt_repository_list_checklist_runs (fixture->repo, ann->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  stored = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
  g_assert_null (cobalt_checklist_run_get_abort_reason (stored));

  entry = cobalt_log_entry_new_aborted (cobalt_checklist_run_get_id (stored), t0, NULL);
  g_assert_cmpstr (cobalt_log_entry_describe_abort_reason (entry), ==, "No reason given");
  explained = cobalt_log_entry_new_aborted (cobalt_checklist_run_get_id (stored), t0, "Cloudy");
  g_assert_cmpstr (cobalt_log_entry_describe_abort_reason (explained), ==, "Cloudy");
}

static gint64
count_settings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (fixture->db, "SELECT count(*) FROM settings", &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_statement_step (stmt, &error));
  return cobalt_statement_get_int64 (stmt, 0);
}

/* The site chosen during a run is part of the run: kept across a restart,
 * and the settings table does not grow a row per run. */
static void
test_checklist_run_site (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  g_autoptr(GDateTime) t0 = london (2026, 1, 5, 9, 0, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) resumed = NULL;
  g_autoptr(GListModel) runs = NULL;
  gint64 person_id = ann->id;
  gint64 n_settings = count_settings (fixture);

  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&run);
      run = cobalt_repository_start_checklist_run (fixture->repo, person_id, t0, &error);
      g_assert_no_error (error);
      g_assert_null (cobalt_checklist_run_get_site_id (run));
      g_assert_true (cobalt_checklist_run_set_site_id (run, i == 2 ? "vastus-lateralis-right" : "deltoid-left", &error));
      g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
      g_assert_no_error (error);
      if (i < 2)
        {
          g_assert_true (cobalt_checklist_run_abort (run, "Changed my mind", t0, &error));
          g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (count_settings (fixture), ==, n_settings);

  /* After a restart the open run comes back with its site. */
  resumed = cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_run_get_id (resumed), ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpstr (cobalt_checklist_run_get_site_id (resumed), ==, "vastus-lateralis-right");

  /* Choosing again replaces it; "" clears it. */
  g_assert_true (cobalt_checklist_run_set_site_id (resumed, "", &error));
  g_assert_null (cobalt_checklist_run_get_site_id (resumed));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, resumed, &error));
  g_clear_object (&resumed);
  resumed = cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error);
  g_assert_null (cobalt_checklist_run_get_site_id (resumed));

  /* A stopped run keeps the site it had, and it can no longer change. */
  runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 3);
  {
    g_autoptr(CobaltChecklistRun) stopped = g_list_model_get_item (runs, 0);

    g_assert_cmpint (cobalt_checklist_run_get_state (stopped), ==, COBALT_RUN_ABORTED);
    g_assert_cmpstr (cobalt_checklist_run_get_site_id (stopped), ==, "deltoid-left");
    g_assert_false (cobalt_checklist_run_set_site_id (stopped, "vastus-lateralis-left", &error));
    g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
    g_clear_error (&error);
    g_assert_cmpstr (cobalt_checklist_run_get_site_id (stopped), ==, "deltoid-left");
  }
  g_assert_cmpint (count_settings (fixture), ==, n_settings);
}

/* Journal -------------------------------------------------------------------------- */

static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) t0 = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) t1 = london (2024, 5, 1, 9, 20, 0);
  g_autoptr(CobaltDose) dose = new_dose (person_id, t0, "deltoid-left");
  g_autoptr(CobaltReaction) reaction = NULL;
  g_autoptr(CobaltReaction) other = NULL;
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (person_id, t1);
  g_autoptr(CobaltLabResult) lab = cobalt_lab_result_new (person_id, COBALT_LAB_TEST_SERUM_B12, 420, "ng/L");
  g_autoptr(CobaltLabResult) lab2 = cobalt_lab_result_new (person_id, COBALT_LAB_TEST_FOLATE, 7.5, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GDate) taken = g_date_new_dmy (15, G_DATE_APRIL, 2024);

  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));

  reaction = cobalt_reaction_new (person_id, "site-pain", t1);
  reaction->dose_id = dose->id;
  cobalt_set_str (&reaction->note, "Ached all afternoon");
  g_assert_true (cobalt_repository_add_reaction (fixture->repo, reaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reaction->id, >, 0);
  other = cobalt_reaction_new (person_id, COBALT_REACTION_OTHER, t0);
  other->level = COBALT_TRIAGE_CONTACT_CLINIC;
  cobalt_set_str (&other->note, "Odd taste");
  g_assert_true (cobalt_repository_add_reaction (fixture->repo, other, &error));

  list = cobalt_repository_list_reactions (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CobaltReaction) r0 = g_list_model_get_item (list, 0);
    g_autoptr(CobaltReaction) r1 = g_list_model_get_item (list, 1);

    g_assert_cmpstr (r0->kind, ==, COBALT_REACTION_OTHER);
    g_assert_cmpint (r0->level, ==, COBALT_TRIAGE_CONTACT_CLINIC);
    g_assert_cmpint (r0->dose_id, ==, 0);
    g_assert_cmpstr (r1->kind, ==, "site-pain");
    g_assert_cmpint (r1->level, ==, COBALT_TRIAGE_MILD);
    g_assert_cmpint (r1->dose_id, ==, dose->id);
    g_assert_cmpstr (r1->note, ==, "Ached all afternoon");
    g_assert_true (g_date_time_equal (r1->noted_at, t1));
  }
  g_clear_object (&list);

  checkin->scores[COBALT_CHECKIN_ENERGY] = 3;
  checkin->scores[COBALT_CHECKIN_PINS_AND_NEEDLES] = 0;
  cobalt_set_str (&checkin->note, "Tired");
  g_assert_true (cobalt_repository_add_checkin (fixture->repo, checkin, &error));
  g_assert_no_error (error);
  list = cobalt_repository_list_checkins (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(CobaltCheckin) c = g_list_model_get_item (list, 0);

    g_assert_cmpint (c->id, ==, checkin->id);
    g_assert_cmpint (c->scores[COBALT_CHECKIN_ENERGY], ==, 3);
    g_assert_cmpint (c->scores[COBALT_CHECKIN_PINS_AND_NEEDLES], ==, 0);
    g_assert_cmpint (c->scores[COBALT_CHECKIN_MOOD], ==, COBALT_CHECKIN_NOT_RECORDED);
    g_assert_cmpint (c->scores[COBALT_CHECKIN_MEMORY], ==, COBALT_CHECKIN_NOT_RECORDED);
    g_assert_cmpstr (c->note, ==, "Tired");
    g_assert_true (g_date_time_equal (c->at, t1));
  }
  g_clear_object (&list);

  cobalt_set_date (&lab->taken_on, taken);
  lab->ref_low = 180;
  lab->ref_high = 900;
  cobalt_set_str (&lab->lab_name, "County Lab");
  g_assert_true (cobalt_repository_add_lab_result (fixture->repo, lab, &error));
  g_assert_no_error (error);
  cobalt_set_date (&lab2->taken_on, taken);
  g_assert_true (cobalt_repository_add_lab_result (fixture->repo, lab2, &error));
  g_assert_no_error (error);
  list = cobalt_repository_list_lab_results (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CobaltLabResult) r0 = g_list_model_get_item (list, 0);
    g_autoptr(CobaltLabResult) r1 = g_list_model_get_item (list, 1);

    g_assert_cmpint (r0->test, ==, COBALT_LAB_TEST_SERUM_B12);
    g_assert_cmpfloat (r0->value, ==, 420);
    g_assert_cmpstr (r0->unit, ==, "ng/L");
    g_assert_cmpfloat (r0->ref_low, ==, 180);
    g_assert_cmpfloat (r0->ref_high, ==, 900);
    g_assert_cmpstr (r0->lab_name, ==, "County Lab");
    g_assert_cmpint (g_date_compare (r0->taken_on, taken), ==, 0);
    g_assert_cmpint (cobalt_lab_result_check_range (r0), ==, COBALT_LAB_RANGE_IN_RANGE);
    /* "Not given" survives as not given, not as 0. */
    g_assert_true (isnan (r1->ref_low));
    g_assert_true (isnan (r1->ref_high));
    g_assert_cmpstr (r1->unit, ==, lab2->unit);
  }
  g_assert_true (changed (fixture, "journal"));
}

/* Supplies -------------------------------------------------------------------------------- */

static void
test_supplies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDate) expiry = g_date_new_dmy (30, G_DATE_NOVEMBER, 2025);
  g_autoptr(GDate) received = g_date_new_dmy (1, G_DATE_MAY, 2024);
  g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (person_id, COBALT_SUPPLY_AMPOULE, 10);
  g_autoptr(CobaltSupplyItem) needles = cobalt_supply_item_new (person_id, COBALT_SUPPLY_DRAWING_NEEDLE, 20);
  g_autoptr(CobaltSupplyItem) bad = cobalt_supply_item_new (person_id, COBALT_SUPPLY_SWAB, -1);
  g_autoptr(CobaltSharpsBin) bin = NULL;
  g_autoptr(CobaltSharpsBin) bin_read = NULL;
  g_autoptr(GListModel) items = NULL;

  item->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  cobalt_set_str (&item->name, "Cytamen");
  item->strength_amount = 1000;
  item->strength_unit = COBALT_DOSE_UNIT_MCG;
  cobalt_set_str (&item->strength_text, "1000 micrograms in 1 mL");
  cobalt_set_str (&item->batch, "CY-1");
  cobalt_set_date (&item->expiry, expiry);
  cobalt_set_date (&item->received_on, received);
  cobalt_set_str (&item->note, "From the pharmacy");
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, needles, &error));

  items = cobalt_repository_list_supply_items (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  {
    g_autoptr(CobaltSupplyItem) read = g_list_model_get_item (items, 0);

    g_assert_cmpint (read->id, ==, item->id);
    g_assert_cmpint (read->kind, ==, COBALT_SUPPLY_AMPOULE);
    g_assert_cmpint (read->product, ==, COBALT_PRODUCT_CYANOCOBALAMIN);
    g_assert_cmpstr (read->name, ==, "Cytamen");
    g_assert_cmpfloat (read->strength_amount, ==, 1000);
    g_assert_cmpint (read->strength_unit, ==, COBALT_DOSE_UNIT_MCG);
    g_assert_cmpstr (read->strength_text, ==, "1000 micrograms in 1 mL");
    g_assert_cmpstr (read->batch, ==, "CY-1");
    g_assert_cmpint (g_date_compare (read->expiry, expiry), ==, 0);
    g_assert_cmpint (g_date_compare (read->received_on, received), ==, 0);
    g_assert_cmpint (read->count, ==, 10);
    g_assert_cmpstr (read->note, ==, "From the pharmacy");
  }
  g_clear_object (&items);

  /* Update in place. */
  item->count = 7;
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_cmpint (supply_count (fixture, item->id), ==, 7);

  g_assert_false (cobalt_repository_save_supply_item (fixture->repo, bad, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);

  /* A box's strength is a number, or it could never be matched to a
   * prescription: refused, and the stored count is untouched. */
  item->strength_amount = 0;
  item->count = 3;
  g_assert_false (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "strength"));
  g_clear_error (&error);
  g_assert_cmpint (supply_count (fixture, item->id), ==, 7);

  g_assert_true (cobalt_repository_delete_supply_item (fixture->repo, needles->id, &error));
  items = cobalt_repository_list_supply_items (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_false (cobalt_repository_delete_supply_item (fixture->repo, needles->id, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Sharps bin: none, then one, then replaced. */
  g_assert_null (cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error));
  g_assert_no_error (error);
  bin = cobalt_sharps_bin_new (person_id, 20);
  bin->fill = 3;
  cobalt_set_date (&bin->replaced_on, received);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bin->id, >, 0);
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpint (bin_read->id, ==, bin->id);
  g_assert_cmpuint (bin_read->capacity, ==, 20);
  g_assert_cmpuint (bin_read->fill, ==, 3);
  g_assert_cmpint (g_date_compare (bin_read->replaced_on, received), ==, 0);
  cobalt_sharps_bin_replace (bin_read, expiry);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin_read, &error));
  g_clear_object (&bin);
  bin = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (bin->fill, ==, 0);
  g_assert_cmpint (g_date_compare (bin->replaced_on, expiry), ==, 0);
}

/* A dose logged without a batch uses a box of its prescription's product
 * and strength (1000 mcg/mL is 1 mg/mL), never the earlier-expiring box of
 * another product; a dose naming a batch uses that batch. */
static void
test_dose_uses_prescribed_ampoule (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDate) soon = g_date_new_dmy (31, G_DATE_DECEMBER, 2030);
  g_autoptr(GDate) late = g_date_new_dmy (30, G_DATE_JUNE, 2031);
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  g_autoptr(CobaltSupplyItem) cyano = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 5, "CY-SOON", soon);
  g_autoptr(CobaltSupplyItem) hydroxo = cobalt_supply_item_new (person_id, COBALT_SUPPLY_AMPOULE, 5);
  g_autoptr(GDateTime) may = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) june = london (2024, 6, 1, 9, 0, 0);
  g_autoptr(CobaltDose) first = new_dose (person_id, may, "deltoid-left");
  g_autoptr(CobaltDose) second = new_dose (person_id, june, "deltoid-right");

  prescription->person_id = person_id;
  cobalt_prescription_set_enabled_sites (prescription, (const char *[]) { "deltoid-left", "deltoid-right", NULL });
  g_assert_true (cobalt_repository_save_prescription (fixture->repo, prescription, &error));
  g_assert_no_error (error);

  cyano->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, cyano, &error));
  cobalt_set_str (&hydroxo->batch, "HX-LATE");
  cobalt_set_date (&hydroxo->expiry, late);
  hydroxo->strength_amount = 1000;
  hydroxo->strength_unit = COBALT_DOSE_UNIT_MCG;
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, hydroxo, &error));
  g_assert_no_error (error);

  first->prescription_id = prescription->id;
  g_assert_true (cobalt_repository_add_dose (fixture->repo, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first->batch, ==, "HX-LATE");
  g_assert_cmpint (supply_count (fixture, hydroxo->id), ==, 4);
  g_assert_cmpint (supply_count (fixture, cyano->id), ==, 5);

  /* The batch the person named is what was used, whatever it is. */
  second->prescription_id = prescription->id;
  cobalt_set_str (&second->batch, "CY-SOON");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, cyano->id), ==, 4);
  g_assert_cmpint (supply_count (fixture, hydroxo->id), ==, 4);
}

/* Reminder state ------------------------------------------------------------------------ */

/* The notification server answered: "showing" → "shown". */
static void
confirm_shown (Fixture            *fixture,
               gint64              person_id,
               CobaltReminderKind  kind,
               GDateTime          *due)
{
  g_autoptr(GError) error = NULL;
  gboolean confirmed = FALSE;

  g_assert_true (cobalt_repository_confirm_reminder_shown (fixture->repo, person_id, kind, due,
                                                           &confirmed, &error));
  g_assert_no_error (error);
  g_assert_true (confirmed);
}

/* Issue 15: the intent to show is committed before the notification is
 * sent, "shown" only after the server answered; a claim left "showing"
 * by a process that died is given back at the next start. */
static void
test_reminder_claim_steps (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) due = london (2024, 10, 27, 9, 0, 0);
  g_autoptr(GDateTime) plus_1m = g_date_time_add_minutes (due, 1);
  g_autoptr(GDateTime) plus_2m = g_date_time_add_minutes (due, 2);
  g_autoptr(CobaltReminderState) state = NULL;
  gboolean claimed = FALSE;
  gboolean confirmed = TRUE;
  guint n = 99;

  /* Claimed: "showing", not yet "shown"; nobody else may claim it. */
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, due,
                                                   &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  state = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_nonnull (state);
  g_assert_nonnull (state->showing_at);
  g_assert_true (g_date_time_equal (state->showing_at, due));
  g_assert_null (state->shown_at);
  g_clear_object (&state);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_1m,
                                                   &claimed, &error));
  g_assert_false (claimed);

  /* Not sent (no notification server): given back, claimed again. */
  g_assert_true (cobalt_repository_release_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error));
  g_assert_no_error (error);
  state = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_null (state->showing_at);
  g_assert_null (state->shown_at);
  g_clear_object (&state);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_1m,
                                                   &claimed, &error));
  g_assert_true (claimed);

  /* The process dies before the server answered: the next start gives
   * the claim back, and the reminder can be claimed once more. */
  g_assert_true (cobalt_repository_recover_reminder_claims (fixture->repo, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (cobalt_repository_confirm_reminder_shown (fixture->repo, person_id, COBALT_REMINDER_DUE, due,
                                                           &confirmed, &error));
  g_assert_false (confirmed);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_2m,
                                                   &claimed, &error));
  g_assert_true (claimed);

  /* The server answered: "shown" at the claim's instant, never again. */
  confirm_shown (fixture, person_id, COBALT_REMINDER_DUE, due);
  state = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_null (state->showing_at);
  g_assert_true (g_date_time_equal (state->shown_at, plus_2m));
  g_assert_true (cobalt_repository_recover_reminder_claims (fixture->repo, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_2m,
                                                   &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (changed (fixture, "reminders"));
}

static void
test_reminder_state (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) due = london (2024, 10, 27, 9, 0, 0);
  g_autoptr(GDateTime) at_due = g_date_time_ref (due);
  g_autoptr(GDateTime) plus_30m = g_date_time_add_minutes (due, 30);
  g_autoptr(GDateTime) plus_1h = g_date_time_add_hours (due, 1);
  g_autoptr(GDateTime) plus_2h = g_date_time_add_hours (due, 2);
  g_autoptr(GDateTime) plus_3h = g_date_time_add_hours (due, 3);
  g_autoptr(GDateTime) due_utc = g_date_time_to_utc (due);
  g_autoptr(CobaltReminderState) state = NULL;
  g_autoptr(CobaltReminderState) read = NULL;
  gboolean claimed = TRUE;

  g_assert_null (cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error));
  g_assert_no_error (error);

  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, at_due,
                                                   &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  confirm_shown (fixture, person_id, COBALT_REMINDER_DUE, due);
  /* The same instant in another zone is the same reminder. */
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due_utc, plus_30m,
                                                   &claimed, &error));
  g_assert_false (claimed);
  /* Another kind for the same instant is a different reminder. */
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_OVERDUE, due, at_due,
                                                   &claimed, &error));
  g_assert_true (claimed);
  confirm_shown (fixture, person_id, COBALT_REMINDER_OVERDUE, due);

  read = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_nonnull (read);
  g_assert_true (g_date_time_equal (read->shown_at, at_due));
  g_assert_null (read->snoozed_until);

  /* Snoozed for an hour: not before, once after. */
  cobalt_set_date_time (&read->snoozed_until, plus_1h);
  cobalt_set_str (&read->notification_id, "due-1-2024");
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, read, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_30m,
                                                   &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_2h,
                                                   &claimed, &error));
  g_assert_true (claimed);
  confirm_shown (fixture, person_id, COBALT_REMINDER_DUE, due);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_3h,
                                                   &claimed, &error));
  g_assert_false (claimed);

  /* Acted on: never again. */
  g_clear_object (&read);
  read = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_cmpstr (read->notification_id, ==, "due-1-2024");
  g_assert_true (g_date_time_equal (read->shown_at, plus_2h));
  cobalt_set_date_time (&read->snoozed_until, plus_2h);
  cobalt_set_date_time (&read->acted_at, plus_2h);
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, read, &error));
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_3h,
                                                   &claimed, &error));
  g_assert_false (claimed);

  /* A state saved before it is shown. */
  state = cobalt_reminder_state_new (person_id, COBALT_REMINDER_DAY_BEFORE, due);
  cobalt_set_date_time (&state->dismissed_at, at_due);
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, state, &error));
  g_assert_cmpint (state->id, >, 0);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DAY_BEFORE, due, at_due,
                                                   &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (changed (fixture, "reminders"));
}

typedef struct
{
  const char *data_dir;
  gint64      person_id;
  guint       n_due;
  gboolean   *claimed;   /* [n_due] */
} ClaimThread;

static gpointer
claim_thread (gpointer user_data)
{
  ClaimThread *t = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_open (t->data_dir, &error);
  g_autoptr(CobaltRepository) repo = NULL;
  g_autoptr(GDateTime) base = london (2025, 1, 1, 9, 0, 0);

  g_assert_no_error (error);
  repo = cobalt_repository_new (db);
  for (guint i = 0; i < t->n_due; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (base, i);

      g_assert_true (cobalt_repository_claim_reminder (repo, t->person_id, COBALT_REMINDER_DUE, due, due,
                                                       &t->claimed[i], &error));
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_claim_two_connections (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  enum { N_DUE = 40, N_THREADS = 3 };
  gboolean claimed[N_THREADS][N_DUE] = { { FALSE } };
  ClaimThread threads[N_THREADS];
  GThread *handles[N_THREADS];

  /* cobalt and cobalt-reminder racing for the same reminders, each with
   * its own connection to the file: every reminder is claimed once. */
  for (guint t = 0; t < N_THREADS; t++)
    {
      threads[t] = (ClaimThread) { fixture->tmp, ann->id, N_DUE, claimed[t] };
      handles[t] = g_thread_new ("claim", claim_thread, &threads[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (handles[t]);

  for (guint i = 0; i < N_DUE; i++)
    {
      guint n = 0;

      for (guint t = 0; t < N_THREADS; t++)
        n += claimed[t][i] ? 1 : 0;
      g_assert_cmpuint (n, ==, 1);
    }
}

/* Settings and signals ---------------------------------------------------------------- */

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", "1", &error));
  g_assert_true (changed (fixture, "settings"));
  value = cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error);
  g_assert_cmpstr (value, ==, "1");
  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", NULL, &error));
  g_assert_null (cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error));
  g_assert_no_error (error);
}

static void
test_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repo = cobalt_repository_new (db);
  g_autoptr(CobaltPerson) person = cobalt_person_new ("Test");
  g_autoptr(GListModel) people = NULL;

  g_assert_no_error (error);
  g_assert_true (cobalt_repository_get_database (repo) == db);
  g_assert_true (cobalt_repository_save_person (repo, person, &error));
  people = cobalt_repository_list_people (repo, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("checklists", test_checklists);
  ADD ("checklist-run-site", test_checklist_run_site);
  ADD ("checklist-stopped-without-reason", test_checklist_stopped_without_reason);
  ADD ("journal", test_journal);
  ADD ("supplies", test_supplies);
  ADD ("dose-uses-prescribed-ampoule", test_dose_uses_prescribed_ampoule);
  ADD ("reminder-state", test_reminder_state);
  ADD ("reminder-claim-steps", test_reminder_claim_steps);
  ADD ("claim-two-connections", test_claim_two_connections);
  ADD ("settings", test_settings);
  g_test_add_func ("/cobalt/repository/in-memory", test_in_memory);

#undef ADD

  return g_test_run ();
}
