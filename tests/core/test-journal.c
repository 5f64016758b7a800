/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "cobalt-journal.h"
#include "cobalt-person.h"

static GDateTime *
noon (void)
{
  return g_date_time_new_utc (2025, 5, 1, 12, 0, 0);
}

static void
assert_convert (double      value,
                const char *from,
                const char *to,
                double      expected,
                double      epsilon)
{
  g_autoptr(GError) error = NULL;
  double out = NAN;

  g_assert_true (cobalt_lab_convert (value, from, to, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (out, expected, epsilon);
}

static void
assert_no_convert (const char *from,
                   const char *to)
{
  g_autoptr(GError) error = NULL;
  double out = 12345;

  g_assert_false (cobalt_lab_convert (1.0, from, to, &out, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_UNIT);
  g_assert_cmpfloat (out, ==, 12345);
}

static CobaltLabResult *
b12 (double      value,
     const char *unit,
     double      low,
     double      high)
{
  CobaltLabResult *result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, value, unit);
  GDate *day = g_date_new_dmy (2, G_DATE_APRIL, 2025);

  cobalt_set_date (&result->taken_on, day);
  result->ref_low = low;
  result->ref_high = high;
  g_date_free (day);

  return result;
}

static void
assert_valid (CobaltLabResult *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cobalt_lab_result_validate (result, &error));
  g_assert_no_error (error);
}

static void
assert_invalid (CobaltLabResult *result,
                int              code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_lab_result_validate (result, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, code);
  g_assert_nonnull (error->message);
}

/* Lab values ------------------------------------------------------------ */

static void
test_convert_b12 (void)
{
  /* CLINICAL.md: 1 pg/mL = 1 ng/L = 0.738 pmol/L; 1 pmol/L = 1.355 pg/mL. */
  assert_convert (300, "pg/mL", "pmol/L", 221.4, 0.05);
  assert_convert (221.4, "pmol/L", "pg/mL", 300, 0.05);
  assert_convert (148, "pmol/L", "pg/mL", 200.5, 0.05);
  assert_convert (200.5, "pg/mL", "pmol/L", 148, 0.05);
  assert_convert (148, "pmol/L", "ng/L", 200.5, 0.05);
  assert_convert (180, "ng/L", "pmol/L", 132.8, 0.05);
  assert_convert (1, "pg/mL", "pmol/L", 0.738, 0.0005);
  assert_convert (1, "pmol/L", "pg/mL", 1.355, 1e-9);
  /* The example ranges of CLINICAL.md agree with the factors. */
  assert_convert (200, "pg/mL", "pmol/L", 148, 0.5);
  assert_convert (900, "pg/mL", "pmol/L", 664, 0.5);
  /* Mass units of the same size are identical. */
  assert_convert (350, "ng/L", "pg/mL", 350, 1e-9);
  assert_convert (350, "pg/mL", "ng/L", 350, 1e-9);
  assert_convert (77, "pmol/L", "pmol/L", 77, 1e-12);
  /* A round trip comes back. */
  {
    double there, back;

    g_assert_true (cobalt_lab_convert (512.0, "pg/mL", "pmol/L", &there, NULL));
    g_assert_true (cobalt_lab_convert (there, "pmol/L", "pg/mL", &back, NULL));
    g_assert_cmpfloat_with_epsilon (back, 512.0, 1e-9);
  }
}

static void
test_convert_other (void)
{
  assert_convert (13.5, "g/dL", "g/L", 135, 1e-9);
  assert_convert (135, "g/L", "g/dL", 13.5, 1e-9);
  assert_convert (0.4, "µmol/L", "nmol/L", 400, 1e-9);
  assert_convert (400, "nmol/L", "µmol/L", 0.4, 1e-9);
  assert_convert (45, "ng/mL", "µg/L", 45, 1e-9);
  /* What people type without a µ key, and any letter case. */
  assert_convert (45, "ug/L", "ng/mL", 45, 1e-9);
  assert_convert (45, "mcg/L", "ng/mL", 45, 1e-9);
  assert_convert (300, "PG/ML", "pmol/l", 221.4, 0.05);

  /* Folate's molar unit needs folate's own factor: refused, not guessed. */
  assert_no_convert ("ng/mL", "nmol/L");
  assert_no_convert ("pg/mL", "g/L");
  assert_no_convert ("fL", "g/L");
  assert_no_convert ("furlongs", "pg/mL");
  assert_no_convert ("pg/mL", NULL);
}

static void
test_units_per_test (void)
{
  const char * const *units = cobalt_lab_test_get_units (COBALT_LAB_TEST_SERUM_B12);

  g_assert_cmpstr (units[0], ==, "pg/mL");
  g_assert_true (g_strv_contains (units, "ng/L"));
  g_assert_true (g_strv_contains (units, "pmol/L"));
  g_assert_cmpstr (cobalt_lab_test_get_units (COBALT_LAB_TEST_ACTIVE_B12)[0], ==, "pmol/L");

  g_assert_true (cobalt_lab_test_accepts_unit (COBALT_LAB_TEST_HAEMOGLOBIN, "g/dL"));
  g_assert_false (cobalt_lab_test_accepts_unit (COBALT_LAB_TEST_HAEMOGLOBIN, "pg/mL"));
  g_assert_false (cobalt_lab_test_accepts_unit (COBALT_LAB_TEST_SERUM_B12, "fL"));
  g_assert_true (cobalt_lab_test_accepts_unit (COBALT_LAB_TEST_MCV, "fL"));
  g_assert_true (cobalt_lab_test_accepts_unit (COBALT_LAB_TEST_HOMOCYSTEINE, "umol/L"));

  for (guint t = 0; t < COBALT_N_LAB_TESTS; t++)
    {
      const char * const *u = cobalt_lab_test_get_units (t);

      g_assert_nonnull (cobalt_lab_test_to_string (t));
      g_assert_nonnull (u[0]);
      for (; *u != NULL; u++)
        {
          double min = -1, max = -1;

          g_assert_true (cobalt_lab_test_accepts_unit (t, *u));
          g_assert_true (cobalt_lab_test_get_plausible_range (t, *u, &min, &max));
          g_assert_cmpfloat (min, >=, 0);
          g_assert_cmpfloat (max, >, min);
        }
    }

  /* A new result without a unit takes the test's usual one. */
  {
    g_autoptr(CobaltLabResult) r = cobalt_lab_result_new (1, COBALT_LAB_TEST_FERRITIN, 40, NULL);

    g_assert_cmpstr (r->unit, ==, "ng/mL");
    cobalt_lab_result_set_unit (r, "ug/L");
    g_assert_cmpstr (r->unit, ==, "µg/L");
    g_assert_true (isnan (r->ref_low));
    g_assert_true (isnan (r->ref_high));
  }
}

static void
test_range_check (void)
{
  struct {
    double value, low, high;
    CobaltLabRange expected;
  } cases[] = {
    { 150, 200, 900, COBALT_LAB_RANGE_BELOW },
    { 199.9, 200, 900, COBALT_LAB_RANGE_BELOW },
    { 200, 200, 900, COBALT_LAB_RANGE_IN_RANGE },   /* bounds inclusive */
    { 540, 200, 900, COBALT_LAB_RANGE_IN_RANGE },
    { 900, 200, 900, COBALT_LAB_RANGE_IN_RANGE },
    { 1500, 200, 900, COBALT_LAB_RANGE_ABOVE },
    { 150, 180, NAN, COBALT_LAB_RANGE_BELOW },      /* NICE: < 180 ng/L */
    { 400, 180, NAN, COBALT_LAB_RANGE_IN_RANGE },
    { 20, NAN, 15, COBALT_LAB_RANGE_ABOVE },
    { 400, NAN, NAN, COBALT_LAB_RANGE_UNKNOWN },
    { 400, 900, 200, COBALT_LAB_RANGE_UNKNOWN },    /* reversed: trust nothing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltLabResult) r = b12 (cases[i].value, "pg/mL", cases[i].low, cases[i].high);

      g_assert_cmpint (cobalt_lab_result_check_range (r), ==, cases[i].expected);
    }

  /* The lab's own range in pmol/L (LabPLUS Auckland 170–800). */
  {
    g_autoptr(CobaltLabResult) r = b12 (160, "pmol/L", 170, 800);
    double pg;

    g_assert_cmpint (cobalt_lab_result_check_range (r), ==, COBALT_LAB_RANGE_BELOW);
    g_assert_true (cobalt_lab_result_get_value_in (r, "pg/mL", &pg, NULL));
    g_assert_cmpfloat_with_epsilon (pg, 216.8, 0.05);
    g_assert_false (cobalt_lab_result_get_value_in (r, "g/L", &pg, NULL));
  }
}

static void
test_lab_validate (void)
{
  g_autoptr(CobaltLabResult) ok = b12 (350, "pg/mL", 200, 900);
  g_autoptr(CobaltLabResult) negative = b12 (-5, "pg/mL", 200, 900);
  g_autoptr(CobaltLabResult) huge = b12 (60000, "pg/mL", 200, 900);
  g_autoptr(CobaltLabResult) huge_molar = b12 (40000, "pmol/L", NAN, NAN);
  g_autoptr(CobaltLabResult) high_molar = b12 (30000, "pmol/L", NAN, NAN);
  g_autoptr(CobaltLabResult) reversed = b12 (350, "pg/mL", 900, 200);
  g_autoptr(CobaltLabResult) negative_range = b12 (350, "pg/mL", -1, 200);
  g_autoptr(CobaltLabResult) wrong_unit = b12 (350, "fL", NAN, NAN);
  g_autoptr(CobaltLabResult) not_a_number = b12 (NAN, "pg/mL", NAN, NAN);
  g_autoptr(CobaltLabResult) no_date = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, 350, NULL);
  g_autoptr(CobaltLabResult) hb = b12 (13.5, "g/dL", 12, 16);

  assert_valid (ok);
  assert_invalid (negative, COBALT_JOURNAL_ERROR_INVALID);
  assert_invalid (huge, COBALT_JOURNAL_ERROR_INVALID);
  assert_invalid (huge_molar, COBALT_JOURNAL_ERROR_INVALID);   /* ≈ 54 000 pg/mL */
  assert_valid (high_molar);                                   /* ≈ 40 650 pg/mL */
  assert_invalid (reversed, COBALT_JOURNAL_ERROR_INVALID);
  assert_invalid (negative_range, COBALT_JOURNAL_ERROR_INVALID);
  assert_invalid (wrong_unit, COBALT_JOURNAL_ERROR_UNIT);
  assert_invalid (not_a_number, COBALT_JOURNAL_ERROR_INVALID);
  assert_invalid (no_date, COBALT_JOURNAL_ERROR_INVALID);

  /* Haemoglobin: g/dL and g/L both work, with limits in the right unit. */
  hb->test = COBALT_LAB_TEST_HAEMOGLOBIN;
  assert_valid (hb);
  hb->value = 135;   /* 135 g/dL: the g/L number in the wrong unit */
  assert_invalid (hb, COBALT_JOURNAL_ERROR_INVALID);
  cobalt_lab_result_set_unit (hb, "g/L");
  hb->ref_low = 120;
  hb->ref_high = 160;
  assert_valid (hb);
  hb->value = 5;     /* no one lives with 5 g/L */
  assert_invalid (hb, COBALT_JOURNAL_ERROR_INVALID);

  /* The table's edges, per test. */
  {
    struct { CobaltLabTest test; const char *unit; double ok, bad; } edges[] = {
      { COBALT_LAB_TEST_ACTIVE_B12, "pmol/L", 5000, 5001 },
      { COBALT_LAB_TEST_FOLATE, "ng/mL", 2000, 2001 },
      { COBALT_LAB_TEST_FOLATE, "nmol/L", 4500, 4501 },
      { COBALT_LAB_TEST_FERRITIN, "ng/mL", 100000, 100001 },
      { COBALT_LAB_TEST_MCV, "fL", 40, 39 },
      { COBALT_LAB_TEST_MCV, "fL", 200, 201 },
      { COBALT_LAB_TEST_MMA, "µmol/L", 100, 101 },
      { COBALT_LAB_TEST_HOMOCYSTEINE, "µmol/L", 500, 501 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
      {
        g_autoptr(CobaltLabResult) r = b12 (edges[i].ok, edges[i].unit, NAN, NAN);

        r->test = edges[i].test;
        assert_valid (r);
        r->value = edges[i].bad;
        assert_invalid (r, COBALT_JOURNAL_ERROR_INVALID);
      }
  }
}

/* Reactions ------------------------------------------------------------- */

static void
test_catalogue_levels (void)
{
  struct { const char *id; CobaltTriageLevel level; } expected[] = {
    { "face-swelling", COBALT_TRIAGE_EMERGENCY },
    { "breathing-difficulty", COBALT_TRIAGE_EMERGENCY },
    { "wheezing", COBALT_TRIAGE_EMERGENCY },
    { "faint-collapse", COBALT_TRIAGE_EMERGENCY },
    { "chest-pain", COBALT_TRIAGE_EMERGENCY },
    { "hives-swelling", COBALT_TRIAGE_URGENT_ADVICE },
    { "severe-site-pain", COBALT_TRIAGE_URGENT_ADVICE },
    { "site-infection", COBALT_TRIAGE_CONTACT_CLINIC },
    { "fever", COBALT_TRIAGE_CONTACT_CLINIC },
    { "bleeding", COBALT_TRIAGE_CONTACT_CLINIC },
    { "cramps-weakness", COBALT_TRIAGE_CONTACT_CLINIC },
    { "hand-foot-swelling", COBALT_TRIAGE_CONTACT_CLINIC },
    { "nerve-change", COBALT_TRIAGE_CONTACT_CLINIC },
    { "vision-change", COBALT_TRIAGE_CONTACT_CLINIC },
    { "site-pain", COBALT_TRIAGE_MILD },
    { "site-redness", COBALT_TRIAGE_MILD },
    { "site-swelling", COBALT_TRIAGE_MILD },
    { "site-itching", COBALT_TRIAGE_MILD },
    { "bruise", COBALT_TRIAGE_MILD },
    { "nausea-diarrhoea", COBALT_TRIAGE_MILD },
    { "headache", COBALT_TRIAGE_MILD },
    { "rash", COBALT_TRIAGE_MILD },
  };
  CobaltTriageLevel previous = COBALT_TRIAGE_EMERGENCY;

  g_assert_cmpuint (cobalt_reaction_catalogue_get_n_kinds (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_lookup (expected[i].id);

      g_assert_nonnull (info);
      g_assert_cmpint (info->level, ==, expected[i].level);
      g_assert_nonnull (cobalt_reaction_kind_get_label (expected[i].id));
    }

  /* Most urgent first, so a list shows the dangerous signs on top. */
  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds (); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);

      g_assert_cmpint (info->level, <=, previous);
      previous = info->level;
    }

  g_assert_null (cobalt_reaction_catalogue_lookup ("other"));
  g_assert_null (cobalt_reaction_catalogue_lookup ("sneezing"));
  g_assert_nonnull (cobalt_reaction_kind_get_label (COBALT_REACTION_OTHER));
}

static void
test_reaction_level_follows_kind (void)
{
  g_autoptr(GDateTime) t = noon ();
  g_autoptr(CobaltReaction) r = cobalt_reaction_new (1, "site-pain", t);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (r->level, ==, COBALT_TRIAGE_MILD);
  g_assert_cmpint (r->dose_id, ==, 0);
  g_assert_true (cobalt_reaction_validate (r, &error));

  cobalt_reaction_set_kind (r, "wheezing");
  g_assert_cmpint (r->level, ==, COBALT_TRIAGE_EMERGENCY);
  cobalt_reaction_set_kind (r, "fever");
  g_assert_cmpint (r->level, ==, COBALT_TRIAGE_CONTACT_CLINIC);
  g_assert_cmpstr (cobalt_reaction_get_label (r), ==, cobalt_reaction_kind_get_label ("fever"));

  /* "Something else" keeps the level the person chose, and needs a note. */
  cobalt_reaction_set_kind (r, COBALT_REACTION_OTHER);
  g_assert_cmpint (r->level, ==, COBALT_TRIAGE_CONTACT_CLINIC);
  g_assert_false (cobalt_reaction_validate (r, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  cobalt_set_str (&r->note, "Hot flush for an hour");
  g_assert_true (cobalt_reaction_validate (r, &error));
  g_assert_no_error (error);

  cobalt_reaction_set_kind (r, "sneezing");
  g_assert_false (cobalt_reaction_validate (r, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  cobalt_reaction_set_kind (r, "bruise");
  cobalt_set_date_time (&r->noted_at, NULL);
  g_assert_false (cobalt_reaction_validate (r, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
}

/* Check-ins -------------------------------------------------------------- */

static void
test_checkin (void)
{
  g_autoptr(GDateTime) t = noon ();
  g_autoptr(CobaltCheckin) c = cobalt_checkin_new (1, t);
  g_autoptr(GError) error = NULL;

  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    g_assert_cmpint (cobalt_checkin_get_score (c, m), ==, COBALT_CHECKIN_NOT_RECORDED);

  /* Nothing recorded at all is not a check-in. */
  g_assert_false (cobalt_checkin_validate (c, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  cobalt_set_str (&c->note, "Tired after the school run");
  g_assert_true (cobalt_checkin_validate (c, &error));
  cobalt_set_str (&c->note, NULL);

  c->scores[COBALT_CHECKIN_ENERGY] = 0;
  c->scores[COBALT_CHECKIN_PINS_AND_NEEDLES] = 10;
  g_assert_true (cobalt_checkin_validate (c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cobalt_checkin_get_score (c, COBALT_CHECKIN_PINS_AND_NEEDLES), ==, 10);
  g_assert_cmpint (c->scores[COBALT_CHECKIN_ENERGY], ==, 0);

  cobalt_checkin_set_score (c, COBALT_CHECKIN_MEMORY, 4);
  g_assert_cmpint (c->scores[COBALT_CHECKIN_MEMORY], ==, 4);

  c->scores[COBALT_CHECKIN_MOOD] = 11;
  g_assert_false (cobalt_checkin_validate (c, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mood"));
  g_clear_error (&error);

  c->scores[COBALT_CHECKIN_MOOD] = -2;
  g_assert_false (cobalt_checkin_validate (c, &error));
  g_clear_error (&error);

  c->scores[COBALT_CHECKIN_MOOD] = COBALT_CHECKIN_NOT_RECORDED;
  g_assert_true (cobalt_checkin_validate (c, &error));

  cobalt_set_date_time (&c->at, NULL);
  g_assert_false (cobalt_checkin_validate (c, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/journal/lab/convert-b12", test_convert_b12);
  g_test_add_func ("/cobalt/journal/lab/convert-other", test_convert_other);
  g_test_add_func ("/cobalt/journal/lab/units-per-test", test_units_per_test);
  g_test_add_func ("/cobalt/journal/lab/range-check", test_range_check);
  g_test_add_func ("/cobalt/journal/lab/validate", test_lab_validate);
  g_test_add_func ("/cobalt/journal/reaction/catalogue-levels", test_catalogue_levels);
  g_test_add_func ("/cobalt/journal/reaction/level-follows-kind", test_reaction_level_follows_kind);
  g_test_add_func ("/cobalt/journal/checkin", test_checkin);

  return g_test_run ();
}
