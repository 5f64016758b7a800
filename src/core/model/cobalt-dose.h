/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_DOSE (cobalt_dose_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDose, cobalt_dose, COBALT, DOSE, GObject)

/* One injection log entry. "given-at" is an instant; "timezone" the zone
 * name (e.g. "Europe/London") it was given in. Properties mirror the
 * getters. */

CobaltDose    *cobalt_dose_new                (void);
CobaltDose    *cobalt_dose_copy               (CobaltDose *self);

gint64         cobalt_dose_get_id             (CobaltDose *self);
void           cobalt_dose_set_id             (CobaltDose *self, gint64 id);
gint64         cobalt_dose_get_person_id      (CobaltDose *self);
void           cobalt_dose_set_person_id      (CobaltDose *self, gint64 person_id);
/* 0 when logged without a prescription version. */
gint64         cobalt_dose_get_prescription_id (CobaltDose *self);
void           cobalt_dose_set_prescription_id (CobaltDose *self, gint64 prescription_id);
/* In the zone it was given in. Borrowed. */
GDateTime     *cobalt_dose_get_given_at       (CobaltDose *self);
/* Keeps @given_at's zone; the zone identifier is stored alongside. */
void           cobalt_dose_set_given_at       (CobaltDose *self, GDateTime *given_at);
/* The zone identifier ("Europe/London", or "UTC"/"+01:00" when unknown). */
const char    *cobalt_dose_get_timezone       (CobaltDose *self);
const char    *cobalt_dose_get_site_id        (CobaltDose *self); /* may be NULL */
void           cobalt_dose_set_site_id        (CobaltDose *self, const char *site_id);
double         cobalt_dose_get_amount         (CobaltDose *self);
void           cobalt_dose_set_amount         (CobaltDose *self, double amount);
CobaltDoseUnit cobalt_dose_get_unit           (CobaltDose *self);
void           cobalt_dose_set_unit           (CobaltDose *self, CobaltDoseUnit unit);
CobaltProduct  cobalt_dose_get_product        (CobaltDose *self);
void           cobalt_dose_set_product        (CobaltDose *self, CobaltProduct product);
const char    *cobalt_dose_get_batch          (CobaltDose *self); /* may be NULL */
void           cobalt_dose_set_batch          (CobaltDose *self, const char *batch);
GDate         *cobalt_dose_get_expiry         (CobaltDose *self); /* borrowed, may be NULL */
void           cobalt_dose_set_expiry         (CobaltDose *self, const GDate *expiry);
CobaltGivenBy  cobalt_dose_get_given_by       (CobaltDose *self);
void           cobalt_dose_set_given_by       (CobaltDose *self, CobaltGivenBy given_by);
/* Who exactly (carer's or clinic's name); may be NULL. */
const char    *cobalt_dose_get_given_by_name  (CobaltDose *self);
void           cobalt_dose_set_given_by_name  (CobaltDose *self, const char *name);
/* 0 = not from a checklist run. */
gint64         cobalt_dose_get_checklist_run_id (CobaltDose *self);
void           cobalt_dose_set_checklist_run_id (CobaltDose *self, gint64 run_id);
const char    *cobalt_dose_get_notes          (CobaltDose *self);
void           cobalt_dose_set_notes          (CobaltDose *self, const char *notes);

/* A dose not given on the clinic's advice (kind SKIPPED or MOVED) is a log
 * entry too: "given-at" is then when the clinic's decision was made, and
 * nothing but the schedule and the log counts it (no supplies, no site, no
 * "last injection"). */
CobaltDoseKind cobalt_dose_get_kind           (CobaltDose *self);
void           cobalt_dose_set_kind           (CobaltDose *self, CobaltDoseKind kind);
/* TRUE for a dose actually injected (kind GIVEN). */
gboolean       cobalt_dose_is_given           (CobaltDose *self);
/* Who advised not giving it ("Dr Patel", "the practice nurse"); may be NULL. */
const char    *cobalt_dose_get_advised_by     (CobaltDose *self);
void           cobalt_dose_set_advised_by     (CobaltDose *self, const char *advised_by);
/* For kind MOVED: the day the clinic moved the dose to. Borrowed, may be NULL. */
GDate         *cobalt_dose_get_moved_to       (CobaltDose *self);
void           cobalt_dose_set_moved_to       (CobaltDose *self, const GDate *moved_to);

/* Why the dose was logged against the usual rules (doses.exceptions): the
 * reasons are flags, shown in words only when displayed; the note is the
 * person's own words about it (e.g. who at the clinic said so), may be
 * NULL. */
CobaltDoseException cobalt_dose_get_exceptions     (CobaltDose *self);
void                cobalt_dose_set_exceptions     (CobaltDose *self, CobaltDoseException exceptions);
const char         *cobalt_dose_get_exception_note (CobaltDose *self);
void                cobalt_dose_set_exception_note (CobaltDose *self, const char *note);

/* Chronological order by instant, for g_ptr_array_sort(). */
int            cobalt_dose_compare_given_at   (gconstpointer a, gconstpointer b);

const char    *cobalt_given_by_to_string      (CobaltGivenBy given_by);
/* "Not given — skipped on the advice of Dr Rao", "Not given — moved to
 * Friday 16 January 2026 on the advice of Dr Rao" (translated); NULL for a
 * dose given. */
char          *cobalt_dose_describe_not_given (CobaltDose *self);

G_END_DECLS
