/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define COBALT_TYPE_CLOCK (cobalt_clock_get_type ())
G_DECLARE_FINAL_TYPE (CobaltClock, cobalt_clock, COBALT, CLOCK, GObject)

/* The real wall clock, in the local time zone (honours $TZ). */
CobaltClock *cobalt_clock_new_real  (void);
/* A clock stopped at @now (any zone; the clock's zone becomes @now's zone)
 * that only moves when told: for tests. */
CobaltClock *cobalt_clock_new_fixed (GDateTime   *now);

gboolean     cobalt_clock_is_fixed      (CobaltClock *self);
/* "now" in the clock's time zone. Free with g_date_time_unref(). */
GDateTime   *cobalt_clock_get_now       (CobaltClock *self);
/* Borrowed: stays valid as long as the clock lives. A real clock follows
 * changes of $TZ. */
GTimeZone   *cobalt_clock_get_timezone  (CobaltClock *self);
/* Fixed clocks only. Emits ::changed. */
void         cobalt_clock_set_now       (CobaltClock *self,
                                         GDateTime   *now);
void         cobalt_clock_advance       (CobaltClock *self,
                                         GTimeSpan    span);

G_END_DECLS
