/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

/* The pre-injection checklist: its per-person definition (steps) and the
 * runs through it. */
#include "cobalt-checklist-step.h"
#include "cobalt-checklist-run.h"
