/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "cobalt-lab-result.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltLabResult, cobalt_lab_result, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-journal-error-quark, cobalt_journal_error)

/* Units and how they convert. Units of one group measure the same quantity;
 * factor converts to the group's first unit. The only molar/mass step is
 * B12's (CLINICAL.md "Lab values": 1 pmol/L = 1.355 pg/mL, so 1 pg/mL =
 * 1/1.355 = 0.738 pmol/L); pmol/L appears for no other test, so the factor
 * is safe without knowing the test. Folate's nmol/L would need folate's
 * own molar mass and is kept apart on purpose. */
typedef enum
{
  GROUP_B12,        /* pg/mL */
  GROUP_MASS_UG_L,  /* ng/mL */
  GROUP_MOLAR,      /* nmol/L */
  GROUP_HB,         /* g/L */
  GROUP_VOLUME,     /* fL */
} UnitGroup;

typedef struct
{
  const char *unit;
  UnitGroup   group;
  double      factor;
} UnitInfo;

static const UnitInfo units[] = {
  { "pg/mL",  GROUP_B12,       1.0 },
  { "ng/L",   GROUP_B12,       1.0 },
  { "pmol/L", GROUP_B12,       1.355 },
  { "ng/mL",  GROUP_MASS_UG_L, 1.0 },
  { "µg/L",   GROUP_MASS_UG_L, 1.0 },
  { "nmol/L", GROUP_MOLAR,     1.0 },
  { "µmol/L", GROUP_MOLAR,     1000.0 },
  { "g/L",    GROUP_HB,        1.0 },
  { "g/dL",   GROUP_HB,        10.0 },
  { "fL",     GROUP_VOLUME,    1.0 },
};

/* Spellings people type for the same units. */
static const struct { const char *alias; const char *unit; } unit_aliases[] = {
  { "ug/L",   "µg/L" },
  { "mcg/L",  "µg/L" },
  { "μg/L",   "µg/L" },   /* Greek mu, U+03BC */
  { "umol/L", "µmol/L" },
  { "μmol/L", "µmol/L" },
};

static const char * const serum_b12_units[] = { "pg/mL", "ng/L", "pmol/L", NULL };
static const char * const active_b12_units[] = { "pmol/L", "pg/mL", "ng/L", NULL };
static const char * const folate_units[] = { "ng/mL", "µg/L", "nmol/L", NULL };
static const char * const ferritin_units[] = { "ng/mL", "µg/L", NULL };
static const char * const haemoglobin_units[] = { "g/L", "g/dL", NULL };
static const char * const mcv_units[] = { "fL", NULL };
static const char * const mma_units[] = { "nmol/L", "µmol/L", NULL };
static const char * const homocysteine_units[] = { "µmol/L", NULL };

static const char * const * const test_units[COBALT_N_LAB_TESTS] = {
  [COBALT_LAB_TEST_SERUM_B12] = serum_b12_units,
  [COBALT_LAB_TEST_ACTIVE_B12] = active_b12_units,
  [COBALT_LAB_TEST_FOLATE] = folate_units,
  [COBALT_LAB_TEST_FERRITIN] = ferritin_units,
  [COBALT_LAB_TEST_HAEMOGLOBIN] = haemoglobin_units,
  [COBALT_LAB_TEST_MCV] = mcv_units,
  [COBALT_LAB_TEST_MMA] = mma_units,
  [COBALT_LAB_TEST_HOMOCYSTEINE] = homocysteine_units,
};

/* Plausible values, for refusing typing slips (a misplaced decimal point,
 * a value typed into the wrong test), not for judging health. Generous on
 * purpose: levels after injections can be far above a lab's range.
 *
 *   test            limits             unit
 *   serum B12       0 – 50 000         pg/mL   (≈ 0 – 36 900 pmol/L)
 *   active B12      0 – 5 000          pmol/L
 *   folate          0 – 2 000          ng/mL   (covers red-cell folate)
 *   folate          0 – 4 500          nmol/L
 *   ferritin        0 – 100 000        ng/mL
 *   haemoglobin     10 – 300           g/L     (1 – 30 g/dL)
 *   MCV             40 – 200           fL
 *   MMA             0 – 100 000        nmol/L  (0 – 100 µmol/L)
 *   homocysteine    0 – 500            µmol/L
 */
typedef struct
{
  CobaltLabTest  test;
  const char    *unit;
  double         min;
  double         max;
} PlausibleRange;

static const PlausibleRange plausible[] = {
  { COBALT_LAB_TEST_SERUM_B12,    "pg/mL",  0,  50000 },
  { COBALT_LAB_TEST_ACTIVE_B12,   "pmol/L", 0,  5000 },
  { COBALT_LAB_TEST_FOLATE,       "ng/mL",  0,  2000 },
  { COBALT_LAB_TEST_FOLATE,       "nmol/L", 0,  4500 },
  { COBALT_LAB_TEST_FERRITIN,     "ng/mL",  0,  100000 },
  { COBALT_LAB_TEST_HAEMOGLOBIN,  "g/L",    10, 300 },
  { COBALT_LAB_TEST_MCV,          "fL",     40, 200 },
  { COBALT_LAB_TEST_MMA,          "nmol/L", 0,  100000 },
  { COBALT_LAB_TEST_HOMOCYSTEINE, "µmol/L", 0,  500 },
};

static const UnitInfo *
lookup_unit (const char *unit)
{
  if (unit == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (unit_aliases); i++)
    if (g_ascii_strcasecmp (unit, unit_aliases[i].alias) == 0)
      {
        unit = unit_aliases[i].unit;
        break;
      }

  /* Case-insensitive, so "pg/ml" and "PMOL/L" work; no two units of the
   * table differ by case only. */
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (unit, units[i].unit) == 0)
      return &units[i];

  return NULL;
}

static gboolean
valid_test (CobaltLabTest test)
{
  return (guint)test < COBALT_N_LAB_TESTS;
}

static void
cobalt_lab_result_finalize (GObject *object)
{
  CobaltLabResult *self = (CobaltLabResult *)object;

  g_clear_pointer (&self->taken_on, g_date_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->lab_name, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cobalt_lab_result_parent_class)->finalize (object);
}

static void
cobalt_lab_result_class_init (CobaltLabResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_lab_result_finalize;
}

static void
cobalt_lab_result_init (CobaltLabResult *self)
{
  self->test = COBALT_LAB_TEST_SERUM_B12;
  self->ref_low = NAN;
  self->ref_high = NAN;
}

const char *
cobalt_lab_test_to_string (CobaltLabTest test)
{
  switch (test)
    {
    case COBALT_LAB_TEST_SERUM_B12:
      return _("Serum B12");
    case COBALT_LAB_TEST_ACTIVE_B12:
      return _("Active B12");
    case COBALT_LAB_TEST_FOLATE:
      return _("Folate");
    case COBALT_LAB_TEST_FERRITIN:
      return _("Ferritin");
    case COBALT_LAB_TEST_HAEMOGLOBIN:
      return _("Haemoglobin");
    case COBALT_LAB_TEST_MCV:
      return _("MCV (red cell size)");
    case COBALT_LAB_TEST_MMA:
      return _("MMA (methylmalonic acid)");
    case COBALT_LAB_TEST_HOMOCYSTEINE:
      return _("Homocysteine");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char * const *
cobalt_lab_test_get_units (CobaltLabTest test)
{
  g_return_val_if_fail (valid_test (test), NULL);
  return test_units[test];
}

gboolean
cobalt_lab_test_accepts_unit (CobaltLabTest  test,
                              const char    *unit)
{
  const UnitInfo *info;

  g_return_val_if_fail (valid_test (test), FALSE);

  if ((info = lookup_unit (unit)) == NULL)
    return FALSE;

  for (const char * const *u = test_units[test]; *u != NULL; u++)
    if (g_str_equal (*u, info->unit))
      return TRUE;

  return FALSE;
}

gboolean
cobalt_lab_test_get_plausible_range (CobaltLabTest  test,
                                     const char    *unit,
                                     double        *min,
                                     double        *max)
{
  g_return_val_if_fail (valid_test (test), FALSE);

  if (!cobalt_lab_test_accepts_unit (test, unit))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (plausible); i++)
    {
      double lo, hi;

      if (plausible[i].test != test)
        continue;
      if (!cobalt_lab_convert (plausible[i].min, plausible[i].unit, unit, &lo, NULL) ||
          !cobalt_lab_convert (plausible[i].max, plausible[i].unit, unit, &hi, NULL))
        continue;

      if (min != NULL)
        *min = lo;
      if (max != NULL)
        *max = hi;
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

gboolean
cobalt_lab_convert (double       value,
                    const char  *from_unit,
                    const char  *to_unit,
                    double      *out,
                    GError     **error)
{
  const UnitInfo *from, *to;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from = lookup_unit (from_unit);
  to = lookup_unit (to_unit);

  if (from == NULL || to == NULL)
    {
      g_set_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_UNIT,
                   _("“%s” is not a unit Cobalt knows."),
                   from == NULL ? (from_unit ? from_unit : "") : to_unit);
      return FALSE;
    }

  if (from->group != to->group)
    {
      g_set_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_UNIT,
                   _("A value in %s cannot be converted to %s."),
                   from->unit, to->unit);
      return FALSE;
    }

  if (out != NULL)
    *out = from == to ? value : value * from->factor / to->factor;

  return TRUE;
}

CobaltLabResult *
cobalt_lab_result_new (gint64         person_id,
                       CobaltLabTest  test,
                       double         value,
                       const char    *unit)
{
  CobaltLabResult *self;

  g_return_val_if_fail (valid_test (test), NULL);

  self = g_object_new (COBALT_TYPE_LAB_RESULT, NULL);
  self->person_id = person_id;
  self->test = test;
  self->value = value;
  cobalt_lab_result_set_unit (self, unit != NULL ? unit : test_units[test][0]);

  return self;
}

void
cobalt_lab_result_set_unit (CobaltLabResult *self,
                            const char      *unit)
{
  const UnitInfo *info;

  g_return_if_fail (COBALT_IS_LAB_RESULT (self));

  /* Store the canonical spelling, so "ug/L" and "µg/L" results chart as one. */
  info = lookup_unit (unit);
  if (info != NULL)
    unit = info->unit;

  cobalt_set_str (&self->unit, unit);
}

CobaltLabRange
cobalt_lab_result_check_range (CobaltLabResult *self)
{
  gboolean has_low, has_high;

  g_return_val_if_fail (COBALT_IS_LAB_RESULT (self), COBALT_LAB_RANGE_UNKNOWN);

  has_low = isfinite (self->ref_low);
  has_high = isfinite (self->ref_high);

  if (!isfinite (self->value) || (!has_low && !has_high))
    return COBALT_LAB_RANGE_UNKNOWN;
  /* A range the wrong way round says nothing reliable. */
  if (has_low && has_high && self->ref_low > self->ref_high)
    return COBALT_LAB_RANGE_UNKNOWN;

  if (has_low && self->value < self->ref_low)
    return COBALT_LAB_RANGE_BELOW;
  if (has_high && self->value > self->ref_high)
    return COBALT_LAB_RANGE_ABOVE;

  return COBALT_LAB_RANGE_IN_RANGE;
}

gboolean
cobalt_lab_result_get_value_in (CobaltLabResult  *self,
                                const char       *unit,
                                double           *out,
                                GError          **error)
{
  g_return_val_if_fail (COBALT_IS_LAB_RESULT (self), FALSE);

  return cobalt_lab_convert (self->value, self->unit, unit, out, error);
}

gboolean
cobalt_lab_result_validate (CobaltLabResult  *self,
                            GError          **error)
{
  const char *name;
  double min = 0, max = 0;

  g_return_val_if_fail (COBALT_IS_LAB_RESULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = cobalt_lab_test_to_string (self->test);

  if (self->taken_on == NULL)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("Enter the date the blood sample was taken."));
      return FALSE;
    }

  if (!cobalt_lab_test_accepts_unit (self->test, self->unit))
    {
      g_set_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_UNIT,
                   /* Translators: "%s" is a unit, then a test name. */
                   _("“%s” is not a unit for %s."),
                   self->unit != NULL ? self->unit : "", name);
      return FALSE;
    }

  if (!isfinite (self->value))
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("Enter the result as a number."));
      return FALSE;
    }

  /* No assay reports a level of exactly nothing: 0 is a slip (or a
   * result "below detection", which the lab gives as a number). */
  if (self->value <= 0)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("A lab result must be more than zero."));
      return FALSE;
    }

  if (cobalt_lab_test_get_plausible_range (self->test, self->unit, &min, &max) &&
      (self->value < min || self->value > max))
    {
      g_set_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                   /* Translators: a value, a unit, and a test name. */
                   _("%g %s is not a plausible result for %s. Check the number and "
                     "the unit on the lab report."),
                   self->value, self->unit, name);
      return FALSE;
    }

  if (isinf (self->ref_low) || isinf (self->ref_high) ||
      (isfinite (self->ref_low) && self->ref_low < 0) ||
      (isfinite (self->ref_high) && self->ref_high < 0))
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("The reference range cannot be negative."));
      return FALSE;
    }

  if (isfinite (self->ref_low) && isfinite (self->ref_high) &&
      self->ref_low >= self->ref_high)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("The lower end of the reference range must be below the upper end."));
      return FALSE;
    }

  return TRUE;
}

const char *
cobalt_lab_range_to_string (CobaltLabRange range)
{
  switch (range)
    {
    case COBALT_LAB_RANGE_UNKNOWN:
      return _("No reference range");
    case COBALT_LAB_RANGE_BELOW:
      return _("Below the lab’s range");
    case COBALT_LAB_RANGE_IN_RANGE:
      return _("Within the lab’s range");
    case COBALT_LAB_RANGE_ABOVE:
      return _("Above the lab’s range");
    default:
      g_return_val_if_reached (NULL);
    }
}
