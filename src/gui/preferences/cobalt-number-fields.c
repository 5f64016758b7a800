/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-journey-util.h"
#include "cobalt-number-fields.h"

struct _CobaltNumberFields
{
  GObject    parent_instance;

  /* Borrowed: the grid owns them. */
  GtkWidget *emergency_caption;
  GtkWidget *urgent_caption;
  GtkEntry  *emergency_entry;
  GtkLabel  *emergency_hint;
  GtkLabel  *emergency_error;
  GtkEntry  *urgent_entry;
  GtkLabel  *urgent_hint;
  GtkLabel  *urgent_error;
  /* The emergency number as the locale suggested it, while the entry
   * still holds it (the hint then asks to check it); NULL otherwise. */
  char      *suggested;
  gboolean   loading;
};

G_DEFINE_FINAL_TYPE (CobaltNumberFields, cobalt_number_fields, G_TYPE_OBJECT)

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
update_emergency_hint (CobaltNumberFields *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->emergency_entry));
  gboolean suggested = self->suggested != NULL && g_strcmp0 (text, self->suggested) == 0;

  gtk_label_set_text (self->emergency_hint, cobalt_clinical_emergency_number_hint (suggested));
}

static void
set_error (GtkLabel   *label,
           GtkEntry   *entry,
           const char *message)
{
  cobalt_journey_set_field_error (label, message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_emergency_changed_cb (GtkEditable        *editable,
                         CobaltNumberFields *self)
{
  if (self->loading)
    return;
  set_error (self->emergency_error, self->emergency_entry, NULL);
  update_emergency_hint (self);
}

static void
on_urgent_changed_cb (GtkEditable        *editable,
                      CobaltNumberFields *self)
{
  if (!self->loading)
    set_error (self->urgent_error, self->urgent_entry, NULL);
}

static GtkLabel *
line_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 64);
  gtk_widget_add_css_class (label, css_class);

  return GTK_LABEL (label);
}

/* One number: caption and entry on @row (@stacked: the caption on @row,
 * the entry under it), its error under it (hidden until needed), then the
 * line that says what it is for. */
static GtkEntry *
attach_number (GtkGrid     *grid,
               int          column,
               int          row,
               int          width,
               gboolean     stacked,
               const char  *caption_text,
               GtkWidget  **caption_out,
               GtkLabel   **error_out,
               GtkLabel   **hint_out)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (caption_text);
  GtkWidget *entry = gtk_entry_new ();
  GtkLabel *error = line_label ("error");
  GtkLabel *hint = line_label ("dim-label");

  gtk_label_set_xalign (GTK_LABEL (caption), stacked ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (caption), stacked);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PHONE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (error), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error, hint, NULL,
                                  -1);

  if (stacked)
    {
      for (int i = 0; i < 4; i++)
        gtk_grid_insert_row (grid, row);
      gtk_grid_attach (grid, caption, column, row, width, 1);
      gtk_grid_attach (grid, entry, column, row + 1, width, 1);
      gtk_grid_attach (grid, GTK_WIDGET (error), column, row + 2, width, 1);
      gtk_grid_attach (grid, GTK_WIDGET (hint), column, row + 3, width, 1);
    }
  else
    {
      for (int i = 0; i < 3; i++)
        gtk_grid_insert_row (grid, row);
      gtk_grid_attach (grid, caption, column, row, 1, 1);
      gtk_grid_attach (grid, entry, column + 1, row, width, 1);
      gtk_grid_attach (grid, GTK_WIDGET (error), column + 1, row + 1, width, 1);
      gtk_grid_attach (grid, GTK_WIDGET (hint), column + 1, row + 2, width, 1);
    }

  *caption_out = caption;
  *error_out = error;
  *hint_out = hint;
  return GTK_ENTRY (entry);
}

static void
cobalt_number_fields_finalize (GObject *object)
{
  CobaltNumberFields *self = COBALT_NUMBER_FIELDS (object);

  g_clear_pointer (&self->suggested, g_free);

  G_OBJECT_CLASS (cobalt_number_fields_parent_class)->finalize (object);
}

static void
cobalt_number_fields_class_init (CobaltNumberFieldsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_number_fields_finalize;
}

static void
cobalt_number_fields_init (CobaltNumberFields *self)
{
}

static CobaltNumberFields *
number_fields_new (GtkGrid      *grid,
                   int           column,
                   int           row,
                   int           width,
                   gboolean      stacked,
                   CobaltPerson *person)
{
  CobaltNumberFields *self = g_object_new (COBALT_TYPE_NUMBER_FIELDS, NULL);

  g_assert (GTK_IS_GRID (grid));

  /* Inserted bottom first, so that both end up at @row in order. */
  self->urgent_entry = attach_number (grid, column, row, width, stacked, _("_Urgent-advice number"),
                                      &self->urgent_caption, &self->urgent_error, &self->urgent_hint);
  self->emergency_entry = attach_number (grid, column, row, width, stacked, _("_Emergency number"),
                                         &self->emergency_caption, &self->emergency_error,
                                         &self->emergency_hint);

  gtk_label_set_text (self->urgent_hint, cobalt_clinical_urgent_number_hint ());
  gtk_entry_set_placeholder_text (self->urgent_entry, _("Optional"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->emergency_entry),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);

  g_signal_connect_object (self->emergency_entry, "changed", G_CALLBACK (on_emergency_changed_cb), self, 0);
  g_signal_connect_object (self->urgent_entry, "changed", G_CALLBACK (on_urgent_changed_cb), self, 0);

  cobalt_number_fields_load (self, person);

  return self;
}

CobaltNumberFields *
cobalt_number_fields_new (GtkGrid      *grid,
                          int           column,
                          int           row,
                          int           width,
                          CobaltPerson *person)
{
  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return number_fields_new (grid, column, row, width, FALSE, person);
}

CobaltNumberFields *
cobalt_number_fields_new_stacked (GtkGrid      *grid,
                                  int           column,
                                  int           row,
                                  int           width,
                                  CobaltPerson *person)
{
  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return number_fields_new (grid, column, row, width, TRUE, person);
}

void
cobalt_number_fields_load (CobaltNumberFields *self,
                           CobaltPerson       *person)
{
  const char *emergency = NULL;
  const char *urgent = NULL;

  g_return_if_fail (COBALT_IS_NUMBER_FIELDS (self));
  g_return_if_fail (person == NULL || COBALT_IS_PERSON (person));

  g_clear_pointer (&self->suggested, g_free);
  if (person != NULL && person->emergency_number != NULL && *person->emergency_number != '\0')
    emergency = person->emergency_number;
  else
    {
      /* Someone new, or saved before the number was asked: the locale's
       * number where the table knows the country, shown to be checked;
       * otherwise nothing, and the field asks. */
      emergency = cobalt_default_emergency_number ();
      self->suggested = g_strdup (emergency);
    }
  if (person != NULL)
    urgent = person->urgent_number;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->emergency_entry), emergency != NULL ? emergency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->urgent_entry), urgent != NULL ? urgent : "");
  self->loading = FALSE;

  cobalt_number_fields_clear_errors (self);
  update_emergency_hint (self);
}

gboolean
cobalt_number_fields_looks_like_phone (const char *text)
{
  guint digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()./", *p) == NULL)
        return FALSE;
    }

  return digits >= 2;
}

gboolean
cobalt_number_fields_check (CobaltNumberFields  *self,
                            gboolean             grab_focus,
                            GError             **error)
{
  g_autofree char *emergency = NULL;
  g_autofree char *urgent = NULL;
  const char *emergency_message = NULL;
  const char *urgent_message = NULL;

  g_return_val_if_fail (COBALT_IS_NUMBER_FIELDS (self), FALSE);

  emergency = entry_text (self->emergency_entry);
  urgent = entry_text (self->urgent_entry);

  if (*emergency == '\0')
    emergency_message = cobalt_clinical_emergency_number_required ();
  else if (!cobalt_number_fields_looks_like_phone (emergency))
    emergency_message = _("The emergency number can only have digits, spaces and + - ( ).");
  if (*urgent != '\0' && !cobalt_number_fields_looks_like_phone (urgent))
    urgent_message = _("The urgent-advice number can only have digits, spaces and + - ( ). "
                       "Leave it empty if there is none.");

  set_error (self->emergency_error, self->emergency_entry, emergency_message);
  set_error (self->urgent_error, self->urgent_entry, urgent_message);

  if (emergency_message == NULL && urgent_message == NULL)
    return TRUE;

  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (emergency_message != NULL ? self->emergency_entry
                                                                 : self->urgent_entry));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       emergency_message != NULL ? emergency_message : urgent_message);
  return FALSE;
}

void
cobalt_number_fields_apply (CobaltNumberFields *self,
                            CobaltPerson       *person)
{
  g_autofree char *emergency = NULL;
  g_autofree char *urgent = NULL;

  g_return_if_fail (COBALT_IS_NUMBER_FIELDS (self));
  g_return_if_fail (COBALT_IS_PERSON (person));

  emergency = entry_text (self->emergency_entry);
  urgent = entry_text (self->urgent_entry);
  cobalt_person_set_emergency_number (person, emergency);
  cobalt_set_str (&person->urgent_number, *urgent != '\0' ? urgent : NULL);
}

void
cobalt_number_fields_clear_errors (CobaltNumberFields *self)
{
  g_return_if_fail (COBALT_IS_NUMBER_FIELDS (self));

  set_error (self->emergency_error, self->emergency_entry, NULL);
  set_error (self->urgent_error, self->urgent_entry, NULL);
}

GtkWidget *
cobalt_number_fields_get_field (CobaltNumberFields *self,
                                const char         *name)
{
  g_return_val_if_fail (COBALT_IS_NUMBER_FIELDS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "emergency-caption"))
    return self->emergency_caption;
  if (g_str_equal (name, "urgent-caption"))
    return self->urgent_caption;
  if (g_str_equal (name, "emergency"))
    return GTK_WIDGET (self->emergency_entry);
  if (g_str_equal (name, "emergency-hint"))
    return GTK_WIDGET (self->emergency_hint);
  if (g_str_equal (name, "emergency-error"))
    return GTK_WIDGET (self->emergency_error);
  if (g_str_equal (name, "urgent"))
    return GTK_WIDGET (self->urgent_entry);
  if (g_str_equal (name, "urgent-hint"))
    return GTK_WIDGET (self->urgent_hint);
  if (g_str_equal (name, "urgent-error"))
    return GTK_WIDGET (self->urgent_error);

  return NULL;
}
