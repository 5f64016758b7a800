/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checkin-form.h"
#include "cobalt-context.h"
#include "cobalt-journal-charts.h"
#include "cobalt-journal-page.h"
#include "cobalt-journal-store.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-lab-form.h"
#include "cobalt-reaction-editor.h"
#include "cobalt-wrap-box.h"

/* How many recent doses the reaction's "after the dose of" offers. */
#define MAX_DOSE_CHOICES 12
/* Seconds the Undo bar stays after a deletion (as in the Log). */
#define UNDO_SECONDS 10

struct _CobaltJournalPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  CobaltWrapBox    *switcher;
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
  GtkRevealer      *undo_revealer;
  GtkLabel         *undo_label;

  CobaltCheckinForm   *checkin_form;
  CobaltLabForm       *lab_form;
  CobaltJournalCharts *charts;

  CobaltContext    *context;
  GPtrArray        *doses;          /* CobaltDose, oldest first */
  GArray           *dose_choices;   /* gint64 dose id per dropdown position, 0 = none */
  gulong            changed_id;
  GObject          *deleted;        /* the record the Undo bar brings back */
  guint             undo_timeout_id;
};

G_DEFINE_FINAL_TYPE (CobaltJournalPage, cobalt_journal_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTimeZone *
timezone_of (CobaltJournalPage *self)
{
  return cobalt_clock_get_timezone (cobalt_context_get_clock (self->context));
}

static CobaltRepository *
repository_of (CobaltJournalPage *self)
{
  return cobalt_context_get_repository (self->context);
}

/* The journal shown is the context's person's. */
static gint64
person_id_of (CobaltJournalPage *self)
{
  return cobalt_context_get_person (self->context)->id;
}

static char *
format_instant (CobaltJournalPage *self,
                GDateTime         *instant)
{
  return cobalt_journal_format_instant (instant, timezone_of (self));
}

static CobaltDose *
find_dose (CobaltJournalPage *self,
           gint64             dose_id)
{
  for (guint i = 0; self->doses != NULL && i < self->doses->len; i++)
    if (COBALT_DOSE (g_ptr_array_index (self->doses, i))->id == dose_id)
      return g_ptr_array_index (self->doses, i);
  return NULL;
}

static void on_edit_clicked_cb   (GtkWidget *button, CobaltJournalPage *self);
static void on_delete_clicked_cb (GtkWidget *button, CobaltJournalPage *self);

static void
add_buttons (CobaltJournalPage   *self,
             GtkBox              *text,
             CobaltJournalRecord  kind,
             gint64               id,
             const char          *name)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (text));

  cobalt_journal_add_row_buttons (text, name, id, G_CALLBACK (on_edit_clicked_cb),
                                  G_CALLBACK (on_delete_clicked_cb), self);
  /* The buttons find the record's kind on their row. */
  g_object_set_data (G_OBJECT (row), "record-kind", GUINT_TO_POINTER (kind));
}

static CobaltJournalRecord
button_record_kind (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_BOX);

  /* The button's own box of two buttons, then the row. */
  row = gtk_widget_get_parent (row);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "record-kind"));
}

static void
fill_checkins (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) checkins = NULL;
  guint n;

  cobalt_journal_clear_children (GTK_WIDGET (self->checkins_list));
  checkins = cobalt_repository_list_checkins (repository_of (self), person_id_of (self), &error);
  if (checkins == NULL)
    {
      cobalt_journal_show_read_error (GTK_WIDGET (self->checkins_list), self->checkins_empty, error);
      return;
    }

  n = g_list_model_get_n_items (checkins);
  cobalt_journal_show_list (GTK_WIDGET (self->checkins_list), self->checkins_empty, n,
                            _("No check-ins yet. The first one can be today's."));

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i - 1);
      GtkBox *text = cobalt_journal_add_row (self->checkins_list, NULL);
      g_autofree char *when = format_instant (self, checkin->at);
      g_autofree char *title = NULL;
      g_autoptr(GString) scores = g_string_new (NULL);
      g_autoptr(GString) spoken_scores = g_string_new (NULL);

      for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
        {
          int score = cobalt_checkin_get_score (checkin, m);
          g_autofree char *text_score = NULL;

          if (score == COBALT_CHECKIN_NOT_RECORDED)
            /* Translators: a score that was not recorded, e.g. "Mood: not recorded" */
            text_score = g_strdup_printf (_("%s: not recorded"), cobalt_checkin_measure_to_string (m));
          else
            /* Translators: a score out of 10, e.g. "Energy: 6" */
            text_score = g_strdup_printf (_("%s: %d"), cobalt_checkin_measure_to_string (m), score);

          /* A screen reader reads a list, not the dots between the scores. */
          g_string_append_printf (scores, "%s%s", scores->len > 0 ? " · " : "", text_score);
          g_string_append_printf (spoken_scores, "%s%s", spoken_scores->len > 0 ? ", " : "", text_score);
        }

      cobalt_journal_add_label (text, when, "heading");
      cobalt_journal_add_label (text, scores->str, NULL);
      if (checkin->note != NULL)
        cobalt_journal_add_label (text, checkin->note, "dim-label");
      /* Translators: a check-in read aloud, %s is its day and time */
      title = g_strdup_printf (_("Check-in of %s"), when);
      {
        const char *parts[] = { title, spoken_scores->str, checkin->note };

        cobalt_journal_name_row (text, NULL, parts, G_N_ELEMENTS (parts));
      }
      {
        /* Translators: names a check-in for screen readers, %s is its day and time */
        g_autofree char *name = g_strdup_printf (_("check-in of %s"), when);

        add_buttons (self, text, COBALT_JOURNAL_RECORD_CHECKIN, checkin->id, name);
      }
    }
}

static const char *
triage_icon (CobaltTriageLevel level)
{
  switch (level)
    {
    case COBALT_TRIAGE_EMERGENCY:
    case COBALT_TRIAGE_URGENT_ADVICE:
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

  cobalt_journal_clear_children (GTK_WIDGET (self->reactions_list));
  reactions = cobalt_repository_list_reactions (repository_of (self), person_id_of (self), &error);
  if (reactions == NULL)
    {
      cobalt_journal_show_read_error (GTK_WIDGET (self->reactions_list), self->reactions_empty, error);
      return;
    }

  n = g_list_model_get_n_items (reactions);
  cobalt_journal_show_list (GTK_WIDGET (self->reactions_list), self->reactions_empty, n,
                            _("No reactions recorded."));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltReaction) reaction = g_list_model_get_item (reactions, i - 1);
      CobaltTriageLevel level = reaction->level;
      GtkBox *text = cobalt_journal_add_row (self->reactions_list, triage_icon (level));
      g_autofree char *title = NULL;
      g_autofree char *when = format_instant (self, reaction->noted_at);
      CobaltDose *dose = find_dose (self, reaction->dose_id);
      g_autofree char *line = NULL;
      GtkWidget *title_label;

      /* Translators: a reaction and its triage level, e.g. "Site pain — Mild" */
      title = g_strdup_printf (_("%s — %s"), cobalt_reaction_get_label (reaction),
                               cobalt_triage_level_to_string (level));
      title_label = cobalt_journal_add_label (text, title, "heading");
      if (level >= COBALT_TRIAGE_URGENT_ADVICE)
        gtk_widget_add_css_class (title_label, "urgent-text");

      if (dose != NULL)
        {
          g_autofree char *dose_text = cobalt_journal_describe_dose (dose, timezone_of (self));
          /* Translators: when a reaction was noted, then the dose it followed */
          line = g_strdup_printf (_("Noted %s, after the dose of %s"), when, dose_text);
        }
      else
        {
          /* Translators: %s is when a reaction was noted */
          line = g_strdup_printf (_("Noted %s"), when);
        }
      cobalt_journal_add_label (text, line, NULL);
      if (reaction->note != NULL)
        cobalt_journal_add_label (text, reaction->note, "dim-label");
      {
        const char *parts[] = { title, line, reaction->note };

        cobalt_journal_name_row (text, NULL, parts, G_N_ELEMENTS (parts));
      }
      {
        /* Translators: names a reaction for screen readers: the reaction, when it was noted */
        g_autofree char *name = g_strdup_printf (_("%s, noted %s"), cobalt_reaction_get_label (reaction), when);

        add_buttons (self, text, COBALT_JOURNAL_RECORD_REACTION, reaction->id, name);
      }
    }
}

static void
fill_labs (CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  guint n;

  cobalt_journal_clear_children (GTK_WIDGET (self->labs_list));
  results = cobalt_repository_list_lab_results (repository_of (self), person_id_of (self), &error);
  if (results == NULL)
    {
      cobalt_journal_show_read_error (GTK_WIDGET (self->labs_list), self->labs_empty, error);
      return;
    }

  n = g_list_model_get_n_items (results);
  cobalt_journal_show_list (GTK_WIDGET (self->labs_list), self->labs_empty, n, _("No lab results yet."));

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (results, i - 1);
      CobaltLabRange range = cobalt_lab_result_check_range (result);
      const char *unit = result->unit;
      GtkBox *text = cobalt_journal_add_row (self->labs_list, NULL);
      g_autofree char *value = cobalt_journal_format_value (result->value);
      g_autofree char *title = NULL;
      g_autofree char *day = cobalt_journal_format_date (result->taken_on);
      g_autoptr(GString) range_line = g_string_new (cobalt_journal_range_words (range));
      g_autoptr(GString) when_line = g_string_new (NULL);
      g_autoptr(GString) conversions = g_string_new (NULL);
      g_autoptr(GString) spoken_conversions = g_string_new (NULL);
      g_autofree char *taken = NULL;
      g_autofree char *spoken_same = NULL;
      g_autofree char *timing = NULL;
      double low = result->ref_low;
      double high = result->ref_high;
      GtkWidget *range_label;

      /* Translators: test, value, unit, e.g. "Serum B12: 310 pmol/L" */
      title = g_strdup_printf (_("%s: %s %s"), cobalt_lab_test_to_string (result->test),
                               value, unit);
      cobalt_journal_add_label (text, title, "heading");

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
      range_label = cobalt_journal_add_label (text, range_line->str, NULL);
      if (range == COBALT_LAB_RANGE_BELOW || range == COBALT_LAB_RANGE_ABOVE)
        gtk_widget_add_css_class (range_label, "out-of-range");

      /* B12 in the other units people meet on other labs' reports. */
      {
        const char * const *units = cobalt_lab_test_get_units (result->test);

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
            g_string_append_printf (spoken_conversions, "%s%s %s", spoken_conversions->len > 0 ? ", " : "",
                                    converted_text, units[u]);
          }
        if (conversions->len > 0)
          cobalt_journal_add_label (text, conversions->str, "dim-label");
      }

      /* Translators: the day a blood sample was taken */
      taken = g_strdup_printf (_("Taken on %s"), day);
      g_string_append (when_line, taken);
      if (result->lab_name != NULL)
        g_string_append_printf (when_line, " · %s", result->lab_name);
      cobalt_journal_add_label (text, when_line->str, "dim-label");
      /* CLINICAL.md "Lab values": a result taken soon after an injection
       * is marked, a fact about timing and never advice. */
      timing = cobalt_clinical_lab_taken_after_injection (cobalt_lab_timing_days_after_injection (result, self->doses));
      if (timing != NULL)
        {
          GtkWidget *mark = cobalt_journal_add_label (text, timing, NULL);

          gtk_widget_add_css_class (mark, "lab-timing");
        }
      if (result->note != NULL)
        cobalt_journal_add_label (text, result->note, "dim-label");
      if (spoken_conversions->len > 0)
        /* Translators: a lab value in other units, read aloud, e.g. "Same as 420 ng/L" */
        spoken_same = g_strdup_printf (_("Same as %s"), spoken_conversions->str);
      {
        const char *parts[] = { title, range_line->str, spoken_same, taken, result->lab_name, timing, result->note };

        cobalt_journal_name_row (text, NULL, parts, G_N_ELEMENTS (parts));
      }
      {
        /* Translators: names a lab result for screen readers: the result, the day */
        g_autofree char *name = g_strdup_printf (_("%s, taken on %s"), title, day);

        add_buttons (self, text, COBALT_JOURNAL_RECORD_LAB_RESULT, result->id, name);
      }
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

  self->doses = cobalt_repository_list_doses (repository_of (self), person_id_of (self), &error);
  if (self->doses == NULL)
    g_debug ("Could not list doses: %s", error->message);

  for (guint i = self->doses != NULL ? self->doses->len : 0, shown = 0;
       i > 0 && shown < MAX_DOSE_CHOICES; i--, shown++)
    {
      CobaltDose *dose = g_ptr_array_index (self->doses, i - 1);
      g_autofree char *text = cobalt_journal_describe_dose (dose, timezone_of (self));
      gint64 id = dose->id;

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
  if (cobalt_context_get_person (self->context) == NULL)
    return;

  fill_doses (self);
  fill_checkins (self);
  fill_reactions (self);
  fill_labs (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltJournalPage       *self)
{
  /* Reactions point at doses, and a dose's day names them. */
  if (changes & (COBALT_REPOSITORY_CHANGED_JOURNAL | COBALT_REPOSITORY_CHANGED_DOSES |
                 COBALT_REPOSITORY_CHANGED_PEOPLE))
    refresh (self);
}

static void
hide_undo (CobaltJournalPage *self)
{
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo", FALSE);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  CobaltJournalPage *self = user_data;

  self->undo_timeout_id = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

static void
on_undo_dismiss_cb (CobaltJournalPage *self)
{
  hide_undo (self);
}

static void
show_error (CobaltJournalPage *self,
            const char        *heading,
            const GError      *error)
{
  g_autofree char *message = cobalt_journey_describe_error (error);

  cobalt_journey_show_message (GTK_WIDGET (self), heading, message);
}

static void
on_form_saved_close_cb (GtkWidget *form,
                        gint64     id,
                        GtkWindow *window)
{
  gtk_window_destroy (window);
}

static void
on_edit_clicked_cb (GtkWidget         *button,
                    CobaltJournalPage *self)
{
  cobalt_journal_page_edit (self, button_record_kind (button), cobalt_journal_row_button_get_id (button));
}

static void
on_delete_clicked_cb (GtkWidget         *button,
                      CobaltJournalPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cobalt_journal_page_delete (self, button_record_kind (button),
                                   cobalt_journal_row_button_get_id (button), &error))
    show_error (self, _("The entry could not be deleted"), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CobaltJournalPage *self = COBALT_JOURNAL_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->deleted != NULL && !cobalt_journal_page_undo (self, &error))
    show_error (self, _("The entry could not be brought back"), error);
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
on_person_changed_cb (CobaltJournalPage *self)
{
  /* The Undo bar spoke of the other person's entry. The forms and the
   * charts follow the context themselves. */
  hide_undo (self);
  refresh (self);
}

static void
cobalt_journal_page_constructed (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  G_OBJECT_CLASS (cobalt_journal_page_parent_class)->constructed (object);

  self->checkin_form = COBALT_CHECKIN_FORM (cobalt_checkin_form_new (self->context));
  gtk_box_append (self->checkin_slot, GTK_WIDGET (self->checkin_form));
  self->lab_form = COBALT_LAB_FORM (cobalt_lab_form_new (self->context));
  gtk_box_append (self->lab_slot, GTK_WIDGET (self->lab_form));
  self->charts = COBALT_JOURNAL_CHARTS (cobalt_journal_charts_new (self->context));
  gtk_widget_set_vexpand (GTK_WIDGET (self->charts), TRUE);
  gtk_box_append (self->charts_slot, GTK_WIDGET (self->charts));

  self->changed_id = g_signal_connect (repository_of (self), "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cobalt_journal_page_dispose (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, repository_of (self));
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_JOURNAL_PAGE);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_journal_page_parent_class)->dispose (object);
}

static void
cobalt_journal_page_finalize (GObject *object)
{
  CobaltJournalPage *self = (CobaltJournalPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->deleted);
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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, switcher);
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
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalPage, undo_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_reaction_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_dismiss_cb);

  gtk_widget_class_install_action (widget_class, "journal.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "journal.undo", NULL);

  gtk_widget_class_set_css_name (widget_class, "journalpage");
}

/* The sections' buttons: one toggle button per page of the stack, each
 * as wide as its title, in a wrap box so that they fold onto a second
 * line rather than widen a narrow window (a GtkStackSwitcher cannot). */
static void
on_section_toggled_cb (GtkToggleButton   *button,
                       CobaltJournalPage *self)
{
  if (self->sections != NULL && gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (self->sections, g_object_get_data (G_OBJECT (button), "section"));
}

static void
sync_switcher (CobaltJournalPage *self)
{
  const char *visible;

  if (self->sections == NULL || self->switcher == NULL)
    return;
  visible = gtk_stack_get_visible_child_name (self->sections);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->switcher));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "section"), visible) == 0)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
}

static void
build_switcher (CobaltJournalPage *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->sections);
  GtkToggleButton *group = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

      /* A title longer than the window wraps within its button. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "section", g_strdup (gtk_stack_page_get_name (page)), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_section_toggled_cb), self);
      cobalt_wrap_box_append (self->switcher, button);
    }
  g_signal_connect_object (self->sections, "notify::visible-child-name",
                           G_CALLBACK (sync_switcher), self, G_CONNECT_SWAPPED);
  sync_switcher (self);
}

static void
cobalt_journal_page_init (CobaltJournalPage *self)
{
  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_switcher (self);
  /* The forms and the charts name their own controls. */
  cobalt_journey_fix_button_names (GTK_WIDGET (self->add_reaction_button));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->undo_revealer));
  cobalt_journal_ellipsize_drop_down (self->dose_dropdown);
  cobalt_journal_name_drop_down (self->dose_dropdown, _("After the dose of"));
  self->dose_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo", FALSE);
}

GtkWidget *
cobalt_journal_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cobalt_context_get_person (context) != NULL, NULL);

  return g_object_new (COBALT_TYPE_JOURNAL_PAGE,
                       "context", context,
                       NULL);
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
  page = cobalt_aftercare_page_new (self->context, cobalt_context_get_person (self->context), dose_id);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Record a reaction"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  cobalt_journal_fit_dialog (GTK_WINDOW (window), 560, 640);
  gtk_window_set_child (GTK_WINDOW (window), page);
  cobalt_journey_close_on_escape (GTK_WINDOW (window));
  g_signal_connect_object (page, "done", G_CALLBACK (on_aftercare_done_cb), window, 0);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static GtkWindow *
edit_window (CobaltJournalPage *self,
             const char        *title,
             GtkWidget         *form)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_widget_add_css_class (window, "journal-editor");
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  cobalt_journal_fit_dialog (GTK_WINDOW (window), 640, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 720);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 12);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), form);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  cobalt_journey_close_on_escape (GTK_WINDOW (window));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_close_cb), window, 0);

  return GTK_WINDOW (window);
}

GtkWidget *
cobalt_journal_page_edit (CobaltJournalPage   *self,
                          CobaltJournalRecord  kind,
                          gint64               id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  GtkWindow *window;

  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), NULL);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, NULL);

  record = cobalt_journal_store_get (repository_of (self), kind, person_id_of (self), id, &error);
  if (record == NULL)
    {
      show_error (self, _("The entry could not be opened"), error);
      return NULL;
    }

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      {
        GtkWidget *form = cobalt_checkin_form_new (self->context);

        cobalt_checkin_form_edit (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN (record));
        window = edit_window (self, _("Change a check-in"), form);
      }
      break;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
      {
        GtkWidget *form = cobalt_lab_form_new (self->context);

        cobalt_lab_form_edit (COBALT_LAB_FORM (form), COBALT_LAB_RESULT (record));
        window = edit_window (self, _("Change a lab result"), form);
      }
      break;
    case COBALT_JOURNAL_RECORD_REACTION:
    default:
      {
        GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

        window = GTK_WINDOW (cobalt_reaction_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         self->context, cobalt_context_get_person (self->context),
                                                         COBALT_REACTION (record)));
      }
      break;
    }

  gtk_window_present (window);
  return GTK_WIDGET (window);
}

gboolean
cobalt_journal_page_delete (CobaltJournalPage    *self,
                            CobaltJournalRecord   kind,
                            gint64                id,
                            GError              **error)
{
  g_autoptr(GObject) record = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), FALSE);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, FALSE);

  /* Kept whole, so that Undo can store it again. */
  record = cobalt_journal_store_get (repository_of (self), kind, person_id_of (self), id, error);
  if (record == NULL || !cobalt_journal_store_delete (repository_of (self), kind, id, error))
    return FALSE;

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      {
        g_autofree char *when = format_instant (self, COBALT_CHECKIN (COBALT_CHECKIN (record))->at);

        /* Translators: %s is a day and time */
        text = g_strdup_printf (_("Deleted the check-in of %s."), when);
      }
      break;
    case COBALT_JOURNAL_RECORD_REACTION:
      /* Translators: %s names a reaction, e.g. "Pain at the injection site" */
      text = g_strdup_printf (_("Deleted “%s”."), cobalt_reaction_get_label (COBALT_REACTION (record)));
      break;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      {
        CobaltLabResult *result = COBALT_LAB_RESULT (record);
        g_autofree char *day = cobalt_journal_format_date (result->taken_on);

        /* Translators: a lab test and the day the blood was taken */
        text = g_strdup_printf (_("Deleted the %s result of %s."),
                                cobalt_lab_test_to_string (result->test), day);
      }
      break;
    }

  g_set_object (&self->deleted, record);
  gtk_label_set_text (self->undo_label, text);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo", TRUE);
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  self->undo_timeout_id = g_timeout_add_seconds (UNDO_SECONDS, on_undo_timeout_cb, self);

  return TRUE;
}

gboolean
cobalt_journal_page_undo (CobaltJournalPage  *self,
                          GError            **error)
{
  g_autoptr(GObject) record = NULL;

  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), FALSE);

  if (self->deleted == NULL)
    return TRUE;

  record = g_object_ref (self->deleted);
  hide_undo (self);
  return cobalt_journal_store_restore (repository_of (self), record, error);
}

const char *
cobalt_journal_page_get_undo_text (CobaltJournalPage *self)
{
  g_return_val_if_fail (COBALT_IS_JOURNAL_PAGE (self), NULL);

  if (self->deleted == NULL)
    return NULL;
  return gtk_label_get_text (self->undo_label);
}
