/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-log-entry.h"
#include "cobalt-checklist-run.h"

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

static GParamSpec *properties[N_PROPS];

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
cobalt_log_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CobaltLogEntry *self = COBALT_LOG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KEY:             g_value_set_int64 (value, self->key); break;
    case PROP_DOSE:            g_value_set_object (value, self->dose); break;
    case PROP_WHEN:            g_value_set_boxed (value, self->when); break;
    case PROP_CHECKLIST_STATE: g_value_set_int (value, self->checklist_state); break;
    case PROP_ABORT_REASON:    g_value_set_string (value, self->abort_reason); break;
    case PROP_N_REACTIONS:     g_value_set_uint (value, self->n_reactions); break;
    case PROP_REACTIONS_TEXT:  g_value_set_string (value, self->reactions_text); break;
    case PROP_WORST_REACTION:  g_value_set_int (value, self->worst_reaction); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_entry_class_init (CobaltLogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cobalt_log_entry_finalize;
  object_class->get_property = cobalt_log_entry_get_property;

  properties[PROP_KEY] = g_param_spec_int64 ("key", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DOSE] = g_param_spec_object ("dose", NULL, NULL, COBALT_TYPE_DOSE, flags);
  properties[PROP_WHEN] = g_param_spec_boxed ("when", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CHECKLIST_STATE] = g_param_spec_int ("checklist-state", NULL, NULL, -1, 2, -1, flags);
  properties[PROP_ABORT_REASON] = g_param_spec_string ("abort-reason", NULL, NULL, NULL, flags);
  properties[PROP_N_REACTIONS] = g_param_spec_uint ("n-reactions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REACTIONS_TEXT] = g_param_spec_string ("reactions-text", NULL, NULL, NULL, flags);
  properties[PROP_WORST_REACTION] = g_param_spec_int ("worst-reaction", NULL, NULL, -1, 2, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  self->key = cobalt_dose_get_id (dose);
  self->dose = g_object_ref (dose);
  if (cobalt_dose_get_given_at (dose) != NULL)
    self->when = g_date_time_ref (cobalt_dose_get_given_at (dose));
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

gint64
cobalt_log_entry_get_key (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), 0);
  return self->key;
}

gboolean
cobalt_log_entry_is_dose (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), FALSE);
  return self->dose != NULL;
}

CobaltDose *
cobalt_log_entry_get_dose (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);
  return self->dose;
}

GDateTime *
cobalt_log_entry_get_when (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);
  return self->when;
}

int
cobalt_log_entry_get_checklist_state (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), COBALT_LOG_CHECKLIST_NONE);
  return self->checklist_state;
}

const char *
cobalt_log_entry_get_abort_reason (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);
  return self->abort_reason;
}

guint
cobalt_log_entry_get_n_reactions (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), 0);
  return self->n_reactions;
}

const char *
cobalt_log_entry_get_reactions_text (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), NULL);
  return self->reactions_text;
}

int
cobalt_log_entry_get_worst_reaction (CobaltLogEntry *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (self), -1);
  return self->worst_reaction;
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
