/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SUPPLIES_PAGE (cobalt_supplies_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSuppliesPage, cobalt_supplies_page, COBALT, SUPPLIES_PAGE, GtkWidget)

/* The supply cupboard of the context's person (who must be set; followed
 * as the context turns to someone else): days of supply left against the
 * schedule (with the reorder lead time), the warnings, the medicine batches
 * with their storage advice, needles, syringes, swabs and plasters, and the
 * sharps bin. Follows the repository's ::changed. Properties: context,
 * low-stock-lead-days (bound to the preference). */

GtkWidget    *cobalt_supplies_page_new         (CobaltContext      *context);
void          cobalt_supplies_page_refresh     (CobaltSuppliesPage *self);
/* Opens the editor for a new item of @kind (what "Add batch" and "Add
 * supplies" do) and returns it. */
GtkWidget    *cobalt_supplies_page_add_item    (CobaltSuppliesPage *self,
                                                CobaltSupplyKind    kind);
/* What "Replaced today" does. */
gboolean      cobalt_supplies_page_replace_bin (CobaltSuppliesPage *self,
                                                GError            **error);
/* The days-of-supply sentence shown at the top (for tests). */
const char   *cobalt_supplies_page_get_days_text (CobaltSuppliesPage *self);

G_END_DECLS
