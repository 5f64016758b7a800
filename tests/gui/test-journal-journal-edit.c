/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Changing and deleting journal entries: the store under the page (same
 * id, same time, nothing half-written, a deleted entry brought back) and
 * the page used as a person would (Edit, Delete, Undo); the editors' names
 * for a screen reader, and every editor at 360 px and with twice the text
 * size. */

#include <math.h>
#include <gtk/gtk.h>

#include "cobalt-checkin-form.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-page.h"
#include "cobalt-journal-store.h"
#include "cobalt-lab-form.h"
#include "cobalt-reaction-editor.h"
#include "journal-gui-test-util.h"
#include "journal-test-util.h"

typedef struct
{
  JournalFixture  f;
  CobaltContext  *context;
  CobaltDose     *dose;
  GtkWidget      *window;
  GtkWidget      *page;
} EditFixture;

static CobaltCheckin *
add_checkin (EditFixture *ef,
             int          day,
             int          energy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = journal_time (ef->f.tz, 2025, 3, day, 20, 15);
  CobaltCheckin *checkin = cobalt_checkin_new (ef->f.person->id, at);

  checkin->scores[COBALT_CHECKIN_ENERGY] = energy;
  cobalt_set_str (&checkin->note, "Tired");
  g_assert_true (cobalt_repository_add_checkin (ef->f.repository, checkin, &error));
  g_assert_no_error (error);
  return checkin;
}

static CobaltLabResult *
add_lab_result (EditFixture *ef)
{
  g_autoptr(GError) error = NULL;
  CobaltLabResult *result = cobalt_lab_result_new (ef->f.person->id,
                                                   COBALT_LAB_TEST_SERUM_B12, 180, "ng/L");
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 3, 2025);
  cobalt_set_date (&result->taken_on, &day);
  result->ref_low = 200;
  result->ref_high = 900;
  g_assert_true (cobalt_repository_add_lab_result (ef->f.repository, result, &error));
  g_assert_no_error (error);
  return result;
}

static CobaltReaction *
add_reaction (EditFixture *ef)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = journal_time (ef->f.tz, 2025, 3, 10, 9, 30);
  CobaltReaction *reaction = cobalt_reaction_new (ef->f.person->id, "site-pain", at);

  reaction->dose_id = ef->dose->id;
  g_assert_true (cobalt_repository_add_reaction (ef->f.repository, reaction, &error));
  g_assert_no_error (error);
  return reaction;
}

static GObject *
stored (EditFixture         *ef,
        CobaltJournalRecord  kind,
        gint64               id)
{
  return cobalt_journal_store_get (ef->f.repository, kind, ef->f.person->id, id, NULL);
}

static guint
n_records (EditFixture         *ef,
           CobaltJournalRecord  kind)
{
  gint64 person_id = ef->f.person->id;
  g_autoptr(GListModel) list = kind == COBALT_JOURNAL_RECORD_CHECKIN
                               ? cobalt_repository_list_checkins (ef->f.repository, person_id, NULL)
                               : kind == COBALT_JOURNAL_RECORD_REACTION
                               ? cobalt_repository_list_reactions (ef->f.repository, person_id, NULL)
                               : cobalt_repository_list_lab_results (ef->f.repository, person_id, NULL);

  return g_list_model_get_n_items (list);
}

static void
edit_set_up (EditFixture   *ef,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 3, 20, 18, 0);
  g_autoptr(GDateTime) given = journal_time (tz, 2025, 3, 10, 9, 0);
  g_autoptr(CobaltPrescription) prescription = NULL;

  journal_fixture_set_up (&ef->f, now);
  prescription = journal_save_prescription (&ef->f, COBALT_INTERVAL_MONTHS, 3);
  ef->dose = journal_add_dose (&ef->f, prescription, given);

  /* Only the page tests show a window. */
  if (data != NULL)
    {
      ef->context = cobalt_context_new (ef->f.repository, ef->f.clock, ef->f.person);
      ef->page = cobalt_journal_page_new (ef->context);
      ef->window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (ef->window), 900, 900);
      gtk_window_set_child (GTK_WINDOW (ef->window), ef->page);
      gtk_window_present (GTK_WINDOW (ef->window));
      cobalt_test_wait_idle ();
    }
}

static void
edit_tear_down (EditFixture   *ef,
                gconstpointer  data)
{
  if (ef->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (ef->window));
      cobalt_test_wait_idle ();
    }
  g_clear_object (&ef->dose);
  g_clear_object (&ef->context);
  journal_fixture_tear_down (&ef->f);
}

/* The store ------------------------------------------------------------ */

static void
test_store_update_checkin (EditFixture   *ef,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltCheckin) checkin = add_checkin (ef, 12, 3);
  g_autoptr(CobaltCheckin) changed = NULL;
  g_autoptr(CobaltCheckin) reread = NULL;
  gint64 id = checkin->id;

  changed = COBALT_CHECKIN (stored (ef, COBALT_JOURNAL_RECORD_CHECKIN, id));
  changed->scores[COBALT_CHECKIN_ENERGY] = 6;
  changed->scores[COBALT_CHECKIN_MOOD] = 7;
  cobalt_set_str (&changed->note, NULL);
  g_assert_true (cobalt_journal_store_update (ef->f.repository, G_OBJECT (changed), &error));
  g_assert_no_error (error);

  reread = COBALT_CHECKIN (stored (ef, COBALT_JOURNAL_RECORD_CHECKIN, id));
  g_assert_nonnull (reread);
  g_assert_cmpint (reread->scores[COBALT_CHECKIN_ENERGY], ==, 6);
  g_assert_cmpint (reread->scores[COBALT_CHECKIN_MOOD], ==, 7);
  g_assert_cmpint (reread->scores[COBALT_CHECKIN_FATIGUE], ==, COBALT_CHECKIN_NOT_RECORDED);
  g_assert_null (reread->note);
  g_assert_true (g_date_time_equal (reread->at, checkin->at));
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_CHECKIN), ==, 1);

  /* Nothing recorded at all is refused, and the stored one stays. */
  changed->scores[COBALT_CHECKIN_ENERGY] = COBALT_CHECKIN_NOT_RECORDED;
  changed->scores[COBALT_CHECKIN_MOOD] = COBALT_CHECKIN_NOT_RECORDED;
  g_assert_false (cobalt_journal_store_update (ef->f.repository, G_OBJECT (changed), &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&reread);
  reread = COBALT_CHECKIN (stored (ef, COBALT_JOURNAL_RECORD_CHECKIN, id));
  g_assert_cmpint (reread->scores[COBALT_CHECKIN_ENERGY], ==, 6);

  /* A row that is not there (deleted in another window). */
  changed->scores[COBALT_CHECKIN_ENERGY] = 5;
  changed->id = id + 100;
  g_assert_false (cobalt_journal_store_update (ef->f.repository, G_OBJECT (changed), &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_CHECKIN), ==, 1);
}

static void
test_store_lab_result (EditFixture   *ef,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltLabResult) result = add_lab_result (ef);
  g_autoptr(CobaltLabResult) reread = NULL;
  gint64 id = result->id;

  /* The unit was mistyped: pmol/L, and the range was only the lower end. */
  cobalt_lab_result_set_unit (result, "pmol/L");
  result->value = 250;
  result->ref_low = 148;
  result->ref_high = NAN;
  g_assert_true (cobalt_journal_store_update (ef->f.repository, G_OBJECT (result), &error));
  g_assert_no_error (error);

  reread = COBALT_LAB_RESULT (stored (ef, COBALT_JOURNAL_RECORD_LAB_RESULT, id));
  g_assert_cmpstr (reread->unit, ==, "pmol/L");
  g_assert_cmpfloat (reread->value, ==, 250);
  g_assert_cmpfloat (reread->ref_low, ==, 148);
  g_assert_true (isnan (reread->ref_high));
  g_assert_cmpint (cobalt_lab_result_check_range (reread), ==, COBALT_LAB_RANGE_IN_RANGE);

  /* An implausible value is refused with the form's reason. */
  result->value = 90000;
  g_assert_false (cobalt_journal_store_update (ef->f.repository, G_OBJECT (result), &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_object (&reread);
  reread = COBALT_LAB_RESULT (stored (ef, COBALT_JOURNAL_RECORD_LAB_RESULT, id));
  g_assert_cmpfloat (reread->value, ==, 250);
}

static void
test_store_delete_restore (EditFixture   *ef,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltReaction) reaction = add_reaction (ef);
  g_autoptr(CobaltCheckin) first = add_checkin (ef, 12, 3);
  g_autoptr(CobaltCheckin) second = add_checkin (ef, 13, 4);
  g_autoptr(CobaltCheckin) newer = NULL;
  g_autoptr(CobaltReaction) back = NULL;
  gint64 reaction_id = reaction->id;
  gint64 second_id = second->id;

  /* A reaction comes back whole, under its own id. */
  g_assert_true (cobalt_journal_store_delete (ef->f.repository, COBALT_JOURNAL_RECORD_REACTION, reaction_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_REACTION), ==, 0);
  g_assert_false (cobalt_journal_store_delete (ef->f.repository, COBALT_JOURNAL_RECORD_REACTION, reaction_id, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cobalt_journal_store_restore (ef->f.repository, G_OBJECT (reaction), &error));
  g_assert_no_error (error);
  back = COBALT_REACTION (stored (ef, COBALT_JOURNAL_RECORD_REACTION, reaction_id));
  g_assert_nonnull (back);
  g_assert_cmpstr (back->kind, ==, "site-pain");
  g_assert_cmpint (back->dose_id, ==, ef->dose->id);

  /* The newest check-in deleted, then another added: it takes the free
   * id, so the deleted one comes back under a new id, nothing lost. */
  g_assert_true (cobalt_journal_store_delete (ef->f.repository, COBALT_JOURNAL_RECORD_CHECKIN, second_id, &error));
  newer = add_checkin (ef, 14, 8);
  g_assert_cmpint (newer->id, ==, second_id);
  g_assert_true (cobalt_journal_store_restore (ef->f.repository, G_OBJECT (second), &error));
  g_assert_no_error (error);
  g_assert_cmpint (second->id, !=, second_id);
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_CHECKIN), ==, 3);
  g_clear_object (&newer);
  newer = COBALT_CHECKIN (stored (ef, COBALT_JOURNAL_RECORD_CHECKIN, second->id));
  g_assert_cmpint (newer->scores[COBALT_CHECKIN_ENERGY], ==, 4);
}

/* The page ---------------------------------------------------------------- */

static void
test_page_edit_checkin (EditFixture   *ef,
                        gconstpointer  data)
{
  g_autoptr(CobaltCheckin) checkin = add_checkin (ef, 12, 3);
  g_autoptr(CobaltCheckin) reread = NULL;
  GtkWidget *window, *form;

  cobalt_journal_page_refresh (COBALT_JOURNAL_PAGE (ef->page));
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (ef->page, "Energy: 3"));

  window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_CHECKIN,
                                     checkin->id);
  g_assert_nonnull (window);
  cobalt_test_wait_idle ();
  form = cobalt_test_find_type (window, COBALT_TYPE_CHECKIN_FORM);
  g_assert_nonnull (form);
  /* The stored scores are shown, and the title says which check-in. */
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY), ==, 3);
  g_assert_nonnull (cobalt_test_find_label (window, "Check-in of 12 March 2025, 20:15"));

  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY, 5);
  g_object_ref (window);
  g_assert_true (cobalt_checkin_form_save (COBALT_CHECKIN_FORM (form), NULL));
  cobalt_test_wait_idle ();
  /* Saving closes the window and the list shows the change. */
  g_assert_false (gtk_widget_get_visible (window));
  g_object_unref (window);

  reread = COBALT_CHECKIN (stored (ef, COBALT_JOURNAL_RECORD_CHECKIN, checkin->id));
  g_assert_cmpint (reread->scores[COBALT_CHECKIN_ENERGY], ==, 5);
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_CHECKIN), ==, 1);
  g_assert_nonnull (cobalt_test_find_label (ef->page, "Energy: 5"));
  g_assert_null (cobalt_test_find_label (ef->page, "Energy: 3"));
}

static void
test_page_edit_lab_result (EditFixture   *ef,
                           gconstpointer  data)
{
  g_autoptr(CobaltLabResult) result = add_lab_result (ef);
  g_autoptr(CobaltLabResult) reread = NULL;
  GtkWidget *window, *form;

  window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_LAB_RESULT,
                                     result->id);
  cobalt_test_wait_idle ();
  form = cobalt_test_find_type (window, COBALT_TYPE_LAB_FORM);
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_test_find_id (form, "value_entry"))), ==, "180");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_test_find_id (form, "date_entry"))), ==, "2025-03-01");
  g_assert_cmpstr (cobalt_lab_form_get_conversion_text (COBALT_LAB_FORM (form)), ==, "= 180 pg/mL = 132.8 pmol/L");

  /* A refused change says why and stores nothing. */
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (form, "value_entry")), "-5");
  g_assert_false (cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (form, "value_error")));

  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (form, "value_entry")), "310");
  g_assert_true (cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL));
  cobalt_test_wait_idle ();

  reread = COBALT_LAB_RESULT (stored (ef, COBALT_JOURNAL_RECORD_LAB_RESULT, result->id));
  g_assert_cmpfloat (reread->value, ==, 310);
  g_assert_cmpfloat (reread->ref_low, ==, 200);
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_LAB_RESULT), ==, 1);
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (ef->page), "labs");
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (ef->page, "Serum B12: 310 ng/L"));
}

static void
test_page_edit_reaction (EditFixture   *ef,
                         gconstpointer  data)
{
  g_autoptr(CobaltReaction) reaction = add_reaction (ef);
  g_autoptr(CobaltReaction) reread = NULL;
  GtkWidget *window;
  CobaltReactionEditor *editor;

  window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_REACTION,
                                     reaction->id);
  g_assert_true (COBALT_IS_REACTION_EDITOR (window));
  editor = COBALT_REACTION_EDITOR (window);
  cobalt_test_wait_idle ();
  g_assert_nonnull (strstr (cobalt_reaction_editor_get_advice (editor), "Mild"));
  /* Its drop-downs are read with their choice, the triage level in the
   * catalogue's words. */
  {
    g_autofree char *kind = g_strdup_printf ("What you noticed: %s (Mild)", cobalt_reaction_kind_get_label ("site-pain"));

    journal_assert_name (journal_drop_down_button (cobalt_test_find_id (window, "kind_dropdown")), kind);
    journal_assert_name (journal_drop_down_button (cobalt_test_find_id (window, "dose_dropdown")),
                         "After the dose of: 10 March 2025 – Left outer thigh");
    journal_assert_name (cobalt_test_find_id (window, "save_button"), "Save");
  }

  /* Choosing an urgent sign says at once what to do. */
  g_assert_true (cobalt_reaction_editor_set_kind (editor, "breathing-difficulty"));
  g_assert_nonnull (strstr (cobalt_reaction_editor_get_advice (editor), "999"));

  /* "Something else" needs words. */
  g_assert_true (cobalt_reaction_editor_set_kind (editor, COBALT_REACTION_OTHER));
  g_assert_false (cobalt_reaction_editor_save (editor, NULL));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (window, "error_label")));

  g_assert_true (cobalt_reaction_editor_set_kind (editor, "breathing-difficulty"));
  g_assert_true (cobalt_reaction_editor_save (editor, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  reread = COBALT_REACTION (stored (ef, COBALT_JOURNAL_RECORD_REACTION, reaction->id));
  g_assert_cmpstr (reread->kind, ==, "breathing-difficulty");
  g_assert_cmpint (reread->level, ==, COBALT_TRIAGE_EMERGENCY);
  g_assert_cmpint (reread->dose_id, ==, ef->dose->id);
  g_assert_true (g_date_time_equal (reread->noted_at, reaction->noted_at));
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (ef->page), "reactions");
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (ef->page, "— Emergency"));
}

static void
test_page_delete_undo (EditFixture   *ef,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltLabResult) result = add_lab_result (ef);
  gint64 id = result->id;
  g_autoptr(GObject) back = NULL;

  cobalt_journal_page_refresh (COBALT_JOURNAL_PAGE (ef->page));
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (ef->page), "labs");
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (ef->page, "Serum B12: 180 ng/L"));
  g_assert_null (cobalt_journal_page_get_undo_text (COBALT_JOURNAL_PAGE (ef->page)));

  g_assert_true (cobalt_journal_page_delete (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_LAB_RESULT, id, &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_LAB_RESULT), ==, 0);
  g_assert_null (cobalt_test_find_label (ef->page, "Serum B12: 180 ng/L"));
  g_assert_nonnull (cobalt_test_find_label (ef->page, "No lab results yet."));
  g_assert_cmpstr (cobalt_journal_page_get_undo_text (COBALT_JOURNAL_PAGE (ef->page)), ==,
                   "Deleted the Serum B12 result of 1 March 2025.");

  /* Undo, as the bar's button (and Ctrl+Z) does. */
  g_assert_true (gtk_widget_activate_action (ef->page, "journal.undo", NULL));
  cobalt_test_wait_idle ();
  g_assert_null (cobalt_journal_page_get_undo_text (COBALT_JOURNAL_PAGE (ef->page)));
  back = stored (ef, COBALT_JOURNAL_RECORD_LAB_RESULT, id);
  g_assert_nonnull (back);
  g_assert_cmpfloat (COBALT_LAB_RESULT (COBALT_LAB_RESULT (back))->ref_high, ==, 900);
  g_assert_nonnull (cobalt_test_find_label (ef->page, "Serum B12: 180 ng/L"));

  /* Nothing left to undo: the action does nothing more. */
  g_assert_true (cobalt_journal_page_undo (COBALT_JOURNAL_PAGE (ef->page), NULL));
  g_assert_cmpuint (n_records (ef, COBALT_JOURNAL_RECORD_LAB_RESULT), ==, 1);
}

/* Each editor, and "Record a reaction", fits a 360 px window and 1280 ×
 * 800 with twice the text size: it opens no wider than the window it
 * belongs to, its narrowest is no wider, and nothing is cut off. */
static void
test_page_editors_narrow_and_large (EditFixture   *ef,
                                    gconstpointer  data)
{
  g_autoptr(CobaltCheckin) checkin = add_checkin (ef, 12, 3);
  g_autoptr(CobaltLabResult) result = add_lab_result (ef);
  g_autoptr(CobaltReaction) reaction = add_reaction (ef);

  for (guint scale = 1; scale <= 2; scale++)
    {
      int width = scale == 1 ? 360 : 1280;
      int xft_dpi = journal_scale_text (scale);

      gtk_window_set_default_size (GTK_WINDOW (ef->window), width, 800);
      cobalt_test_wait_idle ();
      g_assert_cmpint (gtk_widget_get_width (ef->window), ==, width);

      for (guint i = 0; i < 4; i++)
        {
          GtkWidget *window;
          int default_width = 0, default_height = 0;

          if (i == 0)
            window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_CHECKIN,
                                               checkin->id);
          else if (i == 1)
            window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_LAB_RESULT,
                                               result->id);
          else if (i == 2)
            window = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (ef->page), COBALT_JOURNAL_RECORD_REACTION,
                                               reaction->id);
          else
            window = cobalt_journal_page_add_reaction (COBALT_JOURNAL_PAGE (ef->page));
          g_assert_nonnull (window);
          cobalt_test_wait_idle ();

          gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
          g_assert_cmpint (default_width, >, 0);
          g_assert_cmpint (default_width, <=, width);
          g_assert_cmpint (gtk_widget_get_width (window), <=, width);
          g_assert_cmpint (journal_min_width (window), <=, width);
          journal_assert_within (window, window);
          gtk_window_destroy (GTK_WINDOW (window));
          cobalt_test_wait_idle ();
        }
      journal_restore_text (xft_dpi);
    }
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/journal-edit/store/update-checkin", EditFixture, NULL,
              edit_set_up, test_store_update_checkin, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/store/lab-result", EditFixture, NULL,
              edit_set_up, test_store_lab_result, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/store/delete-restore", EditFixture, NULL,
              edit_set_up, test_store_delete_restore, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/page/checkin", EditFixture, "page",
              edit_set_up, test_page_edit_checkin, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/page/lab-result", EditFixture, "page",
              edit_set_up, test_page_edit_lab_result, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/page/reaction", EditFixture, "page",
              edit_set_up, test_page_edit_reaction, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/page/editors-narrow-and-large", EditFixture, "page",
              edit_set_up, test_page_editors_narrow_and_large, edit_tear_down);
  g_test_add ("/cobalt/journal-edit/page/delete-undo", EditFixture, "page",
              edit_set_up, test_page_delete_undo, edit_tear_down);

  return g_test_run ();
}
