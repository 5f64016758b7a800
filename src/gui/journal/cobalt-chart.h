/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the horizontal axis counts. */
typedef enum
{
  COBALT_CHART_AXIS_DATE = 0, /* x is a Julian day number (GDate) */
  COBALT_CHART_AXIS_DAYS = 1, /* x is a number of days (since a dose) */
} CobaltChartAxis;

#define COBALT_TYPE_CHART (cobalt_chart_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChart, cobalt_chart, COBALT, CHART, GtkWidget)

/* A small cairo chart: points (joined by a line or not), an optional band
 * (a lab's reference range) and markers along the bottom (dose days). It
 * draws in the theme's colours, scales to its size, shows each point's
 * tooltip under the pointer, and carries a text summary as its accessible
 * description (the "summary" property) for anyone who cannot see it.
 *
 * Properties: title (the accessible label), summary, axis, y-label,
 * empty-text (shown when there are no points). */

GtkWidget   *cobalt_chart_new            (void);

/* Removes the points, markers and band (not the title or axis). */
void         cobalt_chart_clear          (CobaltChart     *self);

void         cobalt_chart_set_title      (CobaltChart     *self,
                                          const char      *title);
const char  *cobalt_chart_get_title      (CobaltChart     *self);
void         cobalt_chart_set_axis       (CobaltChart     *self,
                                          CobaltChartAxis  axis);
CobaltChartAxis cobalt_chart_get_axis    (CobaltChart     *self);
void         cobalt_chart_set_y_label    (CobaltChart     *self,
                                          const char      *label);
void         cobalt_chart_set_empty_text (CobaltChart     *self,
                                          const char      *text);
/* A fixed vertical range (0–10 for scores); min >= max lets the chart fit
 * the data (and the band). */
void         cobalt_chart_set_y_range    (CobaltChart     *self,
                                          double           min,
                                          double           max);
/* Join points in x order (time series) or draw them on their own (the
 * symptom-return scatter). */
void         cobalt_chart_set_join_points (CobaltChart    *self,
                                          gboolean         join);

/* @tooltip: what the pointer shows at the point ("Energy 6, 3 May 2025"). */
void         cobalt_chart_add_point      (CobaltChart     *self,
                                          double           x,
                                          double           y,
                                          const char      *tooltip);
/* The same, drawn with a second ring around it: a point to read with
 * care (a lab result taken soon after an injection). The view says what
 * the ring means in its summary and tooltip. */
void         cobalt_chart_add_flagged_point (CobaltChart  *self,
                                          double           x,
                                          double           y,
                                          const char      *tooltip);
guint        cobalt_chart_get_n_flagged  (CobaltChart     *self);
/* Whether point @index (in the order added) is flagged. */
gboolean     cobalt_chart_get_point_flagged (CobaltChart  *self,
                                          guint            index);
/* A marker on the axis at @x (a dose day), with its tooltip. */
void         cobalt_chart_add_marker     (CobaltChart     *self,
                                          double           x,
                                          const char      *tooltip);
/* The band between @low and @high (either may be NAN for one-sided);
 * @label is drawn in it ("Lab's range"). Both NAN: no band. */
void         cobalt_chart_set_band       (CobaltChart     *self,
                                          double           low,
                                          double           high,
                                          const char      *label);

guint        cobalt_chart_get_n_points   (CobaltChart     *self);
guint        cobalt_chart_get_n_markers  (CobaltChart     *self);

/* Also the accessible description. */
void         cobalt_chart_set_summary    (CobaltChart     *self,
                                          const char      *summary);
const char  *cobalt_chart_get_summary    (CobaltChart     *self);

/* The tooltip of the point drawn nearest to (@x, @y) in widget
 * coordinates, within a few pixels; NULL when there is none. For
 * query-tooltip, and tests. */
const char  *cobalt_chart_get_tooltip_at (CobaltChart     *self,
                                          double           x,
                                          double           y);
/* Where point @index is drawn, in widget coordinates; FALSE before the
 * widget has a size. */
gboolean     cobalt_chart_get_point_position (CobaltChart *self,
                                              guint        index,
                                              double      *x,
                                              double      *y);

G_END_DECLS
