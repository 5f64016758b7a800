/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-supply-item.h"
#include "cobalt-record.h"
#include "cobalt-strength.h"

/* The most of one item a form accepts (see validate()). */
#define MAX_COUNT 10000

G_DEFINE_FINAL_TYPE (CobaltSupplyItem, cobalt_supply_item, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-supply-error-quark, cobalt_supply_error)

static void
cobalt_supply_item_finalize (GObject *object)
{
  CobaltSupplyItem *self = (CobaltSupplyItem *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->strength_text, g_free);
  g_clear_pointer (&self->batch, g_free);
  g_clear_pointer (&self->expiry, g_date_free);
  g_clear_pointer (&self->received_on, g_date_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cobalt_supply_item_parent_class)->finalize (object);
}

static void
cobalt_supply_item_class_init (CobaltSupplyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_supply_item_finalize;
}

static void
cobalt_supply_item_init (CobaltSupplyItem *self)
{
  /* The same starting point as a new prescription (hydroxocobalamin
   * 1 mg/mL); the batch form starts from the person's prescription. */
  self->kind = COBALT_SUPPLY_AMPOULE;
  self->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  self->strength_amount = 1.0;
  self->strength_unit = COBALT_DOSE_UNIT_MG;
}

CobaltSupplyItem *
cobalt_supply_item_new (gint64           person_id,
                        CobaltSupplyKind kind,
                        int              count)
{
  CobaltSupplyItem *self = g_object_new (COBALT_TYPE_SUPPLY_ITEM, NULL);

  self->person_id = person_id;
  self->kind = kind;
  self->count = count;
  return self;
}

CobaltSupplyItem *
cobalt_supply_item_copy (CobaltSupplyItem *self)
{
  CobaltSupplyItem *copy;

  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);

  copy = cobalt_supply_item_new (self->person_id, self->kind, self->count);
  copy->id = self->id;
  copy->product = self->product;
  copy->name = g_strdup (self->name);
  copy->strength_text = g_strdup (self->strength_text);
  copy->strength_amount = self->strength_amount;
  copy->strength_unit = self->strength_unit;
  copy->batch = g_strdup (self->batch);
  cobalt_set_date (&copy->expiry, self->expiry);
  cobalt_set_date (&copy->received_on, self->received_on);
  copy->note = g_strdup (self->note);
  return copy;
}

gboolean
cobalt_supply_item_is_expired (CobaltSupplyItem *self,
                               const GDate      *today)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return self->expiry != NULL && g_date_compare (today, self->expiry) > 0;
}

gboolean
cobalt_supply_item_is_usable_on (CobaltSupplyItem *self,
                                 const GDate      *day)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), FALSE);

  return self->count > 0 && !cobalt_supply_item_is_expired (self, day);
}

gboolean
cobalt_supply_item_validate (CobaltSupplyItem  *self,
                             GError           **error)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->count < 0)
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("The number left cannot be negative."));
      return FALSE;
    }

  /* Far more than any home keeps (a box of needles is 100): a slip of the
   * keyboard that would hide running out for years. */
  if (self->count > MAX_COUNT)
    {
      g_set_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                   _("The number left, %d, is more than anyone keeps at home: check it."), self->count);
      return FALSE;
    }

  if ((self->expiry != NULL && !g_date_valid (self->expiry)) ||
      (self->received_on != NULL && !g_date_valid (self->received_on)))
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("The expiry date is not a real date."));
      return FALSE;
    }

  if (self->kind == COBALT_SUPPLY_AMPOULE &&
      (self->product < COBALT_PRODUCT_HYDROXOCOBALAMIN || self->product > COBALT_PRODUCT_OTHER))
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("Choose the medicine the ampoules hold."));
      return FALSE;
    }

  if (self->expiry != NULL && self->received_on != NULL &&
      g_date_compare (self->expiry, self->received_on) < 0)
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("The expiry date is before the day it was received. "
                             "Check both dates."));
      return FALSE;
    }

  if (self->kind == COBALT_SUPPLY_AMPOULE)
    {
      g_autofree char *batch = g_strstrip (g_strdup (self->batch != NULL ? self->batch : ""));

      /* The batch is what a recall or a reaction report is traced by. */
      if (*batch == '\0')
        {
          g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                               _("Enter the batch (lot) number printed on the box "
                                 "or ampoule."));
          return FALSE;
        }

      /* Only a batch of the prescribed strength counts as stock, so the
       * strength must be a number to compare. */
      if (!cobalt_strength_is_known (self->strength_amount, self->strength_unit))
        {
          g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                               _("Enter the strength printed on the box: more than "
                                 "zero, in mg or mcg per mL."));
          return FALSE;
        }
    }

  return TRUE;
}

const char *
cobalt_supply_kind_to_string (CobaltSupplyKind kind)
{
  switch (kind)
    {
    case COBALT_SUPPLY_AMPOULE:
      return _("Ampoules");
    case COBALT_SUPPLY_DRAWING_NEEDLE:
      return _("Drawing-up needles");
    case COBALT_SUPPLY_INJECTING_NEEDLE:
      return _("Injecting needles");
    case COBALT_SUPPLY_SYRINGE:
      return _("Syringes");
    case COBALT_SUPPLY_SWAB:
      return _("Swabs");
    case COBALT_SUPPLY_PLASTER:
      return _("Plasters");
    default:
      g_return_val_if_reached (NULL);
    }
}
