/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Which cobalt: the one of the same build, so that a development build's
 * reminder opens that build's window (in the build tree cobalt is
 * src/cobalt and cobalt-reminder src/reminder/cobalt-reminder, so "beside
 * it" finds nothing there), and an installed reminder the installed
 * window, never an unrelated cobalt that happens to be first on PATH.
 *
 * Whether it opened: cobalt is a GtkApplication, so a second one hands
 * the request to the running Cobalt and ends with status 0, a first one
 * keeps running, and one that cannot start (no display, a missing
 * library, a bad option) ends at once with an error. So the process is
 * watched (GSubprocess reaps it, whenever it ends) for
 * COBALT_WINDOW_LAUNCH_GRACE_MS: no double fork, no zombie either. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cobalt-window-launch.h"

typedef struct
{
  GSubprocess *process;
  guint        grace_id;
  gboolean     done;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_handle_id (&data->grace_id, g_source_remove);
  g_clear_object (&data->process);
  g_free (data);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
on_grace_over_cb (gpointer user_data)
{
  GTask *task = user_data;
  LaunchData *data = g_task_get_task_data (task);

  data->grace_id = 0;
  if (!data->done)
    {
      /* Still running: the window is up (or starting). */
      data->done = TRUE;
      g_task_return_boolean (task, TRUE);
    }

  return G_SOURCE_REMOVE;
}

static void
on_process_ended_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LaunchData *data = g_task_get_task_data (task);
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&data->grace_id, g_source_remove);

  if (!g_subprocess_wait_finish (process, result, &error))
    {
      /* Cancelled: whoever asked is gone; the window is not ours to stop. */
      if (!data->done)
        {
          data->done = TRUE;
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }

  if (data->done)
    return;
  data->done = TRUE;

  if (g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0)
    g_task_return_boolean (task, TRUE);
  else if (g_subprocess_get_if_exited (process))
    g_task_return_new_error (task, G_SPAWN_EXIT_ERROR, g_subprocess_get_exit_status (process),
                             /* Translators: follows "Cobalt could not be opened:" */
                             _("it closed as soon as it started (exit status %d)"),
                             g_subprocess_get_exit_status (process));
  else
    g_task_return_new_error (task, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                             /* Translators: follows "Cobalt could not be opened:" */
                             _("it stopped as soon as it started"));
}

char *
cobalt_window_launch_find_program (const char *self_exe)
{
  if (self_exe != NULL && same_file (self_exe, BUILD_TREE_COBALT_REMINDER))
    return g_strdup (BUILD_TREE_COBALT);

  return g_build_filename (BINDIR, "cobalt", NULL);
}

GStrv
cobalt_window_launch_build_argv (const char *person_name,
                                 gboolean    checklist,
                                 const char *data_dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *override = g_getenv (COBALT_REMINDER_LAUNCH_CMD_ENV);
  g_auto(GStrv) override_argv = NULL;

  if (override != NULL && *override != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!g_shell_parse_argv (override, NULL, &override_argv, &error))
        g_message ("Ignoring %s: %s", COBALT_REMINDER_LAUNCH_CMD_ENV, error->message);
    }

  if (override_argv != NULL)
    g_strv_builder_addv (builder, (const char **) override_argv);
  else
    {
      g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *program = cobalt_window_launch_find_program (self_exe);

      /* g_strv_builder_take() is GLib 2.80. */
      g_strv_builder_add (builder, program);
    }

  if (checklist)
    g_strv_builder_add (builder, "--checklist");
  if (person_name != NULL)
    g_strv_builder_addv (builder, (const char *[]) { "--person", person_name, NULL });
  if (data_dir != NULL)
    g_strv_builder_addv (builder, (const char *[]) { "--data-dir", data_dir, NULL });

  return g_strv_builder_end (builder);
}

void
cobalt_window_launch_async (const char          *person_name,
                            gboolean             checklist,
                            const char          *data_dir,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_auto(GStrv) argv = cobalt_window_launch_build_argv (person_name, checklist, data_dir);
  g_autoptr(GError) error = NULL;
  LaunchData *data;

  g_task_set_source_tag (task, cobalt_window_launch_async);

  /* A path that is not there says so plainly (GLib's own message names
   * the "child process"). */
  if (g_path_is_absolute (argv[0]) && !g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_message ("Could not start %s: not an executable file", argv[0]);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               /* Translators: follows "Cobalt could not be opened:";
                                * %s is a file name such as /usr/bin/cobalt */
                               _("the program %s is missing"), argv[0]);
      return;
    }

  data = g_new0 (LaunchData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) launch_data_free);

  data->process = g_subprocess_newv ((const char * const *) argv,
                                     G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  if (data->process == NULL)
    {
      g_message ("Could not start %s: %s", argv[0], error->message);
      data->done = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_message ("Started %s", argv[0]);
  data->grace_id = g_timeout_add (COBALT_WINDOW_LAUNCH_GRACE_MS, on_grace_over_cb, task);
  g_subprocess_wait_async (data->process, cancellable, on_process_ended_cb, g_object_ref (task));
}

gboolean
cobalt_window_launch_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
