/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_LOG_PAGE (cobalt_log_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogPage, cobalt_log_page, COBALT, LOG_PAGE, GtkWidget)

/* The injection log of the context's person (followed as the context
 * turns to someone else): a table (GtkListView of CobaltLogRow under a
 * CobaltLogHeader) over the lazily loaded CobaltDoseListModel, read when
 * the page is first shown, sortable by clicking a column title, with a
 * filter bar (notes search, date range, site, given by, with reactions,
 * stopped checklists), editing in a validated form, deletion with an Undo
 * bar, and print / export actions ("log.edit", "log.delete", "log.undo",
 * "log.print", "log.export-csv", "log.export-pdf", "log.export-ics",
 * "log.import-csv"). */

CobaltLogPage       *cobalt_log_page_new        (CobaltContext    *context);

/* The model behind the view (for tests). */
CobaltDoseListModel *cobalt_log_page_get_model  (CobaltLogPage    *self);
GtkListView         *cobalt_log_page_get_view   (CobaltLogPage    *self);
/* Sets the notes search at once (no typing delay). */
void                 cobalt_log_page_set_search (CobaltLogPage    *self,
                                                 const char       *text);
/* Selects the row at @position (for tests and keyboard users). */
void                 cobalt_log_page_select     (CobaltLogPage    *self,
                                                 guint             position);

G_END_DECLS
