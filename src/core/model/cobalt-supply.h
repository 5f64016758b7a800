/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

/* Supplies: stock items, the sharps bin, and the arithmetic over them. */
#include "cobalt-record-types.h"
#include "cobalt-supply-item.h"
#include "cobalt-sharps-bin.h"
#include "cobalt-supplies.h"
