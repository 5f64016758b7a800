/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>

#include "cobalt-notifier-fake.h"

struct _CobaltNotifierFake
{
  GObject     parent_instance;

  GPtrArray  *shown;      /* CobaltNotification */
  GArray     *shown_ids;  /* guint, parallel to shown */
  GHashTable *open;       /* set of GUINT_TO_POINTER(id) */
  guint       next_id;
  gboolean    supports_actions;
  gboolean    failing;
};

static void cobalt_notifier_fake_iface_init (CobaltNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CobaltNotifierFake, cobalt_notifier_fake, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (COBALT_TYPE_NOTIFIER,
                                                      cobalt_notifier_fake_iface_init))

static guint
cobalt_notifier_fake_show (CobaltNotifier           *notifier,
                           const CobaltNotification *notification,
                           GError                  **error)
{
  CobaltNotifierFake *self = COBALT_NOTIFIER_FAKE (notifier);
  guint id;

  if (self->failing)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           "No notification server (fake)");
      return 0;
    }

  id = self->next_id++;
  g_ptr_array_add (self->shown, cobalt_notification_copy (notification));
  g_array_append_val (self->shown_ids, id);
  g_hash_table_add (self->open, GUINT_TO_POINTER (id));

  return id;
}

static void
cobalt_notifier_fake_close (CobaltNotifier *notifier,
                            guint           id)
{
  CobaltNotifierFake *self = COBALT_NOTIFIER_FAKE (notifier);

  if (g_hash_table_remove (self->open, GUINT_TO_POINTER (id)))
    cobalt_notifier_emit_closed (notifier, id, FALSE);
}

static gboolean
cobalt_notifier_fake_supports_actions (CobaltNotifier *notifier)
{
  return COBALT_NOTIFIER_FAKE (notifier)->supports_actions;
}

static void
cobalt_notifier_fake_iface_init (CobaltNotifierInterface *iface)
{
  iface->show = cobalt_notifier_fake_show;
  iface->close = cobalt_notifier_fake_close;
  iface->supports_actions = cobalt_notifier_fake_supports_actions;
}

static void
cobalt_notifier_fake_finalize (GObject *object)
{
  CobaltNotifierFake *self = (CobaltNotifierFake *)object;

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->shown_ids, g_array_unref);
  g_clear_pointer (&self->open, g_hash_table_unref);

  G_OBJECT_CLASS (cobalt_notifier_fake_parent_class)->finalize (object);
}

static void
cobalt_notifier_fake_class_init (CobaltNotifierFakeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_notifier_fake_finalize;
}

static void
cobalt_notifier_fake_init (CobaltNotifierFake *self)
{
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_notification_free);
  self->shown_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->open = g_hash_table_new (NULL, NULL);
  self->next_id = 1;
  self->supports_actions = TRUE;
}

CobaltNotifierFake *
cobalt_notifier_fake_new (void)
{
  return g_object_new (COBALT_TYPE_NOTIFIER_FAKE, NULL);
}

void
cobalt_notifier_fake_set_supports_actions (CobaltNotifierFake *self,
                                           gboolean            supports)
{
  g_return_if_fail (COBALT_IS_NOTIFIER_FAKE (self));
  self->supports_actions = !!supports;
}

void
cobalt_notifier_fake_set_failing (CobaltNotifierFake *self,
                                  gboolean            failing)
{
  g_return_if_fail (COBALT_IS_NOTIFIER_FAKE (self));
  self->failing = !!failing;
}

guint
cobalt_notifier_fake_get_n_shown (CobaltNotifierFake *self)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER_FAKE (self), 0);
  return self->shown->len;
}

const CobaltNotification *
cobalt_notifier_fake_get_shown (CobaltNotifierFake *self,
                                guint               index)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER_FAKE (self), NULL);
  g_return_val_if_fail (index < self->shown->len, NULL);
  return g_ptr_array_index (self->shown, index);
}

guint
cobalt_notifier_fake_get_shown_id (CobaltNotifierFake *self,
                                   guint               index)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER_FAKE (self), 0);
  g_return_val_if_fail (index < self->shown_ids->len, 0);
  return g_array_index (self->shown_ids, guint, index);
}

gboolean
cobalt_notifier_fake_is_open (CobaltNotifierFake *self,
                              guint               id)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER_FAKE (self), FALSE);
  return g_hash_table_contains (self->open, GUINT_TO_POINTER (id));
}

guint
cobalt_notifier_fake_get_n_open (CobaltNotifierFake *self)
{
  g_return_val_if_fail (COBALT_IS_NOTIFIER_FAKE (self), 0);
  return g_hash_table_size (self->open);
}

void
cobalt_notifier_fake_clear_history (CobaltNotifierFake *self)
{
  g_return_if_fail (COBALT_IS_NOTIFIER_FAKE (self));
  g_ptr_array_set_size (self->shown, 0);
  g_array_set_size (self->shown_ids, 0);
}

void
cobalt_notifier_fake_invoke (CobaltNotifierFake *self,
                             guint               id,
                             const char         *action_id)
{
  g_return_if_fail (COBALT_IS_NOTIFIER_FAKE (self));
  g_return_if_fail (action_id != NULL);

  /* Like real servers, a pressed button also closes the notification. */
  cobalt_notifier_emit_action_invoked (COBALT_NOTIFIER (self), id, action_id);
  if (g_hash_table_remove (self->open, GUINT_TO_POINTER (id)))
    cobalt_notifier_emit_closed (COBALT_NOTIFIER (self), id, FALSE);
}

void
cobalt_notifier_fake_dismiss (CobaltNotifierFake *self,
                              guint               id)
{
  g_return_if_fail (COBALT_IS_NOTIFIER_FAKE (self));

  if (g_hash_table_remove (self->open, GUINT_TO_POINTER (id)))
    cobalt_notifier_emit_closed (COBALT_NOTIFIER (self), id, TRUE);
}
