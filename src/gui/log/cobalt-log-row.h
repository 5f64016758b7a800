/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Log page's table, drawn without a widget per cell.
 *
 * GTK 4.8's list views keep about 200 rows realized whatever the window
 * shows, and a GtkColumnView row is nine list-item widgets (the row and one
 * per column, each with its own gestures): building and binding them cost
 * most of the time the page took to open or to apply a filter. A
 * CobaltLogRow is one widget that lays out and draws the row's texts in
 * columns; CobaltLogColumns is the column geometry that the rows and the
 * header (CobaltLogHeader) share, so that they line up. */

typedef enum
{
  COBALT_LOG_COLUMN_WHEN,
  COBALT_LOG_COLUMN_SITE,
  COBALT_LOG_COLUMN_DOSE,
  COBALT_LOG_COLUMN_BATCH,
  COBALT_LOG_COLUMN_GIVEN_BY,
  COBALT_LOG_COLUMN_CHECKLIST,
  COBALT_LOG_COLUMN_REACTIONS,
  COBALT_LOG_COLUMN_NOTES,
  COBALT_LOG_N_COLUMNS
} CobaltLogColumn;

/* Horizontal padding inside each column, in pixels. */
#define COBALT_LOG_CELL_PADDING 6

typedef struct _CobaltLogColumns CobaltLogColumns;

CobaltLogColumns *cobalt_log_columns_new      (void);
CobaltLogColumns *cobalt_log_columns_ref      (CobaltLogColumns *columns);
void              cobalt_log_columns_unref    (CobaltLogColumns *columns);
/* Computes (or returns the cached) x and width of every column for a row
 * @width pixels wide, with @widget's font and text direction. Every column
 * gets at least its minimum; the Notes column takes what is left, or a
 * width of 0 (hidden) when the others need its room. */
void              cobalt_log_columns_get      (CobaltLogColumns *columns,
                                               GtkWidget        *widget,
                                               int               width,
                                               int              *x,
                                               int              *column_width);
/* The narrowest a row can be with every column on one line. */
int               cobalt_log_columns_get_min_width (CobaltLogColumns *columns,
                                                    GtkWidget        *widget);
/* Narrower than that (a narrow window, large text), a row is stacked on
 * two lines: the date and the dose, then the other cells; the header
 * shows its sort buttons in lines of their own. */
gboolean          cobalt_log_columns_is_stacked (CobaltLogColumns *columns,
                                                 GtkWidget        *widget,
                                                 int               width);
/* The narrowest a stacked row can be. */
int               cobalt_log_columns_get_stacked_min_width (CobaltLogColumns *columns,
                                                            GtkWidget        *widget);
/* The height of a line of text in @widget's font. */
int               cobalt_log_columns_get_line_height (CobaltLogColumns *columns,
                                                      GtkWidget        *widget);
/* After a change of font: measure again. */
void              cobalt_log_columns_reset    (CobaltLogColumns *columns);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltLogColumns, cobalt_log_columns_unref)

#define COBALT_TYPE_LOG_ROW (cobalt_log_row_get_type ())
G_DECLARE_FINAL_TYPE (CobaltLogRow, cobalt_log_row, COBALT, LOG_ROW, GtkWidget)

GtkWidget  *cobalt_log_row_new       (CobaltLogColumns   *columns);
/* @texts: COBALT_LOG_N_COLUMNS strings (NULL for an empty cell), copied.
 * @aborted: a stopped checklist (drawn in italics); @urgent: the
 * reactions include an urgent sign (drawn in the error colour). */
void        cobalt_log_row_set_texts (CobaltLogRow       *self,
                                      const char * const *texts,
                                      gboolean            aborted,
                                      gboolean            urgent);
/* What a screen reader reads for the row: @label, one sentence (what was
 * given, where, when, by whom), and @description, the rest (batch,
 * checklist, reactions, notes; may be NULL). Set on the row and on
 * @item_widget, the list item that holds it (GTK 4.8's list items have no
 * name of their own). */
void        cobalt_log_row_set_accessible_text (CobaltLogRow *self,
                                                GtkWidget    *item_widget,
                                                const char   *label,
                                                const char   *description);
const char *cobalt_log_row_get_text  (CobaltLogRow       *self,
                                      CobaltLogColumn     column);

G_END_DECLS
