/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* Enums of the record types (journal, supplies). Values are stored in the
 * database: never renumber. Their GTypes come from cobalt-enum-types.h. */

typedef enum
{
  COBALT_LAB_TEST_SERUM_B12    = 0,
  COBALT_LAB_TEST_ACTIVE_B12   = 1, /* holotranscobalamin */
  COBALT_LAB_TEST_FOLATE       = 2,
  COBALT_LAB_TEST_FERRITIN     = 3,
  COBALT_LAB_TEST_HAEMOGLOBIN  = 4,
  COBALT_LAB_TEST_MCV          = 5,
  COBALT_LAB_TEST_MMA          = 6, /* methylmalonic acid */
  COBALT_LAB_TEST_HOMOCYSTEINE = 7,
} CobaltLabTest;
#define COBALT_N_LAB_TESTS 8

/* A value against the lab's own reference range. */
typedef enum
{
  COBALT_LAB_RANGE_UNKNOWN  = 0, /* no usable range given */
  COBALT_LAB_RANGE_BELOW    = 1,
  COBALT_LAB_RANGE_IN_RANGE = 2,
  COBALT_LAB_RANGE_ABOVE    = 3,
} CobaltLabRange;

/* The wellbeing scores of a check-in, for charts. */
typedef enum
{
  COBALT_CHECKIN_ENERGY           = 0,
  COBALT_CHECKIN_MOOD             = 1,
  COBALT_CHECKIN_FATIGUE          = 2,
  COBALT_CHECKIN_PINS_AND_NEEDLES = 3,
  COBALT_CHECKIN_MEMORY           = 4, /* memory / concentration */
} CobaltCheckinMeasure;
#define COBALT_N_CHECKIN_MEASURES 5

typedef enum
{
  COBALT_SUPPLY_WARNING_LOW_STOCK      = 0,
  COBALT_SUPPLY_WARNING_EXPIRED        = 1,
  COBALT_SUPPLY_WARNING_EXPIRING_SOON  = 2,
  COBALT_SUPPLY_WARNING_SHARPS_BIN     = 3,
} CobaltSupplyWarningKind;

/* Errors of the journal records (reaction, check-in, lab result). */
#define COBALT_JOURNAL_ERROR (cobalt_journal_error_quark ())
typedef enum
{
  COBALT_JOURNAL_ERROR_INVALID, /* a value a form must refuse */
  COBALT_JOURNAL_ERROR_UNIT,    /* unknown unit, or units that do not convert */
} CobaltJournalError;
GQuark cobalt_journal_error_quark (void);

/* Errors of the supply records (item, sharps bin). */
#define COBALT_SUPPLY_ERROR (cobalt_supply_error_quark ())
typedef enum
{
  COBALT_SUPPLY_ERROR_INVALID,
} CobaltSupplyError;
GQuark cobalt_supply_error_quark (void);

G_END_DECLS
