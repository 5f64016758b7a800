/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the patient-journey screens on demo data to PNG files at
 * 1280×800 (or WIDTH×HEIGHT, with text SCALE times its size), as the
 * application shows them: Cobalt's own window (header bar
 * and all) after Today → Start checklist, at a checklist step, the urgent
 * help opened from it (F1, in its own window, at its own size), the site
 * picker and aftercare; then the Preferences window it opens; then the
 * Stop page of another person's checklist ("Stop — I'm not sure"). Used by
 * build-aux/screenshots.sh (which picks the theme through GTK_THEME).
 * Usage: journey-screenshots OUTDIR SUFFIX [WIDTH HEIGHT [SCALE]]
 * (with a size, also Today and the page after stopping, for looking at
 * the narrow window and large text: `journey-screenshots /tmp/shots
 * narrow 360 720`, `… large 1280 800 2`). */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-choice-button.h"
#include "cobalt-demo.h"
#include "cobalt-preferences-window.h"
#include "cobalt-repository-private.h"
#include "cobalt-site-picker.h"
#include "cobalt-style.h"
#include "cobalt-urgent-help.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

static int width_px = 1280;
static int height_px = 800;

static void
save (GtkWindow  *window,
      const char *dir,
      const char *name,
      const char *suffix)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name, suffix);

  wait_for_gtk (400);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("wrote %s\n", path);
}

/* The window's default size includes its client-side frame: grow it so
 * that the picture is WIDTH×HEIGHT. */
static void
fit_window (GtkWindow *window)
{
  int width, height;

  gtk_window_set_default_size (window, width_px, height_px);
  gtk_window_present (window);
  wait_for_gtk (200);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  if (width != width_px || height != height_px)
    {
      gtk_window_set_default_size (window, 2 * width_px - width, 2 * height_px - height);
      wait_for_gtk (200);
    }
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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* The "Urgent help" window (a plain GtkWindow holding the help). */
static GtkWindow *
find_help_window (GtkWindow *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != main_window && find_descendant (GTK_WIDGET (window), COBALT_TYPE_URGENT_HELP) != NULL)
        return window;
    }

  return NULL;
}

/* The demo's next dose is a few days away, so the checklist asks first
 * (and again before logging) whether the clinic said to give it early:
 * answer as the person would, "My clinic told me to give it now". */
static void
go_on_if_asked (GtkWidget *wizard)
{
  if (g_strcmp0 (cobalt_checklist_wizard_get_page (COBALT_CHECKLIST_WIZARD (wizard)), "timing") != 0)
    return;

  gtk_widget_activate_action (wizard, "wizard.timing-go-on", NULL);
  wait_for_gtk (100);
}

static void
advance_to (GtkWidget  *wizard,
            const char *kind)
{
  CobaltChecklistRun *run;

  go_on_if_asked (wizard);
  run = cobalt_checklist_wizard_get_run (COBALT_CHECKLIST_WIZARD (wizard));
  if (run == NULL)
    g_error ("the checklist did not start");

  while (g_strcmp0 (cobalt_checklist_run_get_step_kind (run, cobalt_checklist_run_get_current_step (run)), kind) != 0)
    {
      guint current = cobalt_checklist_run_get_current_step (run);

      gtk_widget_activate_action (wizard, "wizard.tick", NULL);
      gtk_widget_activate_action (wizard, "wizard.next", NULL);
      wait_for_gtk (20);
      if (cobalt_checklist_run_get_current_step (run) == current)
        g_error ("the checklist did not get past step %u", current + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autofree char *data_dir = NULL;
  CobaltWindow *app_window;
  GtkWindow *window;
  GtkWindow *preferences;
  GtkWindow *help;
  GtkWidget *wizard;
  g_autoptr(CobaltPerson) cared = NULL;
  CobaltSitePicker *picker;
  gboolean sized = argc >= 5;

  if (argc != 3 && argc != 5 && argc != 6)
    {
      g_printerr ("usage: %s OUTDIR SUFFIX [WIDTH HEIGHT [SCALE]]\n", argv[0]);
      return 2;
    }

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  /* The application's stylesheet, as cobalt loads it at start-up. */
  cobalt_style_install (gdk_display_get_default ());
  if (sized)
    {
      width_px = atoi (argv[3]);
      height_px = atoi (argv[4]);
    }
  if (argc == 6)
    /* Large text: what a larger font or text scaling does (96 dpi × SCALE). */
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (atof (argv[5]) * 96 * 1024), NULL);

  now = fixture_time (2025, 6, 2, 9, 15);
  clock = cobalt_clock_new_fixed (now);
  database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  if (!cobalt_demo_populate (repository, clock, &error))
    g_error ("demo data: %s", error->message);
  person = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);

  /* The application's window on Today, then Start checklist. */
  data_dir = g_dir_make_tmp ("cobalt-screenshots-XXXXXX", &error);
  g_assert_no_error (error);
  app_window = cobalt_window_new (NULL, clock, data_dir);
  cobalt_window_set_repository (app_window, repository, person->id);
  window = GTK_WINDOW (app_window);
  fit_window (window);
  if (sized)
    {
      save (window, argv[1], "today", argv[2]);
      g_assert_true (cobalt_window_show_page (app_window, "log"));
      wait_for_gtk (400);
      save (window, argv[1], "log", argv[2]);
      g_assert_true (cobalt_window_show_page (app_window, "today"));
      wait_for_gtk (200);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (400);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  if (wizard == NULL)
    g_error ("Start checklist did not show the checklist");

  /* A checklist step: the expiry check with the batch from Supplies. */
  advance_to (wizard, COBALT_STEP_CHECK_EXPIRY);
  save (window, argv[1], "checklist", argv[2]);

  /* The urgent help from that step (F1 or the header bar's button). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.urgent-help", NULL);
  help = find_help_window (window);
  if (help == NULL)
    g_error ("Urgent help did not open");
  save (help, argv[1], "urgent-help", argv[2]);
  gtk_window_destroy (help);
  wait_for_gtk (100);

  /* The site picker, the suggested site marked. */
  advance_to (wizard, COBALT_STEP_CHOOSE_SITE);
  picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (COBALT_CHECKLIST_WIZARD (wizard)));
  save (window, argv[1], "site-picker", argv[2]);

  /* Aftercare, straight after logging, a mild reaction ticked. */
  cobalt_site_picker_choose (picker, cobalt_site_picker_get_suggested_site_id (picker));
  gtk_widget_activate_action (wizard, "wizard.next", NULL);
  advance_to (wizard, COBALT_STEP_AFTERCARE);
  gtk_widget_activate_action (wizard, "wizard.tick", NULL);
  gtk_widget_activate_action (wizard, "wizard.next", NULL);
  wait_for_gtk (100);
  go_on_if_asked (wizard);
  cobalt_aftercare_page_set_reaction (COBALT_AFTERCARE_PAGE (cobalt_checklist_wizard_get_aftercare (COBALT_CHECKLIST_WIZARD (wizard))),
                                      "site-redness", TRUE);
  save (window, argv[1], "aftercare", argv[2]);

  /* Preferences (the prescription editor), from the window's menu. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-checklist", NULL);
  wait_for_gtk (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_toplevel (COBALT_TYPE_PREFERENCES_WINDOW);
  if (preferences == NULL)
    g_error ("the Preferences window did not open");
  fit_window (preferences);
  save (preferences, argv[1], "preferences", argv[2]);
  gtk_window_destroy (preferences);

  /* "Stop — I'm not sure" in the other person's checklist (no
   * urgent-advice number recorded): the help at once, the reason after. */
  cared = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_CARED, &error);
  g_assert_no_error (error);
  cobalt_window_select_person (app_window, cared->id);
  wait_for_gtk (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checklist", NULL);
  wait_for_gtk (400);
  wizard = find_descendant (GTK_WIDGET (window), COBALT_TYPE_CHECKLIST_WIZARD);
  if (wizard == NULL)
    g_error ("Start checklist did not show the second checklist");
  go_on_if_asked (wizard);
  gtk_widget_activate_action (wizard, "wizard.stop", NULL);
  save (window, argv[1], "stop", argv[2]);
  if (sized)
    {
      cobalt_checklist_wizard_set_stop_reason (COBALT_CHECKLIST_WIZARD (wizard), 1, NULL);
      /* Scrolled down to the reasons. */
      gtk_widget_grab_focus (find_descendant (wizard, COBALT_TYPE_CHOICE_BUTTON));
      save (window, argv[1], "stop-reason", argv[2]);
      cobalt_checklist_wizard_confirm_stop (COBALT_CHECKLIST_WIZARD (wizard));
      save (window, argv[1], "stopped", argv[2]);
    }

  gtk_window_destroy (window);
  wait_for_gtk (50);
  g_rmdir (data_dir);

  return 0;
}
