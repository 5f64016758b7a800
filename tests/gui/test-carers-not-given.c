/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the carers' pages show of the clinic's advice (CLINICAL.md "Missed
 * dose"): a dose not given is in the Log as such, a dose given early on
 * the clinic's advice says so, and the calendar neither calls the
 * rescheduled day overdue nor counts the advice as a dose given. */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-calendar-page.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-log-page.h"
#include "cobalt-log-row.h"
#include "cobalt-not-given-dialog.h"
#include "carers-test-util.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
  CobaltContext    *context;
  GtkWindow        *window;
} Fixture;

static GDateTime *
london (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
add (Fixture        *f,
     GDateTime      *when,
     CobaltDoseKind  kind,
     const GDate    *moved_to,
     CobaltDoseException exceptions)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;

  dose->person_id = f->person->id;
  cobalt_dose_set_given_at (dose, when);
  dose->kind = kind;
  if (kind == COBALT_DOSE_KIND_GIVEN)
    cobalt_set_str (&dose->site_id, "deltoid-left");
  else
    cobalt_set_str (&dose->advised_by, "Dr Rao");
  cobalt_set_date (&dose->moved_to, moved_to);
  if (exceptions != COBALT_DOSE_EXCEPTION_NONE)
    {
      dose->exceptions = exceptions;
      cobalt_set_str (&dose->exception_note, "Nurse Patel");
    }
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);
}

/* Weekly from Monday 5 January 2026: given on the 5th; given on Friday
 * the 9th, three days early, on the clinic's advice; the dose due on the
 * 16th skipped on the clinic's advice that day; the one then due on the
 * 23rd moved to Friday the 30th on the 22nd. "Now" is Tuesday 27
 * January. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = london (2026, 1, 27, 10, 0);
  g_autoptr(GDateTime) first = london (2026, 1, 5, 9, 0);
  g_autoptr(GDateTime) early = london (2026, 1, 9, 9, 0);
  g_autoptr(GDateTime) skipped = london (2026, 1, 16, 15, 0);
  g_autoptr(GDateTime) moved = london (2026, 1, 22, 11, 0);
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, NULL);
  g_autoptr(GDate) starts_on = g_date_new_dmy (5, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) moved_to = g_date_new_dmy (30, G_DATE_JANUARY, 2026);
  gint64 id;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  id = carers_add_person (f->repository, "Not Given");
  f->person = cobalt_repository_get_person (f->repository, id, &error);
  g_assert_no_error (error);

  prescription->person_id = id;
  cobalt_set_date (&prescription->starts_on, starts_on);
  cobalt_prescription_set_enabled_sites (prescription, (const char *[]) { "deltoid-left", NULL });
  cobalt_prescription_add_phase (prescription, phase);
  g_assert_true (cobalt_repository_save_prescription (f->repository, prescription, &error));
  g_assert_no_error (error);

  add (f, first, COBALT_DOSE_KIND_GIVEN, NULL, COBALT_DOSE_EXCEPTION_NONE);
  add (f, early, COBALT_DOSE_KIND_GIVEN, NULL, COBALT_DOSE_EXCEPTION_EARLY);
  add (f, skipped, COBALT_DOSE_KIND_SKIPPED, NULL, COBALT_DOSE_EXCEPTION_NONE);
  add (f, moved, COBALT_DOSE_KIND_MOVED, moved_to, COBALT_DOSE_EXCEPTION_NONE);

  f->context = cobalt_context_new (f->repository, f->clock, f->person);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_frames (2);
  g_clear_object (&f->context);
  g_clear_object (&f->person);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

/* The text of @column in the shown row whose @column contains @needle. */
static const char *
row_text (GtkWidget       *widget,
          CobaltLogColumn  column,
          const char      *needle)
{
  if (COBALT_IS_LOG_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = cobalt_log_row_get_text (COBALT_LOG_ROW (widget), column);

      return text != NULL && strstr (text, needle) != NULL ? text : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_text (child, column, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shown row whose dose column contains @needle. */
static CobaltLogRow *
find_row (GtkWidget  *widget,
          const char *needle)
{
  if (COBALT_IS_LOG_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = cobalt_log_row_get_text (COBALT_LOG_ROW (widget), COBALT_LOG_COLUMN_DOSE);

      return text != NULL && strstr (text, needle) != NULL ? COBALT_LOG_ROW (widget) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      CobaltLogRow *found = find_row (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_log_shows_advice (Fixture       *f,
                       gconstpointer  data)
{
  CobaltLogPage *page = cobalt_log_page_new (f->context);
  GtkWidget *view = GTK_WIDGET (cobalt_log_page_get_view (page));
  CobaltLogRow *skipped;

  gtk_window_set_child (f->window, GTK_WIDGET (page));
  gtk_window_present (f->window);
  wait_frames (10);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (page))), ==, 4);
  skipped = find_row (view, "Not given — skipped on the advice of Dr Rao");
  g_assert_nonnull (skipped);
  g_assert_nonnull (find_row (view, "Not given — moved to Friday 30 January 2026 on the advice of Dr Rao"));
  /* No site or giver for a dose that was not given. */
  g_assert_null (cobalt_log_row_get_text (skipped, COBALT_LOG_COLUMN_SITE));
  g_assert_null (cobalt_log_row_get_text (skipped, COBALT_LOG_COLUMN_GIVEN_BY));
  /* Read aloud as it shows: when, then the clinic's advice. */
  {
    g_autofree char *sentence = g_strdup_printf ("%s: Not given — skipped on the advice of Dr Rao",
                                                 cobalt_log_row_get_text (skipped, COBALT_LOG_COLUMN_WHEN));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (skipped))),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
  }

  /* The early dose says why, in words, with who said so. */
  g_assert_cmpstr (row_text (view, COBALT_LOG_COLUMN_NOTES, "Early"), ==,
                   "Early: given on the clinic’s advice (Nurse Patel)");
}

static void
test_calendar_follows_advice (Fixture       *f,
                              gconstpointer  data)
{
  CobaltCalendarPage *page = cobalt_calendar_page_new (f->context);
  g_autoptr(GDate) skipped_day = g_date_new_dmy (16, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) old_due = g_date_new_dmy (23, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) moved_day = g_date_new_dmy (30, G_DATE_JANUARY, 2026);
  g_auto(GStrv) lines = NULL;
  gboolean said = FALSE;

  gtk_window_set_child (f->window, GTK_WIDGET (page));
  gtk_window_present (f->window);
  wait_frames (5);
  cobalt_calendar_page_select_day (page, skipped_day);
  wait_frames (2);

  /* The day of the advice is described, and is no dose given. */
  lines = cobalt_calendar_page_describe_day (page, skipped_day);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    if (strstr (lines[i], "Not given — skipped on the advice of Dr Rao") != NULL)
      said = TRUE;
  g_assert_true (said);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (page, skipped_day), !=, "dose-given");

  /* Moved to the 30th: nothing overdue since the old due day. */
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (page, old_due), !=, "dose-overdue");
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (page, today), !=, "dose-overdue");
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (page, moved_day), ==, "dose-planned");
}

/* Waits until @button is @active: GtkButton's activate (the action a
 * screen reader runs) clicks once the press has shown. */
static gboolean
wait_active (GtkWidget *button,
             gboolean   active)
{
  for (guint i = 0; i < 50 && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != active; i++)
    wait_frames (1);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) == active;
}

/* "Skip" or "move" are radio buttons assistive technology can choose
 * (GTK 4.8's check buttons have no action), named without their
 * mnemonics' underscores; choosing "move" shows "Moved to", whose letter
 * is not Move's. The form fits a 360 pixel window. */
static void
test_dialog_choices (Fixture       *f,
                     gconstpointer  data)
{
  CobaltNotGivenDialog *dialog;
  GtkWidget *skip, *move, *moved_to;
  int min, width, height;

  gtk_window_set_default_size (f->window, 360, 720);
  gtk_window_present (f->window);
  wait_frames (5);
  dialog = cobalt_not_given_dialog_new (f->window, f->context, f->person);
  gtk_window_get_default_size (GTK_WINDOW (dialog), &width, &height);
  g_assert_cmpint (width, <=, 360);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_frames (5);

  skip = cobalt_not_given_dialog_get_field (dialog, "skip");
  move = cobalt_not_given_dialog_get_field (dialog, "move");
  moved_to = cobalt_not_given_dialog_get_field (dialog, "moved-to");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *choice = i == 0 ? skip : move;

      g_assert_true (COBALT_IS_CHOICE_BUTTON (choice));
      g_assert_true (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (choice)));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_ROLE_RADIO);
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (skip), GTK_ACCESSIBLE_PROPERTY_LABEL, "Skip this dose");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Move it to another day");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (skip)));
  g_assert_false (gtk_widget_get_visible (moved_to));

  g_assert_true (gtk_widget_activate (move));
  g_assert_true (wait_active (move, TRUE));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (skip)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (move), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (skip), GTK_ACCESSIBLE_STATE_CHECKED, FALSE);
  g_assert_true (gtk_widget_get_visible (moved_to));
  wait_frames (2);
  g_assert_cmpuint (carers_assert_no_mnemonic_clash (GTK_WIDGET (dialog)), >=, 8);
  g_assert_cmpuint (carers_assert_controls_inside (GTK_WIDGET (dialog)), >=, 7);

  g_assert_true (gtk_widget_activate (skip));
  g_assert_true (wait_active (skip, TRUE));
  g_assert_false (gtk_widget_get_visible (moved_to));
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/carers/not-given/log", Fixture, NULL, fixture_setup, test_log_shows_advice, fixture_teardown);
  g_test_add ("/cobalt/carers/not-given/calendar", Fixture, NULL, fixture_setup, test_calendar_follows_advice,
              fixture_teardown);
  g_test_add ("/cobalt/carers/not-given/dialog-choices", Fixture, NULL, fixture_setup, test_dialog_choices,
              fixture_teardown);

  return g_test_run ();
}
