/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-carers-export.h"
#include "cobalt-carers-util.h"
#include "cobalt-core.h"
#include "cobalt-report.h"

typedef struct
{
  GtkWidget            *parent;
  CobaltRepository     *repository;
  CobaltClock          *clock;
  CobaltPerson         *person;
  CobaltCarersTransfer  kind;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_clear_object (&transfer->parent);
  g_clear_object (&transfer->repository);
  g_clear_object (&transfer->clock);
  g_clear_object (&transfer->person);
  g_free (transfer);
}

static void
show_info (GtkWidget  *parent,
           const char *text)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", text);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_transfer (Transfer   *transfer,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id = transfer->person->id;

  switch (transfer->kind)
    {
    case COBALT_CARERS_EXPORT_CSV:
      if (!cobalt_csv_export (transfer->repository, person_id, path, &error))
        cobalt_carers_show_error (transfer->parent, _("The log could not be exported"), error);
      break;

    case COBALT_CARERS_EXPORT_ICS:
      if (!cobalt_ical_export (transfer->repository, person_id, transfer->clock, path, &error))
        cobalt_carers_show_error (transfer->parent, _("The calendar could not be exported"), error);
      break;

    case COBALT_CARERS_EXPORT_FHIR:
      if (!cobalt_fhir_export (transfer->repository, person_id, transfer->clock, path, &error))
        cobalt_carers_show_error (transfer->parent, _("The health record could not be exported"), error);
      break;

    case COBALT_CARERS_EXPORT_PDF:
      {
        g_autoptr(CobaltReport) report = cobalt_report_new (transfer->repository, person_id,
                                                            transfer->clock, &error);

        if (report == NULL || !cobalt_report_write_pdf (report, path, &error))
          cobalt_carers_show_error (transfer->parent, _("The report could not be made"), error);
      }
      break;

    case COBALT_CARERS_IMPORT_CSV:
      {
        guint n_imported = 0, n_skipped = 0;
        g_autofree char *text = NULL;

        if (!cobalt_csv_import (transfer->repository, person_id, path, &n_imported, &n_skipped,
                                NULL, &error))
          {
            cobalt_carers_show_error (transfer->parent, _("Nothing was imported"), error);
            break;
          }
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u dose", "Imported %u doses",
                                             n_imported), n_imported);
        if (n_skipped > 0)
          {
            g_autofree char *more = NULL;

            more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s; %u was already in the log.",
                                                 "%s; %u were already in the log.", n_skipped),
                                    text, n_skipped);
            g_free (text);
            text = g_steal_pointer (&more);
          }
        show_info (transfer->parent, text);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        Transfer        *transfer)
{

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        run_transfer (transfer, path);
    }
  transfer_free (transfer);
  g_object_unref (chooser);
}

void
cobalt_carers_transfer (GtkWidget            *parent,
                        CobaltRepository     *repository,
                        CobaltClock          *clock,
                        CobaltPerson         *person,
                        CobaltCarersTransfer  kind)
{
  static const struct { const char *title; const char *ext; const char *mime; } info[] = {
    { N_("Export the Log as CSV"), "csv", "text/csv" },
    { N_("Save the Report as PDF"), "pdf", "application/pdf" },
    { N_("Export Upcoming Doses as iCalendar"), "ics", "text/calendar" },
    { N_("Import Doses from CSV"), "csv", "text/csv" },
    { N_("Export the Health Record as FHIR"), "json", "application/json" },
  };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root;
  Transfer *transfer;
  gboolean save = kind != COBALT_CARERS_IMPORT_CSV;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (COBALT_IS_REPOSITORY (repository));
  g_return_if_fail (COBALT_IS_PERSON (person));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (info));

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_(info[kind].title),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, info[kind].mime);
  gtk_file_filter_add_suffix (filter, info[kind].ext);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", person->name, info[kind].ext);

      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  transfer = g_new0 (Transfer, 1);
  transfer->parent = g_object_ref (parent);
  transfer->repository = g_object_ref (repository);
  transfer->clock = clock ? g_object_ref (clock) : cobalt_clock_new_real ();
  transfer->person = g_object_ref (person);
  transfer->kind = kind;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), transfer);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
