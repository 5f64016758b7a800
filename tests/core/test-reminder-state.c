/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "cobalt-reminder-state.h"

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2025, 3, day, hour, 0, 0);
}

static void
test_lifecycle (void)
{
  g_autoptr(GDateTime) due = at (10, 9);
  g_autoptr(GDateTime) shown = at (10, 9);
  g_autoptr(GDateTime) before_snooze_end = at (10, 9);
  g_autoptr(GDateTime) snooze_end = at (10, 10);
  g_autoptr(GDateTime) after_snooze = at (10, 11);
  g_autoptr(CobaltReminderState) state = cobalt_reminder_state_new (4, COBALT_REMINDER_DUE, due);

  g_assert_cmpint (state->person_id, ==, 4);
  g_assert_cmpint (state->kind, ==, COBALT_REMINDER_DUE);
  g_assert_true (g_date_time_equal (state->due_at, due));

  /* Never shown: show it. Shown once: never again by itself. */
  g_assert_true (cobalt_reminder_state_should_show (state, due));
  cobalt_set_date_time (&state->shown_at, shown);
  cobalt_set_str (&state->notification_id, "due-4-20250310");
  g_assert_false (cobalt_reminder_state_should_show (state, after_snooze));

  /* Snoozed: quiet until the snooze ends, then back. */
  cobalt_set_date_time (&state->snoozed_until, snooze_end);
  g_assert_true (cobalt_reminder_state_is_snoozed (state, before_snooze_end));
  g_assert_false (cobalt_reminder_state_should_show (state, before_snooze_end));
  g_assert_false (cobalt_reminder_state_is_snoozed (state, snooze_end));
  g_assert_true (cobalt_reminder_state_should_show (state, snooze_end));
  g_assert_true (cobalt_reminder_state_should_show (state, after_snooze));

  /* Acted on (checklist started) or dismissed: settled for good. */
  cobalt_set_date_time (&state->acted_at, after_snooze);
  g_assert_true (cobalt_reminder_state_is_settled (state));
  g_assert_false (cobalt_reminder_state_should_show (state, after_snooze));

  cobalt_set_date_time (&state->acted_at, NULL);
  cobalt_set_date_time (&state->dismissed_at, after_snooze);
  g_assert_true (cobalt_reminder_state_is_settled (state));
  g_assert_false (cobalt_reminder_state_should_show (state, after_snooze));
}

static void
test_kind_ids (void)
{
  CobaltReminderKind kind = COBALT_REMINDER_DUE;

  /* Stored values: never renumbered. */
  g_assert_cmpint (COBALT_REMINDER_DAY_BEFORE, ==, 1);
  g_assert_cmpint (COBALT_REMINDER_SHARPS_BIN, ==, 5);

  for (guint k = COBALT_REMINDER_DUE; k <= COBALT_REMINDER_SHARPS_BIN; k++)
    {
      const char *id = cobalt_reminder_kind_to_id (k);

      g_assert_nonnull (id);
      g_assert_true (cobalt_reminder_kind_from_id (id, &kind));
      g_assert_cmpint (kind, ==, k);
    }

  g_assert_cmpstr (cobalt_reminder_kind_to_id (COBALT_REMINDER_LOW_STOCK), ==, "low-stock");
  g_assert_false (cobalt_reminder_kind_from_id ("nonsense", &kind));
  g_assert_false (cobalt_reminder_kind_from_id (NULL, &kind));

  /* Registered with the enum machinery, for properties. */
  g_assert_true (G_TYPE_IS_ENUM (COBALT_TYPE_REMINDER_KIND));
}

static void
test_new (void)
{
  g_autoptr(GDateTime) due = at (12, 9);
  g_autoptr(CobaltReminderState) state = NULL;

  state = cobalt_reminder_state_new (3, COBALT_REMINDER_EXPIRY, due);
  g_assert_cmpint (state->person_id, ==, 3);
  g_assert_cmpint (state->kind, ==, COBALT_REMINDER_EXPIRY);
  g_assert_true (g_date_time_equal (state->due_at, due));
  g_assert_null (state->shown_at);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/reminder-state/lifecycle", test_lifecycle);
  g_test_add_func ("/cobalt/reminder-state/kind-ids", test_kind_ids);
  g_test_add_func ("/cobalt/reminder-state/new", test_new);

  return g_test_run ();
}
