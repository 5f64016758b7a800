/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV export/import of the injection log; the format is described in
 * cobalt-csv.h. The export and import of rows through the database live
 * in cobalt-csv-io.c. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-csv.h"
#include "cobalt-csv-private.h"
#include "cobalt-site.h"
#include "cobalt-time-zone.h"

G_DEFINE_QUARK (cobalt-import-error-quark, cobalt_import_error)

enum
{
  COL_GIVEN_AT,
  COL_TIMEZONE,
  COL_SITE,
  COL_SITE_NAME,
  COL_PRODUCT,
  COL_AMOUNT,
  COL_UNIT,
  COL_BATCH,
  COL_EXPIRY,
  COL_GIVEN_BY,
  COL_GIVEN_BY_NAME,
  COL_CHECKLIST,
  COL_REACTIONS,
  COL_NOTES,
  N_COLUMNS
};

static const char * const columns[N_COLUMNS + 1] = {
  "given_at", "timezone", "site", "site_name", "product", "amount", "unit",
  "batch", "expiry", "given_by", "given_by_name", "checklist", "reactions",
  "notes", NULL
};

/* Stored identifiers, indexed by the enum values of cobalt-types.h. They
 * are part of the file format: never translate or reorder. */
static const char * const product_ids[] = {
  "hydroxocobalamin", "cyanocobalamin", "methylcobalamin", "other", NULL
};
static const char * const unit_ids[] = { "mg", "mcg", "mL", NULL };
static const char * const given_by_ids[] = { "self", "carer", "clinic", NULL };

/* Static helpers ------------------------------------------------------- */

static int
lookup_id (const char * const *ids,
           const char         *value)
{
  for (int i = 0; ids[i] != NULL; i++)
    if (g_ascii_strcasecmp (ids[i], value) == 0)
      return i;
  return -1;
}

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* A cell needs the apostrophe when a spreadsheet would run it, or when it
 * already looks like an escaped cell (so that unescaping stays exact). */
static gboolean
needs_escape (const char *value)
{
  while (*value == '\'')
    value++;
  return is_formula_start (*value);
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  g_autofree char *cell = NULL;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || *value == '\0')
    return;

  cell = cobalt_csv_escape_cell (value);
  if (strpbrk (cell, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = cell; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, cell);
}

/* Takes @message; every run of line breaks and other control characters
 * becomes one space, so that the report has one line per problem
 * whatever a cell held (a quoted line break, a stray CR). */
static char *
one_line (char *message)
{
  g_autofree char *owned = message;
  g_autofree char *valid = NULL;
  GString *out;
  gboolean in_break = FALSE;

  if (!g_utf8_validate (message, -1, NULL))
    message = valid = g_utf8_make_valid (message, -1);

  out = g_string_sized_new (strlen (message));
  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        {
          if (!in_break)
            g_string_append_c (out, ' ');
          in_break = TRUE;
          continue;
        }
      in_break = FALSE;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* A cell as a message shows it: at most MAX_SHOWN characters (the rest
 * is in the file; a message is read, not copied back). */
#define MAX_SHOWN 60

static char *
cell_for_message (const char *value)
{
  g_autofree char *head = NULL;

  if (value == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (value, -1) <= MAX_SHOWN)
    return g_strdup (value);
  head = g_utf8_substring (value, 0, MAX_SHOWN);
  return g_strconcat (head, "…", NULL);
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *format,
             ...)
{
  CobaltCsvProblem *problem;
  va_list args;

  if (problems == NULL)
    return;

  problem = g_new0 (CobaltCsvProblem, 1);
  problem->line = line;
  va_start (args, format);
  problem->message = one_line (g_strdup_vprintf (format, args));
  va_end (args);
  g_ptr_array_add (problems, problem);
}

/* A problem about a cell's @value: the format has one %s for it. */
#define add_value_problem(problems, line, format, value) \
  G_STMT_START { \
    g_autofree char *shown_ = cell_for_message (value); \
    add_problem (problems, line, format, shown_); \
  } G_STMT_END

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CobaltCsvProblem *pa = *(CobaltCsvProblem * const *) a;
  const CobaltCsvProblem *pb = *(CobaltCsvProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

static gboolean
is_blank_record (GStrv fields)
{
  return g_strv_length (fields) == 1 && fields[0][0] == '\0';
}

static gboolean
parse_amount (const char *text,
              double     *amount)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return FALSE;
  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (value) || value <= 0)
    return FALSE;
  *amount = value;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  /* Exactly YYYY-MM-DD: sscanf() alone would take "+001-01-01". */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The dose of one data record, or NULL after adding its problems. */
static CobaltDose *
parse_record (GStrv       fields,
              const int  *map,
              guint       line,
              gint64      person_id,
              GPtrArray  *problems)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  guint n_fields = g_strv_length (fields);
  guint before = problems->len;
  const char *values[N_COLUMNS] = { NULL, };
  double amount = 0;
  int product, unit, given_by = COBALT_GIVEN_BY_SELF;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (map[i] >= 0 && (guint) map[i] < n_fields)
      values[i] = fields[map[i]];

  dose->person_id = person_id;

  /* given_at, interpreted in the timezone column when there is one */
  if (values[COL_GIVEN_AT] == NULL || *values[COL_GIVEN_AT] == '\0')
    add_problem (problems, line, _("the date and time (given_at) is missing"));
  else if (!(instant = g_date_time_new_from_iso8601 (values[COL_GIVEN_AT], NULL)))
    add_value_problem (problems, line,
                       _("“%s” is not a date and time like 2024-03-01T09:05:00+00:00"),
                       values[COL_GIVEN_AT]);
  if (values[COL_TIMEZONE] != NULL && *values[COL_TIMEZONE] != '\0')
    {
      /* Checked before GLib sees it: GLib would open a path or a fifo
       * as a zone file (cobalt-time-zone.h). */
      tz = cobalt_time_zone_new_checked (values[COL_TIMEZONE]);
      if (tz == NULL)
        add_value_problem (problems, line, _("“%s” is not a known time zone name, like Europe/London"),
                           values[COL_TIMEZONE]);
    }
  if (instant != NULL)
    {
      if (tz != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
          cobalt_dose_set_given_at (dose, local);
        }
      else
        cobalt_dose_set_given_at (dose, instant);
    }

  if (values[COL_SITE] != NULL && *values[COL_SITE] != '\0')
    {
      if (cobalt_site_catalogue_lookup (values[COL_SITE]) == NULL)
        add_value_problem (problems, line, _("“%s” is not a known injection site"),
                           values[COL_SITE]);
      else
        cobalt_set_str (&dose->site_id, values[COL_SITE]);
    }

  product = values[COL_PRODUCT] ? lookup_id (product_ids, values[COL_PRODUCT]) : -1;
  if (product < 0)
    add_value_problem (problems, line,
                       _("the product “%s” is not one of hydroxocobalamin, cyanocobalamin, methylcobalamin, other"),
                       values[COL_PRODUCT]);
  else
    dose->product = product;

  if (!parse_amount (values[COL_AMOUNT], &amount))
    add_value_problem (problems, line, _("the amount “%s” is not a number above zero"),
                       values[COL_AMOUNT]);
  else
    dose->amount = amount;

  unit = values[COL_UNIT] ? lookup_id (unit_ids, values[COL_UNIT]) : -1;
  if (unit < 0)
    add_value_problem (problems, line, _("the unit “%s” is not one of mg, mcg, mL"),
                       values[COL_UNIT]);
  else
    dose->unit = unit;

  if (values[COL_BATCH] != NULL && *values[COL_BATCH] != '\0')
    cobalt_set_str (&dose->batch, values[COL_BATCH]);

  if (values[COL_EXPIRY] != NULL && *values[COL_EXPIRY] != '\0')
    {
      GDate expiry;

      if (!parse_date (values[COL_EXPIRY], &expiry))
        add_value_problem (problems, line, _("the expiry “%s” is not a date like 2025-12-31"),
                           values[COL_EXPIRY]);
      else
        cobalt_set_date (&dose->expiry, &expiry);
    }

  if (values[COL_GIVEN_BY] != NULL && *values[COL_GIVEN_BY] != '\0')
    {
      given_by = lookup_id (given_by_ids, values[COL_GIVEN_BY]);
      if (given_by < 0)
        add_value_problem (problems, line, _("“given by” must be self, carer or clinic, not “%s”"),
                           values[COL_GIVEN_BY]);
    }
  if (given_by >= 0)
    dose->given_by = given_by;

  if (values[COL_GIVEN_BY_NAME] != NULL && *values[COL_GIVEN_BY_NAME] != '\0')
    cobalt_set_str (&dose->given_by_name, values[COL_GIVEN_BY_NAME]);
  if (values[COL_NOTES] != NULL && *values[COL_NOTES] != '\0')
    cobalt_set_str (&dose->notes, values[COL_NOTES]);

  if (problems->len != before)
    return NULL;
  return g_steal_pointer (&dose);
}

/* Public API ------------------------------------------------------------ */

void
cobalt_csv_problem_free (CobaltCsvProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

const char * const *
cobalt_csv_columns (void)
{
  return columns;
}

const char *
cobalt_csv_product_id (CobaltProduct product)
{
  return (guint) product < G_N_ELEMENTS (product_ids) - 1 ? product_ids[product] : "other";
}

const char *
cobalt_csv_unit_id (CobaltDoseUnit unit)
{
  return (guint) unit < G_N_ELEMENTS (unit_ids) - 1 ? unit_ids[unit] : "mg";
}

const char *
cobalt_csv_given_by_id (CobaltGivenBy given_by)
{
  return (guint) given_by < G_N_ELEMENTS (given_by_ids) - 1 ? given_by_ids[given_by] : "self";
}

char *
cobalt_csv_escape_cell (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (needs_escape (value))
    return g_strconcat ("'", value, NULL);
  return g_strdup (value);
}

char *
cobalt_csv_unescape_cell (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && needs_escape (cell + 1))
    return g_strdup (cell + 1);
  return g_strdup (cell);
}

void
cobalt_csv_write_header (GString *out)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");
}

void
cobalt_csv_write_dose (GString    *out,
                       CobaltDose *dose,
                       const char *checklist,
                       const char *reactions)
{
  const CobaltSiteInfo *site = NULL;
  GDateTime *given_at;
  g_autofree char *when = NULL;
  char amount[G_ASCII_DTOSTR_BUF_SIZE];
  char expiry[16] = "";
  GDate *date;

  g_return_if_fail (out != NULL);
  g_return_if_fail (COBALT_IS_DOSE (dose));

  given_at = dose->given_at;
  if (given_at != NULL)
    when = g_date_time_format (given_at, "%Y-%m-%dT%H:%M:%S%:z");
  if (dose->site_id != NULL)
    site = cobalt_site_catalogue_lookup (dose->site_id);
  g_ascii_dtostr (amount, sizeof amount, dose->amount);
  date = dose->expiry;
  if (date != NULL && g_date_valid (date))
    g_date_strftime (expiry, sizeof expiry, "%Y-%m-%d", date);

  {
    const char *values[N_COLUMNS] = {
      [COL_GIVEN_AT] = when,
      [COL_TIMEZONE] = cobalt_dose_get_timezone (dose),
      [COL_SITE] = dose->site_id,
      [COL_SITE_NAME] = site ? cobalt_site_info_get_name (site) : NULL,
      [COL_PRODUCT] = cobalt_csv_product_id (dose->product),
      [COL_AMOUNT] = amount,
      [COL_UNIT] = cobalt_csv_unit_id (dose->unit),
      [COL_BATCH] = dose->batch,
      [COL_EXPIRY] = expiry,
      [COL_GIVEN_BY] = cobalt_csv_given_by_id (dose->given_by),
      [COL_GIVEN_BY_NAME] = dose->given_by_name,
      [COL_CHECKLIST] = checklist,
      [COL_REACTIONS] = reactions,
      [COL_NOTES] = dose->notes,
    };

    cobalt_csv_write_record (out, values);
  }
}

void
cobalt_csv_write_record (GString            *out,
                         const char * const *values)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    append_field (out, values[i], i == 0);
  g_string_append (out, "\r\n");
}

GPtrArray *
cobalt_csv_split (const char *data,
                  gsize       length,
                  GArray    **lines,
                  GPtrArray  *problems)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = data;
  const char *end = data + length;
  guint line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Spreadsheets like to start UTF-8 files with a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) field = g_string_new (NULL);
      guint start_line = line;
      gboolean bad = FALSE;
      gboolean done = FALSE;

      while (!done)
        {
          gboolean quoted = FALSE;

          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              quoted = TRUE;
              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      if (!bad)
                        add_problem (problems, start_line,
                                     _("a quoted field is never closed"));
                      bad = TRUE;
                      break;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
            }

          /* The rest of an unquoted field, or what follows a closing quote. */
          while (p < end && *p != ',' && *p != '\n' && *p != '\r')
            {
              if (quoted || *p == '"')
                {
                  if (!bad)
                    add_problem (problems, start_line,
                                 _("a double quote in the middle of a field (quote the whole field and double the quote)"));
                  bad = TRUE;
                }
              g_string_append_c (field, *p++);
            }

          g_ptr_array_add (fields, cobalt_csv_unescape_cell (field->str));

          if (p >= end)
            done = TRUE;
          else if (*p == ',')
            p++;
          else
            {
              /* CRLF, LF or a lone CR ends the record. */
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
              done = TRUE;
            }
        }

      if (bad)
        continue;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
      g_array_append_val (starts, start_line);
    }

  if (lines != NULL)
    *lines = g_steal_pointer (&starts);
  return g_steal_pointer (&records);
}

gboolean
cobalt_csv_report_problems (GPtrArray  *problems,
                            GPtrArray **problems_out,
                            GError    **error)
{
  g_autoptr(GPtrArray) owned = problems;
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_rows = 0;

  if (problems->len == 0)
    return TRUE;

  g_ptr_array_sort (problems, compare_problems);
  /* Rows, not problems: one row may have several. */
  for (guint i = 0; i < problems->len; i++)
    if (i == 0 || ((CobaltCsvProblem *) g_ptr_array_index (problems, i))->line !=
                  ((CobaltCsvProblem *) g_ptr_array_index (problems, i - 1))->line)
      n_rows++;
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Nothing was imported: %u row of the file has a problem.",
                                       "Nothing was imported: %u rows of the file have problems.",
                                       n_rows),
                          n_rows);
  for (guint i = 0; i < problems->len; i++)
    {
      CobaltCsvProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_c (message, '\n');
      g_string_append_printf (message, _("Line %u: %s"), problem->line, problem->message);
    }
  g_set_error_literal (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED, message->str);
  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&owned);
  return FALSE;
}

void
cobalt_csv_add_problem (GPtrArray  *problems,
                        guint       line,
                        const char *message)
{
  add_problem (problems, line, "%s", message);
}

GPtrArray *
cobalt_csv_parse (const char *data,
                  gsize       length,
                  gint64      person_id,
                  GPtrArray **problems_out,
                  GError    **error)
{
  return cobalt_csv_parse_lines (data, length, person_id, NULL, problems_out, error);
}

GPtrArray *
cobalt_csv_parse_lines (const char  *data,
                        gsize        length,
                        gint64       person_id,
                        GArray     **dose_lines_out,
                        GPtrArray  **problems_out,
                        GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_csv_problem_free);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) dose_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  int map[N_COLUMNS];
  guint first = 0;
  guint n_header = 0;
  gboolean header_ok = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems_out != NULL)
    *problems_out = NULL;

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_MALFORMED,
                   _("The file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8” and try again."));
      return NULL;
    }

  records = cobalt_csv_split (data, length, &lines, problems);

  for (guint i = 0; i < N_COLUMNS; i++)
    map[i] = -1;

  /* The header: the first record that is not a blank line. */
  while (first < records->len && is_blank_record (g_ptr_array_index (records, first)))
    first++;
  if (first >= records->len)
    {
      if (problems->len == 0)
        add_problem (problems, 1, _("the file is empty: the first line must name the columns"));
    }
  else
    {
      GStrv header = g_ptr_array_index (records, first);
      guint line = g_array_index (lines, guint, first);
      guint before = problems->len;

      for (guint i = 0; header[i] != NULL; i++)
        {
          g_autofree char *name = g_strstrip (g_ascii_strdown (header[i], -1));
          int col = lookup_id (columns, name);

          if (col < 0)
            add_value_problem (problems, line, _("unknown column “%s”"), header[i]);
          else if (map[col] >= 0)
            add_value_problem (problems, line, _("the column “%s” appears twice"), header[i]);
          else
            map[col] = i;
        }
      if (map[COL_GIVEN_AT] < 0 || map[COL_PRODUCT] < 0 || map[COL_AMOUNT] < 0 || map[COL_UNIT] < 0)
        add_problem (problems, line,
                     _("the first line must name at least the columns given_at, product, amount and unit"));
      header_ok = problems->len == before;
      n_header = g_strv_length (header);
      first++;
    }

  /* Every row is checked, even after a bad one, so that one message
   * lists all that needs fixing. */
  if (header_ok)
    {
      for (guint i = first; i < records->len; i++)
        {
          GStrv fields = g_ptr_array_index (records, i);
          guint line = g_array_index (lines, guint, i);
          guint n = g_strv_length (fields);
          CobaltDose *dose;

          if (is_blank_record (fields))
            continue;
          if (n != n_header)
            {
              add_problem (problems, line,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "%u field where the header has %u",
                                        "%u fields where the header has %u", n),
                           n, n_header);
              continue;
            }
          dose = parse_record (fields, map, line, person_id, problems);
          if (dose != NULL)
            {
              g_ptr_array_add (doses, dose);
              g_array_append_val (dose_lines, line);
            }
        }
    }

  if (!cobalt_csv_report_problems (g_steal_pointer (&problems), problems_out, error))
    return NULL;

  if (dose_lines_out != NULL)
    *dose_lines_out = g_steal_pointer (&dose_lines);
  return g_steal_pointer (&doses);
}
