/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules every log entry meets (cobalt-dose-rules.h), as a person meets
 * them: each refusal names the field and the reason in one sentence, and
 * the repository refuses what the rules refuse, writing nothing. */

#include "config.h"

#include <math.h>

#include "cobalt-checklist-run.h"
#include "cobalt-dose-rules.h"
#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

static GDateTime *
london (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

/* "Now" in every test: a Monday afternoon. */
static GDateTime *
now_time (void)
{
  return london (2026, 3, 16, 15, 0);
}

static CobaltPerson *
person_born (int year, int month, int day)
{
  CobaltPerson *person = cobalt_person_new ("Ann");
  g_autoptr(GDate) born = g_date_new_dmy (day, month, year);

  cobalt_set_date (&person->date_of_birth, born);
  return person;
}

/* Hydroxocobalamin 1 mg every 12 weeks from a 1 mg/mL ampoule. */
static CobaltPrescription *
hydroxo_1mg (void)
{
  CobaltPrescription *p = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 12, COBALT_PHASE_END_OPEN, 0, NULL);

  p->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  p->amount = 1;
  p->unit = COBALT_DOSE_UNIT_MG;
  p->strength_amount = 1;
  p->strength_unit = COBALT_DOSE_UNIT_MG;
  cobalt_prescription_set_enabled_sites (p, (const char *[]) { "deltoid-left", "deltoid-right", NULL });
  cobalt_prescription_add_phase (p, phase);
  return p;
}

/* Cyanocobalamin 1000 mcg on alternate days for 3 doses, then 250 mcg
 * weekly (open-ended), from 1 March 2026: phases with different doses. */
static CobaltPrescription *
cyano_two_phases (void)
{
  CobaltPrescription *p = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) loading = cobalt_phase_new (COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_AFTER_DOSES, 3, NULL);
  g_autoptr(CobaltPhase) weekly = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, NULL);
  g_autoptr(GDate) starts = g_date_new_dmy (1, G_DATE_MARCH, 2026);

  p->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  p->amount = 1000;
  p->unit = COBALT_DOSE_UNIT_MCG;
  p->strength_amount = 1000;
  p->strength_unit = COBALT_DOSE_UNIT_MCG;
  cobalt_set_date (&p->starts_on, starts);
  cobalt_prescription_set_enabled_sites (p, (const char *[]) { "deltoid-left", "deltoid-right", NULL });
  weekly->amount = 250;
  cobalt_prescription_add_phase (p, loading);
  cobalt_prescription_add_phase (p, weekly);
  return p;
}

static CobaltDose *
given (GDateTime      *at,
       double          amount,
       CobaltDoseUnit  unit,
       CobaltProduct   product)
{
  CobaltDose *dose = cobalt_dose_new ();

  dose->person_id = 1;
  cobalt_dose_set_given_at (dose, at);
  dose->amount = amount;
  dose->unit = unit;
  dose->product = product;
  cobalt_set_str (&dose->site_id, "deltoid-left");
  return dose;
}

/* The sentence @dose is refused with (and its code), or NULL. */
static char *
refusal (CobaltDose         *dose,
         CobaltPerson       *person,
         CobaltPrescription *prescription,
         GPtrArray          *history,
         int                *code)
{
  g_autoptr(GDateTime) now = now_time ();
  g_autoptr(GError) error = NULL;

  if (cobalt_dose_validate (dose, person, prescription, history, now, &error))
    return NULL;
  g_assert_true (error->domain == COBALT_DOSE_ERROR);
  if (code != NULL)
    *code = error->code;
  return g_strdup (error->message);
}

static void
assert_refused (CobaltDose         *dose,
                CobaltPerson       *person,
                CobaltPrescription *prescription,
                GPtrArray          *history,
                CobaltDoseError     code,
                const char         *message)
{
  int got = -1;
  g_autofree char *text = refusal (dose, person, prescription, history, &got);

  g_assert_cmpstr (text, ==, message);
  g_assert_cmpint (got, ==, code);
}

static void
assert_accepted (CobaltDose         *dose,
                 CobaltPerson       *person,
                 CobaltPrescription *prescription,
                 GPtrArray          *history)
{
  g_autofree char *text = refusal (dose, person, prescription, history, NULL);

  g_assert_cmpstr (text, ==, NULL);
}

/* Given at ----------------------------------------------------------------- */

static void
test_given_at (void)
{
  g_autoptr(CobaltPerson) ann = person_born (1961, 7, 14);
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  struct {
    int         year, month, day, hour, minute;
    const char *message;   /* NULL: accepted */
  } cases[] = {
    { 2026, 3, 16, 15, 4, NULL },                                   /* a fast clock: within 5 minutes */
    { 2026, 3, 16, 15, 6, "The time 15:06 is in the future." },
    { 2026, 3, 16, 23, 59, "The time 23:59 is in the future." },
    { 2026, 3, 17, 9, 0, "The date 2026-03-17 is in the future." },
    { 2030, 1, 5, 9, 0, "The date 2030-01-05 is in the future." },
    { 1961, 7, 14, 9, 0, NULL },                                    /* the day of birth */
    { 1961, 7, 13, 9, 0, "The date 1961-07-13 is before the date of birth (1961-07-14)." },
    { 1899, 3, 1, 9, 0, "The date 1899-03-01 is before the date of birth (1961-07-14)." },
  };

  dose->amount = 1;
  assert_refused (dose, ann, p, NULL, COBALT_DOSE_ERROR_GIVEN_AT, "Enter the date and time the dose was given.");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = london (cases[i].year, cases[i].month, cases[i].day,
                                        cases[i].hour, cases[i].minute);
      g_autoptr(CobaltDose) d = given (at, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

      g_test_message ("case %u", i);
      if (cases[i].message == NULL)
        assert_accepted (d, ann, p, NULL);
      else
        assert_refused (d, ann, p, NULL, COBALT_DOSE_ERROR_GIVEN_AT, cases[i].message);
    }
}

/* Without a date of birth, 1950 is the limit: no B12 injection was given
 * before then, so 1899 is a slip of the keyboard. */
static void
test_earliest_date (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) slip = london (1899, 12, 31, 9, 0);
  g_autoptr(GDateTime) last_day = london (1949, 12, 31, 23, 0);
  g_autoptr(GDateTime) first_day = london (1950, 1, 1, 9, 0);
  g_autoptr(CobaltDose) d1 = given (slip, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_autoptr(CobaltDose) d2 = given (last_day, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_autoptr(CobaltDose) d3 = given (first_day, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  assert_refused (d1, NULL, p, NULL, COBALT_DOSE_ERROR_GIVEN_AT,
                  "The date 1899-12-31 is before 1950, earlier than any vitamin B12 injection: check the year.");
  assert_refused (d2, NULL, p, NULL, COBALT_DOSE_ERROR_GIVEN_AT,
                  "The date 1949-12-31 is before 1950, earlier than any vitamin B12 injection: check the year.");
  assert_accepted (d3, NULL, p, NULL);
}

/* The future is judged by the instant, the sentence by the day where the
 * dose was given. */
static void
test_future_in_its_zone (void)
{
  g_autoptr(GTimeZone) auckland = g_time_zone_new_identifier ("Pacific/Auckland");
  /* 15:00 in London is 04:00 the next day in Auckland. */
  g_autoptr(GDateTime) soon = g_date_time_new (auckland, 2026, 3, 17, 4, 30, 0);
  g_autoptr(GDateTime) past = g_date_time_new (auckland, 2026, 3, 17, 3, 30, 0);
  g_autoptr(CobaltDose) d1 = given (soon, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_autoptr(CobaltDose) d2 = given (past, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  assert_refused (d1, NULL, NULL, NULL, COBALT_DOSE_ERROR_GIVEN_AT, "The time 04:30 is in the future.");
  assert_accepted (d2, NULL, NULL, NULL);
}

/* Amount and unit ------------------------------------------------------- */

static void
test_amount_and_unit (void)
{
  g_autoptr(CobaltPrescription) mg = hydroxo_1mg ();
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  struct {
    double           amount;
    CobaltDoseUnit   unit;
    CobaltDoseError  code;
    const char      *message;  /* NULL: accepted */
  } cases[] = {
    { 1, COBALT_DOSE_UNIT_MG, 0, NULL },
    { 1000, COBALT_DOSE_UNIT_MCG, 0, NULL },         /* the same dose in mcg */
    { 0.1 * 10, COBALT_DOSE_UNIT_MG, 0, NULL },      /* rounding of a double */
    { 0, COBALT_DOSE_UNIT_MG, COBALT_DOSE_ERROR_AMOUNT, "The amount must be a number above zero." },
    { -1, COBALT_DOSE_UNIT_MG, COBALT_DOSE_ERROR_AMOUNT, "The amount must be a number above zero." },
    { NAN, COBALT_DOSE_UNIT_MG, COBALT_DOSE_ERROR_AMOUNT, "The amount must be a number above zero." },
    { INFINITY, COBALT_DOSE_UNIT_MG, COBALT_DOSE_ERROR_AMOUNT, "The amount must be a number above zero." },
    { 1, COBALT_DOSE_UNIT_ML, COBALT_DOSE_ERROR_UNIT,
      "The unit mL is a volume, not a dose: enter the dose in mg or mcg, as on the prescription." },
    { 1, 7, COBALT_DOSE_ERROR_UNIT, "The unit of the dose must be mg or mcg." },
    { 5000, COBALT_DOSE_UNIT_MG, COBALT_DOSE_ERROR_AMOUNT_DIFFERS, "5000 mg does not match the prescription (1 mg)." },
    { 99999, COBALT_DOSE_UNIT_MCG, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
      "99999 mcg does not match the prescription (1 mg)." },
    { 1, COBALT_DOSE_UNIT_MCG, COBALT_DOSE_ERROR_AMOUNT_DIFFERS, "1 mcg does not match the prescription (1 mg)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltDose) d = given (at, cases[i].amount, cases[i].unit, COBALT_PRODUCT_HYDROXOCOBALAMIN);

      g_test_message ("case %u", i);
      if (cases[i].message == NULL)
        assert_accepted (d, NULL, mg, NULL);
      else
        assert_refused (d, NULL, mg, NULL, cases[i].code, cases[i].message);
    }
}

/* A prescription written in mL: a dose in mL matches by volume, in mg
 * through the strength. */
static void
test_prescription_in_ml (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(CobaltDose) in_ml = given (at, 1, COBALT_DOSE_UNIT_ML, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_autoptr(CobaltDose) in_mg = given (at, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_autoptr(CobaltDose) twice = given (at, 2, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  p->unit = COBALT_DOSE_UNIT_ML;
  assert_accepted (in_ml, NULL, p, NULL);
  assert_accepted (in_mg, NULL, p, NULL);
  assert_refused (twice, NULL, p, NULL, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                  "2 mg does not match the prescription (1 mL).");

  p->strength_amount = 0;
  assert_refused (in_mg, NULL, p, NULL, COBALT_DOSE_ERROR_UNIT,
                  "The prescription gives the dose in mL: enter the dose in mL too.");
}

/* Another amount is kept only with the flag and the person's words. */
static void
test_amount_with_reason (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(CobaltDose) d = given (at, 2, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_AMOUNT_DIFFERS, "2 mg does not match the prescription (1 mg).");

  d->exceptions = COBALT_DOSE_EXCEPTION_AMOUNT;
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_EXCEPTION_NOTE,
                  "Say in your own words why this dose differs from the prescription, for example who at the clinic advised it.");
  cobalt_set_str (&d->exception_note, " ");
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_EXCEPTION_NOTE,
                  "Say in your own words why this dose differs from the prescription, for example who at the clinic advised it.");

  cobalt_set_str (&d->exception_note, "Dr Rao doubled it for a month");
  assert_accepted (d, NULL, p, NULL);

  /* The timing flags do not excuse another amount. */
  d->exceptions = COBALT_DOSE_EXCEPTION_EARLY | COBALT_DOSE_EXCEPTION_EXTRA;
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_AMOUNT_DIFFERS, "2 mg does not match the prescription (1 mg).");
}

/* Without a prescription, no more than any prescription may say. */
static void
test_no_prescription (void)
{
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(CobaltDose) usual = given (at, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) most = given (at, 5, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) slip = given (at, 99999, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) volume = given (at, 1, COBALT_DOSE_UNIT_ML, COBALT_PRODUCT_CYANOCOBALAMIN);

  assert_accepted (usual, NULL, NULL, NULL);
  assert_accepted (most, NULL, NULL, NULL);
  assert_refused (slip, NULL, NULL, NULL, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                  "99999 mcg is more than any vitamin B12 prescription gives: check the amount.");
  assert_refused (volume, NULL, NULL, NULL, COBALT_DOSE_ERROR_UNIT,
                  "The unit mL is a volume, not a dose: enter the dose in mg or mcg, as on the prescription.");

  slip->exceptions = COBALT_DOSE_EXCEPTION_AMOUNT;
  cobalt_set_str (&slip->exception_note, "a trial dose at the hospital");
  assert_accepted (slip, NULL, NULL, NULL);
}

/* Phases with different doses: the dose of the phase the schedule puts
 * the dose in; any phase's when it cannot place it. */
static void
test_phase_dose (void)
{
  g_autoptr(CobaltPrescription) p = cyano_two_phases ();
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = london (2026, 3, 1, 9, 0);
  g_autoptr(GDateTime) second = london (2026, 3, 3, 9, 0);
  g_autoptr(GDateTime) third = london (2026, 3, 5, 9, 0);
  g_autoptr(GDateTime) fourth = london (2026, 3, 12, 9, 0);
  g_autoptr(GDateTime) before_start = london (2026, 2, 20, 9, 0);
  g_autoptr(CobaltDose) loading = given (second, 250, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) weekly_high = given (fourth, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) weekly = given (fourth, 0.25, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) old = given (before_start, 250, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) odd = given (before_start, 500, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);

  g_assert_true (cobalt_dose_rules_needs_history (p));
  g_ptr_array_add (history, given (first, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN));

  /* The second loading dose is 1000 mcg, not the weekly 250. */
  g_assert_cmpfloat (cobalt_dose_rules_expected_amount (p, history, second), ==, 1000);
  assert_refused (loading, NULL, p, history, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                  "250 mcg does not match the prescription (1000 mcg).");

  g_ptr_array_add (history, given (second, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN));
  g_ptr_array_add (history, given (third, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN));

  /* After three loading doses the weekly phase asks for 250 mcg: 1000 mcg
   * (four times the dose) is refused, 0.25 mg is the same dose. */
  g_assert_cmpfloat (cobalt_dose_rules_expected_amount (p, history, fourth), ==, 250);
  assert_refused (weekly_high, NULL, p, history, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                  "1000 mcg does not match the prescription (250 mcg).");
  assert_accepted (weekly, NULL, p, history);

  /* Without the history, or before the first-dose date, the schedule
   * cannot say which phase: any of the prescription's doses will do. */
  g_assert_cmpfloat (cobalt_dose_rules_expected_amount (p, NULL, fourth), ==, 0);
  assert_accepted (weekly_high, NULL, p, NULL);
  assert_accepted (old, NULL, p, history);
  assert_refused (odd, NULL, p, history, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                  "500 mcg does not match the prescription (1000 mcg or 250 mcg).");
}

/* An edited dose is judged against the history without itself. */
static void
test_phase_dose_edited (void)
{
  g_autoptr(CobaltPrescription) p = cyano_two_phases ();
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = london (2026, 3, 1, 9, 0);
  g_autoptr(GDateTime) later = london (2026, 3, 1, 10, 0);
  CobaltDose *logged = given (first, 1000, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) edited = NULL;

  logged->id = 7;
  g_ptr_array_add (history, logged);
  edited = cobalt_dose_copy (logged);
  cobalt_dose_set_given_at (edited, later);
  assert_accepted (edited, NULL, p, history);
}

/* Product ---------------------------------------------------------------- */

static void
test_product (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(CobaltDose) other = given (at, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_CYANOCOBALAMIN);
  g_autoptr(CobaltDose) unknown = given (at, 1, COBALT_DOSE_UNIT_MG, 9);

  assert_refused (other, NULL, p, NULL, COBALT_DOSE_ERROR_PRODUCT_DIFFERS,
                  "The medicine cyanocobalamin does not match the prescription (hydroxocobalamin).");
  assert_refused (unknown, NULL, p, NULL, COBALT_DOSE_ERROR_PRODUCT,
                  "Choose the medicine: hydroxocobalamin, cyanocobalamin, methylcobalamin or another.");

  other->exceptions = COBALT_DOSE_EXCEPTION_PRODUCT;
  assert_refused (other, NULL, p, NULL, COBALT_DOSE_ERROR_EXCEPTION_NOTE,
                  "Say in your own words why this dose differs from the prescription, for example who at the clinic advised it.");
  cobalt_set_str (&other->exception_note, "pharmacy had no hydroxocobalamin; Dr Rao agreed");
  assert_accepted (other, NULL, p, NULL);
}

/* Site and expiry -------------------------------------------------------- */

static void
test_site_and_expiry (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(CobaltDose) d = given (at, 1, COBALT_DOSE_UNIT_MG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  cobalt_set_str (&d->site_id, "elbow");
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_SITE, "The injection site “elbow” is not known.");
  cobalt_set_str (&d->site_id, NULL);
  assert_accepted (d, NULL, p, NULL);
}

/* Not given ---------------------------------------------------------------- */

static void
test_not_given (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDateTime) decided = london (2026, 3, 10, 11, 0);
  g_autoptr(GDateTime) future = london (2026, 3, 20, 11, 0);
  g_autoptr(GDate) friday = g_date_new_dmy (13, G_DATE_MARCH, 2026);
  g_autoptr(GDate) before = g_date_new_dmy (9, G_DATE_MARCH, 2026);
  g_autoptr(CobaltDose) d = cobalt_dose_new ();

  /* No amount, unit or medicine is asked of a dose not given. */
  d->person_id = 1;
  cobalt_dose_set_given_at (d, decided);
  d->kind = COBALT_DOSE_KIND_SKIPPED;
  d->unit = COBALT_DOSE_UNIT_ML;
  d->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_ADVISED_BY, "Say who at the clinic advised not giving this dose");
  cobalt_set_str (&d->advised_by, "Dr Rao");
  assert_accepted (d, NULL, p, NULL);

  cobalt_set_date (&d->moved_to, friday);
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_MOVED_TO, "Only a dose moved by the clinic has a day it was moved to");

  d->kind = COBALT_DOSE_KIND_MOVED;
  assert_accepted (d, NULL, p, NULL);
  cobalt_set_date (&d->moved_to, before);
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_MOVED_TO,
                  "The day the dose was moved to cannot be before the clinic’s decision");
  cobalt_set_date (&d->moved_to, NULL);
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_MOVED_TO, "Choose the day the clinic moved the dose to");

  /* The decision's date follows the date rules. */
  cobalt_set_date (&d->moved_to, friday);
  cobalt_dose_set_given_at (d, future);
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_GIVEN_AT, "The date 2026-03-20 is in the future.");

  cobalt_dose_set_given_at (d, decided);
  d->checklist_run_id = 3;
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_KIND, "A dose not given cannot come from a checklist run");

  d->checklist_run_id = 0;
  d->kind = 5;
  assert_refused (d, NULL, p, NULL, COBALT_DOSE_ERROR_KIND,
                  "A log entry is a dose given, or one not given on the clinic’s advice.");
}

/* A checklist run becomes a dose ------------------------------------------------- */

static CobaltChecklistRun *
started_run (GDateTime *started)
{
  g_autoptr(GListStore) steps = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);

  return cobalt_checklist_run_new (1, G_LIST_MODEL (steps), started);
}

static void
test_dose_from_run (void)
{
  g_autoptr(GDateTime) now = now_time ();
  g_autoptr(GDateTime) started = g_date_time_add_minutes (now, -10);
  g_autoptr(CobaltChecklistRun) run = started_run (started);
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(CobaltSupplyItem) ampoule = cobalt_supply_item_new (1, COBALT_SUPPLY_AMPOULE, 4);
  g_autoptr(GDate) in_date = g_date_new_dmy (30, G_DATE_JUNE, 2027);
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GError) error = NULL;

  cobalt_checklist_run_set_id (run, 42);
  p->id = 5;
  cobalt_set_str (&ampoule->batch, "HX-12");
  cobalt_set_date (&ampoule->expiry, in_date);
  g_assert_true (cobalt_checklist_run_set_site_id (run, "deltoid-right", &error));
  g_assert_no_error (error);

  dose = cobalt_dose_new_from_run (run, p, 1, NULL, ampoule, COBALT_DOSE_EXCEPTION_NONE, NULL, now);
  g_assert_cmpint (dose->person_id, ==, 1);
  g_assert_true (g_date_time_equal (dose->given_at, now));
  g_assert_cmpstr (dose->site_id, ==, "deltoid-right");
  g_assert_cmpint (dose->given_by, ==, COBALT_GIVEN_BY_SELF);
  g_assert_cmpint (dose->checklist_run_id, ==, 42);
  g_assert_cmpint (dose->prescription_id, ==, 5);
  g_assert_cmpint (dose->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpint (dose->unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpfloat (dose->amount, ==, 1);
  g_assert_cmpstr (dose->batch, ==, "HX-12");
  g_assert_cmpint (g_date_compare (dose->expiry, in_date), ==, 0);
  g_assert_cmpint (dose->exceptions, ==, COBALT_DOSE_EXCEPTION_NONE);
  g_assert_null (dose->exception_note);
  g_assert_null (dose->notes);
  assert_accepted (dose, NULL, p, NULL);

  /* A site chosen in the wizard wins over the one kept with the run. */
  g_clear_object (&dose);
  dose = cobalt_dose_new_from_run (run, p, 1, "deltoid-left", NULL, COBALT_DOSE_EXCEPTION_EARLY, "Nurse Kay", now);
  g_assert_cmpstr (dose->site_id, ==, "deltoid-left");
  g_assert_cmpint (dose->exceptions, ==, COBALT_DOSE_EXCEPTION_EARLY);
  g_assert_cmpstr (dose->exception_note, ==, "Nurse Kay");
  g_assert_null (dose->batch);
}

/* Expired medicine is never used: a run never makes a dose with the
 * EXPIRED flag, not even a run an older version stored with an override
 * note, and the rules refuse a dose from a batch past its date. */
static void
test_dose_from_run_expired (void)
{
  g_autoptr(GDateTime) now = now_time ();
  g_autoptr(CobaltChecklistRun) run = cobalt_checklist_run_new_for_restore (7, 1, now);
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(CobaltSupplyItem) ampoule = cobalt_supply_item_new (1, COBALT_SUPPLY_AMPOULE, 4);
  g_autoptr(GDate) expired = g_date_new_dmy (28, G_DATE_FEBRUARY, 2026);
  g_autoptr(GDate) last_day = g_date_new_dmy (16, G_DATE_MARCH, 2026);
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GError) error = NULL;

  cobalt_checklist_run_restore_state (run, COBALT_RUN_IN_PROGRESS, 0, NULL, NULL,
                                      "the pharmacist said it is fine");
  cobalt_set_str (&ampoule->batch, "OLD-1");
  cobalt_set_date (&ampoule->expiry, expired);

  dose = cobalt_dose_new_from_run (run, p, 1, NULL, ampoule,
                                   COBALT_DOSE_EXCEPTION_EXTRA | COBALT_DOSE_EXCEPTION_EXPIRED, "Dr Rao", now);
  g_assert_cmpint (dose->exceptions, ==, COBALT_DOSE_EXCEPTION_EXTRA);
  g_assert_cmpstr (dose->exception_note, ==, "Dr Rao");
  g_assert_null (dose->notes);

  g_assert_false (cobalt_dose_rules_check_batch_in_date (dose, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY);
  g_assert_cmpstr (error->message, ==, "This batch expired on 2026-02-28, before the day of this dose. "
                                       "Never use medicine after its expiry date: take an in-date ampoule, "
                                       "or stop and ask your clinic or pharmacist.");
  g_clear_error (&error);

  /* Usable up to and including its printed day. */
  cobalt_set_date (&dose->expiry, last_day);
  g_assert_true (cobalt_dose_rules_check_batch_in_date (dose, &error));
  g_assert_no_error (error);

  /* The flag alone (a dose of an older version) is refused as new... */
  dose->exceptions |= COBALT_DOSE_EXCEPTION_EXPIRED;
  g_assert_false (cobalt_dose_rules_check_batch_in_date (dose, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY);
  g_clear_error (&error);

  /* ...and still read out in the log as before. */
  {
    g_autofree char *shown = cobalt_dose_rules_describe_exceptions (dose->exceptions);

    g_assert_cmpstr (shown, ==, "From a batch past its expiry date");
  }
}

static void
test_describe_exceptions (void)
{
  g_autofree char *none = cobalt_dose_rules_describe_exceptions (COBALT_DOSE_EXCEPTION_EARLY);
  g_autofree char *both = cobalt_dose_rules_describe_exceptions (COBALT_DOSE_EXCEPTION_AMOUNT |
                                                                 COBALT_DOSE_EXCEPTION_PRODUCT);

  g_assert_null (none);
  g_assert_cmpstr (both, ==, "Another amount than prescribed, on the clinic’s advice; "
                             "Another medicine than prescribed, on the clinic’s advice");
}

/* Lab results ---------------------------------------------------------------- */

static void
test_lab_result_dates (void)
{
  g_autoptr(CobaltPerson) ann = person_born (1961, 7, 14);
  g_autoptr(GDateTime) now = now_time ();
  struct {
    int         year, month, day;
    const char *message;
  } cases[] = {
    { 2026, 3, 16, NULL },
    { 2026, 3, 17, "The date 2026-03-17 is in the future." },
    { 1961, 7, 13, "The date 1961-07-13 is before the date of birth (1961-07-14)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, 320, "pg/mL");
      g_autoptr(GDate) day = g_date_new_dmy (cases[i].day, cases[i].month, cases[i].year);
      g_autoptr(GError) error = NULL;

      cobalt_set_date (&result->taken_on, day);
      if (cases[i].message == NULL)
        {
          g_assert_true (cobalt_lab_result_validate_for (result, ann, now, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (cobalt_lab_result_validate_for (result, ann, now, &error));
          g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, cases[i].message);
        }
    }

  {
    g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, 320, "pg/mL");
    g_autoptr(GDate) old = g_date_new_dmy (1, G_DATE_JANUARY, 1949);
    g_autoptr(GError) error = NULL;

    cobalt_set_date (&result->taken_on, old);
    g_assert_false (cobalt_lab_result_validate_for (result, NULL, now, &error));
    g_assert_cmpstr (error->message, ==, "The date 1949-01-01 is before 1950: check the year.");
  }
}

static void
test_lab_result_values (void)
{
  g_autoptr(GDateTime) now = now_time ();
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (1, COBALT_LAB_TEST_SERUM_B12, 0, "pg/mL");
  g_autoptr(GError) error = NULL;

  cobalt_set_date (&result->taken_on, day);
  g_assert_false (cobalt_lab_result_validate_for (result, NULL, now, &error));
  g_assert_cmpstr (error->message, ==, "A lab result must be more than zero.");
  g_clear_error (&error);

  result->value = NAN;
  g_assert_false (cobalt_lab_result_validate_for (result, NULL, now, &error));
  g_assert_cmpstr (error->message, ==, "Enter the result as a number.");
  g_clear_error (&error);

  result->value = 320;
  cobalt_lab_result_set_unit (result, "mmHg");
  g_assert_false (cobalt_lab_result_validate_for (result, NULL, now, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_UNIT);
  g_clear_error (&error);

  cobalt_lab_result_set_unit (result, "pg/mL");
  result->ref_low = 200;
  result->ref_high = 200;
  g_assert_false (cobalt_lab_result_validate_for (result, NULL, now, &error));
  g_assert_cmpstr (error->message, ==, "The lower end of the reference range must be below the upper end.");
  g_clear_error (&error);

  result->ref_high = 900;
  g_assert_true (cobalt_lab_result_validate_for (result, NULL, now, &error));
  g_assert_no_error (error);
}

/* Supplies and prescriptions ----------------------------------------------------- */

static void
test_supply_item (void)
{
  g_autoptr(CobaltSupplyItem) swabs = cobalt_supply_item_new (1, COBALT_SUPPLY_SWAB, 100000);
  g_autoptr(CobaltSupplyItem) ampoules = cobalt_supply_item_new (1, COBALT_SUPPLY_AMPOULE, 5);
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_supply_item_validate (swabs, &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The number left, 100000, is more than anyone keeps at home: check it.");
  g_clear_error (&error);
  swabs->count = 200;
  g_assert_true (cobalt_supply_item_validate (swabs, &error));
  g_assert_no_error (error);

  cobalt_set_str (&ampoules->batch, "HX-1");
  ampoules->strength_amount = 1;
  ampoules->strength_unit = COBALT_DOSE_UNIT_MG;
  ampoules->product = 9;
  g_assert_false (cobalt_supply_item_validate (ampoules, &error));
  g_assert_cmpstr (error->message, ==, "Choose the medicine the ampoules hold.");
  g_clear_error (&error);
  ampoules->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  g_assert_true (cobalt_supply_item_validate (ampoules, &error));
  g_assert_no_error (error);
}

static void
test_prescription_first_date (void)
{
  g_autoptr(CobaltPrescription) p = hydroxo_1mg ();
  g_autoptr(GDate) slip = g_date_new_dmy (1, G_DATE_MARCH, 1926);
  g_autoptr(GDate) fine = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  g_autoptr(GError) error = NULL;

  cobalt_set_date (&p->starts_on, slip);
  g_assert_false (cobalt_prescription_validate (p, &error));
  g_assert_cmpstr (error->message, ==, "The first-dose date is before 1950: check the year.");
  g_clear_error (&error);
  cobalt_set_date (&p->starts_on, fine);
  g_assert_true (cobalt_prescription_validate (p, &error));
  g_assert_no_error (error);
}

/* The repository: the door every write goes through ---------------------------- */

typedef struct
{
  CobaltDatabase     *database;
  CobaltRepository   *repository;
  CobaltClock        *clock;
  CobaltPerson       *ann;
  CobaltPrescription *prescription;
} Repo;

static void
repo_set_up (Repo          *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = now_time ();
  g_autoptr(GError) error = NULL;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  cobalt_repository_set_clock (f->repository, f->clock);
  g_assert_true (cobalt_repository_get_clock (f->repository) == f->clock);

  f->ann = person_born (1961, 7, 14);
  g_assert_true (cobalt_repository_save_person (f->repository, f->ann, &error));
  g_assert_no_error (error);
  f->prescription = hydroxo_1mg ();
  f->prescription->person_id = f->ann->id;
  g_assert_true (cobalt_repository_save_prescription (f->repository, f->prescription, &error));
  g_assert_no_error (error);
}

static void
repo_tear_down (Repo          *f,
                gconstpointer  data)
{
  g_clear_object (&f->prescription);
  g_clear_object (&f->ann);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

static CobaltDose *
ann_dose (Repo       *f,
          GDateTime  *at,
          double      amount,
          gboolean    with_prescription_id)
{
  CobaltDose *dose = given (at, amount, COBALT_DOSE_UNIT_MCG, COBALT_PRODUCT_HYDROXOCOBALAMIN);

  dose->person_id = f->ann->id;
  dose->given_by = COBALT_GIVEN_BY_CLINIC;
  if (with_prescription_id)
    dose->prescription_id = f->prescription->id;
  return dose;
}

static guint
n_logged (Repo *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) doses = cobalt_repository_list_schedule_doses (f->repository, f->ann->id,
                                                                       &error);

  g_assert_no_error (error);
  return doses->len;
}

/* The Log editor's case: 1899 and 99 999 mcg are refused by the
 * repository, whichever form sends them. */
static void
test_repository_add_refuses (Repo          *f,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) slip = london (1899, 3, 1, 9, 0);
  g_autoptr(GDateTime) fine = london (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) later = london (2026, 3, 2, 10, 0);
  g_autoptr(CobaltDose) old = ann_dose (f, slip, 1000, TRUE);
  g_autoptr(CobaltDose) huge = ann_dose (f, fine, 99999, TRUE);
  g_autoptr(CobaltDose) unnamed = ann_dose (f, fine, 99999, FALSE);
  g_autoptr(CobaltDose) good = ann_dose (f, later, 1000, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_repository_add_dose (f->repository, old, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_assert_cmpstr (error->message, ==, "The date 1899-03-01 is before the date of birth (1961-07-14).");
  g_clear_error (&error);

  g_assert_false (cobalt_repository_add_dose (f->repository, huge, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS);
  g_assert_cmpstr (error->message, ==, "99999 mcg does not match the prescription (1 mg).");
  g_clear_error (&error);

  /* A dose naming no prescription version is judged by the person's. */
  g_assert_false (cobalt_repository_add_dose (f->repository, unnamed, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS);
  g_clear_error (&error);

  g_assert_cmpuint (n_logged (f), ==, 0);
  g_assert_cmpint (huge->id, ==, 0);

  g_assert_true (cobalt_repository_add_dose (f->repository, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_logged (f), ==, 1);
}

/* "The future" is the repository's clock's: moving the clock on makes a
 * dose loggable. */
static void
test_repository_future (Repo          *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = london (2026, 3, 17, 9, 0);
  g_autoptr(CobaltDose) dose = ann_dose (f, tomorrow, 1000, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_assert_cmpstr (error->message, ==, "The date 2026-03-17 is in the future.");
  g_clear_error (&error);

  cobalt_clock_advance (f->clock, G_TIME_SPAN_DAY);
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);
}

/* Editing is held to the same rules; the stored dose stays as it was. */
static void
test_repository_update_refuses (Repo          *f,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) at = london (2026, 3, 2, 9, 0);
  g_autoptr(GDateTime) slip = london (1899, 3, 2, 9, 0);
  g_autoptr(CobaltDose) dose = ann_dose (f, at, 1, TRUE);
  g_autoptr(CobaltDose) edit = NULL;
  g_autoptr(CobaltDose) stored = NULL;
  g_autoptr(GError) error = NULL;

  dose->unit = COBALT_DOSE_UNIT_MG;
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);

  edit = cobalt_dose_copy (dose);
  cobalt_dose_set_given_at (edit, slip);
  edit->amount = 99999;
  edit->unit = COBALT_DOSE_UNIT_MCG;
  g_assert_false (cobalt_repository_update_dose (f->repository, edit, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_clear_error (&error);

  cobalt_dose_set_given_at (edit, at);
  g_assert_false (cobalt_repository_update_dose (f->repository, edit, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS);
  g_clear_error (&error);

  stored = cobalt_repository_get_dose (f->repository, dose->id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->amount, ==, 1);
  g_assert_cmpint (stored->unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpint (g_date_time_get_year (stored->given_at), ==, 2026);

  /* With the reason, in the person's words, it is kept. */
  edit->exceptions = COBALT_DOSE_EXCEPTION_AMOUNT;
  cobalt_set_str (&edit->exception_note, "a trial at the hospital");
  g_assert_true (cobalt_repository_update_dose (f->repository, edit, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = cobalt_repository_get_dose (f->repository, dose->id, &error);
  g_assert_cmpint (stored->exceptions, ==, COBALT_DOSE_EXCEPTION_AMOUNT);
  g_assert_cmpstr (stored->exception_note, ==, "a trial at the hospital");
}

/* No new dose from an expired batch, whichever form sends it (the
 * checklist, "log a dose given elsewhere"): the repository refuses it and
 * writes nothing. A row an older version stored with the EXPIRED flag is
 * still read and shown as it was. */
static void
test_repository_expired_batch (Repo          *f,
                               gconstpointer  data)
{
  g_autoptr(GDateTime) at = london (2026, 3, 16, 9, 0);
  g_autoptr(GDate) expired = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  g_autoptr(GDate) in_date = g_date_new_dmy (16, G_DATE_MARCH, 2026);
  g_autoptr(CobaltDose) dose = ann_dose (f, at, 1000, TRUE);
  g_autoptr(CobaltDose) flagged = ann_dose (f, at, 1000, TRUE);
  g_autoptr(CobaltDose) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  cobalt_set_str (&dose->batch, "OLD-1");
  cobalt_set_date (&dose->expiry, expired);
  g_assert_false (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY);
  g_clear_error (&error);
  g_assert_cmpint (dose->id, ==, 0);
  g_assert_cmpuint (n_logged (f), ==, 0);

  /* The exception flag is no way round it either. */
  cobalt_set_str (&flagged->exception_note, "the nurse said it is fine");
  flagged->exceptions = COBALT_DOSE_EXCEPTION_EXPIRED;
  g_assert_false (cobalt_repository_add_dose (f->repository, flagged, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY);
  g_clear_error (&error);
  g_assert_cmpuint (n_logged (f), ==, 0);

  /* On its last day the batch is in date. */
  cobalt_set_date (&dose->expiry, in_date);
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_logged (f), ==, 1);

  /* An older version's row with the flag: read, and editable, as before. */
  sql = g_strdup_printf ("UPDATE doses SET exceptions = %d, exception_note = 'the nurse said so' WHERE id = %" G_GINT64_FORMAT,
                         COBALT_DOSE_EXCEPTION_EXPIRED, dose->id);
  g_assert_true (cobalt_database_exec (f->database, sql, &error));
  g_assert_no_error (error);
  stored = cobalt_repository_get_dose (f->repository, dose->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->exceptions, ==, COBALT_DOSE_EXCEPTION_EXPIRED);
  cobalt_set_str (&stored->notes, "edited later");
  g_assert_true (cobalt_repository_update_dose (f->repository, stored, &error));
  g_assert_no_error (error);
}

/* A batch is all or nothing: one refused dose and none is written, each
 * refusal at its place in the batch. */
static void
test_repository_import_batch (Repo          *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) refusals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) a = london (2026, 1, 5, 9, 0);
  g_autoptr(GDateTime) b = london (2030, 1, 5, 9, 0);
  g_autoptr(GDateTime) c = london (2026, 2, 5, 9, 0);
  guint n_imported = 99, n_skipped = 99;

  g_ptr_array_add (doses, ann_dose (f, a, 1000, FALSE));
  g_ptr_array_add (doses, ann_dose (f, b, 1000, FALSE));
  g_ptr_array_add (doses, ann_dose (f, c, 5000000, FALSE));
  COBALT_DOSE (g_ptr_array_index (doses, 2))->unit = COBALT_DOSE_UNIT_MCG;

  g_assert_false (cobalt_repository_import_doses (f->repository, f->ann->id, doses,
                                                  &n_imported, &n_skipped, &refusals, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (refusals->len, ==, 3);
  g_assert_null (g_ptr_array_index (refusals, 0));
  g_assert_cmpstr (((GError *) g_ptr_array_index (refusals, 1))->message, ==, "The date 2030-01-05 is in the future.");
  g_assert_cmpstr (((GError *) g_ptr_array_index (refusals, 2))->message, ==,
                   "5000000 mcg does not match the prescription (1 mg).");
  g_assert_cmpuint (n_logged (f), ==, 0);
  g_assert_cmpint (COBALT_DOSE (g_ptr_array_index (doses, 0))->id, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&refusals, g_ptr_array_unref);

  /* Fixed, the batch goes in at once; twice the same instant is one dose. */
  g_ptr_array_remove_index (doses, 2);
  g_ptr_array_remove_index (doses, 1);
  g_ptr_array_add (doses, ann_dose (f, c, 1000, FALSE));
  g_ptr_array_add (doses, ann_dose (f, c, 1000, FALSE));
  g_assert_true (cobalt_repository_import_doses (f->repository, f->ann->id, doses,
                                                 &n_imported, &n_skipped, &refusals, &error));
  g_assert_no_error (error);
  g_assert_null (refusals);
  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_cmpuint (n_skipped, ==, 1);
  g_assert_cmpint (COBALT_DOSE (g_ptr_array_index (doses, 0))->id, >, 0);
  g_assert_cmpuint (n_logged (f), ==, 2);
}

/* Lab results go through the same door, with the person's birth date and
 * the repository's clock. */
static void
test_repository_lab_result (Repo          *f,
                            gconstpointer  data)
{
  g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (f->ann->id,
                                                             COBALT_LAB_TEST_SERUM_B12, 320, "pg/mL");
  g_autoptr(GDate) future = g_date_new_dmy (20, G_DATE_MARCH, 2026);
  g_autoptr(GDate) past = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  g_autoptr(GDate) before_birth = g_date_new_dmy (2, G_DATE_MARCH, 1960);
  g_autoptr(GError) error = NULL;

  cobalt_set_date (&result->taken_on, future);
  g_assert_false (cobalt_repository_add_lab_result (f->repository, result, &error));
  g_assert_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The date 2026-03-20 is in the future.");
  g_clear_error (&error);

  cobalt_set_date (&result->taken_on, past);
  g_assert_true (cobalt_repository_add_lab_result (f->repository, result, &error));
  g_assert_no_error (error);

  cobalt_set_date (&result->taken_on, before_birth);
  g_assert_false (cobalt_repository_update_lab_result (f->repository, result, &error));
  g_assert_cmpstr (error->message, ==, "The date 1960-03-02 is before the date of birth (1961-07-14).");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/dose-rules/given-at", test_given_at);
  g_test_add_func ("/cobalt/dose-rules/earliest-date", test_earliest_date);
  g_test_add_func ("/cobalt/dose-rules/future-in-its-zone", test_future_in_its_zone);
  g_test_add_func ("/cobalt/dose-rules/amount-and-unit", test_amount_and_unit);
  g_test_add_func ("/cobalt/dose-rules/prescription-in-ml", test_prescription_in_ml);
  g_test_add_func ("/cobalt/dose-rules/amount-with-reason", test_amount_with_reason);
  g_test_add_func ("/cobalt/dose-rules/no-prescription", test_no_prescription);
  g_test_add_func ("/cobalt/dose-rules/phase-dose", test_phase_dose);
  g_test_add_func ("/cobalt/dose-rules/phase-dose-edited", test_phase_dose_edited);
  g_test_add_func ("/cobalt/dose-rules/product", test_product);
  g_test_add_func ("/cobalt/dose-rules/site", test_site_and_expiry);
  g_test_add_func ("/cobalt/dose-rules/not-given", test_not_given);
  g_test_add_func ("/cobalt/dose-rules/from-run", test_dose_from_run);
  g_test_add_func ("/cobalt/dose-rules/from-run-expired", test_dose_from_run_expired);
  g_test_add_func ("/cobalt/dose-rules/describe-exceptions", test_describe_exceptions);
  g_test_add_func ("/cobalt/dose-rules/lab-result-dates", test_lab_result_dates);
  g_test_add_func ("/cobalt/dose-rules/lab-result-values", test_lab_result_values);
  g_test_add_func ("/cobalt/dose-rules/supply-item", test_supply_item);
  g_test_add_func ("/cobalt/dose-rules/prescription-first-date", test_prescription_first_date);
#define ADD(path, func) g_test_add ("/cobalt/dose-rules/repository/" path, Repo, NULL, repo_set_up, func, repo_tear_down)
  ADD ("add-refuses", test_repository_add_refuses);
  ADD ("future-by-its-clock", test_repository_future);
  ADD ("update-refuses", test_repository_update_refuses);
  ADD ("expired-batch", test_repository_expired_batch);
  ADD ("import-batch", test_repository_import_batch);
  ADD ("lab-result", test_repository_lab_result);
#undef ADD

  return g_test_run ();
}
