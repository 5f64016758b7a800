/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-record-types.h"
#include "cobalt-prescription.h"
#include "cobalt-supply-item.h"
#include "cobalt-sharps-bin.h"

G_BEGIN_DECLS

/* Supplies arithmetic: pure functions of (items, prescription, doses, bin,
 * now, zone). One dose uses one unit of every supply kind. */

#define COBALT_SUPPLY_EXPIRY_WARNING_DAYS 14

typedef struct
{
  CobaltSupplyWarningKind kind;
  char                   *message;      /* translated sentence */
  gint64                  item_id;      /* the supply item concerned, 0 if none */
  CobaltSupplyKind        supply_kind;  /* LOW_STOCK/EXPIR*: the kind concerned */
} CobaltSupplyWarning;

#define COBALT_TYPE_SUPPLY_WARNING (cobalt_supply_warning_get_type ())
GType                cobalt_supply_warning_get_type (void) G_GNUC_CONST;
CobaltSupplyWarning *cobalt_supply_warning_new      (CobaltSupplyWarningKind  kind,
                                                     CobaltSupplyKind         supply_kind,
                                                     gint64                   item_id,
                                                     const char              *message);
CobaltSupplyWarning *cobalt_supply_warning_copy     (const CobaltSupplyWarning *warning);
void                 cobalt_supply_warning_free     (CobaltSupplyWarning       *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltSupplyWarning, cobalt_supply_warning_free)

typedef struct
{
  /* Per CobaltSupplyKind: does the person keep stock of it (any item of
   * that kind recorded), and how many units are unexpired today. */
  gboolean  tracked[COBALT_N_SUPPLY_KINDS];
  guint     usable[COBALT_N_SUPPLY_KINDS];
  /* min(usable) over the tracked kinds; 0 when nothing is tracked. */
  guint     doses_covered;
  /* Days from today until the first projected due date that is not
   * covered (one unit of each tracked kind, unexpired on that day); 0 when
   * the next dose is not covered; -1 when unknown (no prescription or
   * nothing tracked). */
  int       days_left;
  GDate     runs_out_on;   /* that first uncovered due date; invalid when days_left < 0 */
  gboolean  beyond_horizon; /* every projected dose was covered: days_left is a lower bound */
  GPtrArray *warnings;     /* CobaltSupplyWarning, most pressing first */
} CobaltSupplyStatus;

#define COBALT_TYPE_SUPPLY_STATUS (cobalt_supply_status_get_type ())
GType               cobalt_supply_status_get_type (void) G_GNUC_CONST;
CobaltSupplyStatus *cobalt_supply_status_copy     (const CobaltSupplyStatus *status);
void                cobalt_supply_status_free     (CobaltSupplyStatus       *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltSupplyStatus, cobalt_supply_status_free)

/* @items: GListModel of CobaltSupplyItem (the person's); @prescription may
 * be NULL (no days-left, no low-stock warning; every ampoule counts); only
 * ampoules that cobalt_supplies_match() @prescription count as stock; @doses: CobaltDose history
 * (may be NULL); @bin may be NULL; @lead_time_days: warn of low stock when
 * days_left <= this. Warnings: low stock, expired batch (with units left),
 * batch expiring within COBALT_SUPPLY_EXPIRY_WARNING_DAYS or before the next
 * due date, sharps bin at ¾. */
CobaltSupplyStatus *cobalt_supplies_compute       (GListModel         *items,
                                                   CobaltPrescription *prescription,
                                                   GPtrArray          *doses,
                                                   CobaltSharpsBin    *bin,
                                                   GDateTime          *now,
                                                   GTimeZone          *tz,
                                                   guint               lead_time_days);

/* Whether @item is stock for @prescription. Ampoules must be of the
 * prescribed product and strength (compared per mL across units: 1 mg/mL
 * is 1000 mcg/mL); other kinds, and anything when @prescription is NULL,
 * match. */
typedef enum
{
  COBALT_SUPPLY_MATCH_YES,              /* counts as stock */
  COBALT_SUPPLY_MATCH_OTHER_PRODUCT,    /* e.g. hydroxocobalamin for a cyanocobalamin prescription */
  COBALT_SUPPLY_MATCH_OTHER_STRENGTH,
  COBALT_SUPPLY_MATCH_UNKNOWN_STRENGTH, /* the batch's or the prescription's strength is not a number yet */
} CobaltSupplyMatch;

CobaltSupplyMatch   cobalt_supplies_match         (CobaltSupplyItem   *item,
                                                   CobaltPrescription *prescription);

/* The ampoule a dose uses: the item of @batch when @batch is non-empty
 * (NULL if no ampoule of that batch has units left: a dose from someone
 * else's stock must not use up the person's; the named batch is what was
 * used, whatever it is), else the earliest-expiring ampoule usable on
 * @today that is stock for @prescription (may be NULL: any ampoule).
 * Borrowed from @items, or NULL. */
CobaltSupplyItem   *cobalt_supplies_pick_ampoule  (GListModel         *items,
                                                   CobaltPrescription *prescription,
                                                   const char         *batch,
                                                   const GDate        *today);
/* Earliest-expiring item of @kind usable on @today (items without expiry
 * last, then oldest received). Borrowed, or NULL. */
CobaltSupplyItem   *cobalt_supplies_pick_item     (GListModel       *items,
                                                   CobaltSupplyKind  kind,
                                                   const GDate      *today);

/* Translated storage advice for @product (CLINICAL.md "Storage and
 * sharps"), ending with "Follow your clinic's instructions". */
const char         *cobalt_supplies_storage_advice (CobaltProduct product);
/* Translated sharps-bin advice. */
const char         *cobalt_supplies_sharps_advice  (void);

G_END_DECLS
