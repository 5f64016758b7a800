/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small helpers shared by the patient-journey widgets. */

/* Registers the journey resources' CSS for @display once. */
void   cobalt_journey_ensure_style          (void);

/* Unparents what is left of a widget's children after
 * gtk_widget_dispose_template() (the template's unnamed top box). */
void   cobalt_journey_unparent_children     (GtkWidget *widget);

/* A sentence a person understands for @error, e.g. a database error while
 * saving. Never NULL; free with g_free(). */
char  *cobalt_journey_describe_error        (const GError *error);

typedef void (*CobaltJourneyConfirmFunc) (gboolean accepted,
                                          gpointer user_data);

/* One modal question (GtkMessageDialog in GTK 4.8; the one place to switch
 * to GtkAlertDialog later). @func runs once with the answer. */
void   cobalt_journey_confirm               (GtkWidget               *parent,
                                             const char              *heading,
                                             const char              *body,
                                             const char              *accept_label,
                                             CobaltJourneyConfirmFunc func,
                                             gpointer                 user_data);

/* Escape runs "window.close" on @window: every dialog and secondary
 * window closes with Escape. For windows built in code; a GtkWindow
 * subclass adds the same with gtk_widget_class_add_binding_action(). */
void   cobalt_journey_close_on_escape       (GtkWindow  *window);

/* A modal message with a Close button. */
void   cobalt_journey_show_message          (GtkWidget  *parent,
                                             const char *heading,
                                             const char *body);

/* GTK 4.8 names a button "_Next Next" (its raw label plus its label
 * child). Gives every button under @root with a text label one clean
 * accessible name ("Next"). Call again after changing a label. */
void   cobalt_journey_fix_button_names      (GtkWidget  *root);

/* Lets the text label of @button (set with gtk_button_set_label() or
 * gtk_button_new_with_mnemonic()) wrap onto more lines, so that a long
 * translation does not make the window wider than a narrow screen. The
 * mnemonic and the accessible name are kept; later gtk_button_set_label()
 * calls keep the wrapping. */
void   cobalt_journey_wrap_button_label     (GtkButton  *button);

/* GtkSpinButton takes the mouse wheel, so scrolling a long form over one
 * would quietly change a dose or the overdue window. For every spin button
 * under @root: unless it has the keyboard focus, the wheel scrolls the page
 * around it instead. Call once the spin buttons exist. */
void   cobalt_journey_guard_spin_wheel      (GtkWidget  *root);

/* Sets the accessible label (and, when given, description) of @widget. */
void   cobalt_journey_set_accessible_label  (GtkWidget  *widget,
                                             const char *label,
                                             const char *description);

/* Shows @message in @label (an inline error next to a field) or hides it. */
void   cobalt_journey_set_field_error       (GtkLabel   *label,
                                             const char *message);

/* Formats a local calendar day like "3 May 2025" (translated order). */
char  *cobalt_journey_format_date           (const GDate *date);

/* Parses "YYYY-MM-DD" (ISO, what the date fields accept); FALSE when invalid. */
gboolean cobalt_journey_parse_date          (const char *text,
                                             GDate      *date);

G_END_DECLS
