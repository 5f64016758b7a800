/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-record-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SUPPLY_ITEM (cobalt_supply_item_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSupplyItem, cobalt_supply_item, COBALT, SUPPLY_ITEM, GObject)

/* One stock entry: a box of ampoules of one batch, a pack of needles... */
struct _CobaltSupplyItem
{
  GObject           parent_instance;

  gint64            id;
  gint64            person_id;
  CobaltSupplyKind  kind;
  CobaltProduct     product;         /* meaningful for ampoules */
  char             *name;            /* brand, or "23 G 25 mm" for needles; may be NULL */
  char             *strength_text;   /* the free text of older versions, for display; may be NULL */
  /* Ampoules: per mL, mg or mcg; 0 = not known, required to save an ampoule. */
  double            strength_amount;
  CobaltDoseUnit    strength_unit;
  char             *batch;           /* lot; required for ampoules */
  GDate            *expiry;          /* may be NULL: none printed */
  GDate            *received_on;     /* may be NULL */
  int               count;           /* units left; signed so validate() can refuse a negative entry */
  char             *note;
};

CobaltSupplyItem *cobalt_supply_item_new              (gint64           person_id,
                                                       CobaltSupplyKind kind,
                                                       int              count);
CobaltSupplyItem *cobalt_supply_item_copy             (CobaltSupplyItem *self);

/* The expiry day is the last usable day: expired once @today is after it.
 * Items without an expiry never expire. */
gboolean          cobalt_supply_item_is_expired       (CobaltSupplyItem *self, const GDate *today);
/* Not expired on @day and at least one left. */
gboolean          cobalt_supply_item_is_usable_on     (CobaltSupplyItem *self, const GDate *day);

/* FALSE with COBALT_SUPPLY_ERROR_INVALID: negative count or more than
 * 10 000, a date that is not real, expiry before received-on, and for an
 * ampoule an unknown medicine, empty batch or no numeric strength. */
gboolean          cobalt_supply_item_validate         (CobaltSupplyItem *self, GError **error);

/* Translated "Ampoules", "Injecting needles", ... */
const char       *cobalt_supply_kind_to_string        (CobaltSupplyKind kind);

G_END_DECLS
