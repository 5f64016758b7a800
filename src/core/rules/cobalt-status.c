/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-status.h"
#include "cobalt-rotation.h"

struct _CobaltStatus
{
  GObject              parent_instance;

  CobaltPerson        *person;
  GDateTime           *now;
  CobaltPrescription  *prescription;
  CobaltDueInfo       *due;
  const CobaltSiteInfo *site;
  char                *site_reason;
  char                *dose_text;
  char                *relative_text;
  CobaltSupplyStatus  *supplies;
  GPtrArray           *no_warnings;
  GPtrArray           *resting;
  guint                n_doses;
  GDateTime           *next_change;
};

G_DEFINE_FINAL_TYPE (CobaltStatus, cobalt_status, G_TYPE_OBJECT)

static GDateTime *
next_local_midnight (GDateTime *now)
{
  g_autoptr(GDateTime) today = g_date_time_new (g_date_time_get_timezone (now),
                                                g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now),
                                                0, 0, 0);

  /* Calendar days, not 24 hours: a daylight-saving day is 23 or 25 h. */
  return g_date_time_add_days (today, 1);
}

static void
consider_boundary (GDateTime **best,
                   GDateTime  *now,
                   GDateTime  *candidate)
{
  if (candidate == NULL || g_date_time_compare (candidate, now) <= 0)
    return;

  if (*best == NULL || g_date_time_compare (candidate, *best) < 0)
    {
      g_clear_pointer (best, g_date_time_unref);
      *best = g_date_time_ref (candidate);
    }
}

/* Only marks still in effect on sites the person may use matter to
 * Today: a resting site the clinic never enabled is no loss. */
static void
collect_resting (CobaltStatus *self,
                 GPtrArray    *doses,
                 GPtrArray    *resting)
{
  g_autoptr(GPtrArray) usages = cobalt_rotation_get_usage (self->prescription, doses, resting, self->now);

  for (guint i = 0; i < usages->len; i++)
    {
      const CobaltSiteUsage *usage = g_ptr_array_index (usages, i);

      if (usage->state == COBALT_SITE_STATE_RESTING && usage->resting != NULL)
        g_ptr_array_add (self->resting, cobalt_resting_site_copy (usage->resting));
    }
}

static void
cobalt_status_finalize (GObject *object)
{
  CobaltStatus *self = (CobaltStatus *)object;

  g_clear_object (&self->person);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->prescription);
  g_clear_pointer (&self->due, cobalt_due_info_free);
  g_clear_pointer (&self->site_reason, g_free);
  g_clear_pointer (&self->dose_text, g_free);
  g_clear_pointer (&self->relative_text, g_free);
  g_clear_pointer (&self->supplies, cobalt_supply_status_free);
  g_clear_pointer (&self->no_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->resting, g_ptr_array_unref);
  g_clear_pointer (&self->next_change, g_date_time_unref);

  G_OBJECT_CLASS (cobalt_status_parent_class)->finalize (object);
}

static void
cobalt_status_class_init (CobaltStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cobalt_status_finalize;
}

static void
cobalt_status_init (CobaltStatus *self)
{
  self->resting = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_resting_site_free);
}

CobaltStatus *
cobalt_status_compute (CobaltRepository *repository,
                       CobaltPerson     *person,
                       GDateTime        *now,
                       GError          **error)
{
  return cobalt_status_compute_full (repository, person, now, COBALT_STATUS_REORDER_LEAD_DAYS, error);
}

CobaltStatus *
cobalt_status_compute_full (CobaltRepository *repository,
                            CobaltPerson     *person,
                            GDateTime        *now,
                            guint             lead_days,
                            GError          **error)
{
  g_autoptr(CobaltStatus) self = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GPtrArray) schedule_doses = NULL;
  g_autoptr(GPtrArray) resting = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(CobaltSharpsBin) bin = NULL;
  g_autoptr(GError) local_error = NULL;
  GTimeZone *tz;
  gint64 person_id;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COBALT_TYPE_STATUS, NULL);
  self->person = g_object_ref (person);
  self->now = g_date_time_ref (now);
  tz = g_date_time_get_timezone (now);
  person_id = person->id;

  self->prescription = cobalt_repository_get_prescription (repository, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Doses not given on the clinic's advice count for the schedule only:
   * never for supplies, site rotation or the number of doses given. */
  if (!(schedule_doses = cobalt_repository_list_schedule_doses (repository, person_id, error)))
    return NULL;
  doses = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < schedule_doses->len; i++)
    if (cobalt_dose_is_given (g_ptr_array_index (schedule_doses, i)))
      g_ptr_array_add (doses, g_object_ref (g_ptr_array_index (schedule_doses, i)));
  self->n_doses = doses->len;

  if (!(resting = cobalt_repository_list_resting_sites (repository, person_id, error)))
    return NULL;
  if (!(items = cobalt_repository_list_supply_items (repository, person_id, error)))
    return NULL;

  bin = cobalt_repository_get_sharps_bin (repository, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->prescription != NULL)
    {
      self->due = cobalt_schedule_next_due (self->prescription, schedule_doses, now, tz);
      self->dose_text = cobalt_prescription_describe_dose (self->prescription, self->due->phase_index);
      self->relative_text = cobalt_schedule_describe_due (self->due, now);
      self->site = cobalt_rotation_suggest (self->prescription, doses, resting, now, &self->site_reason);
      collect_resting (self, doses, resting);
    }

  /* The supplies only project the due dates from the history. */
  self->supplies = cobalt_supplies_compute (items, self->prescription, schedule_doses, bin, now, tz, lead_days);

  {
    g_autoptr(GDateTime) midnight = next_local_midnight (now);

    consider_boundary (&self->next_change, now, midnight);
    if (self->due != NULL)
      {
        consider_boundary (&self->next_change, now, self->due->due_at);
        consider_boundary (&self->next_change, now, self->due->overdue_at);
      }
  }

  return g_steal_pointer (&self);
}

CobaltPerson *
cobalt_status_get_person (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->person;
}

GDateTime *
cobalt_status_get_now (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->now;
}

CobaltPrescription *
cobalt_status_get_prescription (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->prescription;
}

const CobaltDueInfo *
cobalt_status_get_due (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->due;
}

CobaltDoseStatus
cobalt_status_get_dose_status (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), COBALT_DOSE_STATUS_NONE);
  return self->due != NULL ? self->due->status : COBALT_DOSE_STATUS_NONE;
}

const CobaltSiteInfo *
cobalt_status_get_site (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->site;
}

const char *
cobalt_status_get_site_reason (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->site_reason;
}

const char *
cobalt_status_get_dose_text (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->dose_text;
}

const char *
cobalt_status_get_relative_text (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->relative_text;
}

GPtrArray *
cobalt_status_get_resting_sites (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);

  return self->resting;
}

GPtrArray *
cobalt_status_get_warnings (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);

  if (self->supplies != NULL && self->supplies->warnings != NULL)
    return self->supplies->warnings;

  if (self->no_warnings == NULL)
    self->no_warnings = g_ptr_array_new ();
  return self->no_warnings;
}

guint
cobalt_status_get_n_doses (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), 0);
  return self->n_doses;
}

GDateTime *
cobalt_status_get_next_change (CobaltStatus *self)
{
  g_return_val_if_fail (COBALT_IS_STATUS (self), NULL);
  return self->next_change;
}

const char *
cobalt_dose_status_to_string (CobaltDoseStatus status)
{
  switch (status)
    {
    case COBALT_DOSE_STATUS_UPCOMING:
      return _("Upcoming");
    case COBALT_DOSE_STATUS_DUE:
      return _("Due");
    case COBALT_DOSE_STATUS_OVERDUE:
      return _("Overdue");
    case COBALT_DOSE_STATUS_NONE:
    default:
      return _("No prescription");
    }
}
