/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* The values of every enum are stored in the database: never renumber. */

typedef enum
{
  COBALT_PRODUCT_HYDROXOCOBALAMIN = 0,
  COBALT_PRODUCT_CYANOCOBALAMIN   = 1,
  COBALT_PRODUCT_METHYLCOBALAMIN  = 2,
  COBALT_PRODUCT_OTHER            = 3,
} CobaltProduct;

typedef enum
{
  COBALT_ROUTE_IM = 0,
  COBALT_ROUTE_SC = 1,
} CobaltRoute;

typedef enum
{
  COBALT_DOSE_UNIT_MG  = 0,
  COBALT_DOSE_UNIT_MCG = 1,
  COBALT_DOSE_UNIT_ML  = 2,
} CobaltDoseUnit;

/* How a phase repeats. */
typedef enum
{
  COBALT_INTERVAL_DAYS           = 0, /* every N days */
  COBALT_INTERVAL_WEEKS          = 1, /* every N weeks */
  COBALT_INTERVAL_MONTHS         = 2, /* every N calendar months */
  COBALT_INTERVAL_TIMES_PER_WEEK = 3, /* N times a week, spread over the week */
} CobaltIntervalUnit;

/* How a phase ends. */
typedef enum
{
  COBALT_PHASE_END_OPEN       = 0, /* until the clinic changes it */
  COBALT_PHASE_END_AFTER_DOSES = 1, /* after K doses */
  COBALT_PHASE_END_AFTER_DAYS  = 2, /* after a duration of K days from the phase's first dose */
} CobaltPhaseEnd;

typedef enum
{
  COBALT_GIVEN_BY_SELF   = 0,
  COBALT_GIVEN_BY_CARER  = 1,
  COBALT_GIVEN_BY_CLINIC = 2,
} CobaltGivenBy;

/* A dose log entry is a dose given, or a dose not given on the clinic's
 * advice (CLINICAL.md "Missed dose"): the schedule counts both, nothing
 * else counts a dose not given. */
typedef enum
{
  COBALT_DOSE_KIND_GIVEN   = 0,
  COBALT_DOSE_KIND_SKIPPED = 1, /* not given: skipped on the clinic's advice */
  COBALT_DOSE_KIND_MOVED   = 2, /* not given: moved by the clinic to another day */
} CobaltDoseKind;

/* Why a dose was logged against the usual rules (doses.exceptions).
 * Stored: never renumber; new reasons take the next free bit. */
typedef enum /*< flags >*/
{
  COBALT_DOSE_EXCEPTION_NONE  = 0,
  COBALT_DOSE_EXCEPTION_EARLY = 1 << 0, /* more than a day before its due date */
  COBALT_DOSE_EXCEPTION_EXTRA = 1 << 1, /* a second dose on the same local day */
  /* The person confirmed, in exception_note, why the dose differs from the
   * prescription (cobalt-dose-rules.h): */
  COBALT_DOSE_EXCEPTION_AMOUNT  = 1 << 2, /* another amount than the prescription's */
  COBALT_DOSE_EXCEPTION_PRODUCT = 1 << 3, /* another medicine than the prescription's */
  COBALT_DOSE_EXCEPTION_EXPIRED = 1 << 4, /* from a batch past its expiry date */
} CobaltDoseException;

typedef enum
{
  COBALT_DOSE_STATUS_NONE     = 0, /* nothing scheduled (no prescription) */
  COBALT_DOSE_STATUS_UPCOMING = 1,
  COBALT_DOSE_STATUS_DUE      = 2,
  COBALT_DOSE_STATUS_OVERDUE  = 3,
} CobaltDoseStatus;

typedef enum
{
  COBALT_SIDE_LEFT  = 0,
  COBALT_SIDE_RIGHT = 1,
} CobaltSide;

/* CLINICAL.md "Reactions and what to do", least urgent first; stored in
 * reactions.level (version 4 of the schema moved emergency from 2 to 3). */
typedef enum
{
  COBALT_TRIAGE_MILD           = 0,
  COBALT_TRIAGE_CONTACT_CLINIC = 1,
  COBALT_TRIAGE_URGENT_ADVICE  = 2,
  COBALT_TRIAGE_EMERGENCY      = 3,
} CobaltTriageLevel;

typedef enum
{
  COBALT_RUN_IN_PROGRESS = 0,
  COBALT_RUN_COMPLETED   = 1,
  COBALT_RUN_ABORTED     = 2,
} CobaltRunState;

typedef enum
{
  COBALT_SUPPLY_AMPOULE          = 0, /* ampoule or vial of the medicine */
  COBALT_SUPPLY_DRAWING_NEEDLE   = 1,
  COBALT_SUPPLY_INJECTING_NEEDLE = 2,
  COBALT_SUPPLY_SYRINGE          = 3,
  COBALT_SUPPLY_SWAB             = 4,
  COBALT_SUPPLY_PLASTER          = 5,
} CobaltSupplyKind;
#define COBALT_N_SUPPLY_KINDS 6

G_END_DECLS

#include "cobalt-enum-types.h"
