/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SUPPLY_ITEM (cobalt_supply_item_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSupplyItem, cobalt_supply_item, COBALT, SUPPLY_ITEM, GObject)

/* One stock entry: a box of ampoules of one batch, a pack of needles...
 * Properties: id, person-id, kind (CobaltSupplyKind), product
 * (CobaltProduct; meaningful for ampoules), name (free text: brand, or
 * "23 G 25 mm" for needles; may be NULL), strength-amount and
 * strength-unit (ampoules: per mL, mg or mcg; 0 = not known, required to
 * save an ampoule), strength-text (the free text of older versions, kept
 * for display; may be NULL), batch (lot; required for ampoules), expiry
 * (GDate, may be NULL = none printed), received-on (GDate, may be NULL),
 * count (units left), note. */

CobaltSupplyItem *cobalt_supply_item_new              (gint64           person_id,
                                                       CobaltSupplyKind kind,
                                                       int              count);
CobaltSupplyItem *cobalt_supply_item_copy             (CobaltSupplyItem *self);

gint64            cobalt_supply_item_get_id           (CobaltSupplyItem *self);
void              cobalt_supply_item_set_id           (CobaltSupplyItem *self, gint64 id);
gint64            cobalt_supply_item_get_person_id    (CobaltSupplyItem *self);
void              cobalt_supply_item_set_person_id    (CobaltSupplyItem *self, gint64 person_id);
CobaltSupplyKind  cobalt_supply_item_get_kind         (CobaltSupplyItem *self);
void              cobalt_supply_item_set_kind         (CobaltSupplyItem *self, CobaltSupplyKind kind);
CobaltProduct     cobalt_supply_item_get_product      (CobaltSupplyItem *self);
void              cobalt_supply_item_set_product      (CobaltSupplyItem *self, CobaltProduct product);
const char       *cobalt_supply_item_get_name         (CobaltSupplyItem *self);
void              cobalt_supply_item_set_name         (CobaltSupplyItem *self, const char *name);
double            cobalt_supply_item_get_strength_amount (CobaltSupplyItem *self);
void              cobalt_supply_item_set_strength_amount (CobaltSupplyItem *self, double amount);
CobaltDoseUnit    cobalt_supply_item_get_strength_unit   (CobaltSupplyItem *self);
void              cobalt_supply_item_set_strength_unit   (CobaltSupplyItem *self, CobaltDoseUnit unit);
const char       *cobalt_supply_item_get_strength_text   (CobaltSupplyItem *self);
void              cobalt_supply_item_set_strength_text   (CobaltSupplyItem *self, const char *text);
const char       *cobalt_supply_item_get_batch        (CobaltSupplyItem *self);
void              cobalt_supply_item_set_batch        (CobaltSupplyItem *self, const char *batch);
GDate            *cobalt_supply_item_get_expiry       (CobaltSupplyItem *self); /* borrowed, may be NULL */
void              cobalt_supply_item_set_expiry       (CobaltSupplyItem *self, const GDate *expiry);
GDate            *cobalt_supply_item_get_received_on  (CobaltSupplyItem *self); /* borrowed, may be NULL */
void              cobalt_supply_item_set_received_on  (CobaltSupplyItem *self, const GDate *date);
/* Signed so that a form's negative entry can be refused by validate. */
int               cobalt_supply_item_get_count        (CobaltSupplyItem *self);
void              cobalt_supply_item_set_count        (CobaltSupplyItem *self, int count);
const char       *cobalt_supply_item_get_note         (CobaltSupplyItem *self);
void              cobalt_supply_item_set_note         (CobaltSupplyItem *self, const char *note);

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
