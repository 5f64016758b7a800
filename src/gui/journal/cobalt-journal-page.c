/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checkin-form.h"
#include "cobalt-journal-charts.h"
#include "cobalt-journal-page.h"
#include "cobalt-journal-util.h"
#include "cobalt-journey-util.h"
#include "cobalt-lab-form.h"
#include "cobalt-site.h"

/* How many recent doses the reaction's "after the dose of" offers. */
#define MAX_DOSE_CHOICES 12

struct _CobaltJournalPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *sections;
  GtkBox           *checkin_slot;
  GtkLabel         *checkins_empty;
  GtkListBox       *checkins_list;
  GtkDropDown      *dose_dropdown;
  GtkButton        *add_reaction_button;
  GtkLabel         *reactions_empty;
  GtkListBox       *reactions_list;
  GtkBox           *lab_slot;
  GtkLabel         *labs_empty;
  GtkListBox       *labs_list;
  GtkBox           *charts_slot;

  CobaltCheckinForm   *checkin_form;
  CobaltLabForm       *lab_form;
  CobaltJournalCharts *charts;

  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
  GPtrArray        *doses;          /* CobaltDose, oldest first */
  GArray           *dose_choices;   /* gint64 dose id per dropdown position, 0 = none */
  gulong            changed_id;
};

G_DEFINE_FINAL_TYPE (CobaltJournalPage, cobalt_journal_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_CLOCK,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

static GtkWidget *
new_row (GtkListBox *list,
         const char *icon_name)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (row, "journal-row");
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), icon);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);
  gtk_list_box_append (list, row);

  return text;
}

static char *
format_instant (CobaltJournalPage *self,
                GDateTime         *instant)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  GDate day;

  cobalt_journal_local_day (instant, cobalt_clock_get_timezone (self->clock), &day);
  day_text = cobalt_journal_format_date (&day);
  local = g_date_time_to_timezone (instant, cobalt_clock_get_timezone (self->clock));
  time_text = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time of day */
  return g_strdup_printf (_("%s, %s"), day_text, time_text);
}

static char *
describe_dose (CobaltJournalPage *self,
               CobaltDose        *dose)
{
  GDate day;
  g_autofree char *day_text = NULL;
  const char *site_id = cobalt_dose_get_site_id (dose);
  const CobaltSiteInfo *site = site_id != NULL ? cobalt_site_catalogue_lookup (site_id) : NULL;

  cobalt_journal_local_day (cobalt_dose_get_given_at (dose), cobalt_clock_get_timezone (self->clock), &day);
  day_text = cobalt_journal_format_date (&day);
  if (site == NULL)
    return g_steal_pointer (&day_text);
  /* Translators: a dose's date and its body site */
  return g_strdup_printf (_("%s (%s)"), day_text, cobalt_site_info_get_name (site));
}

static CobaltDose *
find_dose (CobaltJournalPage *self,
           gint64             dose_id)
{
  for (guint i = 0; self->doses != NULL && i < self->doses->len; i++)
    if (cobalt_dose_get_id (g_ptr_array_index (self->doses, i)) == dose_id)
      return g_ptr_array_index (self->doses, i);
  return NULL;
}

static void
show_read_error (GtkLabel     *empty_label,
                 const GError *error)
{
  g_autofree char *message = cobalt_journey_describe_error (error);

  gtk_label_set_text (empty_label, message);
  gtk_widget_set_visible (GTK_WIDGET (empty_label), TRUE);
}

static void
fill_checkins (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) checkins = NULL;
  guint n;

  clear_list (self->checkins_list);
  checkins = cobalt_repository_list_checkins (self->repository, cobalt_person_get_id (self->person), &error);
  if (checkins == NULL)
    {
      show_read_error (self->checkins_empty, error);
      return;
    }

  n = g_list_model_get_n_items (checkins);
  gtk_label_set_text (self->checkins_empty, _("No check-ins yet. The first one can be today's."));
  gtk_widget_set_visible (GTK_WIDGET (self->checkins_empty), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->checkins_list), n > 0);

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i - 1);
      GtkBox *text = GTK_BOX (new_row (self->checkins_list, NULL));
      g_autofree char *when = format_instant (self, cobalt_checkin_get_at (checkin));
      g_autoptr(GString) scores = g_string_new (NULL);

      for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
        {
          int score = cobalt_checkin_get_score (checkin, m);

          if (scores->len > 0)
            g_string_append (scores, " · ");
          if (score == COBALT_CHECKIN_NOT_RECORDED)
            /* Translators: a score that was not recorded, e.g. "Mood: not recorded" */
            g_string_append_printf (scores, _("%s: not recorded"), cobalt_checkin_measure_to_string (m));
          else
            /* Translators: a score out of 10, e.g. "Energy: 6" */
            g_string_append_printf (scores, _("%s: %d"), cobalt_checkin_measure_to_string (m), score);
        }

      add_label (text, when, "heading");
      add_label (text, scores->str, NULL);
      if (cobalt_checkin_get_note (checkin) != NULL)
        add_label (text, cobalt_checkin_get_note (checkin), "dim-label");
    }
}

static const char *
triage_icon (CobaltTriageLevel level)
{
  switch (level)
    {
    case COBALT_TRIAGE_URGENT:
      return "dialog-error-symbolic";
    case COBALT_TRIAGE_CONTACT_CLINIC:
      return "dialog-warning-symbolic";
    case COBALT_TRIAGE_MILD:
    default:
      return "dialog-information-symbolic";
    }
}

static void
fill_reactions (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reactions = NULL;
  guint n;

  clear_list (self->reactions_list);
  reactions = cobalt_repository_list_reactions (self->repository, cobalt_person_get_id (self->person), &error);
  if (reactions == NULL)
    {
      show_read_error (self->reactions_empty, error);
      return;
    }

  n = g_list_model_get_n_items (reactions);
  gtk_label_set_text (self->reactions_empty, _("No reactions recorded."));
  gtk_widget_set_visible (GTK_WIDGET (self->reactions_empty), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reactions_list), n > 0);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltReaction) reaction = g_list_model_get_item (reactions, i - 1);
      CobaltTriageLevel level = cobalt_reaction_get_level (reaction);
      GtkBox *text = GTK_BOX (new_row (self->reactions_list, triage_icon (level)));
      g_autofree char *title = NULL;
      g_autofree char *when = format_instant (self, cobalt_reaction_get_noted_at (reaction));
      CobaltDose *dose = find_dose (self, cobalt_reaction_get_dose_id (reaction));
      GtkWidget *title_label;

      /* Translators: a reaction and its triage level, e.g. "Site pain — Mild" */
      title = g_strdup_printf (_("%s — %s"), cobalt_reaction_get_label (reaction),
                               cobalt_triage_level_to_string (level));
      title_label = add_label (text, title, "heading");
      if (level == COBALT_TRIAGE_URGENT)
        gtk_widget_add_css_class (title_label, "urgent-text");

      if (dose != NULL)
        {
          g_autofree char *dose_text = describe_dose (self, dose);
          /* Translators: when a reaction was noted, then the dose it followed */
          g_autofree char *line = g_strdup_printf (_("Noted %s, after the dose of %s"), when, dose_text);

          add_label (text, line, NULL);
        }
      else
        {
          /* Translators: %s is when a reaction was noted */
          g_autofree char *line = g_strdup_printf (_("Noted %s"), when);

          add_label (text, line, NULL);
        }
      if (cobalt_reaction_get_note (reaction) != NULL)
        add_label (text, cobalt_reaction_get_note (reaction), "dim-label");
    }
}

static void
fill_labs (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  guint n;

  clear_list (self->labs_list);
  results = cobalt_repository_list_lab_results (self->repository, cobalt_person_get_id (self->person), &error);
  if (results == NULL)
    {
      show_read_error (self->labs_empty, error);
      return;
    }

  n = g_list_model_get_n_items (results);
  gtk_label_set_text (self->labs_empty, _("No lab results yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->labs_empty), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->labs_list), n > 0);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (results, i - 1);
      CobaltLabRange range = cobalt_lab_result_check_range (result);
      const char *unit = cobalt_lab_result_get_unit (result);
      GtkBox *text = GTK_BOX (new_row (self->labs_list, NULL));
      g_autofree char *value = cobalt_journal_format_value (cobalt_lab_result_get_value (result));
      g_autofree char *title = NULL;
      g_autofree char *day = cobalt_journal_format_date (cobalt_lab_result_get_taken_on (result));
      g_autoptr(GString) range_line = g_string_new (cobalt_journal_range_words (range));
      g_autoptr(GString) when_line = g_string_new (NULL);
      double low = cobalt_lab_result_get_ref_low (result);
      double high = cobalt_lab_result_get_ref_high (result);
      GtkWidget *range_label;

      /* Translators: test, value, unit, e.g. "Serum B12: 310 pmol/L" */
      title = g_strdup_printf (_("%s: %s %s"), cobalt_lab_test_to_string (cobalt_lab_result_get_test (result)),
                               value, unit);
      add_label (text, title, "heading");

      if (!isnan (low) || !isnan (high))
        {
          g_autofree char *low_text = cobalt_journal_format_value (low);
          g_autofree char *high_text = cobalt_journal_format_value (high);

          if (!isnan (low) && !isnan (high))
            g_string_append_printf (range_line, " (%s–%s %s)", low_text, high_text, unit);
          else if (!isnan (low))
            /* Translators: a one-sided reference range */
            g_string_append_printf (range_line, _(" (from %s %s)"), low_text, unit);
          else
            g_string_append_printf (range_line, _(" (up to %s %s)"), high_text, unit);
        }
      range_label = add_label (text, range_line->str, NULL);
      if (range == COBALT_LAB_RANGE_BELOW || range == COBALT_LAB_RANGE_ABOVE)
        gtk_widget_add_css_class (range_label, "out-of-range");

      /* B12 in the other units people meet on other labs' reports. */
      {
        const char * const *units = cobalt_lab_test_get_units (cobalt_lab_result_get_test (result));
        g_autoptr(GString) conversions = g_string_new (NULL);

        for (guint u = 0; units != NULL && units[u] != NULL; u++)
          {
            double converted;
            g_autofree char *converted_text = NULL;

            if (g_strcmp0 (units[u], unit) == 0 ||
                !cobalt_lab_result_get_value_in (result, units[u], &converted, NULL))
              continue;
            converted_text = cobalt_journal_format_value (round (converted * 10) / 10);
            g_string_append_printf (conversions, "%s%s %s", conversions->len > 0 ? " = " : "= ",
                                    converted_text, units[u]);
          }
        if (conversions->len > 0)
          add_label (text, conversions->str, "dim-label");
      }

      /* Translators: the day a blood sample was taken */
      g_string_append_printf (when_line, _("Taken on %s"), day);
      if (cobalt_lab_result_get_lab_name (result) != NULL)
        g_string_append_printf (when_line, " · %s", cobalt_lab_result_get_lab_name (result));
      add_label (text, when_line->str, "dim-label");
      if (cobalt_lab_result_get_note (result) != NULL)
        add_label (text, cobalt_lab_result_get_note (result), "dim-label");
    }
}

static void
fill_doses (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_clear_pointer (&self->doses, g_ptr_array_unref);
  g_array_set_size (self->dose_choices, 0);

  self->doses = cobalt_repository_list_doses (self->repository, cobalt_person_get_id (self->person), &error);
  if (self->doses == NULL)
    g_debug ("Could not list doses: %s", error->message);

  for (guint i = self->doses != NULL ? self->doses->len : 0, shown = 0;
       i > 0 && shown < MAX_DOSE_CHOICES; i--, shown++)
    {
      CobaltDose *dose = g_ptr_array_index (self->doses, i - 1);
      g_autofree char *text = describe_dose (self, dose);
      gint64 id = cobalt_dose_get_id (dose);

      gtk_string_list_append (choices, text);
      g_array_append_val (self->dose_choices, id);
    }
  gtk_string_list_append (choices, _("No particular dose"));
  g_array_append_val (self->dose_choices, none);

  gtk_drop_down_set_model (self->dose_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->dose_dropdown, 0);
}

static void
refresh (CobaltJournalPage *self)
{
  if (self->repository == NULL || self->person == NULL)
    return;

  fill_doses (self);
  fill_checkins (self);
  fill_reactions (self);
  fill_labs (self);
}

static void
on_repository_changed_cb (CobaltRepository  *repository,
                          const char        *table,
                          CobaltJournalPage *self)
{
  refresh (self);
}

static void
on_aftercare_done_cb (GtkWidget *page,
                      GtkWindow *window)
{
  gtk_window_destroy (window);
}

static void
on_add_reaction_clicked_cb (CobaltJournalPage *self)
{
  cobalt_journal_page_add_reaction (self);
}

static void
cobalt_journal_page_constructed (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  G_OBJECT_CLASS (cobalt_journal_page_parent_class)->constructed (object);

  self->checkin_form = COBALT_CHECKIN_FORM (cobalt_checkin_form_new (self->repository, self->clock, self->person));
  gtk_box_append (self->checkin_slot, GTK_WIDGET (self->checkin_form));
  self->lab_form = COBALT_LAB_FORM (cobalt_lab_form_new (self->repository, self->clock, self->person));
  gtk_box_append (self->lab_slot, GTK_WIDGET (self->lab_form));
  self->charts = COBALT_JOURNAL_CHARTS (cobalt_journal_charts_new (self->repository, self->clock, self->person));
  gtk_widget_set_vexpand (GTK_WIDGET (self->charts), TRUE);
  gtk_box_append (self->charts_slot, GTK_WIDGET (self->charts));

  self->changed_id = g_signal_connect (self->repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  refresh (self);
}

static void
cobalt_journal_page_dispose (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  g_clear_signal_handler (&self->changed_id, self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_JOURNAL_PAGE);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_journal_page_parent_class)->dispose (object);
}

static void
cobalt_journal_page_finalize (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  g_clear_object (&self->repository);
  g_clear_object (&self->clock);
  g_clear_object (&self->person);
  g_clear_pointer (&self->doses, g_ptr_array_unref);
  g_clear_pointer (&self->dose_choices, g_array_unref);

  G_OBJECT_CLASS (cobalt_journal_page_parent_class)->finalize (object);
}

static void
cobalt_journal_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CobaltJournalPage *self = COBALT_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_journal_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CobaltJournalPage *self = COBALT_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      /* Construct-time: the children do not exist yet. */
      g_set_object (&self->person, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_journal_page_class_init (CobaltJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_journal_page_constructed;
  object_class->dispose = cobalt_journal_page_dispose;
  object_class->finalize = cobalt_journal_page_finalize;
  object_class->get_property = cobalt_journal_page_get_property;
  object_class->set_property = cobalt_journal_page_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, COBALT_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, COBALT_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, sections);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, checkin_slot);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, checkins_empty);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, checkins_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, dose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, add_reaction_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, reactions_empty);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, reactions_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, lab_slot);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, labs_empty);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, labs_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, charts_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_add_reaction_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "journalpage");
}

static void
cobalt_journal_page_init (CobaltJournalPage *self)
{
  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dose_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
cobalt_journal_page_new (CobaltRepository *repository,
                         CobaltClock      *clock,
                         CobaltPerson     *person)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_JOURNAL_PAGE,
                       "repository", repository,
                       "clock", clock,
                       "person", person,
                       NULL);
}

CobaltPerson *
cobalt_journal_page_get_person (CobaltJournalPage *self)
{
  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), NULL);
  return self->person;
}

void
cobalt_journal_page_set_person (CobaltJournalPage *self,
                                CobaltPerson      *person)
{
  g_return_if_fail (COBALT_IS_JOURNAL_PAGE (self));
  g_return_if_fail (COBALT_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;

  cobalt_checkin_form_set_person (self->checkin_form, person);
  cobalt_lab_form_set_person (self->lab_form, person);
  cobalt_journal_charts_set_person (self->charts, person);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

void
cobalt_journal_page_show_section (CobaltJournalPage *self,
                                  const char        *name)
{
  g_return_if_fail (COBALT_IS_JOURNAL_PAGE (self));
  g_return_if_fail (name != NULL);

  gtk_stack_set_visible_child_name (self->sections, name);
}

void
cobalt_journal_page_refresh (CobaltJournalPage *self)
{
  g_return_if_fail (COBALT_IS_JOURNAL_PAGE (self));

  refresh (self);
  cobalt_journal_charts_refresh (self->charts);
}

GtkWidget *
cobalt_journal_page_add_reaction (CobaltJournalPage *self)
{
  guint selected;
  gint64 dose_id = 0;
  GtkWidget *window, *page;
  GtkRoot *root;

  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->dose_dropdown);
  if (selected < self->dose_choices->len)
    dose_id = g_array_index (self->dose_choices, gint64, selected);

  /* The journey's aftercare page: the same catalogue, the same banners
   * ("Call 999 now", the clinic's phone, reassurance) as right after a dose. */
  page = cobalt_aftercare_page_new (self->repository, self->person, self->clock, dose_id);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Record a reaction"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect_object (page, "done", G_CALLBACK (on_aftercare_done_cb), window, 0);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}
