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
  ann = cobalt_people_window_add (window, "  Ann  ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ann, >, 0);
  bob = cobalt_people_window_add (window, "Bob", &error);
  g_assert_no_error (error);

  /* No empty names, no two people of the same name. */
  g_assert_cmpint (cobalt_people_window_add (window, "   ", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_people_window_add (window, "ann", &error), ==, 0);
  g_assert_nonnull (error);
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

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);
  g_test_add_func ("/cobalt/people/add-rename-archive", test_add_rename_archive);
  return g_test_run ();
}
