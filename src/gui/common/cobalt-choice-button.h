/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A check box, or with "radio" a radio button, that assistive technology
 * can tick. GTK 4.8 gives GtkCheckButton no AT-SPI action, so a screen
 * reader user could read a stop reason or a reaction but not choose it;
 * a GtkToggleButton has the "click" action. This one looks like a check
 * (or radio) button, wraps its label, and tells AT-SPI it is a check box
 * (or radio button) with a "checked" state.
 *
 * It is a GtkToggleButton: use its "active", "toggled", "group" and
 * GtkButton's "label" and "use-underline" as for a check button. */

#define COBALT_TYPE_CHOICE_BUTTON (cobalt_choice_button_get_type ())

G_DECLARE_FINAL_TYPE (CobaltChoiceButton, cobalt_choice_button, COBALT, CHOICE_BUTTON, GtkToggleButton)

/* A check box with the mnemonic label @label (may be NULL). */
GtkWidget *cobalt_choice_button_new        (const char         *label);
/* A radio button with the mnemonic label @label, in @group's group (or
 * a new group when @group is NULL). */
GtkWidget *cobalt_choice_button_new_radio  (const char         *label,
                                            CobaltChoiceButton *group);
gboolean   cobalt_choice_button_get_radio  (CobaltChoiceButton *self);

G_END_DECLS
