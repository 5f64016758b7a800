/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CALENDAR_PAGE (cobalt_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltCalendarPage, cobalt_calendar_page, COBALT, CALENDAR_PAGE, GtkWidget)

/* A month calendar of the doses of the context's person (followed as the
 * context turns to someone else): days with doses given, the due dates
 * the schedule engine projects for the next 12 months, and overdue days,
 * each marked and explained in a legend. Choosing a day (mouse or arrow
 * keys) lists what happened and what is planned on it, in words. Beside
 * it, how often each site was used in the last 90 days, as a chart with
 * the same in text. */

CobaltCalendarPage *cobalt_calendar_page_new        (CobaltContext      *context);
/* Reads the database again. */
void                cobalt_calendar_page_refresh    (CobaltCalendarPage *self);

/* What the page knows about @date: a CSS-like kind string per day
 * ("dose-given", "dose-planned", "dose-overdue" or NULL), and the lines
 * the day list shows (for tests). */
const char         *cobalt_calendar_page_get_day_kind  (CobaltCalendarPage *self,
                                                        const GDate        *date);
GStrv               cobalt_calendar_page_describe_day  (CobaltCalendarPage *self,
                                                        const GDate        *date);
/* Shows @date's month and lists @date. */
void                cobalt_calendar_page_select_day    (CobaltCalendarPage *self,
                                                        const GDate        *date);
/* The text summary of the site chart. */
const char         *cobalt_calendar_page_get_site_summary (CobaltCalendarPage *self);

G_END_DECLS
