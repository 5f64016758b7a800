/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SUPPLY_EDITOR (cobalt_supply_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSupplyEditor, cobalt_supply_editor, COBALT, SUPPLY_EDITOR, GtkWindow)

/* Adds or edits one supply item: a batch of ampoules (product, strength,
 * batch number, expiry, count, received on, with the storage advice for
 * the product) or a pack of needles, syringes, swabs or plasters. Each
 * refused field says why beside it; nothing is stored until all of it is
 * valid. ::saved (gint64 id) after the item was stored; the window then
 * closes itself. */

/* @item NULL: a new item of @kind for the context's person (who must be
 * set), starting from the product and strength of their prescription (the
 * only batch that counts as stock for it). Otherwise a copy of @item is
 * edited (its kind stays). Either way the item stays its person's while
 * the editor is open, whoever the context turns to. */
CobaltSupplyEditor *cobalt_supply_editor_new  (GtkWindow          *parent,
                                               CobaltContext      *context,
                                               CobaltSupplyItem   *item,
                                               CobaltSupplyKind    kind);
/* What Save does; FALSE with the reasons shown beside the fields. */
gboolean            cobalt_supply_editor_save (CobaltSupplyEditor *self,
                                               GError            **error);

G_END_DECLS
