/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "cobalt-core.h"
#include "cobalt-notifier-libnotify.h"
#include "cobalt-reminder-application.h"
#include "cobalt-reminder-service.h"

struct _CobaltReminderApplication
{
  GApplication           parent_instance;

  char                  *data_dir;
  gboolean               data_dir_from_option;
  CobaltReminderService *service;
};

G_DEFINE_FINAL_TYPE (CobaltReminderApplication, cobalt_reminder_application, G_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read Cobalt’s data from DIR (also $COBALT_DATA_DIR)"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static char *
resolve_data_dir (const char *option_dir)
{
  const char *env_dir = g_getenv ("COBALT_DATA_DIR");

  if (option_dir != NULL && *option_dir != '\0')
    return g_canonicalize_filename (option_dir, NULL);
  if (env_dir != NULL && *env_dir != '\0')
    return g_canonicalize_filename (env_dir, NULL);
  return g_build_filename (g_get_user_data_dir (), "cobalt", NULL);
}

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  GApplication *app = user_data;

  g_message ("Stopping");
  g_application_quit (app);

  return G_SOURCE_CONTINUE;
}

static int
cobalt_reminder_application_handle_local_options (GApplication *app,
                                                  GVariantDict *options)
{
  CobaltReminderApplication *self = COBALT_REMINDER_APPLICATION (app);
  g_autofree char *option_dir = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cobalt-reminder %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "data-dir", "^ay", &option_dir);
  self->data_dir_from_option = option_dir != NULL && *option_dir != '\0';
  self->data_dir = resolve_data_dir (option_dir);

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("cobalt-reminder: %s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    {
      g_print ("%s\n", _("Cobalt reminders are already running."));
      return 0;
    }

  return -1;
}

static void
cobalt_reminder_application_startup (GApplication *app)
{
  CobaltReminderApplication *self = COBALT_REMINDER_APPLICATION (app);
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(CobaltNotifierLibnotify) notifier = NULL;

  G_APPLICATION_CLASS (cobalt_reminder_application_parent_class)->startup (app);

  /* A background service: runs until the session ends or it is told to
   * stop, not until its last window closes (it has none). */
  g_application_hold (app);

  g_unix_signal_add (SIGTERM, on_quit_signal_cb, app);
  g_unix_signal_add (SIGINT, on_quit_signal_cb, app);

  g_message ("Watching %s for reminders", self->data_dir);

  clock = cobalt_clock_new_real ();
  notifier = cobalt_notifier_libnotify_new ();
  self->service = cobalt_reminder_service_new (self->data_dir, self->data_dir_from_option,
                                               clock, COBALT_NOTIFIER (notifier));
  cobalt_reminder_service_start (self->service);
}

static void
cobalt_reminder_application_activate (GApplication *app)
{
  /* Started again while running (for instance by cobalt): nothing to
   * open; the service already watches everything. */
}

static void
cobalt_reminder_application_shutdown (GApplication *app)
{
  CobaltReminderApplication *self = COBALT_REMINDER_APPLICATION (app);

  g_clear_object (&self->service);

  G_APPLICATION_CLASS (cobalt_reminder_application_parent_class)->shutdown (app);
}

static void
cobalt_reminder_application_finalize (GObject *object)
{
  CobaltReminderApplication *self = (CobaltReminderApplication *)object;

  g_clear_object (&self->service);
  g_free (self->data_dir);

  G_OBJECT_CLASS (cobalt_reminder_application_parent_class)->finalize (object);
}

static void
cobalt_reminder_application_class_init (CobaltReminderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cobalt_reminder_application_finalize;
  app_class->handle_local_options = cobalt_reminder_application_handle_local_options;
  app_class->startup = cobalt_reminder_application_startup;
  app_class->activate = cobalt_reminder_application_activate;
  app_class->shutdown = cobalt_reminder_application_shutdown;
}

static void
cobalt_reminder_application_init (CobaltReminderApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Shows Cobalt’s injection reminders in the background."));
}

CobaltReminderApplication *
cobalt_reminder_application_new (void)
{
  return g_object_new (COBALT_TYPE_REMINDER_APPLICATION,
                       "application-id", REMINDER_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
