/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of widgets that folds into a column when it is too narrow for
 * them: side by side while the width holds every child at its natural
 * width (a child that expands at its minimum), one under the other
 * otherwise, each the full width. The Preferences window's sections
 * beside its pages, a phase's fields, a person's buttons: one line on a
 * wide window, stacked at 360 px or with large text.
 *
 * Side by side, the extra width goes to the children that expand; in a
 * column, the extra height goes to those that expand vertically (or to
 * the last child). In a .ui file, children are added with <child>. */

#define COBALT_TYPE_FOLD_BOX (cobalt_fold_box_get_type ())

G_DECLARE_FINAL_TYPE (CobaltFoldBox, cobalt_fold_box, COBALT, FOLD_BOX, GtkWidget)

GtkWidget *cobalt_fold_box_new         (int            spacing);
void       cobalt_fold_box_append      (CobaltFoldBox *self,
                                        GtkWidget     *child);
void       cobalt_fold_box_remove      (CobaltFoldBox *self,
                                        GtkWidget     *child);
/* The narrowest width at which the children stand side by side. */
int        cobalt_fold_box_get_fold_width (CobaltFoldBox *self);
/* Whether the last allocation stacked the children. */
gboolean   cobalt_fold_box_get_folded  (CobaltFoldBox *self);

G_END_DECLS
