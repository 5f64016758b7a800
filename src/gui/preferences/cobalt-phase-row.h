/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PHASE_ROW (cobalt_phase_row_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPhaseRow, cobalt_phase_row, COBALT, PHASE_ROW, GtkListBoxRow)

/* One editable phase of the prescription editor: label, "every N
 * days/weeks/months" or "N times a week", the end (open, after K doses,
 * after K days), the dose of the phase (0 = the prescription's), and a
 * remove button (::remove). */

GtkWidget   *cobalt_phase_row_new          (const CobaltPhase *phase);
/* A new phase from the fields (never NULL; validate decides if it is right). */
CobaltPhase *cobalt_phase_row_get_phase    (CobaltPhaseRow    *self);
/* The phase's number and the prescription's dose unit: the row shows
 * them, and names its controls with them ("Phase 2 dose in micrograms"). */
void         cobalt_phase_row_set_number   (CobaltPhaseRow    *self,
                                            guint              number);
void         cobalt_phase_row_set_dose_unit (CobaltPhaseRow   *self,
                                            CobaltDoseUnit     unit);
/* For tests: "interval", "unit", "end", "end-value", "amount", "label", "remove". */
GtkWidget   *cobalt_phase_row_get_field    (CobaltPhaseRow    *self,
                                            const char        *name);

G_END_DECLS
