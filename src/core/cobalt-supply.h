/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Supplies: stock items, the sharps bin, and the arithmetic over them. */
#include "cobalt-record-types.h"
#include "cobalt-supply-item.h"
#include "cobalt-sharps-bin.h"
#include "cobalt-supplies.h"
