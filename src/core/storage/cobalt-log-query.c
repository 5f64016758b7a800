/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "cobalt-log-query.h"
#include "cobalt-tables-private.h"

/* The log's read model over the repository's database; its SQL is in
 * cobalt-log-tables.c. */

struct _CobaltLogFetcher
{
  CobaltDatabase  *database;
  CobaltStatement *doses;   /* prepared once, kept between pages */
  CobaltStatement *runs;
  GHashTable      *zones;   /* identifier → GTimeZone */
};

G_DEFINE_ENUM_TYPE (CobaltLogSort, cobalt_log_sort,
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_WHEN, "when"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_SITE, "site"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_PRODUCT, "product"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_BATCH, "batch"),
                    G_DEFINE_ENUM_VALUE (COBALT_LOG_SORT_GIVEN_BY, "given-by"))

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
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return cobalt_log_tables_select_keys (cobalt_repository_get_database (repository), query, error);
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

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keys != NULL || n_keys == 0, NULL);
  g_return_val_if_fail (n_keys <= COBALT_LOG_FETCH_MAX, NULL);

  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (!cobalt_log_tables_fetch_doses (self->database, &self->doses, self->zones,
                                      keys, n_keys, found, error) ||
      !cobalt_log_tables_fetch_runs (self->database, &self->runs,
                                     keys, n_keys, found, error))
    return NULL;

  /* In the order asked for; a row deleted meanwhile is left out. */
  entries = g_ptr_array_new_full (n_keys, g_object_unref);
  for (guint i = 0; i < n_keys; i++)
    {
      gpointer entry = g_hash_table_lookup (found, &keys[i]);

      if (entry != NULL)
        g_ptr_array_add (entries, g_object_ref (entry));
    }
  return g_steal_pointer (&entries);
}
