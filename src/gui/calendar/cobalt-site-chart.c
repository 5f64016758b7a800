/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-site-chart.h"
#include "cobalt-core.h"

/* A bar's row: a line of text and this much room around it, so that the
 * chart grows with the text. */
#define ROW_PADDING 6
/* Its narrowest and natural widths, and the longest its bars get, in
 * characters. */
#define MIN_CHARS 20
#define NAT_CHARS 24
#define MAX_CHARS 64

struct _CobaltSiteChart
{
  GtkWidget  parent_instance;

  guint     *counts;
};

G_DEFINE_FINAL_TYPE (CobaltSiteChart, cobalt_site_chart, GTK_TYPE_WIDGET)

static guint
n_used (const guint *counts)
{
  guint n = 0;

  for (guint i = 0; counts != NULL && i < cobalt_site_catalogue_get_n_sites (); i++)
    n += counts[i] > 0;
  return n;
}

/* A row's height and the width of a character in @widget's font. */
static void
font_metrics (GtkWidget *widget,
              int       *row_height,
              int       *char_width)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);

  *row_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (*row_height <= 0)
    *row_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                     pango_font_metrics_get_descent (metrics));
  *row_height += ROW_PADDING;
  *char_width = MAX (1, PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics)));
  pango_font_metrics_unref (metrics);
}

static void
cobalt_site_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CobaltSiteChart *self = COBALT_SITE_CHART (widget);
  int row_height, char_width;

  font_metrics (widget, &row_height, &char_width);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_CHARS * char_width;
      *natural = NAT_CHARS * char_width;
    }
  else
    *minimum = *natural = MAX (1, n_used (self->counts)) * row_height;
}

static void
cobalt_site_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CobaltSiteChart *self = COBALT_SITE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, bar;
  cairo_t *cr;
  int row_height, char_width;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* The accent blue of Adwaita and most themes; text stays in fg. */
  gdk_rgba_parse (&bar, "#3584e4");

  font_metrics (widget, &row_height, &char_width);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Long bars are no easier to compare; keep the chart readable. */
  cobalt_site_chart_draw (cr, layout, self->counts, MIN (width, MAX_CHARS * char_width), row_height, &fg, &bar);
  cairo_destroy (cr);
}

static void
cobalt_site_chart_finalize (GObject *object)
{
  CobaltSiteChart *self = COBALT_SITE_CHART (object);

  g_clear_pointer (&self->counts, g_free);

  G_OBJECT_CLASS (cobalt_site_chart_parent_class)->finalize (object);
}

static void
cobalt_site_chart_class_init (CobaltSiteChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cobalt_site_chart_finalize;
  widget_class->measure = cobalt_site_chart_measure;
  widget_class->snapshot = cobalt_site_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "sitechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cobalt_site_chart_init (CobaltSiteChart *self)
{
  cobalt_site_chart_set_counts (self, NULL);
}

GtkWidget *
cobalt_site_chart_new (void)
{
  return g_object_new (COBALT_TYPE_SITE_CHART, NULL);
}

void
cobalt_site_chart_set_counts (CobaltSiteChart *self,
                              const guint     *counts)
{
  g_autofree char *description = NULL;

  g_return_if_fail (COBALT_IS_SITE_CHART (self));

  g_clear_pointer (&self->counts, g_free);
  if (counts != NULL)
    self->counts = g_memdup2 (counts, sizeof (guint) * cobalt_site_catalogue_get_n_sites ());

  description = cobalt_site_chart_describe (self->counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Injection sites used"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

char *
cobalt_site_chart_describe (const guint *counts)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; counts != NULL && i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      if (counts[i] == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              /* Translators: site name, number of doses */
                              g_dngettext (GETTEXT_PACKAGE, "%s: %u dose.", "%s: %u doses.", counts[i]),
                              cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i)), counts[i]);
    }
  if (out->len == 0)
    g_string_append (out, _("No doses in this period."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

double
cobalt_site_chart_draw (cairo_t       *cr,
                        PangoLayout   *layout,
                        const guint   *counts,
                        double         width,
                        double         row_height,
                        const GdkRGBA *fg,
                        const GdkRGBA *bar)
{
  guint n_sites = cobalt_site_catalogue_get_n_sites ();
  guint max = 0;
  double label_width = 0;
  double y = 0;
  int w, h;

  for (guint i = 0; counts != NULL && i < n_sites; i++)
    max = MAX (max, counts[i]);

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, fg);

  if (max == 0)
    {
      pango_layout_set_text (layout, _("No doses in this period."), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, 0, (row_height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return row_height;
    }

  /* Labels in one column as wide as the widest, bars after them. */
  for (guint i = 0; i < n_sites; i++)
    if (counts[i] > 0)
      {
        pango_layout_set_text (layout, cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i)), -1);
        pango_layout_get_pixel_size (layout, &w, &h);
        label_width = MAX (label_width, w);
      }
  label_width = MIN (label_width + 8, width / 2);

  for (guint i = 0; i < n_sites; i++)
    {
      g_autofree char *number = NULL;
      double bar_space = width - label_width - 40;
      double bar_width;

      if (counts[i] == 0)
        continue;

      gdk_cairo_set_source_rgba (cr, fg);
      pango_layout_set_width (layout, (int) ((label_width - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i)), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, 0, y + (row_height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      pango_layout_set_width (layout, -1);

      bar_width = MAX (2, bar_space * counts[i] / max);
      gdk_cairo_set_source_rgba (cr, bar);
      cairo_rectangle (cr, label_width, y + row_height * 0.2, bar_width, row_height * 0.6);
      cairo_fill (cr);

      number = g_strdup_printf ("%u", counts[i]);
      gdk_cairo_set_source_rgba (cr, fg);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, label_width + bar_width + 6, y + (row_height - h) / 2);
      pango_cairo_show_layout (cr, layout);

      y += row_height;
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  cairo_restore (cr);
  return y;
}
