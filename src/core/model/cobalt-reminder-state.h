/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-types.h"

G_BEGIN_DECLS

/* What a reminder is about. Stored in the database: never renumber. */
typedef enum
{
  COBALT_REMINDER_DUE        = 0,
  COBALT_REMINDER_DAY_BEFORE = 1,
  COBALT_REMINDER_OVERDUE    = 2,
  COBALT_REMINDER_LOW_STOCK  = 3,
  COBALT_REMINDER_EXPIRY     = 4,
  COBALT_REMINDER_SHARPS_BIN = 5,
} CobaltReminderKind;

#define COBALT_TYPE_REMINDER_STATE (cobalt_reminder_state_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReminderState, cobalt_reminder_state, COBALT, REMINDER_STATE, GObject)

/* What happened to one reminder, keyed by (person, kind, due instant), so
 * that a restart, a second process or a clock change never shows it twice
 * and never loses it. The instants are NULL until they happen; set them
 * with cobalt_set_date_time(). */
struct _CobaltReminderState
{
  GObject             parent_instance;

  gint64              id;
  gint64              person_id;
  CobaltReminderKind  kind;
  GDateTime          *due_at;          /* the instant the reminder is about */
  /* Claimed at this instant, its notification being sent: the intent to
   * show, committed before the notification server is asked. NULL once
   * the server answered (then shown_at is set) or the claim was given
   * back. */
  GDateTime          *showing_at;
  GDateTime          *shown_at;
  GDateTime          *snoozed_until;
  GDateTime          *dismissed_at;
  GDateTime          *acted_at;
  char               *notification_id; /* may be NULL */
};

CobaltReminderState *cobalt_reminder_state_new      (gint64              person_id,
                                                     CobaltReminderKind  kind,
                                                     GDateTime          *due_at);

/* Dismissed or acted on: never show again. */
gboolean            cobalt_reminder_state_is_settled         (CobaltReminderState *self);
/* Snoozed and @now is before the snooze end. */
gboolean            cobalt_reminder_state_is_snoozed         (CobaltReminderState *self,
                                                              GDateTime           *now);
/* Not settled, and either never shown or a snooze has run out at @now. */
gboolean            cobalt_reminder_state_should_show        (CobaltReminderState *self,
                                                              GDateTime           *now);

/* Stable string ids ("due", "day-before", "overdue", "low-stock",
 * "expiry", "sharps-bin") for notification ids and logs; and back (FALSE
 * for an unknown id). */
const char         *cobalt_reminder_kind_to_id               (CobaltReminderKind  kind);
gboolean            cobalt_reminder_kind_from_id             (const char         *id,
                                                              CobaltReminderKind *kind);

G_END_DECLS
