/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-context.h"
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

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);
  g_test_add_func ("/cobalt/people/add-rename-archive", test_add_rename_archive);
  g_test_add_func ("/cobalt/people/add-asks-numbers", test_add_asks_numbers);
  return g_test_run ();
}
