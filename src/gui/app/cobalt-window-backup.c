/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-backup-cli.h"
#include "cobalt-carers-util.h"
#include "cobalt-window-private.h"

/* "Back up to a file…" and "Restore from a file…" (the main menu): a copy
 * of the whole log the user keeps where they like, and the way back from
 * one, told in people, doses and dates before and after.
 *
 * Both actions take a path: "" asks for the file (the menu), a path uses
 * it (what the file chooser returns, and the tests). A restore is always
 * confirmed first, with what the file holds. */

/* GtkMessageDialog until GTK 4.10's GtkAlertDialog (STYLE.md). */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static GtkWidget *
message_new (CobaltWindow   *self,
             GtkMessageType  type,
             GtkButtonsType  buttons,
             const char     *primary,
             const char     *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, buttons, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  gtk_window_set_title (GTK_WINDOW (dialog), primary);
  cobalt_carers_fix_names (dialog);
  return dialog;
}

static void
show_message (CobaltWindow   *self,
              GtkMessageType  type,
              const char     *primary,
              const char     *secondary)
{
  GtkWidget *dialog = message_new (self, type, GTK_BUTTONS_CLOSE, primary, secondary);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  cobalt_carers_fit_dialog (GTK_WINDOW (dialog), 480);
  gtk_window_present (GTK_WINDOW (dialog));
}

G_GNUC_END_IGNORE_DEPRECATIONS

static CobaltRepository *
get_repository (CobaltWindow *self)
{
  return self->context != NULL ? cobalt_context_get_repository (self->context) : NULL;
}

/* Backing up --------------------------------------------------------------- */

static void
back_up_to (CobaltWindow *self,
            const char   *path)
{
  CobaltRepository *repository = get_repository (self);
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *text = NULL;

  /* The file chooser has asked before replacing a file. */
  if (repository == NULL ||
      !cobalt_repository_backup_to_file (repository, path, TRUE, &error) ||
      !(summary = cobalt_repository_summarize_file (path, &error)))
    {
      if (error == NULL)
        g_set_error_literal (&error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                             _("Cobalt has no log open to back up."));
      cobalt_carers_show_error (GTK_WIDGET (self), _("The backup could not be made"), error);
      return;
    }

  holds = cobalt_log_summary_describe (summary);
  /* Translators: the first %s is a file name, the second "2 people and
   * 140 doses, given from 3 January 2025 to 4 December 2026" */
  text = g_strdup_printf (_("“%s” holds %s. It was read back and checked. It holds health "
                            "information: keep it somewhere safe, such as a USB stick of your own."),
                          path, holds);
  show_message (self, GTK_MESSAGE_INFO, _("Backup saved"), text);
}

/* Restoring ---------------------------------------------------------------- */

static void
restore_from (CobaltWindow *self,
              const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *text = NULL;
  CobaltRepository *repository;

  /* Every page lets go of the log before the file under it changes. */
  _cobalt_window_release_log (self);

  if (!cobalt_repository_restore_backup (self->data_dir, path, &kept, &error))
    {
      /* Nothing changed: the log comes back as it was. */
      cobalt_window_load (self, 0);
      cobalt_carers_show_error (GTK_WIDGET (self), _("The backup could not be restored"), error);
      return;
    }

  cobalt_window_load (self, 0);
  repository = get_repository (self);
  if (repository == NULL)
    return;  /* the window shows what is wrong with the file */

  summary = cobalt_repository_summarize (repository, &error);
  holds = summary != NULL ? cobalt_log_summary_describe (summary) : g_strdup (error->message);
  if (kept != NULL)
    /* Translators: the first %s is "2 people and 140 doses, given from…",
     * the second a file name */
    text = g_strdup_printf (_("Cobalt now shows %s. The log it replaced is kept as “%s”."),
                            holds, kept);
  else
    text = g_strdup_printf (_("Cobalt now shows %s."), holds);
  show_message (self, GTK_MESSAGE_INFO, _("Backup restored"), text);
}

typedef struct
{
  CobaltWindow *window;
  char         *path;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
on_restore_response_cb (GtkDialog      *dialog,
                        int             response,
                        RestoreRequest *request)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    restore_from (request->window, request->path);
  restore_request_free (request);
}

/* What the file holds, against what is open now, then Restore or Cancel. */
static void
confirm_restore (CobaltWindow *self,
                 const char   *path)
{
  CobaltRepository *repository = get_repository (self);
  g_autoptr(CobaltLogSummary) summary = NULL;
  g_autoptr(CobaltLogSummary) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *holds = NULL;
  g_autofree char *now_holds = NULL;
  g_autofree char *text = NULL;
  RestoreRequest *request;
  GtkWidget *dialog;
  GtkWidget *button;

  /* Checked before anything is asked: a file that is no Cobalt log, a
   * newer Cobalt's or a damaged one is refused here, nothing changed. */
  summary = cobalt_repository_summarize_file (path, &error);
  if (summary == NULL)
    {
      g_autofree char *sentence = cobalt_backup_cli_sentence (error->message);
      /* Translators: %s is why the file cannot be restored, a sentence */
      g_autofree char *why = g_strdup_printf (_("%s Nothing was changed."), sentence);

      show_message (self, GTK_MESSAGE_ERROR, _("This file cannot be restored"), why);
      return;
    }

  holds = cobalt_log_summary_describe (summary);
  if (repository != NULL && (current = cobalt_repository_summarize (repository, NULL)) != NULL)
    {
      now_holds = cobalt_log_summary_describe (current);
      /* Translators: both %s are "2 people and 140 doses, given from…" */
      text = g_strdup_printf (_("The backup holds %s. The log Cobalt shows now holds %s; it is "
                                "not deleted, but kept beside the restored one as a file of its own."),
                              holds, now_holds);
    }
  else
    text = g_strdup_printf (_("The backup holds %s."), holds);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = message_new (self, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                        _("Restore this backup?"), text);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cobalt_carers_fix_names (dialog);

  request = g_new0 (RestoreRequest, 1);
  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), request);
  cobalt_carers_fit_dialog (GTK_WINDOW (dialog), 480);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The actions ---------------------------------------------------------------- */

typedef void (*FileFunc) (CobaltWindow *self,
                          const char   *path);

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CobaltWindow    *self)
{
  FileFunc func = g_object_get_data (G_OBJECT (chooser), "cobalt-file-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        func (self, path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file (CobaltWindow *self,
             gboolean      save,
             FileFunc      func)
{
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (save ? _("Back Up to a File") : _("Restore from a File"),
                                         GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Back Up") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (backups, _("Cobalt backups"));
  gtk_file_filter_add_suffix (backups, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), backups);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (save)
    {
      g_autoptr(GDateTime) now = cobalt_clock_get_now (self->clock);
      g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
      /* Translators: the file name a backup is offered under; %s is the
       * date as 2026-12-04. Keep it a valid file name. */
      g_autofree char *name = g_strdup_printf (_("Cobalt backup %s.db"), day);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "cobalt-file-func", func);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
window_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CobaltWindow *self = COBALT_WINDOW (widget);
  gboolean save = g_str_equal (action_name, "win.backup-to-file");
  FileFunc func = save ? back_up_to : confirm_restore;
  const char *path = g_variant_get_string (parameter, NULL);

  if (*path == '\0')
    choose_file (self, save, func);
  else
    func (self, path);
}

void
_cobalt_window_backup_update_actions (CobaltWindow *self)
{
  /* A restore is most wanted when the log cannot be read: always there. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup-to-file", get_repository (self) != NULL);
}

void
_cobalt_window_class_backup_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backup-to-file", "s", window_file_action);
  gtk_widget_class_install_action (widget_class, "win.restore-from-file", "s", window_file_action);
}
