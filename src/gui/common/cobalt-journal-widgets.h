/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* Building blocks shared by the journal's and the supply cupboard's
 * widgets: the lists of records with their Edit and Delete buttons, and
 * the reasons shown beside a field. */

/* The local day of @clock's "now". */
void       cobalt_journal_today              (CobaltClock *clock,
                                              GDate       *out);

/* Lists ---------------------------------------------------------------- */

/* Removes every child of a GtkListBox or a GtkBox. */
void       cobalt_journal_clear_children     (GtkWidget  *box);
/* A wrapping, start-aligned label appended to @box. */
GtkWidget *cobalt_journal_add_label          (GtkBox     *box,
                                              const char *text,
                                              const char *css_class);
/* Appends a row (an optional icon, then a column for the text) to @list;
 * returns the text column. The row itself is its parent. */
GtkBox    *cobalt_journal_add_row            (GtkListBox *list,
                                              const char *icon_name);
/* Edit and Delete buttons at the end of the row holding @text_column.
 * @title names the record for screen readers ("Edit check-in of 3 May").
 * The callbacks get the button (whose "record-id" data is @id) and
 * @user_data. */
void       cobalt_journal_add_row_buttons    (GtkBox     *text_column,
                                              const char *title,
                                              gint64      id,
                                              GCallback   on_edit,
                                              GCallback   on_delete,
                                              gpointer    user_data);
/* The id given to cobalt_journal_add_row_buttons(). */
gint64     cobalt_journal_row_button_get_id  (GtkWidget  *button);
/* Shows @list when it has @n rows, else @empty saying @empty_text. */
void       cobalt_journal_show_list          (GtkWidget  *list,
                                              GtkLabel   *empty,
                                              guint       n,
                                              const char *empty_text);
/* A failed read, in words, where the list would be. */
void       cobalt_journal_show_read_error    (GtkWidget    *list,
                                              GtkLabel     *empty,
                                              const GError *error);

/* Forms ---------------------------------------------------------------- */

/* Shows why a save failed beside the field (@label, a .field-error):
 * the message itself for the form's own @domain (a validation reason),
 * else a sentence about the database. */
void       cobalt_journal_show_save_error    (GtkLabel     *label,
                                              const GError *error,
                                              GQuark        domain);

G_END_DECLS
