/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* The identifiers the CSV file uses for stored enums (never translated). */
const char *cobalt_csv_product_id  (CobaltProduct  product);
const char *cobalt_csv_unit_id     (CobaltDoseUnit unit);
const char *cobalt_csv_given_by_id (CobaltGivenBy  given_by);

/* One record from its cells in cobalt_csv_columns() order (NULL = empty);
 * escapes, quotes and ends it with CRLF. */
void        cobalt_csv_write_record (GString            *out,
                                     const char * const *values);

G_END_DECLS
