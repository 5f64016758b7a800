/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A reaction changed or deleted in the Journal shows at once in the Log
 * and the Calendar open beside it: every write goes through the
 * repository, whose ::changed the other pages follow. Before, the
 * journal wrote its own SQL and the Log kept the old reaction until a
 * restart. */

#include <gtk/gtk.h>

#include "cobalt-calendar-page.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-page.h"
#include "cobalt-log-entry.h"
#include "cobalt-log-page.h"
#include "cobalt-log-row.h"
#include "cobalt-reaction-editor.h"
#include "journal-test-util.h"

typedef struct
{
  JournalFixture      f;
  CobaltContext      *context;
  CobaltDose         *dose;
  CobaltReaction     *reaction;
  GtkWidget          *window;
  CobaltJournalPage  *journal;
  CobaltLogPage      *log;
  CobaltCalendarPage *calendar;
  GDate               dose_day;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 3, 20, 18, 0);
  g_autoptr(GDateTime) given = journal_time (tz, 2025, 3, 10, 9, 0);
  g_autoptr(GDateTime) noted = journal_time (tz, 2025, 3, 10, 11, 0);
  g_autoptr(CobaltPrescription) prescription = NULL;
  GtkWidget *box;

  journal_fixture_set_up (&fx->f, now);
  prescription = journal_save_prescription (&fx->f, COBALT_INTERVAL_MONTHS, 1);
  fx->dose = journal_add_dose (&fx->f, prescription, given);
  g_date_clear (&fx->dose_day, 1);
  g_date_set_dmy (&fx->dose_day, 10, 3, 2025);

  fx->reaction = cobalt_reaction_new (fx->f.person->id, "site-pain", noted);
  fx->reaction->dose_id = fx->dose->id;
  g_assert_true (cobalt_repository_add_reaction (fx->f.repository, fx->reaction, &error));
  g_assert_no_error (error);

  /* The three pages at once, as the window keeps them, on one log. */
  fx->context = cobalt_context_new (fx->f.repository, fx->f.clock, fx->f.person);
  fx->journal = COBALT_JOURNAL_PAGE (cobalt_journal_page_new (fx->context));
  fx->log = cobalt_log_page_new (fx->context);
  fx->calendar = cobalt_calendar_page_new (fx->context);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fx->journal));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fx->log));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fx->calendar));
  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (fx->window), box);
  gtk_window_present (GTK_WINDOW (fx->window));
  cobalt_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  cobalt_test_wait_idle ();
  g_clear_object (&fx->reaction);
  g_clear_object (&fx->dose);
  g_clear_object (&fx->context);
  journal_fixture_tear_down (&fx->f);
}

/* The Log's row of the dose: what its model holds and what its row shows
 * in the Reactions column ("" for nothing). */
static char *
log_reactions (Fixture *fx)
{
  GListModel *model = G_LIST_MODEL (cobalt_log_page_get_model (fx->log));
  g_autoptr(CobaltLogEntry) entry = NULL;

  cobalt_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  entry = g_list_model_get_item (model, 0);
  return g_strdup (entry->reactions_text != NULL
                   ? entry->reactions_text : "");
}

static CobaltLogRow *
find_row (GtkWidget *widget)
{
  if (COBALT_IS_LOG_ROW (widget) && gtk_widget_get_mapped (widget) &&
      cobalt_log_row_get_text (COBALT_LOG_ROW (widget), COBALT_LOG_COLUMN_WHEN) != NULL)
    return COBALT_LOG_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      CobaltLogRow *row = find_row (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static const char *
shown_reactions (Fixture *fx)
{
  CobaltLogRow *row;
  const char *text;

  cobalt_test_wait_idle ();
  row = find_row (GTK_WIDGET (cobalt_log_page_get_view (fx->log)));
  g_assert_nonnull (row);
  text = cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_REACTIONS);
  return text != NULL ? text : "";
}

/* The Calendar's words for the dose's day. */
static char *
calendar_day (Fixture *fx)
{
  g_auto(GStrv) lines = cobalt_calendar_page_describe_day (fx->calendar, &fx->dose_day);

  g_assert_nonnull (lines);
  return g_strjoinv ("\n", lines);
}

static void
assert_shows (Fixture    *fx,
              const char *label)
{
  g_autofree char *log = log_reactions (fx);
  g_autofree char *day = calendar_day (fx);

  if (label != NULL)
    {
      g_assert_nonnull (strstr (log, label));
      g_assert_nonnull (strstr (shown_reactions (fx), label));
      g_assert_nonnull (strstr (day, label));
    }
  else
    {
      g_assert_cmpstr (log, ==, "");
      g_assert_cmpstr (shown_reactions (fx), ==, "");
      g_assert_null (strstr (day, "Reactions"));
    }
}

static void
test_edit_and_delete (Fixture       *fx,
                      gconstpointer  data)
{
  const char *pain = cobalt_reaction_kind_get_label ("site-pain");
  const char *headache = cobalt_reaction_kind_get_label ("headache");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  assert_shows (fx, pain);

  /* Changed in the Journal's editor, as a person would. */
  window = cobalt_journal_page_edit (fx->journal, COBALT_JOURNAL_RECORD_REACTION,
                                     fx->reaction->id);
  g_assert_true (COBALT_IS_REACTION_EDITOR (window));
  cobalt_test_wait_idle ();
  g_assert_true (cobalt_reaction_editor_set_kind (COBALT_REACTION_EDITOR (window), "headache"));
  g_assert_true (cobalt_reaction_editor_save (COBALT_REACTION_EDITOR (window), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));

  assert_shows (fx, headache);
  {
    g_autofree char *log = log_reactions (fx);
    g_autofree char *day = calendar_day (fx);

    g_assert_null (strstr (log, pain));
    g_assert_null (strstr (day, pain));
  }

  /* Deleted in the Journal: gone from both. */
  g_assert_true (cobalt_journal_page_delete (fx->journal, COBALT_JOURNAL_RECORD_REACTION,
                                             fx->reaction->id, &error));
  g_assert_no_error (error);
  assert_shows (fx, NULL);
  {
    g_autoptr(CobaltLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (fx->log)), 0);

    g_assert_cmpuint (entry->n_reactions, ==, 0);
  }

  /* Undo brings it back everywhere. */
  g_assert_true (cobalt_journal_page_undo (fx->journal, &error));
  g_assert_no_error (error);
  assert_shows (fx, headache);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/journal-follows/edit-and-delete-reaction", Fixture, NULL,
              fixture_set_up, test_edit_and_delete, fixture_tear_down);

  return g_test_run ();
}
