/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder service on a real data file with a fixed clock and the
 * recording notifier: exactly once across connections and restarts,
 * snooze, the checklist button, withdrawal when a dose is logged, and a
 * data file that cannot be used. Opening the window: the cobalt of the
 * same build, and a launch that fails leaves the reminder pending and
 * says why. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cobalt-notifier-fake.h"
#include "cobalt-repository-private.h"
#include "cobalt-repository.h"
#include "cobalt-reminder-planner.h"
#include "cobalt-reminder-service.h"
#include "cobalt-window-launch.h"
#include "reminder-test-data.h"

typedef struct
{
  char             *dir;
  GTimeZone        *tz;
  GDateTime        *due;
  CobaltClock      *clock;
  CobaltDatabase   *database;   /* the "window"'s connection */
  CobaltRepository *repository;
  CobaltPerson     *person;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;

  f->dir = g_dir_make_tmp ("cobalt-reminder-XXXXXX", &error);
  g_assert_no_error (error);

  f->tz = g_time_zone_new_identifier ("Europe/London");
  f->due = g_date_time_new (f->tz, 2024, 6, 10, 9, 0, 0);
  start = g_date_time_add_minutes (f->due, -30);
  f->clock = cobalt_clock_new_fixed (start);

  f->database = cobalt_database_open (f->dir, &error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->person = reminder_test_create_person (f->repository, "Alex", f->due, 60, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->person);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->due, g_date_time_unref);
  g_clear_pointer (&f->tz, g_time_zone_unref);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_now (Fixture *f,
         int      minutes_after_due)
{
  g_autoptr(GDateTime) now = g_date_time_add_minutes (f->due, minutes_after_due);

  /* Emits ::changed, which makes started services look again; the tests
   * below call evaluate() themselves on services they did not start. */
  cobalt_clock_set_now (f->clock, now);
}

static CobaltReminderService *
new_service (Fixture             *f,
             CobaltNotifierFake **notifier_out)
{
  g_autoptr(CobaltNotifierFake) notifier = cobalt_notifier_fake_new ();
  CobaltReminderService *service;

  service = cobalt_reminder_service_new (f->dir, TRUE, f->clock, COBALT_NOTIFIER (notifier));
  *notifier_out = g_steal_pointer (&notifier);
  return service;
}

static void
evaluate (CobaltReminderService *service)
{
  g_autoptr(GError) error = NULL;

  cobalt_reminder_service_evaluate (service, &error);
  g_assert_no_error (error);
}

static void
test_exactly_once (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL, nb = NULL, nc = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(CobaltReminderService) b = new_service (f, &nb);
  g_autoptr(CobaltReminderService) c = NULL;
  const CobaltNotification *shown;

  /* Before the due time nothing, from it on exactly one, whichever of
   * the two processes looks first. */
  evaluate (a);
  evaluate (b);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 0);
  g_assert_nonnull (cobalt_reminder_service_get_next_wakeup (a));
  g_assert_true (g_date_time_equal (cobalt_reminder_service_get_next_wakeup (a), f->due));

  set_now (f, 0);
  evaluate (b);
  evaluate (a);
  evaluate (b);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na) + cobalt_notifier_fake_get_n_shown (nb), ==, 1);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (nb), ==, 1);

  shown = cobalt_notifier_fake_get_shown (nb, 0);
  g_assert_nonnull (strstr (cobalt_notification_get_summary (shown), "Alex"));
  g_assert_nonnull (strstr (cobalt_notification_get_body (shown), "hydroxocobalamin"));
  g_assert_true (cobalt_notification_has_action (shown, "checklist"));
  g_assert_true (cobalt_notification_has_action (shown, "snooze-hour"));
  g_assert_true (cobalt_notification_has_action (shown, "snooze-tomorrow"));
  g_assert_true (cobalt_notification_get_has_default_action (shown));

  /* A restart: a new process with a new connection shows nothing. */
  c = new_service (f, &nc);
  set_now (f, 5);
  evaluate (c);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (nc), ==, 0);

  /* The clock goes back an hour and forward again: still nothing new. */
  set_now (f, -60);
  evaluate (a);
  evaluate (c);
  set_now (f, 1);
  evaluate (a);
  evaluate (b);
  evaluate (c);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na) + cobalt_notifier_fake_get_n_shown (nb) +
                    cobalt_notifier_fake_get_n_shown (nc), ==, 1);
}

/* Issue 15: cobalt-reminder killed after it claimed a reminder and before
 * the notification server answered. The claim was committed ("showing"),
 * so a restart must show the reminder: once, not never. */
static void
test_crash_between_claim_and_show (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL, nb = NULL;
  g_autoptr(CobaltReminderService) a = NULL;
  g_autoptr(CobaltReminderService) b = NULL;
  g_autoptr(CobaltReminderState) state = NULL;
  g_autoptr(GError) error = NULL;
  gboolean claimed = FALSE;

  set_now (f, 0);

  /* What the dead process had committed: its claim, then nothing. */
  g_assert_true (cobalt_repository_claim_reminder (f->repository, f->person->id, COBALT_REMINDER_DUE,
                                                   f->due, f->due, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);

  /* The restart shows it, exactly once, and records it as shown. */
  set_now (f, 2);
  a = new_service (f, &na);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  g_assert_nonnull (strstr (cobalt_notification_get_summary (cobalt_notifier_fake_get_shown (na, 0)), "Alex"));
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);

  state = cobalt_repository_get_reminder_state (f->repository, f->person->id, COBALT_REMINDER_DUE,
                                                f->due, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_null (state->showing_at);
  g_assert_nonnull (state->shown_at);

  /* And a later restart does not show it again. */
  set_now (f, 5);
  b = new_service (f, &nb);
  evaluate (b);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (nb), ==, 0);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
}

typedef struct
{
  const char *dir;
  GDateTime  *due;
  guint       claimed;
} ClaimRace;

static gpointer
claim_thread (gpointer data)
{
  ClaimRace *race = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_open (race->dir, &error);
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;

  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  people = cobalt_repository_list_people (repository, FALSE, &error);
  g_assert_no_error (error);
  person = g_list_model_get_item (people, 0);

  for (int i = 0; i < 40; i++)
    {
      g_autoptr(GDateTime) due_at = g_date_time_add_days (race->due, i);
      gboolean claimed = FALSE;

      g_assert_true (cobalt_repository_claim_reminder (repository, person->id,
                                                       COBALT_REMINDER_OVERDUE, due_at, due_at,
                                                       &claimed, &error));
      g_assert_no_error (error);
      if (claimed)
        race->claimed++;
    }

  return NULL;
}

/* Two connections claiming the same reminders at the same time: each
 * one is won exactly once. */
static void
test_claim_race (Fixture       *f,
                 gconstpointer  data)
{
  ClaimRace r1 = { f->dir, f->due, 0 };
  ClaimRace r2 = { f->dir, f->due, 0 };
  GThread *t1, *t2;

  t1 = g_thread_new ("claim-1", claim_thread, &r1);
  t2 = g_thread_new ("claim-2", claim_thread, &r2);
  g_thread_join (t1);
  g_thread_join (t2);

  g_assert_cmpuint (r1.claimed + r2.claimed, ==, 40);
}

static void
test_snooze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL, nb = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(CobaltReminderService) b = new_service (f, &nb);
  g_autoptr(GDateTime) expected_wakeup = NULL;
  guint id;

  set_now (f, 0);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  id = cobalt_notifier_fake_get_shown_id (na, 0);

  set_now (f, 10);
  cobalt_notifier_fake_invoke (na, id, "snooze-hour");
  g_assert_false (cobalt_notifier_fake_is_open (na, id));
  expected_wakeup = g_date_time_add_minutes (f->due, 70);
  g_assert_nonnull (cobalt_reminder_service_get_next_wakeup (a));
  g_assert_true (g_date_time_equal (cobalt_reminder_service_get_next_wakeup (a), expected_wakeup));

  set_now (f, 69);
  evaluate (a);
  evaluate (b);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na) + cobalt_notifier_fake_get_n_shown (nb), ==, 1);

  /* The snooze ends: back once, in either process. */
  set_now (f, 70);
  evaluate (b);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na) + cobalt_notifier_fake_get_n_shown (nb), ==, 2);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (nb), ==, 1);

  set_now (f, 80);
  evaluate (a);
  evaluate (b);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na) + cobalt_notifier_fake_get_n_shown (nb), ==, 2);
}

static gboolean
file_has_contents (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static char *
wait_for_file (const char *path)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *contents = NULL;

  while (!file_has_contents ((gpointer) path) && g_get_monotonic_time () < end)
    g_usleep (20000);

  /* The stub writes, then renames: complete once it exists. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Runs the main loop until @service knows whether the windows it asked
 * for opened (a launch is watched for COBALT_WINDOW_LAUNCH_GRACE_MS). */
static void
wait_for_launches (CobaltReminderService *service)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (cobalt_reminder_service_get_n_launching (service) > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cobalt_reminder_service_get_n_launching (service), ==, 0);
}

/* When the person acted on the reminder due at f->due, or NULL. */
static GDateTime *
dup_acted_at (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltReminderState) state = NULL;

  state = cobalt_repository_get_reminder_state (f->repository, f->person->id, COBALT_REMINDER_DUE,
                                                f->due, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state->acted_at != NULL ? g_date_time_ref (state->acted_at) : NULL;
}

static void
test_checklist_action (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autofree char *out = g_build_filename (f->dir, "launched", NULL);
  g_autofree char *command = NULL;
  g_autofree char *args = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) acted_at = NULL;
  guint id;

  command = g_strdup_printf ("/bin/sh -c 'printf \"%%s\\n\" \"$@\" > \"%s.tmp\" && mv \"%s.tmp\" \"%s\"' stub",
                             out, out, out);
  g_setenv (COBALT_REMINDER_LAUNCH_CMD_ENV, command, TRUE);

  set_now (f, 0);
  evaluate (a);
  id = cobalt_notifier_fake_get_shown_id (na, 0);
  cobalt_notifier_fake_invoke (na, id, "checklist");
  g_unsetenv (COBALT_REMINDER_LAUNCH_CMD_ENV);

  args = wait_for_file (out);
  expected = g_strdup_printf ("--checklist\n--person\nAlex\n--data-dir\n%s\n", f->dir);
  g_assert_cmpstr (args, ==, expected);
  g_assert_false (cobalt_notifier_fake_is_open (na, id));

  /* The window opened (the stub ended with status 0): dealt with. */
  wait_for_launches (a);
  acted_at = dup_acted_at (f);
  g_assert_nonnull (acted_at);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);

  /* Acted on: never shown again for this due time, even after a snooze
   * would have run out. */
  set_now (f, 200);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
}

/* "Start checklist" when cobalt cannot start: the reminder comes back at
 * once saying why, with its buttons, and is not marked as dealt with; the
 * same for a click on it and for a cobalt that is not there; once the
 * window opens, it is dealt with. */
static void
test_launch_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(GDateTime) acted_at = NULL;
  const CobaltNotification *shown;
  guint id;

  set_now (f, 0);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  id = cobalt_notifier_fake_get_shown_id (na, 0);

  /* cobalt ends at once with an error (no display, say). */
  g_setenv (COBALT_REMINDER_LAUNCH_CMD_ENV, "/bin/sh -c 'exit 3'", TRUE);
  cobalt_notifier_fake_invoke (na, id, "checklist");
  wait_for_launches (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 2);
  shown = cobalt_notifier_fake_get_shown (na, 1);
  g_assert_true (g_str_has_prefix (cobalt_notification_get_body (shown),
                                   "Cobalt could not be opened: it closed as soon as it started "
                                   "(exit status 3).\n\n"));
  g_assert_true (g_str_has_prefix (cobalt_notification_get_body_without_actions (shown),
                                   "Cobalt could not be opened: "));
  g_assert_cmpstr (cobalt_notification_get_summary (shown), ==,
                   cobalt_notification_get_summary (cobalt_notifier_fake_get_shown (na, 0)));
  g_assert_true (cobalt_notification_has_action (shown, "checklist"));
  id = cobalt_notifier_fake_get_shown_id (na, 1);
  g_assert_true (cobalt_notifier_fake_is_open (na, id));
  g_assert_cmpuint (cobalt_reminder_service_get_n_open (a), ==, 1);
  g_assert_null (dup_acted_at (f));

  /* A click on it, and no cobalt at all. */
  g_setenv (COBALT_REMINDER_LAUNCH_CMD_ENV, "/nonexistent/cobalt", TRUE);
  cobalt_notifier_fake_invoke (na, id, COBALT_NOTIFICATION_DEFAULT_ACTION);
  wait_for_launches (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 3);
  shown = cobalt_notifier_fake_get_shown (na, 2);
  g_assert_true (g_str_has_prefix (cobalt_notification_get_body (shown),
                                   "Cobalt could not be opened: the program /nonexistent/cobalt "
                                   "is missing.\n\n"));
  id = cobalt_notifier_fake_get_shown_id (na, 2);
  g_assert_true (cobalt_notifier_fake_is_open (na, id));
  g_assert_null (dup_acted_at (f));

  /* Later evaluations keep it on screen, and show it no more times. */
  set_now (f, 5);
  evaluate (a);
  g_assert_true (cobalt_notifier_fake_is_open (na, id));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 3);

  /* It works this time: dealt with, never shown again. */
  g_setenv (COBALT_REMINDER_LAUNCH_CMD_ENV, "/bin/sh -c 'exit 0'", TRUE);
  cobalt_notifier_fake_invoke (na, id, "checklist");
  g_unsetenv (COBALT_REMINDER_LAUNCH_CMD_ENV);
  wait_for_launches (a);
  acted_at = dup_acted_at (f);
  g_assert_nonnull (acted_at);
  g_assert_cmpuint (cobalt_reminder_service_get_n_open (a), ==, 0);
  set_now (f, 200);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 3);
}

/* A click on a notification that is no reminder (the "paused" one, or one
 * of an earlier run) when cobalt cannot start: a notification says why. */
static void
test_launch_failure_without_reminder (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  const CobaltNotification *shown;

  g_setenv (COBALT_REMINDER_LAUNCH_CMD_ENV, "/bin/sh -c 'kill -9 $$'", TRUE);
  cobalt_notifier_fake_invoke (na, 4242, COBALT_NOTIFICATION_DEFAULT_ACTION);
  g_unsetenv (COBALT_REMINDER_LAUNCH_CMD_ENV);
  wait_for_launches (a);

  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  shown = cobalt_notifier_fake_get_shown (na, 0);
  g_assert_cmpstr (cobalt_notification_get_summary (shown), ==, "Cobalt could not be opened");
  g_assert_cmpstr (cobalt_notification_get_body (shown), ==,
                   "Cobalt could not be opened: it stopped as soon as it started.");
  g_assert_true (cobalt_notification_get_has_default_action (shown));
}

/* Which cobalt a button opens: the build tree's from the build tree's
 * cobalt-reminder (even through a symbolic link), else the installed one
 * in BINDIR; never whichever `cobalt` comes first on PATH. */
static void
test_launch_program (void)
{
  const char *build_dir = g_getenv ("COBALT_BUILD_DIR");
  g_autofree char *build_reminder = NULL;
  g_autofree char *build_cobalt = NULL;
  g_autofree char *installed = g_build_filename (BINDIR, "cobalt", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *link_dir = NULL;
  g_autofree char *link = NULL;
  g_autofree char *program = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (build_dir);
  build_reminder = g_build_filename (build_dir, "src", "reminder", "cobalt-reminder", NULL);
  build_cobalt = g_build_filename (build_dir, "src", "cobalt", NULL);
  g_assert_true (g_file_test (build_reminder, G_FILE_TEST_IS_EXECUTABLE));

  program = cobalt_window_launch_find_program (build_reminder);
  g_assert_cmpstr (program, ==, build_cobalt);
  g_assert_true (g_file_test (program, G_FILE_TEST_IS_EXECUTABLE));
  g_clear_pointer (&program, g_free);

  link_dir = g_dir_make_tmp ("cobalt-launch-XXXXXX", &error);
  g_assert_no_error (error);
  link = g_build_filename (link_dir, "cobalt-reminder", NULL);
  g_assert_cmpint (symlink (build_reminder, link), ==, 0);
  program = cobalt_window_launch_find_program (link);
  g_assert_cmpstr (program, ==, build_cobalt);
  g_clear_pointer (&program, g_free);
  g_unlink (link);
  g_rmdir (link_dir);

  /* This test program is not the build tree's cobalt-reminder. */
  g_assert_nonnull (self_exe);
  program = cobalt_window_launch_find_program (self_exe);
  g_assert_cmpstr (program, ==, installed);
  g_clear_pointer (&program, g_free);
  program = cobalt_window_launch_find_program (NULL);
  g_assert_cmpstr (program, ==, installed);

  /* The command a button runs, with no override. */
  g_unsetenv (COBALT_REMINDER_LAUNCH_CMD_ENV);
  argv = cobalt_window_launch_build_argv ("Alex", TRUE, "/data");
  g_assert_cmpstr (argv[0], ==, installed);
  g_assert_cmpstrv (argv + 1, ((const char *[]) { "--checklist", "--person", "Alex",
                                                  "--data-dir", "/data", NULL }));
}

static void
on_evaluated_cb (CobaltReminderService *service,
                 gboolean              *flag)
{
  *flag = TRUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @service evaluated or @seconds passed. */
static gboolean
wait_for_evaluation (CobaltReminderService *service,
                     guint                  seconds)
{
  gboolean evaluated = FALSE;
  gboolean timed_out = FALSE;
  gulong handler = g_signal_connect (service, "evaluated", G_CALLBACK (on_evaluated_cb), &evaluated);
  guint timeout = g_timeout_add_seconds (seconds, on_timeout_cb, &timed_out);

  while (!evaluated && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (service, handler);
  if (!timed_out)
    g_source_remove (timeout);

  return evaluated;
}

/* The window logs the dose: the service notices through the file and
 * takes the reminder off the screen. */
static void
test_dose_logged_withdraws (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) given = NULL;
  guint id;

  set_now (f, 0);
  cobalt_reminder_service_start (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  id = cobalt_notifier_fake_get_shown_id (na, 0);
  g_assert_true (cobalt_notifier_fake_is_open (na, id));

  /* An unrelated change gets a look but withdraws nothing. */
  g_assert_true (cobalt_repository_set_setting (f->repository, "unrelated", "1", &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_evaluation (a, 5));
  g_assert_true (cobalt_notifier_fake_is_open (na, id));

  given = g_date_time_add_minutes (f->due, 5);
  set_now (f, 6);
  g_assert_true (reminder_test_log_dose (f->repository, f->person, given, &error));
  g_assert_no_error (error);

  /* The log gets a look within a second or so. */
  for (int i = 0; i < 3 && cobalt_notifier_fake_is_open (na, id); i++)
    wait_for_evaluation (a, 5);
  g_assert_false (cobalt_notifier_fake_is_open (na, id));
  g_assert_cmpuint (cobalt_reminder_service_get_n_open (a), ==, 0);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
}

/* A dose logged through the service's own repository, in the same
 * process: no file event is needed (the service here does not even watch
 * the file), its ::changed is enough. The reminder bookkeeping the
 * service writes itself does not make it look again and again. */
static void
test_own_write_reevaluates (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) given = NULL;
  CobaltRepository *own;
  guint id, n_evaluations;

  g_assert_null (cobalt_reminder_service_get_repository (a));
  set_now (f, 0);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  id = cobalt_notifier_fake_get_shown_id (na, 0);
  own = cobalt_reminder_service_get_repository (a);
  g_assert_nonnull (own);

  /* Showing it was a write (the claim): nothing more to look at. */
  n_evaluations = cobalt_reminder_service_get_n_evaluations (a);
  g_assert_false (wait_for_evaluation (a, 1));
  g_assert_cmpuint (cobalt_reminder_service_get_n_evaluations (a), ==, n_evaluations);

  given = g_date_time_add_minutes (f->due, 5);
  set_now (f, 6);
  g_assert_true (reminder_test_log_dose (own, f->person, given, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_evaluation (a, 5));
  g_assert_false (cobalt_notifier_fake_is_open (na, id));
  g_assert_cmpuint (cobalt_reminder_service_get_n_open (a), ==, 0);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_bad_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, COBALT_DATABASE_FILENAME, NULL);
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  const CobaltNotification *paused;

  /* Keep the good file aside, and put garbage in its place. */
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  g_assert_cmpint (g_rename (db_path, good), ==, 0);
  g_unlink (journal);
  write_file (db_path, "This is not a database, just some text that is long enough to be read. "
                       "This is not a database, just some text that is long enough to be read.");

  a = new_service (f, &na);
  set_now (f, 0);
  g_assert_false (cobalt_reminder_service_evaluate (a, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (cobalt_reminder_service_get_paused (a));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  paused = cobalt_notifier_fake_get_shown (na, 0);
  g_assert_cmpstr (cobalt_notification_get_summary (paused), ==, "Reminders are paused");
  g_assert_nonnull (strstr (cobalt_notification_get_body (paused), "damaged"));

  /* Retries do not repeat the notification; a missing file neither. */
  g_assert_false (cobalt_reminder_service_evaluate (a, NULL));
  g_unlink (db_path);
  g_assert_false (cobalt_reminder_service_evaluate (a, NULL));
  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));   /* never creates an empty one */
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  g_assert_true (cobalt_notifier_fake_is_open (na, cobalt_notifier_fake_get_shown_id (na, 0)));

  /* The good file is back: reminders run again, the paused note goes. */
  g_assert_cmpint (g_rename (good, db_path), ==, 0);
  evaluate (a);
  g_assert_false (cobalt_reminder_service_get_paused (a));
  g_assert_false (cobalt_notifier_fake_is_open (na, cobalt_notifier_fake_get_shown_id (na, 0)));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 2);
  g_assert_nonnull (strstr (cobalt_notification_get_summary (cobalt_notifier_fake_get_shown (na, 1)), "Alex"));
}

static void
test_missing_and_too_new (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, COBALT_DATABASE_FILENAME, NULL);
  g_autofree char *aside = g_build_filename (f->dir, "aside.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cobalt_database_exec (f->database, "PRAGMA user_version = 999", &error));
  g_assert_no_error (error);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);

  a = new_service (f, &na);
  set_now (f, 0);
  g_assert_false (cobalt_reminder_service_evaluate (a, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  g_assert_nonnull (strstr (cobalt_notification_get_body (cobalt_notifier_fake_get_shown (na, 0)),
                            "newer version"));
  g_clear_object (&a);
  g_clear_object (&na);

  g_assert_cmpint (g_rename (db_path, aside), ==, 0);
  a = new_service (f, &na);
  g_assert_false (cobalt_reminder_service_evaluate (a, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (cobalt_notification_get_body (cobalt_notifier_fake_get_shown (na, 0)),
                            "missing"));
}

/* Another process keeps the file locked past the busy timeout: paused,
 * and running again once the lock goes. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(GError) error = NULL;

  /* Opened first, so that the lock hits the evaluation itself. */
  evaluate (a);

  g_assert_true (cobalt_database_exec (f->database, "BEGIN EXCLUSIVE", &error));
  g_assert_no_error (error);
  set_now (f, 0);
  g_assert_false (cobalt_reminder_service_evaluate (a, &error));
  g_assert_error (error, COBALT_DATABASE_ERROR, COBALT_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (cobalt_reminder_service_get_paused (a));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  g_assert_nonnull (strstr (cobalt_notification_get_body (cobalt_notifier_fake_get_shown (na, 0)),
                            "locked"));

  g_assert_true (cobalt_database_exec (f->database, "COMMIT", &error));
  g_assert_no_error (error);
  evaluate (a);
  g_assert_false (cobalt_reminder_service_get_paused (a));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 2);
}

/* "Reminders are paused" waits for a notification server too, and comes
 * once even when dismissed. */
static void
test_paused_notice_retried (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = NULL;
  g_autofree char *db_path = g_build_filename (f->dir, COBALT_DATABASE_FILENAME, NULL);

  g_clear_object (&f->repository);
  g_clear_object (&f->database);
  write_file (db_path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage");

  a = new_service (f, &na);
  cobalt_notifier_fake_set_failing (na, TRUE);
  g_assert_false (cobalt_reminder_service_evaluate (a, NULL));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 0);

  cobalt_notifier_fake_set_failing (na, FALSE);
  g_assert_false (cobalt_reminder_service_evaluate (a, NULL));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);

  cobalt_notifier_fake_dismiss (na, cobalt_notifier_fake_get_shown_id (na, 0));
  g_assert_false (cobalt_reminder_service_evaluate (a, NULL));
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
}

/* No notification server at that moment (login races): the reminder is
 * not lost, it comes once the server is there. */
static void
test_no_notification_server (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = new_service (f, &na);
  g_autoptr(GDateTime) retry = NULL;

  cobalt_notifier_fake_set_failing (na, TRUE);
  set_now (f, 0);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 0);
  retry = g_date_time_add_seconds (f->due, COBALT_REMINDER_MAX_SLEEP_SECONDS);
  g_assert_true (g_date_time_equal (cobalt_reminder_service_get_next_wakeup (a), retry));

  cobalt_notifier_fake_set_failing (na, FALSE);
  set_now (f, 1);
  evaluate (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
}

/* The "Remind the day before" preference (GSettings) is followed, and a
 * change to it is noticed at once. */
static void
test_day_before_setting (Fixture       *f,
                         gconstpointer  data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CobaltNotifierFake) na = NULL;
  g_autoptr(CobaltReminderService) a = NULL;
  g_autoptr(GDateTime) eve = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_boolean (settings, COBALT_SETTINGS_KEY_DAY_BEFORE, FALSE);

  eve = g_date_time_add_days (f->due, -1);
  cobalt_clock_set_now (f->clock, eve);
  a = new_service (f, &na);
  cobalt_reminder_service_start (a);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 0);

  g_settings_set_boolean (settings, COBALT_SETTINGS_KEY_DAY_BEFORE, TRUE);
  g_assert_cmpuint (cobalt_notifier_fake_get_n_shown (na), ==, 1);
  g_assert_nonnull (strstr (cobalt_notification_get_summary (cobalt_notifier_fake_get_shown (na, 0)),
                            "tomorrow"));
  g_settings_reset (settings, COBALT_SETTINGS_KEY_DAY_BEFORE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/reminder/service/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("exactly-once", test_exactly_once);
  ADD ("claim-race", test_claim_race);
  ADD ("crash-between-claim-and-show", test_crash_between_claim_and_show);
  ADD ("snooze", test_snooze);
  ADD ("checklist-action", test_checklist_action);
  ADD ("launch-failure", test_launch_failure);
  ADD ("launch-failure-without-reminder", test_launch_failure_without_reminder);
  g_test_add_func ("/cobalt/reminder/service/launch-program", test_launch_program);
  ADD ("dose-logged-withdraws", test_dose_logged_withdraws);
  ADD ("own-write-reevaluates", test_own_write_reevaluates);
  ADD ("bad-database", test_bad_database);
  ADD ("missing-and-too-new", test_missing_and_too_new);
  ADD ("locked", test_locked);
  ADD ("paused-notice-retried", test_paused_notice_retried);
  ADD ("no-notification-server", test_no_notification_server);
  ADD ("day-before-setting", test_day_before_setting);

#undef ADD

  return g_test_run ();
}
