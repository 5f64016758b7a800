/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-notification.h"

struct _CobaltNotification
{
  char                      *summary;
  char                      *body;
  char                      *body_without_actions;
  char                      *icon_name;
  char                      *category;
  CobaltNotificationUrgency  urgency;
  gboolean                   persistent;
  gboolean                   has_default_action;
  GPtrArray                 *action_ids;
  GPtrArray                 *action_labels;
};

G_DEFINE_BOXED_TYPE (CobaltNotification, cobalt_notification,
                     cobalt_notification_copy, cobalt_notification_free)

CobaltNotification *
cobalt_notification_new (const char *summary,
                         const char *body)
{
  CobaltNotification *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_new0 (CobaltNotification, 1);
  self->summary = g_strdup (summary);
  self->body = g_strdup (body);
  self->urgency = COBALT_NOTIFICATION_URGENCY_NORMAL;
  self->action_ids = g_ptr_array_new_with_free_func (g_free);
  self->action_labels = g_ptr_array_new_with_free_func (g_free);

  return self;
}

CobaltNotification *
cobalt_notification_copy (const CobaltNotification *self)
{
  CobaltNotification *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cobalt_notification_new (self->summary, self->body);
  copy->body_without_actions = g_strdup (self->body_without_actions);
  copy->icon_name = g_strdup (self->icon_name);
  copy->category = g_strdup (self->category);
  copy->urgency = self->urgency;
  copy->persistent = self->persistent;
  copy->has_default_action = self->has_default_action;
  for (guint i = 0; i < self->action_ids->len; i++)
    cobalt_notification_add_action (copy,
                                    g_ptr_array_index (self->action_ids, i),
                                    g_ptr_array_index (self->action_labels, i));

  return copy;
}

void
cobalt_notification_free (CobaltNotification *self)
{
  if (self == NULL)
    return;

  g_free (self->summary);
  g_free (self->body);
  g_free (self->body_without_actions);
  g_free (self->icon_name);
  g_free (self->category);
  g_ptr_array_unref (self->action_ids);
  g_ptr_array_unref (self->action_labels);
  g_free (self);
}

const char *
cobalt_notification_get_summary (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->summary;
}

const char *
cobalt_notification_get_body (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

void
cobalt_notification_set_body (CobaltNotification *self,
                              const char         *body)
{
  g_return_if_fail (self != NULL);
  g_free (self->body);
  self->body = g_strdup (body);
}

const char *
cobalt_notification_get_body_without_actions (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body_without_actions != NULL ? self->body_without_actions : self->body;
}

void
cobalt_notification_set_body_without_actions (CobaltNotification *self,
                                              const char         *body)
{
  g_return_if_fail (self != NULL);
  g_free (self->body_without_actions);
  self->body_without_actions = g_strdup (body);
}

const char *
cobalt_notification_get_icon_name (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->icon_name;
}

void
cobalt_notification_set_icon_name (CobaltNotification *self,
                                   const char         *icon_name)
{
  g_return_if_fail (self != NULL);
  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
}

const char *
cobalt_notification_get_category (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->category;
}

void
cobalt_notification_set_category (CobaltNotification *self,
                                  const char         *category)
{
  g_return_if_fail (self != NULL);
  g_free (self->category);
  self->category = g_strdup (category);
}

CobaltNotificationUrgency
cobalt_notification_get_urgency (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, COBALT_NOTIFICATION_URGENCY_NORMAL);
  return self->urgency;
}

void
cobalt_notification_set_urgency (CobaltNotification        *self,
                                 CobaltNotificationUrgency  urgency)
{
  g_return_if_fail (self != NULL);
  self->urgency = urgency;
}

gboolean
cobalt_notification_get_persistent (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->persistent;
}

void
cobalt_notification_set_persistent (CobaltNotification *self,
                                    gboolean            persistent)
{
  g_return_if_fail (self != NULL);
  self->persistent = !!persistent;
}

gboolean
cobalt_notification_get_has_default_action (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_default_action;
}

void
cobalt_notification_set_has_default_action (CobaltNotification *self,
                                            gboolean            has_default)
{
  g_return_if_fail (self != NULL);
  self->has_default_action = !!has_default;
}

void
cobalt_notification_add_action (CobaltNotification *self,
                                const char         *action_id,
                                const char         *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (action_id != NULL);
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->action_ids, g_strdup (action_id));
  g_ptr_array_add (self->action_labels, g_strdup (label));
}

guint
cobalt_notification_get_n_actions (const CobaltNotification *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->action_ids->len;
}

const char *
cobalt_notification_get_action_id (const CobaltNotification *self,
                                   guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->action_ids->len, NULL);
  return g_ptr_array_index (self->action_ids, index);
}

const char *
cobalt_notification_get_action_label (const CobaltNotification *self,
                                      guint                     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->action_labels->len, NULL);
  return g_ptr_array_index (self->action_labels, index);
}

gboolean
cobalt_notification_has_action (const CobaltNotification *self,
                                const char               *action_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->action_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->action_ids, i), action_id) == 0)
      return TRUE;

  return FALSE;
}
