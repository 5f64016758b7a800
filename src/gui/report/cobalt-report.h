/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The report for the clinic, drawn with cairo and Pango: page 1 is the
 * summary a clinician reads in a minute (cobalt-report-summary.h), then
 * the whole log as a table with every column of the Log page, stopped
 * checklists included, then every reaction, lab result and check-in note.
 * One flow of text: the table starts right under the summary, repeats its
 * column heads on each page, and a cell is wrapped, never cut or
 * ellipsized (a row taller than a page goes on over the next one).
 * "Page N of M" at the foot. The same drawing writes the PDF and prints
 * through GtkPrintOperation, on whatever paper the print settings give.
 * Log rows are read from the database in pages, so a long log does not
 * have to fit in memory. */

#define COBALT_TYPE_REPORT (cobalt_report_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReport, cobalt_report, COBALT, REPORT, GObject)

/* Reads the person, the summary and the log's keys at @clock's now. */
CobaltReport *cobalt_report_new              (CobaltRepository *repository,
                                              gint64            person_id,
                                              CobaltClock      *clock,
                                              GError          **error);

/* Lays the report out for a page of @width × @height points (margins
 * inside); returns the number of pages. */
guint         cobalt_report_paginate         (CobaltReport     *self,
                                              double            width,
                                              double            height);
guint         cobalt_report_get_n_pages      (CobaltReport     *self);
/* "B12 injection report: NAME": the first line, the PDF's title and the
 * print job's name. */
const char   *cobalt_report_get_title        (CobaltReport     *self);
/* Where the log table starts in the last pagination: its page (0-based)
 * and the distance from the top of that page in points. FALSE when the
 * report has no table (an empty log). */
gboolean      cobalt_report_get_table_start  (CobaltReport     *self,
                                              guint            *page,
                                              double           *y);
/* Draws page @page (0-based) of the last pagination onto @cr. */
void          cobalt_report_draw_page        (CobaltReport     *self,
                                              cairo_t          *cr,
                                              guint             page);

/* Writes the whole report as a PDF (0600, replaced atomically) on the
 * paper of the session's print settings, else the locale's. */
gboolean      cobalt_report_write_pdf        (CobaltReport     *self,
                                              const char       *path,
                                              GError          **error);
/* The same on a page of @width × @height points. */
gboolean      cobalt_report_write_pdf_sized  (CobaltReport     *self,
                                              const char       *path,
                                              double            width,
                                              double            height,
                                              GError          **error);

/* The operation cobalt_report_print() runs, set up but not run: the
 * session's print settings (cobalt_report_set_print_settings()), their
 * paper or else the locale's, no margins (the report draws its own), and
 * begin-print and draw-page wired to the report, which the operation
 * keeps alive for as long as it runs. */
GtkPrintOperation *cobalt_report_create_print_operation (CobaltReport *self);

/* Shows the print dialog (or, with @preview, the preview) and prints
 * asynchronously; the operation keeps the report, so the caller may drop
 * its reference at once. A failure (the dialog's, the printer's, or
 * writing the file of "Print to File") is shown in an error dialog over
 * @parent. Settings the person chose are kept for the next print of the
 * session. */
void          cobalt_report_print            (CobaltReport     *self,
                                              GtkWindow        *parent,
                                              gboolean          preview);

/* The print settings of the session (printer, paper, file of "Print to
 * File"), NULL before the first print; set again after each print that
 * went ahead, and settable beforehand (tests, a saved choice). */
GtkPrintSettings *cobalt_report_get_print_settings (void);
void          cobalt_report_set_print_settings (GtkPrintSettings *settings);

/* TRUE for US/Canadian locales (LC_ALL, LC_PAPER, then LANG): Letter;
 * A4 elsewhere. */
gboolean      cobalt_report_locale_uses_letter (void);
/* The locale's paper in points. */
void          cobalt_report_get_paper_size   (double           *width,
                                              double           *height);

G_END_DECLS
