/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "cobalt-repository.h"

/* Fixture ------------------------------------------------------------------ */

typedef struct
{
  char             *tmp;
  CobaltDatabase   *db;
  CobaltRepository *repo;
  GPtrArray        *changes;  /* table names from ::changed, in order */
} Fixture;

static void
on_changed_cb (CobaltRepository *repo,
               const char       *table,
               Fixture          *fixture)
{
  g_ptr_array_add (fixture->changes, g_strdup (table));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("cobalt-repo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = cobalt_database_open (fixture->tmp, &error);
  g_assert_no_error (error);
  fixture->repo = cobalt_repository_new (fixture->db);
  fixture->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->repo, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->repo);
  g_assert_finalize_object (fixture->db);
  g_ptr_array_unref (fixture->changes);
  rm_rf (fixture->tmp);
  g_free (fixture->tmp);
}

static gboolean
changed (Fixture    *fixture,
         const char *table)
{
  for (guint i = 0; i < fixture->changes->len; i++)
    if (g_str_equal (fixture->changes->pdata[i], table))
      return TRUE;
  return FALSE;
}

static GDateTime *
london (int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

static CobaltPerson *
add_person (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_person_new (name);

  g_assert_true (cobalt_repository_save_person (fixture->repo, person, &error));
  g_assert_no_error (error);
  return person;
}

static CobaltDose *
new_dose (gint64      person_id,
          GDateTime  *given_at,
          const char *site_id)
{
  CobaltDose *dose = cobalt_dose_new ();

  cobalt_dose_set_person_id (dose, person_id);
  cobalt_dose_set_given_at (dose, given_at);
  cobalt_dose_set_site_id (dose, site_id);
  cobalt_dose_set_amount (dose, 1.0);
  cobalt_dose_set_unit (dose, COBALT_DOSE_UNIT_MG);
  cobalt_dose_set_product (dose, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  return dose;
}

static CobaltSupplyItem *
add_supply (Fixture          *fixture,
            gint64            person_id,
            CobaltSupplyKind  kind,
            int               count,
            const char       *batch,
            const GDate      *expiry)
{
  g_autoptr(GError) error = NULL;
  CobaltSupplyItem *item = cobalt_supply_item_new (person_id, kind, count);

  cobalt_supply_item_set_batch (item, batch);
  cobalt_supply_item_set_expiry (item, expiry);
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_no_error (error);
  return item;
}

static int
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

/* People --------------------------------------------------------------------- */

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = cobalt_person_new ("Zoë Ångström");
  g_autoptr(CobaltPerson) read = NULL;
  g_autoptr(CobaltPerson) bob = NULL;
  g_autoptr(CobaltPerson) ghost = NULL;
  g_autoptr(CobaltPerson) bad = cobalt_person_new ("  ");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GDate) dob = g_date_new_dmy (3, G_DATE_MARCH, 1961);

  cobalt_person_set_date_of_birth (ann, dob);
  cobalt_person_set_clinic_name (ann, "Riverside Surgery");
  cobalt_person_set_clinic_phone (ann, "01632 960000");
  cobalt_person_set_emergency_number (ann, "000");
  cobalt_person_set_notes (ann, "Prefers the left arm");

  g_assert_true (cobalt_repository_save_person (fixture->repo, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_person_get_id (ann), >, 0);
  g_assert_true (changed (fixture, "people"));

  read = cobalt_repository_get_person (fixture->repo, cobalt_person_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cobalt_person_get_name (read), ==, "Zoë Ångström");
  g_assert_cmpint (g_date_compare (cobalt_person_get_date_of_birth (read), dob), ==, 0);
  g_assert_cmpstr (cobalt_person_get_clinic_name (read), ==, "Riverside Surgery");
  g_assert_cmpstr (cobalt_person_get_clinic_phone (read), ==, "01632 960000");
  g_assert_cmpstr (cobalt_person_get_emergency_number (read), ==, "000");
  g_assert_cmpstr (cobalt_person_get_notes (read), ==, "Prefers the left arm");
  g_assert_false (cobalt_person_get_archived (read));

  /* A new person starts with the default checklist. */
  steps = cobalt_repository_list_checklist_steps (fixture->repo, cobalt_person_get_id (ann), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);

  /* Update keeps the id. */
  cobalt_person_set_clinic_phone (read, "01632 960001");
  g_assert_true (cobalt_repository_save_person (fixture->repo, read, &error));
  g_assert_cmpint (cobalt_person_get_id (read), ==, cobalt_person_get_id (ann));
  g_clear_object (&read);
  read = cobalt_repository_get_person (fixture->repo, cobalt_person_get_id (ann), &error);
  g_assert_cmpstr (cobalt_person_get_clinic_phone (read), ==, "01632 960001");

  /* Find by name ignores case, also beyond ASCII. */
  bob = add_person (fixture, "Bob");
  g_clear_object (&read);
  read = cobalt_repository_find_person (fixture->repo, "ZOË ÅNGSTRÖM", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_person_get_id (read), ==, cobalt_person_get_id (ann));
  g_assert_null (cobalt_repository_find_person (fixture->repo, "Carol", &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Archived people are hidden unless asked for. */
  cobalt_person_set_archived (bob, TRUE);
  g_assert_true (cobalt_repository_save_person (fixture->repo, bob, &error));
  people = cobalt_repository_list_people (fixture->repo, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_clear_object (&people);
  people = cobalt_repository_list_people (fixture->repo, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  /* Invalid or missing people are refused, nothing stored. */
  g_ptr_array_set_size (fixture->changes, 0);
  g_assert_false (cobalt_repository_save_person (fixture->repo, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_person_get_id (bad), ==, 0);
  ghost = cobalt_person_new ("Ghost");
  cobalt_person_set_id (ghost, 999);
  g_assert_false (cobalt_repository_save_person (fixture->repo, ghost, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cobalt_repository_get_person (fixture->repo, 999, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

/* Prescriptions -------------------------------------------------------------------- */

static void
test_prescription_history (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(CobaltPrescription) v1 = NULL;
  g_autoptr(CobaltPrescription) v2 = NULL;
  g_autoptr(CobaltPrescription) read = NULL;
  g_autoptr(CobaltPrescription) old = NULL;
  g_autoptr(CobaltPrescription) invalid = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GDateTime) t1 = london (2024, 1, 10, 9, 0, 0);
  g_autoptr(GDateTime) t2 = london (2024, 6, 10, 9, 0, 0);
  g_autoptr(CobaltDose) d1 = NULL;
  g_autoptr(CobaltDose) d2 = NULL;
  g_autoptr(CobaltDose) d1_read = NULL;
  g_autoptr(GDate) starts = g_date_new_dmy (8, G_DATE_JANUARY, 2024);
  GPtrArray *phases;

  g_assert_null (cobalt_repository_get_prescription (fixture->repo, person_id, &error));
  g_assert_no_error (error);

  v1 = cobalt_prescription_new_from_template ("uk-hydroxo-standard");
  cobalt_prescription_set_person_id (v1, person_id);
  cobalt_prescription_set_starts_on (v1, starts);
  cobalt_prescription_set_product_name (v1, "Neo-Cytamen");
  cobalt_prescription_set_injecting_needle_gauge (v1, 23);
  cobalt_prescription_set_drawing_needle_gauge (v1, 21);
  cobalt_prescription_set_needle_length_mm (v1, 25);
  cobalt_prescription_set_syringe_ml (v1, 2);
  cobalt_prescription_set_angle_degrees (v1, 90);
  cobalt_prescription_set_use_swab (v1, FALSE);
  cobalt_prescription_set_aspirate (v1, TRUE);
  cobalt_prescription_set_technique_notes (v1, "Two fingers below the shoulder");
  cobalt_prescription_set_enabled_sites (v1, (const char *[]) { "deltoid-left", "deltoid-right", NULL });
  cobalt_prescription_set_reminder_minute (v1, 9 * 60 + 30);
  cobalt_prescription_set_grace_minutes (v1, 120);
  cobalt_prescription_set_notes (v1, "From Dr Patel");
  g_assert_true (cobalt_repository_save_prescription (fixture->repo, v1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_prescription_get_version (v1), ==, 1);
  g_assert_cmpint (cobalt_prescription_get_id (v1), >, 0);
  g_assert_true (changed (fixture, "prescriptions"));

  read = cobalt_repository_get_prescription (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_prescription_get_id (read), ==, cobalt_prescription_get_id (v1));
  g_assert_cmpstr (cobalt_prescription_get_template_id (read), ==, "uk-hydroxo-standard");
  g_assert_cmpint (g_date_compare (cobalt_prescription_get_starts_on (read), starts), ==, 0);
  g_assert_cmpint (cobalt_prescription_get_product (read), ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpstr (cobalt_prescription_get_product_name (read), ==, "Neo-Cytamen");
  g_assert_cmpstr (cobalt_prescription_get_strength (read), ==, cobalt_prescription_get_strength (v1));
  g_assert_cmpfloat (cobalt_prescription_get_amount (read), ==, 1.0);
  g_assert_cmpint (cobalt_prescription_get_unit (read), ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpfloat (cobalt_prescription_get_volume_ml (read), ==, cobalt_prescription_get_volume_ml (v1));
  g_assert_cmpint (cobalt_prescription_get_route (read), ==, COBALT_ROUTE_IM);
  g_assert_cmpuint (cobalt_prescription_get_injecting_needle_gauge (read), ==, 23);
  g_assert_cmpuint (cobalt_prescription_get_drawing_needle_gauge (read), ==, 21);
  g_assert_cmpfloat (cobalt_prescription_get_needle_length_mm (read), ==, 25);
  g_assert_cmpfloat (cobalt_prescription_get_syringe_ml (read), ==, 2);
  g_assert_cmpuint (cobalt_prescription_get_angle_degrees (read), ==, 90);
  g_assert_false (cobalt_prescription_get_use_swab (read));
  g_assert_true (cobalt_prescription_get_aspirate (read));
  g_assert_cmpstr (cobalt_prescription_get_technique_notes (read), ==, "Two fingers below the shoulder");
  g_assert_cmpuint (g_strv_length ((char **) cobalt_prescription_get_enabled_sites (read)), ==, 2);
  g_assert_true (cobalt_prescription_is_site_enabled (read, "deltoid-right"));
  g_assert_false (cobalt_prescription_is_site_enabled (read, "vastus-lateralis-left"));
  g_assert_cmpuint (cobalt_prescription_get_reminder_minute (read), ==, 570);
  g_assert_cmpuint (cobalt_prescription_get_grace_minutes (read), ==, 120);
  g_assert_cmpstr (cobalt_prescription_get_notes (read), ==, "From Dr Patel");
  phases = cobalt_prescription_get_phases (read);
  g_assert_cmpuint (phases->len, ==, cobalt_prescription_get_phases (v1)->len);
  for (guint i = 0; i < phases->len; i++)
    g_assert_true (cobalt_phase_equal (phases->pdata[i], cobalt_prescription_get_phases (v1)->pdata[i]));

  /* A dose given under version 1. */
  d1 = new_dose (person_id, t1, "deltoid-left");
  cobalt_dose_set_prescription_id (d1, cobalt_prescription_get_id (v1));
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d1, &error));
  g_assert_no_error (error);

  /* The clinic doubles the frequency: a new version. */
  v2 = cobalt_prescription_copy (read);
  g_assert_cmpint (cobalt_prescription_get_id (v2), ==, 0);
  cobalt_prescription_set_amount (v2, 0.5);
  cobalt_prescription_set_phases (v2, NULL);
  {
    g_autoptr(CobaltPhase) monthly = cobalt_phase_new (COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, "Monthly");
    cobalt_prescription_add_phase (v2, monthly);
  }
  g_assert_true (cobalt_repository_save_prescription (fixture->repo, v2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_prescription_get_version (v2), ==, 2);
  g_assert_cmpint (cobalt_prescription_get_id (v2), !=, cobalt_prescription_get_id (v1));

  d2 = new_dose (person_id, t2, "deltoid-right");
  cobalt_dose_set_prescription_id (d2, cobalt_prescription_get_id (v2));
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d2, &error));

  /* History: newest first, old version intact, old dose still points at it. */
  history = cobalt_repository_list_prescription_history (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(CobaltPrescription) first = g_list_model_get_item (history, 0);
    g_autoptr(CobaltPrescription) second = g_list_model_get_item (history, 1);

    g_assert_cmpuint (cobalt_prescription_get_version (first), ==, 2);
    g_assert_cmpuint (cobalt_prescription_get_version (second), ==, 1);
    g_assert_cmpuint (cobalt_prescription_get_phases (second)->len, ==, 2);
  }
  g_clear_object (&read);
  read = cobalt_repository_get_prescription (fixture->repo, person_id, &error);
  g_assert_cmpfloat (cobalt_prescription_get_amount (read), ==, 0.5);
  g_assert_cmpuint (cobalt_prescription_get_phases (read)->len, ==, 1);

  d1_read = cobalt_repository_get_dose (fixture->repo, cobalt_dose_get_id (d1), &error);
  g_assert_cmpint (cobalt_dose_get_prescription_id (d1_read), ==, cobalt_prescription_get_id (v1));
  old = cobalt_repository_get_prescription_version (fixture->repo, cobalt_dose_get_prescription_id (d1_read), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cobalt_prescription_get_amount (old), ==, 1.0);
  g_assert_cmpuint (cobalt_prescription_get_version (old), ==, 1);

  g_assert_null (cobalt_repository_get_prescription_version (fixture->repo, 4242, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An invalid prescription is refused before anything is written. */
  invalid = cobalt_prescription_copy (read);
  cobalt_prescription_set_amount (invalid, 0);
  g_assert_false (cobalt_repository_save_prescription (fixture->repo, invalid, &error));
  g_assert_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&history);
  history = cobalt_repository_list_prescription_history (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
}

/* Doses ------------------------------------------------------------------------------- */

static void
test_dose_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDateTime) summer = london (2024, 7, 1, 8, 15, 30.25);
  g_autoptr(GDateTime) winter = london (2024, 1, 2, 23, 59, 0);
  g_autoptr(GDate) expiry = g_date_new_dmy (31, G_DATE_DECEMBER, 2025);
  g_autoptr(CobaltDose) dose = new_dose (person_id, summer, "vastus-lateralis-left");
  g_autoptr(CobaltDose) other = new_dose (person_id, winter, "deltoid-left");
  g_autoptr(CobaltDose) read = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  gint64 id;

  cobalt_dose_set_batch (dose, "LOT-77");
  cobalt_dose_set_expiry (dose, expiry);
  cobalt_dose_set_given_by (dose, COBALT_GIVEN_BY_CARER);
  cobalt_dose_set_given_by_name (dose, "Sam");
  cobalt_dose_set_notes (dose, "Easy one");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  id = cobalt_dose_get_id (dose);
  g_assert_cmpint (id, >, 0);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, other, &error));

  read = cobalt_repository_get_dose (fixture->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_dose_get_person_id (read), ==, person_id);
  g_assert_cmpint (cobalt_dose_get_prescription_id (read), ==, 0);
  /* Same instant to the microsecond, and the wall clock of that zone. */
  g_assert_true (g_date_time_equal (cobalt_dose_get_given_at (read), summer));
  g_assert_cmpint (g_date_time_get_microsecond (cobalt_dose_get_given_at (read)), ==, 250000);
  g_assert_cmpint (g_date_time_get_hour (cobalt_dose_get_given_at (read)), ==, 8);
  g_assert_cmpstr (cobalt_dose_get_timezone (read), ==, "Europe/London");
  g_assert_cmpstr (cobalt_dose_get_site_id (read), ==, "vastus-lateralis-left");
  g_assert_cmpfloat (cobalt_dose_get_amount (read), ==, 1.0);
  g_assert_cmpint (cobalt_dose_get_unit (read), ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpint (cobalt_dose_get_product (read), ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpstr (cobalt_dose_get_batch (read), ==, "LOT-77");
  g_assert_cmpint (g_date_compare (cobalt_dose_get_expiry (read), expiry), ==, 0);
  g_assert_cmpint (cobalt_dose_get_given_by (read), ==, COBALT_GIVEN_BY_CARER);
  g_assert_cmpstr (cobalt_dose_get_given_by_name (read), ==, "Sam");
  g_assert_cmpint (cobalt_dose_get_checklist_run_id (read), ==, 0);
  g_assert_cmpstr (cobalt_dose_get_notes (read), ==, "Easy one");

  /* Oldest first. */
  doses = cobalt_repository_list_doses (fixture->repo, person_id, &error);
  g_assert_cmpuint (doses->len, ==, 2);
  g_assert_cmpint (cobalt_dose_get_id (doses->pdata[0]), ==, cobalt_dose_get_id (other));
  g_clear_pointer (&doses, g_ptr_array_unref);

  /* Editing keeps the identity. */
  cobalt_dose_set_site_id (read, "vastus-lateralis-right");
  cobalt_dose_set_notes (read, NULL);
  g_assert_true (cobalt_repository_update_dose (fixture->repo, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = cobalt_repository_get_dose (fixture->repo, id, &error);
  g_assert_cmpstr (cobalt_dose_get_site_id (read), ==, "vastus-lateralis-right");
  g_assert_null (cobalt_dose_get_notes (read));
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 2);

  /* Delete, then undo. */
  g_assert_true (cobalt_repository_delete_dose (fixture->repo, id, &error));
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);
  doses = cobalt_repository_list_doses (fixture->repo, person_id, &error);
  g_assert_cmpuint (doses->len, ==, 1);
  g_clear_pointer (&doses, g_ptr_array_unref);
  g_clear_object (&read);
  read = cobalt_repository_get_dose (fixture->repo, id, &error);
  g_assert_nonnull (read);
  g_assert_true (cobalt_repository_restore_dose (fixture->repo, id, &error));
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 2);
  g_assert_no_error (error);

  g_assert_false (cobalt_repository_delete_dose (fixture->repo, 31337, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  cobalt_dose_set_id (read, 31337);
  g_assert_false (cobalt_repository_update_dose (fixture->repo, read, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
}

static void
test_add_dose_uses_supplies (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDate) late = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(GDate) soon = g_date_new_dmy (31, G_DATE_DECEMBER, 2024);
  g_autoptr(GDate) gone = g_date_new_dmy (1, G_DATE_MARCH, 2024);
  g_autoptr(CobaltSupplyItem) batch_late = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 5, "LATE", late);
  g_autoptr(CobaltSupplyItem) batch_soon = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 1, "SOON", soon);
  g_autoptr(CobaltSupplyItem) batch_gone = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 4, "GONE", gone);
  g_autoptr(CobaltSupplyItem) needles = add_supply (fixture, person_id, COBALT_SUPPLY_INJECTING_NEEDLE, 2, NULL, NULL);
  g_autoptr(CobaltSupplyItem) swabs = add_supply (fixture, person_id, COBALT_SUPPLY_SWAB, 10, NULL, NULL);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 4);
  g_autoptr(CobaltSharpsBin) bin_read = NULL;
  g_autoptr(GDateTime) may = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) june = london (2024, 6, 1, 9, 0, 0);
  g_autoptr(GDateTime) july = london (2024, 7, 1, 9, 0, 0);
  g_autoptr(GDateTime) august = london (2024, 8, 1, 9, 0, 0);
  g_autoptr(CobaltDose) d1 = new_dose (person_id, may, "deltoid-left");
  g_autoptr(CobaltDose) d2 = new_dose (person_id, june, "deltoid-right");
  g_autoptr(CobaltDose) d3 = new_dose (person_id, july, "deltoid-left");
  g_autoptr(CobaltDose) d4 = new_dose (person_id, august, "deltoid-right");

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->changes, 0);

  /* No batch typed: the earliest-expiring unexpired ampoule (not the
   * expired one), and the log records that batch. */
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_soon)), ==, 0);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_late)), ==, 5);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_gone)), ==, 4);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (needles)), ==, 1);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (swabs)), ==, 9);
  g_assert_cmpstr (cobalt_dose_get_batch (d1), ==, "SOON");
  g_assert_cmpint (g_date_compare (cobalt_dose_get_expiry (d1), soon), ==, 0);
  {
    g_autoptr(CobaltDose) stored = cobalt_repository_get_dose (fixture->repo, cobalt_dose_get_id (d1), &error);
    g_assert_cmpstr (cobalt_dose_get_batch (stored), ==, "SOON");
  }
  g_assert_true (changed (fixture, "doses"));
  g_assert_true (changed (fixture, "supply_items"));
  g_assert_true (changed (fixture, "sharps_bins"));

  /* SOON is used up: the next comes from LATE. */
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d2, &error));
  g_assert_cmpstr (cobalt_dose_get_batch (d2), ==, "LATE");
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_late)), ==, 4);

  /* A named batch is the one used. */
  cobalt_dose_set_batch (d3, "late");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d3, &error));
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_late)), ==, 3);
  g_assert_cmpstr (cobalt_dose_get_batch (d3), ==, "late");

  /* Out of needles: the dose is still logged, the count stays at 0. */
  cobalt_dose_set_batch (d4, "FROM-THE-CLINIC");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (needles)), ==, 0);
  /* Someone else's batch does not use up the person's ampoules. */
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (batch_late)), ==, 3);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (swabs)), ==, 6);

  /* Every dose went into the bin: now full past ¾. */
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_sharps_bin_get_fill (bin_read), ==, 4);
  g_assert_true (cobalt_sharps_bin_is_nearly_full (bin_read));
}

static void
test_add_dose_atomic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  g_autoptr(CobaltPerson) bob = add_person (fixture, "Bob");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDate) expiry = g_date_new_dmy (30, G_DATE_JUNE, 2030);
  g_autoptr(CobaltSupplyItem) ampoules = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 3, "A1", expiry);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 10);
  g_autoptr(GDateTime) now = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(CobaltChecklistRun) bobs_run = NULL;
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) run_read = NULL;
  g_autoptr(CobaltDose) dose = new_dose (person_id, now, "deltoid-left");
  g_autoptr(CobaltSharpsBin) bin_read = NULL;
  g_autoptr(GListModel) runs = NULL;

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  bobs_run = cobalt_repository_start_checklist_run (fixture->repo, cobalt_person_get_id (bob), now, &error);
  g_assert_no_error (error);

  /* A dose claiming to come from someone else's run is refused, and the
   * supplies and bin it would have used are untouched. */
  cobalt_dose_set_checklist_run_id (dose, cobalt_checklist_run_get_id (bobs_run));
  g_assert_false (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (cobalt_dose_get_id (dose), ==, 0);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (ampoules)), ==, 3);
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (cobalt_sharps_bin_get_fill (bin_read), ==, 0);

  /* From the person's own run: logged, and the run is linked and closed. */
  run = cobalt_repository_start_checklist_run (fixture->repo, person_id, now, &error);
  cobalt_dose_set_checklist_run_id (dose, cobalt_checklist_run_get_id (run));
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  g_assert_null (cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error));
  g_assert_no_error (error);
  runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  run_read = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_state (run_read), ==, COBALT_RUN_COMPLETED);
  g_assert_cmpint (cobalt_checklist_run_get_dose_id (run_read), ==, cobalt_dose_get_id (dose));
  g_assert_nonnull (cobalt_checklist_run_get_finished_at (run_read));
}

/* Resting sites ------------------------------------------------------------------------ */

static void
test_resting_sites (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDate) until = g_date_new_dmy (20, G_DATE_MAY, 2024);
  g_autoptr(GDate) later = g_date_new_dmy (25, G_DATE_MAY, 2024);
  g_autoptr(CobaltRestingSite) sore = cobalt_resting_site_new ("deltoid-left", until, "Bruised");
  g_autoptr(CobaltRestingSite) longer = cobalt_resting_site_new ("deltoid-left", later, NULL);
  g_autoptr(CobaltRestingSite) unknown = cobalt_resting_site_new ("elbow", until, NULL);
  g_autoptr(GPtrArray) list = NULL;
  CobaltRestingSite *read;

  g_assert_true (cobalt_repository_set_site_resting (fixture->repo, person_id, sore, &error));
  g_assert_no_error (error);
  list = cobalt_repository_list_resting_sites (fixture->repo, person_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  read = list->pdata[0];
  g_assert_cmpstr (read->site_id, ==, "deltoid-left");
  g_assert_cmpint (g_date_compare (&read->until, until), ==, 0);
  g_assert_cmpstr (read->reason, ==, "Bruised");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A second mark replaces the first. */
  g_assert_true (cobalt_repository_set_site_resting (fixture->repo, person_id, longer, &error));
  list = cobalt_repository_list_resting_sites (fixture->repo, person_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  read = list->pdata[0];
  g_assert_cmpint (g_date_compare (&read->until, later), ==, 0);
  g_assert_null (read->reason);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (cobalt_repository_set_site_resting (fixture->repo, person_id, unknown, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (cobalt_repository_clear_site_resting (fixture->repo, person_id, "deltoid-left", &error));
  list = cobalt_repository_list_resting_sites (fixture->repo, person_id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (changed (fixture, "resting_sites"));
}

/* Checklists ------------------------------------------------------------------------- */

static void
test_checklists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListStore) edited = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  g_autoptr(CobaltChecklistStep) custom = cobalt_checklist_step_new (COBALT_STEP_CUSTOM, "Put the cat out", NULL);
  g_autoptr(CobaltChecklistStep) empty = cobalt_checklist_step_new (COBALT_STEP_CUSTOM, "", NULL);
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(CobaltChecklistRun) resumed = NULL;
  g_autoptr(GListModel) runs = NULL;
  g_autoptr(GDateTime) t0 = london (2024, 3, 31, 0, 30, 0);
  g_autoptr(GDateTime) t1 = london (2024, 3, 31, 2, 5, 0);
  guint n_before;

  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);
  {
    g_autoptr(CobaltChecklistStep) first = g_list_model_get_item (steps, 0);
    g_assert_cmpstr (cobalt_checklist_step_get_kind (first), ==, COBALT_STEP_CONFIRM_MEDICINE);
    g_assert_cmpuint (cobalt_checklist_step_get_position (first), ==, 0);
    g_assert_cmpint (cobalt_checklist_step_get_person_id (first), ==, person_id);
  }

  /* Reorder (last first), reword, add a custom step, drop one. */
  {
    g_autoptr(CobaltChecklistStep) last = g_list_model_get_item (steps, 9);
    g_autoptr(CobaltChecklistStep) first = g_list_model_get_item (steps, 0);

    g_list_store_append (edited, last);
    cobalt_checklist_step_set_title (first, "Is it the right medicine?");
    g_list_store_append (edited, first);
    g_list_store_append (edited, custom);
  }
  g_assert_true (cobalt_repository_save_checklist_steps (fixture->repo, person_id, G_LIST_MODEL (edited), &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_step_get_id (custom), >, 0);
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 3);
  {
    g_autoptr(CobaltChecklistStep) s0 = g_list_model_get_item (steps, 0);
    g_autoptr(CobaltChecklistStep) s1 = g_list_model_get_item (steps, 1);
    g_autoptr(CobaltChecklistStep) s2 = g_list_model_get_item (steps, 2);

    g_assert_cmpstr (cobalt_checklist_step_get_kind (s0), ==, COBALT_STEP_AFTERCARE);
    g_assert_cmpstr (cobalt_checklist_step_get_title (s1), ==, "Is it the right medicine?");
    g_assert_cmpstr (cobalt_checklist_step_get_explanation (s1), !=, NULL);
    g_assert_cmpstr (cobalt_checklist_step_get_title (s2), ==, "Put the cat out");
    g_assert_null (cobalt_checklist_step_get_explanation (s2));
  }

  /* An empty title is refused, the stored definition unchanged. */
  g_list_store_append (edited, empty);
  g_assert_false (cobalt_repository_save_checklist_steps (fixture->repo, person_id, G_LIST_MODEL (edited), &error));
  g_assert_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 3);

  /* A run copies the titles; rewording the definition later leaves it. */
  run = cobalt_repository_start_checklist_run (fixture->repo, person_id, t0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checklist_run_get_id (run), >, 0);
  g_assert_true (cobalt_checklist_run_tick (run, 0, t1, &error));
  g_assert_true (cobalt_checklist_run_go_next (run, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, run, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_reset_checklist (fixture->repo, person_id, &error));
  g_clear_object (&steps);
  steps = cobalt_repository_list_checklist_steps (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);

  /* The app closes; the run is resumed as it was left. */
  resumed = cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_cmpint (cobalt_checklist_run_get_id (resumed), ==, cobalt_checklist_run_get_id (run));
  g_assert_cmpuint (cobalt_checklist_run_get_n_steps (resumed), ==, 3);
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (resumed, 1), ==, "Is it the right medicine?");
  g_assert_cmpstr (cobalt_checklist_run_get_step_title (resumed, 2), ==, "Put the cat out");
  g_assert_true (cobalt_checklist_run_is_step_ticked (resumed, 0));
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_step_ticked_at (resumed, 0), t1));
  g_assert_false (cobalt_checklist_run_is_step_ticked (resumed, 1));
  g_assert_cmpuint (cobalt_checklist_run_get_current_step (resumed), ==, 1);
  g_assert_true (g_date_time_equal (cobalt_checklist_run_get_started_at (resumed), t0));
  g_assert_cmpint (cobalt_checklist_run_get_state (resumed), ==, COBALT_RUN_IN_PROGRESS);

  /* "Stop — I'm not sure": aborted and kept with its reason. */
  g_assert_true (cobalt_checklist_run_abort (resumed, "Liquid looked cloudy", t1, &error));
  g_assert_true (cobalt_repository_save_checklist_run (fixture->repo, resumed, &error));
  g_assert_no_error (error);
  g_assert_null (cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error));
  runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);
  n_before = g_list_model_get_n_items (runs);
  g_assert_cmpuint (n_before, ==, 1);
  {
    g_autoptr(CobaltChecklistRun) stored = g_list_model_get_item (runs, 0);

    g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
    g_assert_cmpstr (cobalt_checklist_run_get_abort_reason (stored), ==, "Liquid looked cloudy");
    g_assert_true (g_date_time_equal (cobalt_checklist_run_get_finished_at (stored), t1));
  }
}

/* Journal -------------------------------------------------------------------------- */

static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDateTime) t0 = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(GDateTime) t1 = london (2024, 5, 1, 9, 20, 0);
  g_autoptr(CobaltDose) dose = new_dose (person_id, t0, "deltoid-left");
  g_autoptr(CobaltReaction) reaction = NULL;
  g_autoptr(CobaltReaction) other = NULL;
  g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (person_id, t1);
  g_autoptr(CobaltLabResult) lab = cobalt_lab_result_new (person_id, COBALT_LAB_TEST_SERUM_B12, 420, "ng/L");
  g_autoptr(CobaltLabResult) lab2 = cobalt_lab_result_new (person_id, COBALT_LAB_TEST_FOLATE, 7.5, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GDate) taken = g_date_new_dmy (15, G_DATE_APRIL, 2024);

  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));

  reaction = cobalt_reaction_new (person_id, "site-pain", t1);
  cobalt_reaction_set_dose_id (reaction, cobalt_dose_get_id (dose));
  cobalt_reaction_set_note (reaction, "Ached all afternoon");
  g_assert_true (cobalt_repository_add_reaction (fixture->repo, reaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_reaction_get_id (reaction), >, 0);
  other = cobalt_reaction_new (person_id, COBALT_REACTION_OTHER, t0);
  cobalt_reaction_set_level (other, COBALT_TRIAGE_CONTACT_CLINIC);
  cobalt_reaction_set_note (other, "Odd taste");
  g_assert_true (cobalt_repository_add_reaction (fixture->repo, other, &error));

  list = cobalt_repository_list_reactions (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CobaltReaction) r0 = g_list_model_get_item (list, 0);
    g_autoptr(CobaltReaction) r1 = g_list_model_get_item (list, 1);

    g_assert_cmpstr (cobalt_reaction_get_kind (r0), ==, COBALT_REACTION_OTHER);
    g_assert_cmpint (cobalt_reaction_get_level (r0), ==, COBALT_TRIAGE_CONTACT_CLINIC);
    g_assert_cmpint (cobalt_reaction_get_dose_id (r0), ==, 0);
    g_assert_cmpstr (cobalt_reaction_get_kind (r1), ==, "site-pain");
    g_assert_cmpint (cobalt_reaction_get_level (r1), ==, COBALT_TRIAGE_MILD);
    g_assert_cmpint (cobalt_reaction_get_dose_id (r1), ==, cobalt_dose_get_id (dose));
    g_assert_cmpstr (cobalt_reaction_get_note (r1), ==, "Ached all afternoon");
    g_assert_true (g_date_time_equal (cobalt_reaction_get_noted_at (r1), t1));
  }
  g_clear_object (&list);

  cobalt_checkin_set_energy (checkin, 3);
  cobalt_checkin_set_pins_and_needles (checkin, 0);
  cobalt_checkin_set_note (checkin, "Tired");
  g_assert_true (cobalt_repository_add_checkin (fixture->repo, checkin, &error));
  g_assert_no_error (error);
  list = cobalt_repository_list_checkins (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(CobaltCheckin) c = g_list_model_get_item (list, 0);

    g_assert_cmpint (cobalt_checkin_get_id (c), ==, cobalt_checkin_get_id (checkin));
    g_assert_cmpint (cobalt_checkin_get_energy (c), ==, 3);
    g_assert_cmpint (cobalt_checkin_get_pins_and_needles (c), ==, 0);
    g_assert_cmpint (cobalt_checkin_get_mood (c), ==, COBALT_CHECKIN_NOT_RECORDED);
    g_assert_cmpint (cobalt_checkin_get_memory (c), ==, COBALT_CHECKIN_NOT_RECORDED);
    g_assert_cmpstr (cobalt_checkin_get_note (c), ==, "Tired");
    g_assert_true (g_date_time_equal (cobalt_checkin_get_at (c), t1));
  }
  g_clear_object (&list);

  cobalt_lab_result_set_taken_on (lab, taken);
  cobalt_lab_result_set_ref_low (lab, 180);
  cobalt_lab_result_set_ref_high (lab, 900);
  cobalt_lab_result_set_lab_name (lab, "County Lab");
  g_assert_true (cobalt_repository_add_lab_result (fixture->repo, lab, &error));
  g_assert_no_error (error);
  cobalt_lab_result_set_taken_on (lab2, taken);
  g_assert_true (cobalt_repository_add_lab_result (fixture->repo, lab2, &error));
  g_assert_no_error (error);
  list = cobalt_repository_list_lab_results (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(CobaltLabResult) r0 = g_list_model_get_item (list, 0);
    g_autoptr(CobaltLabResult) r1 = g_list_model_get_item (list, 1);

    g_assert_cmpint (cobalt_lab_result_get_test (r0), ==, COBALT_LAB_TEST_SERUM_B12);
    g_assert_cmpfloat (cobalt_lab_result_get_value (r0), ==, 420);
    g_assert_cmpstr (cobalt_lab_result_get_unit (r0), ==, "ng/L");
    g_assert_cmpfloat (cobalt_lab_result_get_ref_low (r0), ==, 180);
    g_assert_cmpfloat (cobalt_lab_result_get_ref_high (r0), ==, 900);
    g_assert_cmpstr (cobalt_lab_result_get_lab_name (r0), ==, "County Lab");
    g_assert_cmpint (g_date_compare (cobalt_lab_result_get_taken_on (r0), taken), ==, 0);
    g_assert_cmpint (cobalt_lab_result_check_range (r0), ==, COBALT_LAB_RANGE_IN_RANGE);
    /* "Not given" survives as not given, not as 0. */
    g_assert_true (isnan (cobalt_lab_result_get_ref_low (r1)));
    g_assert_true (isnan (cobalt_lab_result_get_ref_high (r1)));
    g_assert_cmpstr (cobalt_lab_result_get_unit (r1), ==, cobalt_lab_result_get_unit (lab2));
  }
  g_assert_true (changed (fixture, "reactions"));
  g_assert_true (changed (fixture, "checkins"));
  g_assert_true (changed (fixture, "lab_results"));
}

/* Supplies -------------------------------------------------------------------------------- */

static void
test_supplies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDate) expiry = g_date_new_dmy (30, G_DATE_NOVEMBER, 2025);
  g_autoptr(GDate) received = g_date_new_dmy (1, G_DATE_MAY, 2024);
  g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (person_id, COBALT_SUPPLY_AMPOULE, 10);
  g_autoptr(CobaltSupplyItem) needles = cobalt_supply_item_new (person_id, COBALT_SUPPLY_DRAWING_NEEDLE, 20);
  g_autoptr(CobaltSupplyItem) bad = cobalt_supply_item_new (person_id, COBALT_SUPPLY_SWAB, -1);
  g_autoptr(CobaltSharpsBin) bin = NULL;
  g_autoptr(CobaltSharpsBin) bin_read = NULL;
  g_autoptr(GListModel) items = NULL;

  cobalt_supply_item_set_product (item, COBALT_PRODUCT_CYANOCOBALAMIN);
  cobalt_supply_item_set_name (item, "Cytamen");
  cobalt_supply_item_set_strength (item, "1000 mcg/mL");
  cobalt_supply_item_set_batch (item, "CY-1");
  cobalt_supply_item_set_expiry (item, expiry);
  cobalt_supply_item_set_received_on (item, received);
  cobalt_supply_item_set_note (item, "From the pharmacy");
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, needles, &error));

  items = cobalt_repository_list_supply_items (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  {
    g_autoptr(CobaltSupplyItem) read = g_list_model_get_item (items, 0);

    g_assert_cmpint (cobalt_supply_item_get_id (read), ==, cobalt_supply_item_get_id (item));
    g_assert_cmpint (cobalt_supply_item_get_kind (read), ==, COBALT_SUPPLY_AMPOULE);
    g_assert_cmpint (cobalt_supply_item_get_product (read), ==, COBALT_PRODUCT_CYANOCOBALAMIN);
    g_assert_cmpstr (cobalt_supply_item_get_name (read), ==, "Cytamen");
    g_assert_cmpstr (cobalt_supply_item_get_strength (read), ==, "1000 mcg/mL");
    g_assert_cmpstr (cobalt_supply_item_get_batch (read), ==, "CY-1");
    g_assert_cmpint (g_date_compare (cobalt_supply_item_get_expiry (read), expiry), ==, 0);
    g_assert_cmpint (g_date_compare (cobalt_supply_item_get_received_on (read), received), ==, 0);
    g_assert_cmpint (cobalt_supply_item_get_count (read), ==, 10);
    g_assert_cmpstr (cobalt_supply_item_get_note (read), ==, "From the pharmacy");
  }
  g_clear_object (&items);

  /* Update in place. */
  cobalt_supply_item_set_count (item, 7);
  g_assert_true (cobalt_repository_save_supply_item (fixture->repo, item, &error));
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (item)), ==, 7);

  g_assert_false (cobalt_repository_save_supply_item (fixture->repo, bad, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cobalt_repository_delete_supply_item (fixture->repo, cobalt_supply_item_get_id (needles), &error));
  items = cobalt_repository_list_supply_items (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_false (cobalt_repository_delete_supply_item (fixture->repo, cobalt_supply_item_get_id (needles), &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Sharps bin: none, then one, then replaced. */
  g_assert_null (cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error));
  g_assert_no_error (error);
  bin = cobalt_sharps_bin_new (person_id, 20);
  cobalt_sharps_bin_set_fill (bin, 3);
  cobalt_sharps_bin_set_replaced_on (bin, received);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_sharps_bin_get_id (bin), >, 0);
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpint (cobalt_sharps_bin_get_id (bin_read), ==, cobalt_sharps_bin_get_id (bin));
  g_assert_cmpuint (cobalt_sharps_bin_get_capacity (bin_read), ==, 20);
  g_assert_cmpuint (cobalt_sharps_bin_get_fill (bin_read), ==, 3);
  g_assert_cmpint (g_date_compare (cobalt_sharps_bin_get_replaced_on (bin_read), received), ==, 0);
  cobalt_sharps_bin_replace (bin_read, expiry);
  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin_read, &error));
  g_clear_object (&bin);
  bin = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (cobalt_sharps_bin_get_fill (bin), ==, 0);
  g_assert_cmpint (g_date_compare (cobalt_sharps_bin_get_replaced_on (bin), expiry), ==, 0);
}

/* Reminder state ------------------------------------------------------------------------ */

static void
test_reminder_state (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDateTime) due = london (2024, 10, 27, 9, 0, 0);
  g_autoptr(GDateTime) at_due = g_date_time_ref (due);
  g_autoptr(GDateTime) plus_30m = g_date_time_add_minutes (due, 30);
  g_autoptr(GDateTime) plus_1h = g_date_time_add_hours (due, 1);
  g_autoptr(GDateTime) plus_2h = g_date_time_add_hours (due, 2);
  g_autoptr(GDateTime) plus_3h = g_date_time_add_hours (due, 3);
  g_autoptr(GDateTime) due_utc = g_date_time_to_utc (due);
  g_autoptr(CobaltReminderState) state = NULL;
  g_autoptr(CobaltReminderState) read = NULL;
  gboolean claimed = TRUE;

  g_assert_null (cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error));
  g_assert_no_error (error);

  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, at_due,
                                                   &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  /* The same instant in another zone is the same reminder. */
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due_utc, plus_30m,
                                                   &claimed, &error));
  g_assert_false (claimed);
  /* Another kind for the same instant is a different reminder. */
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_OVERDUE, due, at_due,
                                                   &claimed, &error));
  g_assert_true (claimed);

  read = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_nonnull (read);
  g_assert_true (g_date_time_equal (cobalt_reminder_state_get_shown_at (read), at_due));
  g_assert_null (cobalt_reminder_state_get_snoozed_until (read));

  /* Snoozed for an hour: not before, once after. */
  cobalt_reminder_state_set_snoozed_until (read, plus_1h);
  cobalt_reminder_state_set_notification_id (read, "due-1-2024");
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, read, &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_30m,
                                                   &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_2h,
                                                   &claimed, &error));
  g_assert_true (claimed);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_3h,
                                                   &claimed, &error));
  g_assert_false (claimed);

  /* Acted on: never again. */
  g_clear_object (&read);
  read = cobalt_repository_get_reminder_state (fixture->repo, person_id, COBALT_REMINDER_DUE, due, &error);
  g_assert_cmpstr (cobalt_reminder_state_get_notification_id (read), ==, "due-1-2024");
  g_assert_true (g_date_time_equal (cobalt_reminder_state_get_shown_at (read), plus_2h));
  cobalt_reminder_state_set_snoozed_until (read, plus_2h);
  cobalt_reminder_state_set_acted_at (read, plus_2h);
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, read, &error));
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DUE, due, plus_3h,
                                                   &claimed, &error));
  g_assert_false (claimed);

  /* A state saved before it is shown. */
  state = cobalt_reminder_state_new (person_id, COBALT_REMINDER_DAY_BEFORE, due);
  cobalt_reminder_state_set_dismissed_at (state, at_due);
  g_assert_true (cobalt_repository_save_reminder_state (fixture->repo, state, &error));
  g_assert_cmpint (cobalt_reminder_state_get_id (state), >, 0);
  g_assert_true (cobalt_repository_claim_reminder (fixture->repo, person_id, COBALT_REMINDER_DAY_BEFORE, due, at_due,
                                                   &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (changed (fixture, "reminder_state"));
}

typedef struct
{
  const char *data_dir;
  gint64      person_id;
  guint       n_due;
  gboolean   *claimed;   /* [n_due] */
} ClaimThread;

static gpointer
claim_thread (gpointer user_data)
{
  ClaimThread *t = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_open (t->data_dir, &error);
  g_autoptr(CobaltRepository) repo = NULL;
  g_autoptr(GDateTime) base = london (2025, 1, 1, 9, 0, 0);

  g_assert_no_error (error);
  repo = cobalt_repository_new (db);
  for (guint i = 0; i < t->n_due; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (base, i);

      g_assert_true (cobalt_repository_claim_reminder (repo, t->person_id, COBALT_REMINDER_DUE, due, due,
                                                       &t->claimed[i], &error));
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_claim_two_connections (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  enum { N_DUE = 40, N_THREADS = 3 };
  gboolean claimed[N_THREADS][N_DUE] = { { FALSE } };
  ClaimThread threads[N_THREADS];
  GThread *handles[N_THREADS];

  /* cobalt and cobalt-reminder racing for the same reminders, each with
   * its own connection to the file: every reminder is claimed once. */
  for (guint t = 0; t < N_THREADS; t++)
    {
      threads[t] = (ClaimThread) { fixture->tmp, cobalt_person_get_id (ann), N_DUE, claimed[t] };
      handles[t] = g_thread_new ("claim", claim_thread, &threads[t]);
    }
  for (guint t = 0; t < N_THREADS; t++)
    g_thread_join (handles[t]);

  for (guint i = 0; i < N_DUE; i++)
    {
      guint n = 0;

      for (guint t = 0; t < N_THREADS; t++)
        n += claimed[t][i] ? 1 : 0;
      g_assert_cmpuint (n, ==, 1);
    }
}

/* Settings and signals ---------------------------------------------------------------- */

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error));
  g_assert_no_error (error);
  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", "1", &error));
  g_assert_true (changed (fixture, "settings"));
  value = cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error);
  g_assert_cmpstr (value, ==, "1");
  g_assert_true (cobalt_repository_set_setting (fixture->repo, "onboarding-done", NULL, &error));
  g_assert_null (cobalt_repository_get_setting (fixture->repo, "onboarding-done", &error));
  g_assert_no_error (error);
}

static void
test_in_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) db = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) repo = cobalt_repository_new (db);
  g_autoptr(CobaltPerson) person = cobalt_person_new ("Test");
  g_autoptr(GListModel) people = NULL;

  g_assert_no_error (error);
  g_assert_true (cobalt_repository_get_database (repo) == db);
  g_assert_true (cobalt_repository_save_person (repo, person, &error));
  people = cobalt_repository_list_people (repo, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("people", test_people);
  ADD ("prescription-history", test_prescription_history);
  ADD ("dose-round-trip", test_dose_round_trip);
  ADD ("add-dose-uses-supplies", test_add_dose_uses_supplies);
  ADD ("add-dose-atomic", test_add_dose_atomic);
  ADD ("resting-sites", test_resting_sites);
  ADD ("checklists", test_checklists);
  ADD ("journal", test_journal);
  ADD ("supplies", test_supplies);
  ADD ("reminder-state", test_reminder_state);
  ADD ("claim-two-connections", test_claim_two_connections);
  ADD ("settings", test_settings);
  g_test_add_func ("/cobalt/repository/in-memory", test_in_memory);

#undef ADD

  return g_test_run ();
}
