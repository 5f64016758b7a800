/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-app-util.h"

#define DROP_DOWN_NAME "cobalt-app-drop-down-name"

/* The choice as the drop-down shows it: its expression, or the string of
 * a GtkStringList's item. */
static char *
choice_of (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return NULL;
}

static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = inner_button (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
update_drop_down_name (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME);
  GtkWidget *button = inner_button (GTK_WIDGET (dropdown));
  g_autofree char *choice = choice_of (dropdown);
  g_autofree char *label = NULL;

  if (button == NULL)
    return;

  /* Translators: the name of a drop-down and what it shows: "Person: Alex Morgan" */
  label = choice != NULL && *choice != '\0' ? g_strdup_printf (_("%s: %s"), name, choice) : g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_drop_down_changed_cb (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         gpointer     user_data)
{
  update_drop_down_name (dropdown);
}

void
cobalt_app_name_drop_down (GtkDropDown *dropdown,
                           const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  if (g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME) == NULL)
    {
      g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (on_drop_down_changed_cb), NULL);
      g_signal_connect (dropdown, "notify::model", G_CALLBACK (on_drop_down_changed_cb), NULL);
    }
  g_object_set_data_full (G_OBJECT (dropdown), DROP_DOWN_NAME, g_strdup (name), g_free);
  update_drop_down_name (dropdown);
}

void
cobalt_app_name_check_button (GtkCheckButton *check)
{
  const char *label;
  g_autoptr(GString) clean = g_string_new (NULL);

  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  label = gtk_check_button_get_label (check);
  if (label == NULL)
    return;

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore, "_x" a mnemonic. */
      if (*p == '_' && gtk_check_button_get_use_underline (check))
        {
          if (p[1] == '_')
            g_string_append_c (clean, *++p);
          continue;
        }
      g_string_append_c (clean, *p);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, clean->str, -1);
}

static void
name_search_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Shortcuts"),
                                    -1);
  /* With more than one section, the title is a menu of them. */
  else if (GTK_IS_MENU_BUTTON (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shortcuts Section"),
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_button (child);
}

void
cobalt_app_name_shortcuts_window (GtkWindow *overlay)
{
  g_return_if_fail (GTK_IS_WINDOW (overlay));

  name_search_button (GTK_WIDGET (overlay));
  /* Its header bar is the titlebar, not a child. */
  if (gtk_window_get_titlebar (overlay) != NULL)
    name_search_button (gtk_window_get_titlebar (overlay));
}

void
cobalt_app_stack_captions (GtkGrid *grid)
{
  GtkLayoutManager *layout;

  g_return_if_fail (GTK_IS_GRID (grid));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  gtk_grid_set_row_spacing (grid, 6);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkGridLayoutChild *cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
      int column = gtk_grid_layout_child_get_column (cell);
      int row = gtk_grid_layout_child_get_row (cell);

      gtk_grid_layout_child_set_column (cell, 0);
      gtk_grid_layout_child_set_row (cell, 2 * row + (column == 0 ? 0 : 1));
      if (column == 0 && GTK_IS_LABEL (child))
        {
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          if (row > 0)
            gtk_widget_set_margin_top (child, 6);
        }
    }
}

void
cobalt_app_wrap_check_label (GtkCheckButton *check)
{
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (check));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        gtk_label_set_wrap (GTK_LABEL (child), TRUE);
        gtk_label_set_xalign (GTK_LABEL (child), 0);
      }
}
