/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-body-map.h"
#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-checklist-wizard-private.h"
#include "cobalt-choice-button.h"
#include "cobalt-journey-util.h"
#include "cobalt-core.h"
#include "cobalt-site-picker.h"
#include "cobalt-urgent-help.h"
#include "cobalt-wrap-box.h"


G_DEFINE_FINAL_TYPE (CobaltChecklistWizard, cobalt_checklist_wizard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  PROP_RUN,
  PROP_DOSE,
  PROP_PAGE,
  N_PROPS
};

enum {
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static const char *stop_reasons[] = {
  N_("I'm not sure the medicine or the dose is right"),
  N_("The liquid, ampoule or date doesn't look right"),
  N_("I'm not sure about the site or how to inject"),
  N_("I feel unwell, or something hurts"),
  N_("Something else"),
};


void
cobalt_checklist_wizard_show_error (CobaltChecklistWizard *self,
            const char            *prefix,
            const GError          *error)
{
  g_autofree char *sentence = cobalt_journey_describe_error (error);
  g_autofree char *text = NULL;

  text = prefix != NULL ? g_strdup_printf ("%s %s", prefix, sentence) : g_steal_pointer (&sentence);
  gtk_label_set_text (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
cobalt_checklist_wizard_hide_error (CobaltChecklistWizard *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

void
cobalt_checklist_wizard_set_page (CobaltChecklistWizard *self,
          const char            *name)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), name) == 0)
    return;

  gtk_stack_set_visible_child_name (self->outer_stack, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}




gboolean
cobalt_checklist_wizard_save_run (CobaltChecklistWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!cobalt_repository_save_checklist_run (self->repository, self->run, &error))
    {
      /* The run in memory keeps the change; the next save retries it. */
      cobalt_checklist_wizard_show_error (self, _("Your progress could not be saved."), error);
      return FALSE;
    }

  cobalt_checklist_wizard_hide_error (self);
  return TRUE;
}

/* The site is part of the run, stored with it, so that resuming after a
 * restart keeps it. */
static void
remember_site (CobaltChecklistWizard *self,
               const char            *site_id)
{
  g_autoptr(GError) error = NULL;

  /* A finished run keeps the site it was finished with (the dose has it). */
  if (!cobalt_checklist_run_is_open (self->run) ||
      g_strcmp0 (cobalt_checklist_run_get_site_id (self->run), site_id) == 0)
    return;

  if (!cobalt_checklist_run_set_site_id (self->run, site_id, &error))
    cobalt_checklist_wizard_show_error (self, _("The chosen site could not be saved."), error);
  else
    cobalt_checklist_wizard_save_run (self);
}

static CobaltChecklistStepPage *
current_page (CobaltChecklistWizard *self)
{
  guint current;

  /* No run yet while the early-dose guard waits for an answer. */
  if (self->run == NULL)
    return NULL;

  current = cobalt_checklist_run_get_current_step (self->run);

  if (current >= self->pages->len)
    return NULL;

  return g_ptr_array_index (self->pages, current);
}

void
cobalt_checklist_wizard_focus_current (CobaltChecklistWizard *self)
{
  CobaltChecklistStepPage *page = current_page (self);

  if (page == NULL)
    return;

  if (g_str_equal (cobalt_checklist_step_page_get_kind (page), COBALT_STEP_CHOOSE_SITE) &&
      self->picker != NULL && !cobalt_checklist_run_is_step_ticked (self->run, cobalt_checklist_step_page_get_index (page)))
    {
      const char *id = cobalt_site_picker_get_selected_site_id (self->picker);
      GtkWidget *map = cobalt_site_picker_get_map (self->picker);
      GtkWidget *button;

      if (id == NULL)
        id = cobalt_site_picker_get_suggested_site_id (self->picker);
      button = id != NULL ? cobalt_body_map_get_button (COBALT_BODY_MAP (map), id) : NULL;
      if (button != NULL && gtk_widget_grab_focus (button))
        return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (cobalt_checklist_step_page_get_check (page)));
}

/* Refuses a tick the step is not ready for, with the reason on the page. */
static gboolean
step_ready (CobaltChecklistWizard   *self,
            CobaltChecklistStepPage *page)
{
  const char *kind = cobalt_checklist_step_page_get_kind (page);

  if (g_str_equal (kind, COBALT_STEP_CHOOSE_SITE) && self->picker != NULL &&
      cobalt_site_picker_get_selected_site_id (self->picker) == NULL)
    {
      cobalt_checklist_step_page_set_message (page, _("Choose a site first: the suggested one is marked with a star."));
      return FALSE;
    }

  /* No override: an in-date ampoule ("Check Supplies again") or stop. */
  if (g_str_equal (kind, COBALT_STEP_CHECK_EXPIRY) && self->ampoule_expired)
    {
      cobalt_checklist_step_page_set_message (page, _("This batch has expired, so this step cannot be ticked. Take an in-date ampoule and check Supplies again, or stop without injecting."));
      return FALSE;
    }

  cobalt_checklist_step_page_set_message (page, NULL);
  return TRUE;
}

static void
on_step_check_toggled_cb (GtkToggleButton       *check,
                          CobaltChecklistWizard *self)
{
  GtkWidget *page_widget = gtk_widget_get_ancestor (GTK_WIDGET (check), COBALT_TYPE_CHECKLIST_STEP_PAGE);
  CobaltChecklistStepPage *page = COBALT_CHECKLIST_STEP_PAGE (page_widget);
  guint index = cobalt_checklist_step_page_get_index (page);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->syncing)
    return;

  if (gtk_toggle_button_get_active (check))
    ok = step_ready (self, page) && cobalt_checklist_run_tick (self->run, index, now, &error);
  else
    ok = cobalt_checklist_run_untick (self->run, index, &error);

  if (!ok)
    {
      if (error != NULL)
        cobalt_checklist_step_page_set_message (page, error->message);
    }
  else
    cobalt_checklist_wizard_save_run (self);

  cobalt_checklist_wizard_sync (self);
}

/* Enter on a ticked step: the next step, or on the last one the Finish
 * button, so that logging the dose stays a press of its own. */
static void
on_step_move_on_cb (CobaltChecklistStepPage *page,
                    CobaltChecklistWizard   *self)
{
  guint index = cobalt_checklist_step_page_get_index (page);

  if (!cobalt_checklist_run_is_open (self->run) ||
      index != cobalt_checklist_run_get_current_step (self->run))
    return;

  if (index + 1 < cobalt_checklist_run_get_n_steps (self->run))
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
on_picker_site_selected_cb (CobaltSitePicker      *picker,
                            const char            *site_id,
                            CobaltChecklistWizard *self)
{
  int index = cobalt_checklist_run_find_step (self->run, COBALT_STEP_CHOOSE_SITE);

  remember_site (self, site_id);
  if (self->inject_site_label != NULL)
    cobalt_wizard_inject_detail_set_site (self->inject_site_label, cobalt_site_catalogue_lookup (site_id));
  if (self->volume_warning_label != NULL)
    cobalt_wizard_draw_up_detail_set_site (self->volume_warning_label, self->prescription, self->phase_index,
                                           cobalt_site_catalogue_lookup (site_id));
  if (index >= 0 && (guint) index < self->pages->len)
    {
      CobaltChecklistStepPage *page = g_ptr_array_index (self->pages, index);

      cobalt_checklist_step_page_set_message (page, NULL);
      /* Choosing is the point of the step: let the tick follow it so the
       * keyboard path is one Enter shorter; the person can still untick. */
      if (!cobalt_checklist_run_is_step_ticked (self->run, index) &&
          cobalt_checklist_run_get_current_step (self->run) == (guint) index)
        gtk_toggle_button_set_active (cobalt_checklist_step_page_get_check (page), TRUE);
    }
}

static GtkWidget *
build_detail (CobaltChecklistWizard *self,
              const char            *kind)
{
  if (g_str_equal (kind, COBALT_STEP_CONFIRM_MEDICINE))
    return cobalt_wizard_medicine_detail_new (self->prescription, self->phase_index);

  if (g_str_equal (kind, COBALT_STEP_CHECK_EXPIRY))
    {
      GtkWidget *detail = cobalt_wizard_expiry_detail_new (self->ampoule, self->ampoule_expired,
                                                           &self->expiry_recheck_button);

      if (self->expiry_recheck_button != NULL)
        g_signal_connect_swapped (self->expiry_recheck_button, "clicked",
                                  G_CALLBACK (cobalt_checklist_wizard_recheck_ampoule), self);
      return detail;
    }

  if (g_str_equal (kind, COBALT_STEP_CHOOSE_SITE) && self->picker == NULL)
    {
      GtkWidget *picker = cobalt_site_picker_new (self->context, self->person);

      self->picker = COBALT_SITE_PICKER (picker);
      g_signal_connect_object (picker, "site-selected", G_CALLBACK (on_picker_site_selected_cb), self, 0);
      return picker;
    }

  if (g_str_equal (kind, COBALT_STEP_INJECT) && self->inject_site_label == NULL)
    return cobalt_wizard_inject_detail_new (self->prescription, &self->inject_site_label);

  if (g_str_equal (kind, COBALT_STEP_DRAW_UP) && self->volume_warning_label == NULL)
    return cobalt_wizard_draw_up_detail_new (self->prescription, self->phase_index, &self->volume_warning_label);

  return NULL;
}

static void
restore_site (CobaltChecklistWizard *self)
{
  g_autofree char *site_id = NULL;
  int index;

  if (self->picker == NULL)
    return;

  /* A copy: selecting it in the picker stores it in the run again. */
  site_id = g_strdup (cobalt_checklist_run_get_site_id (self->run));
  index = cobalt_checklist_run_find_step (self->run, COBALT_STEP_CHOOSE_SITE);

  if (site_id != NULL && *site_id != '\0' && cobalt_site_picker_set_selected_site_id (self->picker, site_id))
    {
      if (self->inject_site_label != NULL)
        cobalt_wizard_inject_detail_set_site (self->inject_site_label, cobalt_site_catalogue_lookup (site_id));
      if (self->volume_warning_label != NULL)
        cobalt_wizard_draw_up_detail_set_site (self->volume_warning_label, self->prescription, self->phase_index,
                                               cobalt_site_catalogue_lookup (site_id));
      return;
    }

  /* A ticked site step without a site (lost, or no longer enabled) must
   * be done again rather than logging a dose without a site. */
  if (index >= 0 && cobalt_checklist_run_is_step_ticked (self->run, index) && cobalt_checklist_run_is_open (self->run))
    {
      cobalt_checklist_run_untick (self->run, index, NULL);
      cobalt_checklist_wizard_save_run (self);
    }
}

static void
build_pages (CobaltChecklistWizard *self)
{
  guint n = cobalt_checklist_run_get_n_steps (self->run);

  for (guint i = 0; i < n; i++)
    {
      const char *kind = cobalt_checklist_run_get_step_kind (self->run, i);
      GtkWidget *page = cobalt_checklist_step_page_new (i, kind,
                                                        cobalt_checklist_run_get_step_title (self->run, i),
                                                        cobalt_checklist_run_get_step_explanation (self->run, i));
      GtkWidget *detail = build_detail (self, kind);
      g_autofree char *name = g_strdup_printf ("step-%u", i);

      if (detail != NULL)
        cobalt_checklist_step_page_set_detail (COBALT_CHECKLIST_STEP_PAGE (page), detail);
      g_signal_connect (cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (page)),
                        "toggled", G_CALLBACK (on_step_check_toggled_cb), self);
      g_signal_connect (page, "move-on", G_CALLBACK (on_step_move_on_cb), self);
      gtk_stack_add_named (self->step_stack, page, name);
      g_ptr_array_add (self->pages, page);
    }

  if (self->ampoule_expired)
    cobalt_checklist_run_set_expiry_blocked (self->run, TRUE);

  restore_site (self);
}

void
cobalt_checklist_wizard_sync (CobaltChecklistWizard *self)
{
  guint n = cobalt_checklist_run_get_n_steps (self->run);
  guint current = cobalt_checklist_run_get_current_step (self->run);
  gboolean open = cobalt_checklist_run_is_open (self->run);
  gboolean last = n == 0 || current + 1 >= n;
  g_autofree char *progress = NULL;
  g_autofree char *name = NULL;

  self->syncing = TRUE;
  for (guint i = 0; i < self->pages->len; i++)
    {
      CobaltChecklistStepPage *page = g_ptr_array_index (self->pages, i);
      GtkToggleButton *check = cobalt_checklist_step_page_get_check (page);

      gtk_toggle_button_set_active (check, cobalt_checklist_run_is_step_ticked (self->run, i));
      gtk_widget_set_sensitive (GTK_WIDGET (check), open);
    }
  self->syncing = FALSE;

  /* Translators: wizard progress, "Step 3 of 10" */
  progress = g_strdup_printf (_("Step %u of %u"), MIN (current + 1, MAX (n, 1)), MAX (n, 1));
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n > 0 ? (double) cobalt_checklist_run_get_n_ticked (self->run) / n : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);

  name = g_strdup_printf ("step-%u", current);
  if (current < self->pages->len)
    gtk_stack_set_visible_child_name (self->step_stack, name);

  gtk_button_set_label (self->next_button, last ? _("_Finish and log the dose") : _("_Next"));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->next_button));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", open && current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 open && (last ? cobalt_checklist_run_can_finish (self->run)
                                               : cobalt_checklist_run_is_step_ticked (self->run, current)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.tick", open && current < self->pages->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.stop", open);
  /* Undo lasts as long as the aftercare page is shown (then the Log). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.undo", cobalt_checklist_wizard_get_can_undo (self));
}






void
cobalt_checklist_wizard_notify_changed (CobaltChecklistWizard *self,
                                        gboolean               run_changed)
{
  if (run_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSE]);
}

static void
wizard_tick_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);
  CobaltChecklistStepPage *page = current_page (self);
  GtkToggleButton *check;

  if (page == NULL)
    return;

  check = cobalt_checklist_step_page_get_check (page);
  gtk_toggle_button_set_active (check, !gtk_toggle_button_get_active (check));
}

static void
wizard_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);
  guint n = cobalt_checklist_run_get_n_steps (self->run);
  guint current = cobalt_checklist_run_get_current_step (self->run);
  g_autoptr(GError) error = NULL;

  if (n == 0 || current + 1 >= n)
    {
      cobalt_checklist_wizard_finish (self);
      return;
    }

  if (!cobalt_checklist_run_go_next (self->run, &error))
    {
      cobalt_checklist_step_page_set_message (current_page (self), error->message);
      return;
    }

  cobalt_checklist_wizard_save_run (self);
  cobalt_checklist_wizard_sync (self);
  cobalt_checklist_wizard_focus_current (self);
}

static void
wizard_back_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);

  if (!cobalt_checklist_run_go_back (self->run, NULL))
    return;

  cobalt_checklist_wizard_save_run (self);
  cobalt_checklist_wizard_sync (self);
  cobalt_checklist_wizard_focus_current (self);
}

static void
wizard_stop_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);

  if (!cobalt_checklist_run_is_open (self->run))
    return;

  /* The urgent signs and this person's numbers at once; why they stop is
   * asked below them, and may be left out. */
  cobalt_urgent_help_set_person (COBALT_URGENT_HELP (self->stop_help), self->person);
  for (guint i = 0; i < self->reason_checks->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->reason_checks, i), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  cobalt_journey_set_field_error (self->reason_error_label, NULL);
  cobalt_checklist_wizard_set_page (self, "stop");
  /* Enter stops at once; the button is outside the scrolled part, so the
   * help stays in view. */
  gtk_widget_grab_focus (self->stop_confirm_button);
}

static void
wizard_undo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cobalt_checklist_wizard_undo (COBALT_CHECKLIST_WIZARD (widget));
}

static void
wizard_close_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
on_error_dismiss_clicked_cb (GtkButton             *button,
                             CobaltChecklistWizard *self)
{
  cobalt_checklist_wizard_hide_error (self);
}

static void
on_stop_cancel_clicked_cb (GtkButton             *button,
                           CobaltChecklistWizard *self)
{
  cobalt_checklist_wizard_set_page (self, "steps");
  cobalt_checklist_wizard_focus_current (self);
}

static void
on_stop_confirm_clicked_cb (GtkButton             *button,
                            CobaltChecklistWizard *self)
{
  cobalt_checklist_wizard_confirm_stop (self);
}

static void
on_reason_entry_activate_cb (GtkEntry              *entry,
                             CobaltChecklistWizard *self)
{
  cobalt_checklist_wizard_confirm_stop (self);
}

static void
cobalt_checklist_wizard_constructed (GObject *object)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (object);
  g_autoptr(GError) error = NULL;
  gint64 person_id;

  G_OBJECT_CLASS (cobalt_checklist_wizard_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL && self->person != NULL);

  self->repository = cobalt_context_get_repository (self->context);
  self->clock = cobalt_context_get_clock (self->context);
  person_id = self->person->id;

  cobalt_checklist_wizard_load_context (self);

  /* Resume the open run (closed window, killed app) before starting one;
   * a new one waits for the early-dose guard's answer when a dose now
   * would be early or extra. */
  self->run = cobalt_repository_get_open_checklist_run (self->repository, person_id, &error);
  if (self->run == NULL && error == NULL && !cobalt_checklist_wizard_check_timing (self, FALSE))
    return;

  cobalt_checklist_wizard_begin (self, g_steal_pointer (&error));
}

void
cobalt_checklist_wizard_begin (CobaltChecklistWizard *self,
                               GError                *open_error)
{
  g_autoptr(GError) error = open_error;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  gint64 person_id = self->person->id;

  if (self->run == NULL && error == NULL)
    self->run = cobalt_repository_start_checklist_run (self->repository, person_id, now, &error);
  if (self->run == NULL)
    {
      g_autoptr(GListModel) steps = cobalt_checklist_default_steps ();

      /* Still let the person go through the steps; saving will retry. */
      cobalt_checklist_wizard_show_error (self, _("The checklist could not be started."), error);
      self->run = cobalt_checklist_run_new (person_id, steps, now);
    }

  build_pages (self);
  cobalt_checklist_wizard_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
}

static void
cobalt_checklist_wizard_map (GtkWidget *widget)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (widget);

  GTK_WIDGET_CLASS (cobalt_checklist_wizard_parent_class)->map (widget);

  if (g_strcmp0 (cobalt_checklist_wizard_get_page (self), "timing") == 0 && self->timing_back_button != NULL)
    gtk_widget_grab_focus (self->timing_back_button);
  else if (g_strcmp0 (cobalt_checklist_wizard_get_page (self), "aftercare") == 0)
    {
      /* Shown again after logging: the same harmless place, never Undo. */
      if (gtk_widget_grab_focus (GTK_WIDGET (self->logged_label)))
        gtk_label_select_region (self->logged_label, 0, 0);
    }
  else
    cobalt_checklist_wizard_focus_current (self);
}

static void
cobalt_checklist_wizard_dispose (GObject *object)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_CHECKLIST_WIZARD);
  cobalt_journey_unparent_children (GTK_WIDGET (self));
  self->picker = NULL;
  self->aftercare = NULL;
  self->inject_site_label = NULL;
  self->volume_warning_label = NULL;
  self->expiry_recheck_button = NULL;
  cobalt_checklist_wizard_dispose_timing (self);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->reason_checks, g_ptr_array_unref);

  self->repository = NULL;
  self->clock = NULL;
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->run);
  g_clear_object (&self->prescription);
  g_clear_object (&self->ampoule);
  g_clear_object (&self->dose);

  G_OBJECT_CLASS (cobalt_checklist_wizard_parent_class)->dispose (object);
}

static void
cobalt_checklist_wizard_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_RUN:
      g_value_set_object (value, self->run);
      break;
    case PROP_DOSE:
      g_value_set_object (value, self->dose);
      break;
    case PROP_PAGE:
      g_value_set_string (value, cobalt_checklist_wizard_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checklist_wizard_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CobaltChecklistWizard *self = COBALT_CHECKLIST_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checklist_wizard_class_init (CobaltChecklistWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_checklist_wizard_constructed;
  object_class->dispose = cobalt_checklist_wizard_dispose;
  object_class->get_property = cobalt_checklist_wizard_get_property;
  object_class->set_property = cobalt_checklist_wizard_set_property;
  widget_class->map = cobalt_checklist_wizard_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A run is one person's from start to finish: not the context's person,
   * who may change while the run is open (the window then keeps this
   * wizard for later, and reads whose it is here). */
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUN] =
    g_param_spec_object ("run", NULL, NULL, COBALT_TYPE_CHECKLIST_RUN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSE] =
    g_param_spec_object ("dose", NULL, NULL, COBALT_TYPE_DOSE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "wizard.tick", NULL, wizard_tick_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, wizard_next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, wizard_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.stop", NULL, wizard_stop_action);
  gtk_widget_class_install_action (widget_class, "wizard.undo", NULL, wizard_undo_action);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, wizard_close_action);
  cobalt_checklist_wizard_class_init_timing (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "wizard.next", NULL);
  /* Plain Enter reaches here only when the focused control did not use it
   * (a tick, a label): then it means "next". */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "wizard.undo", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/checklist/cobalt-checklist-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, step_stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stop_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, reason_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, reason_error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stop_help);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stop_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stopped_clinic_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stopped_urgent_heading);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stopped_urgent_signs);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, stopped_close_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, aftercare_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, logged_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistWizard, undo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_error_dismiss_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_entry_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklistwizard");
}

static void
cobalt_checklist_wizard_init (CobaltChecklistWizard *self)
{
  GtkToggleButton *group = NULL;

  g_type_ensure (COBALT_TYPE_SITE_PICKER);
  g_type_ensure (COBALT_TYPE_URGENT_HELP);
  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new ();
  self->reason_checks = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (stop_reasons); i++)
    {
      /* Radio buttons that assistive technology can choose (GTK 4.8
       * gives check buttons no AT-SPI action). */
      GtkWidget *choice = g_object_new (COBALT_TYPE_CHOICE_BUTTON,
                                        "radio", TRUE,
                                        "label", _(stop_reasons[i]),
                                        NULL);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (choice), group);
      else
        group = GTK_TOGGLE_BUTTON (choice);
      gtk_box_append (self->reason_box, choice);
      g_ptr_array_add (self->reason_checks, choice);
    }

  /* Translated, "Stop — I'm not sure", "Finish and log the dose" and
   * "Stop and don't inject" are wider than a 360 px screen allows beside
   * their neighbours: they wrap instead. */
  cobalt_journey_wrap_button_label (self->stop_button);
  cobalt_journey_wrap_button_label (self->back_button);
  cobalt_journey_wrap_button_label (self->next_button);
  cobalt_journey_wrap_button_label (GTK_BUTTON (self->stop_confirm_button));
  cobalt_journey_wrap_button_label (GTK_BUTTON (self->stopped_close_button));

  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

GtkWidget *
cobalt_checklist_wizard_new (CobaltContext *context,
                             CobaltPerson  *person)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_CHECKLIST_WIZARD,
                       "context", context,
                       "person", person,
                       NULL);
}

CobaltChecklistRun *
cobalt_checklist_wizard_get_run (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);

  return self->run;
}

CobaltDose *
cobalt_checklist_wizard_get_dose (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);

  return self->dose;
}

const char *
cobalt_checklist_wizard_get_page (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->outer_stack);
}

GtkWidget *
cobalt_checklist_wizard_get_step_page (CobaltChecklistWizard *self,
                                       guint                  index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return g_ptr_array_index (self->pages, index);
}

GtkWidget *
cobalt_checklist_wizard_get_site_picker (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);

  return GTK_WIDGET (self->picker);
}

GtkWidget *
cobalt_checklist_wizard_get_aftercare (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), NULL);

  return self->aftercare;
}

void
cobalt_checklist_wizard_set_stop_reason (CobaltChecklistWizard *self,
                                         guint                  preset,
                                         const char            *text)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_WIZARD (self));
  g_return_if_fail (preset < self->reason_checks->len);

  gtk_toggle_button_set_active (g_ptr_array_index (self->reason_checks, preset), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), text != NULL ? text : "");
}

gboolean
cobalt_checklist_wizard_confirm_stop (CobaltChecklistWizard *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *clinic = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *signs = NULL;
  const char *preset = NULL;
  guint last = self->reason_checks->len - 1;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), FALSE);

  for (guint i = 0; i < self->reason_checks->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->reason_checks, i)))
      preset = i == last ? NULL : _(stop_reasons[i]);

  /* No reason is a reason too: the run keeps none ("No reason given"). */
  detail = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  cobalt_journey_set_field_error (self->reason_error_label, NULL);

  if (preset != NULL && *detail != '\0')
    reason = g_strdup_printf ("%s: %s", preset, detail);
  else
    reason = g_strdup (preset != NULL ? preset : detail);

  now = cobalt_clock_get_now (self->clock);
  if (!cobalt_checklist_run_abort (self->run, reason, now, &error))
    {
      cobalt_journey_set_field_error (self->reason_error_label, error->message);
      return FALSE;
    }
  /* The advice below matters more than the record: show it even when the
   * save failed (the error bar says so). */
  cobalt_checklist_wizard_save_run (self);

  clinic = cobalt_wizard_describe_clinic (self->person);
  gtk_label_set_text (self->stopped_clinic_label, clinic);
  heading = cobalt_clinical_triage_heading (COBALT_TRIAGE_EMERGENCY, self->person);
  gtk_label_set_text (self->stopped_urgent_heading, heading);
  signs = cobalt_wizard_urgent_signs ();
  gtk_label_set_text (self->stopped_urgent_signs, signs);

  /* Not the first focusable, the selectable contact line, where the stack
   * would move the focus: focusing it selects (highlights) all its text. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (self)), NULL);
  cobalt_checklist_wizard_set_page (self, "stopped");
  cobalt_checklist_wizard_sync (self);
  gtk_widget_grab_focus (self->stopped_close_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);

  return TRUE;
}

gboolean
cobalt_checklist_wizard_get_can_undo (CobaltChecklistWizard *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_WIZARD (self), FALSE);

  /* No timer: until the person leaves the aftercare page. */
  return self->dose != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->outer_stack), "aftercare") == 0;
}

static void
on_window_wizard_close_cb (CobaltChecklistWizard *wizard,
                           GtkWindow             *window)
{
  gtk_window_destroy (window);
}

GtkWindow *
cobalt_checklist_wizard_window_new (GtkWindow     *parent,
                                    CobaltContext *context,
                                    CobaltPerson  *person)
{
  GtkWidget *window;
  GtkWidget *wizard;
  g_autofree char *title = NULL;

  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  window = gtk_window_new ();
  /* Translators: window title, %s is the person's name */
  title = g_strdup_printf (_("Checklist — %s"), person->name);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 720);
  /* The same header bar as every other Cobalt window. */
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }

  wizard = cobalt_checklist_wizard_new (context, person);
  g_signal_connect_object (wizard, "close", G_CALLBACK (on_window_wizard_close_cb), window, 0);
  gtk_window_set_child (GTK_WINDOW (window), wizard);
  cobalt_journey_close_on_escape (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
