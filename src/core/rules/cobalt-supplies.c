/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Supplies arithmetic. Pure functions: nothing here reads the clock or the
 * database, so the numbers the Supplies page and the reminders show can be
 * tested against fixed schedules.
 *
 * - One logged dose uses one unit of every supply kind (ampoule, both
 *   needles, syringe, swab, plaster), like cobalt_repository_add_dose().
 * - A kind is "tracked" when the person recorded any item of it; kinds they
 *   never recorded (someone who uses no plasters) do not limit anything.
 * - Only ampoules of the prescribed product and strength are stock for the
 *   prescription (cobalt_supplies_match(): 1 mg/mL is 1000 mcg/mL); a box
 *   of another product or strength is tracked but counts for nothing, so a
 *   hydroxocobalamin box never hides that cyanocobalamin has run out.
 * - usable[kind] counts units not expired today; doses_covered is the
 *   smallest usable count over the tracked kinds.
 * - days_left walks the projected due dates (cobalt_schedule_project) and
 *   hands out units earliest-expiry first; a unit only covers a due date it
 *   has not expired by, so a box expiring next week does not count for next
 *   month's dose. The first due date left uncovered is when supplies run
 *   out; days_left counts calendar days from today to it (0 when the next
 *   dose, even an overdue one, is not covered).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-supplies.h"
#include "cobalt-schedule.h"
#include "cobalt-strength.h"

/* Projecting further than this many doses is pointless for a reorder
 * warning (daily doses: more than a year). */
#define PROJECTION_LIMIT 400

G_DEFINE_BOXED_TYPE (CobaltSupplyWarning, cobalt_supply_warning,
                     cobalt_supply_warning_copy, cobalt_supply_warning_free)
G_DEFINE_BOXED_TYPE (CobaltSupplyStatus, cobalt_supply_status,
                     cobalt_supply_status_copy, cobalt_supply_status_free)

static void
date_of (GDateTime *instant,
         GTimeZone *tz,
         GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date in a supplies warning; see g_date_time_format(). */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Earliest expiry first; no expiry last; then oldest received first. */
static int
compare_items_for_use (gconstpointer a,
                       gconstpointer b)
{
  CobaltSupplyItem *ia = *(CobaltSupplyItem **)a;
  CobaltSupplyItem *ib = *(CobaltSupplyItem **)b;
  GDate *ea = ia->expiry;
  GDate *eb = ib->expiry;
  GDate *ra, *rb;

  if (ea != NULL && eb != NULL && g_date_compare (ea, eb) != 0)
    return g_date_compare (ea, eb);
  if ((ea == NULL) != (eb == NULL))
    return ea == NULL ? 1 : -1;

  ra = ia->received_on;
  rb = ib->received_on;
  if (ra != NULL && rb != NULL)
    return g_date_compare (ra, rb);
  if ((ra == NULL) != (rb == NULL))
    return ra == NULL ? 1 : -1;

  return 0;
}

/* Items of @kind usable on @today and stock for @prescription (may be
 * NULL), in the order they should be used (g_ptr_array_sort() is a stable
 * merge sort: ties keep the model's order). */
static GPtrArray *
usable_items_of_kind (GListModel         *items,
                      CobaltSupplyKind    kind,
                      CobaltPrescription *prescription,
                      const GDate        *today)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);

      if (item->kind == kind &&
          cobalt_supply_item_is_usable_on (item, today) &&
          cobalt_supplies_match (item, prescription) == COBALT_SUPPLY_MATCH_YES)
        g_ptr_array_add (result, g_steal_pointer (&item));
    }

  g_ptr_array_sort (result, compare_items_for_use);
  return result;
}

/* Hands out units in use order over increasing due dates. */
typedef struct
{
  GPtrArray *items;      /* CobaltSupplyItem, use order */
  int       *remaining;  /* units left per item */
  guint      index;      /* first item that may still have units */
} KindStock;

static void
kind_stock_init (KindStock          *stock,
                 GListModel         *items,
                 CobaltSupplyKind    kind,
                 CobaltPrescription *prescription,
                 const GDate        *today)
{
  stock->items = usable_items_of_kind (items, kind, prescription, today);
  stock->remaining = g_new0 (int, MAX (stock->items->len, 1));
  stock->index = 0;

  for (guint i = 0; i < stock->items->len; i++)
    stock->remaining[i] = COBALT_SUPPLY_ITEM (g_ptr_array_index (stock->items, i))->count;
}

static void
kind_stock_clear (KindStock *stock)
{
  g_clear_pointer (&stock->items, g_ptr_array_unref);
  g_clear_pointer (&stock->remaining, g_free);
}

/* Takes one unit still good on @day; FALSE when there is none. Due dates
 * only increase, so an item expired or used up now stays skipped. */
static gboolean
kind_stock_take (KindStock   *stock,
                 const GDate *day)
{
  while (stock->index < stock->items->len)
    {
      CobaltSupplyItem *item = g_ptr_array_index (stock->items, stock->index);

      if (stock->remaining[stock->index] > 0 &&
          !cobalt_supply_item_is_expired (item, day))
        {
          stock->remaining[stock->index]--;
          return TRUE;
        }
      stock->index++;
    }

  return FALSE;
}

static void
add_warning (GPtrArray               *warnings,
             CobaltSupplyWarningKind  kind,
             CobaltSupplyKind         supply_kind,
             gint64                   item_id,
             char                    *message)
{
  g_ptr_array_add (warnings,
                   cobalt_supply_warning_new (kind, supply_kind, item_id, message));
  g_free (message);
}

static char *
describe_item (CobaltSupplyItem *item)
{
  const char *batch = item->batch;
  const char *kind = cobalt_supply_kind_to_string (item->kind);

  if (batch != NULL && *batch != '\0')
    /* Translators: "Ampoules, batch AB123". */
    return g_strdup_printf (_("%s, batch %s"), kind, batch);

  return g_strdup (kind);
}

static void
add_low_stock_warning (GPtrArray          *warnings,
                       CobaltSupplyStatus *status,
                       const gboolean     *short_kinds)
{
  g_autofree char *when = format_date (&status->runs_out_on);

  for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
    {
      const char *name;

      if (!short_kinds[k])
        continue;

      name = cobalt_supply_kind_to_string (k);
      if (status->days_left == 0)
        add_warning (warnings, COBALT_SUPPLY_WARNING_LOW_STOCK, k, 0,
                     /* Translators: %s is a supply kind, e.g. "Ampoules". */
                     g_strdup_printf (_("%s: not enough for the next dose. Get more "
                                        "before you inject."), name));
      else
        add_warning (warnings, COBALT_SUPPLY_WARNING_LOW_STOCK, k, 0,
                     /* Translators: a supply kind, a number of days, a date. */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s last %d more day: not enough for "
                                                   "the dose due on %s. Order more now.",
                                                   "%s last %d more days: not enough for "
                                                   "the dose due on %s. Order more now.",
                                                   status->days_left),
                                      name, status->days_left, when));
    }
}

static void
add_expiry_warnings (GPtrArray          *warnings,
                     GListModel         *items,
                     CobaltPrescription *prescription,
                     const GDate        *today,
                     const GDate        *next_due)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  /* Expired first, then soonest expiry: the order to deal with them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);

      if (item->count > 0 &&
          item->expiry != NULL)
        g_ptr_array_add (sorted, g_steal_pointer (&item));
    }
  g_ptr_array_sort (sorted, compare_items_for_use);

  for (guint i = 0; i < sorted->len; i++)
    {
      CobaltSupplyItem *item = g_ptr_array_index (sorted, i);
      GDate *expiry = item->expiry;
      g_autofree char *what = describe_item (item);
      g_autofree char *when = format_date (expiry);
      int days = g_date_days_between (today, expiry);
      /* An expired box is worth a warning whatever it is (do not use it);
       * one about to expire matters only if it is for this prescription. */
      gboolean for_prescription = cobalt_supplies_match (item, prescription) == COBALT_SUPPLY_MATCH_YES;

      if (cobalt_supply_item_is_expired (item, today))
        {
          add_warning (warnings, COBALT_SUPPLY_WARNING_EXPIRED,
                       item->kind,
                       item->id,
                       /* Translators: what (e.g. "Ampoules, batch AB1"), a date. */
                       g_strdup_printf (_("%s expired on %s. Do not use it."),
                                        what, when));
        }
      else if (!for_prescription)
        continue;
      else if (days == 0)
        {
          add_warning (warnings, COBALT_SUPPLY_WARNING_EXPIRING_SOON,
                       item->kind,
                       item->id,
                       g_strdup_printf (_("%s expires today (%s)."), what, when));
        }
      else if (days <= COBALT_SUPPLY_EXPIRY_WARNING_DAYS)
        {
          add_warning (warnings, COBALT_SUPPLY_WARNING_EXPIRING_SOON,
                       item->kind,
                       item->id,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s expires on %s, in %d day.",
                                                     "%s expires on %s, in %d days.",
                                                     days),
                                        what, when, days));
        }
      else if (next_due != NULL && g_date_compare (expiry, next_due) < 0)
        {
          add_warning (warnings, COBALT_SUPPLY_WARNING_EXPIRING_SOON,
                       item->kind,
                       item->id,
                       g_strdup_printf (_("%s expires on %s, before your next dose."),
                                        what, when));
        }
    }
}

static void
add_sharps_warning (GPtrArray       *warnings,
                    CobaltSharpsBin *bin)
{
  int percent;

  if (bin == NULL || !cobalt_sharps_bin_is_nearly_full (bin))
    return;

  percent = (int)(cobalt_sharps_bin_get_fraction (bin) * 100.0 + 0.5);
  add_warning (warnings, COBALT_SUPPLY_WARNING_SHARPS_BIN, 0,
               bin->id,
               /* Translators: %d is a percentage; %% is the percent sign. */
               g_strdup_printf (_("The sharps bin is about %d%% full. Replace it now "
                                  "and return the full one as your council or pharmacy "
                                  "says."),
                                percent));
}

CobaltSupplyWarning *
cobalt_supply_warning_new (CobaltSupplyWarningKind  kind,
                           CobaltSupplyKind         supply_kind,
                           gint64                   item_id,
                           const char              *message)
{
  CobaltSupplyWarning *warning = g_new0 (CobaltSupplyWarning, 1);

  warning->kind = kind;
  warning->supply_kind = supply_kind;
  warning->item_id = item_id;
  warning->message = g_strdup (message);

  return warning;
}

CobaltSupplyWarning *
cobalt_supply_warning_copy (const CobaltSupplyWarning *warning)
{
  g_return_val_if_fail (warning != NULL, NULL);

  return cobalt_supply_warning_new (warning->kind, warning->supply_kind,
                                    warning->item_id, warning->message);
}

void
cobalt_supply_warning_free (CobaltSupplyWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

static CobaltSupplyStatus *
supply_status_new (void)
{
  CobaltSupplyStatus *status = g_new0 (CobaltSupplyStatus, 1);

  status->days_left = -1;
  g_date_clear (&status->runs_out_on, 1);
  status->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_supply_warning_free);

  return status;
}

CobaltSupplyStatus *
cobalt_supply_status_copy (const CobaltSupplyStatus *status)
{
  CobaltSupplyStatus *copy;

  g_return_val_if_fail (status != NULL, NULL);

  copy = supply_status_new ();
  memcpy (copy->tracked, status->tracked, sizeof copy->tracked);
  memcpy (copy->usable, status->usable, sizeof copy->usable);
  copy->doses_covered = status->doses_covered;
  copy->days_left = status->days_left;
  copy->runs_out_on = status->runs_out_on;
  copy->beyond_horizon = status->beyond_horizon;
  for (guint i = 0; status->warnings != NULL && i < status->warnings->len; i++)
    g_ptr_array_add (copy->warnings,
                     cobalt_supply_warning_copy (g_ptr_array_index (status->warnings, i)));

  return copy;
}

void
cobalt_supply_status_free (CobaltSupplyStatus *status)
{
  if (status == NULL)
    return;

  g_clear_pointer (&status->warnings, g_ptr_array_unref);
  g_free (status);
}

CobaltSupplyStatus *
cobalt_supplies_compute (GListModel         *items,
                         CobaltPrescription *prescription,
                         GPtrArray          *doses,
                         CobaltSharpsBin    *bin,
                         GDateTime          *now,
                         GTimeZone          *tz,
                         guint               lead_time_days)
{
  CobaltSupplyStatus *status;
  g_autoptr(GPtrArray) projected = NULL;
  gboolean short_kinds[COBALT_N_SUPPLY_KINDS] = { FALSE, };
  gboolean any_tracked = FALSE;
  GDate today, next_due;
  gboolean have_next_due = FALSE;
  guint n;

  g_return_val_if_fail (items == NULL || G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (bin == NULL || COBALT_IS_SHARPS_BIN (bin), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (tz == NULL)
    tz = g_date_time_get_timezone (now);

  status = supply_status_new ();
  date_of (now, tz, &today);
  g_date_clear (&next_due, 1);

  n = items != NULL ? g_list_model_get_n_items (items) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);
      CobaltSupplyKind kind = item->kind;

      if ((guint)kind >= COBALT_N_SUPPLY_KINDS)
        continue;

      status->tracked[kind] = TRUE;
      any_tracked = TRUE;
      if (cobalt_supply_item_is_usable_on (item, &today) &&
          cobalt_supplies_match (item, prescription) == COBALT_SUPPLY_MATCH_YES)
        status->usable[kind] += (guint)item->count;
    }

  if (any_tracked)
    {
      status->doses_covered = G_MAXUINT;
      for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
        if (status->tracked[k])
          status->doses_covered = MIN (status->doses_covered, status->usable[k]);
    }

  if (prescription != NULL)
    {
      guint horizon = MIN (status->doses_covered, PROJECTION_LIMIT - 1) + 1;

      projected = cobalt_schedule_project (prescription, doses, now, tz, horizon);
      if (projected != NULL && projected->len > 0)
        {
          date_of (g_ptr_array_index (projected, 0), tz, &next_due);
          have_next_due = TRUE;
        }
    }

  if (any_tracked && projected != NULL && projected->len > 0)
    {
      KindStock stock[COBALT_N_SUPPLY_KINDS] = { { NULL, }, };
      gboolean found = FALSE;
      GDate due;

      for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
        if (status->tracked[k])
          kind_stock_init (&stock[k], items, k, prescription, &today);

      for (guint i = 0; i < projected->len && !found; i++)
        {
          date_of (g_ptr_array_index (projected, i), tz, &due);

          for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
            if (status->tracked[k] && !kind_stock_take (&stock[k], &due))
              {
                short_kinds[k] = TRUE;
                found = TRUE;
              }
        }

      status->days_left = MAX (0, g_date_days_between (&today, &due));
      if (found)
        status->runs_out_on = due;
      else
        status->beyond_horizon = TRUE;

      for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
        if (status->tracked[k])
          kind_stock_clear (&stock[k]);
    }

  if (status->days_left >= 0 && !status->beyond_horizon &&
      (guint)status->days_left <= lead_time_days)
    add_low_stock_warning (status->warnings, status, short_kinds);

  add_expiry_warnings (status->warnings, items, prescription, &today, have_next_due ? &next_due : NULL);
  add_sharps_warning (status->warnings, bin);

  return status;
}

CobaltSupplyItem *
cobalt_supplies_pick_item (GListModel       *items,
                           CobaltSupplyKind  kind,
                           const GDate      *today)
{
  g_autoptr(GPtrArray) usable = NULL;

  g_return_val_if_fail (items == NULL || G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  usable = usable_items_of_kind (items, kind, NULL, today);
  if (usable->len == 0)
    return NULL;

  /* Borrowed: the model keeps its own reference. */
  return g_ptr_array_index (usable, 0);
}

CobaltSupplyItem *
cobalt_supplies_pick_ampoule (GListModel         *items,
                              CobaltPrescription *prescription,
                              const char         *batch,
                              const GDate        *today)
{
  g_autofree char *wanted = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  guint n;

  g_return_val_if_fail (items == NULL || G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  wanted = g_strstrip (g_strdup (batch != NULL ? batch : ""));
  if (*wanted == '\0')
    {
      g_autoptr(GPtrArray) usable = usable_items_of_kind (items, COBALT_SUPPLY_AMPOULE, prescription, today);

      /* Borrowed: the model keeps its own reference. */
      return usable->len > 0 ? g_ptr_array_index (usable, 0) : NULL;
    }

  /* The named batch even when expired: the person may have used it with
   * their clinic's agreement, and stock must follow what was used. */
  matches = g_ptr_array_new_with_free_func (g_object_unref);
  n = items != NULL ? g_list_model_get_n_items (items) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);
      g_autofree char *item_batch = NULL;

      if (item->kind != COBALT_SUPPLY_AMPOULE ||
          item->count <= 0)
        continue;

      item_batch = g_strstrip (g_strdup (item->batch != NULL
                                               ? item->batch : ""));
      /* Batch numbers are read off a box: ignore case and outer spaces. */
      if (g_ascii_strcasecmp (item_batch, wanted) == 0)
        g_ptr_array_add (matches, g_steal_pointer (&item));
    }

  if (matches->len == 0)
    return NULL;

  g_ptr_array_sort (matches, compare_items_for_use);
  return g_ptr_array_index (matches, 0);
}

CobaltSupplyMatch
cobalt_supplies_match (CobaltSupplyItem   *item,
                       CobaltPrescription *prescription)
{
  g_return_val_if_fail (COBALT_IS_SUPPLY_ITEM (item), COBALT_SUPPLY_MATCH_YES);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), COBALT_SUPPLY_MATCH_YES);

  if (prescription == NULL || item->kind != COBALT_SUPPLY_AMPOULE)
    return COBALT_SUPPLY_MATCH_YES;

  if (item->product != prescription->product)
    return COBALT_SUPPLY_MATCH_OTHER_PRODUCT;

  /* Not a guess either way: a strength that is not a number yet matches
   * nothing, and the forms ask for it. */
  if (!cobalt_strength_is_known (item->strength_amount,
                                 item->strength_unit) ||
      !cobalt_strength_is_known (prescription->strength_amount,
                                 prescription->strength_unit))
    return COBALT_SUPPLY_MATCH_UNKNOWN_STRENGTH;

  if (!cobalt_strength_equal (item->strength_amount,
                              item->strength_unit,
                              prescription->strength_amount,
                              prescription->strength_unit))
    return COBALT_SUPPLY_MATCH_OTHER_STRENGTH;

  return COBALT_SUPPLY_MATCH_YES;
}

const char *
cobalt_supplies_storage_advice (CobaltProduct product)
{
  switch (product)
    {
    case COBALT_PRODUCT_HYDROXOCOBALAMIN:
      return _("Keep hydroxocobalamin at room temperature, not in the fridge, and in "
               "its box to protect it from light. Follow your clinic's instructions.");
    case COBALT_PRODUCT_CYANOCOBALAMIN:
      return _("Keep cyanocobalamin at room temperature (20–25 °C), in its box to "
               "protect it from light. Follow your clinic's instructions.");
    case COBALT_PRODUCT_METHYLCOBALAMIN:
    case COBALT_PRODUCT_OTHER:
    default:
      return _("Store it as the leaflet in the pack says, and ask your pharmacist if "
               "you are unsure. Follow your clinic's instructions.");
    }
}

const char *
cobalt_supplies_sharps_advice (void)
{
  return _("Put needles and glass ampoules straight into the sharps bin. Do not "
           "recap, bend or break needles. Do not fill the bin above the line: replace "
           "it at about three-quarters full, and return it as your council or pharmacy "
           "says, never with household waste. Follow your clinic's instructions.");
}
