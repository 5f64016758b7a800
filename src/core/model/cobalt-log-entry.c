/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-log-entry.h"
#include "cobalt-checklist-run.h"

G_DEFINE_FINAL_TYPE (CobaltLogEntry, cobalt_log_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_DOSE,
  PROP_WHEN,
  PROP_CHECKLIST_STATE,
  PROP_ABORT_REASON,
  PROP_N_REACTIONS,
  PROP_REACTIONS_TEXT,
  PROP_WORST_REACTION,
  N_PROPS
};

static void
cobalt_log_entry_finalize (GObject *object)
{
  CobaltLogEntry *self = COBALT_LOG_ENTRY (object);

  g_clear_object (&self->dose);
  g_clear_pointer (&self->when, g_date_time_unref);
  g_clear_pointer (&self->abort_reason, g_free);
  g_clear_pointer (&self->reactions_text, g_free);

  G_OBJECT_CLASS (cobalt_log_entry_parent_class)->finalize (object);
}

static void
cobalt_log_entry_class_init (CobaltLogEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_log_entry_finalize;
}

static void
cobalt_log_entry_init (CobaltLogEntry *self)
{
  self->checklist_state = COBALT_LOG_CHECKLIST_NONE;
  self->worst_reaction = -1;
}

CobaltLogEntry *
cobalt_log_entry_new_dose (CobaltDose *dose,
                           int         checklist_state,
                           guint       n_reactions,
                           const char *reactions_text,
                           int         worst_reaction)
{
  CobaltLogEntry *self;

  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  self = g_object_new (COBALT_TYPE_LOG_ENTRY, NULL);
  self->key = dose->id;
  self->dose = g_object_ref (dose);
  if (dose->given_at != NULL)
    self->when = g_date_time_ref (dose->given_at);
  self->checklist_state = checklist_state;
  self->n_reactions = n_reactions;
  self->reactions_text = g_strdup (reactions_text);
  self->worst_reaction = worst_reaction;
  return self;
}

CobaltLogEntry *
cobalt_log_entry_new_aborted (gint64      run_id,
                              GDateTime  *started_at,
                              const char *abort_reason)
{
  CobaltLogEntry *self;

  g_return_val_if_fail (run_id > 0, NULL);
  g_return_val_if_fail (started_at != NULL, NULL);

  self = g_object_new (COBALT_TYPE_LOG_ENTRY, NULL);
  self->key = -run_id;
  self->when = g_date_time_ref (started_at);
  self->checklist_state = COBALT_RUN_ABORTED;
  self->abort_reason = g_strdup (abort_reason);
  return self;
}

gboolean
cobalt_log_entry_is_dose (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), FALSE);
  return self->dose != NULL;
}

const char *
cobalt_log_entry_describe_checklist (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);

  if (self->checklist_state == COBALT_LOG_CHECKLIST_NONE)
    /* Translators: the dose was logged without going through the checklist. */
    return C_("checklist", "None");
  return cobalt_run_state_to_string (self->checklist_state);
}

const char *
cobalt_log_entry_describe_abort_reason (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);

  if (self->abort_reason == NULL || *self->abort_reason == '\0')
    /* Translators: the log's note for a checklist stopped without a reason. */
    return _("No reason given");
  return self->abort_reason;
}
