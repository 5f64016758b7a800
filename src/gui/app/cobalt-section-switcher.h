/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_SECTION_SWITCHER (cobalt_section_switcher_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSectionSwitcher, cobalt_section_switcher, COBALT, SECTION_SWITCHER, GtkWidget)

/* The pages of a GtkStack, by title, for choosing one. Unlike
 * GtkStackSidebar, moving the keyboard focus never switches the page:
 * choosing does (Enter, Space or a click on a row, or an item picked in
 * the compact drop-down), and then only by "section-activated", so that
 * the window decides and can move the focus into the page.
 *
 * Not compact: a navigation list, the page shown marked (a selection
 * would follow the focus). It is one stop in the Tab order: Tab lands on
 * the row of the page shown, arrow keys move between the rows, the next
 * Tab leaves for what follows.
 *
 * Compact ("compact", construct-only): a drop-down named "Section", for a
 * narrow window (CobaltFoldBox's switcher). */
GtkWidget  *cobalt_section_switcher_new        (GtkStack              *stack,
                                                gboolean               compact);

void        cobalt_section_switcher_set_stack  (CobaltSectionSwitcher *self,
                                                GtkStack              *stack);
GtkStack   *cobalt_section_switcher_get_stack  (CobaltSectionSwitcher *self);
gboolean    cobalt_section_switcher_get_compact (CobaltSectionSwitcher *self);

/* The focusable control that stands for the page shown: its row, or the
 * drop-down. NULL when the stack has no pages. */
GtkWidget  *cobalt_section_switcher_get_current (CobaltSectionSwitcher *self);

G_END_DECLS
