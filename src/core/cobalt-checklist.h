/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The pre-injection checklist: its per-person definition (steps) and the
 * runs through it. */
#include "cobalt-checklist-step.h"
#include "cobalt-checklist-run.h"
