/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The early-dose guard. The rules, as implemented here:
 *
 * 1. EXTRA: another dose actually given (kind GIVEN) falls on the same
 *    day as the new one, each day read on the wall clock of the zone the
 *    dose was given in (as the log shows it, and as the schedule counts
 *    it: cobalt-schedule.c rule 3). Doses on either side of the new one
 *    count: logging yesterday's forgotten dose twice is as extra as giving
 *    two today.
 *
 * 2. EARLY: the schedule's due date, from the history before the new
 *    dose (doses not given on the clinic's advice included, as the
 *    schedule counts them), is more than one day after the new dose's
 *    day. The day before the due date is not early: CLINICAL.md asks only
 *    about doses "more than a day before".
 *
 * 3. The last dose named to the person is the last one actually given
 *    before the new one; a dose not given never is.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose-timing.h"
#include "cobalt-schedule.h"

G_DEFINE_BOXED_TYPE (CobaltDoseTimingInfo, cobalt_dose_timing_info,
                     cobalt_dose_timing_info_copy, cobalt_dose_timing_info_free)

static void
date_of (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static char *
format_day (const GDate *date)
{
  char buffer[128];

  /* Translators: a day in a sentence, g_date_strftime() syntax:
   * "Monday 12 January 2026". */
  if (g_date_strftime (buffer, sizeof buffer, _("%A %-d %B %Y"), date) == 0)
    return g_strdup ("?");
  return g_strdup (buffer);
}

CobaltDoseTimingInfo *
cobalt_dose_timing_info_copy (const CobaltDoseTimingInfo *info)
{
  CobaltDoseTimingInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  if (info->last_given_at != NULL)
    copy->last_given_at = g_date_time_ref (info->last_given_at);

  return copy;
}

void
cobalt_dose_timing_info_free (CobaltDoseTimingInfo *info)
{
  if (info == NULL)
    return;

  g_clear_pointer (&info->last_given_at, g_date_time_unref);
  g_free (info);
}

CobaltDoseTimingInfo *
cobalt_dose_timing_check (CobaltPrescription *prescription,
                          GPtrArray          *doses,
                          GDateTime          *given_at,
                          GTimeZone          *tz)
{
  CobaltDoseTimingInfo *info;
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  gint64 person_id = 0;
  GDateTime *last = NULL;
  gboolean extra = FALSE;
  GDate day;

  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (given_at != NULL, NULL);

  if (tz == NULL)
    tz = g_date_time_get_timezone (given_at);
  if (prescription != NULL)
    person_id = prescription->person_id;

  info = g_new0 (CobaltDoseTimingInfo, 1);
  g_date_clear (&info->next_due, 1);
  date_of (given_at, &day);

  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      GDateTime *when = dose->given_at;
      gint64 dose_person = dose->person_id;
      gboolean earlier;

      if (when == NULL)
        continue;
      if (person_id != 0 && dose_person != 0 && dose_person != person_id)
        continue;

      earlier = g_date_time_compare (when, given_at) < 0;
      if (earlier)
        g_ptr_array_add (before, dose);

      /* Rules 1 and 3: only injections. */
      if (cobalt_dose_is_given (dose))
        {
          GDate other;

          date_of (when, &other);
          if (g_date_compare (&other, &day) == 0)
            extra = TRUE;
          if (earlier && (last == NULL || g_date_time_compare (when, last) > 0))
            last = when;
        }
    }

  if (last != NULL)
    info->last_given_at = g_date_time_ref (last);
  info->first_dose = last == NULL;

  if (prescription != NULL)
    {
      g_autoptr(CobaltDueInfo) due = cobalt_schedule_next_due (prescription, before, given_at, tz);

      if (g_date_valid (&due->due_date))
        {
          info->next_due = due->due_date;
          /* Rule 2. */
          if (g_date_days_between (&day, &info->next_due) > 1)
            info->exceptions |= COBALT_DOSE_EXCEPTION_EARLY;
        }
    }

  if (extra)
    info->exceptions |= COBALT_DOSE_EXCEPTION_EXTRA;

  if (extra)
    info->timing = COBALT_DOSE_TIMING_EXTRA;
  else if (info->exceptions & COBALT_DOSE_EXCEPTION_EARLY)
    info->timing = COBALT_DOSE_TIMING_EARLY;
  else
    info->timing = COBALT_DOSE_TIMING_EXPECTED;

  return info;
}

char *
cobalt_dose_timing_describe (const CobaltDoseTimingInfo *info)
{
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->last_given_at != NULL)
    {
      GDate day;
      g_autofree char *date = NULL;
      g_autofree char *time = g_date_time_format (info->last_given_at, "%H:%M");

      date_of (info->last_given_at, &day);
      date = format_day (&day);
      /* Translators: "Monday 12 January 2026", "09:00" */
      last = g_strdup_printf (_("Your last dose was on %s at %s."), date, time);
    }
  else
    last = g_strdup (_("No dose has been logged yet."));

  if (g_date_valid (&info->next_due))
    {
      g_autofree char *date = format_day (&info->next_due);

      next = g_strdup_printf (info->first_dose
                                /* Translators: %s is a day, "Monday 19 January 2026" */
                                ? _("The first dose is due on %s.")
                                /* Translators: %s is a day, "Monday 19 January 2026" */
                                : _("The next is due on %s."),
                              date);
    }

  if (next == NULL)
    return g_steal_pointer (&last);

  /* Translators: the two sentences above, joined. */
  return g_strdup_printf (C_("two sentences", "%s %s"), last, next);
}

const char *
cobalt_dose_timing_get_title (CobaltDoseTiming timing)
{
  switch (timing)
    {
    case COBALT_DOSE_TIMING_EARLY:
      return _("This dose is early");
    case COBALT_DOSE_TIMING_EXTRA:
      return _("A dose is already logged for this day");
    case COBALT_DOSE_TIMING_EXPECTED:
    default:
      return NULL;
    }
}

char *
cobalt_dose_timing_describe_exceptions (CobaltDoseException exceptions)
{
  if ((exceptions & COBALT_DOSE_EXCEPTION_EXTRA) && (exceptions & COBALT_DOSE_EXCEPTION_EARLY))
    return g_strdup (_("A second dose that day, and early: given on the clinic’s advice"));
  if (exceptions & COBALT_DOSE_EXCEPTION_EXTRA)
    return g_strdup (_("A second dose that day: given on the clinic’s advice"));
  if (exceptions & COBALT_DOSE_EXCEPTION_EARLY)
    return g_strdup (_("Early: given on the clinic’s advice"));
  return NULL;
}
