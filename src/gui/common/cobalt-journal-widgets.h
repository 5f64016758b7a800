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
/* Names the row holding @text_column for screen readers: the @n_parts
 * @parts (what the row shows, translated; NULL or empty ones are skipped)
 * read in turn, "Check-in of 3 May 2025, 20:15. Energy: 6, Mood: not
 * recorded". @description (may be NULL) is what the row adds that is the
 * same on every row (storage advice). */
void       cobalt_journal_name_row           (GtkBox            *text_column,
                                              const char        *description,
                                              const char *const *parts,
                                              guint              n_parts);
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

/* Gives @dialog the default size @width × @height (-1: its natural
 * height), or less where the window it belongs to (once transient-for is
 * set) or its screen is smaller: an editor never opens wider than a
 * narrow or tiled window. */
void       cobalt_journal_fit_dialog         (GtkWindow   *dialog,
                                              int          width,
                                              int          height);

/* GTK 4.8 names the button inside a drop-down after its type ("GtkToggle
 * Button"), and the item showing its choice takes the focus on its own.
 * Names @dropdown @name and its button "@name: <choice>" (when its items
 * are strings) and keeps that up to date; the shown item no longer takes
 * the focus. */
void       cobalt_journal_name_drop_down     (GtkDropDown *dropdown,
                                              const char  *name);
/* Shows @dropdown's choice (a string) ellipsized when there is no room for
 * all of it, so that a long one ("Symptom return: days since the last
 * dose") does not widen a narrow window; its tooltip and accessible name
 * (see cobalt_journal_name_drop_down()) hold all of it, and the list of
 * choices shows them whole. */
void       cobalt_journal_ellipsize_drop_down (GtkDropDown *dropdown);

/* Shows why a save failed beside the field (@label, a .field-error):
 * the message itself for the form's own @domain (a validation reason),
 * else a sentence about the database. */
void       cobalt_journal_show_save_error    (GtkLabel     *label,
                                              const GError *error,
                                              GQuark        domain);

G_END_DECLS
