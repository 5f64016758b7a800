/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_LAB_FORM (cobalt_lab_form_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLabForm, cobalt_lab_form, COBALT, LAB_FORM, GtkWidget)

/* A lab result as printed on the report: test, value and unit (B12 and the
 * others that convert show the value in their other units), the lab's own
 * reference range, the day the blood was taken, the lab's name and a note.
 * Each refused field says why beside it; nothing is stored until all of
 * it is valid. Stored for the context's person; the form starts afresh
 * when the context turns to someone else. ::saved (gint64 id). */

GtkWidget *cobalt_lab_form_new        (CobaltContext    *context);
/* As if chosen in the form. */
void       cobalt_lab_form_set_test   (CobaltLabForm    *self,
                                       CobaltLabTest     test);
gboolean   cobalt_lab_form_set_unit   (CobaltLabForm    *self,
                                       const char       *unit);
/* The conversion line shown under the value ("= 221 pmol/L"), or "". */
const char *cobalt_lab_form_get_conversion_text (CobaltLabForm *self);
/* What Save does; FALSE with the reasons shown beside the fields. */
gboolean   cobalt_lab_form_save       (CobaltLabForm    *self,
                                       GError          **error);

/* Turns the form into an editor of the stored @result: its fields are
 * filled in, and Save rewrites it (same id) instead of adding one. It
 * then stays on @result's person whoever the context turns to. */
void       cobalt_lab_form_edit       (CobaltLabForm    *self,
                                       CobaltLabResult  *result);

G_END_DECLS
