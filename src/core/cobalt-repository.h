/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-clock.h"
#include "cobalt-repository-error.h"
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-dose.h"
#include "cobalt-rotation.h"
#include "cobalt-checklist.h"
#include "cobalt-journal.h"
#include "cobalt-supply.h"
#include "cobalt-reminder-state.h"

G_BEGIN_DECLS

/* The only door to the log's storage: the window, the command line and
 * cobalt-reminder open the log here, read and write through it, and see
 * its errors in COBALT_REPOSITORY_ERROR; none of them reaches the database
 * underneath. It turns model objects into rows and back. Every write is
 * one BEGIN IMMEDIATE transaction that rolls back on any error. All SQL
 * uses bound parameters. Functions returning a GListModel return a new
 * snapshot (a GListStore) of model objects; GPtrArray returns own their
 * elements.
 *
 * ::changed (CobaltRepository *repository, CobaltRepositoryChanges changes)
 * is emitted once for each committed write transaction, after its COMMIT
 * succeeded, never for one that was rolled back, from the commit itself
 * (so no write can forget it, whichever function made it). @changes holds
 * every kind of record the transaction changed; the signal's detail names
 * the first of them in the order of the enum below, the kind the others
 * follow from. Logging a dose, which also uses up supplies, adds to the
 * sharps bin and closes the checklist run, is "changed::doses" with
 * @changes DOSES | SUPPLIES | CHECKLISTS; a new person (who gets the
 * default checklist) is "changed::people" with PEOPLE | CHECKLISTS. So a
 * view that shows one kind of record connects to ::changed without a
 * detail and tests @changes; a detailed handler hears the transactions
 * that were mainly about its kind. Changes another process commits are not
 * signalled (poll cobalt_repository_get_data_version()). */

typedef enum /*< flags >*/
{
  COBALT_REPOSITORY_CHANGED_DOSES         = 1 << 0, /* "doses": doses, resting sites */
  COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS = 1 << 1, /* "prescriptions": versions and phases */
  COBALT_REPOSITORY_CHANGED_PEOPLE        = 1 << 2, /* "people" */
  COBALT_REPOSITORY_CHANGED_JOURNAL       = 1 << 3, /* "journal": reactions, check-ins, lab results */
  COBALT_REPOSITORY_CHANGED_CHECKLISTS    = 1 << 4, /* "checklists": steps and runs */
  COBALT_REPOSITORY_CHANGED_SUPPLIES      = 1 << 5, /* "supplies": items, the sharps bin, what doses used */
  COBALT_REPOSITORY_CHANGED_SETTINGS      = 1 << 6, /* "settings": the settings table */
  COBALT_REPOSITORY_CHANGED_REMINDERS     = 1 << 7, /* "reminders": shown, snoozed, acted on */
} CobaltRepositoryChanges;

#define COBALT_TYPE_REPOSITORY_CHANGES (cobalt_repository_changes_get_type ())
GType cobalt_repository_changes_get_type (void) G_GNUC_CONST;

/* The detail ::changed carries for @changes ("doses", …), NULL for 0. */
const char         *cobalt_repository_changes_get_detail  (CobaltRepositoryChanges changes);

typedef enum
{
  COBALT_REPOSITORY_OPEN_DEFAULT        = 0,
  /* No daily automatic backup at open: the window opens the log again
   * (in a thread) after its first frame to make it. */
  COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP = 1 << 0,
  /* Only PRAGMA quick_check at open (pages, not what indexes hold), so
   * the first frame does not wait for the whole file to be read: the
   * caller promises the whole check soon after, off the first frame
   * (cobalt_repository_check_integrity_async(), or an open without this
   * flag in a thread, as the window's daily-backup open does). */
  COBALT_REPOSITORY_OPEN_QUICK_CHECK    = 1 << 1,
  /* The person chose to start an empty log (the problem page's "Start an
   * empty log"): create it even though backups or files set aside exist. */
  COBALT_REPOSITORY_OPEN_NEW_LOG        = 1 << 2,
} CobaltRepositoryOpenFlags;

#define COBALT_TYPE_REPOSITORY (cobalt_repository_get_type ())
G_DECLARE_FINAL_TYPE (CobaltRepository, cobalt_repository, COBALT, REPOSITORY, GObject)

/* The log ------------------------------------------------------------------ */

/* Opens (creating if missing) the log in @data_dir with the storage rules
 * of DESIGN.md: folder 0700, file 0600; what a crash left half-written
 * (a temporary NAME.partial-XXXXXX no live process holds) removed; the
 * whole file checked (integrity_check; only quick_check with
 * COBALT_REPOSITORY_OPEN_QUICK_CHECK) before anything trusts it; migrated
 * to the newest schema with a verified backup first, then the daily
 * automatic backup when one is due (unless @flags say not to). Never
 * replaces an unreadable file: fails with CORRUPT (see
 * cobalt_repository_move_aside()), NOT_COBALT or TOO_NEW. Never starts an
 * empty log silently: a missing file beside backups or files set aside
 * (cobalt_repository_list_set_aside()) fails with MISSING, an empty one
 * with CORRUPT, unless @flags has COBALT_REPOSITORY_OPEN_NEW_LOG. */
CobaltRepository   *cobalt_repository_open                (const char                *data_dir,
                                                           CobaltRepositoryOpenFlags  flags,
                                                           GError                   **error);
/* A private, empty log in memory with the newest schema: for tests. */
CobaltRepository   *cobalt_repository_new_in_memory       (GError          **error);
/* NULL for a log in memory. */
const char         *cobalt_repository_get_data_dir        (CobaltRepository *self);
/* The clock whose "now" the rules of what may be stored use (a dose is not
 * in the future: cobalt-dose-rules.h). The real clock unless set; the
 * window and the tests give the repository the clock they show. */
CobaltClock        *cobalt_repository_get_clock           (CobaltRepository *self);
void                cobalt_repository_set_clock           (CobaltRepository *self,
                                                           CobaltClock      *clock);
/* Changes whenever another connection (another process) commits: poll it
 * to notice what cobalt and cobalt-reminder write to the same file. This
 * repository's own commits do not change it; they emit ::changed. */
gint64              cobalt_repository_get_data_version    (CobaltRepository *self,
                                                           GError          **error);
/* Backs the log up now into the backups folder (verified, rotated);
 * returns the new file's path. */
char               *cobalt_repository_backup              (CobaltRepository *self,
                                                           GError          **error);

/* The files of a data folder, for when the log cannot be opened. None of
 * these opens a repository. */
/* Backup file paths in @data_dir, newest first (never NULL). A file still
 * being written, or left half-written by a crash, is never among them. */
GPtrArray          *cobalt_repository_list_backups        (const char       *data_dir);
/* The log as it once was, kept beside it whole, newest first (never
 * NULL): cobalt.db.corrupt-DATE (moved aside as unreadable) and
 * cobalt.db.replaced-DATE (the log a restore replaced). */
GPtrArray          *cobalt_repository_list_set_aside      (const char       *data_dir);
/* TRUE when @data_dir holds a backup or a file set aside: what a start
 * that finds no log offers instead of an empty one. */
gboolean            cobalt_repository_has_recoverable     (const char       *data_dir);
/* Reads the whole of @data_dir's log (PRAGMA integrity_check: every page,
 * every index against its table) on a read-only connection of its own, so
 * it may run in a thread while the window's connection reads and writes.
 * FALSE with CORRUPT on any damage: the caller then closes its
 * repositories, moves the file aside (cobalt_repository_move_aside()) and
 * offers the newest good backup, as for a file that would not open.
 * G_IO_ERROR_CANCELLED when @cancellable was cancelled. Never writes. */
gboolean            cobalt_repository_check_integrity     (const char       *data_dir,
                                                           GCancellable     *cancellable,
                                                           GError          **error);
/* The same in a thread of GIO's pool. */
void                cobalt_repository_check_integrity_async (const char         *data_dir,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
gboolean            cobalt_repository_check_integrity_finish (GAsyncResult  *result,
                                                              GError       **error);
/* TRUE when @path is a Cobalt log that passes integrity_check and whose
 * schema this build can read. Never writes to @path. */
gboolean            cobalt_repository_verify_backup       (const char       *path,
                                                           GError          **error);
/* Verifies @backup_path, copies it beside the log under a temporary name,
 * syncs and verifies the copy, keeps the current log (if present) as
 * cobalt.db.replaced-DATE and renames the copy over it: a crash at any
 * point leaves the old log or the restored one, never none. Close every
 * repository on @data_dir first (cobalt-reminder follows the file).
 * @kept_path (optional) receives where the replaced log is kept (NULL
 * when there was none). */
gboolean            cobalt_repository_restore_backup      (const char       *data_dir,
                                                           const char       *backup_path,
                                                           char            **kept_path,
                                                           GError          **error);
/* Backups by hand ------------------------------------------------------ */

/* What a log holds, to tell before and after a restore. */
typedef struct
{
  guint      n_people;    /* archived people too */
  guint      n_doses;     /* given, not deleted */
  GDateTime *first_dose;  /* NULL without doses */
  GDateTime *last_dose;
} CobaltLogSummary;

void                cobalt_log_summary_free               (CobaltLogSummary *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltLogSummary, cobalt_log_summary_free)
/* "2 people and 140 doses, given from 3 January 2025 to 4 December
 * 2026", translated. */
char               *cobalt_log_summary_describe           (const CobaltLogSummary *summary);

/* A verified copy of the whole log at @path, a file the user chose (0600,
 * written under a temporary name, checked, then renamed); never over an
 * existing file unless @replace. */
gboolean            cobalt_repository_backup_to_file      (CobaltRepository *self,
                                                           const char       *path,
                                                           gboolean          replace,
                                                           GError          **error);
CobaltLogSummary   *cobalt_repository_summarize           (CobaltRepository *self,
                                                           GError          **error);
/* The same for a backup file, verified first and read on a private copy
 * (so an older schema is read too), never writing to @path: NOT_COBALT,
 * TOO_NEW, CORRUPT… with a sentence for a file that cannot be restored. */
CobaltLogSummary   *cobalt_repository_summarize_file      (const char       *path,
                                                           GError          **error);

/* Renames an unreadable log (and its journal) to cobalt.db.corrupt-DATE,
 * bytes intact, so it can be handed to someone who can rescue it;
 * @new_path receives the new name. */
gboolean            cobalt_repository_move_aside          (const char       *data_dir,
                                                           char            **new_path,
                                                           GError          **error);

/* People ---------------------------------------------------------------- */
GListModel         *cobalt_repository_list_people         (CobaltRepository *self,
                                                           gboolean          include_archived,
                                                           GError          **error);
CobaltPerson       *cobalt_repository_get_person          (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* Case-insensitive exact name match; NULL with COBALT_REPOSITORY_ERROR_NOT_FOUND. */
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
 * the checklist run the dose came from. A dose not given on the clinic's
 * advice (kind SKIPPED or MOVED: who advised it is required, and a MOVED
 * one needs its moved-to day, not before the decision) is only recorded:
 * it uses no supplies and closes no run. First the dose must pass
 * cobalt_dose_validate() (against the person, the prescription version it
 * names or the one the person had then, the log, and the repository's
 * clock): else nothing is written and the error is COBALT_DOSE_ERROR, one
 * sentence naming the field. */
gboolean            cobalt_repository_add_dose            (CobaltRepository *self,
                                                           CobaltDose       *dose,
                                                           GError          **error);
/* Keeps the entry's id; validated as add_dose() does. */
gboolean            cobalt_repository_update_dose         (CobaltRepository *self,
                                                           CobaltDose       *dose,
                                                           GError          **error);
/* Adds @doses (new CobaltDose of @person_id, e.g. read from a file) in one
 * transaction, without touching supplies. A dose at the same instant as
 * one in the log, or as an earlier one of @doses, is the same injection:
 * skipped. Every other one is validated as add_dose() does, against the
 * log and the doses before it; when any is refused nothing is written, the
 * first refusal is in @error and @refusals (may be NULL) receives one
 * GError (COBALT_DOSE_ERROR) or NULL per dose of @doses, in order. Sets
 * the ids of the doses written. @n_imported / @n_skipped may be NULL. */
gboolean            cobalt_repository_import_doses        (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GPtrArray        *doses,
                                                           guint            *n_imported,
                                                           guint            *n_skipped,
                                                           GPtrArray       **refusals,
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
/* Not-deleted doses actually given (kind GIVEN) of a person, oldest first:
 * what supplies, site rotation, the journal and "last injection" count. */
GPtrArray          *cobalt_repository_list_doses          (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* The same plus the doses not given on the clinic's advice, oldest first:
 * what the schedule (cobalt_schedule_next_due()) counts. */
GPtrArray          *cobalt_repository_list_schedule_doses (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
CobaltDose         *cobalt_repository_get_dose            (CobaltRepository *self,
                                                           gint64            dose_id,
                                                           GError          **error);
/* Doses actually given. */
guint               cobalt_repository_count_doses         (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
/* How many doses actually given since @since went into each site: an
 * array of cobalt_site_catalogue_get_n_sites() counts in catalogue order
 * (g_free() it). */
guint              *cobalt_repository_count_doses_by_site (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GDateTime        *since,
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
/* Persists the run's ticks, state and chosen site (called after every
 * change). */
gboolean            cobalt_repository_save_checklist_run   (CobaltRepository   *self,
                                                            CobaltChecklistRun *run,
                                                            GError            **error);
GListModel         *cobalt_repository_list_checklist_runs  (CobaltRepository *self,
                                                            gint64            person_id,
                                                            GError          **error);

/* Reactions, wellbeing, labs ------------------------------------------------ */
/* For each kind: add (validated; sets the id), list (oldest first),
 * update (validated; rewrites the stored row with the record's id and
 * person, keeping the id; NOT_FOUND when there is no such row of that
 * person, e.g. deleted in another window), delete (NOT_FOUND when there is
 * none; keep the object to undo) and restore (stores a deleted record
 * again, under its old id when that is still free, else under a new one
 * set on the record: the journal's undo). */
gboolean            cobalt_repository_add_reaction        (CobaltRepository *self,
                                                           CobaltReaction   *reaction,
                                                           GError          **error);
GListModel         *cobalt_repository_list_reactions      (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_update_reaction     (CobaltRepository *self,
                                                           CobaltReaction   *reaction,
                                                           GError          **error);
gboolean            cobalt_repository_delete_reaction     (CobaltRepository *self,
                                                           gint64            reaction_id,
                                                           GError          **error);
gboolean            cobalt_repository_restore_reaction    (CobaltRepository *self,
                                                           CobaltReaction   *reaction,
                                                           GError          **error);
gboolean            cobalt_repository_add_checkin         (CobaltRepository *self,
                                                           CobaltCheckin    *checkin,
                                                           GError          **error);
GListModel         *cobalt_repository_list_checkins       (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_update_checkin      (CobaltRepository *self,
                                                           CobaltCheckin    *checkin,
                                                           GError          **error);
gboolean            cobalt_repository_delete_checkin      (CobaltRepository *self,
                                                           gint64            checkin_id,
                                                           GError          **error);
gboolean            cobalt_repository_restore_checkin     (CobaltRepository *self,
                                                           CobaltCheckin    *checkin,
                                                           GError          **error);
gboolean            cobalt_repository_add_lab_result      (CobaltRepository *self,
                                                           CobaltLabResult  *result,
                                                           GError          **error);
GListModel         *cobalt_repository_list_lab_results    (CobaltRepository *self,
                                                           gint64            person_id,
                                                           GError          **error);
gboolean            cobalt_repository_update_lab_result   (CobaltRepository *self,
                                                           CobaltLabResult  *result,
                                                           GError          **error);
gboolean            cobalt_repository_delete_lab_result   (CobaltRepository *self,
                                                           gint64            result_id,
                                                           GError          **error);
gboolean            cobalt_repository_restore_lab_result  (CobaltRepository *self,
                                                           CobaltLabResult  *result,
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
/* Showing a reminder is three steps, each its own transaction, so that a
 * crash at any point loses nothing (issue 15):
 *
 * 1. claim: atomically records the intent to show. @claimed is TRUE when
 *    this call moved the row from "not shown" to "showing" at @now
 *    (state->showing_at; inserting the row if needed), FALSE (no error)
 *    when it is shown, being shown by another process, settled, or
 *    snoozed. Only the claimer sends the notification.
 * 2. confirm once the notification server answered: "showing" → "shown"
 *    (shown_at = the claim's instant); or release when it could not be
 *    sent: back to what it was, to be claimed again.
 * 3. At start-up, recover: claims left "showing" by a process that ended
 *    between 1 and 2 are given back, so those reminders are shown again,
 *    at most once more than the server may already have shown them, and
 *    never not at all. */
gboolean            cobalt_repository_claim_reminder      (CobaltRepository   *self,
                                                           gint64              person_id,
                                                           CobaltReminderKind  kind,
                                                           GDateTime          *due_at,
                                                           GDateTime          *now,
                                                           gboolean           *claimed,
                                                           GError            **error);
/* Step 2 above; @confirmed (may be NULL) is FALSE when the row was not
 * "showing" (given back or recovered meanwhile). */
gboolean            cobalt_repository_confirm_reminder_shown (CobaltRepository   *self,
                                                              gint64              person_id,
                                                              CobaltReminderKind  kind,
                                                              GDateTime          *due_at,
                                                              gboolean           *confirmed,
                                                              GError            **error);
gboolean            cobalt_repository_release_reminder    (CobaltRepository   *self,
                                                           gint64              person_id,
                                                           CobaltReminderKind  kind,
                                                           GDateTime          *due_at,
                                                           GError            **error);
/* Step 3 above, for cobalt-reminder's start: one process at a time shows
 * reminders (its D-Bus name is unique), so a claim still "showing" when it
 * starts belongs to no live process. @n_recovered may be NULL. */
gboolean            cobalt_repository_recover_reminder_claims (CobaltRepository  *self,
                                                               guint             *n_recovered,
                                                               GError           **error);

/* Settings kept in the database (key/value), e.g. "onboarding-done". */
char               *cobalt_repository_get_setting         (CobaltRepository *self,
                                                           const char       *key,
                                                           GError          **error);
gboolean            cobalt_repository_set_setting         (CobaltRepository *self,
                                                           const char       *key,
                                                           const char       *value,
                                                           GError          **error);

G_END_DECLS
