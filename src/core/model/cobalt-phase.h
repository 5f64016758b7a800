/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* One phase of a prescription: how often, and until when.
 * A plain boxed struct; prescriptions own a GPtrArray of them. */
typedef struct
{
  CobaltIntervalUnit unit;
  guint              interval;   /* N of "every N days/weeks/months" or "N times a week" */
  CobaltPhaseEnd     end;
  guint              end_value;  /* K doses or K days; ignored when open-ended */
  double             amount;     /* dose in this phase, in the prescription's unit; 0 = the prescription's amount */
  char              *label;      /* "Loading", "Maintenance"...; may be NULL */
} CobaltPhase;

#define COBALT_TYPE_PHASE (cobalt_phase_get_type ())
GType        cobalt_phase_get_type (void) G_GNUC_CONST;

CobaltPhase *cobalt_phase_new      (CobaltIntervalUnit unit,
                                    guint              interval,
                                    CobaltPhaseEnd     end,
                                    guint              end_value,
                                    const char        *label);
CobaltPhase *cobalt_phase_copy     (const CobaltPhase *phase);
void         cobalt_phase_free     (CobaltPhase       *phase);
gboolean     cobalt_phase_equal    (const CobaltPhase *a,
                                    const CobaltPhase *b);
/* "Every 3 months, until the clinic changes it" (translated). */
char        *cobalt_phase_describe (const CobaltPhase *phase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltPhase, cobalt_phase_free)

G_END_DECLS
