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

G_END_DECLS
