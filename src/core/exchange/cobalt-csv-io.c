/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV export and import through the repository (the format itself is in
 * cobalt-csv.c; the rows come from storage/cobalt-dose-rows.c). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-csv.h"
#include "cobalt-csv-private.h"
#include "cobalt-checklist-run.h"
#include "cobalt-reaction.h"
#include "cobalt-repository-private.h"
#include "cobalt-site.h"
#include "cobalt-time-zone.h"

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

/* A stored zone name as the export uses it: the zone the row is shown in,
 * and the name written for it (NULL: none, the offset in "given_at" says
 * it all). */
typedef struct
{
  GTimeZone *tz;
  char      *name;
} ExportZone;

static void
export_zone_free (ExportZone *zone)
{
  g_time_zone_unref (zone->tz);
  g_free (zone->name);
  g_free (zone);
}

/* What one export pass needs for every row: the zones and the few
 * translated words are looked up once. */
typedef struct
{
  GString     *out;
  GHashTable  *zones;
  const char **site_names;
  const char  *run_states[3];
  const char  *no_checklist;
  char         amount[G_ASCII_DTOSTR_BUF_SIZE];
  double       last_amount;
  gboolean     have_amount;
} ExportPass;

static void
export_row (const CobaltDoseRow *row,
            gpointer             user_data)
{
  ExportPass *pass = user_data;
  int site = row->site_id ? cobalt_site_catalogue_index_of (row->site_id) : -1;
  g_autofree char *reactions = NULL;
  ExportZone *zone;
  char when[64];

  /* A zone name from the file is checked before GLib opens anything for
   * it (cobalt-time-zone.h); the row is written in the zone it is then
   * shown in, and under that zone's name, so "given_at" and "timezone"
   * agree and the file imports back. */
  zone = g_hash_table_lookup (pass->zones, row->tz ? row->tz : "");
  if (zone == NULL)
    {
      zone = g_new0 (ExportZone, 1);
      zone->tz = cobalt_time_zone_new_stored (row->tz);
      if (cobalt_time_zone_id_is_valid (g_time_zone_get_identifier (zone->tz)))
        zone->name = g_strdup (g_time_zone_get_identifier (zone->tz));
      g_hash_table_insert (pass->zones, g_strdup (row->tz ? row->tz : ""), zone);
    }
  format_instant (when, sizeof when, row->given_at_us, zone->tz);
  /* Most doses are the same amount. */
  if (!pass->have_amount || row->amount != pass->last_amount)
    {
      g_ascii_dtostr (pass->amount, sizeof pass->amount, row->amount);
      pass->last_amount = row->amount;
      pass->have_amount = TRUE;
    }
  reactions = describe_reactions (row->reaction_kinds);

  {
    const char *values[] = {
      when,
      zone->name,
      row->site_id,
      site >= 0 ? pass->site_names[site] : NULL,
      cobalt_csv_product_id (row->product),
      pass->amount,
      cobalt_csv_unit_id (row->unit),
      row->batch,
      row->expiry,
      cobalt_csv_given_by_id (row->given_by),
      row->given_by_name,
      row->run_state < 0 ? pass->no_checklist
        : row->run_state < (gint64) G_N_ELEMENTS (pass->run_states) ? pass->run_states[row->run_state]
        : cobalt_run_state_to_string (row->run_state),
      reactions,
      row->notes,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (values) == 14);
    cobalt_csv_write_record (pass->out, values);
  }
}

/* Public API ------------------------------------------------------------ */

char *
cobalt_csv_export_to_string (CobaltRepository *repository,
                             gint64            person_id,
                             gsize            *length,
                             GError          **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GHashTable) zones = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree const char **site_names = NULL;
  ExportPass pass = { 0 };
  guint n_sites;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);

  person = cobalt_repository_get_person (repository, person_id, error);
  if (person == NULL)
    return NULL;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) export_zone_free);
  out = g_string_sized_new (1 << 20);
  cobalt_csv_write_header (out);

  n_sites = cobalt_site_catalogue_get_n_sites ();
  site_names = g_new0 (const char *, n_sites);
  for (guint i = 0; i < n_sites; i++)
    site_names[i] = cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i));

  pass.out = out;
  pass.zones = zones;
  pass.site_names = site_names;
  for (guint i = 0; i < G_N_ELEMENTS (pass.run_states); i++)
    pass.run_states[i] = cobalt_run_state_to_string (i);
  pass.no_checklist = C_("checklist", "None");

  /* One pass straight from the columns to text: no model objects, so
   * 100 000 doses export in well under a second. */
  if (!cobalt_repository_foreach_dose_row (repository, person_id, export_row, &pass, error))
    return NULL;

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
