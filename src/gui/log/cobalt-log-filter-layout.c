/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-log-filter-layout.h"

/* Pixels between the filter bar's controls, and between its lines. */
#define FILTER_SPACING 6

/* The filter bar's layout: children in their order, at their natural
 * widths, wrapped into as many lines as @width needs; the controls that
 * expand (the search entry) share what is left of their line. Returns the
 * height, and allocates the children when @allocate. */
static int
filter_bar_pack (GtkWidget *bar,
                 int        width,
                 gboolean   allocate)
{
  GtkWidget *child = gtk_widget_get_first_child (bar);
  int y = 0;

  while (child != NULL)
    {
      GtkWidget *line_end = child;
      int used = 0, line_height = 0, n_expand = 0, extra, x = 0;

      /* Fill the line. */
      for (GtkWidget *c = child; c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          int nat, h;

          if (!gtk_widget_get_visible (c))
            {
              line_end = gtk_widget_get_next_sibling (c);
              continue;
            }
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
          if (used > 0 && used + FILTER_SPACING + nat > width)
            break;
          used += (used > 0 ? FILTER_SPACING : 0) + nat;
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
          line_height = MAX (line_height, h);
          n_expand += gtk_widget_get_hexpand (c);
          line_end = gtk_widget_get_next_sibling (c);
        }

      extra = MAX (0, width - used);
      for (GtkWidget *c = child; c != line_end; c = gtk_widget_get_next_sibling (c))
        {
          int min, nat, w;

          if (!gtk_widget_get_visible (c))
            continue;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          w = nat;
          if (n_expand > 0 && gtk_widget_get_hexpand (c))
            w += extra / n_expand;
          /* Narrower than one control: it gets the whole line. */
          w = MAX (min, MIN (w, width - x));
          if (allocate)
            gtk_widget_size_allocate (c, &(GtkAllocation) {
                                        gtk_widget_get_direction (bar) == GTK_TEXT_DIR_RTL ? width - x - w : x,
                                        y, w, line_height }, -1);
          x += w + FILTER_SPACING;
        }

      y += line_height;
      child = line_end;
      if (child != NULL)
        y += FILTER_SPACING;
    }
  return y;
}

static GtkSizeRequestMode
filter_bar_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
filter_bar_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int width = for_size, ignored;

      if (width < 0)
        filter_bar_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width, NULL, NULL);
      *minimum = *natural = filter_bar_pack (widget, width, FALSE);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int min, nat;

      if (!gtk_widget_get_visible (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural += (*natural > 0 ? FILTER_SPACING : 0) + nat;
    }
}

static void
filter_bar_allocate (GtkWidget *widget,
                     int        width,
                     int        height,
                     int        baseline)
{
  filter_bar_pack (widget, width, TRUE);
}

GtkLayoutManager *
cobalt_log_filter_layout_new (void)
{
  return gtk_custom_layout_new (filter_bar_request_mode,
                                filter_bar_measure,
                                filter_bar_allocate);
}
