/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-color-scheme.h"

#define PORTAL_BUS_NAME  "org.freedesktop.portal.Desktop"
#define PORTAL_PATH      "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS  "org.freedesktop.portal.Settings"
#define APPEARANCE       "org.freedesktop.appearance"
#define COLOR_SCHEME_KEY "color-scheme"

struct _CobaltColorScheme
{
  GObject          parent_instance;

  GCancellable    *cancellable;
  GDBusConnection *bus;
  guint            subscription;
};

G_DEFINE_FINAL_TYPE (CobaltColorScheme, cobalt_color_scheme, G_TYPE_OBJECT)

/* The portal's values: 0 no preference, 1 prefer dark, 2 prefer light. */
static void
apply_value (GVariant *value)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GVariant) inner = NULL;

  if (value == NULL || settings == NULL)
    return;

  /* The deprecated Read wraps the value in a second variant. */
  inner = g_variant_ref (value);
  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = next;
    }

  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    {
      gboolean dark = g_variant_get_uint32 (inner) == 1;
      gboolean current = FALSE;

      /* Setting it at all makes GTK parse its theme again (a start-up's
       * worth of CSS): only when the answer changes anything. */
      g_object_get (settings, "gtk-application-prefer-dark-theme", &current, NULL);
      if (current != dark)
        g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
    }
}

static void
on_setting_changed_cb (GDBusConnection *connection,
                       const char      *sender_name,
                       const char      *object_path,
                       const char      *interface_name,
                       const char      *signal_name,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE) && g_str_equal (key, COLOR_SCHEME_KEY))
    apply_value (value);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  /* No portal (a bare X session, a test bus): keep GTK's own default. */
  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL)
    return;

  g_variant_get (reply, "(v)", &value);
  apply_value (value);
}

static void
on_bus_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  CobaltColorScheme *self;

  if (bus == NULL)
    return;

  self = user_data;
  self->bus = g_steal_pointer (&bus);
  self->subscription =
    g_dbus_connection_signal_subscribe (self->bus, PORTAL_BUS_NAME, PORTAL_SETTINGS, "SettingChanged",
                                        PORTAL_PATH, APPEARANCE, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_setting_changed_cb, NULL, NULL);
  g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_SETTINGS, "Read",
                          g_variant_new ("(ss)", APPEARANCE, COLOR_SCHEME_KEY),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, 2000,
                          self->cancellable, on_read_cb, NULL);
}

static void
cobalt_color_scheme_dispose (GObject *object)
{
  CobaltColorScheme *self = (CobaltColorScheme *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->bus, self->subscription);
  self->subscription = 0;
  g_clear_object (&self->bus);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cobalt_color_scheme_parent_class)->dispose (object);
}

static void
cobalt_color_scheme_class_init (CobaltColorSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cobalt_color_scheme_dispose;
}

static void
cobalt_color_scheme_init (CobaltColorScheme *self)
{
  self->cancellable = g_cancellable_new ();
}

CobaltColorScheme *
cobalt_color_scheme_new (void)
{
  CobaltColorScheme *self = g_object_new (COBALT_TYPE_COLOR_SCHEME, NULL);

  /* An explicit theme (screenshots use Default:dark) wins. */
  if (g_getenv ("GTK_THEME") == NULL)
    g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_bus_cb, self);

  return self;
}
