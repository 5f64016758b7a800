/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_NUMBER_FIELDS (cobalt_number_fields_get_type ())
G_DECLARE_FINAL_TYPE (CobaltNumberFields, cobalt_number_fields, COBALT, NUMBER_FIELDS, GObject)

/* The person's emergency number and optional urgent-advice number, asked
 * the same way wherever a person is created or edited (the first-run form,
 * the person's details, the People window): docs/clinical-sources.md,
 * "Emergency and urgent-advice numbers". The emergency number is pre-filled
 * from the locale only where the table knows the country, always shown to
 * be checked, and otherwise empty and required; the urgent-advice number
 * is never pre-filled.
 *
 * Not a widget: it puts a caption, an entry and the lines under it for
 * each number into a grid the form owns, so they line up with the form's
 * other fields. */

/* Inserts COBALT_NUMBER_FIELDS_N_ROWS rows into @grid at @row (captions in
 * @column, entries in @column + 1 spanning @width columns) and fills them
 * from @person, or for someone new (NULL) from the locale. */
#define COBALT_NUMBER_FIELDS_N_ROWS 6
CobaltNumberFields *cobalt_number_fields_new    (GtkGrid      *grid,
                                                 int           column,
                                                 int           row,
                                                 int           width,
                                                 CobaltPerson *person);

/* The same, each caption above its entry (a form that works at 360 px):
 * COBALT_NUMBER_FIELDS_N_STACKED_ROWS rows at @row, everything in @column
 * spanning @width columns. */
#define COBALT_NUMBER_FIELDS_N_STACKED_ROWS 8
CobaltNumberFields *cobalt_number_fields_new_stacked (GtkGrid      *grid,
                                                      int           column,
                                                      int           row,
                                                      int           width,
                                                      CobaltPerson *person);

/* Fills the entries again from @person (NULL: someone new). */
void        cobalt_number_fields_load           (CobaltNumberFields *self,
                                                 CobaltPerson       *person);

/* FALSE when a number must be corrected: an empty emergency number, or
 * either one not a phone number. The reason is shown under its field, and
 * in @error (G_IO_ERROR_INVALID_DATA) when given. The first field to
 * correct takes the focus when @grab_focus. */
gboolean    cobalt_number_fields_check          (CobaltNumberFields  *self,
                                                 gboolean             grab_focus,
                                                 GError             **error);

/* Stores both numbers into @person (an empty urgent number as NULL). Call
 * after cobalt_number_fields_check(). */
void        cobalt_number_fields_apply          (CobaltNumberFields *self,
                                                 CobaltPerson       *person);

/* Hides both field messages. */
void        cobalt_number_fields_clear_errors   (CobaltNumberFields *self);

/* "emergency", "emergency-caption", "emergency-hint", "emergency-error",
 * "urgent", "urgent-caption", "urgent-hint", "urgent-error"; NULL for any
 * other name. */
GtkWidget  *cobalt_number_fields_get_field      (CobaltNumberFields *self,
                                                 const char         *name);

/* Digits with the usual phone punctuation (spaces, + - ( ) . /), at least
 * two digits. */
gboolean    cobalt_number_fields_looks_like_phone (const char *text);

G_END_DECLS
