/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-dose-editor.h"
#include "cobalt-carers-util.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-journal-widgets.h"

struct _CobaltDoseEditor
{
  GtkWindow         parent_instance;

  CobaltContext    *context;
  CobaltDose       *dose;     /* the copy being edited: whose it is stays */

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
  GtkGrid          *grid;

  /* Each refusal is shown under the field it names (cobalt-dose-rules.h). */
  GtkLabel         *when_error;
  GtkLabel         *product_error;
  GtkLabel         *amount_error;
  GtkLabel         *expiry_error;
  /* A dose that differs from the prescription is kept only with the
   * person's "my clinic told me to" and their own words. */
  GtkWidget        *reason_box;
  GtkToggleButton  *amount_reason_check;   /* CobaltChoiceButton */
  GtkToggleButton  *product_reason_check;
  GtkEntry         *reason_entry;
  GtkLabel         *reason_error;
};

G_DEFINE_FINAL_TYPE (CobaltDoseEditor, cobalt_dose_editor, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

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

static void
set_field_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

static gboolean
invalid (GError    **error,
         GtkLabel   *label,
         GtkWidget  *field,
         const char *message)
{
  g_set_error_literal (error, cobalt_dose_editor_error_quark (), 0, message);
  set_field_error (label, message);
  if (field != NULL)
    gtk_widget_grab_focus (field);
  return FALSE;
}

static void
clear_errors (CobaltDoseEditor *self)
{
  set_field_error (self->when_error, NULL);
  set_field_error (self->product_error, NULL);
  set_field_error (self->amount_error, NULL);
  set_field_error (self->expiry_error, NULL);
  set_field_error (self->reason_error, NULL);
  set_field_error (self->error_label, NULL);
}

static GtkLabel *
new_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* Puts @widget in a new row of the grid (one column, each label above
 * its field) right under @field's. */
static void
attach_under (CobaltDoseEditor *self,
              GtkWidget        *field,
              GtkWidget        *widget)
{
  GtkWidget *cell = field;
  int row;

  /* The amount entry sits in a box with the unit: its row is the box's. */
  while (gtk_widget_get_parent (cell) != GTK_WIDGET (self->grid))
    cell = gtk_widget_get_parent (cell);
  gtk_grid_query_child (self->grid, cell, NULL, &row, NULL, NULL);
  gtk_grid_insert_row (self->grid, row + 1);
  gtk_grid_attach (self->grid, widget, 0, row + 1, 1, 1);
}

static void
build_error_rows (CobaltDoseEditor *self)
{
  GtkWidget *box;

  self->when_error = new_error_label ();
  attach_under (self, GTK_WIDGET (self->time_entry), GTK_WIDGET (self->when_error));
  self->product_error = new_error_label ();
  attach_under (self, GTK_WIDGET (self->product_dropdown), GTK_WIDGET (self->product_error));
  self->expiry_error = new_error_label ();
  attach_under (self, GTK_WIDGET (self->expiry_entry), GTK_WIDGET (self->expiry_error));

  /* Under the amount: its error, then the reason a different dose needs. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->amount_error = new_error_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->amount_error));
  self->reason_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_visible (self->reason_box, FALSE);
  /* Check boxes that assistive technology can tick; their letters are
   * not the Amount's and the Medicine's. */
  self->amount_reason_check =
    GTK_TOGGLE_BUTTON (cobalt_choice_button_new (_("My clinic told me to give this am_ount")));
  self->product_reason_check =
    GTK_TOGGLE_BUTTON (cobalt_choice_button_new (_("My clinic told me to give this m_edicine")));
  gtk_widget_set_visible (GTK_WIDGET (self->amount_reason_check), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->product_reason_check), FALSE);
  self->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->reason_entry, _("Why, in your words: who advised it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the dose differs from the prescription"),
                                  -1);
  self->reason_error = new_error_label ();
  gtk_box_append (GTK_BOX (self->reason_box), GTK_WIDGET (self->amount_reason_check));
  gtk_box_append (GTK_BOX (self->reason_box), GTK_WIDGET (self->product_reason_check));
  gtk_box_append (GTK_BOX (self->reason_box), GTK_WIDGET (self->reason_entry));
  gtk_box_append (GTK_BOX (self->reason_box), GTK_WIDGET (self->reason_error));
  gtk_box_append (GTK_BOX (box), self->reason_box);
  attach_under (self, GTK_WIDGET (self->amount_entry), box);
}

/* Offers "my clinic told me to" for what the rules found different. */
static void
show_reason (CobaltDoseEditor *self,
             GtkToggleButton  *check)
{
  gtk_widget_set_visible (GTK_WIDGET (check), TRUE);
  gtk_widget_set_visible (self->reason_box, TRUE);
}

/* The rules' refusal next to the field it names (cobalt-dose-rules.h). */
static void
show_error (CobaltDoseEditor *self,
            const GError     *error)
{
  GtkLabel *label = self->error_label;
  GtkWidget *focus = NULL;

  if (error->domain == COBALT_DOSE_ERROR)
    switch ((CobaltDoseError) error->code)
      {
      case COBALT_DOSE_ERROR_GIVEN_AT:
        label = self->when_error;
        focus = GTK_WIDGET (self->date_entry);
        break;
      case COBALT_DOSE_ERROR_AMOUNT_DIFFERS:
        show_reason (self, self->amount_reason_check);
        focus = GTK_WIDGET (self->amount_reason_check);
        label = self->amount_error;
        break;
      case COBALT_DOSE_ERROR_AMOUNT:
      case COBALT_DOSE_ERROR_UNIT:
        label = self->amount_error;
        focus = GTK_WIDGET (self->amount_entry);
        break;
      case COBALT_DOSE_ERROR_PRODUCT_DIFFERS:
        show_reason (self, self->product_reason_check);
        focus = GTK_WIDGET (self->product_reason_check);
        label = self->product_error;
        break;
      case COBALT_DOSE_ERROR_PRODUCT:
        label = self->product_error;
        focus = GTK_WIDGET (self->product_dropdown);
        break;
      case COBALT_DOSE_ERROR_EXCEPTION_NOTE:
        label = self->reason_error;
        focus = GTK_WIDGET (self->reason_entry);
        break;
      case COBALT_DOSE_ERROR_EXPIRY:
        label = self->expiry_error;
        focus = GTK_WIDGET (self->expiry_entry);
        break;
      case COBALT_DOSE_ERROR_SITE:
      case COBALT_DOSE_ERROR_KIND:
      case COBALT_DOSE_ERROR_ADVISED_BY:
      case COBALT_DOSE_ERROR_MOVED_TO:
      default:
        break;
      }

  set_field_error (label, error->message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
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
  GDateTime *given_at = self->dose->given_at;
  GDate *expiry = self->dose->expiry;
  int site = self->dose->site_id
               ? cobalt_site_catalogue_index_of (self->dose->site_id) : -1;
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
  gtk_drop_down_set_selected (self->product_dropdown, self->dose->product);
  g_snprintf (amount, sizeof amount, "%g", self->dose->amount);
  set_entry (self->amount_entry, amount);
  gtk_drop_down_set_selected (self->unit_dropdown, self->dose->unit);
  set_entry (self->batch_entry, self->dose->batch);
  if (expiry != NULL && g_date_valid (expiry))
    {
      char buf[16];

      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", expiry);
      set_entry (self->expiry_entry, buf);
    }
  gtk_drop_down_set_selected (self->given_by_dropdown, self->dose->given_by);
  set_entry (self->given_by_name_entry, self->dose->given_by_name);

  /* A dose already kept as different from the prescription shows why. */
  gtk_toggle_button_set_active (self->amount_reason_check,
                                self->dose->exceptions & COBALT_DOSE_EXCEPTION_AMOUNT);
  gtk_toggle_button_set_active (self->product_reason_check,
                                self->dose->exceptions & COBALT_DOSE_EXCEPTION_PRODUCT);
  if (self->dose->exceptions & COBALT_DOSE_EXCEPTION_AMOUNT)
    show_reason (self, self->amount_reason_check);
  if (self->dose->exceptions & COBALT_DOSE_EXCEPTION_PRODUCT)
    show_reason (self, self->product_reason_check);
  set_entry (self->reason_entry, self->dose->exception_note);
  gtk_text_buffer_set_text (buffer, self->dose->notes ? self->dose->notes : "", -1);
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
  /* The form shows why it was refused, next to the field. */
  cobalt_dose_editor_save (self, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_dose_editor_dispose (GObject *object)
{
  CobaltDoseEditor *self = COBALT_DOSE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_DOSE_EDITOR);
  g_clear_object (&self->context);
  g_clear_object (&self->dose);

  G_OBJECT_CLASS (cobalt_dose_editor_parent_class)->dispose (object);
}

static void
cobalt_dose_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CobaltDoseEditor *self = COBALT_DOSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: g_value_set_object (value, self->context); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CobaltDoseEditor *self = COBALT_DOSE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: self->context = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_editor_class_init (CobaltDoseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_dose_editor_dispose;
  object_class->get_property = cobalt_dose_editor_get_property;
  object_class->set_property = cobalt_dose_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, COBALT_TYPE_DOSE);

  cobalt_carers_ensure_resources ();
  g_type_ensure (COBALT_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/log/cobalt-dose-editor.ui");
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
  gtk_widget_class_bind_template_child (widget_class, CobaltDoseEditor, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_dose_editor_init (CobaltDoseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_dropdowns (self);
  build_error_rows (self);
  /* A long site ("Left upper arm (deltoid)" in Spanish) is cut short on
   * the button of a narrow window; the list and the tooltip show it whole. */
  cobalt_journal_ellipsize_drop_down (self->site_dropdown);
  cobalt_journal_ellipsize_drop_down (self->given_by_dropdown);
  /* The drop-downs are named by the labels above them. */
  cobalt_carers_name_drop_down (self->site_dropdown, _("Site"), TRUE);
  cobalt_carers_name_drop_down (self->product_dropdown, _("Medicine"), TRUE);
  cobalt_carers_name_drop_down (self->unit_dropdown, _("Unit"), TRUE);
  cobalt_carers_name_drop_down (self->given_by_dropdown, _("Given by"), TRUE);
  cobalt_carers_fix_names (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------ */

CobaltDoseEditor *
cobalt_dose_editor_new (GtkWindow     *parent,
                        CobaltContext *context,
                        CobaltDose    *dose)
{
  CobaltDoseEditor *self;

  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  self = g_object_new (COBALT_TYPE_DOSE_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       NULL);
  self->dose = cobalt_dose_copy (dose);
  fill_form (self);
  cobalt_carers_fit_dialog (GTK_WINDOW (self), 460);
  return self;
}

CobaltDose *
cobalt_dose_editor_build (CobaltDoseEditor *self,
                          GError          **error)
{
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GDateTime) given_at = NULL;
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
  CobaltDoseException exceptions;

  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);

  clear_errors (self);
  dose = cobalt_dose_copy (self->dose);

  text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  if (!parse_day (text, &day))
    {
      invalid (error, self->when_error, GTK_WIDGET (self->date_entry), _("The date must be a day like 2024-03-31."));
      return NULL;
    }
  text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  if (sscanf (text, "%2u:%2u%c", &hour, &minute, &extra) != 2 || hour > 23 || minute > 59)
    {
      invalid (error, self->when_error, GTK_WIDGET (self->time_entry), _("The time must be like 09:30 (24-hour clock)."));
      return NULL;
    }
  /* Keep the zone the dose was given in. */
  tz = g_time_zone_new_identifier (cobalt_dose_get_timezone (self->dose));
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  given_at = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day), hour, minute, 0);
  if (given_at == NULL)
    {
      invalid (error, self->when_error, GTK_WIDGET (self->time_entry),
               _("That time does not exist on that day (the clocks changed)."));
      return NULL;
    }
  /* Whether it is in the future, or before 1950, is for the rules every
   * way of logging meets: the repository refuses it on saving. */
  cobalt_dose_set_given_at (dose, given_at);

  /* A decimal comma, as many people type it, counts as a point. */
  dotted = g_strdelimit (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry))), ",", '.');
  g_strstrip (dotted);
  errno = 0;
  amount = g_ascii_strtod (dotted, &endp);
  if (errno != 0 || endp == dotted || *endp != '\0' || !isfinite (amount) || amount <= 0)
    {
      invalid (error, self->amount_error, GTK_WIDGET (self->amount_entry), _("The amount must be a number above zero."));
      return NULL;
    }
  dose->amount = amount;

  site = gtk_drop_down_get_selected (self->site_dropdown);
  cobalt_set_str (&dose->site_id, site == 0 || site == GTK_INVALID_LIST_POSITION
                                   ? NULL : cobalt_site_catalogue_get_nth (site - 1)->id);
  dose->product = gtk_drop_down_get_selected (self->product_dropdown);
  dose->unit = gtk_drop_down_get_selected (self->unit_dropdown);
  dose->given_by = gtk_drop_down_get_selected (self->given_by_dropdown);

  text = gtk_editable_get_text (GTK_EDITABLE (self->batch_entry));
  cobalt_set_str (&dose->batch, *text ? text : NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self->given_by_name_entry));
  cobalt_set_str (&dose->given_by_name, *text ? text : NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->expiry_entry));
  if (*text == '\0')
    cobalt_set_date (&dose->expiry, NULL);
  else if (!parse_day (text, &day))
    {
      invalid (error, self->expiry_error, GTK_WIDGET (self->expiry_entry),
               _("The expiry must be a day like 2025-12-31, or empty."));
      return NULL;
    }
  else
    cobalt_set_date (&dose->expiry, &day);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cobalt_set_str (&dose->notes, *notes ? notes : NULL);

  /* Only what the person ticked; the other reasons (early, extra,
   * expired) stay as they were logged. */
  exceptions = dose->exceptions & ~(COBALT_DOSE_EXCEPTION_AMOUNT | COBALT_DOSE_EXCEPTION_PRODUCT);
  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_reason_check)) &&
      gtk_toggle_button_get_active (self->amount_reason_check))
    exceptions |= COBALT_DOSE_EXCEPTION_AMOUNT;
  if (gtk_widget_get_visible (GTK_WIDGET (self->product_reason_check)) &&
      gtk_toggle_button_get_active (self->product_reason_check))
    exceptions |= COBALT_DOSE_EXCEPTION_PRODUCT;
  dose->exceptions = exceptions;
  if (gtk_widget_get_visible (self->reason_box))
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

      cobalt_set_str (&dose->exception_note, *reason != '\0' ? reason : NULL);
    }

  return g_steal_pointer (&dose);
}

gboolean
cobalt_dose_editor_save (CobaltDoseEditor *self,
                         GError          **error)
{
  g_autoptr(CobaltDose) dose = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), FALSE);

  dose = cobalt_dose_editor_build (self, error);
  if (dose == NULL)
    return FALSE;
  /* The repository checks the dose as every way of logging is checked;
   * what was typed stays in the form. */
  if (!cobalt_repository_update_dose (cobalt_context_get_repository (self->context), dose, &local_error))
    {
      show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

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

GtkWidget *
cobalt_dose_editor_get_field (CobaltDoseEditor *self,
                              const char       *name)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "date", G_STRUCT_OFFSET (CobaltDoseEditor, date_entry) },
    { "time", G_STRUCT_OFFSET (CobaltDoseEditor, time_entry) },
    { "product", G_STRUCT_OFFSET (CobaltDoseEditor, product_dropdown) },
    { "amount", G_STRUCT_OFFSET (CobaltDoseEditor, amount_entry) },
    { "unit", G_STRUCT_OFFSET (CobaltDoseEditor, unit_dropdown) },
    { "expiry", G_STRUCT_OFFSET (CobaltDoseEditor, expiry_entry) },
    { "amount-reason", G_STRUCT_OFFSET (CobaltDoseEditor, amount_reason_check) },
    { "product-reason", G_STRUCT_OFFSET (CobaltDoseEditor, product_reason_check) },
    { "reason", G_STRUCT_OFFSET (CobaltDoseEditor, reason_entry) },
    { "when-error", G_STRUCT_OFFSET (CobaltDoseEditor, when_error) },
    { "product-error", G_STRUCT_OFFSET (CobaltDoseEditor, product_error) },
    { "amount-error", G_STRUCT_OFFSET (CobaltDoseEditor, amount_error) },
    { "expiry-error", G_STRUCT_OFFSET (CobaltDoseEditor, expiry_error) },
    { "reason-error", G_STRUCT_OFFSET (CobaltDoseEditor, reason_error) },
    { "error", G_STRUCT_OFFSET (CobaltDoseEditor, error_label) },
  };

  g_return_val_if_fail (COBALT_IS_DOSE_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
  return NULL;
}
