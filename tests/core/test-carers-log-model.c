/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-dose-list-model.h"
#include "carers-test-util.h"

#define N_DOSES 100000

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  gint64            person;
  gint64            other;
} Fixture;

/* One big log shared by the tests (building it is the slow part). */
static Fixture big;

static void
setup_big (void)
{
  g_autoptr(GError) error = NULL;

  big.database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  big.repository = cobalt_repository_new (big.database);
  big.person = carers_add_person (big.repository, "Many Doses");
  big.other = carers_add_person (big.repository, "Someone Else");
  g_assert_true (carers_fill_doses (big.database, big.person, N_DOSES, &error));
  g_assert_no_error (error);
  g_assert_true (carers_fill_doses (big.database, big.other, 10, &error));
  g_assert_no_error (error);
}

static CobaltLogEntry *
item (CobaltDoseListModel *model,
      guint                position)
{
  CobaltLogEntry *entry = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (entry);
  g_object_unref (entry);  /* the model's page keeps it alive */
  return entry;
}

static gint64
given_us (CobaltLogEntry *entry)
{
  GDateTime *when = entry->when;

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
test_count_and_order (void)
{
  g_autoptr(CobaltDoseListModel) model = cobalt_dose_list_model_new (big.repository, big.person);
  guint n_runs = (N_DOSES + 999) / 1000;
  CobaltLogEntry *first, *last;
  gint64 t0;

  /* Every dose plus the stopped checklist runs, and nobody else's. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_DOSES + n_runs);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == COBALT_TYPE_LOG_ENTRY);

  /* Newest first; the last row is the oldest thing: the stopped run a
   * minute before the first dose. */
  first = item (model, 0);
  g_assert_true (cobalt_log_entry_is_dose (first));
  g_assert_cmpint (given_us (first), ==,
                   CARERS_FIRST_DOSE_US + (gint64) (N_DOSES - 1) * CARERS_DOSE_STEP_US);

  t0 = g_get_monotonic_time ();
  last = item (model, N_DOSES + n_runs - 1);
  g_test_message ("random access to the last row: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - t0);
  g_assert_false (cobalt_log_entry_is_dose (last));
  g_assert_cmpint (last->checklist_state, ==, COBALT_RUN_ABORTED);
  g_assert_cmpstr (last->abort_reason, ==, "unsure about the dose");

  last = item (model, N_DOSES + n_runs - 2);
  g_assert_true (cobalt_log_entry_is_dose (last));
  g_assert_cmpint (given_us (last), ==, CARERS_FIRST_DOSE_US);
  /* Dose 0 has a reaction; its time zone is kept. */
  g_assert_cmpuint (last->n_reactions, ==, 1);
  g_assert_cmpint (last->worst_reaction, ==, COBALT_TRIAGE_MILD);
  g_assert_nonnull (last->reactions_text);
  g_assert_cmpstr (cobalt_dose_get_timezone (last->dose), ==, "Europe/London");
  g_assert_cmpint (last->checklist_state, ==, COBALT_LOG_CHECKLIST_NONE);

  /* Past the end. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_DOSES + n_runs));

  /* Walking the whole list in order sees time going backwards only. */
  for (guint i = 1; i < N_DOSES + n_runs; i += 997)
    g_assert_cmpint (given_us (item (model, i - 1)), >=, given_us (item (model, i)));
}

static void
test_filters (void)
{
  g_autoptr(CobaltDoseListModel) model = cobalt_dose_list_model_new (big.repository, big.person);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GListModel *list = G_LIST_MODEL (model);
  guint n_sites = 14;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  cobalt_dose_list_model_set_site_id (model, "deltoid-left");
  g_test_message ("site filter: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - t0);
  /* i % 14 == 0: one in 14 doses; stopped runs have no site. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, (N_DOSES + n_sites - 1) / n_sites);
  for (guint i = 0; i < g_list_model_get_n_items (list); i += 500)
    g_assert_cmpstr (COBALT_DOSE (COBALT_LOG_ENTRY (item (model, i))->dose)->site_id, ==, "deltoid-left");

  /* and given by a carer (i % 3 == 1): i ≡ 28 (mod 42) */
  cobalt_dose_list_model_set_given_by (model, COBALT_GIVEN_BY_CARER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, (N_DOSES - 28 + 41) / 42);
  cobalt_dose_list_model_set_site_id (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, (N_DOSES - 1 + 2) / 3);
  cobalt_dose_list_model_set_given_by (model, -1);

  cobalt_dose_list_model_set_with_reactions (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_DOSES / 100);
  cobalt_dose_list_model_set_with_reactions (model, FALSE);

  /* Notes search: "needle" in every tenth dose; the runs' reason does not match. */
  t0 = g_get_monotonic_time ();
  cobalt_dose_list_model_set_search_text (model, "NEEDLE");
  g_test_message ("text filter: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - t0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_DOSES / 10);
  cobalt_dose_list_model_set_search_text (model, "unsure");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, (N_DOSES + 999) / 1000);
  /* LIKE wildcards are taken literally. */
  cobalt_dose_list_model_set_search_text (model, "%");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  cobalt_dose_list_model_set_search_text (model, "");

  /* Date range: doses 100..199 (four a day), from inclusive, to exclusive. */
  from = g_date_time_new_from_unix_utc ((CARERS_FIRST_DOSE_US + 100 * CARERS_DOSE_STEP_US) / G_USEC_PER_SEC);
  to = g_date_time_new_from_unix_utc ((CARERS_FIRST_DOSE_US + 200 * CARERS_DOSE_STEP_US) / G_USEC_PER_SEC);
  cobalt_dose_list_model_set_from (model, from);
  cobalt_dose_list_model_set_to (model, to);
  cobalt_dose_list_model_set_include_aborted (model, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100);
  g_assert_cmpint (given_us (item (model, 0)), ==, CARERS_FIRST_DOSE_US + 199 * CARERS_DOSE_STEP_US);
  g_assert_cmpint (given_us (item (model, 99)), ==, CARERS_FIRST_DOSE_US + 100 * CARERS_DOSE_STEP_US);
}

static void
test_sorting (void)
{
  g_autoptr(CobaltDoseListModel) model = cobalt_dose_list_model_new (big.repository, big.other);
  GListModel *list = G_LIST_MODEL (model);
  const char *previous = NULL;

  cobalt_dose_list_model_set_include_aborted (model, FALSE);
  cobalt_dose_list_model_set_sorting (model, COBALT_LOG_SORT_SITE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      const char *site = COBALT_DOSE (COBALT_LOG_ENTRY (item (model, i))->dose)->site_id;

      if (previous != NULL)
        g_assert_cmpint (g_strcmp0 (previous, site), <=, 0);
      previous = site;
    }

  cobalt_dose_list_model_set_sorting (model, COBALT_LOG_SORT_WHEN, FALSE);
  g_assert_cmpint (given_us (item (model, 0)), ==, CARERS_FIRST_DOSE_US);
}

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *calls)
{
  calls[0]++;
  calls[1] = position;
  calls[2] = removed;
  calls[3] = added;
}

/* Deleting a row through the repository removes just that row from the
 * model; undo puts it back in the same place. */
static void
test_delete_undo (void)
{
  g_autoptr(CobaltDoseListModel) model = cobalt_dose_list_model_new (big.repository, big.other);
  g_autoptr(GError) error = NULL;
  GListModel *list = G_LIST_MODEL (model);
  guint calls[4] = { 0, };
  guint n = g_list_model_get_n_items (list);
  CobaltLogEntry *entry = item (model, 3);
  gint64 key = entry->key;

  g_assert_true (cobalt_log_entry_is_dose (entry));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), calls);

  g_assert_true (cobalt_repository_delete_dose (big.repository, key, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);
  g_assert_cmpint (cobalt_dose_list_model_find (model, key), ==, -1);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[3] + 1, ==, calls[2]);

  g_assert_true (cobalt_repository_restore_dose (big.repository, key, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_assert_cmpint (cobalt_dose_list_model_find (model, key), ==, 3);

  /* Switching person reloads. */
  cobalt_dose_list_model_set_person_id (model, big.person);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, N_DOSES);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  setup_big ();
  g_test_add_func ("/cobalt/log-model/count-and-order", test_count_and_order);
  g_test_add_func ("/cobalt/log-model/filters", test_filters);
  g_test_add_func ("/cobalt/log-model/sorting", test_sorting);
  g_test_add_func ("/cobalt/log-model/delete-undo", test_delete_undo);
  ret = g_test_run ();

  g_clear_object (&big.repository);
  g_clear_object (&big.database);
  return ret;
}
