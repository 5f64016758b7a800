/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libcobalt-core: the one header the GUI, the reminder and the tests
 * include. The headers behind it refuse to be included on their own
 * (after gnome-builder's libide-core.h), and storage/ is not reachable
 * at all from outside core: the repository is the only door to it. */

#define COBALT_CORE_INSIDE

#include "cobalt-autostart.h"
#include "cobalt-background-portal.h"
#include "cobalt-checkin.h"
#include "cobalt-checklist-run.h"
#include "cobalt-checklist-step.h"
#include "cobalt-checklist.h"
#include "cobalt-clinical.h"
#include "cobalt-clock.h"
#include "cobalt-csv.h"
#include "cobalt-demo.h"
#include "cobalt-dose-list-model.h"
#include "cobalt-dose-rules.h"
#include "cobalt-dose-timing.h"
#include "cobalt-dose.h"
#include "cobalt-export.h"
#include "cobalt-fhir.h"
#include "cobalt-ical.h"
#include "cobalt-journal.h"
#include "cobalt-lab-result.h"
#include "cobalt-lab-timing.h"
#include "cobalt-log-entry.h"
#include "cobalt-log-query.h"
#include "cobalt-person.h"
#include "cobalt-phase.h"
#include "cobalt-prescription.h"
#include "cobalt-reaction.h"
#include "cobalt-record-types.h"
#include "cobalt-record.h"
#include "cobalt-reminder-launch.h"
#include "cobalt-reminder-state.h"
#include "cobalt-repository-error.h"
#include "cobalt-repository.h"
#include "cobalt-rotation.h"
#include "cobalt-schedule.h"
#include "cobalt-sharps-bin.h"
#include "cobalt-site.h"
#include "cobalt-status.h"
#include "cobalt-strength.h"
#include "cobalt-supplies.h"
#include "cobalt-supply-item.h"
#include "cobalt-supply.h"
#include "cobalt-symptom-evidence.h"
#include "cobalt-symptom-return.h"
#include "cobalt-time-zone.h"
#include "cobalt-types.h"
#include "cobalt-enum-types.h"

#undef COBALT_CORE_INSIDE
