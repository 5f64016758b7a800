/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-log-entry.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* The queries behind the Log page and the CSV export, straight on the
 * repository's database so that 100 000 doses stay quick: one query returns the sorted
 * keys of every matching row (doses, and checklist runs stopped before a
 * dose), and pages of full rows are then fetched by key. */

typedef enum
{
  COBALT_LOG_SORT_WHEN     = 0,
  COBALT_LOG_SORT_SITE     = 1,
  COBALT_LOG_SORT_PRODUCT  = 2, /* product, then amount */
  COBALT_LOG_SORT_BATCH    = 3,
  COBALT_LOG_SORT_GIVEN_BY = 4,
} CobaltLogSort;

#define COBALT_TYPE_LOG_SORT (cobalt_log_sort_get_type ())
GType cobalt_log_sort_get_type (void) G_GNUC_CONST;

/* Strings are borrowed. Filters on dose fields (site, given by, reactions)
 * leave stopped runs out; the text filter looks in a dose's notes, batch
 * and "given by" name and in a stopped run's reason. */
typedef struct
{
  gint64         person_id;
  gint64         from_us;          /* inclusive; G_MININT64 = no bound */
  gint64         to_us;            /* exclusive; G_MAXINT64 = no bound */
  const char    *site_id;          /* NULL = any */
  int            given_by;         /* CobaltGivenBy, -1 = any */
  gboolean       with_reactions;
  const char    *text;             /* NULL or "" = any */
  gboolean       include_aborted;  /* list stopped checklist runs */
  CobaltLogSort  sort;
  gboolean       descending;
} CobaltLogQuery;

/* Every filter off, newest first, stopped runs included. */
void        cobalt_log_query_init   (CobaltLogQuery       *query,
                                     gint64                person_id);

/* Keys (gint64: dose id, or minus the run id) of all matching rows in
 * order; ties broken by time, then key, so the order is total. */
GArray     *cobalt_log_query_keys   (CobaltRepository     *repository,
                                     const CobaltLogQuery *query,
                                     GError              **error);

/* Fetches full rows by key with prepared statements kept between calls. */
#define COBALT_LOG_FETCH_MAX 256
typedef struct _CobaltLogFetcher CobaltLogFetcher;

CobaltLogFetcher *cobalt_log_fetcher_new   (CobaltRepository *repository);
void              cobalt_log_fetcher_free  (CobaltLogFetcher *self);
/* CobaltLogEntry for each of @keys (at most COBALT_LOG_FETCH_MAX) in the
 * same order; a key whose row has gone (deleted meanwhile) is left out. */
GPtrArray        *cobalt_log_fetcher_fetch (CobaltLogFetcher *self,
                                            const gint64     *keys,
                                            guint             n_keys,
                                            GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltLogFetcher, cobalt_log_fetcher_free)

G_END_DECLS
