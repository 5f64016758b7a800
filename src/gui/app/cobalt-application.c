/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "cobalt-application.h"
#include "cobalt-backup-cli.h"
#include "cobalt-carers-cli.h"
#include "cobalt-cli.h"
#include "cobalt-color-scheme.h"
#include "cobalt-data-problem.h"
#include "cobalt-core.h"
#include "cobalt-style.h"
#include "cobalt-window.h"

struct _CobaltApplication
{
  GtkApplication     parent_instance;

  CobaltClock       *clock;
  char              *data_dir;
  char              *demo_dir;      /* set when --demo made it: removed on exit */
  gboolean           demo_filled;   /* the sample data is in demo_dir */
  gboolean           demo_filling;  /* a thread is putting it there */
  CobaltRepository  *repository;    /* opened early to check --person, then preloaded */
  CobaltWindowPreload *preload;     /* the log and Today, made ready while GTK starts */
  gint64             person_id;     /* from --person, 0 for none */
  gboolean           checklist;     /* --checklist: open the wizard with the window */
  CobaltColorScheme *color_scheme;
  gboolean           start_reminder; /* make sure cobalt-reminder runs on each activation */
  gboolean           first_frame_shown;
  gboolean           backup_started; /* the daily backup, once per run */
  gboolean           shutting_down;
};

/* What the thread that fills --demo's folder reads. */
typedef struct
{
  char        *dir;
  CobaltClock *clock;   /* stopped at start-up: a real clock is not for threads */
} DemoFill;

G_DEFINE_FINAL_TYPE (CobaltApplication, cobalt_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print each person’s next dose and exit (no window needed)"), NULL },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep Cobalt’s data in DIR (also $COBALT_DATA_DIR)"), N_("DIR") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Try Cobalt on sample data in a temporary folder"), NULL },
  { "person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the person called NAME"), N_("NAME") },
  { "checklist", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open Cobalt ready for the next dose"), NULL },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the person’s injection log to FILE as CSV and exit"), N_("FILE") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the person’s upcoming doses to FILE as iCalendar and exit"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the person’s report for the clinic to FILE as PDF and exit"), N_("FILE") },
  { "export-fhir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the person’s record to FILE as a FHIR R4 bundle (JSON) and exit"), N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the doses in the CSV FILE to the person’s log and exit"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a checked copy of the whole log (everyone) to FILE and exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace the log with the backup in FILE, keeping the current log aside, and exit"), N_("FILE") },
  { NULL }
};

static CobaltWindow *
get_or_create_window (CobaltApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(CobaltWindowPreload) preload = NULL;

  if (window != NULL)
    return COBALT_WINDOW (window);
  preload = g_steal_pointer (&self->preload);

  window = GTK_WINDOW (cobalt_window_new (GTK_APPLICATION (self), self->clock, self->data_dir));

  /* --demo shows its window at once: the sample data follows
   * (on_demo_filled_cb). Only the first window finds its log ready; a
   * later one (after the last was closed) opens it again. */
  if (self->demo_filling)
    cobalt_window_show_loading (COBALT_WINDOW (window), _("Making the sample data…"));
  else if (preload != NULL)
    cobalt_window_load_preloaded (COBALT_WINDOW (window), preload, self->person_id);
  else
    cobalt_window_load (COBALT_WINDOW (window), self->person_id);

  return COBALT_WINDOW (window);
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The addresses the software centre lists too (data/…metainfo.xml.in). */
#define COBALT_WEBSITE_URL "https://github.com/cobaltb12/cobalt"
#define COBALT_ISSUES_URL  COBALT_WEBSITE_URL "/issues"

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CobaltApplication *self = user_data;
  static const char *developers[] = { "The Cobalt contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *issues = NULL;
  GtkAboutDialog *about;

  /* GtkAboutDialog 4.8 has no issue-url (libadwaita's AdwAboutWindow has).
   * A credit section is the one place besides the website label where
   * GTK 4.8 turns an address into a link: "NAME https://…" shows NAME
   * clickable; the comments label is plain text. */
  issues = g_strdup_printf ("%s %s", _("Report a problem or suggest a change"), COBALT_ISSUES_URL);

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "destroy-with-parent", TRUE,
                        "program-name", _("Cobalt"),
                        /* The icon theme finds it installed, or in the
                         * build tree in the icons GResource (data/icons). */
                        "logo-icon-name", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep track of vitamin B12 injections at home, "
                                      "as your clinic prescribed them.\n\n"
                                      "Cobalt follows your clinic’s prescription and never gives dosing advice."),
                        "website", COBALT_WEBSITE_URL,
                        "website-label", _("Cobalt’s website"),
                        /* Translators: the copyright line of the About dialog */
                        "copyright", _("© 2026 The Cobalt contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "authors", developers,
                        /* Translators: your names, one per line, optionally
                         * "Name <email>" or "Name https://…" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_about_dialog_add_credit_section (about, _("Problems and ideas"),
                                       (const char *[]) { issues, NULL });
  gtk_window_present (GTK_WINDOW (about));
}

/* app.show-person(x): used by a second `cobalt --person NAME` to point the
 * running window at that person. */
static void
on_show_person_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  CobaltApplication *self = user_data;
  CobaltWindow *window = get_or_create_window (self);
  gint64 person_id = g_variant_get_int64 (parameter);

  if (person_id > 0)
    cobalt_window_select_person (window, person_id);
  gtk_window_present (GTK_WINDOW (window));
}

/* SIGTERM/SIGINT (logout, Ctrl+C in a terminal) end the main loop
 * normally, so that --demo's temporary folder is removed as well. */
static gboolean
on_quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

/* app.start-checklist: `cobalt --checklist` (also from a second process,
 * e.g. the reminder's "Start checklist" button) opens the wizard for the
 * selected person. */
static void
on_start_checklist_activated_cb (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CobaltApplication *self = user_data;
  CobaltWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
}

static void
ensure_reminder_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;

  if (cobalt_reminder_ensure_running (&error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_reminder_started_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not fatal: the window works without it, and autostart may still
   * start it at the next login. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("Could not start cobalt-reminder, so no reminder will pop up while Cobalt is closed: %s",
               error->message);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(CobaltRepository) repository = NULL;
  GError *error = NULL;

  /* A connection of its own, as cobalt-reminder has: opening makes the
   * daily backup when one is due, while the window's connection stays
   * free for the user. */
  /* Nobody set up yet: nothing to back up, but the file is checked. */
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "check-only")))
    {
      if (cobalt_repository_check_integrity (task_data, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  repository = cobalt_repository_open (task_data, COBALT_REPOSITORY_OPEN_DEFAULT, &error);
  if (repository != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_auto_backup_done_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (source_object));

      /* The whole file was read and found damaged: the window stops
       * showing it, sets it aside and offers the newest good backup. */
      if (cobalt_data_problem_is_unreadable (error) && COBALT_IS_WINDOW (window))
        cobalt_window_show_damage (COBALT_WINDOW (window), error);
      else
        g_message ("The daily backup was not made: %s", error->message);
    }
  g_application_release (G_APPLICATION (source_object));
}

/* Once the window is on screen: the reminder's D-Bus round trip and spawn,
 * and the daily backup (a VACUUM INTO of the whole log), run in threads so
 * that none of them delays a frame. */
static void
after_first_frame (CobaltApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->start_reminder)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_reminder_started_cb, NULL);

      g_task_set_source_tag (task, after_first_frame);
      g_task_run_in_thread (task, ensure_reminder_thread);
    }

  /* Only of a log with someone in it (on first run there is nothing to
   * keep yet), and not while a damaged file is being explained: the
   * problem page's own opens make the backup once the log reads again. */
  if (!self->backup_started && COBALT_IS_WINDOW (window) &&
      cobalt_window_get_repository (COBALT_WINDOW (window)) != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_auto_backup_done_cb, NULL);

      g_object_set_data (G_OBJECT (task), "check-only",
                         GINT_TO_POINTER (cobalt_window_get_person_id (COBALT_WINDOW (window)) == 0));

      self->backup_started = TRUE;
      /* Closing the window does not cut the backup short. */
      g_application_hold (G_APPLICATION (self));
      g_task_set_source_tag (task, after_first_frame);
      g_task_set_task_data (task, g_strdup (self->data_dir), g_free);
      g_task_run_in_thread (task, auto_backup_thread);
    }
}

static void
on_first_frame_painted_cb (GdkFrameClock     *frame_clock,
                           CobaltApplication *self)
{
  self->first_frame_shown = TRUE;
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, self);
  after_first_frame (self);
}

/* Also when Cobalt is opened again (the reminder may have been stopped
 * since): then the window is already on screen. */
static void
run_after_first_frame (CobaltApplication *self,
                       GtkWindow         *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (self->first_frame_shown || frame_clock == NULL)
    {
      self->first_frame_shown = TRUE;
      after_first_frame (self);
    }
  else if (!g_signal_handler_find (frame_clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                   0, 0, NULL, on_first_frame_painted_cb, self))
    g_signal_connect_object (frame_clock, "after-paint",
                             G_CALLBACK (on_first_frame_painted_cb), self, 0);
}

static void
demo_fill_free (DemoFill *fill)
{
  g_free (fill->dir);
  g_clear_object (&fill->clock);
  g_free (fill);
}

/* --demo without a window (--status, exports, --person): the sample data
 * must be in before anything reads the folder. */
static gboolean
fill_demo_now (CobaltApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->demo_dir == NULL || self->demo_filled)
    return TRUE;

  if (!cobalt_cli_fill_demo_dir (self->demo_dir, self->clock, &error))
    {
      g_printerr (_("Could not create the demo data: %s\n"), error->message);
      return FALSE;
    }
  self->demo_filled = TRUE;
  return TRUE;
}

static void
fill_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DemoFill *fill = task_data;
  GError *error = NULL;

  if (cobalt_cli_fill_demo_dir (fill->dir, fill->clock, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_demo_filled_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CobaltApplication *self = COBALT_APPLICATION (source_object);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  self->demo_filling = FALSE;
  self->demo_filled = g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed while the data was being made: nobody is looking any more. */
  if (self->shutting_down || !COBALT_IS_WINDOW (window))
    return;

  if (!self->demo_filled)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("Something went wrong while putting the sample data in a temporary folder: %s. "
                                "Nothing of your own was touched. Close this window and try again."),
                              error->message);
      cobalt_window_show_failure (COBALT_WINDOW (window), _("The sample data could not be made"), body);
      return;
    }

  cobalt_window_load (COBALT_WINDOW (window), self->person_id);
  if (self->checklist)
    {
      self->checklist = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
    }
}

/* The window's first frame does not wait for the year of sample data,
 * which takes a few seconds to write: a thread writes it meanwhile. */
static void
start_filling_demo (CobaltApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_demo_filled_cb, NULL);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
  DemoFill *fill = g_new0 (DemoFill, 1);

  fill->dir = g_strdup (self->demo_dir);
  fill->clock = cobalt_clock_new_fixed (now);
  self->demo_filling = TRUE;
  g_task_set_source_tag (task, start_filling_demo);
  g_task_set_task_data (task, fill, (GDestroyNotify) demo_fill_free);
  g_task_run_in_thread (task, fill_demo_thread);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "about", on_about_activated_cb },
  { "show-person", on_show_person_activated_cb, "x" },
  { "start-checklist", on_start_checklist_activated_cb },
};

static int
cobalt_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  CobaltApplication *self = COBALT_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir_option = NULL;
  g_autofree char *default_dir = NULL;
  const char *person_name = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cobalt %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (self->clock == NULL)
    self->clock = cobalt_clock_new_real ();

  g_variant_dict_lookup (options, "data-dir", "^ay", &data_dir_option);
  if (g_variant_dict_contains (options, "demo"))
    {
      if (data_dir_option != NULL)
        {
          g_printerr ("%s\n", _("--demo makes its own temporary folder: it cannot be combined with --data-dir."));
          return 2;
        }

      /* Filled below: at once for the command line, in a thread
       * while the window opens. */
      if (!(self->demo_dir = cobalt_cli_make_demo_dir (&error)))
        {
          g_printerr (_("Could not create the demo data: %s\n"), error->message);
          return 1;
        }
      self->data_dir = g_strdup (self->demo_dir);
    }
  else
    self->data_dir = cobalt_cli_resolve_data_dir (data_dir_option);

  /* The reminder reads the usual data folder: a demo or another folder
   * is not what it would remind about. COBALT_NO_REMINDER=1 keeps tests
   * and scripted runs from leaving a background process behind. */
  {
    const char *env_dir = g_getenv ("COBALT_DATA_DIR");
    const char *no_reminder = g_getenv ("COBALT_NO_REMINDER");

    self->start_reminder = self->demo_dir == NULL &&
                           data_dir_option == NULL &&
                           (env_dir == NULL || *env_dir == '\0') &&
                           (no_reminder == NULL || *no_reminder == '\0' || g_str_equal (no_reminder, "0"));
  }

  if (g_variant_dict_contains (options, "status"))
    return fill_demo_now (self) ? cobalt_cli_print_status (self->data_dir, self->clock) : 1;

  /* Backups by hand need no display either, and are about everyone. */
  {
    g_autofree char *backup = NULL;
    g_autofree char *restore = NULL;

    g_variant_dict_lookup (options, "backup", "^ay", &backup);
    g_variant_dict_lookup (options, "restore", "^ay", &restore);
    if (backup != NULL || restore != NULL)
      {
        if (!fill_demo_now (self))
          return COBALT_EXIT_FAILED;
        if (backup != NULL && restore != NULL)
          {
            g_printerr ("cobalt: %s\n", _("--backup and --restore cannot be used together."));
            return COBALT_EXIT_FAILED;
          }
        return backup != NULL ? cobalt_backup_cli_backup (self->data_dir, backup)
                              : cobalt_backup_cli_restore (self->data_dir, restore);
      }
  }

  {
    g_autofree char *import_csv = NULL;
    g_autofree char *export_csv = NULL;
    g_autofree char *export_ics = NULL;
    g_autofree char *export_pdf = NULL;
    g_autofree char *export_fhir = NULL;
    CobaltCarersCliOptions transfer = { NULL, };

    g_variant_dict_lookup (options, "import-csv", "^ay", &import_csv);
    g_variant_dict_lookup (options, "export-csv", "^ay", &export_csv);
    g_variant_dict_lookup (options, "export-ics", "^ay", &export_ics);
    g_variant_dict_lookup (options, "export-pdf", "^ay", &export_pdf);
    g_variant_dict_lookup (options, "export-fhir", "^ay", &export_fhir);
    g_variant_dict_lookup (options, "person", "&s", &transfer.person_name);
    transfer.import_csv = import_csv;
    transfer.export_csv = export_csv;
    transfer.export_ics = export_ics;
    transfer.export_pdf = export_pdf;
    transfer.export_fhir = export_fhir;

    /* Exports and imports need no display and open no window. */
    if (cobalt_carers_cli_wanted (&transfer))
      {
        g_autoptr(CobaltRepository) repository = NULL;
        g_autofree char *title = NULL;
        g_autofree char *body = NULL;

        if (!fill_demo_now (self))
          return COBALT_EXIT_FAILED;
        repository = cobalt_data_problem_open (self->data_dir, COBALT_REPOSITORY_OPEN_DEFAULT,
                                               FALSE, NULL, &error);
        if (repository == NULL)
          {
            cobalt_data_problem_describe (error, self->data_dir, NULL, &title, &body);
            g_printerr ("cobalt: %s %s\n", title, body);
            return COBALT_EXIT_FAILED;
          }
        return cobalt_carers_cli_run (repository, self->clock, &transfer);
      }
  }

  if (g_variant_dict_lookup (options, "person", "&s", &person_name))
    {
      g_autoptr(CobaltPerson) person = NULL;

      /* The name is looked up before the window opens, so a demo is
       * made first, as for the command line. */
      if (!fill_demo_now (self))
        return 1;

      /* An unreadable file is left for the window, which can explain it
       * and offer a backup; only a readable log can say "no such person". */
      self->repository = cobalt_data_problem_open (self->data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP,
                                                   FALSE, NULL, NULL);
      if (self->repository != NULL)
        {
          person = cobalt_repository_find_person (self->repository, person_name, &error);
          if (person == NULL)
            {
              if (g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND))
                g_printerr (_("There is nobody called “%s” in Cobalt. Run “cobalt --status” to see everyone.\n"),
                            person_name);
              else
                g_printerr (_("Could not look up “%s”: %s\n"), person_name, error->message);
              return 2;
            }
          self->person_id = person->id;
        }
    }

  /* The window's first frame needs the log and Today's status: work
   * them out on the other core while GTK connects to the display. A
   * demo still to be made is read when it is in, not now. */
  if (cobalt_cli_have_display () && (self->demo_dir == NULL || self->demo_filled))
    {
      g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);

      self->preload = cobalt_window_preload_start (self->data_dir, g_steal_pointer (&self->repository),
                                                   now, self->person_id);
    }

  /* GTK aborts when it cannot reach a display; say something useful
   * first, and do it before any window work. */
  if (!cobalt_cli_have_display () || !gtk_init_check ())
    {
      g_printerr ("%s\n", _("Cobalt needs a graphical desktop to open its window; "
                            "run “cobalt --status” to see the next doses in a terminal."));
      return 1;
    }

  /* Another data folder is another log: let it have its own window
   * instead of handing over to a running Cobalt on the usual folder. */
  default_dir = cobalt_cli_get_default_data_dir ();
  if (g_strcmp0 (default_dir, self->data_dir) != 0)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  self->checklist = g_variant_dict_contains (options, "checklist");

  if (self->person_id != 0 || self->checklist)
    {
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (g_application_get_is_remote (application))
        {
          if (self->person_id != 0)
            g_action_group_activate_action (G_ACTION_GROUP (application), "show-person",
                                            g_variant_new_int64 (self->person_id));
          if (self->checklist)
            g_action_group_activate_action (G_ACTION_GROUP (application), "start-checklist", NULL);
          return 0;
        }
    }

  if (self->demo_dir != NULL && !self->demo_filled)
    start_filling_demo (self);

  return -1;
}

static void
cobalt_application_startup (GApplication *application)
{
  CobaltApplication *self = COBALT_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cobalt_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
  g_unix_signal_add (SIGINT, on_quit_signal_cb, self);

  /* GtkApplication (unlike libadwaita's) does not load style.css itself. */
  cobalt_style_install (gdk_display_get_default ());

  if (self->clock == NULL)
    self->clock = cobalt_clock_new_real ();
  if (self->data_dir == NULL)
    self->data_dir = cobalt_cli_resolve_data_dir (NULL);
}

static void
cobalt_application_activate (GApplication *application)
{
  CobaltApplication *self = COBALT_APPLICATION (application);
  CobaltWindow *window = get_or_create_window (self);

  gtk_window_present (GTK_WINDOW (window));
  run_after_first_frame (self, GTK_WINDOW (window));
  /* A demo still being made opens the checklist when it is in. */
  if (self->checklist && !self->demo_filling)
    {
      self->checklist = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
    }

  /* After the window is up: the desktop's light/dark preference arrives
   * asynchronously and must not delay the first frame. */
  if (self->color_scheme == NULL)
    self->color_scheme = cobalt_color_scheme_new ();
}

static void
remove_demo_dir (CobaltApplication *self)
{
  if (self->demo_dir != NULL)
    cobalt_cli_remove_demo_dir (self->demo_dir);
  g_clear_pointer (&self->demo_dir, g_free);
}

static void
cobalt_application_shutdown (GApplication *application)
{
  CobaltApplication *self = COBALT_APPLICATION (application);

  self->shutting_down = TRUE;
  G_APPLICATION_CLASS (cobalt_application_parent_class)->shutdown (application);

  /* Quit while the demo was still being made: the thread finishes with
   * the folder before it is removed. */
  while (self->demo_filling)
    g_main_context_iteration (NULL, TRUE);

  /* Windows keep a reference on the application, so finalize may never
   * come: the demo folder goes when the main loop ends. */
  remove_demo_dir (self);
}

static void
cobalt_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (cobalt_application_parent_class)->constructed (object);

  /* The same resources for the .Devel build (icons, menus). GApplication
   * derives a default from the id in constructed. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/cobaltb12/Cobalt");
}

static void
cobalt_application_finalize (GObject *object)
{
  CobaltApplication *self = (CobaltApplication *)object;

  g_clear_object (&self->repository);
  /* Handed over to a running Cobalt, or no display: the thread may still
   * be writing (a migration), so let it finish. */
  g_clear_pointer (&self->preload, cobalt_window_preload_free);
  g_clear_object (&self->color_scheme);
  remove_demo_dir (self);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cobalt_application_parent_class)->finalize (object);
}

static void
cobalt_application_class_init (CobaltApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = cobalt_application_constructed;
  object_class->finalize = cobalt_application_finalize;

  app_class->handle_local_options = cobalt_application_handle_local_options;
  app_class->startup = cobalt_application_startup;
  app_class->activate = cobalt_application_activate;
  app_class->shutdown = cobalt_application_shutdown;
}

static void
cobalt_application_init (CobaltApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep track of vitamin B12 injections at home."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("--export-csv, --export-ics, --export-pdf, --export-fhir and --import-csv "
                                                  "work without a display, for the person named by --person "
                                                  "(needed when Cobalt keeps several people); they combine "
                                                  "with --demo and --data-dir. --backup and --restore work "
                                                  "without a display too, on everyone’s log.\n\n"
                                                  "Exit status: 0 done; 1 the data could not be opened; "
                                                  "2 no such person; 3 a file could not be written or read; "
                                                  "4 the CSV file has bad rows (each is listed with its line "
                                                  "number) and nothing was imported; 5 the file to restore "
                                                  "is not a Cobalt backup this version can read, or Cobalt’s "
                                                  "window is open, and nothing was changed."));
}

CobaltApplication *
cobalt_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (COBALT_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}
