/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-aftercare-page.h"
#include "cobalt-body-map.h"
#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-checklist-wizard-private.h"
#include "cobalt-choice-button.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journey-util.h"
#include "cobalt-site-picker.h"
#include "cobalt-status.h"
#include "journey-test-util.h"
#include "key-test-util.h"

static CobaltChecklistWizard *
show_wizard (JourneyFixture *f)
{
  GtkWidget *wizard = cobalt_checklist_wizard_new (f->context, f->person);

  fixture_show (f, wizard);
  return COBALT_CHECKLIST_WIZARD (wizard);
}

static GtkToggleButton *
step_check (CobaltChecklistWizard *wizard,
            guint                  index)
{
  return cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (cobalt_checklist_wizard_get_step_page (wizard, index)));
}

static const char *
step_kind (CobaltChecklistWizard *wizard,
           guint                  index)
{
  return cobalt_checklist_run_get_step_kind (cobalt_checklist_wizard_get_run (wizard), index);
}

/* Clicks the suggested site on the body map, as a pointer would. */
static const char *
pick_suggested_site (CobaltChecklistWizard *wizard)
{
  CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
  const char *suggested = cobalt_site_picker_get_suggested_site_id (picker);
  GtkWidget *button;

  g_assert_nonnull (suggested);
  button = cobalt_body_map_get_button (COBALT_BODY_MAP (cobalt_site_picker_get_map (picker)), suggested);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_gtk (20);
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, suggested);

  return suggested;
}

/* Ticks and moves on through steps [from, to), as clicks would. */
static void
tick_steps (CobaltChecklistWizard *wizard,
            guint                  from,
            guint                  to)
{
  for (guint i = from; i < to; i++)
    {
      g_assert_cmpuint (cobalt_checklist_run_get_current_step (cobalt_checklist_wizard_get_run (wizard)), ==, i);
      if (g_str_equal (step_kind (wizard, i), COBALT_STEP_CHOOSE_SITE))
        pick_suggested_site (wizard);
      else
        gtk_toggle_button_set_active (step_check (wizard, i), TRUE);
      g_assert_true (cobalt_checklist_run_is_step_ticked (cobalt_checklist_wizard_get_run (wizard), i));
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      wait_for_gtk (10);
    }
}

static GDate
next_due_date (JourneyFixture *f)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(CobaltStatus) status = cobalt_status_compute (f->repository, f->person, now, NULL);

  return cobalt_status_get_due (status)->due_date;
}

static void
test_complete_flow (JourneyFixture *f,
                    gconstpointer   data)
{
  CobaltChecklistWizard *wizard;
  CobaltChecklistRun *run;
  CobaltDose *dose;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GListModel) runs = NULL;
  GDate due_before = next_due_date (f);
  GDate due_after;
  guint n;
  const char *site;

  wizard = show_wizard (f);
  run = cobalt_checklist_wizard_get_run (wizard);
  n = cobalt_checklist_run_get_n_steps (run);
  g_assert_cmpuint (n, ==, 10);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Step 1 of 10"));

  /* Next is refused until the step is ticked. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 0);

  tick_steps (wizard, 0, n - 1);
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Step 10 of 10"));
  site = cobalt_site_picker_get_selected_site_id (COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard)));
  g_assert_cmpstr (site, ==, "deltoid-left");

  /* The inject step showed the technique from the prescription. */
  gtk_toggle_button_set_active (step_check (wizard, n - 1), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  wait_for_gtk (20);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  dose = cobalt_checklist_wizard_get_dose (wizard);
  g_assert_nonnull (dose);

  /* The log has the dose with everything the checklist knew. */
  doses = cobalt_repository_list_doses (f->repository, f->person->id, NULL);
  g_assert_cmpuint (doses->len, ==, 2);
  dose = g_ptr_array_index (doses, 1);
  g_assert_cmpstr (dose->site_id, ==, "deltoid-left");
  g_assert_cmpstr (dose->batch, ==, TEST_BATCH);
  g_assert_nonnull (dose->expiry);
  g_assert_cmpint (dose->given_by, ==, COBALT_GIVEN_BY_SELF);
  g_assert_cmpfloat (dose->amount, ==, 1.0);
  g_assert_cmpint (dose->checklist_run_id, ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpstr (cobalt_dose_get_timezone (dose), ==, "Europe/London");

  /* Supplies went down, the bin filled, the run is complete. */
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 4);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_INJECTING_NEEDLE), ==, 9);
  runs = cobalt_repository_list_checklist_runs (f->repository, f->person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  {
    g_autoptr(CobaltChecklistRun) stored = g_list_model_get_item (runs, 0);
    g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_COMPLETED);
    g_assert_cmpint (cobalt_checklist_run_get_dose_id (stored), ==, dose->id);
  }

  /* The next due date moved on, and it is shown with Undo offered. */
  due_after = next_due_date (f);
  g_assert_cmpint (g_date_compare (&due_after, &due_before), >, 0);
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Next dose:"));
  /* One sentence, the site in lower case mid-sentence. */
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Dose logged at 09:00 — left upper arm (deltoid). Next dose: "));
  g_assert_true (cobalt_checklist_wizard_get_can_undo (wizard));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Aftercare"));
}

static int
bin_fill (JourneyFixture *f)
{
  g_autoptr(CobaltSharpsBin) bin = cobalt_repository_get_sharps_bin (f->repository, f->person->id, NULL);

  return bin != NULL ? (int) bin->fill : -1;
}

static void
test_undo (JourneyFixture *f,
           gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  g_autoptr(CobaltChecklistRun) open = NULL;
  guint n = cobalt_checklist_run_get_n_steps (cobalt_checklist_wizard_get_run (wizard));

  tick_steps (wizard, 0, n);
  g_assert_cmpuint (dose_count (f), ==, 2);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 4);
  g_assert_cmpint (bin_fill (f), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.undo", NULL);
  wait_for_gtk (20);

  /* The dose is gone from the log, the supplies are back, the run is open
   * again on its last step with every tick kept. */
  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_SYRINGE), ==, 10);
  g_assert_cmpint (bin_fill (f), ==, 0);
  g_assert_null (cobalt_checklist_wizard_get_dose (wizard));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  open = cobalt_repository_get_open_checklist_run (f->repository, f->person->id, NULL);
  g_assert_nonnull (open);
  g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (open), ==, n);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (open), ==, n - 1);

  /* Finishing again logs it once more. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpuint (dose_count (f), ==, 2);
}

/* Undo has no time limit on the aftercare page: it used to vanish after
 * 8 s, and the focus then fell on the first reaction ("Swelling of the
 * throat..."). GLib's timers run on real time, so the test waits 10 s of
 * it, with Cobalt's own clock moved on as far. */
static void
test_undo_stays (JourneyFixture *f,
                 gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  guint n = cobalt_checklist_run_get_n_steps (cobalt_checklist_wizard_get_run (wizard));
  GtkWidget *undo = cobalt_test_find_id (GTK_WIDGET (wizard), "undo_button");

  tick_steps (wizard, 0, n);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_true (cobalt_checklist_wizard_get_can_undo (wizard));

  cobalt_clock_advance (f->clock, 10 * G_TIME_SPAN_SECOND);
  wait_for_gtk (10000);

  g_assert_true (cobalt_checklist_wizard_get_can_undo (wizard));
  g_assert_true (gtk_widget_get_mapped (undo));
  g_assert_true (gtk_widget_is_sensitive (undo));
  cobalt_test_click (undo);
  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  g_assert_false (cobalt_checklist_wizard_get_can_undo (wizard));
}

static void
test_abort (JourneyFixture *f,
            gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(CobaltChecklistRun) stored = NULL;

  tick_steps (wizard, 0, 2);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");

  /* The urgent help at once; a reason is optional (stopping without one:
   * test-journey-urgent-help.c), kept when given. */
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Call " TEST_EMERGENCY " now"));
  cobalt_checklist_wizard_set_stop_reason (wizard, 1, "cloudy liquid");
  g_assert_true (cobalt_checklist_wizard_confirm_stop (wizard));
  wait_for_gtk (20);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stopped");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "no dose was logged"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), TEST_CLINIC_PHONE));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Call " TEST_EMERGENCY " now"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Difficulty breathing or swallowing"));

  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5);
  runs = cobalt_repository_list_checklist_runs (f->repository, f->person->id, NULL);
  stored = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
  g_assert_nonnull (strstr (cobalt_checklist_run_get_abort_reason (stored), "cloudy liquid"));
  g_assert_null (cobalt_repository_get_open_checklist_run (f->repository, f->person->id, NULL));
}

/* The CobaltChoiceButtons under @root, depth first. */
static void
collect_choices (GtkWidget *root,
                 GPtrArray *choices)
{
  if (COBALT_IS_CHOICE_BUTTON (root))
    g_ptr_array_add (choices, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_choices (child, choices);
}

/* The button under @root whose label reads @text (mnemonic left out). */
static GtkWidget *
find_button_reading (GtkWidget  *root,
                     const char *text)
{
  if (GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_reading (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
choice_text (GtkWidget *choice)
{
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (choice))));
}

/* The stop reasons are radio buttons that assistive technology can press
 * (GTK 4.8 gives check buttons no AT-SPI action; the AT-SPI side runs in
 * tests/integration/test-journey-a11y.py): one at a time, each named by
 * its words once, none chosen when the page opens, and the one chosen is
 * the reason stored. */
static void
test_stop_reasons_are_choices (JourneyFixture *f,
                               gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(CobaltChecklistRun) stored = NULL;
  GtkWidget *reason_box;
  GtkWidget *first, *fourth;
  g_autofree char *reason = NULL;

  tick_steps (wizard, 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  wait_for_gtk (50);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  reason_box = cobalt_test_find_id (GTK_WIDGET (wizard), "reason_box");
  g_assert_nonnull (reason_box);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (reason_box), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (reason_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reason for stopping (optional)");

  collect_choices (reason_box, choices);
  g_assert_cmpuint (choices->len, ==, 5);
  for (guint i = 0; i < choices->len; i++)
    {
      GtkWidget *choice = g_ptr_array_index (choices, i);

      g_assert_true (GTK_IS_TOGGLE_BUTTON (choice));
      g_assert_true (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (choice)));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           choice_text (choice));
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)));
      g_assert_true (gtk_widget_get_mapped (choice));
    }
  first = g_ptr_array_index (choices, 0);
  fourth = g_ptr_array_index (choices, 3);

  /* One at a time, as a group of radio buttons. */
  cobalt_test_click (first);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first)));
  cobalt_test_click (fourth);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (fourth)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (fourth), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);

  /* Back to the checklist and Stop again: nothing chosen any more. */
  cobalt_test_click (find_button_reading (GTK_WIDGET (wizard), "Back to the checklist"));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  wait_for_gtk (50);
  for (guint i = 0; i < choices->len; i++)
    g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (choices, i)));

  /* The reason clicked is the one kept with the stopped run. */
  cobalt_test_click (fourth);
  reason = g_strdup (choice_text (fourth));
  cobalt_test_click (find_button_reading (GTK_WIDGET (wizard), "Stop and don't inject"));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stopped");
  runs = cobalt_repository_list_checklist_runs (f->repository, f->person->id, NULL);
  stored = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
  g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (stored), ==, reason);
}

/* The reactions in aftercare are check boxes that assistive technology
 * can tick, in named groups (the triage level); the one ticked is the one
 * stored, with the dose. */
static void
test_aftercare_choices (JourneyFixture *f,
                        gconstpointer   data)
{
  GtkWidget *page = cobalt_aftercare_page_new (f->context, f->person, 0);
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  g_autoptr(GListModel) reactions = NULL;
  g_autoptr(CobaltReaction) reaction = NULL;
  const char *fever_label = cobalt_reaction_kind_get_label ("fever");
  GtkWidget *fever = NULL;
  GtkWidget *group;

  fixture_show (f, page);
  collect_choices (page, choices);
  /* The catalogue's kinds and "Something else". */
  g_assert_cmpuint (choices->len, ==, cobalt_reaction_catalogue_get_n_kinds () + 1);
  for (guint i = 0; i < choices->len; i++)
    {
      GtkWidget *choice = g_ptr_array_index (choices, i);

      g_assert_false (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (choice)));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_ROLE_CHECKBOX);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           choice_text (choice));
      g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)));
      if (g_strcmp0 (choice_text (choice), fever_label) == 0)
        fever = choice;
    }
  g_assert_nonnull (fever);

  /* In a group named by its level. */
  group = gtk_widget_get_parent (fever);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       cobalt_triage_level_to_string (COBALT_TRIAGE_CONTACT_CLINIC));

  /* A click ticks it, as a pointer or AT-SPI's "click" would. */
  cobalt_test_click (fever);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (fever)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (fever), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  g_assert_cmpint (cobalt_aftercare_page_get_highest_level (COBALT_AFTERCARE_PAGE (page)), ==,
                   COBALT_TRIAGE_CONTACT_CLINIC);

  cobalt_test_click (cobalt_test_find_id (page, "save_button"));
  reactions = cobalt_repository_list_reactions (f->repository, f->person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reactions), ==, 1);
  reaction = g_list_model_get_item (reactions, 0);
  g_assert_cmpstr (reaction->kind, ==, "fever");
  /* Saved: it stays ticked and cannot be taken back here. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (fever)));
  g_assert_false (gtk_widget_get_sensitive (fever));
}

/* Slips cannot undo a dose ------------------------------------------------ */

/* Where the focus may rest after logging: the sentence saying the dose was
 * logged, never Undo, never a reaction or any other control of the
 * aftercare page. */
static void
assert_focus_harmless (JourneyFixture        *f,
                       CobaltChecklistWizard *wizard)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *aftercare = cobalt_checklist_wizard_get_aftercare (wizard);

  g_assert_nonnull (focus);
  g_assert_true (focus != cobalt_test_find_id (GTK_WIDGET (wizard), "undo_button"));
  g_assert_false (COBALT_IS_CHOICE_BUTTON (focus));
  g_assert_false (aftercare != NULL && gtk_widget_is_ancestor (focus, aftercare));
  g_assert_true (focus == cobalt_test_find_id (GTK_WIDGET (wizard), "logged_label"));
}

/* "Finish and log the dose" pressed with @key, then that key and the other
 * one (Enter, Space) pressed again and again, as a slip would: one dose is
 * logged and stays logged, no reaction is ticked, Undo is still there. */
static void
double_key_after_finish (JourneyFixture *f,
                         guint           key,
                         guint           other)
{
  CobaltChecklistWizard *wizard;
  CobaltAftercarePage *aftercare;
  GtkWidget *finish;
  guint n;

  if (!cobalt_test_can_send_keys ())
    {
      g_test_skip ("no X11 display to send keys to");
      return;
    }

  wizard = show_wizard (f);
  n = cobalt_checklist_run_get_n_steps (cobalt_checklist_wizard_get_run (wizard));
  tick_steps (wizard, 0, n - 1);
  gtk_toggle_button_set_active (step_check (wizard, n - 1), TRUE);
  finish = cobalt_test_find_id (GTK_WIDGET (wizard), "next_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (finish)), ==, "_Finish and log the dose");
  g_assert_true (gtk_widget_grab_focus (finish));

  cobalt_test_send_key (f->window, key);
  wait_for_gtk_until (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "aftercare") == 0, 5000);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_cmpuint (dose_count (f), ==, 2);
  assert_focus_harmless (f, wizard);

  cobalt_test_send_key (f->window, key);
  cobalt_test_send_key (f->window, other);
  cobalt_test_send_key (f->window, key);

  g_assert_cmpuint (dose_count (f), ==, 2);
  g_assert_nonnull (cobalt_checklist_wizard_get_dose (wizard));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  aftercare = COBALT_AFTERCARE_PAGE (cobalt_checklist_wizard_get_aftercare (wizard));
  g_assert_cmpint (cobalt_aftercare_page_get_highest_level (aftercare), ==, -1);
  g_assert_true (cobalt_checklist_wizard_get_can_undo (wizard));
  assert_focus_harmless (f, wizard);
}

static void
test_double_enter_after_finish (JourneyFixture *f,
                                gconstpointer   data)
{
  double_key_after_finish (f, GDK_KEY_Return, GDK_KEY_space);
}

static void
test_double_space_after_finish (JourneyFixture *f,
                                gconstpointer   data)
{
  double_key_after_finish (f, GDK_KEY_space, GDK_KEY_Return);
}

/* Enter on a ticked "Done" goes on; it never takes the tick back (Space,
 * the toggle key, still does, on purpose). On the last step it goes to
 * "Finish and log the dose", which logs only when pressed itself. */
static void
test_enter_on_ticked_step (JourneyFixture *f,
                           gconstpointer   data)
{
  CobaltChecklistWizard *wizard;
  CobaltChecklistRun *run;
  GtkRoot *root = GTK_ROOT (f->window);
  GtkWidget *finish;
  guint n;

  if (!cobalt_test_can_send_keys ())
    {
      g_test_skip ("no X11 display to send keys to");
      return;
    }

  wizard = show_wizard (f);
  run = cobalt_checklist_wizard_get_run (wizard);
  n = cobalt_checklist_run_get_n_steps (run);
  finish = cobalt_test_find_id (GTK_WIDGET (wizard), "next_button");

  /* The first step opens with its "Done" focused: Enter ticks it... */
  wait_for_gtk_until (gtk_root_get_focus (root) == GTK_WIDGET (step_check (wizard, 0)), 5000);
  g_assert_true (gtk_root_get_focus (root) == GTK_WIDGET (step_check (wizard, 0)));
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 0);

  /* ...and a second Enter moves on, the tick kept. */
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));

  /* Back on the ticked step, Enter moves on again. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  g_assert_true (gtk_root_get_focus (root) == GTK_WIDGET (step_check (wizard, 0)));
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, 0));
  g_assert_true (gtk_toggle_button_get_active (step_check (wizard, 0)));

  /* Space is the toggle: it unticks, on purpose. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  cobalt_test_send_key (f->window, GDK_KEY_space);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, 0));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 0);

  /* The last step: Enter ticks, Enter goes to Finish, Enter logs. */
  tick_steps (wizard, 0, n - 1);
  g_assert_true (gtk_root_get_focus (root) == GTK_WIDGET (step_check (wizard, n - 1)));
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, n - 1));
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  g_assert_true (gtk_root_get_focus (root) == finish);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, n - 1));
  g_assert_cmpuint (dose_count (f), ==, 1);
  cobalt_test_send_key (f->window, GDK_KEY_Return);
  wait_for_gtk_until (dose_count (f) == 2, 5000);
  g_assert_cmpuint (dose_count (f), ==, 2);
}

static void
on_changed_finish_again_cb (CobaltRepository        *repository,
                            CobaltRepositoryChanges  changes,
                            CobaltChecklistWizard   *wizard)
{
  static guint depth;

  /* Once is enough: the bug would recurse with every dose logged. */
  if (!(changes & COBALT_REPOSITORY_CHANGED_DOSES) || depth > 0)
    return;

  depth++;
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.timing-go-on", NULL);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  cobalt_checklist_wizard_finish (wizard);
  depth--;
}

/* A second Finish while the first is still being logged (a handler of the
 * repository's ::changed runs before logging returns) logs nothing more:
 * here on the extra-dose path, where the person's "My clinic told me to
 * give it now" would otherwise let a second dose through. */
static void
test_double_finish_while_logging (JourneyFixture *f,
                                  gconstpointer   data)
{
  g_autoptr(GDateTime) earlier_today = fixture_time (2025, 3, 10, 8, 0);
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);
  g_autoptr(CobaltDose) clinic = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;
  CobaltChecklistWizard *wizard;
  guint n;

  clinic->person_id = f->person->id;
  clinic->prescription_id = prescription->id;
  cobalt_dose_set_given_at (clinic, earlier_today);
  clinic->amount = 1.0;
  clinic->unit = COBALT_DOSE_UNIT_MG;
  clinic->given_by = COBALT_GIVEN_BY_CLINIC;
  g_assert_true (cobalt_repository_add_dose (f->repository, clinic, &error));
  g_assert_no_error (error);

  wizard = show_wizard (f);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.timing-go-on", NULL);
  n = cobalt_checklist_run_get_n_steps (cobalt_checklist_wizard_get_run (wizard));
  tick_steps (wizard, 0, n - 1);
  gtk_toggle_button_set_active (step_check (wizard, n - 1), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");
  g_assert_cmpuint (dose_count (f), ==, 2);

  g_signal_connect_object (f->repository, "changed", G_CALLBACK (on_changed_finish_again_cb), wizard, 0);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.timing-go-on", NULL);
  wait_for_gtk (20);

  g_assert_cmpuint (dose_count (f), ==, 3);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_nonnull (cobalt_checklist_wizard_get_dose (wizard));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (cobalt_test_find_id (GTK_WIDGET (wizard), "error_revealer"))));
}

static gint64
count_settings (JourneyFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = cobalt_database_prepare (f->database, "SELECT count(*) FROM settings", &error);

  g_assert_no_error (error);
  g_assert_true (cobalt_statement_step (stmt, &error));
  return cobalt_statement_get_int64 (stmt, 0);
}

static void
test_resume (JourneyFixture *f,
             gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  gint64 run_id = cobalt_checklist_run_get_id (cobalt_checklist_wizard_get_run (wizard));
  int site_step = cobalt_checklist_run_find_step (cobalt_checklist_wizard_get_run (wizard), COBALT_STEP_CHOOSE_SITE);
  gint64 n_settings = count_settings (f);
  CobaltChecklistRun *run;
  CobaltSitePicker *picker;

  g_assert_cmpint (site_step, >, 0);
  tick_steps (wizard, 0, site_step + 1);

  /* The chosen site is stored with the run, not in the settings. */
  {
    g_autoptr(CobaltChecklistRun) stored = NULL;

    stored = cobalt_repository_get_open_checklist_run (f->repository, f->person->id, NULL);
    g_assert_nonnull (stored);
    g_assert_cmpstr (cobalt_checklist_run_get_site_id (stored), ==, "deltoid-left");
    g_assert_cmpint (count_settings (f), ==, n_settings);
  }

  /* Close the window: the run was saved after every tick. */
  gtk_window_destroy (f->window);
  f->window = GTK_WINDOW (gtk_window_new ());
  wait_for_gtk (20);

  wizard = show_wizard (f);
  run = cobalt_checklist_wizard_get_run (wizard);
  g_assert_cmpint (cobalt_checklist_run_get_id (run), ==, run_id);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, site_step + 1);
  g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (run), ==, site_step + 1);
  g_assert_true (gtk_toggle_button_get_active (step_check (wizard, 0)));
  picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "deltoid-left");

  tick_steps (wizard, site_step + 1, cobalt_checklist_run_get_n_steps (run));
  g_assert_cmpuint (dose_count (f), ==, 2);
  g_assert_cmpint (count_settings (f), ==, n_settings);
}

static void
test_keyboard_only (JourneyFixture *f,
                    gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  guint n = cobalt_checklist_run_get_n_steps (run);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (step_kind (wizard, i), COBALT_STEP_CHOOSE_SITE))
        {
          CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
          GtkWidget *map = cobalt_site_picker_get_map (picker);
          GtkWidget *focus;

          /* The page opens with the suggested site focused; Left moves
           * to the other arm, Right back; Space/Enter chooses it. */
          wait_for_gtk_until (gtk_root_get_focus (GTK_ROOT (f->window)) ==
                              cobalt_body_map_get_button (COBALT_BODY_MAP (map), "deltoid-left") &&
                              cobalt_body_map_get_focus_site (COBALT_BODY_MAP (map)) != NULL, 5000);
          focus = gtk_root_get_focus (GTK_ROOT (f->window));
          g_assert_true (focus == cobalt_body_map_get_button (COBALT_BODY_MAP (map), "deltoid-left"));
          gtk_widget_activate_action (map, "map.move", "s", "left");
          g_assert_cmpstr (cobalt_body_map_get_focus_site (COBALT_BODY_MAP (map)), ==, "deltoid-right");
          gtk_widget_activate_action (map, "map.move", "s", "right");
          g_assert_cmpstr (cobalt_body_map_get_focus_site (COBALT_BODY_MAP (map)), ==, "deltoid-left");
          g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (f->window)), "activate");
          wait_for_gtk_until (g_strcmp0 (cobalt_site_picker_get_selected_site_id (picker), "deltoid-left") == 0, 5000);
          g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "deltoid-left");
        }
      else
        {
          /* Alt+D ("_Done") is the tick's mnemonic. */
          g_assert_true (gtk_widget_mnemonic_activate (GTK_WIDGET (step_check (wizard, i)), FALSE));
          wait_for_gtk (400);
        }
      g_assert_true (cobalt_checklist_run_is_step_ticked (run, i));
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      wait_for_gtk (10);
    }

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_cmpuint (dose_count (f), ==, 2);
}

static void
test_back_and_untick (JourneyFixture *f,
                      gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);

  tick_steps (wizard, 0, 2);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Step 2 of 10"));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.tick", NULL);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, 1));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, 1);
}

static void
expired_set_up (JourneyFixture *f,
                gconstpointer   data)
{
  fixture_set_up_full (f, 2024);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Expired medicine is never used: the expiry step has no override, only
 * an in-date ampoule (added to Supplies, then "Check Supplies again") or
 * stopping; the dose names the in-date batch and carries no flag. */
static void
test_expired_batch (JourneyFixture *f,
                    gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  int expiry = cobalt_checklist_run_find_step (run, COBALT_STEP_CHECK_EXPIRY);
  GtkWidget *page;
  GtkWidget *detail;
  GtkWidget *recheck;
  GtkWidget *stop;

  tick_steps (wizard, 0, expiry);
  page = cobalt_checklist_wizard_get_step_page (wizard, expiry);
  detail = cobalt_checklist_step_page_get_detail (COBALT_CHECKLIST_STEP_PAGE (page));
  g_assert_true (shows_text (page, "expired on 31 December 2024"));
  g_assert_true (shows_text (page, "Never use medicine after its expiry date"));

  /* Nothing to tick or type to go on with it. */
  g_assert_null (cobalt_test_find_type (detail, GTK_TYPE_CHECK_BUTTON));
  g_assert_null (cobalt_test_find_type (detail, GTK_TYPE_ENTRY));
  g_assert_false (shows_text (page, "anyway"));
  gtk_toggle_button_set_active (step_check (wizard, expiry), TRUE);
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, expiry));
  g_assert_false (gtk_toggle_button_get_active (step_check (wizard, expiry)));
  g_assert_true (shows_text (page, "This batch has expired, so this step cannot be ticked"));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, (guint) expiry);

  /* The two ways on: stopping, or an in-date ampoule. */
  stop = find_button (detail, "Stop without _injecting");
  g_assert_nonnull (stop);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (stop)), ==, "wizard.stop");
  recheck = find_button (detail, "_Check Supplies again");
  g_assert_nonnull (recheck);
  cobalt_test_click (recheck);
  g_assert_true (shows_text (page, "Supplies still has no in-date ampoule"));
  g_assert_false (cobalt_checklist_run_is_step_ticked (run, expiry));

  g_object_unref (fixture_add_supply (f, COBALT_SUPPLY_AMPOULE, 2, "NEW7", 2030));
  cobalt_test_click (recheck);
  g_assert_true (shows_text (page, "In date"));
  g_assert_true (shows_text (page, "NEW7"));
  g_assert_false (shows_text (page, "expired"));
  gtk_toggle_button_set_active (step_check (wizard, expiry), TRUE);
  g_assert_true (cobalt_checklist_run_is_step_ticked (run, expiry));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  wait_for_gtk (10);
  tick_steps (wizard, expiry + 1, cobalt_checklist_run_get_n_steps (run));
  wait_for_gtk (20);
  {
    g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, f->person->id, NULL);
    CobaltDose *dose;

    g_assert_cmpuint (doses->len, ==, 2);
    dose = g_ptr_array_index (doses, 1);
    g_assert_cmpstr (dose->batch, ==, "NEW7");
    g_assert_false (dose->exceptions & COBALT_DOSE_EXCEPTION_EXPIRED);
    g_assert_null (dose->exception_note);
  }
  /* The in-date box gave the ampoule; the expired one is untouched. */
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5 + 1);
}

static void
test_aftercare_banner (JourneyFixture *f,
                       gconstpointer   data)
{
  GtkWidget *page = cobalt_aftercare_page_new (f->context, f->person, 0);
  CobaltAftercarePage *aftercare = COBALT_AFTERCARE_PAGE (page);
  g_autoptr(GListModel) reactions = NULL;

  fixture_show (f, page);
  g_assert_null (cobalt_aftercare_page_get_banner_text (aftercare));

  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "site-pain", TRUE));
  g_assert_cmpint (cobalt_aftercare_page_get_highest_level (aftercare), ==, COBALT_TRIAGE_MILD);
  g_assert_true (shows_text (page, "usually settles"));
  /* The line under the heading adds to it rather than repeating it. */
  g_assert_true (shows_text (page, "Tell your clinic if it gets worse"));
  g_assert_false (shows_text (page, "usually settles in a few days. Tell"));

  /* Mild and contact-the-clinic banners are a status, not spoken over
   * what the person is doing. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cobalt_aftercare_page_get_banner (aftercare)),
                                   GTK_ACCESSIBLE_ROLE_STATUS);

  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "fever", TRUE));
  g_assert_nonnull (strstr (cobalt_aftercare_page_get_banner_text (aftercare), TEST_CLINIC_PHONE));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cobalt_aftercare_page_get_banner (aftercare)),
                                   GTK_ACCESSIBLE_ROLE_STATUS);

  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "breathing-difficulty", TRUE));
  g_assert_cmpstr (cobalt_aftercare_page_get_banner_text (aftercare), ==, "Call " TEST_EMERGENCY " now");

  g_assert_true (cobalt_aftercare_page_save (aftercare, NULL));
  reactions = cobalt_repository_list_reactions (f->repository, f->person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reactions), ==, 3);

  /* Saving again does not store them twice. */
  g_assert_true (cobalt_aftercare_page_save (aftercare, NULL));
  g_clear_object (&reactions);
  reactions = cobalt_repository_list_reactions (f->repository, f->person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reactions), ==, 3);
}

/* GTK 4.8 has no gtk_accessible_announce(): an urgent-advice or emergency
 * banner is an ALERT, named by its heading and described by the line
 * under it, and a new one appears whenever the level changes (a screen
 * reader announces an alert as it appears, not when its text changes). */
static void
test_aftercare_banner_alert (JourneyFixture *f,
                             gconstpointer   data)
{
  GtkWidget *page = cobalt_aftercare_page_new (f->context, f->person, 0);
  CobaltAftercarePage *aftercare = COBALT_AFTERCARE_PAGE (page);
  g_autofree char *urgent_heading = cobalt_clinical_triage_heading (COBALT_TRIAGE_URGENT_ADVICE, f->person);
  g_autofree char *urgent_detail = cobalt_clinical_triage_detail (COBALT_TRIAGE_URGENT_ADVICE, f->person);
  g_autofree char *emergency_detail = cobalt_clinical_triage_detail (COBALT_TRIAGE_EMERGENCY, f->person);
  GtkWidget *urgent;
  GtkWidget *emergency;

  fixture_show (f, page);
  g_assert_null (cobalt_aftercare_page_get_banner (aftercare));

  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "hives-swelling", TRUE));
  urgent = cobalt_aftercare_page_get_banner (aftercare);
  g_assert_nonnull (urgent);
  g_assert_true (gtk_widget_get_mapped (urgent));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (urgent), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (urgent), GTK_ACCESSIBLE_PROPERTY_LABEL, urgent_heading);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (urgent), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, urgent_detail);

  g_object_add_weak_pointer (G_OBJECT (urgent), (gpointer *) &urgent);
  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "face-swelling", TRUE));
  emergency = cobalt_aftercare_page_get_banner (aftercare);
  /* A new alert, not the old one relabelled; the old one is gone. */
  g_assert_null (urgent);
  g_assert_true (gtk_widget_get_mapped (emergency));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (emergency), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (emergency), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Call " TEST_EMERGENCY " now");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (emergency), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       emergency_detail);

  /* Back down to nothing: no banner is left behind. */
  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "face-swelling", FALSE));
  g_assert_true (cobalt_aftercare_page_set_reaction (aftercare, "hives-swelling", FALSE));
  g_assert_null (cobalt_aftercare_page_get_banner (aftercare));
  g_assert_null (cobalt_aftercare_page_get_banner_text (aftercare));
}

/* The inject step repeats what the clinic wrote on the prescription, and
 * stopping there tells the person which signs mean calling for help now. */
static void
test_inject_step_and_stop (JourneyFixture *f,
                           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  CobaltChecklistWizard *wizard;
  guint n, inject;

  /* Values no template uses, so only the prescription can show them. */
  prescription = cobalt_repository_get_prescription (f->repository, f->person->id, &error);
  g_assert_no_error (error);
  prescription->injecting_needle_gauge = 21;
  prescription->needle_length_mm = 38;
  prescription->angle_degrees = 72;
  cobalt_set_str (&prescription->technique_notes, "Stretch the skin flat with two fingers");
  g_assert_true (cobalt_repository_save_prescription (f->repository, prescription, &error));
  g_assert_no_error (error);

  wizard = show_wizard (f);
  n = cobalt_checklist_run_get_n_steps (cobalt_checklist_wizard_get_run (wizard));
  for (inject = 0; inject < n; inject++)
    if (g_str_equal (step_kind (wizard, inject), COBALT_STEP_INJECT))
      break;
  g_assert_cmpuint (inject, <, n);
  tick_steps (wizard, 0, inject);
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (cobalt_checklist_wizard_get_run (wizard)), ==, inject);
  g_assert_true (shows_text (GTK_WIDGET (wizard), "21 G, 38 mm"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "72° to the skin"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Stretch the skin flat with two fingers"));
  g_assert_false (shows_text (GTK_WIDGET (wizard), "23 G"));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  cobalt_checklist_wizard_set_stop_reason (wizard, 1, "felt faint");
  g_assert_true (cobalt_checklist_wizard_confirm_stop (wizard));
  wait_for_gtk (20);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stopped");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Call " TEST_EMERGENCY " now"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Swelling of the throat, tongue, lips or face"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "within 5 to 30 minutes"));
  g_assert_false (shows_text (GTK_WIDGET (wizard), "21 G, 38 mm"));
}

static int
find_step (CobaltChecklistWizard *wizard,
           const char            *kind)
{
  int index = cobalt_checklist_run_find_step (cobalt_checklist_wizard_get_run (wizard), kind);

  g_assert_cmpint (index, >=, 0);
  return index;
}

/* Issue 10: in the Cytamen template's weekly 250 mcg phase, the checklist
 * says to draw up 0.25 mL of the 1000 mcg/mL ampoule, not 1 mL. */
static void
test_volume_250mcg_phase (JourneyFixture *f,
                          gconstpointer   data)
{
  static const char *sites[] = { "deltoid-left", "deltoid-right", "vastus-lateralis-left", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) cytamen = cobalt_prescription_new_from_template ("uk-cyano-cytamen");
  CobaltChecklistWizard *wizard;
  GtkWidget *medicine, *expiry, *draw_up;
  GDate start;
  int draw;

  /* Seven loading doses at the clinic, every other day up to 3 March: the
   * weekly 250 mcg phase is due today, 10 March. */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 18, 2, 2025);
  cytamen->person_id = f->person->id;
  cobalt_set_date (&cytamen->starts_on, &start);
  cobalt_prescription_set_enabled_sites (cytamen, sites);
  g_assert_true (cobalt_repository_save_prescription (f->repository, cytamen, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = fixture_time (2025, 2, 19, 9, 0);
      g_autoptr(GDateTime) given = g_date_time_add_days (day, 2 * i);
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();

      dose->person_id = f->person->id;
      dose->prescription_id = cytamen->id;
      cobalt_dose_set_given_at (dose, given);
      cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
      dose->product = COBALT_PRODUCT_CYANOCOBALAMIN;
      dose->amount = 1000;
      dose->unit = COBALT_DOSE_UNIT_MCG;
      dose->given_by = COBALT_GIVEN_BY_CLINIC;
      g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
      g_assert_no_error (error);
    }

  wizard = show_wizard (f);
  medicine = cobalt_checklist_wizard_get_step_page (wizard, find_step (wizard, COBALT_STEP_CONFIRM_MEDICINE));
  g_assert_true (shows_text (medicine, "250 mcg cyanocobalamin"));
  g_assert_true (shows_text (medicine, "1000 mcg/mL"));
  g_assert_true (shows_text (medicine, "0.25 mL"));
  /* The person's hydroxocobalamin box is not offered for this dose. */
  expiry = cobalt_checklist_wizard_get_step_page (wizard, find_step (wizard, COBALT_STEP_CHECK_EXPIRY));
  g_assert_true (shows_text (expiry, "No ampoules of the prescribed medicine and strength"));
  g_assert_false (shows_text (expiry, TEST_BATCH));

  draw = find_step (wizard, COBALT_STEP_DRAW_UP);
  tick_steps (wizard, 0, draw);
  draw_up = cobalt_checklist_wizard_get_step_page (wizard, draw);
  g_assert_true (shows_text (draw_up, "Volume to draw up"));
  g_assert_true (shows_text (draw_up, "0.25 mL"));
  /* Well within the deltoid's 1 mL: no clinic warning. */
  g_assert_false (shows_text (draw_up, "Check with your clinic"));
}

/* A volume above the chosen site's typical maximum is not refused, but
 * the draw-up step says to check with the clinic. */
static void
test_volume_above_site_maximum (JourneyFixture *f,
                                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  CobaltChecklistWizard *wizard;
  GtkWidget *draw_up;
  int draw;

  /* 1 mg from a 0.5 mg/mL ampoule is 2 mL; the suggested deltoid takes 1 mL. */
  prescription = cobalt_repository_get_prescription (f->repository, f->person->id, &error);
  g_assert_no_error (error);
  prescription->strength_amount = 0.5;
  g_assert_true (cobalt_repository_save_prescription (f->repository, prescription, &error));
  g_assert_no_error (error);

  wizard = show_wizard (f);
  draw = find_step (wizard, COBALT_STEP_DRAW_UP);
  tick_steps (wizard, 0, draw);
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard))),
                   ==, "deltoid-left");
  draw_up = cobalt_checklist_wizard_get_step_page (wizard, draw);
  g_assert_true (shows_text (draw_up, "2 mL"));
  g_assert_true (shows_text (draw_up, "This dose is 2 mL, more than the usual maximum of 1 mL for Left upper arm (deltoid). "
                                      "Check with your clinic before you inject."));
  /* A warning, not a block: the step can be ticked. */
  gtk_toggle_button_set_active (step_check (wizard, draw), TRUE);
  g_assert_true (cobalt_checklist_run_is_step_ticked (cobalt_checklist_wizard_get_run (wizard), draw));
}

/* A strength that is not a number (an older version's text): the
 * checklist shows no volume, only the clinic's teaching. */
static void
test_volume_unknown_strength (void)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  GtkWidget *medicine, *draw_up;
  GtkLabel *warning = NULL;

  prescription->strength_amount = 0;
  cobalt_set_str (&prescription->strength_text, "1 ampoule");
  medicine = g_object_ref_sink (cobalt_wizard_medicine_detail_new (prescription, 0));
  draw_up = g_object_ref_sink (cobalt_wizard_draw_up_detail_new (prescription, 0, &warning));

  g_assert_true (shows_text (medicine, "as your clinic showed you"));
  g_assert_true (shows_text (medicine, "“1 ampoule” (not confirmed"));
  g_assert_false (shows_text (medicine, " mL"));
  g_assert_true (shows_text (draw_up, "as your clinic showed you"));
  g_assert_false (shows_text (draw_up, " mL"));
  /* No volume, so nothing to compare with a site. */
  cobalt_wizard_draw_up_detail_set_site (warning, prescription, 0, cobalt_site_catalogue_lookup ("deltoid-left"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (warning)));

  g_object_unref (medicine);
  g_object_unref (draw_up);
}

/* The database refuses the write at the last step: the person is told in
 * plain words, stays on the inject step with the site and tick kept, and
 * nothing half-logged is left; once writing works again, Next logs it. */
static void
test_database_error_keeps_progress (JourneyFixture *f,
                                    gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  CobaltChecklistWizard *wizard = show_wizard (f);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
  guint n = cobalt_checklist_run_get_n_steps (run);

  tick_steps (wizard, 0, n - 1);
  gtk_toggle_button_set_active (step_check (wizard, n - 1), TRUE);

  g_assert_true (cobalt_database_exec (f->database, "PRAGMA query_only = ON", &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  wait_for_gtk (20);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "The dose was not logged."));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "What you entered is still here"));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, n - 1);
  g_assert_true (gtk_toggle_button_get_active (step_check (wizard, n - 1)));
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "deltoid-left");
  g_assert_null (cobalt_checklist_wizard_get_dose (wizard));
  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5);

  g_assert_true (cobalt_database_exec (f->database, "PRAGMA query_only = OFF", &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  wait_for_gtk (20);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Dose logged at 09:00"));
  g_assert_cmpuint (dose_count (f), ==, 2);
  g_assert_cmpstr (COBALT_DOSE (cobalt_checklist_wizard_get_dose (wizard))->site_id, ==, "deltoid-left");
}

/* Translated, the bottom bar's labels are much longer than in English
 * (German and French here, as in po/): they wrap rather than make the
 * checklist wider than a 360 px screen, and keep their mnemonic and one
 * clean accessible name. */
static void
test_long_button_labels_wrap (JourneyFixture *f,
                              gconstpointer   data)
{
  CobaltChecklistWizard *wizard = show_wizard (f);
  GtkButton *buttons[] = { wizard->stop_button, wizard->back_button, wizard->next_button };
  const char *labels[] = {
    "_Stopp – ich bin mir nicht sicher, ob alles stimmt",
    "_Zurück zum vorherigen Schritt der Checkliste",
    "_Abschließen und die Dosis jetzt ins Tagebuch eintragen",
  };
  int min_width, button_min, button_natural;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *child;

      gtk_button_set_label (buttons[i], labels[i]);
      child = gtk_button_get_child (buttons[i]);
      g_assert_true (GTK_IS_LABEL (child));
      g_assert_true (gtk_label_get_wrap (GTK_LABEL (child)));
      g_assert_true (gtk_label_get_use_underline (GTK_LABEL (child)));
      gtk_widget_measure (GTK_WIDGET (buttons[i]), GTK_ORIENTATION_HORIZONTAL, -1,
                          &button_min, &button_natural, NULL, NULL);
      g_assert_cmpint (button_min, <, button_natural);
    }
  cobalt_journey_fix_button_names (GTK_WIDGET (wizard));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (wizard->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Abschließen und die Dosis jetzt ins Tagebuch eintragen");

  gtk_widget_measure (GTK_WIDGET (wizard), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) g_test_add ("/cobalt/journey/wizard/" path, JourneyFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("complete", test_complete_flow);
  ADD ("undo", test_undo);
  ADD ("undo-stays-on-aftercare", test_undo_stays);
  ADD ("double-enter-after-finish", test_double_enter_after_finish);
  ADD ("double-space-after-finish", test_double_space_after_finish);
  ADD ("enter-on-ticked-step", test_enter_on_ticked_step);
  ADD ("double-finish-while-logging", test_double_finish_while_logging);
  ADD ("aftercare-banner-alert", test_aftercare_banner_alert);
  ADD ("abort", test_abort);
  ADD ("stop-reasons-are-choices", test_stop_reasons_are_choices);
  ADD ("aftercare-choices", test_aftercare_choices);
  ADD ("resume", test_resume);
  ADD ("keyboard-only", test_keyboard_only);
  ADD ("back-and-untick", test_back_and_untick);
  ADD ("aftercare-banner", test_aftercare_banner);
  ADD ("inject-step-and-stop", test_inject_step_and_stop);
  ADD ("volume-250mcg-phase", test_volume_250mcg_phase);
  ADD ("volume-above-site-maximum", test_volume_above_site_maximum);
  ADD ("database-error-keeps-progress", test_database_error_keeps_progress);
  ADD ("long-button-labels-wrap", test_long_button_labels_wrap);
#undef ADD
  g_test_add ("/cobalt/journey/wizard/expired-batch", JourneyFixture, NULL, expired_set_up, test_expired_batch, fixture_tear_down);
  g_test_add_func ("/cobalt/journey/wizard/volume-unknown-strength", test_volume_unknown_strength);

  return g_test_run ();
}
