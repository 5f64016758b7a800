/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* Building blocks shared by the journal's and the supply cupboard's
 * widgets: the three objects each is handed, the lists of records with
 * their Edit and Delete buttons, and the reasons shown beside a field. */

/* The repository, clock and person a widget is handed as construct
 * properties (DESIGN.md: no global singletons). Embedded in each widget. */
typedef struct
{
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
} CobaltJournalDeps;

/* Property ids: each widget's own properties follow
 * COBALT_JOURNAL_PROP_PERSON. */
enum
{
  COBALT_JOURNAL_PROP_REPOSITORY = 1,
  COBALT_JOURNAL_PROP_CLOCK,
  COBALT_JOURNAL_PROP_PERSON,
};

/* Fills @properties[COBALT_JOURNAL_PROP_*] ("repository" and "clock"
 * construct-only; "person" construct-only too unless @person_writable). */
void     cobalt_journal_deps_init_properties (GParamSpec        **properties,
                                              gboolean            person_writable);
/* TRUE when @prop_id was one of the three. */
gboolean cobalt_journal_deps_get_property    (CobaltJournalDeps  *deps,
                                              guint               prop_id,
                                              GValue             *value);
gboolean cobalt_journal_deps_set_property    (CobaltJournalDeps  *deps,
                                              guint               prop_id,
                                              const GValue       *value);
void     cobalt_journal_deps_clear           (CobaltJournalDeps  *deps);
/* The local day of the clock's "now". */
void     cobalt_journal_deps_today           (CobaltJournalDeps  *deps,
                                              GDate              *out);

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
