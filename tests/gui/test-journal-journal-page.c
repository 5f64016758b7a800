/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Journal page used as a person would: a check-in through the form, a
 * lab result with its conversion and range, the refusals (with the reason
 * beside the field and nothing stored), and a reaction with its banner;
 * each list row read aloud as one sentence, the "Not recorded" boxes
 * ticked as assistive technology does, and every section at 360 px and
 * with twice the text size. */

#include <gtk/gtk.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checkin-form.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-page.h"
#include "cobalt-lab-form.h"
#include "cobalt-wrap-box.h"
#include "journal-gui-test-util.h"
#include "journal-test-util.h"

typedef struct
{
  JournalFixture  f;
  CobaltContext  *context;
  CobaltDose     *dose;
  GtkWidget      *window;
  GtkWidget      *page;
} PageFixture;

static void
page_set_up (PageFixture   *pf,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 3, 10, 18, 0);
  g_autoptr(GDateTime) given = journal_time (tz, 2025, 3, 10, 9, 0);
  g_autoptr(CobaltPrescription) prescription = NULL;

  journal_fixture_set_up (&pf->f, now);
  prescription = journal_save_prescription (&pf->f, COBALT_INTERVAL_MONTHS, 3);
  pf->dose = journal_add_dose (&pf->f, prescription, given);

  pf->context = cobalt_context_new (pf->f.repository, pf->f.clock, pf->f.person);
  pf->page = cobalt_journal_page_new (pf->context);
  pf->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (pf->window), 900, 900);
  gtk_window_set_child (GTK_WINDOW (pf->window), pf->page);
  gtk_window_present (GTK_WINDOW (pf->window));
  cobalt_test_wait_idle ();
}

static void
page_tear_down (PageFixture   *pf,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (pf->window));
  cobalt_test_wait_idle ();
  g_clear_object (&pf->dose);
  g_clear_object (&pf->context);
  journal_fixture_tear_down (&pf->f);
}

static guint
count (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

static guint
n_checkins (PageFixture *pf)
{
  return count (cobalt_repository_list_checkins (pf->f.repository, pf->f.person->id, NULL));
}

static guint
n_lab_results (PageFixture *pf)
{
  return count (cobalt_repository_list_lab_results (pf->f.repository, pf->f.person->id, NULL));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label_text)
{
  GtkLabel *label = cobalt_test_find_label (root, label_text);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  return button;
}

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (root, id)), text);
}

static const char *
shown_error (GtkWidget  *root,
             const char *id)
{
  GtkWidget *label = cobalt_test_find_id (root, id);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_checkin (PageFixture   *pf,
              gconstpointer  data)
{
  GtkWidget *form = cobalt_test_find_type (pf->page, COBALT_TYPE_CHECKIN_FORM);
  GtkWidget *energy_scale;
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(CobaltCheckin) checkin = NULL;

  g_assert_nonnull (form);

  /* Nothing moved, nothing written: refused, with the reason shown. */
  cobalt_test_click (find_button (form, "Save check-in"));
  g_assert_nonnull (shown_error (form, "error_label"));
  g_assert_cmpuint (n_checkins (pf), ==, 0);

  /* Moving the first scale (Energy) records it; the others stay "not recorded"
   * unless set. */
  energy_scale = cobalt_test_find_type (form, GTK_TYPE_SCALE);
  gtk_range_set_value (GTK_RANGE (energy_scale), 7);
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY), ==, 7);
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_MOOD), ==,
                   COBALT_CHECKIN_NOT_RECORDED);
  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_PINS_AND_NEEDLES, 2);
  set_text (form, "note_entry", "Slept badly");
  cobalt_test_click (find_button (form, "Save check-in"));

  g_assert_null (shown_error (form, "error_label"));
  checkins = cobalt_repository_list_checkins (pf->f.repository, pf->f.person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (checkins), ==, 1);
  checkin = g_list_model_get_item (checkins, 0);
  g_assert_cmpint (checkin->scores[COBALT_CHECKIN_ENERGY], ==, 7);
  g_assert_cmpint (checkin->scores[COBALT_CHECKIN_MOOD], ==, COBALT_CHECKIN_NOT_RECORDED);
  g_assert_cmpint (checkin->scores[COBALT_CHECKIN_PINS_AND_NEEDLES], ==, 2);
  g_assert_cmpstr (checkin->note, ==, "Slept badly");

  /* The form is ready for the next one, and the list shows this one. */
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY), ==,
                   COBALT_CHECKIN_NOT_RECORDED);
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Check-in saved."));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Energy: 7 · Mood: not recorded"));

  /* A screen reader reads the row as what it shows, without the dots. */
  journal_assert_name (journal_row_showing (pf->page, "Energy: 7"),
                       "Check-in of 10 March 2025, 18:00. Energy: 7, Mood: not recorded, "
                       "Fatigue: not recorded, Pins and needles: 2, "
                       "Memory and concentration: not recorded. Slept badly");
}

/* "Not recorded" is a tick box a screen reader can tick (GTK 4.8 gives a
 * check button no action): a CobaltChoiceButton, named by its score, read
 * as checked or not, and ticking or unticking it is what the form saves. */
static void
test_not_recorded_choice (PageFixture   *pf,
                          gconstpointer  data)
{
  GtkWidget *form = cobalt_test_find_type (pf->page, COBALT_TYPE_CHECKIN_FORM);
  GtkWidget *energy = cobalt_test_find_type (form, COBALT_TYPE_CHOICE_BUTTON);
  g_autofree char *checked = NULL;

  g_assert_nonnull (energy);
  g_assert_false (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (energy)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (energy), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  journal_assert_name (energy, "Energy not recorded");
  checked = gtk_test_accessible_check_state (GTK_ACCESSIBLE (energy), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  g_assert_cmpstr (checked, ==, NULL);

  /* AT-SPI's "click" activates the button: Energy is then recorded, at
   * the scale's value. */
  journal_activate_until (energy, FALSE);
  g_clear_pointer (&checked, g_free);
  checked = gtk_test_accessible_check_state (GTK_ACCESSIBLE (energy), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
  g_assert_cmpstr (checked, ==, NULL);
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY), ==, 5);

  /* Ticked again: not recorded, and the saved check-in says so. */
  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_MOOD, 4);
  journal_activate_until (energy, TRUE);
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY), ==,
                   COBALT_CHECKIN_NOT_RECORDED);
  g_assert_true (cobalt_checkin_form_save (COBALT_CHECKIN_FORM (form), NULL));
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Energy: not recorded · Mood: 4"));

  /* Its button reads as what it does, without the mnemonic. */
  journal_assert_name (find_button (form, "Save check-in"), "Save check-in");
}

/* A check-in form that has nobody to save for (no person chosen yet): its
 * Save button must refuse with the reason beside it, not crash. */
static void
test_checkin_no_person (PageFixture   *pf,
                        gconstpointer  data)
{
  g_autoptr(CobaltContext) nobody = cobalt_context_new (pf->f.repository, pf->f.clock, NULL);
  GtkWidget *form = cobalt_checkin_form_new (nobody);
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), form);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY, 7);
  cobalt_test_click (find_button (form, "Save check-in"));

  g_assert_cmpstr (shown_error (form, "error_label"), ==, "Choose whose check-in this is first.");
  g_assert_cmpuint (n_checkins (pf), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

static void
test_lab_result (PageFixture   *pf,
                 gconstpointer  data)
{
  GtkWidget *form;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CobaltLabResult) result = NULL;

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "labs");
  cobalt_test_wait_idle ();
  form = cobalt_test_find_type (pf->page, COBALT_TYPE_LAB_FORM);
  g_assert_nonnull (form);

  /* The date defaults to today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_test_find_id (form, "date_entry"))), ==, "2025-03-10");

  /* B12 in pmol/L shows what it is in the other units. */
  g_assert_true (cobalt_lab_form_set_unit (COBALT_LAB_FORM (form), "pmol/L"));
  set_text (form, "value_entry", "200");
  g_assert_cmpstr (cobalt_lab_form_get_conversion_text (COBALT_LAB_FORM (form)), ==, "= 271 pg/mL = 271 ng/L");
  g_assert_true (cobalt_lab_form_set_unit (COBALT_LAB_FORM (form), "pg/mL"));
  g_assert_cmpstr (cobalt_lab_form_get_conversion_text (COBALT_LAB_FORM (form)), ==, "= 200 ng/L = 147.6 pmol/L");
  g_assert_true (cobalt_lab_form_set_unit (COBALT_LAB_FORM (form), "pmol/L"));

  set_text (form, "ref_low_entry", "148");
  set_text (form, "ref_high_entry", "664");
  set_text (form, "date_entry", "2025-03-01");
  set_text (form, "lab_entry", "Riverside Lab");
  cobalt_test_click (find_button (form, "Save result"));

  g_assert_null (shown_error (form, "value_error"));
  results = cobalt_repository_list_lab_results (pf->f.repository, pf->f.person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (result->test, ==, COBALT_LAB_TEST_SERUM_B12);
  g_assert_cmpfloat (result->value, ==, 200);
  g_assert_cmpstr (result->unit, ==, "pmol/L");
  g_assert_cmpfloat (result->ref_low, ==, 148);
  g_assert_cmpfloat (result->ref_high, ==, 664);
  g_assert_cmpint (g_date_get_day (result->taken_on), ==, 1);
  g_assert_cmpstr (result->lab_name, ==, "Riverside Lab");

  /* The list says where it stands in words. */
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Serum B12: 200 pmol/L"));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Within the lab's range (148–664 pmol/L)"));
  journal_assert_name (journal_row_showing (pf->page, "Serum B12: 200 pmol/L"),
                       "Serum B12: 200 pmol/L. Within the lab's range (148–664 pmol/L). "
                       "Same as 271 pg/mL, 271 ng/L. Taken on 1 March 2025. Riverside Lab");

  /* A drop-down's button is read with its choice. */
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (form, "unit_dropdown")), "Unit: pmol/L");
  journal_assert_name (cobalt_test_find_id (form, "test_dropdown"), "Test");
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (form, "test_dropdown")), "Test: Serum B12");
}

static void
test_lab_refusals (PageFixture   *pf,
                   gconstpointer  data)
{
  GtkWidget *form;
  g_autoptr(GError) error = NULL;

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "labs");
  cobalt_test_wait_idle ();
  form = cobalt_test_find_type (pf->page, COBALT_TYPE_LAB_FORM);

  /* Out of any plausible range for serum B12. */
  set_text (form, "value_entry", "90000");
  g_assert_false (cobalt_lab_form_save (COBALT_LAB_FORM (form), &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (strstr (shown_error (form, "value_error"), "not a plausible result for Serum B12"));
  g_assert_cmpuint (n_lab_results (pf), ==, 0);

  /* Not a number, a range upside down, and a date that does not exist:
   * each refused beside its own field, all at once. */
  set_text (form, "value_entry", "three hundred");
  set_text (form, "ref_low_entry", "900");
  set_text (form, "ref_high_entry", "200");
  set_text (form, "date_entry", "2025-13-40");
  cobalt_test_click (find_button (form, "Save result"));
  g_assert_nonnull (shown_error (form, "value_error"));
  g_assert_cmpstr (shown_error (form, "range_error"), ==,
                   "The lower end of the reference range must be below the upper end.");
  g_assert_nonnull (shown_error (form, "date_error"));
  g_assert_cmpuint (n_lab_results (pf), ==, 0);

  /* A sample taken in the future. */
  set_text (form, "value_entry", "300");
  set_text (form, "ref_low_entry", "");
  set_text (form, "ref_high_entry", "");
  set_text (form, "date_entry", "2099-01-01");
  g_assert_false (cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL));
  g_assert_null (shown_error (form, "value_error"));
  g_assert_null (shown_error (form, "range_error"));
  g_assert_nonnull (shown_error (form, "date_error"));
  g_assert_cmpuint (n_lab_results (pf), ==, 0);

  /* Fixed: stored, and the old reasons are gone. */
  set_text (form, "date_entry", "2025-03-09");
  g_assert_true (cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL));
  g_assert_null (shown_error (form, "date_error"));
  g_assert_cmpuint (n_lab_results (pf), ==, 1);
}

static void
test_reaction (PageFixture   *pf,
               gconstpointer  data)
{
  g_autoptr(GListModel) reactions = NULL;
  g_autoptr(CobaltReaction) reaction = NULL;
  const CobaltReactionKindInfo *urgent = NULL;
  GtkWidget *window, *aftercare;

  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds () && urgent == NULL; i++)
    if (cobalt_reaction_catalogue_get_nth (i)->level == COBALT_TRIAGE_EMERGENCY)
      urgent = cobalt_reaction_catalogue_get_nth (i);
  g_assert_nonnull (urgent);

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "reactions");
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (pf->page, "No reactions recorded."));

  /* The latest dose is offered first. */
  window = cobalt_journal_page_add_reaction (COBALT_JOURNAL_PAGE (pf->page));
  cobalt_test_wait_idle ();
  aftercare = cobalt_test_find_type (window, COBALT_TYPE_AFTERCARE_PAGE);
  g_assert_nonnull (aftercare);
  g_assert_true (cobalt_aftercare_page_set_reaction (COBALT_AFTERCARE_PAGE (aftercare), urgent->id, TRUE));
  g_assert_cmpstr (cobalt_aftercare_page_get_banner_text (COBALT_AFTERCARE_PAGE (aftercare)), ==, "Call 999 now");
  g_assert_true (cobalt_aftercare_page_save (COBALT_AFTERCARE_PAGE (aftercare), NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  reactions = cobalt_repository_list_reactions (pf->f.repository, pf->f.person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reactions), ==, 1);
  reaction = g_list_model_get_item (reactions, 0);
  g_assert_cmpint (reaction->dose_id, ==, pf->dose->id);
  g_assert_cmpint (reaction->level, ==, COBALT_TRIAGE_EMERGENCY);

  /* Listed with its level in words, and the dose it followed. */
  g_assert_nonnull (cobalt_test_find_label (pf->page, "— Emergency"));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "after the dose of 10 March 2025"));
  {
    g_autofree char *name = g_strdup_printf ("%s — Emergency. Noted 10 March 2025, 18:00, "
                                             "after the dose of 10 March 2025 – Left outer thigh",
                                             cobalt_reaction_kind_get_label (urgent->id));

    journal_assert_name (journal_row_showing (pf->page, "— Emergency"), name);
  }
}

/* The sections' buttons, made from the stack's pages: each named by its
 * title, the one pressed following the section shown, whether chosen by
 * a click or by the page's API; and at 360 px, with a title too long for
 * one line, they fold onto a second line within the window. */
static void
test_section_buttons (PageFixture   *pf,
                      gconstpointer  data)
{
  static const struct { const char *name, *title; } sections[] = {
    { "wellbeing", "Wellbeing" },
    { "reactions", "Reactions" },
    { "labs", "Lab results" },
    { "charts", "Charts" },
  };
  GtkWidget *switcher = cobalt_test_find_id (pf->page, "switcher");
  GtkStack *stack = GTK_STACK (cobalt_test_find_id (pf->page, "sections"));
  GtkWidget *buttons[G_N_ELEMENTS (sections)];
  guint n = 0;

  journal_assert_name (switcher, "Journal sections");
  for (GtkWidget *child = gtk_widget_get_first_child (switcher); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (GTK_IS_TOGGLE_BUTTON (child));
      g_assert_cmpuint (n, <, G_N_ELEMENTS (sections));
      journal_assert_name (child, sections[n].title);
      g_assert_nonnull (cobalt_test_find_label (child, sections[n].title));
      buttons[n++] = child;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (sections));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "wellbeing");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[0])));

  /* A click shows its section, and only its button stays pressed. */
  for (guint i = G_N_ELEMENTS (sections); i-- > 0;)
    {
      cobalt_test_click (buttons[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, sections[i].name);
      for (guint j = 0; j < n; j++)
        g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[j])), ==, i == j);
    }

  /* Shown by the API (as the window does), its button follows. */
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "labs");
  cobalt_test_wait_idle ();
  for (guint j = 0; j < n; j++)
    g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (buttons[j])), ==, j == 2);

  /* A translation's long title: the row folds, nothing wider than 360 px
   * and every button within the window. */
  gtk_label_set_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (buttons[2]))),
                      "Resultados de laboratorio y otras pruebas");
  gtk_window_set_default_size (GTK_WINDOW (pf->window), 360, 720);
  cobalt_test_wait_idle ();
  g_assert_cmpint (journal_min_width (pf->page), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (pf->window), ==, 360);
  g_assert_cmpuint (cobalt_wrap_box_get_n_lines (COBALT_WRAP_BOX (switcher)), >, 1);
  journal_assert_within (switcher, pf->page);
}

/* Each section fits a 360 px window, and 1280 × 800 with twice the text
 * size: its narrowest is no wider, and nothing showing is cut off at the
 * side. */
static void
test_narrow_and_large (PageFixture   *pf,
                       gconstpointer  data)
{
  static const char *sections[] = { "wellbeing", "reactions", "labs", "charts" };
  GtkWidget *switcher = cobalt_test_find_id (pf->page, "switcher");
  int xft_dpi;

  /* A reaction and a lab result, so that the lists have rows. */
  {
    GtkWidget *form;

    cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "labs");
    cobalt_test_wait_idle ();
    form = cobalt_test_find_type (pf->page, COBALT_TYPE_LAB_FORM);
    set_text (form, "value_entry", "310");
    set_text (form, "lab_entry", "Riverside pathology, Ward 14, North Wing");
    g_assert_true (cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL));
    cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (cobalt_test_find_type (cobalt_test_find_id (pf->page, "checkin_slot"),
                                                                                COBALT_TYPE_CHECKIN_FORM)),
                                   COBALT_CHECKIN_ENERGY, 6);
  }

  gtk_window_set_default_size (GTK_WINDOW (pf->window), 360, 720);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), sections[i]);
      cobalt_test_wait_idle ();
      g_assert_cmpint (journal_min_width (pf->page), <=, 360);
      g_assert_cmpint (gtk_widget_get_width (pf->window), ==, 360);
      journal_assert_within (pf->page, pf->page);
      /* The sections' buttons fit without scrolling. */
      g_assert_cmpint (journal_min_width (switcher), <=, gtk_widget_get_width (gtk_widget_get_parent (switcher)));
    }

  /* Twice the text: still narrower than a 1280 px screen beside the
   * window's sidebar. */
  xft_dpi = journal_scale_text (2);
  gtk_window_set_default_size (GTK_WINDOW (pf->window), 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), sections[i]);
      cobalt_test_wait_idle ();
      g_assert_cmpint (journal_min_width (pf->page), <=, 800);
      g_assert_cmpint (gtk_widget_get_width (pf->window), ==, 1280);
      journal_assert_within (pf->page, pf->page);
    }
  journal_restore_text (xft_dpi);
}

/* CLINICAL.md "Lab values": in the list, a result taken within 14 days
 * after an injection says so, on screen and read aloud; one taken before
 * any injection, or longer after, says nothing of it. */
static void
test_lab_timing_mark (PageFixture   *pf,
                      gconstpointer  data)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (pf->f.repository,
                                                                                  pf->f.person->id, NULL);
  g_autoptr(GDateTime) earlier = journal_time (pf->f.tz, 2025, 2, 20, 9, 0);
  g_autoptr(CobaltDose) dose = journal_add_dose (&pf->f, prescription, earlier);
  const struct { int month, day; double value; } taken[] = {
    { 2, 1, 150 },   /* before any injection */
    { 3, 1, 420 },   /* 9 days after the one of 20 February */
    { 3, 10, 610 },  /* the day of the one of 10 March */
  };
  GtkLabel *mark;

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (pf->f.person->id, COBALT_LAB_TEST_SERUM_B12,
                                                                 taken[i].value, "ng/L");
      g_autoptr(GError) error = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, taken[i].day, taken[i].month, 2025);
      cobalt_set_date (&result->taken_on, &day);
      g_assert_true (cobalt_repository_add_lab_result (pf->f.repository, result, &error));
      g_assert_no_error (error);
    }
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (pf->page), "labs");
  cobalt_test_wait_idle ();

  mark = cobalt_test_find_label (pf->page, "Taken 9 days after an injection");
  g_assert_nonnull (mark);
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (mark)));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (mark), GTK_TYPE_LIST_BOX_ROW) ==
                 journal_row_showing (pf->page, "Serum B12: 420 ng/L"));
  journal_assert_name (journal_row_showing (pf->page, "Serum B12: 420 ng/L"),
                       "Serum B12: 420 ng/L. No reference range given. Same as 420 pg/mL, 310 pmol/L. "
                       "Taken on 1 March 2025. Taken 9 days after an injection");
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (cobalt_test_find_label (pf->page, "Taken on the day of an injection")),
                                          GTK_TYPE_LIST_BOX_ROW) ==
                 journal_row_showing (pf->page, "Serum B12: 610 ng/L"));
  /* Before any injection: no mark in its row. */
  g_assert_null (cobalt_test_find_widget (journal_row_showing (pf->page, "Serum B12: 150 ng/L"), TRUE,
                                          cobalt_test_match_label_text, "Taken 9 days after an injection"));
  journal_assert_name (journal_row_showing (pf->page, "Serum B12: 150 ng/L"),
                       "Serum B12: 150 ng/L. No reference range given. Same as 150 pg/mL, 110.7 pmol/L. "
                       "Taken on 1 February 2025");
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/journal-page/checkin", PageFixture, NULL, page_set_up, test_checkin, page_tear_down);
  g_test_add ("/cobalt/journal-page/checkin-no-person", PageFixture, NULL, page_set_up, test_checkin_no_person,
              page_tear_down);
  g_test_add ("/cobalt/journal-page/lab-result", PageFixture, NULL, page_set_up, test_lab_result, page_tear_down);
  g_test_add ("/cobalt/journal-page/lab-timing-mark", PageFixture, NULL, page_set_up, test_lab_timing_mark,
              page_tear_down);
  g_test_add ("/cobalt/journal-page/lab-refusals", PageFixture, NULL, page_set_up, test_lab_refusals, page_tear_down);
  g_test_add ("/cobalt/journal-page/reaction", PageFixture, NULL, page_set_up, test_reaction, page_tear_down);
  g_test_add ("/cobalt/journal-page/not-recorded-choice", PageFixture, NULL, page_set_up, test_not_recorded_choice,
              page_tear_down);
  g_test_add ("/cobalt/journal-page/section-buttons", PageFixture, NULL, page_set_up, test_section_buttons,
              page_tear_down);
  g_test_add ("/cobalt/journal-page/narrow-and-large", PageFixture, NULL, page_set_up, test_narrow_and_large,
              page_tear_down);

  return g_test_run ();
}
