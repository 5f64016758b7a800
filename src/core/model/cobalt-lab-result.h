/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-record-types.h"

G_BEGIN_DECLS

/* Units are plain strings as shown to the user: "pg/mL", "ng/L", "pmol/L",
 * "ng/mL", "µg/L", "nmol/L", "g/L", "g/dL", "fL", "µmol/L". */

/* Translated test name ("Serum B12", ...). */
const char         *cobalt_lab_test_to_string     (CobaltLabTest test);
/* The units a form offers for @test, most usual first, NULL-terminated. */
const char * const *cobalt_lab_test_get_units     (CobaltLabTest test);
gboolean            cobalt_lab_test_accepts_unit  (CobaltLabTest test, const char *unit);
/* Plausible values for @test in @unit (CobaltLabResult's validation
 * limits; see the table in cobalt-lab-result.c). FALSE for a unit the test
 * does not accept. */
gboolean            cobalt_lab_test_get_plausible_range (CobaltLabTest  test,
                                                         const char    *unit,
                                                         double        *min,
                                                         double        *max);

/* Converts between units of the same quantity: pg/mL = ng/L;
 * 1 pg/mL = 0.738 pmol/L and 1 pmol/L = 1.355 pg/mL (B12, CLINICAL.md);
 * ng/mL = µg/L; g/dL = 10 g/L; µmol/L = 1000 nmol/L; the same unit → the
 * same value. FALSE with COBALT_JOURNAL_ERROR_UNIT otherwise. */
gboolean            cobalt_lab_convert            (double       value,
                                                   const char  *from_unit,
                                                   const char  *to_unit,
                                                   double      *out,
                                                   GError     **error);

#define COBALT_TYPE_LAB_RESULT (cobalt_lab_result_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLabResult, cobalt_lab_result, COBALT, LAB_RESULT, GObject)

/* A lab result. The reference range is the lab's own, in the result's
 * unit. */
struct _CobaltLabResult
{
  GObject        parent_instance;

  gint64         id;
  gint64         person_id;
  GDate         *taken_on;
  CobaltLabTest  test;
  double         value;
  char          *unit;
  double         ref_low;   /* NAN = not given */
  double         ref_high;  /* NAN = not given */
  char          *lab_name;
  char          *note;
};

/* @unit NULL → the test's first unit; range not given. */
CobaltLabResult *cobalt_lab_result_new            (gint64         person_id,
                                                   CobaltLabTest  test,
                                                   double         value,
                                                   const char    *unit);

void           cobalt_lab_result_set_unit         (CobaltLabResult *self, const char *unit);

/* Against the lab's own range (bounds inclusive); a one-sided range still
 * tells "below" or "above". Never a judgement on the dose. */
CobaltLabRange cobalt_lab_result_check_range      (CobaltLabResult *self);
/* The value in @unit; FALSE with COBALT_JOURNAL_ERROR_UNIT if it does not convert. */
gboolean       cobalt_lab_result_get_value_in     (CobaltLabResult *self,
                                                   const char      *unit,
                                                   double          *out,
                                                   GError         **error);
/* FALSE with COBALT_JOURNAL_ERROR_INVALID (or _UNIT for a unit the test does
 * not accept): no date, a value not above zero or implausible, negative
 * reference bound, ref_low not below ref_high. The dates it may have (not
 * in the future, not before birth or 1950) need the person and the clock:
 * cobalt_lab_result_validate_for() in cobalt-dose-rules.h. */
gboolean       cobalt_lab_result_validate         (CobaltLabResult *self, GError **error);

/* Translated "Below range" etc. */
const char    *cobalt_lab_range_to_string         (CobaltLabRange range);

G_END_DECLS
