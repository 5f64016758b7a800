/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_URGENT_HELP (cobalt_urgent_help_get_type ())
G_DECLARE_FINAL_TYPE (CobaltUrgentHelp, cobalt_urgent_help, COBALT, URGENT_HELP, GtkWidget)

/* What to do when something is wrong, one key away from every page and
 * every checklist step (docs/clinical-sources.md, "Reactions and what to
 * do"): the emergency signs and when they come, the urgent-advice signs,
 * what to do at each level with @person's numbers, the numbers themselves
 * (emergency, urgent advice, clinic), and "Follow your clinic's
 * instructions." Every clinical sentence comes from the catalogue.
 *
 * @person may be NULL (nobody set up yet): the numbers are then unknown
 * and the catalogue says "Call your emergency number now". A
 * GtkOrientable: horizontal puts the two levels side by side (the
 * checklist's Stop page), vertical one above the other (the window). */
GtkWidget    *cobalt_urgent_help_new        (CobaltPerson     *person);
CobaltPerson *cobalt_urgent_help_get_person (CobaltUrgentHelp *self);
void          cobalt_urgent_help_set_person (CobaltUrgentHelp *self,
                                             CobaltPerson     *person);

/* The help in a window of its own titled "Urgent help": modal, transient
 * for @parent (may be NULL), closed by Escape or its Close button.
 * The caller presents it. */
GtkWindow    *cobalt_urgent_help_window_new (GtkWindow        *parent,
                                             CobaltPerson     *person);

G_END_DECLS
