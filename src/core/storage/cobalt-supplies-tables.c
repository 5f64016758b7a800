/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The supply_items table (stock: boxes of ampoules, packs of needles...)
 * and sharps_bins (one per person). Logging a dose takes from both;
 * undoing it gives back what dose_supply_uses says it took. */

typedef enum
{
  SUPPLY_ITEMS_SELECT_BY_PERSON,
  SUPPLY_ITEMS_INSERT,
  SUPPLY_ITEMS_UPDATE,
  SUPPLY_ITEMS_DELETE,
  SUPPLY_ITEMS_TAKE_ONE,
  SUPPLY_ITEMS_GIVE_BACK,
  SHARPS_BINS_SELECT_BY_PERSON,
  SHARPS_BINS_UPSERT,
  SHARPS_BINS_ADD_DOSE,
  SHARPS_BINS_REMOVE_DOSE,
  N_SUPPLIES_STATEMENTS
} SuppliesStatement;

/* supply_item_from_row()'s columns. "strength" is the free text of older
 * versions, kept for display; the strength that counts is
 * strength_amount per mL in strength_unit. */
#define SUPPLY_COLUMNS \
  "id, person_id, kind, product, name, strength, batch, expiry, received_on, count, note, " \
  "strength_amount, strength_unit"

/* INSERT and UPDATE: bind_supply_item() fills ?1..?12. */
static const char * const supplies_sql[N_SUPPLIES_STATEMENTS] = {
  [SUPPLY_ITEMS_SELECT_BY_PERSON] =
    "SELECT " SUPPLY_COLUMNS " FROM supply_items WHERE person_id = ?1 "
    "ORDER BY kind, expiry IS NULL, expiry, id",
  [SUPPLY_ITEMS_INSERT] =
    "INSERT INTO supply_items (person_id, kind, product, name, strength, batch, expiry, received_on, "
    "count, note, strength_amount, strength_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
  [SUPPLY_ITEMS_UPDATE] =
    "UPDATE supply_items SET person_id = ?1, kind = ?2, product = ?3, name = ?4, strength = ?5, "
    "batch = ?6, expiry = ?7, received_on = ?8, count = ?9, note = ?10, strength_amount = ?11, "
    "strength_unit = ?12 WHERE id = ?99",
  [SUPPLY_ITEMS_DELETE] =
    "DELETE FROM supply_items WHERE id = ?1",
  /* "count > 0" in the statement itself: a count never goes negative,
   * whatever another process did since the items were read. */
  [SUPPLY_ITEMS_TAKE_ONE] =
    "UPDATE supply_items SET count = count - 1 WHERE id = ?1 AND count > 0",
  [SUPPLY_ITEMS_GIVE_BACK] =
    "UPDATE supply_items SET count = count + 1 WHERE id IN "
    "(SELECT supply_item_id FROM dose_supply_uses WHERE dose_id = ?1)",
  [SHARPS_BINS_SELECT_BY_PERSON] =
    "SELECT id, capacity, fill, replaced_on FROM sharps_bins WHERE person_id = ?1",
  /* One bin per person: saving replaces the person's bin whatever id the
   * object carries. */
  [SHARPS_BINS_UPSERT] =
    "INSERT INTO sharps_bins (person_id, capacity, fill, replaced_on) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (person_id) DO UPDATE SET capacity = excluded.capacity, fill = excluded.fill, "
    "replaced_on = excluded.replaced_on",
  [SHARPS_BINS_ADD_DOSE] =
    "UPDATE sharps_bins SET fill = fill + 1 WHERE person_id = ?1 RETURNING id",
  /* A bin replaced since then holds nothing of this dose: never below 0. */
  [SHARPS_BINS_REMOVE_DOSE] =
    "UPDATE sharps_bins SET fill = fill - 1 WHERE fill > 0 AND id IN "
    "(SELECT sharps_bin_id FROM dose_supply_uses WHERE dose_id = ?1)",
};

static CobaltStatement *
prepare (CobaltDatabase     *db,
         SuppliesStatement   which,
         GError            **error)
{
  return cobalt_database_prepare (db, supplies_sql[which], error);
}

/* Runs @which with @id as ?1; @changed (may be NULL) tells whether it
 * changed any row. */
static gboolean
execute_for_id (CobaltDatabase     *db,
                SuppliesStatement   which,
                gint64              id,
                gboolean           *changed,
                GError            **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, which, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = cobalt_database_get_changes (db) > 0;
  return TRUE;
}

/* Supply items ------------------------------------------------------------ */

static CobaltSupplyItem *
supply_item_from_row (CobaltStatement *stmt)
{
  CobaltSupplyItem *item = cobalt_supply_item_new (cobalt_statement_get_int64 (stmt, 1),
                                                   cobalt_statement_get_int64 (stmt, 2),
                                                   cobalt_statement_get_int64 (stmt, 9));
  GDate date;

  item->id = cobalt_statement_get_int64 (stmt, 0);
  item->product = cobalt_statement_get_int64 (stmt, 3);
  cobalt_set_str (&item->name, cobalt_statement_get_text (stmt, 4));
  cobalt_set_str (&item->strength_text, cobalt_statement_get_text (stmt, 5));
  /* NULL (not an ampoule, or an old text that did not parse) reads as 0:
   * not known, so the batch counts for no prescription until it is set. */
  item->strength_amount = cobalt_statement_get_double (stmt, 11);
  item->strength_unit = cobalt_statement_get_int64 (stmt, 12);
  cobalt_set_str (&item->batch, cobalt_statement_get_text (stmt, 6));
  if (cobalt_statement_get_date (stmt, 7, &date))
    cobalt_set_date (&item->expiry, &date);
  if (cobalt_statement_get_date (stmt, 8, &date))
    cobalt_set_date (&item->received_on, &date);
  cobalt_set_str (&item->note, cobalt_statement_get_text (stmt, 10));
  return item;
}

static gboolean
bind_supply_item (CobaltStatement   *stmt,
                  CobaltSupplyItem  *item,
                  GError           **error)
{
  /* Only an ampoule has a strength; anything else stores NULL. */
  gboolean has_strength = item->kind == COBALT_SUPPLY_AMPOULE &&
                          item->strength_amount > 0;

  return cobalt_statement_bind_int64 (stmt, 1, item->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, item->kind, error) &&
         cobalt_statement_bind_int64 (stmt, 3, item->product, error) &&
         cobalt_statement_bind_text (stmt, 4, item->name, error) &&
         cobalt_statement_bind_text (stmt, 5, item->strength_text, error) &&
         cobalt_statement_bind_text (stmt, 6, item->batch, error) &&
         cobalt_statement_bind_date (stmt, 7, item->expiry, error) &&
         cobalt_statement_bind_date (stmt, 8, item->received_on, error) &&
         cobalt_statement_bind_int64 (stmt, 9, item->count, error) &&
         cobalt_statement_bind_text (stmt, 10, item->note, error) &&
         (has_strength
          ? cobalt_statement_bind_double (stmt, 11, item->strength_amount, error) &&
            cobalt_statement_bind_int64 (stmt, 12, item->strength_unit, error)
          : cobalt_statement_bind_null (stmt, 11, error) &&
            cobalt_statement_bind_null (stmt, 12, error));
}

GListModel *
cobalt_supply_items_table_select_by_person (CobaltDatabase  *db,
                                            gint64           person_id,
                                            GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (COBALT_TYPE_SUPPLY_ITEM);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, SUPPLY_ITEMS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltSupplyItem) item = supply_item_from_row (stmt);

      g_list_store_append (store, item);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
cobalt_supply_items_table_insert (CobaltDatabase    *db,
                                  CobaltSupplyItem  *item,
                                  gint64            *new_id,
                                  GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, SUPPLY_ITEMS_INSERT, error);
  if (stmt == NULL ||
      !bind_supply_item (stmt, item, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  *new_id = cobalt_database_get_last_insert_id (db);
  return TRUE;
}

gboolean
cobalt_supply_items_table_update (CobaltDatabase    *db,
                                  CobaltSupplyItem  *item,
                                  GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, SUPPLY_ITEMS_UPDATE, error);
  if (stmt == NULL ||
      !bind_supply_item (stmt, item, error) ||
      !cobalt_statement_bind_int64 (stmt, 99, item->id, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (cobalt_database_get_changes (db) == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_SUPPLY_ITEM, item->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_supply_items_table_delete (CobaltDatabase  *db,
                                  gint64           item_id,
                                  GError         **error)
{
  gboolean deleted;

  if (!execute_for_id (db, SUPPLY_ITEMS_DELETE, item_id, &deleted, error))
    return FALSE;
  /* Deleted meanwhile (another window) or never there. */
  if (!deleted)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_SUPPLY_ITEM, item_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_supply_items_table_take_one (CobaltDatabase  *db,
                                    gint64           item_id,
                                    gboolean        *taken,
                                    GError         **error)
{
  *taken = FALSE;
  return execute_for_id (db, SUPPLY_ITEMS_TAKE_ONE, item_id, taken, error);
}

gboolean
cobalt_supply_items_table_give_back (CobaltDatabase  *db,
                                     gint64           dose_id,
                                     GError         **error)
{
  return execute_for_id (db, SUPPLY_ITEMS_GIVE_BACK, dose_id, NULL, error);
}

/* Sharps bins -------------------------------------------------------------- */

CobaltSharpsBin *
cobalt_sharps_bins_table_select_by_person (CobaltDatabase  *db,
                                           gint64           person_id,
                                           GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  CobaltSharpsBin *bin;
  GDate replaced_on;

  stmt = prepare (db, SHARPS_BINS_SELECT_BY_PERSON, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  if (!cobalt_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  bin = cobalt_sharps_bin_new (person_id, cobalt_statement_get_int64 (stmt, 1));
  bin->id = cobalt_statement_get_int64 (stmt, 0);
  bin->fill = cobalt_statement_get_int64 (stmt, 2);
  if (cobalt_statement_get_date (stmt, 3, &replaced_on))
    cobalt_set_date (&bin->replaced_on, &replaced_on);
  return bin;
}

gboolean
cobalt_sharps_bins_table_upsert (CobaltDatabase   *db,
                                 CobaltSharpsBin  *bin,
                                 GError          **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, SHARPS_BINS_UPSERT, error);
  return stmt != NULL &&
         cobalt_statement_bind_int64 (stmt, 1, bin->person_id, error) &&
         cobalt_statement_bind_int64 (stmt, 2, bin->capacity, error) &&
         cobalt_statement_bind_int64 (stmt, 3, bin->fill, error) &&
         cobalt_statement_bind_date (stmt, 4, bin->replaced_on, error) &&
         cobalt_statement_execute (stmt, error);
}

gboolean
cobalt_sharps_bins_table_add_dose (CobaltDatabase  *db,
                                   gint64           person_id,
                                   gint64          *bin_id,
                                   GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  *bin_id = 0;
  stmt = prepare (db, SHARPS_BINS_ADD_DOSE, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;

  if (cobalt_statement_step (stmt, &local_error))
    {
      *bin_id = cobalt_statement_get_int64 (stmt, 0);
      /* Run the statement to its end (person_id is unique: one row). */
      return cobalt_statement_execute (stmt, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
cobalt_sharps_bins_table_remove_dose (CobaltDatabase  *db,
                                      gint64           dose_id,
                                      GError         **error)
{
  return execute_for_id (db, SHARPS_BINS_REMOVE_DOSE, dose_id, NULL, error);
}
