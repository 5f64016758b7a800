/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-repository.h"
#include "repository-test-utils.h"

/* The repository's ::changed: one emission per committed transaction,
 * after the COMMIT, never for one rolled back, with a detail that names
 * what changed and every kind it touched in its argument. This is what
 * lets every open view follow a write made anywhere in the window. */

/* Counts what one detailed handler heard. */
typedef struct
{
  guint                    n;
  CobaltRepositoryChanges  last;
} Heard;

static void
on_heard_cb (CobaltRepository        *repo,
             CobaltRepositoryChanges  changes,
             Heard                   *heard)
{
  heard->n++;
  heard->last = changes;
}

static Change *
only_change (Fixture *fixture)
{
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  return fixture->changes->pdata[0];
}

static void
forget_changes (Fixture *fixture)
{
  g_ptr_array_set_size (fixture->changes, 0);
}

static void
assert_one_change (Fixture                 *fixture,
                   const char              *detail,
                   CobaltRepositoryChanges  changes)
{
  Change *change = only_change (fixture);

  g_assert_cmpstr (change->detail, ==, detail);
  g_assert_cmpuint (change->changes, ==, changes);
  forget_changes (fixture);
}

static void
on_changed_check_committed_cb (CobaltRepository        *repo,
                               CobaltRepositoryChanges  changes,
                               Fixture                 *fixture)
{
  /* Emitted from the commit: nothing is pending any more. */
  g_assert_false (cobalt_database_in_transaction (fixture->db));
}

static void
test_one_per_transaction (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = cobalt_person_new ("Robin");
  g_autoptr(CobaltSupplyItem) swabs = NULL;
  g_autoptr(CobaltSharpsBin) bin = NULL;
  g_autoptr(GDateTime) given = london (2026, 3, 2, 9, 0, 0);
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(CobaltReaction) reaction = NULL;
  Heard doses = { 0, }, supplies = { 0, };
  gint64 person_id;

  g_signal_connect (fixture->repo, "changed", G_CALLBACK (on_changed_check_committed_cb), fixture);
  g_signal_connect (fixture->repo, "changed::doses", G_CALLBACK (on_heard_cb), &doses);
  g_signal_connect (fixture->repo, "changed::supplies", G_CALLBACK (on_heard_cb), &supplies);

  /* A new person comes with the default checklist: one transaction. */
  g_assert_true (cobalt_repository_save_person (fixture->repo, person, &error));
  g_assert_no_error (error);
  person_id = person->id;
  assert_one_change (fixture, "people", COBALT_REPOSITORY_CHANGED_PEOPLE | COBALT_REPOSITORY_CHANGED_CHECKLISTS);

  swabs = add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 10, NULL, NULL);
  assert_one_change (fixture, "supplies", COBALT_REPOSITORY_CHANGED_SUPPLIES);
  bin = cobalt_sharps_bin_new (person_id, 20);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "supplies", COBALT_REPOSITORY_CHANGED_SUPPLIES);
  g_assert_cmpuint (supplies.n, ==, 2);

  /* Logging a dose uses a swab and fills the bin: still one signal, about
   * the dose, saying that supplies changed too. */
  dose = new_dose (person_id, given, "deltoid-left");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "doses", COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_SUPPLIES);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 9);
  g_assert_cmpuint (doses.n, ==, 1);
  g_assert_cmpuint (doses.last, ==, COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_SUPPLIES);
  g_assert_cmpuint (supplies.n, ==, 2);

  /* The journal: add, change, delete, restore, each one signal. */
  reaction = cobalt_reaction_new (person_id, "fever", given);
  reaction->dose_id = dose->id;
  g_assert_true (cobalt_repository_add_reaction (fixture->repo, reaction, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "journal", COBALT_REPOSITORY_CHANGED_JOURNAL);
  cobalt_set_str (&reaction->note, "38.2 °C in the evening");
  g_assert_true (cobalt_repository_update_reaction (fixture->repo, reaction, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "journal", COBALT_REPOSITORY_CHANGED_JOURNAL);
  g_assert_true (cobalt_repository_delete_reaction (fixture->repo, reaction->id, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "journal", COBALT_REPOSITORY_CHANGED_JOURNAL);
  g_assert_true (cobalt_repository_restore_reaction (fixture->repo, reaction, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "journal", COBALT_REPOSITORY_CHANGED_JOURNAL);

  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", "1", &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "settings", COBALT_REPOSITORY_CHANGED_SETTINGS);

  /* Undoing the dose gives the swab back: one signal again. */
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, dose->id, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "doses", COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_SUPPLIES);
  g_assert_cmpuint (doses.n, ==, 2);
  g_assert_cmpuint (supplies.n, ==, 2);

  /* Reads say nothing. */
  g_clear_object (&person);
  person = cobalt_repository_get_person (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_none_on_rollback (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = add_person (fixture, "Kim");
  g_autoptr(CobaltSupplyItem) swabs = NULL;
  g_autoptr(GDateTime) given = london (2026, 3, 2, 9, 0, 0);
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(CobaltReaction) ghost = NULL;
  gint64 person_id = person->id;

  swabs = add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 10, NULL, NULL);
  forget_changes (fixture);

  /* The dose row is written, then using the swab fails: the whole
   * transaction rolls back, and nobody is told of a dose that is not
   * there. */
  g_assert_true (cobalt_database_exec (fixture->db,
                                       "CREATE TEMP TRIGGER refuse_use BEFORE INSERT ON dose_supply_uses "
                                       "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                       &error));
  g_assert_no_error (error);
  dose = new_dose (person_id, given, "deltoid-left");
  g_assert_false (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 10);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* What the rolled-back transaction touched is not carried into the
   * next one. */
  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", "1", &error));
  g_assert_no_error (error);
  assert_one_change (fixture, "settings", COBALT_REPOSITORY_CHANGED_SETTINGS);

  /* A write refused inside its transaction (no such row) says nothing. */
  ghost = cobalt_reaction_new (person_id, "fever", given);
  ghost->id = 4242;
  g_assert_false (cobalt_repository_update_reaction (fixture->repo, ghost, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cobalt_repository_delete_reaction (fixture->repo, 4242, &error));
  g_assert_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

/* A handler may write at once (a view saving what it shows): its own
 * transaction is reported on its own. */
static void
on_people_changed_write_cb (CobaltRepository        *repo,
                            CobaltRepositoryChanges  changes,
                            gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cobalt_repository_set_setting (repo, "last-person-change", "now", &error));
  g_assert_no_error (error);
}

static void
test_handler_may_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CobaltPerson) person = NULL;
  Change *first, *second;

  g_signal_connect (fixture->repo, "changed::people", G_CALLBACK (on_people_changed_write_cb), NULL);
  person = add_person (fixture, "Sam");

  /* The fixture's handler, connected first, hears the person; the write
   * made from the second handler is a transaction of its own. */
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  first = fixture->changes->pdata[0];
  second = fixture->changes->pdata[1];
  g_assert_cmpstr (first->detail, ==, "people");
  g_assert_cmpstr (second->detail, ==, "settings");
  g_assert_cmpuint (second->changes, ==, COBALT_REPOSITORY_CHANGED_SETTINGS);
}

/* Every table of the schema says what kind of record it holds, so no
 * write goes unreported. */
static void
test_every_table_has_a_kind (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;
  guint n = 0;

  stmt = cobalt_database_prepare (fixture->db,
                                  "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%'", &error);
  g_assert_no_error (error);
  while (cobalt_statement_step (stmt, &error))
    {
      const char *table = cobalt_statement_get_text (stmt, 0);

      if (cobalt_repository_table_get_change (table) == 0)
        g_error ("The table %s has no kind of change", table);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 15);
  g_assert_cmpuint (cobalt_repository_table_get_change ("no_such_table"), ==, 0);
}

static void
test_detail_names (void)
{
  g_assert_null (cobalt_repository_changes_get_detail (0));
  g_assert_cmpstr (cobalt_repository_changes_get_detail (COBALT_REPOSITORY_CHANGED_JOURNAL), ==, "journal");
  g_assert_cmpstr (cobalt_repository_changes_get_detail (COBALT_REPOSITORY_CHANGED_SUPPLIES |
                                                         COBALT_REPOSITORY_CHANGED_DOSES), ==, "doses");
  g_assert_cmpstr (cobalt_repository_changes_get_detail (COBALT_REPOSITORY_CHANGED_CHECKLISTS |
                                                         COBALT_REPOSITORY_CHANGED_PEOPLE), ==, "people");
  g_assert_cmpstr (cobalt_repository_changes_get_detail (COBALT_REPOSITORY_CHANGED_REMINDERS), ==, "reminders");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cobalt/repository/changed/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("one-per-transaction", test_one_per_transaction);
  ADD ("none-on-rollback", test_none_on_rollback);
  ADD ("handler-may-write", test_handler_may_write);
  ADD ("every-table-has-a-kind", test_every_table_has_a_kind);
  g_test_add_func ("/cobalt/repository/changed/detail-names", test_detail_names);

  return g_test_run ();
}
