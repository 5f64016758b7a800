/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_SITE_CHART (cobalt_site_chart_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSiteChart, cobalt_site_chart, COBALT, SITE_CHART, GtkWidget)

/* The site-rotation summary: one horizontal bar per body site used in the
 * period, longest = most used. The same drawing goes into the PDF report.
 * Its accessible description (and cobalt_site_chart_describe()) says the
 * same in words. */

GtkWidget *cobalt_site_chart_new        (void);
/* @counts: per catalogue site (cobalt_carers_count_sites()); copied. NULL clears. */
void       cobalt_site_chart_set_counts (CobaltSiteChart *self,
                                         const guint     *counts);

/* "Left upper arm: 3 doses. Right outer thigh: 1 dose." or "No doses…". */
char      *cobalt_site_chart_describe   (const guint     *counts);

/* Draws the bars into @width × @height at the current origin, text with
 * @layout (its font is kept), in @fg with bars in @bar. Returns the height
 * used. */
double     cobalt_site_chart_draw       (cairo_t         *cr,
                                         PangoLayout     *layout,
                                         const guint     *counts,
                                         double           width,
                                         double           row_height,
                                         const GdkRGBA   *fg,
                                         const GdkRGBA   *bar);

G_END_DECLS
