/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PREFERENCES_WINDOW (cobalt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPreferencesWindow, cobalt_preferences_window, COBALT, PREFERENCES_WINDOW, GtkWindow)

/* Preferences for one person: the prescription, the checklist and the
 * person's details (name, clinic name and phone, emergency number); and
 * the reminders, which are the same for everyone (CobaltReminderPreferences).
 * Properties: context, person (construct-only: the preferences are
 * @person's, whoever the context turns to while the window is open). */

CobaltPreferencesWindow *cobalt_preferences_window_new          (GtkWindow        *parent,
                                                                 CobaltContext    *context,
                                                                 CobaltPerson     *person);
/* "prescription", "checklist", "person" or "reminders". */
void                     cobalt_preferences_window_show_page    (CobaltPreferencesWindow *self,
                                                                 const char              *page);
GtkWidget               *cobalt_preferences_window_get_prescription_editor (CobaltPreferencesWindow *self);
GtkWidget               *cobalt_preferences_window_get_checklist_editor    (CobaltPreferencesWindow *self);
/* Saves the person page as its button does. */
gboolean                 cobalt_preferences_window_save_person  (CobaltPreferencesWindow *self,
                                                                 GError                 **error);
/* For tests: "name", "name-error", "date-of-birth", "date-of-birth-error",
 * "clinic-name", "clinic-phone",
 * "person-status", the number fields (cobalt_number_fields_get_field():
 * "emergency", "emergency-error", "urgent", …) and "reminders" (the
 * CobaltReminderPreferences). */
GtkWidget               *cobalt_preferences_window_get_field    (CobaltPreferencesWindow *self,
                                                                 const char              *name);

G_END_DECLS
