/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `autostart-tool on|off|status`: the autostart preference's logic
 * (cobalt_autostart_set_enabled/_is_enabled) for test-autostart-install-
 * prefix.py, which points XDG_CONFIG_HOME and XDG_CONFIG_DIRS at its own
 * folders. Prints the user's entry's path and "enabled" or "disabled". */

#include "config.h"

#include "cobalt-autostart.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cobalt_autostart_get_path ();

  if (argc != 2)
    {
      g_printerr ("usage: autostart-tool on|off|status\n");
      return 2;
    }

  if (g_str_equal (argv[1], "on") || g_str_equal (argv[1], "off"))
    {
      if (!cobalt_autostart_set_enabled (g_str_equal (argv[1], "on"), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else if (!g_str_equal (argv[1], "status"))
    {
      g_printerr ("unknown command %s\n", argv[1]);
      return 2;
    }

  g_print ("%s\n%s\n", path, cobalt_autostart_is_enabled () ? "enabled" : "disabled");
  return 0;
}
