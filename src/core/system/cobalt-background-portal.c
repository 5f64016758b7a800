/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-autostart.h"
#include "cobalt-background-portal.h"

#define PORTAL_BUS_NAME     "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH  "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE    "org.freedesktop.portal.Background"
#define REQUEST_IFACE       "org.freedesktop.portal.Request"

/* The portal's Response codes: 0 granted, 1 cancelled by the person,
 * 2 ended another way. */
#define RESPONSE_SUCCESS    0
#define RESPONSE_CANCELLED  1

typedef struct
{
  GDBusConnection *connection;
  gboolean         autostart;
  char           **commandline;
  char            *reason;
  char            *handle;        /* the Request object the answer comes from */
  guint            response_id;   /* holds a reference on the task while set */
} RequestData;

static void
request_data_free (gpointer data)
{
  RequestData *request = data;

  g_assert (request->response_id == 0);
  g_clear_object (&request->connection);
  g_strfreev (request->commandline);
  g_free (request->reason);
  g_free (request->handle);
  g_free (request);
}

static const char *
denied_message (gboolean autostart)
{
  return autostart
    ? _("Starting at login was not allowed. You can allow it in your desktop's settings for Cobalt.")
    : _("The desktop did not confirm that Cobalt no longer starts at login.");
}

/* Stops listening for the Response and drops the reference the
 * subscription held; TRUE when it was still listening. */
static gboolean
stop_listening (GTask *task)
{
  RequestData *request = g_task_get_task_data (task);

  if (request->response_id == 0)
    return FALSE;

  g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  request->response_id = 0;
  g_object_unref (task);
  return TRUE;
}

static void
on_response_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  RequestData *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;
  gboolean autostart = FALSE;

  /* One answer per request. */
  if (!stop_listening (task))
    return;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    g_variant_get (parameters, "(u@a{sv})", &response, &results);

  if (response != RESPONSE_SUCCESS)
    {
      if (response == RESPONSE_CANCELLED)
        g_task_return_new_error (task, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_DENIED,
                                 "%s", denied_message (request->autostart));
      else
        g_task_return_new_error (task, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_DENIED,
                                 "%s", _("The desktop could not change what starts at login."));
      return;
    }

  /* Answered 0 but autostart kept off is not what the switch says. */
  if (results != NULL)
    g_variant_lookup (results, "autostart", "b", &autostart);
  if (request->autostart && !autostart)
    {
      g_task_return_new_error (task, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_DENIED,
                               "%s", denied_message (TRUE));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
listen_for_response (GTask *task)
{
  RequestData *request = g_task_get_task_data (task);

  g_assert (request->response_id == 0);
  /* GDBus sends the AddMatch for this before any later message on the
   * same connection, so the bus knows to route the answer before the
   * portal can give it. */
  request->response_id = g_dbus_connection_signal_subscribe (request->connection,
                                                             PORTAL_BUS_NAME,
                                                             REQUEST_IFACE,
                                                             "Response",
                                                             request->handle,
                                                             NULL,
                                                             G_DBUS_SIGNAL_FLAGS_NONE,
                                                             on_response_cb,
                                                             g_object_ref (task),
                                                             NULL);
}

static void
on_request_background_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *request = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *handle = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (stop_listening (task))
        {
          g_dbus_error_strip_remote_error (error);
          g_task_return_new_error (task, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                                   _("The desktop's background portal could not be reached: %s"),
                                   error->message);
        }
      return;
    }

  /* Portals before version 0.9 choose their own path: listen there
   * instead, as the portal documentation advises. */
  g_variant_get (reply, "(&o)", &handle);
  if (request->response_id != 0 && g_strcmp0 (handle, request->handle) != 0)
    {
      stop_listening (task);
      g_free (request->handle);
      request->handle = g_strdup (handle);
      listen_for_response (task);
    }
}

static void
on_bus_get_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  GVariantBuilder options;

  request->connection = g_bus_get_finish (result, &error);
  if (request->connection == NULL)
    {
      g_task_return_new_error (task, COBALT_AUTOSTART_ERROR, COBALT_AUTOSTART_ERROR_FAILED,
                               _("The desktop's background portal could not be reached: %s"),
                               error->message);
      return;
    }

  /* The Request's path is known before the call (portal 0.9 and later):
   * …/request/SENDER/TOKEN, SENDER the unique name without its ':' and
   * with '_' for '.'. */
  sender = g_strdup (g_dbus_connection_get_unique_name (request->connection) + 1);
  g_strdelimit (sender, ".", '_');
  token = g_strdup_printf ("cobalt%u", g_random_int ());
  request->handle = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);
  listen_for_response (task);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (request->reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (request->autostart));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv ((const char * const *) request->commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  /* No parent window: the request may come from the preferences or from
   * no window at all, and "" is the portal's "none". */
  g_dbus_connection_call (request->connection,
                          PORTAL_BUS_NAME,
                          PORTAL_OBJECT_PATH,
                          BACKGROUND_IFACE,
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          g_task_get_cancellable (task),
                          on_request_background_cb,
                          g_object_ref (task));
}

gboolean
cobalt_background_portal_in_sandbox (void)
{
  const char *info = g_getenv ("COBALT_SANDBOX_INFO");

  if (info == NULL || *info == '\0')
    info = "/.flatpak-info";

  return g_file_test (info, G_FILE_TEST_EXISTS);
}

void
cobalt_background_portal_request_async (gboolean             autostart,
                                        const char * const  *commandline,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RequestData *request;

  g_return_if_fail (commandline != NULL && commandline[0] != NULL);
  g_return_if_fail (reason != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cobalt_background_portal_request_async);

  request = g_new0 (RequestData, 1);
  request->autostart = autostart;
  request->commandline = g_strdupv ((char **) commandline);
  request->reason = g_strdup (reason);
  g_task_set_task_data (task, request, request_data_free);

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus_get_cb, g_steal_pointer (&task));
}

gboolean
cobalt_background_portal_request_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
