/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-checklist-wizard.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-preferences-window.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) ||
          (gtk_window_get_child (window) != NULL &&
           G_TYPE_CHECK_INSTANCE_TYPE (gtk_window_get_child (window), type)))
        return window;
    }

  return NULL;
}

static void
test_today_opens_the_journey (JourneyFixture *f,
                              gconstpointer   data)
{
  g_autofree char *dir = g_dir_make_tmp ("cobalt-journey-XXXXXX", NULL);
  CobaltWindow *window = cobalt_window_new (NULL, f->clock, dir);
  GtkWindow *opened;

  cobalt_window_set_repository (window, f->repository, cobalt_person_get_id (f->person));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);

  /* Today offers both ways to log a dose. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Start Checklist"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Log a Dose Given Elsewhere"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (100);
  opened = find_toplevel (COBALT_TYPE_CHECKLIST_WIZARD);
  g_assert_nonnull (opened);
  g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (opened), ==, "Checklist — Alex Morgan");
  gtk_window_destroy (opened);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-elsewhere", NULL);
  wait_for_gtk (50);
  opened = find_toplevel (COBALT_TYPE_LOG_ELSEWHERE_DIALOG);
  g_assert_nonnull (opened);
  gtk_window_destroy (opened);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  wait_for_gtk (50);
  opened = find_toplevel (COBALT_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (opened);
  gtk_window_destroy (opened);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (50);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/cobalt/journey/window/today-opens-the-journey", JourneyFixture, NULL,
              fixture_set_up, test_today_opens_the_journey, fixture_tear_down);

  return g_test_run ();
}
