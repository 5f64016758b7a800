/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cobalt's window on the demo data, opening one surface at a time (every
 * page, checklist screen, dialog and menu: tests/lib/cobalt-test-surfaces.h)
 * for test-a11y-audit.py to walk through the accessibility tree. Reads
 * commands on stdin, one a line, and answers on stdout:
 *
 *   list          the surface names, one a line, then "END"
 *   open NAME     a fresh window on fresh data, the surface opened in it:
 *                 "SHOWN NAME<TAB>KIND<TAB>TITLE" (KIND "window" or
 *                 "popover"; TITLE is the title of the window that holds
 *                 it), or "FAILED NAME<TAB>why"
 *   close         closes it and its window: "CLOSED"
 *   quit          exits
 *
 * The application's name on the accessibility bus is "cobalt-a11y-audit". */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cobalt-test-surfaces.h"

static CobaltTestSurfaceEnv *env;
static GtkApplication *application;
static gboolean quit;

static void
reply (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static void
reply (const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static void
close_surface (void)
{
  g_clear_pointer (&env, cobalt_test_surface_env_free);
}

/* GTK 4.8 shows a stack's hidden pages (and what a revealer hides) to
 * assistive technology as if they were on screen: every step of the
 * checklist, every section of the Journal and of Preferences would be
 * counted on each surface. What is visible but not mapped is marked
 * hidden, so that the walk sees what the surface shows. */
static void
hide_unmapped (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_NATIVE (child))
        continue;
      if (gtk_widget_get_visible (child) && !gtk_widget_get_mapped (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        hide_unmapped (child);
    }
}

static void
hide_unmapped_everywhere (GtkWidget *shown)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window))
        hide_unmapped (window);
    }
  if (GTK_IS_POPOVER (shown))
    hide_unmapped (shown);
}

static void
open_surface (const char *name)
{
  const CobaltTestSurface *surface = cobalt_test_surfaces_find (name);
  g_autoptr(GError) error = NULL;
  GtkWidget *shown;
  GtkWindow *toplevel;
  const char *title;

  close_surface ();
  if (surface == NULL)
    {
      reply ("FAILED %s\tno such surface", name);
      return;
    }

  env = cobalt_test_surface_env_new (surface, application, 1000, 800);
  shown = cobalt_test_surface_open (env, &error);
  if (shown == NULL)
    {
      reply ("FAILED %s\t%s", name, error != NULL ? error->message : "not opened");
      close_surface ();
      return;
    }

  toplevel = cobalt_test_surface_get_toplevel (env);
  title = gtk_window_get_title (toplevel);
  hide_unmapped_everywhere (shown);
  /* Let the accessibility bridge catch up with the new widgets. */
  cobalt_test_surfaces_wait (300);
  reply ("SHOWN %s\t%s\t%s", name, GTK_IS_POPOVER (shown) ? "popover" : "window", title != NULL ? title : "");
}

static gboolean
on_stdin_cb (GIOChannel   *channel,
             GIOCondition  condition,
             gpointer      user_data)
{
  g_autofree char *line = NULL;
  GIOStatus status;

  status = g_io_channel_read_line (channel, &line, NULL, NULL, NULL);
  if (status == G_IO_STATUS_AGAIN)
    return G_SOURCE_CONTINUE;
  if (status != G_IO_STATUS_NORMAL || line == NULL)
    {
      quit = TRUE;
      return G_SOURCE_REMOVE;
    }

  g_strstrip (line);
  if (g_str_equal (line, "list"))
    {
      guint n;
      const CobaltTestSurface *surfaces = cobalt_test_surfaces_get (&n);

      for (guint i = 0; i < n; i++)
        reply ("%s", surfaces[i].name);
      reply ("END");
    }
  else if (g_str_has_prefix (line, "open "))
    open_surface (line + strlen ("open "));
  else if (g_str_equal (line, "close"))
    {
      close_surface ();
      reply ("CLOSED");
    }
  else if (g_str_equal (line, "quit"))
    {
      quit = TRUE;
      return G_SOURCE_REMOVE;
    }
  else if (*line != '\0')
    reply ("ERROR unknown command: %s", line);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_printerr ("a11y-audit-app: gave up after 10 minutes\n");
  exit (2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GIOChannel) channel = NULL;

  g_setenv ("TZ", "Europe/London", TRUE);
  g_set_prgname ("cobalt-a11y-audit");
  gtk_init ();
  application = cobalt_test_surfaces_application ();

  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin_cb, NULL);
  g_timeout_add_seconds (600, on_timeout_cb, NULL);

  reply ("READY");
  while (!quit)
    g_main_context_iteration (NULL, TRUE);

  close_surface ();
  return 0;
}
