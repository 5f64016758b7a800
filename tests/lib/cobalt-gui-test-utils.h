/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the widget tests: start GTK (or skip without a
 * display), run the main loop until GTK has nothing left to do, and find
 * widgets the way a user would (by the text they show) or by their id in
 * the .ui template. */

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "cobalt-test.h"

/* Every widget test's start: gtk_test_init(), or, when there is no display
 * at all, the whole program skipped (cobalt_test_skip_without_display():
 * a TAP "1..0 # SKIP" under meson, exit code 77 otherwise). A display that
 * is named but cannot be opened is a broken set-up, not a reason to skip:
 * gtk_test_init() then fails the test. */
static inline void
cobalt_test_init_gui (int    *argc,
                      char ***argv)
{
  cobalt_test_skip_without_display (*argc, *argv);
  gtk_test_init (argc, argv, NULL);
}

static inline void
cobalt_test_wait_idle (void)
{
  /* Two rounds: a frame can queue work for the next one. */
  for (guint round = 0; round < 2; round++)
    {
      gint64 end = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

      while (g_main_context_iteration (NULL, FALSE) || g_get_monotonic_time () < end)
        ;
    }
}

/* The first widget (depth first) for which @match returns TRUE; only
 * widgets that are visible up to @root count when @visible_only is set. */
static inline GtkWidget *
cobalt_test_find_widget (GtkWidget *root,
                         gboolean   visible_only,
                         gboolean (*match) (GtkWidget *, gconstpointer),
                         gconstpointer data)
{
  /* A stack's hidden pages are visible but not child-visible. */
  if (visible_only && (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root)))
    return NULL;
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cobalt_test_find_widget (child, visible_only, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
cobalt_test_match_label_text (GtkWidget     *widget,
                              gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static inline gboolean
cobalt_test_match_id (GtkWidget     *widget,
                      gconstpointer  id)
{
  const char *widget_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return g_strcmp0 (widget_id, id) == 0;
}

static inline gboolean
cobalt_test_match_type (GtkWidget     *widget,
                        gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* A visible label showing @text (a substring), or NULL. */
static inline GtkLabel *
cobalt_test_find_label (GtkWidget  *root,
                        const char *text)
{
  return (GtkLabel *) cobalt_test_find_widget (root, TRUE, cobalt_test_match_label_text, text);
}

/* The template child with the id @id (visible or not). */
static inline GtkWidget *
cobalt_test_find_id (GtkWidget  *root,
                     const char *id)
{
  GtkWidget *widget = cobalt_test_find_widget (root, FALSE, cobalt_test_match_id, id);

  g_assert_nonnull (widget);
  return widget;
}

static inline GtkWidget *
cobalt_test_find_type (GtkWidget *root,
                       GType      type)
{
  return cobalt_test_find_widget (root, TRUE, cobalt_test_match_type, GSIZE_TO_POINTER (type));
}

/* Is @widget showing, all the way up to its window (a stack's hidden
 * pages are not)? */
static inline gboolean
cobalt_test_is_showing (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

/* What a click does, without waiting for GtkButton's activate animation. */
static inline void
cobalt_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  cobalt_test_wait_idle ();
}

static inline char *
cobalt_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cobalt-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
cobalt_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            cobalt_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}
