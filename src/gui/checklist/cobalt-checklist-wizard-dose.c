/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checklist wizard's dose half: what it reads before the run (the
 * prescription, the due dose, the ampoule) and logging, showing and
 * undoing the dose at the end. */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-checklist-wizard-private.h"
#include "cobalt-core.h"
#include "cobalt-journey-util.h"
#include "cobalt-site-picker.h"
static void
get_today (CobaltChecklistWizard *self,
           GDate                 *today)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

/* The ampoule the dose will use: the earliest-expiring usable one of the
 * prescribed product and strength, as logging will pick; when only expired
 * ones are left, the earliest of those so the expiry step can refuse it.
 * A box of another product or strength is never offered. */
static void
pick_ampoule (CobaltChecklistWizard *self,
              GListModel            *items)
{
  GDate today;
  CobaltSupplyItem *usable;
  CobaltSupplyItem *expired = NULL;
  guint n = g_list_model_get_n_items (items);

  get_today (self, &today);
  usable = cobalt_supplies_pick_ampoule (items, self->prescription, NULL, &today);
  if (usable != NULL)
    {
      self->ampoule = g_object_ref (usable);
      self->ampoule_expired = FALSE;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);
      GDate *expiry = item->expiry;

      if (item->kind != COBALT_SUPPLY_AMPOULE ||
          item->count <= 0 || expiry == NULL ||
          cobalt_supplies_match (item, self->prescription) != COBALT_SUPPLY_MATCH_YES)
        continue;
      if (expired == NULL || g_date_compare (expiry, expired->expiry) < 0)
        expired = item;
    }

  if (expired != NULL)
    {
      self->ampoule = g_object_ref (expired);
      self->ampoule_expired = TRUE;
    }
}

void
cobalt_checklist_wizard_load_context (CobaltChecklistWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  gint64 person_id = self->person->id;

  self->prescription = cobalt_repository_get_prescription (self->repository, person_id, &error);
  if (error == NULL && self->prescription != NULL)
    doses = cobalt_repository_list_schedule_doses (self->repository, person_id, &error);
  if (doses != NULL)
    {
      g_autoptr(CobaltDueInfo) due = cobalt_schedule_next_due (self->prescription, doses, now,
                                                               cobalt_clock_get_timezone (self->clock));
      self->phase_index = due->phase_index;
      self->amount = due->amount;
    }
  else if (self->prescription != NULL)
    self->amount = self->prescription->amount;

  if (error == NULL)
    items = cobalt_repository_list_supply_items (self->repository, person_id, &error);
  if (items != NULL)
    pick_ampoule (self, items);

  if (error != NULL)
    cobalt_checklist_wizard_show_error (self, _("Some details could not be read."), error);
}

gboolean
cobalt_checklist_wizard_recheck_ampoule (CobaltChecklistWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  int index = cobalt_checklist_run_find_step (self->run, COBALT_STEP_CHECK_EXPIRY);
  CobaltChecklistStepPage *page = NULL;
  GtkWidget *detail;

  if (index >= 0 && (guint) index < self->pages->len)
    page = g_ptr_array_index (self->pages, index);

  items = cobalt_repository_list_supply_items (self->repository, self->person->id, &error);
  if (items == NULL)
    {
      cobalt_checklist_wizard_show_error (self, _("Supplies could not be read."), error);
      return FALSE;
    }

  g_clear_object (&self->ampoule);
  self->ampoule_expired = FALSE;
  pick_ampoule (self, items);
  if (self->ampoule_expired)
    {
      if (page != NULL)
        cobalt_checklist_step_page_set_message (page, _("Supplies still has no in-date ampoule of this medicine."));
      return FALSE;
    }

  /* An in-date batch: this is the ampoule the dose will name. */
  cobalt_checklist_run_set_expiry_blocked (self->run, FALSE);
  if (page != NULL)
    {
      self->expiry_recheck_button = NULL;
      detail = cobalt_wizard_expiry_detail_new (self->ampoule, FALSE, &self->expiry_recheck_button);
      cobalt_checklist_step_page_set_detail (page, detail);
      cobalt_checklist_step_page_set_message (page, NULL);
    }
  cobalt_checklist_wizard_sync (self);
  /* The button that had the focus is gone with the old detail. */
  cobalt_checklist_wizard_focus_current (self);

  return TRUE;
}

static void
on_aftercare_done_cb (CobaltAftercarePage   *page,
                      CobaltChecklistWizard *self)
{
  g_signal_emit_by_name (self, "close");
}

static void
show_logged (CobaltChecklistWizard *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  g_autoptr(CobaltStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  const CobaltSiteInfo *site = cobalt_site_catalogue_lookup (self->dose->site_id);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *time = g_date_time_format (self->dose->given_at, "%H:%M");

  if (site != NULL)
    {
      const char *name = cobalt_site_info_get_name (site);
      /* Mid-sentence the catalogue's "Left outer thigh" reads as a name
       * with a stray capital: lower the first letter only. */
      g_autofree char *first = g_utf8_strdown (name, g_utf8_next_char (name) - name);
      g_autofree char *lowered = g_strconcat (first, g_utf8_next_char (name), NULL);

      /* Translators: first %s is a time of day, second the site, e.g.
       * "Dose logged at 09:15 — left outer thigh." (a dash, not brackets:
       * some site names end in brackets, "left upper arm (deltoid)") */
      g_string_append_printf (text, _("Dose logged at %s — %s."), time, lowered);
    }
  else
    /* Translators: %s is a time of day */
    g_string_append_printf (text, _("Dose logged at %s."), time);

  status = cobalt_status_compute (self->repository, self->person, now, &error);
  if (status != NULL && cobalt_status_get_due (status) != NULL)
    {
      const GDate *due = &cobalt_status_get_due (status)->due_date;
      g_autofree char *date = cobalt_journey_format_date (due);
      GDate today;
      int days;

      get_today (self, &today);
      days = g_date_days_between (&today, due);
      g_string_append_c (text, ' ');
      if (days == 1)
        /* Translators: %s is a date, e.g. "Next dose: 3 May 2025, tomorrow." */
        g_string_append_printf (text, _("Next dose: %s, tomorrow."), date);
      else if (days > 1)
        /* Translators: %s is a date, %d a number of days */
        g_string_append_printf (text, ngettext ("Next dose: %s, in %d day.", "Next dose: %s, in %d days.", days),
                                date, days);
      else
        /* Translators: %s is a date */
        g_string_append_printf (text, _("Next dose: %s."), date);
    }

  gtk_label_set_text (self->logged_label, text->str);
  /* Selectable so that it can hold the focus: see below. */
  gtk_label_set_selectable (self->logged_label, TRUE);

  if (self->aftercare == NULL)
    {
      self->aftercare = cobalt_aftercare_page_new (self->context, self->person,
                                                   self->dose->id);
      gtk_widget_set_vexpand (self->aftercare, TRUE);
      g_signal_connect_object (self->aftercare, "done", G_CALLBACK (on_aftercare_done_cb), self, 0);
      gtk_box_append (self->aftercare_box, self->aftercare);
    }

  /* Undo stays, with no time limit, until the person leaves this page:
   * a timer that hid it moved the focus onto the first reaction tick. */
  gtk_widget_set_visible (self->undo_button, TRUE);
  cobalt_checklist_wizard_set_page (self, "aftercare");
  cobalt_checklist_wizard_sync (self);

  /* A second Enter or Space after "Finish and log the dose" must land
   * somewhere harmless: never on Undo, never on a reaction. The sentence
   * that says the dose was logged is read out, and Enter or Space there
   * does nothing. */
  if (gtk_widget_grab_focus (GTK_WIDGET (self->logged_label)))
    gtk_label_select_region (self->logged_label, 0, 0);
}

void
cobalt_checklist_wizard_finish (CobaltChecklistWizard *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GError) error = NULL;
  const char *site_id = self->picker != NULL ? cobalt_site_picker_get_selected_site_id (self->picker) : NULL;

  /* A second Finish while the first is being logged (a handler of the
   * repository's ::changed runs before this returns), or after it, logs
   * nothing. */
  if (self->logging || self->dose != NULL || !cobalt_checklist_run_can_finish (self->run))
    return;
  /* Early or extra: only on the person's explicit choice, asked again
   * now (cobalt-checklist-wizard-timing.c). */
  if (!cobalt_checklist_wizard_check_timing (self, TRUE))
    return;

  /* The run becomes a dose in core; the repository refuses one from an
   * expired batch (there is no override). */
  dose = cobalt_dose_new_from_run (self->run, self->prescription, self->amount, site_id, self->ampoule,
                                   self->timing_exceptions, self->timing_note, now);

  /* add_dose completes the stored run in the same transaction; on failure
   * nothing changed and the person can simply try again. */
  self->logging = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", FALSE);
  if (!cobalt_repository_add_dose (self->repository, dose, &error))
    {
      self->logging = FALSE;
      cobalt_checklist_wizard_show_error (self, _("The dose was not logged."), error);
      cobalt_checklist_wizard_sync (self);
      return;
    }
  self->logging = FALSE;
  cobalt_checklist_wizard_hide_error (self);

  if (cobalt_checklist_run_is_open (self->run))
    cobalt_checklist_run_finish (self->run, now, NULL);
  cobalt_checklist_run_set_dose_id (self->run, dose->id);

  g_set_object (&self->dose, dose);
  cobalt_checklist_wizard_notify_changed (self, FALSE);
  show_logged (self);
}

/* Undo: one transaction in the repository marks the dose deleted (the
 * log keeps it, restorable), gives back the supplies and the sharps-bin
 * place it took, and reopens its run; the wizard then shows that run again
 * at its last step, every tick kept. */
void
cobalt_checklist_wizard_undo (CobaltChecklistWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltChecklistRun) reopened = NULL;

  if (self->dose == NULL)
    return;

  if (!cobalt_repository_undo_dose (self->repository, self->dose->id, &error))
    {
      cobalt_checklist_wizard_show_error (self, _("The dose could not be removed."), error);
      return;
    }
  g_clear_object (&self->dose);
  if (self->aftercare != NULL)
    {
      gtk_box_remove (self->aftercare_box, self->aftercare);
      self->aftercare = NULL;
    }

  reopened = cobalt_repository_get_open_checklist_run (self->repository,
                                                       self->person->id, &error);
  if (reopened != NULL && cobalt_checklist_run_get_id (reopened) == cobalt_checklist_run_get_id (self->run))
    {
      cobalt_checklist_run_set_expiry_blocked (reopened, self->ampoule_expired);
      g_set_object (&self->run, reopened);
    }
  else
    /* The dose is gone either way; the stored run resumes from Today. */
    cobalt_checklist_wizard_show_error (self, _("The dose was removed, but the checklist could not be reopened here. Start it again from Today to carry on."),
                                        error);

  cobalt_checklist_wizard_notify_changed (self, TRUE);
  cobalt_checklist_wizard_set_page (self, "steps");
  cobalt_checklist_wizard_sync (self);
  cobalt_checklist_wizard_focus_current (self);
}
