/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-chart-views.h"
#include "cobalt-journal-util.h"
#include "cobalt-core.h"

/* The extremes of a series, for the summary: the first lowest and the
 * first highest, as a person reading the chart left to right finds them. */
typedef struct
{
  guint  n;
  double low, high;
  guint  low_index, high_index;
} Extremes;

static void
extremes_add (Extremes *e,
              double    value,
              guint     index)
{
  if (e->n == 0 || value < e->low)
    {
      e->low = value;
      e->low_index = index;
    }
  if (e->n == 0 || value > e->high)
    {
      e->high = value;
      e->high_index = index;
    }
  e->n++;
}

static void
prepare (CobaltChart     *chart,
         CobaltChartAxis  axis,
         const char      *title)
{
  cobalt_chart_clear (chart);
  cobalt_chart_set_axis (chart, axis);
  cobalt_chart_set_title (chart, title);
}

void
cobalt_chart_show_wellbeing (CobaltChart          *chart,
                             GListModel           *checkins,
                             GPtrArray            *doses,
                             CobaltCheckinMeasure  measure,
                             GTimeZone            *tz)
{
  const char *name = cobalt_checkin_measure_to_string (measure);
  g_autofree char *title = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (GDate));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GHashTable) dose_days = g_hash_table_new (NULL, NULL);
  Extremes e = { 0, };
  guint n;

  g_return_if_fail (COBALT_IS_CHART (chart));
  g_return_if_fail (checkins == NULL || G_IS_LIST_MODEL (checkins));
  g_return_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES);

  /* Translators: a chart's title, %s is a wellbeing score such as "Energy" */
  title = g_strdup_printf (_("%s over time"), name);
  prepare (chart, COBALT_CHART_AXIS_DATE, title);
  cobalt_chart_set_y_range (chart, 0, 10);
  cobalt_chart_set_join_points (chart, TRUE);
  cobalt_chart_set_y_label (chart, cobalt_journal_measure_scale_hint (measure));
  cobalt_chart_set_empty_text (chart, _("No check-ins with this score yet"));

  n = checkins != NULL ? g_list_model_get_n_items (checkins) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);
      int score = cobalt_checkin_get_score (checkin, measure);
      g_autofree char *date_text = NULL;
      g_autofree char *tooltip = NULL;
      GDate day;

      if (score == COBALT_CHECKIN_NOT_RECORDED || checkin->at == NULL)
        continue;

      cobalt_journal_local_day (checkin->at, tz, &day);
      date_text = cobalt_journal_format_date (&day);
      /* Translators: a chart point's tooltip: score name, score, date */
      tooltip = g_strdup_printf (_("%s %d, %s"), name, score, date_text);
      cobalt_chart_add_point (chart, g_date_get_julian (&day), score, tooltip);
      extremes_add (&e, score, days->len);
      g_array_append_val (days, day);
    }

  if (e.n == 0)
    {
      /* Translators: %s is a wellbeing score such as "Energy" */
      g_string_printf (summary, _("%s: no check-ins with this score yet."), name);
      cobalt_chart_set_summary (chart, summary->str);
      return;
    }

  {
    const GDate *first = &g_array_index (days, GDate, 0);
    const GDate *last = &g_array_index (days, GDate, days->len - 1);
    guint32 first_j = G_MAXUINT32, last_j = 0;
    g_autofree char *first_text = NULL, *last_text = NULL, *low_text = NULL, *high_text = NULL;

    for (guint i = 0; i < days->len; i++)
      {
        guint32 j = g_date_get_julian (&g_array_index (days, GDate, i));

        if (j < first_j)
          first = &g_array_index (days, GDate, i), first_j = j;
        if (j > last_j)
          last = &g_array_index (days, GDate, i), last_j = j;
      }

    /* Dose days inside the period the check-ins cover. */
    for (guint i = 0; doses != NULL && i < doses->len; i++)
      {
        GDateTime *given_at = COBALT_DOSE (g_ptr_array_index (doses, i))->given_at;
        GDate day;
        guint32 j;

        if (given_at == NULL)
          continue;
        cobalt_journal_local_day (given_at, tz, &day);
        j = g_date_get_julian (&day);
        if (j < first_j || j > last_j || g_hash_table_contains (dose_days, GUINT_TO_POINTER (j)))
          continue;

        g_hash_table_add (dose_days, GUINT_TO_POINTER (j));
        {
          g_autofree char *date_text = cobalt_journal_format_date (&day);
          /* Translators: tooltip of a dose marker on a chart, %s is a date */
          g_autofree char *tooltip = g_strdup_printf (_("Dose on %s"), date_text);

          cobalt_chart_add_marker (chart, j, tooltip);
        }
      }

    first_text = cobalt_journal_format_date (first);
    last_text = cobalt_journal_format_date (last);
    low_text = cobalt_journal_format_date (&g_array_index (days, GDate, e.low_index));
    high_text = cobalt_journal_format_date (&g_array_index (days, GDate, e.high_index));

    if (e.n == 1)
      /* Translators: chart summary: score name, date, score */
      g_string_printf (summary, _("%s: 1 check-in, on %s, scored %.0f"),
                       name, first_text, e.low);
    else
      /* Translators: chart summary: score name, number of check-ins, first
       * date, last date, lowest score, its date, highest score, its date */
      g_string_printf (summary,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: %u check-in from %s to %s; lowest %.0f (%s), highest %.0f (%s)",
                                    "%s: %u check-ins from %s to %s; lowest %.0f (%s), highest %.0f (%s)",
                                    e.n),
                       name, e.n, first_text, last_text, e.low, low_text, e.high, high_text);

    g_string_append (summary, "; ");
    if (g_hash_table_size (dose_days) == 0)
      g_string_append (summary, _("no doses in that time"));
    else
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "doses on %u day marked",
                                           "doses on %u days marked",
                                           g_hash_table_size (dose_days)),
                              g_hash_table_size (dose_days));
    /* Translators: the end of a chart summary, %s explains the scale */
    g_string_append_printf (summary, _(". Scale: %s."), cobalt_journal_measure_scale_hint (measure));
  }

  cobalt_chart_set_summary (chart, summary->str);
}

void
cobalt_chart_show_symptom_return (CobaltChart          *chart,
                                  GListModel           *checkins,
                                  GPtrArray            *doses,
                                  CobaltCheckinMeasure  measure,
                                  GTimeZone            *tz)
{
  const char *name = cobalt_checkin_measure_to_string (measure);
  g_autofree char *title = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  Extremes e = { 0, };
  int min_days = G_MAXINT, max_days = 0;

  g_return_if_fail (COBALT_IS_CHART (chart));
  g_return_if_fail (checkins == NULL || G_IS_LIST_MODEL (checkins));
  g_return_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES);

  /* Translators: a chart's title, %s is a wellbeing score such as "Energy" */
  title = g_strdup_printf (_("%s against days since the last dose"), name);
  prepare (chart, COBALT_CHART_AXIS_DAYS, title);
  cobalt_chart_set_y_range (chart, 0, 10);
  cobalt_chart_set_join_points (chart, FALSE);
  cobalt_chart_set_y_label (chart, cobalt_journal_measure_scale_hint (measure));
  cobalt_chart_set_empty_text (chart, _("No check-ins after a dose yet"));

  points = cobalt_symptom_return_compute (checkins, doses, measure, tz);
  for (guint i = 0; i < points->len; i++)
    {
      const CobaltSymptomReturnPoint *p = &g_array_index (points, CobaltSymptomReturnPoint, i);
      g_autofree char *dose_text = cobalt_journal_format_date (&p->dose_day);
      g_autofree char *checkin_text = cobalt_journal_format_date (&p->checkin_day);
      g_autofree char *tooltip = NULL;

      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: score name, score, days, dose date, check-in date */
                                              "%s %d, %d day after the dose of %s (check-in %s)",
                                              "%s %d, %d days after the dose of %s (check-in %s)",
                                              p->days_since_dose),
                                 name, p->score, p->days_since_dose, dose_text, checkin_text);
      cobalt_chart_add_point (chart, p->days_since_dose, p->score, tooltip);
      extremes_add (&e, p->score, i);
      min_days = MIN (min_days, p->days_since_dose);
      max_days = MAX (max_days, p->days_since_dose);
    }

  if (e.n == 0)
    {
      /* Translators: %s is a wellbeing score such as "Energy" */
      g_string_printf (summary, _("%s against days since the last dose: no check-ins after a dose yet."), name);
      cobalt_chart_set_summary (chart, summary->str);
      return;
    }

  {
    const CobaltSymptomReturnPoint *low = &g_array_index (points, CobaltSymptomReturnPoint, e.low_index);
    const CobaltSymptomReturnPoint *high = &g_array_index (points, CobaltSymptomReturnPoint, e.high_index);
    g_autofree char *low_days = NULL;
    g_autofree char *high_days = NULL;

    g_string_printf (summary,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: score name, number of check-ins, fewest and most days */
                                  "%s against days since the last dose: %u check-in, from %d to %d days after a dose",
                                  "%s against days since the last dose: %u check-ins, from %d to %d days after a dose",
                                  e.n),
                     name, e.n, min_days, max_days);
    low_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: in a chart's summary */
                                             "%d day after a dose", "%d days after a dose",
                                             ABS (low->days_since_dose)),
                                low->days_since_dose);
    high_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d day after a dose", "%d days after a dose",
                                              ABS (high->days_since_dose)),
                                 high->days_since_dose);

    /* Translators: lowest score and its days after a dose ("3 days after a dose"), highest and its days */
    g_string_append_printf (summary, _("; lowest %.0f (%s), highest %.0f (%s)"),
                            e.low, low_days, e.high, high_days);
    g_string_append_printf (summary, _(". Scale: %s."), cobalt_journal_measure_scale_hint (measure));
  }

  cobalt_chart_set_summary (chart, summary->str);
}

static int
compare_results_by_date (gconstpointer a,
                         gconstpointer b)
{
  CobaltLabResult *ra = *(CobaltLabResult **) a;
  CobaltLabResult *rb = *(CobaltLabResult **) b;
  GDate *da = ra->taken_on;
  GDate *db = rb->taken_on;

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_compare (da, db);
}

void
cobalt_chart_show_lab (CobaltChart   *chart,
                       GListModel    *results,
                       CobaltLabTest  test)
{
  cobalt_chart_show_lab_timed (chart, results, NULL, test);
}

void
cobalt_chart_show_lab_timed (CobaltChart   *chart,
                             GListModel    *results,
                             GPtrArray     *doses,
                             CobaltLabTest  test)
{
  g_autoptr(GString) timed = g_string_new (NULL);
  guint n_timed = 0;
  const char *name = cobalt_lab_test_to_string (test);
  g_autoptr(GPtrArray) of_test = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *y_label = NULL;
  CobaltLabResult *newest = NULL;
  const char *unit = NULL;
  double band_low, band_high;
  guint other_units = 0;
  Extremes e = { 0, };
  guint n;

  g_return_if_fail (COBALT_IS_CHART (chart));
  g_return_if_fail (results == NULL || G_IS_LIST_MODEL (results));

  prepare (chart, COBALT_CHART_AXIS_DATE, name);
  cobalt_chart_set_y_range (chart, 0, 0);
  cobalt_chart_set_join_points (chart, TRUE);
  cobalt_chart_set_empty_text (chart, _("No results of this test yet"));

  n = results != NULL ? g_list_model_get_n_items (results) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltLabResult) result = g_list_model_get_item (results, i);

      if (result->test == test && result->taken_on != NULL)
        g_ptr_array_add (of_test, g_steal_pointer (&result));
    }
  g_ptr_array_sort (of_test, compare_results_by_date);

  if (of_test->len == 0)
    {
      cobalt_chart_set_y_label (chart, NULL);
      /* Translators: %s is a lab test such as "Serum B12" */
      g_string_printf (summary, _("%s: no results yet."), name);
      cobalt_chart_set_summary (chart, summary->str);
      return;
    }

  /* Everything in the unit of the newest result, whose range is drawn:
   * that is the lab the person is most likely to talk to. */
  newest = g_ptr_array_index (of_test, of_test->len - 1);
  unit = newest->unit;
  band_low = newest->ref_low;
  band_high = newest->ref_high;
  y_label = g_strdup (unit);
  cobalt_chart_set_y_label (chart, y_label);
  if (!isnan (band_low) || !isnan (band_high))
    cobalt_chart_set_band (chart, band_low, band_high, _("Lab's range"));

  for (guint i = 0; i < of_test->len; i++)
    {
      CobaltLabResult *result = g_ptr_array_index (of_test, i);
      GDate *day = result->taken_on;
      g_autofree char *date_text = cobalt_journal_format_date (day);
      g_autofree char *value_text = NULL;
      g_autofree char *tooltip = NULL;
      g_autofree char *timing = NULL;
      double value;

      if (!cobalt_lab_result_get_value_in (result, unit, &value, NULL))
        {
          other_units++;
          continue;
        }

      value_text = cobalt_journal_format_value (value);
      /* Translators: tooltip: test, value, unit, date, in/below/above the range */
      tooltip = g_strdup_printf (_("%s %s %s, %s: %s"), name, value_text, unit, date_text,
                                 cobalt_journal_range_words (cobalt_lab_result_check_range (result)));
      /* CLINICAL.md "Lab values": taken soon after an injection, the
       * point is ringed and the summary says so. */
      timing = doses != NULL
               ? cobalt_clinical_lab_taken_after_injection (cobalt_lab_timing_days_after_injection (result, doses))
               : NULL;
      if (timing != NULL)
        {
          g_autofree char *marked = g_strdup_printf ("%s. %s", tooltip, timing);

          cobalt_chart_add_flagged_point (chart, g_date_get_julian (day), value, marked);
          /* Translators: a date, then "Taken 3 days after an injection" */
          g_string_append_printf (timed, _("%s%s: %s"), n_timed > 0 ? "; " : "", date_text, timing);
          n_timed++;
        }
      else
        cobalt_chart_add_point (chart, g_date_get_julian (day), value, tooltip);
      extremes_add (&e, value, shown->len);
      g_ptr_array_add (shown, result);
      g_array_append_val (values, value);
    }

  {
    CobaltLabResult *first = g_ptr_array_index (shown, 0);
    CobaltLabResult *last = g_ptr_array_index (shown, shown->len - 1);
    CobaltLabResult *low = g_ptr_array_index (shown, e.low_index);
    CobaltLabResult *high = g_ptr_array_index (shown, e.high_index);
    g_autofree char *first_text = cobalt_journal_format_date (first->taken_on);
    g_autofree char *last_text = cobalt_journal_format_date (last->taken_on);
    g_autofree char *low_date = cobalt_journal_format_date (low->taken_on);
    g_autofree char *high_date = cobalt_journal_format_date (high->taken_on);
    g_autofree char *low_value = cobalt_journal_format_value (e.low);
    g_autofree char *high_value = cobalt_journal_format_value (e.high);
    g_autofree char *low_words = g_utf8_strdown (cobalt_journal_range_words (cobalt_lab_result_check_range (low)), -1);
    g_autofree char *high_words = g_utf8_strdown (cobalt_journal_range_words (cobalt_lab_result_check_range (high)), -1);

    if (e.n == 1)
      /* Translators: test, unit, date, value, in/below/above the range */
      g_string_printf (summary, _("%s (%s): 1 result, on %s: %s, %s"),
                       name, unit, first_text, low_value,
                       cobalt_journal_range_words (cobalt_lab_result_check_range (low)));
    else
      g_string_printf (summary,
                       g_dngettext (GETTEXT_PACKAGE,
                                    /* Translators: test, unit, count, first date, last date,
                                     * lowest value, its date and range words, highest value, its date and range words */
                                    "%s (%s): %u result from %s to %s; lowest %s (%s, %s), highest %s (%s, %s)",
                                    "%s (%s): %u results from %s to %s; lowest %s (%s, %s), highest %s (%s, %s)",
                                    e.n),
                       name, unit, e.n, first_text, last_text,
                       low_value, low_date, low_words,
                       high_value, high_date, high_words);
  }

  if (!isnan (band_low) || !isnan (band_high))
    {
      g_autofree char *low_text = cobalt_journal_format_value (band_low);
      g_autofree char *high_text = cobalt_journal_format_value (band_high);

      if (!isnan (band_low) && !isnan (band_high))
        /* Translators: the lab's reference range: low, high, unit */
        g_string_append_printf (summary, _("; the lab's reference range, %s–%s %s, is shown as a band"),
                                low_text, high_text, unit);
      else if (!isnan (band_low))
        g_string_append_printf (summary, _("; the lab's reference range, from %s %s, is shown as a band"),
                                low_text, unit);
      else
        g_string_append_printf (summary, _("; the lab's reference range, up to %s %s, is shown as a band"),
                                high_text, unit);
    }
  else
    g_string_append (summary, _("; no reference range was given"));

  if (other_units > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "; %u result in a unit that does not convert is not shown",
                                         "; %u results in a unit that does not convert are not shown",
                                         other_units),
                            other_units);
  g_string_append_c (summary, '.');
  if (n_timed > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: the results whose points have a ring, with their marks */
                                           "Ringed, %u result taken within %d days after an injection: %s.",
                                           "Ringed, %u results taken within %d days after an injection: %s.",
                                           n_timed),
                              n_timed, COBALT_LAB_TIMING_WINDOW_DAYS, timed->str);
    }

  cobalt_chart_set_summary (chart, summary->str);
}

char *
cobalt_chart_describe_symptom_return (GListModel           *checkins,
                                      GPtrArray            *doses,
                                      CobaltCheckinMeasure  measure,
                                      GTimeZone            *tz)
{
  const char *name = cobalt_checkin_measure_to_string (measure);
  CobaltSymptomReturnEvidence evidence;
  guint n = checkins != NULL ? g_list_model_get_n_items (checkins) : 0;
  gboolean any = FALSE;

  g_return_val_if_fail (checkins == NULL || G_IS_LIST_MODEL (checkins), NULL);
  g_return_val_if_fail ((guint) measure < COBALT_N_CHECKIN_MEASURES, NULL);

  for (guint i = 0; i < n && !any; i++)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i);

      any = cobalt_checkin_get_score (checkin, measure) != COBALT_CHECKIN_NOT_RECORDED;
    }
  if (!any)
    return NULL;

  if (cobalt_symptom_return_evidence (checkins, doses, measure, tz, &evidence, NULL))
    return cobalt_clinical_symptom_return_summary (name, evidence.n_returned, evidence.n_observed,
                                                   evidence.median_day);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a wellbeing score, the dose cycles in which it fell
                                        * back, the cycles with check-ins, the cycles needed */
                                       "%s: the score fell back in %u of %u dose cycle with check-ins; "
                                       "a typical day is given once it has done so in %d.",
                                       "%s: the score fell back in %u of %u dose cycles with check-ins; "
                                       "a typical day is given once it has done so in %d.",
                                       evidence.n_observed),
                          name, evidence.n_returned, evidence.n_observed, COBALT_SYMPTOM_RETURN_MIN_CYCLES);
}
