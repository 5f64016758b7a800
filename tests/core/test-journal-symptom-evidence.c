/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Symptom-return evidence (cobalt-symptom-evidence.h): for a wellbeing
 * score, the median day after a dose on which it falls back at least 2
 * points below the cycle's best of days 0–14, once that happened in at
 * least three dose cycles. */

#include <string.h>

#include "cobalt-core.h"

/* A story on days counted from 1 January 2025 in London: doses at 09:00,
 * check-ins at an hour of that day. */
typedef struct
{
  GTimeZone  *tz;
  GPtrArray  *doses;
  GListStore *checkins;
  gint64      next_id;
} Story;

static void
story_init (Story *s)
{
  s->tz = g_time_zone_new_identifier ("Europe/London");
  s->doses = g_ptr_array_new_with_free_func (g_object_unref);
  s->checkins = g_list_store_new (COBALT_TYPE_CHECKIN);
  s->next_id = 1;
}

static void
story_clear (Story *s)
{
  g_clear_pointer (&s->tz, g_time_zone_unref);
  g_clear_pointer (&s->doses, g_ptr_array_unref);
  g_clear_object (&s->checkins);
}

static GDateTime *
story_at (Story *s,
          int    day,
          int    hour)
{
  g_autoptr(GDateTime) start = g_date_time_new (s->tz, 2025, 1, 1, hour, 0, 0);

  return g_date_time_add_days (start, day);
}

static void
dose_kind (Story          *s,
           int             day,
           CobaltDoseKind  kind)
{
  g_autoptr(GDateTime) at = story_at (s, day, 9);
  CobaltDose *dose = cobalt_dose_new ();

  dose->id = s->doses->len + 1;
  dose->kind = kind;
  cobalt_dose_set_given_at (dose, at);
  g_ptr_array_add (s->doses, dose);
}

static void
dose (Story *s,
      int    day)
{
  dose_kind (s, day, COBALT_DOSE_KIND_GIVEN);
}

/* A check-in with @measure = @score (and nothing else recorded); returns
 * its id. */
static gint64
checkin_at (Story                *s,
            int                   day,
            int                   hour,
            CobaltCheckinMeasure  measure,
            int                   score)
{
  g_autoptr(GDateTime) at = story_at (s, day, hour);
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (1, at);

  checkin->id = s->next_id++;
  cobalt_checkin_set_score (checkin, measure, score);
  g_list_store_append (s->checkins, checkin);
  return checkin->id;
}

static gint64
energy (Story *s,
        int    day,
        int    score)
{
  return checkin_at (s, day, 20, COBALT_CHECKIN_ENERGY, score);
}

/* One cycle of 60 days from @start: at its best (8) on day 3, then @score
 * on day 3 + @after. */
static void
cycle_returning (Story *s,
                 int    start,
                 int    after,
                 int    score)
{
  dose (s, start);
  energy (s, start + 3, 8);
  energy (s, start + 3 + after, score);
}

static gboolean
evidence_of (Story                       *s,
             CobaltCheckinMeasure         measure,
             CobaltSymptomReturnEvidence *evidence)
{
  return cobalt_symptom_return_evidence (G_LIST_MODEL (s->checkins), s->doses, measure, s->tz,
                                         evidence, NULL);
}

static void
test_median_of_three (void)
{
  Story s;
  CobaltSymptomReturnEvidence e;
  g_autoptr(GArray) cycles = NULL;

  story_init (&s);
  cycle_returning (&s, 0, 47, 5);     /* day 50 */
  cycle_returning (&s, 60, 27, 6);    /* day 30: exactly 2 points worse */
  cycle_returning (&s, 120, 37, 2);   /* day 40 */

  g_assert_true (cobalt_symptom_return_evidence (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY,
                                                 s.tz, &e, &cycles));
  g_assert_cmpint (e.measure, ==, COBALT_CHECKIN_ENERGY);
  g_assert_cmpuint (e.n_observed, ==, 3);
  g_assert_cmpuint (e.n_returned, ==, 3);
  g_assert_cmpint (e.median_day, ==, 40);

  g_assert_cmpuint (cycles->len, ==, 3);
  {
    const CobaltSymptomCycle *c = &g_array_index (cycles, CobaltSymptomCycle, 1);

    g_assert_cmpint (g_date_get_day (&c->dose_day), ==, 2);
    g_assert_cmpint (g_date_get_month (&c->dose_day), ==, G_DATE_MARCH);
    g_assert_cmpint (c->best_day, ==, 3);
    g_assert_cmpint (c->best_score, ==, 8);
    g_assert_cmpint (c->return_day, ==, 30);
    g_assert_cmpint (c->return_score, ==, 6);
    g_assert_cmpint (c->best_checkin_id, ==, 3);
    g_assert_cmpint (c->return_checkin_id, ==, 4);
    g_assert_cmpuint (c->n_checkins, ==, 2);
  }

  /* Not recorded for mood: no cycle observed at all. */
  g_assert_false (evidence_of (&s, COBALT_CHECKIN_MOOD, &e));
  g_assert_cmpuint (e.n_observed, ==, 0);
  g_assert_cmpint (e.median_day, ==, -1);
  story_clear (&s);
}

/* Two cycles are not evidence, whatever they show; nor are three in
 * which the score fell back only twice. */
static void
test_fewer_than_three_cycles (void)
{
  Story s;
  CobaltSymptomReturnEvidence e;

  story_init (&s);
  cycle_returning (&s, 0, 40, 3);
  cycle_returning (&s, 60, 40, 3);
  g_assert_false (evidence_of (&s, COBALT_CHECKIN_ENERGY, &e));
  g_assert_cmpuint (e.n_observed, ==, 2);
  g_assert_cmpuint (e.n_returned, ==, 2);
  g_assert_cmpint (e.median_day, ==, -1);

  /* A third cycle where it only dipped 1 point: observed, not returned. */
  cycle_returning (&s, 120, 40, 7);
  g_assert_false (evidence_of (&s, COBALT_CHECKIN_ENERGY, &e));
  g_assert_cmpuint (e.n_observed, ==, 3);
  g_assert_cmpuint (e.n_returned, ==, 2);

  /* A fourth that fell back: now three of four. */
  cycle_returning (&s, 180, 20, 4);
  g_assert_true (evidence_of (&s, COBALT_CHECKIN_ENERGY, &e));
  g_assert_cmpuint (e.n_observed, ==, 4);
  g_assert_cmpuint (e.n_returned, ==, 3);
  g_assert_cmpint (e.median_day, ==, 43);
  story_clear (&s);
}

/* Of an even number of cycles the earlier middle day: one on which a
 * return was recorded. */
static void
test_even_number_takes_earlier_middle (void)
{
  Story s;
  CobaltSymptomReturnEvidence e;

  story_init (&s);
  cycle_returning (&s, 0, 37, 4);     /* 40 */
  cycle_returning (&s, 60, 7, 4);     /* 10 */
  cycle_returning (&s, 120, 27, 4);   /* 30 */
  cycle_returning (&s, 180, 17, 4);   /* 20 */
  g_assert_true (evidence_of (&s, COBALT_CHECKIN_ENERGY, &e));
  g_assert_cmpuint (e.n_returned, ==, 4);
  g_assert_cmpint (e.median_day, ==, 20);
  story_clear (&s);
}

/* A best recorded twice: the return counts from the later one, so a dip
 * between the two is not the return. */
static void
test_tied_best_counts_from_latest (void)
{
  Story s;
  g_autoptr(GArray) cycles = NULL;
  const CobaltSymptomCycle *c;

  story_init (&s);
  dose (&s, 0);
  energy (&s, 2, 8);
  energy (&s, 5, 6);       /* a dip two points down between the two bests */
  energy (&s, 10, 8);      /* best again, day 10 */
  energy (&s, 20, 7);
  energy (&s, 25, 6);      /* the return: day 25 */
  energy (&s, 30, 3);

  cycles = cobalt_symptom_return_cycles (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY, s.tz);
  c = &g_array_index (cycles, CobaltSymptomCycle, 0);
  g_assert_cmpint (c->best_day, ==, 10);
  g_assert_cmpint (c->best_score, ==, 8);
  g_assert_cmpint (c->return_day, ==, 25);
  g_assert_cmpint (c->last_day, ==, 30);
  g_assert_cmpuint (c->n_checkins, ==, 6);

  /* Two equal bests on one day: the later in the day. */
  g_clear_pointer (&cycles, g_array_unref);
  checkin_at (&s, 10, 22, COBALT_CHECKIN_ENERGY, 8);
  cycles = cobalt_symptom_return_cycles (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY, s.tz);
  c = &g_array_index (cycles, CobaltSymptomCycle, 0);
  g_assert_cmpint (c->best_checkin_id, ==, 7);
  story_clear (&s);
}

/* Only days with check-ins exist: no check-in in days 0–14 leaves no best;
 * a best with nothing after it is not observed; a best on day 14 counts,
 * one first seen on day 15 does not. */
static void
test_missing_days (void)
{
  Story s;
  CobaltSymptomReturnEvidence e;
  g_autoptr(GArray) cycles = NULL;

  story_init (&s);
  dose (&s, 0);
  energy (&s, 20, 8);
  energy (&s, 40, 3);          /* no best in days 0–14: not observed */
  dose (&s, 60);
  energy (&s, 62, 8);          /* a best and nothing later */
  dose (&s, 120);
  energy (&s, 134, 9);         /* best on day 14 */
  energy (&s, 170, 5);         /* the return, first recorded on day 50 */
  dose (&s, 180);
  energy (&s, 195, 9);         /* day 15: past the window */
  energy (&s, 200, 1);

  g_assert_false (cobalt_symptom_return_evidence (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY,
                                                  s.tz, &e, &cycles));
  g_assert_cmpuint (e.n_observed, ==, 1);
  g_assert_cmpuint (e.n_returned, ==, 1);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 0).best_day, ==, -1);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 0).last_day, ==, 40);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 1).best_day, ==, 2);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 1).return_day, ==, -1);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 2).best_day, ==, 14);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 2).return_day, ==, 50);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 3).best_day, ==, -1);
  story_clear (&s);
}

/* Doses closer than 14 days (a loading phase): a cycle ends at the next
 * dose, and a check-in after it belongs to the new cycle, even on the
 * same day. A dose not given on the clinic's advice starts no cycle. */
static void
test_close_doses (void)
{
  Story s;
  g_autoptr(GArray) cycles = NULL;
  const CobaltSymptomCycle *first, *second;

  story_init (&s);
  dose (&s, 0);
  dose (&s, 2);
  dose_kind (&s, 4, COBALT_DOSE_KIND_SKIPPED);
  energy (&s, 1, 8);                                     /* cycle 1, day 1 */
  checkin_at (&s, 2, 8, COBALT_CHECKIN_ENERGY, 4);       /* 08:00, before the dose: cycle 1, day 2 */
  checkin_at (&s, 2, 12, COBALT_CHECKIN_ENERGY, 5);      /* after it: cycle 2, day 0 */
  energy (&s, 6, 3);                                     /* cycle 2 (the skip is no dose), day 4 */

  cycles = cobalt_symptom_return_cycles (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY, s.tz);
  g_assert_cmpuint (cycles->len, ==, 2);
  first = &g_array_index (cycles, CobaltSymptomCycle, 0);
  second = &g_array_index (cycles, CobaltSymptomCycle, 1);

  g_assert_cmpuint (first->n_checkins, ==, 2);
  g_assert_cmpint (first->best_day, ==, 1);
  g_assert_cmpint (first->return_day, ==, 2);
  g_assert_cmpint (first->return_score, ==, 4);

  g_assert_cmpuint (second->n_checkins, ==, 2);
  g_assert_cmpint (second->best_day, ==, 0);
  g_assert_cmpint (second->best_score, ==, 5);
  g_assert_cmpint (second->return_day, ==, 4);

  /* Two doses on one day: the first is an empty cycle. */
  g_clear_pointer (&cycles, g_array_unref);
  dose (&s, 30);
  {
    g_autoptr(GDateTime) evening = story_at (&s, 30, 18);
    CobaltDose *again = cobalt_dose_new ();

    again->id = 99;
    cobalt_dose_set_given_at (again, evening);
    g_ptr_array_add (s.doses, again);
  }
  energy (&s, 31, 7);
  energy (&s, 40, 5);
  cycles = cobalt_symptom_return_cycles (G_LIST_MODEL (s.checkins), s.doses, COBALT_CHECKIN_ENERGY, s.tz);
  g_assert_cmpuint (cycles->len, ==, 4);
  g_assert_cmpuint (g_array_index (cycles, CobaltSymptomCycle, 2).n_checkins, ==, 0);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 2).best_day, ==, -1);
  g_assert_cmpuint (g_array_index (cycles, CobaltSymptomCycle, 3).n_checkins, ==, 2);
  g_assert_cmpint (g_array_index (cycles, CobaltSymptomCycle, 3).return_day, ==, 10);
  story_clear (&s);
}

/* Fatigue and pins and needles: 0 is best, so the best is the lowest
 * and the return a rise. */
static void
test_lower_is_better (void)
{
  Story s;
  CobaltSymptomReturnEvidence e;

  g_assert_true (cobalt_checkin_measure_higher_is_better (COBALT_CHECKIN_ENERGY));
  g_assert_true (cobalt_checkin_measure_higher_is_better (COBALT_CHECKIN_MOOD));
  g_assert_true (cobalt_checkin_measure_higher_is_better (COBALT_CHECKIN_MEMORY));
  g_assert_false (cobalt_checkin_measure_higher_is_better (COBALT_CHECKIN_FATIGUE));
  g_assert_false (cobalt_checkin_measure_higher_is_better (COBALT_CHECKIN_PINS_AND_NEEDLES));

  story_init (&s);
  for (int c = 0; c < 3; c++)
    {
      int start = 90 * c;

      dose (&s, start);
      checkin_at (&s, start + 1, 20, COBALT_CHECKIN_FATIGUE, 6);
      checkin_at (&s, start + 7, 20, COBALT_CHECKIN_FATIGUE, 2);   /* the best: lowest */
      checkin_at (&s, start + 30, 20, COBALT_CHECKIN_FATIGUE, 1);  /* better still: no return */
      checkin_at (&s, start + 60 + c, 20, COBALT_CHECKIN_FATIGUE, 4);
    }
  g_assert_true (evidence_of (&s, COBALT_CHECKIN_FATIGUE, &e));
  g_assert_cmpuint (e.n_observed, ==, 3);
  g_assert_cmpint (e.median_day, ==, 61);
  story_clear (&s);
}

/* The sentence comes from the clinical catalogue: the numbers, and
 * something to discuss, never advice. */
static void
test_words (void)
{
  g_autofree char *summary = cobalt_clinical_symptom_return_summary ("Energy", 4, 5, 52);
  g_autofree char *rule = cobalt_clinical_symptom_return_rule ();

  g_assert_cmpstr (summary, ==,
                   "Energy: in 4 of 5 dose cycles, the score was first recorded at least 2 points worse "
                   "than its best of the first 14 days after the dose on day 52 after the dose (the median "
                   "of those cycles). Something to discuss with the clinic.");
  g_assert_nonnull (strstr (rule, "days 0 to 14"));
  g_assert_nonnull (strstr (rule, "at least 2 points worse"));
  g_assert_nonnull (strstr (rule, "at least 3 cycles"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/symptom-evidence/median-of-three", test_median_of_three);
  g_test_add_func ("/cobalt/symptom-evidence/fewer-than-three-cycles", test_fewer_than_three_cycles);
  g_test_add_func ("/cobalt/symptom-evidence/even-number", test_even_number_takes_earlier_middle);
  g_test_add_func ("/cobalt/symptom-evidence/tied-best", test_tied_best_counts_from_latest);
  g_test_add_func ("/cobalt/symptom-evidence/missing-days", test_missing_days);
  g_test_add_func ("/cobalt/symptom-evidence/close-doses", test_close_doses);
  g_test_add_func ("/cobalt/symptom-evidence/lower-is-better", test_lower_is_better);
  g_test_add_func ("/cobalt/symptom-evidence/words", test_words);

  return g_test_run ();
}
