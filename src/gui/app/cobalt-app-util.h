/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the window, the first-run form and the problem page: accessible
 * names GTK 4.8 leaves out, and forms that fit a narrow window. */

/* The button inside @dropdown, which is what a screen reader lands on, is
 * named "@name: <its choice>" and kept so as the choice changes. */
void  cobalt_app_name_drop_down        (GtkDropDown    *dropdown,
                                        const char     *name);

/* @check is named by its label without the mnemonic's underscore
 * (GTK 4.8 reads "_Already having injections"). Again after a change of
 * label. */
void  cobalt_app_name_check_button     (GtkCheckButton *check);

/* The search button of @overlay (a GtkShortcutsWindow), a bare icon in
 * GTK 4.8, is named "Search Shortcuts", the menu of its sections
 * "Shortcuts Section". */
void  cobalt_app_name_shortcuts_window (GtkWindow      *overlay);

/* One column, each caption above its field, so that a form fits 360 px
 * and large text, where a column of captions beside the fields would
 * leave these no room. @grid has captions in column 0 and the rest in
 * column 1 (as CobaltNumberFields fills a grid): row r becomes rows 2r
 * (the caption, more space above it than below) and 2r + 1 (the rest). */
void  cobalt_app_stack_captions        (GtkGrid        *grid);

/* @check's label (its "label" property, so that it names the button)
 * wraps onto more lines in a narrow window. */
void  cobalt_app_wrap_check_label      (GtkCheckButton *check);

G_END_DECLS
