/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "cobalt-core.h"
#include "cobalt-time-watch.h"

struct _CobaltTimeWatch
{
  GObject          parent_instance;

  char            *localtime_path;
  int              timer_fd;
  GSource         *timer_source;
  GFileMonitor    *localtime_monitor;
  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (CobaltTimeWatch, cobalt_time_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCALTIME_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Arms the timer far in the future: it never expires, it only exists so
 * the kernel cancels it (ECANCELED) whenever CLOCK_REALTIME is set. */
static gboolean
arm_timer (int fd)
{
  struct itimerspec spec = { 0 };
  struct timespec now;

  if (clock_gettime (CLOCK_REALTIME, &now) != 0)
    return FALSE;

  spec.it_value.tv_sec = now.tv_sec + 10 * 365 * 24 * 3600;
  return timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0;
}

static gboolean
on_timer_fd_cb (int          fd,
                GIOCondition condition,
                gpointer     user_data)
{
  CobaltTimeWatch *self = user_data;
  guint64 expirations;
  ssize_t n;

  n = read (fd, &expirations, sizeof expirations);
  if (n < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;

  /* ECANCELED: the clock was set. Re-arm before telling anyone, so a
   * second step right after is not missed. */
  if (!arm_timer (fd))
    {
      g_warning ("Could not re-arm the clock-change timer: %s", g_strerror (errno));
      self->timer_source = NULL;
      return G_SOURCE_REMOVE;
    }

  g_debug ("The wall clock was set");
  g_signal_emit (self, signals[CHANGED], 0, "clock");

  return G_SOURCE_CONTINUE;
}

static void
on_localtime_changed_cb (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         CobaltTimeWatch   *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      g_debug ("The time zone changed");
      g_signal_emit (self, signals[CHANGED], 0, "timezone");
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
on_prepare_for_sleep_cb (GDBusConnection *connection,
                         const char      *sender_name,
                         const char      *object_path,
                         const char      *interface_name,
                         const char      *signal_name,
                         GVariant        *parameters,
                         gpointer         user_data)
{
  CobaltTimeWatch *self = user_data;
  gboolean going_to_sleep = TRUE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (going_to_sleep)
    return;

  g_debug ("Resumed from suspend");
  g_signal_emit (self, signals[CHANGED], 0, "resume");
}

static void
on_system_bus_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(CobaltTimeWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      /* No system bus (containers, tests): clock checks still catch up. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, not watching for resume: %s", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus,
                                        "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager",
                                        "PrepareForSleep",
                                        "/org/freedesktop/login1",
                                        NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_prepare_for_sleep_cb,
                                        self, NULL);
}

static void
cobalt_time_watch_dispose (GObject *object)
{
  CobaltTimeWatch *self = (CobaltTimeWatch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->timer_source != NULL)
    {
      g_source_destroy (self->timer_source);
      g_clear_pointer (&self->timer_source, g_source_unref);
    }
  if (self->timer_fd >= 0)
    {
      close (self->timer_fd);
      self->timer_fd = -1;
    }

  if (self->localtime_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->localtime_monitor, self);
      g_file_monitor_cancel (self->localtime_monitor);
      g_clear_object (&self->localtime_monitor);
    }

  if (self->system_bus != NULL && self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (cobalt_time_watch_parent_class)->dispose (object);
}

static void
cobalt_time_watch_constructed (GObject *object)
{
  CobaltTimeWatch *self = (CobaltTimeWatch *)object;
  g_autoptr(GFile) localtime = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cobalt_time_watch_parent_class)->constructed (object);

  if (self->localtime_path == NULL)
    self->localtime_path = g_strdup ("/etc/localtime");

  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd >= 0 && arm_timer (self->timer_fd))
    {
      self->timer_source = g_unix_fd_source_new (self->timer_fd, G_IO_IN);
      g_source_set_callback (self->timer_source, G_SOURCE_FUNC (on_timer_fd_cb), self, NULL);
      g_source_set_static_name (self->timer_source, "[cobalt] clock changes");
      g_source_attach (self->timer_source, NULL);
    }
  else
    g_debug ("Not watching for clock changes: %s", g_strerror (errno));

  /* The link is replaced (not written) when the zone changes: watch the
   * name, not what it points to. */
  localtime = g_file_new_for_path (self->localtime_path);
  self->localtime_monitor = g_file_monitor_file (localtime, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->localtime_monitor != NULL)
    g_signal_connect (self->localtime_monitor, "changed",
                      G_CALLBACK (on_localtime_changed_cb), self);
  else
    g_debug ("Not watching %s: %s", self->localtime_path, error->message);

  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus_ready_cb, g_object_ref (self));
}

static void
cobalt_time_watch_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltTimeWatch *self = COBALT_TIME_WATCH (object);

  switch (prop_id)
    {
    case PROP_LOCALTIME_PATH:
      g_value_set_string (value, self->localtime_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_time_watch_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltTimeWatch *self = COBALT_TIME_WATCH (object);

  switch (prop_id)
    {
    case PROP_LOCALTIME_PATH:
      self->localtime_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_time_watch_finalize (GObject *object)
{
  CobaltTimeWatch *self = (CobaltTimeWatch *)object;

  g_free (self->localtime_path);

  G_OBJECT_CLASS (cobalt_time_watch_parent_class)->finalize (object);
}

static void
cobalt_time_watch_class_init (CobaltTimeWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cobalt_time_watch_constructed;
  object_class->dispose = cobalt_time_watch_dispose;
  object_class->finalize = cobalt_time_watch_finalize;
  object_class->get_property = cobalt_time_watch_get_property;
  object_class->set_property = cobalt_time_watch_set_property;

  properties[PROP_LOCALTIME_PATH] =
    g_param_spec_string ("localtime-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltTimeWatch::changed:
   * @reason: "clock", "timezone" or "resume"
   *
   * Wall-clock time may have jumped: re-evaluate anything scheduled.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cobalt_time_watch_init (CobaltTimeWatch *self)
{
  self->timer_fd = -1;
  self->cancellable = g_cancellable_new ();
}

CobaltTimeWatch *
cobalt_time_watch_new (void)
{
  return g_object_new (COBALT_TYPE_TIME_WATCH, NULL);
}

CobaltTimeWatch *
cobalt_time_watch_new_for_path (const char *localtime_path)
{
  g_return_val_if_fail (localtime_path != NULL, NULL);

  return g_object_new (COBALT_TYPE_TIME_WATCH, "localtime-path", localtime_path, NULL);
}

GTimeZone *
cobalt_time_watch_dup_zone (CobaltTimeWatch *self)
{
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  const char *identifier = NULL;

  g_return_val_if_fail (COBALT_IS_TIME_WATCH (self), NULL);

  /* systemd-timedated and most distributions: a link into zoneinfo. */
  target = g_file_read_link (self->localtime_path, NULL);
  if (target != NULL)
    {
      const char *zoneinfo = strstr (target, "zoneinfo/");

      if (zoneinfo != NULL)
        identifier = zoneinfo + strlen ("zoneinfo/");
    }

  /* Debian's older convention: the name in /etc/timezone. */
  if (identifier == NULL && g_file_get_contents ("/etc/timezone", &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (*contents != '\0')
        identifier = contents;
    }

  /* Read from files: checked before GLib opens anything for it. */
  return cobalt_time_zone_new_checked (identifier);
}
