/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

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

/* cobalt_csv_parse(), and in @dose_lines (guint, may be NULL) the line
 * each returned dose starts on. */
GPtrArray  *cobalt_csv_parse_lines  (const char  *data,
                                     gsize        length,
                                     gint64       person_id,
                                     GArray     **dose_lines,
                                     GPtrArray  **problems,
                                     GError     **error);
/* Appends a CobaltCsvProblem (@message without the line number). */
void        cobalt_csv_add_problem  (GPtrArray   *problems,
                                     guint        line,
                                     const char  *message);
/* TRUE when @problems (CobaltCsvProblem, taken) is empty; else FALSE
 * with COBALT_IMPORT_ERROR_MALFORMED listing them in line order ("Line 3:
 * …"), and the sorted list in @problems_out (may be NULL). */
gboolean    cobalt_csv_report_problems (GPtrArray  *problems,
                                        GPtrArray **problems_out,
                                        GError    **error);

G_END_DECLS
