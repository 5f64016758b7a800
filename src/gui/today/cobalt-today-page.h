/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_TODAY_PAGE (cobalt_today_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltTodayPage, cobalt_today_page, COBALT, TODAY_PAGE, GtkWidget)

/* The next dose for the context's person (followed as the context turns to
 * someone else; nothing is shown while nobody is set): date, status, dose,
 * suggested site, the missed-dose advice only once overdue (from the day
 * after the due day, or the clinic's shorter window), and supplies
 * warnings; with no dose yet, the first-dose date. Follows the
 * repository's ::changed and the clock (midnight, the due time, the end
 * of the clinic's window). */
CobaltTodayPage *cobalt_today_page_new             (CobaltContext   *context);

/* The same, warning of low stock @lead_days ahead from the start, and
 * showing @status (may be NULL), worked out earlier for the context's
 * person at @lead_days, instead of reading the log again while it is
 * still current. */
CobaltTodayPage *cobalt_today_page_new_with_status (CobaltContext   *context,
                                                    guint            lead_days,
                                                    CobaltStatus    *status);

/* Reads the database again now. */
void             cobalt_today_page_refresh         (CobaltTodayPage *self);

G_END_DECLS
