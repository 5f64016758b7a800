/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-person.h"
#include "cobalt-record-private.h"

struct _CobaltPerson
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  GDate    *date_of_birth;
  char     *clinic_name;
  char     *clinic_phone;
  char     *emergency_number;
  char     *notes;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (CobaltPerson, cobalt_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_CLINIC_NAME,
  PROP_CLINIC_PHONE,
  PROP_EMERGENCY_NUMBER,
  PROP_NOTES,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (cobalt-person-error-quark, cobalt_person_error)

/* The territory part of a locale name: "en_GB.UTF-8@euro" -> "GB". */
static char *
locale_territory (const char *locale)
{
  const char *underscore;
  size_t len;

  if (locale == NULL)
    return NULL;

  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return NULL;

  underscore++;
  len = strcspn (underscore, ".@");
  if (len == 0)
    return NULL;

  return g_ascii_strup (underscore, len);
}

static void
cobalt_person_finalize (GObject *object)
{
  CobaltPerson *self = (CobaltPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date_of_birth, g_date_free);
  g_clear_pointer (&self->clinic_name, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);
  g_clear_pointer (&self->emergency_number, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (cobalt_person_parent_class)->finalize (object);
}

static void
cobalt_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CobaltPerson *self = COBALT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DATE_OF_BIRTH:
      g_value_set_boxed (value, self->date_of_birth);
      break;

    case PROP_CLINIC_NAME:
      g_value_set_string (value, self->clinic_name);
      break;

    case PROP_CLINIC_PHONE:
      g_value_set_string (value, self->clinic_phone);
      break;

    case PROP_EMERGENCY_NUMBER:
      g_value_set_string (value, cobalt_person_get_emergency_number (self));
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CobaltPerson *self = COBALT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      cobalt_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_DATE_OF_BIRTH:
      cobalt_person_set_date_of_birth (self, g_value_get_boxed (value));
      break;

    case PROP_CLINIC_NAME:
      cobalt_person_set_clinic_name (self, g_value_get_string (value));
      break;

    case PROP_CLINIC_PHONE:
      cobalt_person_set_clinic_phone (self, g_value_get_string (value));
      break;

    case PROP_EMERGENCY_NUMBER:
      cobalt_person_set_emergency_number (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      cobalt_person_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      cobalt_person_set_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_person_class_init (CobaltPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_person_finalize;
  object_class->get_property = cobalt_person_get_property;
  object_class->set_property = cobalt_person_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DATE_OF_BIRTH] =
    cobalt_record_param_date ("date-of-birth", flags);
  properties[PROP_CLINIC_NAME] =
    g_param_spec_string ("clinic-name", NULL, NULL, NULL, flags);
  properties[PROP_CLINIC_PHONE] =
    g_param_spec_string ("clinic-phone", NULL, NULL, NULL, flags);
  properties[PROP_EMERGENCY_NUMBER] =
    g_param_spec_string ("emergency-number", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_person_init (CobaltPerson *self)
{
}

CobaltPerson *
cobalt_person_new (const char *name)
{
  return g_object_new (COBALT_TYPE_PERSON, "name", name, NULL);
}

gint64
cobalt_person_get_id (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), 0);

  return self->id;
}

void
cobalt_person_set_id (CobaltPerson *self,
                      gint64        id)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cobalt_person_get_name (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  return self->name;
}

void
cobalt_person_set_name (CobaltPerson *self,
                        const char   *name)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (cobalt_record_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GDate *
cobalt_person_get_date_of_birth (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  return self->date_of_birth;
}

void
cobalt_person_set_date_of_birth (CobaltPerson *self,
                                 const GDate  *date)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (cobalt_record_set_date (&self->date_of_birth, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_OF_BIRTH]);
}

const char *
cobalt_person_get_clinic_name (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  return self->clinic_name;
}

void
cobalt_person_set_clinic_name (CobaltPerson *self,
                               const char   *clinic_name)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (cobalt_record_set_str (&self->clinic_name, clinic_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_NAME]);
}

const char *
cobalt_person_get_clinic_phone (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  return self->clinic_phone;
}

void
cobalt_person_set_clinic_phone (CobaltPerson *self,
                                const char   *clinic_phone)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (cobalt_record_set_str (&self->clinic_phone, clinic_phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLINIC_PHONE]);
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

  if (cobalt_record_set_str (&self->emergency_number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMERGENCY_NUMBER]);
}

const char *
cobalt_person_get_notes (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), NULL);

  return self->notes;
}

void
cobalt_person_set_notes (CobaltPerson *self,
                         const char   *notes)
{
  g_return_if_fail (COBALT_IS_PERSON (self));

  if (cobalt_record_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
cobalt_person_get_archived (CobaltPerson *self)
{
  g_return_val_if_fail (COBALT_IS_PERSON (self), FALSE);

  return self->archived;
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
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

/* The number to call in an emergency, from the telephone locale: the
 * person can always change it in their settings. */
const char *
cobalt_default_emergency_number (void)
{
  static const struct { const char *territory; const char *number; } numbers[] = {
    { "GB", "999" },
    { "US", "911" },
    { "CA", "911" },
    { "AU", "000" },
    { "NZ", "111" },
  };
  const char *variables[] = { "LC_ALL", "LC_TELEPHONE", "LANG" };

  /* LC_ALL overrides LC_TELEPHONE, which overrides LANG (POSIX order). */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);
      g_autofree char *territory = NULL;

      if (value == NULL || *value == '\0')
        continue;

      territory = locale_territory (value);
      if (territory == NULL)
        {
          /* "C", "POSIX", "C.UTF-8": no territory in this variable; an
           * explicit LC_ALL=C says nothing about the country either, so
           * keep looking at the others. */
          continue;
        }

      for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
        {
          if (strcmp (territory, numbers[j].territory) == 0)
            return numbers[j].number;
        }

      return "112";
    }

  return "112";
}
