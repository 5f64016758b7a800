/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-journey-util.h"
#include "cobalt-today-page.h"
#include "cobalt-wrap-box.h"

/* A wall clock can jump (suspend, a time-zone change) while a GLib timeout
 * sleeps on the monotonic clock: look again at least this often. */
#define MAX_TIMER_SECONDS (15 * 60)

struct _CobaltTodayPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *scroller;
  GtkLabel         *heading_label;
  GtkLabel         *date_label;
  GtkLabel         *relative_label;
  GtkWidget        *status_box;
  GtkImage         *status_icon;
  GtkLabel         *status_label;
  GtkWidget        *overdue_box;
  GtkLabel         *missed_label;
  GtkLabel         *clinic_label;
  GtkWidget        *details_box;
  GtkLabel         *dose_label;
  GtkLabel         *site_label;
  GtkLabel         *site_reason_label;
  GtkWidget        *warnings_box;
  GtkWidget        *warnings_list;
  GtkLabel         *message_label;
  GtkWidget        *next_dose_box;
  GtkButton        *start_checklist_button;

  CobaltContext    *context;
  GDateTime        *next_change;
  guint             timer_id;
  guint             lead_days;
  gboolean          constructed;
  CobaltStatus     *precomputed;   /* for the first update only */
};

G_DEFINE_FINAL_TYPE (CobaltTodayPage, cobalt_today_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOW_STOCK_LEAD_DAYS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_timer (CobaltTodayPage *self);

/* Today is the context's person's. */
static CobaltPerson *
person_of (CobaltTodayPage *self)
{
  return cobalt_context_get_person (self->context);
}

static CobaltRepository *
repository_of (CobaltTodayPage *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltTodayPage *self)
{
  return cobalt_context_get_clock (self->context);
}

static char *
capitalise (const char *text)
{
  gunichar first;
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup (text);

  first = g_unichar_totitle (g_utf8_get_char (text));
  len = g_unichar_to_utf8 (first, buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

static void
clear_warnings (CobaltTodayPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->warnings_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->warnings_list), child);
}

static void
add_warning_row (CobaltTodayPage *self,
                 const char      *message,
                 gboolean         is_error)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (message);

  gtk_widget_add_css_class (row, "today-card");
  gtk_widget_add_css_class (row, "warning-row");
  if (is_error)
    gtk_widget_add_css_class (row, "error-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (self->warnings_list), row);
}

static void
add_warning (CobaltTodayPage           *self,
             const CobaltSupplyWarning *warning)
{
  add_warning_row (self, warning->message, warning->kind == COBALT_SUPPLY_WARNING_EXPIRED);
}

/* A resting site narrows the rotation: say which one and until when, so
 * the suggestion further up is not a surprise. */
static void
add_resting_warning (CobaltTodayPage         *self,
                     const CobaltRestingSite *resting)
{
  const CobaltSiteInfo *info = cobalt_site_catalogue_lookup (resting->site_id);
  const char *name = info != NULL ? cobalt_site_info_get_name (info) : resting->site_id;
  g_autofree char *message = NULL;
  char until[64] = "";

  if (g_date_valid (&resting->until))
    /* Translators: day and month a resting site may be used again, g_date_strftime() syntax. */
    g_date_strftime (until, sizeof until, _("%-d %B"), &resting->until);

  if (resting->reason != NULL && *resting->reason != '\0')
    /* Translators: "Left outer thigh is resting until 3 December: bruised". */
    message = g_strdup_printf (_("%s is resting until %s: %s"), name, until, resting->reason);
  else
    /* Translators: "Left outer thigh is resting until 3 December". */
    message = g_strdup_printf (_("%s is resting until %s"), name, until);

  add_warning_row (self, message, FALSE);
}

static void
set_status_class (CobaltTodayPage  *self,
                  CobaltDoseStatus  status)
{
  static const char *classes[] = { "status-none", "status-upcoming", "status-due", "status-overdue" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->status_box, classes[i]);
  if ((guint) status < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (self->status_box, classes[status]);
}

static const char *
status_icon_name (CobaltDoseStatus status)
{
  switch (status)
    {
    case COBALT_DOSE_STATUS_UPCOMING:
      return "x-office-calendar-symbolic";
    case COBALT_DOSE_STATUS_DUE:
      return "alarm-symbolic";
    case COBALT_DOSE_STATUS_OVERDUE:
      return "dialog-warning-symbolic";
    case COBALT_DOSE_STATUS_NONE:
    default:
      return "dialog-information-symbolic";
    }
}

static char *
format_due_date (GDateTime *due_at,
                 GDateTime *now)
{
  if (g_date_time_get_year (due_at) != g_date_time_get_year (now))
    /* Translators: the next dose's date when it is in another year,
     * g_date_time_format() syntax: "Tuesday 5 January 2027". */
    return g_date_time_format (due_at, _("%A %-d %B %Y"));

  /* Translators: the next dose's date, g_date_time_format() syntax:
   * "Tuesday 24 November". */
  return g_date_time_format (due_at, _("%A %-d %B"));
}

static void
show_missed_dose (CobaltTodayPage *self)
{
  const char *clinic_name = person_of (self)->clinic_name;
  const char *clinic_phone = person_of (self)->clinic_phone;
  g_autofree char *clinic = NULL;
  g_autofree char *missed = cobalt_clinical_missed_dose (NULL);

  gtk_label_set_label (self->missed_label, missed);

  if (clinic_phone != NULL && *clinic_phone != '\0')
    {
      if (clinic_name != NULL && *clinic_name != '\0')
        /* Translators: clinic name and phone number. */
        clinic = g_strdup_printf (_("Call %s: %s"), clinic_name, clinic_phone);
      else
        /* Translators: the clinic's phone number. */
        clinic = g_strdup_printf (_("Call your clinic: %s"), clinic_phone);
    }
  else if (clinic_name != NULL && *clinic_name != '\0')
    clinic = g_strdup_printf (_("Contact %s."), clinic_name);
  else
    clinic = g_strdup (_("Contact your clinic or surgery."));

  gtk_label_set_label (self->clinic_label, clinic);
  gtk_widget_set_visible (self->overdue_box, TRUE);
}

static void
show_error (CobaltTodayPage *self,
            const GError    *error)
{
  g_autofree char *text = g_strdup_printf (_("Cobalt could not read this person’s injections: %s"),
                                           error->message);

  gtk_widget_set_visible (self->next_dose_box, FALSE);
  gtk_widget_set_visible (self->overdue_box, FALSE);
  gtk_widget_set_visible (self->details_box, FALSE);
  gtk_widget_set_visible (self->warnings_box, FALSE);
  gtk_label_set_label (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
}

/* A checklist left half done (window closed, app killed) is carried on,
 * not started again: say so on the button. */
static void
update_start_button (CobaltTodayPage *self)
{
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autofree char *tooltip = NULL;

  run = cobalt_repository_get_open_checklist_run (repository_of (self), person_of (self)->id, NULL);
  if (run == NULL || cobalt_checklist_run_get_n_ticked (run) == 0)
    {
      gtk_button_set_label (self->start_checklist_button, _("_Start Checklist"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->start_checklist_button),
                                   _("Go through the pre-injection checklist and log the dose"));
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->start_checklist_button),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_checklist_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Start checklist"), -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->start_checklist_button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  /* Translators: tooltip; the step numbers, e.g. "step 6 of 10" */
  tooltip = g_strdup_printf (_("Carry on where you left off: step %u of %u"),
                             MIN (cobalt_checklist_run_get_current_step (run) + 1, cobalt_checklist_run_get_n_steps (run)),
                             cobalt_checklist_run_get_n_steps (run));
  gtk_button_set_label (self->start_checklist_button, _("_Continue Checklist"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->start_checklist_button), tooltip);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->start_checklist_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_checklist_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Continue checklist"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
}

/* A status worked out a moment ago for the same person still reads the
 * same, unless the moment passed midnight, the due time or the end of the
 * clinic's shorter overdue window (or the clock went back). */
static CobaltStatus *
take_precomputed_status (CobaltTodayPage *self,
                         GDateTime       *now)
{
  g_autoptr(CobaltStatus) status = g_steal_pointer (&self->precomputed);

  if (status == NULL ||
      COBALT_PERSON (cobalt_status_get_person (status))->id != person_of (self)->id ||
      g_date_time_compare (now, cobalt_status_get_now (status)) < 0 ||
      g_date_time_compare (now, cobalt_status_get_next_change (status)) >= 0)
    return NULL;

  return g_steal_pointer (&status);
}

static void
update (CobaltTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CobaltStatus) status = NULL;
  g_autofree char *heading = NULL;
  const CobaltDueInfo *due;
  const CobaltSiteInfo *site;
  CobaltDoseStatus dose_status;
  GPtrArray *warnings;
  GPtrArray *resting;

  g_clear_pointer (&self->next_change, g_date_time_unref);

  if (person_of (self) == NULL)
    return;

  now = cobalt_clock_get_now (clock_of (self));
  status = take_precomputed_status (self, now);
  if (status == NULL)
    status = cobalt_status_compute_full (repository_of (self), person_of (self), now, self->lead_days, &error);
  if (status == NULL)
    {
      show_error (self, error);
      return;
    }

  self->next_change = g_date_time_ref (cobalt_status_get_next_change (status));
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_widget_set_visible (self->next_dose_box, TRUE);

  due = cobalt_status_get_due (status);
  dose_status = cobalt_status_get_dose_status (status);

  if (due != NULL && due->last_dose_id == 0 && due->due_at != NULL)
    /* Translators: above the first-dose date of someone with no dose yet. */
    heading = g_strdup_printf (_("First dose for %s"), person_of (self)->name);
  else
    /* Translators: above the next dose's date. */
    heading = g_strdup_printf (_("Next dose for %s"), person_of (self)->name);
  gtk_label_set_label (self->heading_label, heading);
  update_start_button (self);

  set_status_class (self, dose_status);
  gtk_image_set_from_icon_name (self->status_icon, status_icon_name (dose_status));
  gtk_label_set_label (self->status_label, cobalt_dose_status_to_string (dose_status));
  {
    /* Translators: accessible name of the status badge. */
    g_autofree char *a11y = g_strdup_printf (_("Status: %s"), cobalt_dose_status_to_string (dose_status));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                    -1);
  }

  if (due == NULL || dose_status == COBALT_DOSE_STATUS_NONE || due->due_at == NULL)
    {
      g_autofree char *text = NULL;

      if (due == NULL)
        text = g_strdup_printf (_("No prescription has been set up for %s yet, "
                                  "so Cobalt cannot work out when the next dose is due."),
                                person_of (self)->name);
      else if (due->needs_first_date)
        /* Nothing is due, and nothing missed, before a first-dose date. */
        text = g_strdup (_("No dose has been logged and no first-dose date was chosen, so nothing is "
                           "due yet. Choose the day of the first dose in Preferences, as your clinic said."));
      else
        text = g_strdup (_("Every phase of this prescription is complete, so no more doses are "
                           "scheduled. Ask your clinic what comes next."));

      gtk_label_set_label (self->date_label, _("No dose scheduled"));
      gtk_label_set_label (self->relative_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->relative_label), FALSE);
      gtk_widget_set_visible (self->overdue_box, FALSE);
      gtk_widget_set_visible (self->details_box, FALSE);
      gtk_label_set_label (self->message_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
    }
  else
    {
      g_autofree char *date = format_due_date (due->due_at, now);
      /* Translators: the reminder time of the next dose, g_date_time_format() syntax. */
      g_autofree char *time = g_date_time_format (due->due_at, _("%H:%M"));
      g_autofree char *relative = capitalise (cobalt_status_get_relative_text (status));
      /* Translators: "Due in 3 days, at 09:00". An overdue dose's text
       * already says since when. */
      g_autofree char *relative_line = dose_status == COBALT_DOSE_STATUS_OVERDUE
                                       ? g_strdup (relative)
                                       : g_strdup_printf (_("%s, at %s"), relative, time);
      g_autofree char *dose = NULL;
      CobaltPrescription *prescription = cobalt_status_get_prescription (status);

      gtk_label_set_label (self->date_label, date);
      gtk_label_set_label (self->relative_label, relative_line);
      gtk_widget_set_visible (GTK_WIDGET (self->relative_label), TRUE);

      /* Translators: dose and route, "1 mg hydroxocobalamin, into a muscle (IM)". */
      dose = g_strdup_printf (_("%s, %s"), cobalt_status_get_dose_text (status),
                              cobalt_route_to_string (prescription->route));
      gtk_label_set_label (self->dose_label, dose);

      site = cobalt_status_get_site (status);
      if (site != NULL)
        {
          const char *name = cobalt_site_info_get_name (site);
          const char *reason = cobalt_status_get_site_reason (status);
          g_autofree char *reason_text = NULL;

          /* The reason may start by naming the site again ("Left outer
           * thigh — not used for 90 days"): say it once. */
          if (reason != NULL && g_str_has_prefix (reason, name))
            {
              const char *rest = reason + strlen (name);

              /* Translations use their own dash and spaces ("–", a
               * no-break space before ":"): skip any of them. */
              while (*rest != '\0')
                {
                  gunichar c = g_utf8_get_char (rest);

                  if (!g_unichar_isspace (c) && c != ',' && c != ':' &&
                      g_unichar_type (c) != G_UNICODE_DASH_PUNCTUATION)
                    break;
                  rest = g_utf8_next_char (rest);
                }
              if (*rest != '\0')
                reason = rest;
            }
          reason_text = capitalise (reason);

          gtk_label_set_label (self->site_label, name);
          gtk_label_set_label (self->site_reason_label, reason_text);
          gtk_widget_set_visible (GTK_WIDGET (self->site_reason_label), reason != NULL);
        }
      else
        {
          gtk_label_set_label (self->site_label, _("No site available"));
          gtk_label_set_label (self->site_reason_label,
                               _("Every site the clinic trained you on is resting or not enabled. "
                                 "Ask your clinic before injecting."));
          gtk_widget_set_visible (GTK_WIDGET (self->site_reason_label), TRUE);
        }

      gtk_widget_set_visible (self->details_box, TRUE);

      if (dose_status == COBALT_DOSE_STATUS_OVERDUE)
        show_missed_dose (self);
      else
        gtk_widget_set_visible (self->overdue_box, FALSE);
    }

  clear_warnings (self);
  warnings = cobalt_status_get_warnings (status);
  for (guint i = 0; i < warnings->len; i++)
    add_warning (self, g_ptr_array_index (warnings, i));
  resting = cobalt_status_get_resting_sites (status);
  for (guint i = 0; i < resting->len; i++)
    add_resting_warning (self, g_ptr_array_index (resting, i));
  gtk_widget_set_visible (self->warnings_box, warnings->len + resting->len > 0);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  CobaltTodayPage *self = user_data;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));

  self->timer_id = 0;

  if (self->next_change == NULL || g_date_time_compare (now, self->next_change) >= 0)
    update (self);
  schedule_timer (self);

  return G_SOURCE_REMOVE;
}

/* One timeout to the next instant the page would read differently
 * (midnight, the due time, the end of the clinic's overdue window), not a poll. A
 * fixed clock (tests) announces its moves with ::changed instead. */
static void
schedule_timer (CobaltTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;
  guint seconds;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (self->next_change == NULL || cobalt_clock_is_fixed (clock_of (self)))
    return;

  now = cobalt_clock_get_now (clock_of (self));
  span = g_date_time_difference (self->next_change, now);
  seconds = span <= 0 ? 1 : (guint) MIN (span / G_TIME_SPAN_SECOND + 1, MAX_TIMER_SECONDS);
  self->timer_id = g_timeout_add_seconds (seconds, on_timer_cb, self);
}

static void
refresh (CobaltTodayPage *self)
{
  update (self);
  schedule_timer (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltTodayPage         *self)
{
  /* Today sums up nearly everything: the next dose, stock, an unfinished
   * checklist. Only a reminder's own bookkeeping leaves it as it is. */
  if (changes & ~COBALT_REPOSITORY_CHANGED_REMINDERS)
    refresh (self);
}

static void
on_clock_changed_cb (CobaltClock     *clock,
                     CobaltTodayPage *self)
{
  refresh (self);
}

/* The window hands in a fresh copy of the person after a reload: it is
 * shown too, as the clinic phone may have changed. */
static void
on_person_changed_cb (CobaltTodayPage *self)
{
  refresh (self);
}

static void
cobalt_today_page_constructed (GObject *object)
{
  CobaltTodayPage *self = (CobaltTodayPage *)object;

  G_OBJECT_CLASS (cobalt_today_page_parent_class)->constructed (object);

  self->constructed = TRUE;

  g_signal_connect_object (repository_of (self), "changed",
                           G_CALLBACK (on_repository_changed_cb), self, 0);
  g_signal_connect_object (clock_of (self), "changed",
                           G_CALLBACK (on_clock_changed_cb), self, 0);
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
cobalt_today_page_dispose (GObject *object)
{
  CobaltTodayPage *self = (CobaltTodayPage *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (cobalt_today_page_parent_class)->dispose (object);
}

static void
cobalt_today_page_finalize (GObject *object)
{
  CobaltTodayPage *self = (CobaltTodayPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->precomputed);
  g_clear_pointer (&self->next_change, g_date_time_unref);

  G_OBJECT_CLASS (cobalt_today_page_parent_class)->finalize (object);
}

static void
cobalt_today_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltTodayPage *self = COBALT_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LOW_STOCK_LEAD_DAYS:
      g_value_set_uint (value, self->lead_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_today_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltTodayPage *self = COBALT_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_STATUS:
      self->precomputed = g_value_dup_object (value);
      break;
    case PROP_LOW_STOCK_LEAD_DAYS:
      if (self->lead_days != g_value_get_uint (value))
        {
          self->lead_days = g_value_get_uint (value);
          if (self->constructed)
            refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_today_page_class_init (CobaltTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_today_page_constructed;
  object_class->dispose = cobalt_today_page_dispose;
  object_class->finalize = cobalt_today_page_finalize;
  object_class->get_property = cobalt_today_page_get_property;
  object_class->set_property = cobalt_today_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Warn of low stock this many days before supplies run out. Set while
   * constructing, so that the first update already counts with it. */
  properties[PROP_LOW_STOCK_LEAD_DAYS] =
    g_param_spec_uint ("low-stock-lead-days", NULL, NULL, 0, 180, COBALT_STATUS_REORDER_LEAD_DAYS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A status worked out earlier (cobalt_today_page_new_with_status()),
   * shown by the first update instead of reading the log again. */
  properties[PROP_STATUS] =
    g_param_spec_object ("status", NULL, NULL, COBALT_TYPE_STATUS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/today/cobalt-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, relative_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, missed_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, dose_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, site_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, site_reason_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, next_dose_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltTodayPage, start_checklist_button);

  gtk_widget_class_set_css_name (widget_class, "todaypage");
}

static void
cobalt_today_page_init (CobaltTodayPage *self)
{
  self->lead_days = COBALT_STATUS_REORDER_LEAD_DAYS;
  /* journey.css sizes Today's text in em, so that it grows with the
   * system font. */
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* One name per button, its label without the mnemonic (GTK 4.8 would
   * read the label twice); the start button's is set in update(). */
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

CobaltTodayPage *
cobalt_today_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_TODAY_PAGE,
                       "context", context,
                       NULL);
}

CobaltTodayPage *
cobalt_today_page_new_with_status (CobaltContext *context,
                                   guint          lead_days,
                                   CobaltStatus  *status)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (status == NULL || COBALT_IS_STATUS (status), NULL);

  return g_object_new (COBALT_TYPE_TODAY_PAGE,
                       "context", context,
                       "low-stock-lead-days", lead_days,
                       "status", status,
                       NULL);
}

void
cobalt_today_page_refresh (CobaltTodayPage *self)
{
  g_return_if_fail (COBALT_IS_TODAY_PAGE (self));
  refresh (self);
}
