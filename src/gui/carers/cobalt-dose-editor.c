/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-dose-editor.h"
#include "cobalt-carers-util.h"
#include "cobalt-prescription.h"
#include "cobalt-site.h"

struct _CobaltDoseEditor
{
  GtkWindow         parent_instance;

  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltDose       *dose;

  GtkEntry         *date_entry;
  GtkEntry         *time_entry;
  GtkDropDown      *site_dropdown;
  GtkDropDown      *product_dropdown;
  GtkEntry         *amount_entry;
  GtkDropDown      *unit_dropdown;
  GtkEntry         *batch_entry;
  GtkEntry         *expiry_entry;
  GtkDropDown      *given_by_dropdown;
  GtkEntry         *given_by_name_entry;
  GtkTextView      *notes_view;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CobaltDoseEditor, cobalt_dose_editor, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cobalt-dose-editor-error-quark, cobalt_dose_editor_error)

/* Static helpers ------------------------------------------------------- */

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint y, m, d;
  char extra;

  g_date_clear (date, 1);
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
invalid (GError    **error,
         GtkWidget  *field,
         const char *message)
{
  g_set_error_literal (error, cobalt_dose_editor_error_quark (), 0, message);
  if (field != NULL)
    gtk_widget_grab_focus (field);
  return FALSE;
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
fill_form (CobaltDoseEditor *self)
{
  GDateTime *given_at = cobalt_dose_get_given_at (self->dose);
  GDate *expiry = cobalt_dose_get_expiry (self->dose);
  int site = cobalt_dose_get_site_id (self->dose)
               ? cobalt_site_catalogue_index_of (cobalt_dose_get_site_id (self->dose)) : -1;
  char amount[G_ASCII_DTOSTR_BUF_SIZE];
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  if (given_at != NULL)
    {
      g_autofree char *day = g_date_time_format (given_at, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (given_at, "%H:%M");

      set_entry (self->date_entry, day);
      set_entry (self->time_entry, time);
    }
  gtk_drop_down_set_selected (self->site_dropdown, site + 1);
  gtk_drop_down_set_selected (self->product_dropdown, cobalt_dose_get_product (self->dose));
  g_snprintf (amount, sizeof amount, "%g", cobalt_dose_get_amount (self->dose));
  set_entry (self->amount_entry, amount);
  gtk_drop_down_set_selected (self->unit_dropdown, cobalt_dose_get_unit (self->dose));
  set_entry (self->batch_entry, cobalt_dose_get_batch (self->dose));
  if (expiry != NULL && g_date_valid (expiry))
    {
      char buf[16];

      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", expiry);
      set_entry (self->expiry_entry, buf);
    }
  gtk_drop_down_set_selected (self->given_by_dropdown, cobalt_dose_get_given_by (self->dose));
  set_entry (self->given_by_name_entry, cobalt_dose_get_given_by_name (self->dose));
  gtk_text_buffer_set_text (buffer, cobalt_dose_get_notes (self->dose) ? cobalt_dose_get_notes (self->dose) : "", -1);
}

static void
setup_dropdowns (CobaltDoseEditor *self)
{
  g_autoptr(GtkStringList) sites = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) givers = gtk_string_list_new (NULL);

  gtk_string_list_append (sites, _("Not recorded"));
  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    gtk_string_list_append (sites, cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i)));
  for (int p = COBALT_PRODUCT_HYDROXOCOBALAMIN; p <= COBALT_PRODUCT_OTHER; p++)
    gtk_string_list_append (products, cobalt_product_to_string (p));
  for (int u = COBALT_DOSE_UNIT_MG; u <= COBALT_DOSE_UNIT_ML; u++)
    gtk_string_list_append (units, cobalt_dose_unit_to_string (u));
  for (int g = COBALT_GIVEN_BY_SELF; g <= COBALT_GIVEN_BY_CLINIC; g++)
    gtk_string_list_append (givers, cobalt_given_by_to_string (g));

  gtk_drop_down_set_model (self->site_dropdown, G_LIST_MODEL (sites));
  gtk_drop_down_set_model (self->product_dropdown, G_LIST_MODEL (products));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (units));
  gtk_drop_down_set_model (self->given_by_dropdown, G_LIST_MODEL (givers));
}

/* Callbacks ------------------------------------------------------------ */

static void
on_save_clicked_cb (GtkButton        *button,
                    CobaltDoseEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!cobalt_dose_editor_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_dose_editor_dispose (GObject *object)
{
  CobaltDoseEditor *self = COBALT_DOSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_DOSE_EDITOR);
  g_clear_object (&self->repository);
  g_clear_object (&self->clock);
  g_clear_object (&self->dose);

  G_OBJECT_CLASS (cobalt_dose_editor_parent_class)->dispose (object);
}

static void
cobalt_dose_editor_class_init (CobaltDoseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_dose_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COBALT_TYPE_DOSE);

  cobalt_carers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/carers/cobalt-dose-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, time_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, batch_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, given_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, given_by_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_dose_editor_init (CobaltDoseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_dropdowns (self);
}

/* Public API ------------------------------------------------------------ */

CobaltDoseEditor *
cobalt_dose_editor_new (GtkWindow        *parent,
                        CobaltRepository *repository,
                        CobaltClock      *clock,
                        CobaltDose       *dose)
{
  CobaltDoseEditor *self;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  self = g_object_new (COBALT_TYPE_DOSE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->repository = g_object_ref (repository);
  self->clock = g_object_ref (clock);
  self->dose = cobalt_dose_copy (dose);
  fill_form (self);
  return self;
}

CobaltDose *
cobalt_dose_editor_build (CobaltDoseEditor *self,
                          GError          **error)
{
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GDateTime) given_at = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *dotted = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *text;
  GDate day;
  guint hour, minute;
  char extra;
  double amount;
  char *endp = NULL;
  guint site;

  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);

  dose = cobalt_dose_copy (self->dose);

  text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  if (!parse_day (text, &day))
    {
      invalid (error, GTK_WIDGET (self->date_entry), _("The date must be a day like 2024-03-31."));
      return NULL;
    }
  text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  if (sscanf (text, "%2u:%2u%c", &hour, &minute, &extra) != 2 || hour > 23 || minute > 59)
    {
      invalid (error, GTK_WIDGET (self->time_entry), _("The time must be like 09:30 (24-hour clock)."));
      return NULL;
    }
  /* Keep the zone the dose was given in. */
  tz = g_time_zone_new_identifier (cobalt_dose_get_timezone (self->dose));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  given_at = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), hour, minute, 0);
  now = cobalt_clock_get_now (self->clock);
  if (given_at == NULL)
    {
      invalid (error, GTK_WIDGET (self->time_entry), _("That time does not exist on that day (the clocks changed)."));
      return NULL;
    }
  if (g_date_time_difference (given_at, now) > 5 * G_TIME_SPAN_MINUTE)
    {
      invalid (error, GTK_WIDGET (self->date_entry), _("A dose cannot be logged in the future."));
      return NULL;
    }
  cobalt_dose_set_given_at (dose, given_at);

  /* A decimal comma, as many people type it, counts as a point. */
  dotted = g_strdelimit (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry))), ",", '.');
  g_strstrip (dotted);
  errno = 0;
  amount = g_ascii_strtod (dotted, &endp);
  if (errno != 0 || endp == dotted || *endp != '\0' || !isfinite (amount) || amount <= 0)
    {
      invalid (error, GTK_WIDGET (self->amount_entry), _("The amount must be a number above zero."));
      return NULL;
    }
  cobalt_dose_set_amount (dose, amount);

  site = gtk_drop_down_get_selected (self->site_dropdown);
  cobalt_dose_set_site_id (dose, site == 0 || site == GTK_INVALID_LIST_POSITION
                                   ? NULL : cobalt_site_catalogue_get_nth (site - 1)->id);
  cobalt_dose_set_product (dose, gtk_drop_down_get_selected (self->product_dropdown));
  cobalt_dose_set_unit (dose, gtk_drop_down_get_selected (self->unit_dropdown));
  cobalt_dose_set_given_by (dose, gtk_drop_down_get_selected (self->given_by_dropdown));

  text = gtk_editable_get_text (GTK_EDITABLE (self->batch_entry));
  cobalt_dose_set_batch (dose, *text ? text : NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self->given_by_name_entry));
  cobalt_dose_set_given_by_name (dose, *text ? text : NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->expiry_entry));
  if (*text == '\0')
    cobalt_dose_set_expiry (dose, NULL);
  else if (!parse_day (text, &day))
    {
      invalid (error, GTK_WIDGET (self->expiry_entry), _("The expiry must be a day like 2025-12-31, or empty."));
      return NULL;
    }
  else
    cobalt_dose_set_expiry (dose, &day);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cobalt_dose_set_notes (dose, *notes ? notes : NULL);

  return g_steal_pointer (&dose);
}

gboolean
cobalt_dose_editor_save (CobaltDoseEditor *self,
                         GError          **error)
{
  g_autoptr(CobaltDose) dose = NULL;

  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), FALSE);

  dose = cobalt_dose_editor_build (self, error);
  if (dose == NULL)
    return FALSE;
  if (!cobalt_repository_update_dose (self->repository, dose, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, dose);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

GtkEditable *
cobalt_dose_editor_get_date_entry (CobaltDoseEditor *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->date_entry);
}

GtkEditable *
cobalt_dose_editor_get_time_entry (CobaltDoseEditor *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->time_entry);
}

GtkEditable *
cobalt_dose_editor_get_amount_entry (CobaltDoseEditor *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);
  return GTK_EDITABLE (self->amount_entry);
}
