/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of widgets that wraps onto more lines when it is too narrow, like
 * words in a paragraph: each child at its natural width (never wider than
 * the box), in order, as many to a line as fit. In a line, the width left
 * over goes to the children that expand horizontally; without one, the
 * line starts at the start, or at the end with "pack-end". A button row
 * ("Back", "Next") stays one line on a wide window and folds at 360 px or
 * with large text, and a message beside its buttons goes above them.
 *
 * "max-per-line" limits a line to so many children (1: always a column).
 * In a .ui file, children are added with <child>. Focus follows the
 * children's order. */

#define COBALT_TYPE_WRAP_BOX (cobalt_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (CobaltWrapBox, cobalt_wrap_box, COBALT, WRAP_BOX, GtkWidget)

GtkWidget *cobalt_wrap_box_new              (int            spacing);
void       cobalt_wrap_box_append           (CobaltWrapBox *self,
                                             GtkWidget     *child);
void       cobalt_wrap_box_remove           (CobaltWrapBox *self,
                                             GtkWidget     *child);
void       cobalt_wrap_box_set_pack_end     (CobaltWrapBox *self,
                                             gboolean       pack_end);
void       cobalt_wrap_box_set_max_per_line (CobaltWrapBox *self,
                                             guint          max_per_line);
/* How many lines the last allocation used (0 before the first). */
guint      cobalt_wrap_box_get_n_lines      (CobaltWrapBox *self);

G_END_DECLS
