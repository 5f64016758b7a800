/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

/* The journal: reactions after a dose, wellbeing check-ins, lab results. */
#include "cobalt-record-types.h"
#include "cobalt-reaction.h"
#include "cobalt-checkin.h"
#include "cobalt-lab-result.h"
