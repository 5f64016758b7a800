/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-dose.h"
#include "cobalt-repository.h"
#include "cobalt-export.h"

G_BEGIN_DECLS

/* CSV export and import of a person's injection log, for the clinic.
 *
 * The format (also in README.md):
 * - RFC 4180: records end with CRLF; a field containing a comma, a double
 *   quote, CR or LF is enclosed in double quotes, and quotes inside are
 *   doubled. UTF-8 without a byte-order mark (the importer skips one, as
 *   spreadsheets often write it, and accepts bare LF line ends).
 * - The first record is a header of stable English column names (see
 *   cobalt_csv_columns()), the same in every locale so that a file moves
 *   between computers. Columns are matched by name on import; "site_name",
 *   "checklist" and "reactions" are written for people to read and ignored
 *   on import.
 * - "given_at" is ISO 8601 local time with its UTC offset
 *   (2024-03-01T09:05:00+00:00) and "timezone" the zone it was given in:
 *   an IANA name the system's zone database knows (Europe/London), UTC,
 *   or a fixed offset (+01:00); never a path (cobalt-time-zone.h);
 *   numbers use "." whatever the locale; dates are YYYY-MM-DD; product, unit
 *   and given_by use the stored identifiers ("hydroxocobalamin", "mg",
 *   "self"...).
 * - A cell a spreadsheet would run as a formula (starting with = + - @ TAB
 *   or CR) is written with a leading apostrophe; a cell that starts with
 *   apostrophes followed by such a character gets one more. The importer
 *   removes exactly that one apostrophe, so every cell round-trips.
 *
 * Import parses and checks the whole file first: its format, then every
 * row against the rules every way of logging meets (cobalt-dose-rules.h:
 * not in the future, not before the person's birth or 1950, the
 * prescription's dose and medicine). When any row is bad, nothing is
 * imported and the error lists every bad row with its line number (the
 * physical line the record starts on, counting the header as line 1) and
 * the field and reason ("Line 3: The date 2030-01-05 is in the future."),
 * one line per problem: line breaks and other control characters in a
 * cell are shown as a space, and a cell longer than 60 characters is cut
 * short with "…";
 * rows the format refuses are reported first, the rules' refusals once
 * the format is right. Rows already in the log (same person, same
 * instant) are skipped, so importing the same file twice does not
 * duplicate doses. The rest is written through the repository
 * (cobalt_repository_import_doses()) in one transaction, without touching
 * supplies. */

#define COBALT_IMPORT_ERROR (cobalt_import_error_quark ())
typedef enum
{
  COBALT_IMPORT_ERROR_MALFORMED,  /* bad rows: see the message or the problem list */
  COBALT_IMPORT_ERROR_READ,       /* the file could not be read */
} CobaltImportError;
GQuark cobalt_import_error_quark (void);

/* One bad row found by the parser. */
typedef struct
{
  guint  line;     /* 1-based physical line the record starts on */
  char  *message;  /* translated, without the line number */
} CobaltCsvProblem;

void cobalt_csv_problem_free (CobaltCsvProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltCsvProblem, cobalt_csv_problem_free)

/* The header, NULL-terminated, in file order. */
const char * const *cobalt_csv_columns           (void);

/* One cell with the formula escape applied (not yet quoted). */
char               *cobalt_csv_escape_cell       (const char *value);
/* The inverse of cobalt_csv_escape_cell(). */
char               *cobalt_csv_unescape_cell     (const char *cell);

/* The header record, and one record per dose. @checklist and @reactions
 * fill the export-only columns (may be NULL). */
void                cobalt_csv_write_header      (GString    *out);
void                cobalt_csv_write_dose        (GString    *out,
                                                  CobaltDose *dose,
                                                  const char *checklist,
                                                  const char *reactions);

/* Splits @data into records of fields (RFC 4180 plus the leniencies
 * above). Returns a GPtrArray of GStrv (the cells, unescaped); @lines
 * receives the starting line of each record. Structural errors (a stray
 * quote, an unterminated quoted field) go to @problems and that record is
 * left out. */
GPtrArray          *cobalt_csv_split             (const char *data,
                                                  gsize       length,
                                                  GArray    **lines,
                                                  GPtrArray  *problems);

/* Parses a whole file into new CobaltDose objects for @person_id. Returns
 * NULL and fills @problems (CobaltCsvProblem, in line order) and @error
 * (COBALT_IMPORT_ERROR_MALFORMED, every problem in its message) when any
 * row is bad. @problems may be NULL. */
GPtrArray          *cobalt_csv_parse             (const char *data,
                                                  gsize       length,
                                                  gint64      person_id,
                                                  GPtrArray **problems,
                                                  GError    **error);

/* Writes every not-deleted dose given (not the doses not given on the
 * clinic's advice) of @person_id to @path: the file is created 0600 and
 * replaced atomically. */
gboolean            cobalt_csv_export            (CobaltRepository *repository,
                                                  gint64            person_id,
                                                  const char       *path,
                                                  GError          **error);
/* The file's content as cobalt_csv_export() writes it. */
char               *cobalt_csv_export_to_string  (CobaltRepository *repository,
                                                  gint64            person_id,
                                                  gsize            *length,
                                                  GError          **error);

/* Reads @path, parses it all, then inserts the new doses in one
 * transaction. @n_imported / @n_skipped (may be NULL) receive how many rows
 * were added and how many were already in the log. */
gboolean            cobalt_csv_import            (CobaltRepository *repository,
                                                  gint64            person_id,
                                                  const char       *path,
                                                  guint            *n_imported,
                                                  guint            *n_skipped,
                                                  GPtrArray       **problems,
                                                  GError          **error);
/* The same from memory. */
gboolean            cobalt_csv_import_data       (CobaltRepository *repository,
                                                  gint64            person_id,
                                                  const char       *data,
                                                  gsize             length,
                                                  guint            *n_imported,
                                                  guint            *n_skipped,
                                                  GPtrArray       **problems,
                                                  GError          **error);

G_END_DECLS
