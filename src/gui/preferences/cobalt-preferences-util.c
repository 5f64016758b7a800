/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-preferences-util.h"

#define DROP_DOWN_NAME "cobalt-preferences-drop-down-name"

static const char *
drop_down_choice (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

/* The choice shown in the button is not a control of its own. */
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
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, choice, -1);
          continue;
        }
      quiet_shown_item (child, choice);
    }
}

static void
update_drop_down_names (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME);
  const char *choice = drop_down_choice (dropdown);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *label = NULL;

      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      if (choice != NULL)
        /* Translators: a drop-down read aloud: what it chooses, then its
         * choice, "Route: Into the muscle (IM)" */
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
cobalt_preferences_name_drop_down (GtkDropDown *dropdown,
                                   const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  if (g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME) == NULL)
    {
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_drop_down_changed_cb), NULL);
      g_signal_connect (dropdown, "notify::model", G_CALLBACK (on_drop_down_changed_cb), NULL);
      g_signal_connect (dropdown, "notify::factory", G_CALLBACK (on_drop_down_changed_cb), NULL);
    }
  g_object_set_data_full (G_OBJECT (dropdown), DROP_DOWN_NAME, g_strdup (name), g_free);
  update_drop_down_names (dropdown);
}

void
cobalt_preferences_fit_parent (GtkWindow *window)
{
  GtkWindow *parent;
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));

  parent = gtk_window_get_transient_for (window);
  if (parent == NULL || gtk_widget_get_width (GTK_WIDGET (parent)) <= 0)
    return;

  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window,
                               MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                               MIN (height, MAX (gtk_widget_get_height (GTK_WIDGET (parent)), 400)));
}
