/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* cobalt-reminder: a unique GApplication (no GTK) that keeps running in
 * the background and raises the reminders. A second copy says so and
 * exits with status 0. */

#define COBALT_TYPE_REMINDER_APPLICATION (cobalt_reminder_application_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReminderApplication, cobalt_reminder_application, COBALT, REMINDER_APPLICATION, GApplication)

CobaltReminderApplication *cobalt_reminder_application_new (void);

G_END_DECLS
