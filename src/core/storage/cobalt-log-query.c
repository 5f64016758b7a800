/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-log-query.h"
#include "cobalt-reaction.h"
#include "cobalt-repository-private.h"
#include "cobalt-record-types.h"

struct _CobaltLogFetcher
{
  CobaltDatabase  *database;
  CobaltStatement *doses;
  CobaltStatement *runs;
  GHashTable      *zones;   /* identifier → GTimeZone */
};

G_DEFINE_ENUM_TYPE (CobaltLogSort, cobalt_log_sort,
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_WHEN, "when"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_SITE, "site"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_PRODUCT, "product"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_BATCH, "batch"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_GIVEN_BY, "given-by"))

#define DOSE_COLUMNS \
  "d.id, d.person_id, d.prescription_id, d.given_at_us, d.tz, d.site_id, " \
  "d.amount, d.unit, d.product, d.batch, d.expiry, d.given_by, " \
  "d.given_by_name, d.checklist_run_id, d.notes, " \
  "(SELECT r.state FROM checklist_runs r WHERE r.id = d.checklist_run_id), " \
  "(SELECT count(*) FROM reactions x WHERE x.dose_id = d.id), " \
  "(SELECT max(x.level) FROM reactions x WHERE x.dose_id = d.id), " \
  "(SELECT group_concat(x.kind, ',') FROM reactions x WHERE x.dose_id = d.id), " \
  "d.kind, d.advised_by, d.moved_to, d.exceptions, d.exception_note"

/* Static helpers ------------------------------------------------------- */

/* A LIKE pattern that matches @text literally anywhere. */
static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static gboolean
has_dose_only_filter (const CobaltLogQuery *query)
{
  return query->site_id != NULL || query->given_by >= 0 || query->with_reactions;
}

static char *
build_in_list_sql (const char *head,
                   const char *column)
{
  GString *sql = g_string_new (head);

  g_string_append_printf (sql, " WHERE %s IN (", column);
  for (guint i = 0; i < COBALT_LOG_FETCH_MAX; i++)
    g_string_append (sql, i == 0 ? "?" : ",?");
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static GTimeZone *
lookup_zone (CobaltLogFetcher *self,
             const char       *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL)
    identifier = "UTC";
  tz = g_hash_table_lookup (self->zones, identifier);
  if (tz == NULL)
    {
      tz = g_time_zone_new_identifier (identifier);
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (self->zones, g_strdup (identifier), tz);
    }
  return tz;
}

static GDateTime *
instant_in_zone (gint64     us,
                 GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (utc, us % G_USEC_PER_SEC);

  return g_date_time_to_timezone (exact, tz);
}

static char *
describe_reactions (const char *kinds)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GString) out = NULL;

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
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CobaltLogEntry *
dose_entry_from_row (CobaltLogFetcher *self,
                     CobaltStatement  *stmt)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GDateTime) given_at = NULL;
  g_autofree char *reactions = NULL;
  GDate expiry;
  GDate moved_to;
  int checklist = COBALT_LOG_CHECKLIST_NONE;

  dose->id = cobalt_statement_get_int64 (stmt, 0);
  dose->person_id = cobalt_statement_get_int64 (stmt, 1);
  dose->prescription_id = cobalt_statement_get_id (stmt, 2);
  given_at = instant_in_zone (cobalt_statement_get_int64 (stmt, 3),
                              lookup_zone (self, cobalt_statement_get_text (stmt, 4)));
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, cobalt_statement_get_text (stmt, 5));
  dose->amount = cobalt_statement_get_double (stmt, 6);
  dose->unit = cobalt_statement_get_int64 (stmt, 7);
  dose->product = cobalt_statement_get_int64 (stmt, 8);
  cobalt_set_str (&dose->batch, cobalt_statement_get_text (stmt, 9));
  if (cobalt_statement_get_date (stmt, 10, &expiry))
    cobalt_set_date (&dose->expiry, &expiry);
  dose->given_by = cobalt_statement_get_int64 (stmt, 11);
  cobalt_set_str (&dose->given_by_name, cobalt_statement_get_text (stmt, 12));
  dose->checklist_run_id = cobalt_statement_get_id (stmt, 13);
  cobalt_set_str (&dose->notes, cobalt_statement_get_text (stmt, 14));
  dose->kind = cobalt_statement_get_int64 (stmt, 19);
  cobalt_set_str (&dose->advised_by, cobalt_statement_get_text (stmt, 20));
  if (cobalt_statement_get_date (stmt, 21, &moved_to))
    cobalt_set_date (&dose->moved_to, &moved_to);
  dose->exceptions = cobalt_statement_get_int64 (stmt, 22);
  cobalt_set_str (&dose->exception_note, cobalt_statement_get_text (stmt, 23));
  if (!cobalt_statement_get_is_null (stmt, 15))
    checklist = cobalt_statement_get_int64 (stmt, 15);
  reactions = describe_reactions (cobalt_statement_get_text (stmt, 18));

  return cobalt_log_entry_new_dose (dose, checklist,
                                    cobalt_statement_get_int64 (stmt, 16),
                                    reactions,
                                    cobalt_statement_get_is_null (stmt, 17)
                                      ? -1 : (int) cobalt_statement_get_int64 (stmt, 17));
}

/* Runs @stmt (doses or runs by id) for the keys of its kind and adds the
 * entries to @found by key. */
static gboolean
fetch_into (CobaltLogFetcher *self,
            CobaltStatement  *stmt,
            gboolean          runs,
            const gint64     *keys,
            guint             n_keys,
            GHashTable       *found,
            GError          **error)
{
  g_autoptr(GTimeZone) local = NULL;
  GError *local_error = NULL;
  int bound = 0;

  cobalt_statement_reset (stmt);
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 id = runs ? -keys[i] : keys[i];

      if (id <= 0)
        continue;
      if (!cobalt_statement_bind_int64 (stmt, ++bound, id, error))
        return FALSE;
    }
  if (bound == 0)
    return TRUE;
  for (int i = bound + 1; i <= COBALT_LOG_FETCH_MAX; i++)
    if (!cobalt_statement_bind_null (stmt, i, error))
      return FALSE;

  if (runs)
    local = g_time_zone_new_local ();

  while (cobalt_statement_step (stmt, &local_error))
    {
      CobaltLogEntry *entry;

      if (runs)
        {
          g_autoptr(GDateTime) started = NULL;

          /* Runs keep no zone of their own: show them in today's zone. */
          started = instant_in_zone (cobalt_statement_get_int64 (stmt, 1), local);
          entry = cobalt_log_entry_new_aborted (cobalt_statement_get_int64 (stmt, 0), started,
                                                cobalt_statement_get_text (stmt, 2));
        }
      else
        entry = dose_entry_from_row (self, stmt);

      g_hash_table_insert (found, g_memdup2 (&(gint64) { entry->key },
                                             sizeof (gint64)),
                           entry);
    }
  cobalt_statement_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Public API ------------------------------------------------------------ */

void
cobalt_log_query_init (CobaltLogQuery *query,
                       gint64          person_id)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->person_id = person_id;
  query->from_us = G_MININT64;
  query->to_us = G_MAXINT64;
  query->given_by = -1;
  query->include_aborted = TRUE;
  query->sort = COBALT_LOG_SORT_WHEN;
  query->descending = TRUE;
}

GArray *
cobalt_log_query_keys (CobaltRepository     *repository,
                       const CobaltLogQuery *query,
                       GError              **error)
{
  CobaltDatabase *database;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autofree char *pattern = NULL;
  gboolean runs = query->include_aborted && !has_dose_only_filter (query);
  gboolean text = query->text != NULL && *query->text != '\0';
  const char *dir = query->descending ? "DESC" : "ASC";
  const char *order;
  const char *sort_column;
  GError *local_error = NULL;
  int n = 0;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  database = cobalt_repository_get_database (repository);
  if (text)
    pattern = like_pattern (query->text);

  /* Parameters, in this order in both halves: person, from, to, then the
   * optional site, given_by and text. Only fixed fragments go into the
   * SQL; every value is bound. */
  switch (query->sort)
    {
    case COBALT_LOG_SORT_SITE:     order = "s"; sort_column = "d.site_id"; break;
    case COBALT_LOG_SORT_PRODUCT:  order = "p"; sort_column = "d.product"; break;
    case COBALT_LOG_SORT_BATCH:    order = "b"; sort_column = "d.batch"; break;
    case COBALT_LOG_SORT_GIVEN_BY: order = "g"; sort_column = "d.given_by"; break;
    case COBALT_LOG_SORT_WHEN:
    default:                       order = NULL; sort_column = NULL; break;
    }

  /* Only the columns the order needs: for the usual newest-first order
   * the doses come straight off the (person, time) index. */
  g_string_append (sql, "SELECT d.id AS k, d.given_at_us AS t");
  if (sort_column != NULL)
    g_string_append_printf (sql, ", %s AS %s", sort_column, order);
  if (query->sort == COBALT_LOG_SORT_PRODUCT)
    g_string_append (sql, ", d.amount AS a");
  g_string_append (sql,
                   " FROM doses d WHERE d.person_id = ? AND d.deleted = 0 "
                   "AND d.given_at_us >= ? AND d.given_at_us < ?");
  if (query->site_id != NULL)
    g_string_append (sql, " AND d.site_id = ?");
  if (query->given_by >= 0)
    g_string_append (sql, " AND d.given_by = ?");
  if (query->with_reactions)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM reactions x WHERE x.dose_id = d.id)");
  if (text)
    g_string_append (sql, " AND (d.notes LIKE ? ESCAPE '\\' OR d.batch LIKE ? ESCAPE '\\' "
                          "OR d.given_by_name LIKE ? ESCAPE '\\')");
  if (runs)
    {
      g_string_append (sql, " UNION ALL SELECT -r.id, r.started_at_us");
      if (sort_column != NULL)
        g_string_append (sql, ", NULL");
      if (query->sort == COBALT_LOG_SORT_PRODUCT)
        g_string_append (sql, ", NULL");
      g_string_append (sql,
                       " FROM checklist_runs r WHERE r.person_id = ? AND r.state = 2 "
                       "AND r.dose_id IS NULL AND r.started_at_us >= ? AND r.started_at_us < ?");
      if (text)
        g_string_append (sql, " AND r.abort_reason LIKE ? ESCAPE '\\'");
    }

  g_string_append (sql, " ORDER BY ");
  if (order != NULL)
    g_string_append_printf (sql, "%s %s, ", order, dir);
  if (query->sort == COBALT_LOG_SORT_PRODUCT)
    g_string_append_printf (sql, "a %s, ", dir);
  g_string_append_printf (sql, "t %s, k %s", dir, dir);

  stmt = cobalt_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (!cobalt_statement_bind_int64 (stmt, ++n, query->person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, ++n, query->from_us, error) ||
      !cobalt_statement_bind_int64 (stmt, ++n, query->to_us, error))
    return NULL;
  if (query->site_id != NULL && !cobalt_statement_bind_text (stmt, ++n, query->site_id, error))
    return NULL;
  if (query->given_by >= 0 && !cobalt_statement_bind_int64 (stmt, ++n, query->given_by, error))
    return NULL;
  if (text)
    for (int i = 0; i < 3; i++)
      if (!cobalt_statement_bind_text (stmt, ++n, pattern, error))
        return NULL;
  if (runs)
    {
      if (!cobalt_statement_bind_int64 (stmt, ++n, query->person_id, error) ||
          !cobalt_statement_bind_int64 (stmt, ++n, query->from_us, error) ||
          !cobalt_statement_bind_int64 (stmt, ++n, query->to_us, error))
        return NULL;
      if (text && !cobalt_statement_bind_text (stmt, ++n, pattern, error))
        return NULL;
    }

  keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while (cobalt_statement_step (stmt, &local_error))
    {
      gint64 key = cobalt_statement_get_int64 (stmt, 0);

      g_array_append_val (keys, key);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

CobaltLogFetcher *
cobalt_log_fetcher_new (CobaltRepository *repository)
{
  CobaltLogFetcher *self;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);

  self = g_new0 (CobaltLogFetcher, 1);
  self->database = g_object_ref (cobalt_repository_get_database (repository));
  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_time_zone_unref);
  return self;
}

void
cobalt_log_fetcher_free (CobaltLogFetcher *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->doses, cobalt_statement_free);
  g_clear_pointer (&self->runs, cobalt_statement_free);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_object (&self->database);
  g_free (self);
}

GPtrArray *
cobalt_log_fetcher_fetch (CobaltLogFetcher *self,
                          const gint64     *keys,
                          guint             n_keys,
                          GError          **error)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean any_runs = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keys != NULL || n_keys == 0, NULL);
  g_return_val_if_fail (n_keys <= COBALT_LOG_FETCH_MAX, NULL);

  for (guint i = 0; i < n_keys; i++)
    any_runs |= keys[i] < 0;

  if (self->doses == NULL)
    {
      g_autofree char *sql = build_in_list_sql ("SELECT " DOSE_COLUMNS " FROM doses d", "d.id");

      self->doses = cobalt_database_prepare (self->database, sql, error);
      if (self->doses == NULL)
        return NULL;
    }
  if (any_runs && self->runs == NULL)
    {
      g_autofree char *sql = build_in_list_sql ("SELECT r.id, r.started_at_us, r.abort_reason "
                                                "FROM checklist_runs r", "r.id");

      self->runs = cobalt_database_prepare (self->database, sql, error);
      if (self->runs == NULL)
        return NULL;
    }

  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (!fetch_into (self, self->doses, FALSE, keys, n_keys, found, error))
    return NULL;
  if (any_runs && !fetch_into (self, self->runs, TRUE, keys, n_keys, found, error))
    return NULL;

  entries = g_ptr_array_new_full (n_keys, g_object_unref);
  for (guint i = 0; i < n_keys; i++)
    {
      gpointer entry = g_hash_table_lookup (found, &keys[i]);

      if (entry != NULL)
        g_ptr_array_add (entries, g_object_ref (entry));
    }
  return g_steal_pointer (&entries);
}
