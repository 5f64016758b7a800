/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-tables-private.h"

/* The settings table: key → text kept in the database itself, so every
 * process that opens it reads the same (the daily backup's switch and
 * time: COBALT_SETTING_* in cobalt-database.h). */

typedef enum
{
  SETTINGS_SELECT,
  SETTINGS_UPSERT,
  SETTINGS_DELETE,
  N_SETTINGS_STATEMENTS
} SettingsStatement;

static const char * const settings_sql[N_SETTINGS_STATEMENTS] = {
  [SETTINGS_SELECT] =
    "SELECT value FROM settings WHERE key = ?1",
  [SETTINGS_UPSERT] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [SETTINGS_DELETE] =
    "DELETE FROM settings WHERE key = ?1",
};

static CobaltStatement *
prepare (CobaltDatabase     *db,
         SettingsStatement   which,
         GError            **error)
{
  return cobalt_database_prepare (db, settings_sql[which], error);
}

char *
cobalt_settings_table_select (CobaltDatabase  *db,
                              const char      *key,
                              GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = prepare (db, SETTINGS_SELECT, error);
  if (stmt == NULL || !cobalt_statement_bind_text (stmt, 1, key, error))
    return NULL;

  if (cobalt_statement_step (stmt, &local_error))
    return g_strdup (cobalt_statement_get_text (stmt, 0));

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cobalt_settings_table_set (CobaltDatabase  *db,
                           const char      *key,
                           const char      *value,
                           GError         **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = prepare (db, value != NULL ? SETTINGS_UPSERT : SETTINGS_DELETE, error);
  return stmt != NULL &&
         cobalt_statement_bind_text (stmt, 1, key, error) &&
         (value == NULL || cobalt_statement_bind_text (stmt, 2, value, error)) &&
         cobalt_statement_execute (stmt, error);
}
