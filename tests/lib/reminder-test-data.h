/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Stores a person @name (with a clinic phone) whose weekly dose is due at
 * @due: the prescription's reminder time is @due's local time of day and
 * the last dose was given at noon a week before @due's day. Returns the
 * person (or NULL with @error). */
CobaltPerson *reminder_test_create_person (CobaltRepository  *repository,
                                           const char        *name,
                                           GDateTime         *due,
                                           guint              grace_minutes,
                                           GError           **error);

/* The same person for another process to see while it is being stored
 * (tests/integration's reminder-test-tool, beside a running
 * cobalt-reminder): each commit must leave a person who is due at @due,
 * never one who looks weeks overdue. So no last dose: the prescription
 * starts on @due's day, and its first dose is the one due at @due. */
CobaltPerson *reminder_test_create_new_person (CobaltRepository  *repository,
                                               const char        *name,
                                               GDateTime         *due,
                                               guint              grace_minutes,
                                               GError           **error);

/* Logs a dose of @person's prescription at @given_at. */
gboolean      reminder_test_log_dose      (CobaltRepository  *repository,
                                           CobaltPerson      *person,
                                           GDateTime         *given_at,
                                           GError           **error);

G_END_DECLS
