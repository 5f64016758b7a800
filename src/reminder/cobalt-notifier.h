/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cobalt-notification.h"

G_BEGIN_DECLS

/* Where reminders go: the desktop's notification server (libnotify) or a
 * recording fake in tests. Ids are the server's (never 0 for a shown
 * notification) so a notification of an earlier run can still be closed. */

#define COBALT_TYPE_NOTIFIER (cobalt_notifier_get_type ())
G_DECLARE_INTERFACE (CobaltNotifier, cobalt_notifier, COBALT, NOTIFIER, GObject)

struct _CobaltNotifierInterface
{
  GTypeInterface parent_iface;

  guint    (*show)             (CobaltNotifier           *self,
                                const CobaltNotification *notification,
                                GError                  **error);
  void     (*close)            (CobaltNotifier           *self,
                                guint                     id);
  gboolean (*supports_actions) (CobaltNotifier           *self);
};

/* Returns the notification's id, or 0 with @error set. */
guint    cobalt_notifier_show             (CobaltNotifier           *self,
                                           const CobaltNotification *notification,
                                           GError                  **error);
void     cobalt_notifier_close            (CobaltNotifier           *self,
                                           guint                     id);
/* Whether the server shows buttons (the "actions" capability). */
gboolean cobalt_notifier_supports_actions (CobaltNotifier           *self);

/* For implementations: emit ::action-invoked / ::closed. */
void     cobalt_notifier_emit_action_invoked (CobaltNotifier *self,
                                              guint           id,
                                              const char     *action_id);
void     cobalt_notifier_emit_closed         (CobaltNotifier *self,
                                              guint           id,
                                              gboolean        by_user);

G_END_DECLS
