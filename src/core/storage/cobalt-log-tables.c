/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"
#include "cobalt-time-zone.h"

/* The log as the Log page, the calendar and the report read it: doses
 * (with their checklist run's state and their reactions) and the
 * checklist_runs stopped before a dose, straight off the (person, time)
 * indexes so that 100 000 doses stay quick. One query gives the sorted
 * keys of every matching row; pages of full rows are then fetched by key
 * (cobalt-log-query.h).
 *
 * The keys query depends on the filters, so it is put together from the
 * fixed fragments below, chosen by which filters are set; every value is
 * a bound parameter, never text in the SQL. */

typedef enum
{
  /* Fragments of the keys query, in the order they are joined. The
   * parameters, in this order in both halves: person, from, to, then the
   * optional site, given by and text. */
  LOG_KEYS_SELECT_DOSES,
  LOG_KEYS_FROM_DOSES,
  LOG_KEYS_AND_SITE,
  LOG_KEYS_AND_GIVEN_BY,
  LOG_KEYS_AND_REACTIONS,
  LOG_KEYS_AND_DOSE_TEXT,
  LOG_KEYS_UNION_RUNS,
  LOG_KEYS_FROM_RUNS,
  LOG_KEYS_AND_RUN_TEXT,
  LOG_KEYS_ORDER_BY,
  /* Whole statements: rows by key. */
  LOG_FETCH_DOSES,
  LOG_FETCH_RUNS,
  N_LOG_STATEMENTS
} LogStatement;

/* dose_entry_from_row()'s columns. */
#define LOG_DOSE_COLUMNS \
  "d.id, d.person_id, d.prescription_id, d.given_at_us, d.tz, d.site_id, " \
  "d.amount, d.unit, d.product, d.batch, d.expiry, d.given_by, " \
  "d.given_by_name, d.checklist_run_id, d.notes, " \
  "(SELECT r.state FROM checklist_runs r WHERE r.id = d.checklist_run_id), " \
  "(SELECT count(*) FROM reactions x WHERE x.dose_id = d.id), " \
  "(SELECT max(x.level) FROM reactions x WHERE x.dose_id = d.id), " \
  "(SELECT group_concat(x.kind, ',') FROM reactions x WHERE x.dose_id = d.id), " \
  "d.kind, d.advised_by, d.moved_to, d.exceptions, d.exception_note"

/* "(?,?,...?)": COBALT_LOG_FETCH_MAX anonymous parameters, so a page is
 * one statement prepared once; the keys not used are bound NULL. */
#define P1   "?,"
#define P2   P1 P1
#define P4   P2 P2
#define P8   P4 P4
#define P16  P8 P8
#define P32  P16 P16
#define P64  P32 P32
#define P128 P64 P64
#define IN_FETCH_MAX "(" P128 P64 P32 P16 P8 P4 P2 P1 "?)"
G_STATIC_ASSERT (COBALT_LOG_FETCH_MAX == 256);

static const char * const log_sql[N_LOG_STATEMENTS] = {
  [LOG_KEYS_SELECT_DOSES] =
    "SELECT d.id AS k, d.given_at_us AS t",
  [LOG_KEYS_FROM_DOSES] =
    " FROM doses d WHERE d.person_id = ? AND d.deleted = 0 "
    "AND d.given_at_us >= ? AND d.given_at_us < ?",
  [LOG_KEYS_AND_SITE] =
    " AND d.site_id = ?",
  [LOG_KEYS_AND_GIVEN_BY] =
    " AND d.given_by = ?",
  [LOG_KEYS_AND_REACTIONS] =
    " AND EXISTS (SELECT 1 FROM reactions x WHERE x.dose_id = d.id)",
  [LOG_KEYS_AND_DOSE_TEXT] =
    " AND (d.notes LIKE ? ESCAPE '\\' OR d.batch LIKE ? ESCAPE '\\' "
    "OR d.given_by_name LIKE ? ESCAPE '\\')",
  [LOG_KEYS_UNION_RUNS] =
    " UNION ALL SELECT -r.id, r.started_at_us",
  [LOG_KEYS_FROM_RUNS] =
    " FROM checklist_runs r WHERE r.person_id = ? AND r.state = 2 "
    "AND r.dose_id IS NULL AND r.started_at_us >= ? AND r.started_at_us < ?",
  [LOG_KEYS_AND_RUN_TEXT] =
    " AND r.abort_reason LIKE ? ESCAPE '\\'",
  [LOG_KEYS_ORDER_BY] =
    " ORDER BY ",
  [LOG_FETCH_DOSES] =
    "SELECT " LOG_DOSE_COLUMNS " FROM doses d WHERE d.id IN " IN_FETCH_MAX,
  [LOG_FETCH_RUNS] =
    "SELECT r.id, r.started_at_us, r.abort_reason "
    "FROM checklist_runs r WHERE r.id IN " IN_FETCH_MAX,
};

/* What each order adds to the keys query: only the columns it needs
 * (for the usual newest-first order the doses come straight off the
 * index), NULLs in their place for the runs, and the ORDER BY, ascending
 * then descending; ties are broken by time, then key, so the order is
 * total. */
static const struct
{
  const char *dose_columns;
  const char *run_columns;
  const char *order_by[2];
} log_sorts[] = {
  [COBALT_LOG_SORT_WHEN] = {
    "", "",
    { "t ASC, k ASC", "t DESC, k DESC" } },
  [COBALT_LOG_SORT_SITE] = {
    ", d.site_id AS s", ", NULL",
    { "s ASC, t ASC, k ASC", "s DESC, t DESC, k DESC" } },
  [COBALT_LOG_SORT_PRODUCT] = {
    ", d.product AS p, d.amount AS a", ", NULL, NULL",
    { "p ASC, a ASC, t ASC, k ASC", "p DESC, a DESC, t DESC, k DESC" } },
  [COBALT_LOG_SORT_BATCH] = {
    ", d.batch AS b", ", NULL",
    { "b ASC, t ASC, k ASC", "b DESC, t DESC, k DESC" } },
  [COBALT_LOG_SORT_GIVEN_BY] = {
    ", d.given_by AS g", ", NULL",
    { "g ASC, t ASC, k ASC", "g DESC, t DESC, k DESC" } },
};

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

/* Filters on what only a dose has leave the stopped runs out. */
static gboolean
has_dose_only_filter (const CobaltLogQuery *query)
{
  return query->site_id != NULL || query->given_by >= 0 || query->with_reactions;
}

static GTimeZone *
lookup_zone (GHashTable *zones,
             const char *identifier)
{
  GTimeZone *tz;

  if (identifier == NULL)
    identifier = "";
  tz = g_hash_table_lookup (zones, identifier);
  if (tz == NULL)
    {
      /* Never a path GLib would open (cobalt-time-zone.h). */
      tz = cobalt_time_zone_new_stored (*identifier != '\0' ? identifier : NULL);
      g_hash_table_insert (zones, g_strdup (identifier), tz);
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
dose_entry_from_row (CobaltStatement *stmt,
                     GHashTable      *zones)
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
                              lookup_zone (zones, cobalt_statement_get_text (stmt, 4)));
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

static CobaltLogEntry *
run_entry_from_row (CobaltStatement *stmt,
                    GTimeZone       *local)
{
  g_autoptr(GDateTime) started = NULL;

  /* Runs keep no zone of their own: show them in today's zone. */
  started = instant_in_zone (cobalt_statement_get_int64 (stmt, 1), local);
  return cobalt_log_entry_new_aborted (cobalt_statement_get_int64 (stmt, 0), started,
                                       cobalt_statement_get_text (stmt, 2));
}

/* Runs @which (doses or runs by id) for the keys of its kind (positive
 * for doses, negative for runs) and adds the entries to @found by key. */
static gboolean
fetch_into (CobaltDatabase    *db,
            LogStatement       which,
            CobaltStatement  **stmt,
            GHashTable        *zones,
            const gint64      *keys,
            guint              n_keys,
            GHashTable        *found,
            GError           **error)
{
  g_autoptr(GTimeZone) local = NULL;
  gboolean runs = which == LOG_FETCH_RUNS;
  GError *local_error = NULL;
  int bound = 0;

  for (guint i = 0; i < n_keys; i++)
    if ((runs ? -keys[i] : keys[i]) > 0)
      bound++;
  if (bound == 0)
    return TRUE;

  if (*stmt == NULL)
    {
      *stmt = cobalt_database_prepare (db, log_sql[which], error);
      if (*stmt == NULL)
        return FALSE;
    }

  bound = 0;
  cobalt_statement_reset (*stmt);
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 id = runs ? -keys[i] : keys[i];

      if (id > 0 && !cobalt_statement_bind_int64 (*stmt, ++bound, id, error))
        return FALSE;
    }
  for (int i = bound + 1; i <= COBALT_LOG_FETCH_MAX; i++)
    if (!cobalt_statement_bind_null (*stmt, i, error))
      return FALSE;

  if (runs)
    local = g_time_zone_new_local ();

  while (cobalt_statement_step (*stmt, &local_error))
    {
      CobaltLogEntry *entry = runs ? run_entry_from_row (*stmt, local)
                                   : dose_entry_from_row (*stmt, zones);

      g_hash_table_insert (found, g_memdup2 (&(gint64) { entry->key }, sizeof (gint64)), entry);
    }
  /* Reset at once: a statement kept between pages must not hold the
   * database's read lock while the page is shown. */
  cobalt_statement_reset (*stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Private API ------------------------------------------------------------ */

GArray *
cobalt_log_tables_select_keys (CobaltDatabase        *db,
                               const CobaltLogQuery  *query,
                               GError               **error)
{
  g_autoptr(GString) sql = g_string_new (log_sql[LOG_KEYS_SELECT_DOSES]);
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autofree char *pattern = NULL;
  gboolean runs = query->include_aborted && !has_dose_only_filter (query);
  gboolean text = query->text != NULL && *query->text != '\0';
  CobaltLogSort sort = (guint) query->sort < G_N_ELEMENTS (log_sorts) ? query->sort : COBALT_LOG_SORT_WHEN;
  GError *local_error = NULL;
  int n = 0;

  if (text)
    pattern = like_pattern (query->text);

  g_string_append (sql, log_sorts[sort].dose_columns);
  g_string_append (sql, log_sql[LOG_KEYS_FROM_DOSES]);
  if (query->site_id != NULL)
    g_string_append (sql, log_sql[LOG_KEYS_AND_SITE]);
  if (query->given_by >= 0)
    g_string_append (sql, log_sql[LOG_KEYS_AND_GIVEN_BY]);
  if (query->with_reactions)
    g_string_append (sql, log_sql[LOG_KEYS_AND_REACTIONS]);
  if (text)
    g_string_append (sql, log_sql[LOG_KEYS_AND_DOSE_TEXT]);
  if (runs)
    {
      g_string_append (sql, log_sql[LOG_KEYS_UNION_RUNS]);
      g_string_append (sql, log_sorts[sort].run_columns);
      g_string_append (sql, log_sql[LOG_KEYS_FROM_RUNS]);
      if (text)
        g_string_append (sql, log_sql[LOG_KEYS_AND_RUN_TEXT]);
    }
  g_string_append (sql, log_sql[LOG_KEYS_ORDER_BY]);
  g_string_append (sql, log_sorts[sort].order_by[query->descending ? 1 : 0]);

  stmt = cobalt_database_prepare (db, sql->str, error);
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

gboolean
cobalt_log_tables_fetch_doses (CobaltDatabase    *db,
                               CobaltStatement  **stmt,
                               GHashTable        *zones,
                               const gint64      *keys,
                               guint              n_keys,
                               GHashTable        *found,
                               GError           **error)
{
  return fetch_into (db, LOG_FETCH_DOSES, stmt, zones, keys, n_keys, found, error);
}

gboolean
cobalt_log_tables_fetch_runs (CobaltDatabase    *db,
                              CobaltStatement  **stmt,
                              const gint64      *keys,
                              guint              n_keys,
                              GHashTable        *found,
                              GError           **error)
{
  return fetch_into (db, LOG_FETCH_RUNS, stmt, NULL, keys, n_keys, found, error);
}
