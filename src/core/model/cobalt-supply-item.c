/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-supply-item.h"
#include "cobalt-record-private.h"
#include "cobalt-strength.h"

/* The most of one item a form accepts (see validate()). */
#define MAX_COUNT 10000

struct _CobaltSupplyItem
{
  GObject           parent_instance;

  gint64            id;
  gint64            person_id;
  CobaltSupplyKind  kind;
  CobaltProduct     product;
  char             *name;
  char             *strength_text;
  double            strength_amount;
  CobaltDoseUnit    strength_unit;
  char             *batch;
  GDate            *expiry;
  GDate            *received_on;
  int               count;
  char             *note;
};

G_DEFINE_FINAL_TYPE (CobaltSupplyItem, cobalt_supply_item, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-supply-error-quark, cobalt_supply_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_KIND,
  PROP_PRODUCT,
  PROP_NAME,
  PROP_STRENGTH_TEXT,
  PROP_STRENGTH_AMOUNT,
  PROP_STRENGTH_UNIT,
  PROP_BATCH,
  PROP_EXPIRY,
  PROP_RECEIVED_ON,
  PROP_COUNT,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
cobalt_supply_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CobaltSupplyItem *self = COBALT_SUPPLY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PRODUCT:
      g_value_set_enum (value, self->product);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STRENGTH_TEXT:
      g_value_set_string (value, self->strength_text);
      break;
    case PROP_STRENGTH_AMOUNT:
      g_value_set_double (value, self->strength_amount);
      break;
    case PROP_STRENGTH_UNIT:
      g_value_set_enum (value, self->strength_unit);
      break;
    case PROP_BATCH:
      g_value_set_string (value, self->batch);
      break;
    case PROP_EXPIRY:
      g_value_set_boxed (value, self->expiry);
      break;
    case PROP_RECEIVED_ON:
      g_value_set_boxed (value, self->received_on);
      break;
    case PROP_COUNT:
      g_value_set_int (value, self->count);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supply_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CobaltSupplyItem *self = COBALT_SUPPLY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_supply_item_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      cobalt_supply_item_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      cobalt_supply_item_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PRODUCT:
      cobalt_supply_item_set_product (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      cobalt_supply_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_STRENGTH_TEXT:
      cobalt_supply_item_set_strength_text (self, g_value_get_string (value));
      break;
    case PROP_STRENGTH_AMOUNT:
      cobalt_supply_item_set_strength_amount (self, g_value_get_double (value));
      break;
    case PROP_STRENGTH_UNIT:
      cobalt_supply_item_set_strength_unit (self, g_value_get_enum (value));
      break;
    case PROP_BATCH:
      cobalt_supply_item_set_batch (self, g_value_get_string (value));
      break;
    case PROP_EXPIRY:
      cobalt_supply_item_set_expiry (self, g_value_get_boxed (value));
      break;
    case PROP_RECEIVED_ON:
      cobalt_supply_item_set_received_on (self, g_value_get_boxed (value));
      break;
    case PROP_COUNT:
      cobalt_supply_item_set_count (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      cobalt_supply_item_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supply_item_class_init (CobaltSupplyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_supply_item_finalize;
  object_class->get_property = cobalt_supply_item_get_property;
  object_class->set_property = cobalt_supply_item_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COBALT_TYPE_SUPPLY_KIND,
                       COBALT_SUPPLY_AMPOULE, rw);
  properties[PROP_PRODUCT] =
    g_param_spec_enum ("product", NULL, NULL, COBALT_TYPE_PRODUCT,
                       COBALT_PRODUCT_HYDROXOCOBALAMIN, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_STRENGTH_TEXT] =
    g_param_spec_string ("strength-text", NULL, NULL, NULL, rw);
  properties[PROP_STRENGTH_AMOUNT] =
    g_param_spec_double ("strength-amount", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0, rw);
  properties[PROP_STRENGTH_UNIT] =
    g_param_spec_enum ("strength-unit", NULL, NULL, COBALT_TYPE_DOSE_UNIT,
                       COBALT_DOSE_UNIT_MG, rw);
  properties[PROP_BATCH] =
    g_param_spec_string ("batch", NULL, NULL, NULL, rw);
  properties[PROP_EXPIRY] =
    cobalt_record_param_date ("expiry", rw);
  properties[PROP_RECEIVED_ON] =
    cobalt_record_param_date ("received-on", rw);
  /* Signed and unbounded so a form's negative entry reaches validate(). */
  properties[PROP_COUNT] =
    g_param_spec_int ("count", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return g_object_new (COBALT_TYPE_SUPPLY_ITEM,
                       "person-id", person_id,
                       "kind", kind,
                       "count", count,
                       NULL);
}

CobaltSupplyItem *
cobalt_supply_item_copy (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);

  return g_object_new (COBALT_TYPE_SUPPLY_ITEM,
                       "id", self->id,
                       "person-id", self->person_id,
                       "kind", self->kind,
                       "product", self->product,
                       "name", self->name,
                       "strength-text", self->strength_text,
                       "strength-amount", self->strength_amount,
                       "strength-unit", self->strength_unit,
                       "batch", self->batch,
                       "expiry", self->expiry,
                       "received-on", self->received_on,
                       "count", self->count,
                       "note", self->note,
                       NULL);
}

gint64
cobalt_supply_item_get_id (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), 0);
  return self->id;
}

void
cobalt_supply_item_set_id (CobaltSupplyItem *self,
                           gint64            id)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_supply_item_get_person_id (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), 0);
  return self->person_id;
}

void
cobalt_supply_item_set_person_id (CobaltSupplyItem *self,
                                  gint64            person_id)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

CobaltSupplyKind
cobalt_supply_item_get_kind (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), COBALT_SUPPLY_AMPOULE);
  return self->kind;
}

void
cobalt_supply_item_set_kind (CobaltSupplyItem *self,
                             CobaltSupplyKind  kind)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));
  g_return_if_fail ((guint)kind < COBALT_N_SUPPLY_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CobaltProduct
cobalt_supply_item_get_product (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), COBALT_PRODUCT_OTHER);
  return self->product;
}

void
cobalt_supply_item_set_product (CobaltSupplyItem *self,
                                CobaltProduct     product)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->product == product)
    return;
  self->product = product;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
cobalt_supply_item_get_name (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->name;
}

void
cobalt_supply_item_set_name (CobaltSupplyItem *self,
                             const char       *name)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cobalt_supply_item_get_strength_text (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->strength_text;
}

void
cobalt_supply_item_set_strength_text (CobaltSupplyItem *self,
                                      const char       *text)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_str (&self->strength_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_TEXT]);
}

double
cobalt_supply_item_get_strength_amount (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), 0);
  return self->strength_amount;
}

void
cobalt_supply_item_set_strength_amount (CobaltSupplyItem *self,
                                        double            amount)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->strength_amount == amount)
    return;
  self->strength_amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_AMOUNT]);
}

CobaltDoseUnit
cobalt_supply_item_get_strength_unit (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), 0);
  return self->strength_unit;
}

void
cobalt_supply_item_set_strength_unit (CobaltSupplyItem *self,
                                      CobaltDoseUnit    unit)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->strength_unit == unit)
    return;
  self->strength_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_UNIT]);
}

const char *
cobalt_supply_item_get_batch (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->batch;
}

void
cobalt_supply_item_set_batch (CobaltSupplyItem *self,
                              const char       *batch)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_str (&self->batch, batch))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
}

GDate *
cobalt_supply_item_get_expiry (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->expiry;
}

void
cobalt_supply_item_set_expiry (CobaltSupplyItem *self,
                               const GDate      *expiry)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_date (&self->expiry, expiry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY]);
}

GDate *
cobalt_supply_item_get_received_on (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->received_on;
}

void
cobalt_supply_item_set_received_on (CobaltSupplyItem *self,
                                    const GDate      *date)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_date (&self->received_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_ON]);
}

int
cobalt_supply_item_get_count (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), 0);
  return self->count;
}

void
cobalt_supply_item_set_count (CobaltSupplyItem *self,
                              int               count)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

const char *
cobalt_supply_item_get_note (CobaltSupplyItem *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (self), NULL);
  return self->note;
}

void
cobalt_supply_item_set_note (CobaltSupplyItem *self,
                             const char       *note)
{
  g_return_if_fail (COBALT_IS_SUPPLY_ITEM (self));

  if (cobalt_record_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
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
