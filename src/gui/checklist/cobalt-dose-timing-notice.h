/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_DOSE_TIMING_NOTICE (cobalt_dose_timing_notice_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDoseTimingNotice, cobalt_dose_timing_notice, COBALT, DOSE_TIMING_NOTICE, GtkWidget)

/* What Cobalt says before an early or extra dose is logged (CLINICAL.md
 * "Missed dose"): a heading, when the last dose was given and when the
 * next is due, the advice to go on only if the clinic said so, and an
 * optional field for who at the clinic said so (kept with the dose as its
 * exception note). The choice to go on is the caller's: a button in the
 * checklist, a tick in "log a dose given elsewhere". */

GtkWidget  *cobalt_dose_timing_notice_new        (void);
void        cobalt_dose_timing_notice_set_info   (CobaltDoseTimingNotice     *self,
                                                  const CobaltDoseTimingInfo *info);
/* The text of the "who told you" field, trimmed; NULL when empty. */
char       *cobalt_dose_timing_notice_dup_note   (CobaltDoseTimingNotice     *self);
GtkEditable *cobalt_dose_timing_notice_get_note_entry (CobaltDoseTimingNotice *self);

G_END_DECLS
