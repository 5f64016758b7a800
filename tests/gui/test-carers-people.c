/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-fold-box.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-people-window.h"
#include "cobalt-repository-private.h"

static void
test_add_rename_archive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repository = cobalt_repository_new (database);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = cobalt_context_new (repository, clock, NULL);
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) everyone = NULL;
  g_autoptr(CobaltPerson) renamed = NULL;
  CobaltPeopleWindow *window = cobalt_people_window_new (NULL, context);
  gint64 ann, bob;

  gtk_window_present (GTK_WINDOW (window));
  ann = cobalt_people_window_add (window, "  Ann  ", "999", "111", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ann, >, 0);
  bob = cobalt_people_window_add (window, "Bob", "112", NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CobaltPerson) stored = cobalt_repository_get_person (repository, ann, &error);

    g_assert_cmpstr (stored->emergency_number, ==, "999");
    g_assert_cmpstr (stored->urgent_number, ==, "111");
  }

  /* No empty names, no two people of the same name. */
  g_assert_cmpint (cobalt_people_window_add (window, "   ", "999", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_people_window_add (window, "ann", "999", NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* No one without an emergency number, and never a guessed one. */
  g_assert_cmpint (cobalt_people_window_add (window, "Cleo", "  ", NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Enter the emergency number"));
  g_clear_error (&error);
  g_assert_false (cobalt_people_window_rename (window, bob, "ANN", &error));
  g_clear_error (&error);

  g_assert_true (cobalt_people_window_rename (window, ann, "Ann Smith", &error));
  g_assert_no_error (error);
  renamed = cobalt_repository_get_person (repository, ann, &error);
  g_assert_cmpstr (renamed->name, ==, "Ann Smith");

  g_assert_true (cobalt_people_window_set_archived (window, bob, TRUE, &error));
  g_assert_no_error (error);
  active = cobalt_repository_list_people (repository, FALSE, &error);
  everyone = cobalt_repository_list_people (repository, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The form asks for the new person's numbers as the first run does: the
 * emergency number from a locale Cobalt knows, shown to be checked; from
 * one it does not, empty, and Add refuses it under the field. */
static void
test_add_asks_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repository = cobalt_repository_new (database);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = cobalt_context_new (repository, clock, NULL);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) dora = NULL;
  CobaltPeopleWindow *window;
  GtkWidget *add;

  g_setenv ("LC_ALL", "en_NZ.UTF-8", TRUE);
  window = cobalt_people_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_people_window_get_field (window, "emergency"))),
                   ==, "111");
  g_assert_true (gtk_widget_get_visible (cobalt_people_window_get_field (window, "emergency-hint")));
  gtk_window_destroy (GTK_WINDOW (window));

  g_setenv ("LC_ALL", "de_CH.UTF-8", TRUE);
  window = cobalt_people_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
  add = cobalt_test_find_id (GTK_WIDGET (window), "add_button");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_people_window_get_field (window, "emergency"))),
                   ==, "");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_people_window_get_field (window, "name")), "Dora");
  cobalt_test_click (add);
  g_assert_true (gtk_widget_get_visible (cobalt_people_window_get_field (window, "emergency-error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cobalt_people_window_get_field (window, "emergency-error"))),
                            "Enter the emergency number"));
  people = cobalt_repository_list_people (repository, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);
  g_clear_object (&people);

  gtk_editable_set_text (GTK_EDITABLE (cobalt_people_window_get_field (window, "emergency")), "144");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_people_window_get_field (window, "urgent")), "0800 33 66 55");
  cobalt_test_click (add);
  dora = cobalt_repository_find_person (repository, "Dora", &error);
  g_assert_nonnull (dora);
  g_assert_cmpstr (dora->emergency_number, ==, "144");
  g_assert_cmpstr (dora->urgent_number, ==, "0800 33 66 55");

  gtk_window_destroy (GTK_WINDOW (window));
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

/* The row of the person called @name in the People list. */
static GtkWidget *
person_row (CobaltPeopleWindow *window,
            const char         *name)
{
  GtkWidget *list = cobalt_test_find_id (GTK_WIDGET (window), "people_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *entry = cobalt_test_find_type (row, GTK_TYPE_ENTRY);

      if (entry != NULL && g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), name))
        return row;
    }

  return NULL;
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A screen reader reads each row as the person it is about, and each of
 * its controls with the person's name; "Archived" is a check box that
 * assistive technology can tick (a CobaltChoiceButton), and ticking it
 * archives the person. No row control has a mnemonic: every row would
 * use the same letter. */
static void
test_rows_named_and_archived_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repository = cobalt_repository_new (database);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = cobalt_context_new (repository, clock, NULL);
  g_autoptr(GListModel) active = NULL;
  CobaltPeopleWindow *window = cobalt_people_window_new (NULL, context);
  GtkWidget *row, *archived, *rename;
  gint64 bea;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (cobalt_people_window_add (window, "Ann Lee", "999", NULL, &error), >, 0);
  bea = cobalt_people_window_add (window, "Bea Ray", "999", NULL, &error);
  g_assert_no_error (error);
  cobalt_test_wait_idle ();

  row = person_row (window, "Bea Ray");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Bea Ray");
  rename = cobalt_test_find_widget (row, TRUE, match_button_label, "Rename");
  g_assert_nonnull (rename);
  g_assert_false (gtk_button_get_use_underline (GTK_BUTTON (rename)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rename), GTK_ACCESSIBLE_PROPERTY_LABEL, "Rename Bea Ray");

  archived = cobalt_test_find_type (row, COBALT_TYPE_CHOICE_BUTTON);
  g_assert_nonnull (archived);
  g_assert_false (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (archived)));
  g_assert_false (gtk_button_get_use_underline (GTK_BUTTON (archived)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_PROPERTY_LABEL, "Bea Ray archived");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);

  /* Pressed as assistive technology presses it (its "click" action
   * activates it, which toggles it once the press is shown). */
  g_assert_true (gtk_widget_activate (archived));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(CobaltPerson) stored = cobalt_repository_get_person (repository, bea, &error);

      g_assert_no_error (error);
      if (stored->archived)
        break;
      cobalt_test_wait_idle ();
    }
  cobalt_test_wait_idle ();
  active = cobalt_repository_list_people (repository, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);

  /* The list is rebuilt from the repository: the row says so now. */
  row = person_row (window, "Bea Ray");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Bea Ray, archived");
  archived = cobalt_test_find_type (row, COBALT_TYPE_CHOICE_BUTTON);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (archived)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* @widget lies within @window's width. */
static void
assert_within_width (GtkWidget *widget,
                     GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
}

/* At 360 px a person's buttons go under their name, inside the window;
 * on a wide window they stand beside it. The window never needs more
 * than 360 px. */
static void
test_narrow_and_wide (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repository = cobalt_repository_new (database);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltContext) context = cobalt_context_new (repository, clock, NULL);
  const int widths[] = { 360, 900 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      CobaltPeopleWindow *window = cobalt_people_window_new (NULL, context);
      GtkWidget *row, *entry, *rename, *archived, *add;
      graphene_rect_t entry_bounds, rename_bounds;
      int min_width;

      if (i == 0)
        {
          g_assert_cmpint (cobalt_people_window_add (window, "Alexandra Morgan-Whitfield", "999", NULL, &error), >, 0);
          g_assert_no_error (error);
        }
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 600);
      gtk_window_present (GTK_WINDOW (window));
      cobalt_test_wait_idle ();

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[i] + 10);

      row = person_row (window, "Alexandra Morgan-Whitfield");
      entry = cobalt_test_find_type (row, GTK_TYPE_ENTRY);
      rename = cobalt_test_find_widget (row, TRUE, match_button_label, "Rename");
      archived = cobalt_test_find_type (row, COBALT_TYPE_CHOICE_BUTTON);
      add = cobalt_test_find_id (GTK_WIDGET (window), "add_button");
      for (GtkWidget **w = (GtkWidget *[]) { entry, rename, archived, add, NULL }; *w != NULL; w++)
        assert_within_width (*w, GTK_WIDGET (window));

      g_assert_true (gtk_widget_compute_bounds (entry, GTK_WIDGET (window), &entry_bounds));
      g_assert_true (gtk_widget_compute_bounds (rename, GTK_WIDGET (window), &rename_bounds));
      if (widths[i] == 360)
        {
          g_assert_true (cobalt_fold_box_get_folded (COBALT_FOLD_BOX (gtk_widget_get_parent (entry))));
          g_assert_cmpfloat (rename_bounds.origin.y, >=, entry_bounds.origin.y + entry_bounds.size.height);
        }
      else
        {
          g_assert_false (cobalt_fold_box_get_folded (COBALT_FOLD_BOX (gtk_widget_get_parent (entry))));
          g_assert_cmpfloat (rename_bounds.origin.x, >=, entry_bounds.origin.x + entry_bounds.size.width);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);
  g_test_add_func ("/cobalt/people/add-rename-archive", test_add_rename_archive);
  g_test_add_func ("/cobalt/people/add-asks-numbers", test_add_asks_numbers);
  g_test_add_func ("/cobalt/people/rows-named-and-archived-choice", test_rows_named_and_archived_choice);
  g_test_add_func ("/cobalt/people/narrow-and-wide", test_narrow_and_wide);
  return g_test_run ();
}
