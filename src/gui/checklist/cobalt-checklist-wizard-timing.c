/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist's early-dose guard (CLINICAL.md "Missed dose"). Before a
 * new run starts, and again before "Finish and log the dose", a dose given
 * now that would be early (more than a day before its due date) or extra
 * (a second one that day) stops on the "timing" page: it says when the last
 * dose was given and when the next is due, and goes on only on "My clinic
 * told me to give it now". The reasons go with the dose as exception flags,
 * with who at the clinic said so as its note. The rules themselves are in
 * core (cobalt-dose-timing.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checklist-wizard-private.h"
#include "cobalt-dose-timing-notice.h"
#include "cobalt-journey-util.h"
#include "cobalt-wrap-box.h"

static const char *step_actions[] = {
  "wizard.tick", "wizard.next", "wizard.back", "wizard.stop",
};

static void
set_step_actions_enabled (CobaltChecklistWizard *self,
                          gboolean               enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), step_actions[i], enabled);
}

static void
ensure_page (CobaltChecklistWizard *self)
{
  GtkWidget *buttons;
  GtkWidget *scrolled;

  if (self->timing_page != NULL)
    return;

  self->timing_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->timing_page, 24);
  gtk_widget_set_margin_bottom (self->timing_page, 24);
  gtk_widget_set_margin_start (self->timing_page, 24);
  gtk_widget_set_margin_end (self->timing_page, 24);

  self->timing_notice = cobalt_dose_timing_notice_new ();
  gtk_widget_set_vexpand (self->timing_notice, TRUE);
  gtk_box_append (GTK_BOX (self->timing_page), self->timing_notice);

  /* At the end, one line when there is room, two when narrow. */
  buttons = cobalt_wrap_box_new (12);
  cobalt_wrap_box_set_pack_end (COBALT_WRAP_BOX (buttons), TRUE);
  self->timing_back_button = gtk_button_new_with_mnemonic (_("_Not now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->timing_back_button), "wizard.timing-back");
  self->timing_go_on_button = gtk_button_new_with_mnemonic (_("My clinic told me to give it _now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->timing_go_on_button), "wizard.timing-go-on");
  gtk_widget_add_css_class (self->timing_go_on_button, "destructive-action");
  cobalt_journey_wrap_button_label (GTK_BUTTON (self->timing_back_button));
  cobalt_journey_wrap_button_label (GTK_BUTTON (self->timing_go_on_button));
  cobalt_wrap_box_append (COBALT_WRAP_BOX (buttons), self->timing_back_button);
  cobalt_wrap_box_append (COBALT_WRAP_BOX (buttons), self->timing_go_on_button);
  gtk_box_append (GTK_BOX (self->timing_page), buttons);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->timing_page);
  gtk_stack_add_named (self->outer_stack, scrolled, "timing");
  cobalt_journey_fix_button_names (self->timing_page);
}

static void
timing_back_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);

  if (!self->timing_finishing || self->run == NULL)
    {
      /* Nothing was started: closing leaves no run behind. */
      g_signal_emit_by_name (self, "close");
      return;
    }

  cobalt_checklist_wizard_set_page (self, "steps");
  cobalt_checklist_wizard_sync (self);
  cobalt_checklist_wizard_focus_current (self);
}

static void
timing_go_on_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);

  g_free (self->timing_note);
  self->timing_note = cobalt_dose_timing_notice_dup_note (COBALT_DOSE_TIMING_NOTICE (self->timing_notice));
  self->timing_confirmed = TRUE;

  if (self->timing_finishing && self->run != NULL)
    {
      cobalt_checklist_wizard_set_page (self, "steps");
      cobalt_checklist_wizard_sync (self);
      cobalt_checklist_wizard_finish (self);
    }
  else
    {
      cobalt_checklist_wizard_begin (self, NULL);
      cobalt_checklist_wizard_set_page (self, "steps");
      cobalt_checklist_wizard_focus_current (self);
    }
  /* Asked again before logging: the run may take a while, and a dose may
   * be logged elsewhere meanwhile. */
  self->timing_confirmed = FALSE;
}

gboolean
cobalt_checklist_wizard_check_timing (CobaltChecklistWizard *self,
                                      gboolean               finishing)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(CobaltDoseTimingInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  doses = cobalt_repository_list_schedule_doses (self->repository, self->person->id, &error);
  if (doses == NULL)
    {
      /* The guard never blocks: without the history it cannot judge. */
      cobalt_checklist_wizard_show_error (self, _("Earlier doses could not be read."), error);
      self->timing_exceptions = COBALT_DOSE_EXCEPTION_NONE;
      return TRUE;
    }

  info = cobalt_dose_timing_check (self->prescription, doses, now, cobalt_clock_get_timezone (self->clock));
  if (info->timing == COBALT_DOSE_TIMING_EXPECTED)
    {
      self->timing_exceptions = COBALT_DOSE_EXCEPTION_NONE;
      g_clear_pointer (&self->timing_note, g_free);
      return TRUE;
    }

  self->timing_exceptions = info->exceptions;
  if (self->timing_confirmed)
    return TRUE;

  ensure_page (self);
  self->timing_finishing = finishing;
  cobalt_dose_timing_notice_set_info (COBALT_DOSE_TIMING_NOTICE (self->timing_notice), info);
  gtk_button_set_use_underline (GTK_BUTTON (self->timing_back_button), TRUE);
  gtk_button_set_label (GTK_BUTTON (self->timing_back_button),
                        finishing ? _("_Back to the checklist") : _("_Not now"));
  cobalt_journey_fix_button_names (self->timing_page);
  set_step_actions_enabled (self, FALSE);
  cobalt_checklist_wizard_set_page (self, "timing");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->timing_back_button);

  return FALSE;
}

void
cobalt_checklist_wizard_class_init_timing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wizard.timing-back", NULL, timing_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.timing-go-on", NULL, timing_go_on_action);
}

void
cobalt_checklist_wizard_dispose_timing (CobaltChecklistWizard *self)
{
  self->timing_page = NULL;
  self->timing_notice = NULL;
  self->timing_go_on_button = NULL;
  self->timing_back_button = NULL;
  g_clear_pointer (&self->timing_note, g_free);
}
