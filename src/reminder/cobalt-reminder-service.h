/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"
#include "cobalt-notifier.h"
#include "cobalt-window-launch.h"

G_BEGIN_DECLS

/* The heart of cobalt-reminder: opens the data file, asks the planner
 * what is current, claims each reminder in the database (so it is shown
 * exactly once across restarts and processes), shows it, handles the
 * buttons, and wakes up when the wall clock reaches the next instant, the
 * clock jumps, or another process changes the data. A data file that
 * cannot be used pauses reminders (one notification says why) until it
 * can. See cobalt-reminder-service.c for the timing rules. */

#define COBALT_TYPE_REMINDER_SERVICE (cobalt_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReminderService, cobalt_reminder_service, COBALT, REMINDER_SERVICE, GObject)

/* Longest sleep between two looks at the wall clock, in seconds: GLib
 * timeouts stop during suspend, so this bounds how late a reminder can
 * be after a resume nobody announced. Under 60 so that the second-level
 * slack of g_timeout_add_seconds() still keeps it within a minute. */
#define COBALT_REMINDER_MAX_SLEEP_SECONDS 55

/* @data_dir: the folder of cobalt.db; @pass_data_dir: hand it to `cobalt`
 * when a button opens it (it was not the default). */
CobaltReminderService *cobalt_reminder_service_new           (const char      *data_dir,
                                                              gboolean         pass_data_dir,
                                                              CobaltClock     *clock,
                                                              CobaltNotifier  *notifier);

/* Watches the data file, the clock and the system, and evaluates. */
void                   cobalt_reminder_service_start         (CobaltReminderService *self);
/* One evaluation now: what to show, what to withdraw, when to wake. FALSE
 * (and paused) when the data file cannot be used. */
gboolean               cobalt_reminder_service_evaluate      (CobaltReminderService *self,
                                                              GError               **error);

gboolean               cobalt_reminder_service_get_paused    (CobaltReminderService *self);
/* The next instant an evaluation is planned for (NULL = none). */
GDateTime             *cobalt_reminder_service_get_next_wakeup (CobaltReminderService *self);
/* Notifications on screen (shown by this process and not closed). */
guint                  cobalt_reminder_service_get_n_open    (CobaltReminderService *self);
/* Windows a button asked for whose opening is still being watched
 * (COBALT_WINDOW_LAUNCH_GRACE_MS). */
guint                  cobalt_reminder_service_get_n_launching (CobaltReminderService *self);
/* How many evaluations ran (for tests and the benchmark's log). */
guint                  cobalt_reminder_service_get_n_evaluations (CobaltReminderService *self);
/* The log as the service reads it; NULL before the first evaluation and
 * while paused. What is written through it is looked at again at once
 * (its ::changed), without waiting for the file to change on disk. */
CobaltRepository      *cobalt_reminder_service_get_repository (CobaltReminderService *self);

G_END_DECLS
