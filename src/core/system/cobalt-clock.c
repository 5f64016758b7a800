/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-clock.h"

struct _CobaltClock
{
  GObject    parent_instance;

  gboolean   fixed;
  GDateTime *now;       /* fixed clocks only */
  GTimeZone *tz;
  /* Zones handed out earlier by cobalt_clock_get_timezone() on a real clock
   * whose $TZ changed since: kept alive because callers borrow them. */
  GPtrArray *old_zones;
};

G_DEFINE_FINAL_TYPE (CobaltClock, cobalt_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIXED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GLib caches the local zone; when $TZ names a zone we build it from the
 * identifier so that tests (and users) who set TZ get exactly that zone. */
static GTimeZone *
local_timezone (void)
{
  const char *tz_env = g_getenv ("TZ");

  if (tz_env != NULL && *tz_env != '\0')
    {
      GTimeZone *tz = g_time_zone_new_identifier (*tz_env == ':' ? tz_env + 1 : tz_env);

      if (tz != NULL)
        return tz;
    }

  return g_time_zone_new_local ();
}

static void
refresh_real_timezone (CobaltClock *self)
{
  g_autoptr(GTimeZone) tz = local_timezone ();

  g_assert (!self->fixed);

  if (self->tz != NULL &&
      g_strcmp0 (g_time_zone_get_identifier (self->tz),
                 g_time_zone_get_identifier (tz)) == 0)
    return;

  if (self->tz != NULL)
    g_ptr_array_add (self->old_zones, g_steal_pointer (&self->tz));
  self->tz = g_steal_pointer (&tz);
}

static void
cobalt_clock_finalize (GObject *object)
{
  CobaltClock *self = (CobaltClock *)object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->old_zones, g_ptr_array_unref);

  G_OBJECT_CLASS (cobalt_clock_parent_class)->finalize (object);
}

static void
cobalt_clock_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CobaltClock *self = COBALT_CLOCK (object);

  switch (prop_id)
    {
    case PROP_FIXED:
      g_value_set_boolean (value, self->fixed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_clock_class_init (CobaltClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cobalt_clock_finalize;
  object_class->get_property = cobalt_clock_get_property;

  properties[PROP_FIXED] =
    g_param_spec_boolean ("fixed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltClock::changed:
   *
   * A fixed clock was set or advanced: anything showing "now" should
   * re-evaluate.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cobalt_clock_init (CobaltClock *self)
{
  self->old_zones = g_ptr_array_new_with_free_func ((GDestroyNotify) g_time_zone_unref);
}

CobaltClock *
cobalt_clock_new_real (void)
{
  CobaltClock *self = g_object_new (COBALT_TYPE_CLOCK, NULL);

  refresh_real_timezone (self);

  return self;
}

CobaltClock *
cobalt_clock_new_fixed (GDateTime *now)
{
  CobaltClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (COBALT_TYPE_CLOCK, NULL);
  self->fixed = TRUE;
  self->now = g_date_time_ref (now);
  self->tz = g_time_zone_ref (g_date_time_get_timezone (now));

  return self;
}

gboolean
cobalt_clock_is_fixed (CobaltClock *self)
{
  g_return_val_if_fail (COBALT_IS_CLOCK (self), FALSE);

  return self->fixed;
}

GDateTime *
cobalt_clock_get_now (CobaltClock *self)
{
  g_return_val_if_fail (COBALT_IS_CLOCK (self), NULL);

  if (self->fixed)
    return g_date_time_ref (self->now);

  refresh_real_timezone (self);

  return g_date_time_new_now (self->tz);
}

/* Borrowed: valid as long as the clock lives. */
GTimeZone *
cobalt_clock_get_timezone (CobaltClock *self)
{
  g_return_val_if_fail (COBALT_IS_CLOCK (self), NULL);

  if (!self->fixed)
    refresh_real_timezone (self);

  return self->tz;
}

void
cobalt_clock_set_now (CobaltClock *self,
                      GDateTime   *now)
{
  g_return_if_fail (COBALT_IS_CLOCK (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (self->fixed);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);

  if (!g_time_zone_get_identifier (self->tz) ||
      g_strcmp0 (g_time_zone_get_identifier (self->tz),
                 g_time_zone_get_identifier (g_date_time_get_timezone (now))) != 0)
    {
      g_ptr_array_add (self->old_zones, g_steal_pointer (&self->tz));
      self->tz = g_time_zone_ref (g_date_time_get_timezone (now));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
cobalt_clock_advance (CobaltClock *self,
                      GTimeSpan    span)
{
  g_autoptr(GDateTime) later = NULL;

  g_return_if_fail (COBALT_IS_CLOCK (self));
  g_return_if_fail (self->fixed);

  later = g_date_time_add (self->now, span);
  g_return_if_fail (later != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_steal_pointer (&later);

  g_signal_emit (self, signals[CHANGED], 0);
}
