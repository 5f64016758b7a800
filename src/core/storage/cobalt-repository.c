/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-tables-private.h"
#include "cobalt-time-zone.h"

/* The repository object, people, prescriptions and settings. Doses and
 * resting sites live in cobalt-repository-doses.c; checklists in
 * cobalt-repository-checklists.c; journal, supplies and reminder state in
 * cobalt-repository-records.c. Every SQL statement is in the
 * cobalt-*-table(s).c files (cobalt-tables-private.h). */

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

  /* A name from the file is checked before GLib opens anything for it;
   * an invalid one is shown in the local zone (cobalt-time-zone.h). */
  tz = cobalt_time_zone_new_stored (tz_id);

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

/* One whole sentence per kind of record: a noun put into one sentence
 * cannot take its gender and case in other languages. */
static const char *
missing_get_message (CobaltMissing what)
{
  switch (what)
    {
    case COBALT_MISSING_PERSON:
      return _("The person was not found (it may have been removed in another window)");
    case COBALT_MISSING_PRESCRIPTION:
      return _("The prescription was not found (it may have been removed in another window)");
    case COBALT_MISSING_DOSE:
      return _("The dose was not found (it may have been removed in another window)");
    case COBALT_MISSING_CHECKLIST_RUN:
      return _("The checklist run was not found (it may have been removed in another window)");
    case COBALT_MISSING_REACTION:
      return _("The reaction was not found (it may have been removed in another window)");
    case COBALT_MISSING_CHECKIN:
      return _("The check-in was not found (it may have been removed in another window)");
    case COBALT_MISSING_LAB_RESULT:
      return _("The lab result was not found (it may have been removed in another window)");
    case COBALT_MISSING_SUPPLY_ITEM:
      return _("The supply item was not found (it may have been removed in another window)");
    }
  g_assert_not_reached ();
}

void
cobalt_repository_set_not_found (GError        **error,
                                 CobaltMissing   what,
                                 gint64          id)
{
  g_set_error_literal (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                       missing_get_message (what));
  g_debug ("record of kind %d, %" G_GINT64_FORMAT ", not found", (int) what, id);
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
  g_autoptr(GListModel) defaults = NULL;
  g_autoptr(GArray) ids = NULL;

  if (data->person->id != 0)
    return cobalt_people_table_update (db, data->person, error);

  if (!cobalt_people_table_insert (db, data->person, &data->new_id, error))
    return FALSE;

  /* A new person starts with the default checklist, in the same
   * transaction: never a person without one. */
  defaults = cobalt_checklist_default_steps ();
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return cobalt_checklist_steps_table_replace (db, data->new_id, defaults, ids, error);
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

  return cobalt_people_table_check_exists (db, data->prescription->person_id, error) &&
         cobalt_prescriptions_table_insert (db, data->prescription,
                                            &data->new_id, &data->new_version, error);
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

  return cobalt_settings_table_set (db, data->key, data->value, error);
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
  if (flags & COBALT_REPOSITORY_OPEN_QUICK_CHECK)
    database_flags |= COBALT_DATABASE_OPEN_QUICK_CHECK;
  if (flags & COBALT_REPOSITORY_OPEN_NEW_LOG)
    database_flags |= COBALT_DATABASE_OPEN_NEW_LOG;

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

GPtrArray *
cobalt_repository_list_set_aside (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return cobalt_database_list_set_aside (data_dir);
}

gboolean
cobalt_repository_has_recoverable (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, FALSE);

  return cobalt_database_has_recoverable (data_dir);
}

gboolean
cobalt_repository_check_integrity (const char    *data_dir,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = g_build_filename (data_dir, COBALT_REPOSITORY_FILENAME, NULL);
  return cobalt_database_check_integrity (path, cancellable, error);
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;

  if (cobalt_repository_check_integrity (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
cobalt_repository_check_integrity_async (const char          *data_dir,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data_dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cobalt_repository_check_integrity_async);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

gboolean
cobalt_repository_check_integrity_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cobalt_repository_check_integrity_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
                                  char       **kept_path,
                                  GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  return cobalt_database_restore_backup (data_dir, backup_path, kept_path, error);
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
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_people_table_select (self->database, include_archived, error);
}

CobaltPerson *
cobalt_repository_get_person (CobaltRepository  *self,
                              gint64             person_id,
                              GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_people_table_select_by_id (self->database, person_id, error);
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
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_prescriptions_table_select_current (self->database, person_id, error);
}

CobaltPrescription *
cobalt_repository_get_prescription_version (CobaltRepository  *self,
                                            gint64             prescription_id,
                                            GError           **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  return cobalt_prescriptions_table_select_by_id (self->database, prescription_id, error);
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
  g_autoptr(GPtrArray) list = NULL;
  GListStore *store;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (self), NULL);

  list = cobalt_prescriptions_table_select_history (self->database, person_id, error);
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

  return cobalt_settings_table_select (self->database, key, error);
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
