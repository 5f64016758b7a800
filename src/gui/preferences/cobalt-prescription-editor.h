/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PRESCRIPTION_EDITOR (cobalt_prescription_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPrescriptionEditor, cobalt_prescription_editor, COBALT, PRESCRIPTION_EDITOR, GtkWidget)

/* The prescription form: template, product, strength per mL (a number and
 * mg or mcg; asked for when an older version's text did not parse), dose
 * and unit, the volume to draw up (computed per phase, never typed, with
 * "check with your clinic" above a ticked site's typical maximum), route,
 * phases, technique, enabled sites, reminder time and the clinic's shorter
 * overdue window (for intervals under a week), and
 * the first-dose date (offered as the next day, asked for until a dose is
 * logged; cobalt-first-dose-field.h); the
 * cyanocobalamin cautions of CLINICAL.md. Save stores a new
 * version. What cobalt_prescription_validate() refuses is shown next to
 * the field it is about; a database error keeps the form as typed.
 * Properties: context (its clock says which day is today for the
 * first-dose date), person (construct-only: the prescription is @person's,
 * whoever the context turns to while the form is open). ::saved. */

GtkWidget *cobalt_prescription_editor_new           (CobaltContext    *context,
                                                     CobaltPerson     *person);
/* Fills the form from a CLINICAL.md template (not saved). */
gboolean   cobalt_prescription_editor_load_template (CobaltPrescriptionEditor *self,
                                                     const char               *template_id);
gboolean   cobalt_prescription_editor_save          (CobaltPrescriptionEditor *self,
                                                     GError                  **error);
/* For tests: a control or error label by its template id without the
 * suffix ("amount" → amount_spin, "amount-error", "phases-list",
 * "save-status", "site:<site id>" for an enabled-site tick, "first-dose"
 * for the CobaltFirstDoseField...). */
GtkWidget *cobalt_prescription_editor_get_field     (CobaltPrescriptionEditor *self,
                                                     const char               *name);
void       cobalt_prescription_editor_add_phase     (CobaltPrescriptionEditor *self);

G_END_DECLS
