/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"

void
cobalt_journal_today (CobaltClock *clock,
                      GDate       *out)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (COBALT_IS_CLOCK (clock));

  now = cobalt_clock_get_now (clock);
  cobalt_journal_local_day (now, cobalt_clock_get_timezone (clock), out);
}

void
cobalt_journal_clear_children (GtkWidget *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (box) || GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

GtkWidget *
cobalt_journal_add_label (GtkBox     *box,
                          const char *text,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Batch numbers and long words must not widen a narrow window. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return label;
}

GtkBox *
cobalt_journal_add_row (GtkListBox *list,
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

  return GTK_BOX (text);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *accessible_name,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);
  gint64 *data = g_new (gint64, 1);

  *data = id;
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_object_set_data_full (G_OBJECT (button), "record-id", data, g_free);

  return button;
}

void
cobalt_journal_add_row_buttons (GtkBox     *text_column,
                                const char *title,
                                gint64      id,
                                GCallback   on_edit,
                                GCallback   on_delete,
                                gpointer    user_data)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (text_column));
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *buttons, *edit, *delete;

  g_return_if_fail (GTK_IS_BOX (row));

  /* Translators: accessible names of buttons, %s names the record */
  edit_name = g_strdup_printf (_("Edit %s"), title);
  delete_name = g_strdup_printf (_("Delete %s"), title);
  edit = row_button ("document-edit-symbolic", _("Edit"), edit_name, id);
  delete = row_button ("user-trash-symbolic", _("Delete"), delete_name, id);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  g_signal_connect (edit, "clicked", on_edit, user_data);
  g_signal_connect (delete, "clicked", on_delete, user_data);
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (buttons), delete);
  gtk_box_append (GTK_BOX (row), buttons);
}

gint64
cobalt_journal_row_button_get_id (GtkWidget *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "record-id");

  g_return_val_if_fail (id != NULL, 0);
  return *id;
}

void
cobalt_journal_show_list (GtkWidget  *list,
                          GtkLabel   *empty,
                          guint       n,
                          const char *empty_text)
{
  gtk_label_set_text (empty, empty_text);
  gtk_widget_set_visible (GTK_WIDGET (empty), n == 0);
  gtk_widget_set_visible (list, n > 0);
}

void
cobalt_journal_show_read_error (GtkWidget    *list,
                                GtkLabel     *empty,
                                const GError *error)
{
  g_autofree char *message = cobalt_journey_describe_error (error);

  cobalt_journal_show_list (list, empty, 0, message);
}

void
cobalt_journal_show_save_error (GtkLabel     *label,
                                const GError *error,
                                GQuark        domain)
{
  g_autofree char *message = error->domain == domain
                             ? g_strdup (error->message)
                             : cobalt_journey_describe_error (error);

  cobalt_journey_set_field_error (label, message);
}
