/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Widget tests that go through the windows an action opens: file
 * choosers, message dialogs, print dialogs, found among the toplevels as a
 * user would see them. */

#include <gtk/gtk.h>

#include "cobalt-gui-test-utils.h"

typedef gboolean (*CobaltWindowMatch) (GtkWindow *window, gconstpointer data);

/* Runs the main loop until a shown window matches, for up to @seconds;
 * NULL when none did. */
static inline GtkWindow *
cobalt_test_wait_for_window (CobaltWindowMatch match,
                             gconstpointer     data,
                             guint             seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  do
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (gtk_widget_get_visible (l->data) && match (l->data, data))
          return l->data;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < end);
  return NULL;
}

/* Destroys every shown toplevel but @keep (may be NULL): the dialogs a
 * test left open. */
static inline void
cobalt_test_close_other_windows (GtkWindow *keep)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != keep && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  cobalt_test_wait_idle ();
}

/* @data: a type name ("GtkFileChooserDialog"). */
static inline gboolean
cobalt_test_window_is_of_type (GtkWindow     *window,
                               gconstpointer  type_name)
{
  GType type = g_type_from_name (type_name);

  return type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (window, type);
}

/* @data: the message dialog's primary text. */
static inline gboolean
cobalt_test_window_is_message_saying (GtkWindow     *window,
                                      gconstpointer  text)
{
  g_autofree char *primary = NULL;

  if (!GTK_IS_MESSAGE_DIALOG (window))
    return FALSE;
  g_object_get (window, "text", &primary, NULL);
  return g_strcmp0 (primary, text) == 0;
}

/* The file chooser an action opened (a GtkFileChooserNative falls back to
 * GtkFileChooserDialog without a portal), answered with @path as a user
 * would: typed in (Save) or picked (Open), then accepted. */
static inline void
cobalt_test_answer_file_chooser (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkWindow *chooser;
  gboolean save;

  chooser = cobalt_test_wait_for_window (cobalt_test_window_is_of_type, "GtkFileChooserDialog", 10);
  g_assert_nonnull (chooser);
  save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The chooser opens on a folder of its own, loaded asynchronously:
   * typed in again until it has shown the one asked for for a while. */
  for (gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC, next = 0, steady = 0; ; )
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gint64 now = g_get_monotonic_time ();

      g_assert_cmpint (now, <, end);
      if (chosen != NULL && g_file_equal (chosen, file))
        {
          if (steady == 0)
            steady = now;
          else if (now - steady > 500 * G_TIME_SPAN_MILLISECOND)
            break;
        }
      else
        steady = 0;
      if (steady == 0 && now >= next)
        {
          if (save)
            {
              gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
              gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
            }
          else
            gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
          next = now + 200 * G_TIME_SPAN_MILLISECOND;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  /* As the Save or Open button does: the chooser checks the name
   * (asynchronously) before it answers and hides. */
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       chooser != NULL && gtk_widget_get_visible (GTK_WIDGET (chooser)) && g_get_monotonic_time () < end; )
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (chooser == NULL || !gtk_widget_get_visible (GTK_WIDGET (chooser)));
  if (chooser != NULL)
    g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  cobalt_test_wait_idle ();
}
