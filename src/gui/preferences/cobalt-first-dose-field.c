/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-first-dose-field.h"
#include "cobalt-journey-util.h"

struct _CobaltFirstDoseField
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *caption;   /* not a child: the caller places it */
  GtkEntry  *entry;
  GtkLabel  *hint_label;
  GtkLabel  *error_label;
  GDate      shown;     /* what the field was filled with; invalid when empty */
  gboolean   has_doses;
};

G_DEFINE_FINAL_TYPE (CobaltFirstDoseField, cobalt_first_dose_field, GTK_TYPE_WIDGET)

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
update_hint (CobaltFirstDoseField *self)
{
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->has_doses)
    {
      gtk_label_set_text (self->hint_label,
                          _("Doses are already logged, so the schedule counts from them."));
      return;
    }

  if (!cobalt_journey_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &date))
    {
      gtk_label_set_text (self->hint_label, _("The day of the first injection, as year-month-day."));
      return;
    }

  day = cobalt_journey_format_date (&date);
  /* Translators: %s is a date, "5 March 2025" */
  text = g_strdup_printf (_("The first dose will be due on %s. Nothing is due, or missed, before then. "
                            "Change it if your clinic said another day."), day);
  gtk_label_set_text (self->hint_label, text);
}

static void
on_entry_changed_cb (GtkEditable          *editable,
                     CobaltFirstDoseField *self)
{
  cobalt_journey_set_field_error (self->error_label, NULL);
  update_hint (self);
}

static void
cobalt_first_dose_field_dispose (GObject *object)
{
  CobaltFirstDoseField *self = COBALT_FIRST_DOSE_FIELD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->caption);

  G_OBJECT_CLASS (cobalt_first_dose_field_parent_class)->dispose (object);
}

static void
cobalt_first_dose_field_class_init (CobaltFirstDoseFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_first_dose_field_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cobalt_first_dose_field_init (CobaltFirstDoseField *self)
{
  g_date_clear (&self->shown, 1);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->caption = g_object_ref_sink (gtk_label_new_with_mnemonic (_("_First dose")));
  gtk_label_set_xalign (GTK_LABEL (self->caption), 1);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("YYYY-MM-DD"));
  gtk_widget_set_halign (GTK_WIDGET (self->entry), GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->caption), GTK_WIDGET (self->entry));
  g_signal_connect (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->entry));

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->hint_label));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));

  /* Named by its caption (the mnemonic label), described by the lines
   * under it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->hint_label, self->error_label, NULL,
                                  -1);
}

GtkWidget *
cobalt_first_dose_field_new (void)
{
  return g_object_new (COBALT_TYPE_FIRST_DOSE_FIELD, NULL);
}

GtkWidget *
cobalt_first_dose_field_get_caption (CobaltFirstDoseField *self)
{
  g_return_val_if_fail (COBALT_IS_FIRST_DOSE_FIELD (self), NULL);

  return self->caption;
}

GtkEditable *
cobalt_first_dose_field_get_entry (CobaltFirstDoseField *self)
{
  g_return_val_if_fail (COBALT_IS_FIRST_DOSE_FIELD (self), NULL);

  return GTK_EDITABLE (self->entry);
}

void
cobalt_first_dose_field_set (CobaltFirstDoseField *self,
                             const GDate          *starts_on,
                             gboolean              has_doses,
                             const GDate          *today)
{
  g_autofree char *text = NULL;
  GDate day;

  g_return_if_fail (COBALT_IS_FIRST_DOSE_FIELD (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->has_doses = has_doses;
  g_date_clear (&self->shown, 1);
  if (starts_on != NULL && g_date_valid (starts_on))
    {
      self->shown = *starts_on;
      day = *starts_on;
    }
  else
    {
      /* Offered, not assumed: the person sees it and may change it. */
      day = *today;
      g_date_add_days (&day, 1);
    }

  text = iso_date (&day);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !has_doses);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), !has_doses);
  cobalt_journey_set_field_error (self->error_label, NULL);
  update_hint (self);
}

gboolean
cobalt_first_dose_field_read (CobaltFirstDoseField  *self,
                              const GDate           *today,
                              GDate                 *out,
                              GError               **error)
{
  const char *message = NULL;
  GDate day;

  g_return_val_if_fail (COBALT_IS_FIRST_DOSE_FIELD (self), FALSE);
  g_return_val_if_fail (today != NULL && out != NULL, FALSE);

  g_date_clear (out, 1);
  if (self->has_doses)
    {
      /* Counted from the doses: the day stays as it was stored. */
      *out = self->shown;
      return TRUE;
    }

  if (!cobalt_journey_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &day))
    message = _("Enter the day of the first dose as year-month-day, for example 2025-03-14.");
  /* A day already stored may have passed unnoticed; a new one cannot. */
  else if (g_date_compare (&day, today) < 0 &&
           !(g_date_valid (&self->shown) && g_date_compare (&day, &self->shown) == 0))
    message = _("The first dose has not been given yet, so its day cannot be in the past.");

  if (message != NULL)
    {
      cobalt_journey_set_field_error (self->error_label, message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return FALSE;
    }

  cobalt_journey_set_field_error (self->error_label, NULL);
  *out = day;
  return TRUE;
}
