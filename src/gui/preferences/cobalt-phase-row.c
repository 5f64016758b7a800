/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-fold-box.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-phase-row.h"
#include "cobalt-preferences-util.h"

struct _CobaltPhaseRow
{
  GtkListBoxRow  parent_instance;

  guint          number;
  CobaltDoseUnit dose_unit;

  GtkLabel      *number_label;
  GtkEntry      *label_entry;
  GtkSpinButton *interval_spin;
  GtkDropDown   *unit_dropdown;
  GtkDropDown   *end_dropdown;
  GtkSpinButton *end_spin;
  GtkSpinButton *amount_spin;
  GtkLabel      *dose_unit_label;
  GtkButton     *remove_button;
};

G_DEFINE_FINAL_TYPE (CobaltPhaseRow, cobalt_phase_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
spin (double lower,
      double upper,
      double step,
      guint  digits)
{
  GtkWidget *button = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), digits);
  gtk_widget_set_halign (button, GTK_ALIGN_START);

  return button;
}

/* A caption and its controls on one line. */
static GtkWidget *
group (const char *caption,
       GtkWidget  *first,
       GtkWidget  *second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (caption);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), first);
  if (second != NULL)
    gtk_box_append (GTK_BOX (box), second);

  return box;
}

static const char *
unit_symbol (CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MCG: return _("mcg");
    case COBALT_DOSE_UNIT_ML:  return _("mL");
    case COBALT_DOSE_UNIT_MG:
    default:                   return _("mg");
    }
}

/* The dose field's name says the phase and the unit: "Phase 2 dose in
 * micrograms". */
static char *
dose_name (guint          number,
           CobaltDoseUnit unit)
{
  switch (unit)
    {
    case COBALT_DOSE_UNIT_MCG:
      /* Translators: accessible name of a phase's dose field, %u the phase's number */
      return g_strdup_printf (_("Phase %u dose in micrograms"), number);
    case COBALT_DOSE_UNIT_ML:
      /* Translators: accessible name of a phase's dose field, %u the phase's number */
      return g_strdup_printf (_("Phase %u dose in millilitres"), number);
    case COBALT_DOSE_UNIT_MG:
    default:
      /* Translators: accessible name of a phase's dose field, %u the phase's number */
      return g_strdup_printf (_("Phase %u dose in milligrams"), number);
    }
}

/* Every control is named with the phase's number, and the row by its
 * number and name, as it reads: "Phase 2: Maintenance". */
static void
update_names (CobaltPhaseRow *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_entry));
  g_autofree char *title = NULL;
  g_autofree char *row = NULL;
  g_autofree char *name = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *end = NULL;
  g_autofree char *end_value = NULL;
  g_autofree char *dose = dose_name (self->number, self->dose_unit);
  g_autofree char *remove = NULL;

  /* Translators: "Phase 2" */
  title = g_strdup_printf (_("Phase %u"), self->number);
  if (label != NULL && *label != '\0')
    /* Translators: a phase of the prescription, its number and its name: "Phase 2: Maintenance" */
    row = g_strdup_printf (_("Phase %u: %s"), self->number, label);
  else
    row = g_strdup (title);
  /* Translators: accessible names of a phase's fields, %u the phase's number */
  name = g_strdup_printf (_("Phase %u name"), self->number);
  interval = g_strdup_printf (_("Phase %u repeats every"), self->number);
  unit = g_strdup_printf (_("Phase %u interval unit"), self->number);
  end = g_strdup_printf (_("Phase %u ends"), self->number);
  end_value = g_strdup_printf (_("Phase %u number of doses or days"), self->number);
  remove = g_strdup_printf (_("Remove phase %u"), self->number);

  gtk_label_set_text (self->number_label, title);
  gtk_label_set_text (self->dose_unit_label, unit_symbol (self->dose_unit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, row, -1);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->label_entry), name, NULL);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->interval_spin), interval, NULL);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->unit_dropdown), unit, NULL);
  cobalt_preferences_name_drop_down (self->unit_dropdown, unit);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->end_dropdown), end, NULL);
  cobalt_preferences_name_drop_down (self->end_dropdown, end);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->end_spin), end_value, NULL);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->amount_spin), dose,
                                       _("0 uses the prescription's dose"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove);
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->remove_button), remove, NULL);
}

static void
on_end_changed_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   CobaltPhaseRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_spin),
                            gtk_drop_down_get_selected (dropdown) != COBALT_PHASE_END_OPEN);
}

static void
on_label_changed_cb (GtkEditable    *editable,
                     CobaltPhaseRow *self)
{
  update_names (self);
}

static void
on_remove_clicked_cb (GtkButton      *button,
                      CobaltPhaseRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
cobalt_phase_row_class_init (CobaltPhaseRowClass *klass)
{
  g_type_ensure (COBALT_TYPE_FOLD_BOX);

  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cobalt_phase_row_init (CobaltPhaseRow *self)
{
  /* Order must match CobaltIntervalUnit and CobaltPhaseEnd. */
  const char *units[] = { _("days"), _("weeks"), _("months"), _("times a week"), NULL };
  const char *ends[] = { _("until the clinic changes it"), _("after this many doses"), _("after this many days"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Every, its end and its dose: one line when there is room, one under
   * the other on a narrow window (the end's count under its choice if
   * need be). */
  GtkWidget *fields = cobalt_fold_box_new (18);
  GtkWidget *end_fold = cobalt_fold_box_new (6);
  GtkWidget *dose;

  self->number = 1;
  self->dose_unit = COBALT_DOSE_UNIT_MG;

  self->number_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "heading");
  self->label_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->label_entry, _("Name, e.g. Loading or Maintenance"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label_entry), TRUE);
  g_signal_connect (self->label_entry, "changed", G_CALLBACK (on_label_changed_cb), self);
  self->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("list-remove-symbolic"));
  g_signal_connect (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->number_label));
  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->label_entry));
  gtk_box_append (GTK_BOX (line1), GTK_WIDGET (self->remove_button));

  self->interval_spin = GTK_SPIN_BUTTON (spin (0, 365, 1, 0));
  self->unit_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (units));
  self->end_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (ends));
  g_signal_connect (self->end_dropdown, "notify::selected", G_CALLBACK (on_end_changed_cb), self);
  /* Translated, a choice can be wider than a narrow window: the button
   * shortens it, the list and the names keep it whole. */
  cobalt_journal_ellipsize_drop_down (self->unit_dropdown);
  cobalt_journal_ellipsize_drop_down (self->end_dropdown);
  self->end_spin = GTK_SPIN_BUTTON (spin (0, 10000, 1, 0));
  self->amount_spin = GTK_SPIN_BUTTON (spin (-1000, 100000, 0.1, 3));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->amount_spin), _("Dose in this phase; 0 uses the prescription's dose"));
  self->dose_unit_label = GTK_LABEL (gtk_label_new (NULL));

  /* Translators: "Every [3] [months]" */
  cobalt_fold_box_append (COBALT_FOLD_BOX (fields),
                          group (_("Every"), GTK_WIDGET (self->interval_spin), GTK_WIDGET (self->unit_dropdown)));
  /* Translators: "Ends [after this many doses] [6]" */
  cobalt_fold_box_append (COBALT_FOLD_BOX (end_fold), group (_("Ends"), GTK_WIDGET (self->end_dropdown), NULL));
  cobalt_fold_box_append (COBALT_FOLD_BOX (end_fold), GTK_WIDGET (self->end_spin));
  cobalt_fold_box_append (COBALT_FOLD_BOX (fields), end_fold);
  /* Translators: "Dose [1.000] mg" */
  dose = group (_("Dose"), GTK_WIDGET (self->amount_spin), GTK_WIDGET (self->dose_unit_label));
  cobalt_fold_box_append (COBALT_FOLD_BOX (fields), dose);

  gtk_box_append (GTK_BOX (box), line1);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));
  update_names (self);
}

GtkWidget *
cobalt_phase_row_new (const CobaltPhase *phase)
{
  CobaltPhaseRow *self = g_object_new (COBALT_TYPE_PHASE_ROW, NULL);

  if (phase != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->label_entry), phase->label != NULL ? phase->label : "");
      gtk_spin_button_set_value (self->interval_spin, phase->interval);
      gtk_drop_down_set_selected (self->unit_dropdown, phase->unit);
      gtk_drop_down_set_selected (self->end_dropdown, phase->end);
      gtk_spin_button_set_value (self->end_spin, phase->end_value);
      gtk_spin_button_set_value (self->amount_spin, phase->amount);
    }
  else
    {
      gtk_spin_button_set_value (self->interval_spin, 3);
      gtk_drop_down_set_selected (self->unit_dropdown, COBALT_INTERVAL_MONTHS);
      gtk_drop_down_set_selected (self->end_dropdown, COBALT_PHASE_END_OPEN);
    }
  on_end_changed_cb (self->end_dropdown, NULL, self);

  return GTK_WIDGET (self);
}

CobaltPhase *
cobalt_phase_row_get_phase (CobaltPhaseRow *self)
{
  CobaltPhase *phase;
  const char *label;

  g_return_val_if_fail (COBALT_IS_PHASE_ROW (self), NULL);

  gtk_spin_button_update (self->interval_spin);
  gtk_spin_button_update (self->end_spin);
  gtk_spin_button_update (self->amount_spin);
  label = gtk_editable_get_text (GTK_EDITABLE (self->label_entry));

  phase = cobalt_phase_new ((CobaltIntervalUnit) gtk_drop_down_get_selected (self->unit_dropdown),
                            (guint) MAX (0, gtk_spin_button_get_value_as_int (self->interval_spin)),
                            (CobaltPhaseEnd) gtk_drop_down_get_selected (self->end_dropdown),
                            (guint) MAX (0, gtk_spin_button_get_value_as_int (self->end_spin)),
                            label != NULL && *label != '\0' ? label : NULL);
  phase->amount = gtk_spin_button_get_value (self->amount_spin);

  return phase;
}

void
cobalt_phase_row_set_number (CobaltPhaseRow *self,
                             guint           number)
{
  g_return_if_fail (COBALT_IS_PHASE_ROW (self));

  self->number = number;
  update_names (self);
}

void
cobalt_phase_row_set_dose_unit (CobaltPhaseRow *self,
                                CobaltDoseUnit  unit)
{
  g_return_if_fail (COBALT_IS_PHASE_ROW (self));

  self->dose_unit = unit;
  update_names (self);
}

GtkWidget *
cobalt_phase_row_get_field (CobaltPhaseRow *self,
                            const char     *name)
{
  g_return_val_if_fail (COBALT_IS_PHASE_ROW (self), NULL);

  if (g_str_equal (name, "interval"))
    return GTK_WIDGET (self->interval_spin);
  if (g_str_equal (name, "unit"))
    return GTK_WIDGET (self->unit_dropdown);
  if (g_str_equal (name, "end"))
    return GTK_WIDGET (self->end_dropdown);
  if (g_str_equal (name, "end-value"))
    return GTK_WIDGET (self->end_spin);
  if (g_str_equal (name, "amount"))
    return GTK_WIDGET (self->amount_spin);
  if (g_str_equal (name, "label"))
    return GTK_WIDGET (self->label_entry);
  if (g_str_equal (name, "remove"))
    return GTK_WIDGET (self->remove_button);

  return NULL;
}
