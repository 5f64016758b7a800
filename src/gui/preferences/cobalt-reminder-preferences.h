/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_REMINDER_PREFERENCES (cobalt_reminder_preferences_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReminderPreferences, cobalt_reminder_preferences, COBALT, REMINDER_PREFERENCES, GtkBox)

/* The "Reminders" preferences, shared by everyone on this desktop account
 * (they live in GSettings, not in a person's log): start cobalt-reminder at
 * login (the XDG autostart entry, mirrored in "reminder-autostart-enabled"),
 * the day-before reminder and the reorder lead time.
 *
 * Property: settings (construct-only, nullable): the SETTINGS_SCHEMA_ID
 * settings; NULL looks the schema up and, when it is not installed, leaves
 * the GSettings options insensitive with a note. The autostart switch works
 * either way. */

GtkWidget *cobalt_reminder_preferences_new       (GSettings                 *settings);
/* For tests: "autostart", "autostart-error", "day-before", "lead-days",
 * "unavailable". */
GtkWidget *cobalt_reminder_preferences_get_field (CobaltReminderPreferences *self,
                                                  const char                *name);

G_END_DECLS
