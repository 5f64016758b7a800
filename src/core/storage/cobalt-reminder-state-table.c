/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The reminder_state table: what happened to each reminder, one row per
 * (person, kind, due instant), shared by cobalt and cobalt-reminder. */

typedef enum
{
  REMINDER_STATE_SELECT,
  REMINDER_STATE_UPSERT,
  REMINDER_STATE_CLAIM,
  REMINDER_STATE_CONFIRM,
  REMINDER_STATE_RELEASE,
  REMINDER_STATE_RELEASE_ALL,
  N_REMINDER_STATE_STATEMENTS
} ReminderStateStatement;

/* reminder_state_from_row()'s columns. */
#define REMINDER_COLUMNS \
  "id, person_id, kind, due_at_us, shown_at_us, snoozed_until_us, dismissed_at_us, acted_at_us, " \
  "notification_id, showing_at_us"

static const char * const reminder_state_sql[N_REMINDER_STATE_STATEMENTS] = {
  [REMINDER_STATE_SELECT] =
    "SELECT " REMINDER_COLUMNS " FROM reminder_state "
    "WHERE person_id = ?1 AND kind = ?2 AND due_at_us = ?3",
  [REMINDER_STATE_UPSERT] =
    "INSERT INTO reminder_state (person_id, kind, due_at_us, shown_at_us, snoozed_until_us, "
    "dismissed_at_us, acted_at_us, notification_id, showing_at_us) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT (person_id, kind, due_at_us) DO UPDATE SET shown_at_us = excluded.shown_at_us, "
    "snoozed_until_us = excluded.snoozed_until_us, dismissed_at_us = excluded.dismissed_at_us, "
    "acted_at_us = excluded.acted_at_us, notification_id = excluded.notification_id, "
    "showing_at_us = excluded.showing_at_us",
  /* One statement under BEGIN IMMEDIATE decides: the row moves to
   * "showing" only when it was never shown, or a snooze ran out after it
   * was last shown, nobody is showing it now, and nobody dismissed or
   * acted on it. Whoever changes the row owns the notification; everyone
   * else sees 0 changes. "Shown" comes only once the notification server
   * answered (REMINDER_STATE_CONFIRM): a crash in between leaves
   * "showing", which the next start gives back (RELEASE_ALL), so the
   * reminder is shown again rather than never. */
  [REMINDER_STATE_CLAIM] =
    "INSERT INTO reminder_state (person_id, kind, due_at_us, showing_at_us) "
    "VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (person_id, kind, due_at_us) DO UPDATE "
    "SET showing_at_us = excluded.showing_at_us "
    "WHERE dismissed_at_us IS NULL AND acted_at_us IS NULL AND showing_at_us IS NULL AND "
    "(shown_at_us IS NULL OR (snoozed_until_us IS NOT NULL AND "
    " snoozed_until_us <= excluded.showing_at_us AND shown_at_us < snoozed_until_us))",
  [REMINDER_STATE_CONFIRM] =
    "UPDATE reminder_state SET shown_at_us = showing_at_us, showing_at_us = NULL "
    "WHERE person_id = ?1 AND kind = ?2 AND due_at_us = ?3 AND showing_at_us IS NOT NULL",
  [REMINDER_STATE_RELEASE] =
    "UPDATE reminder_state SET showing_at_us = NULL "
    "WHERE person_id = ?1 AND kind = ?2 AND due_at_us = ?3 AND showing_at_us IS NOT NULL",
  [REMINDER_STATE_RELEASE_ALL] =
    "UPDATE reminder_state SET showing_at_us = NULL WHERE showing_at_us IS NOT NULL",
};

static CobaltStatement *
prepare (CobaltDatabase          *db,
         ReminderStateStatement   which,
         GError                 **error)
{
  return cobalt_database_prepare (db, reminder_state_sql[which], error);
}

static CobaltReminderState *
reminder_state_from_row (CobaltStatement *stmt)
{
  g_autoptr(GDateTime) due_at = cobalt_repository_get_time (stmt, 3);
  g_autoptr(GDateTime) shown_at = cobalt_repository_get_time (stmt, 4);
  g_autoptr(GDateTime) snoozed_until = cobalt_repository_get_time (stmt, 5);
  g_autoptr(GDateTime) dismissed_at = cobalt_repository_get_time (stmt, 6);
  g_autoptr(GDateTime) acted_at = cobalt_repository_get_time (stmt, 7);
  g_autoptr(GDateTime) showing_at = cobalt_repository_get_time (stmt, 9);
  CobaltReminderState *state = cobalt_reminder_state_new (cobalt_statement_get_int64 (stmt, 1),
                                                          cobalt_statement_get_int64 (stmt, 2), due_at);

  state->id = cobalt_statement_get_int64 (stmt, 0);
  cobalt_set_date_time (&state->shown_at, shown_at);
  cobalt_set_date_time (&state->snoozed_until, snoozed_until);
  cobalt_set_date_time (&state->dismissed_at, dismissed_at);
  cobalt_set_date_time (&state->acted_at, acted_at);
  cobalt_set_date_time (&state->showing_at, showing_at);
  cobalt_set_str (&state->notification_id, cobalt_statement_get_text (stmt, 8));
  return state;
}

CobaltReminderState *
cobalt_reminder_state_table_select (CobaltDatabase      *db,
                                    gint64               person_id,
                                    CobaltReminderKind   kind,
                                    GDateTime           *due_at,
                                    GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, REMINDER_STATE_SELECT, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, kind, error) ||
      !cobalt_repository_bind_time (stmt, 3, due_at, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return reminder_state_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cobalt_reminder_state_table_upsert (CobaltDatabase       *db,
                                    CobaltReminderState  *s,
                                    GError              **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REMINDER_STATE_UPSERT, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, s->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, s->kind, error) &&
         cobalt_repository_bind_time (stmt, 3, s->due_at, error) &&
         cobalt_repository_bind_time (stmt, 4, s->shown_at, error) &&
         cobalt_repository_bind_time (stmt, 5, s->snoozed_until, error) &&
         cobalt_repository_bind_time (stmt, 6, s->dismissed_at, error) &&
         cobalt_repository_bind_time (stmt, 7, s->acted_at, error) &&
         cobalt_statement_bind_text (stmt, 8, s->notification_id, error) &&
         cobalt_repository_bind_time (stmt, 9, s->showing_at, error) &&
         cobalt_statement_execute (stmt, error);
}

gboolean
cobalt_reminder_state_table_claim (CobaltDatabase      *db,
                                   gint64               person_id,
                                   CobaltReminderKind   kind,
                                   GDateTime           *due_at,
                                   GDateTime           *now,
                                   gboolean            *claimed,
                                   GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REMINDER_STATE_CLAIM, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, kind, error) ||
      !cobalt_repository_bind_time (stmt, 3, due_at, error) ||
      !cobalt_repository_bind_time (stmt, 4, now, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *claimed = cobalt_database_get_changes (db) > 0;
  return TRUE;
}

static gboolean
run_for_key (CobaltDatabase          *db,
             ReminderStateStatement   which,
             gint64                   person_id,
             CobaltReminderKind       kind,
             GDateTime               *due_at,
             GError                 **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, which, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, kind, error) &&
         cobalt_repository_bind_time (stmt, 3, due_at, error) &&
         cobalt_statement_execute (stmt, error);
}

gboolean
cobalt_reminder_state_table_confirm (CobaltDatabase      *db,
                                     gint64               person_id,
                                     CobaltReminderKind   kind,
                                     GDateTime           *due_at,
                                     gboolean            *confirmed,
                                     GError             **error)
{
  if (!run_for_key (db, REMINDER_STATE_CONFIRM, person_id, kind, due_at, error))
    return FALSE;

  *confirmed = cobalt_database_get_changes (db) > 0;
  return TRUE;
}

gboolean
cobalt_reminder_state_table_release (CobaltDatabase      *db,
                                     gint64               person_id,
                                     CobaltReminderKind   kind,
                                     GDateTime           *due_at,
                                     GError             **error)
{
  return run_for_key (db, REMINDER_STATE_RELEASE, person_id, kind, due_at, error);
}

gboolean
cobalt_reminder_state_table_release_all (CobaltDatabase  *db,
                                         guint           *n_released,
                                         GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, REMINDER_STATE_RELEASE_ALL, error);
  if (stmt == NULL || !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (n_released != NULL)
    *n_released = cobalt_database_get_changes (db);
  return TRUE;
}
