/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKIN_FORM (cobalt_checkin_form_get_type ())
G_DECLARE_FINAL_TYPE (CobaltCheckinForm, cobalt_checkin_form, COBALT, CHECKIN_FORM, GtkWidget)

/* The quick wellbeing check-in: energy, mood, fatigue, pins and needles,
 * memory/concentration on 0–10 scales (each "not recorded" until moved),
 * a note, and Save. Stores one CobaltCheckin at the clock's "now" for
 * the context's person, and starts afresh when the context turns to
 * someone else. ::saved (gint64 id) after a check-in was stored. */

GtkWidget *cobalt_checkin_form_new        (CobaltContext     *context);
/* As if the person moved the scale (or ticked "Not recorded" for
 * COBALT_CHECKIN_NOT_RECORDED). */
void       cobalt_checkin_form_set_score  (CobaltCheckinForm *self,
                                           CobaltCheckinMeasure measure,
                                           int                score);
int        cobalt_checkin_form_get_score  (CobaltCheckinForm *self,
                                           CobaltCheckinMeasure measure);
/* Turns the form into an editor of the stored @checkin: its scores and
 * note are shown, and Save rewrites it (same time, same id) instead of
 * adding a new one. It then stays on @checkin's person whoever the
 * context turns to. */
void       cobalt_checkin_form_edit       (CobaltCheckinForm *self,
                                           CobaltCheckin     *checkin);
/* What Save does; FALSE with the reason shown in the form. */
gboolean   cobalt_checkin_form_save       (CobaltCheckinForm *self,
                                           GError           **error);

G_END_DECLS
