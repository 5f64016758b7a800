/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_NOT_GIVEN_DIALOG (cobalt_not_given_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CobaltNotGivenDialog, cobalt_not_given_dialog, COBALT, NOT_GIVEN_DIALOG, GtkWindow)

/* "Record a dose not given…" (CLINICAL.md "Missed dose"): the clinic's
 * advice to skip a dose or to move it to another day, who advised it and
 * when, kept in the log and counted by the schedule from that decision.
 * Every field is checked with the reason next to it; a database error
 * keeps what was typed. Properties: context, person (construct-only: the
 * decision is @person's, whoever the context turns to while the dialog is
 * open). ::recorded (CobaltDose) after saving; then it closes. */

CobaltNotGivenDialog *cobalt_not_given_dialog_new       (GtkWindow        *parent,
                                                         CobaltContext    *context,
                                                         CobaltPerson     *person);
/* Checks and saves as the "Record" button does. FALSE (reasons shown in
 * the form, the first one in @error) when refused or when saving failed. */
gboolean              cobalt_not_given_dialog_save      (CobaltNotGivenDialog *self,
                                                         GError              **error);
/* A form control by name, for tests: "skip", "move", "advised-by",
 * "decided", "moved-to", "notes", "save"; and the error labels
 * "advised-error", "decided-error", "moved-error", "save-error". */
GtkWidget            *cobalt_not_given_dialog_get_field (CobaltNotGivenDialog *self,
                                                         const char           *name);

G_END_DECLS
