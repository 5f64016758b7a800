/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include "cobalt-database.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Shared by the cobalt-repository-*.c files (one per area) and the table
 * files under them (cobalt-tables-private.h), and the way under the
 * repository for the rest of core and for tests. The window,
 * the command line and cobalt-reminder never include this: they open the
 * log with cobalt_repository_open(). */

/* A repository over an open database; ::changed follows the database's
 * ::committed. */
CobaltRepository *cobalt_repository_new          (CobaltDatabase   *database);
CobaltDatabase   *cobalt_repository_get_database (CobaltRepository *self);
/* The kind of record @table holds, 0 for a table the repository does not
 * know (every table of the schema must have one). */
CobaltRepositoryChanges cobalt_repository_table_get_change (const char *table);

/* Instants are stored as UTC microseconds. */
gint64      cobalt_repository_to_us        (GDateTime  *dt);
/* In @tz_id when it is a known zone, else the local zone. */
GDateTime  *cobalt_repository_from_us      (gint64      us,
                                            const char *tz_id);
/* Binds @dt as microseconds, or NULL. */
gboolean    cobalt_repository_bind_time    (CobaltStatement *stmt,
                                            int              index,
                                            GDateTime       *dt,
                                            GError         **error);
/* A local GDateTime from a *_us column, NULL for NULL. */
GDateTime  *cobalt_repository_get_time     (CobaltStatement *stmt,
                                            int              column);

/* What was not found. The table files (cobalt-tables-private.h) name
 * it; the sentence a person reads is translated here, with the
 * repository's others. */
typedef enum
{
  COBALT_MISSING_PERSON,
  COBALT_MISSING_PRESCRIPTION,
  COBALT_MISSING_DOSE,
  COBALT_MISSING_CHECKLIST_RUN,
  COBALT_MISSING_REACTION,
  COBALT_MISSING_CHECKIN,
  COBALT_MISSING_LAB_RESULT,
  COBALT_MISSING_SUPPLY_ITEM,
} CobaltMissing;

/* NOT_FOUND for "no such @what". */
void        cobalt_repository_set_not_found (GError        **error,
                                             CobaltMissing   what,
                                             gint64          id);

/* One dose's columns as stored, borrowed for the length of the callback. */
typedef struct
{
  gint64      given_at_us;
  const char *tz;
  const char *site_id;
  gint64      product;
  double      amount;
  gint64      unit;
  const char *batch;
  const char *expiry;
  gint64      given_by;
  const char *given_by_name;
  gint64      run_state;       /* -1: no checklist run */
  const char *reaction_kinds;  /* "site-pain,headache" or NULL */
  const char *notes;
} CobaltDoseRow;

typedef void (*CobaltDoseRowFunc) (const CobaltDoseRow *row,
                                   gpointer             user_data);

/* Every dose given to @person_id, oldest first: for exports that must be
 * fast, no model objects, straight from the (person, time) index. */
gboolean cobalt_repository_foreach_dose_row (CobaltRepository  *repository,
                                             gint64             person_id,
                                             CobaltDoseRowFunc  func,
                                             gpointer           user_data,
                                             GError           **error);

G_END_DECLS
