/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_DOSE (cobalt_dose_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDose, cobalt_dose, COBALT, DOSE, GObject)

struct _CobaltDose
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  gint64          prescription_id;
  GDateTime      *given_at;
  char           *timezone;
  char           *site_id;
  double          amount;
  CobaltDoseUnit  unit;
  CobaltProduct   product;
  char           *batch;
  GDate          *expiry;
  CobaltGivenBy   given_by;
  char           *given_by_name;
  gint64          checklist_run_id;
  char           *notes;
  CobaltDoseKind  kind;
  char           *advised_by;
  GDate          *moved_to;
  CobaltDoseException exceptions;
  char           *exception_note;
};

/* One injection log entry. "given-at" is an instant; "timezone" the zone
 * name (e.g. "Europe/London") it was given in. Properties mirror the
 * getters. */

CobaltDose    *cobalt_dose_new                (void);
CobaltDose    *cobalt_dose_copy               (CobaltDose *self);

/* 0 when logged without a prescription version. */
/* In the zone it was given in. Borrowed. */
/* Keeps @given_at's zone; the zone identifier is stored alongside. */
void           cobalt_dose_set_given_at       (CobaltDose *self, GDateTime *given_at);
/* The zone identifier ("Europe/London", or "UTC"/"+01:00" when unknown). */
const char    *cobalt_dose_get_timezone       (CobaltDose *self);
/* Who exactly (carer's or clinic's name); may be NULL. */
/* 0 = not from a checklist run. */

/* A dose not given on the clinic's advice (kind SKIPPED or MOVED) is a log
 * entry too: "given-at" is then when the clinic's decision was made, and
 * nothing but the schedule and the log counts it (no supplies, no site, no
 * "last injection"). */
/* TRUE for a dose actually injected (kind GIVEN). */
gboolean       cobalt_dose_is_given           (CobaltDose *self);
/* Who advised not giving it ("Dr Patel", "the practice nurse"); may be NULL. */
/* For kind MOVED: the day the clinic moved the dose to. Borrowed, may be NULL. */

/* Why the dose was logged against the usual rules (doses.exceptions): the
 * reasons are flags, shown in words only when displayed; the note is the
 * person's own words about it (e.g. who at the clinic said so), may be
 * NULL. */

/* Chronological order by instant, for g_ptr_array_sort(). */
int            cobalt_dose_compare_given_at   (gconstpointer a, gconstpointer b);

const char    *cobalt_given_by_to_string      (CobaltGivenBy given_by);
/* "Not given — skipped on the advice of Dr Rao", "Not given — moved to
 * Friday 16 January 2026 on the advice of Dr Rao" (translated); NULL for a
 * dose given. */
char          *cobalt_dose_describe_not_given (CobaltDose *self);

G_END_DECLS
