/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Shared by the cobalt-repository-*.c files (one per area). */

/* Emits ::changed with @table: call only after the commit. */
void        cobalt_repository_emit_changed (CobaltRepository *self,
                                            const char       *table);

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

/* NOT_FOUND for "no such @what". */
void        cobalt_repository_set_not_found (GError     **error,
                                             const char  *what,
                                             gint64       id);

/* NOT_FOUND unless the person exists: a clearer answer than the foreign
 * key's CONSTRAINT. */
gboolean    cobalt_repository_check_person_exists (CobaltDatabase *db,
                                                   gint64          person_id,
                                                   GError        **error);

/* Supply items of a person, as a GListStore of CobaltSupplyItem. */
GListModel *cobalt_repository_load_supply_items (CobaltDatabase *db,
                                                 gint64          person_id,
                                                 GError        **error);
/* Checklist steps of a person, as a GListStore of CobaltChecklistStep. */
GListModel *cobalt_repository_load_checklist_steps (CobaltDatabase *db,
                                                    gint64          person_id,
                                                    GError        **error);
/* Inserts @steps as the person's definition (after deleting the old one);
 * fills @ids (gint64) in order. Inside a transaction. */
gboolean    cobalt_repository_write_checklist_steps (CobaltDatabase *db,
                                                     gint64          person_id,
                                                     GListModel     *steps,
                                                     GArray         *ids,
                                                     GError        **error);

G_END_DECLS
