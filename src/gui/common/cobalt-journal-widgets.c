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

static gboolean
ends_sentence (const GString *text)
{
  static const char *ends[] = { ".", "!", "?", ":", "…", NULL };

  for (guint i = 0; ends[i] != NULL; i++)
    if (g_str_has_suffix (text->str, ends[i]))
      return TRUE;
  return FALSE;
}

void
cobalt_journal_name_row (GtkBox            *text_column,
                         const char        *description,
                         const char *const *parts,
                         guint              n_parts)
{
  GtkWidget *row;
  g_autoptr(GString) name = g_string_new (NULL);

  g_return_if_fail (GTK_IS_BOX (text_column));
  g_return_if_fail (parts != NULL || n_parts == 0);

  row = gtk_widget_get_ancestor (GTK_WIDGET (text_column), GTK_TYPE_LIST_BOX_ROW);
  g_return_if_fail (row != NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      const char *part = parts[i];

      if (part == NULL || *part == '\0')
        continue;
      if (name->len > 0)
        /* What the row shows, line by line, read as sentences. */
        g_string_append (name, ends_sentence (name) ? " " : ". ");
      g_string_append (name, part);
    }

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                    -1);
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
cobalt_journal_fit_dialog (GtkWindow *dialog,
                           int        width,
                           int        height)
{
  GtkWindow *parent;
  int max_width = G_MAXINT, max_height = G_MAXINT;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  if (parent != NULL)
    {
      GtkWidget *widget = GTK_WIDGET (parent);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));

      if (gtk_widget_get_width (widget) > 0)
        {
          max_width = gtk_widget_get_width (widget);
          max_height = gtk_widget_get_height (widget);
        }
      else
        gtk_window_get_default_size (parent, &max_width, &max_height);
      if (max_width <= 0)
        max_width = G_MAXINT;
      if (max_height <= 0)
        max_height = G_MAXINT;

      if (surface != NULL)
        {
          GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
          GdkRectangle geometry;

          if (monitor != NULL)
            {
              gdk_monitor_get_geometry (monitor, &geometry);
              max_width = MIN (max_width, geometry.width);
              max_height = MIN (max_height, geometry.height);
            }
        }
    }

  gtk_window_set_default_size (dialog, MIN (width, max_width),
                               height > 0 ? MIN (height, max_height) : -1);
}

#define DROP_DOWN_NAME "cobalt-journal-drop-down-name"

/* The item inside the drop-down's button that shows the choice. */
static void
quiet_shown_item (GtkWidget  *widget,
                  const char *choice)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        {
          gtk_widget_set_focusable (child, FALSE);
          if (choice != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, choice, -1);
          continue;
        }
      quiet_shown_item (child, choice);
    }
}

static void
update_drop_down_names (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME);
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  const char *choice = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *label = NULL;

      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      if (choice != NULL)
        /* Translators: a drop-down read aloud: what it chooses, then its
         * choice, e.g. "Unit: pmol/L" */
        label = g_strdup_printf (C_("drop-down", "%s: %s"), name, choice);
      else
        label = g_strdup (name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      quiet_shown_item (child, choice);
      break;
    }
}

static void
on_drop_down_changed_cb (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         gpointer     user_data)
{
  update_drop_down_names (dropdown);
}

void
cobalt_journal_name_drop_down (GtkDropDown *dropdown,
                               const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  if (g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME) == NULL)
    {
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_drop_down_changed_cb), NULL);
      g_signal_connect (dropdown, "notify::model", G_CALLBACK (on_drop_down_changed_cb), NULL);
    }
  g_object_set_data_full (G_OBJECT (dropdown), DROP_DOWN_NAME, g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  update_drop_down_names (dropdown);
}

/* The drop-down's choice, ellipsized. */
static void
on_shown_item_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_shown_item_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  gpointer string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (string) : "");
}

/* A choice in the list: whole, with a tick when chosen, as GTK's own. */
static void
on_listed_item_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *tick = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), tick);
  gtk_list_item_set_child (item, box);
}

static void
update_tick (GtkListItem *item,
             GtkDropDown *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          gtk_drop_down_get_selected (dropdown) == gtk_list_item_get_position (item) ? 1 : 0);
}

static void
on_listed_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  update_tick (item, dropdown);
}

static void
on_listed_item_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        GtkDropDown              *dropdown)
{
  gpointer string = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (string) : "");
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_listed_selected_cb), item);
  update_tick (item, dropdown);
}

static void
on_listed_item_unbind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, on_listed_selected_cb, item);
}

static void
update_drop_down_tooltip (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown),
                               GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL);
}

static void
on_ellipsized_changed_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  update_drop_down_tooltip (dropdown);
}

void
cobalt_journal_ellipsize_drop_down (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) shown = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) listed = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_signal_connect (shown, "setup", G_CALLBACK (on_shown_item_setup_cb), NULL);
  g_signal_connect (shown, "bind", G_CALLBACK (on_shown_item_bind_cb), NULL);
  /* The factories belong to the drop-down, which outlives their items. */
  g_signal_connect (listed, "setup", G_CALLBACK (on_listed_item_setup_cb), NULL);
  g_signal_connect (listed, "bind", G_CALLBACK (on_listed_item_bind_cb), dropdown);
  g_signal_connect (listed, "unbind", G_CALLBACK (on_listed_item_unbind_cb), dropdown);
  gtk_drop_down_set_factory (dropdown, shown);
  gtk_drop_down_set_list_factory (dropdown, listed);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_ellipsized_changed_cb), NULL);
  g_signal_connect (dropdown, "notify::model", G_CALLBACK (on_ellipsized_changed_cb), NULL);
  update_drop_down_tooltip (dropdown);
  /* The names follow the new item. */
  if (g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME) != NULL)
    update_drop_down_names (dropdown);
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
