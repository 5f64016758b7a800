/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the People and Preferences windows and their forms share. */

/* Names the button inside @dropdown, the control a screen reader lands
 * on, by what it chooses and its choice ("Route: Into the muscle (IM)"),
 * and keeps it so as the choice changes. GTK 4.8 leaves that button
 * without a name. */
void cobalt_preferences_name_drop_down (GtkDropDown *dropdown,
                                        const char  *name);

/* Never wider or taller than the window @window belongs to: on a narrow
 * screen a dialog fits it rather than its default size. Call once the
 * transient parent is set. */
void cobalt_preferences_fit_parent     (GtkWindow   *window);

G_END_DECLS
