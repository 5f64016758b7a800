/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-reminder-item.h"

G_DEFINE_BOXED_TYPE (CobaltReminderItem, cobalt_reminder_item,
                     cobalt_reminder_item_copy, cobalt_reminder_item_free)

CobaltReminderItem *
cobalt_reminder_item_new (CobaltReminderKind  kind,
                          gint64              person_id,
                          const char         *person_name,
                          GDateTime          *due_at)
{
  CobaltReminderItem *item;

  g_return_val_if_fail (due_at != NULL, NULL);

  item = g_new0 (CobaltReminderItem, 1);
  item->kind = kind;
  item->person_id = person_id;
  item->person_name = g_strdup (person_name);
  item->due_at = g_date_time_ref (due_at);

  return item;
}

CobaltReminderItem *
cobalt_reminder_item_copy (const CobaltReminderItem *item)
{
  CobaltReminderItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = cobalt_reminder_item_new (item->kind, item->person_id, item->person_name, item->due_at);
  copy->needs_show = item->needs_show;
  copy->summary = g_strdup (item->summary);
  copy->body = g_strdup (item->body);
  copy->body_without_actions = g_strdup (item->body_without_actions);
  copy->actions = item->actions;
  copy->tomorrow_at = item->tomorrow_at != NULL ? g_date_time_ref (item->tomorrow_at) : NULL;

  return copy;
}

void
cobalt_reminder_item_free (CobaltReminderItem *item)
{
  if (item == NULL)
    return;

  g_free (item->person_name);
  g_clear_pointer (&item->due_at, g_date_time_unref);
  g_free (item->summary);
  g_free (item->body);
  g_free (item->body_without_actions);
  g_clear_pointer (&item->tomorrow_at, g_date_time_unref);
  g_free (item);
}

char *
cobalt_reminder_key_new (gint64              person_id,
                         CobaltReminderKind  kind,
                         GDateTime          *due_at)
{
  g_return_val_if_fail (due_at != NULL, NULL);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT,
                          person_id, cobalt_reminder_kind_to_id (kind),
                          g_date_time_to_unix (due_at));
}

char *
cobalt_reminder_item_dup_key (const CobaltReminderItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return cobalt_reminder_key_new (item->person_id, item->kind, item->due_at);
}

CobaltNotification *
cobalt_reminder_item_to_notification (const CobaltReminderItem *item)
{
  CobaltNotification *notification;
  gboolean dose = FALSE;

  g_return_val_if_fail (item != NULL, NULL);

  notification = cobalt_notification_new (item->summary, item->body);
  cobalt_notification_set_body_without_actions (notification, item->body_without_actions);
  cobalt_notification_set_icon_name (notification, APPLICATION_ID);
  cobalt_notification_set_has_default_action (notification, TRUE);

  switch (item->kind)
    {
    case COBALT_REMINDER_DUE:
    case COBALT_REMINDER_OVERDUE:
      dose = TRUE;
      break;
    case COBALT_REMINDER_DAY_BEFORE:
    case COBALT_REMINDER_LOW_STOCK:
    case COBALT_REMINDER_EXPIRY:
    case COBALT_REMINDER_SHARPS_BIN:
    default:
      break;
    }

  /* A dose reminder stays until the person does something about it;
   * preparation and supplies notes may go to the tray. */
  cobalt_notification_set_persistent (notification, dose);
  cobalt_notification_set_category (notification, dose ? "x-cobalt.dose" : "x-cobalt.supplies");

  if (item->actions & COBALT_REMINDER_ACTION_CHECKLIST)
    cobalt_notification_add_action (notification, COBALT_REMINDER_ACTION_ID_CHECKLIST,
                                    _("Start checklist"));
  if (item->actions & COBALT_REMINDER_ACTION_SNOOZE_HOUR)
    cobalt_notification_add_action (notification, COBALT_REMINDER_ACTION_ID_SNOOZE_HOUR,
                                    _("Snooze 1 hour"));
  if (item->actions & COBALT_REMINDER_ACTION_SNOOZE_TOMORROW)
    cobalt_notification_add_action (notification, COBALT_REMINDER_ACTION_ID_SNOOZE_TOMORROW,
                                    _("Remind me tomorrow"));

  return notification;
}
