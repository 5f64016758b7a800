/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cobalt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CobaltApplication) app = NULL;
  const char *localedir = g_getenv ("COBALT_LOCALEDIR");

  /* Before GTK: `cobalt --status` prints translated text without ever
   * initialising GTK. COBALT_LOCALEDIR: the build tree's <build>/po, set
   * by the tests and build-aux/dev.sh, where nothing is installed yet. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cobalt_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
