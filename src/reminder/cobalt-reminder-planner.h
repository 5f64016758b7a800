/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"
#include "cobalt-reminder-item.h"

G_BEGIN_DECLS

/* "What to show, when": a pure function of each person's data, the
 * reminder states the database holds, the settings and "now". The rules
 * are in cobalt-reminder-planner.c's top comment. */

/* GSettings keys (SETTINGS_SCHEMA_ID) the reminder reads. */
#define COBALT_SETTINGS_KEY_DAY_BEFORE "day-before-reminder-enabled"
#define COBALT_SETTINGS_KEY_LEAD_DAYS  "low-stock-lead-days"

/* When supplies reminders come for a person without a prescription. */
#define COBALT_REMINDER_DEFAULT_MINUTE (9 * 60)

typedef struct
{
  gboolean day_before;           /* the "prepare your supplies" reminder */
  guint    low_stock_lead_days;  /* warn when supplies last this many days or fewer */
} CobaltReminderSettings;

/* The schema's defaults: day-before off, lead time
 * COBALT_STATUS_REORDER_LEAD_DAYS. */
void cobalt_reminder_settings_init (CobaltReminderSettings *settings);

/* One person's data, borrowed for the duration of the call. */
typedef struct
{
  CobaltPerson       *person;
  CobaltPrescription *prescription;  /* NULL: no dose reminders */
  GPtrArray          *doses;         /* CobaltDose, given and not given (the schedule counts both); may be NULL */
  GPtrArray          *resting;       /* CobaltRestingSite; may be NULL */
  GListModel         *supply_items;  /* CobaltSupplyItem; may be NULL */
  CobaltSharpsBin    *bin;           /* may be NULL */
} CobaltReminderSubject;

/* Returns the stored state of (person, kind, due_at), NULL without an
 * error when there is none (transfer full). */
typedef CobaltReminderState *(*CobaltReminderStateLookup) (gint64              person_id,
                                                           CobaltReminderKind  kind,
                                                           GDateTime          *due_at,
                                                           gpointer            user_data,
                                                           GError            **error);

/* The reminders current at @now for every subject (CobaltReminderItem,
 * needs_show set on the ones to show now) and, in @next_wakeup, the next
 * instant after @now at which the answer could change without new data
 * (NULL when nothing is scheduled). Calendar arithmetic in @now's zone.
 * NULL with @error when @lookup fails. */
GPtrArray *cobalt_reminder_planner_plan (GPtrArray                    *subjects,
                                         GDateTime                    *now,
                                         const CobaltReminderSettings *settings,
                                         CobaltReminderStateLookup     lookup,
                                         gpointer                      user_data,
                                         GDateTime                   **next_wakeup,
                                         GError                      **error);

/* Does @state (may be NULL) still have to be shown at @now? Settled and
 * already-shown reminders do not; a reminder snoozed until later does not
 * yet (its end goes into @wakeup when earlier than what is there). */
gboolean   cobalt_reminder_state_needs_show (CobaltReminderState  *state,
                                             GDateTime            *now,
                                             GDateTime           **wakeup);

G_END_DECLS
