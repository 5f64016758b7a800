/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-types.h"
#include "cobalt-dose.h"

G_BEGIN_DECLS

/* One row of the injection log as the Log page and the exports show it:
 * either a dose (with the state of the checklist run it came from and a
 * summary of its reactions) or a checklist run that was stopped before
 * anything was given ("aborted checklist runs listed as such").
 *
 * Properties (read-only): key, dose, when, checklist-state,
 * abort-reason, n-reactions, reactions-text, worst-reaction. */

#define COBALT_TYPE_LOG_ENTRY (cobalt_log_entry_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogEntry, cobalt_log_entry, COBALT, LOG_ENTRY, GObject)

struct _CobaltLogEntry
{
  GObject     parent_instance;

  gint64      key;
  CobaltDose *dose;
  GDateTime  *when;
  int         checklist_state;
  char       *abort_reason;
  guint       n_reactions;
  char       *reactions_text;
  int         worst_reaction;
};

/* Checklist column of a dose logged without a checklist run. */
#define COBALT_LOG_CHECKLIST_NONE (-1)

/* Takes a reference on @dose. @checklist_state: a CobaltRunState or
 * COBALT_LOG_CHECKLIST_NONE. @reactions_text: "Site pain; Headache" or NULL.
 * @worst_reaction: the most urgent CobaltTriageLevel, -1 without reactions. */
CobaltLogEntry *cobalt_log_entry_new_dose      (CobaltDose  *dose,
                                                int          checklist_state,
                                                guint        n_reactions,
                                                const char  *reactions_text,
                                                int          worst_reaction);
CobaltLogEntry *cobalt_log_entry_new_aborted   (gint64       run_id,
                                                GDateTime   *started_at,
                                                const char  *abort_reason);

/* Positive dose id, or minus the run id for an aborted run. */
gboolean        cobalt_log_entry_is_dose             (CobaltLogEntry *self);
/* NULL for an aborted run. */
/* When the dose was given, or the run started; in its own zone. */

/* "Completed", "Stopped", "In progress" or "None" (translated). */
const char     *cobalt_log_entry_describe_checklist  (CobaltLogEntry *self);

G_END_DECLS
