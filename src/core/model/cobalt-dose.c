/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltDose, cobalt_dose, G_TYPE_OBJECT)

static void
cobalt_dose_finalize (GObject *object)
{
  CobaltDose *self = (CobaltDose *)object;

  g_clear_pointer (&self->given_at, g_date_time_unref);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->site_id, g_free);
  g_clear_pointer (&self->batch, g_free);
  g_clear_pointer (&self->expiry, g_date_free);
  g_clear_pointer (&self->given_by_name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->advised_by, g_free);
  g_clear_pointer (&self->moved_to, g_date_free);
  g_clear_pointer (&self->exception_note, g_free);

  G_OBJECT_CLASS (cobalt_dose_parent_class)->finalize (object);
}

static void
cobalt_dose_class_init (CobaltDoseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_dose_finalize;
}

static void
cobalt_dose_init (CobaltDose *self)
{
  self->amount = 1.0;
  self->unit = COBALT_DOSE_UNIT_MG;
  self->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  self->given_by = COBALT_GIVEN_BY_SELF;
}

CobaltDose *
cobalt_dose_new (void)
{
  return g_object_new (COBALT_TYPE_DOSE, NULL);
}

/* A copy with the same id: editing a copy and saving it updates the same
 * log entry. */
CobaltDose *
cobalt_dose_copy (CobaltDose *self)
{
  CobaltDose *copy;

  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  copy = cobalt_dose_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->prescription_id = self->prescription_id;
  if (self->given_at != NULL)
    copy->given_at = g_date_time_ref (self->given_at);
  copy->timezone = g_strdup (self->timezone);
  copy->site_id = g_strdup (self->site_id);
  copy->amount = self->amount;
  copy->unit = self->unit;
  copy->product = self->product;
  copy->batch = g_strdup (self->batch);
  if (self->expiry != NULL)
    copy->expiry = g_date_copy (self->expiry);
  copy->given_by = self->given_by;
  copy->given_by_name = g_strdup (self->given_by_name);
  copy->checklist_run_id = self->checklist_run_id;
  copy->notes = g_strdup (self->notes);
  copy->kind = self->kind;
  copy->advised_by = g_strdup (self->advised_by);
  if (self->moved_to != NULL)
    copy->moved_to = g_date_copy (self->moved_to);
  copy->exceptions = self->exceptions;
  copy->exception_note = g_strdup (self->exception_note);

  return copy;
}

void
cobalt_dose_set_given_at (CobaltDose *self,
                          GDateTime  *given_at)
{
  const char *identifier = NULL;

  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->given_at == given_at)
    return;
  if (self->given_at != NULL && given_at != NULL &&
      g_date_time_equal (self->given_at, given_at) &&
      g_strcmp0 (self->timezone,
                 g_time_zone_get_identifier (g_date_time_get_timezone (given_at))) == 0)
    return;

  g_clear_pointer (&self->given_at, g_date_time_unref);
  if (given_at != NULL)
    {
      self->given_at = g_date_time_ref (given_at);
      identifier = g_time_zone_get_identifier (g_date_time_get_timezone (given_at));
    }
  cobalt_set_str (&self->timezone, identifier);
}

const char *
cobalt_dose_get_timezone (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->timezone != NULL ? self->timezone : "UTC";
}

gboolean
cobalt_dose_is_given (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), FALSE);

  return self->kind == COBALT_DOSE_KIND_GIVEN;
}

int
cobalt_dose_compare_given_at (gconstpointer a,
                              gconstpointer b)
{
  CobaltDose *dose_a = *(CobaltDose * const *) a;
  CobaltDose *dose_b = *(CobaltDose * const *) b;

  /* Undated entries sort first; equal instants by id so the order is stable. */
  if (dose_a->given_at == NULL || dose_b->given_at == NULL)
    {
      if (dose_a->given_at != dose_b->given_at)
        return dose_a->given_at == NULL ? -1 : 1;
    }
  else
    {
      int cmp = g_date_time_compare (dose_a->given_at, dose_b->given_at);

      if (cmp != 0)
        return cmp;
    }

  return (dose_a->id > dose_b->id) - (dose_a->id < dose_b->id);
}

const char *
cobalt_given_by_to_string (CobaltGivenBy given_by)
{
  switch (given_by)
    {
    case COBALT_GIVEN_BY_SELF:
      return _("Self");
    case COBALT_GIVEN_BY_CARER:
      return _("Carer");
    case COBALT_GIVEN_BY_CLINIC:
      return _("Clinic");
    default:
      return "?";
    }
}

char *
cobalt_dose_describe_not_given (CobaltDose *self)
{
  const char *who;

  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  /* No name: sentences of their own ("the clinic" put into the sentence
   * for a name cannot take its case in other languages). */
  who = self->advised_by != NULL && *self->advised_by != '\0' ? self->advised_by : NULL;

  switch (self->kind)
    {
    case COBALT_DOSE_KIND_SKIPPED:
      if (who == NULL)
        return g_strdup (_("Not given — skipped on the advice of the clinic"));
      /* Translators: %s is who advised it, "Dr Rao" */
      return g_strdup_printf (_("Not given — skipped on the advice of %s"), who);

    case COBALT_DOSE_KIND_MOVED:
      if (self->moved_to != NULL && g_date_valid (self->moved_to))
        {
          char day[64];

          /* Translators: a day in a sentence, g_date_strftime() syntax: "Friday 16 January 2026" */
          if (g_date_strftime (day, sizeof day, _("%A %-d %B %Y"), self->moved_to) == 0)
            g_strlcpy (day, "?", sizeof day);
          if (who == NULL)
            /* Translators: "Not given — moved to Friday 16 January 2026 on the advice of the clinic" */
            return g_strdup_printf (_("Not given — moved to %s on the advice of the clinic"), day);
          /* Translators: "Not given — moved to Friday 16 January 2026 on the advice of Dr Rao" */
          return g_strdup_printf (_("Not given — moved to %s on the advice of %s"), day, who);
        }
      if (who == NULL)
        return g_strdup (_("Not given — moved on the advice of the clinic"));
      /* Translators: %s is who advised it, "Dr Rao" */
      return g_strdup_printf (_("Not given — moved on the advice of %s"), who);

    case COBALT_DOSE_KIND_GIVEN:
    default:
      return NULL;
    }
}
