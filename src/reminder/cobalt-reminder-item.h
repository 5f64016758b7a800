/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cobalt-core.h"
#include "cobalt-notification.h"

G_BEGIN_DECLS

/* One reminder the planner says is current: what it is about (the key
 * the database de-duplicates on: person, kind, due instant), whether it
 * still has to be shown, and the words to show. */

typedef enum
{
  COBALT_REMINDER_ACTION_NONE            = 0,
  COBALT_REMINDER_ACTION_CHECKLIST       = 1 << 0,
  COBALT_REMINDER_ACTION_SNOOZE_HOUR     = 1 << 1,
  COBALT_REMINDER_ACTION_SNOOZE_TOMORROW = 1 << 2,
} CobaltReminderActions;

/* Notification action ids. */
#define COBALT_REMINDER_ACTION_ID_CHECKLIST       "checklist"
#define COBALT_REMINDER_ACTION_ID_SNOOZE_HOUR     "snooze-hour"
#define COBALT_REMINDER_ACTION_ID_SNOOZE_TOMORROW "snooze-tomorrow"

typedef struct
{
  CobaltReminderKind    kind;
  gint64                person_id;
  char                 *person_name;
  GDateTime            *due_at;         /* the key instant (owned) */
  gboolean              needs_show;     /* never shown, or its snooze ran out */
  char                 *summary;
  char                 *body;
  char                 *body_without_actions;
  CobaltReminderActions actions;
  GDateTime            *tomorrow_at;    /* "Remind me tomorrow" target (owned, may be NULL) */
} CobaltReminderItem;

#define COBALT_TYPE_REMINDER_ITEM (cobalt_reminder_item_get_type ())
GType               cobalt_reminder_item_get_type (void) G_GNUC_CONST;

CobaltReminderItem *cobalt_reminder_item_new      (CobaltReminderKind  kind,
                                                   gint64              person_id,
                                                   const char         *person_name,
                                                   GDateTime          *due_at);
CobaltReminderItem *cobalt_reminder_item_copy     (const CobaltReminderItem *item);
void                cobalt_reminder_item_free     (CobaltReminderItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltReminderItem, cobalt_reminder_item_free)

/* "3:due:1718010000": equal for the same (person, kind, due instant). */
char               *cobalt_reminder_item_dup_key  (const CobaltReminderItem *item);
char               *cobalt_reminder_key_new       (gint64              person_id,
                                                   CobaltReminderKind  kind,
                                                   GDateTime          *due_at);

/* The notification for this reminder, with its buttons. */
CobaltNotification *cobalt_reminder_item_to_notification (const CobaltReminderItem *item);

G_END_DECLS
