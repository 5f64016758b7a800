/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-reminder-state.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltReminderState, cobalt_reminder_state, G_TYPE_OBJECT)

/* Indexed by CobaltReminderKind; used in notification ids, so stable. */
static const char * const kind_ids[] = {
  [COBALT_REMINDER_DUE] = "due",
  [COBALT_REMINDER_DAY_BEFORE] = "day-before",
  [COBALT_REMINDER_OVERDUE] = "overdue",
  [COBALT_REMINDER_LOW_STOCK] = "low-stock",
  [COBALT_REMINDER_EXPIRY] = "expiry",
  [COBALT_REMINDER_SHARPS_BIN] = "sharps-bin",
};

static void
cobalt_reminder_state_finalize (GObject *object)
{
  CobaltReminderState *self = (CobaltReminderState *)object;

  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->showing_at, g_date_time_unref);
  g_clear_pointer (&self->shown_at, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  g_clear_pointer (&self->dismissed_at, g_date_time_unref);
  g_clear_pointer (&self->acted_at, g_date_time_unref);
  g_clear_pointer (&self->notification_id, g_free);

  G_OBJECT_CLASS (cobalt_reminder_state_parent_class)->finalize (object);
}

static void
cobalt_reminder_state_class_init (CobaltReminderStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_reminder_state_finalize;
}

static void
cobalt_reminder_state_init (CobaltReminderState *self)
{
  self->kind = COBALT_REMINDER_DUE;
}

CobaltReminderState *
cobalt_reminder_state_new (gint64              person_id,
                           CobaltReminderKind  kind,
                           GDateTime          *due_at)
{
  CobaltReminderState *self = g_object_new (COBALT_TYPE_REMINDER_STATE, NULL);

  self->person_id = person_id;
  self->kind = kind;
  cobalt_set_date_time (&self->due_at, due_at);
  return self;
}

gboolean
cobalt_reminder_state_is_settled (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), FALSE);

  return self->dismissed_at != NULL || self->acted_at != NULL;
}

gboolean
cobalt_reminder_state_is_snoozed (CobaltReminderState *self,
                                  GDateTime           *now)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return self->snoozed_until != NULL
         && g_date_time_compare (now, self->snoozed_until) < 0;
}

gboolean
cobalt_reminder_state_should_show (CobaltReminderState *self,
                                   GDateTime           *now)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (cobalt_reminder_state_is_settled (self))
    return FALSE;

  if (self->snoozed_until != NULL)
    return !cobalt_reminder_state_is_snoozed (self, now);

  return self->shown_at == NULL;
}

const char *
cobalt_reminder_kind_to_id (CobaltReminderKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_ids), NULL);
  return kind_ids[kind];
}

gboolean
cobalt_reminder_kind_from_id (const char         *id,
                              CobaltReminderKind *kind)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_str_equal (kind_ids[i], id))
      {
        if (kind != NULL)
          *kind = i;
        return TRUE;
      }

  return FALSE;
}
