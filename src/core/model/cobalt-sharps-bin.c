/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-sharps-bin.h"
#include "cobalt-record-private.h"

struct _CobaltSharpsBin
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  guint    capacity;
  guint    fill;
  GDate   *replaced_on;
};

G_DEFINE_FINAL_TYPE (CobaltSharpsBin, cobalt_sharps_bin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_CAPACITY,
  PROP_FILL,
  PROP_REPLACED_ON,
  PROP_NEARLY_FULL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cobalt_sharps_bin_finalize (GObject *object)
{
  CobaltSharpsBin *self = (CobaltSharpsBin *)object;

  g_clear_pointer (&self->replaced_on, g_date_free);

  G_OBJECT_CLASS (cobalt_sharps_bin_parent_class)->finalize (object);
}

static void
cobalt_sharps_bin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltSharpsBin *self = COBALT_SHARPS_BIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    case PROP_FILL:
      g_value_set_uint (value, self->fill);
      break;
    case PROP_REPLACED_ON:
      g_value_set_boxed (value, self->replaced_on);
      break;
    case PROP_NEARLY_FULL:
      g_value_set_boolean (value, cobalt_sharps_bin_is_nearly_full (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_sharps_bin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltSharpsBin *self = COBALT_SHARPS_BIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_sharps_bin_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      cobalt_sharps_bin_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_CAPACITY:
      cobalt_sharps_bin_set_capacity (self, g_value_get_uint (value));
      break;
    case PROP_FILL:
      cobalt_sharps_bin_set_fill (self, g_value_get_uint (value));
      break;
    case PROP_REPLACED_ON:
      cobalt_sharps_bin_set_replaced_on (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_sharps_bin_class_init (CobaltSharpsBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_sharps_bin_finalize;
  object_class->get_property = cobalt_sharps_bin_get_property;
  object_class->set_property = cobalt_sharps_bin_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_FILL] =
    g_param_spec_uint ("fill", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_REPLACED_ON] =
    cobalt_record_param_date ("replaced-on", rw);
  properties[PROP_NEARLY_FULL] =
    g_param_spec_boolean ("nearly-full", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_sharps_bin_init (CobaltSharpsBin *self)
{
}

CobaltSharpsBin *
cobalt_sharps_bin_new (gint64 person_id,
                       guint  capacity)
{
  return g_object_new (COBALT_TYPE_SHARPS_BIN,
                       "person-id", person_id,
                       "capacity", capacity,
                       NULL);
}

gint64
cobalt_sharps_bin_get_id (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), 0);
  return self->id;
}

void
cobalt_sharps_bin_set_id (CobaltSharpsBin *self,
                          gint64           id)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_sharps_bin_get_person_id (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), 0);
  return self->person_id;
}

void
cobalt_sharps_bin_set_person_id (CobaltSharpsBin *self,
                                 gint64           person_id)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

guint
cobalt_sharps_bin_get_capacity (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), 0);
  return self->capacity;
}

void
cobalt_sharps_bin_set_capacity (CobaltSharpsBin *self,
                                guint            capacity)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->capacity == capacity)
    return;
  self->capacity = capacity;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEARLY_FULL]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
cobalt_sharps_bin_get_fill (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), 0);
  return self->fill;
}

void
cobalt_sharps_bin_set_fill (CobaltSharpsBin *self,
                            guint            fill)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->fill == fill)
    return;
  self->fill = fill;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEARLY_FULL]);
  g_object_thaw_notify (G_OBJECT (self));
}

GDate *
cobalt_sharps_bin_get_replaced_on (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), NULL);
  return self->replaced_on;
}

void
cobalt_sharps_bin_set_replaced_on (CobaltSharpsBin *self,
                                   const GDate     *date)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (cobalt_record_set_date (&self->replaced_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACED_ON]);
}

void
cobalt_sharps_bin_add_dose (CobaltSharpsBin *self)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->fill < G_MAXUINT)
    cobalt_sharps_bin_set_fill (self, self->fill + 1);
}

void
cobalt_sharps_bin_replace (CobaltSharpsBin *self,
                           const GDate     *day)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  g_object_freeze_notify (G_OBJECT (self));
  cobalt_sharps_bin_set_fill (self, 0);
  cobalt_sharps_bin_set_replaced_on (self, day);
  g_object_thaw_notify (G_OBJECT (self));
}

double
cobalt_sharps_bin_get_fraction (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), 0.0);

  if (self->capacity == 0)
    return 0.0;

  return (double)self->fill / (double)self->capacity;
}

gboolean
cobalt_sharps_bin_is_nearly_full (CobaltSharpsBin *self)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), FALSE);

  if (self->capacity == 0)
    return FALSE;

  /* Integer arithmetic, so exactly ¾ counts (fill line guidance). */
  return (guint64)self->fill * 4 >= (guint64)self->capacity * 3;
}

gboolean
cobalt_sharps_bin_validate (CobaltSharpsBin  *self,
                            GError          **error)
{
  g_return_val_if_fail (COBALT_IS_SHARPS_BIN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->capacity == 0)
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("Enter how many doses’ worth of sharps the bin holds."));
      return FALSE;
    }

  return TRUE;
}
