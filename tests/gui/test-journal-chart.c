/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The charts' text summaries, read back from the accessibility tree the
 * way a screen reader gets them, their tooltips, and the note that charts
 * are not dosing advice. */

#include <gtk/gtk.h>

#include "cobalt-chart-views.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-charts.h"
#include "journal-test-util.h"

static void
add_checkin (GListStore *store,
             GTimeZone  *tz,
             int         month,
             int         day,
             int         energy)
{
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2025, month, day, 9, 0, 0);
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (1, at);

  checkin->scores[COBALT_CHECKIN_ENERGY] = energy;
  g_list_store_append (store, checkin);
}

static void
add_dose (GPtrArray *doses,
          GTimeZone *tz,
          int        month,
          int        day)
{
  g_autoptr(GDateTime) at = g_date_time_new (tz, 2025, month, day, 8, 0, 0);
  CobaltDose *dose = cobalt_dose_new ();

  cobalt_dose_set_given_at (dose, at);
  g_ptr_array_add (doses, dose);
}

static void
assert_description (GtkWidget  *widget,
                    const char *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                  expected);

  /* NULL when the accessible description is exactly @expected. */
  g_assert_null (mismatch);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  return window;
}

static void
test_wellbeing_summary (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GListStore) checkins = g_list_store_new (COBALT_TYPE_CHECKIN);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *chart = cobalt_chart_new ();
  GtkWidget *window = show_in_window (chart);
  double x = 0, y = 0;

  add_checkin (checkins, tz, 1, 3, 5);
  add_checkin (checkins, tz, 2, 2, 8);
  add_checkin (checkins, tz, 3, 14, 2);
  add_dose (doses, tz, 1, 1);    /* before the first check-in: not marked */
  add_dose (doses, tz, 1, 10);
  add_dose (doses, tz, 2, 10);

  cobalt_chart_show_wellbeing (COBALT_CHART (chart), G_LIST_MODEL (checkins), doses,
                               COBALT_CHECKIN_ENERGY, tz);
  cobalt_test_wait_idle ();

  assert_description (chart,
                      "Energy: 3 check-ins from 3 January 2025 to 14 March 2025; "
                      "lowest 2 (14 March 2025), highest 8 (2 February 2025); "
                      "doses on 2 days marked. Scale: 0 = no energy, 10 = plenty.");
  g_assert_cmpuint (cobalt_chart_get_n_points (COBALT_CHART (chart)), ==, 3);
  g_assert_cmpuint (cobalt_chart_get_n_markers (COBALT_CHART (chart)), ==, 2);

  /* The pointer over a point shows what it is. */
  g_assert_true (cobalt_chart_get_point_position (COBALT_CHART (chart), 1, &x, &y));
  g_assert_cmpstr (cobalt_chart_get_tooltip_at (COBALT_CHART (chart), x + 2, y - 2), ==,
                   "Energy 8, 2 February 2025");
  g_assert_null (cobalt_chart_get_tooltip_at (COBALT_CHART (chart), x + 60, 2));

  /* A score nobody recorded says so instead of drawing nothing silently. */
  cobalt_chart_show_wellbeing (COBALT_CHART (chart), G_LIST_MODEL (checkins), doses,
                               COBALT_CHECKIN_MOOD, tz);
  assert_description (chart, "Mood: no check-ins with this score yet.");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_symptom_return_summary (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GListStore) checkins = g_list_store_new (COBALT_TYPE_CHECKIN);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *chart = cobalt_chart_new ();
  GtkWidget *window = show_in_window (chart);

  add_dose (doses, tz, 1, 1);
  add_dose (doses, tz, 2, 1);
  add_checkin (checkins, tz, 1, 4, 8);    /* 3 days after */
  add_checkin (checkins, tz, 1, 29, 3);   /* 28 days after */
  add_checkin (checkins, tz, 2, 8, 7);    /* 7 days after the second */

  cobalt_chart_show_symptom_return (COBALT_CHART (chart), G_LIST_MODEL (checkins), doses,
                                    COBALT_CHECKIN_ENERGY, tz);
  assert_description (chart,
                      "Energy against days since the last dose: 3 check-ins, from 3 to 28 days "
                      "after a dose; lowest 3 (28 days after a dose), highest 8 (3 days after a dose). "
                      "Scale: 0 = no energy, 10 = plenty.");
  g_assert_cmpint (cobalt_chart_get_axis (COBALT_CHART (chart)), ==, COBALT_CHART_AXIS_DAYS);

  gtk_window_destroy (GTK_WINDOW (window));
}

static CobaltLabResult *
b12 (int         year,
     int         month,
     double      value,
     const char *unit,
     double      low,
     double      high)
{
  CobaltLabResult *result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, value, unit);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, month, year);
  cobalt_set_date (&result->taken_on, &day);
  result->ref_low = low;
  result->ref_high = high;
  return result;
}

static void
test_lab_summary (void)
{
  g_autoptr(GListStore) results = g_list_store_new (COBALT_TYPE_LAB_RESULT);
  g_autoptr(CobaltLabResult) older = b12 (2024, 1, 120, "pmol/L", 148, 664);
  g_autoptr(CobaltLabResult) newer = b12 (2024, 7, 400, "pg/mL", 200, 900);
  GtkWidget *chart = cobalt_chart_new ();
  GtkWidget *window = show_in_window (chart);

  /* Newest first in the model: the chart sorts by date. */
  g_list_store_append (results, newer);
  g_list_store_append (results, older);

  cobalt_chart_show_lab (COBALT_CHART (chart), G_LIST_MODEL (results), COBALT_LAB_TEST_SERUM_B12);
  /* 120 pmol/L is 162.6 pg/mL, shown in the newest result's unit; each
   * result is judged against its own lab's range. */
  assert_description (chart,
                      "Serum B12 (pg/mL): 2 results from 5 January 2024 to 5 July 2024; "
                      "lowest 162.6 (5 January 2024, below the lab's range), "
                      "highest 400 (5 July 2024, within the lab's range); "
                      "the lab's reference range, 200–900 pg/mL, is shown as a band.");

  cobalt_chart_show_lab (COBALT_CHART (chart), G_LIST_MODEL (results), COBALT_LAB_TEST_FOLATE);
  assert_description (chart, "Folate: no results yet.");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Journal's chart view: the summary is also visible text, and the
 * note about dosing is always there. */
static void
test_charts_view (void)
{
  JournalFixture f = { 0, };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 3, 1, 12, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltCheckin) checkin = NULL;
  g_autoptr(CobaltContext) context = NULL;
  GtkWidget *charts, *window;
  CobaltChart *chart;
  GtkLabel *summary;

  journal_fixture_set_up (&f, now);
  checkin = cobalt_checkin_new (f.person->id, now);
  checkin->scores[COBALT_CHECKIN_ENERGY] = 6;
  g_assert_true (cobalt_repository_add_checkin (f.repository, checkin, &error));
  g_assert_no_error (error);

  context = cobalt_context_new (f.repository, f.clock, f.person);
  charts = cobalt_journal_charts_new (context);
  window = show_in_window (charts);
  chart = cobalt_journal_charts_get_chart (COBALT_JOURNAL_CHARTS (charts));

  assert_description (GTK_WIDGET (chart), "Energy: 1 check-in, on 1 March 2025, scored 6; no doses in that time. Scale: 0 = no energy, 10 = plenty.");
  summary = GTK_LABEL (cobalt_test_find_id (charts, "summary_label"));
  g_assert_cmpstr (gtk_label_get_text (summary), ==, cobalt_chart_get_summary (chart));
  g_assert_nonnull (cobalt_test_find_label (charts, "Charts are for talking with your clinic; they are not dosing advice."));

  /* A new check-in shows up without reopening anything. */
  g_clear_object (&checkin);
  checkin = cobalt_checkin_new (f.person->id, now);
  checkin->scores[COBALT_CHECKIN_ENERGY] = 3;
  g_assert_true (cobalt_repository_add_checkin (f.repository, checkin, &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();
  g_assert_cmpuint (cobalt_chart_get_n_points (chart), ==, 2);

  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_LAB, COBALT_LAB_TEST_SERUM_B12);
  assert_description (GTK_WIDGET (chart), "Serum B12: no results yet.");
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "Serum B12: no results yet.");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  journal_fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/cobalt/chart/wellbeing-summary", test_wellbeing_summary);
  g_test_add_func ("/cobalt/chart/symptom-return-summary", test_symptom_return_summary);
  g_test_add_func ("/cobalt/chart/lab-summary", test_lab_summary);
  g_test_add_func ("/cobalt/chart/charts-view", test_charts_view);

  return g_test_run ();
}
