/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_LOG_ELSEWHERE_DIALOG (cobalt_log_elsewhere_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogElsewhereDialog, cobalt_log_elsewhere_dialog, COBALT, LOG_ELSEWHERE_DIALOG, GtkWindow)

/* "Log a dose given elsewhere": at the clinic or by a carer, with who,
 * when, site, amount, batch and notes. Every field is checked with the
 * reason next to it, by the rules every way of logging meets
 * (cobalt-dose-rules.h): a time in the future is refused, an amount other
 * than the prescription's needs "my clinic told me to give this amount"
 * and the person's words, a carer needs a name; a dose that would
 * be early or extra (cobalt-dose-timing.h) says when the last dose was
 * given and when the next is due, and is logged only with "My clinic told
 * me to give it" ticked, keeping why with the dose. A database error
 * keeps what was typed. Properties: context, person (construct-only: the
 * dose is @person's, whoever the context turns to while the dialog is
 * open). ::logged (CobaltDose) after saving; then it closes. */

CobaltLogElsewhereDialog *cobalt_log_elsewhere_dialog_new  (GtkWindow        *parent,
                                                            CobaltContext    *context,
                                                            CobaltPerson     *person);
/* Checks and saves as the "Log dose" button does. FALSE (reasons shown
 * in the form, first one in @error) when refused or when saving failed. */
gboolean                  cobalt_log_elsewhere_dialog_save (CobaltLogElsewhereDialog *self,
                                                            GError                  **error);
/* A form control by name, for tests: "given-by", "who", "date", "hour",
 * "minute", "site", "amount", "batch", "expiry", "notes", "save", the
 * early-dose box "timing" and its tick "timing-confirm", the amount's
 * "amount-reason" tick and "amount-reason-note" entry; and
 * the error labels "who-error", "when-error", "amount-error",
 * "expiry-error", "amount-reason-error", "save-error". */
GtkWidget                *cobalt_log_elsewhere_dialog_get_field (CobaltLogElsewhereDialog *self,
                                                                 const char               *name);

G_END_DECLS
