/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"
#include "cobalt-reminder-planner.h"

G_BEGIN_DECLS

/* What the planner needs, read from where it lives: each active person's
 * records from the data file, the preferences from GSettings. */

/* CobaltReminderSubject for every person not archived (owning its
 * contents; free with g_ptr_array_unref()). */
GPtrArray *cobalt_reminder_data_load_subjects  (CobaltRepository       *repository,
                                                GError                **error);

/* The application's settings, or NULL when the schema (SETTINGS_SCHEMA_ID)
 * is not installed, as in an uninstalled build. */
GSettings *cobalt_reminder_data_settings_new   (void);
/* Fills @out from @settings (may be NULL: the schema's defaults). */
void       cobalt_reminder_data_load_settings  (GSettings              *settings,
                                                CobaltReminderSettings *out);

G_END_DECLS
