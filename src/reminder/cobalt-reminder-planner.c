/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder rules. All instants are judged on the wall clock in the
 * zone of "now"; every key instant is a local day at the prescription's
 * reminder time (cobalt_schedule_local_instant(), so 09:00 stays 09:00
 * across daylight-saving changes and a missing minute moves forward).
 *
 * For a person with a prescription, D is the next due dose
 * (cobalt_schedule_next_due()) and due_at its day at the reminder time.
 *
 * - DAY_BEFORE (when the setting is on): key = the day before D at the
 *   reminder time. Current from then, on that day only, until due_at; not
 *   when the day before is itself a dose day (a daily regimen would get
 *   two reminders a day).
 * - DUE: key = due_at. Current from due_at until the first overdue
 *   reminder, snoozed or not. It may come back during the due day (a
 *   snooze) but says "missed" only once the dose is overdue
 *   (due->overdue_at: the start of the next day, or the clinic's shorter
 *   window for a phase under a week; cobalt-schedule.c rule 6): a dose is
 *   due all of its day (CLINICAL.md).
 * - OVERDUE: the first key is the clinic's window end when it falls
 *   within the due day, else the day after D at the reminder time (nobody
 *   is woken at midnight); then one key per day at the reminder time.
 *   Only the latest one at or before now is current. So an overdue dose
 *   is reminded once a day, and a day missed while the machine was off is
 *   shown once at start-up rather than as a pile of old reminders.
 * - LOW_STOCK, EXPIRY, SHARPS_BIN: key = today at the reminder time
 *   (COBALT_REMINDER_DEFAULT_MINUTE without a prescription); current from
 *   then while cobalt_supplies_compute() warns of that kind: at most once
 *   a day each.
 *
 * A current reminder is shown unless its stored state says it was shown,
 * dismissed or acted on, or is snoozed until later; a snooze set after
 * the last showing brings it back when the snooze ends. Which process
 * actually shows it is decided by cobalt_repository_claim_reminder()
 * (same rule, in one SQL statement), not here. */

#include "config.h"

#include "cobalt-reminder-planner.h"
#include "cobalt-reminder-text.h"
#include "cobalt-core.h"

void
cobalt_reminder_settings_init (CobaltReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->day_before = FALSE;
  settings->low_stock_lead_days = COBALT_STATUS_REORDER_LEAD_DAYS;
}

static void
date_from_datetime (GDate     *date,
                    GDateTime *datetime)
{
  int year, month, day;

  g_date_time_get_ymd (datetime, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* @date + @days at @minute in @tz. */
static GDateTime *
instant_on (const GDate *date,
            int          days,
            guint        minute,
            GTimeZone   *tz)
{
  GDate day = *date;

  if (days > 0)
    g_date_add_days (&day, days);
  else if (days < 0)
    g_date_subtract_days (&day, -days);

  return cobalt_schedule_local_instant (&day, minute, tz);
}

static void
consider_wakeup (GDateTime **wakeup,
                 GDateTime  *candidate,
                 GDateTime  *now)
{
  if (candidate == NULL || g_date_time_compare (candidate, now) <= 0)
    return;

  if (*wakeup == NULL || g_date_time_compare (candidate, *wakeup) < 0)
    {
      g_clear_pointer (wakeup, g_date_time_unref);
      *wakeup = g_date_time_ref (candidate);
    }
}

gboolean
cobalt_reminder_state_needs_show (CobaltReminderState  *state,
                                  GDateTime            *now,
                                  GDateTime           **wakeup)
{
  GDateTime *snoozed_until;
  GDateTime *shown_at;

  g_return_val_if_fail (now != NULL, FALSE);

  if (state == NULL)
    return TRUE;

  if (cobalt_reminder_state_is_settled (state))
    return FALSE;

  /* The same rule as cobalt_repository_claim_reminder(): a snooze set
   * after the last showing brings the reminder back when it ends. */
  snoozed_until = state->snoozed_until;
  shown_at = state->shown_at;
  if (snoozed_until != NULL &&
      (shown_at == NULL || g_date_time_compare (shown_at, snoozed_until) < 0))
    {
      if (g_date_time_compare (now, snoozed_until) < 0)
        {
          if (wakeup != NULL)
            consider_wakeup (wakeup, snoozed_until, now);
          return FALSE;
        }
      return TRUE;
    }

  return shown_at == NULL;
}

/* Looks up the state of @item and sets needs_show. */
static gboolean
judge_item (CobaltReminderItem         *item,
            GDateTime                  *now,
            CobaltReminderStateLookup   lookup,
            gpointer                    user_data,
            GDateTime                 **wakeup,
            GError                    **error)
{
  g_autoptr(CobaltReminderState) state = NULL;
  GError *local_error = NULL;

  if (lookup != NULL)
    {
      state = lookup (item->person_id, item->kind, item->due_at, user_data, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }

  item->needs_show = cobalt_reminder_state_needs_show (state, now, wakeup);
  return TRUE;
}

/* Local calendar day of the dose given last before the due one, or an
 * invalid date. */
static void
last_dose_date (const CobaltDueInfo *due,
                GPtrArray           *doses,
                GTimeZone           *tz,
                GDate               *date)
{
  g_date_clear (date, 1);

  if (due->last_dose_id == 0 || doses == NULL)
    return;

  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);

      if (dose->id == due->last_dose_id)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (dose->given_at, tz);

          date_from_datetime (date, local);
          return;
        }
    }
}

static gboolean
plan_dose (const CobaltReminderSubject  *subject,
           GDateTime                    *now,
           const GDate                  *today,
           const CobaltReminderSettings *settings,
           CobaltReminderStateLookup     lookup,
           gpointer                      user_data,
           GPtrArray                    *items,
           GDateTime                   **wakeup,
           GError                      **error)
{
  GTimeZone *tz = g_date_time_get_timezone (now);
  CobaltPerson *person = subject->person;
  gint64 person_id = person->id;
  const char *name = person->name;
  g_autoptr(GPtrArray) no_doses = NULL;
  g_autoptr(CobaltDueInfo) due = NULL;
  g_autoptr(GDateTime) day_before_at = NULL;
  g_autoptr(GDateTime) first_overdue_at = NULL;
  g_autoptr(GDateTime) day_end = NULL;
  guint minute;
  gboolean overdue;

  if (subject->prescription == NULL ||
      subject->prescription->phases == NULL ||
      subject->prescription->phases->len == 0)
    return TRUE;

  if (subject->doses == NULL)
    no_doses = g_ptr_array_new ();

  due = cobalt_schedule_next_due (subject->prescription,
                                  subject->doses != NULL ? subject->doses : no_doses,
                                  now, tz);
  if (due == NULL || due->status == COBALT_DOSE_STATUS_NONE || due->due_at == NULL)
    return TRUE;

  minute = subject->prescription->reminder_minute;
  day_end = instant_on (&due->due_date, 1, 0, tz);
  if (due->overdue_at != NULL && g_date_time_compare (due->overdue_at, day_end) < 0)
    first_overdue_at = g_date_time_ref (due->overdue_at);
  else
    first_overdue_at = instant_on (&due->due_date, 1, minute, tz);

  overdue = due->overdue_at != NULL && g_date_time_compare (now, due->overdue_at) >= 0;

  consider_wakeup (wakeup, due->due_at, now);
  consider_wakeup (wakeup, first_overdue_at, now);

  /* The day before. */
  if (settings->day_before)
    {
      GDate previous;
      GDate eve = due->due_date;

      g_date_subtract_days (&eve, 1);
      last_dose_date (due, subject->doses, tz, &previous);

      if (!g_date_valid (&previous) || g_date_compare (&previous, &eve) < 0)
        {
          day_before_at = instant_on (&due->due_date, -1, minute, tz);
          consider_wakeup (wakeup, day_before_at, now);

          if (g_date_compare (today, &eve) == 0 &&
              g_date_time_compare (now, day_before_at) >= 0 &&
              g_date_time_compare (now, due->due_at) < 0)
            {
              g_autoptr(CobaltReminderItem) item =
                cobalt_reminder_item_new (COBALT_REMINDER_DAY_BEFORE, person_id, name, day_before_at);

              cobalt_reminder_text_fill_dose (item, subject, due, now, FALSE);
              if (!judge_item (item, now, lookup, user_data, wakeup, error))
                return FALSE;
              g_ptr_array_add (items, g_steal_pointer (&item));
            }
        }
    }

  if (g_date_time_compare (now, due->due_at) < 0)
    return TRUE;

  if (g_date_time_compare (now, first_overdue_at) < 0)
    {
      g_autoptr(CobaltReminderItem) item =
        cobalt_reminder_item_new (COBALT_REMINDER_DUE, person_id, name, due->due_at);

      item->actions = COBALT_REMINDER_ACTION_CHECKLIST |
                      COBALT_REMINDER_ACTION_SNOOZE_HOUR |
                      COBALT_REMINDER_ACTION_SNOOZE_TOMORROW;
      item->tomorrow_at = instant_on (today, 1, minute, tz);
      /* "Missed" only after the due day (or the clinic's window). */
      cobalt_reminder_text_fill_dose (item, subject, due, now, overdue);
      if (!judge_item (item, now, lookup, user_data, wakeup, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
  else
    {
      g_autoptr(GDateTime) today_at = instant_on (today, 0, minute, tz);
      g_autoptr(GDateTime) tomorrow_at = instant_on (today, 1, minute, tz);
      g_autoptr(GDateTime) key = NULL;
      g_autoptr(CobaltReminderItem) item = NULL;

      /* The latest overdue instant at or before now: today's once it
       * passed, else yesterday's; at least first_overdue_at (on the due
       * day itself, today's reminder time was the DUE one). */
      if (g_date_time_compare (now, today_at) >= 0)
        key = g_date_time_ref (today_at);
      else
        key = instant_on (today, -1, minute, tz);
      if (g_date_time_compare (key, first_overdue_at) < 0)
        {
          g_clear_pointer (&key, g_date_time_unref);
          key = g_date_time_ref (first_overdue_at);
        }

      consider_wakeup (wakeup, today_at, now);
      consider_wakeup (wakeup, tomorrow_at, now);

      item = cobalt_reminder_item_new (COBALT_REMINDER_OVERDUE, person_id, name, key);
      item->actions = COBALT_REMINDER_ACTION_CHECKLIST | COBALT_REMINDER_ACTION_SNOOZE_HOUR;
      cobalt_reminder_text_fill_dose (item, subject, due, now, TRUE);
      if (!judge_item (item, now, lookup, user_data, wakeup, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return TRUE;
}

static CobaltReminderKind
reminder_kind_for_warning (CobaltSupplyWarningKind kind)
{
  switch (kind)
    {
    case COBALT_SUPPLY_WARNING_LOW_STOCK:
      return COBALT_REMINDER_LOW_STOCK;
    case COBALT_SUPPLY_WARNING_SHARPS_BIN:
      return COBALT_REMINDER_SHARPS_BIN;
    case COBALT_SUPPLY_WARNING_EXPIRED:
    case COBALT_SUPPLY_WARNING_EXPIRING_SOON:
    default:
      return COBALT_REMINDER_EXPIRY;
    }
}

static gboolean
plan_supplies (const CobaltReminderSubject  *subject,
               GDateTime                    *now,
               const GDate                  *today,
               const CobaltReminderSettings *settings,
               CobaltReminderStateLookup     lookup,
               gpointer                      user_data,
               GPtrArray                    *items,
               GDateTime                   **wakeup,
               GError                      **error)
{
  static const CobaltReminderKind kinds[] = {
    COBALT_REMINDER_LOW_STOCK, COBALT_REMINDER_EXPIRY, COBALT_REMINDER_SHARPS_BIN,
  };
  GTimeZone *tz = g_date_time_get_timezone (now);
  g_autoptr(GListModel) no_items = NULL;
  g_autoptr(CobaltSupplyStatus) status = NULL;
  g_autoptr(GDateTime) today_at = NULL;
  g_autoptr(GDateTime) tomorrow_at = NULL;
  guint minute = COBALT_REMINDER_DEFAULT_MINUTE;

  if (subject->supply_items == NULL && subject->bin == NULL)
    return TRUE;

  if (subject->prescription != NULL)
    minute = subject->prescription->reminder_minute;

  today_at = instant_on (today, 0, minute, tz);
  tomorrow_at = instant_on (today, 1, minute, tz);
  consider_wakeup (wakeup, today_at, now);
  consider_wakeup (wakeup, tomorrow_at, now);

  if (g_date_time_compare (now, today_at) < 0)
    return TRUE;

  if (subject->supply_items == NULL)
    no_items = G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));

  status = cobalt_supplies_compute (subject->supply_items != NULL ? subject->supply_items : no_items,
                                    subject->prescription, subject->doses, subject->bin,
                                    now, tz, settings->low_stock_lead_days);
  if (status == NULL || status->warnings == NULL)
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new ();
      g_autoptr(CobaltReminderItem) item = NULL;

      for (guint i = 0; i < status->warnings->len; i++)
        {
          CobaltSupplyWarning *warning = g_ptr_array_index (status->warnings, i);

          if (reminder_kind_for_warning (warning->kind) == kinds[k])
            g_ptr_array_add (warnings, warning);
        }

      if (warnings->len == 0)
        continue;

      item = cobalt_reminder_item_new (kinds[k], subject->person->id,
                                       subject->person->name, today_at);
      cobalt_reminder_text_fill_supplies (item, subject->person, warnings);
      if (!judge_item (item, now, lookup, user_data, wakeup, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return TRUE;
}

GPtrArray *
cobalt_reminder_planner_plan (GPtrArray                    *subjects,
                              GDateTime                    *now,
                              const CobaltReminderSettings *settings,
                              CobaltReminderStateLookup     lookup,
                              gpointer                      user_data,
                              GDateTime                   **next_wakeup,
                              GError                      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) wakeup = NULL;
  CobaltReminderSettings defaults;
  GDate today;

  g_return_val_if_fail (subjects != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (settings == NULL)
    {
      cobalt_reminder_settings_init (&defaults);
      settings = &defaults;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_reminder_item_free);
  date_from_datetime (&today, now);

  for (guint i = 0; i < subjects->len; i++)
    {
      const CobaltReminderSubject *subject = g_ptr_array_index (subjects, i);

      g_return_val_if_fail (subject != NULL && COBALT_IS_PERSON (subject->person), NULL);

      if (!plan_dose (subject, now, &today, settings, lookup, user_data, items, &wakeup, error) ||
          !plan_supplies (subject, now, &today, settings, lookup, user_data, items, &wakeup, error))
        return NULL;
    }

  if (next_wakeup != NULL)
    *next_wakeup = g_steal_pointer (&wakeup);

  return g_steal_pointer (&items);
}
