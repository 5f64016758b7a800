/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-journal-store.h"

G_BEGIN_DECLS

#define COBALT_TYPE_JOURNAL_PAGE (cobalt_journal_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltJournalPage, cobalt_journal_page, COBALT, JOURNAL_PAGE, GtkWidget)

/* The Journal: wellbeing check-ins, reactions after doses (recorded with
 * the journey's aftercare page and its triage banners), lab results and
 * the charts, one section each, of the context's person (who must be
 * set), followed as the context turns to someone else. Follows the
 * repository's ::changed. */

GtkWidget    *cobalt_journal_page_new          (CobaltContext     *context);
/* "wellbeing", "reactions", "labs" or "charts". */
void          cobalt_journal_page_show_section (CobaltJournalPage *self,
                                                const char        *name);
/* Reads the database again now. */
void          cobalt_journal_page_refresh      (CobaltJournalPage *self);
/* Opens the window to record a reaction after the dose chosen in the
 * Reactions section; returns it (for tests). */
GtkWidget    *cobalt_journal_page_add_reaction (CobaltJournalPage *self);

/* Opens the window that changes the stored record (the check-in or lab
 * form filled in, or the reaction editor); returns it (for tests), or
 * NULL with the reason shown when the record is gone. */
GtkWidget    *cobalt_journal_page_edit          (CobaltJournalPage   *self,
                                                 CobaltJournalRecord  kind,
                                                 gint64               id);
/* Deletes the record and shows the Undo bar (Ctrl+Z) for a few seconds. */
gboolean      cobalt_journal_page_delete        (CobaltJournalPage   *self,
                                                 CobaltJournalRecord  kind,
                                                 gint64               id,
                                                 GError             **error);
/* What Undo does: stores the last deleted record again. */
gboolean      cobalt_journal_page_undo          (CobaltJournalPage   *self,
                                                 GError             **error);
/* The Undo bar's text while it offers an undo, else NULL. */
const char   *cobalt_journal_page_get_undo_text (CobaltJournalPage   *self);

G_END_DECLS
