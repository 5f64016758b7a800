/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-clock.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

#define COBALT_TYPE_DOSE_EDITOR (cobalt_dose_editor_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDoseEditor, cobalt_dose_editor, COBALT, DOSE_EDITOR, GtkWindow)

/* A modal form to correct one log entry. Nothing is saved until every
 * field is valid: the date and time (not in the future, in the zone the
 * dose was given in), an amount above zero, an expiry date or nothing.
 * The entry keeps its identity (cobalt_repository_update_dose()).
 * Emits ::saved after a successful save, then closes. */

CobaltDoseEditor *cobalt_dose_editor_new      (GtkWindow        *parent,
                                               CobaltRepository *repository,
                                               CobaltClock      *clock,
                                               CobaltDose       *dose);

/* Checks the form; on success returns the edited copy of the dose (not yet
 * saved), else NULL with a sentence naming the field. */
CobaltDose       *cobalt_dose_editor_build    (CobaltDoseEditor *self,
                                               GError          **error);
/* Validates and saves, as the Save button does. */
gboolean          cobalt_dose_editor_save     (CobaltDoseEditor *self,
                                               GError          **error);

/* Test access to the fields. */
GtkEditable      *cobalt_dose_editor_get_date_entry   (CobaltDoseEditor *self);
GtkEditable      *cobalt_dose_editor_get_time_entry   (CobaltDoseEditor *self);
GtkEditable      *cobalt_dose_editor_get_amount_entry (CobaltDoseEditor *self);

G_END_DECLS
