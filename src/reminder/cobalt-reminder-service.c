/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Timing. Reminders are due at wall-clock instants, but GLib timeouts
 * run on the monotonic clock, which stands still during suspend and does
 * not follow clock steps. So the service sleeps towards the next instant
 * in steps of at most COBALT_REMINDER_MAX_SLEEP_SECONDS and, on each
 * wake-up, only compares the wall clock with that instant: no database
 * work unless the instant passed, the clock went backwards, another
 * process committed (GFileMonitor on cobalt.db, then PRAGMA data_version),
 * or CobaltTimeWatch reported a clock step, zone change or resume. A
 * suspend across a due time is therefore caught within the cap even
 * without logind, and at once with it.
 *
 * Exactly once. Before showing anything the service claims the reminder
 * in the database (cobalt_repository_claim_reminder()): the intent to
 * show, "showing", is committed before the notification is sent, and
 * "shown" only after the notification server answered
 * (cobalt_repository_confirm_reminder_shown()); only the claiming
 * connection shows it. Killed in between (kill -9, a crash, a power cut),
 * the row stays "showing": the next start gives such claims back
 * (cobalt_repository_recover_reminder_claims(), once, when it first opens
 * the file) and shows those reminders again: at most once more than the
 * server may already have shown, never not at all. A snooze stores
 * "snoozed until", so the planner brings the reminder back at that
 * instant and one more claim wins. Nothing is kept only in memory except
 * which notifications this process has on screen. */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-core.h"
#include "cobalt-reminder-data.h"
#include "cobalt-reminder-planner.h"
#include "cobalt-reminder-service.h"
#include "cobalt-reminder-text.h"
#include "cobalt-time-watch.h"
#include "cobalt-window-launch.h"

/* Notifications from cobalt.db changes arrive in bursts (one write is
 * several inotify events): look once the burst settles. */
#define DATA_CHANGE_DELAY_MS 250

typedef struct
{
  char               *key;
  guint               id;
  CobaltReminderItem *item;
} OpenReminder;

struct _CobaltReminderService
{
  GObject           parent_instance;

  char             *data_dir;
  char             *db_path;
  gboolean          pass_data_dir;
  CobaltClock      *clock;
  CobaltNotifier   *notifier;

  CobaltRepository *repository;
  gulong            changed_id;
  gint64            data_version;

  GFileMonitor     *db_monitor;
  CobaltTimeWatch  *time_watch;
  GSettings        *settings;       /* NULL without the schema */
  GTimeZone        *zone;           /* the system's zone after a change, or NULL */
  guint             tick_id;
  guint             data_check_id;
  guint             own_change_id;  /* an idle after this process's own write */
  gboolean          started;
  gboolean          recovered;      /* claims a crash left behind were given back */

  GDateTime        *next_wakeup;
  gint64            last_look_us;   /* wall clock at the last look, µs */
  guint             n_evaluations;

  /* Paused: the data file cannot be used. */
  GError           *pause_error;
  gboolean          paused_notice_shown;
  guint             paused_notification_id;   /* 0 once closed */

  GHashTable       *open_by_key;    /* key → OpenReminder (owned) */
  GHashTable       *open_by_id;     /* id → OpenReminder (borrowed) */

  /* Windows a button asked for, watched until they are up. */
  GCancellable     *launch_cancellable;
  guint             n_launching;
};

G_DEFINE_FINAL_TYPE (CobaltReminderService, cobalt_reminder_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_PASS_DATA_DIR,
  PROP_CLOCK,
  PROP_NOTIFIER,
  PROP_PAUSED,
  N_PROPS
};

enum {
  EVALUATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void     schedule_tick     (CobaltReminderService *self);
static gboolean on_own_change_cb  (gpointer               user_data);

/* "Now" in the zone reminders are judged in: the clock's, unless the
 * system's zone changed while we run (GLib keeps the zone it read first). */
static GDateTime *
service_get_now (CobaltReminderService *self)
{
  GDateTime *now = cobalt_clock_get_now (self->clock);

  if (self->zone != NULL)
    {
      GDateTime *local = g_date_time_to_timezone (now, self->zone);

      g_date_time_unref (now);
      return local;
    }

  return now;
}

/* g_date_time_to_unix_usec() is GLib 2.80. */
static gint64
datetime_to_usec (GDateTime *datetime)
{
  return g_date_time_to_unix (datetime) * G_USEC_PER_SEC + g_date_time_get_microsecond (datetime);
}

static void
open_reminder_free (OpenReminder *open)
{
  g_free (open->key);
  cobalt_reminder_item_free (open->item);
  g_free (open);
}

/* Database ------------------------------------------------------------------ */

static void
close_database (CobaltReminderService *self)
{
  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);
  g_clear_object (&self->repository);
  self->data_version = 0;
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltReminderService   *self)
{
  /* A write through this process's own connection (data_version only
   * moves for other connections' commits): look again, but not from
   * inside the write, and not for the reminder bookkeeping the service
   * itself writes while it evaluates. */
  if (!(changes & ~COBALT_REPOSITORY_CHANGED_REMINDERS))
    return;
  if (self->own_change_id == 0)
    self->own_change_id = g_idle_add (on_own_change_cb, self);
}

static gboolean
ensure_database (CobaltReminderService  *self,
                 GError                **error)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GError) local_error = NULL;

  if (self->repository != NULL)
    return TRUE;

  /* cobalt_repository_open() would create a missing file: an empty log is
   * exactly what the reminder must never start silently. */
  if (!g_file_test (self->db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The data file does not exist");
      return FALSE;
    }

  repository = cobalt_repository_open (self->data_dir, COBALT_REPOSITORY_OPEN_DEFAULT, error);
  if (repository == NULL)
    return FALSE;

  self->data_version = cobalt_repository_get_data_version (repository, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Once per process, before its first claim: a reminder claimed by a
   * process that ended before the notification server answered is
   * shown again. */
  if (!self->recovered)
    {
      guint n_recovered = 0;

      if (!cobalt_repository_recover_reminder_claims (repository, &n_recovered, error))
        return FALSE;
      if (n_recovered > 0)
        g_message ("Showing again %u reminder(s) whose notification was not confirmed before "
                   "the last run ended", n_recovered);
      self->recovered = TRUE;
    }

  self->repository = g_steal_pointer (&repository);
  self->changed_id = g_signal_connect (self->repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);

  return TRUE;
}

static CobaltReminderState *
lookup_state_cb (gint64              person_id,
                 CobaltReminderKind  kind,
                 GDateTime          *due_at,
                 gpointer            user_data,
                 GError            **error)
{
  CobaltReminderService *self = user_data;

  return cobalt_repository_get_reminder_state (self->repository, person_id, kind, due_at, error);
}

/* Changes the stored state of @item with @func (creating the row). */
typedef void (*StateEditFunc) (CobaltReminderState *state,
                               gpointer             user_data);

static gboolean
edit_state (CobaltReminderService  *self,
            gint64                  person_id,
            CobaltReminderKind      kind,
            GDateTime              *due_at,
            StateEditFunc           func,
            gpointer                user_data,
            GError                **error)
{
  g_autoptr(CobaltReminderState) state = NULL;
  GError *local_error = NULL;

  if (!ensure_database (self, error))
    return FALSE;

  state = cobalt_repository_get_reminder_state (self->repository, person_id, kind, due_at, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (state == NULL)
    state = cobalt_reminder_state_new (person_id, kind, due_at);

  func (state, user_data);

  return cobalt_repository_save_reminder_state (self->repository, state, error);
}

static void
edit_snooze (CobaltReminderState *state,
             gpointer             user_data)
{
  /* A snooze later than the last showing is what lets the reminder be
   * claimed once more when it ends. */
  cobalt_set_date_time (&state->snoozed_until, user_data);
}

static void
edit_acted (CobaltReminderState *state,
            gpointer             user_data)
{
  cobalt_set_date_time (&state->acted_at, user_data);
}

/* Paused --------------------------------------------------------------------- */

static void
pause_reminders (CobaltReminderService *self,
                 const GError          *error)
{
  g_autofree char *body = NULL;
  g_autoptr(CobaltNotification) notification = NULL;
  g_autoptr(GError) show_error = NULL;
  gboolean was_paused = self->pause_error != NULL;

  /* Reopen from scratch next time: the file may be replaced meanwhile. */
  close_database (self);

  if (!was_paused || self->pause_error->domain != error->domain ||
      self->pause_error->code != error->code)
    {
      g_message ("Reminders are paused: %s (%s)", error->message, self->db_path);
      g_clear_error (&self->pause_error);
      self->pause_error = g_error_copy (error);
      if (!was_paused)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
    }

  /* One notification per pause, even when the reason changes; tried
   * again on each retry until a notification server takes it. */
  if (self->paused_notice_shown)
    return;

  body = cobalt_reminder_text_paused_body (error, self->db_path);
  notification = cobalt_notification_new (_("Reminders are paused"), body);
  cobalt_notification_set_icon_name (notification, APPLICATION_ID);
  cobalt_notification_set_category (notification, "x-cobalt.paused");
  cobalt_notification_set_urgency (notification, COBALT_NOTIFICATION_URGENCY_CRITICAL);
  cobalt_notification_set_persistent (notification, TRUE);
  cobalt_notification_set_has_default_action (notification, TRUE);

  self->paused_notification_id = cobalt_notifier_show (self->notifier, notification, &show_error);
  if (self->paused_notification_id != 0)
    self->paused_notice_shown = TRUE;
  else
    g_message ("Could not show that reminders are paused: %s", show_error->message);
}

static void
resume_reminders (CobaltReminderService *self)
{
  if (self->pause_error == NULL)
    return;

  g_message ("Reminders are running again (%s)", self->db_path);
  g_clear_error (&self->pause_error);
  self->paused_notice_shown = FALSE;

  if (self->paused_notification_id != 0)
    {
      guint id = self->paused_notification_id;

      self->paused_notification_id = 0;
      cobalt_notifier_close (self->notifier, id);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* Showing and withdrawing -------------------------------------------------- */

static void
forget_open (CobaltReminderService *self,
             OpenReminder          *open)
{
  g_hash_table_remove (self->open_by_id, GUINT_TO_POINTER (open->id));
  g_hash_table_remove (self->open_by_key, open->key);
}

static void
withdraw (CobaltReminderService *self,
          OpenReminder          *open)
{
  guint id = open->id;

  g_message ("Withdrawing reminder %s", open->key);
  forget_open (self, open);
  cobalt_notifier_close (self->notifier, id);
}

/* @item is on screen as notification @id. */
static void
track_open (CobaltReminderService    *self,
            const CobaltReminderItem *item,
            const char               *key,
            guint                     id)
{
  OpenReminder *open = g_new0 (OpenReminder, 1);

  open->key = g_strdup (key);
  open->id = id;
  open->item = cobalt_reminder_item_copy (item);
  g_hash_table_replace (self->open_by_key, open->key, open);
  g_hash_table_replace (self->open_by_id, GUINT_TO_POINTER (id), open);
}

/* Claims @item and shows it. FALSE with @error only for database errors;
 * a missing notification server gives the claim back and asks for a
 * retry in @retry. */
static gboolean
claim_and_show (CobaltReminderService  *self,
                CobaltReminderItem     *item,
                const char             *key,
                GDateTime              *now,
                gboolean               *retry,
                GError                **error)
{
  g_autoptr(CobaltNotification) notification = NULL;
  g_autoptr(GError) show_error = NULL;
  g_autoptr(GError) unclaim_error = NULL;
  g_autoptr(GError) confirm_error = NULL;
  gboolean claimed = FALSE;
  gboolean confirmed = FALSE;
  guint id;

  if (!cobalt_repository_claim_reminder (self->repository, item->person_id, item->kind,
                                         item->due_at, now, &claimed, error))
    return FALSE;

  if (!claimed)
    {
      g_debug ("Reminder %s was already shown elsewhere", key);
      return TRUE;
    }

  /* "Showing" is committed: from here a crash means "show it again". */
  notification = cobalt_reminder_item_to_notification (item);
  id = cobalt_notifier_show (self->notifier, notification, &show_error);
  if (id == 0)
    {
      g_message ("Could not show reminder %s: %s", key, show_error->message);
      if (!cobalt_repository_release_reminder (self->repository, item->person_id, item->kind,
                                               item->due_at, &unclaim_error))
        g_message ("Could not give back reminder %s: %s", key, unclaim_error->message);
      *retry = TRUE;
      return TRUE;
    }

  g_message ("Showing reminder %s: %s", key, item->summary);

  /* The server answered: now it is "shown". Should this fail, the row
   * stays "showing" and the next start shows it once more; this run
   * keeps it on screen and does not claim it again. */
  if (!cobalt_repository_confirm_reminder_shown (self->repository, item->person_id, item->kind,
                                                 item->due_at, &confirmed, &confirm_error))
    g_message ("Could not record reminder %s as shown: %s", key, confirm_error->message);
  else if (!confirmed)
    g_debug ("Reminder %s was given back while it was being shown", key);

  track_open (self, item, key, id);

  return TRUE;
}

static gboolean
run_evaluation (CobaltReminderService  *self,
                GError                **error)
{
  g_autoptr(GDateTime) now = service_get_now (self);
  g_autoptr(GPtrArray) subjects = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) wakeup = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  CobaltReminderSettings settings;
  GHashTableIter iter;
  gpointer value;
  gboolean retry = FALSE;

  if (!ensure_database (self, error))
    return FALSE;

  cobalt_reminder_data_load_settings (self->settings, &settings);

  subjects = cobalt_reminder_data_load_subjects (self->repository, error);
  if (subjects == NULL)
    return FALSE;

  items = cobalt_reminder_planner_plan (subjects, now, &settings, lookup_state_cb, self,
                                        &wakeup, error);
  if (items == NULL)
    return FALSE;

  resume_reminders (self);

  current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      CobaltReminderItem *item = g_ptr_array_index (items, i);
      char *key = cobalt_reminder_item_dup_key (item);

      g_hash_table_add (current, key);

      if (!item->needs_show || g_hash_table_contains (self->open_by_key, key))
        continue;

      if (!claim_and_show (self, item, key, now, &retry, error))
        return FALSE;
    }

  /* A dose logged, a prescription changed or a day passed: reminders
   * that are no longer current leave the screen. */
  stale = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->open_by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      OpenReminder *open = value;

      if (!g_hash_table_contains (current, open->key))
        g_ptr_array_add (stale, open);
    }
  for (guint i = 0; i < stale->len; i++)
    withdraw (self, g_ptr_array_index (stale, i));

  if (retry)
    {
      g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, COBALT_REMINDER_MAX_SLEEP_SECONDS);

      if (wakeup == NULL || g_date_time_compare (soon, wakeup) < 0)
        {
          g_clear_pointer (&wakeup, g_date_time_unref);
          wakeup = g_steal_pointer (&soon);
        }
    }

  g_clear_pointer (&self->next_wakeup, g_date_time_unref);
  self->next_wakeup = g_steal_pointer (&wakeup);

  if (self->next_wakeup != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (self->next_wakeup);

      g_debug ("Next reminder check at %s", text);
    }

  return TRUE;
}

/* Callbacks ----------------------------------------------------------------- */

static void
evaluate_and_report (CobaltReminderService *self)
{
  g_autoptr(GError) error = NULL;

  cobalt_reminder_service_evaluate (self, &error);
}

/* Opening the window ------------------------------------------------------ */

typedef struct
{
  CobaltReminderService *self;        /* not owned: dispose cancels first */
  CobaltReminderItem    *item;        /* NULL: the "paused" notification */
  gboolean               checklist;
  GDateTime             *clicked_at;
} LaunchRequest;

static void
launch_request_free (LaunchRequest *request)
{
  g_clear_pointer (&request->item, cobalt_reminder_item_free);
  g_clear_pointer (&request->clicked_at, g_date_time_unref);
  g_free (request);
}

/* The window did not open: say why, on the reminder itself when there is
 * one, shown again with its buttons so that the person can try again or
 * snooze. Its stored state is left alone: it is not dealt with. */
static void
show_launch_failure (CobaltReminderService    *self,
                     const CobaltReminderItem *item,
                     const GError             *error)
{
  g_autoptr(CobaltNotification) notification = NULL;
  g_autoptr(GError) show_error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *key = NULL;
  guint id;

  /* Translators: %s says why, for example "the program /usr/bin/cobalt
   * is missing" */
  why = g_strdup_printf (_("Cobalt could not be opened: %s."), error->message);

  if (item != NULL)
    {
      g_autofree char *body = NULL;
      g_autofree char *body_without_actions = NULL;
      OpenReminder *open;

      key = cobalt_reminder_item_dup_key (item);
      open = g_hash_table_lookup (self->open_by_key, key);
      if (open != NULL)
        withdraw (self, open);

      notification = cobalt_reminder_item_to_notification (item);
      body = g_strdup_printf ("%s\n\n%s", why, cobalt_notification_get_body (notification));
      body_without_actions = g_strdup_printf ("%s\n\n%s", why,
                                              cobalt_notification_get_body_without_actions (notification));
      cobalt_notification_set_body (notification, body);
      cobalt_notification_set_body_without_actions (notification, body_without_actions);
    }
  else
    {
      notification = cobalt_notification_new (_("Cobalt could not be opened"), why);
      cobalt_notification_set_icon_name (notification, APPLICATION_ID);
      cobalt_notification_set_category (notification, "x-cobalt.error");
      cobalt_notification_set_has_default_action (notification, TRUE);
    }

  id = cobalt_notifier_show (self->notifier, notification, &show_error);
  if (id == 0)
    g_message ("Could not show that Cobalt could not be opened: %s", show_error->message);
  else if (item != NULL)
    track_open (self, item, key, id);
}

static void
on_window_launched_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  LaunchRequest *request = user_data;
  CobaltReminderService *self = request->self;
  g_autoptr(GError) error = NULL;

  if (!cobalt_window_launch_finish (result, &error))
    {
      /* The service is going away: nothing to show it on. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          launch_request_free (request);
          return;
        }

      g_message ("Cobalt could not be opened: %s", error->message);
      show_launch_failure (self, request->item, error);
    }
  else if (request->checklist)
    {
      CobaltReminderItem *item = request->item;
      g_autoptr(GError) edit_error = NULL;

      /* Dealt with once the checklist is on screen, not before. */
      if (!edit_state (self, item->person_id, item->kind, item->due_at, edit_acted,
                       request->clicked_at, &edit_error))
        {
          g_message ("Could not record “checklist” for reminder: %s", edit_error->message);
          pause_reminders (self, edit_error);
        }
    }

  self->n_launching--;
  launch_request_free (request);
  evaluate_and_report (self);
}

/* Opens Cobalt's window (on @item's person, at the checklist when
 * @checklist); @item is marked as dealt with, or shown again with the
 * reason, once it is known whether the window opened. */
static void
launch_window (CobaltReminderService    *self,
               const CobaltReminderItem *item,
               gboolean                  checklist,
               GDateTime                *now)
{
  LaunchRequest *request = g_new0 (LaunchRequest, 1);

  request->self = self;
  request->item = item != NULL ? cobalt_reminder_item_copy (item) : NULL;
  request->checklist = checklist && item != NULL;
  request->clicked_at = g_date_time_ref (now);
  self->n_launching++;

  cobalt_window_launch_async (item != NULL ? item->person_name : NULL, checklist,
                              self->pass_data_dir ? self->data_dir : NULL,
                              self->launch_cancellable, on_window_launched_cb, request);
}

static void
on_notifier_action_invoked_cb (CobaltNotifier        *notifier,
                               guint                  id,
                               const char            *action_id,
                               CobaltReminderService *self)
{
  g_autoptr(GDateTime) now = service_get_now (self);
  g_autoptr(CobaltReminderItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) until = NULL;
  OpenReminder *open;
  gboolean ok = TRUE;

  open = g_hash_table_lookup (self->open_by_id, GUINT_TO_POINTER (id));
  if (open == NULL)
    {
      /* The "paused" notification, or one of an earlier run. */
      if (g_strcmp0 (action_id, COBALT_NOTIFICATION_DEFAULT_ACTION) == 0)
        launch_window (self, NULL, FALSE, now);
      return;
    }

  item = cobalt_reminder_item_copy (open->item);
  g_message ("Reminder %s: %s", open->key, action_id);
  forget_open (self, open);
  cobalt_notifier_close (self->notifier, id);

  if (g_strcmp0 (action_id, COBALT_REMINDER_ACTION_ID_CHECKLIST) == 0)
    launch_window (self, item, TRUE, now);
  else if (g_strcmp0 (action_id, COBALT_REMINDER_ACTION_ID_SNOOZE_HOUR) == 0)
    {
      until = g_date_time_add_hours (now, 1);
      ok = edit_state (self, item->person_id, item->kind, item->due_at, edit_snooze, until, &error);
    }
  else if (g_strcmp0 (action_id, COBALT_REMINDER_ACTION_ID_SNOOZE_TOMORROW) == 0)
    {
      until = item->tomorrow_at != NULL ? g_date_time_ref (item->tomorrow_at)
                                        : g_date_time_add_days (now, 1);
      ok = edit_state (self, item->person_id, item->kind, item->due_at, edit_snooze, until, &error);
    }
  else
    launch_window (self, item, FALSE, now);

  if (!ok)
    {
      g_message ("Could not record “%s” for reminder: %s", action_id, error->message);
      pause_reminders (self, error);
    }

  evaluate_and_report (self);
}

static void
on_notifier_closed_cb (CobaltNotifier        *notifier,
                       guint                  id,
                       gboolean               by_user,
                       CobaltReminderService *self)
{
  OpenReminder *open;

  if (id == self->paused_notification_id)
    {
      self->paused_notification_id = 0;
      return;
    }

  /* Dismissed: it was shown, and stays shown; nothing to store. */
  open = g_hash_table_lookup (self->open_by_id, GUINT_TO_POINTER (id));
  if (open != NULL)
    forget_open (self, open);
}

static gboolean
on_tick_cb (gpointer user_data)
{
  CobaltReminderService *self = user_data;
  g_autoptr(GDateTime) now = service_get_now (self);
  gint64 now_us = datetime_to_usec (now);
  gboolean backwards = now_us + G_USEC_PER_SEC < self->last_look_us;

  self->tick_id = 0;

  if (self->pause_error != NULL ||
      backwards ||
      (self->next_wakeup != NULL && g_date_time_compare (now, self->next_wakeup) >= 0))
    {
      if (backwards)
        g_debug ("The wall clock went backwards");
      evaluate_and_report (self);
    }
  else
    {
      self->last_look_us = now_us;
      schedule_tick (self);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
on_data_check_cb (gpointer user_data)
{
  CobaltReminderService *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 version;

  self->data_check_id = 0;

  if (self->repository == NULL)
    {
      evaluate_and_report (self);
      return G_SOURCE_REMOVE;
    }

  version = cobalt_repository_get_data_version (self->repository, &error);
  if (error != NULL)
    {
      pause_reminders (self, error);
      schedule_tick (self);
      return G_SOURCE_REMOVE;
    }

  /* Our own writes do not change data_version: only another process's. */
  if (version != self->data_version)
    {
      g_debug ("cobalt.db changed (data_version %" G_GINT64_FORMAT ")", version);
      self->data_version = version;
      evaluate_and_report (self);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
on_own_change_cb (gpointer user_data)
{
  CobaltReminderService *self = user_data;

  self->own_change_id = 0;
  evaluate_and_report (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_file_changed_cb (GFileMonitor          *monitor,
                       GFile                 *file,
                       GFile                 *other_file,
                       GFileMonitorEvent      event,
                       CobaltReminderService *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Replaced (a backup restored, a file moved aside): our connection
       * still points at the old file. */
      g_debug ("cobalt.db was replaced or removed");
      close_database (self);
      G_GNUC_FALLTHROUGH;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
      if (self->data_check_id == 0)
        self->data_check_id = g_timeout_add (DATA_CHANGE_DELAY_MS, on_data_check_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
on_time_changed_cb (CobaltTimeWatch       *watch,
                    const char            *reason,
                    CobaltReminderService *self)
{
  g_message ("Checking reminders again (%s)", reason);

  /* $TZ, when set, wins over the system's zone, as everywhere else. */
  if (g_str_equal (reason, "timezone") && g_getenv ("TZ") == NULL)
    {
      g_clear_pointer (&self->zone, g_time_zone_unref);
      self->zone = cobalt_time_watch_dup_zone (watch);
      if (self->zone != NULL)
        g_message ("Time zone is now %s", g_time_zone_get_identifier (self->zone));
    }

  evaluate_and_report (self);
}

static void
on_settings_changed_cb (GSettings             *settings,
                        const char            *key,
                        CobaltReminderService *self)
{
  if (g_strcmp0 (key, COBALT_SETTINGS_KEY_DAY_BEFORE) == 0 ||
      g_strcmp0 (key, COBALT_SETTINGS_KEY_LEAD_DAYS) == 0)
    evaluate_and_report (self);
}

static void
on_clock_changed_cb (CobaltClock           *clock,
                     CobaltReminderService *self)
{
  evaluate_and_report (self);
}

/* Timer ------------------------------------------------------------------------ */

static void
schedule_tick (CobaltReminderService *self)
{
  guint delay = COBALT_REMINDER_MAX_SLEEP_SECONDS;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (!self->started)
    return;

  if (self->next_wakeup != NULL && self->pause_error == NULL)
    {
      g_autoptr(GDateTime) now = service_get_now (self);
      GTimeSpan span = g_date_time_difference (self->next_wakeup, now);

      /* Round up so the look happens at or after the instant. */
      if (span <= 0)
        delay = 1;
      else if (span < (GTimeSpan) COBALT_REMINDER_MAX_SLEEP_SECONDS * G_USEC_PER_SEC)
        delay = MAX (1, (guint) ((span + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
    }

  self->tick_id = g_timeout_add_seconds (delay, on_tick_cb, self);
  g_source_set_name_by_id (self->tick_id, "[cobalt] reminder tick");
}

/* GObject -------------------------------------------------------------------- */

static void
cobalt_reminder_service_constructed (GObject *object)
{
  CobaltReminderService *self = (CobaltReminderService *)object;

  G_OBJECT_CLASS (cobalt_reminder_service_parent_class)->constructed (object);

  g_assert (self->data_dir != NULL);
  g_assert (COBALT_IS_CLOCK (self->clock));
  g_assert (COBALT_IS_NOTIFIER (self->notifier));

  self->db_path = g_build_filename (self->data_dir, COBALT_REPOSITORY_FILENAME, NULL);
  self->settings = cobalt_reminder_data_settings_new ();

  g_signal_connect_object (self->notifier, "action-invoked",
                           G_CALLBACK (on_notifier_action_invoked_cb), self, 0);
  g_signal_connect_object (self->notifier, "closed",
                           G_CALLBACK (on_notifier_closed_cb), self, 0);
}

static void
cobalt_reminder_service_dispose (GObject *object)
{
  CobaltReminderService *self = (CobaltReminderService *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->data_check_id, g_source_remove);
  g_clear_handle_id (&self->own_change_id, g_source_remove);

  /* The windows being opened stay open; only the watching stops. */
  g_cancellable_cancel (self->launch_cancellable);
  g_clear_object (&self->launch_cancellable);

  if (self->db_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->db_monitor, self);
      g_file_monitor_cancel (self->db_monitor);
      g_clear_object (&self->db_monitor);
    }
  if (self->time_watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->time_watch, self);
      g_clear_object (&self->time_watch);
    }

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  close_database (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cobalt_reminder_service_parent_class)->dispose (object);
}

static void
cobalt_reminder_service_finalize (GObject *object)
{
  CobaltReminderService *self = (CobaltReminderService *)object;

  g_clear_pointer (&self->open_by_id, g_hash_table_unref);
  g_clear_pointer (&self->open_by_key, g_hash_table_unref);
  g_clear_pointer (&self->next_wakeup, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_error (&self->pause_error);
  g_free (self->data_dir);
  g_free (self->db_path);

  G_OBJECT_CLASS (cobalt_reminder_service_parent_class)->finalize (object);
}

static void
cobalt_reminder_service_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CobaltReminderService *self = COBALT_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_PASS_DATA_DIR:
      g_value_set_boolean (value, self->pass_data_dir);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, self->pause_error != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_service_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CobaltReminderService *self = COBALT_REMINDER_SERVICE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    case PROP_PASS_DATA_DIR:
      self->pass_data_dir = g_value_get_boolean (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_NOTIFIER:
      self->notifier = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_service_class_init (CobaltReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cobalt_reminder_service_constructed;
  object_class->dispose = cobalt_reminder_service_dispose;
  object_class->finalize = cobalt_reminder_service_finalize;
  object_class->get_property = cobalt_reminder_service_get_property;
  object_class->set_property = cobalt_reminder_service_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASS_DATA_DIR] =
    g_param_spec_boolean ("pass-data-dir", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, COBALT_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, NULL, COBALT_TYPE_NOTIFIER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltReminderService::evaluated:
   *
   * An evaluation finished (successfully or into the paused state).
   */
  signals[EVALUATED] =
    g_signal_new ("evaluated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cobalt_reminder_service_init (CobaltReminderService *self)
{
  self->open_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) open_reminder_free);
  self->open_by_id = g_hash_table_new (NULL, NULL);
  self->launch_cancellable = g_cancellable_new ();
}

/* Public API --------------------------------------------------------------------- */

CobaltReminderService *
cobalt_reminder_service_new (const char     *data_dir,
                             gboolean        pass_data_dir,
                             CobaltClock    *clock,
                             CobaltNotifier *notifier)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (COBALT_IS_NOTIFIER (notifier), NULL);

  return g_object_new (COBALT_TYPE_REMINDER_SERVICE,
                       "data-dir", data_dir,
                       "pass-data-dir", pass_data_dir,
                       "clock", clock,
                       "notifier", notifier,
                       NULL);
}

void
cobalt_reminder_service_start (CobaltReminderService *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (COBALT_IS_REMINDER_SERVICE (self));

  if (self->started)
    return;

  self->started = TRUE;

  /* Watches the name, not the inode: GLib's inotify backend follows the
   * file being created, replaced or deleted (even a missing folder). */
  file = g_file_new_for_path (self->db_path);
  self->db_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->db_monitor != NULL)
    g_signal_connect (self->db_monitor, "changed", G_CALLBACK (on_db_file_changed_cb), self);
  else
    g_message ("Not watching %s for changes: %s", self->db_path, error->message);

  if (self->settings != NULL)
    g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);

  /* A test's clock is moved by hand; the real one by the system. */
  g_signal_connect_object (self->clock, "changed",
                           G_CALLBACK (on_clock_changed_cb), self, 0);
  if (!cobalt_clock_is_fixed (self->clock))
    {
      self->time_watch = cobalt_time_watch_new ();
      g_signal_connect (self->time_watch, "changed", G_CALLBACK (on_time_changed_cb), self);
    }

  evaluate_and_report (self);
}

gboolean
cobalt_reminder_service_evaluate (CobaltReminderService  *self,
                                  GError                **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_object_ref (self);

  self->n_evaluations++;
  ok = run_evaluation (self, &local_error);
  if (!ok)
    pause_reminders (self, local_error);

  now = service_get_now (self);
  self->last_look_us = datetime_to_usec (now);
  schedule_tick (self);

  g_signal_emit (self, signals[EVALUATED], 0);
  g_object_unref (self);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
cobalt_reminder_service_get_paused (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), FALSE);

  return self->pause_error != NULL;
}

GDateTime *
cobalt_reminder_service_get_next_wakeup (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), NULL);

  return self->next_wakeup;
}

guint
cobalt_reminder_service_get_n_open (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), 0);

  return g_hash_table_size (self->open_by_key);
}

guint
cobalt_reminder_service_get_n_launching (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), 0);

  return self->n_launching;
}

guint
cobalt_reminder_service_get_n_evaluations (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), 0);

  return self->n_evaluations;
}

CobaltRepository *
cobalt_reminder_service_get_repository (CobaltReminderService *self)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_SERVICE (self), NULL);

  return self->repository;
}
