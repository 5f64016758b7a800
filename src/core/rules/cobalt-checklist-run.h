/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-types.h"
#include "cobalt-checklist-step.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKLIST_RUN (cobalt_checklist_run_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChecklistRun, cobalt_checklist_run, COBALT, CHECKLIST_RUN, GObject)

/* One pass through the checklist: the state machine behind the wizard,
 * without widgets.
 *
 * Rules:
 * - the step kinds, titles and explanations are copied at start, so a later
 *   rewording of the definition does not change history;
 * - a step can be ticked (with the time) once it has been reached (index <=
 *   current step) and unticked again while the run is open;
 * - go_next only when the current step is ticked; go_back from any step but
 *   the first; go_to to any step whose earlier steps are all ticked;
 * - while "expiry-blocked" is set (the GUI found the batch expired), the
 *   check-expiry step cannot be ticked at all: expired medicine is never
 *   used, there is no override (the person takes an in-date ampoule, and
 *   the GUI clears the block, or stops);
 * - finish only when every step is ticked → COMPLETED; abort at any time
 *   → ABORTED, with a reason if the person gave one (a blank one is kept
 *   as none: "Stop — I'm not sure" shows the urgent help first and asks
 *   why afterwards, optionally); after either, nothing changes any more
 *   (COBALT_CHECKLIST_ERROR_CLOSED), except linking the dose id.
 *
 * Properties (read-only unless noted): id (rw), person-id, started-at,
 * finished-at, state, abort-reason, dose-id (rw), n-steps, current-step,
 * n-ticked, can-finish, expiry-override, expiry-blocked (rw), site-id.
 * ::changed is emitted after every successful change (after the notifies). */

/* @steps: GListModel of CobaltChecklistStep (may be empty). */
CobaltChecklistRun *cobalt_checklist_run_new               (gint64      person_id,
                                                            GListModel *steps,
                                                            GDateTime  *started_at);

/* Rebuilding a stored run (for the repository): create it, append its
 * steps, then restore its state. No rules are checked; no signals. */
CobaltChecklistRun *cobalt_checklist_run_new_for_restore   (gint64      id,
                                                            gint64      person_id,
                                                            GDateTime  *started_at);
void                cobalt_checklist_run_restore_step      (CobaltChecklistRun *self,
                                                            const char         *kind,
                                                            const char         *title,
                                                            const char         *explanation,
                                                            GDateTime          *ticked_at);
void                cobalt_checklist_run_restore_state     (CobaltChecklistRun *self,
                                                            CobaltRunState      state,
                                                            guint               current_step,
                                                            GDateTime          *finished_at,
                                                            const char         *abort_reason,
                                                            const char         *expiry_override);
void                cobalt_checklist_run_restore_site_id   (CobaltChecklistRun *self,
                                                            const char         *site_id);

gint64              cobalt_checklist_run_get_id            (CobaltChecklistRun *self);
void                cobalt_checklist_run_set_id            (CobaltChecklistRun *self, gint64 id);
gint64              cobalt_checklist_run_get_person_id     (CobaltChecklistRun *self);
GDateTime          *cobalt_checklist_run_get_started_at    (CobaltChecklistRun *self); /* borrowed */
GDateTime          *cobalt_checklist_run_get_finished_at   (CobaltChecklistRun *self); /* borrowed, NULL while open */
CobaltRunState      cobalt_checklist_run_get_state         (CobaltChecklistRun *self);
gboolean            cobalt_checklist_run_is_open           (CobaltChecklistRun *self);
const char         *cobalt_checklist_run_get_abort_reason  (CobaltChecklistRun *self); /* NULL unless aborted */
/* 0 = no dose logged from this run. */
gint64              cobalt_checklist_run_get_dose_id       (CobaltChecklistRun *self);
void                cobalt_checklist_run_set_dose_id       (CobaltChecklistRun *self, gint64 dose_id);

guint               cobalt_checklist_run_get_n_steps       (CobaltChecklistRun *self);
const char         *cobalt_checklist_run_get_step_kind     (CobaltChecklistRun *self, guint index);
const char         *cobalt_checklist_run_get_step_title    (CobaltChecklistRun *self, guint index);
const char         *cobalt_checklist_run_get_step_explanation (CobaltChecklistRun *self, guint index); /* may be NULL */
/* Borrowed; NULL when not ticked. */
GDateTime          *cobalt_checklist_run_get_step_ticked_at (CobaltChecklistRun *self, guint index);
gboolean            cobalt_checklist_run_is_step_ticked    (CobaltChecklistRun *self, guint index);
/* Index of the first step of @kind, or -1. */
int                 cobalt_checklist_run_find_step         (CobaltChecklistRun *self, const char *kind);
guint               cobalt_checklist_run_get_n_ticked      (CobaltChecklistRun *self);
guint               cobalt_checklist_run_get_current_step  (CobaltChecklistRun *self);

/* Only ever read: a run stored by an older version may say why the
 * person went on past an expired batch; NULL otherwise. Nothing sets it
 * any more (no override). */
const char         *cobalt_checklist_run_get_expiry_override (CobaltChecklistRun *self);
gboolean            cobalt_checklist_run_get_expiry_blocked (CobaltChecklistRun *self);
/* The body site chosen during the run (a catalogue id), stored with it so
 * that resuming after a restart keeps it; NULL until one is chosen. Only
 * while the run is open (COBALT_CHECKLIST_ERROR_CLOSED after); "" is NULL. */
const char         *cobalt_checklist_run_get_site_id       (CobaltChecklistRun *self);
gboolean            cobalt_checklist_run_set_site_id       (CobaltChecklistRun *self,
                                                            const char         *site_id,
                                                            GError            **error);
void                cobalt_checklist_run_set_expiry_blocked (CobaltChecklistRun *self,
                                                             gboolean            blocked);

/* State changes; each FALSE with COBALT_CHECKLIST_ERROR when refused, and
 * then nothing changed. */
gboolean            cobalt_checklist_run_tick              (CobaltChecklistRun *self,
                                                            guint               index,
                                                            GDateTime          *now,
                                                            GError            **error);
gboolean            cobalt_checklist_run_untick            (CobaltChecklistRun *self,
                                                            guint               index,
                                                            GError            **error);
gboolean            cobalt_checklist_run_go_next           (CobaltChecklistRun *self,
                                                            GError            **error);
gboolean            cobalt_checklist_run_go_back           (CobaltChecklistRun *self,
                                                            GError            **error);
gboolean            cobalt_checklist_run_go_to             (CobaltChecklistRun *self,
                                                            guint               index,
                                                            GError            **error);
/* Open and every step ticked (a run without steps can finish at once). */
gboolean            cobalt_checklist_run_can_finish        (CobaltChecklistRun *self);
gboolean            cobalt_checklist_run_finish            (CobaltChecklistRun *self,
                                                            GDateTime          *now,
                                                            GError            **error);
/* @reason may be NULL or blank: stored as NULL (no reason given). */
gboolean            cobalt_checklist_run_abort             (CobaltChecklistRun *self,
                                                            const char         *reason,
                                                            GDateTime          *now,
                                                            GError            **error);

/* "In progress", "Completed", "Stopped" (translated). */
const char         *cobalt_run_state_to_string             (CobaltRunState state);

G_END_DECLS
