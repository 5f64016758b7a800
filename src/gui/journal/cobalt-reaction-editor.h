/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_REACTION_EDITOR (cobalt_reaction_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReactionEditor, cobalt_reaction_editor, COBALT, REACTION_EDITOR, GtkWindow)

/* Changes a stored reaction: what was noticed (the catalogue's kinds, each
 * with its triage level, and the advice for it shown at once), the dose it
 * followed, and the note. The time it was noted and its id stay. ::saved
 * (gint64 id) after the change was stored; Save then closes the window.
 * @person is whose reaction it is (their emergency number and clinic are
 * in the advice; may be NULL): the editor stays on them while open. */

CobaltReactionEditor *cobalt_reaction_editor_new        (GtkWindow            *parent,
                                                         CobaltContext        *context,
                                                         CobaltPerson         *person,
                                                         CobaltReaction       *reaction);
/* As if chosen in the form; FALSE for an unknown kind. */
gboolean              cobalt_reaction_editor_set_kind   (CobaltReactionEditor *self,
                                                         const char           *kind);
/* The triage level and advice shown for the chosen kind. */
const char           *cobalt_reaction_editor_get_advice (CobaltReactionEditor *self);
/* What Save does (without closing); FALSE with the reason shown. */
gboolean              cobalt_reaction_editor_save       (CobaltReactionEditor *self,
                                                         GError              **error);

G_END_DECLS
