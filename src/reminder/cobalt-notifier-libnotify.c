/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "cobalt-notifier-libnotify.h"

struct _CobaltNotifierLibnotify
{
  GObject     parent_instance;

  /* id → NotifyNotification: libnotify only delivers actions and
   * "closed" for objects that are still alive. */
  GHashTable *notifications;
};

static void cobalt_notifier_libnotify_iface_init (CobaltNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CobaltNotifierLibnotify, cobalt_notifier_libnotify, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (COBALT_TYPE_NOTIFIER,
                                                      cobalt_notifier_libnotify_iface_init))

/* The freedesktop spec's NotificationClosed reasons. */
#define CLOSED_REASON_DISMISSED 2

static guint
notification_get_id (NotifyNotification *notification)
{
  int id = 0;

  g_object_get (notification, "id", &id, NULL);
  return id > 0 ? (guint) id : 0;
}

static NotifyUrgency
to_notify_urgency (CobaltNotificationUrgency urgency)
{
  switch (urgency)
    {
    case COBALT_NOTIFICATION_URGENCY_LOW:
      return NOTIFY_URGENCY_LOW;
    case COBALT_NOTIFICATION_URGENCY_CRITICAL:
      return NOTIFY_URGENCY_CRITICAL;
    case COBALT_NOTIFICATION_URGENCY_NORMAL:
    default:
      return NOTIFY_URGENCY_NORMAL;
    }
}

static void
on_notification_action_cb (NotifyNotification *notification,
                           char               *action,
                           gpointer            user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(CobaltNotifierLibnotify) self = g_weak_ref_get (weak);

  if (self == NULL)
    return;

  cobalt_notifier_emit_action_invoked (COBALT_NOTIFIER (self),
                                       notification_get_id (notification),
                                       action);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_notification_closed_cb (NotifyNotification      *notification,
                           CobaltNotifierLibnotify *self)
{
  guint id = notification_get_id (notification);
  gboolean by_user = notify_notification_get_closed_reason (notification) == CLOSED_REASON_DISMISSED;

  g_signal_handlers_disconnect_by_data (notification, self);
  g_hash_table_remove (self->notifications, GUINT_TO_POINTER (id));
  cobalt_notifier_emit_closed (COBALT_NOTIFIER (self), id, by_user);
}

static gboolean
server_has_capability (const char *capability)
{
  GList *caps = notify_get_server_caps ();
  gboolean found = g_list_find_custom (caps, capability, (GCompareFunc) g_strcmp0) != NULL;

  g_list_free_full (caps, g_free);
  return found;
}

static gboolean
cobalt_notifier_libnotify_supports_actions (CobaltNotifier *notifier)
{
  return server_has_capability ("actions");
}

static guint
cobalt_notifier_libnotify_show (CobaltNotifier           *notifier,
                                const CobaltNotification *notification,
                                GError                  **error)
{
  CobaltNotifierLibnotify *self = COBALT_NOTIFIER_LIBNOTIFY (notifier);
  NotifyNotification *n;
  GList *caps = notify_get_server_caps ();
  gboolean actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  gboolean markup = g_list_find_custom (caps, "body-markup", (GCompareFunc) g_strcmp0) != NULL;
  g_autofree char *escaped = NULL;
  const char *body;
  guint id;

  g_list_free_full (caps, g_free);

  body = actions ? cobalt_notification_get_body (notification)
                 : cobalt_notification_get_body_without_actions (notification);
  /* A name such as "Sam & Alex" is text, not markup. */
  if (markup && body != NULL)
    body = escaped = g_markup_escape_text (body, -1);

  n = notify_notification_new (cobalt_notification_get_summary (notification),
                               body,
                               cobalt_notification_get_icon_name (notification));
  notify_notification_set_app_name (n, _("Cobalt"));
  if (cobalt_notification_get_category (notification) != NULL)
    notify_notification_set_category (n, cobalt_notification_get_category (notification));
  notify_notification_set_urgency (n, to_notify_urgency (cobalt_notification_get_urgency (notification)));
  notify_notification_set_timeout (n, cobalt_notification_get_persistent (notification)
                                        ? NOTIFY_EXPIRES_NEVER : NOTIFY_EXPIRES_DEFAULT);
  /* Lets the server show Cobalt's name and icon and group the reminders. */
  notify_notification_set_hint_string (n, "desktop-entry", APPLICATION_ID);

  if (actions)
    {
      for (guint i = 0; i < cobalt_notification_get_n_actions (notification); i++)
        {
          GWeakRef *weak = g_new0 (GWeakRef, 1);

          g_weak_ref_init (weak, self);
          notify_notification_add_action (n,
                                          cobalt_notification_get_action_id (notification, i),
                                          cobalt_notification_get_action_label (notification, i),
                                          on_notification_action_cb, weak, weak_ref_free);
        }

      if (cobalt_notification_get_has_default_action (notification))
        {
          GWeakRef *weak = g_new0 (GWeakRef, 1);

          g_weak_ref_init (weak, self);
          notify_notification_add_action (n, COBALT_NOTIFICATION_DEFAULT_ACTION, _("Open Cobalt"),
                                          on_notification_action_cb, weak, weak_ref_free);
        }
    }

  if (!notify_notification_show (n, error))
    {
      g_object_unref (n);
      return 0;
    }

  id = notification_get_id (n);
  if (id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The notification server returned no id");
      g_object_unref (n);
      return 0;
    }

  g_signal_connect (n, "closed", G_CALLBACK (on_notification_closed_cb), self);
  /* The table owns @n. */
  g_hash_table_replace (self->notifications, GUINT_TO_POINTER (id), n);

  return id;
}

static void
cobalt_notifier_libnotify_close (CobaltNotifier *notifier,
                                 guint           id)
{
  CobaltNotifierLibnotify *self = COBALT_NOTIFIER_LIBNOTIFY (notifier);
  NotifyNotification *n;
  g_autoptr(GError) error = NULL;

  n = g_hash_table_lookup (self->notifications, GUINT_TO_POINTER (id));
  if (n != NULL)
    g_object_ref (n);
  else
    /* Shown by an earlier run of the reminder: the server still knows
     * the id, and libnotify closes by id. */
    n = g_object_new (NOTIFY_TYPE_NOTIFICATION, "id", (int) id, NULL);

  if (!notify_notification_close (n, &error))
    g_debug ("Could not close notification %u: %s", id, error->message);

  g_object_unref (n);
}

static void
cobalt_notifier_libnotify_iface_init (CobaltNotifierInterface *iface)
{
  iface->show = cobalt_notifier_libnotify_show;
  iface->close = cobalt_notifier_libnotify_close;
  iface->supports_actions = cobalt_notifier_libnotify_supports_actions;
}

static void
cobalt_notifier_libnotify_dispose (GObject *object)
{
  CobaltNotifierLibnotify *self = (CobaltNotifierLibnotify *)object;

  if (self->notifications != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->notifications);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_signal_handlers_disconnect_by_data (value, self);
    }
  g_clear_pointer (&self->notifications, g_hash_table_unref);

  G_OBJECT_CLASS (cobalt_notifier_libnotify_parent_class)->dispose (object);
}

static void
cobalt_notifier_libnotify_class_init (CobaltNotifierLibnotifyClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cobalt_notifier_libnotify_dispose;
}

static void
cobalt_notifier_libnotify_init (CobaltNotifierLibnotify *self)
{
  self->notifications = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

CobaltNotifierLibnotify *
cobalt_notifier_libnotify_new (void)
{
  if (!notify_is_initted ())
    notify_init (_("Cobalt"));

  return g_object_new (COBALT_TYPE_NOTIFIER_LIBNOTIFY, NULL);
}
