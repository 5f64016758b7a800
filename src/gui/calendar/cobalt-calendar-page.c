/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "cobalt-calendar-page.h"
#include "cobalt-carers-util.h"
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-log-filter-layout.h"
#include "cobalt-site-chart.h"

#define KIND_GIVEN   "dose-given"
#define KIND_PLANNED "dose-planned"
#define KIND_OVERDUE "dose-overdue"
#define SITE_DAYS    90

struct _CobaltCalendarPage
{
  GtkWidget         parent_instance;

  CobaltContext    *context;
  gulong            changed_id;

  /* Julian day → kind (static string) and → GPtrArray of lines. */
  GHashTable       *kinds;
  GHashTable       *lines;
  /* Due dates for the next 12 months and the overdue days: kept across
   * month changes; the given doses are read per shown month. */
  GHashTable       *planned;      /* julian → char* line */
  GHashTable       *overdue;      /* julian → char* line */
  char             *site_text;
  int               loaded_month;   /* year * 12 + month of the doses read */

  GtkWidget        *columns;
  GtkCalendar      *calendar;
  GtkLabel         *day_title;
  GtkListBox       *day_list;
  CobaltSiteChart  *site_chart;
  GtkLabel         *site_summary;
  GtkLabel         *legend_given;
  GtkLabel         *legend_planned;
  GtkLabel         *legend_overdue;
};

G_DEFINE_FINAL_TYPE (CobaltCalendarPage, cobalt_calendar_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers ------------------------------------------------------- */

/* The calendar shown is the context's person's (NULL: nobody's). */
static CobaltPerson *
person_of (CobaltCalendarPage *self)
{
  return self->context != NULL ? cobalt_context_get_person (self->context) : NULL;
}

static CobaltRepository *
repository_of (CobaltCalendarPage *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltCalendarPage *self)
{
  return cobalt_context_get_clock (self->context);
}

static guint
julian_of (GDateTime *dt)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  return g_date_get_julian (&date);
}

static void
add_line (CobaltCalendarPage *self,
          guint               julian,
          const char         *kind,
          char               *line)
{
  GPtrArray *lines = g_hash_table_lookup (self->lines, GUINT_TO_POINTER (julian));
  const char *old = g_hash_table_lookup (self->kinds, GUINT_TO_POINTER (julian));

  if (lines == NULL)
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->lines, GUINT_TO_POINTER (julian), lines);
    }
  g_ptr_array_add (lines, line);

  /* Overdue matters most, then what was given, then the plan; a line
   * without a kind (a dose not given) leaves the day's mark alone. */
  if (kind == NULL)
    return;
  if (old == NULL || g_str_equal (kind, KIND_OVERDUE) ||
      (g_str_equal (kind, KIND_GIVEN) && g_str_equal (old, KIND_PLANNED)))
    g_hash_table_insert (self->kinds, GUINT_TO_POINTER (julian), (gpointer) kind);
}

static void
compute_schedule (CobaltCalendarPage *self)
{
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) projected = NULL;
  g_autoptr(CobaltDueInfo) due = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dose_text = NULL;
  gint64 person_id;
  GTimeZone *tz;

  g_hash_table_remove_all (self->planned);
  g_hash_table_remove_all (self->overdue);
  if (person_of (self) == NULL)
    return;

  person_id = person_of (self)->id;
  prescription = cobalt_repository_get_prescription (repository_of (self), person_id, &error);
  if (prescription == NULL)
    return;
  /* With the doses not given on the clinic's advice: the schedule
   * counts them as the clinic said. */
  doses = cobalt_repository_list_schedule_doses (repository_of (self), person_id, &error);
  if (doses == NULL)
    return;

  now = cobalt_clock_get_now (clock_of (self));
  tz = g_date_time_get_timezone (now);
  horizon = g_date_time_add_months (now, 12);
  due = cobalt_schedule_next_due (prescription, doses, now, tz);
  if (due == NULL)
    return;
  dose_text = cobalt_prescription_describe_dose (prescription, due->phase_index);

  if (due->status == COBALT_DOSE_STATUS_OVERDUE)
    {
      const char *phone = person_of (self)->clinic_phone;
      guint today = julian_of (now);

      /* Every day since the missed dose, up to today. */
      for (guint j = g_date_get_julian (&due->due_date); j <= today; j++)
        {
          g_autofree char *missed = cobalt_clinical_missed_dose (phone);
          /* Translators: "1 mg hydroxocobalamin", then the missed-dose wording */
          char *line = g_strdup_printf (_("Overdue: %s was due. %s"), dose_text, missed);

          g_hash_table_insert (self->overdue, GUINT_TO_POINTER (j), line);
        }
    }

  projected = cobalt_schedule_project (prescription, doses, now, tz, 400);
  for (guint i = 0; projected != NULL && i < projected->len; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_to_timezone (g_ptr_array_index (projected, i), tz);
      g_autofree char *time = NULL;
      guint julian = julian_of (at);

      if (g_date_time_compare (at, horizon) > 0)
        break;
      if (g_hash_table_contains (self->overdue, GUINT_TO_POINTER (julian)))
        continue;
      time = g_date_time_format (at, "%H:%M");
      g_hash_table_insert (self->planned, GUINT_TO_POINTER (julian),
                           g_strdup_printf (_("Due at %s: %s"), time, dose_text));
    }
}

/* Reads the doses around the shown month and merges the schedule in. */
static void
load_month (CobaltCalendarPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(CobaltLogFetcher) fetcher = NULL;
  g_autoptr(GError) error = NULL;
  GTimeZone *tz;
  GHashTableIter iter;
  gpointer key, value;
  CobaltLogQuery query;

  g_hash_table_remove_all (self->kinds);
  g_hash_table_remove_all (self->lines);
  if (person_of (self) == NULL)
    return;

  tz = cobalt_clock_get_timezone (clock_of (self));

  self->loaded_month = g_date_time_get_year (shown) * 12 + g_date_time_get_month (shown);
  first = g_date_time_new (tz, g_date_time_get_year (shown), g_date_time_get_month (shown), 1, 0, 0, 0);
  from = g_date_time_add_days (first, -7);
  to = g_date_time_add_days (first, 31 + 14);

  cobalt_log_query_init (&query, person_of (self)->id);
  query.from_us = g_date_time_to_unix (from) * G_USEC_PER_SEC;
  query.to_us = g_date_time_to_unix (to) * G_USEC_PER_SEC;
  query.descending = FALSE;
  keys = cobalt_log_query_keys (repository_of (self), &query, &error);
  fetcher = cobalt_log_fetcher_new (repository_of (self));

  for (guint i = 0; keys != NULL && i < keys->len; i += COBALT_LOG_FETCH_MAX)
    {
      g_autoptr(GPtrArray) entries = NULL;

      entries = cobalt_log_fetcher_fetch (fetcher, &g_array_index (keys, gint64, i),
                                          MIN (COBALT_LOG_FETCH_MAX, keys->len - i), &error);
      for (guint j = 0; entries != NULL && j < entries->len; j++)
        {
          CobaltLogEntry *entry = g_ptr_array_index (entries, j);
          CobaltDose *dose = entry->dose;
          g_autoptr(GDateTime) local = g_date_time_to_timezone (entry->when, tz);
          g_autofree char *time = g_date_time_format (local, "%H:%M");

          if (dose == NULL)
            {
              add_line (self, julian_of (local), KIND_GIVEN,
                        g_strdup_printf (_("%s: checklist stopped, nothing given (%s)"), time,
                                         cobalt_log_entry_describe_abort_reason (entry)));
            }
          else if (!cobalt_dose_is_given (dose))
            {
              g_autofree char *what = cobalt_dose_describe_not_given (dose);

              /* Translators: a time of day, then what the clinic advised,
               * "15:00: Not given — skipped on the advice of Dr Rao" */
              add_line (self, julian_of (local), NULL, g_strdup_printf (_("%s: %s"), time, what));
            }
          else
            {
              g_autofree char *amount = cobalt_carers_format_dose (dose);
              g_autofree char *who = cobalt_carers_format_given_by (dose);
              const char *reactions = entry->reactions_text;
              char *line;

              if (reactions != NULL)
                line = g_strdup_printf (_("%s: %s given in the %s by %s. Reactions: %s"), time, amount,
                                        cobalt_carers_site_name (dose->site_id), who,
                                        reactions);
              else
                line = g_strdup_printf (_("%s: %s given in the %s by %s"), time, amount,
                                        cobalt_carers_site_name (dose->site_id), who);
              add_line (self, julian_of (local), KIND_GIVEN, line);
            }
        }
    }
  if (error != NULL)
    g_warning ("Could not read the doses for the calendar: %s", error->message);

  g_hash_table_iter_init (&iter, self->planned);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_line (self, GPOINTER_TO_UINT (key), KIND_PLANNED, g_strdup (value));
  g_hash_table_iter_init (&iter, self->overdue);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_line (self, GPOINTER_TO_UINT (key), KIND_OVERDUE, g_strdup (value));
}

/* Not colour alone: each kind has a symbol, shown after the day's
 * number and in the legend, and words for screen readers. */
static const char *
mark_of_kind (const char *kind)
{
  if (g_strcmp0 (kind, KIND_GIVEN) == 0)
    /* Translators: the symbol after a day's number in the calendar when a dose was given */
    return C_("calendar mark", "✓");
  if (g_strcmp0 (kind, KIND_PLANNED) == 0)
    /* Translators: the symbol after a day's number in the calendar when a dose is due */
    return C_("calendar mark", "◇");
  if (g_strcmp0 (kind, KIND_OVERDUE) == 0)
    /* Translators: the symbol after a day's number in the calendar when a dose is overdue */
    return C_("calendar mark", "!");
  return NULL;
}

static const char *
words_of_kind (const char *kind)
{
  if (g_strcmp0 (kind, KIND_GIVEN) == 0)
    return _("Dose given");
  if (g_strcmp0 (kind, KIND_PLANNED) == 0)
    return _("Dose due (planned)");
  if (g_strcmp0 (kind, KIND_OVERDUE) == 0)
    return _("Dose overdue");
  return NULL;
}

/* The day a day label of @year-@month shows: an "other-month" label
 * (the days before the 1st and after the last) is in the month before
 * or after. FALSE when @day is no day. */
static gboolean
date_of_label (GtkWidget *label,
               int        day,
               int        year,
               int        month,
               GDate     *date)
{
  g_date_clear (date, 1);
  if (!gtk_widget_has_css_class (label, "other-month"))
    {
      if (!g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }
  /* Before the 1st: high numbers; after the last: low ones. */
  if (day > 15)
    month--;
  else
    month++;
  if (month < 1)
    {
      month = 12;
      year--;
    }
  else if (month > 12)
    {
      month = 1;
      year++;
    }
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* GtkCalendar has a single kind of mark; the day labels (children with
 * the "day-number" class) get one CSS class per kind on top, which draws
 * a shape as well as a colour, and the kind's symbol after the number.
 * Each is named with its date and, for a marked day of the month, its
 * kind in words: "Monday 16 June 2025: Dose given". The legend and the
 * day list say the same in words. */
static void
style_day_labels (CobaltCalendarPage *self,
                  GtkWidget          *widget,
                  int                 year,
                  int                 month)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "day-number"))
        {
          const char *classes[] = { KIND_GIVEN, KIND_PLANNED, KIND_OVERDUE };
          const char *kind = NULL;
          /* The number GtkCalendar wrote, perhaps with our symbol after it. */
          int day = atoi (gtk_label_get_text (GTK_LABEL (child)));
          g_autofree char *text = NULL;
          g_autofree char *name = NULL;
          GDate date;

          for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
            gtk_widget_remove_css_class (child, classes[i]);
          if (day <= 0 || !date_of_label (child, day, year, month, &date))
            continue;
          if (!gtk_widget_has_css_class (child, "other-month"))
            kind = g_hash_table_lookup (self->kinds, GUINT_TO_POINTER (g_date_get_julian (&date)));

          {
            /* As the chosen day's title says it. */
            g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                                             g_date_get_day (&date), 12, 0, 0);
            g_autofree char *when = g_date_time_format (noon, "%A %-d %B %Y");

            name = kind != NULL
                     /* Translators: a calendar day and what happened on it,
                      * "Monday 16 June 2025: Dose given" */
                     ? g_strdup_printf (_("%s: %s"), when, words_of_kind (kind))
                     : g_steal_pointer (&when);
          }

          if (kind != NULL)
            {
              /* Translators: a day's number in the calendar, then the kind's
               * symbol, "12✓" */
              text = g_strdup_printf (C_("calendar day", "%d%s"), day, mark_of_kind (kind));
              gtk_widget_add_css_class (child, kind);
            }
          else
            text = g_strdup_printf ("%d", day);
          /* The text first: a label takes its text as its name. */
          if (g_strcmp0 (text, gtk_label_get_text (GTK_LABEL (child))) != 0)
            gtk_label_set_text (GTK_LABEL (child), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (kind != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words_of_kind (kind), -1);
          else
            gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
      else
        style_day_labels (self, child, year, month);
    }
}

static void
update_marks (CobaltCalendarPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);
  int year = g_date_time_get_year (shown);
  int month = g_date_time_get_month (shown);
  guint n_given = 0, n_planned = 0, n_overdue = 0;
  g_autofree char *month_name = g_date_time_format (shown, "%B %Y");
  g_autofree char *given = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *summary = NULL;

  gtk_calendar_clear_marks (self->calendar);
  for (int day = 1; g_date_valid_dmy (day, month, year); day++)
    {
      GDate date;
      const char *kind;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      kind = g_hash_table_lookup (self->kinds, GUINT_TO_POINTER (g_date_get_julian (&date)));
      if (kind == NULL)
        continue;
      gtk_calendar_mark_day (self->calendar, day);
      n_given += g_str_equal (kind, KIND_GIVEN);
      n_planned += g_str_equal (kind, KIND_PLANNED);
      n_overdue += g_str_equal (kind, KIND_OVERDUE);
    }
  style_day_labels (self, GTK_WIDGET (self->calendar), year, month);

  given = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: a count of days in the calendar's summary */
                                        "doses given on %u day", "doses given on %u days", n_given),
                           n_given);
  planned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "due on %u day", "due on %u days", n_planned),
                             n_planned);
  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "overdue on %u day", "overdue on %u days", n_overdue),
                             n_overdue);
  /* Translators: the month, then the three counts of days above */
  summary = g_strdup_printf (_("%s: %s, %s, %s."), month_name, given, planned, overdue);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

static void
show_day (CobaltCalendarPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *title = g_date_time_format (picked, "%A %-d %B %Y");
  GDate date;
  g_auto(GStrv) lines = NULL;
  GtkWidget *child;

  gtk_label_set_text (self->day_title, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_list))) != NULL)
    gtk_list_box_remove (self->day_list, child);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  lines = cobalt_calendar_page_describe_day (self, &date);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);
      GtkWidget *row;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_list_box_append (self->day_list, label);
      /* The row a screen reader moves through says what its line says. */
      row = gtk_widget_get_parent (label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[i], -1);
    }
}

static void
load_sites (CobaltCalendarPage *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -SITE_DAYS);
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = NULL;

  if (person_of (self) != NULL)
    counts = cobalt_carers_count_sites (repository_of (self), person_of (self)->id, since, &error);
  cobalt_site_chart_set_counts (self->site_chart, counts);
  g_free (self->site_text);
  self->site_text = cobalt_site_chart_describe (counts);
  gtk_label_set_text (self->site_summary, self->site_text);
}

/* Callbacks ------------------------------------------------------------ */

static void
on_day_selected_cb (GtkCalendar        *calendar,
                    CobaltCalendarPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);

  /* Arrow keys can cross into another month without the month signals. */
  if (g_date_time_get_year (picked) * 12 + g_date_time_get_month (picked) != self->loaded_month)
    load_month (self);
  update_marks (self);
  show_day (self);
}

static void
on_month_changed_cb (GtkCalendar        *calendar,
                     CobaltCalendarPage *self)
{
  load_month (self);
  update_marks (self);
  show_day (self);
}

static void
on_person_changed_cb (CobaltCalendarPage *self)
{
  cobalt_calendar_page_refresh (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltCalendarPage      *self)
{
  /* Days show doses with their reactions, stopped runs and the doses
   * still due. */
  if (changes & (COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS |
                 COBALT_REPOSITORY_CHANGED_CHECKLISTS | COBALT_REPOSITORY_CHANGED_JOURNAL |
                 COBALT_REPOSITORY_CHANGED_PEOPLE))
    cobalt_calendar_page_refresh (self);
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_calendar_page_constructed (GObject *object)
{
  CobaltCalendarPage *self = COBALT_CALENDAR_PAGE (object);
  g_autoptr(GDateTime) now = NULL;

  G_OBJECT_CLASS (cobalt_calendar_page_parent_class)->constructed (object);

  now = cobalt_clock_get_now (clock_of (self));
  gtk_calendar_select_day (self->calendar, now);
  self->changed_id = g_signal_connect (repository_of (self), "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  cobalt_calendar_page_refresh (self);
}

static void
cobalt_calendar_page_dispose (GObject *object)
{
  CobaltCalendarPage *self = COBALT_CALENDAR_PAGE (object);
  GtkWidget *child;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, repository_of (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_CALENDAR_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cobalt_calendar_page_parent_class)->dispose (object);
}

static void
cobalt_calendar_page_finalize (GObject *object)
{
  CobaltCalendarPage *self = COBALT_CALENDAR_PAGE (object);

  g_clear_pointer (&self->kinds, g_hash_table_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->planned, g_hash_table_unref);
  g_clear_pointer (&self->overdue, g_hash_table_unref);
  g_clear_pointer (&self->site_text, g_free);

  G_OBJECT_CLASS (cobalt_calendar_page_parent_class)->finalize (object);
}

static void
cobalt_calendar_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltCalendarPage *self = COBALT_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: g_value_set_object (value, self->context); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_calendar_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltCalendarPage *self = COBALT_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: self->context = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_calendar_page_class_init (CobaltCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_calendar_page_constructed;
  object_class->dispose = cobalt_calendar_page_dispose;
  object_class->finalize = cobalt_calendar_page_finalize;
  object_class->get_property = cobalt_calendar_page_get_property;
  object_class->set_property = cobalt_calendar_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COBALT_TYPE_SITE_CHART);
  cobalt_carers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/calendar/cobalt-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, columns);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, day_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, site_chart);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, site_summary);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, legend_given);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, legend_planned);
  gtk_widget_class_bind_template_child (widget_class, CobaltCalendarPage, legend_overdue);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cobalt_calendar_page_init (CobaltCalendarPage *self)
{
  self->kinds = g_hash_table_new (NULL, NULL);
  self->lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->planned = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->overdue = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The month and the chosen day need about 700 pixels side by side;
   * narrower (or with large text), the day goes under the month. */
  cobalt_log_filter_layout_apply (self->columns, 24);
  cobalt_carers_name_calendar (self->calendar);

  gtk_label_set_text (self->legend_given, mark_of_kind (KIND_GIVEN));
  gtk_label_set_text (self->legend_planned, mark_of_kind (KIND_PLANNED));
  gtk_label_set_text (self->legend_overdue, mark_of_kind (KIND_OVERDUE));
}

/* Public API ------------------------------------------------------------ */

CobaltCalendarPage *
cobalt_calendar_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_CALENDAR_PAGE,
                       "context", context,
                       NULL);
}

void
cobalt_calendar_page_refresh (CobaltCalendarPage *self)
{
  g_return_if_fail (COBALT_IS_CALENDAR_PAGE (self));

  compute_schedule (self);
  load_month (self);
  update_marks (self);
  show_day (self);
  load_sites (self);
}

const char *
cobalt_calendar_page_get_day_kind (CobaltCalendarPage *self,
                                   const GDate        *date)
{
  g_return_val_if_fail (COBALT_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return g_hash_table_lookup (self->kinds, GUINT_TO_POINTER (g_date_get_julian (date)));
}

GStrv
cobalt_calendar_page_describe_day (CobaltCalendarPage *self,
                                   const GDate        *date)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *lines;

  g_return_val_if_fail (COBALT_IS_CALENDAR_PAGE (self), NULL);

  lines = g_hash_table_lookup (self->lines, GUINT_TO_POINTER (g_date_get_julian (date)));
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (lines, i));
  if (lines == NULL)
    g_strv_builder_add (builder, _("Nothing logged or planned on this day."));
  return g_strv_builder_end (builder);
}

void
cobalt_calendar_page_select_day (CobaltCalendarPage *self,
                                 const GDate        *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_if_fail (COBALT_IS_CALENDAR_PAGE (self));

  dt = g_date_time_new (cobalt_clock_get_timezone (clock_of (self)), g_date_get_year (date),
                        g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, dt);
  load_month (self);
  update_marks (self);
  show_day (self);
}

const char *
cobalt_calendar_page_get_site_summary (CobaltCalendarPage *self)
{
  g_return_val_if_fail (COBALT_IS_CALENDAR_PAGE (self), NULL);
  return self->site_text;
}
