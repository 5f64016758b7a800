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

  /* Before GTK: `cobalt --status` prints translated text without ever
   * initialising GTK. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cobalt_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
