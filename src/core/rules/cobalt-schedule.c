/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The schedule engine. The rules, as implemented here:
 *
 * 1. All arithmetic happens on local calendar dates in the given time zone.
 *    The due instant is the due date at the prescription's reminder minute,
 *    built by cobalt_schedule_local_instant(): a local time that does not
 *    exist that day (a daylight-saving gap, e.g. America/Santiago's missing
 *    midnight in September or 01:30 in Europe/London on the March change)
 *    moves forward to the next valid minute; an ambiguous one (the repeated
 *    hour in autumn) takes the first occurrence.
 *
 * 2. Counted doses: the person's doses given on or after the prescription's
 *    starts_on day, in chronological order, and any dose logged as given
 *    early on the clinic's advice (COBALT_DOSE_EXCEPTION_EARLY) even before
 *    that day: a first dose the clinic brought forward counts. Doses of
 *    every prescription version count, so history keeps counting when the
 *    clinic edits the prescription. A dose not given on the clinic's advice counts too, as
 *    the clinic said (CLINICAL.md "Missed dose"): a SKIPPED one takes the
 *    place of a dose on the day of the decision (its given_at), so the
 *    next date counts from that day; a MOVED one leaves the count as it
 *    was and makes its moved_to day the next due date, until the next dose
 *    or decision. Neither is ever the "last dose given" (last_dose_id).
 *
 * 3. A dose's effective date is its date on the wall clock of the zone it
 *    was given in (what the log shows), whatever the zone is now: a dose
 *    given on Monday evening in London stays Monday's dose in Sydney. A
 *    dose given before 04:00 when the dose due before it was due the
 *    previous day is credited to that day: a dose logged just after
 *    midnight belongs to the dose that was due, not to the next one. (A
 *    dose due days earlier is simply late and counts from its own day.)
 *
 * 4. Doses are walked through the phases in order. A phase that ends after
 *    K doses ends once K doses were assigned to it. A phase that ends after
 *    K days ends when a dose's effective date is on or after the phase's
 *    first dose date + K days (that dose then belongs to the next phase), or
 *    when the phase's next date would fall on or after that day. An
 *    open-ended phase never ends by itself: the phases after it are reached
 *    only when the clinic edits the prescription.
 *
 * 5. Next due date = effective date of the last counted dose + the current
 *    phase's interval: days (g_date_add_days), weeks (7 days) or calendar
 *    months (g_date_add_months, which clamps 31 January + 1 month to the
 *    end of February). When the last dose completed its phase, the next
 *    phase's interval counts from that last dose ("the next phase starts
 *    from the last dose of the previous one"). "N times a week" spreads the
 *    doses over the week: the k-th gap within the phase is
 *    floor((k+1)*7/N) - floor(k*7/N) days (3 a week: 2, 2, 3). With no dose
 *    yet, the first due date is starts_on, the first-dose date chosen when
 *    the prescription was made; before it nothing is due and nothing is
 *    missed. Without one (an older database) nothing is scheduled until it
 *    is chosen: status NONE with needs_first_date set, never a "due today"
 *    that moves along with today. A late dose moves the next one:
 *    everything counts from the dose actually given.
 *    When the last phase ended (only a custom prescription can end in a
 *    counted phase) nothing more is due: the status is NONE.
 *
 * 6. Status at "now" (CLINICAL.md "When a dose counts as late"): UPCOMING
 *    while now's local date is before the due date; DUE for the whole of the
 *    due day in the person's zone; OVERDUE from the start of the next day.
 *    When the due dose's phase repeats more often than once a week and the
 *    clinic set a shorter window (overdue_after_minutes), it is overdue that
 *    many minutes after the due instant, but never later than the start of
 *    the next day (the window only ever shortens the day). The old grace
 *    window (grace_minutes) no longer decides anything. An overdue dose
 *    stays the one due: the schedule never doubles up and never skips it.
 *
 * 7. cobalt_schedule_project() lists the next due instant, then the ones
 *    after it as if each dose were given exactly at its due instant.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-schedule.h"

/* Walking state over the dose history. */
typedef struct
{
  CobaltPrescription *prescription;
  GPtrArray          *phases;
  guint               phase;        /* phase of the last dose */
  guint               n_in_phase;   /* doses assigned to that phase */
  guint               gaps;         /* gaps counted in that phase's interval */
  GDate               first;        /* effective date of the phase's first dose */
  GDate               last;         /* effective date of the last dose */
  gboolean            have_last;
  gint64              last_dose_id;
  GDate               moved_to;     /* valid while a MOVED decision sets the next date */
} Walk;

typedef struct
{
  gboolean ended;       /* the last phase is over: nothing more due */
  GDate    date;
  guint    phase;
  guint    dose_in_phase;
} NextDate;

/* A dose given before this hour may be credited to the previous day. */
#define CREDIT_PREVIOUS_DAY_BEFORE_HOUR 4

G_DEFINE_BOXED_TYPE (CobaltDueInfo, cobalt_due_info, cobalt_due_info_copy, cobalt_due_info_free)

static const CobaltPhase *
walk_phase (const Walk *walk,
            guint       index)
{
  g_assert (index < walk->phases->len);

  return g_ptr_array_index (walk->phases, index);
}

static gboolean
walk_has_phase_after (const Walk *walk,
                      guint       index)
{
  return index + 1 < walk->phases->len;
}

static guint
times_a_week_gap (guint times,
                  guint gap_index)
{
  guint k = gap_index % times;

  return ((k + 1) * 7) / times - (k * 7) / times;
}

void
cobalt_schedule_add_interval (const CobaltPhase *phase,
                              guint              gap_index,
                              const GDate       *from,
                              GDate             *out)
{
  g_return_if_fail (phase != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (out != NULL);

  *out = *from;

  switch (phase->unit)
    {
    case COBALT_INTERVAL_DAYS:
      g_date_add_days (out, phase->interval);
      break;

    case COBALT_INTERVAL_WEEKS:
      g_date_add_days (out, 7 * phase->interval);
      break;

    case COBALT_INTERVAL_MONTHS:
      g_date_add_months (out, phase->interval);
      break;

    case COBALT_INTERVAL_TIMES_PER_WEEK:
      g_date_add_days (out, times_a_week_gap (MAX (phase->interval, 1), gap_index));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Whether the phase of the last dose has nothing more to give. */
static gboolean
walk_phase_over (const Walk *walk)
{
  const CobaltPhase *phase = walk_phase (walk, walk->phase);

  g_assert (walk->have_last);

  switch (phase->end)
    {
    case COBALT_PHASE_END_AFTER_DOSES:
      return walk->n_in_phase >= phase->end_value;

    case COBALT_PHASE_END_AFTER_DAYS:
      {
        GDate next, end = walk->first;

        cobalt_schedule_add_interval (phase, walk->gaps, &walk->last, &next);
        g_date_add_days (&end, phase->end_value);
        return g_date_compare (&next, &end) >= 0;
      }

    case COBALT_PHASE_END_OPEN:
    default:
      return FALSE;
    }
}

static void
walk_next (const Walk  *walk,
           const GDate *today,
           NextDate    *next)
{
  GDate *starts_on = walk->prescription->starts_on;

  memset (next, 0, sizeof *next);
  g_date_clear (&next->date, 1);

  if (!walk->have_last)
    {
      if (g_date_valid (&walk->moved_to))
        next->date = walk->moved_to;
      else if (starts_on != NULL)
        next->date = *starts_on;
      next->phase = 0;
      next->dose_in_phase = 1;
      return;
    }

  if (walk_phase_over (walk))
    {
      if (!walk_has_phase_after (walk, walk->phase))
        {
          next->ended = TRUE;
          next->phase = walk->phase;
          next->dose_in_phase = walk->n_in_phase + 1;
          return;
        }

      next->phase = walk->phase + 1;
      next->dose_in_phase = 1;
      cobalt_schedule_add_interval (walk_phase (walk, next->phase), 0, &walk->last, &next->date);
    }
  else
    {
      next->phase = walk->phase;
      next->dose_in_phase = walk->n_in_phase + 1;
      cobalt_schedule_add_interval (walk_phase (walk, walk->phase), walk->gaps, &walk->last, &next->date);
    }

  /* Rule 2: the clinic moved the due dose to another day. */
  if (g_date_valid (&walk->moved_to))
    next->date = walk->moved_to;
}

static void
walk_apply (Walk        *walk,
            const GDate *effective,
            gint64       dose_id)
{
  if (!walk->have_last)
    {
      walk->phase = 0;
      walk->n_in_phase = 1;
      walk->gaps = 0;
      walk->first = *effective;
    }
  else
    {
      const CobaltPhase *phase = walk_phase (walk, walk->phase);
      gboolean move_on = FALSE;

      if (walk_has_phase_after (walk, walk->phase))
        {
          if (walk_phase_over (walk))
            {
              move_on = TRUE;
            }
          else if (phase->end == COBALT_PHASE_END_AFTER_DAYS)
            {
              GDate end = walk->first;

              g_date_add_days (&end, phase->end_value);
              move_on = g_date_compare (effective, &end) >= 0;
            }
        }

      if (move_on)
        {
          walk->phase++;
          walk->n_in_phase = 1;
          /* The gap into this phase used its interval's first gap. */
          walk->gaps = 1;
          walk->first = *effective;
        }
      else
        {
          walk->n_in_phase++;
          walk->gaps++;
        }
    }

  walk->last = *effective;
  walk->have_last = TRUE;
  if (dose_id != 0)
    walk->last_dose_id = dose_id;
  /* A dose (or a skip) settles the one the clinic had moved. */
  g_date_clear (&walk->moved_to, 1);
}

static void
date_from_date_time (GDateTime *dt,
                     GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
walk_init (Walk               *walk,
           CobaltPrescription *prescription)
{
  memset (walk, 0, sizeof *walk);
  walk->prescription = prescription;
  walk->phases = prescription->phases;
  g_date_clear (&walk->first, 1);
  g_date_clear (&walk->last, 1);
  g_date_clear (&walk->moved_to, 1);
}

/* Walks the counted doses of @doses (rules 2–4). */
static void
walk_history (Walk        *walk,
              GPtrArray   *doses,
              const GDate *today)
{
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  GDate *starts_on = walk->prescription->starts_on;
  gint64 person_id = walk->prescription->person_id;

  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      gint64 dose_person = dose->person_id;

      if (dose->given_at == NULL)
        continue;
      if (person_id != 0 && dose_person != 0 && dose_person != person_id)
        continue;

      /* A dose given early on the clinic's advice counts from the day it
       * was given, even before the first-dose date: the next one is due
       * from it, not from the date it came before. */
      if (starts_on != NULL &&
          !(cobalt_dose_is_given (dose) && (dose->exceptions & COBALT_DOSE_EXCEPTION_EARLY)))
        {
          GDate date;

          /* A move counts by the day it moves the dose to: the clinic may
           * well move the first dose before its first-dose date. */
          if (dose->kind == COBALT_DOSE_KIND_MOVED && dose->moved_to != NULL)
            date = *dose->moved_to;
          else
            date_from_date_time (dose->given_at, &date);
          if (g_date_compare (&date, starts_on) < 0)
            continue;
        }

      g_ptr_array_add (counted, dose);
    }

  g_ptr_array_sort (counted, cobalt_dose_compare_given_at);

  for (guint i = 0; i < counted->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (counted, i);
      /* Rule 3: the given_at of a dose is in the zone it was given in. */
      GDateTime *given_at = dose->given_at;
      CobaltDoseKind kind = dose->kind;
      GDate effective;

      date_from_date_time (given_at, &effective);

      if (kind == COBALT_DOSE_KIND_MOVED)
        {
          GDate *moved_to = dose->moved_to;

          /* A move without a day says nothing the schedule can use. */
          if (moved_to != NULL && g_date_valid (moved_to))
            walk->moved_to = *moved_to;
          continue;
        }

      if (kind == COBALT_DOSE_KIND_SKIPPED)
        {
          /* Counted from the day of the decision, as the clinic said; the
           * after-midnight credit is for injections given late at night. */
          walk_apply (walk, &effective, 0);
          continue;
        }

      /* Without a start date the first dose has nothing due before it to
       * be credited to. */
      if (g_date_time_get_hour (given_at) < CREDIT_PREVIOUS_DAY_BEFORE_HOUR &&
          (walk->have_last || starts_on != NULL || g_date_valid (&walk->moved_to)))
        {
          NextDate due;
          GDate day_before = effective;

          g_date_subtract_days (&day_before, 1);
          walk_next (walk, today, &due);
          if (!due.ended && g_date_compare (&due.date, &day_before) == 0)
            effective = day_before;
        }

      walk_apply (walk, &effective, dose->id);
    }
}

static CobaltDueInfo *
due_info_new (void)
{
  CobaltDueInfo *info = g_new0 (CobaltDueInfo, 1);

  g_date_clear (&info->due_date, 1);

  return info;
}

/* Seconds of the local offset at the UTC instant @unix. */
static gint64
offset_at (GTimeZone *tz,
           gint64     unix_time)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time);

  return g_time_zone_get_offset (tz, interval);
}

gboolean
cobalt_schedule_interval_under_a_week (const CobaltPhase *phase)
{
  g_return_val_if_fail (phase != NULL, FALSE);

  switch (phase->unit)
    {
    case COBALT_INTERVAL_DAYS:
      return phase->interval < 7;
    case COBALT_INTERVAL_TIMES_PER_WEEK:
      /* Once a week is a week apart; twice or more, every gap is shorter. */
      return phase->interval >= 2;
    case COBALT_INTERVAL_WEEKS:
    case COBALT_INTERVAL_MONTHS:
    default:
      return FALSE;
    }
}

/* Rule 6: the start of the day after the due day, or the clinic's shorter
 * window for a phase under a week, whichever comes first. */
static GDateTime *
overdue_instant (CobaltPrescription *prescription,
                 const CobaltPhase  *phase,
                 const GDate        *due_date,
                 GDateTime          *due_at,
                 GTimeZone          *tz)
{
  guint window = prescription->overdue_after_minutes;
  GDate next_day = *due_date;
  g_autoptr(GDateTime) day_end = NULL;

  g_date_add_days (&next_day, 1);
  /* Local midnight, or the first minute of the day where midnight does
   * not exist (a daylight-saving change at 00:00). */
  day_end = cobalt_schedule_local_instant (&next_day, 0, tz);

  if (window > 0 && cobalt_schedule_interval_under_a_week (phase))
    {
      g_autoptr(GDateTime) window_end = g_date_time_add_minutes (due_at, window);

      if (g_date_time_compare (window_end, day_end) < 0)
        return g_steal_pointer (&window_end);
    }

  return g_steal_pointer (&day_end);
}

CobaltDueInfo *
cobalt_due_info_copy (const CobaltDueInfo *info)
{
  CobaltDueInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  if (info->due_at != NULL)
    copy->due_at = g_date_time_ref (info->due_at);
  if (info->overdue_at != NULL)
    copy->overdue_at = g_date_time_ref (info->overdue_at);

  return copy;
}

void
cobalt_due_info_free (CobaltDueInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->due_at, g_date_time_unref);
  g_clear_pointer (&info->overdue_at, g_date_time_unref);
  g_free (info);
}

GDateTime *
cobalt_schedule_local_instant (const GDate *date,
                               guint        minute,
                               GTimeZone   *tz)
{
  g_autoptr(GDateTime) wall_dt = NULL;
  gint64 wall;
  gint64 best = G_MAXINT64;
  gint64 probes[3];
  gint64 before, after, lo, hi;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (minute < 24 * 60, NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  /* The wall-clock time as if it were UTC: seconds we can compare. */
  wall_dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), minute / 60, minute % 60, 0);
  wall = g_date_time_to_unix (wall_dt);

  /* Every offset in force around that day; a candidate instant is valid
   * when its own offset gives back the wall time. The smallest valid one is
   * the first occurrence of an ambiguous time. */
  probes[0] = wall - 86400;
  probes[1] = wall;
  probes[2] = wall + 86400;
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      gint64 candidate = wall - offset_at (tz, probes[i]);

      if (candidate + offset_at (tz, candidate) == wall && candidate < best)
        best = candidate;
    }

  if (best == G_MAXINT64)
    {
      /* A gap: the clocks jump from the offset before it to the offset
       * after it. The first valid minute is the jump itself, found between
       * the instant read with the later offset (before the jump) and the
       * one read with the earlier offset (after it). */
      before = offset_at (tz, wall - 86400);
      after = offset_at (tz, wall + 86400);
      lo = wall - MAX (before, after);
      hi = wall - MIN (before, after);

      while (lo + 1 < hi)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (mid + offset_at (tz, mid) > wall)
            hi = mid;
          else
            lo = mid;
        }

      best = hi;
      /* Land on a whole local minute. */
      {
        gint64 local = best + offset_at (tz, best);
        gint64 rem = ((local % 60) + 60) % 60;

        if (rem != 0)
          best += 60 - rem;
      }
    }

  utc = g_date_time_new_from_unix_utc (best);

  return g_date_time_to_timezone (utc, tz);
}

CobaltDueInfo *
cobalt_schedule_next_due (CobaltPrescription *prescription,
                          GPtrArray          *doses,
                          GDateTime          *now,
                          GTimeZone          *tz)
{
  CobaltDueInfo *info;
  g_autoptr(GDateTime) now_local = NULL;
  GDate today;
  NextDate next;
  Walk walk;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (tz == NULL)
    tz = g_date_time_get_timezone (now);

  info = due_info_new ();
  walk_init (&walk, prescription);

  if (walk.phases->len == 0)
    {
      info->status = COBALT_DOSE_STATUS_NONE;
      info->amount = prescription->amount;
      return info;
    }

  now_local = g_date_time_to_timezone (now, tz);
  date_from_date_time (now_local, &today);

  walk_history (&walk, doses, &today);
  walk_next (&walk, &today, &next);

  info->last_dose_id = walk.last_dose_id;
  info->phase_index = next.phase;
  info->dose_in_phase = next.dose_in_phase;
  info->amount = cobalt_prescription_get_phase_amount (prescription, next.phase);

  if (next.ended)
    {
      info->status = COBALT_DOSE_STATUS_NONE;
      return info;
    }
  if (!g_date_valid (&next.date))
    {
      /* Rule 5: no dose and no first-dose date yet. */
      info->status = COBALT_DOSE_STATUS_NONE;
      info->needs_first_date = TRUE;
      return info;
    }

  info->due_date = next.date;
  info->due_at = cobalt_schedule_local_instant (&next.date,
                                                prescription->reminder_minute,
                                                tz);
  info->overdue_at = overdue_instant (prescription, walk_phase (&walk, next.phase),
                                      &next.date, info->due_at, tz);

  if (g_date_compare (&today, &info->due_date) < 0)
    info->status = COBALT_DOSE_STATUS_UPCOMING;
  else if (g_date_time_compare (now, info->overdue_at) < 0)
    info->status = COBALT_DOSE_STATUS_DUE;
  else
    info->status = COBALT_DOSE_STATUS_OVERDUE;

  return info;
}

GPtrArray *
cobalt_schedule_project (CobaltPrescription *prescription,
                         GPtrArray          *doses,
                         GDateTime          *now,
                         GTimeZone          *tz,
                         guint               n)
{
  GPtrArray *result;
  g_autoptr(GDateTime) now_local = NULL;
  guint minute;
  GDate today;
  Walk walk;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (tz == NULL)
    tz = g_date_time_get_timezone (now);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  walk_init (&walk, prescription);
  if (walk.phases->len == 0)
    return result;

  now_local = g_date_time_to_timezone (now, tz);
  date_from_date_time (now_local, &today);
  minute = prescription->reminder_minute;

  walk_history (&walk, doses, &today);

  for (guint i = 0; i < n; i++)
    {
      NextDate next;

      walk_next (&walk, &today, &next);
      if (next.ended || !g_date_valid (&next.date))
        break;

      g_ptr_array_add (result, cobalt_schedule_local_instant (&next.date, minute, tz));
      /* Given at its due instant, a dose's effective date is its due date. */
      walk_apply (&walk, &next.date, 0);
    }

  return result;
}

char *
cobalt_schedule_describe_due (const CobaltDueInfo *info,
                              GDateTime           *now)
{
  g_autoptr(GDateTime) now_local = NULL;
  GDate today;
  int days;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (info->needs_first_date)
    return g_strdup (_("No first-dose date yet"));
  if (info->status == COBALT_DOSE_STATUS_NONE || info->due_at == NULL)
    return g_strdup (_("Nothing scheduled"));

  now_local = g_date_time_to_timezone (now, g_date_time_get_timezone (info->due_at));
  date_from_date_time (now_local, &today);
  days = g_date_days_between (&today, &info->due_date);

  if (info->status == COBALT_DOSE_STATUS_OVERDUE)
    {
      if (days >= 0)
        {
          g_autofree char *time = g_date_time_format (info->due_at, "%H:%M");

          /* TRANSLATORS: %s is a time of day, "Overdue since 09:00" */
          return g_strdup_printf (_("Overdue since %s"), time);
        }

      return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days", -days), -days);
    }

  if (days < 0)
    return g_strdup (_("Due now"));
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));

  return g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", days), days);
}
