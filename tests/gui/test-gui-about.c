/* SPDX-License-Identifier: GPL-3.0-or-later */

/* "About Cobalt" in the application as it runs from the build tree
 * (issue 14): the logo is a real icon of the current icon theme, with
 * no icon folder to find it in (it comes from the icons GResource,
 * data/icons), and
 * the dialog has the website, the issue tracker as a link, the
 * copyright, the credits and the licence. */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-test-surfaces.h"

#define ISSUES_LINK "<a href=\"https://github.com/cobaltb12/cobalt/issues\">"

/* Every label's text (markup included) under @widget. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The dialog's pages: About, Credits, License. */
static GtkStack *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_stack (child);

      if (stack != NULL)
        return stack;
    }

  return NULL;
}

static void
test_about (void)
{
  CobaltTestSurfaceEnv *env;
  GtkAboutDialog *about;
  GtkIconTheme *theme;
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *icon_name;
  const char * const *authors;
  GtkStack *stack;

  /* As in a build tree on a computer where Cobalt was never installed:
   * no icon folders, only the resource paths (GTK's own and Cobalt's,
   * added by GtkApplication). */
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  gtk_icon_theme_set_search_path (theme, (const char *[]) { NULL });

  env = cobalt_test_surface_env_new (cobalt_test_surfaces_find ("about"),
                                     cobalt_test_surfaces_application (), 800, 600);
  about = GTK_ABOUT_DIALOG (cobalt_test_surface_open (env, &error));
  g_assert_no_error (error);
  g_assert_true (GTK_IS_ABOUT_DIALOG (about));

  /* The logo: the application's icon, found by the theme, not GTK's
   * "image-missing" in its place. */
  icon_name = gtk_about_dialog_get_logo_icon_name (about);
  g_assert_cmpstr (icon_name, ==, APPLICATION_ID);
  g_assert_true (gtk_widget_get_display (GTK_WIDGET (about)) == gdk_display_get_default ());
  g_assert_true (gtk_icon_theme_has_icon (theme, icon_name));
  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APPLICATION_ID);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (uri, ==, "resource:///io/github/cobaltb12/Cobalt/icons/scalable/apps/"
                            APPLICATION_ID ".svg");

  g_assert_cmpstr (gtk_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_website (about), ==, "https://github.com/cobaltb12/cobalt");
  g_assert_nonnull (strstr (gtk_about_dialog_get_copyright (about), "©"));
  g_assert_nonnull (strstr (gtk_about_dialog_get_copyright (about), "Cobalt contributors"));
  g_assert_cmpint (gtk_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  authors = gtk_about_dialog_get_authors (about);
  g_assert_nonnull (authors);
  g_assert_nonnull (authors[0]);
  g_assert_nonnull (gtk_about_dialog_get_translator_credits (about));

  /* The issue tracker, clickable: a link on the Credits page. */
  stack = find_stack (GTK_WIDGET (about));
  g_assert_nonnull (stack);
  gtk_stack_set_visible_child_name (stack, "credits");
  cobalt_test_surfaces_wait (50);
  collect_labels (GTK_WIDGET (about), labels);
  g_assert_nonnull (strstr (labels->str, ISSUES_LINK "Report a problem or suggest a change</a>"));

  cobalt_test_surface_env_free (env);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/gui/about", test_about);

  return g_test_run ();
}
