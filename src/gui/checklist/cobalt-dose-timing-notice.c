/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-dose-timing-notice.h"

struct _CobaltDoseTimingNotice
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkLabel  *when_label;
  GtkLabel  *advice_label;
  GtkLabel  *note_label;
  GtkEntry  *note_entry;
};

G_DEFINE_FINAL_TYPE (CobaltDoseTimingNotice, cobalt_dose_timing_notice, GTK_TYPE_WIDGET)

static GtkLabel *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return GTK_LABEL (label);
}

static void
cobalt_dose_timing_notice_dispose (GObject *object)
{
  CobaltDoseTimingNotice *self = COBALT_DOSE_TIMING_NOTICE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cobalt_dose_timing_notice_parent_class)->dispose (object);
}

static void
cobalt_dose_timing_notice_class_init (CobaltDoseTimingNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_dose_timing_notice_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dosetimingnotice");
  /* Read out as one warning when it appears. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cobalt_dose_timing_notice_init (CobaltDoseTimingNotice *self)
{
  GtkWidget *note_box;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title_label = wrapped_label (NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));

  self->when_label = wrapped_label (NULL);
  gtk_label_set_selectable (self->when_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->when_label));

  /* CLINICAL.md: never double up; the clinic decides. */
  self->advice_label = wrapped_label (_("Do not give an early or extra dose to catch up. Go on only if your "
                                        "clinic told you to give this dose now; if you are not sure, ask your "
                                        "clinic first."));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->advice_label));

  note_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  self->note_label = wrapped_label (_("Who at the clinic said so? (optional, kept with the dose)"));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->note_entry, _("For example: the practice nurse, by phone"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->note_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (note_box), GTK_WIDGET (self->note_label));
  gtk_box_append (GTK_BOX (note_box), GTK_WIDGET (self->note_entry));
  gtk_box_append (GTK_BOX (self->box), note_box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->when_label, self->advice_label, NULL,
                                  -1);
}

GtkWidget *
cobalt_dose_timing_notice_new (void)
{
  return g_object_new (COBALT_TYPE_DOSE_TIMING_NOTICE, NULL);
}

void
cobalt_dose_timing_notice_set_info (CobaltDoseTimingNotice     *self,
                                    const CobaltDoseTimingInfo *info)
{
  g_autofree char *when = NULL;
  const char *title;

  g_return_if_fail (COBALT_IS_DOSE_TIMING_NOTICE (self));
  g_return_if_fail (info != NULL);

  title = cobalt_dose_timing_get_title (info->timing);
  when = cobalt_dose_timing_describe (info);
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->when_label, when);
}

char *
cobalt_dose_timing_notice_dup_note (CobaltDoseTimingNotice *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (COBALT_IS_DOSE_TIMING_NOTICE (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

GtkEditable *
cobalt_dose_timing_notice_get_note_entry (CobaltDoseTimingNotice *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_TIMING_NOTICE (self), NULL);

  return GTK_EDITABLE (self->note_entry);
}
