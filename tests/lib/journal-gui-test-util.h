/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the journal's and supplies' widget tests check beyond behaviour:
 * the names a screen reader reads, and that a page or a dialog fits a
 * narrow window and large text with nothing clipped. */

#include <gtk/gtk.h>

#include "cobalt-gui-test-utils.h"

/* Scales the text as the desktop's text scaling does (gtk-xft-dpi);
 * returns the setting it replaced, for journal_restore_text(). */
static inline int
journal_scale_text (double scale)
{
  int before = 0;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &before, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (scale * 96 * 1024), NULL);
  cobalt_test_wait_idle ();
  return before;
}

static inline void
journal_restore_text (int xft_dpi)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", xft_dpi, NULL);
  cobalt_test_wait_idle ();
}

static inline void
journal_assert_accessible (GtkWidget             *widget,
                           GtkAccessibleProperty  property,
                           const char            *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, expected);

  /* NULL when the property is exactly @expected; else what it is. */
  g_assert_cmpstr (mismatch, ==, NULL);
}

static inline void
journal_assert_name (GtkWidget  *widget,
                     const char *expected)
{
  journal_assert_accessible (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* The list row showing a label with @text (a substring). */
static inline GtkWidget *
journal_row_showing (GtkWidget  *root,
                     const char *text)
{
  GtkLabel *label = cobalt_test_find_label (root, text);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  return row;
}

/* The button inside a drop-down: what takes the focus and is read. */
static inline GtkWidget *
journal_drop_down_button (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;

  g_assert_not_reached ();
  return NULL;
}

/* What AT-SPI's "click" does to a button (GtkButton presses for a moment
 * before it is clicked): activates the toggle @button and waits until it
 * is @active, up to two seconds. */
static inline void
journal_activate_until (GtkWidget *button,
                        gboolean   active)
{
  gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

  g_assert_true (gtk_widget_activate (button));
  while (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != active &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)), ==, active);
  cobalt_test_wait_idle ();
}

static inline int
journal_min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Every widget showing under @widget lies within @root's width (or inside
 * a scrolled window that scrolls sideways), and no label has less width
 * than it needs: nothing is cut off at the side. */
static inline void
journal_assert_within (GtkWidget *widget,
                       GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child) || GTK_IS_NATIVE (child) ||
          !gtk_widget_compute_bounds (child, root, &bounds))
        continue;

      if (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 1)
        g_error ("%s (%s) at x %g, %g wide, is outside the %d px of %s",
                 G_OBJECT_TYPE_NAME (child),
                 GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "",
                 bounds.origin.x, bounds.size.width, gtk_widget_get_width (root),
                 G_OBJECT_TYPE_NAME (root));
      if (GTK_IS_LABEL (child) && gtk_widget_get_width (child) < journal_min_width (child))
        g_error ("the label \"%s\" has %d px of the %d it needs", gtk_label_get_text (GTK_LABEL (child)),
                 gtk_widget_get_width (child), journal_min_width (child));

      if (GTK_IS_SCROLLED_WINDOW (child))
        {
          GtkPolicyType horizontal;

          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (child), &horizontal, NULL);
          /* What scrolls sideways may be wider than the window. */
          if (horizontal != GTK_POLICY_NEVER)
            continue;
        }
      journal_assert_within (child, root);
    }
}
