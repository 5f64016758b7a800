/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-database.h"
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-dose.h"
#include "cobalt-rotation.h"
#include "cobalt-checklist.h"
#include "cobalt-journal.h"
#include "cobalt-supply.h"
#include "cobalt-reminder-state.h"

G_BEGIN_DECLS

/* The one place that turns model objects into rows and back. Every write
 * is one BEGIN IMMEDIATE transaction that rolls back on any error, and
 * emits ::changed (signal, no arguments... "changed" with the table name as
 * a detail-less string argument) after it commits. All SQL uses bound
 * parameters. Functions returning a GListModel return a new snapshot (a
 * GListStore) of model objects; GPtrArray returns own their elements. */

#define COBALT_TYPE_REPOSITORY (cobalt_repository_get_type ())
G_DECLARE_FINAL_TYPE (CobaltRepository, cobalt_repository, COBALT, REPOSITORY, GObject)

CobaltRepository   *cobalt_repository_new                 (CobaltDatabase *database);
CobaltDatabase     *cobalt_repository_get_database        (CobaltRepository *self);

/* People ---------------------------------------------------------------- */
GListModel         *cobalt_repository_list_people         (CobaltRepository *self,
                                                           gboolean          include_archived,
                                                           GError          **error);
CobaltPerson       *cobalt_repository_get_person          (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* Case-insensitive exact name match; NULL with COBALT_DATABASE_ERROR_NOT_FOUND. */
CobaltPerson       *cobalt_repository_find_person         (CobaltRepository *self,
                                                           const char       *name,
                                                           GError          **error);
/* Inserts when the id is 0 (and sets it; also stores the default checklist
 * for the new person), updates otherwise. Validates first. */
gboolean            cobalt_repository_save_person         (CobaltRepository *self,
                                                           CobaltPerson     *person,
                                                           GError          **error);

/* Prescriptions ---------------------------------------------------------- */
/* The newest version, or NULL without an error when the person has none. */
CobaltPrescription *cobalt_repository_get_prescription    (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
CobaltPrescription *cobalt_repository_get_prescription_version (CobaltRepository *self,
                                                           gint64            prescription_id,
                                                           GError          **error);
/* Always stores a new version (id and version set on @prescription);
 * older versions and the doses pointing at them are kept. Validates first. */
gboolean            cobalt_repository_save_prescription   (CobaltRepository   *self,
                                                           CobaltPrescription *prescription,
                                                           GError            **error);
/* All versions, newest first. */
GListModel         *cobalt_repository_list_prescription_history (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);

/* Doses ----------------------------------------------------------------- */
/* Inserts the dose (sets its id) and, in the same transaction, uses up one
 * of each supply kind (the ampoule from the dose's batch when it names one,
 * else the earliest-expiring one), adds it to the sharps bin, and completes
 * the checklist run the dose came from. */
gboolean            cobalt_repository_add_dose            (CobaltRepository *self,
                                                           CobaltDose       *dose,
                                                           GError          **error);
/* Keeps the entry's id. */
gboolean            cobalt_repository_update_dose         (CobaltRepository *self,
                                                           CobaltDose       *dose,
                                                           GError          **error);
/* Deleting marks the row deleted (undo restores it). */
gboolean            cobalt_repository_delete_dose         (CobaltRepository *self,
                                                           gint64            dose_id,
                                                           GError          **error);
gboolean            cobalt_repository_restore_dose        (CobaltRepository *self,
                                                           gint64            dose_id,
                                                           GError          **error);
/* Takes back a dose logged by mistake, in one transaction: marks it
 * deleted, gives back the supply items add_dose() used for it, takes it
 * out of the sharps bin, and reopens the completed checklist run it closed
 * (in progress again, no finish time, no dose link) so the person can
 * carry on from there. NOT_FOUND for a missing or already deleted dose.
 * Doses logged before Cobalt recorded what they used (schema 1) give back
 * nothing but are still marked deleted and their run reopened. */
gboolean            cobalt_repository_undo_dose           (CobaltRepository *self,
                                                           gint64            dose_id,
                                                           GError          **error);
/* Not-deleted doses of a person, oldest first. */
GPtrArray          *cobalt_repository_list_doses          (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
CobaltDose         *cobalt_repository_get_dose            (CobaltRepository *self,
                                                           gint64            dose_id,
                                                           GError          **error);
guint               cobalt_repository_count_doses         (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);

/* Resting sites ---------------------------------------------------------- */
GPtrArray          *cobalt_repository_list_resting_sites  (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* Replaces any earlier resting mark of that site. */
gboolean            cobalt_repository_set_site_resting    (CobaltRepository        *self,
                                                           gint64                   person_id,
                                                           const CobaltRestingSite *resting,
                                                           GError                 **error);
gboolean            cobalt_repository_clear_site_resting  (CobaltRepository *self,
                                                           gint64            person_id,
                                                           const char       *site_id,
                                                           GError          **error);

/* Checklists -------------------------------------------------------------- */
/* GListModel of CobaltChecklistStep in order. */
GListModel         *cobalt_repository_list_checklist_steps (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GError          **error);
/* Replaces the person's whole definition (reorder, add, remove, reword). */
gboolean            cobalt_repository_save_checklist_steps (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GListModel       *steps,
                                                            GError          **error);
gboolean            cobalt_repository_reset_checklist      (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GError          **error);
/* Starts a run over the current definition (the step titles are copied into
 * the run so a later rewording does not change history). */
CobaltChecklistRun *cobalt_repository_start_checklist_run  (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GDateTime        *now,
                                                            GError          **error);
/* The unfinished run to resume, or NULL without an error. */
CobaltChecklistRun *cobalt_repository_get_open_checklist_run (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GError          **error);
/* Persists the run's ticks and state (called after every tick). */
gboolean            cobalt_repository_save_checklist_run   (CobaltRepository   *self,
                                                            CobaltChecklistRun *run,
                                                            GError            **error);
GListModel         *cobalt_repository_list_checklist_runs  (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GError          **error);

/* Reactions, wellbeing, labs ------------------------------------------------ */
gboolean            cobalt_repository_add_reaction        (CobaltRepository *self,
                                                           CobaltReaction   *reaction,
                                                           GError          **error);
GListModel         *cobalt_repository_list_reactions      (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_add_checkin         (CobaltRepository *self,
                                                           CobaltCheckin    *checkin,
                                                           GError          **error);
GListModel         *cobalt_repository_list_checkins       (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_add_lab_result      (CobaltRepository *self,
                                                           CobaltLabResult  *result,
                                                           GError          **error);
GListModel         *cobalt_repository_list_lab_results    (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);

/* Supplies ------------------------------------------------------------------ */
/* Inserts when the id is 0, updates otherwise. Validates first. */
gboolean            cobalt_repository_save_supply_item    (CobaltRepository *self,
                                                           CobaltSupplyItem *item,
                                                           GError          **error);
gboolean            cobalt_repository_delete_supply_item  (CobaltRepository *self,
                                                           gint64            item_id,
                                                           GError          **error);
GListModel         *cobalt_repository_list_supply_items   (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* The person's sharps bin, or NULL without an error when none is set up. */
CobaltSharpsBin    *cobalt_repository_get_sharps_bin      (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_save_sharps_bin     (CobaltRepository *self,
                                                           CobaltSharpsBin  *bin,
                                                           GError          **error);

/* Reminder state -------------------------------------------------------------- */
/* The state row for (person, kind, due instant), or NULL without an error. */
CobaltReminderState *cobalt_repository_get_reminder_state (CobaltRepository   *self,
                                                           gint64              person_id,
                                                           CobaltReminderKind  kind,
                                                           GDateTime          *due_at,
                                                           GError            **error);
/* Inserts or updates by (person, kind, due instant). */
gboolean            cobalt_repository_save_reminder_state (CobaltRepository    *self,
                                                           CobaltReminderState *state,
                                                           GError             **error);
/* Atomically claims the right to show a reminder: TRUE when this call
 * moved the row from "not shown" to "shown" (inserting it if needed), FALSE
 * (no error) when another process or an earlier run already showed it. */
gboolean            cobalt_repository_claim_reminder      (CobaltRepository   *self,
                                                           gint64              person_id,
                                                           CobaltReminderKind  kind,
                                                           GDateTime          *due_at,
                                                           GDateTime          *now,
                                                           gboolean           *claimed,
                                                           GError            **error);

/* Settings kept in the database (key/value), e.g. "onboarding-done". */
char               *cobalt_repository_get_setting         (CobaltRepository *self,
                                                           const char       *key,
                                                           GError          **error);
gboolean            cobalt_repository_set_setting         (CobaltRepository *self,
                                                           const char       *key,
                                                           const char       *value,
                                                           GError          **error);

G_END_DECLS
