/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checkin-form.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-journal-store.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"

typedef struct
{
  GtkScale        *scale;
  GtkToggleButton *not_recorded;   /* a CobaltChoiceButton */
  GtkLabel        *value_label;
} ScoreRow;

struct _CobaltCheckinForm
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *intro_label;
  GtkGrid          *scores_grid;
  GtkEntry         *note_entry;
  GtkLabel         *error_label;
  GtkLabel         *status_label;
  GtkButton        *save_button;

  ScoreRow          rows[COBALT_N_CHECKIN_MEASURES];
  gboolean          resetting;
  CobaltCheckin    *editing;   /* the stored check-in being changed, or NULL */

  CobaltContext    *context;
  gint64            person_id; /* whose scores the form holds, 0 for nobody */
};

G_DEFINE_FINAL_TYPE (CobaltCheckinForm, cobalt_checkin_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_value_label (CobaltCheckinForm    *self,
                    CobaltCheckinMeasure  measure)
{
  ScoreRow *row = &self->rows[measure];
  gboolean recorded = !gtk_toggle_button_get_active (row->not_recorded);
  g_autofree char *text = NULL;

  if (recorded)
    text = g_strdup_printf ("%d", (int) gtk_range_get_value (GTK_RANGE (row->scale)));
  else
    text = g_strdup ("—");
  gtk_label_set_text (row->value_label, text);

  /* A scale that is not recorded still reads as a value to a screen
   * reader: say so in its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->scale),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  recorded ? cobalt_journal_measure_scale_hint (measure)
                                           : _("Not recorded"),
                                  -1);
  if (recorded)
    gtk_widget_remove_css_class (GTK_WIDGET (row->scale), "not-recorded");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->scale), "not-recorded");
}

static void
reset (CobaltCheckinForm *self)
{
  self->resetting = TRUE;
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      gtk_range_set_value (GTK_RANGE (self->rows[m].scale), 5);
      gtk_toggle_button_set_active (self->rows[m].not_recorded, TRUE);
      update_value_label (self, m);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  cobalt_journey_set_field_error (self->error_label, NULL);
  self->resetting = FALSE;
}

static void
on_scale_value_changed_cb (GtkRange          *range,
                           CobaltCheckinForm *self)
{
  CobaltCheckinMeasure measure = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (range), "measure"));

  /* Moving a scale is how a person records that score. */
  if (!self->resetting)
    gtk_toggle_button_set_active (self->rows[measure].not_recorded, FALSE);
  update_value_label (self, measure);
  gtk_label_set_text (self->status_label, "");
}

static void
on_not_recorded_toggled_cb (GtkToggleButton   *button,
                            CobaltCheckinForm *self)
{
  CobaltCheckinMeasure measure = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "measure"));

  update_value_label (self, measure);
}

static void
build_rows (CobaltCheckinForm *self)
{
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      ScoreRow *row = &self->rows[m];
      const char *name = cobalt_checkin_measure_to_string (m);
      GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name_label = gtk_label_new (name);
      GtkWidget *hint_label = gtk_label_new (cobalt_journal_measure_scale_hint (m));
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);
      GtkWidget *value_label = gtk_label_new ("—");
      GtkWidget *scale_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      /* A tick box that assistive technology can tick, too. */
      GtkWidget *not_recorded = g_object_new (COBALT_TYPE_CHOICE_BUTTON,
                                              "label", _("Not recorded"),
                                              NULL);
      g_autofree char *not_recorded_name = NULL;

      /* Each score takes two lines, its name and hint beside "Not recorded"
       * and the scale under them, and the names wrap: the form fits a
       * narrow window and large text without squeezing the scale. */
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_widget_add_css_class (name_label, "heading");
      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_box_append (GTK_BOX (name_box), name_label);
      gtk_box_append (GTK_BOX (name_box), hint_label);
      gtk_widget_set_hexpand (name_box, TRUE);
      if (m > 0)
        gtk_widget_set_margin_top (name_box, 12);

      gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
      gtk_range_set_round_digits (GTK_RANGE (scale), 0);
      gtk_range_set_increments (GTK_RANGE (scale), 1, 1);
      for (int mark = 0; mark <= 10; mark++)
        gtk_scale_add_mark (GTK_SCALE (scale), mark, GTK_POS_BOTTOM,
                            mark == 0 ? "0" : mark == 5 ? "5" : mark == 10 ? "10" : NULL);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_widget_set_size_request (scale, 140, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);

      gtk_label_set_width_chars (GTK_LABEL (value_label), 2);
      gtk_widget_set_valign (value_label, GTK_ALIGN_START);
      gtk_widget_add_css_class (value_label, "score-value");
      gtk_accessible_update_property (GTK_ACCESSIBLE (value_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      /* Translators: accessible name of a tick box, %s is a score such as "Energy" */
      not_recorded_name = g_strdup_printf (_("%s not recorded"), name);
      cobalt_journey_fix_button_names (not_recorded);
      /* "Not recorded" breaks between its words, never inside one. */
      gtk_label_set_wrap_mode (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (not_recorded))), PANGO_WRAP_WORD);
      gtk_widget_set_valign (not_recorded, GTK_ALIGN_END);
      gtk_widget_set_halign (not_recorded, GTK_ALIGN_END);
      gtk_accessible_update_property (GTK_ACCESSIBLE (not_recorded),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, not_recorded_name, -1);

      g_object_set_data (G_OBJECT (scale), "measure", GUINT_TO_POINTER (m));
      g_object_set_data (G_OBJECT (not_recorded), "measure", GUINT_TO_POINTER (m));

      gtk_box_append (GTK_BOX (scale_box), scale);
      gtk_box_append (GTK_BOX (scale_box), value_label);
      gtk_grid_attach (self->scores_grid, name_box, 0, 2 * m, 1, 1);
      gtk_grid_attach (self->scores_grid, not_recorded, 1, 2 * m, 1, 1);
      gtk_grid_attach (self->scores_grid, scale_box, 0, 2 * m + 1, 2, 1);

      row->scale = GTK_SCALE (scale);
      row->not_recorded = GTK_TOGGLE_BUTTON (not_recorded);
      row->value_label = GTK_LABEL (value_label);

      g_signal_connect (scale, "value-changed", G_CALLBACK (on_scale_value_changed_cb), self);
      g_signal_connect (not_recorded, "toggled", G_CALLBACK (on_not_recorded_toggled_cb), self);
    }
}

static void
on_save_button_clicked_cb (CobaltCheckinForm *self)
{
  cobalt_checkin_form_save (self, NULL);
}

static void
on_person_changed_cb (CobaltCheckinForm *self)
{
  CobaltPerson *person = cobalt_context_get_person (self->context);
  gint64 person_id = person != NULL ? person->id : 0;

  /* A stored check-in being changed stays its own person's. */
  if (self->editing != NULL || person_id == self->person_id)
    return;

  /* Someone else's half-filled scores must not be saved for this person. */
  self->person_id = person_id;
  reset (self);
  gtk_label_set_text (self->status_label, "");
}

static void
cobalt_checkin_form_constructed (GObject *object)
{
  CobaltCheckinForm *self = (CobaltCheckinForm *)object;
  CobaltPerson *person;

  G_OBJECT_CLASS (cobalt_checkin_form_parent_class)->constructed (object);

  person = cobalt_context_get_person (self->context);
  self->person_id = person != NULL ? person->id : 0;
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
cobalt_checkin_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_CHECKIN_FORM);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_checkin_form_parent_class)->dispose (object);
}

static void
cobalt_checkin_form_finalize (GObject *object)
{
  CobaltCheckinForm *self = (CobaltCheckinForm *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (cobalt_checkin_form_parent_class)->finalize (object);
}

static void
cobalt_checkin_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CobaltCheckinForm *self = COBALT_CHECKIN_FORM (object);

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
cobalt_checkin_form_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CobaltCheckinForm *self = COBALT_CHECKIN_FORM (object);

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
cobalt_checkin_form_class_init (CobaltCheckinFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_checkin_form_constructed;
  object_class->dispose = cobalt_checkin_form_dispose;
  object_class->finalize = cobalt_checkin_form_finalize;
  object_class->get_property = cobalt_checkin_form_get_property;
  object_class->set_property = cobalt_checkin_form_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-checkin-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, scores_grid);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltCheckinForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "checkinform");
}

static void
cobalt_checkin_form_init (CobaltCheckinForm *self)
{
  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->save_button));
  build_rows (self);
  reset (self);
}

GtkWidget *
cobalt_checkin_form_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_CHECKIN_FORM,
                       "context", context,
                       NULL);
}

void
cobalt_checkin_form_set_score (CobaltCheckinForm    *self,
                               CobaltCheckinMeasure  measure,
                               int                   score)
{
  g_return_if_fail (COBALT_IS_CHECKIN_FORM (self));
  g_return_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES);
  g_return_if_fail (score >= COBALT_CHECKIN_NOT_RECORDED && score <= 10);

  if (score == COBALT_CHECKIN_NOT_RECORDED)
    {
      gtk_toggle_button_set_active (self->rows[measure].not_recorded, TRUE);
      return;
    }

  gtk_range_set_value (GTK_RANGE (self->rows[measure].scale), score);
  gtk_toggle_button_set_active (self->rows[measure].not_recorded, FALSE);
}

int
cobalt_checkin_form_get_score (CobaltCheckinForm    *self,
                               CobaltCheckinMeasure  measure)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN_FORM (self), COBALT_CHECKIN_NOT_RECORDED);
  g_return_val_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES, COBALT_CHECKIN_NOT_RECORDED);

  if (gtk_toggle_button_get_active (self->rows[measure].not_recorded))
    return COBALT_CHECKIN_NOT_RECORDED;
  return (int) gtk_range_get_value (GTK_RANGE (self->rows[measure].scale));
}

gboolean
cobalt_checkin_form_save (CobaltCheckinForm  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CobaltCheckin) checkin = NULL;
  g_autofree char *note = NULL;
  CobaltRepository *repository;
  CobaltPerson *person;

  g_return_val_if_fail (COBALT_IS_CHECKIN_FORM (self), FALSE);

  repository = cobalt_context_get_repository (self->context);
  person = cobalt_context_get_person (self->context);
  gtk_label_set_text (self->status_label, "");
  if (self->editing == NULL && person == NULL)
    {
      /* The Save button passes no @error, so the reason is shown from our
       * own copy rather than read back through it. */
      const char *reason = _("Choose whose check-in this is first.");

      cobalt_journey_set_field_error (self->error_label, reason);
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID, reason);
      return FALSE;
    }

  /* A change keeps the check-in's time and identity. */
  if (self->editing != NULL)
    {
      checkin = cobalt_checkin_new (self->editing->person_id,
                                    self->editing->at);
      checkin->id = self->editing->id;
    }
  else
    {
      now = cobalt_clock_get_now (cobalt_context_get_clock (self->context));
      checkin = cobalt_checkin_new (person->id, now);
    }
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    cobalt_checkin_set_score (checkin, m, cobalt_checkin_form_get_score (self, m));
  note = cobalt_journal_entry_text (GTK_EDITABLE (self->note_entry));
  cobalt_set_str (&checkin->note, *note != '\0' ? note : NULL);

  if (!cobalt_checkin_validate (checkin, &local_error) ||
      !(self->editing != NULL
        ? cobalt_journal_store_update (repository, G_OBJECT (checkin), &local_error)
        : cobalt_repository_add_checkin (repository, checkin, &local_error)))
    {
      cobalt_journal_show_save_error (self->error_label, local_error, COBALT_JOURNAL_ERROR);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->editing != NULL)
    {
      g_set_object (&self->editing, checkin);
      gtk_label_set_text (self->status_label, _("Changes saved."));
    }
  else
    {
      reset (self);
      gtk_label_set_text (self->status_label, _("Check-in saved."));
    }
  g_signal_emit (self, signals[SAVED], 0, checkin->id);

  return TRUE;
}

void
cobalt_checkin_form_edit (CobaltCheckinForm *self,
                          CobaltCheckin     *checkin)
{
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  const char *note;

  g_return_if_fail (COBALT_IS_CHECKIN_FORM (self));
  g_return_if_fail (COBALT_IS_CHECKIN (checkin));
  g_return_if_fail (checkin->id > 0);

  g_set_object (&self->editing, checkin);
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    cobalt_checkin_form_set_score (self, m, cobalt_checkin_get_score (checkin, m));
  note = checkin->note;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  cobalt_journey_set_field_error (self->error_label, NULL);
  gtk_label_set_text (self->status_label, "");

  when = cobalt_journal_format_instant (checkin->at,
                                        cobalt_clock_get_timezone (cobalt_context_get_clock (self->context)));
  /* Translators: title of the form changing a check-in, %s is its day and time */
  title = g_strdup_printf (_("Check-in of %s"), when);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
  gtk_button_set_label (self->save_button, _("_Save changes"));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->save_button));
}
