/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"
#include "cobalt-log-row.h"

G_BEGIN_DECLS

/* The Log table's column titles, laid out with the rows' CobaltLogColumns.
 * A sortable column's title is a button: clicking it sorts by that column,
 * clicking it again reverses the order; the current order is shown by an
 * arrow and in the button's accessible description.
 *
 * Properties: sort (CobaltLogSort), descending. */

#define COBALT_TYPE_LOG_HEADER (cobalt_log_header_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogHeader, cobalt_log_header, COBALT, LOG_HEADER, GtkWidget)

GtkWidget     *cobalt_log_header_new            (CobaltLogColumns *columns);
/* Call once per column, in column order. @sort: a CobaltLogSort, or -1
 * for a column the log cannot be sorted by. */
void           cobalt_log_header_add_column     (CobaltLogHeader  *self,
                                                 CobaltLogColumn   column,
                                                 const char       *title,
                                                 int               sort);
CobaltLogSort  cobalt_log_header_get_sort       (CobaltLogHeader  *self);
gboolean       cobalt_log_header_get_descending (CobaltLogHeader  *self);
void           cobalt_log_header_set_sorting    (CobaltLogHeader  *self,
                                                 CobaltLogSort     sort,
                                                 gboolean          descending);

G_END_DECLS
