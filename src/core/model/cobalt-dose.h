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

/* One injection log entry, or a dose not given on the clinic's advice
 * (kind SKIPPED or MOVED): that is a log entry too, and nothing but the
 * schedule and the log counts it (no supplies, no site, no "last
 * injection"). */
struct _CobaltDose
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  gint64          prescription_id;  /* 0 when logged without a prescription version */
  /* The instant, in the zone it was given in; for a dose not given, when
   * the clinic's decision was made. Set with cobalt_dose_set_given_at(). */
  GDateTime      *given_at;
  char           *timezone;         /* its zone's name; read it with cobalt_dose_get_timezone() */
  char           *site_id;          /* may be NULL */
  double          amount;
  CobaltDoseUnit  unit;
  CobaltProduct   product;
  char           *batch;            /* may be NULL */
  GDate          *expiry;           /* may be NULL */
  CobaltGivenBy   given_by;
  char           *given_by_name;    /* the carer's or clinic's name; may be NULL */
  gint64          checklist_run_id; /* 0 = not from a checklist run */
  char           *notes;
  CobaltDoseKind  kind;
  char           *advised_by;       /* who advised not giving it ("Dr Patel"); may be NULL */
  GDate          *moved_to;         /* kind MOVED: the day it was moved to; may be NULL */
  /* Why the dose was logged against the usual rules: flags, shown in
   * words only when displayed, and the person's own words about it (e.g.
   * who at the clinic said so), may be NULL. */
  CobaltDoseException exceptions;
  char           *exception_note;
};

CobaltDose    *cobalt_dose_new                (void);
/* A copy with the same id: editing a copy and saving it updates the same
 * log entry. */
CobaltDose    *cobalt_dose_copy               (CobaltDose *self);

/* Keeps @given_at's zone; the zone's name is stored alongside. */
void           cobalt_dose_set_given_at       (CobaltDose *self, GDateTime *given_at);
/* The zone's name ("Europe/London", or "UTC"/"+01:00" when unknown). */
const char    *cobalt_dose_get_timezone       (CobaltDose *self);
/* TRUE for a dose actually injected (kind GIVEN). */
gboolean       cobalt_dose_is_given           (CobaltDose *self);

/* Chronological order by instant, for g_ptr_array_sort(). */
int            cobalt_dose_compare_given_at   (gconstpointer a, gconstpointer b);

const char    *cobalt_given_by_to_string      (CobaltGivenBy given_by);
/* "Not given — skipped on the advice of Dr Rao", "Not given — moved to
 * Friday 16 January 2026 on the advice of Dr Rao" (translated); NULL for a
 * dose given. */
char          *cobalt_dose_describe_not_given (CobaltDose *self);

G_END_DECLS
