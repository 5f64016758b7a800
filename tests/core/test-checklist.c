/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "cobalt-core.h"

static GDateTime *
at (int hour,
    int minute)
{
  return g_date_time_new_utc (2025, 3, 10, hour, minute, 0);
}

static CobaltChecklistRun *
new_default_run (void)
{
  g_autoptr(GListModel) steps = cobalt_checklist_default_steps ();
  g_autoptr(GDateTime) start = at (9, 0);

  return cobalt_checklist_run_new (7, steps, start);
}

/* Ticks and moves on through the first @n steps. */
static void
advance (CobaltChecklistRun *run,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) now = at (9, 1 + i);
      g_autoptr(GError) error = NULL;
      guint current = cobalt_checklist_run_get_current_step (run);

      g_assert_true (cobalt_checklist_run_tick (run, current, now, &error));
      g_assert_no_error (error);
      if (current + 1 < cobalt_checklist_run_get_n_steps (run))
        {
          g_assert_true (cobalt_checklist_run_go_next (run, &error));
          g_assert_no_error (error);
        }
    }
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_default_steps (void)
{
  g_autoptr(GListModel) steps = cobalt_checklist_default_steps ();
  const char * const *kinds = cobalt_checklist_step_kinds ();
  guint n = g_list_model_get_n_items (steps);

  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpuint (g_strv_length ((char **)kinds), ==, 10);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);
      g_autoptr(GError) error = NULL;
      const char *explanation = step->explanation;

      g_assert_cmpstr (step->kind, ==, kinds[i]);
      g_assert_cmpuint (step->position, ==, i);
      g_assert_cmpint (step->id, ==, 0);
      g_assert_nonnull (explanation);
      g_assert_cmpuint (strlen (explanation), >, 20);
      g_assert_true (cobalt_checklist_step_validate (step, &error));
      g_assert_no_error (error);
    }

  /* DESIGN.md order: medicine first, aftercare last; the GUI's special
   * steps are where it expects them. */
  g_assert_cmpstr (kinds[0], ==, COBALT_STEP_CONFIRM_MEDICINE);
  g_assert_cmpstr (kinds[1], ==, COBALT_STEP_CHECK_EXPIRY);
  g_assert_cmpstr (kinds[5], ==, COBALT_STEP_CHOOSE_SITE);
  g_assert_cmpstr (kinds[8], ==, COBALT_STEP_INJECT);
  g_assert_cmpstr (kinds[9], ==, COBALT_STEP_AFTERCARE);

  /* Every guidance step ends by sending the person back to their clinic. */
  for (guint i = 0; kinds[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (cobalt_checklist_step_kind_get_explanation (kinds[i]),
                                     "Follow your clinic’s instructions."));
  g_assert_nonnull (strstr (cobalt_checklist_step_kind_get_explanation (COBALT_STEP_CHECK_LIQUID),
                            "cloudy"));
}

static void
test_step_validate (void)
{
  g_autoptr(CobaltChecklistStep) step = cobalt_checklist_step_new (NULL, "  ", NULL);
  g_autoptr(CobaltChecklistStep) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (step->kind, ==, COBALT_STEP_CUSTOM);
  g_assert_false (cobalt_checklist_step_validate (step, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID);
  g_clear_error (&error);

  cobalt_set_str (&step->title, "Put the dog out");
  g_assert_true (cobalt_checklist_step_validate (step, &error));
  g_assert_no_error (error);

  cobalt_checklist_step_set_kind (step, "juggle");
  g_assert_false (cobalt_checklist_step_validate (step, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID);

  g_assert_true (cobalt_checklist_step_kind_is_valid (COBALT_STEP_CUSTOM));
  g_assert_true (cobalt_checklist_step_kind_is_valid (COBALT_STEP_WASH_HANDS));
  g_assert_false (cobalt_checklist_step_kind_is_valid ("juggle"));
  g_assert_null (cobalt_checklist_step_kind_get_title (COBALT_STEP_CUSTOM));

  step->id = 42;
  step->position = 3;
  copy = cobalt_checklist_step_copy (step);
  g_assert_cmpint (copy->id, ==, 0);
  g_assert_cmpuint (copy->position, ==, 3);
  g_assert_cmpstr (copy->title, ==, "Put the dog out");
}

static void
test_run_copies_steps (void)
{
  g_autoptr(GListModel) steps = cobalt_checklist_default_steps ();
  g_autoptr(GDateTime) start = at (9, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistStep) first = g_list_model_get_item (steps, 0);
  g_autofree char *original = g_strdup (first->title);

  run = cobalt_checklist_run_new (7, steps, start);
  g_assert_cmpuint (cobalt_checklist_run_get_n_steps (run), ==, 10);
  g_assert_cmpint (cobalt_checklist_run_get_person_id (run), ==, 7);
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_started_at (run), start));
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_IN_PROGRESS);
  g_assert_null (cobalt_checklist_run_get_finished_at (run));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 0);
  g_assert_cmpint (cobalt_checklist_run_find_step (run, COBALT_STEP_INJECT), ==, 8);
  g_assert_cmpint (cobalt_checklist_run_find_step (run, "juggle"), ==, -1);

  /* Rewording the definition later does not change the run's history. */
  cobalt_set_str (&first->title, "Something else entirely");
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (run, 0), ==, original);
  g_assert_cmpstr (cobalt_checklist_run_get_step_kind (run, 1), ==, COBALT_STEP_CHECK_EXPIRY);
  g_assert_nonnull (cobalt_checklist_run_get_step_explanation (run, 1));
}

static void
test_run_next_needs_tick (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GDateTime) t1 = at (9, 1);
  g_autoptr(GDateTime) t2 = at (9, 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_checklist_run_go_next (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED);
  g_clear_error (&error);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 0);

  g_assert_false (cobalt_checklist_run_go_back (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_AT_START);
  g_clear_error (&error);

  /* Steps ahead cannot be ticked before they are reached. */
  g_assert_false (cobalt_checklist_run_tick (run, 3, t1, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP);
  g_clear_error (&error);
  g_assert_false (cobalt_checklist_run_tick (run, 99, t1, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP);
  g_clear_error (&error);
  g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (run), ==, 0);

  g_assert_true (cobalt_checklist_run_tick (run, 0, t1, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_step_ticked_at (run, 0), t1));

  /* Ticking again keeps the first time. */
  g_assert_true (cobalt_checklist_run_tick (run, 0, t2, &error));
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_step_ticked_at (run, 0), t1));

  g_assert_true (cobalt_checklist_run_go_next (run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);

  /* Step 1 is unticked: no going on. */
  g_assert_false (cobalt_checklist_run_go_next (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED);
  g_clear_error (&error);

  /* Back, untick the first step: then it blocks going on again. */
  g_assert_true (cobalt_checklist_run_go_back (run, &error));
  g_assert_true (cobalt_checklist_run_untick (run, 0, &error));
  g_assert_no_error (error);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, 0));
  g_assert_null (cobalt_checklist_run_get_step_ticked_at (run, 0));
  g_assert_false (cobalt_checklist_run_go_next (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED);
}

static void
test_run_go_to (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GError) error = NULL;

  advance (run, 4);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 4);

  /* Back to any earlier step, and forward again over ticked steps only. */
  g_assert_true (cobalt_checklist_run_go_to (run, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
  g_assert_true (cobalt_checklist_run_go_to (run, 4, &error));
  g_assert_no_error (error);
  g_assert_false (cobalt_checklist_run_go_to (run, 6, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED);
  g_clear_error (&error);
  g_assert_false (cobalt_checklist_run_go_to (run, 10, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 4);
}

static void
test_run_finish (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GDateTime) end = at (9, 30);
  g_autoptr(GError) error = NULL;

  advance (run, 9);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 9);
  g_assert_false (cobalt_checklist_run_can_finish (run));
  g_assert_false (cobalt_checklist_run_finish (run, end, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_IN_PROGRESS);

  advance (run, 1);
  g_assert_false (cobalt_checklist_run_go_next (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_AT_END);
  g_clear_error (&error);

  /* Unticking an earlier step takes "finish" away again. */
  g_assert_true (cobalt_checklist_run_can_finish (run));
  g_assert_true (cobalt_checklist_run_untick (run, 2, &error));
  g_assert_false (cobalt_checklist_run_can_finish (run));
  {
    g_autoptr(GDateTime) t = at (9, 20);
    g_assert_true (cobalt_checklist_run_tick (run, 2, t, &error));
  }
  g_assert_true (cobalt_checklist_run_can_finish (run));

  g_assert_true (cobalt_checklist_run_finish (run, end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_COMPLETED);
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (run), end));
  g_assert_false (cobalt_checklist_run_is_open (run));
  g_assert_false (cobalt_checklist_run_can_finish (run));
  g_assert_null (cobalt_checklist_run_get_abort_reason (run));

  /* The dose is linked after the run completed. */
  cobalt_checklist_run_set_dose_id (run, 55);
  g_assert_cmpint (cobalt_checklist_run_get_dose_id (run), ==, 55);
}

static void
test_run_closed (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GDateTime) end = at (9, 30);
  g_autoptr(GDateTime) later = at (10, 0);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  advance (run, 10);
  g_assert_true (cobalt_checklist_run_finish (run, end, &error));

  g_signal_connect (run, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_false (cobalt_checklist_run_untick (run, 9, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 9));

  g_assert_false (cobalt_checklist_run_go_back (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 9);

  g_assert_false (cobalt_checklist_run_tick (run, 9, later, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);

  g_assert_false (cobalt_checklist_run_finish (run, later, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (run), end));

  g_assert_false (cobalt_checklist_run_abort (run, "changed my mind", later, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_COMPLETED);

  g_assert_cmpuint (changed, ==, 0);
}

static void
test_run_abort (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GDateTime) stop = at (9, 5);
  g_autoptr(GDateTime) later = at (9, 6);
  g_autoptr(GError) error = NULL;

  advance (run, 3);

  /* The reason is optional: asked after the urgent help, never required. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CobaltChecklistRun) unexplained = new_default_run ();

      advance (unexplained, 2);
      g_assert_true (cobalt_checklist_run_abort (unexplained, i == 0 ? NULL : "   \n ", stop, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cobalt_checklist_run_get_state (unexplained), ==, COBALT_RUN_ABORTED);
      g_assert_null (cobalt_checklist_run_get_abort_reason (unexplained));
      g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (unexplained), stop));
    }
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_IN_PROGRESS);
  g_assert_null (cobalt_checklist_run_get_finished_at (run));

  g_assert_true (cobalt_checklist_run_abort (run, "  The liquid looked cloudy ", stop, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_run_get_state (run), ==, COBALT_RUN_ABORTED);
  g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (run), ==, "The liquid looked cloudy");
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (run), stop));
  /* The ticks up to the stop are kept for the record. */
  g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (run), ==, 3);

  g_assert_false (cobalt_checklist_run_tick (run, 3, later, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (cobalt_checklist_run_abort (run, "again", later, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED);
  g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (run), ==, "The liquid looked cloudy");
}

/* Expired medicine is never used: while the batch is expired the expiry
 * step cannot be ticked at all, whatever an older version's stored run
 * says; taking an in-date ampoule (the GUI clears the block) lets it. */
static void
test_run_expiry_blocked (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(CobaltChecklistRun) stored = NULL;
  g_autoptr(GDateTime) t = at (9, 3);
  g_autoptr(GError) error = NULL;
  int expiry_step = cobalt_checklist_run_find_step (run, COBALT_STEP_CHECK_EXPIRY);

  g_assert_cmpint (expiry_step, ==, 1);
  advance (run, 1);

  cobalt_checklist_run_set_expiry_blocked (run, TRUE);
  g_assert_false (cobalt_checklist_run_tick (run, expiry_step, t, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_EXPIRED);
  g_assert_null (strstr (error->message, "clinic told you"));
  g_clear_error (&error);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, expiry_step));

  /* An in-date ampoule: the block goes and the step can be ticked. */
  cobalt_checklist_run_set_expiry_blocked (run, FALSE);
  g_assert_true (cobalt_checklist_run_tick (run, expiry_step, t, &error));
  g_assert_no_error (error);

  /* A batch found expired after the step was ticked: look again. */
  cobalt_checklist_run_set_expiry_blocked (run, TRUE);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, expiry_step));
  /* Other steps are not affected. */
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));

  /* A run an older version stored with an override note: the note is
   * still read, but lets nothing through. */
  stored = cobalt_checklist_run_new_for_restore (3, 1, t);
  cobalt_checklist_run_restore_step (stored, COBALT_STEP_CHECK_EXPIRY, "Check the expiry date", NULL, t);
  cobalt_checklist_run_restore_state (stored, COBALT_RUN_IN_PROGRESS, 0, NULL, NULL, "Nurse said it is fine");
  g_assert_cmpstr (cobalt_checklist_run_get_expiry_override (stored), ==, "Nurse said it is fine");
  g_assert_true (cobalt_checklist_run_is_step_ticked (stored, 0));
  cobalt_checklist_run_set_expiry_blocked (stored, TRUE);
  g_assert_false (cobalt_checklist_run_is_step_ticked (stored, 0));
  g_assert_false (cobalt_checklist_run_tick (stored, 0, t, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_EXPIRED);
}

static void
test_run_signals (void)
{
  g_autoptr(CobaltChecklistRun) run = new_default_run ();
  g_autoptr(GDateTime) t = at (9, 3);
  g_autoptr(GError) error = NULL;
  guint changed = 0, current_notes = 0, ticked_notes = 0;

  g_signal_connect (run, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (run, "notify::current-step", G_CALLBACK (notify_count_cb), &current_notes);
  g_signal_connect (run, "notify::n-ticked", G_CALLBACK (notify_count_cb), &ticked_notes);

  cobalt_checklist_run_tick (run, 0, t, &error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (ticked_notes, ==, 1);

  /* A refused change is silent. */
  g_assert_false (cobalt_checklist_run_go_back (run, &error));
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);

  /* No-op changes are silent too. */
  cobalt_checklist_run_tick (run, 0, t, &error);
  g_assert_cmpuint (changed, ==, 1);

  cobalt_checklist_run_go_next (run, &error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (current_notes, ==, 1);
}

static void
test_run_empty (void)
{
  g_autoptr(GListStore) none = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  g_autoptr(GDateTime) t = at (9, 0);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = cobalt_checklist_run_new (1, G_LIST_MODEL (none), t);
  g_assert_false (cobalt_checklist_run_go_next (run, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_AT_END);
  g_clear_error (&error);
  g_assert_false (cobalt_checklist_run_tick (run, 0, t, &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP);
  g_clear_error (&error);
  g_assert_true (cobalt_checklist_run_can_finish (run));
  g_assert_true (cobalt_checklist_run_finish (run, t, &error));
}

static void
test_run_restore (void)
{
  g_autoptr(GDateTime) start = at (8, 0);
  g_autoptr(GDateTime) t = at (8, 1);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(GError) error = NULL;

  run = cobalt_checklist_run_new_for_restore (12, 3, start);
  cobalt_checklist_run_restore_step (run, COBALT_STEP_CONFIRM_MEDICINE, "Old wording", NULL, t);
  cobalt_checklist_run_restore_step (run, COBALT_STEP_CUSTOM, "Feed the cat", NULL, NULL);
  cobalt_checklist_run_restore_state (run, COBALT_RUN_IN_PROGRESS, 1, NULL, NULL, NULL);

  g_assert_cmpint (cobalt_checklist_run_get_id (run), ==, 12);
  g_assert_cmpint (cobalt_checklist_run_get_person_id (run), ==, 3);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (run, 0), ==, "Old wording");
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));

  /* The resumed run follows the same rules. */
  g_assert_true (cobalt_checklist_run_tick (run, 1, t, &error));
  g_assert_true (cobalt_checklist_run_finish (run, t, &error));
  g_assert_no_error (error);

  /* A damaged stored position is clamped, not trusted. */
  {
    g_autoptr(CobaltChecklistRun) bad = cobalt_checklist_run_new_for_restore (13, 3, start);

    cobalt_checklist_run_restore_step (bad, COBALT_STEP_CUSTOM, "Only step", NULL, NULL);
    cobalt_checklist_run_restore_state (bad, COBALT_RUN_ABORTED, 40, t, "stopped", NULL);
    g_assert_cmpuint (cobalt_checklist_run_get_current_step (bad), ==, 0);
    g_assert_false (cobalt_checklist_run_is_open (bad));
    g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (bad), ==, "stopped");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/checklist/default-steps", test_default_steps);
  g_test_add_func ("/cobalt/checklist/step-validate", test_step_validate);
  g_test_add_func ("/cobalt/checklist/run/copies-steps", test_run_copies_steps);
  g_test_add_func ("/cobalt/checklist/run/next-needs-tick", test_run_next_needs_tick);
  g_test_add_func ("/cobalt/checklist/run/go-to", test_run_go_to);
  g_test_add_func ("/cobalt/checklist/run/finish", test_run_finish);
  g_test_add_func ("/cobalt/checklist/run/closed", test_run_closed);
  g_test_add_func ("/cobalt/checklist/run/abort", test_run_abort);
  g_test_add_func ("/cobalt/checklist/run/expiry-blocked", test_run_expiry_blocked);
  g_test_add_func ("/cobalt/checklist/run/signals", test_run_signals);
  g_test_add_func ("/cobalt/checklist/run/empty", test_run_empty);
  g_test_add_func ("/cobalt/checklist/run/restore", test_run_restore);

  return g_test_run ();
}
