/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The prescriptions table (one row per version: a change is a new
 * version, never an update) and prescription_phases, the phases of each
 * version, which are only ever read and written with it. */

typedef enum
{
  PRESCRIPTIONS_SELECT_CURRENT,
  PRESCRIPTIONS_SELECT_BY_ID,
  PRESCRIPTIONS_SELECT_HISTORY,
  PRESCRIPTIONS_SELECT_ID_AT,
  PRESCRIPTIONS_NEXT_VERSION,
  PRESCRIPTIONS_INSERT,
  PRESCRIPTION_PHASES_SELECT,
  PRESCRIPTION_PHASES_INSERT,
  N_PRESCRIPTIONS_STATEMENTS
} PrescriptionsStatement;

/* prescription_from_row()'s columns. Column 10 was volume_ml, which is
 * no longer read: the volume is dose ÷ strength, computed
 * (strength_amount took its place, strength_unit is last; "strength" is
 * the old free text, kept for display). */
#define PRESCRIPTION_COLUMNS \
  "id, person_id, version, starts_on, template_id, product, product_name, strength, amount, unit, " \
  "strength_amount, route, drawing_needle_gauge, injecting_needle_gauge, needle_length_mm, syringe_ml, " \
  "angle_degrees, use_swab, aspirate, technique_notes, enabled_sites, reminder_minute, " \
  "grace_minutes, notes, overdue_after_minutes, strength_unit"

static const char * const prescriptions_sql[N_PRESCRIPTIONS_STATEMENTS] = {
  [PRESCRIPTIONS_SELECT_CURRENT] =
    "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions "
    "WHERE person_id = ?1 ORDER BY version DESC LIMIT 1",
  [PRESCRIPTIONS_SELECT_BY_ID] =
    "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions WHERE id = ?1",
  [PRESCRIPTIONS_SELECT_HISTORY] =
    "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions "
    "WHERE person_id = ?1 ORDER BY version DESC",
  /* The newest made by ?2, else (a dose older than every version) the
   * first. */
  [PRESCRIPTIONS_SELECT_ID_AT] =
    "SELECT id FROM prescriptions WHERE person_id = ?1 "
    "ORDER BY created_at_us > ?2, "
    "CASE WHEN created_at_us <= ?2 THEN -created_at_us ELSE created_at_us END, "
    "id DESC LIMIT 1",
  [PRESCRIPTIONS_NEXT_VERSION] =
    "SELECT coalesce(max(version), 0) + 1 FROM prescriptions WHERE person_id = ?1",
  [PRESCRIPTIONS_INSERT] =
    "INSERT INTO prescriptions (person_id, version, created_at_us, starts_on, "
    "template_id, product, product_name, strength, amount, unit, strength_amount, "
    "route, drawing_needle_gauge, injecting_needle_gauge, needle_length_mm, "
    "syringe_ml, angle_degrees, use_swab, aspirate, technique_notes, "
    "enabled_sites, reminder_minute, grace_minutes, notes, "
    "overdue_after_minutes, strength_unit) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
  [PRESCRIPTION_PHASES_SELECT] =
    "SELECT unit, interval, end_kind, end_value, amount, label "
    "FROM prescription_phases WHERE prescription_id = ?1 ORDER BY position",
  [PRESCRIPTION_PHASES_INSERT] =
    "INSERT INTO prescription_phases (prescription_id, position, unit, "
    "interval, end_kind, end_value, amount, label) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

static CobaltStatement *
prepare (CobaltDatabase          *db,
         PrescriptionsStatement   which,
         GError                 **error)
{
  return cobalt_database_prepare (db, prescriptions_sql[which], error);
}

static gboolean
load_phases (CobaltDatabase      *db,
             CobaltPrescription  *prescription,
             GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, PRESCRIPTION_PHASES_SELECT, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, prescription->id, error))
    return FALSE;

  while (cobalt_statement_step (stmt, &local_error))
    {
      CobaltPhase *phase = cobalt_phase_new (cobalt_statement_get_int64 (stmt, 0),
                                             cobalt_statement_get_int64 (stmt, 1),
                                             cobalt_statement_get_int64 (stmt, 2),
                                             cobalt_statement_get_int64 (stmt, 3),
                                             cobalt_statement_get_text (stmt, 5));
      phase->amount = cobalt_statement_get_double (stmt, 4);
      g_ptr_array_add (phases, phase);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cobalt_prescription_set_phases (prescription, phases);
  return TRUE;
}

static CobaltPrescription *
prescription_from_row (CobaltStatement *stmt)
{
  CobaltPrescription *p = cobalt_prescription_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_auto(GStrv) sites = NULL;
  const char *sites_text = cobalt_statement_get_text (stmt, 20);
  GDate starts_on;

  p->id = cobalt_statement_get_int64 (stmt, 0);
  p->person_id = cobalt_statement_get_int64 (stmt, 1);
  p->version = cobalt_statement_get_int64 (stmt, 2);
  if (cobalt_statement_get_date (stmt, 3, &starts_on))
    cobalt_set_date (&p->starts_on, &starts_on);
  cobalt_set_str (&p->template_id, cobalt_statement_get_text (stmt, 4));
  p->product = cobalt_statement_get_int64 (stmt, 5);
  cobalt_set_str (&p->product_name, cobalt_statement_get_text (stmt, 6));
  cobalt_set_str (&p->strength_text, cobalt_statement_get_text (stmt, 7));
  p->amount = cobalt_statement_get_double (stmt, 8);
  p->unit = cobalt_statement_get_int64 (stmt, 9);
  /* NULL (a strength that did not parse) reads as 0: not known. */
  p->strength_amount = cobalt_statement_get_double (stmt, 10);
  p->route = cobalt_statement_get_int64 (stmt, 11);
  p->drawing_needle_gauge = cobalt_statement_get_int64 (stmt, 12);
  p->injecting_needle_gauge = cobalt_statement_get_int64 (stmt, 13);
  p->needle_length_mm = cobalt_statement_get_double (stmt, 14);
  p->syringe_ml = cobalt_statement_get_double (stmt, 15);
  p->angle_degrees = cobalt_statement_get_int64 (stmt, 16);
  p->use_swab = cobalt_statement_get_boolean (stmt, 17);
  p->aspirate = cobalt_statement_get_boolean (stmt, 18);
  cobalt_set_str (&p->technique_notes, cobalt_statement_get_text (stmt, 19));

  /* Site ids are catalogue ids ("deltoid-left"): they never hold a comma. */
  sites = g_strsplit (sites_text != NULL ? sites_text : "", ",", -1);
  for (guint i = 0; sites[i] != NULL; i++)
    if (sites[i][0] != '\0')
      g_ptr_array_add (ids, sites[i]);
  g_ptr_array_add (ids, NULL);
  cobalt_prescription_set_enabled_sites (p, (const char * const *) ids->pdata);

  p->reminder_minute = cobalt_statement_get_int64 (stmt, 21);
  p->grace_minutes = cobalt_statement_get_int64 (stmt, 22);
  cobalt_set_str (&p->notes, cobalt_statement_get_text (stmt, 23));
  /* NULL (not set) reads as 0. */
  p->overdue_after_minutes = cobalt_statement_get_int64 (stmt, 24);
  p->strength_unit = cobalt_statement_get_int64 (stmt, 25);
  return p;
}

/* Every version @which yields for @id, phases included. */
static GPtrArray *
select_prescriptions (CobaltDatabase          *db,
                      PrescriptionsStatement   which,
                      gint64                   id,
                      GError                 **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, which, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, id, error))
    return NULL;

  while (cobalt_statement_step (stmt, &local_error))
    g_ptr_array_add (list, prescription_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The rows are all read before the phases: one statement at a time. */
  for (guint i = 0; i < list->len; i++)
    if (!load_phases (db, g_ptr_array_index (list, i), error))
      return NULL;

  return g_steal_pointer (&list);
}

CobaltPrescription *
cobalt_prescriptions_table_select_current (CobaltDatabase  *db,
                                           gint64           person_id,
                                           GError         **error)
{
  g_autoptr(GPtrArray) list = NULL;

  list = select_prescriptions (db, PRESCRIPTIONS_SELECT_CURRENT, person_id, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

CobaltPrescription *
cobalt_prescriptions_table_select_by_id (CobaltDatabase  *db,
                                         gint64           prescription_id,
                                         GError         **error)
{
  g_autoptr(GPtrArray) list = NULL;

  list = select_prescriptions (db, PRESCRIPTIONS_SELECT_BY_ID, prescription_id, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      cobalt_repository_set_not_found (error, COBALT_MISSING_PRESCRIPTION, prescription_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (list, 0));
}

GPtrArray *
cobalt_prescriptions_table_select_history (CobaltDatabase  *db,
                                           gint64           person_id,
                                           GError         **error)
{
  return select_prescriptions (db, PRESCRIPTIONS_SELECT_HISTORY, person_id, error);
}

gboolean
cobalt_prescriptions_table_select_id_at (CobaltDatabase  *db,
                                         gint64           person_id,
                                         gint64           at_us,
                                         gint64          *prescription_id,
                                         GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  *prescription_id = 0;
  stmt = prepare (db, PRESCRIPTIONS_SELECT_ID_AT, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, at_us, error))
    return FALSE;

  if (cobalt_statement_step (stmt, &local_error))
    *prescription_id = cobalt_statement_get_int64 (stmt, 0);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
next_version (CobaltDatabase  *db,
              gint64           person_id,
              guint           *version,
              GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, PRESCRIPTIONS_NEXT_VERSION, error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;
  if (!cobalt_statement_step (stmt, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *version = cobalt_statement_get_int64 (stmt, 0);
  return TRUE;
}

static gboolean
insert_phases (CobaltDatabase  *db,
               gint64           prescription_id,
               GPtrArray       *phases,
               GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, PRESCRIPTION_PHASES_INSERT, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      const CobaltPhase *phase = g_ptr_array_index (phases, i);

      cobalt_statement_reset (stmt);
      if (!cobalt_statement_bind_int64 (stmt, 1, prescription_id, error) ||
          !cobalt_statement_bind_int64 (stmt, 2, i, error) ||
          !cobalt_statement_bind_int64 (stmt, 3, phase->unit, error) ||
          !cobalt_statement_bind_int64 (stmt, 4, phase->interval, error) ||
          !cobalt_statement_bind_int64 (stmt, 5, phase->end, error) ||
          !cobalt_statement_bind_int64 (stmt, 6, phase->end_value, error) ||
          !cobalt_statement_bind_double (stmt, 7, phase->amount, error) ||
          !cobalt_statement_bind_text (stmt, 8, phase->label, error) ||
          !cobalt_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cobalt_prescriptions_table_insert (CobaltDatabase      *db,
                                   CobaltPrescription  *p,
                                   gint64              *new_id,
                                   guint               *new_version,
                                   GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autofree char *sites = NULL;
  const char * const *site_ids = cobalt_prescription_get_enabled_sites (p);
  guint version;
  gint64 id;

  if (!next_version (db, p->person_id, &version, error))
    return FALSE;

  sites = site_ids != NULL ? g_strjoinv (",", (char **) site_ids) : g_strdup ("");

  stmt = prepare (db, PRESCRIPTIONS_INSERT, error);
  if (stmt == NULL ||
      !cobalt_statement_bind_int64 (stmt, 1, p->person_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 2, version, error) ||
      !cobalt_statement_bind_int64 (stmt, 3, g_get_real_time (), error) ||
      !cobalt_statement_bind_date (stmt, 4, p->starts_on, error) ||
      !cobalt_statement_bind_text (stmt, 5, p->template_id, error) ||
      !cobalt_statement_bind_int64 (stmt, 6, p->product, error) ||
      !cobalt_statement_bind_text (stmt, 7, p->product_name, error) ||
      !cobalt_statement_bind_text (stmt, 8, p->strength_text, error) ||
      !cobalt_statement_bind_double (stmt, 9, p->amount, error) ||
      !cobalt_statement_bind_int64 (stmt, 10, p->unit, error) ||
      /* volume_ml is left to its default: never a volume that could
       * contradict dose and strength. */
      !cobalt_statement_bind_double (stmt, 11, p->strength_amount, error) ||
      !cobalt_statement_bind_int64 (stmt, 12, p->route, error) ||
      !cobalt_statement_bind_int64 (stmt, 13, p->drawing_needle_gauge, error) ||
      !cobalt_statement_bind_int64 (stmt, 14, p->injecting_needle_gauge, error) ||
      !cobalt_statement_bind_double (stmt, 15, p->needle_length_mm, error) ||
      !cobalt_statement_bind_double (stmt, 16, p->syringe_ml, error) ||
      !cobalt_statement_bind_int64 (stmt, 17, p->angle_degrees, error) ||
      !cobalt_statement_bind_int64 (stmt, 18, p->use_swab ? 1 : 0, error) ||
      !cobalt_statement_bind_int64 (stmt, 19, p->aspirate ? 1 : 0, error) ||
      !cobalt_statement_bind_text (stmt, 20, p->technique_notes, error) ||
      !cobalt_statement_bind_text (stmt, 21, sites, error) ||
      !cobalt_statement_bind_int64 (stmt, 22, p->reminder_minute, error) ||
      !cobalt_statement_bind_int64 (stmt, 23, p->grace_minutes, error) ||
      !cobalt_statement_bind_text (stmt, 24, p->notes, error) ||
      /* The column's CHECK wants NULL, not 0, for "not set". */
      !cobalt_statement_bind_id (stmt, 25, p->overdue_after_minutes, error) ||
      !cobalt_statement_bind_int64 (stmt, 26, p->strength_unit, error) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;
  id = cobalt_database_get_last_insert_id (db);

  if (!insert_phases (db, id, p->phases, error))
    return FALSE;

  *new_id = id;
  *new_version = version;
  return TRUE;
}
