/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The keyboard across windows: Escape closes every dialog and secondary
 * window (a shortcut for it, which closes the window when run), and no
 * two visible mnemonics in one window share a letter (Alt+C must reach
 * "Create", not "Clinic or surgery"). A window of pages (Preferences) is
 * checked on each page: only the page shown counts. */

#include <gtk/gtk.h>

#include "cobalt-checklist-wizard.h"
#include "cobalt-dose-editor.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-page.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-not-given-dialog.h"
#include "cobalt-people-window.h"
#include "cobalt-preferences-window.h"
#include "cobalt-reaction-editor.h"
#include "cobalt-supply-editor.h"
#include "cobalt-urgent-help.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

/* Visible mnemonics under @widget, by lower-case keyval: one string of
 * labels per keyval. A button's or check button's label is a GtkLabel
 * child, so labels are all there is to look at. */
static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (keyval));
          GPtrArray *labels = g_hash_table_lookup (seen, key);

          if (labels == NULL)
            {
              labels = g_ptr_array_new ();
              g_hash_table_insert (seen, key, labels);
            }
          g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen);
}

/* @page, if not NULL, is the page of @window shown. */
static void
assert_no_mnemonic_clash_on_page (GtkWindow  *window,
                                  const char *page)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) clashes = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  collect_mnemonics (GTK_WIDGET (window), seen);
  g_assert_cmpuint (g_hash_table_size (seen), >, 0);
  g_test_message ("window \"%s\"%s%s: %u mnemonic letters", gtk_window_get_title (window),
                  page != NULL ? ", page " : "", page != NULL ? page : "", g_hash_table_size (seen));

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *labels = value;

      if (labels->len < 2)
        continue;
      g_string_append_printf (clashes, "\n  Alt+%s:", gdk_keyval_name (GPOINTER_TO_UINT (key)));
      for (guint i = 0; i < labels->len; i++)
        g_string_append_printf (clashes, " \"%s\"", (const char *) labels->pdata[i]);
    }

  if (clashes->len > 0)
    g_test_fail_printf ("window \"%s\"%s%s has clashing mnemonics:%s",
                        gtk_window_get_title (window), page != NULL ? ", page " : "", page != NULL ? page : "",
                        clashes->str);
}

static void
assert_no_mnemonic_clash (GtkWindow *window)
{
  assert_no_mnemonic_clash_on_page (window, NULL);
}

/* The Escape shortcut among @window's controllers, or NULL. */
static GtkShortcut *
find_escape_shortcut (GtkWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return shortcut;
        }
    }

  return NULL;
}

/* Checks that Escape is bound to @window (shown) and closes it. */
static void
check_escape_closes (GtkWindow *window)
{
  GtkShortcut *escape;
  GtkWidget *alive = GTK_WIDGET (window);
  gboolean gone;

  escape = find_escape_shortcut (window);
  if (escape == NULL)
    g_error ("window \"%s\" (%s) has no Escape shortcut",
             gtk_window_get_title (window), G_OBJECT_TYPE_NAME (window));

  g_object_add_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0,
                                               alive, gtk_shortcut_get_arguments (escape)));
  wait_for_gtk_until (alive == NULL || !gtk_widget_get_visible (alive), 2000);
  gone = alive == NULL || !gtk_widget_get_visible (alive);
  if (alive != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (alive), (gpointer *) &alive);
      gtk_window_destroy (GTK_WINDOW (alive));
    }
  g_assert_true (gone);
}

/* Checks @window's mnemonics, then that Escape is bound and closes it. */
static void
check_window (GtkWindow *window)
{
  g_assert_true (GTK_IS_WINDOW (window));
  gtk_window_present (window);
  wait_for_gtk (200);

  assert_no_mnemonic_clash (window);
  check_escape_closes (window);
}

/* Preferences, page by page: the prescription editor, the checklist
 * editor, the person's details and the reminder preferences. */
static void
check_preferences (JourneyFixture *f)
{
  const char *pages[] = { "prescription", "checklist", "person", "reminders" };
  CobaltPreferencesWindow *prefs = cobalt_preferences_window_new (f->window, f->context, f->person);

  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_gtk (200);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      cobalt_preferences_window_show_page (prefs, pages[i]);
      wait_for_gtk (100);
      assert_no_mnemonic_clash_on_page (GTK_WINDOW (prefs), pages[i]);
    }
  check_escape_closes (GTK_WINDOW (prefs));
}

static void
test_dialogs (JourneyFixture *f,
              gconstpointer   data)
{
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltReaction) reaction = NULL;
  g_autoptr(CobaltSupplyItem) item = NULL;
  g_autoptr(CobaltCheckin) checkin = NULL;
  g_autoptr(CobaltLabResult) result = NULL;
  g_autoptr(GDateTime) at = fixture_time (2025, 3, 10, 9, 30);
  GtkWidget *page;

  gtk_window_present (f->window);
  wait_for_gtk (100);

  check_window (GTK_WINDOW (cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person)));
  check_window (GTK_WINDOW (cobalt_not_given_dialog_new (f->window, f->context, f->person)));
  check_preferences (f);
  check_window (GTK_WINDOW (cobalt_people_window_new (f->window, f->context)));
  check_window (cobalt_urgent_help_window_new (f->window, f->person));
  check_window (cobalt_checklist_wizard_window_new (f->window, f->context, f->person));

  doses = cobalt_repository_list_doses (f->repository, f->person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doses->len, >, 0);
  check_window (GTK_WINDOW (cobalt_dose_editor_new (f->window, f->context, doses->pdata[0])));

  reaction = cobalt_reaction_new (f->person->id, "site-pain", at);
  g_assert_true (cobalt_repository_add_reaction (f->repository, reaction, &error));
  g_assert_no_error (error);
  check_window (GTK_WINDOW (cobalt_reaction_editor_new (f->window, f->context, f->person, reaction)));

  item = fixture_add_supply (f, COBALT_SUPPLY_SWAB, 3, NULL, 0);
  check_window (GTK_WINDOW (cobalt_supply_editor_new (f->window, f->context, item, COBALT_SUPPLY_SWAB)));
  check_window (GTK_WINDOW (cobalt_supply_editor_new (f->window, f->context, NULL, COBALT_SUPPLY_AMPOULE)));

  /* The Journal's windows built in code: "Record a reaction" and an edit. */
  page = cobalt_journal_page_new (f->context);
  fixture_show (f, page);
  check_window (GTK_WINDOW (cobalt_journal_page_add_reaction (COBALT_JOURNAL_PAGE (page))));
  check_window (GTK_WINDOW (cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page),
                                                      COBALT_JOURNAL_RECORD_REACTION, reaction->id)));

  /* The check-in and lab forms, as "Change…" opens them. */
  checkin = cobalt_checkin_new (f->person->id, at);
  cobalt_checkin_set_score (checkin, COBALT_CHECKIN_ENERGY, 3);
  g_assert_true (cobalt_repository_add_checkin (f->repository, checkin, &error));
  g_assert_no_error (error);
  result = cobalt_lab_result_new (f->person->id, COBALT_LAB_TEST_SERUM_B12, 350, NULL);
  {
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 1, 3, 2025);
    cobalt_set_date (&result->taken_on, &day);
  }
  g_assert_true (cobalt_repository_add_lab_result (f->repository, result, &error));
  g_assert_no_error (error);
  cobalt_journal_page_refresh (COBALT_JOURNAL_PAGE (page));
  wait_for_gtk (100);
  check_window (GTK_WINDOW (cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page),
                                                      COBALT_JOURNAL_RECORD_CHECKIN, checkin->id)));
  check_window (GTK_WINDOW (cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page),
                                                      COBALT_JOURNAL_RECORD_LAB_RESULT, result->id)));
}

static void
test_first_run (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);
  g_autoptr(CobaltClock) clock = cobalt_clock_new_fixed (now);
  g_autofree char *dir = cobalt_test_make_tmp_dir ();
  CobaltWindow *window = cobalt_window_new (NULL, clock, dir);

  cobalt_window_load (window, 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);
  /* The first-run form is what shows. */
  g_assert_nonnull (cobalt_test_find_widget (GTK_WIDGET (window), TRUE, cobalt_test_match_id, "name_entry"));
  assert_no_mnemonic_clash (GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (100);
  cobalt_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/cobalt/gui/keyboard/first-run-mnemonics", test_first_run);
  g_test_add ("/cobalt/gui/keyboard/dialogs", JourneyFixture, NULL,
              fixture_set_up, test_dialogs, fixture_tear_down);

  return g_test_run ();
}
