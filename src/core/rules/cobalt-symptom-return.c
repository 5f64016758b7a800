/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-symptom-return.h"

/* Calendar days, not 24-hour spans: a dose at 21:00 and a check-in the next
 * morning are one day apart, as a person would count them. */
static void
local_day (GDateTime *instant,
           GTimeZone *tz,
           GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

int
cobalt_symptom_return_days_since_dose (GPtrArray *doses,
                                       GDateTime *at,
                                       GTimeZone *tz,
                                       GDate     *dose_day)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  GDateTime *latest = NULL;
  GDate at_day, latest_day;

  g_return_val_if_fail (at != NULL, -1);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  /* The doses need not be sorted: callers pass the repository's list or
   * one they built, and a linear scan is cheap next to drawing. */
  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      GDateTime *given_at = COBALT_DOSE (g_ptr_array_index (doses, i))->given_at;

      if (given_at == NULL || g_date_time_compare (given_at, at) > 0)
        continue;
      if (latest == NULL || g_date_time_compare (given_at, latest) > 0)
        latest = given_at;
    }

  if (latest == NULL)
    return -1;

  local_day (latest, tz, &latest_day);
  local_day (at, tz, &at_day);
  if (dose_day != NULL)
    *dose_day = latest_day;

  return g_date_days_between (&latest_day, &at_day);
}

GArray *
cobalt_symptom_return_compute (GListModel           *checkins,
                               GPtrArray            *doses,
                               CobaltCheckinMeasure  measure,
                               GTimeZone            *tz)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  GArray *points = g_array_new (FALSE, TRUE, sizeof (CobaltSymptomReturnPoint));
  guint n;

  g_return_val_if_fail (checkins == NULL || G_IS_LIST_MODEL (checkins), points);
  g_return_val_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES, points);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();

  n = checkins != NULL ? g_list_model_get_n_items (checkins) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);
      GDateTime *at = checkin->at;
      CobaltSymptomReturnPoint point = { 0, };
      int score = cobalt_checkin_get_score (checkin, measure);

      if (at == NULL || score == COBALT_CHECKIN_NOT_RECORDED)
        continue;

      point.days_since_dose = cobalt_symptom_return_days_since_dose (doses, at, tz, &point.dose_day);
      if (point.days_since_dose < 0)
        continue;

      point.checkin_id = checkin->id;
      local_day (at, tz, &point.checkin_day);
      point.score = score;
      g_array_append_val (points, point);
    }

  return points;
}
