/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cobalt-checklist-editor.h"
#include "cobalt-choice-button.h"
#include "cobalt-dose-rules.h"
#include "cobalt-fold-box.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-phase-row.h"
#include "cobalt-preferences-window.h"
#include "cobalt-prescription-editor.h"
#include "journey-test-util.h"

static const char *
error_text (GtkWidget *label)
{
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void assert_within_width (GtkWidget *widget,
                                 GtkWidget *root);

static guint
history_length (JourneyFixture *f)
{
  g_autoptr(GListModel) history = cobalt_repository_list_prescription_history (f->repository, f->person->id, NULL);

  return g_list_model_get_n_items (history);
}

static void
test_prescription_refusals (JourneyFixture *f,
                            gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *amount = cobalt_prescription_editor_get_field (editor, "amount");
  GtkWidget *list = cobalt_prescription_editor_get_field (editor, "phases-list");
  GtkWidget *row;

  fixture_show (f, widget);
  g_assert_cmpuint (history_length (f), ==, 1);

  /* A dose of zero: refused next to the dose. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amount), 0);
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (error_text (cobalt_prescription_editor_get_field (editor, "amount-error")));
  g_assert_nonnull (strstr (error_text (cobalt_prescription_editor_get_field (editor, "amount-error")), "more than zero"));
  /* Save is at the bottom of a long form: it says so there too, and the
   * focus (so the scrolled view) goes to the dose. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cobalt_prescription_editor_get_field (editor, "save-status"))),
                            "Not saved"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), amount));

  /* An absurd dose: refused next to the dose, and what was typed stays. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amount), 500);
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (strstr (error_text (cobalt_prescription_editor_get_field (editor, "amount-error")), "far more"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (amount)), ==, 500);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amount), 1);

  /* A phase repeating every 0 months: refused next to the phases. */
  row = gtk_widget_get_first_child (list);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "interval")), 0);
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_null (error_text (cobalt_prescription_editor_get_field (editor, "amount-error")));
  g_assert_nonnull (strstr (error_text (cobalt_prescription_editor_get_field (editor, "phases-error")), "interval"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "interval")), 2);

  /* No site at all: refused next to the sites. */
  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      g_autofree char *name = g_strdup_printf ("site:%s", cobalt_site_catalogue_get_nth (i)->id);
      GtkWidget *check = cobalt_prescription_editor_get_field (editor, name);

      if (check != NULL)
        choice_set_ticked (check, FALSE);
    }
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (error_text (cobalt_prescription_editor_get_field (editor, "sites-error")));
  g_assert_cmpuint (history_length (f), ==, 1);

  choice_set_ticked (cobalt_prescription_editor_get_field (editor, "site:deltoid-left"), TRUE);

  /* Now it saves, as a new version; the interval change is in it. */
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  g_assert_cmpuint (history_length (f), ==, 2);
  {
    g_autoptr(CobaltPrescription) p = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);
    CobaltPhase *phase = g_ptr_array_index (p->phases, 0);

    g_assert_cmpuint (p->version, ==, 2);
    g_assert_cmpuint (phase->interval, ==, 2);
    g_assert_true (cobalt_prescription_is_site_enabled (p, "deltoid-left"));
    g_assert_false (cobalt_prescription_is_site_enabled (p, "deltoid-right"));
  }
}

static void
test_prescription_template_and_caution (JourneyFixture *f,
                                        gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *caution = cobalt_prescription_editor_get_field (editor, "caution");
  GtkWidget *list = cobalt_prescription_editor_get_field (editor, "phases-list");
  guint n_rows = 0;

  fixture_show (f, widget);
  g_assert_false (gtk_widget_get_visible (caution));

  g_assert_true (cobalt_prescription_editor_load_template (editor, "us-cyano-label"));
  g_assert_true (gtk_widget_get_visible (caution));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (caution)), "Leber"));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 3);

  cobalt_prescription_editor_add_phase (editor);
  n_rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, >=, 4);
}

/* Issue 10: the volume is dose ÷ strength, per phase, shown and never
 * typed; the Cytamen template's 250 mcg phase is 0.25 mL. */
static void
test_prescription_volume (JourneyFixture *f,
                          gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *volume = cobalt_prescription_editor_get_field (editor, "volume");
  GtkWidget *warning = cobalt_prescription_editor_get_field (editor, "volume-warning");
  GtkWidget *strength = cobalt_prescription_editor_get_field (editor, "strength");
  GtkWidget *strength_unit = cobalt_prescription_editor_get_field (editor, "strength-unit");

  fixture_show (f, widget);
  /* Nothing to type a volume into: it cannot contradict dose and strength. */
  g_assert_true (GTK_IS_LABEL (volume));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (volume)), ==, "1 mL");
  g_assert_false (gtk_widget_get_visible (warning));

  g_assert_true (cobalt_prescription_editor_load_template (editor, "uk-cyano-cytamen"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (strength)), ==, 1000);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (strength_unit)), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "Phase 1 (Loading): 1 mL"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "Phase 2 (Until blood count is normal): 0.25 mL"));
  g_assert_false (gtk_widget_get_visible (warning));

  /* The same strength in mg: the same volumes. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (strength_unit), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (strength), 1);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "Phase 2 (Until blood count is normal): 0.25 mL"));

  /* A weaker ampoule: twice the volume, and 2 mL is more than the upper
   * arm usually takes — a warning to ask the clinic, not a refusal. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (strength), 0.5);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "Phase 2 (Until blood count is normal): 0.5 mL"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "Phase 1 (Loading): 2 mL"));
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "Left upper arm (deltoid)"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "Check with your clinic"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (warning)), "thigh"));
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  {
    g_autoptr(CobaltPrescription) p = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);

    g_assert_cmpfloat (p->strength_amount, ==, 0.5);
    g_assert_cmpint (p->strength_unit, ==, COBALT_DOSE_UNIT_MG);
    g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (p, 1), ==, 0.5);
  }

  /* No strength: no volume at all, and Save asks for it beside the field. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (strength), 0);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (volume)), "mL"));
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (strstr (error_text (cobalt_prescription_editor_get_field (editor, "strength-error")),
                            "Enter the strength printed on the ampoule"));
  g_assert_true (gtk_widget_has_css_class (strength, "error"));
}

/* A prescription as schema 3's migration leaves one whose old text did
 * not read as "N mg/mL": in a data folder, with the numeric strength
 * emptied behind the repository's back. */
static char *
make_legacy_strength_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-strength-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = cobalt_person_new ("Sam Okafor");
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-cyano-cytamen");
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_save_person (repository, person, &error));
  prescription->person_id = person->id;
  cobalt_prescription_set_enabled_sites (prescription, (const char *[]) { "deltoid-left", NULL });
  g_assert_true (cobalt_repository_save_prescription (repository, prescription, &error));
  g_assert_no_error (error);
  g_clear_object (&repository);

  path = g_build_filename (dir, "cobalt.db", NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE prescriptions SET strength = 'one ampoule (Cytamen)', "
                                     "strength_amount = NULL, strength_unit = NULL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return g_steal_pointer (&dir);
}

static void
test_prescription_asks_unparsed_strength (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_legacy_strength_folder ();
  g_autoptr(CobaltRepository) repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) saved = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CobaltPrescriptionEditor *editor;
  GtkWidget *strength, *strength_error, *volume;

  g_assert_no_error (error);
  person = cobalt_repository_find_person (repository, "Sam Okafor", &error);
  g_assert_no_error (error);
  context = cobalt_context_new (repository, clock, person);
  editor = COBALT_PRESCRIPTION_EDITOR (cobalt_prescription_editor_new (context, person));
  strength = cobalt_prescription_editor_get_field (editor, "strength");
  strength_error = cobalt_prescription_editor_get_field (editor, "strength-error");
  volume = cobalt_prescription_editor_get_field (editor, "volume");
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  wait_for_gtk (100);

  /* Asked for at once, with what was typed before, the field highlighted,
   * and no volume guessed from it. */
  g_assert_nonnull (error_text (strength_error));
  g_assert_nonnull (strstr (error_text (strength_error), "“one ampoule (Cytamen)”"));
  g_assert_nonnull (strstr (error_text (strength_error), "Enter the strength printed on the ampoule"));
  g_assert_true (gtk_widget_has_css_class (strength, "error"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (strength)), ==, 0);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (volume)), "mL"));
  /* To be entered in the dose's unit, mcg. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_prescription_editor_get_field (editor, "strength-unit"))),
                    ==, 1);

  /* Not saved until it is entered. */
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (strstr (error_text (strength_error), "one ampoule (Cytamen)"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (strength), 1000);
  g_assert_false (gtk_widget_has_css_class (strength, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (volume)), "0.25 mL"));
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  saved = cobalt_repository_get_prescription (repository, person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (saved->strength_amount, ==, 1000);
  g_assert_cmpint (saved->strength_unit, ==, COBALT_DOSE_UNIT_MCG);
  g_assert_null (saved->strength_text);

  gtk_window_destroy (window);
  wait_for_gtk (20);
  g_clear_object (&context);
  g_clear_object (&repository);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (child, 0, NULL);
            const char *subname;

            while (sub != NULL && (subname = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *grandchild = g_build_filename (child, subname, NULL);
                g_remove (grandchild);
              }
            g_rmdir (child);
          }
        else
          g_remove (child);
      }
    g_rmdir (dir);
  }
}

static void
test_checklist_editor (JourneyFixture *f,
                       gconstpointer   data)
{
  GtkWidget *widget = cobalt_checklist_editor_new (f->context, f->person);
  CobaltChecklistEditor *editor = COBALT_CHECKLIST_EDITOR (widget);
  g_autoptr(GListModel) steps = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fixture_show (f, widget);
  g_assert_cmpuint (cobalt_checklist_editor_get_n_steps (editor), ==, 10);
  first = g_strdup (cobalt_checklist_editor_get_title (editor, 0));
  second = g_strdup (cobalt_checklist_editor_get_title (editor, 1));

  cobalt_checklist_editor_move (editor, 0, +1);
  g_assert_cmpstr (cobalt_checklist_editor_get_title (editor, 0), ==, second);
  cobalt_checklist_editor_remove (editor, 9);
  cobalt_checklist_editor_add (editor);
  cobalt_checklist_editor_set_title (editor, 9, "Check the plaster is in reach");

  /* An empty title is refused and nothing is stored. */
  cobalt_checklist_editor_set_title (editor, 2, "   ");
  g_assert_false (cobalt_checklist_editor_save (editor, NULL));
  g_assert_true (shows_text (widget, "Step 3"));
  steps = cobalt_repository_list_checklist_steps (f->repository, f->person->id, NULL);
  {
    g_autoptr(CobaltChecklistStep) s = g_list_model_get_item (steps, 0);
    g_assert_cmpstr (s->title, ==, first);
  }
  g_clear_object (&steps);

  cobalt_checklist_editor_set_title (editor, 2, "Look at the liquid");
  g_assert_true (cobalt_checklist_editor_save (editor, NULL));
  steps = cobalt_repository_list_checklist_steps (f->repository, f->person->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);
  {
    g_autoptr(CobaltChecklistStep) s0 = g_list_model_get_item (steps, 0);
    g_autoptr(CobaltChecklistStep) s2 = g_list_model_get_item (steps, 2);
    g_autoptr(CobaltChecklistStep) s9 = g_list_model_get_item (steps, 9);

    g_assert_cmpstr (s0->title, ==, second);
    g_assert_cmpstr (s2->title, ==, "Look at the liquid");
    g_assert_cmpstr (s9->title, ==, "Check the plaster is in reach");
    g_assert_cmpstr (s9->kind, ==, COBALT_STEP_CUSTOM);
  }

  g_assert_true (cobalt_checklist_editor_reset (editor, NULL));
  g_assert_cmpstr (cobalt_checklist_editor_get_title (editor, 0), ==, first);
}

/* The steps' rows read as they show ("Step 2: Check the expiry date"),
 * follow a move or a retyped title, and name their buttons with the step;
 * at 360 px the buttons go under the title, inside the window. */
static void
test_checklist_editor_rows (JourneyFixture *f,
                            gconstpointer   data)
{
  GtkWidget *widget = cobalt_checklist_editor_new (f->context, f->person);
  CobaltChecklistEditor *editor = COBALT_CHECKLIST_EDITOR (widget);
  GtkWidget *list;
  GtkListBoxRow *row;
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;

  gtk_window_set_default_size (f->window, 324, 700);
  fixture_show (f, widget);
  list = cobalt_test_find_type (widget, GTK_TYPE_LIST_BOX);
  first = g_strdup (cobalt_checklist_editor_get_title (editor, 0));

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  name = g_strdup_printf ("Step 2: %s", cobalt_checklist_editor_get_title (editor, 1));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  cobalt_checklist_editor_set_title (editor, 1, "Look at the date on the box");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 2: Look at the date on the box");

  /* Moved down, the first step is step 2 now, and says so. */
  cobalt_checklist_editor_move (editor, 0, +1);
  g_clear_pointer (&name, g_free);
  name = g_strdup_printf ("Step 2: %s", first);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  wait_for_gtk (100);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      GtkWidget *entry = cobalt_test_find_type (GTK_WIDGET (row), GTK_TYPE_ENTRY);
      GtkWidget *fold = gtk_widget_get_ancestor (entry, COBALT_TYPE_FOLD_BOX);
      GtkWidget *buttons = gtk_widget_get_last_child (fold);
      g_autofree char *up = g_strdup_printf ("Move step %d up", i + 1);
      g_autofree char *remove = g_strdup_printf ("Remove step %d", i + 1);
      graphene_rect_t title_bounds, buttons_bounds;

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (buttons)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, up);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_last_child (buttons)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, remove);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_last_child (buttons)), ==, remove);

      g_assert_true (cobalt_fold_box_get_folded (COBALT_FOLD_BOX (fold)));
      assert_within_width (entry, GTK_WIDGET (f->window));
      for (GtkWidget *b = gtk_widget_get_first_child (buttons); b != NULL; b = gtk_widget_get_next_sibling (b))
        assert_within_width (b, GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (f->window), &title_bounds));
      g_assert_true (gtk_widget_compute_bounds (buttons, GTK_WIDGET (f->window), &buttons_bounds));
      g_assert_cmpfloat (buttons_bounds.origin.y, >=, title_bounds.origin.y + title_bounds.size.height);
    }
}

/* Hydroxocobalamin under the skin: an information line in the editor,
 * never a block; the cyanocobalamin caution in its place for that
 * medicine. */
static void
test_prescription_hydroxo_subcutaneous (JourneyFixture *f,
                                        gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *info = cobalt_prescription_editor_get_field (editor, "hydroxo-sc");
  GtkWidget *caution = cobalt_prescription_editor_get_field (editor, "caution");
  GtkDropDown *route = GTK_DROP_DOWN (cobalt_prescription_editor_get_field (editor, "route"));
  GtkDropDown *product = GTK_DROP_DOWN (cobalt_prescription_editor_get_field (editor, "product"));

  fixture_show (f, widget);
  g_assert_false (gtk_widget_get_visible (info));

  gtk_drop_down_set_selected (route, COBALT_ROUTE_SC);
  g_assert_true (gtk_widget_get_mapped (info));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (info)), "licensed for injection into a muscle"));
  g_assert_false (gtk_widget_get_visible (caution));

  gtk_drop_down_set_selected (product, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_assert_false (gtk_widget_get_visible (info));
  g_assert_true (gtk_widget_get_visible (caution));
  gtk_drop_down_set_selected (product, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_true (gtk_widget_get_visible (info));

  /* Information only: with a site under the skin ticked, it saves. */
  choice_set_ticked (cobalt_prescription_editor_get_field (editor, "site:sc-abdomen-left"), TRUE);
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  {
    g_autoptr(CobaltPrescription) p = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);

    g_assert_cmpint (p->route, ==, COBALT_ROUTE_SC);
    g_assert_true (cobalt_prescription_is_site_enabled (p, "sc-abdomen-left"));
  }
}

/* No invented technique: what was never entered reads "Not recorded"; a
 * template fills in the regimen only, keeping the technique and sites
 * the clinic taught; "custom" empties the regimen. */
static void
test_prescription_template_keeps_technique (JourneyFixture *f,
                                            gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *drawing = cobalt_prescription_editor_get_field (editor, "drawing-gauge");
  GtkWidget *injecting = cobalt_prescription_editor_get_field (editor, "injecting-gauge");
  GtkWidget *list = cobalt_prescription_editor_get_field (editor, "phases-list");

  fixture_show (f, widget);
  /* The fixture's clinic taught a 23 G injecting needle; no drawing-up
   * needle or syringe was entered. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (drawing)), ==, "Not recorded");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_prescription_editor_get_field (editor, "syringe"))),
                   ==, "Not recorded");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (injecting)), ==, 23);

  g_assert_true (cobalt_prescription_editor_load_template (editor, "uk-cyano-cytamen"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (injecting)), ==, 23);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (drawing)), ==, "Not recorded");
  g_assert_true (choice_get_ticked (cobalt_prescription_editor_get_field (editor, "site:deltoid-left")));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_prescription_editor_get_field (editor, "product"))),
                    ==, COBALT_PRODUCT_CYANOCOBALAMIN);

  /* Typing a gauge records it; emptying the field is "not recorded". */
  gtk_editable_set_text (GTK_EDITABLE (drawing), "21");
  gtk_editable_set_text (GTK_EDITABLE (injecting), "");
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  {
    g_autoptr(CobaltPrescription) p = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);

    g_assert_cmpuint (p->drawing_needle_gauge, ==, 21);
    g_assert_cmpuint (p->injecting_needle_gauge, ==, 0);
    g_assert_cmpfloat (p->syringe_ml, ==, 0);
    g_assert_true (cobalt_prescription_is_site_enabled (p, "deltoid-left"));
  }

  /* "Custom" is blank: no phase, no dose, nothing asked until Save. */
  g_assert_true (cobalt_prescription_editor_load_template (editor, "custom"));
  g_assert_null (gtk_widget_get_first_child (list));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (cobalt_prescription_editor_get_field (editor, "amount"))),
                     ==, 0);
  g_assert_null (error_text (cobalt_prescription_editor_get_field (editor, "strength-error")));
  g_assert_false (cobalt_prescription_editor_save (editor, NULL));
  g_assert_nonnull (error_text (cobalt_prescription_editor_get_field (editor, "phases-error")));
}

/* Someone with no prescription yet (added from the People window): the
 * editor chooses nothing for them. */
static void
test_prescription_new_person_blank (JourneyFixture *f,
                                    gconstpointer   data)
{
  g_autoptr(CobaltPerson) newcomer = cobalt_person_new ("Robin Newcomer");
  g_autoptr(GError) error = NULL;
  const char * const *ids = cobalt_prescription_template_ids ();
  GtkWidget *widget;
  CobaltPrescriptionEditor *editor;
  guint custom = 0;

  cobalt_person_set_emergency_number (newcomer, "999");
  g_assert_true (cobalt_repository_save_person (f->repository, newcomer, &error));
  g_assert_no_error (error);
  widget = cobalt_prescription_editor_new (f->context, newcomer);
  editor = COBALT_PRESCRIPTION_EDITOR (widget);
  fixture_show (f, widget);

  while (!g_str_equal (ids[custom], "custom"))
    custom++;
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_prescription_editor_get_field (editor, "template"))),
                    ==, custom);
  g_assert_null (gtk_widget_get_first_child (cobalt_prescription_editor_get_field (editor, "phases-list")));
  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      g_autofree char *name = g_strdup_printf ("site:%s", cobalt_site_catalogue_get_nth (i)->id);
      GtkWidget *check = cobalt_prescription_editor_get_field (editor, name);

      if (check != NULL)
        g_assert_false (choice_get_ticked (check));
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_prescription_editor_get_field (editor, "angle"))),
                   ==, "Not recorded");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_prescription_editor_get_field (editor, "needle-length"))),
                   ==, "Not recorded");
}

static void
test_person_details (JourneyFixture *f,
                     gconstpointer   data)
{
  CobaltPreferencesWindow *prefs = cobalt_preferences_window_new (f->window, f->context, f->person);
  g_autoptr(CobaltPerson) stored = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_gtk (100);

  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "emergency")), "");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "name")), " ");
  g_assert_false (cobalt_preferences_window_save_person (prefs, NULL));
  g_assert_nonnull (error_text (cobalt_preferences_window_get_field (prefs, "emergency-error")));
  g_assert_nonnull (error_text (cobalt_preferences_window_get_field (prefs, "name-error")));

  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "name")), "Alex M.");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "emergency")), "112");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "clinic-phone")), "+44 20 7946 0000");
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_cmpstr (stored->name, ==, "Alex M.");
  g_assert_cmpstr (cobalt_person_get_emergency_number (stored), ==, "112");
  g_assert_cmpstr (cobalt_person_get_emergency_number (f->person), ==, "112");
  g_assert_null (stored->urgent_number);

  /* The urgent-advice number: optional, shown, saved, and kept when
   * something else is changed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "urgent"))), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cobalt_preferences_window_get_field (prefs, "urgent-hint"))),
                            "111"));
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "urgent")), "nope");
  g_assert_false (cobalt_preferences_window_save_person (prefs, NULL));
  g_assert_nonnull (error_text (cobalt_preferences_window_get_field (prefs, "urgent-error")));
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "urgent")), "111");
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  g_clear_object (&stored);
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_cmpstr (stored->urgent_number, ==, "111");
  g_assert_cmpstr (f->person->urgent_number, ==, "111");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "name")), "Alex Morgan");
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  g_clear_object (&stored);
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_cmpstr (stored->urgent_number, ==, "111");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The date of birth in the person's details: optional, typed as
 * year-month-day, refused in the future (on the clock's day), before 1900
 * or after a dose in the log, with the reason under the field; saved,
 * shown again, and cleared. */
static void
test_person_details_date_of_birth (JourneyFixture *f,
                                   gconstpointer   data)
{
  CobaltPreferencesWindow *prefs = cobalt_preferences_window_new (f->window, f->context, f->person);
  GtkWidget *entry, *error_label, *caption;
  g_autoptr(CobaltPerson) stored = NULL;
  const struct { const char *text; const char *reason; } refused[] = {
    { "14/07/1961", "year-month-day" },
    { "1961-02-30", "year-month-day" },
    { "2025-03-11", "in the future" },
    { "1899-12-31", "before 1900" },
    /* The fixture's dose was given on 10 December 2024. */
    { "2025-01-01", "The log has a dose on 10 December 2024, before this date of birth" },
  };

  gtk_window_present (GTK_WINDOW (prefs));
  cobalt_preferences_window_show_page (prefs, "person");
  wait_for_gtk (100);
  entry = cobalt_preferences_window_get_field (prefs, "date-of-birth");
  error_label = cobalt_preferences_window_get_field (prefs, "date-of-birth-error");
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* Its caption names it and reaches it from the keyboard. */
  caption = GTK_WIDGET (cobalt_test_find_label (GTK_WIDGET (prefs), "Date of birth (optional)"));
  g_assert_nonnull (caption);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (caption)) == entry);
  g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (caption)), ==, GDK_KEY_b);

  /* Optional: saving without one keeps none. */
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_null (stored->date_of_birth);
  g_clear_object (&stored);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), refused[i].text);
      g_assert_false (cobalt_preferences_window_save_person (prefs, NULL));
      g_assert_nonnull (error_text (error_label));
      if (strstr (error_text (error_label), refused[i].reason) == NULL)
        g_error ("“%s” refused with “%s”", refused[i].text, error_text (error_label));
      stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
      g_assert_null (stored->date_of_birth);
      g_clear_object (&stored);
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), " 1961-07-14 ");
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  g_assert_null (error_text (error_label));
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_nonnull (stored->date_of_birth);
  g_assert_cmpint (g_date_get_year (stored->date_of_birth), ==, 1961);
  g_assert_cmpint (g_date_get_month (stored->date_of_birth), ==, 7);
  g_assert_cmpint (g_date_get_day (stored->date_of_birth), ==, 14);
  g_clear_object (&stored);
  /* Everyone holding the person sees it. */
  g_assert_nonnull (f->person->date_of_birth);
  g_assert_cmpint (g_date_get_year (f->person->date_of_birth), ==, 1961);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* Shown again next time, and cleared by emptying the field. */
  prefs = cobalt_preferences_window_new (f->window, f->context, f->person);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_gtk (50);
  entry = cobalt_preferences_window_get_field (prefs, "date-of-birth");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1961-07-14");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (cobalt_preferences_window_save_person (prefs, NULL));
  stored = cobalt_repository_get_person (f->repository, f->person->id, NULL);
  g_assert_null (stored->date_of_birth);
  g_assert_null (f->person->date_of_birth);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Someone saved before the numbers were asked: their details show the
 * locale's number to check where the country is known, and nothing (the
 * field asks) where it is not. */
static void
test_person_details_number_never_asked (JourneyFixture *f,
                                        gconstpointer   data)
{
  const char *locales[][2] = { { "en_US.UTF-8", "911" }, { "de_CH.UTF-8", "" } };

  cobalt_person_set_emergency_number (f->person, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      CobaltPreferencesWindow *prefs;

      g_setenv ("LC_ALL", locales[i][0], TRUE);
      prefs = cobalt_preferences_window_new (f->window, f->context, f->person);
      gtk_window_present (GTK_WINDOW (prefs));
      wait_for_gtk (50);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "emergency"))),
                       ==, locales[i][1]);
      if (*locales[i][1] == '\0')
        {
          g_assert_false (cobalt_preferences_window_save_person (prefs, NULL));
          g_assert_nonnull (strstr (error_text (cobalt_preferences_window_get_field (prefs, "emergency-error")),
                                    "Enter the emergency number"));
        }
      else
        g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cobalt_preferences_window_get_field (prefs, "emergency-hint"))),
                                  "check"));
      gtk_window_destroy (GTK_WINDOW (prefs));
    }
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

static void
test_log_elsewhere (JourneyFixture *f,
                    gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  g_autoptr(GPtrArray) doses = NULL;
  CobaltDose *dose;

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  /* A carer needs a name; an amount above zero; no time in the future:
   * every reason at once, each under its field. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (FIELD ("given-by")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("amount")), 0);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-11");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("expiry")), "31/12/2026");
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_nonnull (error_text (FIELD ("who-error")));
  g_assert_nonnull (error_text (FIELD ("amount-error")));
  g_assert_cmpstr (error_text (FIELD ("when-error")), ==, "The date 2025-03-11 is in the future.");
  g_assert_nonnull (error_text (FIELD ("expiry-error")));
  g_assert_cmpuint (dose_count (f), ==, 1);

  /* Another amount than the prescription's: said under the amount, and
   * kept only on "my clinic told me to" with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-09");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("amount")), 40);
  g_assert_false (gtk_widget_get_visible (FIELD ("amount-reason")) && gtk_widget_get_mapped (FIELD ("amount-reason")));
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_cmpstr (error_text (FIELD ("amount-error")), ==, "40 mg does not match the prescription (1 mg).");
  g_assert_null (error_text (FIELD ("when-error")));
  g_assert_true (gtk_widget_get_mapped (FIELD ("amount-reason")));
  g_assert_cmpuint (dose_count (f), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (FIELD ("who")), "Jo (daughter)");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("amount")), 1);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("expiry")), "2026-12-31");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-09");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 18);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("minute")), 30);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("batch")), "CARER9");
  g_assert_true (cobalt_log_elsewhere_dialog_save (dialog, NULL));
#undef FIELD

  doses = cobalt_repository_list_doses (f->repository, f->person->id, NULL);
  g_assert_cmpuint (doses->len, ==, 2);
  dose = g_ptr_array_index (doses, 1);
  g_assert_cmpint (dose->given_by, ==, COBALT_GIVEN_BY_CARER);
  g_assert_cmpstr (dose->given_by_name, ==, "Jo (daughter)");
  g_assert_cmpint (g_date_time_get_hour (dose->given_at), ==, 18);
  g_assert_cmpstr (dose->batch, ==, "CARER9");
  /* Someone else's batch does not use up the person's ampoules. */
  g_assert_cmpint (supply_count (f, COBALT_SUPPLY_AMPOULE), ==, 5);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A time in the future is refused, whatever is ticked: a dose is logged
 * once it has been given (a few minutes' clock difference allowed). */
static void
test_log_elsewhere_refuses_future (JourneyFixture *f,
                                   gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  g_autoptr(GError) error = NULL;

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  /* "Now" is 09:00 on 10 March 2025. */
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-10");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 11);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("minute")), 0);
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_clear_error (&error);
  g_assert_cmpstr (error_text (FIELD ("when-error")), ==, "The time 11:00 is in the future.");
  /* Not the early-dose question: there is nothing to confirm. */
  g_assert_false (gtk_widget_get_visible (FIELD ("timing")));
  g_assert_null (FIELD ("confirm-future"));
  g_assert_cmpuint (dose_count (f), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2030-01-05");
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_cmpstr (error_text (FIELD ("when-error")), ==, "The date 2030-01-05 is in the future.");
  g_assert_cmpuint (dose_count (f), ==, 1);

  /* What was typed stays; set right, it is logged. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIELD ("date"))), ==, "2030-01-05");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-10");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 9);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("minute")), 4);
  g_assert_true (cobalt_log_elsewhere_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dose_count (f), ==, 2);
#undef FIELD

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* An amount other than the prescription's goes in with the person's
 * reason, kept as a flag and their words, never as a sentence of ours. */
static void
test_log_elsewhere_amount_reason (JourneyFixture *f,
                                  gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  g_autoptr(GPtrArray) doses = NULL;
  CobaltDose *dose;

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  /* The form proposes the prescribed dose. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (FIELD ("amount"))), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-10");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("amount")), 2);
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  choice_set_ticked (FIELD ("amount-reason"), TRUE);
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_nonnull (error_text (FIELD ("amount-reason-error")));
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("amount-reason-note")), "Dr Rao gave a double dose at the clinic");
  g_assert_true (cobalt_log_elsewhere_dialog_save (dialog, NULL));
#undef FIELD

  doses = cobalt_repository_list_doses (f->repository, f->person->id, NULL);
  g_assert_cmpuint (doses->len, ==, 2);
  dose = g_ptr_array_index (doses, 1);
  g_assert_cmpfloat (dose->amount, ==, 2);
  g_assert_true (dose->exceptions & COBALT_DOSE_EXCEPTION_AMOUNT);
  g_assert_cmpstr (dose->exception_note, ==, "Dr Rao gave a double dose at the clinic");
  g_assert_null (dose->notes);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A database that refuses to write: the dialog says so in plain words,
 * keeps everything typed, and saves it once writing works again. */
static void
test_log_elsewhere_database_error (JourneyFixture *f,
                                   gconstpointer   data)
{
  CobaltLogElsewhereDialog *dialog = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  const char *message;

#define FIELD(name) cobalt_log_elsewhere_dialog_get_field (dialog, name)
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_gtk (100);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (FIELD ("given-by")), 1);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("who")), "Jo (daughter)");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("date")), "2025-03-09");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (FIELD ("hour")), 18);
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("batch")), "CARER9");
  gtk_editable_set_text (GTK_EDITABLE (FIELD ("notes")), "Given at the clinic in town");

  g_assert_true (cobalt_database_exec (f->database, "PRAGMA query_only = ON", &error));
  g_assert_no_error (error);
  g_assert_false (cobalt_log_elsewhere_dialog_save (dialog, &save_error));
  g_assert_nonnull (save_error);
  message = error_text (FIELD ("save-error"));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "nothing was saved"));
  g_assert_nonnull (strstr (message, "What you entered is still here"));
  g_assert_cmpuint (dose_count (f), ==, 1);
  /* What was typed is still in the form. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIELD ("who"))), ==, "Jo (daughter)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIELD ("date"))), ==, "2025-03-09");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIELD ("batch"))), ==, "CARER9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (FIELD ("notes"))), ==, "Given at the clinic in town");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (FIELD ("hour"))), ==, 18);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (FIELD ("given-by"))), ==, 1);

  g_assert_true (cobalt_database_exec (f->database, "PRAGMA query_only = OFF", &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_log_elsewhere_dialog_save (dialog, NULL));
  g_assert_null (error_text (FIELD ("save-error")));
  g_assert_cmpuint (dose_count (f), ==, 2);
#undef FIELD

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* The button inside @dropdown that a screen reader lands on. */
static GtkWidget *
drop_down_button (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  g_assert_not_reached ();
}

/* Presses @choice as assistive technology does (its "click" action
 * activates it), and waits for the press to be shown and the toggle. */
static void
press_choice (GtkWidget *choice)
{
  gboolean was = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice));

  g_assert_true (gtk_widget_activate (choice));
  for (guint i = 0; i < 20 && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)) == was; i++)
    wait_for_gtk (50);
  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)), !=, was);
}

/* Every tick box of the prescription (the technique's and the sites') is
 * a check box assistive technology can tick; a phase's controls are named
 * with its number and the dose unit, and follow both as they change. */
static void
test_prescription_choices_and_names (JourneyFixture *f,
                                     gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *swab = cobalt_prescription_editor_get_field (editor, "swab");
  GtkWidget *aspirate = cobalt_prescription_editor_get_field (editor, "aspirate");
  GtkWidget *thigh = cobalt_prescription_editor_get_field (editor, "site:vastus-lateralis-left");
  GtkWidget *list = cobalt_prescription_editor_get_field (editor, "phases-list");
  GtkWidget *unit = cobalt_prescription_editor_get_field (editor, "unit");
  CobaltPhaseRow *first, *second;
  gboolean swab_was;

  fixture_show (f, widget);

  for (GtkWidget **w = (GtkWidget *[]) { swab, aspirate, thigh, NULL }; *w != NULL; w++)
    {
      g_assert_true (COBALT_IS_CHOICE_BUTTON (*w));
      g_assert_false (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (*w)));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (*w), GTK_ACCESSIBLE_ROLE_CHECKBOX);
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (swab), GTK_ACCESSIBLE_PROPERTY_LABEL, "Clean the skin with a swab");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (thigh), GTK_ACCESSIBLE_PROPERTY_LABEL, "Left outer thigh");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (thigh), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);

  /* Ticked and unticked through their action, and saved so. */
  swab_was = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (swab));
  press_choice (swab);
  press_choice (aspirate);
  press_choice (thigh);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (thigh), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
  g_assert_true (cobalt_prescription_editor_save (editor, NULL));
  {
    g_autoptr(CobaltPrescription) p = cobalt_repository_get_prescription (f->repository, f->person->id, NULL);

    g_assert_cmpint (p->use_swab, ==, !swab_was);
    g_assert_true (p->aspirate);
    g_assert_false (cobalt_prescription_is_site_enabled (p, "vastus-lateralis-left"));
    g_assert_true (cobalt_prescription_is_site_enabled (p, "deltoid-left"));
  }

  /* A drop-down's button says what it chooses and its choice. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drop_down_button (cobalt_prescription_editor_get_field (editor, "route"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Route: Into the muscle (IM)");

  /* One phase, named as it reads; each control with its number. */
  first = COBALT_PHASE_ROW (gtk_widget_get_first_child (list));
  gtk_editable_set_text (GTK_EDITABLE (cobalt_phase_row_get_field (first, "label")), "Maintenance");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1: Maintenance");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (first, "amount")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 dose in milligrams");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (first, "interval")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 repeats every");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (first, "end-value")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 number of doses or days");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (first, "remove")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove phase 1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cobalt_phase_row_get_field (first, "remove")), ==, "Remove phase 1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drop_down_button (cobalt_phase_row_get_field (first, "unit"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 interval unit: months");

  /* The dose in micrograms: every phase's dose says so. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), COBALT_DOSE_UNIT_MCG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (first, "amount")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 dose in micrograms");

  /* A phase added before it takes its place: the names follow. */
  cobalt_prescription_editor_add_phase (editor);
  second = COBALT_PHASE_ROW (gtk_widget_get_last_child (list));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 2");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (second, "amount")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 2 dose in micrograms");
  cobalt_test_click (cobalt_phase_row_get_field (first, "remove"));
  g_assert_true (gtk_widget_get_first_child (list) == GTK_WIDGET (second));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_phase_row_get_field (second, "end")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase 1 ends");
}

/* @widget lies within @root's width. */
static void
assert_within_width (GtkWidget *widget,
                     GtkWidget *root)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (root) + 0.5);
}

/* At 360 px a phase's fields stack (every one inside the window); on a
 * wide window "Every", "Ends" and "Dose" stand on one line. The editor
 * never needs more than a 360 px window has. */
static void
test_prescription_phases_narrow_and_wide (JourneyFixture *f,
                                          gconstpointer   data)
{
  GtkWidget *widget = cobalt_prescription_editor_new (f->context, f->person);
  CobaltPrescriptionEditor *editor = COBALT_PRESCRIPTION_EDITOR (widget);
  GtkWidget *list = cobalt_prescription_editor_get_field (editor, "phases-list");
  const char *fields[] = { "label", "interval", "unit", "end", "end-value", "amount", "remove", NULL };
  int min_width;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360 - 2 * 18);

  gtk_window_set_default_size (f->window, 324, 700);
  fixture_show (f, widget);
  g_assert_true (cobalt_prescription_editor_load_template (editor, "uk-cyano-cytamen"));
  wait_for_gtk (100);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *interval = cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "interval");
      GtkWidget *amount = cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "amount");
      GtkWidget *fold = gtk_widget_get_ancestor (gtk_widget_get_parent (interval), COBALT_TYPE_FOLD_BOX);
      graphene_rect_t a, b;

      g_assert_true (cobalt_fold_box_get_folded (COBALT_FOLD_BOX (fold)));
      for (guint i = 0; fields[i] != NULL; i++)
        assert_within_width (cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), fields[i]), GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_compute_bounds (interval, GTK_WIDGET (f->window), &a));
      g_assert_true (gtk_widget_compute_bounds (amount, GTK_WIDGET (f->window), &b));
      g_assert_cmpfloat (b.origin.y, >=, a.origin.y + a.size.height);
    }
  for (GtkWidget **w = (GtkWidget *[]) { cobalt_prescription_editor_get_field (editor, "save"),
                                         cobalt_prescription_editor_get_field (editor, "template"),
                                         cobalt_prescription_editor_get_field (editor, "product-name"), NULL };
       *w != NULL; w++)
    assert_within_width (*w, GTK_WIDGET (f->window));

  gtk_window_set_default_size (f->window, 1000, 700);
  wait_for_gtk (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 900);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *interval = cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "interval");
      GtkWidget *amount = cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "amount");
      GtkWidget *fold = gtk_widget_get_ancestor (gtk_widget_get_parent (interval), COBALT_TYPE_FOLD_BOX);
      graphene_rect_t a, b;

      g_assert_false (cobalt_fold_box_get_folded (COBALT_FOLD_BOX (fold)));
      g_assert_true (gtk_widget_compute_bounds (interval, GTK_WIDGET (f->window), &a));
      g_assert_true (gtk_widget_compute_bounds (amount, GTK_WIDGET (f->window), &b));
      g_assert_cmpfloat (ABS (b.origin.y - a.origin.y), <, 1);
      g_assert_cmpfloat (b.origin.x, >, a.origin.x + a.size.width);
    }
}

/* The sections of Preferences: beside the page on a wide window, above it
 * at 360 px; choosing one shows its page. */
static void
test_preferences_sections (JourneyFixture *f,
                           gconstpointer   data)
{
  const int widths[] = { 360, 900 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      CobaltPreferencesWindow *prefs = cobalt_preferences_window_new (NULL, f->context, f->person);
      GtkWidget *sections = cobalt_test_find_id (GTK_WIDGET (prefs), "sections_list");
      GtkWidget *stack = cobalt_test_find_id (GTK_WIDGET (prefs), "stack");
      GtkListBoxRow *person;
      graphene_rect_t list_bounds, page_bounds;
      int min_width;

      gtk_window_set_default_size (GTK_WINDOW (prefs), widths[i], 700);
      gtk_window_present (GTK_WINDOW (prefs));
      wait_for_gtk (200);
      gtk_widget_measure (GTK_WIDGET (prefs), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, 360);

      /* Named, and choosing one shows its page. */
      person = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sections), 2);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (person), GTK_ACCESSIBLE_PROPERTY_LABEL, "Person");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "prescription");
      gtk_list_box_select_row (GTK_LIST_BOX (sections), person);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "person");
      cobalt_preferences_window_show_page (prefs, "reminders");
      g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (sections)) ==
                     gtk_list_box_get_row_at_index (GTK_LIST_BOX (sections), 3));
      wait_for_gtk (100);

      g_assert_true (gtk_widget_compute_bounds (sections, GTK_WIDGET (prefs), &list_bounds));
      g_assert_true (gtk_widget_compute_bounds (stack, GTK_WIDGET (prefs), &page_bounds));
      assert_within_width (stack, GTK_WIDGET (prefs));
      if (widths[i] == 360)
        g_assert_cmpfloat (page_bounds.origin.y, >=, list_bounds.origin.y + list_bounds.size.height);
      else
        g_assert_cmpfloat (page_bounds.origin.x, >=, list_bounds.origin.x + list_bounds.size.width);

      gtk_window_destroy (GTK_WINDOW (prefs));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) g_test_add ("/cobalt/journey/forms/" path, JourneyFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("prescription-refusals", test_prescription_refusals);
  ADD ("prescription-template-and-caution", test_prescription_template_and_caution);
  ADD ("prescription-volume", test_prescription_volume);
  ADD ("checklist-editor", test_checklist_editor);
  ADD ("checklist-editor-rows", test_checklist_editor_rows);
  ADD ("prescription-hydroxo-subcutaneous", test_prescription_hydroxo_subcutaneous);
  ADD ("prescription-template-keeps-technique", test_prescription_template_keeps_technique);
  ADD ("prescription-new-person-blank", test_prescription_new_person_blank);
  ADD ("prescription-choices-and-names", test_prescription_choices_and_names);
  ADD ("prescription-phases-narrow-and-wide", test_prescription_phases_narrow_and_wide);
  ADD ("preferences-sections", test_preferences_sections);
  ADD ("person-details", test_person_details);
  ADD ("person-details-number-never-asked", test_person_details_number_never_asked);
  ADD ("person-details-date-of-birth", test_person_details_date_of_birth);
  ADD ("log-elsewhere", test_log_elsewhere);
  ADD ("log-elsewhere-refuses-future", test_log_elsewhere_refuses_future);
  ADD ("log-elsewhere-amount-reason", test_log_elsewhere_amount_reason);
  ADD ("log-elsewhere-database-error", test_log_elsewhere_database_error);
#undef ADD
  g_test_add_func ("/cobalt/journey/forms/prescription-asks-unparsed-strength",
                   test_prescription_asks_unparsed_strength);

  return g_test_run ();
}
