/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the first-run form to PNG files at 1280×800, as a new user sees
 * it in Cobalt's own window (header bar and all): an empty data folder, a
 * name typed, the emergency number filled in from a British locale for
 * the person to check, no regimen and no site chosen. "first-run" shows
 * the form from its top; "first-run-prescription" the prescription part
 * with cyanocobalamin under the skin chosen and Create pressed with no
 * site ticked. Used by build-aux/screenshots.sh (which picks the theme
 * through GTK_THEME).
 * Usage: first-run-screenshots OUTDIR SUFFIX */

#include "config.h"

#include <glib/gstdio.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-intro-page.h"
#include "cobalt-journey-util.h"
#include "cobalt-window.h"
#include "journey-test-util.h"

#define WIDTH  1280
#define HEIGHT 800

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

  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_present (window);
  wait_for_gtk (200);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  if (width != WIDTH || height != HEIGHT)
    {
      gtk_window_set_default_size (window, 2 * WIDTH - width, 2 * HEIGHT - height);
      wait_for_gtk (200);
    }
}

/* Scrolls the page so that @label (a heading of the form) is at the top. */
static void
scroll_to (GtkWidget *page,
           GtkWidget *label)
{
  GtkWidget *scrolled = cobalt_test_find_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x = 0, y = 0;

  g_assert_nonnull (label);
  if (!gtk_widget_translate_coordinates (label, content, 0, 0, &x, &y))
    g_error ("cannot place the heading");
  /* @y is from the top of what shows now. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  wait_for_gtk (200);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CobaltClock) clock = NULL;
  g_autofree char *data_dir = NULL;
  CobaltWindow *window;
  GtkWidget *page;

  if (argc != 3)
    {
      g_printerr ("usage: %s OUTDIR SUFFIX\n", argv[0]);
      return 2;
    }

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  /* The application's style sheet, as CobaltApplication loads it. */
  cobalt_journey_ensure_style ();
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/cobaltb12/Cobalt/app/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Read for the emergency number only (after GTK has chosen its
   * language): a British user sees 999, to check. */
  g_setenv ("LC_ALL", "en_GB.UTF-8", TRUE);

  now = fixture_time (2025, 6, 2, 9, 15);
  clock = cobalt_clock_new_fixed (now);
  data_dir = g_dir_make_tmp ("cobalt-first-run-XXXXXX", &error);
  g_assert_no_error (error);

  window = cobalt_window_new (NULL, clock, data_dir);
  cobalt_window_load (window, 0);
  fit_window (GTK_WINDOW (window));
  page = cobalt_test_find_type (GTK_WIDGET (window), COBALT_TYPE_INTRO_PAGE);
  if (page == NULL)
    g_error ("an empty log did not show the first-run form");

  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (page, "name_entry")), "Alex Morgan");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (page, "clinic_name_entry")), "Riverside Surgery");
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (page, "clinic_phone_entry")), "01632 960 123");
  scroll_to (page, GTK_WIDGET (cobalt_test_find_label (page, "Who is this for?")));
  save (GTK_WINDOW (window), argv[1], "first-run", argv[2]);

  /* The prescription: a cyanocobalamin regimen under the skin (the
   * caution shows), and Create with no site ticked says so. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cobalt_test_find_id (page, "template_dropdown")), 5);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cobalt_test_find_id (page, "route_dropdown")), COBALT_ROUTE_SC);
  cobalt_intro_page_create (COBALT_INTRO_PAGE (page));
  wait_for_gtk (300);
  scroll_to (page, GTK_WIDGET (cobalt_test_find_label (page, "Treatment")));
  save (GTK_WINDOW (window), argv[1], "first-run-prescription", argv[2]);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_gtk (50);
  cobalt_test_remove_tree (data_dir);

  return 0;
}
