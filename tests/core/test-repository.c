/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-repository.h"
#include "repository-test-utils.h"

/* The repository: people, prescriptions, doses and resting sites. */

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
  /* 1 mg/mL written another way: stored as written. */
  cobalt_prescription_set_strength_amount (v1, 1000);
  cobalt_prescription_set_strength_unit (v1, COBALT_DOSE_UNIT_MCG);
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
  g_assert_cmpfloat (cobalt_prescription_get_strength_amount (read), ==, 1000);
  g_assert_cmpint (cobalt_prescription_get_strength_unit (read), ==, COBALT_DOSE_UNIT_MCG);
  g_assert_null (cobalt_prescription_get_strength_text (read));
  g_assert_cmpfloat (cobalt_prescription_get_amount (read), ==, 1.0);
  g_assert_cmpint (cobalt_prescription_get_unit (read), ==, COBALT_DOSE_UNIT_MG);
  /* Never stored: dose ÷ strength. */
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (read, 0), ==, 1.0);
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
  /* The dose version 2 prescribes (the repository refuses another). */
  cobalt_dose_set_amount (d2, 0.5);
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
  g_assert_true (changed (fixture, "supplies"));

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
test_add_dose_clinic_keeps_supplies (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = cobalt_person_get_id (ann);
  g_autoptr(GDate) late = g_date_new_dmy (30, G_DATE_JUNE, 2026);
  g_autoptr(CobaltSupplyItem) ampoules = add_supply (fixture, person_id, COBALT_SUPPLY_AMPOULE, 5, "HOME", late);
  g_autoptr(CobaltSupplyItem) needles = add_supply (fixture, person_id, COBALT_SUPPLY_INJECTING_NEEDLE, 2, NULL, NULL);
  g_autoptr(CobaltSharpsBin) bin = cobalt_sharps_bin_new (person_id, 4);
  g_autoptr(CobaltSharpsBin) bin_read = NULL;
  g_autoptr(GDateTime) may = london (2024, 5, 1, 9, 0, 0);
  g_autoptr(CobaltDose) dose = new_dose (person_id, may, "deltoid-left");

  g_assert_true (cobalt_repository_save_sharps_bin (fixture->repo, bin, &error));
  g_assert_no_error (error);

  /* Given at the surgery: logged, counted for the schedule, but the
   * clinic's ampoule, needle and sharps bin were used, not the home ones. */
  cobalt_dose_set_given_by (dose, COBALT_GIVEN_BY_CLINIC);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (ampoules)), ==, 5);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (needles)), ==, 2);
  g_assert_null (cobalt_dose_get_batch (dose));
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (cobalt_sharps_bin_get_fill (bin_read), ==, 0);

  /* Undo gives nothing back that was never taken. */
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, cobalt_dose_get_id (dose), &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, cobalt_supply_item_get_id (ampoules)), ==, 5);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
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
  g_assert_true (changed (fixture, "doses"));
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
  ADD ("add-dose-clinic-keeps-supplies", test_add_dose_clinic_keeps_supplies);
  ADD ("add-dose-atomic", test_add_dose_atomic);
  ADD ("resting-sites", test_resting_sites);

#undef ADD

  return g_test_run ();
}
