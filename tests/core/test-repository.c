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

  cobalt_set_date (&ann->date_of_birth, dob);
  cobalt_set_str (&ann->clinic_name, "Riverside Surgery");
  cobalt_set_str (&ann->clinic_phone, "01632 960000");
  cobalt_person_set_emergency_number (ann, "000");
  cobalt_set_str (&ann->notes, "Prefers the left arm");

  g_assert_true (cobalt_repository_save_person (fixture->repo, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ann->id, >, 0);
  g_assert_true (changed (fixture, "people"));

  read = cobalt_repository_get_person (fixture->repo, ann->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "Zoë Ångström");
  g_assert_cmpint (g_date_compare (read->date_of_birth, dob), ==, 0);
  g_assert_cmpstr (read->clinic_name, ==, "Riverside Surgery");
  g_assert_cmpstr (read->clinic_phone, ==, "01632 960000");
  g_assert_cmpstr (cobalt_person_get_emergency_number (read), ==, "000");
  g_assert_cmpstr (read->notes, ==, "Prefers the left arm");
  g_assert_false (read->archived);

  /* A new person starts with the default checklist. */
  steps = cobalt_repository_list_checklist_steps (fixture->repo, ann->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, 10);

  /* Update keeps the id. */
  cobalt_set_str (&read->clinic_phone, "01632 960001");
  g_assert_true (cobalt_repository_save_person (fixture->repo, read, &error));
  g_assert_cmpint (read->id, ==, ann->id);
  g_clear_object (&read);
  read = cobalt_repository_get_person (fixture->repo, ann->id, &error);
  g_assert_cmpstr (read->clinic_phone, ==, "01632 960001");

  /* Find by name ignores case, also beyond ASCII. */
  bob = add_person (fixture, "Bob");
  g_clear_object (&read);
  read = cobalt_repository_find_person (fixture->repo, "ZOË ÅNGSTRÖM", &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, ann->id);
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
  g_assert_cmpint (bad->id, ==, 0);
  ghost = cobalt_person_new ("Ghost");
  ghost->id = 999;
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
  gint64 person_id = ann->id;
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
  v1->person_id = person_id;
  cobalt_set_date (&v1->starts_on, starts);
  cobalt_set_str (&v1->product_name, "Neo-Cytamen");
  /* 1 mg/mL written another way: stored as written. */
  v1->strength_amount = 1000;
  v1->strength_unit = COBALT_DOSE_UNIT_MCG;
  v1->injecting_needle_gauge = 23;
  v1->drawing_needle_gauge = 21;
  v1->needle_length_mm = 25;
  v1->syringe_ml = 2;
  v1->angle_degrees = 90;
  cobalt_prescription_set_use_swab (v1, FALSE);
  cobalt_prescription_set_aspirate (v1, TRUE);
  cobalt_set_str (&v1->technique_notes, "Two fingers below the shoulder");
  cobalt_prescription_set_enabled_sites (v1, (const char *[]) { "deltoid-left", "deltoid-right", NULL });
  v1->reminder_minute = 9 * 60 + 30;
  v1->grace_minutes = 120;
  cobalt_set_str (&v1->notes, "From Dr Patel");
  g_assert_true (cobalt_repository_save_prescription (fixture->repo, v1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (v1->version, ==, 1);
  g_assert_cmpint (v1->id, >, 0);
  g_assert_true (changed (fixture, "prescriptions"));

  read = cobalt_repository_get_prescription (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->id, ==, v1->id);
  g_assert_cmpstr (read->template_id, ==, "uk-hydroxo-standard");
  g_assert_cmpint (g_date_compare (read->starts_on, starts), ==, 0);
  g_assert_cmpint (read->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpstr (read->product_name, ==, "Neo-Cytamen");
  g_assert_cmpfloat (read->strength_amount, ==, 1000);
  g_assert_cmpint (read->strength_unit, ==, COBALT_DOSE_UNIT_MCG);
  g_assert_null (read->strength_text);
  g_assert_cmpfloat (read->amount, ==, 1.0);
  g_assert_cmpint (read->unit, ==, COBALT_DOSE_UNIT_MG);
  /* Never stored: dose ÷ strength. */
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (read, 0), ==, 1.0);
  g_assert_cmpint (read->route, ==, COBALT_ROUTE_IM);
  g_assert_cmpuint (read->injecting_needle_gauge, ==, 23);
  g_assert_cmpuint (read->drawing_needle_gauge, ==, 21);
  g_assert_cmpfloat (read->needle_length_mm, ==, 25);
  g_assert_cmpfloat (read->syringe_ml, ==, 2);
  g_assert_cmpuint (read->angle_degrees, ==, 90);
  g_assert_false (read->use_swab);
  g_assert_true (read->aspirate);
  g_assert_cmpstr (read->technique_notes, ==, "Two fingers below the shoulder");
  g_assert_cmpuint (g_strv_length ((char **) cobalt_prescription_get_enabled_sites (read)), ==, 2);
  g_assert_true (cobalt_prescription_is_site_enabled (read, "deltoid-right"));
  g_assert_false (cobalt_prescription_is_site_enabled (read, "vastus-lateralis-left"));
  g_assert_cmpuint (read->reminder_minute, ==, 570);
  g_assert_cmpuint (read->grace_minutes, ==, 120);
  g_assert_cmpstr (read->notes, ==, "From Dr Patel");
  phases = read->phases;
  g_assert_cmpuint (phases->len, ==, v1->phases->len);
  for (guint i = 0; i < phases->len; i++)
    g_assert_true (cobalt_phase_equal (phases->pdata[i], v1->phases->pdata[i]));

  /* A dose given under version 1. */
  d1 = new_dose (person_id, t1, "deltoid-left");
  d1->prescription_id = v1->id;
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d1, &error));
  g_assert_no_error (error);

  /* The clinic doubles the frequency: a new version. */
  v2 = cobalt_prescription_copy (read);
  g_assert_cmpint (v2->id, ==, 0);
  v2->amount = 0.5;
  cobalt_prescription_set_phases (v2, NULL);
  {
    g_autoptr(CobaltPhase) monthly = cobalt_phase_new (COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, "Monthly");
    cobalt_prescription_add_phase (v2, monthly);
  }
  g_assert_true (cobalt_repository_save_prescription (fixture->repo, v2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (v2->version, ==, 2);
  g_assert_cmpint (v2->id, !=, v1->id);

  d2 = new_dose (person_id, t2, "deltoid-right");
  d2->prescription_id = v2->id;
  /* The dose version 2 prescribes (the repository refuses another). */
  d2->amount = 0.5;
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d2, &error));

  /* History: newest first, old version intact, old dose still points at it. */
  history = cobalt_repository_list_prescription_history (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(CobaltPrescription) first = g_list_model_get_item (history, 0);
    g_autoptr(CobaltPrescription) second = g_list_model_get_item (history, 1);

    g_assert_cmpuint (first->version, ==, 2);
    g_assert_cmpuint (second->version, ==, 1);
    g_assert_cmpuint (second->phases->len, ==, 2);
  }
  g_clear_object (&read);
  read = cobalt_repository_get_prescription (fixture->repo, person_id, &error);
  g_assert_cmpfloat (read->amount, ==, 0.5);
  g_assert_cmpuint (read->phases->len, ==, 1);

  d1_read = cobalt_repository_get_dose (fixture->repo, d1->id, &error);
  g_assert_cmpint (d1_read->prescription_id, ==, v1->id);
  old = cobalt_repository_get_prescription_version (fixture->repo, d1_read->prescription_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (old->amount, ==, 1.0);
  g_assert_cmpuint (old->version, ==, 1);

  g_assert_null (cobalt_repository_get_prescription_version (fixture->repo, 4242, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An invalid prescription is refused before anything is written. */
  invalid = cobalt_prescription_copy (read);
  invalid->amount = 0;
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
  gint64 person_id = ann->id;
  g_autoptr(GDateTime) summer = london (2024, 7, 1, 8, 15, 30.25);
  g_autoptr(GDateTime) winter = london (2024, 1, 2, 23, 59, 0);
  g_autoptr(GDate) expiry = g_date_new_dmy (31, G_DATE_DECEMBER, 2025);
  g_autoptr(CobaltDose) dose = new_dose (person_id, summer, "vastus-lateralis-left");
  g_autoptr(CobaltDose) other = new_dose (person_id, winter, "deltoid-left");
  g_autoptr(CobaltDose) read = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  gint64 id;

  cobalt_set_str (&dose->batch, "LOT-77");
  cobalt_set_date (&dose->expiry, expiry);
  dose->given_by = COBALT_GIVEN_BY_CARER;
  cobalt_set_str (&dose->given_by_name, "Sam");
  cobalt_set_str (&dose->notes, "Easy one");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  id = dose->id;
  g_assert_cmpint (id, >, 0);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, other, &error));

  read = cobalt_repository_get_dose (fixture->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->person_id, ==, person_id);
  g_assert_cmpint (read->prescription_id, ==, 0);
  /* Same instant to the microsecond, and the wall clock of that zone. */
  g_assert_true (g_date_time_equal (read->given_at, summer));
  g_assert_cmpint (g_date_time_get_microsecond (read->given_at), ==, 250000);
  g_assert_cmpint (g_date_time_get_hour (read->given_at), ==, 8);
  g_assert_cmpstr (cobalt_dose_get_timezone (read), ==, "Europe/London");
  g_assert_cmpstr (read->site_id, ==, "vastus-lateralis-left");
  g_assert_cmpfloat (read->amount, ==, 1.0);
  g_assert_cmpint (read->unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpint (read->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpstr (read->batch, ==, "LOT-77");
  g_assert_cmpint (g_date_compare (read->expiry, expiry), ==, 0);
  g_assert_cmpint (read->given_by, ==, COBALT_GIVEN_BY_CARER);
  g_assert_cmpstr (read->given_by_name, ==, "Sam");
  g_assert_cmpint (read->checklist_run_id, ==, 0);
  g_assert_cmpstr (read->notes, ==, "Easy one");

  /* Oldest first. */
  doses = cobalt_repository_list_doses (fixture->repo, person_id, &error);
  g_assert_cmpuint (doses->len, ==, 2);
  g_assert_cmpint (COBALT_DOSE (doses->pdata[0])->id, ==, other->id);
  g_clear_pointer (&doses, g_ptr_array_unref);

  /* Editing keeps the identity. */
  cobalt_set_str (&read->site_id, "vastus-lateralis-right");
  cobalt_set_str (&read->notes, NULL);
  g_assert_true (cobalt_repository_update_dose (fixture->repo, read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = cobalt_repository_get_dose (fixture->repo, id, &error);
  g_assert_cmpstr (read->site_id, ==, "vastus-lateralis-right");
  g_assert_null (read->notes);
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
  read->id = 31337;
  g_assert_false (cobalt_repository_update_dose (fixture->repo, read, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
}

static void
test_add_dose_uses_supplies (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
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
  g_assert_cmpint (supply_count (fixture, batch_soon->id), ==, 0);
  g_assert_cmpint (supply_count (fixture, batch_late->id), ==, 5);
  g_assert_cmpint (supply_count (fixture, batch_gone->id), ==, 4);
  g_assert_cmpint (supply_count (fixture, needles->id), ==, 1);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 9);
  g_assert_cmpstr (d1->batch, ==, "SOON");
  g_assert_cmpint (g_date_compare (d1->expiry, soon), ==, 0);
  {
    g_autoptr(CobaltDose) stored = cobalt_repository_get_dose (fixture->repo, d1->id, &error);
    g_assert_cmpstr (stored->batch, ==, "SOON");
  }
  g_assert_true (changed (fixture, "doses"));
  g_assert_true (changed (fixture, "supplies"));

  /* SOON is used up: the next comes from LATE. */
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d2, &error));
  g_assert_cmpstr (d2->batch, ==, "LATE");
  g_assert_cmpint (supply_count (fixture, batch_late->id), ==, 4);

  /* A named batch is the one used. */
  cobalt_set_str (&d3->batch, "late");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d3, &error));
  g_assert_cmpint (supply_count (fixture, batch_late->id), ==, 3);
  g_assert_cmpstr (d3->batch, ==, "late");

  /* Out of needles: the dose is still logged, the count stays at 0. */
  cobalt_set_str (&d4->batch, "FROM-THE-CLINIC");
  g_assert_true (cobalt_repository_add_dose (fixture->repo, d4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, needles->id), ==, 0);
  /* Someone else's batch does not use up the person's ampoules. */
  g_assert_cmpint (supply_count (fixture, batch_late->id), ==, 3);
  g_assert_cmpint (supply_count (fixture, swabs->id), ==, 6);

  /* Every dose went into the bin: now full past ¾. */
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bin_read->fill, ==, 4);
  g_assert_true (cobalt_sharps_bin_is_nearly_full (bin_read));
}

static void
test_add_dose_clinic_keeps_supplies (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
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
  dose->given_by = COBALT_GIVEN_BY_CLINIC;
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 1);
  g_assert_cmpint (supply_count (fixture, ampoules->id), ==, 5);
  g_assert_cmpint (supply_count (fixture, needles->id), ==, 2);
  g_assert_null (dose->batch);
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (bin_read->fill, ==, 0);

  /* Undo gives nothing back that was never taken. */
  g_assert_true (cobalt_repository_undo_dose (fixture->repo, dose->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (supply_count (fixture, ampoules->id), ==, 5);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
}

static void
test_add_dose_atomic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  g_autoptr(CobaltPerson) bob = add_person (fixture, "Bob");
  gint64 person_id = ann->id;
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
  bobs_run = cobalt_repository_start_checklist_run (fixture->repo, bob->id, now, &error);
  g_assert_no_error (error);

  /* A dose claiming to come from someone else's run is refused, and the
   * supplies and bin it would have used are untouched. */
  dose->checklist_run_id = cobalt_checklist_run_get_id (bobs_run);
  g_assert_false (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dose->id, ==, 0);
  g_assert_cmpuint (cobalt_repository_count_doses (fixture->repo, person_id, &error), ==, 0);
  g_assert_cmpint (supply_count (fixture, ampoules->id), ==, 3);
  bin_read = cobalt_repository_get_sharps_bin (fixture->repo, person_id, &error);
  g_assert_cmpuint (bin_read->fill, ==, 0);

  /* From the person's own run: logged, and the run is linked and closed. */
  run = cobalt_repository_start_checklist_run (fixture->repo, person_id, now, &error);
  dose->checklist_run_id = cobalt_checklist_run_get_id (run);
  g_assert_true (cobalt_repository_add_dose (fixture->repo, dose, &error));
  g_assert_no_error (error);
  g_assert_null (cobalt_repository_get_open_checklist_run (fixture->repo, person_id, &error));
  g_assert_no_error (error);
  runs = cobalt_repository_list_checklist_runs (fixture->repo, person_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  run_read = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_state (run_read), ==, COBALT_RUN_COMPLETED);
  g_assert_cmpint (cobalt_checklist_run_get_dose_id (run_read), ==, dose->id);
  g_assert_nonnull (cobalt_checklist_run_get_finished_at (run_read));
}

/* Resting sites ------------------------------------------------------------------------ */

static void
test_resting_sites (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) ann = add_person (fixture, "Ann");
  gint64 person_id = ann->id;
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
