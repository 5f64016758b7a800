/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "cobalt-calendar-page.h"
#include "cobalt-context.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-repository-private.h"
#include "cobalt-schedule.h"
#include "carers-test-util.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltContext    *context;
  GtkWindow        *window;
  CobaltCalendarPage *page;
} Fixture;

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

static CobaltPerson *
find (Fixture    *f,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_repository_find_person (f->repository, name, &error);

  g_assert_no_error (error);
  return person;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2024, 10, 20, 12, 0, 0);
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  g_assert_true (cobalt_demo_populate (f->repository, f->clock, &error));
  g_assert_no_error (error);

  person = find (f, COBALT_DEMO_PERSON_SELF);
  f->context = cobalt_context_new (f->repository, f->clock, person);
  f->page = cobalt_calendar_page_new (f->context);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wait_frames (5);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_frames (2);
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

static GDate *
due_date (Fixture      *f,
          CobaltPerson *person,
          CobaltDoseStatus *status)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_repository_get_prescription (f->repository, person->id, NULL);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, person->id, NULL);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(CobaltDueInfo) due = cobalt_schedule_next_due (prescription, doses, now, g_date_time_get_timezone (now));
  GDate *date = g_date_new ();

  *status = due->status;
  *date = due->due_date;
  return date;
}

/* The next due date is marked as planned and described; a day with a
 * logged dose as given. */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_SELF);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, person->id, NULL);
  CobaltDose *last = g_ptr_array_index (doses, doses->len - 1);
  CobaltDoseStatus status;
  g_autoptr(GDate) due = due_date (f, person, &status);
  g_auto(GStrv) lines = NULL;
  GDate given;

  g_assert_cmpint (status, ==, COBALT_DOSE_STATUS_UPCOMING);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-planned");
  lines = cobalt_calendar_page_describe_day (f->page, due);
  g_assert_nonnull (strstr (lines[0], "Due at 09:00"));

  /* Three months on: the next planned dose, found by the keyboard-free API. */
  g_date_add_months (due, 3);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-planned");

  g_date_clear (&given, 1);
  g_date_set_dmy (&given, g_date_time_get_day_of_month (last->given_at),
                  g_date_time_get_month (last->given_at),
                  g_date_time_get_year (last->given_at));
  cobalt_calendar_page_select_day (f->page, &given);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, &given), ==, "dose-given");
  g_strfreev (lines);
  lines = cobalt_calendar_page_describe_day (f->page, &given);
  g_assert_nonnull (strstr (lines[0], "given in the"));
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_CARED);
  CobaltDoseStatus status;
  g_autoptr(GDate) due = due_date (f, person, &status);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (status, ==, COBALT_DOSE_STATUS_OVERDUE);
  cobalt_context_set_person (f->context, person);
  cobalt_calendar_page_select_day (f->page, due);
  g_assert_cmpstr (cobalt_calendar_page_get_day_kind (f->page, due), ==, "dose-overdue");
  lines = cobalt_calendar_page_describe_day (f->page, due);
  g_assert_nonnull (strstr (lines[0], "Do not have two doses to make up for a missed one."));

  /* The site summary in words, for screen readers. */
  g_assert_nonnull (strstr (cobalt_calendar_page_get_site_summary (f->page), "dose"));
}

/* A label showing @text (a substring) that is visible up to @root. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dose count the summary gives @site_id, 0 when it does not name it. */
static guint
summary_count (const char *summary,
               const char *site_id)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", cobalt_site_info_get_name (cobalt_site_catalogue_lookup (site_id)));
  const char *at = strstr (summary, prefix);

  return at != NULL ? (guint) g_ascii_strtoull (at + strlen (prefix), NULL, 10) : 0;
}

static void
add_dose_days_ago (Fixture      *f,
                   CobaltPerson *person,
                   int           days,
                   const char   *site_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (f->clock);
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days);
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();

  dose->person_id = person->id;
  cobalt_dose_set_given_at (dose, when);
  cobalt_set_str (&dose->site_id, site_id);
  dose->amount = 1.0;
  dose->unit = COBALT_DOSE_UNIT_MG;
  dose->given_by = COBALT_GIVEN_BY_CLINIC;
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);
}

/* What a carer sees beside the calendar: the legend, the chosen day in
 * words, and the last 90 days of sites (older doses not counted). */
static void
test_legend_day_list_and_sites (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->page);
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_SELF);
  CobaltDoseStatus status;
  g_autoptr(GDate) due = due_date (f, person, &status);
  g_autofree char *before = NULL;
  const char *after;
  GDate empty;

  g_assert_nonnull (find_label (root, "Legend"));
  g_assert_nonnull (find_label (root, "Dose given"));
  g_assert_nonnull (find_label (root, "Dose due (planned)"));
  g_assert_nonnull (find_label (root, "Overdue: see the day for what to do"));

  /* The chosen day's list says what is planned, under the day's name. */
  cobalt_calendar_page_select_day (f->page, due);
  wait_frames (2);
  {
    char title[64];

    g_assert_cmpuint (g_date_strftime (title, sizeof title, "%A %-d %B %Y", due), >, 0);
    g_assert_nonnull (find_label (root, title));
  }
  g_assert_nonnull (find_label (root, "Due at 09:00"));
  g_assert_null (find_label (root, "Nothing logged or planned on this day."));

  /* A quiet day says so rather than showing an empty list. */
  empty = *due;
  g_date_subtract_days (&empty, 1);
  cobalt_calendar_page_select_day (f->page, &empty);
  wait_frames (2);
  g_assert_nonnull (find_label (root, "Nothing logged or planned on this day."));
  g_assert_null (find_label (root, "Due at 09:00"));

  /* Site rotation: only the last 90 days count. */
  g_assert_nonnull (find_label (root, "Injection sites, last 90 days"));
  before = g_strdup (cobalt_calendar_page_get_site_summary (f->page));
  add_dose_days_ago (f, person, 10, "ventrogluteal-right");
  add_dose_days_ago (f, person, 120, "ventrogluteal-left");
  cobalt_calendar_page_refresh (f->page);
  wait_frames (2);
  after = cobalt_calendar_page_get_site_summary (f->page);
  g_assert_cmpuint (summary_count (after, "ventrogluteal-right"), ==,
                    summary_count (before, "ventrogluteal-right") + 1);
  g_assert_cmpuint (summary_count (after, "ventrogluteal-left"), ==,
                    summary_count (before, "ventrogluteal-left"));
  g_assert_nonnull (strstr (after, "Right side of hip: "));
  /* The summary is on screen too, not only for screen readers. */
  g_assert_nonnull (find_label (root, after));
}

/* The calendar's label for day @day of the shown month. */
static GtkLabel *
find_day_label (GtkWidget *root,
                int        day)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number"))
        {
          if (!gtk_widget_has_css_class (child, "other-month") &&
              atoi (gtk_label_get_text (GTK_LABEL (child))) == day)
            return GTK_LABEL (child);
          continue;
        }
      found = find_day_label (child, day);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Not colour alone: a planned and an overdue day carry different
 * symbols and CSS classes (each draws its own shape), and say their
 * kind in words to screen readers; an unmarked day has neither. */
static void
test_marks_not_colour_alone (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CobaltPerson) self_person = find (f, COBALT_DEMO_PERSON_SELF);
  g_autoptr(CobaltPerson) cared = find (f, COBALT_DEMO_PERSON_CARED);
  CobaltDoseStatus status;
  g_autoptr(GDate) planned = due_date (f, self_person, &status);
  g_autoptr(GDate) overdue = due_date (f, cared, &status);
  g_autofree char *planned_text = NULL;
  GtkLabel *label;
  GDate quiet;

  cobalt_calendar_page_select_day (f->page, planned);
  wait_frames (2);
  label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (planned));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dose-planned"));
  planned_text = g_strdup_printf ("%d◇", g_date_get_day (planned));
  g_assert_cmpstr (gtk_label_get_text (label), ==, planned_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Dose due (planned)");

  /* The day before is quiet: the number alone, no description. */
  quiet = *planned;
  g_date_subtract_days (&quiet, 1);
  if (g_date_get_month (&quiet) == g_date_get_month (planned) &&
      cobalt_calendar_page_get_day_kind (f->page, &quiet) == NULL)
    {
      g_autofree char *quiet_text = g_strdup_printf ("%d", g_date_get_day (&quiet));

      label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (&quiet));
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (label), ==, quiet_text);
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (label),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }

  cobalt_context_set_person (f->context, cared);
  cobalt_calendar_page_select_day (f->page, overdue);
  wait_frames (2);
  label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (overdue));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dose-overdue"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (label), "dose-planned"));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (label), "!"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Dose overdue");

  /* The legend shows the same symbols beside the words. */
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "✓"));
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), "◇"));
}

/* "Monday 16 June 2025", as the day's title says it. */
static char *
day_words (const GDate *date)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (noon, "%A %-d %B %Y");
}

/* Each day of the month is named with its date and, when marked, what
 * the mark means: a screen reader says the state, not only the colour or
 * the shape does. */
static void
test_day_names (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_SELF);
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, person->id, NULL);
  CobaltDose *last = g_ptr_array_index (doses, doses->len - 1);
  CobaltDoseStatus status;
  g_autoptr(GDate) planned = due_date (f, person, &status);
  g_autofree char *words = NULL;
  g_autofree char *expected = NULL;
  GtkLabel *label;
  GDate given, quiet;

  cobalt_calendar_page_select_day (f->page, planned);
  wait_frames (2);
  label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (planned));
  words = day_words (planned);
  expected = g_strdup_printf ("%s: Dose due (planned)", words);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  quiet = *planned;
  g_date_subtract_days (&quiet, 1);
  if (g_date_get_month (&quiet) == g_date_get_month (planned) &&
      cobalt_calendar_page_get_day_kind (f->page, &quiet) == NULL)
    {
      g_autofree char *quiet_words = day_words (&quiet);

      label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (&quiet));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, quiet_words);
    }

  g_date_clear (&given, 1);
  g_date_set_dmy (&given, g_date_time_get_day_of_month (last->given_at), g_date_time_get_month (last->given_at),
                  g_date_time_get_year (last->given_at));
  cobalt_calendar_page_select_day (f->page, &given);
  wait_frames (2);
  label = find_day_label (GTK_WIDGET (f->page), g_date_get_day (&given));
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&expected, g_free);
  words = day_words (&given);
  expected = g_strdup_printf ("%s: Dose given", words);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

static gboolean
match_tooltip (GtkWidget     *widget,
               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The month's arrows are named (GTK leaves them bare icons) and work;
 * the chosen day's lines are rows named by what they say. */
static void
test_arrows_and_rows (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "Previous month", "Next month", "Previous year", "Next year" };
  GtkWidget *calendar = cobalt_test_find_id (GTK_WIDGET (f->page), "calendar");
  GtkWidget *list = cobalt_test_find_id (GTK_WIDGET (f->page), "day_list");
  g_autoptr(CobaltPerson) person = find (f, COBALT_DEMO_PERSON_SELF);
  CobaltDoseStatus status;
  g_autoptr(GDate) planned = due_date (f, person, &status);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *next = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *button = cobalt_test_find_widget (calendar, TRUE, match_tooltip, names[i]);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, names[i]);
      if (i == 1)
        next = button;
    }
  before = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_signal_emit_by_name (next, "clicked");
  wait_frames (2);
  after = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint ((g_date_time_get_year (after) * 12 + g_date_time_get_month (after)) -
                   (g_date_time_get_year (before) * 12 + g_date_time_get_month (before)), ==, 1);
  /* The new month's days are named with their new dates. */
  {
    g_autoptr(GDate) first = g_date_new_dmy (1, g_date_time_get_month (after), g_date_time_get_year (after));
    g_autofree char *words = day_words (first);
    GtkLabel *label = find_day_label (GTK_WIDGET (f->page), 1);
    g_autofree char *name = NULL;

    const char *kind = cobalt_calendar_page_get_day_kind (f->page, first);

    g_assert_nonnull (label);
    if (kind == NULL)
      name = g_strdup (words);
    else
      name = g_strdup_printf ("%s: %s", words,
                              g_str_equal (kind, "dose-given") ? "Dose given"
                              : g_str_equal (kind, "dose-planned") ? "Dose due (planned)" : "Dose overdue");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }

  cobalt_calendar_page_select_day (f->page, planned);
  wait_frames (2);
  lines = cobalt_calendar_page_describe_day (f->page, planned);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_true (GTK_IS_LIST_BOX_ROW (row));
      g_assert_nonnull (lines[n]);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length (lines));
  g_assert_cmpuint (n, >, 0);
}

/* Where @widget starts and ends in the window. */
static graphene_rect_t
bounds_of (GtkWidget *widget,
           GtkWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* Wide, the chosen day is beside the month; at 360 pixels it goes under
 * it, and with text twice its size on a 1280 × 800 screen everything
 * still fits across. */
static void
test_narrow_and_large (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *calendar = cobalt_test_find_id (GTK_WIDGET (f->page), "calendar");
  GtkWidget *title = cobalt_test_find_id (GTK_WIDGET (f->page), "day_title");
  graphene_rect_t month, day;
  int min;

  gtk_window_set_default_size (f->window, 1100, 700);
  wait_frames (5);
  month = bounds_of (calendar, f->window);
  day = bounds_of (title, f->window);
  g_assert_cmpfloat (day.origin.x, >=, month.origin.x + month.size.width);
  g_assert_cmpfloat (day.origin.y, <, month.origin.y + month.size.height);

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  gtk_window_set_default_size (f->window, 360, 720);
  wait_frames (5);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  month = bounds_of (calendar, f->window);
  day = bounds_of (title, f->window);
  g_assert_cmpfloat (day.origin.y, >=, month.origin.y + month.size.height);
  g_assert_cmpuint (carers_assert_controls_inside (GTK_WIDGET (f->window)), >=, 5);

  carers_set_text_scale (2);
  gtk_window_set_default_size (f->window, 1280, 800);
  wait_frames (5);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 1280);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 1280);
  g_assert_cmpuint (carers_assert_controls_inside (GTK_WIDGET (f->window)), >=, 5);
  carers_set_text_scale (1);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/calendar-page/marks", Fixture, NULL, fixture_setup, test_marks, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/overdue", Fixture, NULL, fixture_setup, test_overdue, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/legend-day-list-and-sites", Fixture, NULL, fixture_setup,
              test_legend_day_list_and_sites, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/marks-not-colour-alone", Fixture, NULL, fixture_setup,
              test_marks_not_colour_alone, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/day-names", Fixture, NULL, fixture_setup, test_day_names, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/arrows-and-rows", Fixture, NULL, fixture_setup,
              test_arrows_and_rows, fixture_teardown);
  g_test_add ("/cobalt/calendar-page/narrow-and-large", Fixture, NULL, fixture_setup,
              test_narrow_and_large, fixture_teardown);

  return g_test_run ();
}
