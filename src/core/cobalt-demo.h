/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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
 *   carer; the latest dose is a day overdue.
 *
 * Doses follow the real schedule engine and site rotation (a few late),
 * with batches, checklist runs, some reactions, wellbeing check-ins, lab
 * results, supplies and a sharps bin. */

#define COBALT_DEMO_PERSON_SELF  "Alex Morgan"
#define COBALT_DEMO_PERSON_CARED "Sam Rivera"

/* Fills an empty database. Fails if anyone is already in it. */
gboolean cobalt_demo_populate (CobaltRepository *repository,
                               CobaltClock      *clock,
                               GError          **error);

G_END_DECLS
