/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-sharps-bin.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltSharpsBin, cobalt_sharps_bin, G_TYPE_OBJECT)

static void
cobalt_sharps_bin_finalize (GObject *object)
{
  CobaltSharpsBin *self = (CobaltSharpsBin *)object;

  g_clear_pointer (&self->replaced_on, g_date_free);

  G_OBJECT_CLASS (cobalt_sharps_bin_parent_class)->finalize (object);
}

static void
cobalt_sharps_bin_class_init (CobaltSharpsBinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_sharps_bin_finalize;
}

static void
cobalt_sharps_bin_init (CobaltSharpsBin *self)
{
}

CobaltSharpsBin *
cobalt_sharps_bin_new (gint64 person_id,
                       guint  capacity)
{
  CobaltSharpsBin *self = g_object_new (COBALT_TYPE_SHARPS_BIN, NULL);

  self->person_id = person_id;
  self->capacity = capacity;
  return self;
}

void
cobalt_sharps_bin_add_dose (CobaltSharpsBin *self)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));

  if (self->fill < G_MAXUINT)
    self->fill = self->fill + 1;
}

void
cobalt_sharps_bin_replace (CobaltSharpsBin *self,
                           const GDate     *day)
{
  g_return_if_fail (COBALT_IS_SHARPS_BIN (self));
  self->fill = 0;
  cobalt_set_date (&self->replaced_on, day);
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
