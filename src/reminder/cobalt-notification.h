/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a notifier shows: a plain value, copied by the notifier. */

typedef enum
{
  COBALT_NOTIFICATION_URGENCY_LOW      = 0,
  COBALT_NOTIFICATION_URGENCY_NORMAL   = 1,
  COBALT_NOTIFICATION_URGENCY_CRITICAL = 2,
} CobaltNotificationUrgency;

/* The action id sent when the notification itself is clicked. */
#define COBALT_NOTIFICATION_DEFAULT_ACTION "default"

typedef struct _CobaltNotification CobaltNotification;

#define COBALT_TYPE_NOTIFICATION (cobalt_notification_get_type ())
GType               cobalt_notification_get_type           (void) G_GNUC_CONST;

CobaltNotification *cobalt_notification_new                (const char *summary,
                                                            const char *body);
CobaltNotification *cobalt_notification_copy               (const CobaltNotification *self);
void                cobalt_notification_free               (CobaltNotification *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltNotification, cobalt_notification_free)

const char         *cobalt_notification_get_summary        (const CobaltNotification *self);
const char         *cobalt_notification_get_body           (const CobaltNotification *self);
void                cobalt_notification_set_body           (CobaltNotification *self,
                                                            const char         *body);
/* Body for servers without the "actions" capability: says what to do
 * instead of pressing a button. NULL = same as the body. */
const char         *cobalt_notification_get_body_without_actions (const CobaltNotification *self);
void                cobalt_notification_set_body_without_actions (CobaltNotification *self,
                                                            const char         *body);
const char         *cobalt_notification_get_icon_name      (const CobaltNotification *self);
void                cobalt_notification_set_icon_name      (CobaltNotification *self,
                                                            const char         *icon_name);
/* A freedesktop category such as "x-cobalt.reminder"; may be NULL. */
const char         *cobalt_notification_get_category       (const CobaltNotification *self);
void                cobalt_notification_set_category       (CobaltNotification *self,
                                                            const char         *category);
CobaltNotificationUrgency cobalt_notification_get_urgency  (const CobaltNotification *self);
void                cobalt_notification_set_urgency        (CobaltNotification        *self,
                                                            CobaltNotificationUrgency  urgency);
/* Stays on screen until the user acts (no expiry). */
gboolean            cobalt_notification_get_persistent     (const CobaltNotification *self);
void                cobalt_notification_set_persistent     (CobaltNotification *self,
                                                            gboolean            persistent);
/* Clicking the notification sends COBALT_NOTIFICATION_DEFAULT_ACTION. */
gboolean            cobalt_notification_get_has_default_action (const CobaltNotification *self);
void                cobalt_notification_set_has_default_action (CobaltNotification *self,
                                                            gboolean            has_default);

/* Buttons, in order. */
void                cobalt_notification_add_action         (CobaltNotification *self,
                                                            const char         *action_id,
                                                            const char         *label);
guint               cobalt_notification_get_n_actions      (const CobaltNotification *self);
const char         *cobalt_notification_get_action_id      (const CobaltNotification *self,
                                                            guint               index);
const char         *cobalt_notification_get_action_label   (const CobaltNotification *self,
                                                            guint               index);
gboolean            cobalt_notification_has_action         (const CobaltNotification *self,
                                                            const char         *action_id);

G_END_DECLS
