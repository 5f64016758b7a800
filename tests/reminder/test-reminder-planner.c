/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "What to show, when": the planner with fixed instants across
 * daylight-saving changes, month ends and leap days. A fake state table
 * stands in for the database; "showing" a reminder records it there, as
 * the service's claim does. */

#include "config.h"

#include <string.h>

#include "cobalt-reminder-planner.h"
#include "cobalt-supply.h"

typedef struct
{
  GTimeZone             *tz;
  CobaltPerson          *person;
  CobaltPrescription    *prescription;
  GPtrArray             *doses;
  GListStore            *supplies;
  CobaltSharpsBin       *bin;
  GHashTable            *states;   /* key → CobaltReminderState */
  CobaltReminderSettings settings;
  GDateTime             *wakeup;   /* of the last plan */
} Fixture;

static GDateTime *
local (Fixture *f, int y, int mo, int d, int h, int mi)
{
  return g_date_time_new (f->tz, y, mo, d, h, mi, 0);
}

/* An instant given in UTC, seen in the fixture's zone (the planner works
 * in the zone of "now"). */
static GDateTime *
utc (Fixture *f, int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (y, mo, d, h, mi, 0);

  return g_date_time_to_timezone (at, f->tz);
}

static void
fixture_set_up (Fixture    *f,
                const char *zone,
                guint       reminder_minute,
                CobaltIntervalUnit unit,
                guint       interval)
{
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  const char *sites[] = { "vastus-lateralis-left", "vastus-lateralis-right", NULL };
  GDate starts_on;

  f->tz = g_time_zone_new_identifier (zone);
  g_assert_nonnull (f->tz);

  f->person = cobalt_person_new ("Alex");
  f->person->id = 7;
  cobalt_set_str (&f->person->clinic_name, "Riverside Surgery");
  cobalt_set_str (&f->person->clinic_phone, "01632 960123");

  f->prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  f->prescription->id = 1;
  f->prescription->person_id = 7;
  g_date_clear (&starts_on, 1);
  g_date_set_dmy (&starts_on, 1, 1, 2020);
  cobalt_set_date (&f->prescription->starts_on, &starts_on);
  cobalt_prescription_set_enabled_sites (f->prescription, sites);
  f->prescription->reminder_minute = reminder_minute;
  f->prescription->grace_minutes = 60;
  g_ptr_array_add (phases, cobalt_phase_new (unit, interval, COBALT_PHASE_END_OPEN, 0, "Maintenance"));
  cobalt_prescription_set_phases (f->prescription, phases);

  f->doses = g_ptr_array_new_with_free_func (g_object_unref);
  f->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cobalt_reminder_settings_init (&f->settings);
  f->settings.day_before = TRUE;
}

static void
fixture_tear_down (Fixture *f)
{
  g_clear_pointer (&f->tz, g_time_zone_unref);
  g_clear_object (&f->person);
  g_clear_object (&f->prescription);
  g_clear_pointer (&f->doses, g_ptr_array_unref);
  g_clear_object (&f->supplies);
  g_clear_object (&f->bin);
  g_clear_pointer (&f->states, g_hash_table_unref);
  g_clear_pointer (&f->wakeup, g_date_time_unref);
}

static void
add_dose (Fixture *f, int y, int mo, int d, int h, int mi)
{
  g_autoptr(GDateTime) at = local (f, y, mo, d, h, mi);
  CobaltDose *dose = cobalt_dose_new ();

  dose->id = f->doses->len + 1;
  dose->person_id = 7;
  dose->prescription_id = 1;
  cobalt_dose_set_given_at (dose, at);
  cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
  dose->amount = 1.0;
  dose->unit = COBALT_DOSE_UNIT_MG;
  dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  g_ptr_array_add (f->doses, dose);
}

static CobaltReminderState *
lookup (gint64              person_id,
        CobaltReminderKind  kind,
        GDateTime          *due_at,
        gpointer            user_data,
        GError            **error)
{
  Fixture *f = user_data;
  g_autofree char *key = cobalt_reminder_key_new (person_id, kind, due_at);
  CobaltReminderState *state = g_hash_table_lookup (f->states, key);

  return state != NULL ? g_object_ref (state) : NULL;
}

static CobaltReminderState *
state_for (Fixture *f, const CobaltReminderItem *item)
{
  g_autofree char *key = cobalt_reminder_item_dup_key (item);
  CobaltReminderState *state = g_hash_table_lookup (f->states, key);

  if (state == NULL)
    {
      state = cobalt_reminder_state_new (item->person_id, item->kind, item->due_at);
      g_hash_table_insert (f->states, g_steal_pointer (&key), state);
    }

  return state;
}

/* The reminders current at @now; the ones needing a showing are marked
 * shown (as a successful claim would). */
static GPtrArray *
plan_at (Fixture *f, GDateTime *now)
{
  g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CobaltReminderSubject subject = {
    f->person, f->prescription, f->doses, NULL,
    f->supplies != NULL ? G_LIST_MODEL (f->supplies) : NULL, f->bin,
  };
  GPtrArray *items;

  g_ptr_array_add (subjects, &subject);
  g_clear_pointer (&f->wakeup, g_date_time_unref);
  items = cobalt_reminder_planner_plan (subjects, now, &f->settings, lookup, f, &f->wakeup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  for (guint i = 0; i < items->len; i++)
    {
      CobaltReminderItem *item = g_ptr_array_index (items, i);

      if (item->needs_show)
        cobalt_set_date_time (&COBALT_REMINDER_STATE (state_for (f, item))->shown_at, now);
    }

  return items;
}

/* Only the items that needed showing, as "kind@local time" strings
 * joined by spaces: easy to compare. */
static char *
shown_at (Fixture *f, GDateTime *now)
{
  g_autoptr(GPtrArray) items = plan_at (f, now);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      CobaltReminderItem *item = g_ptr_array_index (items, i);
      g_autoptr(GDateTime) at = NULL;
      g_autofree char *text = NULL;

      if (!item->needs_show)
        continue;

      at = g_date_time_to_timezone (item->due_at, f->tz);
      text = g_date_time_format (at, "%Y-%m-%d %H:%M %Z");
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s@%s", cobalt_reminder_kind_to_id (item->kind), text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_shown (Fixture *f, GDateTime *now, const char *expected)
{
  g_autofree char *got = shown_at (f, now);

  g_assert_cmpstr (got, ==, expected);
}

static void
assert_wakeup (Fixture *f, GDateTime *expected)
{
  g_assert_nonnull (f->wakeup);
  if (!g_date_time_equal (f->wakeup, expected))
    {
      g_autofree char *a = g_date_time_format_iso8601 (f->wakeup);
      g_autofree char *b = g_date_time_format_iso8601 (expected);

      g_error ("next wake-up %s, expected %s", a, b);
    }
}

static CobaltReminderItem *
find_item (GPtrArray *items, CobaltReminderKind kind)
{
  for (guint i = 0; i < items->len; i++)
    {
      CobaltReminderItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind)
        return item;
    }

  return NULL;
}

/* Tests ------------------------------------------------------------------ */

static void
test_due_at_reminder_time (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) before = NULL, at = NULL, later = NULL, next_day = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderItem *item;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);   /* next due Monday 10 June */

  before = local (&f, 2024, 6, 10, 8, 59);
  at = local (&f, 2024, 6, 10, 9, 0);
  later = local (&f, 2024, 6, 10, 9, 40);
  next_day = local (&f, 2024, 6, 11, 9, 0);

  assert_shown (&f, before, "");
  assert_wakeup (&f, at);

  items = plan_at (&f, at);
  item = find_item (items, COBALT_REMINDER_DUE);
  g_assert_nonnull (item);
  g_assert_true (item->needs_show);
  g_assert_cmpuint (items->len, ==, 1);
  /* Names the person, product and amount, the time and the site. */
  g_assert_nonnull (strstr (item->summary, "Alex"));
  g_assert_nonnull (strstr (item->body, "hydroxocobalamin"));
  g_assert_nonnull (strstr (item->body, "1"));
  g_assert_nonnull (strstr (item->body, "09:00"));
  g_assert_nonnull (strstr (item->body, "Suggested site:"));
  g_assert_nonnull (strstr (item->body, "thigh"));
  /* Not overdue yet: no missed-dose advice. */
  g_assert_null (strstr (item->body, "doctor or nurse"));
  g_assert_true (item->actions & COBALT_REMINDER_ACTION_CHECKLIST);
  g_assert_true (item->actions & COBALT_REMINDER_ACTION_SNOOZE_HOUR);
  g_assert_true (item->actions & COBALT_REMINDER_ACTION_SNOOZE_TOMORROW);
  /* Without buttons the text says what to do. */
  g_assert_nonnull (strstr (item->body_without_actions, "Start checklist"));

  /* Shown once: still current later that day, but not shown again; the
   * next look is the first overdue reminder. */
  assert_shown (&f, later, "");
  assert_wakeup (&f, next_day);

  fixture_tear_down (&f);
}

static void
test_day_before (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) eve_early = NULL, eve = NULL, eve_late = NULL, due = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderItem *item;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 6, 3, 12, 0);

  eve_early = local (&f, 2024, 6, 9, 8, 0);
  eve = local (&f, 2024, 6, 9, 9, 0);
  eve_late = local (&f, 2024, 6, 9, 22, 0);
  due = local (&f, 2024, 6, 10, 9, 0);

  assert_shown (&f, eve_early, "");
  assert_wakeup (&f, eve);

  items = plan_at (&f, eve);
  item = find_item (items, COBALT_REMINDER_DAY_BEFORE);
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->summary, "tomorrow"));
  g_assert_nonnull (strstr (item->body, "supplies"));
  g_assert_nonnull (strstr (item->body, "09:00"));
  g_assert_cmpuint (item->actions & COBALT_REMINDER_ACTION_CHECKLIST, ==, 0);

  assert_shown (&f, eve_late, "");
  assert_wakeup (&f, due);
  assert_shown (&f, due, "due@2024-06-10 09:00 BST");

  fixture_tear_down (&f);
}

static void
test_day_before_off_and_daily (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) eve = NULL;

  /* The setting off. */
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);
  eve = local (&f, 2024, 6, 9, 9, 0);
  assert_shown (&f, eve, "");
  fixture_tear_down (&f);
  g_clear_pointer (&eve, g_date_time_unref);

  /* A daily regimen: every day is a dose day, no extra reminder. */
  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_DAYS, 1);
  add_dose (&f, 2024, 6, 9, 9, 5);
  eve = local (&f, 2024, 6, 9, 12, 0);
  assert_shown (&f, eve, "");
  fixture_tear_down (&f);
}

static void
test_overdue_once_a_day (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) due = NULL, d1 = NULL, d1_evening = NULL, d2_morning = NULL, d2 = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderItem *item;
  const char *two;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);

  due = local (&f, 2024, 6, 10, 9, 0);
  d1 = local (&f, 2024, 6, 11, 9, 0);
  d1_evening = local (&f, 2024, 6, 11, 20, 0);
  d2_morning = local (&f, 2024, 6, 12, 8, 0);
  d2 = local (&f, 2024, 6, 12, 9, 0);

  assert_shown (&f, due, "due@2024-06-10 09:00 BST");

  items = plan_at (&f, d1);
  g_assert_cmpuint (items->len, ==, 1);   /* the overdue one replaces the due one */
  item = find_item (items, COBALT_REMINDER_OVERDUE);
  g_assert_nonnull (item);
  g_assert_true (item->needs_show);
  g_assert_nonnull (strstr (item->summary, "overdue"));
  /* The missed-dose advice of CLINICAL.md, with the clinic's number, and
   * never a hint to make up with an extra dose. */
  g_assert_nonnull (strstr (item->body, "ask your doctor or nurse when to have the next one"));
  g_assert_nonnull (strstr (item->body, "01632 960123"));
  two = strstr (item->body, "two doses");
  g_assert_nonnull (two);
  g_assert_true (two - item->body >= 12 && strncmp (two - 12, "Do not have ", 12) == 0);
  g_assert_null (strstr (item->body, "double"));
  g_assert_null (strstr (item->body, "extra dose"));
  /* Overdue: no site, which would read as "go ahead". */
  g_assert_null (strstr (item->body, "Suggested site"));
  g_assert_null (strstr (item->body, "  "));
  g_assert_true (item->actions & COBALT_REMINDER_ACTION_CHECKLIST);
  g_assert_cmpuint (item->actions & COBALT_REMINDER_ACTION_SNOOZE_TOMORROW, ==, 0);

  assert_shown (&f, d1_evening, "");
  assert_wakeup (&f, d2);
  assert_shown (&f, d2_morning, "");
  assert_shown (&f, d2, "overdue@2024-06-12 09:00 BST");

  fixture_tear_down (&f);
}

static void
test_missed_while_off (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) start = NULL, later = NULL, due_day_start = NULL;

  /* Switched on days later, before the reminder time: one overdue
   * reminder (yesterday's), not a pile of old ones. */
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 6, 3, 12, 0);
  start = local (&f, 2024, 6, 14, 8, 0);
  later = local (&f, 2024, 6, 14, 9, 0);
  assert_shown (&f, start, "overdue@2024-06-13 09:00 BST");
  assert_shown (&f, later, "overdue@2024-06-14 09:00 BST");
  fixture_tear_down (&f);

  /* Switched on the morning after the due day: the due reminder, once. */
  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 6, 3, 12, 0);
  due_day_start = local (&f, 2024, 6, 11, 7, 0);
  assert_shown (&f, due_day_start, "due@2024-06-10 09:00 BST");
  assert_shown (&f, due_day_start, "");
  fixture_tear_down (&f);
}

static void
test_clock_backwards (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) at = NULL, back = NULL, forward = NULL;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);
  at = local (&f, 2024, 6, 10, 9, 0);
  back = local (&f, 2024, 6, 10, 8, 0);
  forward = local (&f, 2024, 6, 10, 9, 5);

  assert_shown (&f, at, "due@2024-06-10 09:00 BST");
  assert_shown (&f, back, "");
  assert_shown (&f, forward, "");

  fixture_tear_down (&f);
}

static void
test_snooze (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) at = NULL, until = NULL, before = NULL, late = NULL;
  g_autoptr(GDateTime) after_midnight = NULL, tomorrow = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderState *state;

  fixture_set_up (&f, "Europe/London", 23 * 60 + 30, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);

  at = local (&f, 2024, 6, 10, 23, 30);
  items = plan_at (&f, at);
  g_assert_cmpuint (items->len, ==, 1);
  state = state_for (&f, g_ptr_array_index (items, 0));

  /* Snooze 1 hour: back at 00:30 the next day, still as the due reminder. */
  until = g_date_time_add_hours (at, 1);
  cobalt_set_date_time (&state->snoozed_until, until);
  before = local (&f, 2024, 6, 11, 0, 29);
  assert_shown (&f, before, "");
  assert_wakeup (&f, until);
  after_midnight = local (&f, 2024, 6, 11, 0, 30);
  assert_shown (&f, after_midnight, "due@2024-06-10 23:30 BST");
  assert_shown (&f, after_midnight, "");

  /* Remind me tomorrow: at tomorrow's reminder time exactly one reminder
   * comes, the overdue one. */
  tomorrow = local (&f, 2024, 6, 11, 23, 30);
  cobalt_set_date_time (&state->snoozed_until, tomorrow);
  late = local (&f, 2024, 6, 11, 23, 0);
  assert_shown (&f, late, "");
  assert_wakeup (&f, tomorrow);
  assert_shown (&f, tomorrow, "overdue@2024-06-11 23:30 BST");

  fixture_tear_down (&f);
}

static void
test_acted_on (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) at = NULL, later = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderState *state;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);
  at = local (&f, 2024, 6, 10, 9, 0);
  items = plan_at (&f, at);
  state = state_for (&f, g_ptr_array_index (items, 0));
  /* "Start checklist" pressed, then a stray snooze: never again. */
  cobalt_set_date_time (&state->acted_at, at);
  later = local (&f, 2024, 6, 10, 9, 1);
  cobalt_set_date_time (&state->snoozed_until, later);
  g_clear_pointer (&later, g_date_time_unref);
  later = local (&f, 2024, 6, 10, 11, 0);
  assert_shown (&f, later, "");

  fixture_tear_down (&f);
}

/* Europe/London, 31 March 2024: 01:00 GMT becomes 02:00 BST. */
static void
test_london_march (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) eve = NULL, before = NULL, gap_end = NULL, nine = NULL;
  g_autoptr(GDateTime) expected_eve = NULL;

  /* 01:30 does not exist on the 31st: the reminder comes at 02:00 BST. */
  fixture_set_up (&f, "Europe/London", 90, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 3, 24, 12, 0);
  eve = local (&f, 2024, 3, 30, 1, 30);
  assert_shown (&f, eve, "day-before@2024-03-30 01:30 GMT");
  before = utc (&f, 2024, 3, 31, 0, 59);
  assert_shown (&f, before, "");
  gap_end = utc (&f, 2024, 3, 31, 1, 0);
  assert_wakeup (&f, gap_end);
  assert_shown (&f, gap_end, "due@2024-03-31 02:00 BST");
  fixture_tear_down (&f);

  /* 09:00 stays 09:00 on both sides of the change (23 hours apart). */
  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 3, 24, 12, 0);
  expected_eve = local (&f, 2024, 3, 30, 9, 0);
  g_clear_pointer (&eve, g_date_time_unref);
  eve = local (&f, 2024, 3, 30, 8, 0);
  assert_shown (&f, eve, "");
  assert_wakeup (&f, expected_eve);
  assert_shown (&f, expected_eve, "day-before@2024-03-30 09:00 GMT");
  nine = local (&f, 2024, 3, 31, 9, 0);
  g_assert_cmpint (g_date_time_difference (nine, expected_eve), ==, 23 * G_TIME_SPAN_HOUR);
  assert_shown (&f, expected_eve, "");
  assert_wakeup (&f, nine);
  assert_shown (&f, nine, "due@2024-03-31 09:00 BST");
  fixture_tear_down (&f);
}

/* Europe/London, 27 October 2024: 02:00 BST becomes 01:00 GMT, so 01:30
 * happens twice. The reminder comes at the first and only once. */
static void
test_london_october (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) first = NULL, second = NULL, nine = NULL;

  fixture_set_up (&f, "Europe/London", 90, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 10, 20, 12, 0);
  first = utc (&f, 2024, 10, 27, 0, 30);   /* 01:30 BST */
  second = utc (&f, 2024, 10, 27, 1, 30);  /* 01:30 GMT */
  assert_shown (&f, first, "due@2024-10-27 01:30 BST");
  assert_shown (&f, second, "");
  fixture_tear_down (&f);

  /* 09:00 the day after the change is 25 hours after 09:00 the day before. */
  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 10, 20, 12, 0);
  g_clear_pointer (&first, g_date_time_unref);
  first = local (&f, 2024, 10, 26, 9, 0);
  assert_shown (&f, first, "day-before@2024-10-26 09:00 BST");
  nine = local (&f, 2024, 10, 27, 9, 0);
  assert_wakeup (&f, nine);
  g_assert_cmpint (g_date_time_difference (nine, first), ==, 25 * G_TIME_SPAN_HOUR);
  assert_shown (&f, nine, "due@2024-10-27 09:00 GMT");
  fixture_tear_down (&f);
}

/* America/Santiago, 8 September 2024: midnight does not exist (00:00 -04
 * becomes 01:00 -03). */
static void
test_santiago_september (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) eve = NULL, before = NULL, one = NULL, nine = NULL;

  fixture_set_up (&f, "America/Santiago", 30, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 9, 1, 12, 0);
  eve = local (&f, 2024, 9, 7, 23, 59);
  assert_shown (&f, eve, "");
  /* 00:30 is in the gap: the reminder moves to 01:00 -03 (04:00 UTC). */
  one = utc (&f, 2024, 9, 8, 4, 0);
  assert_wakeup (&f, one);
  before = utc (&f, 2024, 9, 8, 3, 59);
  assert_shown (&f, before, "");
  assert_shown (&f, one, "due@2024-09-08 01:00 -03");
  fixture_tear_down (&f);

  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "America/Santiago", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  add_dose (&f, 2024, 9, 1, 12, 0);
  g_clear_pointer (&eve, g_date_time_unref);
  eve = local (&f, 2024, 9, 7, 9, 0);
  assert_shown (&f, eve, "day-before@2024-09-07 09:00 -04");
  nine = local (&f, 2024, 9, 8, 9, 0);
  assert_wakeup (&f, nine);
  g_assert_cmpint (g_date_time_difference (nine, eve), ==, 23 * G_TIME_SPAN_HOUR);
  assert_shown (&f, nine, "due@2024-09-08 09:00 -03");
  fixture_tear_down (&f);
}

/* Monthly doses from 31 January: due on the last day of February, leap
 * year or not; the overdue reminder crosses into March. */
static void
test_month_end_and_leap_day (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) eve = NULL, due = NULL, march = NULL;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_MONTHS, 1);
  add_dose (&f, 2024, 1, 31, 12, 0);
  eve = local (&f, 2024, 2, 28, 9, 0);
  due = local (&f, 2024, 2, 29, 9, 0);
  march = local (&f, 2024, 3, 1, 9, 0);
  assert_shown (&f, eve, "day-before@2024-02-28 09:00 GMT");
  assert_wakeup (&f, due);
  assert_shown (&f, due, "due@2024-02-29 09:00 GMT");
  assert_wakeup (&f, march);
  assert_shown (&f, march, "overdue@2024-03-01 09:00 GMT");
  fixture_tear_down (&f);
  g_clear_pointer (&eve, g_date_time_unref);
  g_clear_pointer (&due, g_date_time_unref);
  g_clear_pointer (&march, g_date_time_unref);

  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_MONTHS, 1);
  add_dose (&f, 2023, 1, 31, 12, 0);
  eve = local (&f, 2023, 2, 27, 9, 0);
  due = local (&f, 2023, 2, 28, 9, 0);
  march = local (&f, 2023, 3, 1, 9, 0);
  assert_shown (&f, eve, "day-before@2023-02-27 09:00 GMT");
  assert_shown (&f, due, "due@2023-02-28 09:00 GMT");
  assert_shown (&f, march, "overdue@2023-03-01 09:00 GMT");
  fixture_tear_down (&f);

  /* A weekly dose across the end of a 30-day month. */
  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 4, 26, 12, 0);
  g_clear_pointer (&due, g_date_time_unref);
  due = local (&f, 2024, 5, 3, 9, 0);
  g_clear_pointer (&eve, g_date_time_unref);
  eve = local (&f, 2024, 4, 30, 23, 0);
  assert_shown (&f, eve, "");
  assert_wakeup (&f, due);
  fixture_tear_down (&f);
}

static void
test_supplies (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) morning = NULL, at = NULL, evening = NULL, next_day = NULL;
  g_autoptr(CobaltSupplyItem) ampoules = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderItem *item;
  GDate expiry;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);

  /* One ampoule, expiring in ten days; a bin at four fifths. */
  f.supplies = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  ampoules = cobalt_supply_item_new (7, COBALT_SUPPLY_AMPOULE, 1);
  ampoules->id = 1;
  cobalt_set_str (&ampoules->batch, "AB123");
  g_date_clear (&expiry, 1);
  g_date_set_dmy (&expiry, 15, 6, 2024);
  cobalt_set_date (&ampoules->expiry, &expiry);
  g_list_store_append (f.supplies, ampoules);
  f.bin = cobalt_sharps_bin_new (7, 10);
  f.bin->fill = 8;

  morning = local (&f, 2024, 6, 5, 8, 0);
  at = local (&f, 2024, 6, 5, 9, 0);
  evening = local (&f, 2024, 6, 5, 20, 0);
  next_day = local (&f, 2024, 6, 6, 9, 0);

  assert_shown (&f, morning, "");
  assert_wakeup (&f, at);

  items = plan_at (&f, at);
  item = find_item (items, COBALT_REMINDER_EXPIRY);
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->body, "AB123"));
  g_assert_nonnull (strstr (item->summary, "Alex"));
  item = find_item (items, COBALT_REMINDER_SHARPS_BIN);
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->summary, "Sharps bin"));
  item = find_item (items, COBALT_REMINDER_LOW_STOCK);
  g_assert_nonnull (item);   /* one ampoule lasts one dose: under 14 days */

  /* At most once a day each. */
  assert_shown (&f, evening, "");
  assert_wakeup (&f, next_day);
  {
    g_autoptr(GPtrArray) again = plan_at (&f, next_day);
    guint n = 0;

    for (guint i = 0; i < again->len; i++)
      if (((CobaltReminderItem *) g_ptr_array_index (again, i))->needs_show)
        n++;
    g_assert_cmpuint (n, ==, 3);
  }

  fixture_tear_down (&f);
}

static void
test_no_prescription (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) now = NULL;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  g_clear_object (&f.prescription);
  now = local (&f, 2024, 6, 5, 10, 0);
  assert_shown (&f, now, "");
  g_assert_null (f.wakeup);
  fixture_tear_down (&f);
}

/* A dose is due all of its day: the due reminder may come back (snoozed)
 * late in the evening, and never says "missed" that day. */
static void
test_due_all_day_never_missed (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) at = NULL, evening = NULL, later = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) late_items = NULL;
  CobaltReminderItem *item;
  CobaltReminderState *state;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);   /* next due Monday 10 June */

  at = local (&f, 2024, 6, 10, 9, 0);
  evening = local (&f, 2024, 6, 10, 22, 0);
  later = local (&f, 2024, 6, 10, 23, 0);

  items = plan_at (&f, at);
  item = find_item (items, COBALT_REMINDER_DUE);
  g_assert_nonnull (item);
  state = state_for (&f, item);
  /* Snoozed until 23:00: it comes back, still only "due". */
  cobalt_set_date_time (&state->snoozed_until, later);
  assert_shown (&f, evening, "");
  late_items = plan_at (&f, later);
  g_assert_cmpuint (late_items->len, ==, 1);
  item = find_item (late_items, COBALT_REMINDER_DUE);
  g_assert_nonnull (item);
  g_assert_true (item->needs_show);
  g_assert_nonnull (strstr (item->body, "is due today"));
  g_assert_null (strstr (item->body, "missed"));
  g_assert_null (strstr (item->body, "doctor or nurse"));
  g_assert_null (strstr (item->summary, "overdue"));

  fixture_tear_down (&f);
}

/* Every other day, with the clinic's four-hour window: the overdue
 * reminder comes at 13:00 the same day, with the missed-dose wording. */
static void
test_clinic_short_window (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) at = NULL, before = NULL, window_end = NULL, next_morning = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CobaltReminderItem *item;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_DAYS, 2);
  f.settings.day_before = FALSE;
  f.prescription->overdue_after_minutes = 240;
  add_dose (&f, 2024, 6, 8, 9, 0);   /* next due Monday 10 June */

  at = local (&f, 2024, 6, 10, 9, 0);
  before = local (&f, 2024, 6, 10, 12, 59);
  window_end = local (&f, 2024, 6, 10, 13, 0);
  next_morning = local (&f, 2024, 6, 11, 9, 0);

  assert_shown (&f, at, "due@2024-06-10 09:00 BST");
  assert_shown (&f, before, "");
  assert_wakeup (&f, window_end);

  items = plan_at (&f, window_end);
  item = find_item (items, COBALT_REMINDER_OVERDUE);
  g_assert_nonnull (item);
  g_assert_true (item->needs_show);
  g_assert_nonnull (strstr (item->body, "ask your doctor or nurse"));
  g_assert_null (find_item (items, COBALT_REMINDER_DUE));

  /* Then once a day at the reminder time, as for any overdue dose. */
  assert_shown (&f, next_morning, "overdue@2024-06-11 09:00 BST");

  fixture_tear_down (&f);
}

/* A new patient whose first dose is tomorrow: nothing today, the due
 * reminder tomorrow; with no first-dose date at all, nothing, ever. */
static void
test_first_dose_date (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) setup = NULL, morning = NULL, next_day = NULL, day_after = NULL;
  GDate first;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_MONTHS, 3);
  f.settings.day_before = FALSE;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 11, 6, 2024);
  cobalt_set_date (&f.prescription->starts_on, &first);

  setup = local (&f, 2024, 6, 10, 15, 0);
  morning = local (&f, 2024, 6, 11, 9, 0);
  assert_shown (&f, setup, "");
  assert_wakeup (&f, morning);
  assert_shown (&f, morning, "due@2024-06-11 09:00 BST");
  fixture_tear_down (&f);

  memset (&f, 0, sizeof f);
  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_MONTHS, 3);
  cobalt_set_date (&f.prescription->starts_on, NULL);
  next_day = local (&f, 2024, 6, 11, 9, 30);
  day_after = local (&f, 2024, 6, 12, 9, 30);
  assert_shown (&f, next_day, "");
  assert_shown (&f, day_after, "");
  fixture_tear_down (&f);
}

/* The clinic moved the dose: no overdue reminder for the day it was
 * first due, the due reminder on the day it was moved to. */
static void
test_moved_dose (void)
{
  Fixture f = { 0 };
  g_autoptr(GDateTime) decided = NULL, old_due = NULL, next_day = NULL, moved_day = NULL;
  CobaltDose *moved;
  GDate moved_to;

  fixture_set_up (&f, "Europe/London", 9 * 60, COBALT_INTERVAL_WEEKS, 1);
  f.settings.day_before = FALSE;
  add_dose (&f, 2024, 6, 3, 12, 0);   /* next due Monday 10 June */
  add_dose (&f, 2024, 6, 7, 16, 0);
  moved = g_ptr_array_index (f.doses, 1);
  moved->kind = COBALT_DOSE_KIND_MOVED;
  cobalt_set_str (&moved->advised_by, "Dr Rao");
  cobalt_set_str (&moved->site_id, NULL);
  g_date_clear (&moved_to, 1);
  g_date_set_dmy (&moved_to, 13, 6, 2024);
  cobalt_set_date (&moved->moved_to, &moved_to);

  old_due = local (&f, 2024, 6, 10, 9, 0);
  next_day = local (&f, 2024, 6, 11, 9, 0);
  moved_day = local (&f, 2024, 6, 13, 9, 0);
  assert_shown (&f, old_due, "");
  assert_shown (&f, next_day, "");
  assert_shown (&f, moved_day, "due@2024-06-13 09:00 BST");

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/reminder/planner/due-at-reminder-time", test_due_at_reminder_time);
  g_test_add_func ("/cobalt/reminder/planner/day-before", test_day_before);
  g_test_add_func ("/cobalt/reminder/planner/day-before-off-and-daily", test_day_before_off_and_daily);
  g_test_add_func ("/cobalt/reminder/planner/overdue-once-a-day", test_overdue_once_a_day);
  g_test_add_func ("/cobalt/reminder/planner/missed-while-off", test_missed_while_off);
  g_test_add_func ("/cobalt/reminder/planner/clock-backwards", test_clock_backwards);
  g_test_add_func ("/cobalt/reminder/planner/snooze", test_snooze);
  g_test_add_func ("/cobalt/reminder/planner/acted-on", test_acted_on);
  g_test_add_func ("/cobalt/reminder/planner/london-march", test_london_march);
  g_test_add_func ("/cobalt/reminder/planner/london-october", test_london_october);
  g_test_add_func ("/cobalt/reminder/planner/santiago-september", test_santiago_september);
  g_test_add_func ("/cobalt/reminder/planner/month-end-and-leap-day", test_month_end_and_leap_day);
  g_test_add_func ("/cobalt/reminder/planner/supplies", test_supplies);
  g_test_add_func ("/cobalt/reminder/planner/no-prescription", test_no_prescription);
  g_test_add_func ("/cobalt/reminder/planner/due-all-day-never-missed", test_due_all_day_never_missed);
  g_test_add_func ("/cobalt/reminder/planner/clinic-short-window", test_clinic_short_window);
  g_test_add_func ("/cobalt/reminder/planner/first-dose-date", test_first_dose_date);
  g_test_add_func ("/cobalt/reminder/planner/moved-dose", test_moved_dose);

  return g_test_run ();
}
