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
 * anything was given ("aborted checklist runs listed as such"). */

#define COBALT_TYPE_LOG_ENTRY (cobalt_log_entry_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogEntry, cobalt_log_entry, COBALT, LOG_ENTRY, GObject)

struct _CobaltLogEntry
{
  GObject     parent_instance;

  gint64      key;             /* positive dose id, or minus the run id for a stopped run */
  CobaltDose *dose;            /* NULL for a stopped run */
  GDateTime  *when;            /* when the dose was given, or the run started; in its own zone */
  int         checklist_state; /* a CobaltRunState or COBALT_LOG_CHECKLIST_NONE */
  char       *abort_reason;
  guint       n_reactions;
  char       *reactions_text;  /* "Site pain; Headache" or NULL */
  int         worst_reaction;  /* the most urgent CobaltTriageLevel, -1 without reactions */
};

/* Checklist column of a dose logged without a checklist run. */
#define COBALT_LOG_CHECKLIST_NONE (-1)

/* Takes a reference on @dose. */
CobaltLogEntry *cobalt_log_entry_new_dose      (CobaltDose  *dose,
                                                int          checklist_state,
                                                guint        n_reactions,
                                                const char  *reactions_text,
                                                int          worst_reaction);
CobaltLogEntry *cobalt_log_entry_new_aborted   (gint64       run_id,
                                                GDateTime   *started_at,
                                                const char  *abort_reason);

gboolean        cobalt_log_entry_is_dose             (CobaltLogEntry *self);

/* "Completed", "Stopped", "In progress" or "None" (translated). */
const char     *cobalt_log_entry_describe_checklist  (CobaltLogEntry *self);
/* Why a stopped run was stopped, or "No reason given" (translated): the
 * reason is optional. */
const char     *cobalt_log_entry_describe_abort_reason (CobaltLogEntry *self);

G_END_DECLS
