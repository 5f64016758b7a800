/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cobalt-reminder-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CobaltReminderApplication) app = NULL;
  const char *localedir = g_getenv ("COBALT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* COBALT_LOCALEDIR: the build tree's translations (src/main.c) */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("cobalt-reminder");
  g_set_application_name (_("Cobalt reminders"));

  app = cobalt_reminder_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
