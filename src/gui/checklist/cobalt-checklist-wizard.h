/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKLIST_WIZARD (cobalt_checklist_wizard_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChecklistWizard, cobalt_checklist_wizard, COBALT, CHECKLIST_WIZARD, GtkWidget)

/* The pre-injection checklist: one page per step of the person's
 * checklist, driven by a CobaltChecklistRun that is saved after every
 * change (so closing and reopening resumes the open run). Finishing logs
 * the dose; "Stop — I'm not sure" aborts with a reason and shows who to
 * contact. Afterwards the aftercare page.
 *
 * Properties: context, person (construct-only: the run stays @person's
 * whoever the context turns to); run, dose, page (ro: "steps", "stop",
 * "stopped", "aftercare").
 * Actions: wizard.tick, wizard.next, wizard.back, wizard.stop, wizard.undo,
 * wizard.close. Keys: Alt+Right / Ctrl+Enter next, Alt+Left back,
 * Alt+D tick ("_Done"); Enter on a ticked step goes on (never unticks).
 * After logging, the focus rests on the "Dose logged" sentence, never on
 * Undo or a reaction; a second Finish logs nothing.
 * ::close when the person is done with the wizard (after stopping, or at
 * the end of aftercare). */

GtkWidget          *cobalt_checklist_wizard_new           (CobaltContext    *context,
                                                           CobaltPerson     *person);
CobaltChecklistRun *cobalt_checklist_wizard_get_run       (CobaltChecklistWizard *self);
/* The dose this run logged (NULL before finishing or after undo). */
CobaltDose         *cobalt_checklist_wizard_get_dose      (CobaltChecklistWizard *self);
const char         *cobalt_checklist_wizard_get_page      (CobaltChecklistWizard *self);
/* The page of step @index (CobaltChecklistStepPage), for tests. */
GtkWidget          *cobalt_checklist_wizard_get_step_page (CobaltChecklistWizard *self,
                                                           guint                  index);
/* The embedded site picker (NULL when the checklist has no site step). */
GtkWidget          *cobalt_checklist_wizard_get_site_picker (CobaltChecklistWizard *self);
GtkWidget          *cobalt_checklist_wizard_get_aftercare (CobaltChecklistWizard *self);
/* Chooses the preset reason @index (0-based; the last is "Something else")
 * and the free text on the stop page, for tests. */
void                cobalt_checklist_wizard_set_stop_reason (CobaltChecklistWizard *self,
                                                             guint                  preset,
                                                             const char            *text);
/* Confirms the stop page, as its button does; with or without a reason. */
gboolean            cobalt_checklist_wizard_confirm_stop  (CobaltChecklistWizard *self);
/* Undo is offered, with no time limit, for as long as the aftercare page
 * of the dose just logged is shown; after that the Log deletes a dose. */
gboolean            cobalt_checklist_wizard_get_can_undo  (CobaltChecklistWizard *self);

/* A window holding a wizard for @person; it closes with the wizard. */
GtkWindow          *cobalt_checklist_wizard_window_new    (GtkWindow        *parent,
                                                           CobaltContext    *context,
                                                           CobaltPerson     *person);

G_END_DECLS
