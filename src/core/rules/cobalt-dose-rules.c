/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rules a log entry meets before it is stored; what they are and why
 * is in cobalt-dose-rules.h. Pure functions of the records and "now": no
 * database, no clock of their own. */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cobalt-clinical.h"
#include "cobalt-dose-rules.h"
#include "cobalt-schedule.h"
#include "cobalt-site.h"
#include "cobalt-strength.h"

G_DEFINE_QUARK (cobalt-dose-error-quark, cobalt_dose_error)


/* Amounts are typed and stored as doubles: 0.1 mg is 100.00000000000001
 * mcg once converted. */
#define RELATIVE_TOLERANCE 1e-6

/* Static helpers ------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
local_day (GDateTime *dt,
           GDate     *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static char *
format_day (const GDate *day)
{
  char text[32];

  /* The form everyone types dates in (the forms' YYYY-MM-DD), so the
   * sentence quotes what the person sees in the field. */
  if (g_date_strftime (text, sizeof text, "%Y-%m-%d", day) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

static char *
format_amount (double         amount,
               CobaltDoseUnit unit)
{
  char number[64];

  /* Never "5e+06": the number as it was typed. */
  g_snprintf (number, sizeof number, "%.10g", amount);
  /* Translators: an amount and its unit, e.g. "250 mcg" */
  return g_strdup_printf (C_("amount", "%s %s"), number, cobalt_dose_unit_to_string (unit));
}

/* The date rules shared by doses and lab results: @day is not after
 * @today, not before the date of birth, not before 1950. @dose says which
 * sentence explains 1950. */
static gboolean
check_day (const GDate   *day,
           const GDate   *today,
           CobaltPerson  *person,
           gboolean       dose,
           GQuark         domain,
           int            code,
           GError       **error)
{
  GDate *born = person != NULL ? person->date_of_birth : NULL;
  g_autofree char *text = format_day (day);

  if (today != NULL && g_date_compare (day, today) > 0)
    {
      /* Translators: %s is a date as the forms take it, e.g. "2030-01-05" */
      g_set_error (error, domain, code, _("The date %s is in the future."), text);
      return FALSE;
    }
  if (born != NULL && g_date_valid (born) && g_date_compare (day, born) < 0)
    {
      g_autofree char *born_text = format_day (born);

      /* Translators: two dates, e.g. "The date 1899-03-01 is before the
       * date of birth (1961-07-14)." */
      g_set_error (error, domain, code, _("The date %s is before the date of birth (%s)."),
                   text, born_text);
      return FALSE;
    }
  if (g_date_get_year (day) < COBALT_DOSE_RULES_EARLIEST_YEAR)
    {
      if (dose)
        g_set_error (error, domain, code,
                     _("The date %s is before 1950, earlier than any vitamin B12 injection: check the year."),
                     text);
      else
        g_set_error (error, domain, code, _("The date %s is before 1950: check the year."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_given_at (CobaltDose    *dose,
                CobaltPerson  *person,
                GDateTime     *now,
                GError       **error)
{
  GDateTime *given_at = dose->given_at;
  g_autoptr(GDateTime) now_there = NULL;
  GDate day, today;

  if (given_at == NULL)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT,
                           _("Enter the date and time the dose was given."));
      return FALSE;
    }

  /* Days as the person saw them where the dose was given. */
  now_there = g_date_time_to_timezone (now, g_date_time_get_timezone (given_at));
  local_day (given_at, &day);
  local_day (now_there, &today);

  if (g_date_time_difference (given_at, now) > COBALT_DOSE_RULES_CLOCK_SKEW)
    {
      g_autofree char *time = g_date_time_format (given_at, "%H:%M");
      g_autofree char *date = format_day (&day);

      /* Later today names the time, a later day the date: the part of
       * the form that is wrong. */
      if (g_date_compare (&day, &today) <= 0)
        /* Translators: %s is a time of day, 24-hour, e.g. "15:06" */
        g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT,
                     _("The time %s is in the future."), time);
      else
        /* Translators: %s is a date as the forms take it, e.g. "2030-01-05" */
        g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT,
                     _("The date %s is in the future."), date);
      return FALSE;
    }

  return check_day (&day, NULL, person, TRUE, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT, error);
}

/* @amount of @unit in micrograms; a volume through the prescription's
 * strength. FALSE when it cannot be known. */
static gboolean
to_mcg (double              amount,
        CobaltDoseUnit      unit,
        CobaltPrescription *prescription,
        double             *mcg)
{
  if (unit == COBALT_DOSE_UNIT_MG || unit == COBALT_DOSE_UNIT_MCG)
    {
      *mcg = cobalt_mass_to_mcg (amount, unit);
      return TRUE;
    }
  if (unit == COBALT_DOSE_UNIT_ML && prescription != NULL &&
      cobalt_strength_is_known (prescription->strength_amount,
                                prescription->strength_unit))
    {
      *mcg = amount * cobalt_mass_to_mcg (prescription->strength_amount,
                                          prescription->strength_unit);
      return TRUE;
    }
  return FALSE;
}

static gboolean
close_enough (double a,
              double b)
{
  return fabs (a - b) <= RELATIVE_TOLERANCE * MAX (fabs (a), fabs (b));
}

static gboolean
same_amount (double              a,
             CobaltDoseUnit      a_unit,
             double              b,
             CobaltDoseUnit      b_unit,
             CobaltPrescription *prescription)
{
  double a_mcg, b_mcg;

  if (a_unit == b_unit)
    return close_enough (a, b);
  return to_mcg (a, a_unit, prescription, &a_mcg) &&
         to_mcg (b, b_unit, prescription, &b_mcg) &&
         close_enough (a_mcg, b_mcg);
}

/* The doses of @history before @at, without the one with @skip_id
 * (the dose being edited). Borrowed pointers. */
static GPtrArray *
history_before (GPtrArray *history,
                GDateTime *at,
                gint64     skip_id)
{
  GPtrArray *before = g_ptr_array_new ();

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      CobaltDose *other = g_ptr_array_index (history, i);
      GDateTime *other_at = other->given_at;

      if (skip_id != 0 && other->id == skip_id)
        continue;
      if (other_at != NULL && g_date_time_compare (other_at, at) < 0)
        g_ptr_array_add (before, other);
    }
  return before;
}

/* The phase dose the schedule puts a dose at @given_at in; FALSE when it
 * cannot place it (then any phase's dose is right). */
static gboolean
expected_amount (CobaltPrescription *prescription,
                 GPtrArray          *history,
                 GDateTime          *given_at,
                 gint64              skip_id,
                 double             *amount)
{
  GPtrArray *phases = prescription->phases;
  GDate *starts_on = prescription->starts_on;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(CobaltDueInfo) due = NULL;
  GDate day;

  if (phases == NULL || phases->len == 0)
    {
      *amount = prescription->amount;
      return TRUE;
    }
  if (!cobalt_dose_rules_needs_history (prescription))
    {
      *amount = cobalt_prescription_get_phase_amount (prescription, 0);
      return TRUE;
    }
  if (history == NULL)
    return FALSE;

  /* Before the first-dose date the schedule counts nothing, so it cannot
   * say which phase a dose from before Cobalt belonged to. */
  local_day (given_at, &day);
  if (starts_on != NULL && g_date_valid (starts_on) && g_date_compare (&day, starts_on) < 0)
    return FALSE;

  before = history_before (history, given_at, skip_id);
  due = cobalt_schedule_next_due (prescription, before, given_at, g_date_time_get_timezone (given_at));
  if (due->status == COBALT_DOSE_STATUS_NONE)
    return FALSE;

  *amount = due->amount;
  return TRUE;
}

/* "1 mg" or "1000 mcg, 250 mcg": what the prescription says, for the
 * sentence. */
static char *
describe_prescribed (CobaltPrescription *prescription,
                     gboolean            placed,
                     double              expected)
{
  CobaltDoseUnit unit = prescription->unit;
  GPtrArray *phases = prescription->phases;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));

  if (placed)
    return format_amount (expected, unit);

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      double amount = cobalt_prescription_get_phase_amount (prescription, i);
      g_autofree char *one = NULL;
      gboolean known = FALSE;

      for (guint j = 0; j < seen->len && !known; j++)
        known = close_enough (g_array_index (seen, double, j), amount);
      if (known)
        continue;
      g_array_append_val (seen, amount);
      one = format_amount (amount, unit);
      if (text->len > 0)
        /* Translators: between the doses of a prescription's phases, "1000 mcg or 250 mcg" */
        g_string_append (text, _(" or "));
      g_string_append (text, one);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_unit (CobaltDose          *dose,
            CobaltPrescription  *prescription,
            GError             **error)
{
  CobaltDoseUnit unit = dose->unit;
  CobaltDoseUnit prescribed = prescription != NULL ? prescription->unit
                                                   : COBALT_DOSE_UNIT_MG;

  if (unit != COBALT_DOSE_UNIT_MG && unit != COBALT_DOSE_UNIT_MCG && unit != COBALT_DOSE_UNIT_ML)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_UNIT,
                           _("The unit of the dose must be mg or mcg."));
      return FALSE;
    }
  if (unit == COBALT_DOSE_UNIT_ML && prescribed != COBALT_DOSE_UNIT_ML)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_UNIT,
                           _("The unit mL is a volume, not a dose: enter the dose in mg or mcg, as on the prescription."));
      return FALSE;
    }
  if (unit != COBALT_DOSE_UNIT_ML && prescribed == COBALT_DOSE_UNIT_ML)
    {
      double mcg;

      if (!to_mcg (1, COBALT_DOSE_UNIT_ML, prescription, &mcg))
        {
          g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_UNIT,
                               _("The prescription gives the dose in mL: enter the dose in mL too."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_amount (CobaltDose          *dose,
              CobaltPrescription  *prescription,
              GPtrArray           *history,
              gboolean            *differs,
              GError             **error)
{
  double amount = dose->amount;
  CobaltDoseUnit unit = dose->unit;
  g_autofree char *given = NULL;
  g_autofree char *prescribed = NULL;
  double expected = 0;
  gboolean placed;
  gboolean matches = FALSE;

  *differs = FALSE;
  if (!isfinite (amount) || amount <= 0)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT,
                           _("The amount must be a number above zero."));
      return FALSE;
    }

  given = format_amount (amount, unit);
  if (prescription == NULL)
    {
      double mcg = 0;

      *differs = to_mcg (amount, unit, NULL, &mcg) && mcg > cobalt_dose_rules_max_dose_mcg () * (1 + RELATIVE_TOLERANCE);
      if (*differs && !(dose->exceptions & COBALT_DOSE_EXCEPTION_AMOUNT))
        {
          /* Translators: an amount, e.g. "99999 mcg is more than ..." */
          g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
                       _("%s is more than any vitamin B12 prescription gives: check the amount."), given);
          return FALSE;
        }
      return TRUE;
    }

  placed = expected_amount (prescription, history, dose->given_at, dose->id,
                            &expected);
  if (placed)
    matches = same_amount (amount, unit, expected, prescription->unit, prescription);
  else
    {
      GPtrArray *phases = prescription->phases;

      for (guint i = 0; phases != NULL && i < phases->len && !matches; i++)
        matches = same_amount (amount, unit, cobalt_prescription_get_phase_amount (prescription, i),
                               prescription->unit, prescription);
    }

  *differs = !matches;
  if (matches || (dose->exceptions & COBALT_DOSE_EXCEPTION_AMOUNT))
    return TRUE;

  prescribed = describe_prescribed (prescription, placed, expected);
  /* Translators: two amounts, e.g. "5000 mg does not match the prescription (1 mg)." */
  g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS,
               _("%s does not match the prescription (%s)."), given, prescribed);
  return FALSE;
}

static gboolean
check_product (CobaltDose          *dose,
               CobaltPrescription  *prescription,
               gboolean            *differs,
               GError             **error)
{
  CobaltProduct product = dose->product;

  *differs = FALSE;
  if (product < COBALT_PRODUCT_HYDROXOCOBALAMIN || product > COBALT_PRODUCT_OTHER)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_PRODUCT,
                           _("Choose the medicine: hydroxocobalamin, cyanocobalamin, methylcobalamin or another."));
      return FALSE;
    }
  if (prescription == NULL || product == prescription->product)
    return TRUE;

  *differs = TRUE;
  if (dose->exceptions & COBALT_DOSE_EXCEPTION_PRODUCT)
    return TRUE;

  /* Translators: two medicines, e.g. "The medicine cyanocobalamin does
   * not match the prescription (hydroxocobalamin)." */
  g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_PRODUCT_DIFFERS,
               _("The medicine %s does not match the prescription (%s)."),
               cobalt_product_to_string (product),
               cobalt_product_to_string (prescription->product));
  return FALSE;
}

/* A dose not given is a decision of the clinic: who made it is part of
 * the record (CLINICAL.md), and a move needs the day it was moved to. */
static gboolean
check_not_given (CobaltDose  *dose,
                 GError     **error)
{
  CobaltDoseKind kind = dose->kind;
  GDate *moved_to = dose->moved_to;
  GDate decided_on;

  if (is_blank (dose->advised_by))
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_ADVISED_BY,
                           _("Say who at the clinic advised not giving this dose"));
      return FALSE;
    }
  if (dose->checklist_run_id != 0)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_KIND,
                           _("A dose not given cannot come from a checklist run"));
      return FALSE;
    }
  if (kind != COBALT_DOSE_KIND_MOVED)
    {
      if (moved_to == NULL)
        return TRUE;
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_MOVED_TO,
                           _("Only a dose moved by the clinic has a day it was moved to"));
      return FALSE;
    }

  if (moved_to == NULL || !g_date_valid (moved_to))
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_MOVED_TO,
                           _("Choose the day the clinic moved the dose to"));
      return FALSE;
    }
  local_day (dose->given_at, &decided_on);
  if (g_date_compare (moved_to, &decided_on) < 0)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_MOVED_TO,
                           _("The day the dose was moved to cannot be before the clinic’s decision"));
      return FALSE;
    }
  return TRUE;
}

/* Public API ------------------------------------------------------------ */

gboolean
cobalt_dose_rules_needs_history (CobaltPrescription *prescription)
{
  GPtrArray *phases;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), FALSE);

  phases = prescription->phases;
  for (guint i = 1; phases != NULL && i < phases->len; i++)
    if (!close_enough (cobalt_prescription_get_phase_amount (prescription, i),
                       cobalt_prescription_get_phase_amount (prescription, 0)))
      return TRUE;
  return FALSE;
}

double
cobalt_dose_rules_expected_amount (CobaltPrescription *prescription,
                                   GPtrArray          *history,
                                   GDateTime          *given_at)
{
  double amount = 0;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), 0);
  g_return_val_if_fail (given_at != NULL, 0);

  return expected_amount (prescription, history, given_at, 0, &amount) ? amount : 0;
}

gboolean
cobalt_dose_validate (CobaltDose          *dose,
                      CobaltPerson        *person,
                      CobaltPrescription  *prescription,
                      GPtrArray           *history,
                      GDateTime           *now,
                      GError             **error)
{
  CobaltDoseKind kind;
  const char *site_id;
  GDate *expiry;
  gboolean amount_differs = FALSE;
  gboolean product_differs = FALSE;

  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), FALSE);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kind = dose->kind;
  if (kind != COBALT_DOSE_KIND_GIVEN && kind != COBALT_DOSE_KIND_SKIPPED && kind != COBALT_DOSE_KIND_MOVED)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_KIND,
                           _("A log entry is a dose given, or one not given on the clinic’s advice."));
      return FALSE;
    }

  if (!check_given_at (dose, person, now, error))
    return FALSE;

  if (kind == COBALT_DOSE_KIND_GIVEN)
    {
      if (!check_unit (dose, prescription, error) ||
          !check_amount (dose, prescription, history, &amount_differs, error) ||
          !check_product (dose, prescription, &product_differs, error))
        return FALSE;

      if ((amount_differs || product_differs) && is_blank (dose->exception_note))
        {
          g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXCEPTION_NOTE,
                               _("Say in your own words why this dose differs from the prescription, for example who at the clinic advised it."));
          return FALSE;
        }
    }
  else if (dose->amount < 0 || !isfinite (dose->amount))
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT,
                           _("The amount must be a number above zero."));
      return FALSE;
    }

  site_id = dose->site_id;
  if (site_id != NULL && *site_id != '\0' && cobalt_site_catalogue_lookup (site_id) == NULL)
    {
      g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_SITE,
                   _("The injection site “%s” is not known."), site_id);
      return FALSE;
    }

  expiry = dose->expiry;
  if (expiry != NULL && !g_date_valid (expiry))
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY,
                           _("The expiry date is not a real date."));
      return FALSE;
    }

  if (kind != COBALT_DOSE_KIND_GIVEN)
    return check_not_given (dose, error);

  if (dose->moved_to != NULL)
    {
      g_set_error_literal (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_MOVED_TO,
                           _("Only a dose moved by the clinic has a day it was moved to"));
      return FALSE;
    }
  return TRUE;
}

CobaltDose *
cobalt_dose_new_from_run (CobaltChecklistRun  *run,
                          CobaltPrescription  *prescription,
                          double               amount,
                          const char          *site_id,
                          CobaltSupplyItem    *ampoule,
                          CobaltDoseException  exceptions,
                          const char          *exception_note,
                          GDateTime           *now)
{
  g_autoptr(CobaltDose) dose = NULL;
  GDate *expiry = NULL;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (run), NULL);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (ampoule == NULL || COBALT_IS_SUPPLY_ITEM (ampoule), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  dose = cobalt_dose_new ();
  dose->person_id = cobalt_checklist_run_get_person_id (run);
  cobalt_dose_set_given_at (dose, now);
  cobalt_set_str (&dose->site_id, site_id != NULL ? site_id : cobalt_checklist_run_get_site_id (run));
  dose->given_by = COBALT_GIVEN_BY_SELF;
  dose->checklist_run_id = cobalt_checklist_run_get_id (run);
  if (prescription != NULL)
    {
      dose->prescription_id = prescription->id;
      dose->product = prescription->product;
      dose->unit = prescription->unit;
      dose->amount = amount;
    }
  if (ampoule != NULL)
    {
      expiry = ampoule->expiry;
      cobalt_set_str (&dose->batch, ampoule->batch);
      cobalt_set_date (&dose->expiry, expiry);
    }

  /* Never the EXPIRED flag, nor an old run's override note: expired
   * medicine is never used, so a dose from an expired batch is refused
   * when it is added (cobalt_dose_rules_check_batch_in_date()), not
   * logged with a flag. */
  dose->exceptions = exceptions & ~COBALT_DOSE_EXCEPTION_EXPIRED;
  cobalt_set_str (&dose->exception_note, !is_blank (exception_note) ? exception_note : NULL);
  return g_steal_pointer (&dose);
}

gboolean
cobalt_dose_rules_check_batch_in_date (CobaltDose  *dose,
                                       GError     **error)
{
  GDate *expiry;
  GDate day;

  g_return_val_if_fail (COBALT_IS_DOSE (dose), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Only a dose given used a batch; a date that is not one is refused by
   * cobalt_dose_validate() with its own sentence. */
  if (!cobalt_dose_is_given (dose))
    return TRUE;

  expiry = dose->expiry;
  if (dose->given_at != NULL && expiry != NULL && g_date_valid (expiry))
    {
      /* Usable up to and including the printed day, in the zone the dose
       * was given in. */
      local_day (dose->given_at, &day);
      if (g_date_compare (expiry, &day) < 0)
        {
          g_autofree char *date = format_day (expiry);

          /* Translators: %s is the expiry date (2025-12-31), then what to do */
          g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY,
                       _("This batch expired on %s, before the day of this dose. %s"),
                       date, cobalt_clinical_expired_medicine ());
          return FALSE;
        }
    }

  /* Only a dose logged by an older version carries the flag. */
  if (dose->exceptions & COBALT_DOSE_EXCEPTION_EXPIRED)
    {
      g_set_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXPIRY, "%s",
                   cobalt_clinical_expired_medicine ());
      return FALSE;
    }

  return TRUE;
}

char *
cobalt_dose_rules_describe_exceptions (CobaltDoseException exceptions)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const struct { CobaltDoseException bit; const char *words; } bits[] = {
    { COBALT_DOSE_EXCEPTION_AMOUNT, N_("Another amount than prescribed, on the clinic’s advice") },
    { COBALT_DOSE_EXCEPTION_PRODUCT, N_("Another medicine than prescribed, on the clinic’s advice") },
    { COBALT_DOSE_EXCEPTION_EXPIRED, N_("From a batch past its expiry date") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    {
      if (!(exceptions & bits[i].bit))
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, _(bits[i].words));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

gboolean
cobalt_lab_result_validate_for (CobaltLabResult  *result,
                                CobaltPerson     *person,
                                GDateTime        *now,
                                GError          **error)
{
  GDate *taken_on;
  GDate today;

  g_return_val_if_fail (COBALT_IS_LAB_RESULT (result), FALSE);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  taken_on = result->taken_on;
  local_day (now, &today);
  if (taken_on != NULL && g_date_valid (taken_on) &&
      !check_day (taken_on, &today, person, FALSE, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID, error))
    return FALSE;

  return cobalt_lab_result_validate (result, error);
}

double
cobalt_dose_rules_max_dose_mcg (void)
{
  return cobalt_prescription_template_max_strength_mcg () * cobalt_site_catalogue_max_volume_ml ();
}
