/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include "cobalt-database.h"
#include "cobalt-log-query.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"

G_BEGIN_DECLS

/* Every SQL statement of the repository, one file per table (or per few
 * tables that are only ever read together), as epiphany's
 * ephy-history-service-*-table.c: each file names its statements in an
 * enum, keeps their text in one array indexed by it, and has the small
 * functions below that bind, step and read rows into records.
 *
 * They run inside whatever transaction the caller opened: the repository
 * (cobalt-repository*.c) decides what one write is, checks it against the
 * rules and lets the commit emit ::changed; these only talk to SQLite.
 * Writes never change the record they are given (a transaction may still
 * roll back): new ids come back through @new_id. "NOT_FOUND" means
 * COBALT_REPOSITORY_ERROR_NOT_FOUND, set by cobalt_repository_set_not_found().
 * Schema and migrations stay in cobalt-migrations.c, PRAGMAs and integrity
 * checks in cobalt-database*.c. */

/* people (cobalt-people-table.c) ------------------------------------------ */

/* CobaltPerson by name; the archived ones only with @include_archived. */
GListModel   *cobalt_people_table_select            (CobaltDatabase  *db,
                                                     gboolean         include_archived,
                                                     GError         **error);
/* NOT_FOUND when there is no such person. */
CobaltPerson *cobalt_people_table_select_by_id      (CobaltDatabase  *db,
                                                     gint64           person_id,
                                                     GError         **error);
/* NOT_FOUND unless the person exists: a clearer answer than the foreign
 * key's CONSTRAINT, so every write for a person starts with it. */
gboolean      cobalt_people_table_check_exists      (CobaltDatabase  *db,
                                                     gint64           person_id,
                                                     GError         **error);
gboolean      cobalt_people_table_insert            (CobaltDatabase  *db,
                                                     CobaltPerson    *person,
                                                     gint64          *new_id,
                                                     GError         **error);
/* NOT_FOUND when the row has gone. */
gboolean      cobalt_people_table_update            (CobaltDatabase  *db,
                                                     CobaltPerson    *person,
                                                     GError         **error);

/* prescriptions, prescription_phases (cobalt-prescriptions-table.c) ------- */

/* The person's newest version, phases included; NULL without an error
 * when they have none. */
CobaltPrescription *cobalt_prescriptions_table_select_current (CobaltDatabase  *db,
                                                               gint64           person_id,
                                                               GError         **error);
/* One version, phases included; NOT_FOUND when there is none. */
CobaltPrescription *cobalt_prescriptions_table_select_by_id   (CobaltDatabase  *db,
                                                               gint64           prescription_id,
                                                               GError         **error);
/* Every version of the person's, newest first. */
GPtrArray          *cobalt_prescriptions_table_select_history (CobaltDatabase  *db,
                                                               gint64           person_id,
                                                               GError         **error);
/* The id of the version the person had at @at_us: the newest made by
 * then, else their first; 0 when they have none. */
gboolean            cobalt_prescriptions_table_select_id_at   (CobaltDatabase  *db,
                                                               gint64           person_id,
                                                               gint64           at_us,
                                                               gint64          *prescription_id,
                                                               GError         **error);
/* Stores @prescription as the person's next version, with its phases. */
gboolean            cobalt_prescriptions_table_insert         (CobaltDatabase      *db,
                                                               CobaltPrescription  *prescription,
                                                               gint64              *new_id,
                                                               guint               *new_version,
                                                               GError             **error);

/* doses, dose_supply_uses (cobalt-doses-table.c) --------------------------- */

/* Deleted doses too; NOT_FOUND when there is no such dose. */
CobaltDose *cobalt_doses_table_select_by_id       (CobaltDatabase  *db,
                                                   gint64           dose_id,
                                                   GError         **error);
/* The person's doses not deleted, oldest first; with @given_only only
 * those injected (kind GIVEN). */
GPtrArray  *cobalt_doses_table_select_by_person   (CobaltDatabase  *db,
                                                   gint64           person_id,
                                                   gboolean         given_only,
                                                   GError         **error);
gboolean    cobalt_doses_table_count_given        (CobaltDatabase  *db,
                                                   gint64           person_id,
                                                   guint           *count,
                                                   GError         **error);
/* Doses given since @since_us, counted by catalogue site index (an array
 * of cobalt_site_catalogue_get_n_sites(); sites no longer in the
 * catalogue are left out). */
guint      *cobalt_doses_table_count_by_site      (CobaltDatabase  *db,
                                                   gint64           person_id,
                                                   gint64           since_us,
                                                   GError         **error);
/* Every dose given, oldest first, as columns (cobalt-repository-private.h). */
gboolean    cobalt_doses_table_foreach_row        (CobaltDatabase     *db,
                                                   gint64              person_id,
                                                   CobaltDoseRowFunc   func,
                                                   gpointer            user_data,
                                                   GError            **error);
gboolean    cobalt_doses_table_insert             (CobaltDatabase  *db,
                                                   CobaltDose      *dose,
                                                   gint64          *new_id,
                                                   GError         **error);
/* Inserts each of @doses (all @person_id's) unless a dose not deleted is
 * logged at the same instant; appends each new id to @ids (gint64), 0 for
 * one skipped, and counts those skipped in @n_skipped. */
gboolean    cobalt_doses_table_insert_new         (CobaltDatabase  *db,
                                                   gint64           person_id,
                                                   GPtrArray       *doses,
                                                   GArray          *ids,
                                                   guint           *n_skipped,
                                                   GError         **error);
/* NOT_FOUND when the row has gone. */
gboolean    cobalt_doses_table_update             (CobaltDatabase  *db,
                                                   CobaltDose      *dose,
                                                   GError         **error);
/* Soft delete (or its undo); NOT_FOUND when the row has gone. */
gboolean    cobalt_doses_table_set_deleted        (CobaltDatabase  *db,
                                                   gint64           dose_id,
                                                   gboolean         deleted,
                                                   GError         **error);
/* Deletes the dose and drops its checklist run link; NOT_FOUND for a
 * dose already deleted, so its supplies are never given back twice. */
gboolean    cobalt_doses_table_undo               (CobaltDatabase  *db,
                                                   gint64           dose_id,
                                                   GError         **error);
/* What the dose took: @item_ids (gint64 supply item ids) and the sharps
 * bin @bin_id (0: none). */
gboolean    cobalt_dose_supply_uses_table_insert  (CobaltDatabase  *db,
                                                   gint64           dose_id,
                                                   GArray          *item_ids,
                                                   gint64           bin_id,
                                                   GError         **error);
gboolean    cobalt_dose_supply_uses_table_delete  (CobaltDatabase  *db,
                                                   gint64           dose_id,
                                                   GError         **error);

/* resting_sites (cobalt-resting-sites-table.c) ---------------------------- */

/* CobaltRestingSite, soonest back in use first. */
GPtrArray  *cobalt_resting_sites_table_select_by_person (CobaltDatabase           *db,
                                                         gint64                    person_id,
                                                         GError                  **error);
gboolean    cobalt_resting_sites_table_upsert           (CobaltDatabase           *db,
                                                         gint64                    person_id,
                                                         const CobaltRestingSite  *resting,
                                                         GError                  **error);
gboolean    cobalt_resting_sites_table_delete           (CobaltDatabase           *db,
                                                         gint64                    person_id,
                                                         const char               *site_id,
                                                         GError                  **error);

/* checklist_steps, checklist_runs, checklist_run_steps
 * (cobalt-checklist-tables.c) --------------------------------------------- */

/* The person's steps as a GListStore of CobaltChecklistStep. */
GListModel         *cobalt_checklist_steps_table_select_by_person (CobaltDatabase  *db,
                                                                   gint64           person_id,
                                                                   GError         **error);
/* Replaces the person's steps with @steps; appends the new ids (gint64)
 * to @ids in order. */
gboolean            cobalt_checklist_steps_table_replace          (CobaltDatabase  *db,
                                                                   gint64           person_id,
                                                                   GListModel      *steps,
                                                                   GArray          *ids,
                                                                   GError         **error);
/* The person's newest open run, steps included; NULL without an error
 * when there is none. */
CobaltChecklistRun *cobalt_checklist_runs_table_select_open       (CobaltDatabase  *db,
                                                                   gint64           person_id,
                                                                   GError         **error);
/* Every run of the person's, oldest first, steps included. */
GPtrArray          *cobalt_checklist_runs_table_select_by_person  (CobaltDatabase  *db,
                                                                   gint64           person_id,
                                                                   GError         **error);
/* A new run and its steps. */
gboolean            cobalt_checklist_runs_table_insert            (CobaltDatabase      *db,
                                                                   CobaltChecklistRun  *run,
                                                                   gint64              *new_id,
                                                                   GError             **error);
/* The run's state and its steps' ticks; NOT_FOUND when the row has gone. */
gboolean            cobalt_checklist_runs_table_update            (CobaltDatabase      *db,
                                                                   CobaltChecklistRun  *run,
                                                                   GError             **error);
/* Links the person's run @run_id to the dose given at @given_at_us and
 * closes it if still open; NOT_FOUND for no such run of the person's. */
gboolean            cobalt_checklist_runs_table_link_dose         (CobaltDatabase  *db,
                                                                   gint64           run_id,
                                                                   gint64           person_id,
                                                                   gint64           dose_id,
                                                                   gint64           given_at_us,
                                                                   GError         **error);
/* Unlinks the dose's run, reopening it if it was completed. */
gboolean            cobalt_checklist_runs_table_unlink_dose       (CobaltDatabase  *db,
                                                                   gint64           dose_id,
                                                                   GError         **error);

/* reactions (cobalt-reactions-table.c), checkins (cobalt-checkins-table.c),
 * lab_results (cobalt-lab-results-table.c) ---------------------------------
 *
 * Each: the person's records oldest first; insert; update of the row with
 * the record's id and person (NOT_FOUND otherwise); delete by id
 * (NOT_FOUND when there is none); restore, which inserts a deleted record
 * again under its old id, or a new one when that was taken since. */

GListModel *cobalt_reactions_table_select_by_person   (CobaltDatabase *db, gint64 person_id, GError **error);
gboolean    cobalt_reactions_table_insert             (CobaltDatabase *db, CobaltReaction *reaction, gint64 *new_id, GError **error);
gboolean    cobalt_reactions_table_update             (CobaltDatabase *db, CobaltReaction *reaction, GError **error);
gboolean    cobalt_reactions_table_delete             (CobaltDatabase *db, gint64 reaction_id, GError **error);
gboolean    cobalt_reactions_table_restore            (CobaltDatabase *db, CobaltReaction *reaction, gint64 *new_id, GError **error);

GListModel *cobalt_checkins_table_select_by_person    (CobaltDatabase *db, gint64 person_id, GError **error);
gboolean    cobalt_checkins_table_insert              (CobaltDatabase *db, CobaltCheckin *checkin, gint64 *new_id, GError **error);
gboolean    cobalt_checkins_table_update              (CobaltDatabase *db, CobaltCheckin *checkin, GError **error);
gboolean    cobalt_checkins_table_delete              (CobaltDatabase *db, gint64 checkin_id, GError **error);
gboolean    cobalt_checkins_table_restore             (CobaltDatabase *db, CobaltCheckin *checkin, gint64 *new_id, GError **error);

GListModel *cobalt_lab_results_table_select_by_person (CobaltDatabase *db, gint64 person_id, GError **error);
gboolean    cobalt_lab_results_table_insert           (CobaltDatabase *db, CobaltLabResult *result, gint64 *new_id, GError **error);
gboolean    cobalt_lab_results_table_update           (CobaltDatabase *db, CobaltLabResult *result, GError **error);
gboolean    cobalt_lab_results_table_delete           (CobaltDatabase *db, gint64 result_id, GError **error);
gboolean    cobalt_lab_results_table_restore          (CobaltDatabase *db, CobaltLabResult *result, gint64 *new_id, GError **error);

/* supply_items, sharps_bins (cobalt-supplies-tables.c) --------------------- */

/* The person's items as a GListStore of CobaltSupplyItem, by kind, then
 * soonest expiry. */
GListModel      *cobalt_supply_items_table_select_by_person (CobaltDatabase    *db,
                                                             gint64             person_id,
                                                             GError           **error);
gboolean         cobalt_supply_items_table_insert           (CobaltDatabase    *db,
                                                             CobaltSupplyItem  *item,
                                                             gint64            *new_id,
                                                             GError           **error);
/* NOT_FOUND when the row has gone. */
gboolean         cobalt_supply_items_table_update           (CobaltDatabase    *db,
                                                             CobaltSupplyItem  *item,
                                                             GError           **error);
/* NOT_FOUND when there is no such item. */
gboolean         cobalt_supply_items_table_delete           (CobaltDatabase    *db,
                                                             gint64             item_id,
                                                             GError           **error);
/* One unit less, never below 0: @taken tells whether there was one. */
gboolean         cobalt_supply_items_table_take_one         (CobaltDatabase    *db,
                                                             gint64             item_id,
                                                             gboolean          *taken,
                                                             GError           **error);
/* One unit back to each item the dose took. */
gboolean         cobalt_supply_items_table_give_back        (CobaltDatabase    *db,
                                                             gint64             dose_id,
                                                             GError           **error);
/* NULL without an error when the person has no bin. */
CobaltSharpsBin *cobalt_sharps_bins_table_select_by_person  (CobaltDatabase    *db,
                                                             gint64             person_id,
                                                             GError           **error);
/* Stores @bin as the person's one bin, whatever its id. */
gboolean         cobalt_sharps_bins_table_upsert            (CobaltDatabase    *db,
                                                             CobaltSharpsBin   *bin,
                                                             GError           **error);
/* One dose more in the person's bin; @bin_id is 0 when they have none. */
gboolean         cobalt_sharps_bins_table_add_dose          (CobaltDatabase    *db,
                                                             gint64             person_id,
                                                             gint64            *bin_id,
                                                             GError           **error);
/* One dose less in the bin the dose filled, if it is still there. */
gboolean         cobalt_sharps_bins_table_remove_dose       (CobaltDatabase    *db,
                                                             gint64             dose_id,
                                                             GError           **error);

/* reminder_state (cobalt-reminder-state-table.c) --------------------------- */

/* NULL without an error when the reminder has no state yet. */
CobaltReminderState *cobalt_reminder_state_table_select (CobaltDatabase       *db,
                                                         gint64                person_id,
                                                         CobaltReminderKind    kind,
                                                         GDateTime            *due_at,
                                                         GError              **error);
gboolean             cobalt_reminder_state_table_upsert (CobaltDatabase       *db,
                                                         CobaltReminderState  *state,
                                                         GError              **error);
/* Marks the reminder "showing" at @now (the intent to show) when nobody
 * showed it yet (or its snooze ran out), nobody is showing it and nobody
 * settled it; @claimed tells whether this call did. */
gboolean             cobalt_reminder_state_table_claim  (CobaltDatabase       *db,
                                                         gint64                person_id,
                                                         CobaltReminderKind    kind,
                                                         GDateTime            *due_at,
                                                         GDateTime            *now,
                                                         gboolean             *claimed,
                                                         GError              **error);
/* "Showing" → shown at the claim's instant; @confirmed tells whether the
 * row was "showing". */
gboolean             cobalt_reminder_state_table_confirm (CobaltDatabase      *db,
                                                          gint64               person_id,
                                                          CobaltReminderKind   kind,
                                                          GDateTime           *due_at,
                                                          gboolean            *confirmed,
                                                          GError             **error);
/* "Showing" → as before the claim. */
gboolean             cobalt_reminder_state_table_release (CobaltDatabase      *db,
                                                          gint64               person_id,
                                                          CobaltReminderKind   kind,
                                                          GDateTime           *due_at,
                                                          GError             **error);
/* Every "showing" row → as before its claim; @n_released (may be NULL)
 * says how many. */
gboolean             cobalt_reminder_state_table_release_all (CobaltDatabase  *db,
                                                              guint           *n_released,
                                                              GError         **error);

/* settings (cobalt-settings-table.c) --------------------------------------- */

/* NULL without an error when @key is not set. */
char     *cobalt_settings_table_select (CobaltDatabase  *db,
                                        const char      *key,
                                        GError         **error);
/* NULL @value removes the key. */
gboolean  cobalt_settings_table_set    (CobaltDatabase  *db,
                                        const char      *key,
                                        const char      *value,
                                        GError         **error);

/* The log: doses and stopped checklist runs (cobalt-log-tables.c) ---------- */

/* The keys (dose id, or minus a run's id) of every row matching @query,
 * in its order. */
GArray   *cobalt_log_tables_select_keys  (CobaltDatabase        *db,
                                          const CobaltLogQuery  *query,
                                          GError               **error);
/* Reads the CobaltLogEntry of each dose among @keys (the positive ones)
 * into @found (gint64 key → entry). *@stmt keeps the statement prepared
 * between calls (free it with cobalt_statement_free()); @zones
 * (identifier → GTimeZone) the zones met so far. */
gboolean  cobalt_log_tables_fetch_doses  (CobaltDatabase    *db,
                                          CobaltStatement  **stmt,
                                          GHashTable        *zones,
                                          const gint64      *keys,
                                          guint              n_keys,
                                          GHashTable        *found,
                                          GError           **error);
/* The same for the stopped runs among @keys (the negative ones). */
gboolean  cobalt_log_tables_fetch_runs   (CobaltDatabase    *db,
                                          CobaltStatement  **stmt,
                                          const gint64      *keys,
                                          guint              n_keys,
                                          GHashTable        *found,
                                          GError           **error);

G_END_DECLS
