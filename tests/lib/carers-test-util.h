/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Shared by the carers tests and the log benchmark. */

/* The first dose of the generated log: 2000-01-01 09:00 UTC. */
#define CARERS_FIRST_DOSE_US G_GINT64_CONSTANT (946717200000000)
/* One generated dose every 6 hours. */
#define CARERS_DOSE_STEP_US  (G_GINT64_CONSTANT (6) * 3600 * G_USEC_PER_SEC)

/* A new person saved in @repository. */
gint64   carers_add_person  (CobaltRepository *repository,
                             const char       *name);

/* Inserts @n doses for @person_id in one transaction, straight in SQL so
 * that 100 000 rows take a moment. Dose i (0-based) is given at
 * CARERS_FIRST_DOSE_US + i × CARERS_DOSE_STEP_US in Europe/London, at
 * catalogue site i % 14, by given_by i % 3, batch "B<i % 50>", with the
 * note "needle bent" when i % 10 == 0 (else "ok <i>"), and one reaction
 * ("site-pain", mild) when i % 100 == 0. Every 1000th i also gets a
 * checklist run stopped before a dose ("unsure about the dose"). */
gboolean carers_fill_doses  (CobaltDatabase   *database,
                             gint64            person_id,
                             guint             n,
                             GError          **error);

G_END_DECLS
