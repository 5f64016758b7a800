/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-site.h"
#include "cobalt-supply.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-site-picker.h"

G_BEGIN_DECLS

/* The step details of the wizard, kept apart from its flow. Each returns a
 * new floating widget. */

/* What the prescription says, to compare with the ampoule. @prescription may be NULL. */
GtkWidget *cobalt_wizard_medicine_detail_new (CobaltPrescription *prescription,
                                              guint               phase_index);
/* The batch and expiry of @ampoule (NULL: none recorded). When @expired,
 * also the override tick and note, returned through the out arguments
 * (else they are set to NULL). */
GtkWidget *cobalt_wizard_expiry_detail_new   (CobaltSupplyItem   *ampoule,
                                              gboolean            expired,
                                              GtkCheckButton    **override_check,
                                              GtkEntry          **override_entry);
/* Needle, angle, swab and notes from @prescription (may be NULL); the
 * chosen site's landmark goes into *@site_label (see below). */
GtkWidget *cobalt_wizard_inject_detail_new   (CobaltPrescription *prescription,
                                              GtkLabel          **site_label);
void       cobalt_wizard_inject_detail_set_site (GtkLabel             *site_label,
                                                 const CobaltSiteInfo *site);
/* "Contact <clinic> on <phone>..." for the stopped page. */
char      *cobalt_wizard_describe_clinic     (CobaltPerson *person);
/* The urgent signs of CLINICAL.md as one paragraph. */
const char *cobalt_wizard_urgent_signs       (void);

/* Shared between cobalt-checklist-wizard.c (the flow) and
 * cobalt-checklist-wizard-dose.c (logging the dose). */
struct _CobaltChecklistWizard
{
  GtkWidget            parent_instance;

  CobaltRepository    *repository;
  CobaltPerson        *person;
  CobaltClock         *clock;

  CobaltChecklistRun  *run;
  CobaltPrescription  *prescription;   /* NULL without one */
  guint                phase_index;
  double               amount;
  CobaltSupplyItem    *ampoule;        /* the one this dose will use, or NULL */
  gboolean             ampoule_expired;
  CobaltDose          *dose;           /* logged by this run */

  GPtrArray           *pages;          /* CobaltChecklistStepPage, borrowed */
  CobaltSitePicker    *picker;
  GtkLabel            *inject_site_label;
  GtkCheckButton      *override_check;
  GtkEntry            *override_entry;
  GPtrArray           *reason_checks;  /* GtkCheckButton, borrowed */
  GtkWidget           *aftercare;
  guint                undo_seconds;
  guint                undo_timeout_id;
  guint                syncing : 1;

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *outer_stack;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *step_stack;
  GtkButton           *next_button;
  GtkButton           *back_button;
  GtkBox              *reason_box;
  GtkEntry            *reason_entry;
  GtkLabel            *reason_error_label;
  GtkLabel            *stopped_clinic_label;
  GtkLabel            *stopped_urgent_heading;
  GtkLabel            *stopped_urgent_signs;
  GtkWidget           *stopped_close_button;
  GtkBox              *aftercare_box;
  GtkLabel            *logged_label;
  GtkWidget           *undo_button;
};

void     cobalt_checklist_wizard_show_error      (CobaltChecklistWizard *self,
                                                  const char            *prefix,
                                                  const GError          *error);
void     cobalt_checklist_wizard_hide_error      (CobaltChecklistWizard *self);
gboolean cobalt_checklist_wizard_save_run        (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_set_page        (CobaltChecklistWizard *self,
                                                  const char            *name);
void     cobalt_checklist_wizard_sync            (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_focus_current   (CobaltChecklistWizard *self);
/* Notifies "dose" (and "run" when @run_changed). */
void     cobalt_checklist_wizard_notify_changed  (CobaltChecklistWizard *self,
                                                  gboolean               run_changed);
void     cobalt_checklist_wizard_load_context    (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_finish          (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_undo            (CobaltChecklistWizard *self);

G_END_DECLS
