/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-chart.h"

typedef struct
{
  double    x;
  double    y;
  char     *tooltip;
  gboolean  flagged;  /* drawn with a ring: cobalt_chart_add_flagged_point() */
} ChartItem;

/* Where the plot goes inside the widget, and the data range it shows. */
typedef struct
{
  double left, top, width, height;
  double x_min, x_max;
  double y_min, y_max;
  double text_height;   /* of a line of the axes' (small) text */
} ChartLayout;

struct _CobaltChart
{
  GtkWidget        parent_instance;

  char            *title;
  char            *summary;
  char            *y_label;
  char            *empty_text;
  CobaltChartAxis  axis;
  double           fixed_y_min;
  double           fixed_y_max;
  gboolean         join_points;

  GArray          *points;   /* ChartItem */
  GArray          *markers;  /* ChartItem, y unused */
  double           band_low;
  double           band_high;
  char            *band_label;
};

G_DEFINE_FINAL_TYPE (CobaltChart, cobalt_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_AXIS,
  PROP_Y_LABEL,
  PROP_EMPTY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Around the plot, besides the room its text takes (which grows with the
 * system font). */
#define MARGIN_RIGHT   16.0
#define TEXT_GAP        6.0
#define POINT_RADIUS    4.0
#define HIT_RADIUS     10.0

/* g_set_str() arrives in GLib 2.76. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
chart_item_clear (gpointer data)
{
  ChartItem *item = data;

  g_clear_pointer (&item->tooltip, g_free);
}

/* 1, 2 or 5 times a power of ten, so tick labels read naturally. */
static double
nice_step (double span,
           guint  max_ticks)
{
  double raw, magnitude, normalised;

  if (span <= 0 || max_ticks == 0)
    return 1.0;

  raw = span / max_ticks;
  magnitude = pow (10.0, floor (log10 (raw)));
  normalised = raw / magnitude;

  if (normalised <= 1.0)
    return magnitude;
  if (normalised <= 2.0)
    return 2.0 * magnitude;
  if (normalised <= 5.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

static PangoLayout *
create_text_layout (CobaltChart *self,
                    const char  *text,
                    gboolean     small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* The size of @text as the axes draw it. */
static void
text_size (CobaltChart *self,
           const char  *text,
           double      *width,
           double      *height)
{
  g_autoptr(PangoLayout) layout = create_text_layout (self, text, TRUE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
draw_text (CobaltChart *self,
           cairo_t     *cr,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           double       yalign,
           gboolean     small)
{
  g_autoptr(PangoLayout) layout = create_text_layout (self, text, small);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y - yalign * height);
  pango_cairo_show_layout (cr, layout);
}

/* A value on the vertical axis, as drawn beside its grid line. */
static char *
format_y_tick (double y)
{
  return g_strdup_printf ("%g", round (y * 1000) / 1000);
}

static gboolean
compute_layout (CobaltChart *self,
                double       width,
                double       height,
                ChartLayout *layout)
{
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE;
  double y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;
  double text_height, label_width = 0, left, top, bottom;

  if (self->points->len == 0)
    return FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      const ChartItem *p = &g_array_index (self->points, ChartItem, i);

      x_min = MIN (x_min, p->x);
      x_max = MAX (x_max, p->x);
      y_min = MIN (y_min, p->y);
      y_max = MAX (y_max, p->y);
    }
  for (guint i = 0; i < self->markers->len; i++)
    {
      const ChartItem *m = &g_array_index (self->markers, ChartItem, i);

      x_min = MIN (x_min, m->x);
      x_max = MAX (x_max, m->x);
    }

  if (self->fixed_y_min < self->fixed_y_max)
    {
      y_min = self->fixed_y_min;
      y_max = self->fixed_y_max;
    }
  else
    {
      double step;

      if (!isnan (self->band_low))
        y_min = MIN (y_min, self->band_low);
      if (!isnan (self->band_high))
        y_max = MAX (y_max, self->band_high);
      /* Start at zero when the values are not far from it: a lab value
       * drawn from an arbitrary floor looks more dramatic than it is. */
      if (y_min > 0 && y_min < (y_max - y_min))
        y_min = 0;
      if (y_max - y_min < 1e-9)
        {
          y_min -= 1;
          y_max += 1;
        }
      step = nice_step (y_max - y_min, 5);
      y_min = floor (y_min / step) * step;
      y_max = ceil (y_max / step) * step;
    }

  /* One point alone still needs a width to sit in. */
  if (x_max - x_min < 1)
    {
      x_min -= 1;
      x_max += 1;
    }

  /* The margins hold the axes' text, whatever the size of the font: the
   * values on the left, the vertical axis's name above them, the dates
   * (and for days, what they count) below. */
  text_size (self, "0", NULL, &text_height);
  {
    double step = nice_step (y_max - y_min, 5);

    for (double y = y_min; y <= y_max + step / 1000; y += step)
      {
        g_autofree char *label = format_y_tick (y);
        double w;

        text_size (self, label, &w, NULL);
        label_width = MAX (label_width, w);
      }
  }
  left = label_width + TEXT_GAP + 4;
  top = self->y_label != NULL ? 1.5 * text_height + TEXT_GAP : text_height / 2 + TEXT_GAP;
  bottom = (self->axis == COBALT_CHART_AXIS_DAYS ? 2 * text_height : text_height) + 2 * TEXT_GAP;
  if (width < left + MARGIN_RIGHT + 20 || height < top + bottom + 20)
    return FALSE;

  layout->left = left;
  layout->top = top;
  layout->width = width - left - MARGIN_RIGHT;
  layout->height = height - top - bottom;
  layout->text_height = text_height;
  layout->x_min = x_min;
  layout->x_max = x_max;
  layout->y_min = y_min;
  layout->y_max = y_max;

  return TRUE;
}

static double
map_x (const ChartLayout *layout,
       double             x)
{
  return layout->left + (x - layout->x_min) / (layout->x_max - layout->x_min) * layout->width;
}

static double
map_y (const ChartLayout *layout,
       double             y)
{
  return layout->top + layout->height -
         (y - layout->y_min) / (layout->y_max - layout->y_min) * layout->height;
}

static int
compare_items_by_x (gconstpointer a,
                    gconstpointer b)
{
  const ChartItem *ia = a, *ib = b;

  return (ia->x > ib->x) - (ia->x < ib->x);
}

/* Named colours of the theme (GTK 4.8: no accent colour names; the
 * selection colour is its accent). */
static void
lookup_colour (GtkWidget  *widget,
               const char *name,
               const GdkRGBA *fallback,
               GdkRGBA    *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, out))
    *out = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static char *
format_x_tick (CobaltChart *self,
               double       x,
               gboolean     with_year)
{
  GDate date;
  char buf[64];

  if (self->axis == COBALT_CHART_AXIS_DAYS)
    return g_strdup_printf ("%.0f", x);

  g_date_clear (&date, 1);
  if (x < 1 || x > G_MAXUINT32 || !g_date_valid_julian ((guint32) x))
    return g_strdup ("");
  g_date_set_julian (&date, (guint32) x);
  /* Translators: short date on a chart's axis: month and year, see strftime() */
  if (g_date_strftime (buf, sizeof buf, with_year ? _("%b %Y") : _("%b"), &date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

static void
draw_x_ticks (CobaltChart       *self,
              cairo_t           *cr,
              const ChartLayout *layout,
              const GdkRGBA     *fg)
{
  double baseline = layout->top + layout->height;

  if (self->axis == COBALT_CHART_AXIS_DAYS)
    {
      double span = layout->x_max - layout->x_min;
      double label_width;
      guint max_labels;
      double step;
      double x;

      /* As many labels as fit side by side, and no more than about 8. */
      text_size (self, "000", &label_width, NULL);
      max_labels = CLAMP ((guint) (layout->width / (label_width + 2 * TEXT_GAP)), 2, 8);
      /* Weeks are how people count the time between injections. */
      step = span >= 21 ? 7.0 * MAX (1.0, ceil (span / 7.0 / max_labels))
                        : nice_step (span, MIN (6, max_labels));

      for (x = ceil (layout->x_min / step) * step; x <= layout->x_max + 1e-9; x += step)
        {
          g_autofree char *label = format_x_tick (self, x, FALSE);

          gdk_cairo_set_source_rgba (cr, fg);
          draw_text (self, cr, label, map_x (layout, x), baseline + 4, 0.5, 0, TRUE);
        }
      /* Bare numbers do not say what they count. */
      draw_text (self, cr, _("days since the dose before the check-in"),
                 layout->left + layout->width, baseline + 4 + layout->text_height + TEXT_GAP / 2, 1, 0, TRUE);
      return;
    }

  /* Dates: the first of each month, thinned to at most about 8 labels. */
  {
    GDate first, last, tick;
    guint months, step, max_labels;
    gboolean first_label = TRUE;
    g_autofree char *widest = NULL;
    double label_width;

    g_date_clear (&first, 1);
    g_date_clear (&last, 1);
    g_date_set_julian (&first, (guint32) MAX (1.0, ceil (layout->x_min)));
    g_date_set_julian (&last, (guint32) MAX (1.0, floor (layout->x_max)));
    months = (g_date_get_year (&last) - g_date_get_year (&first)) * 12 +
             g_date_get_month (&last) - g_date_get_month (&first) + 1;
    /* As many labels as fit side by side (a month and a year is the
     * widest), and no more than about 8. */
    widest = format_x_tick (self, g_date_get_julian (&last), TRUE);
    text_size (self, widest, &label_width, NULL);
    max_labels = CLAMP ((guint) (layout->width / (label_width + 2 * TEXT_GAP)), 1, 8);
    step = MAX (1u, (months + max_labels - 1) / max_labels);

    tick = first;
    g_date_set_day (&tick, 1);
    if (g_date_compare (&tick, &first) < 0)
      g_date_add_months (&tick, 1);

    for (; g_date_compare (&tick, &last) <= 0; g_date_add_months (&tick, step))
      {
        double x = g_date_get_julian (&tick);
        gboolean with_year = first_label || g_date_get_month (&tick) <= step;
        g_autofree char *label = format_x_tick (self, x, with_year);
        double px = map_x (layout, x);

        gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg->red, fg->green, fg->blue, 0.25 });
        cairo_move_to (cr, px + 0.5, baseline);
        cairo_line_to (cr, px + 0.5, baseline + 4);
        cairo_stroke (cr);
        gdk_cairo_set_source_rgba (cr, fg);
        draw_text (self, cr, label, px, baseline + 4, 0.5, 0, TRUE);
        first_label = FALSE;
      }
  }
}

static void
draw_chart (CobaltChart *self,
            cairo_t     *cr,
            double       width,
            double       height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  ChartLayout layout;
  GdkRGBA fg, accent, band, marker;
  double step, baseline;
  g_autoptr(GArray) sorted = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_colour (widget, "theme_selected_bg_color", &fg, &accent);
  /* The selection blue is dark in the dark style: lift it towards the
   * text colour so the line stands out on a dark background. */
  if (0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue > 0.5)
    {
      accent.red += (1.0 - accent.red) * 0.35;
      accent.green += (1.0 - accent.green) * 0.35;
      accent.blue += (1.0 - accent.blue) * 0.35;
    }
  lookup_colour (widget, "success_color", &fg, &band);
  lookup_colour (widget, "warning_color", &fg, &marker);

  if (!compute_layout (self, width, height, &layout))
    {
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
      draw_text (self, cr, self->empty_text != NULL ? self->empty_text : _("Nothing to show yet"),
                 width / 2, height / 2, 0.5, 0.5, FALSE);
      return;
    }

  baseline = layout.top + layout.height;
  cairo_set_line_width (cr, 1.0);

  /* The band first, so everything else is drawn over it. */
  if (!isnan (self->band_low) || !isnan (self->band_high))
    {
      double low = isnan (self->band_low) ? layout.y_min : MAX (self->band_low, layout.y_min);
      double high = isnan (self->band_high) ? layout.y_max : MIN (self->band_high, layout.y_max);
      double top = map_y (&layout, high), bottom = map_y (&layout, low);

      cairo_rectangle (cr, layout.left, top, layout.width, bottom - top);
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { band.red, band.green, band.blue, 0.18 });
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { band.red, band.green, band.blue, 0.7 });
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (self->band_label != NULL)
        {
          gdk_cairo_set_source_rgba (cr, &fg);
          draw_text (self, cr, self->band_label, layout.left + layout.width - 4, top + 2, 1, 0, TRUE);
        }
    }

  /* Horizontal grid lines and their values. */
  step = nice_step (layout.y_max - layout.y_min, 5);
  for (double y = layout.y_min; y <= layout.y_max + step / 1000; y += step)
    {
      double py = round (map_y (&layout, y)) + 0.5;
      g_autofree char *label = format_y_tick (y);

      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.15 });
      cairo_move_to (cr, layout.left, py);
      cairo_line_to (cr, layout.left + layout.width, py);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.8 });
      draw_text (self, cr, label, layout.left - TEXT_GAP, py, 1, 0.5, TRUE);
    }

  if (self->y_label != NULL)
    {
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.8 });
      draw_text (self, cr, self->y_label, 4, 2, 0, 0, TRUE);
    }

  /* The axis line. */
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.5 });
  cairo_move_to (cr, layout.left, round (baseline) + 0.5);
  cairo_line_to (cr, layout.left + layout.width, round (baseline) + 0.5);
  cairo_stroke (cr);

  draw_x_ticks (self, cr, &layout, &fg);

  /* Dose days: a faint dashed line up the plot and a triangle on the
   * axis, so they are told apart by shape, not only by colour. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const ChartItem *m = &g_array_index (self->markers, ChartItem, i);
      double px = round (map_x (&layout, m->x)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { marker.red, marker.green, marker.blue, 0.35 });
      cairo_set_dash (cr, (double[]) { 2, 3 }, 2, 0);
      cairo_move_to (cr, px, layout.top);
      cairo_line_to (cr, px, baseline);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      gdk_cairo_set_source_rgba (cr, &marker);
      cairo_move_to (cr, px, baseline - 7);
      cairo_line_to (cr, px - 5, baseline);
      cairo_line_to (cr, px + 5, baseline);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  /* The values. */
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (ChartItem), self->points->len);
  g_array_append_vals (sorted, self->points->data, self->points->len);
  g_array_sort (sorted, compare_items_by_x);

  gdk_cairo_set_source_rgba (cr, &accent);
  if (self->join_points && sorted->len > 1)
    {
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < sorted->len; i++)
        {
          const ChartItem *p = &g_array_index (sorted, ChartItem, i);

          if (i == 0)
            cairo_move_to (cr, map_x (&layout, p->x), map_y (&layout, p->y));
          else
            cairo_line_to (cr, map_x (&layout, p->x), map_y (&layout, p->y));
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < sorted->len; i++)
    {
      const ChartItem *p = &g_array_index (sorted, ChartItem, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, map_x (&layout, p->x), map_y (&layout, p->y), POINT_RADIUS, 0, 2 * G_PI);
    }
  /* A ring in the text colour keeps the dots visible on any background. */
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
  cairo_stroke (cr);

  /* A flagged point has a second, wider ring in the text colour: told
   * apart by shape, not only by colour. */
  for (guint i = 0; i < sorted->len; i++)
    {
      const ChartItem *p = &g_array_index (sorted, ChartItem, i);

      if (!p->flagged)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, map_x (&layout, p->x), map_y (&layout, p->y), POINT_RADIUS + 3.5, 0, 2 * G_PI);
    }
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_stroke (cr);
}

static void
cobalt_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CobaltChart *self = COBALT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, cr, width, height);
  cairo_destroy (cr);
}

static void
cobalt_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CobaltChart *self = COBALT_CHART (widget);
  double text_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 520;
      return;
    }

  /* Taller with larger text, whose axes take more of it. */
  text_size (self, "0", NULL, &text_height);
  *minimum = MAX (180, (int) ceil (12 * text_height));
  *natural = MAX (260, (int) ceil (18 * text_height));
}

static gboolean
cobalt_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  CobaltChart *self = COBALT_CHART (widget);
  const char *text;

  /* From the keyboard there is no pointer position: the summary says it all. */
  text = keyboard_mode ? self->summary : cobalt_chart_get_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cobalt_chart_finalize (GObject *object)
{
  CobaltChart *self = (CobaltChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->y_label, g_free);
  g_clear_pointer (&self->empty_text, g_free);
  g_clear_pointer (&self->band_label, g_free);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->markers, g_array_unref);

  G_OBJECT_CLASS (cobalt_chart_parent_class)->finalize (object);
}

static void
cobalt_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CobaltChart *self = COBALT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_AXIS:
      g_value_set_int (value, self->axis);
      break;
    case PROP_Y_LABEL:
      g_value_set_string (value, self->y_label);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CobaltChart *self = COBALT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cobalt_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      cobalt_chart_set_summary (self, g_value_get_string (value));
      break;
    case PROP_AXIS:
      cobalt_chart_set_axis (self, g_value_get_int (value));
      break;
    case PROP_Y_LABEL:
      cobalt_chart_set_y_label (self, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      cobalt_chart_set_empty_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_chart_class_init (CobaltChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cobalt_chart_finalize;
  object_class->get_property = cobalt_chart_get_property;
  object_class->set_property = cobalt_chart_set_property;

  widget_class->snapshot = cobalt_chart_snapshot;
  widget_class->measure = cobalt_chart_measure;
  widget_class->query_tooltip = cobalt_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AXIS] =
    g_param_spec_int ("axis", NULL, NULL,
                      COBALT_CHART_AXIS_DATE, COBALT_CHART_AXIS_DAYS, COBALT_CHART_AXIS_DATE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_Y_LABEL] =
    g_param_spec_string ("y-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cobalt_chart_init (CobaltChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (ChartItem));
  g_array_set_clear_func (self->points, chart_item_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (ChartItem));
  g_array_set_clear_func (self->markers, chart_item_clear);
  self->band_low = NAN;
  self->band_high = NAN;
  self->join_points = TRUE;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cobalt_chart_new (void)
{
  return g_object_new (COBALT_TYPE_CHART, NULL);
}

void
cobalt_chart_clear (CobaltChart *self)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  g_array_set_size (self->points, 0);
  g_array_set_size (self->markers, 0);
  self->band_low = NAN;
  self->band_high = NAN;
  g_clear_pointer (&self->band_label, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_chart_set_title (CobaltChart *self,
                        const char  *title)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  if (replace_string (&self->title, title))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
cobalt_chart_get_title (CobaltChart *self)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), NULL);
  return self->title;
}

void
cobalt_chart_set_axis (CobaltChart     *self,
                       CobaltChartAxis  axis)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  if (self->axis == axis)
    return;

  self->axis = axis;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AXIS]);
}

CobaltChartAxis
cobalt_chart_get_axis (CobaltChart *self)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), COBALT_CHART_AXIS_DATE);
  return self->axis;
}

void
cobalt_chart_set_y_label (CobaltChart *self,
                          const char  *label)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  if (replace_string (&self->y_label, label))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y_LABEL]);
    }
}

void
cobalt_chart_set_empty_text (CobaltChart *self,
                             const char  *text)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  if (replace_string (&self->empty_text, text))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
    }
}

void
cobalt_chart_set_y_range (CobaltChart *self,
                          double       min,
                          double       max)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  self->fixed_y_min = min;
  self->fixed_y_max = max;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_chart_set_join_points (CobaltChart *self,
                              gboolean     join)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  self->join_points = !!join;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_chart_add_point (CobaltChart *self,
                        double       x,
                        double       y,
                        const char  *tooltip)
{
  ChartItem item = { x, y, g_strdup (tooltip), FALSE };

  g_return_if_fail (COBALT_IS_CHART (self));
  g_return_if_fail (isfinite (x) && isfinite (y));

  g_array_append_val (self->points, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_chart_add_flagged_point (CobaltChart *self,
                                double       x,
                                double       y,
                                const char  *tooltip)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  cobalt_chart_add_point (self, x, y, tooltip);
  if (self->points->len > 0)
    g_array_index (self->points, ChartItem, self->points->len - 1).flagged = TRUE;
}

guint
cobalt_chart_get_n_flagged (CobaltChart *self)
{
  guint n = 0;

  g_return_val_if_fail (COBALT_IS_CHART (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    n += g_array_index (self->points, ChartItem, i).flagged;
  return n;
}

gboolean
cobalt_chart_get_point_flagged (CobaltChart *self,
                                guint        index)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->points->len, FALSE);

  return g_array_index (self->points, ChartItem, index).flagged;
}

void
cobalt_chart_add_marker (CobaltChart *self,
                         double       x,
                         const char  *tooltip)
{
  ChartItem item = { x, 0, g_strdup (tooltip), FALSE };

  g_return_if_fail (COBALT_IS_CHART (self));
  g_return_if_fail (isfinite (x));

  g_array_append_val (self->markers, item);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_chart_set_band (CobaltChart *self,
                       double       low,
                       double       high,
                       const char  *label)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  self->band_low = low;
  self->band_high = high;
  replace_string (&self->band_label, label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
cobalt_chart_get_n_points (CobaltChart *self)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), 0);
  return self->points->len;
}

guint
cobalt_chart_get_n_markers (CobaltChart *self)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), 0);
  return self->markers->len;
}

void
cobalt_chart_set_summary (CobaltChart *self,
                          const char  *summary)
{
  g_return_if_fail (COBALT_IS_CHART (self));

  if (replace_string (&self->summary, summary))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary != NULL ? summary : "",
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

const char *
cobalt_chart_get_summary (CobaltChart *self)
{
  g_return_val_if_fail (COBALT_IS_CHART (self), NULL);
  return self->summary;
}

gboolean
cobalt_chart_get_point_position (CobaltChart *self,
                                 guint        index,
                                 double      *x,
                                 double      *y)
{
  ChartLayout layout;
  const ChartItem *p;

  g_return_val_if_fail (COBALT_IS_CHART (self), FALSE);

  if (index >= self->points->len ||
      !compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                       gtk_widget_get_height (GTK_WIDGET (self)), &layout))
    return FALSE;

  p = &g_array_index (self->points, ChartItem, index);
  if (x != NULL)
    *x = map_x (&layout, p->x);
  if (y != NULL)
    *y = map_y (&layout, p->y);
  return TRUE;
}

const char *
cobalt_chart_get_tooltip_at (CobaltChart *self,
                             double       x,
                             double       y)
{
  ChartLayout layout;
  const char *best = NULL;
  double best_distance = HIT_RADIUS * HIT_RADIUS;

  g_return_val_if_fail (COBALT_IS_CHART (self), NULL);

  if (!compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                       gtk_widget_get_height (GTK_WIDGET (self)), &layout))
    return NULL;

  for (guint i = 0; i < self->points->len; i++)
    {
      const ChartItem *p = &g_array_index (self->points, ChartItem, i);
      double dx = map_x (&layout, p->x) - x, dy = map_y (&layout, p->y) - y;

      if (dx * dx + dy * dy <= best_distance)
        {
          best_distance = dx * dx + dy * dy;
          best = p->tooltip;
        }
    }

  if (best != NULL)
    return best;

  /* The dose markers sit on the axis. */
  for (guint i = 0; i < self->markers->len; i++)
    {
      const ChartItem *m = &g_array_index (self->markers, ChartItem, i);
      double dx = map_x (&layout, m->x) - x, dy = layout.top + layout.height - 3 - y;

      if (dx * dx + dy * dy <= best_distance)
        {
          best_distance = dx * dx + dy * dy;
          best = m->tooltip;
        }
    }

  return best;
}
