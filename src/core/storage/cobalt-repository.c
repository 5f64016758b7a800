/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-repository.h"
#include "cobalt-repository-private.h"

/* The repository object, people, prescriptions and settings. Doses and
 * resting sites live in cobalt-repository-doses.c; checklists, journal,
 * supplies and reminder state in cobalt-repository-records.c. */

struct _CobaltRepository
{
  GObject         parent_instance;

  CobaltDatabase *database;
  gulong          committed_id;
  CobaltClock    *clock;        /* "now" for the rules of what may be stored */
};

G_DEFINE_FINAL_TYPE (CobaltRepository, cobalt_repository, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (CobaltRepositoryChanges, cobalt_repository_changes,
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_DOSES, "doses"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS, "prescriptions"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_PEOPLE, "people"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_JOURNAL, "journal"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_CHECKLISTS, "checklists"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_SUPPLIES, "supplies"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_SETTINGS, "settings"),
  G_DEFINE_ENUM_VALUE (COBALT_REPOSITORY_CHANGED_REMINDERS, "reminders"))

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PERSON_COLUMNS \
  "id, name, date_of_birth, clinic_name, clinic_phone, emergency_number, notes, archived"

/* Column 10 was volume_ml, which is no longer read: the volume is dose ÷
 * strength, computed (strength_amount took its place, strength_unit is
 * last; "strength" is the old free text, kept for display). */
#define PRESCRIPTION_COLUMNS \
  "id, person_id, version, starts_on, template_id, product, product_name, strength, amount, unit, " \
  "strength_amount, route, drawing_needle_gauge, injecting_needle_gauge, needle_length_mm, syringe_ml, " \
  "angle_degrees, use_swab, aspirate, technique_notes, enabled_sites, reminder_minute, " \
  "grace_minutes, notes, overdue_after_minutes, strength_unit"

/* What each table holds, for ::changed. A new table must be added here:
 * a write to one that is not is a programming error, and says so. */
static const struct
{
  const char              *table;
  CobaltRepositoryChanges  change;
} table_changes[] = {
  { "doses",               COBALT_REPOSITORY_CHANGED_DOSES },
  { "resting_sites",       COBALT_REPOSITORY_CHANGED_DOSES },
  { "prescriptions",       COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS },
  { "prescription_phases", COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS },
  { "people",              COBALT_REPOSITORY_CHANGED_PEOPLE },
  { "reactions",           COBALT_REPOSITORY_CHANGED_JOURNAL },
  { "checkins",            COBALT_REPOSITORY_CHANGED_JOURNAL },
  { "lab_results",         COBALT_REPOSITORY_CHANGED_JOURNAL },
  { "checklist_steps",     COBALT_REPOSITORY_CHANGED_CHECKLISTS },
  { "checklist_runs",      COBALT_REPOSITORY_CHANGED_CHECKLISTS },
  { "checklist_run_steps", COBALT_REPOSITORY_CHANGED_CHECKLISTS },
  { "supply_items",        COBALT_REPOSITORY_CHANGED_SUPPLIES },
  { "sharps_bins",         COBALT_REPOSITORY_CHANGED_SUPPLIES },
  { "dose_supply_uses",    COBALT_REPOSITORY_CHANGED_SUPPLIES },
  { "settings",            COBALT_REPOSITORY_CHANGED_SETTINGS },
  { "reminder_state",      COBALT_REPOSITORY_CHANGED_REMINDERS },
};

CobaltRepositoryChanges
cobalt_repository_table_get_change (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_changes); i++)
    if (g_str_equal (table, table_changes[i].table))
      return table_changes[i].change;
  return 0;
}

static void
on_database_committed_cb (CobaltDatabase     *database,
                          const char * const *tables,
                          CobaltRepository   *self)
{
  CobaltRepositoryChanges changes = 0;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      CobaltRepositoryChanges change = cobalt_repository_table_get_change (tables[i]);

      if (change == 0)
        g_warning ("The table “%s” has no kind of change for ::changed", tables[i]);
      changes |= change;
    }

  if (changes != 0)
    g_signal_emit (self, signals[CHANGED],
                   g_quark_from_static_string (cobalt_repository_changes_get_detail (changes)),
                   changes);
}

/* Helpers shared by the area files ------------------------------------------ */

gint64
cobalt_repository_to_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

GDateTime *
cobalt_repository_from_us (gint64      us,
                           const char *tz_id)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) exact = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  gint64 seconds = us / G_USEC_PER_SEC;
  gint64 micro = us % G_USEC_PER_SEC;

  /* Floor division, so instants before 1970 stay right too. */
  if (micro < 0)
    {
      seconds -= 1;
      micro += G_USEC_PER_SEC;
    }

  utc = g_date_time_new_from_unix_utc (seconds);
  if (utc == NULL)
    return NULL;
  exact = g_date_time_add (utc, micro);

  if (tz_id != NULL)
    tz = g_time_zone_new_identifier (tz_id);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  return g_date_time_to_timezone (exact, tz);
}

gboolean
cobalt_repository_bind_time (CobaltStatement  *stmt,
                             int               index,
                             GDateTime        *dt,
                             GError          **error)
{
  if (dt == NULL)
    return cobalt_statement_bind_null (stmt, index, error);
  return cobalt_statement_bind_int64 (stmt, index, cobalt_repository_to_us (dt), error);
}

GDateTime *
cobalt_repository_get_time (CobaltStatement *stmt,
                            int              column)
{
  if (cobalt_statement_get_is_null (stmt, column))
    return NULL;
  return cobalt_repository_from_us (cobalt_statement_get_int64 (stmt, column), NULL);
}

void
cobalt_repository_set_not_found (GError     **error,
                                 const char  *what,
                                 gint64       id)
{
  g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
               _("The %s was not found (it may have been removed in another window)"), what);
  g_debug ("%s %" G_GINT64_FORMAT " not found", what, id);
}

gboolean
cobalt_repository_check_person_exists (CobaltDatabase  *db,
                                       gint64           person_id,
                                       GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = cobalt_database_prepare (db, "SELECT 1 FROM people WHERE id = ?1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;
  if (cobalt_statement_step (stmt, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, _("person"), person_id);
  return FALSE;
}

/* Row → object ---------------------------------------------------------------- */

static CobaltPerson *
person_from_row (CobaltStatement *stmt)
{
  CobaltPerson *person = cobalt_person_new (cobalt_statement_get_text (stmt, 1));
  GDate dob;

  person->id = cobalt_statement_get_int64 (stmt, 0);
  if (cobalt_statement_get_date (stmt, 2, &dob))
    cobalt_set_date (&person->date_of_birth, &dob);
  cobalt_set_str (&person->clinic_name, cobalt_statement_get_text (stmt, 3));
  cobalt_set_str (&person->clinic_phone, cobalt_statement_get_text (stmt, 4));
  cobalt_person_set_emergency_number (person, cobalt_statement_get_text (stmt, 5));
  cobalt_set_str (&person->notes, cobalt_statement_get_text (stmt, 6));
  cobalt_person_set_archived (person, cobalt_statement_get_boolean (stmt, 7));
  return person;
}

static gboolean
load_phases (CobaltDatabase      *db,
             CobaltPrescription  *prescription,
             GError             **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  g_autoptr(GError) local_error = NULL;

  stmt = cobalt_database_prepare (db,
                                  "SELECT unit, interval, end_kind, end_value, amount, label "
                                  "FROM prescription_phases WHERE prescription_id = ?1 ORDER BY position",
                                  error);
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
  g_auto(GStrv) sites = NULL;
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
  cobalt_prescription_set_use_swab (p, cobalt_statement_get_boolean (stmt, 17));
  cobalt_prescription_set_aspirate (p, cobalt_statement_get_boolean (stmt, 18));
  cobalt_set_str (&p->technique_notes, cobalt_statement_get_text (stmt, 19));

  /* Site ids are catalogue ids ("deltoid-left"): they never hold a comma. */
  sites = g_strsplit (cobalt_statement_get_text (stmt, 20) != NULL ? cobalt_statement_get_text (stmt, 20) : "",
                      ",", -1);
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; sites[i] != NULL; i++)
      if (sites[i][0] != '\0')
        g_ptr_array_add (ids, sites[i]);
    g_ptr_array_add (ids, NULL);
    cobalt_prescription_set_enabled_sites (p, (const char * const *) ids->pdata);
  }

  p->reminder_minute = cobalt_statement_get_int64 (stmt, 21);
  p->grace_minutes = cobalt_statement_get_int64 (stmt, 22);
  cobalt_set_str (&p->notes, cobalt_statement_get_text (stmt, 23));
  /* NULL (not set) reads as 0. */
  p->overdue_after_minutes = cobalt_statement_get_int64 (stmt, 24);
  p->strength_unit = cobalt_statement_get_int64 (stmt, 25);
  return p;
}

/* Loads every prescription row @stmt yields, phases included. */
static GPtrArray *
load_prescriptions (CobaltDatabase   *db,
                    CobaltStatement  *stmt,
                    GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  while (cobalt_statement_step (stmt, &local_error))
    g_ptr_array_add (list, prescription_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < list->len; i++)
    if (!load_phases (db, g_ptr_array_index (list, i), error))
      return NULL;

  return g_steal_pointer (&list);
}

/* Writes ---------------------------------------------------------------------- */

typedef struct
{
  CobaltPerson *person;
  gint64        new_id;
} SavePerson;

static gboolean
save_person_write (CobaltDatabase  *db,
                   gpointer         user_data,
                   GError         **error)
{
  SavePerson *data = user_data;
  CobaltPerson *person = data->person;
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListModel) defaults = NULL;
  g_autoptr(GArray) ids = NULL;
  const char *emergency = cobalt_person_get_emergency_number (person);
  gint64 id = person->id;
  gint64 now = g_get_real_time ();

  /* The locale's default is not stored, so it follows the locale. */
  if (g_strcmp0 (emergency, cobalt_default_emergency_number ()) == 0)
    emergency = NULL;

  if (id == 0)
    stmt = cobalt_database_prepare (db,
                                    "INSERT INTO people (name, date_of_birth, clinic_name, clinic_phone, "
                                    "emergency_number, notes, archived, created_at_us, updated_at_us) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  else
    stmt = cobalt_database_prepare (db,
                                    "UPDATE people SET name = ?1, date_of_birth = ?2, clinic_name = ?3, "
                                    "clinic_phone = ?4, emergency_number = ?5, notes = ?6, archived = ?7, "
                                    "updated_at_us = ?8 WHERE id = ?9", error);
  if (stmt == NULL ||
      !cobalt_statement_bind_text (stmt, 1, person->name, error) ||
      !cobalt_statement_bind_date (stmt, 2, person->date_of_birth, error) ||
      !cobalt_statement_bind_text (stmt, 3, person->clinic_name, error) ||
      !cobalt_statement_bind_text (stmt, 4, person->clinic_phone, error) ||
      !cobalt_statement_bind_text (stmt, 5, emergency, error) ||
      !cobalt_statement_bind_text (stmt, 6, person->notes, error) ||
      !cobalt_statement_bind_int64 (stmt, 7, person->archived, error) ||
      !cobalt_statement_bind_int64 (stmt, 8, now, error) ||
      (id != 0 && !cobalt_statement_bind_int64 (stmt, 9, id, error)) ||
      !cobalt_statement_execute (stmt, error))
    return FALSE;

  if (id != 0)
    {
      if (cobalt_database_get_changes (db) == 0)
        {
          cobalt_repository_set_not_found (error, _("person"), id);
          return FALSE;
        }
      return TRUE;
    }

  data->new_id = cobalt_database_get_last_insert_id (db);

  /* A new person starts with the default checklist, in the same
   * transaction: never a person without one. */
  defaults = cobalt_checklist_default_steps ();
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return cobalt_repository_write_checklist_steps (db, data->new_id, defaults, ids, error);
}

typedef struct
{
  CobaltPrescription *prescription;
  gint64              new_id;
  guint               new_version;
} SavePrescription;

static gboolean
save_prescription_write (CobaltDatabase  *db,
                         gpointer         user_data,
                         GError         **error)
{
  SavePrescription *data = user_data;
  CobaltPrescription *p = data->prescription;
  g_autoptr(CobaltStatement) version = NULL;
  g_autoptr(CobaltStatement) insert = NULL;
  g_autoptr(CobaltStatement) phase_insert = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sites = NULL;
  const char * const *site_ids = cobalt_prescription_get_enabled_sites (p);
  GPtrArray *phases = p->phases;
  gint64 person_id = p->person_id;

  if (!cobalt_repository_check_person_exists (db, person_id, error))
    return FALSE;

  version = cobalt_database_prepare (db,
                                     "SELECT coalesce(max(version), 0) + 1 FROM prescriptions WHERE person_id = ?1",
                                     error);
  if (version == NULL || !cobalt_statement_bind_int64 (version, 1, person_id, error))
    return FALSE;
  if (!cobalt_statement_step (version, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  data->new_version = cobalt_statement_get_int64 (version, 0);

  sites = site_ids != NULL ? g_strjoinv (",", (char **) site_ids) : g_strdup ("");

  insert = cobalt_database_prepare (db,
                                    "INSERT INTO prescriptions (person_id, version, created_at_us, starts_on, "
                                    "template_id, product, product_name, strength, amount, unit, strength_amount, "
                                    "route, drawing_needle_gauge, injecting_needle_gauge, needle_length_mm, "
                                    "syringe_ml, angle_degrees, use_swab, aspirate, technique_notes, "
                                    "enabled_sites, reminder_minute, grace_minutes, notes, "
                                    "overdue_after_minutes, strength_unit) VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                    "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)", error);
  if (insert == NULL ||
      !cobalt_statement_bind_int64 (insert, 1, person_id, error) ||
      !cobalt_statement_bind_int64 (insert, 2, data->new_version, error) ||
      !cobalt_statement_bind_int64 (insert, 3, g_get_real_time (), error) ||
      !cobalt_statement_bind_date (insert, 4, p->starts_on, error) ||
      !cobalt_statement_bind_text (insert, 5, p->template_id, error) ||
      !cobalt_statement_bind_int64 (insert, 6, p->product, error) ||
      !cobalt_statement_bind_text (insert, 7, p->product_name, error) ||
      !cobalt_statement_bind_text (insert, 8, p->strength_text, error) ||
      !cobalt_statement_bind_double (insert, 9, p->amount, error) ||
      !cobalt_statement_bind_int64 (insert, 10, p->unit, error) ||
      /* volume_ml is left to its default: never a volume that could
       * contradict dose and strength. */
      !cobalt_statement_bind_double (insert, 11, p->strength_amount, error) ||
      !cobalt_statement_bind_int64 (insert, 12, p->route, error) ||
      !cobalt_statement_bind_int64 (insert, 13, p->drawing_needle_gauge, error) ||
      !cobalt_statement_bind_int64 (insert, 14, p->injecting_needle_gauge, error) ||
      !cobalt_statement_bind_double (insert, 15, p->needle_length_mm, error) ||
      !cobalt_statement_bind_double (insert, 16, p->syringe_ml, error) ||
      !cobalt_statement_bind_int64 (insert, 17, p->angle_degrees, error) ||
      !cobalt_statement_bind_int64 (insert, 18, p->use_swab, error) ||
      !cobalt_statement_bind_int64 (insert, 19, p->aspirate, error) ||
      !cobalt_statement_bind_text (insert, 20, p->technique_notes, error) ||
      !cobalt_statement_bind_text (insert, 21, sites, error) ||
      !cobalt_statement_bind_int64 (insert, 22, p->reminder_minute, error) ||
      !cobalt_statement_bind_int64 (insert, 23, p->grace_minutes, error) ||
      !cobalt_statement_bind_text (insert, 24, p->notes, error) ||
      /* The column's CHECK wants NULL, not 0, for "not set". */
      !cobalt_statement_bind_id (insert, 25, p->overdue_after_minutes, error) ||
      !cobalt_statement_bind_int64 (insert, 26, p->strength_unit, error) ||
      !cobalt_statement_execute (insert, error))
    return FALSE;
  data->new_id = cobalt_database_get_last_insert_id (db);

  phase_insert = cobalt_database_prepare (db,
                                          "INSERT INTO prescription_phases (prescription_id, position, unit, "
                                          "interval, end_kind, end_value, amount, label) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (phase_insert == NULL)
    return FALSE;

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      const CobaltPhase *phase = g_ptr_array_index (phases, i);

      cobalt_statement_reset (phase_insert);
      if (!cobalt_statement_bind_int64 (phase_insert, 1, data->new_id, error) ||
          !cobalt_statement_bind_int64 (phase_insert, 2, i, error) ||
          !cobalt_statement_bind_int64 (phase_insert, 3, phase->unit, error) ||
          !cobalt_statement_bind_int64 (phase_insert, 4, phase->interval, error) ||
          !cobalt_statement_bind_int64 (phase_insert, 5, phase->end, error) ||
          !cobalt_statement_bind_int64 (phase_insert, 6, phase->end_value, error) ||
          !cobalt_statement_bind_double (phase_insert, 7, phase->amount, error) ||
          !cobalt_statement_bind_text (phase_insert, 8, phase->label, error) ||
          !cobalt_statement_execute (phase_insert, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *key;
  const char *value;
} SetSetting;

static gboolean
set_setting_write (CobaltDatabase  *db,
                   gpointer         user_data,
                   GError         **error)
{
  SetSetting *data = user_data;

  return cobalt_database_set_setting (db, data->key, data->value, error);
}

/* GObject ------------------------------------------------------------------ */

static void
cobalt_repository_dispose (GObject *object)
{
  CobaltRepository *self = (CobaltRepository *) object;

  if (self->database != NULL)
    g_clear_signal_handler (&self->committed_id, self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cobalt_repository_parent_class)->dispose (object);
}

static void
cobalt_repository_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltRepository *self = COBALT_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_repository_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltRepository *self = COBALT_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      if (self->database != NULL)
        self->committed_id = g_signal_connect (self->database, "committed",
                                               G_CALLBACK (on_database_committed_cb), self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_repository_class_init (CobaltRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cobalt_repository_dispose;
  object_class->get_property = cobalt_repository_get_property;
  object_class->set_property = cobalt_repository_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, COBALT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltRepository::changed:
   * @changes: every kind of record the transaction changed
   *
   * Emitted once after each committed write transaction, never for one
   * rolled back. The detail is cobalt_repository_changes_get_detail() of
   * @changes (see cobalt-repository.h).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  COBALT_TYPE_REPOSITORY_CHANGES);
}

static void
cobalt_repository_init (CobaltRepository *self)
{
}

/* Public ----------------------------------------------------------------------- */

CobaltRepository *
cobalt_repository_new (CobaltDatabase *database)
{
  g_return_val_if_fail (COBALT_IS_DATABASE (database), NULL);

  return g_object_new (COBALT_TYPE_REPOSITORY, "database", database, NULL);
}

CobaltDatabase *
cobalt_repository_get_database (CobaltRepository *self)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return self->database;
}

const char *
cobalt_repository_changes_get_detail (CobaltRepositoryChanges changes)
{
  GFlagsClass *klass;
  GFlagsValue *value;
  guint bits = changes;
  guint lowest = bits & (~bits + 1);

  if (lowest == 0)
    return NULL;

  /* The flags class lives as long as the program once the type exists. */
  klass = g_type_class_ref (COBALT_TYPE_REPOSITORY_CHANGES);
  value = g_flags_get_first_value (klass, lowest);
  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : NULL;
}

CobaltRepository *
cobalt_repository_open (const char                 *data_dir,
                        CobaltRepositoryOpenFlags   flags,
                        GError                    **error)
{
  g_autoptr(CobaltDatabase) database = NULL;
  CobaltDatabaseOpenFlags database_flags = COBALT_DATABASE_OPEN_DEFAULT;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (flags & COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP)
    database_flags |= COBALT_DATABASE_OPEN_NO_AUTO_BACKUP;

  database = cobalt_database_open_full (data_dir, database_flags, error);
  if (database == NULL)
    return NULL;
  return cobalt_repository_new (database);
}

CobaltRepository *
cobalt_repository_new_in_memory (GError **error)
{
  g_autoptr(CobaltDatabase) database = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = cobalt_database_new_in_memory (error);
  if (database == NULL)
    return NULL;
  return cobalt_repository_new (database);
}

CobaltClock *
cobalt_repository_get_clock (CobaltRepository *self)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  /* The real clock unless told otherwise: cobalt-reminder and the
   * command line need nothing else. */
  if (self->clock == NULL)
    self->clock = cobalt_clock_new_real ();
  return self->clock;
}

void
cobalt_repository_set_clock (CobaltRepository *self,
                             CobaltClock      *clock)
{
  g_return_if_fail (COBALT_IS_REPOSITORY (self));
  g_return_if_fail (clock == NULL || COBALT_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

const char *
cobalt_repository_get_data_dir (CobaltRepository *self)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_database_get_data_dir (self->database);
}

gint64
cobalt_repository_get_data_version (CobaltRepository  *self,
                                    GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), -1);

  return cobalt_database_get_data_version (self->database, error);
}

char *
cobalt_repository_backup (CobaltRepository  *self,
                          GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_database_backup (self->database, error);
}

GPtrArray *
cobalt_repository_list_backups (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return cobalt_database_list_backups (data_dir);
}

gboolean
cobalt_repository_verify_backup (const char  *path,
                                 GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return cobalt_database_verify_file (path, error);
}

gboolean
cobalt_repository_restore_backup (const char  *data_dir,
                                  const char  *backup_path,
                                  GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  return cobalt_database_restore_backup (data_dir, backup_path, error);
}

gboolean
cobalt_repository_move_aside (const char  *data_dir,
                              char       **new_path,
                              GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, FALSE);

  return cobalt_database_move_aside (data_dir, new_path, error);
}

GListModel *
cobalt_repository_list_people (CobaltRepository  *self,
                               gboolean           include_archived,
                               GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (self->database,
                                  "SELECT " PERSON_COLUMNS " FROM people "
                                  "WHERE archived = 0 OR ?1 ORDER BY name COLLATE NOCASE, id",
                                  error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, include_archived ? 1 : 0, error))
    return NULL;

  store = g_list_store_new (COBALT_TYPE_PERSON);
  while (cobalt_statement_step (stmt, &local_error))
    {
      g_autoptr(CobaltPerson) person = person_from_row (stmt);
      g_list_store_append (store, person);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

CobaltPerson *
cobalt_repository_get_person (CobaltRepository  *self,
                              gint64             person_id,
                              GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (self->database,
                                  "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return person_from_row (stmt);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    cobalt_repository_set_not_found (error, _("person"), person_id);
  return NULL;
}

CobaltPerson *
cobalt_repository_find_person (CobaltRepository  *self,
                               const char        *name,
                               GError           **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  people = cobalt_repository_list_people (self, TRUE, error);
  if (people == NULL)
    return NULL;

  /* Case-folded in C: SQLite's NOCASE only knows ASCII, and "Zoë" must
   * find "ZOË". */
  {
    g_autofree char *stripped = g_strstrip (g_strdup (name));
    wanted = g_utf8_casefold (stripped, -1);
  }

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);
      g_autofree char *stripped = g_strstrip (g_strdup (person->name));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);

      if (g_str_equal (folded, wanted))
        return g_steal_pointer (&person);
    }

  g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
               _("Nobody called “%s” was found"), name);
  return NULL;
}

gboolean
cobalt_repository_save_person (CobaltRepository  *self,
                               CobaltPerson      *person,
                               GError           **error)
{
  SavePerson data = { person, 0 };
  gboolean is_new;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_PERSON (person), FALSE);

  if (!cobalt_person_validate (person, error))
    return FALSE;

  is_new = person->id == 0;
  if (!cobalt_database_run_write (self->database, save_person_write, &data, error))
    return FALSE;

  if (is_new)
    person->id = data.new_id;
  return TRUE;
}

CobaltPrescription *
cobalt_repository_get_prescription (CobaltRepository  *self,
                                    gint64             person_id,
                                    GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (self->database,
                                  "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions "
                                  "WHERE person_id = ?1 ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  list = load_prescriptions (self->database, stmt, error);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (list, 0));
}

CobaltPrescription *
cobalt_repository_load_prescription (CobaltDatabase  *db,
                                     gint64           prescription_id,
                                     GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  stmt = cobalt_database_prepare (db,
                                  "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions WHERE id = ?1", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, prescription_id, error))
    return NULL;

  list = load_prescriptions (db, stmt, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      cobalt_repository_set_not_found (error, _("prescription"), prescription_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (list, 0));
}

CobaltPrescription *
cobalt_repository_get_prescription_version (CobaltRepository  *self,
                                            gint64             prescription_id,
                                            GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_repository_load_prescription (self->database, prescription_id, error);
}

gboolean
cobalt_repository_save_prescription (CobaltRepository    *self,
                                     CobaltPrescription  *prescription,
                                     GError             **error)
{
  SavePrescription data = { prescription, 0, 0 };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), FALSE);

  if (!cobalt_prescription_validate (prescription, error))
    return FALSE;

  if (!cobalt_database_run_write (self->database, save_prescription_write, &data, error))
    return FALSE;

  prescription->id = data.new_id;
  prescription->version = data.new_version;
  return TRUE;
}

GListModel *
cobalt_repository_list_prescription_history (CobaltRepository  *self,
                                             gint64             person_id,
                                             GError           **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GListStore *store;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  stmt = cobalt_database_prepare (self->database,
                                  "SELECT " PRESCRIPTION_COLUMNS " FROM prescriptions "
                                  "WHERE person_id = ?1 ORDER BY version DESC", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return NULL;

  list = load_prescriptions (self->database, stmt, error);
  if (list == NULL)
    return NULL;

  store = g_list_store_new (COBALT_TYPE_PRESCRIPTION);
  g_list_store_splice (store, 0, 0, list->pdata, list->len);
  return G_LIST_MODEL (store);
}

char *
cobalt_repository_get_setting (CobaltRepository  *self,
                               const char        *key,
                               GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return cobalt_database_get_setting (self->database, key, error);
}

gboolean
cobalt_repository_set_setting (CobaltRepository  *self,
                               const char        *key,
                               const char        *value,
                               GError           **error)
{
  SetSetting data = { key, value };

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return cobalt_database_run_write (self->database, set_setting_write, &data, error);
}
