/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-core.h"

G_BEGIN_DECLS

/* The parts of the prescription editor a refusal from
 * cobalt_prescription_validate() can be about, in the order they are
 * probed. */
typedef enum
{
  COBALT_PRESCRIPTION_GROUP_PHASES,
  COBALT_PRESCRIPTION_GROUP_SITES,
  COBALT_PRESCRIPTION_GROUP_REMINDER,
  COBALT_PRESCRIPTION_GROUP_STRENGTH,
  COBALT_PRESCRIPTION_GROUP_AMOUNT,
  COBALT_N_PRESCRIPTION_GROUPS
} CobaltPrescriptionGroup;

/* Which part of the form @message (what validating @p said) is about: the
 * first group whose replacement by a known-good value makes validation
 * say something else. That keeps the core's sentence and still puts it
 * next to its field. COBALT_N_PRESCRIPTION_GROUPS when none is. */
CobaltPrescriptionGroup cobalt_prescription_blame_group (CobaltPrescription *p,
                                                         const char         *message);

G_END_DECLS
