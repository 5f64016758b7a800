/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Help now, everywhere": the urgent help (the emergency and urgent-advice
 * signs, what to do, and the person's numbers) one click or one key (F1)
 * away from Today and from every checklist step, with the focus wherever
 * it is; shown at once on "Stop — I'm not sure", whose reason is optional.
 *
 * The keys are real key presses through the X server (XTEST), so they go
 * through GTK's own dispatch from the focused widget; this test runs on an
 * X display of its own (tests/gui/meson.build), where nothing else takes
 * the keyboard focus. */

#include "config.h"

#include <dlfcn.h>
#include <gdk/x11/gdkx.h>

#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-intro-page.h"
#include "cobalt-log-row.h"
#include "cobalt-site-picker.h"
#include "cobalt-urgent-help.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

#define TEST_URGENT "111"

typedef int (*FakeKeyFunc) (Display      *display,
                            unsigned int  keycode,
                            int           is_press,
                            unsigned long delay);

static FakeKeyFunc fake_key;

/* Whether XTestFakeKeyEvent can be had: an X11 display, and libXtst
 * (libxtst6, build-aux/debian-packages.txt), loaded at run time so that
 * building needs no -dev package. Without it the key presses are skipped. */
static gboolean
have_real_keys (GtkWidget *widget)
{
  static gboolean tried;

  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (widget)))
    return FALSE;
  if (!tried)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      tried = TRUE;
      if (xtst != NULL)
        fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
    }

  return fake_key != NULL;
}

/* Presses and releases @keyval on the keyboard, into @window (which
 * gets the input focus first). */
static void
press_key (GtkWindow *window,
           guint      keyval)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;
  Display *xdisplay;

  g_assert_true (have_real_keys (GTK_WIDGET (window)));
  g_assert_true (gdk_display_map_keyval (display, keyval, &keys, &n_keys));
  g_assert_cmpint (n_keys, >, 0);

  gtk_window_present (window);
  wait_for_gtk_until (gtk_window_is_active (window), 5000);
  g_assert_true (gtk_window_is_active (window));

  xdisplay = gdk_x11_display_get_xdisplay (display);
  fake_key (xdisplay, keys[0].keycode, True, 0);
  fake_key (xdisplay, keys[0].keycode, False, 0);
  gdk_display_flush (display);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The "Urgent help" window, if one is open. */
static GtkWindow *
help_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!COBALT_IS_WINDOW (window) && g_strcmp0 (gtk_window_get_title (window), "Urgent help") == 0 &&
          find_descendant (GTK_WIDGET (window), COBALT_TYPE_URGENT_HELP) != NULL)
        return window;
    }

  return NULL;
}

static GtkWindow *
wait_for_help (void)
{
  wait_for_gtk_until (help_window () != NULL && gtk_widget_get_mapped (GTK_WIDGET (help_window ())), 5000);
  g_assert_nonnull (help_window ());
  wait_for_gtk (50);

  return help_window ();
}

static void
assert_shows_numbers (GtkWidget *widget)
{
  g_assert_true (shows_text (widget, "Call " TEST_EMERGENCY " now"));
  g_assert_true (shows_text (widget, TEST_URGENT));
  g_assert_true (shows_text (widget, TEST_CLINIC_PHONE));
  g_assert_true (shows_text (widget, "Riverside Surgery"));
}

/* The emergency and urgent-advice signs, and the closing line. */
static void
assert_shows_signs (GtkWidget *widget)
{
  g_assert_true (shows_text (widget, "Difficulty breathing or swallowing"));
  g_assert_true (shows_text (widget, "within 5 to 30 minutes"));
  g_assert_true (shows_text (widget, "Widespread hives or rash"));
  g_assert_true (shows_text (widget, "Severe pain at the injection site"));
  g_assert_true (shows_text (widget, "Get medical advice now"));
  g_assert_true (shows_text (widget, "Follow your clinic"));
}

static void
set_up (JourneyFixture *f,
        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (f, data);
  cobalt_set_str (&f->person->urgent_number, TEST_URGENT);
  g_assert_true (cobalt_repository_save_person (f->repository, f->person, &error));
  g_assert_no_error (error);
}

static CobaltWindow *
show_window (JourneyFixture *f,
             gint64          person_id,
             char          **dir)
{
  CobaltWindow *window;

  *dir = g_dir_make_tmp ("cobalt-urgent-help-XXXXXX", NULL);
  window = cobalt_window_new (NULL, f->clock, *dir);
  cobalt_window_set_repository (window, f->repository, person_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);

  return window;
}

static void
close_window (CobaltWindow *window,
              char         *dir)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (50);
  g_rmdir (dir);
  g_free (dir);
}

static CobaltChecklistWizard *
start_checklist (CobaltWindow *window)
{
  GtkWidget *wizard;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (300);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  g_assert_nonnull (wizard);

  return COBALT_CHECKLIST_WIZARD (wizard);
}

/* The widget on its own: every level's words, for someone with numbers
 * and for someone without. */
static void
test_widget (JourneyFixture *f,
             gconstpointer   data)
{
  g_autoptr(CobaltPerson) bare = cobalt_person_new ("Sam Lee");
  GtkWidget *help = cobalt_urgent_help_new (f->person);

  g_object_ref_sink (help);
  fixture_show (f, help);
  assert_shows_numbers (help);
  assert_shows_signs (help);
  /* The urgent advice names the clinic, the urgent line and, for the
   * worst case, the emergency number. */
  g_assert_true (shows_text (help, "Call " TEST_EMERGENCY " if breathing or swallowing becomes difficult"));
  g_assert_true (shows_text (help, "Numbers for Alex Morgan"));

  /* Nothing recorded (and no country in the locale): never a guess. */
  cobalt_urgent_help_set_person (COBALT_URGENT_HELP (help), bare);
  g_assert_true (cobalt_urgent_help_get_person (COBALT_URGENT_HELP (help)) == bare);
  g_assert_true (shows_text (help, "Call your emergency number now"));
  g_assert_true (shows_text (help, "Not recorded: add it in Preferences"));
  g_assert_false (shows_text (help, TEST_EMERGENCY));
  assert_shows_signs (help);

  /* Nobody yet (first run). */
  cobalt_urgent_help_set_person (COBALT_URGENT_HELP (help), NULL);
  g_assert_true (shows_text (help, "Call your emergency number now"));
  g_assert_true (shows_text (help, "Numbers to call"));

  gtk_window_set_child (f->window, NULL);
  g_assert_finalize_object (help);
}

/* From Today: the header bar's button (its action) and F1, and Escape
 * closes it. */
static void
test_from_today (JourneyFixture *f,
                 gconstpointer   data)
{
  char *dir = NULL;
  CobaltWindow *window = show_window (f, f->person->id, &dir);
  GtkWindow *help;
  GtkWidget *close;
  GtkWidget *button = cobalt_test_find_id (GTK_WIDGET (window), "urgent_help_button");

  g_assert_true (shows_text (GTK_WIDGET (window), "Start Checklist"));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.urgent-help");
  g_assert_null (help_window ());

  cobalt_test_click (button);
  help = wait_for_help ();
  g_assert_true (gtk_window_get_modal (help));
  g_assert_true (gtk_window_get_transient_for (help) == GTK_WINDOW (window));
  assert_shows_numbers (GTK_WIDGET (help));
  assert_shows_signs (GTK_WIDGET (help));
  /* Its Close button, focused so that Enter closes it too. */
  close = gtk_window_get_default_widget (help);
  g_assert_true (GTK_IS_BUTTON (close));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (close)), ==, "_Close");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (help)) == close);
  cobalt_test_click (close);
  wait_for_gtk_until (help_window () == NULL, 5000);
  g_assert_null (help_window ());

  if (!have_real_keys (GTK_WIDGET (window)))
    {
      g_test_skip ("no XTEST on this display: the keys are not tried");
      close_window (window, dir);
      return;
    }

  /* F1, with the focus on Today's own button. */
  gtk_widget_grab_focus (cobalt_test_find_id (cobalt_window_get_page (window, "today"), "start_checklist_button"));
  press_key (GTK_WINDOW (window), GDK_KEY_F1);
  help = wait_for_help ();
  assert_shows_numbers (GTK_WIDGET (help));
  press_key (help, GDK_KEY_Escape);
  wait_for_gtk_until (help_window () == NULL, 5000);
  g_assert_null (help_window ());

  close_window (window, dir);
}

static void
open_and_close_by_keys (CobaltWindow *window,
                        const char   *where)
{
  GtkWindow *help;

  g_test_message ("F1 from %s", where);
  press_key (GTK_WINDOW (window), GDK_KEY_F1);
  help = wait_for_help ();
  assert_shows_numbers (GTK_WIDGET (help));
  press_key (help, GDK_KEY_Escape);
  wait_for_gtk_until (help_window () == NULL, 5000);
  g_assert_null (help_window ());
}

/* From every checklist step, with the focus in the step (its tick, or a
 * site on the body map), and from an entry: the steps do not swallow F1,
 * and nothing in the run changes. */
static void
test_from_every_step (JourneyFixture *f,
                      gconstpointer   data)
{
  char *dir = NULL;
  CobaltWindow *window = show_window (f, f->person->id, &dir);
  CobaltChecklistWizard *wizard;
  CobaltChecklistRun *run;
  guint n;

  if (!have_real_keys (GTK_WIDGET (window)))
    {
      g_test_skip ("no XTEST on this display");
      close_window (window, dir);
      return;
    }

  wizard = start_checklist (window);
  run = cobalt_checklist_wizard_get_run (wizard);
  n = cobalt_checklist_run_get_n_steps (run);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *page = cobalt_checklist_wizard_get_step_page (wizard, i);
      const char *kind = cobalt_checklist_run_get_step_kind (run, i);
      GtkWidget *focus;
      g_autofree char *where = g_strdup_printf ("step %u (%s)", i + 1, kind);

      g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, i);
      wait_for_gtk_until (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                          gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), page), 5000);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, page));

      open_and_close_by_keys (window, where);
      /* Still on the same step, nothing ticked by the keys, the focus
       * back where it was. */
      g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, i);
      g_assert_cmpuint (cobalt_checklist_run_get_n_ticked (run), ==, i);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

      if (g_str_equal (kind, COBALT_STEP_CHOOSE_SITE))
        {
          CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));

          g_assert_true (cobalt_site_picker_choose (picker, cobalt_site_picker_get_suggested_site_id (picker)));
        }
      else
        gtk_toggle_button_set_active (cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (page)), TRUE);
      wait_for_gtk (20);
      g_assert_true (cobalt_checklist_run_is_step_ticked (run, i));
      if (i + 1 < n)
        {
          gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
          wait_for_gtk (20);
        }
    }

  /* An entry with the focus: the reason on the Stop page. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  wait_for_gtk (50);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  g_assert_true (gtk_widget_grab_focus (cobalt_test_find_id (GTK_WIDGET (wizard), "reason_entry")));
  open_and_close_by_keys (window, "the reason entry");
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  g_assert_true (cobalt_checklist_run_is_open (run));

  close_window (window, dir);
}

/* Someone saved without numbers: the catalogue's "Call your emergency
 * number now", never a number made up. */
static void
test_no_numbers (JourneyFixture *f,
                 gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) bare = cobalt_person_new ("Sam Lee");
  char *dir = NULL;
  CobaltWindow *window;
  GtkWindow *help;

  g_assert_true (cobalt_repository_save_person (f->repository, bare, &error));
  g_assert_no_error (error);
  window = show_window (f, bare->id, &dir);
  g_assert_cmpint (cobalt_window_get_person_id (window), ==, bare->id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.urgent-help", NULL);
  help = wait_for_help ();
  g_assert_true (shows_text (GTK_WIDGET (help), "Call your emergency number now"));
  g_assert_true (shows_text (GTK_WIDGET (help), "Numbers for Sam Lee"));
  g_assert_true (shows_text (GTK_WIDGET (help), "Not recorded: add it in Preferences"));
  g_assert_false (shows_text (GTK_WIDGET (help), TEST_EMERGENCY));
  g_assert_false (shows_text (GTK_WIDGET (help), TEST_CLINIC_PHONE));
  assert_shows_signs (GTK_WIDGET (help));
  gtk_window_destroy (help);
  wait_for_gtk (50);

  close_window (window, dir);
}

/* Before anyone is set up (the first-run form): the help is there too,
 * with no number made up. */
static void
test_first_run (JourneyFixture *f,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_new_in_memory (&error);
  g_autoptr(CobaltRepository) empty = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cobalt-urgent-help-XXXXXX", NULL);
  CobaltWindow *window;
  GtkWindow *help;

  g_assert_no_error (error);
  empty = cobalt_repository_new (database);
  window = cobalt_window_new (NULL, f->clock, dir);
  cobalt_window_set_repository (window, empty, 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_gtk (200);
  g_assert_nonnull (cobalt_test_find_type (GTK_WIDGET (window), COBALT_TYPE_INTRO_PAGE));
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (GTK_WIDGET (window), "urgent_help_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.urgent-help", NULL);
  help = wait_for_help ();
  g_assert_true (shows_text (GTK_WIDGET (help), "Call your emergency number now"));
  g_assert_true (shows_text (GTK_WIDGET (help), "Numbers to call"));
  assert_shows_signs (GTK_WIDGET (help));
  gtk_window_destroy (help);
  wait_for_gtk (50);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (50);
  g_rmdir (dir);
}

/* The shown Log row of a stopped run, or NULL. */
static const char *
stopped_row_notes (GtkWidget *widget)
{
  if (COBALT_IS_LOG_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (cobalt_log_row_get_text (COBALT_LOG_ROW (widget), COBALT_LOG_COLUMN_DOSE), "Nothing given") == 0)
    return cobalt_log_row_get_text (COBALT_LOG_ROW (widget), COBALT_LOG_COLUMN_NOTES);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = stopped_row_notes (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "Stop — I'm not sure" shows the signs and the numbers at once, before
 * anything is asked; stopping without a reason works, and the Log says
 * "No reason given". */
static void
test_stop_page (JourneyFixture *f,
                gconstpointer   data)
{
  char *dir = NULL;
  CobaltWindow *window = show_window (f, f->person->id, &dir);
  CobaltChecklistWizard *wizard = start_checklist (window);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  gint64 run_id = cobalt_checklist_run_get_id (run);
  g_autoptr(CobaltChecklistRun) stored = NULL;
  g_autoptr(GListModel) runs = NULL;
  GtkWidget *log;

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.tick", NULL);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  wait_for_gtk (100);

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  assert_shows_numbers (GTK_WIDGET (wizard));
  assert_shows_signs (GTK_WIDGET (wizard));
  /* The help comes first, in view; the reason after it, optional. */
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (GTK_WIDGET (wizard), "stop_help")));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Why are you stopping? (optional)"));
  /* Enter stops at once. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 cobalt_test_find_id (GTK_WIDGET (wizard), "stop_confirm_button"));

  /* No reason chosen, nothing written: stopped all the same. */
  cobalt_test_click (cobalt_test_find_id (GTK_WIDGET (wizard), "stop_confirm_button"));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stopped");
  g_assert_true (shows_text (GTK_WIDGET (wizard), "no dose was logged"));
  g_assert_true (shows_text (GTK_WIDGET (wizard), TEST_CLINIC_PHONE));
  g_assert_true (shows_text (GTK_WIDGET (wizard), "Call " TEST_EMERGENCY " now"));
  g_assert_cmpuint (dose_count (f), ==, 1);

  runs = cobalt_repository_list_checklist_runs (f->repository, f->person->id, NULL);
  stored = g_list_model_get_item (runs, 0);
  g_assert_cmpint (cobalt_checklist_run_get_id (stored), ==, run_id);
  g_assert_cmpint (cobalt_checklist_run_get_state (stored), ==, COBALT_RUN_ABORTED);
  g_assert_null (cobalt_checklist_run_get_abort_reason (stored));
  g_assert_null (cobalt_repository_get_open_checklist_run (f->repository, f->person->id, NULL));

  /* Logged as stopped, without a reason. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.close", NULL);
  wait_for_gtk (300);
  g_assert_true (cobalt_window_show_page (window, "log"));
  log = cobalt_window_get_page (window, "log");
  wait_for_gtk_until (stopped_row_notes (log) != NULL, 5000);
  g_assert_cmpstr (stopped_row_notes (log), ==, "No reason given");

  close_window (window, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  /* No country in the locale, so nobody's emergency number is guessed
   * from it (cobalt_default_emergency_number()). */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LC_TELEPHONE");
  g_unsetenv ("LANG");
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cobalt/journey/urgent-help/" path, JourneyFixture, NULL, set_up, func, fixture_tear_down)

  ADD ("widget", test_widget);
  ADD ("from-today", test_from_today);
  ADD ("from-every-step", test_from_every_step);
  ADD ("no-numbers", test_no_numbers);
  ADD ("first-run", test_first_run);
  ADD ("stop-page", test_stop_page);

#undef ADD

  return g_test_run ();
}
