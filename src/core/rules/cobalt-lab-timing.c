/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-lab-timing.h"

/* The day in the zone the dose was given in: given_at keeps that zone. */
static void
dose_day (CobaltDose *dose,
          GDate      *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (dose->given_at),
                  g_date_time_get_month (dose->given_at),
                  g_date_time_get_year (dose->given_at));
}

int
cobalt_lab_timing_days_after_injection_on (const GDate *taken_on,
                                           GPtrArray   *doses)
{
  int best = -1;

  if (taken_on == NULL || !g_date_valid (taken_on))
    return -1;

  /* Not sorted on purpose: the journal passes the repository's list, the
   * tests build theirs; one pass finds the nearest day either way. */
  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      GDate day;
      int days;

      g_return_val_if_fail (COBALT_IS_DOSE (dose), -1);
      if (!cobalt_dose_is_given (dose) || dose->given_at == NULL)
        continue;

      dose_day (dose, &day);
      days = g_date_days_between (&day, taken_on);
      if (days < 0 || days > COBALT_LAB_TIMING_WINDOW_DAYS)
        continue;
      if (best < 0 || days < best)
        best = days;
    }

  return best;
}

int
cobalt_lab_timing_days_after_injection (CobaltLabResult *result,
                                        GPtrArray       *doses)
{
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), -1);

  return cobalt_lab_timing_days_after_injection_on (result->taken_on, doses);
}
