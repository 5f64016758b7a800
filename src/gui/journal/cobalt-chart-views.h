/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-chart.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The journal's three views, filled into a CobaltChart together with their
 * text summary (the chart's accessible description). None of them says
 * anything about the dose. */

/* @measure over time (@checkins: GListModel of CobaltCheckin), with the
 * days of @doses (CobaltDose) in that period marked on the axis. */
void cobalt_chart_show_wellbeing      (CobaltChart          *chart,
                                       GListModel           *checkins,
                                       GPtrArray            *doses,
                                       CobaltCheckinMeasure  measure,
                                       GTimeZone            *tz);

/* @measure against the days since the dose given before each check-in. */
void cobalt_chart_show_symptom_return (CobaltChart          *chart,
                                       GListModel           *checkins,
                                       GPtrArray            *doses,
                                       CobaltCheckinMeasure  measure,
                                       GTimeZone            *tz);

/* The values of @test over time (@results: GListModel of CobaltLabResult),
 * in the unit of the newest result, against the newest result's reference
 * range drawn as a band. */
void cobalt_chart_show_lab            (CobaltChart          *chart,
                                       GListModel           *results,
                                       CobaltLabTest         test);
/* The same, with each result taken within COBALT_LAB_TIMING_WINDOW_DAYS
 * after one of @doses (CobaltDose, may be NULL) ringed, its tooltip
 * and the summary saying "Taken N days after an injection". */
void cobalt_chart_show_lab_timed      (CobaltChart          *chart,
                                       GListModel           *results,
                                       GPtrArray            *doses,
                                       CobaltLabTest         test);

/* The symptom-return evidence of @measure (cobalt-symptom-evidence.h) in
 * one sentence: the catalogue's, or how many dose cycles there are so far
 * when there are too few to give a day; NULL without check-ins of it. */
char *cobalt_chart_describe_symptom_return (GListModel           *checkins,
                                            GPtrArray            *doses,
                                            CobaltCheckinMeasure  measure,
                                            GTimeZone            *tz);

G_END_DECLS
