/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-backup-cli.h"
#include "cobalt-carers-cli.h"
#include "cobalt-cli.h"
#include "cobalt-data-problem.h"

static CobaltRepository *
open_log (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  CobaltRepository *repository;

  /* As --status: the command line moves no files aside. */
  repository = cobalt_data_problem_open (data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP,
                                         FALSE, NULL, &error);
  if (repository == NULL)
    {
      cobalt_data_problem_describe (error, data_dir, NULL, &title, &body);
      g_printerr ("cobalt: %s %s\n", title, body);
    }
  return repository;
}

char *
cobalt_backup_cli_sentence (const char *message)
{
  g_autofree char *text = g_strstrip (g_strdup (message));

  /* SQLite's words end without a full stop; ours with one. */
  if (*text != '\0' && !g_str_has_suffix (text, ".") && !g_str_has_suffix (text, "?") &&
      !g_str_has_suffix (text, "!"))
    return g_strconcat (text, ".", NULL);
  return g_steal_pointer (&text);
}

int
cobalt_backup_cli_backup (const char *data_dir,
                          const char *path)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *holds = NULL;

  g_return_val_if_fail (data_dir != NULL && path != NULL, COBALT_EXIT_FAILED);

  if (!(repository = open_log (data_dir)))
    return COBALT_EXIT_FAILED;

  if (!cobalt_repository_backup_to_file (repository, path, FALSE, &error) ||
      !(summary = cobalt_repository_summarize_file (path, &error)))
    {
      g_printerr ("cobalt: %s\n", error->message);
      return COBALT_EXIT_FILE;
    }

  holds = cobalt_log_summary_describe (summary);
  /* Translators: `cobalt --backup FILE`; the first %s is the file, the
   * second "2 people and 140 doses, given from 3 January 2025 to
   * 4 December 2026" */
  g_print (_("Backed up to %s, checked: %s.\n"), path, holds);
  return COBALT_EXIT_OK;
}

/* TRUE when a Cobalt window has the usual data folder open: it would go on
 * writing to the log the restore replaces. */
static gboolean
window_is_running (const char *data_dir)
{
  g_autofree char *default_dir = cobalt_cli_get_default_data_dir ();
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  /* A window on another folder is not unique on the bus (its own log). */
  if (g_strcmp0 (default_dir, data_dir) != 0)
    return FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

int
cobalt_backup_cli_restore (const char *data_dir,
                           const char *path)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *holds = NULL;

  g_return_val_if_fail (data_dir != NULL && path != NULL, COBALT_EXIT_FAILED);

  /* Checked first, and read the way it will be read once restored. */
  summary = cobalt_repository_summarize_file (path, &error);
  if (summary == NULL)
    {
      g_autofree char *why = cobalt_backup_cli_sentence (error->message);

      /* Translators: `cobalt --restore FILE` refused the file; the second
       * %s is why, a sentence */
      g_printerr (_("cobalt: %s cannot be restored. %s Nothing was changed.\n"), path, why);
      return COBALT_EXIT_NOT_RESTORED;
    }
  if (window_is_running (data_dir))
    {
      g_printerr ("cobalt: %s\n", _("Cobalt’s window is open: close it first, or restore from its "
                                   "menu (Restore from a File…). Nothing was changed."));
      return COBALT_EXIT_NOT_RESTORED;
    }

  if (!cobalt_repository_restore_backup (data_dir, path, &kept, &error))
    {
      g_printerr ("cobalt: %s\n", error->message);
      return COBALT_EXIT_FILE;
    }

  /* What the log holds now, read from the log itself. */
  if (!(repository = open_log (data_dir)))
    return COBALT_EXIT_FAILED;
  g_clear_pointer (&summary, cobalt_log_summary_free);
  if (!(summary = cobalt_repository_summarize (repository, &error)))
    {
      g_printerr ("cobalt: %s\n", error->message);
      return COBALT_EXIT_FAILED;
    }

  holds = cobalt_log_summary_describe (summary);
  /* Translators: `cobalt --restore FILE`; the first %s is the file, the
   * second "2 people and 140 doses, given from…" */
  g_print (_("Restored %s: Cobalt now holds %s.\n"), path, holds);
  if (kept != NULL)
    /* Translators: after `cobalt --restore FILE`; %s is a file name */
    g_print (_("The log it replaced is kept as %s.\n"), kept);
  return COBALT_EXIT_OK;
}
