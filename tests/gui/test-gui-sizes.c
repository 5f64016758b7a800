/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every page, checklist screen, dialog and menu (tests/lib/
 * cobalt-test-surfaces.h) at two sizes (issue 12, "narrow and large"):
 *
 *   /sizes/narrow/NAME  a 360 × 720 screen, text at its usual size
 *   /sizes/large/NAME   a 1280 × 800 screen, text scaled 2× (gtk-xft-dpi)
 *
 * For each: the window's minimum size fits the screen; every visible,
 * sensitive control (button, entry, drop-down, check button, switch, spin
 * button, list row…) is reachable: inside the screen, or inside a
 * scrolled window (reachable by scrolling) without being cut off at its
 * sides; and no label is given less room than it needs (clipped text).
 * gtk_test_init() runs in the C locale (English); with COBALT_TEST_LOCALE
 * (de_DE.UTF-8…), LANGUAGE and COBALT_LOCALEDIR (the build's po/) set, it
 * runs in that language: tests/i18n's i18n-sizes-LL.
 * A dialog is shown at 360 × 720 on the narrow screen and at its own size
 * on the large one; a menu is checked inside its popover.
 *
 * Run one: test-gui-sizes -p /sizes/narrow/log */

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-test-surfaces.h"

#define MAX_REPORTED 40

typedef struct
{
  const CobaltTestSurface *surface;
  gboolean                 large;
} SizeCase;

typedef struct
{
  GtkWidget *scope;      /* the window, or the popover for a menu */
  int        width;      /* the screen */
  int        height;
  GString   *problems;
  guint      n_problems;
  guint      n_controls;
  guint      n_labels;
} Check;

static int default_dpi;
static GString *layout_warnings;

/* Warnings and criticals while a surface is shown (a size GTK cannot
 * honour, a popover it cannot place) are findings of this test: the case
 * fails with them, and the next surface is still measured (GLib would
 * otherwise stop the whole program at the first: gtk_test_init() and
 * G_DEBUG=fatal-warnings make them fatal). */
static void
on_log_cb (const char     *log_domain,
           GLogLevelFlags  log_level,
           const char     *message,
           gpointer        user_data)
{
  g_log_default_handler (log_domain, log_level, message, user_data);
  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) == 0)
    return;
  if (layout_warnings != NULL)
    g_string_append_printf (layout_warnings, "\n  %s said: %s", log_domain ? log_domain : "", message);
  else
    g_error ("%s: %s (outside a test case)", log_domain ? log_domain : "", message);
}

static void
problem (Check      *check,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Check      *check,
         const char *format,
         ...)
{
  va_list args;

  check->n_problems++;
  if (check->n_problems > MAX_REPORTED)
    return;
  va_start (args, format);
  g_string_append (check->problems, "\n  ");
  g_string_append_vprintf (check->problems, format, args);
  va_end (args);
}

/* "GtkButton #save_button 'Save'": type, id in the .ui and what it says. */
static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *words = NULL;

  if (id != NULL)
    g_string_append_printf (text, " #%s", id);
  if (GTK_IS_LABEL (widget))
    words = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    words = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    words = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (gtk_widget_get_tooltip_text (widget) != NULL)
    words = gtk_widget_get_tooltip_text (widget);
  else if (GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget))
    {
      /* The first label inside says what it is. */
      GtkWidget *label = cobalt_test_find_type (widget, GTK_TYPE_LABEL);

      if (label != NULL)
        words = gtk_label_get_text (GTK_LABEL (label));
    }
  if (words != NULL && *words != '\0')
    {
      g_autofree char *line = g_strndup (words, 50);

      g_strdelimit (line, "\n", ' ');
      g_string_append_printf (text, " '%s%s'", line, strlen (words) > 50 ? "..." : "");
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_control (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
           gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget));
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));

  return GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_COMBO_BOX (widget) ||
         /* A GtkListView's row (the Log's rows), a menu's item. */
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton");
}

/* The nearest scrolled window between @widget and the scope, or NULL. */
static GtkWidget *
scroller_of (Check     *check,
             GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != check->scope;
       w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return w;

  return NULL;
}

/* Why @widget cannot be reached, or NULL: inside the screen (the scope's
 * origin at the top left corner), or in a scrolled window that is, and not
 * cut off at that scrolled window's sides. */
static char *
unreachable (Check     *check,
             GtkWidget *widget)
{
  GtkWidget *scroller = scroller_of (check, widget);
  g_autofree char *why = NULL;
  graphene_rect_t r;

  if (scroller != NULL)
    {
      int width = gtk_widget_get_width (scroller);

      if (!gtk_widget_compute_bounds (widget, scroller, &r))
        return g_strdup ("has no bounds");
      if (r.origin.x < -1 || r.origin.x + r.size.width > width + 1)
        return g_strdup_printf ("cut off at the sides of its scrolled window (%d px wide): x %.0f..%.0f",
                                width, r.origin.x, r.origin.x + r.size.width);
      why = unreachable (check, scroller);
      if (why != NULL)
        return g_strdup_printf ("in a scrolled window that is %s", why);
      return NULL;
    }

  if (!gtk_widget_compute_bounds (widget, check->scope, &r))
    return g_strdup ("has no bounds");
  if (r.origin.x < -1 || r.origin.x + r.size.width > check->width + 1 ||
      r.origin.y < -1 || r.origin.y + r.size.height > check->height + 1)
    return g_strdup_printf ("outside the %dx%d screen at %.0f,%.0f %.0fx%.0f",
                            check->width, check->height, r.origin.x, r.origin.y, r.size.width, r.size.height);
  return NULL;
}

/* Text that does not fit in the label's allocation is cut off: its
 * laid-out text (Pango's logical extents; an ellipsized label is laid out
 * at its width) against the label's size. */
static void
check_label (Check     *check,
             GtkWidget *label)
{
  int width = gtk_widget_get_width (label);
  int height = gtk_widget_get_height (label);
  PangoRectangle logical;

  check->n_labels++;
  if (*gtk_label_get_text (GTK_LABEL (label)) == '\0')
    return;
  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), NULL, &logical);
  if (logical.width > width + 1 || logical.height > height + 1)
    {
      g_autofree char *what = describe (label);

      problem (check, "%s is clipped: given %dx%d, its text needs %dx%d", what, width, height,
               logical.width, logical.height);
    }
}

static void
check_tree (Check     *check,
            GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* A popover of the scope's (a drop-down's list) is its own window. */
  if (widget != check->scope && GTK_IS_NATIVE (widget))
    return;

  if (is_control (widget) && gtk_widget_is_sensitive (widget))
    {
      g_autofree char *why = unreachable (check, widget);

      check->n_controls++;
      if (why != NULL)
        {
          g_autofree char *what = describe (widget);

          problem (check, "%s cannot be reached: %s", what, why);
        }
    }
  else if (GTK_IS_LABEL (widget))
    check_label (check, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (check, child);
}

static void
set_text_scale (gboolean large)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", large ? 2 * 96 * 1024 : default_dpi, NULL);
}

static void
test_size (gconstpointer data)
{
  const SizeCase *size = data;
  int width = size->large ? 1280 : 360;
  int height = size->large ? 800 : 720;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  CobaltTestSurfaceEnv *env;
  GtkWidget *shown;
  GtkWindow *toplevel;
  Check check = { 0, };

  /* Two windows are GTK's own, laid out by GTK 4.8 with minimum widths
   * Cobalt cannot change: GtkShortcutsWindow (about 690 px: its header's
   * search and section button) and GtkAboutDialog (430 px). With 2× text
   * at 1280×800 they are checked like every other. */
  if (!size->large && (g_str_equal (size->surface->name, "shortcuts") ||
                       g_str_equal (size->surface->name, "about")))
    {
      g_test_skip ("GTK 4.8's own window: its minimum width is GTK's");
      return;
    }

  set_text_scale (size->large);
  layout_warnings = g_string_new (NULL);

  env = cobalt_test_surface_env_new (size->surface, cobalt_test_surfaces_application (), width, height);
  shown = cobalt_test_surface_open (env, &error);
  if (shown == NULL)
    {
      g_test_fail_printf ("%s could not be opened: %s", size->surface->name, error->message);
      cobalt_test_surface_env_free (env);
      set_text_scale (FALSE);
      g_string_free (g_steal_pointer (&layout_warnings), TRUE);
      return;
    }

  toplevel = cobalt_test_surface_get_toplevel (env);
  /* A dialog on the narrow screen is as narrow as the screen. */
  if (!size->large && toplevel != GTK_WINDOW (env->window))
    gtk_window_set_default_size (toplevel, width, height);
  cobalt_test_surfaces_wait (300);

  check.width = width;
  check.height = height;
  check.problems = problems;
  if (GTK_IS_POPOVER (shown))
    {
      /* A menu: within its popover, which GTK keeps on the screen. */
      check.scope = shown;
      check.width = gtk_widget_get_width (shown);
      check.height = gtk_widget_get_height (shown);
    }
  else
    {
      int min_width, min_height;

      check.scope = GTK_WIDGET (toplevel);
      gtk_widget_measure (check.scope, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (check.scope, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
      if (min_width > width)
        problem (&check, "the window (%s) needs %d px of width, more than the screen's %d",
                 G_OBJECT_TYPE_NAME (toplevel), min_width, width);
      if (min_height > height)
        problem (&check, "the window (%s) needs %d px of height, more than the screen's %d",
                 G_OBJECT_TYPE_NAME (toplevel), min_height, height);
      g_test_message ("%s: window %dx%d, needs at least %dx%d", size->surface->name,
                      gtk_widget_get_width (check.scope), gtk_widget_get_height (check.scope),
                      min_width, min_height);
    }

  check_tree (&check, check.scope);
  g_test_message ("%s: %u controls, %u labels checked; %u problems", size->surface->name,
                  check.n_controls, check.n_labels, check.n_problems);

  if (check.n_controls == 0)
    problem (&check, "no control found to check");
  if (check.n_problems > MAX_REPORTED)
    g_string_append_printf (problems, "\n  ... and %u more", check.n_problems - MAX_REPORTED);
  if (layout_warnings->len > 0)
    {
      check.n_problems++;
      g_string_append (problems, layout_warnings->str);
    }

  cobalt_test_surface_env_free (env);
  set_text_scale (FALSE);
  g_string_free (g_steal_pointer (&layout_warnings), TRUE);

  if (check.n_problems > 0)
    g_test_fail_printf ("%s at %dx%d%s: %u problems:%s", size->surface->name, width, height,
                        size->large ? " with 2x text" : "", check.n_problems, problems->str);
}

int
main (int   argc,
      char *argv[])
{
  const CobaltTestSurface *surfaces;
  g_autofree char **args = g_new0 (char *, argc + 2);
  guint n;

  /* Every surface and size is measured, whatever failed before. */
  memcpy (args, argv, argc * sizeof (char *));
  args[argc++] = (char *) "--keep-going";
  argv = args;

  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);
  /* After gtk_test_init(), which sets the C locale. */
  if (g_getenv ("COBALT_TEST_LOCALE") != NULL)
    {
      setlocale (LC_ALL, g_getenv ("COBALT_TEST_LOCALE"));
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COBALT_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (on_log_cb, NULL);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &default_dpi, NULL);

  surfaces = cobalt_test_surfaces_get (&n);
  for (guint large = 0; large < 2; large++)
    for (guint i = 0; i < n; i++)
      {
        SizeCase *size = g_new0 (SizeCase, 1);
        g_autofree char *path = g_strdup_printf ("/sizes/%s/%s", large ? "large" : "narrow", surfaces[i].name);

        size->surface = &surfaces[i];
        size->large = large;
        g_test_add_data_func_full (path, size, test_size, g_free);
      }

  return g_test_run ();
}
