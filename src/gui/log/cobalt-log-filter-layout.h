/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A wrapping layout: children in their order at their natural widths,
 * wrapped into as many lines as the width needs; the children that expand
 * share what is left of their line, and each line is as tall as its
 * tallest child needs at the width it got (a wrapping label grows).
 *
 * The Log's filter bar and its actions need about 1000 pixels in one line,
 * the Calendar's month and its day list about 700: in a narrow window (or
 * with large text) they wrap instead of making the window wider. */
GtkLayoutManager *cobalt_log_filter_layout_new (void);
/* Gives @container this layout, with @spacing pixels between its children
 * and between its lines. */
void              cobalt_log_filter_layout_apply (GtkWidget *container,
                                                  int        spacing);

G_END_DECLS
