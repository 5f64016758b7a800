/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-site-picker.h"

G_BEGIN_DECLS

/* The step details of the wizard, kept apart from its flow. Each returns a
 * new floating widget. */

/* What the prescription says, to compare with the ampoule. @prescription may be NULL. */
GtkWidget *cobalt_wizard_medicine_detail_new (CobaltPrescription *prescription,
                                              guint               phase_index);
/* The volume to draw up (dose ÷ strength, or the clinic's teaching when
 * the strength is not known), with a hidden warning label returned in
 * *@volume_warning that _set_site() fills when the volume is above the
 * chosen site's typical maximum. @prescription may be NULL. */
GtkWidget *cobalt_wizard_draw_up_detail_new  (CobaltPrescription  *prescription,
                                              guint                phase_index,
                                              GtkLabel           **volume_warning);
void       cobalt_wizard_draw_up_detail_set_site (GtkLabel             *volume_warning,
                                                  CobaltPrescription   *prescription,
                                                  guint                 phase_index,
                                                  const CobaltSiteInfo *site);
/* The batch and expiry of @ampoule (NULL: none recorded). When @expired,
 * what to do instead, never an override: take an in-date ampoule (the
 * "Check Supplies again" button, returned in *@recheck_button for the
 * caller to connect) or stop (a button for "wizard.stop"); else
 * *@recheck_button is NULL. */
GtkWidget *cobalt_wizard_expiry_detail_new   (CobaltSupplyItem   *ampoule,
                                              gboolean            expired,
                                              GtkWidget         **recheck_button);
/* Needle, angle, swab and notes from @prescription (may be NULL); the
 * chosen site's landmark goes into *@site_label (see below). */
GtkWidget *cobalt_wizard_inject_detail_new   (CobaltPrescription *prescription,
                                              GtkLabel          **site_label);
void       cobalt_wizard_inject_detail_set_site (GtkLabel             *site_label,
                                                 const CobaltSiteInfo *site);
/* "Contact <clinic> on <phone>..." for the stopped page. */
char      *cobalt_wizard_describe_clinic     (CobaltPerson *person);
/* The emergency signs of the reaction catalogue as one paragraph. */
char       *cobalt_wizard_urgent_signs       (void);

/* Shared between cobalt-checklist-wizard.c (the flow) and
 * cobalt-checklist-wizard-dose.c (logging the dose). */
struct _CobaltChecklistWizard
{
  GtkWidget            parent_instance;

  CobaltContext       *context;
  CobaltRepository    *repository;     /* the context's (it never changes them) */
  CobaltClock         *clock;          /* the context's */
  CobaltPerson        *person;         /* whose run this is, whoever the context turns to */

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
  GtkLabel            *volume_warning_label; /* on the draw-up step */
  GtkWidget           *expiry_recheck_button; /* on the expiry step, while the batch is expired */
  GPtrArray           *reason_checks;  /* CobaltChoiceButton (radio), borrowed */
  GtkWidget           *aftercare;
  guint                syncing : 1;
  guint                logging : 1;    /* inside _finish(): a second Finish is ignored */

  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkStack            *outer_stack;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *step_stack;
  GtkButton           *next_button;
  GtkButton           *back_button;
  GtkButton           *stop_button;
  GtkBox              *reason_box;
  GtkEntry            *reason_entry;
  GtkLabel            *reason_error_label;
  GtkWidget           *stop_help;      /* CobaltUrgentHelp, shown at once on "Stop" */
  GtkWidget           *stop_confirm_button;
  GtkLabel            *stopped_clinic_label;
  GtkLabel            *stopped_urgent_heading;
  GtkLabel            *stopped_urgent_signs;
  GtkWidget           *stopped_close_button;
  GtkBox              *aftercare_box;
  GtkLabel            *logged_label;
  GtkWidget           *undo_button;

  /* The early-dose guard (cobalt-checklist-wizard-timing.c). */
  GtkWidget           *timing_page;
  GtkWidget           *timing_notice;  /* CobaltDoseTimingNotice */
  GtkWidget           *timing_go_on_button;
  GtkWidget           *timing_back_button;
  gboolean             timing_finishing;   /* asked before logging, not before starting */
  gboolean             timing_confirmed;   /* the person chose to go on, for this logging */
  CobaltDoseException  timing_exceptions;  /* why, for the dose about to be logged */
  char                *timing_note;
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
/* Reads the supplies again for an in-date ampoule (the expiry step's
 * "Check Supplies again"); TRUE when the batch is now in date. */
gboolean cobalt_checklist_wizard_recheck_ampoule (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_finish          (CobaltChecklistWizard *self);
void     cobalt_checklist_wizard_undo            (CobaltChecklistWizard *self);
/* Starts (or takes up) the run and shows its steps; @open_error is why
 * the open run could not be read, if so (owned, may be NULL). */
void     cobalt_checklist_wizard_begin           (CobaltChecklistWizard *self,
                                                  GError                *open_error);

/* The early-dose guard: TRUE when a dose given now would be neither early
 * nor extra (or the person already chose to go on); else shows the
 * "timing" page, which goes on with _begin() (@finishing FALSE) or
 * _finish() (@finishing TRUE) only on "My clinic told me to give it now". */
gboolean cobalt_checklist_wizard_check_timing    (CobaltChecklistWizard *self,
                                                  gboolean               finishing);
void     cobalt_checklist_wizard_class_init_timing (GtkWidgetClass      *widget_class);
void     cobalt_checklist_wizard_dispose_timing  (CobaltChecklistWizard *self);

G_END_DECLS
