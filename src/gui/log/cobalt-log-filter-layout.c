/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-log-filter-layout.h"

/* Pixels between the children, and between the lines, unless the
 * container was given its own (cobalt_log_filter_layout_apply()). */
#define DEFAULT_SPACING 6
#define SPACING_KEY "cobalt-log-filter-layout-spacing"

static int
spacing_of (GtkWidget *container)
{
  gpointer spacing = g_object_get_data (G_OBJECT (container), SPACING_KEY);

  return spacing != NULL ? GPOINTER_TO_INT (spacing) - 1 : DEFAULT_SPACING;
}

/* The children from @child up to (not including) the returned one fit on
 * one line @width wide; @used and @n_expand say how much of it their
 * natural widths take and how many of them expand. */
static GtkWidget *
fill_line (GtkWidget *child,
           int        width,
           int        spacing,
           int       *used,
           int       *n_expand)
{
  gboolean first = TRUE;

  *used = *n_expand = 0;
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      if (!first && *used + spacing + nat > width)
        break;
      *used += (first ? 0 : spacing) + nat;
      *n_expand += gtk_widget_get_hexpand (child);
      first = FALSE;
    }
  return child;
}

/* The width @child gets at @x on a line @width wide with @extra pixels
 * to share among @n_expand children. */
static int
child_width (GtkWidget *child,
             int        x,
             int        width,
             int        extra,
             int        n_expand)
{
  int min, nat, w;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  w = nat;
  if (n_expand > 0 && gtk_widget_get_hexpand (child))
    w += extra / n_expand;
  /* Wider than what is left of the line (only a line's first child can
   * be): it gets the whole line, never less than its minimum. */
  return MAX (min, MIN (w, width - x));
}

/* Lays the children out in lines @width wide; returns the height, and
 * allocates the children when @allocate. */
static int
pack (GtkWidget *container,
      int        width,
      gboolean   allocate)
{
  GtkWidget *child = gtk_widget_get_first_child (container);
  gboolean rtl = gtk_widget_get_direction (container) == GTK_TEXT_DIR_RTL;
  int spacing = spacing_of (container);
  int y = 0;

  while (child != NULL)
    {
      int used, n_expand, extra, x = 0, line_height = 0;
      GtkWidget *line_end = fill_line (child, width, spacing, &used, &n_expand);

      gboolean shown = FALSE;

      for (GtkWidget *c = child; c != line_end && !shown; c = gtk_widget_get_next_sibling (c))
        shown = gtk_widget_should_layout (c);
      if (!shown)
        break;
      extra = MAX (0, width - used);
      if (y > 0)
        y += spacing;
      /* Each child as tall as it needs at the width it gets. */
      for (GtkWidget *c = child; c != line_end; c = gtk_widget_get_next_sibling (c))
        {
          int w, h;

          if (!gtk_widget_should_layout (c))
            continue;
          w = child_width (c, x, width, extra, n_expand);
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
          line_height = MAX (line_height, h);
          x += w + spacing;
        }

      if (allocate)
        {
          x = 0;
          for (GtkWidget *c = child; c != line_end; c = gtk_widget_get_next_sibling (c))
            {
              int w;

              if (!gtk_widget_should_layout (c))
                continue;
              w = child_width (c, x, width, extra, n_expand);
              gtk_widget_size_allocate (c, &(GtkAllocation) { rtl ? width - x - w : x, y, w, line_height }, -1);
              x += w + spacing;
            }
        }

      y += line_height;
      child = line_end;
    }
  return y;
}

static GtkSizeRequestMode
wrap_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wrap_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  int spacing = spacing_of (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int width = for_size, ignored;

      if (width < 0)
        wrap_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width, NULL, NULL);
      *minimum = *natural = pack (widget, width, FALSE);
      return;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int min, nat;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural += (*natural > 0 ? spacing : 0) + nat;
    }
}

static void
wrap_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  pack (widget, width, TRUE);
}

GtkLayoutManager *
cobalt_log_filter_layout_new (void)
{
  return gtk_custom_layout_new (wrap_request_mode, wrap_measure, wrap_allocate);
}

void
cobalt_log_filter_layout_apply (GtkWidget *container,
                                int        spacing)
{
  g_return_if_fail (GTK_IS_WIDGET (container));
  g_return_if_fail (spacing >= 0);

  g_object_set_data (G_OBJECT (container), SPACING_KEY, GINT_TO_POINTER (spacing + 1));
  gtk_widget_set_layout_manager (container, cobalt_log_filter_layout_new ());
}
