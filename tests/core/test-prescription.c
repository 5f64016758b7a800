/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "cobalt-dose.h"
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-site.h"

static void
assert_refused (CobaltPrescription *prescription,
                const char         *word)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_prescription_validate (prescription, &error));
  g_assert_error (error, COBALT_PRESCRIPTION_ERROR, COBALT_PRESCRIPTION_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  /* The sentence names the field the form must highlight. */
  g_assert_nonnull (strstr (error->message, word));
}

static void
assert_valid (CobaltPrescription *prescription)
{
  g_autoptr(GError) error = NULL;

  cobalt_prescription_validate (prescription, &error);
  g_assert_no_error (error);
}

/* The sites a clinic trained someone on: no template holds any. */
static void
train_sites (CobaltPrescription *prescription)
{
  static const char * const im[] = { "deltoid-left", "vastus-lateralis-right", NULL };
  static const char * const sc[] = { "sc-abdomen-left", NULL };

  cobalt_prescription_set_enabled_sites (prescription, prescription->route == COBALT_ROUTE_SC ? sc : im);
}

/* Templates --------------------------------------------------------------- */

static void
test_template_ids (void)
{
  const char * const *ids = cobalt_prescription_template_ids ();
  const char *expected[] = {
    "uk-hydroxo-standard", "uk-hydroxo-neuro", "uk-hydroxo-prophylaxis", "uk-cyano-cytamen",
    "us-cyano-label", "us-cyano-weekly", "us-cyano-8weeks", "custom",
  };

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template (ids[i]);

      g_assert_cmpstr (ids[i], ==, expected[i]);
      g_assert_nonnull (cobalt_prescription_template_name (ids[i]));
      g_assert_nonnull (prescription);
      g_assert_cmpstr (prescription->template_id, ==, ids[i]);
      g_assert_cmpint (prescription->id, ==, 0);
      if (g_str_equal (ids[i], "custom"))
        continue;
      /* Every regimen is one the form accepts once the sites the clinic
       * trained the person on are ticked. */
      assert_refused (prescription, "site");
      train_sites (prescription);
      assert_valid (prescription);
    }

  g_assert_null (cobalt_prescription_new_from_template ("no-such-template"));
}

static void
test_template_contents (void)
{
  g_autoptr(CobaltPrescription) standard = cobalt_prescription_new_from_template ("uk-hydroxo-standard");
  g_autoptr(CobaltPrescription) cytamen = cobalt_prescription_new_from_template ("uk-cyano-cytamen");
  g_autoptr(CobaltPrescription) label = cobalt_prescription_new_from_template ("us-cyano-label");
  GPtrArray *phases;
  const CobaltPhase *phase;
  g_autofree char *standard_dose = NULL;
  g_autofree char *cytamen_weekly = NULL;

  phases = standard->phases;
  g_assert_cmpuint (phases->len, ==, 2);
  phase = g_ptr_array_index (phases, 0);
  g_assert_cmpint (phase->unit, ==, COBALT_INTERVAL_TIMES_PER_WEEK);
  g_assert_cmpuint (phase->interval, ==, 3);
  g_assert_cmpint (phase->end, ==, COBALT_PHASE_END_AFTER_DOSES);
  g_assert_cmpuint (phase->end_value, ==, 6);
  phase = g_ptr_array_index (phases, 1);
  g_assert_cmpint (phase->unit, ==, COBALT_INTERVAL_MONTHS);
  g_assert_cmpuint (phase->interval, ==, 3);
  g_assert_cmpint (phase->end, ==, COBALT_PHASE_END_OPEN);
  g_assert_cmpint (standard->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  standard_dose = cobalt_prescription_describe_dose (standard, 0);
  g_assert_cmpstr (standard_dose, ==, "1 mg hydroxocobalamin");

  g_assert_cmpint (cytamen->product, ==, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_assert_cmpint (cytamen->unit, ==, COBALT_DOSE_UNIT_MCG);
  g_assert_cmpfloat (cobalt_prescription_get_phase_amount (cytamen, 0), ==, 1000.0);
  g_assert_cmpfloat (cobalt_prescription_get_phase_amount (cytamen, 1), ==, 250.0);
  g_assert_cmpfloat (cobalt_prescription_get_phase_amount (cytamen, 2), ==, 1000.0);
  cytamen_weekly = cobalt_prescription_describe_dose (cytamen, 1);
  g_assert_cmpstr (cytamen_weekly, ==, "250 mcg cyanocobalamin");

  phases = label->phases;
  g_assert_cmpuint (phases->len, ==, 4);
  phase = g_ptr_array_index (phases, 2);
  g_assert_cmpint (phase->end, ==, COBALT_PHASE_END_AFTER_DAYS);
  g_assert_cmpuint (phase->end_value, ==, 21);
  g_assert_cmpfloat (label->amount, ==, 100.0);
}

/* No invented technique: no template fills in needles, syringe, angle or
 * sites; "custom" starts blank, with nothing for the person to undo. */
static void
test_templates_invent_nothing (void)
{
  const char * const *ids = cobalt_prescription_template_ids ();
  g_autoptr(CobaltPrescription) custom = cobalt_prescription_new_from_template ("custom");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CobaltPrescription) p = cobalt_prescription_new_from_template (ids[i]);

      g_test_message ("template %s", ids[i]);
      g_assert_cmpuint (p->drawing_needle_gauge, ==, 0);
      g_assert_cmpuint (p->injecting_needle_gauge, ==, 0);
      g_assert_cmpfloat (p->needle_length_mm, ==, 0);
      g_assert_cmpfloat (p->syringe_ml, ==, 0);
      g_assert_cmpuint (p->angle_degrees, ==, 0);
      g_assert_null (p->technique_notes);
      g_assert_cmpuint (g_strv_length ((char **) cobalt_prescription_get_enabled_sites (p)), ==, 0);
    }

  g_assert_cmpstr (custom->template_id, ==, "custom");
  g_assert_cmpuint (custom->phases->len, ==, 0);
  g_assert_cmpfloat (custom->amount, ==, 0);
  g_assert_cmpfloat (custom->strength_amount, ==, 0);
  g_assert_false (cobalt_strength_is_known (custom->strength_amount, custom->strength_unit));
  /* Nothing to save until the person enters it. */
  assert_refused (custom, "phase");
}

static void
test_defaults (void)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new ();
  const char * const *sites = cobalt_prescription_get_enabled_sites (prescription);

  g_assert_cmpuint (prescription->reminder_minute, ==, 540);
  g_assert_cmpuint (prescription->grace_minutes, ==, 180);
  g_assert_cmpint (prescription->route, ==, COBALT_ROUTE_IM);
  /* What the clinic taught is "not recorded" until it is entered. */
  g_assert_cmpuint (prescription->angle_degrees, ==, 0);
  g_assert_cmpuint (prescription->injecting_needle_gauge, ==, 0);
  g_assert_cmpuint (prescription->drawing_needle_gauge, ==, 0);
  g_assert_cmpfloat (prescription->needle_length_mm, ==, 0);
  g_assert_cmpfloat (prescription->syringe_ml, ==, 0);
  g_assert_cmpfloat (prescription->strength_amount, ==, 1.0);
  g_assert_cmpint (prescription->strength_unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_null (prescription->strength_text);
  g_assert_null (prescription->technique_notes);
  g_assert_cmpuint (g_strv_length ((char **) sites), ==, 0);
  g_assert_false (cobalt_prescription_is_site_enabled (prescription, "deltoid-left"));
  g_assert_null (prescription->starts_on);
  /* No phases yet: the form must add one before saving. */
  g_assert_cmpuint (prescription->phases->len, ==, 0);
}

static void
test_fields_and_copy (void)
{
  g_autoptr(CobaltPrescription) prescription = cobalt_prescription_new_from_template ("uk-hydroxo-standard");
  g_autoptr(CobaltPrescription) copy = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  GDate start;
  const char *sc_sites[] = { "sc-abdomen-left", "sc-thigh-right", NULL };

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 5, 1, 2026);
  prescription->id = 42;
  cobalt_set_date (&prescription->starts_on, &start);
  cobalt_set_str (&prescription->technique_notes, "Two fingers below the shoulder");

  prescription->reminder_minute = 20 * 60;
  prescription->route = COBALT_ROUTE_SC;
  cobalt_prescription_set_enabled_sites (prescription, sc_sites);
  g_assert_true (cobalt_prescription_is_site_enabled (prescription, "sc-thigh-right"));
  assert_valid (prescription);

  phases = g_ptr_array_ref (prescription->phases);
  g_assert_cmpuint (phases->len, ==, 2);

  copy = cobalt_prescription_copy (prescription);
  g_assert_cmpint (copy->id, ==, 0);
  g_assert_cmpuint (copy->reminder_minute, ==, 1200);
  g_assert_cmpint (copy->route, ==, COBALT_ROUTE_SC);
  g_assert_cmpstr (copy->technique_notes, ==, "Two fingers below the shoulder");
  g_assert_cmpint (g_date_compare (copy->starts_on, &start), ==, 0);
  g_assert_true (copy->phases != prescription->phases);
  for (guint i = 0; i < phases->len; i++)
    g_assert_true (cobalt_phase_equal (g_ptr_array_index (phases, i),
                                       g_ptr_array_index (copy->phases, i)));

  /* Editing the copy leaves the saved version alone. */
  ((CobaltPhase *) g_ptr_array_index (copy->phases, 1))->interval = 2;
  g_assert_cmpuint (((CobaltPhase *) g_ptr_array_index (phases, 1))->interval, ==, 3);
}

/* Validation ------------------------------------------------------------- */

static CobaltPrescription *
valid_prescription (void)
{
  CobaltPrescription *prescription = cobalt_prescription_new_from_template ("uk-hydroxo-standard");

  train_sites (prescription);
  assert_valid (prescription);

  return prescription;
}

static void
test_validate_refusals (void)
{
  const char *wrong_route[] = { "deltoid-left", "sc-abdomen-left", NULL };
  const char *unknown[] = { "elbow", NULL };
  const char *none[] = { NULL };

  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();
    g_autoptr(GPtrArray) empty = g_ptr_array_new ();

    cobalt_prescription_set_phases (p, empty);
    assert_refused (p, "phase");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    p->amount = 0;
    assert_refused (p, "dose");
    p->amount = -1;
    assert_refused (p, "dose");
    p->amount = 10; /* 10 mg */
    assert_refused (p, "dose");
    p->amount = 5; /* 5 mg: unusual, but possible */
    assert_valid (p);
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    p->unit = COBALT_DOSE_UNIT_MCG;
    p->amount = 5001;
    assert_refused (p, "dose");
    p->amount = 1000;
    assert_valid (p);
    p->unit = COBALT_DOSE_UNIT_ML;
    p->amount = 6;
    assert_refused (p, "dose");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    /* Not known (an older version's text that did not parse): asked for,
     * quoting what was typed. */
    p->strength_amount = 0;
    assert_refused (p, "Enter the strength printed on the ampoule");
    cobalt_set_str (&p->strength_text, "1 ampoule");
    assert_refused (p, "“1 ampoule” could not be read as a number");
    p->strength_amount = -1;
    assert_refused (p, "strength");
    p->strength_amount = 1;
    p->strength_unit = COBALT_DOSE_UNIT_ML;
    assert_refused (p, "strength must be in mg or mcg per mL");
    p->strength_unit = COBALT_DOSE_UNIT_MCG;
    /* 1 mg from 1 mcg/mL would be a litre. */
    assert_refused (p, "more than one injection can hold");
    p->strength_amount = 1000;
    assert_valid (p);
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    /* 2 mg from a 0.1 mg/mL ampoule is 20 mL: refused, naming the phase. */
    p->amount = 2;
    p->strength_amount = 0.1;
    assert_refused (p, "Phase 1: 2 mg from a 0.1 mg/mL ampoule is 20 mL, more than one injection can hold");
    /* 1000 mg/mL typed for 1000 mcg/mL: 0.002 mL is a typing mistake. */
    p->amount = 1;
    p->strength_amount = 500;
    assert_refused (p, "too little to measure");
    /* Above the deltoid's 1 mL but within the thigh's 5 mL: a warning in
     * the forms, not a refusal. */
    p->amount = 1.5;
    p->strength_amount = 1;
    assert_valid (p);
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    p->reminder_minute = 1440;
    assert_refused (p, "reminder time");
    p->reminder_minute = 1439;
    assert_valid (p);
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    ((CobaltPhase *) g_ptr_array_index (p->phases, 1))->interval = 0;
    assert_refused (p, "interval of phase 2");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    ((CobaltPhase *) g_ptr_array_index (p->phases, 0))->interval = 8;
    assert_refused (p, "7 doses a week");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    ((CobaltPhase *) g_ptr_array_index (p->phases, 0))->end_value = 0;
    assert_refused (p, "number of doses of phase 1");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();
    g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_DAYS, 3,
                                                      COBALT_PHASE_END_AFTER_DAYS, 0, NULL);

    cobalt_prescription_add_phase (p, phase);
    assert_refused (p, "duration of phase 3");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    ((CobaltPhase *) g_ptr_array_index (p->phases, 1))->amount = 50;
    assert_refused (p, "phase 2");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    cobalt_prescription_set_enabled_sites (p, none);
    assert_refused (p, "site");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    cobalt_prescription_set_enabled_sites (p, wrong_route);
    assert_refused (p, "Left abdomen");
  }
  {
    g_autoptr(CobaltPrescription) p = valid_prescription ();

    cobalt_prescription_set_enabled_sites (p, unknown);
    assert_refused (p, "elbow");
  }
}

/* Phases ----------------------------------------------------------------- */

static void
test_phase_describe (void)
{
  struct {
    CobaltIntervalUnit unit;
    guint interval;
    CobaltPhaseEnd end;
    guint end_value;
    const char *expected;
  } cases[] = {
    { COBALT_INTERVAL_MONTHS, 3, COBALT_PHASE_END_OPEN, 0, "Every 3 months, until the clinic changes it" },
    { COBALT_INTERVAL_TIMES_PER_WEEK, 3, COBALT_PHASE_END_AFTER_DOSES, 6, "3 times a week, for 6 doses" },
    { COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_AFTER_DOSES, 7, "Every other day, for 7 doses" },
    { COBALT_INTERVAL_DAYS, 3, COBALT_PHASE_END_AFTER_DAYS, 21, "Every 3 days, for 3 weeks" },
    { COBALT_INTERVAL_DAYS, 1, COBALT_PHASE_END_AFTER_DAYS, 10, "Every day, for 10 days" },
    { COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_AFTER_DOSES, 1, "Every week, for 1 dose" },
    { COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, "Every month, until the clinic changes it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltPhase) phase = cobalt_phase_new (cases[i].unit, cases[i].interval,
                                                       cases[i].end, cases[i].end_value, "Loading");
      g_autoptr(CobaltPhase) copy = cobalt_phase_copy (phase);
      g_autofree char *text = cobalt_phase_describe (phase);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (cobalt_phase_equal (phase, copy));
      copy->end_value++;
      g_assert_true (cobalt_phase_equal (phase, copy) == (cases[i].end == COBALT_PHASE_END_OPEN));
    }
}

/* Volume to draw up ------------------------------------------------------ */

/* CLINICAL.md "Technique data": volume = dose ÷ strength. Over every
 * template and every phase: the volume times the strength gives back the
 * dose, and no site the template enables is asked to take more than its
 * typical maximum. */
static void
test_volume_every_template (void)
{
  const char * const *ids = cobalt_prescription_template_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      g_autoptr(CobaltPrescription) p = cobalt_prescription_new_from_template (ids[t]);
      GPtrArray *phases = p->phases;
      const char * const *sites = cobalt_prescription_get_enabled_sites (p);
      double strength_mcg = cobalt_mass_to_mcg (p->strength_amount,
                                                p->strength_unit);

      g_test_message ("template %s", ids[t]);
      /* No template holds sites; every site of its route must take
       * every phase's volume. */
      g_assert_cmpuint (g_strv_length ((char **) sites), ==, 0);
      if (g_str_equal (ids[t], "custom"))
        continue;
      g_assert_cmpfloat (strength_mcg, >, 0);
      {
        g_autoptr(GPtrArray) route_sites = g_ptr_array_new ();

        for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
          if (cobalt_site_catalogue_get_nth (i)->route == p->route)
            g_ptr_array_add (route_sites, (gpointer) cobalt_site_catalogue_get_nth (i)->id);
        g_ptr_array_add (route_sites, NULL);
        cobalt_prescription_set_enabled_sites (p, (const char * const *) route_sites->pdata);
      }
      sites = cobalt_prescription_get_enabled_sites (p);

      for (guint i = 0; i < phases->len; i++)
        {
          double volume = cobalt_prescription_get_phase_volume_ml (p, i);
          double dose_mcg = cobalt_mass_to_mcg (cobalt_prescription_get_phase_amount (p, i),
                                                p->unit);

          g_assert_cmpfloat (volume, >, 0);
          g_assert_cmpfloat_with_epsilon (volume * strength_mcg, dose_mcg, dose_mcg * 1e-9);

          for (guint j = 0; sites[j] != NULL; j++)
            {
              const CobaltSiteInfo *site = cobalt_site_catalogue_lookup (sites[j]);

              g_assert_nonnull (site);
              g_assert_cmpfloat (volume, <=, site->max_volume_ml);
              g_assert_false (cobalt_prescription_phase_exceeds_site (p, i, site));
            }
        }
    }
}

/* Issue 10: the Cytamen template's 250 mcg phase from a 1000 mcg/mL
 * ampoule is 0.25 mL, not the 1 mL it used to say. */
static void
test_volume_cytamen (void)
{
  g_autoptr(CobaltPrescription) p = cobalt_prescription_new_from_template ("uk-cyano-cytamen");
  g_autoptr(CobaltPrescription) label = cobalt_prescription_new_from_template ("us-cyano-label");
  g_autofree char *strength = cobalt_prescription_describe_strength (p);
  g_autofree char *weekly = NULL;

  g_assert_cmpstr (strength, ==, "1000 mcg/mL");
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (p, 0), ==, 1.0);
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (p, 1), ==, 0.25);
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (p, 2), ==, 1.0);
  weekly = cobalt_volume_format (cobalt_prescription_get_phase_volume_ml (p, 1));
  g_assert_cmpstr (weekly, ==, "0.25 mL");

  /* The same strength written in mg: the same volume. */
  p->strength_amount = 1;
  p->strength_unit = COBALT_DOSE_UNIT_MG;
  g_assert_cmpfloat_with_epsilon (cobalt_prescription_get_phase_volume_ml (p, 1), 0.25, 1e-12);

  /* Not known: no volume at all, never a guess. */
  p->strength_amount = 0;
  cobalt_set_str (&p->strength_text, "1 ampoule");
  g_assert_cmpfloat (cobalt_prescription_get_phase_volume_ml (p, 1), ==, 0);
  g_assert_null (cobalt_prescription_describe_strength (p));

  /* 100 mcg of 1000 mcg/mL. */
  g_assert_cmpfloat_with_epsilon (cobalt_prescription_get_phase_volume_ml (label, 0), 0.1, 1e-12);
}

static void
test_strength_units (void)
{
  g_autofree char *third = cobalt_volume_format (1.0 / 3.0);
  g_autofree char *one = cobalt_volume_format (1.0);
  g_autofree char *tiny = cobalt_volume_format (0.00025);
  g_autofree char *mg = cobalt_strength_format (1, COBALT_DOSE_UNIT_MG);
  g_autofree char *ml = cobalt_strength_format (1, COBALT_DOSE_UNIT_ML);

  g_assert_cmpfloat (cobalt_mass_to_mcg (1, COBALT_DOSE_UNIT_MG), ==, 1000);
  g_assert_cmpfloat (cobalt_mass_to_mcg (250, COBALT_DOSE_UNIT_MCG), ==, 250);
  g_assert_cmpfloat (cobalt_mass_to_mcg (1, COBALT_DOSE_UNIT_ML), ==, 0);

  g_assert_true (cobalt_strength_equal (1, COBALT_DOSE_UNIT_MG, 1000, COBALT_DOSE_UNIT_MCG));
  g_assert_true (cobalt_strength_equal (0.5, COBALT_DOSE_UNIT_MG, 500, COBALT_DOSE_UNIT_MCG));
  g_assert_false (cobalt_strength_equal (1, COBALT_DOSE_UNIT_MG, 1, COBALT_DOSE_UNIT_MCG));
  g_assert_false (cobalt_strength_equal (0, COBALT_DOSE_UNIT_MG, 0, COBALT_DOSE_UNIT_MG));
  g_assert_false (cobalt_strength_equal (1, COBALT_DOSE_UNIT_ML, 1, COBALT_DOSE_UNIT_ML));

  /* mg from mcg/mL and mcg from mg/mL. */
  g_assert_cmpfloat (cobalt_strength_volume_ml (1, COBALT_DOSE_UNIT_MG, 1000, COBALT_DOSE_UNIT_MCG), ==, 1.0);
  g_assert_cmpfloat (cobalt_strength_volume_ml (500, COBALT_DOSE_UNIT_MCG, 1, COBALT_DOSE_UNIT_MG), ==, 0.5);
  /* A dose in mL is its own volume; no dose or no strength, no volume. */
  g_assert_cmpfloat (cobalt_strength_volume_ml (0.5, COBALT_DOSE_UNIT_ML, 0, COBALT_DOSE_UNIT_MG), ==, 0.5);
  g_assert_cmpfloat (cobalt_strength_volume_ml (0, COBALT_DOSE_UNIT_MG, 1, COBALT_DOSE_UNIT_MG), ==, 0);
  g_assert_cmpfloat (cobalt_strength_volume_ml (1, COBALT_DOSE_UNIT_MG, 0, COBALT_DOSE_UNIT_MG), ==, 0);

  g_assert_cmpstr (one, ==, "1 mL");
  g_assert_cmpstr (third, ==, "about 0.33 mL");
  /* Never "0 mL" for a dose that is there. */
  g_assert_cmpstr (tiny, ==, "less than 0.01 mL");
  g_assert_cmpstr (mg, ==, "1 mg/mL");
  g_assert_null (ml);
}

/* CLINICAL.md: above the chosen site's typical maximum Cobalt says "check
 * with your clinic"; the prescription stays valid. */
static void
test_volume_exceeds_site (void)
{
  g_autoptr(CobaltPrescription) p = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  const CobaltSiteInfo *deltoid = cobalt_site_catalogue_lookup ("deltoid-left");
  const CobaltSiteInfo *thigh = cobalt_site_catalogue_lookup ("vastus-lateralis-left");

  g_assert_false (cobalt_prescription_phase_exceeds_site (p, 0, deltoid));
  p->amount = 1.5;
  g_assert_true (cobalt_prescription_phase_exceeds_site (p, 0, deltoid));
  g_assert_false (cobalt_prescription_phase_exceeds_site (p, 0, thigh));
  g_assert_false (cobalt_prescription_phase_exceeds_site (p, 0, NULL));
  train_sites (p);
  assert_valid (p);

  /* No strength, no volume, nothing to warn about. */
  p->strength_amount = 0;
  g_assert_false (cobalt_prescription_phase_exceeds_site (p, 0, deltoid));
}

/* Sites ------------------------------------------------------------------ */

static void
test_site_catalogue (void)
{
  guint n = cobalt_site_catalogue_get_n_sites ();
  const CobaltSiteInfo *thigh = cobalt_site_catalogue_lookup ("vastus-lateralis-left");
  const CobaltSiteInfo *buttock = cobalt_site_catalogue_lookup ("dorsogluteal-right");

  g_assert_cmpuint (n, ==, 14);
  for (guint i = 0; i < n; i++)
    {
      const CobaltSiteInfo *site = cobalt_site_catalogue_get_nth (i);
      const char *name = cobalt_site_info_get_name (site);

      g_assert_cmpint (cobalt_site_catalogue_index_of (site->id), ==, (int) i);
      g_assert_true (g_str_has_prefix (name, site->side == COBALT_SIDE_LEFT ? "Left " : "Right "));
      g_assert_nonnull (cobalt_site_info_get_landmark (site));
      g_assert_cmpfloat (site->max_volume_ml, >=, 1.0);
      g_assert_cmpfloat (site->x, >, 0);
      g_assert_cmpfloat (site->x, <, 1);
      g_assert_cmpfloat (site->y, >, 0);
      g_assert_cmpfloat (site->y, <, 1);
      /* Front view: the person's left is on the viewer's right; back view:
       * on the viewer's left. */
      if (site->back)
        g_assert_true ((site->side == COBALT_SIDE_LEFT) == (site->x < 0.5));
      else
        g_assert_true ((site->side == COBALT_SIDE_LEFT) == (site->x > 0.5));
      g_assert_true (site->discouraged == g_str_has_prefix (site->id, "dorsogluteal"));
      g_assert_true ((site->route == COBALT_ROUTE_SC) == g_str_has_prefix (site->id, "sc-"));
    }

  g_assert_cmpstr (cobalt_site_info_get_name (thigh), ==, "Left outer thigh");
  g_assert_cmpstr (cobalt_site_info_get_name (cobalt_site_catalogue_lookup ("deltoid-left")), ==,
                   "Left upper arm (deltoid)");
  g_assert_cmpstr (cobalt_site_info_get_name (cobalt_site_catalogue_lookup ("ventrogluteal-left")), ==,
                   "Left side of hip");
  g_assert_cmpstr (cobalt_site_info_get_name (cobalt_site_catalogue_lookup ("sc-abdomen-left")), ==,
                   "Left abdomen");
  g_assert_true (buttock->discouraged);
  g_assert_nonnull (cobalt_site_info_get_note (buttock));
  g_assert_null (cobalt_site_catalogue_lookup ("elbow"));
  g_assert_cmpint (cobalt_site_catalogue_index_of ("elbow"), ==, -1);
}

/* People ----------------------------------------------------------------- */

static void
test_person_validate (void)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new ("  ");
  g_autoptr(GError) error = NULL;
  GDate future;

  g_assert_false (cobalt_person_validate (person, &error));
  g_assert_error (error, COBALT_PERSON_ERROR, COBALT_PERSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);

  cobalt_set_str (&person->name, "Ann");
  g_assert_true (cobalt_person_validate (person, &error));
  g_assert_no_error (error);

  g_date_clear (&future, 1);
  g_date_set_dmy (&future, 1, 1, 2999);
  cobalt_set_date (&person->date_of_birth, &future);
  g_assert_false (cobalt_person_validate (person, &error));
  g_assert_nonnull (strstr (error->message, "birth"));
}

/* Doses ------------------------------------------------------------------ */

static void
test_dose_timezone_and_order (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) at_london = g_date_time_new (london, 2026, 1, 5, 9, 0, 0);
  g_autoptr(GDateTime) at_tokyo = g_date_time_new (tokyo, 2026, 1, 5, 17, 0, 0); /* 08:00 UTC */
  g_autoptr(CobaltDose) a = cobalt_dose_new ();
  g_autoptr(CobaltDose) b = cobalt_dose_new ();
  g_autoptr(CobaltDose) copy = NULL;
  g_autoptr(GPtrArray) doses = g_ptr_array_new ();

  a->id = 1;
  cobalt_dose_set_given_at (a, at_london);
  cobalt_set_str (&a->site_id, "deltoid-left");
  cobalt_set_str (&a->batch, "B123");
  b->id = 2;
  cobalt_dose_set_given_at (b, at_tokyo);

  g_assert_cmpstr (cobalt_dose_get_timezone (a), ==, "Europe/London");
  g_assert_cmpstr (cobalt_dose_get_timezone (b), ==, "Asia/Tokyo");

  /* Chronological by instant, not by wall-clock time. */
  g_ptr_array_add (doses, a);
  g_ptr_array_add (doses, b);
  g_ptr_array_sort (doses, cobalt_dose_compare_given_at);
  g_assert_true (g_ptr_array_index (doses, 0) == b);

  copy = cobalt_dose_copy (a);
  g_assert_cmpint (copy->id, ==, 1);
  g_assert_cmpstr (copy->site_id, ==, "deltoid-left");
  g_assert_cmpstr (copy->batch, ==, "B123");
  g_assert_cmpstr (cobalt_dose_get_timezone (copy), ==, "Europe/London");
  g_assert_true (g_date_time_equal (copy->given_at, at_london));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/prescription/template/ids", test_template_ids);
  g_test_add_func ("/cobalt/prescription/template/contents", test_template_contents);
  g_test_add_func ("/cobalt/prescription/template/invent-nothing", test_templates_invent_nothing);
  g_test_add_func ("/cobalt/prescription/defaults", test_defaults);
  g_test_add_func ("/cobalt/prescription/fields-and-copy", test_fields_and_copy);
  g_test_add_func ("/cobalt/prescription/validate", test_validate_refusals);
  g_test_add_func ("/cobalt/prescription/phase-describe", test_phase_describe);
  g_test_add_func ("/cobalt/prescription/volume/every-template", test_volume_every_template);
  g_test_add_func ("/cobalt/prescription/volume/cytamen-250mcg", test_volume_cytamen);
  g_test_add_func ("/cobalt/prescription/volume/units", test_strength_units);
  g_test_add_func ("/cobalt/prescription/volume/site-maximum", test_volume_exceeds_site);
  g_test_add_func ("/cobalt/prescription/site-catalogue", test_site_catalogue);
  g_test_add_func ("/cobalt/prescription/person-validate", test_person_validate);
  g_test_add_func ("/cobalt/prescription/dose", test_dose_timezone_and_order);

  return g_test_run ();
}
