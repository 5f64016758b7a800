/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-reminder-state.h"
#include "cobalt-record-private.h"

struct _CobaltReminderState
{
  GObject             parent_instance;

  gint64              id;
  gint64              person_id;
  CobaltReminderKind  kind;
  GDateTime          *due_at;
  GDateTime          *shown_at;
  GDateTime          *snoozed_until;
  GDateTime          *dismissed_at;
  GDateTime          *acted_at;
  char               *notification_id;
};

G_DEFINE_FINAL_TYPE (CobaltReminderState, cobalt_reminder_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_KIND,
  PROP_DUE_AT,
  PROP_SHOWN_AT,
  PROP_SNOOZED_UNTIL,
  PROP_DISMISSED_AT,
  PROP_ACTED_AT,
  PROP_NOTIFICATION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
set_time (CobaltReminderState  *self,
          GDateTime           **slot,
          GDateTime            *value,
          guint                 prop)
{
  if (cobalt_record_set_date_time (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cobalt_reminder_state_finalize (GObject *object)
{
  CobaltReminderState *self = (CobaltReminderState *)object;

  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->shown_at, g_date_time_unref);
  g_clear_pointer (&self->snoozed_until, g_date_time_unref);
  g_clear_pointer (&self->dismissed_at, g_date_time_unref);
  g_clear_pointer (&self->acted_at, g_date_time_unref);
  g_clear_pointer (&self->notification_id, g_free);

  G_OBJECT_CLASS (cobalt_reminder_state_parent_class)->finalize (object);
}

static void
cobalt_reminder_state_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CobaltReminderState *self = COBALT_REMINDER_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DUE_AT:
      g_value_set_boxed (value, self->due_at);
      break;
    case PROP_SHOWN_AT:
      g_value_set_boxed (value, self->shown_at);
      break;
    case PROP_SNOOZED_UNTIL:
      g_value_set_boxed (value, self->snoozed_until);
      break;
    case PROP_DISMISSED_AT:
      g_value_set_boxed (value, self->dismissed_at);
      break;
    case PROP_ACTED_AT:
      g_value_set_boxed (value, self->acted_at);
      break;
    case PROP_NOTIFICATION_ID:
      g_value_set_string (value, self->notification_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_state_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CobaltReminderState *self = COBALT_REMINDER_STATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_reminder_state_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      cobalt_reminder_state_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      cobalt_reminder_state_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DUE_AT:
      cobalt_reminder_state_set_due_at (self, g_value_get_boxed (value));
      break;
    case PROP_SHOWN_AT:
      cobalt_reminder_state_set_shown_at (self, g_value_get_boxed (value));
      break;
    case PROP_SNOOZED_UNTIL:
      cobalt_reminder_state_set_snoozed_until (self, g_value_get_boxed (value));
      break;
    case PROP_DISMISSED_AT:
      cobalt_reminder_state_set_dismissed_at (self, g_value_get_boxed (value));
      break;
    case PROP_ACTED_AT:
      cobalt_reminder_state_set_acted_at (self, g_value_get_boxed (value));
      break;
    case PROP_NOTIFICATION_ID:
      cobalt_reminder_state_set_notification_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_state_class_init (CobaltReminderStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_reminder_state_finalize;
  object_class->get_property = cobalt_reminder_state_get_property;
  object_class->set_property = cobalt_reminder_state_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COBALT_TYPE_REMINDER_KIND,
                       COBALT_REMINDER_DUE, rw);
  properties[PROP_DUE_AT] =
    g_param_spec_boxed ("due-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_SHOWN_AT] =
    g_param_spec_boxed ("shown-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_SNOOZED_UNTIL] =
    g_param_spec_boxed ("snoozed-until", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_DISMISSED_AT] =
    g_param_spec_boxed ("dismissed-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_ACTED_AT] =
    g_param_spec_boxed ("acted-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_NOTIFICATION_ID] =
    g_param_spec_string ("notification-id", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return g_object_new (COBALT_TYPE_REMINDER_STATE,
                       "person-id", person_id,
                       "kind", kind,
                       "due-at", due_at,
                       NULL);
}

gint64
cobalt_reminder_state_get_id (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), 0);
  return self->id;
}

void
cobalt_reminder_state_set_id (CobaltReminderState *self,
                              gint64               id)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_reminder_state_get_person_id (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), 0);
  return self->person_id;
}

void
cobalt_reminder_state_set_person_id (CobaltReminderState *self,
                                     gint64               person_id)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

CobaltReminderKind
cobalt_reminder_state_get_kind (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), COBALT_REMINDER_DUE);
  return self->kind;
}

void
cobalt_reminder_state_set_kind (CobaltReminderState *self,
                                CobaltReminderKind   kind)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  g_return_if_fail ((guint)kind < G_N_ELEMENTS (kind_ids));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

GDateTime *
cobalt_reminder_state_get_due_at (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->due_at;
}

void
cobalt_reminder_state_set_due_at (CobaltReminderState *self,
                                  GDateTime           *due_at)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  set_time (self, &self->due_at, due_at, PROP_DUE_AT);
}

GDateTime *
cobalt_reminder_state_get_shown_at (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->shown_at;
}

void
cobalt_reminder_state_set_shown_at (CobaltReminderState *self,
                                    GDateTime           *shown_at)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  set_time (self, &self->shown_at, shown_at, PROP_SHOWN_AT);
}

GDateTime *
cobalt_reminder_state_get_snoozed_until (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->snoozed_until;
}

void
cobalt_reminder_state_set_snoozed_until (CobaltReminderState *self,
                                         GDateTime           *until)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  set_time (self, &self->snoozed_until, until, PROP_SNOOZED_UNTIL);
}

GDateTime *
cobalt_reminder_state_get_dismissed_at (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->dismissed_at;
}

void
cobalt_reminder_state_set_dismissed_at (CobaltReminderState *self,
                                        GDateTime           *dismissed_at)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  set_time (self, &self->dismissed_at, dismissed_at, PROP_DISMISSED_AT);
}

GDateTime *
cobalt_reminder_state_get_acted_at (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->acted_at;
}

void
cobalt_reminder_state_set_acted_at (CobaltReminderState *self,
                                    GDateTime           *acted_at)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));
  set_time (self, &self->acted_at, acted_at, PROP_ACTED_AT);
}

const char *
cobalt_reminder_state_get_notification_id (CobaltReminderState *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_STATE (self), NULL);
  return self->notification_id;
}

void
cobalt_reminder_state_set_notification_id (CobaltReminderState *self,
                                           const char          *notification_id)
{
  g_return_if_fail (COBALT_IS_REMINDER_STATE (self));

  if (cobalt_record_set_str (&self->notification_id, notification_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFICATION_ID]);
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
