/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The PDF report for the clinic, drawn with cairo: page 1 holds the
 * person, the prescription, a summary, the site rotation of the last 90
 * days and the recent reactions; the following pages the dose table
 * (newest first) with a header on each page and "Page N of M" at the foot.
 * The same drawing code writes the PDF and prints through
 * GtkPrintOperation. Rows are read from the database page by page, so
 * a long log does not have to fit in memory. */

#define COBALT_TYPE_REPORT (cobalt_report_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReport, cobalt_report, COBALT, REPORT, GObject)

/* Reads the person, prescription, reactions and the dose keys at
 * @clock's now. */
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
/* Draws page @page (0-based) of the last pagination onto @cr. */
void          cobalt_report_draw_page        (CobaltReport     *self,
                                              cairo_t          *cr,
                                              guint             page);

/* Writes the whole report as a PDF on the locale's paper (0600, replaced
 * atomically). */
gboolean      cobalt_report_write_pdf        (CobaltReport     *self,
                                              const char       *path,
                                              GError          **error);

/* Prints through the print dialog (or, with @preview, shows the preview). */
/* The operation cobalt_report_print() runs, set up (paper by locale, the
 * report's own margins) but not run: printing and tests share it. */
GtkPrintOperation *cobalt_report_create_print_operation (CobaltReport *self);
void          cobalt_report_print            (CobaltReport     *self,
                                              GtkWindow        *parent,
                                              gboolean          preview);

/* TRUE for US/Canadian locales (LC_ALL, LC_PAPER, then LANG): Letter;
 * A4 elsewhere. */
gboolean      cobalt_report_locale_uses_letter (void);
/* The locale's paper in points. */
void          cobalt_report_get_paper_size   (double           *width,
                                              double           *height);

G_END_DECLS
