/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV export and import through the database (the format itself is in
 * cobalt-csv.c). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-csv.h"
#include "cobalt-csv-private.h"
#include "cobalt-checklist-run.h"
#include "cobalt-reaction.h"
#include "cobalt-repository-private.h"
#include "cobalt-site.h"

/* Static helpers ------------------------------------------------------- */

/* "Pain at the injection site; Headache" from the stored kinds. */
static char *
describe_reactions (const char *kinds)
{
  g_auto(GStrv) ids = NULL;
  GString *out;

  if (kinds == NULL || *kinds == '\0')
    return NULL;
  ids = g_strsplit (kinds, ",", -1);
  out = g_string_new (NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *label = cobalt_reaction_kind_get_label (ids[i]);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, label != NULL ? label : ids[i]);
    }
  return g_string_free (out, FALSE);
}

/* The export's "given at" column, as g_date_time_format() with
 * "%Y-%m-%dT%H:%M:%S%:z" would write it for @us (whole seconds) in @tz,
 * without making two GDateTimes and parsing a format for every row. */
static void
format_instant (char      *out,
                gsize      size,
                gint64     us,
                GTimeZone *tz)
{
  gint64 secs = us / G_USEC_PER_SEC;
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, secs);
  gint32 offset = interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0;
  gint64 local = secs + offset;
  gint64 days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  gint64 rest = local - days * 86400;
  gint64 era, doe, yoe, doy, mp, year;
  int month, day;
  gint32 abs_offset = ABS (offset);

  /* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant). */
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = (int) (doy - (153 * mp + 2) / 5 + 1);
  month = (int) (mp < 10 ? mp + 3 : mp - 9);
  year = yoe + era * 400 + (month <= 2);

  g_snprintf (out, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
              (int) year, month, day,
              (int) (rest / 3600), (int) (rest / 60 % 60), (int) (rest % 60),
              offset < 0 ? '-' : '+', abs_offset / 3600, abs_offset / 60 % 60);
}

/* Public API ------------------------------------------------------------ */

char *
cobalt_csv_export_to_string (CobaltRepository *repository,
                             gint64            person_id,
                             gsize            *length,
                             GError          **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree const char **site_names = NULL;
  const char *run_states[3];
  const char *no_checklist;
  char amount[G_ASCII_DTOSTR_BUF_SIZE] = "";
  double last_amount = 0;
  gboolean have_amount = FALSE;
  guint n_sites;
  GError *local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);

  person = cobalt_repository_get_person (repository, person_id, error);
  if (person == NULL)
    return NULL;

  /* One pass over the (person, time) index, straight from the columns to
   * text: no model objects, so 100 000 doses export in well under a
   * second. */
  stmt = cobalt_database_prepare (cobalt_repository_get_database (repository),
                                  "SELECT d.given_at_us, d.tz, d.site_id, d.product, d.amount, "
                                  "d.unit, d.batch, d.expiry, d.given_by, d.given_by_name, "
                                  "(SELECT r.state FROM checklist_runs r WHERE r.id = d.checklist_run_id), "
                                  "(SELECT group_concat(x.kind, ',') FROM reactions x WHERE x.dose_id = d.id), "
                                  "d.notes "
                                  /* Injections only: a dose not given on the clinic's
                                   * advice has no row in this format, and importing
                                   * it back would make it a dose given. */
                                  "FROM doses d WHERE d.person_id = ? AND d.deleted = 0 AND d.kind = 0 "
                                  "ORDER BY d.given_at_us, d.id", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  out = g_string_sized_new (1 << 20);
  cobalt_csv_write_header (out);

  /* The same few translated words on every row: look them up once. */
  n_sites = cobalt_site_catalogue_get_n_sites ();
  site_names = g_new0 (const char *, n_sites);
  for (guint i = 0; i < n_sites; i++)
    site_names[i] = cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i));
  for (guint i = 0; i < G_N_ELEMENTS (run_states); i++)
    run_states[i] = cobalt_run_state_to_string (i);
  no_checklist = C_("checklist", "None");

  while (cobalt_statement_step (stmt, &local_error))
    {
      gint64 us = cobalt_statement_get_int64 (stmt, 0);
      const char *zone = cobalt_statement_get_text (stmt, 1);
      const char *site_id = cobalt_statement_get_text (stmt, 2);
      int site = site_id ? cobalt_site_catalogue_index_of (site_id) : -1;
      double value = cobalt_statement_get_double (stmt, 4);
      gint64 state = cobalt_statement_get_is_null (stmt, 10) ? -1 : cobalt_statement_get_int64 (stmt, 10);
      g_autofree char *reactions = NULL;
      char when[64];
      GTimeZone *tz;

      tz = g_hash_table_lookup (zones, zone ? zone : "UTC");
      if (tz == NULL)
        {
          tz = zone ? g_time_zone_new_identifier (zone) : NULL;
          if (tz == NULL)
            tz = g_time_zone_new_utc ();
          g_hash_table_insert (zones, g_strdup (zone ? zone : "UTC"), tz);
        }
      format_instant (when, sizeof when, us, tz);
      /* Most doses are the same amount. */
      if (!have_amount || value != last_amount)
        {
          g_ascii_dtostr (amount, sizeof amount, value);
          last_amount = value;
          have_amount = TRUE;
        }
      reactions = describe_reactions (cobalt_statement_get_text (stmt, 11));

      {
        const char *values[] = {
          when,
          zone,
          site_id,
          site >= 0 ? site_names[site] : NULL,
          cobalt_csv_product_id (cobalt_statement_get_int64 (stmt, 3)),
          amount,
          cobalt_csv_unit_id (cobalt_statement_get_int64 (stmt, 5)),
          cobalt_statement_get_text (stmt, 6),
          cobalt_statement_get_text (stmt, 7),
          cobalt_csv_given_by_id (cobalt_statement_get_int64 (stmt, 8)),
          cobalt_statement_get_text (stmt, 9),
          state < 0 ? no_checklist
            : state < (gint64) G_N_ELEMENTS (run_states) ? run_states[state]
            : cobalt_run_state_to_string (state),
          reactions,
          cobalt_statement_get_text (stmt, 12),
        };

        G_STATIC_ASSERT (G_N_ELEMENTS (values) == 14);
        cobalt_csv_write_record (out, values);
      }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
cobalt_csv_export (CobaltRepository *repository,
                   gint64            person_id,
                   const char       *path,
                   GError          **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  text = cobalt_csv_export_to_string (repository, person_id, &length, error);
  if (text == NULL)
    return FALSE;
  return cobalt_export_write_file (path, text, length, error);
}

gboolean
cobalt_csv_import_data (CobaltRepository *repository,
                        gint64            person_id,
                        const char       *data,
                        gsize             length,
                        guint            *n_imported,
                        guint            *n_skipped,
                        GPtrArray       **problems,
                        GError          **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) refusals = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;
  if (problems != NULL)
    *problems = NULL;

  person = cobalt_repository_get_person (repository, person_id, error);
  if (person == NULL)
    return FALSE;

  /* Everything is checked before anything is written: first the file,
   * then each dose against the rules every other way of logging meets
   * (cobalt-dose-rules.h), which the repository applies to the whole
   * batch before writing it in one transaction. */
  doses = cobalt_csv_parse_lines (data, length, person_id, &lines, problems, error);
  if (doses == NULL)
    return FALSE;

  if (!cobalt_repository_import_doses (repository, person_id, doses, n_imported, n_skipped,
                                       &refusals, &local_error))
    {
      g_autoptr(GPtrArray) found = NULL;

      if (refusals == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      found = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_csv_problem_free);
      for (guint i = 0; i < refusals->len; i++)
        {
          const GError *refusal = g_ptr_array_index (refusals, i);

          if (refusal != NULL)
            cobalt_csv_add_problem (found, g_array_index (lines, guint, i), refusal->message);
        }
      return cobalt_csv_report_problems (g_steal_pointer (&found), problems, error);
    }

  return TRUE;
}

gboolean
cobalt_csv_import (CobaltRepository *repository,
                   gint64            person_id,
                   const char       *path,
                   guint            *n_imported,
                   guint            *n_skipped,
                   GPtrArray       **problems,
                   GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, COBALT_IMPORT_ERROR, COBALT_IMPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return cobalt_csv_import_data (repository, person_id, contents, length,
                                 n_imported, n_skipped, problems, error);
}
