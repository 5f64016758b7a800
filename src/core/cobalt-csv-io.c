/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV export and import through the database (the format itself is in
 * cobalt-csv.c). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-csv.h"
#include "cobalt-csv-private.h"
#include "cobalt-checklist-run.h"
#include "cobalt-reaction.h"
#include "cobalt-site.h"

typedef struct
{
  gint64     person_id;
  GPtrArray *doses;
  guint      n_imported;
  guint      n_skipped;
} ImportData;

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

static gint64
dose_instant_us (CobaltDose *dose)
{
  GDateTime *at = cobalt_dose_get_given_at (dose);

  return g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
}

static gboolean
insert_doses (CobaltDatabase *database,
              gpointer        user_data,
              GError        **error)
{
  ImportData *data = user_data;
  g_autoptr(CobaltStatement) exists = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 now = g_get_real_time ();

  exists = cobalt_database_prepare (database,
                                    "SELECT 1 FROM doses WHERE person_id = ? AND given_at_us = ? "
                                    "AND deleted = 0 LIMIT 1", error);
  if (exists == NULL)
    return FALSE;
  insert = cobalt_database_prepare (database,
                                    "INSERT INTO doses (person_id, prescription_id, given_at_us, tz, "
                                    "site_id, amount, unit, product, batch, expiry, given_by, "
                                    "given_by_name, checklist_run_id, notes, deleted, created_at_us, "
                                    "updated_at_us) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                    "NULL, ?, 0, ?, ?)", error);
  if (insert == NULL)
    return FALSE;

  data->n_imported = data->n_skipped = 0;
  for (guint i = 0; i < data->doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (data->doses, i);
      gint64 at = dose_instant_us (dose);
      GError *local_error = NULL;
      gboolean found;

      /* The same instant twice (in the log or earlier in the file) is the
       * same injection: importing a file again must not double the log. */
      if (g_hash_table_contains (seen, &at))
        {
          data->n_skipped++;
          continue;
        }
      g_hash_table_add (seen, g_memdup2 (&at, sizeof at));

      cobalt_statement_reset (exists);
      if (!cobalt_statement_bind_int64 (exists, 1, data->person_id, error) ||
          !cobalt_statement_bind_int64 (exists, 2, at, error))
        return FALSE;
      found = cobalt_statement_step (exists, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (found)
        {
          data->n_skipped++;
          continue;
        }

      cobalt_statement_reset (insert);
      if (!cobalt_statement_bind_int64 (insert, 1, data->person_id, error) ||
          !cobalt_statement_bind_int64 (insert, 2, at, error) ||
          !cobalt_statement_bind_text (insert, 3, cobalt_dose_get_timezone (dose), error) ||
          !cobalt_statement_bind_text (insert, 4, cobalt_dose_get_site_id (dose), error) ||
          !cobalt_statement_bind_double (insert, 5, cobalt_dose_get_amount (dose), error) ||
          !cobalt_statement_bind_int64 (insert, 6, cobalt_dose_get_unit (dose), error) ||
          !cobalt_statement_bind_int64 (insert, 7, cobalt_dose_get_product (dose), error) ||
          !cobalt_statement_bind_text (insert, 8, cobalt_dose_get_batch (dose), error) ||
          !cobalt_statement_bind_date (insert, 9, cobalt_dose_get_expiry (dose), error) ||
          !cobalt_statement_bind_int64 (insert, 10, cobalt_dose_get_given_by (dose), error) ||
          !cobalt_statement_bind_text (insert, 11, cobalt_dose_get_given_by_name (dose), error) ||
          !cobalt_statement_bind_text (insert, 12, cobalt_dose_get_notes (dose), error) ||
          !cobalt_statement_bind_int64 (insert, 13, now, error) ||
          !cobalt_statement_bind_int64 (insert, 14, now, error))
        return FALSE;
      if (!cobalt_statement_execute (insert, error))
        return FALSE;
      cobalt_dose_set_id (dose, cobalt_database_get_last_insert_id (database));
      data->n_imported++;
    }
  return TRUE;
}

static void
notify_repository (CobaltRepository *repository)
{
  /* Direct SQL bypasses the repository, so tell its listeners (the open
   * pages) the same way a repository write does. */
  if (g_signal_lookup ("changed", COBALT_TYPE_REPOSITORY) != 0)
    g_signal_emit_by_name (repository, "changed", "doses");
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
                                  "FROM doses d WHERE d.person_id = ? AND d.deleted = 0 "
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
  ImportData import = { 0, };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  person = cobalt_repository_get_person (repository, person_id, error);
  if (person == NULL)
    return FALSE;

  /* Everything is checked before anything is written. */
  doses = cobalt_csv_parse (data, length, person_id, problems, error);
  if (doses == NULL)
    return FALSE;

  import.person_id = person_id;
  import.doses = doses;
  if (!cobalt_database_run_write (cobalt_repository_get_database (repository),
                                  insert_doses, &import, error))
    return FALSE;

  if (import.n_imported > 0)
    notify_repository (repository);
  if (n_imported != NULL)
    *n_imported = import.n_imported;
  if (n_skipped != NULL)
    *n_skipped = import.n_skipped;
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
