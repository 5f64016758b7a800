/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Internal to the database: the list of schema migrations. Step N takes a
 * database from user_version N-1 to N; the database runs each step and its
 * version bump in one transaction, after a verified backup. */
typedef struct
{
  guint        version;
  /* Several statements; constant SQL only. */
  const char  *sql;
  /* For steps that rebuild a table (the SQLite "12 steps"): foreign keys
   * are switched off around the transaction and foreign_key_check must
   * come back empty before the commit. */
  gboolean     rebuilds_tables;
} CobaltMigration;

/* The newest version known (including test steps). */
guint                  cobalt_migrations_get_latest       (void);
/* The step that produces @version, or NULL. */
const CobaltMigration *cobalt_migrations_lookup           (guint version);

/* Test hook: appends @steps (versions must continue the built-in list;
 * the array must stay alive) as if a newer Cobalt had shipped them, or
 * removes them with NULL. Only the tests call this. */
void                   cobalt_migrations_set_test_steps   (const CobaltMigration *steps,
                                                           guint                  n_steps);
/* Test hook: behaves as an older Cobalt that shipped only the first
 * @n_steps built-in steps (0 restores them all), so a test can make a
 * database of an old schema and then migrate it. Call with no test steps
 * set. */
void                   cobalt_migrations_set_test_builtin_limit (guint n_steps);

G_END_DECLS
