/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "cobalt-supply.h"
#include "cobalt-dose.h"
#include "cobalt-prescription.h"

/* Fixtures ----------------------------------------------------------------- */

static CobaltPrescription *
prescription_every (CobaltIntervalUnit unit,
                    guint              interval)
{
  CobaltPrescription *p = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (unit, interval, COBALT_PHASE_END_OPEN, 0,
                                                   "Maintenance");
  g_autoptr(GDate) starts = g_date_new_dmy (1, G_DATE_JANUARY, 2025);

  p->person_id = 1;
  cobalt_set_date (&p->starts_on, starts);
  p->reminder_minute = 9 * 60;
  p->grace_minutes = 12 * 60;
  cobalt_prescription_add_phase (p, phase);

  return p;
}

static GPtrArray *
doses_at (GDateTime *given_at)
{
  GPtrArray *doses = g_ptr_array_new_with_free_func (g_object_unref);
  CobaltDose *dose = cobalt_dose_new ();

  dose->id = 1;
  dose->person_id = 1;
  cobalt_dose_set_given_at (dose, given_at);
  g_ptr_array_add (doses, dose);

  return doses;
}

static CobaltSupplyItem *
add_item (GListStore       *store,
          CobaltSupplyKind  kind,
          int               count,
          const char       *batch,
          int               expiry_day,
          int               expiry_month,
          int               expiry_year)
{
  g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (1, kind, count);

  item->id = g_list_model_get_n_items (G_LIST_MODEL (store)) + 1;
  cobalt_set_str (&item->batch, batch);
  if (expiry_year != 0)
    {
      g_autoptr(GDate) expiry = g_date_new_dmy (expiry_day, expiry_month, expiry_year);
      cobalt_set_date (&item->expiry, expiry);
    }
  g_list_store_append (store, item);

  return item; /* borrowed from the store */
}

/* Ampoules plus plenty of every other kind, good till 2027. */
static GListStore *
stock_with_ampoules (int ampoules)
{
  GListStore *store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);

  add_item (store, COBALT_SUPPLY_AMPOULE, ampoules, "AB123", 31, 12, 2027);
  add_item (store, COBALT_SUPPLY_DRAWING_NEEDLE, 50, NULL, 1, 1, 2028);
  add_item (store, COBALT_SUPPLY_INJECTING_NEEDLE, 50, NULL, 1, 1, 2028);
  add_item (store, COBALT_SUPPLY_SYRINGE, 50, NULL, 0, 0, 0);
  add_item (store, COBALT_SUPPLY_SWAB, 100, NULL, 0, 0, 0);

  return store;
}

static guint
count_warnings (CobaltSupplyStatus      *status,
                CobaltSupplyWarningKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < status->warnings->len; i++)
    {
      CobaltSupplyWarning *w = g_ptr_array_index (status->warnings, i);

      g_assert_nonnull (w->message);
      g_assert_cmpuint (strlen (w->message), >, 10);
      if (w->kind == kind)
        n++;
    }

  return n;
}

static CobaltSupplyWarning *
find_warning (CobaltSupplyStatus      *status,
              CobaltSupplyWarningKind  kind,
              gint64                   item_id)
{
  for (guint i = 0; i < status->warnings->len; i++)
    {
      CobaltSupplyWarning *w = g_ptr_array_index (status->warnings, i);

      if (w->kind == kind && (item_id == 0 || w->item_id == item_id))
        return w;
    }

  return NULL;
}

/* Monthly schedule: last dose 1 March, today 10 March; doses due 1 April,
 * 1 May, 1 June, 1 July... (22, 52, 83, 113 days from today). */
typedef struct
{
  GTimeZone          *tz;
  GDateTime          *now;
  CobaltPrescription *monthly;
  GPtrArray          *doses;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) last = NULL;

  f->tz = g_time_zone_new_utc ();
  f->now = g_date_time_new (f->tz, 2025, 3, 10, 12, 0, 0);
  f->monthly = prescription_every (COBALT_INTERVAL_MONTHS, 1);
  last = g_date_time_new (f->tz, 2025, 3, 1, 9, 5, 0);
  f->doses = doses_at (last);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->doses, g_ptr_array_unref);
  g_clear_object (&f->monthly);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

/* Tests -------------------------------------------------------------------- */

static void
test_monthly_days_left (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListStore) three = stock_with_ampoules (3);
  g_autoptr(GListStore) one = stock_with_ampoules (1);
  g_autoptr(CobaltSupplyStatus) s3 = NULL;
  g_autoptr(CobaltSupplyStatus) s1 = NULL;
  g_autoptr(CobaltSupplyStatus) s1_long_lead = NULL;
  g_autoptr(GDate) july = g_date_new_dmy (1, G_DATE_JULY, 2025);

  s3 = cobalt_supplies_compute (G_LIST_MODEL (three), f->monthly, f->doses, NULL,
                                f->now, f->tz, 14);
  g_assert_true (s3->tracked[COBALT_SUPPLY_AMPOULE]);
  g_assert_false (s3->tracked[COBALT_SUPPLY_PLASTER]);
  g_assert_cmpuint (s3->usable[COBALT_SUPPLY_AMPOULE], ==, 3);
  g_assert_cmpuint (s3->usable[COBALT_SUPPLY_SWAB], ==, 100);
  /* Plasters are not tracked, so they do not make it zero. */
  g_assert_cmpuint (s3->doses_covered, ==, 3);
  /* April, May and June are covered; 1 July is not. */
  g_assert_cmpint (s3->days_left, ==, 113);
  g_assert_true (g_date_valid (&s3->runs_out_on));
  g_assert_cmpint (g_date_compare (&s3->runs_out_on, july), ==, 0);
  g_assert_false (s3->beyond_horizon);
  g_assert_cmpuint (count_warnings (s3, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 0);
  g_assert_cmpuint (s3->warnings->len, ==, 0);

  s1 = cobalt_supplies_compute (G_LIST_MODEL (one), f->monthly, f->doses, NULL,
                                f->now, f->tz, 14);
  g_assert_cmpuint (s1->doses_covered, ==, 1);
  g_assert_cmpint (s1->days_left, ==, 52);
  g_assert_cmpuint (count_warnings (s1, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 0);

  /* With a reorder lead time longer than what is left: warn, and name the
   * kind that runs out. */
  s1_long_lead = cobalt_supplies_compute (G_LIST_MODEL (one), f->monthly, f->doses, NULL,
                                          f->now, f->tz, 52);
  g_assert_cmpuint (count_warnings (s1_long_lead, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 1);
  {
    CobaltSupplyWarning *w = find_warning (s1_long_lead, COBALT_SUPPLY_WARNING_LOW_STOCK, 0);

    g_assert_cmpint (w->supply_kind, ==, COBALT_SUPPLY_AMPOULE);
    g_assert_nonnull (strstr (w->message, "Ampoules"));
    g_assert_nonnull (strstr (w->message, "52"));
    g_assert_nonnull (strstr (w->message, "1 May 2025"));
  }
}

static void
test_weekly_days_left (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(CobaltPrescription) weekly = prescription_every (COBALT_INTERVAL_WEEKS, 1);
  g_autoptr(GDateTime) last = g_date_time_new (tz, 2025, 3, 3, 9, 0, 0);   /* Monday */
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2025, 3, 5, 18, 0, 0);   /* Wednesday */
  g_autoptr(GPtrArray) doses = doses_at (last);
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(CobaltSupplyStatus) s = NULL;
  g_autoptr(CobaltSupplyStatus) s_lead = NULL;

  add_item (store, COBALT_SUPPLY_AMPOULE, 10, "W1", 1, 1, 2027);
  add_item (store, COBALT_SUPPLY_INJECTING_NEEDLE, 2, NULL, 1, 1, 2027);

  /* Needles, not ampoules, limit: doses due 10 and 17 March are covered,
   * 24 March is not (19 days from today). */
  s = cobalt_supplies_compute (G_LIST_MODEL (store), weekly, doses, NULL, now, tz, 14);
  g_assert_cmpuint (s->doses_covered, ==, 2);
  g_assert_cmpint (s->days_left, ==, 19);
  g_assert_cmpint (g_date_get_day (&s->runs_out_on), ==, 24);
  g_assert_cmpuint (count_warnings (s, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 0);

  s_lead = cobalt_supplies_compute (G_LIST_MODEL (store), weekly, doses, NULL, now, tz, 21);
  g_assert_cmpuint (count_warnings (s_lead, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 1);
  g_assert_cmpint (find_warning (s_lead, COBALT_SUPPLY_WARNING_LOW_STOCK, 0)->supply_kind,
                   ==, COBALT_SUPPLY_INJECTING_NEEDLE);
  g_assert_null (strstr (find_warning (s_lead, COBALT_SUPPLY_WARNING_LOW_STOCK, 0)->message,
                         "Ampoules"));
}

/* Days count in the person's zone: 02:00 UTC on 10 March is still 9 March
 * in New York, one more day before the 1 May dose. */
static void
test_days_left_local_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(CobaltPrescription) monthly = prescription_every (COBALT_INTERVAL_MONTHS, 1);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 10, 2, 0, 0);
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GListStore) one = stock_with_ampoules (1);
  g_autoptr(CobaltSupplyStatus) s = NULL;

  g_assert_nonnull (tz);
  last = g_date_time_new (tz, 2025, 3, 1, 9, 0, 0);
  doses = doses_at (last);
  s = cobalt_supplies_compute (G_LIST_MODEL (one), monthly, doses, NULL, now, tz, 14);
  g_assert_cmpint (s->days_left, ==, 53);
  g_assert_cmpint (g_date_get_month (&s->runs_out_on), ==, G_DATE_MAY);
  g_assert_cmpint (g_date_get_day (&s->runs_out_on), ==, 1);
}

static void
test_next_dose_not_covered (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListStore) none = stock_with_ampoules (0);
  g_autoptr(CobaltSupplyStatus) s = NULL;
  g_autoptr(GDateTime) long_ago = g_date_time_new (f->tz, 2025, 1, 1, 9, 0, 0);
  g_autoptr(GPtrArray) overdue = doses_at (long_ago);
  g_autoptr(CobaltSupplyStatus) s_overdue = NULL;

  s = cobalt_supplies_compute (G_LIST_MODEL (none), f->monthly, f->doses, NULL,
                               f->now, f->tz, 0);
  g_assert_cmpuint (s->doses_covered, ==, 0);
  g_assert_cmpint (s->days_left, ==, 22);
  /* Lead time 0: still 22 days to get some. */
  g_assert_cmpuint (count_warnings (s, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 0);

  /* The dose due 1 February is overdue: no days left at all. */
  s_overdue = cobalt_supplies_compute (G_LIST_MODEL (none), f->monthly, overdue, NULL,
                                       f->now, f->tz, 0);
  g_assert_cmpint (s_overdue->days_left, ==, 0);
  g_assert_cmpuint (count_warnings (s_overdue, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 1);
  g_assert_nonnull (strstr (find_warning (s_overdue, COBALT_SUPPLY_WARNING_LOW_STOCK, 0)->message,
                            "next dose"));
}

static void
test_expiry_limits_days_left (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(CobaltSupplyStatus) s = NULL;

  /* Two ampoules good till 15 April cover only the 1 April dose; the
   * third (good till 2027) covers 1 May; 1 June is not covered. */
  add_item (store, COBALT_SUPPLY_AMPOULE, 2, "SHORT", 15, 4, 2025);
  add_item (store, COBALT_SUPPLY_AMPOULE, 1, "LONG", 31, 12, 2027);

  s = cobalt_supplies_compute (G_LIST_MODEL (store), f->monthly, f->doses, NULL,
                               f->now, f->tz, 14);
  g_assert_cmpuint (s->usable[COBALT_SUPPLY_AMPOULE], ==, 3);
  g_assert_cmpuint (s->doses_covered, ==, 3);
  g_assert_cmpint (s->days_left, ==, 83);
}

static void
test_expiry_warnings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListStore) store = stock_with_ampoules (4);
  g_autoptr(CobaltSupplyStatus) s = NULL;
  CobaltSupplyItem *expired, *soon, *before_dose, *fine, *empty_expired;
  CobaltSupplyWarning *w;

  expired = add_item (store, COBALT_SUPPLY_AMPOULE, 2, "OLD1", 1, 3, 2025);
  soon = add_item (store, COBALT_SUPPLY_AMPOULE, 2, "SOON", 20, 3, 2025);          /* 10 days */
  before_dose = add_item (store, COBALT_SUPPLY_SWAB, 20, "SW9", 28, 3, 2025);      /* 18 days, before 1 April */
  fine = add_item (store, COBALT_SUPPLY_AMPOULE, 2, "LATER", 1, 6, 2025);
  empty_expired = add_item (store, COBALT_SUPPLY_AMPOULE, 0, "GONE", 1, 2, 2025);

  s = cobalt_supplies_compute (G_LIST_MODEL (store), f->monthly, f->doses, NULL,
                               f->now, f->tz, 14);

  /* The expired batch does not count as stock. */
  g_assert_cmpuint (s->usable[COBALT_SUPPLY_AMPOULE], ==, 4 + 2 + 2);

  w = find_warning (s, COBALT_SUPPLY_WARNING_EXPIRED, expired->id);
  g_assert_nonnull (w);
  g_assert_nonnull (strstr (w->message, "OLD1"));
  g_assert_nonnull (strstr (w->message, "1 March 2025"));
  g_assert_cmpint (w->supply_kind, ==, COBALT_SUPPLY_AMPOULE);

  w = find_warning (s, COBALT_SUPPLY_WARNING_EXPIRING_SOON, soon->id);
  g_assert_nonnull (w);
  g_assert_nonnull (strstr (w->message, "10 days"));

  w = find_warning (s, COBALT_SUPPLY_WARNING_EXPIRING_SOON, before_dose->id);
  g_assert_nonnull (w);
  g_assert_nonnull (strstr (w->message, "before your next dose"));
  g_assert_cmpint (w->supply_kind, ==, COBALT_SUPPLY_SWAB);

  g_assert_null (find_warning (s, COBALT_SUPPLY_WARNING_EXPIRING_SOON, fine->id));
  g_assert_null (find_warning (s, COBALT_SUPPLY_WARNING_EXPIRED, fine->id));
  /* Nothing left of it: nothing to warn about. */
  g_assert_null (find_warning (s, COBALT_SUPPLY_WARNING_EXPIRED, empty_expired->id));

  g_assert_cmpuint (count_warnings (s, COBALT_SUPPLY_WARNING_EXPIRED), ==, 1);
  g_assert_cmpuint (count_warnings (s, COBALT_SUPPLY_WARNING_EXPIRING_SOON), ==, 2);

  /* The expiry day itself is still usable; the day after is not. */
  {
    g_autoptr(GDate) on = g_date_new_dmy (20, G_DATE_MARCH, 2025);
    g_autoptr(GDate) after = g_date_new_dmy (21, G_DATE_MARCH, 2025);

    g_assert_false (cobalt_supply_item_is_expired (soon, on));
    g_assert_true (cobalt_supply_item_is_expired (soon, after));
  }
}

static void
test_sharps_bin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListStore) store = stock_with_ampoules (5);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (1, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (10, G_DATE_MARCH, 2025);

  g_assert_true (cobalt_sharps_bin_validate (bin, &error));
  bin->fill = 14;
  g_assert_false (cobalt_sharps_bin_is_nearly_full (bin));
  {
    g_autoptr(CobaltSupplyStatus) s = cobalt_supplies_compute (G_LIST_MODEL (store), f->monthly,
                                                               f->doses, bin, f->now, f->tz, 14);
    g_assert_cmpuint (count_warnings (s, COBALT_SUPPLY_WARNING_SHARPS_BIN), ==, 0);
  }

  /* Exactly three-quarters: time to replace it. */
  cobalt_sharps_bin_add_dose (bin);
  g_assert_cmpuint (bin->fill, ==, 15);
  g_assert_true (cobalt_sharps_bin_is_nearly_full (bin));
  {
    g_autoptr(CobaltSupplyStatus) s = cobalt_supplies_compute (G_LIST_MODEL (store), f->monthly,
                                                               f->doses, bin, f->now, f->tz, 14);
    CobaltSupplyWarning *w = find_warning (s, COBALT_SUPPLY_WARNING_SHARPS_BIN, 0);

    g_assert_nonnull (w);
    g_assert_nonnull (strstr (w->message, "75%"));
  }

  /* Capacity 3: 2 is below ¾ (2.25), 3 is not. */
  bin->capacity = 3;
  bin->fill = 2;
  g_assert_false (cobalt_sharps_bin_is_nearly_full (bin));
  bin->fill = 3;
  g_assert_true (cobalt_sharps_bin_is_nearly_full (bin));

  cobalt_sharps_bin_replace (bin, day);
  g_assert_cmpuint (bin->fill, ==, 0);
  g_assert_cmpint (g_date_compare (bin->replaced_on, day), ==, 0);
  g_assert_false (cobalt_sharps_bin_is_nearly_full (bin));

  bin->capacity = 0;
  g_assert_false (cobalt_sharps_bin_validate (bin, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
}

static void
test_without_prescription_or_stock (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GListStore) store = stock_with_ampoules (1);
  g_autoptr(GListStore) empty = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(CobaltSupplyStatus) no_rx = NULL;
  g_autoptr(CobaltSupplyStatus) nothing = NULL;
  g_autoptr(CobaltSupplyStatus) copy = NULL;

  add_item (store, COBALT_SUPPLY_AMPOULE, 1, "OLD", 1, 1, 2025);

  no_rx = cobalt_supplies_compute (G_LIST_MODEL (store), NULL, NULL, NULL, f->now, f->tz, 400);
  g_assert_cmpint (no_rx->days_left, ==, -1);
  g_assert_cmpuint (no_rx->doses_covered, ==, 1);
  g_assert_cmpuint (count_warnings (no_rx, COBALT_SUPPLY_WARNING_LOW_STOCK), ==, 0);
  /* Expiry is still worth knowing. */
  g_assert_cmpuint (count_warnings (no_rx, COBALT_SUPPLY_WARNING_EXPIRED), ==, 1);

  nothing = cobalt_supplies_compute (G_LIST_MODEL (empty), f->monthly, f->doses, NULL,
                                     f->now, f->tz, 400);
  g_assert_cmpint (nothing->days_left, ==, -1);
  g_assert_cmpuint (nothing->doses_covered, ==, 0);
  g_assert_cmpuint (nothing->warnings->len, ==, 0);

  copy = cobalt_supply_status_copy (no_rx);
  g_assert_cmpuint (copy->warnings->len, ==, no_rx->warnings->len);
  g_assert_cmpstr (((CobaltSupplyWarning *)g_ptr_array_index (copy->warnings, 0))->message, ==,
                   ((CobaltSupplyWarning *)g_ptr_array_index (no_rx->warnings, 0))->message);
}

static void
test_plenty_is_beyond_horizon (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(CobaltSupplyStatus) s = NULL;

  add_item (store, COBALT_SUPPLY_SWAB, 5000, NULL, 0, 0, 0);
  s = cobalt_supplies_compute (G_LIST_MODEL (store), f->monthly, f->doses, NULL,
                               f->now, f->tz, 30);
  g_assert_cmpuint (s->doses_covered, ==, 5000);
  g_assert_true (s->beyond_horizon);
  g_assert_cmpint (s->days_left, >, 365 * 20);
  g_assert_false (g_date_valid (&s->runs_out_on));
  g_assert_cmpuint (s->warnings->len, ==, 0);
}

static void
test_pick_ampoule (void)
{
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(GDate) today = g_date_new_dmy (10, G_DATE_MARCH, 2025);
  CobaltSupplyItem *late, *early, *expired, *used_up, *named;

  late = add_item (store, COBALT_SUPPLY_AMPOULE, 5, "LATE", 1, 1, 2027);
  early = add_item (store, COBALT_SUPPLY_AMPOULE, 5, "EARLY", 1, 6, 2025);
  expired = add_item (store, COBALT_SUPPLY_AMPOULE, 5, "EXPIRED", 1, 3, 2025);
  used_up = add_item (store, COBALT_SUPPLY_AMPOULE, 0, "EMPTY", 1, 4, 2025);
  named = add_item (store, COBALT_SUPPLY_AMPOULE, 1, "Ab123", 1, 1, 2028);
  add_item (store, COBALT_SUPPLY_SYRINGE, 10, "EARLIEST", 1, 3, 2025);

  /* No batch named: the earliest-expiring ampoule that is still good. */
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, NULL, today) == early);
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, "  ", today) == early);
  /* The dose's batch when it names one, as typed off the box. */
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, " AB123 ", today) == named);
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, "LATE", today) == late);
  /* Used with the clinic's agreement: stock follows what was used. */
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, "EXPIRED", today) == expired);
  /* Someone else's batch, or one with nothing left: not the person's stock. */
  g_assert_null (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, "CLINIC-42", today));
  g_assert_null (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), NULL, "EMPTY", today));
  (void)used_up;

  g_assert_null (cobalt_supplies_pick_item (G_LIST_MODEL (store), COBALT_SUPPLY_SYRINGE, today));
  g_assert_null (cobalt_supplies_pick_item (G_LIST_MODEL (store), COBALT_SUPPLY_SWAB, today));
}

/* Issue 10: only a box of the prescribed product and strength is stock
 * for the prescription; 1 mg/mL and 1000 mcg/mL are the same strength. */
static void
test_only_prescribed_ampoules_count (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(GDate) today = g_date_new_dmy (10, G_DATE_MARCH, 2025);
  g_autoptr(CobaltSupplyStatus) s = NULL;
  g_autoptr(CobaltSupplyStatus) no_rx = NULL;
  g_autoptr(CobaltPrescription) unknown = NULL;
  CobaltPrescription *cyano = f->monthly;
  CobaltSupplyItem *hydroxo, *hydroxo_soon, *hydroxo_expired, *same, *stronger, *untyped, *needles;
  CobaltSupplyWarning *low;

  cyano->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  cyano->unit = COBALT_DOSE_UNIT_MCG;
  cyano->amount = 1000;
  cyano->strength_amount = 1000;
  cyano->strength_unit = COBALT_DOSE_UNIT_MCG;

  /* Plenty of hydroxocobalamin 1 mg/mL (the record's defaults), none of
   * it for a cyanocobalamin prescription. */
  hydroxo = add_item (store, COBALT_SUPPLY_AMPOULE, 10, "HX1", 31, 12, 2027);
  hydroxo_soon = add_item (store, COBALT_SUPPLY_AMPOULE, 2, "HX2", 15, 3, 2025);
  hydroxo_expired = add_item (store, COBALT_SUPPLY_AMPOULE, 2, "HX3", 1, 3, 2025);
  needles = add_item (store, COBALT_SUPPLY_INJECTING_NEEDLE, 50, NULL, 1, 1, 2028);
  g_assert_cmpint (cobalt_supplies_match (hydroxo, cyano), ==, COBALT_SUPPLY_MATCH_OTHER_PRODUCT);
  g_assert_cmpint (cobalt_supplies_match (needles, cyano), ==, COBALT_SUPPLY_MATCH_YES);
  g_assert_cmpint (cobalt_supplies_match (hydroxo, NULL), ==, COBALT_SUPPLY_MATCH_YES);

  s = cobalt_supplies_compute (G_LIST_MODEL (store), cyano, f->doses, NULL, f->now, f->tz, 30);
  g_assert_true (s->tracked[COBALT_SUPPLY_AMPOULE]);
  g_assert_cmpuint (s->usable[COBALT_SUPPLY_AMPOULE], ==, 0);
  g_assert_cmpuint (s->doses_covered, ==, 0);
  /* The next dose, 1 April, is not covered. */
  g_assert_cmpint (s->days_left, ==, 22);
  low = find_warning (s, COBALT_SUPPLY_WARNING_LOW_STOCK, 0);
  g_assert_nonnull (low);
  g_assert_cmpint (low->supply_kind, ==, COBALT_SUPPLY_AMPOULE);
  /* The expired box is still worth a "do not use"; one about to expire is
   * not this prescription's business. */
  g_assert_nonnull (find_warning (s, COBALT_SUPPLY_WARNING_EXPIRED, hydroxo_expired->id));
  g_assert_null (find_warning (s, COBALT_SUPPLY_WARNING_EXPIRING_SOON, hydroxo_soon->id));
  /* Nothing offered for the dose, unless the dose names that batch. */
  g_assert_null (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), cyano, NULL, today));
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), cyano, "HX1", today) == hydroxo);
  /* Without a prescription every box counts, as before. */
  no_rx = cobalt_supplies_compute (G_LIST_MODEL (store), NULL, NULL, NULL, f->now, f->tz, 14);
  g_assert_cmpuint (no_rx->usable[COBALT_SUPPLY_AMPOULE], ==, 12);
  g_clear_pointer (&s, cobalt_supply_status_free);

  /* Cyanocobalamin written as 1 mg/mL is the prescribed 1000 mcg/mL. */
  same = add_item (store, COBALT_SUPPLY_AMPOULE, 3, "CY1", 31, 12, 2027);
  same->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  same->strength_amount = 1;
  same->strength_unit = COBALT_DOSE_UNIT_MG;
  /* 5 mg/mL is not, and neither is a box whose strength is not a number. */
  stronger = add_item (store, COBALT_SUPPLY_AMPOULE, 20, "CY5", 31, 12, 2027);
  stronger->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  stronger->strength_amount = 5;
  untyped = add_item (store, COBALT_SUPPLY_AMPOULE, 20, "CY?", 31, 12, 2027);
  untyped->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  untyped->strength_amount = 0;
  cobalt_set_str (&untyped->strength_text, "1 ampoule");

  g_assert_cmpint (cobalt_supplies_match (same, cyano), ==, COBALT_SUPPLY_MATCH_YES);
  g_assert_cmpint (cobalt_supplies_match (stronger, cyano), ==, COBALT_SUPPLY_MATCH_OTHER_STRENGTH);
  g_assert_cmpint (cobalt_supplies_match (untyped, cyano), ==, COBALT_SUPPLY_MATCH_UNKNOWN_STRENGTH);

  s = cobalt_supplies_compute (G_LIST_MODEL (store), cyano, f->doses, NULL, f->now, f->tz, 30);
  g_assert_cmpuint (s->usable[COBALT_SUPPLY_AMPOULE], ==, 3);
  g_assert_cmpuint (s->doses_covered, ==, 3);
  /* 1 April, 1 May, 1 June covered; 1 July is 113 days away. */
  g_assert_cmpint (s->days_left, ==, 113);
  g_assert_true (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), cyano, NULL, today) == same);

  /* A prescription whose strength is not a number matches no box. */
  unknown = cobalt_prescription_copy (cyano);
  unknown->strength_amount = 0;
  g_assert_cmpint (cobalt_supplies_match (same, unknown), ==, COBALT_SUPPLY_MATCH_UNKNOWN_STRENGTH);
  g_assert_null (cobalt_supplies_pick_ampoule (G_LIST_MODEL (store), unknown, NULL, today));
}

static void
test_item_validate (void)
{
  g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (1, COBALT_SUPPLY_AMPOULE, 5);
  g_autoptr(CobaltSupplyItem) needle = cobalt_supply_item_new (1, COBALT_SUPPLY_INJECTING_NEEDLE, 100);
  g_autoptr(CobaltSupplyItem) copy = NULL;
  g_autoptr(GDate) received = g_date_new_dmy (1, G_DATE_MARCH, 2025);
  g_autoptr(GDate) before = g_date_new_dmy (28, G_DATE_FEBRUARY, 2025);
  g_autoptr(GError) error = NULL;

  /* Ampoules need their batch; needles do not. */
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  cobalt_set_str (&item->batch, " ");
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_clear_error (&error);
  cobalt_set_str (&item->batch, "KX2231");
  g_assert_true (cobalt_supply_item_validate (item, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_supply_item_validate (needle, &error));

  /* Ampoules need a strength per mL in mg or mcg; needles do not. */
  item->strength_amount = 0;
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  item->strength_amount = 1000;
  item->strength_unit = COBALT_DOSE_UNIT_ML;
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_clear_error (&error);
  item->strength_unit = COBALT_DOSE_UNIT_MCG;
  g_assert_true (cobalt_supply_item_validate (item, &error));
  needle->strength_amount = 0;
  g_assert_true (cobalt_supply_item_validate (needle, &error));

  item->count = -1;
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  item->count = 0;
  g_assert_true (cobalt_supply_item_validate (item, &error));

  cobalt_set_date (&item->received_on, received);
  cobalt_set_date (&item->expiry, before);
  g_assert_false (cobalt_supply_item_validate (item, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  cobalt_set_date (&item->expiry, received);   /* same day is odd but possible */
  g_assert_true (cobalt_supply_item_validate (item, &error));

  item->id = 9;
  copy = cobalt_supply_item_copy (item);
  g_assert_cmpint (copy->id, ==, 9);
  g_assert_cmpstr (copy->batch, ==, "KX2231");
  g_assert_cmpint (g_date_compare (copy->expiry, received), ==, 0);
  g_assert_true (copy->expiry != item->expiry);
}

static void
test_advice (void)
{
  const char *hydroxo = cobalt_supplies_storage_advice (COBALT_PRODUCT_HYDROXOCOBALAMIN);
  const char *cyano = cobalt_supplies_storage_advice (COBALT_PRODUCT_CYANOCOBALAMIN);
  const char *sharps = cobalt_supplies_sharps_advice ();

  g_assert_nonnull (strstr (hydroxo, "not in the fridge"));
  g_assert_nonnull (strstr (hydroxo, "light"));
  g_assert_nonnull (strstr (cyano, "20–25 °C"));
  for (guint p = COBALT_PRODUCT_HYDROXOCOBALAMIN; p <= COBALT_PRODUCT_OTHER; p++)
    g_assert_true (g_str_has_suffix (cobalt_supplies_storage_advice (p),
                                     "Follow your clinic's instructions."));
  g_assert_nonnull (strstr (sharps, "three-quarters"));
  g_assert_nonnull (strstr (sharps, "household waste"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/supplies/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("monthly-days-left", test_monthly_days_left);
  ADD ("next-dose-not-covered", test_next_dose_not_covered);
  ADD ("expiry-limits-days-left", test_expiry_limits_days_left);
  ADD ("expiry-warnings", test_expiry_warnings);
  ADD ("sharps-bin", test_sharps_bin);
  ADD ("without-prescription-or-stock", test_without_prescription_or_stock);
  ADD ("plenty-is-beyond-horizon", test_plenty_is_beyond_horizon);
  ADD ("only-prescribed-ampoules-count", test_only_prescribed_ampoules_count);
#undef ADD
  g_test_add_func ("/cobalt/supplies/weekly-days-left", test_weekly_days_left);
  g_test_add_func ("/cobalt/supplies/days-left-local-zone", test_days_left_local_zone);
  g_test_add_func ("/cobalt/supplies/pick-ampoule", test_pick_ampoule);
  g_test_add_func ("/cobalt/supplies/item-validate", test_item_validate);
  g_test_add_func ("/cobalt/supplies/advice", test_advice);

  return g_test_run ();
}
