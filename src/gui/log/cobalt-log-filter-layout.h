/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Log's filter bar needs about 1000 pixels in one line: this layout
 * puts its children in their order at their natural widths and wraps them
 * into as many lines as the width needs; the controls that expand (the
 * search entry) share what is left of their line. */
GtkLayoutManager *cobalt_log_filter_layout_new (void);

G_END_DECLS
