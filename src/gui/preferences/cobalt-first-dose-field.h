/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_FIRST_DOSE_FIELD (cobalt_first_dose_field_get_type ())
G_DECLARE_FINAL_TYPE (CobaltFirstDoseField, cobalt_first_dose_field, COBALT, FIRST_DOSE_FIELD, GtkWidget)

/* The prescription's first-dose date (its starts_on), chosen when it is
 * made (CLINICAL.md "Missed dose"): a year-month-day entry that starts on
 * the next day, never silently today, with a sentence saying what it means
 * for the person to confirm, and its error under it. Once a dose is logged
 * the schedule counts from the doses, and the field only shows the day. */

GtkWidget *cobalt_first_dose_field_new         (void);
/* The caption ("_First dose") to put beside the field; its mnemonic
 * focuses the entry. */
GtkWidget *cobalt_first_dose_field_get_caption (CobaltFirstDoseField *self);
GtkEditable *cobalt_first_dose_field_get_entry (CobaltFirstDoseField *self);
/* Fills the field: @starts_on (NULL: not chosen yet, the day after @today
 * is offered); @has_doses makes it read-only. */
void       cobalt_first_dose_field_set         (CobaltFirstDoseField *self,
                                                const GDate          *starts_on,
                                                gboolean              has_doses,
                                                const GDate          *today);
/* The day to store in *@out. FALSE, with the reason shown under the field
 * and in @error, for a day that is not a date, or a first dose moved into
 * the past. */
gboolean   cobalt_first_dose_field_read        (CobaltFirstDoseField *self,
                                                const GDate          *today,
                                                GDate                *out,
                                                GError              **error);

G_END_DECLS
