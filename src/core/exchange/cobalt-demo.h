/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-clock.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Sample data for `cobalt --demo`, screenshots and tests: two people, a
 * year of history ending at the clock's "now". The same clock time gives
 * the same data.
 *
 * - "Alex Morgan": hydroxocobalamin, UK standard regimen (loading done at
 *   the surgery, now every 3 months, self-injected); next dose in 3 days.
 * - "Sam Rivera": cyanocobalamin, weekly ×8 then monthly, given by a
 *   carer; the latest dose is two days overdue.
 *
 * Whatever the date and zone: the history is built backwards from the
 * next due day (a day either way where month ends make that day
 * unreachable), with the same numbers of doses, check-ins, lab results and
 * supplies every time. Doses follow the real schedule engine and site
 * rotation (a few late),
 * with batches, checklist runs, some reactions, wellbeing check-ins, lab
 * results, supplies and a sharps bin. */

#define COBALT_DEMO_PERSON_SELF  "Alex Morgan"
#define COBALT_DEMO_PERSON_CARED "Sam Rivera"

/* Fills an empty database. Fails if anyone is already in it. */
gboolean cobalt_demo_populate (CobaltRepository *repository,
                               CobaltClock      *clock,
                               GError          **error);

/* The doses cobalt_demo_populate() logs for demo person @index (0: Alex,
 * 1: Sam) at @now, oldest first, without person or prescription ids, and
 * the prescription they follow: lets tests sweep many instants without a
 * database. */
GPtrArray *cobalt_demo_plan_doses (guint                index,
                                   GDateTime           *now,
                                   CobaltPrescription **prescription);

G_END_DECLS
