/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The journal page's records (check-ins, reactions, lab results) by kind,
 * over the repository's functions for each: it validates, writes in one
 * transaction, and emits ::changed ("journal") after the commit, so every
 * view showing them follows. */

typedef enum
{
  COBALT_JOURNAL_RECORD_CHECKIN    = 0,
  COBALT_JOURNAL_RECORD_REACTION   = 1,
  COBALT_JOURNAL_RECORD_LAB_RESULT = 2,
} CobaltJournalRecord;

/* Which kind @record (a CobaltCheckin, CobaltReaction or CobaltLabResult)
 * is; FALSE for any other object. */
gboolean  cobalt_journal_record_get_kind      (GObject              *record,
                                               CobaltJournalRecord  *kind);

/* The record of @person_id with @id of @kind as stored (read through the
 * repository's lists), or NULL with COBALT_REPOSITORY_ERROR_NOT_FOUND. */
GObject  *cobalt_journal_store_get            (CobaltRepository     *repository,
                                               CobaltJournalRecord   kind,
                                               gint64                person_id,
                                               gint64                id,
                                               GError              **error);

/* Rewrites the stored row of @record (by its id and person), keeping its
 * id. NOT_FOUND when there is no such row; the record's own validation
 * error (COBALT_JOURNAL_ERROR_INVALID...) when it is not valid. */
gboolean  cobalt_journal_store_update         (CobaltRepository     *repository,
                                               GObject              *record,
                                               GError              **error);

/* Deletes the row; NOT_FOUND when there is none. Keep the record object
 * to undo with cobalt_journal_store_restore(). */
gboolean  cobalt_journal_store_delete         (CobaltRepository     *repository,
                                               CobaltJournalRecord   kind,
                                               gint64                id,
                                               GError              **error);

/* Stores a deleted @record again, under its old id when that is still
 * free (else a new one, set on @record). */
gboolean  cobalt_journal_store_restore        (CobaltRepository     *repository,
                                               GObject              *record,
                                               GError              **error);

G_END_DECLS
