/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The charts' text summaries, read back from the accessibility tree the
 * way a screen reader gets them, their names and the chart view's
 * controls, their tooltips, the note that charts are not dosing advice,
 * and the axes' room for their text when the text is twice the size. */

#include <gtk/gtk.h>

#include "cobalt-chart-views.h"
#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-charts.h"
#include "journal-gui-test-util.h"
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

  /* The chart is named by what it shows, its controls by what they
   * choose, with their choice. */
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_WELLBEING, COBALT_CHECKIN_FATIGUE);
  journal_assert_name (GTK_WIDGET (chart), "Fatigue over time");
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (charts, "view_dropdown")),
                       "Chart: Wellbeing over time");
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (charts, "measure_dropdown")),
                       "Score to chart: Fatigue");
  journal_assert_name (cobalt_test_find_id (charts, "summary_expander"), "Summary");
  /* A long choice may be cut short in a narrow window: its tooltip holds
   * all of it. */
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_SYMPTOM_RETURN, COBALT_CHECKIN_FATIGUE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cobalt_test_find_id (charts, "view_dropdown")), ==,
                   "Symptom return: days since the last dose");
  /* The list of choices shows each whole, the one chosen ticked. */
  {
    GtkWidget *button = journal_drop_down_button (cobalt_test_find_id (charts, "view_dropdown"));
    GtkWidget *popover = NULL;
    GtkLabel *choice;
    gint64 end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;

    for (GtkWidget *child = gtk_widget_get_first_child (cobalt_test_find_id (charts, "view_dropdown"));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    /* As a press of the button does (GtkButton clicks a moment later). */
    g_assert_true (gtk_widget_activate (button));
    while (!gtk_widget_get_visible (popover) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
    cobalt_test_wait_idle ();
    g_assert_true (gtk_widget_get_visible (popover));
    choice = cobalt_test_find_label (popover, "Symptom return: days since the last dose");
    g_assert_nonnull (choice);
    g_assert_cmpint (gtk_label_get_ellipsize (choice), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_cmpfloat (gtk_widget_get_opacity (gtk_widget_get_next_sibling (GTK_WIDGET (choice))), ==, 1);
    g_assert_cmpfloat (gtk_widget_get_opacity (gtk_widget_get_next_sibling (
                         GTK_WIDGET (cobalt_test_find_label (popover, "Wellbeing over time")))), ==, 0);
    gtk_popover_popdown (GTK_POPOVER (popover));
    cobalt_test_wait_idle ();
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  journal_fixture_tear_down (&f);
}

/* With twice the text size the axes' values take twice the room: the plot
 * moves over rather than drawing them off the edge, and the chart is
 * taller. */
static void
test_large_text (void)
{
  g_autoptr(GListStore) results = g_list_store_new (COBALT_TYPE_LAB_RESULT);
  g_autoptr(CobaltLabResult) older = b12 (2024, 1, 120, "ng/L", 180, 900);
  g_autoptr(CobaltLabResult) newer = b12 (2024, 7, 980, "ng/L", 180, 900);
  GtkWidget *chart = cobalt_chart_new ();
  GtkWidget *window = show_in_window (chart);
  double x_normal = 0, y_normal = 0, x_large = 0, y_large = 0;
  int min_normal, min_large;
  int xft_dpi;

  g_list_store_append (results, older);
  g_list_store_append (results, newer);
  cobalt_chart_show_lab (COBALT_CHART (chart), G_LIST_MODEL (results), COBALT_LAB_TEST_SERUM_B12);
  cobalt_test_wait_idle ();
  /* The oldest result is drawn at the plot's left edge. */
  g_assert_true (cobalt_chart_get_point_position (COBALT_CHART (chart), 0, &x_normal, &y_normal));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &min_normal, NULL, NULL, NULL);

  xft_dpi = journal_scale_text (2);
  g_assert_true (cobalt_chart_get_point_position (COBALT_CHART (chart), 0, &x_large, &y_large));
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &min_large, NULL, NULL, NULL);
  journal_restore_text (xft_dpi);

  /* "1000" beside the axis is about twice as wide. */
  g_assert_cmpfloat (x_large, >, x_normal * 1.5);
  g_assert_cmpint (min_large, >, min_normal);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* CLINICAL.md "Lab values": a result taken within 14 days after an
 * injection is ringed on the chart, and its tooltip and the chart's
 * accessible description say "Taken N days after an injection". A dose
 * not given on the clinic's advice was no injection. */
static void
test_lab_timing_ringed (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GListStore) results = g_list_store_new (COBALT_TYPE_LAB_RESULT);
  g_autoptr(CobaltLabResult) older = b12 (2024, 1, 120, "pmol/L", 148, 664);
  g_autoptr(CobaltLabResult) newer = b12 (2024, 7, 400, "pg/mL", 200, 900);
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) december = g_date_time_new (tz, 2023, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) june = g_date_time_new (tz, 2024, 6, 29, 9, 0, 0);
  g_autoptr(GDateTime) july = g_date_time_new (tz, 2024, 7, 4, 9, 0, 0);
  GtkWidget *chart = cobalt_chart_new ();
  GtkWidget *window = show_in_window (chart);
  CobaltDose *dose;
  double x = 0, y = 0;

  g_list_store_append (results, newer);
  g_list_store_append (results, older);
  /* 35 days before the older result: too long ago to mark it. */
  dose = cobalt_dose_new ();
  cobalt_dose_set_given_at (dose, december);
  g_ptr_array_add (doses, dose);
  /* 6 days before the newer one. */
  dose = cobalt_dose_new ();
  cobalt_dose_set_given_at (dose, june);
  g_ptr_array_add (doses, dose);
  /* The day before it, skipped on the clinic's advice: not an injection. */
  dose = cobalt_dose_new ();
  cobalt_dose_set_given_at (dose, july);
  dose->kind = COBALT_DOSE_KIND_SKIPPED;
  g_ptr_array_add (doses, dose);

  cobalt_chart_show_lab_timed (COBALT_CHART (chart), G_LIST_MODEL (results), doses, COBALT_LAB_TEST_SERUM_B12);
  cobalt_test_wait_idle ();

  g_assert_cmpuint (cobalt_chart_get_n_points (COBALT_CHART (chart)), ==, 2);
  g_assert_cmpuint (cobalt_chart_get_n_flagged (COBALT_CHART (chart)), ==, 1);
  g_assert_false (cobalt_chart_get_point_flagged (COBALT_CHART (chart), 0));
  g_assert_true (cobalt_chart_get_point_flagged (COBALT_CHART (chart), 1));
  assert_description (chart,
                      "Serum B12 (pg/mL): 2 results from 5 January 2024 to 5 July 2024; "
                      "lowest 162.6 (5 January 2024, below the lab's range), "
                      "highest 400 (5 July 2024, within the lab's range); "
                      "the lab's reference range, 200–900 pg/mL, is shown as a band. "
                      "Ringed, 1 result taken within 14 days after an injection: "
                      "5 July 2024: Taken 6 days after an injection.");
  g_assert_true (cobalt_chart_get_point_position (COBALT_CHART (chart), 1, &x, &y));
  g_assert_cmpstr (cobalt_chart_get_tooltip_at (COBALT_CHART (chart), x, y), ==,
                   "Serum B12 400 pg/mL, 5 July 2024: Within the lab's range. Taken 6 days after an injection");

  /* Without the doses nothing is ringed, and the description is as before. */
  cobalt_chart_show_lab (COBALT_CHART (chart), G_LIST_MODEL (results), COBALT_LAB_TEST_SERUM_B12);
  g_assert_cmpuint (cobalt_chart_get_n_flagged (COBALT_CHART (chart)), ==, 0);
  g_assert_null (strstr (cobalt_chart_get_summary (COBALT_CHART (chart)), "injection"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_energy (JournalFixture *f,
            int             month,
            int             day,
            int             energy,
            int             fatigue)
{
  g_autoptr(GDateTime) at = journal_time (f->tz, 2025, month, day, 20, 0);
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (f->person->id, at);
  g_autoptr(GError) error = NULL;

  checkin->scores[COBALT_CHECKIN_ENERGY] = energy;
  checkin->scores[COBALT_CHECKIN_FATIGUE] = fatigue;
  g_assert_true (cobalt_repository_add_checkin (f->repository, checkin, &error));
  g_assert_no_error (error);
}

/* Under the symptom-return chart: the evidence for the score shown, in
 * the catalogue's words (something to discuss with the clinic), with the
 * rule behind it; how many cycles there are so far when they are too few;
 * nothing in the other views. */
static void
test_symptom_return_evidence_shown (void)
{
  JournalFixture f = { 0, };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 5, 1, 12, 0);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltContext) context = NULL;
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *rule = NULL;
  CobaltSymptomReturnEvidence evidence;
  GtkWidget *charts, *window, *rule_label;
  const int return_days[] = { 20, 18, 22 };

  journal_fixture_set_up (&f, now);
  prescription = journal_save_prescription (&f, COBALT_INTERVAL_MONTHS, 1);
  for (int month = 1; month <= 4; month++)
    {
      g_autoptr(GDateTime) at = journal_time (f.tz, 2025, month, 1, 9, 0);

      g_object_unref (journal_add_dose (&f, prescription, at));
    }
  /* Energy best the day after each of the first three doses, then 4
   * points lower 20, 18 and 22 days after it; fatigue only in the first
   * cycle, too few to give a day. */
  for (int cycle = 0; cycle < 3; cycle++)
    {
      add_energy (&f, cycle + 1, 2, 8, cycle == 0 ? 2 : COBALT_CHECKIN_NOT_RECORDED);
      add_energy (&f, cycle + 1, 1 + return_days[cycle], 4, cycle == 0 ? 6 : COBALT_CHECKIN_NOT_RECORDED);
    }

  checkins = cobalt_repository_list_checkins (f.repository, f.person->id, NULL);
  doses = cobalt_repository_list_doses (f.repository, f.person->id, NULL);
  g_assert_true (cobalt_symptom_return_evidence (checkins, doses, COBALT_CHECKIN_ENERGY, tz, &evidence, NULL));
  g_assert_cmpint (evidence.median_day, ==, 20);
  g_assert_cmpuint (evidence.n_returned, ==, 3);
  expected = cobalt_clinical_symptom_return_summary ("Energy", evidence.n_returned, evidence.n_observed,
                                                     evidence.median_day);
  rule = cobalt_clinical_symptom_return_rule ();

  context = cobalt_context_new (f.repository, f.clock, f.person);
  charts = cobalt_journal_charts_new (context);
  window = show_in_window (charts);

  /* The first view is wellbeing over time: no evidence shown there. */
  g_assert_null (cobalt_journal_charts_get_evidence (COBALT_JOURNAL_CHARTS (charts)));

  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_SYMPTOM_RETURN,
                              COBALT_CHECKIN_ENERGY);
  cobalt_test_wait_idle ();
  g_assert_cmpstr (cobalt_journal_charts_get_evidence (COBALT_JOURNAL_CHARTS (charts)), ==, expected);
  g_assert_nonnull (strstr (expected, "on day 20 after the dose"));
  g_assert_true (cobalt_test_is_showing (GTK_WIDGET (cobalt_test_find_label (charts, expected))));
  rule_label = GTK_WIDGET (cobalt_test_find_label (charts, rule));
  g_assert_nonnull (rule_label);
  g_assert_true (cobalt_test_is_showing (rule_label));

  /* At 360 pixels the sentences wrap inside the window. */
  {
    GtkWidget *evidence_label = GTK_WIDGET (cobalt_test_find_label (charts, expected));
    graphene_rect_t bounds;
    int min;

    gtk_widget_measure (charts, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 360);
    gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
    cobalt_test_wait_idle ();
    g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
    g_assert_true (gtk_widget_compute_bounds (evidence_label, window, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
    g_assert_true (gtk_widget_compute_bounds (rule_label, window, &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
  }

  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_SYMPTOM_RETURN,
                              COBALT_CHECKIN_FATIGUE);
  g_assert_cmpstr (cobalt_journal_charts_get_evidence (COBALT_JOURNAL_CHARTS (charts)), ==,
                   "Fatigue: the score fell back in 1 of 1 dose cycle with check-ins; "
                   "a typical day is given once it has done so in 3.");

  /* A score nobody recorded: nothing to say under the chart. */
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_SYMPTOM_RETURN,
                              COBALT_CHECKIN_MOOD);
  g_assert_null (cobalt_journal_charts_get_evidence (COBALT_JOURNAL_CHARTS (charts)));
  g_assert_false (cobalt_test_is_showing (rule_label));

  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_LAB, COBALT_LAB_TEST_SERUM_B12);
  g_assert_null (cobalt_journal_charts_get_evidence (COBALT_JOURNAL_CHARTS (charts)));

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
  g_test_add_func ("/cobalt/chart/large-text", test_large_text);
  g_test_add_func ("/cobalt/chart/lab-timing-ringed", test_lab_timing_ringed);
  g_test_add_func ("/cobalt/chart/symptom-return-evidence", test_symptom_return_evidence_shown);

  return g_test_run ();
}
