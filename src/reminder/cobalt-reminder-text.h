/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-reminder-planner.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The words of the reminders (translated): summary, body, and the body
 * for notification servers that show no buttons. */

/* DUE, DAY_BEFORE and OVERDUE: name the person, product and amount, the
 * time, and the suggested site. @overdue adds the missed-dose advice. */
void  cobalt_reminder_text_fill_dose     (CobaltReminderItem          *item,
                                          const CobaltReminderSubject *subject,
                                          const CobaltDueInfo         *due,
                                          GDateTime                   *now,
                                          gboolean                     overdue);
/* LOW_STOCK, EXPIRY, SHARPS_BIN from the supplies warnings of that kind
 * (CobaltSupplyWarning). */
void  cobalt_reminder_text_fill_supplies (CobaltReminderItem          *item,
                                          CobaltPerson                *person,
                                          GPtrArray                   *warnings);
/* The missed-dose advice of CLINICAL.md with the person's clinic: ask the
 * doctor or nurse when to have the next one; never two to catch up. */
char *cobalt_reminder_text_missed_dose   (CobaltPerson                *person);

/* "Reminders are paused" for a database that cannot be used. */
char *cobalt_reminder_text_paused_body   (const GError                *error,
                                          const char                  *path);

G_END_DECLS
