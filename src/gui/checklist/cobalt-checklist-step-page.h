/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKLIST_STEP_PAGE (cobalt_checklist_step_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChecklistStepPage, cobalt_checklist_step_page, COBALT, CHECKLIST_STEP_PAGE, GtkWidget)

/* One page of the checklist wizard: the step's title and explanation, an
 * optional detail (the batch expiry, the site picker, the technique) and
 * the "Done" tick. The wizard owns the logic; this is the layout.
 * ::move-on when Enter is pressed on the ticked "Done" (it never unticks
 * it: Space, a click or Alt+D do that). */

GtkWidget      *cobalt_checklist_step_page_new        (guint       index,
                                                       const char *kind,
                                                       const char *title,
                                                       const char *explanation);
guint           cobalt_checklist_step_page_get_index  (CobaltChecklistStepPage *self);
const char     *cobalt_checklist_step_page_get_kind   (CobaltChecklistStepPage *self);
GtkToggleButton *cobalt_checklist_step_page_get_check (CobaltChecklistStepPage *self);
/* Replaces the detail area's content (NULL empties it). */
void            cobalt_checklist_step_page_set_detail (CobaltChecklistStepPage *self,
                                                       GtkWidget               *detail);
GtkWidget      *cobalt_checklist_step_page_get_detail (CobaltChecklistStepPage *self);
/* An inline message under the tick (why it cannot be ticked yet); NULL hides. */
void            cobalt_checklist_step_page_set_message (CobaltChecklistStepPage *self,
                                                        const char              *message);

G_END_DECLS
