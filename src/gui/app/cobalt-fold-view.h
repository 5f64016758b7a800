/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_FOLD_VIEW (cobalt_fold_view_get_type ())
G_DECLARE_FINAL_TYPE (CobaltFoldView, cobalt_fold_view, COBALT, FOLD_VIEW, GtkWidget)

/* A sidebar beside the content when there is room for both, and a compact
 * switcher above the content when there is not (as libadwaita's AdwLeaflet
 * folds; GTK 4.8 has nothing like it). The view decides while it is being
 * allocated: it folds when its width is less than the sidebar's and the
 * content's minimum widths together, or less than "fold-threshold" (in
 * pixels at the normal text size, more with larger text, like
 * libadwaita's breakpoints in "sp"; 0, the default, for none). What else
 * shares the window's width (its header bar) can then make room when it
 * is folded, as long as it fits the threshold unfolded.
 *
 * It shows one of sidebar and switcher with gtk_widget_set_child_visible(),
 * so that nothing is shown or hidden during the layout. Its minimum width
 * is the folded one (the switcher or the content, whichever is wider), its
 * natural width the unfolded one. "folded" is notified from size_allocate:
 * a handler must not change what is visible there and then (defer it to an
 * idle). */
GtkWidget  *cobalt_fold_view_new                   (void);

void        cobalt_fold_view_set_sidebar           (CobaltFoldView *self,
                                                    GtkWidget      *sidebar);
GtkWidget  *cobalt_fold_view_get_sidebar           (CobaltFoldView *self);
void        cobalt_fold_view_set_switcher          (CobaltFoldView *self,
                                                    GtkWidget      *switcher);
GtkWidget  *cobalt_fold_view_get_switcher          (CobaltFoldView *self);
void        cobalt_fold_view_set_content           (CobaltFoldView *self,
                                                    GtkWidget      *content);
GtkWidget  *cobalt_fold_view_get_content           (CobaltFoldView *self);

void        cobalt_fold_view_set_fold_threshold    (CobaltFoldView *self,
                                                    int             fold_threshold);
int         cobalt_fold_view_get_fold_threshold    (CobaltFoldView *self);
/* The threshold in pixels at the present text size. */
int         cobalt_fold_view_get_scaled_threshold  (CobaltFoldView *self);

/* As of the last allocation: the switcher is shown, the sidebar is not. */
gboolean    cobalt_fold_view_get_folded            (CobaltFoldView *self);

G_END_DECLS
