/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Printing the report (cobalt-report.h): the operation, the print dialog
 * run asynchronously with the operation keeping the report alive, the
 * failures shown, the session's print settings, the locale's paper. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-report.h"

/* The print settings of the session (cobalt_report_set_print_settings()). */
static GtkPrintSettings *session_settings;

/* Callbacks ------------------------------------------------------------ */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   CobaltReport      *self)
{
  guint n = cobalt_report_paginate (self, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 CobaltReport      *self)
{
  if (page >= 0 && (guint) page < cobalt_report_get_n_pages (self))
    cobalt_report_draw_page (self, gtk_print_context_get_cairo_context (context), page);
}

/* One print of the report, attached to its operation. */
typedef struct
{
  GtkWindow *parent;
  gboolean   failed;   /* the person was told */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_free (job);
}

static void
print_failed (GtkPrintOperation *operation,
              PrintJob          *job,
              const GError      *error)
{
  g_autoptr(GError) local_error = NULL;

  if (job->failed)
    return;
  job->failed = TRUE;
  if (error == NULL)
    gtk_print_operation_get_error (operation, &local_error);
  if (error == NULL && local_error == NULL)
    local_error = g_error_new_literal (GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                                       _("The printer reported that the job failed."));
  cobalt_carers_show_error (job->parent != NULL ? GTK_WIDGET (job->parent) : NULL,
                            _("The report could not be printed"), error != NULL ? error : local_error);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_failed (operation, job, NULL);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    cobalt_report_set_print_settings (gtk_print_operation_get_print_settings (operation));
}

/* "Print to File" writes the file after "done": a failure then only shows
 * in the status. */
static void
on_print_status_changed_cb (GtkPrintOperation *operation,
                            PrintJob          *job)
{
  if (gtk_print_operation_get_status (operation) == GTK_PRINT_STATUS_FINISHED_ABORTED)
    print_failed (operation, job, NULL);
}

/* Public API ------------------------------------------------------------ */

GtkPrintOperation *
cobalt_report_create_print_operation (CobaltReport *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;

  g_return_val_if_fail (COBALT_IS_REPORT (self), NULL);

  /* The paper of the last print, else the locale's. */
  if (session_settings != NULL)
    paper = gtk_print_settings_get_paper_size (session_settings);
  if (paper == NULL)
    paper = gtk_paper_size_new (cobalt_report_locale_uses_letter () ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  if (session_settings != NULL && gtk_print_settings_has_key (session_settings, GTK_PRINT_SETTINGS_ORIENTATION))
    gtk_page_setup_set_orientation (setup, gtk_print_settings_get_orientation (session_settings));
  /* The report draws its own margins. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, cobalt_report_get_title (self));
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The operation runs after the caller has let go of the report (the
   * print dialog is asynchronous): it keeps the report until it is done. */
  g_object_set_data_full (G_OBJECT (operation), "cobalt-report", g_object_ref (self), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);

  return g_steal_pointer (&operation);
}

void
cobalt_report_print (CobaltReport *self,
                     GtkWindow    *parent,
                     gboolean      preview)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_if_fail (COBALT_IS_REPORT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = cobalt_report_create_print_operation (self);
  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_object_set_data_full (G_OBJECT (operation), "cobalt-print-job", job, (GDestroyNotify) print_job_free);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_track_print_status (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), job);
  g_signal_connect (operation, "status-changed", G_CALLBACK (on_print_status_changed_cb), job);

  /* GTK holds the operation while it runs. */
  result = gtk_print_operation_run (operation,
                                    preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                            : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    print_failed (operation, job, error);
}

GtkPrintSettings *
cobalt_report_get_print_settings (void)
{
  return session_settings;
}

void
cobalt_report_set_print_settings (GtkPrintSettings *settings)
{
  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));

  if (settings == session_settings)
    return;
  g_clear_object (&session_settings);
  if (settings != NULL)
    session_settings = gtk_print_settings_copy (settings);
}

gboolean
cobalt_report_locale_uses_letter (void)
{
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" };

  /* The first of these that is set decides, as for setlocale(). */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value == NULL || *value == '\0')
        continue;
      return strstr (value, "_US") != NULL || strstr (value, "_CA") != NULL;
    }
  return FALSE;
}

void
cobalt_report_get_paper_size (double *width,
                              double *height)
{
  if (cobalt_report_locale_uses_letter ())
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.28;
      *height = 841.89;
    }
}
