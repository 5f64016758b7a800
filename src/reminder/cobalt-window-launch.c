/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>

#include "cobalt-window-launch.h"

static GStrvBuilder *
launch_command (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *override = g_getenv (COBALT_REMINDER_LAUNCH_CMD_ENV);
  g_autofree char *self_exe = NULL;
  g_autofree char *sibling = NULL;

  if (override != NULL && *override != '\0')
    {
      g_auto(GStrv) argv = NULL;
      g_autoptr(GError) error = NULL;

      if (g_shell_parse_argv (override, NULL, &argv, &error))
        {
          g_strv_builder_addv (builder, (const char **) argv);
          return g_steal_pointer (&builder);
        }

      g_message ("Ignoring %s: %s", COBALT_REMINDER_LAUNCH_CMD_ENV, error->message);
    }

  /* The cobalt next to this cobalt-reminder (an uninstalled build, or a
   * prefix not on PATH) before the one on PATH. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);

      sibling = g_build_filename (dir, "cobalt", NULL);
      if (!g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        g_clear_pointer (&sibling, g_free);
    }

  g_strv_builder_add (builder, sibling != NULL ? sibling : "cobalt");
  return g_steal_pointer (&builder);
}

void
cobalt_window_launch (const char *person_name,
                      gboolean    checklist,
                      const char *data_dir)
{
  g_autoptr(GStrvBuilder) builder = launch_command ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  if (checklist)
    g_strv_builder_add (builder, "--checklist");
  if (person_name != NULL)
    g_strv_builder_addv (builder, (const char *[]) { "--person", person_name, NULL });
  if (data_dir != NULL)
    g_strv_builder_addv (builder, (const char *[]) { "--data-dir", data_dir, NULL });

  argv = g_strv_builder_end (builder);

  /* Without DO_NOT_REAP_CHILD GLib double-forks: no zombie, and the
   * window is not our child. */
  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, NULL, &error))
    g_message ("Could not start %s: %s", argv[0], error->message);
}
