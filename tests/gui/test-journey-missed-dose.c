/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The schedule rules of CLINICAL.md "Missed dose" as a person meets them:
 * the checklist and "log a dose given elsewhere" ask before an early or
 * extra dose and keep why; a dose not given on the clinic's advice is
 * recorded and counted; the prescription asks for its first-dose date. */

#include "config.h"

#include "cobalt-body-map.h"
#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-dose-timing-notice.h"
#include "cobalt-first-dose-field.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-not-given-dialog.h"
#include "cobalt-prescription-editor.h"
#include "cobalt-site-picker.h"
#include "cobalt-status.h"
#include "journey-test-util.h"

static const char *
error_text (GtkWidget *label)
{
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_runs (JourneyFixture *f)
{
  g_autoptr(GListModel) runs = cobalt_repository_list_checklist_runs (f->repository, f->person->id, NULL);

  return g_list_model_get_n_items (runs);
}

static CobaltDose *
last_dose (JourneyFixture *f)
{
  g_autoptr(GPtrArray) doses = cobalt_repository_list_schedule_doses (f->repository, f->person->id, NULL);

  g_assert_cmpuint (doses->len, >, 0);
  return g_object_ref (g_ptr_array_index (doses, doses->len - 1));
}

static GDate
next_due_date (JourneyFixture *f)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(CobaltStatus) status = cobalt_status_compute (f->repository, f->person, now, NULL);

  return cobalt_status_get_due (status)->due_date;
}

/* Ticks every step as clicks would, choosing the suggested site, and
 * presses "Finish and log the dose". */
static void
tick_all_and_finish (CobaltChecklistWizard *wizard)
{
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  guint n = cobalt_checklist_run_get_n_steps (run);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (cobalt_checklist_run_get_step_kind (run, i), COBALT_STEP_CHOOSE_SITE))
        {
          CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
          const char *suggested = cobalt_site_picker_get_suggested_site_id (picker);
          GtkWidget *button = cobalt_body_map_get_button (COBALT_BODY_MAP (cobalt_site_picker_get_map (picker)),
                                                          suggested);

          g_signal_emit_by_name (button, "clicked");
          wait_for_gtk (20);
        }
      else
        {
          GtkWidget *page = cobalt_checklist_wizard_get_step_page (wizard, i);

          gtk_toggle_button_set_active (cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (page)), TRUE);
        }
      g_assert_true (cobalt_checklist_run_is_step_ticked (run, i));
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      wait_for_gtk (10);
    }
}

/* Five days before the quarterly dose is due: asked before the run
 * starts, and again before the dose is logged; logged only on "My clinic
 * told me to give it now", with why and who said so. */
static void
test_wizard_early_dose (JourneyFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GDateTime) early = fixture_time (2025, 3, 5, 9, 0);
  g_autoptr(CobaltDose) dose = NULL;
  CobaltChecklistWizard *wizard;
  GtkWidget *widget;
  GtkWidget *notice;

  cobalt_clock_set_now (f->clock, early);
  widget = cobalt_checklist_wizard_new (f->context, f->person);
  fixture_show (f, widget);
  wizard = COBALT_CHECKLIST_WIZARD (widget);

  /* Nothing started: the question first, with the last and next dates. */
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");
  g_assert_null (cobalt_checklist_wizard_get_run (wizard));
  g_assert_cmpuint (n_runs (f), ==, 0);
  g_assert_true (shows_text (widget, "This dose is early"));
  g_assert_true (shows_text (widget, "Your last dose was on Tuesday 10 December 2024 at 09:00."));
  g_assert_true (shows_text (widget, "The next is due on Monday 10 March 2025."));
  g_assert_true (shows_text (widget, "told you to give this dose now"));

  /* The keys that move a checklist on do nothing here. */
  gtk_widget_activate_action (widget, "wizard.next", NULL);
  wait_for_gtk (10);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");

  gtk_widget_activate_action (widget, "wizard.timing-go-on", NULL);
  wait_for_gtk (20);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "steps");
  g_assert_nonnull (cobalt_checklist_wizard_get_run (wizard));
  g_assert_cmpuint (n_runs (f), ==, 1);

  /* Asked again before logging; nothing logged yet. */
  tick_all_and_finish (wizard);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");
  g_assert_null (cobalt_checklist_wizard_get_dose (wizard));
  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_true (shows_text (widget, "Back to the checklist"));

  notice = find_of_type (widget, COBALT_TYPE_DOSE_TIMING_NOTICE);
  g_assert_nonnull (notice);
  gtk_editable_set_text (cobalt_dose_timing_notice_get_note_entry (COBALT_DOSE_TIMING_NOTICE (notice)),
                         "  Nurse Patel, by phone ");
  gtk_widget_activate_action (widget, "wizard.timing-go-on", NULL);
  wait_for_gtk (20);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  g_assert_cmpuint (dose_count (f), ==, 2);
  dose = last_dose (f);
  g_assert_cmpint (dose->exceptions, ==, COBALT_DOSE_EXCEPTION_EARLY);
  g_assert_cmpstr (dose->exception_note, ==, "Nurse Patel, by phone");
  /* The person's own note is left alone. */
  g_assert_null (dose->notes);
}

static void
on_close_cb (GtkWidget *wizard,
             gboolean  *closed)
{
  *closed = TRUE;
}

/* A second dose the same day: "Not now" closes and leaves nothing behind. */
static void
test_wizard_extra_dose_not_now (JourneyFixture *f,
                                gconstpointer   data)
{
  g_autoptr(GDateTime) morning = fixture_time (2025, 3, 10, 8, 0);
  g_autoptr(CobaltDose) given = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *widget;
  gboolean closed = FALSE;

  given->person_id = f->person->id;
  cobalt_dose_set_given_at (given, morning);
  cobalt_set_str (&given->site_id, "deltoid-right");
  g_assert_true (cobalt_repository_add_dose (f->repository, given, &error));
  g_assert_no_error (error);

  widget = cobalt_checklist_wizard_new (f->context, f->person);
  g_signal_connect (widget, "close", G_CALLBACK (on_close_cb), &closed);
  fixture_show (f, widget);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (COBALT_CHECKLIST_WIZARD (widget)), ==, "timing");
  g_assert_true (shows_text (widget, "A dose is already logged for this day"));
  g_assert_true (shows_text (widget, "Your last dose was on Monday 10 March 2025 at 08:00."));

  gtk_widget_activate_action (widget, "wizard.timing-back", NULL);
  wait_for_gtk (10);
  g_assert_true (closed);
  g_assert_cmpuint (n_runs (f), ==, 0);
  g_assert_cmpuint (dose_count (f), ==, 2);
}

/* On the due day the checklist goes straight to its steps. */
static void
test_wizard_due_dose_not_asked (JourneyFixture *f,
                                gconstpointer   data)
{
  GtkWidget *widget = cobalt_checklist_wizard_new (f->context, f->person);

  fixture_show (f, widget);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (COBALT_CHECKLIST_WIZARD (widget)), ==, "steps");
  g_assert_false (shows_text (widget, "This dose is early"));
}

static void
test_log_elsewhere_early (JourneyFixture *f,
                          gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  g_autoptr(CobaltDose) dose = NULL;
  GtkWidget *notice;

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  /* At the clinic on 5 March, five days before it was due. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-05");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 10);
  g_assert_false (gtk_widget_get_visible (FIELD ("timing")));
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_true (gtk_widget_get_visible (FIELD ("timing")));
  g_assert_nonnull (strstr (error_text (FIELD ("when-error")), "more than a day before it was due"));
  g_assert_true (shows_text (FIELD ("timing"), "Your last dose was on Tuesday 10 December 2024"));
  g_assert_true (shows_text (FIELD ("timing"), "The next is due on Monday 10 March 2025."));
  g_assert_cmpuint (dose_count (f), ==, 1);

  notice = find_of_type (FIELD ("timing"), COBALT_TYPE_DOSE_TIMING_NOTICE);
  gtk_editable_set_text (cobalt_dose_timing_notice_get_note_entry (COBALT_DOSE_TIMING_NOTICE (notice)), "Dr Rao");
  choice_set_ticked (FIELD ("timing-confirm"), TRUE);
  g_assert_true (cobalt_log_elsewhere_dialog_save (dialog, NULL));
#undef FIELD

  g_assert_cmpuint (dose_count (f), ==, 2);
  dose = last_dose (f);
  g_assert_cmpint (dose->exceptions, ==, COBALT_DOSE_EXCEPTION_EARLY);
  g_assert_cmpstr (dose->exception_note, ==, "Dr Rao");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A tick given for one time does not carry over to another. */
static void
test_log_elsewhere_tick_is_per_time (JourneyFixture *f,
                                     gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-05");
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  choice_set_ticked (FIELD ("timing-confirm"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-04");
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_false (choice_get_ticked (FIELD ("timing-confirm")));
  g_assert_cmpuint (dose_count (f), ==, 1);
#undef FIELD

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_not_given_skipped (JourneyFixture *f,
                        gconstpointer   data)
{
  CobaltNotGivenDialog *dialog = cobalt_not_given_dialog_new (f->window, f->context, f->person);
  g_autoptr(CobaltDose) record = NULL;
  GDate due;

#define FIELD(name) cobalt_not_given_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  /* Who advised it is required. */
  g_assert_false (cobalt_not_given_dialog_save (dialog, NULL));
  g_assert_nonnull (error_text (FIELD ("advised-error")));
  g_assert_false (gtk_widget_get_visible (FIELD ("moved-to")));

  gtk_editable_set_text (GTK_EDITABLE (FIELD ("advised-by")), "Dr Rao");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("notes")), "Bloods first");
  g_assert_true (cobalt_not_given_dialog_save (dialog, NULL));
#undef FIELD

  /* Recorded, not a dose given: nothing taken from the cupboard. */
  record = last_dose (f);
  g_assert_cmpint (record->kind, ==, COBALT_DOSE_KIND_SKIPPED);
  g_assert_cmpstr (record->advised_by, ==, "Dr Rao");
  g_assert_cmpstr (record->notes, ==, "Bloods first");
  g_assert_cmpuint (dose_count (f), ==, 1);
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5);
  /* The schedule counts from the decision: three months from today. */
  due = next_due_date (f);
  g_assert_cmpint (g_date_get_year (&due), ==, 2025);
  g_assert_cmpint (g_date_get_month (&due), ==, 6);
  g_assert_cmpint (g_date_get_day (&due), ==, 10);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
test_not_given_moved (JourneyFixture *f,
                      gconstpointer   data)
{
  CobaltNotGivenDialog *dialog = cobalt_not_given_dialog_new (f->window, f->context, f->person);
  g_autoptr(CobaltDose) record = NULL;
  GDate due;

#define FIELD(name) cobalt_not_given_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  choice_set_ticked (FIELD ("move"), TRUE);
  g_assert_true (gtk_widget_get_visible (FIELD ("moved-to")));
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("advised-by")), "Practice nurse");

  /* The day it moves to is required, and not before the decision. */
  g_assert_false (cobalt_not_given_dialog_save (dialog, NULL));
  g_assert_nonnull (error_text (FIELD ("moved-error")));
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("moved-to")), "2025-03-01");
  g_assert_false (cobalt_not_given_dialog_save (dialog, NULL));
  g_assert_nonnull (strstr (error_text (FIELD ("moved-error")), "before the day it was decided"));
  /* Nor a decision in the future. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("decided")), "2025-03-12");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("moved-to")), "2025-03-14");
  g_assert_false (cobalt_not_given_dialog_save (dialog, NULL));
  g_assert_nonnull (error_text (FIELD ("decided-error")));

  gtk_editable_set_text (GTK_EDITABLE (FIELD ("decided")), "2025-03-10");
  g_assert_true (cobalt_not_given_dialog_save (dialog, NULL));
#undef FIELD

  record = last_dose (f);
  g_assert_cmpint (record->kind, ==, COBALT_DOSE_KIND_MOVED);
  /* Today is no longer the due day: the clinic moved it to the 14th. */
  due = next_due_date (f);
  g_assert_cmpint (g_date_get_month (&due), ==, 3);
  g_assert_cmpint (g_date_get_day (&due), ==, 14);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A new prescription offers the next day as its first-dose date, says what
 * it means, refuses a day in the past and stores the day confirmed. */
static void
test_prescription_first_dose_date (JourneyFixture *f,
                                   gconstpointer   data)
{
  g_autoptr(CobaltPerson) newcomer = cobalt_person_new ("Robin Newcomer");
  g_autoptr(CobaltPrescription) saved = NULL;
  g_autoptr(GError) error = NULL;
  CobaltPrescriptionEditor *editor;
  GtkWidget *field;
  GtkEditable *entry;

  g_assert_true (cobalt_repository_save_person (f->repository, newcomer, &error));
  g_assert_no_error (error);
  /* Not the context's person: the editor is for whoever it was opened for. */
  editor = COBALT_PRESCRIPTION_EDITOR (cobalt_prescription_editor_new (f->context, newcomer));
  fixture_show (f, GTK_WIDGET (editor));
  field = cobalt_prescription_editor_get_field (editor, "first-dose");
  g_assert_nonnull (field);
  entry = cobalt_first_dose_field_get_entry (COBALT_FIRST_DOSE_FIELD (field));

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "2025-03-11");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (entry)));
  g_assert_true (shows_text (field, "The first dose will be due on"));

  gtk_editable_set_text (entry, "2025-03-01");
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_true (shows_text (field, "cannot be in the past"));

  /* A new person's prescription starts blank: the regimen and a trained
   * site are the person's to give. */
  g_assert_true (cobalt_prescription_editor_load_template (editor, "uk-hydroxo-prophylaxis"));
  choice_set_ticked (cobalt_prescription_editor_get_field (editor, "site:deltoid-left"), TRUE);
  gtk_editable_set_text (entry, "2025-03-12");
  g_assert_true (cobalt_prescription_editor_save (editor, &error));
  g_assert_no_error (error);
  saved = cobalt_repository_get_prescription (f->repository, newcomer->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved->starts_on);
  g_assert_cmpint (g_date_get_day (saved->starts_on), ==, 12);
  g_assert_cmpint (g_date_get_month (saved->starts_on), ==, 3);
}

/* Once a dose is logged the schedule counts from the doses: the date only
 * shows. */
static void
test_prescription_first_dose_after_doses (JourneyFixture *f,
                                          gconstpointer   data)
{
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (cobalt_prescription_editor_new (f->context, f->person));
  GtkWidget *field;

  fixture_show (f, GTK_WIDGET (editor));
  field = cobalt_prescription_editor_get_field (editor, "first-dose");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cobalt_first_dose_field_get_entry (COBALT_FIRST_DOSE_FIELD (field)))));
  g_assert_true (shows_text (field, "counts from them"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) g_test_add ("/cobalt/journey/missed-dose/" path, JourneyFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("wizard-early-dose", test_wizard_early_dose);
  ADD ("wizard-extra-dose-not-now", test_wizard_extra_dose_not_now);
  ADD ("wizard-due-dose-not-asked", test_wizard_due_dose_not_asked);
  ADD ("log-elsewhere-early", test_log_elsewhere_early);
  ADD ("log-elsewhere-tick-is-per-time", test_log_elsewhere_tick_is_per_time);
  ADD ("not-given-skipped", test_not_given_skipped);
  ADD ("not-given-moved", test_not_given_moved);
  ADD ("prescription-first-dose-date", test_prescription_first_dose_date);
  ADD ("prescription-first-dose-after-doses", test_prescription_first_dose_after_doses);
#undef ADD

  return g_test_run ();
}
