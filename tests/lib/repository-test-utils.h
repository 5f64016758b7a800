/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The fixture and helpers shared by test-repository.c (people,
 * prescriptions, doses) and test-repository-records.c (checklists,
 * journal, supplies, reminder state, settings). */

#include <glib/gstdio.h>

#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

/* Fixture ------------------------------------------------------------------ */

/* One ::changed emission: its detail and what it said changed. */
typedef struct
{
  char                    *detail;
  CobaltRepositoryChanges  changes;
} Change;

static inline void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->detail);
  g_free (change);
}

typedef struct
{
  char             *tmp;
  CobaltDatabase   *db;
  CobaltRepository *repo;
  CobaltClock      *clock;    /* the repository's "now": 1 January 2027 */
  GPtrArray        *changes;  /* Change, one per ::changed, in order */
} Fixture;

static inline void
on_changed_cb (CobaltRepository        *repo,
               CobaltRepositoryChanges  changes,
               Fixture                 *fixture)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (repo);
  Change *change = g_new0 (Change, 1);

  change->detail = g_strdup (g_quark_to_string (hint->detail));
  change->changes = changes;
  g_ptr_array_add (fixture->changes, change);
}

static inline void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("cobalt-repo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = cobalt_database_open (fixture->tmp, &error);
  g_assert_no_error (error);
  fixture->repo = cobalt_repository_new (fixture->db);
  /* Never the real clock: what is "in the future" for the rules of what
   * may be logged is decided by this one. */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
    g_autoptr(GDateTime) now = g_date_time_new (tz, 2027, 1, 1, 12, 0, 0);

    fixture->clock = cobalt_clock_new_fixed (now);
    cobalt_repository_set_clock (fixture->repo, fixture->clock);
  }
  fixture->changes = g_ptr_array_new_with_free_func (change_free);
  g_signal_connect (fixture->repo, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static inline void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->repo);
  g_assert_finalize_object (fixture->db);
  g_assert_finalize_object (fixture->clock);
  g_ptr_array_unref (fixture->changes);
  rm_rf (fixture->tmp);
  g_free (fixture->tmp);
}

/* Whether any ::changed so far said @kind ("doses", "supplies", …)
 * changed. */
static inline gboolean
changed (Fixture    *fixture,
         const char *kind)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (COBALT_TYPE_REPOSITORY_CHANGES);
  GFlagsValue *value = g_flags_get_value_by_nick (klass, kind);

  g_assert_nonnull (value);
  for (guint i = 0; i < fixture->changes->len; i++)
    if (((Change *) fixture->changes->pdata[i])->changes & value->value)
      return TRUE;
  return FALSE;
}

static inline GDateTime *
london (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

static inline CobaltPerson *
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_person_new (name);

  g_assert_true (cobalt_repository_save_person (fixture->repo, person, &error));
  g_assert_no_error (error);
  return person;
}

static inline CobaltDose *
new_dose (gint64      person_id,
          GDateTime  *given_at,
          const char *site_id)
{
  CobaltDose *dose = cobalt_dose_new ();

  dose->person_id = person_id;
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_set_str (&dose->site_id, site_id);
  dose->amount = 1.0;
  dose->unit = COBALT_DOSE_UNIT_MG;
  dose->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  return dose;
}

static inline CobaltSupplyItem *
add_supply (Fixture          *fixture,
            gint64            person_id,
            CobaltSupplyKind  kind,
            int               count,
            const char       *batch,
            const GDate      *expiry)
{
  g_autoptr(GError) error = NULL;
  CobaltSupplyItem *item = cobalt_supply_item_new (person_id, kind, count);

  cobalt_set_str (&item->batch, batch);
  cobalt_set_date (&item->expiry, expiry);
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_no_error (error);
  return item;
}

static inline int
supply_count (Fixture *fixture,
              gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;

  stmt = cobalt_database_prepare (fixture->db, "SELECT count FROM supply_items WHERE id = ?1", &error);
  g_assert_no_error (error);
  g_assert_true (cobalt_statement_bind_int64 (stmt, 1, item_id, &error));
  g_assert_true (cobalt_statement_step (stmt, &error));
  return (int) cobalt_statement_get_int64 (stmt, 0);
}
