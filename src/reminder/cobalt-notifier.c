/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-notifier.h"

G_DEFINE_INTERFACE (CobaltNotifier, cobalt_notifier, G_TYPE_OBJECT)

enum {
  ACTION_INVOKED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cobalt_notifier_default_init (CobaltNotifierInterface *iface)
{
  /**
   * CobaltNotifier::action-invoked:
   * @id: the notification
   * @action_id: the button's id, or COBALT_NOTIFICATION_DEFAULT_ACTION
   */
  signals[ACTION_INVOKED] =
    g_signal_new ("action-invoked",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * CobaltNotifier::closed:
   * @id: the notification
   * @by_user: the user dismissed it (rather than it expiring or being
   *   closed by us)
   */
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

guint
cobalt_notifier_show (CobaltNotifier           *self,
                      const CobaltNotification *notification,
                      GError                  **error)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER (self), 0);
  g_return_val_if_fail (notification != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return COBALT_NOTIFIER_GET_IFACE (self)->show (self, notification, error);
}

void
cobalt_notifier_close (CobaltNotifier *self,
                       guint           id)
{
  g_return_if_fail (COBALT_IS_NOTIFIER (self));

  if (id == 0)
    return;

  COBALT_NOTIFIER_GET_IFACE (self)->close (self, id);
}

gboolean
cobalt_notifier_supports_actions (CobaltNotifier *self)
{
  CobaltNotifierInterface *iface;

  g_return_val_if_fail (COBALT_IS_NOTIFIER (self), FALSE);

  iface = COBALT_NOTIFIER_GET_IFACE (self);
  return iface->supports_actions != NULL ? iface->supports_actions (self) : FALSE;
}

void
cobalt_notifier_emit_action_invoked (CobaltNotifier *self,
                                     guint           id,
                                     const char     *action_id)
{
  g_return_if_fail (COBALT_IS_NOTIFIER (self));
  g_return_if_fail (action_id != NULL);

  g_signal_emit (self, signals[ACTION_INVOKED], 0, id, action_id);
}

void
cobalt_notifier_emit_closed (CobaltNotifier *self,
                             guint           id,
                             gboolean        by_user)
{
  g_return_if_fail (COBALT_IS_NOTIFIER (self));

  g_signal_emit (self, signals[CLOSED], 0, id, by_user);
}
