/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-symptom-evidence.h"

/* One check-in placed in its cycle. */
typedef struct
{
  guint  cycle;
  int    day;
  gint64 at_us;
  int    score;
  gint64 checkin_id;
} Placed;

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

/* By cycle, then by instant, then by id: ties between equal bests go to
 * the later check-in whatever order the model had. */
static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  if (pa->cycle != pb->cycle)
    return pa->cycle < pb->cycle ? -1 : 1;
  if (pa->at_us != pb->at_us)
    return pa->at_us < pb->at_us ? -1 : 1;
  if (pa->checkin_id != pb->checkin_id)
    return pa->checkin_id < pb->checkin_id ? -1 : 1;
  return 0;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int ia = *(const int *) a;
  int ib = *(const int *) b;

  return (ia > ib) - (ia < ib);
}

/* How many points @score is worse than @best (negative: better). */
static int
points_worse (int      score,
              int      best,
              gboolean higher_is_better)
{
  return higher_is_better ? best - score : score - best;
}

/* The index of the latest dose given at or before @at in @sorted, or -1. */
static int
cycle_of (GPtrArray *sorted,
          GDateTime *at)
{
  guint low = 0, high = sorted->len;

  /* The first dose after @at, by bisection; the one before it is the cycle. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      CobaltDose *dose = g_ptr_array_index (sorted, mid);

      if (g_date_time_compare (dose->given_at, at) <= 0)
        low = mid + 1;
      else
        high = mid;
    }

  return (int) low - 1;
}

static void
settle_cycle (CobaltSymptomCycle *cycle,
              const Placed       *placed,
              guint               n,
              gboolean            higher_is_better)
{
  for (guint i = 0; i < n; i++)
    {
      const Placed *p = &placed[i];

      cycle->n_checkins++;
      cycle->last_day = MAX (cycle->last_day, p->day);
      if (p->day > COBALT_SYMPTOM_RETURN_BEST_DAYS)
        continue;
      /* Sorted by instant: an equal score later replaces the best. */
      if (cycle->best_day < 0 ||
          points_worse (p->score, cycle->best_score, higher_is_better) <= 0)
        {
          cycle->best_day = p->day;
          cycle->best_score = p->score;
          cycle->best_checkin_id = p->checkin_id;
        }
    }

  if (cycle->best_day < 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const Placed *p = &placed[i];

      if (p->day <= cycle->best_day)
        continue;
      if (points_worse (p->score, cycle->best_score, higher_is_better) >= COBALT_SYMPTOM_RETURN_DROP)
        {
          cycle->return_day = p->day;
          cycle->return_score = p->score;
          cycle->return_checkin_id = p->checkin_id;
          return;
        }
    }
}

gboolean
cobalt_checkin_measure_higher_is_better (CobaltCheckinMeasure measure)
{
  switch (measure)
    {
    case COBALT_CHECKIN_ENERGY:
    case COBALT_CHECKIN_MOOD:
    case COBALT_CHECKIN_MEMORY:
      return TRUE;
    case COBALT_CHECKIN_FATIGUE:
    case COBALT_CHECKIN_PINS_AND_NEEDLES:
      return FALSE;
    default:
      g_return_val_if_reached (TRUE);
    }
}

GArray *
cobalt_symptom_return_cycles (GListModel           *checkins,
                              GPtrArray            *doses,
                              CobaltCheckinMeasure  measure,
                              GTimeZone            *tz)
{
  g_autoptr(GTimeZone) local_tz = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  GArray *cycles = g_array_new (FALSE, TRUE, sizeof (CobaltSymptomCycle));
  gboolean higher_is_better;
  guint n, start;

  g_return_val_if_fail (checkins == NULL || G_IS_LIST_MODEL (checkins), cycles);
  g_return_val_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES, cycles);

  if (tz == NULL)
    tz = local_tz = g_time_zone_new_local ();
  higher_is_better = cobalt_checkin_measure_higher_is_better (measure);

  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);

      if (cobalt_dose_is_given (dose) && dose->given_at != NULL)
        g_ptr_array_add (sorted, dose);
    }
  g_ptr_array_sort (sorted, cobalt_dose_compare_given_at);

  for (guint i = 0; i < sorted->len; i++)
    {
      CobaltSymptomCycle cycle = { .best_day = -1, .return_day = -1, .last_day = -1 };

      local_day (COBALT_DOSE (g_ptr_array_index (sorted, i))->given_at, tz, &cycle.dose_day);
      g_array_append_val (cycles, cycle);
    }

  n = checkins != NULL ? g_list_model_get_n_items (checkins) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);
      int score = cobalt_checkin_get_score (checkin, measure);
      Placed p = { 0, };
      GDate day;
      int cycle;

      if (checkin->at == NULL || score == COBALT_CHECKIN_NOT_RECORDED)
        continue;
      cycle = cycle_of (sorted, checkin->at);
      if (cycle < 0)
        continue;

      local_day (checkin->at, tz, &day);
      p.cycle = cycle;
      p.day = g_date_days_between (&g_array_index (cycles, CobaltSymptomCycle, cycle).dose_day, &day);
      p.at_us = g_date_time_to_unix (checkin->at) * G_USEC_PER_SEC + g_date_time_get_microsecond (checkin->at);
      p.score = score;
      p.checkin_id = checkin->id;
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);

  start = 0;
  while (start < placed->len)
    {
      guint cycle = g_array_index (placed, Placed, start).cycle;
      guint end = start;

      while (end < placed->len && g_array_index (placed, Placed, end).cycle == cycle)
        end++;
      settle_cycle (&g_array_index (cycles, CobaltSymptomCycle, cycle),
                    &g_array_index (placed, Placed, start), end - start, higher_is_better);
      start = end;
    }

  return cycles;
}

gboolean
cobalt_symptom_return_evidence (GListModel                   *checkins,
                                GPtrArray                    *doses,
                                CobaltCheckinMeasure          measure,
                                GTimeZone                    *tz,
                                CobaltSymptomReturnEvidence  *evidence,
                                GArray                      **cycles_out)
{
  g_autoptr(GArray) cycles = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (evidence != NULL, FALSE);
  g_return_val_if_fail (cycles_out == NULL || *cycles_out == NULL, FALSE);

  *evidence = (CobaltSymptomReturnEvidence) { .measure = measure, .median_day = -1 };
  cycles = cobalt_symptom_return_cycles (checkins, doses, measure, tz);

  for (guint i = 0; i < cycles->len; i++)
    {
      const CobaltSymptomCycle *cycle = &g_array_index (cycles, CobaltSymptomCycle, i);

      if (cycle->best_day < 0 || cycle->last_day <= cycle->best_day)
        continue;
      evidence->n_observed++;
      if (cycle->return_day >= 0)
        g_array_append_val (days, cycle->return_day);
    }
  evidence->n_returned = days->len;

  if (days->len >= COBALT_SYMPTOM_RETURN_MIN_CYCLES)
    {
      g_array_sort (days, compare_int);
      evidence->median_day = g_array_index (days, int, (days->len - 1) / 2);
    }

  if (cycles_out != NULL)
    *cycles_out = g_steal_pointer (&cycles);

  return evidence->median_day >= 0;
}
