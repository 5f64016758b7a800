/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Tells when wall-clock time jumped under us: the clock was set (a
 * timerfd with TFD_TIMER_CANCEL_ON_SET), the time zone changed
 * (/etc/localtime), or the machine resumed from suspend (logind's
 * PrepareForSleep(false) on the system bus, when there is one). GLib
 * timeouts run on the monotonic clock, which none of these move. */

#define COBALT_TYPE_TIME_WATCH (cobalt_time_watch_get_type ())
G_DECLARE_FINAL_TYPE (CobaltTimeWatch, cobalt_time_watch, COBALT, TIME_WATCH, GObject)

/* ::changed (const char *reason): "clock", "timezone" or "resume". */
CobaltTimeWatch *cobalt_time_watch_new          (void);
/* Watches @localtime_path instead of /etc/localtime (for tests). */
CobaltTimeWatch *cobalt_time_watch_new_for_path (const char      *localtime_path);

/* The zone the watched localtime link names now ("…/zoneinfo/Europe/London"),
 * else /etc/timezone's; NULL when neither says. GLib caches the local zone
 * for the life of the process, so after a "timezone" change this is the
 * way to learn the new one. */
GTimeZone       *cobalt_time_watch_dup_zone     (CobaltTimeWatch *self);

G_END_DECLS
