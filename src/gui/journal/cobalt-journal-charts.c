/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-chart-views.h"
#include "cobalt-context.h"
#include "cobalt-journal-charts.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"

struct _CobaltJournalCharts
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkDropDown      *view_dropdown;
  GtkDropDown      *measure_dropdown;
  GtkDropDown      *test_dropdown;
  GtkLabel         *explain_label;
  CobaltChart      *chart;
  GtkExpander      *summary_expander;
  GtkLabel         *summary_label;
  GtkWidget        *evidence_box;
  GtkLabel         *evidence_label;
  GtkLabel         *rule_label;

  CobaltContext    *context;
  gulong            changed_id;
  gboolean          dirty;   /* data changed while hidden */
};

G_DEFINE_FINAL_TYPE (CobaltJournalCharts, cobalt_journal_charts, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (CobaltJournalCharts *self,
            const GError        *error)
{
  /* Translators: %s says what went wrong reading the database */
  g_autofree char *text = g_strdup_printf (_("The journal could not be read: %s"), error->message);

  cobalt_chart_clear (self->chart);
  cobalt_chart_set_summary (self->chart, text);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (self->evidence_box, FALSE);
}

static void
update (CobaltJournalCharts *self)
{
  CobaltJournalView view = gtk_drop_down_get_selected (self->view_dropdown);
  CobaltRepository *repository;
  CobaltPerson *person;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->measure_dropdown), view != COBALT_JOURNAL_VIEW_LAB);
  gtk_widget_set_visible (GTK_WIDGET (self->test_dropdown), view == COBALT_JOURNAL_VIEW_LAB);
  gtk_widget_set_visible (self->evidence_box, FALSE);

  switch (view)
    {
    case COBALT_JOURNAL_VIEW_WELLBEING:
      gtk_label_set_text (self->explain_label,
                          _("Each check-in's score by date. Triangles on the bottom line mark the days a dose was given."));
      break;
    case COBALT_JOURNAL_VIEW_SYMPTOM_RETURN:
      gtk_label_set_text (self->explain_label,
                          _("Each check-in's score against the number of days since the dose before it. "
                            "If scores get worse as the days go by, this shows when symptoms come back before the next injection."));
      break;
    case COBALT_JOURNAL_VIEW_LAB:
    default:
      gtk_label_set_text (self->explain_label,
                          _("Each result by the date the blood was taken. The shaded band is the lab's own reference range."));
      break;
    }

  /* The dropdowns are filled before the context is set. */
  person = self->context != NULL ? cobalt_context_get_person (self->context) : NULL;
  if (person == NULL)
    {
      cobalt_chart_clear (self->chart);
      cobalt_chart_set_summary (self->chart, NULL);
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  repository = cobalt_context_get_repository (self->context);
  if (view == COBALT_JOURNAL_VIEW_LAB)
    {
      g_autoptr(GListModel) results = cobalt_repository_list_lab_results (repository, person->id, &error);
      g_autoptr(GPtrArray) doses = NULL;

      if (results == NULL)
        {
          show_error (self, error);
          return;
        }
      doses = cobalt_repository_list_doses (repository, person->id, &error);
      if (doses == NULL)
        {
          show_error (self, error);
          return;
        }
      cobalt_chart_show_lab_timed (self->chart, results, doses, gtk_drop_down_get_selected (self->test_dropdown));
      if (cobalt_chart_get_n_flagged (self->chart) > 0)
        {
          g_autofree char *explain = NULL;

          explain = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: the sentences above the chart, then a count of days */
                                                  "%s A ring around a point marks a result taken within %d day after an injection.",
                                                  "%s A ring around a point marks a result taken within %d days after an injection.",
                                                  COBALT_LAB_TIMING_WINDOW_DAYS),
                                     gtk_label_get_text (self->explain_label),
                                     COBALT_LAB_TIMING_WINDOW_DAYS);

          gtk_label_set_text (self->explain_label, explain);
        }
    }
  else
    {
      CobaltCheckinMeasure measure = gtk_drop_down_get_selected (self->measure_dropdown);
      g_autoptr(GListModel) checkins = NULL;
      g_autoptr(GPtrArray) doses = NULL;
      GTimeZone *tz = cobalt_clock_get_timezone (cobalt_context_get_clock (self->context));

      if (!(checkins = cobalt_repository_list_checkins (repository, person->id, &error)) ||
          !(doses = cobalt_repository_list_doses (repository, person->id, &error)))
        {
          show_error (self, error);
          return;
        }

      if (measure >= COBALT_N_CHECKIN_MEASURES)
        measure = COBALT_CHECKIN_ENERGY;
      if (view == COBALT_JOURNAL_VIEW_WELLBEING)
        cobalt_chart_show_wellbeing (self->chart, checkins, doses, measure, tz);
      else
        {
          g_autofree char *evidence = cobalt_chart_describe_symptom_return (checkins, doses, measure, tz);
          g_autofree char *rule = cobalt_clinical_symptom_return_rule ();

          cobalt_chart_show_symptom_return (self->chart, checkins, doses, measure, tz);
          gtk_label_set_text (self->evidence_label, evidence != NULL ? evidence : "");
          gtk_label_set_text (self->rule_label, rule);
          gtk_widget_set_visible (self->evidence_box, evidence != NULL);
        }
    }

  gtk_label_set_text (self->summary_label, cobalt_chart_get_summary (self->chart));
  self->dirty = FALSE;
}

static void
on_selection_changed_cb (GObject             *object,
                         GParamSpec          *pspec,
                         CobaltJournalCharts *self)
{
  update (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltJournalCharts     *self)
{
  /* The charts show check-ins, lab results and the doses among them. */
  if (!(changes & (COBALT_REPOSITORY_CHANGED_JOURNAL | COBALT_REPOSITORY_CHANGED_DOSES)))
    return;

  /* Reading a year of check-ins is cheap, but not on every tick of an
   * unrelated page: wait until the charts are shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  else
    self->dirty = TRUE;
}

static void
on_person_changed_cb (CobaltJournalCharts *self)
{
  update (self);
}

static void
cobalt_journal_charts_map (GtkWidget *widget)
{
  CobaltJournalCharts *self = COBALT_JOURNAL_CHARTS (widget);

  GTK_WIDGET_CLASS (cobalt_journal_charts_parent_class)->map (widget);

  if (self->dirty)
    update (self);
}

static void
cobalt_journal_charts_constructed (GObject *object)
{
  CobaltJournalCharts *self = (CobaltJournalCharts *)object;

  G_OBJECT_CLASS (cobalt_journal_charts_parent_class)->constructed (object);

  self->changed_id = g_signal_connect (cobalt_context_get_repository (self->context), "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
cobalt_journal_charts_dispose (GObject *object)
{
  CobaltJournalCharts *self = (CobaltJournalCharts *)object;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, cobalt_context_get_repository (self->context));
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_JOURNAL_CHARTS);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_journal_charts_parent_class)->dispose (object);
}

static void
cobalt_journal_charts_finalize (GObject *object)
{
  CobaltJournalCharts *self = (CobaltJournalCharts *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cobalt_journal_charts_parent_class)->finalize (object);
}

static void
cobalt_journal_charts_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CobaltJournalCharts *self = COBALT_JOURNAL_CHARTS (object);

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
cobalt_journal_charts_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CobaltJournalCharts *self = COBALT_JOURNAL_CHARTS (object);

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
cobalt_journal_charts_class_init (CobaltJournalChartsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_journal_charts_constructed;
  object_class->dispose = cobalt_journal_charts_dispose;
  object_class->finalize = cobalt_journal_charts_finalize;
  object_class->get_property = cobalt_journal_charts_get_property;
  object_class->set_property = cobalt_journal_charts_set_property;

  widget_class->map = cobalt_journal_charts_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COBALT_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-journal-charts.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, test_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, explain_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, chart);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, summary_expander);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltJournalCharts, rule_label);
}

static void
cobalt_journal_charts_init (CobaltJournalCharts *self)
{
  g_autoptr(GtkStringList) measures = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tests = gtk_string_list_new (NULL);

  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    gtk_string_list_append (measures, cobalt_checkin_measure_to_string (m));
  for (guint t = 0; t < COBALT_N_LAB_TESTS; t++)
    gtk_string_list_append (tests, cobalt_lab_test_to_string (t));
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measures));
  gtk_drop_down_set_model (self->test_dropdown, G_LIST_MODEL (tests));

  g_signal_connect (self->view_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->measure_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->test_dropdown, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  cobalt_journal_ellipsize_drop_down (self->view_dropdown);
  cobalt_journal_name_drop_down (self->view_dropdown, _("Chart"));
  cobalt_journal_name_drop_down (self->measure_dropdown, _("Score to chart"));
  cobalt_journal_name_drop_down (self->test_dropdown, _("Test to chart"));
}

GtkWidget *
cobalt_journal_charts_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_JOURNAL_CHARTS,
                       "context", context,
                       NULL);
}

void
cobalt_journal_charts_show (CobaltJournalCharts *self,
                            CobaltJournalView    view,
                            guint                which)
{
  g_return_if_fail (COBALT_IS_JOURNAL_CHARTS (self));
  g_return_if_fail (view <= COBALT_JOURNAL_VIEW_LAB);

  g_signal_handlers_block_by_func (self->view_dropdown, on_selection_changed_cb, self);
  g_signal_handlers_block_by_func (self->measure_dropdown, on_selection_changed_cb, self);
  g_signal_handlers_block_by_func (self->test_dropdown, on_selection_changed_cb, self);
  gtk_drop_down_set_selected (self->view_dropdown, view);
  if (view == COBALT_JOURNAL_VIEW_LAB)
    gtk_drop_down_set_selected (self->test_dropdown, MIN (which, COBALT_N_LAB_TESTS - 1));
  else
    gtk_drop_down_set_selected (self->measure_dropdown, MIN (which, COBALT_N_CHECKIN_MEASURES - 1));
  g_signal_handlers_unblock_by_func (self->view_dropdown, on_selection_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->measure_dropdown, on_selection_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->test_dropdown, on_selection_changed_cb, self);

  update (self);
}

CobaltChart *
cobalt_journal_charts_get_chart (CobaltJournalCharts *self)
{
  g_return_val_if_fail (COBALT_IS_JOURNAL_CHARTS (self), NULL);
  return self->chart;
}

void
cobalt_journal_charts_refresh (CobaltJournalCharts *self)
{
  g_return_if_fail (COBALT_IS_JOURNAL_CHARTS (self));
  update (self);
}

const char *
cobalt_journal_charts_get_evidence (CobaltJournalCharts *self)
{
  g_return_val_if_fail (COBALT_IS_JOURNAL_CHARTS (self), NULL);

  if (!gtk_widget_get_visible (self->evidence_box))
    return NULL;
  return gtk_label_get_text (self->evidence_label);
}
