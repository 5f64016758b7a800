/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The fuzz target of the CSV import (issue 15): the record splitter, the
 * whole parser with its date, instant, number and zone parsers, and each
 * of those parsers alone through one cell of an otherwise good row. Built
 * for libFuzzer with clang (meson -Dfuzzing=true: tests/core/fuzz-csv),
 * and replayed over the committed corpus by the test fuzz-csv
 * (test-fuzz-csv.c) in every build.
 *
 * The first byte chooses what the rest is:
 *   0      a whole file for cobalt_csv_parse()
 *   1      a whole file for cobalt_csv_split()
 *   2      the given_at cell (an ISO 8601 instant)
 *   3      the timezone cell (a zone name: never a path)
 *   4      the expiry cell (a date)
 *   5      the amount cell (a number)
 * Nothing may crash, read out of bounds, hang or print a GLib warning or
 * critical (both are fatal in the replay, as in every test). */

#include "config.h"

#include <stdint.h>

#include "cobalt-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char header[] =
  "given_at,timezone,site,site_name,product,amount,unit,batch,expiry,given_by,"
  "given_by_name,checklist,reactions,notes\r\n";

/* One good row, with @cell in place of column @column (0-based). */
static GString *
row_with_cell (guint         column,
               const guint8 *cell,
               gsize         length)
{
  static const char * const good[] = {
    "2024-03-01T09:05:00+00:00", "Europe/London", "deltoid-left", "Left upper arm",
    "hydroxocobalamin", "1", "mg", "B123", "2026-01-31", "self", "", "", "", "ok",
  };
  GString *out = g_string_new (header);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (i != column)
        {
          g_string_append (out, good[i]);
          continue;
        }
      /* Quoted, quotes doubled: any bytes at all reach the cell. */
      g_string_append_c (out, '"');
      for (gsize j = 0; j < length; j++)
        {
          if (cell[j] == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, (char) cell[j]);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
  return out;
}

static void
parse (const char *text,
       gsize       length)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GError) error = NULL;

  doses = cobalt_csv_parse (text, length, 1, &problems, &error);
  /* Either doses, or a reason with a line for each problem. */
  if (doses == NULL)
    g_assert_nonnull (error);
  if (error != NULL)
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint cell_columns[] = { 0, 1, 8, 5 };
  g_autofree char *copy = NULL;

  if (size == 0)
    return 0;

  /* An exact copy, not terminated: the parsers get a length and must
   * keep to it (AddressSanitizer sees a read past it). */
  copy = g_malloc (size - 1 > 0 ? size - 1 : 1);
  memcpy (copy, data + 1, size - 1);

  switch (data[0] % 6)
    {
    case 0:
      parse (copy, size - 1);
      break;

    case 1:
      {
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_csv_problem_free);
        g_autoptr(GPtrArray) records = NULL;
        GArray *lines = NULL;

        records = cobalt_csv_split (copy, size - 1, &lines, problems);
        g_assert_nonnull (records);
        g_assert_cmpuint (lines->len, ==, records->len);
        g_array_unref (lines);
      }
      break;

    default:
      {
        g_autoptr(GString) text = row_with_cell (cell_columns[data[0] % 6 - 2], data + 1, size - 1);

        parse (text->str, text->len);
      }
      break;
    }

  return 0;
}
