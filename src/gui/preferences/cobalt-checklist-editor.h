/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKLIST_EDITOR (cobalt_checklist_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChecklistEditor, cobalt_checklist_editor, COBALT, CHECKLIST_EDITOR, GtkWidget)

/* The person's checklist definition: reorder (up/down), add, remove and
 * reword steps, or reset to the default ten. Nothing is stored until Save;
 * a step without a title is refused next to it. Properties: context,
 * person (construct-only: the checklist is @person's, whoever the context
 * turns to while the editor is open). */

GtkWidget  *cobalt_checklist_editor_new         (CobaltContext    *context,
                                                 CobaltPerson     *person);
guint       cobalt_checklist_editor_get_n_steps (CobaltChecklistEditor *self);
const char *cobalt_checklist_editor_get_title   (CobaltChecklistEditor *self,
                                                 guint                  index);
void        cobalt_checklist_editor_set_title   (CobaltChecklistEditor *self,
                                                 guint                  index,
                                                 const char            *title);
void        cobalt_checklist_editor_move        (CobaltChecklistEditor *self,
                                                 guint                  index,
                                                 int                    delta);
void        cobalt_checklist_editor_remove      (CobaltChecklistEditor *self,
                                                 guint                  index);
void        cobalt_checklist_editor_add         (CobaltChecklistEditor *self);
gboolean    cobalt_checklist_editor_save        (CobaltChecklistEditor *self,
                                                 GError               **error);
gboolean    cobalt_checklist_editor_reset       (CobaltChecklistEditor *self,
                                                 GError               **error);

G_END_DECLS
