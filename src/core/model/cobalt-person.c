/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-person.h"
#include "cobalt-clinical.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltPerson, cobalt_person, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-person-error-quark, cobalt_person_error)

static void
cobalt_person_finalize (GObject *object)
{
  CobaltPerson *self = (CobaltPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date_of_birth, g_date_free);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);
  g_clear_pointer (&self->emergency_number, g_free);
  g_clear_pointer (&self->urgent_number, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (cobalt_person_parent_class)->finalize (object);
}

static void
cobalt_person_class_init (CobaltPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_person_finalize;
}

static void
cobalt_person_init (CobaltPerson *self)
{
}

CobaltPerson *
cobalt_person_new (const char *name)
{
  CobaltPerson *self = g_object_new (COBALT_TYPE_PERSON, NULL);

  self->name = g_strdup (name);
  return self;
}

const char *
cobalt_person_get_emergency_number (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  if (self->emergency_number == NULL || *self->emergency_number == '\0')
    return cobalt_default_emergency_number ();

  return self->emergency_number;
}

/* NULL or "" goes back to the locale's default. */
void
cobalt_person_set_emergency_number (CobaltPerson *self,
                                    const char   *number)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (number != NULL && *number == '\0')
    number = NULL;

  cobalt_set_str (&self->emergency_number, number);
}

void
cobalt_person_set_archived (CobaltPerson *self,
                            gboolean      archived)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  archived = !!archived;
  if (self->archived == archived)
    return;

  self->archived = archived;
}

gboolean
cobalt_person_validate (CobaltPerson  *self,
                        GError       **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (COBALT_IS_PERSON (self), FALSE);

  name = g_strstrip (g_strdup (self->name != NULL ? self->name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, COBALT_PERSON_ERROR, COBALT_PERSON_ERROR_INVALID,
                           _("Enter the person’s name."));
      return FALSE;
    }

  if (self->date_of_birth != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
      if (g_date_compare (self->date_of_birth, &today) > 0)
        {
          g_set_error_literal (error, COBALT_PERSON_ERROR, COBALT_PERSON_ERROR_INVALID,
                               _("The date of birth is in the future."));
          return FALSE;
        }
    }

  return TRUE;
}

