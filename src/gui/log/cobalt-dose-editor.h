/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_DOSE_EDITOR (cobalt_dose_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDoseEditor, cobalt_dose_editor, COBALT, DOSE_EDITOR, GtkWindow)

/* A modal form to correct one log entry. Nothing is saved until every
 * field is valid: the form reads a date and time (in the zone the dose
 * was given in), an amount above zero and an expiry date or nothing; the
 * repository then checks the dose as every way of logging is checked
 * (cobalt-dose-rules.h: not in the future, not before 1950 or the date of
 * birth, the prescribed dose and medicine unless "my clinic told me to"
 * is ticked with the person's reason). Each refusal is shown under the
 * field it names; what was typed stays. The entry keeps its identity
 * (cobalt_repository_update_dose()) and its person, whoever the context
 * turns to while the form is open. Emits ::saved after a successful save,
 * then closes. */

CobaltDoseEditor *cobalt_dose_editor_new      (GtkWindow        *parent,
                                               CobaltContext    *context,
                                               CobaltDose       *dose);

/* Reads the form; on success returns the edited copy of the dose (not yet
 * saved, nor checked by the rules), else NULL with a sentence naming the
 * field, also shown under it. */
CobaltDose       *cobalt_dose_editor_build    (CobaltDoseEditor *self,
                                               GError          **error);
/* Reads, saves through the repository's rules and shows any refusal
 * under its field, as the Save button does. */
gboolean          cobalt_dose_editor_save     (CobaltDoseEditor *self,
                                               GError          **error);

/* Test access to the fields. */
GtkEditable      *cobalt_dose_editor_get_date_entry   (CobaltDoseEditor *self);
GtkEditable      *cobalt_dose_editor_get_time_entry   (CobaltDoseEditor *self);
GtkEditable      *cobalt_dose_editor_get_amount_entry (CobaltDoseEditor *self);
/* A control by name, for tests: "date", "time", "product", "amount",
 * "unit", "expiry", the "my clinic told me to" ticks "amount-reason" and
 * "product-reason" and the "reason" entry; the error labels "when-error",
 * "product-error", "amount-error", "expiry-error", "reason-error" and the
 * form's "error". */
GtkWidget        *cobalt_dose_editor_get_field        (CobaltDoseEditor *self,
                                                       const char       *name);

G_END_DECLS
