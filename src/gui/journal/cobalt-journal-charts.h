/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-chart.h"
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

typedef enum
{
  COBALT_JOURNAL_VIEW_WELLBEING      = 0, /* a score over time, dose days marked */
  COBALT_JOURNAL_VIEW_SYMPTOM_RETURN = 1, /* a score against days since the last dose */
  COBALT_JOURNAL_VIEW_LAB            = 2, /* a lab value over time against its range */
} CobaltJournalView;

#define COBALT_TYPE_JOURNAL_CHARTS (cobalt_journal_charts_get_type ())
G_DECLARE_FINAL_TYPE (CobaltJournalCharts, cobalt_journal_charts, COBALT, JOURNAL_CHARTS, GtkWidget)

/* The Journal's charts: a choice of view and of score or test, the chart,
 * its summary in words, and the reminder that charts are not dosing
 * advice, for the context's person (followed as it changes). Follows the
 * repository's ::changed. */

GtkWidget   *cobalt_journal_charts_new        (CobaltContext       *context);
/* @which: a CobaltCheckinMeasure for the score views, a CobaltLabTest for
 * the lab view. */
void         cobalt_journal_charts_show       (CobaltJournalCharts *self,
                                               CobaltJournalView    view,
                                               guint                which);
CobaltChart *cobalt_journal_charts_get_chart  (CobaltJournalCharts *self);
/* The symptom-return evidence shown under the symptom-return chart, NULL
 * when none is shown (another view, or no check-ins of that score). */
const char  *cobalt_journal_charts_get_evidence (CobaltJournalCharts *self);
void         cobalt_journal_charts_refresh    (CobaltJournalCharts *self);

G_END_DECLS
