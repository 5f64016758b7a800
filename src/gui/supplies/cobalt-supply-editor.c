/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "cobalt-context.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-supply-editor.h"

struct _CobaltSupplyEditor
{
  GtkWindow         parent_instance;

  /* Template widgets */
  GtkWidget        *kind_box;
  GtkDropDown      *kind_dropdown;
  GtkWidget        *product_box;
  GtkDropDown      *product_dropdown;
  GtkWidget        *strength_box;
  GtkSpinButton    *strength_spin;
  GtkDropDown      *strength_unit_dropdown; /* 0 mg, 1 mcg: CobaltDoseUnit */
  GtkLabel         *strength_error;
  GtkEntry         *name_entry;
  GtkWidget        *batch_box;
  GtkEntry         *batch_entry;
  GtkLabel         *batch_error;
  GtkEntry         *count_entry;
  GtkLabel         *count_error;
  GtkEntry         *received_entry;
  GtkLabel         *received_error;
  GtkEntry         *expiry_entry;
  GtkLabel         *expiry_error;
  GtkEntry         *note_entry;
  GtkLabel         *storage_label;
  GtkLabel         *error_label;
  GtkButton        *save_button;

  CobaltContext    *context;
  CobaltSupplyItem *item;      /* the copy being edited */
};

G_DEFINE_FINAL_TYPE (CobaltSupplyEditor, cobalt_supply_editor, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltSupplyKind
current_kind (CobaltSupplyEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < COBALT_N_SUPPLY_KINDS ? (CobaltSupplyKind) selected : COBALT_SUPPLY_AMPOULE;
}

static void
set_date_text (GtkEntry    *entry,
               const GDate *date)
{
  char buf[16] = "";

  if (date != NULL && g_date_valid (date))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  gtk_editable_set_text (GTK_EDITABLE (entry), buf);
}

/* An optional date field: empty is "none" (@present FALSE). */
static gboolean
read_date (GtkEntry *entry,
           GDate    *date,
           gboolean *present)
{
  g_autofree char *text = cobalt_journal_entry_text (GTK_EDITABLE (entry));

  *present = *text != '\0';
  if (!*present)
    return TRUE;
  return cobalt_journey_parse_date (text, date);
}

static void
update_for_kind (CobaltSupplyEditor *self)
{
  gboolean ampoule = current_kind (self) == COBALT_SUPPLY_AMPOULE;
  guint product = gtk_drop_down_get_selected (self->product_dropdown);

  gtk_widget_set_visible (self->product_box, ampoule);
  gtk_widget_set_visible (self->strength_box, ampoule);
  gtk_widget_set_visible (self->batch_box, ampoule);
  gtk_widget_set_visible (GTK_WIDGET (self->storage_label), ampoule);
  if (ampoule && product != GTK_INVALID_LIST_POSITION)
    gtk_label_set_text (self->storage_label, cobalt_supplies_storage_advice (product));
}

static void
clear_errors (CobaltSupplyEditor *self)
{
  cobalt_journey_set_field_error (self->strength_error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->strength_spin), "error");
  cobalt_journey_set_field_error (self->batch_error, NULL);
  cobalt_journey_set_field_error (self->count_error, NULL);
  cobalt_journey_set_field_error (self->received_error, NULL);
  cobalt_journey_set_field_error (self->expiry_error, NULL);
  cobalt_journey_set_field_error (self->error_label, NULL);
}

static void
on_kind_selected_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     CobaltSupplyEditor *self)
{
  update_for_kind (self);
}

static void
on_cancel_button_clicked_cb (CobaltSupplyEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (CobaltSupplyEditor *self)
{
  if (cobalt_supply_editor_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cobalt_supply_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_SUPPLY_EDITOR);

  G_OBJECT_CLASS (cobalt_supply_editor_parent_class)->dispose (object);
}

static void
cobalt_supply_editor_finalize (GObject *object)
{
  CobaltSupplyEditor *self = (CobaltSupplyEditor *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cobalt_supply_editor_parent_class)->finalize (object);
}

static void
cobalt_supply_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltSupplyEditor *self = COBALT_SUPPLY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supply_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltSupplyEditor *self = COBALT_SUPPLY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supply_editor_class_init (CobaltSupplyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_supply_editor_dispose;
  object_class->finalize = cobalt_supply_editor_finalize;
  object_class->get_property = cobalt_supply_editor_get_property;
  object_class->set_property = cobalt_supply_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/supplies/cobalt-supply-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, kind_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, product_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, strength_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, strength_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, strength_unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, strength_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, batch_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, batch_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, batch_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, count_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, count_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, received_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, received_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, expiry_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, storage_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSupplyEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_supply_editor_init (CobaltSupplyEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) products = gtk_string_list_new (NULL);

  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "journal-editor");

  for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
    gtk_string_list_append (kinds, cobalt_supply_kind_to_string (k));
  for (guint p = COBALT_PRODUCT_HYDROXOCOBALAMIN; p <= COBALT_PRODUCT_OTHER; p++)
    gtk_string_list_append (products, cobalt_product_to_string (p));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->product_dropdown, G_LIST_MODEL (products));

  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  g_signal_connect (self->product_dropdown, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  cobalt_journal_name_drop_down (self->kind_dropdown, _("What kind of supply"));
  cobalt_journal_name_drop_down (self->product_dropdown, _("Medicine"));
  cobalt_journal_name_drop_down (self->strength_unit_dropdown, _("Strength unit"));
}

CobaltSupplyEditor *
cobalt_supply_editor_new (GtkWindow        *parent,
                          CobaltContext    *context,
                          CobaltSupplyItem *item,
                          CobaltSupplyKind  kind)
{
  CobaltSupplyEditor *self;
  g_autofree char *count_text = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (item != NULL || cobalt_context_get_person (context) != NULL, NULL);
  g_return_val_if_fail (item == NULL || COBALT_IS_SUPPLY_ITEM (item), NULL);

  self = g_object_new (COBALT_TYPE_SUPPLY_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       NULL);
  cobalt_journal_fit_dialog (GTK_WINDOW (self), 480, -1);

  /* The copy names whose item it is: the editor stays on them whoever
   * the window turns to while it is open. */
  if (item != NULL)
    self->item = cobalt_supply_item_copy (item);
  else
    {
      CobaltRepository *repository = cobalt_context_get_repository (context);
      CobaltClock *clock = cobalt_context_get_clock (context);
      CobaltPerson *person = cobalt_context_get_person (context);
      g_autoptr(GDateTime) now = cobalt_clock_get_now (clock);
      g_autoptr(CobaltPrescription) prescription = NULL;
      GDate today;

      self->item = cobalt_supply_item_new (person->id, kind, 0);
      cobalt_journal_local_day (now, cobalt_clock_get_timezone (clock), &today);
      cobalt_set_date (&self->item->received_on, &today);

      /* A new box starts as the prescribed product and strength, the only
       * ones that count as stock; the person changes them if the box says
       * otherwise. Unreadable: the record's own defaults. */
      prescription = cobalt_repository_get_prescription (repository, person->id, NULL);
      if (prescription != NULL)
        {
          self->item->product = prescription->product;
          self->item->strength_amount = prescription->strength_amount;
          self->item->strength_unit = prescription->strength_unit;
        }
    }

  kind = self->item->kind;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  /* An existing item keeps its kind; a new one may still change its mind
   * between, say, injecting and drawing-up needles. */
  gtk_widget_set_visible (self->kind_box, item == NULL && kind != COBALT_SUPPLY_AMPOULE);
  gtk_drop_down_set_selected (self->product_dropdown, self->item->product);
  gtk_spin_button_set_value (self->strength_spin, MAX (self->item->strength_amount, 0));
  gtk_drop_down_set_selected (self->strength_unit_dropdown,
                              self->item->strength_unit == COBALT_DOSE_UNIT_MCG ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->item->name ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->batch_entry), self->item->batch ?: "");
  if (item != NULL)
    count_text = g_strdup_printf ("%d", self->item->count);
  gtk_editable_set_text (GTK_EDITABLE (self->count_entry), count_text ?: "");
  set_date_text (self->received_entry, self->item->received_on);
  set_date_text (self->expiry_entry, self->item->expiry);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), self->item->note ?: "");

  if (kind == COBALT_SUPPLY_AMPOULE)
    gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Edit batch") : _("Add a batch"));
  else
    gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Edit supplies") : _("Add supplies"));

  update_for_kind (self);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));

  /* A batch from an older version whose strength was text that did not
   * read as a number: ask for it, showing what was typed. */
  if (kind == COBALT_SUPPLY_AMPOULE &&
      !cobalt_strength_is_known (self->item->strength_amount,
                                 self->item->strength_unit))
    {
      const char *text = self->item->strength_text;
      g_autofree char *message = NULL;

      if (text != NULL && *text != '\0')
        /* Translators: %s is a strength as typed in an older version */
        message = g_strdup_printf (_("The strength “%s” could not be read as a number: enter the strength "
                                     "printed on the box, in mg or mcg per mL."), text);
      else
        message = g_strdup (_("Enter the strength printed on the box, in mg or mcg per mL."));
      cobalt_journey_set_field_error (self->strength_error, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->strength_spin), "error");
    }

  return self;
}

gboolean
cobalt_supply_editor_save (CobaltSupplyEditor  *self,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CobaltSupplyItem) probe = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *name = NULL, *batch = NULL, *note = NULL;
  CobaltSupplyKind kind = current_kind (self);
  CobaltDoseUnit strength_unit;
  double strength;
  GDate received, expiry;
  gboolean have_received = FALSE, have_expiry = FALSE;
  gboolean count_ok = FALSE, dates_ok = TRUE, batch_ok = TRUE, strength_ok = TRUE;
  GtkWidget *first_bad = NULL;
  char *end = NULL;
  long count = 0;

  g_return_val_if_fail (COBALT_IS_SUPPLY_EDITOR (self), FALSE);

  clear_errors (self);
  g_date_clear (&received, 1);
  g_date_clear (&expiry, 1);

  name = cobalt_journal_entry_text (GTK_EDITABLE (self->name_entry));
  /* Take what is typed even if Enter was not pressed. */
  gtk_spin_button_update (self->strength_spin);
  strength = gtk_spin_button_get_value (self->strength_spin);
  strength_unit = gtk_drop_down_get_selected (self->strength_unit_dropdown) == 1
                  ? COBALT_DOSE_UNIT_MCG : COBALT_DOSE_UNIT_MG;
  batch = cobalt_journal_entry_text (GTK_EDITABLE (self->batch_entry));
  note = cobalt_journal_entry_text (GTK_EDITABLE (self->note_entry));

  /* Each part is checked by the record's own validation on a probe that
   * holds only that part, so the reason lands beside the right field. */
  probe = cobalt_supply_item_new (self->item->person_id, COBALT_SUPPLY_SWAB, 0);

  count_text = cobalt_journal_entry_text (GTK_EDITABLE (self->count_entry));
  if (*count_text != '\0')
    count = strtol (count_text, &end, 10);
  if (*count_text == '\0' || end == NULL || *end != '\0' || count < G_MININT || count > G_MAXINT)
    cobalt_journey_set_field_error (self->count_error,
                                    *count_text == '\0' ? _("Enter how many are left.")
                                                        : _("Enter how many are left as a whole number."));
  else
    {
      probe->count = (int) count;
      if (!cobalt_supply_item_validate (probe, &local_error))
        {
          cobalt_journey_set_field_error (self->count_error, local_error->message);
          g_clear_error (&local_error);
        }
      else
        count_ok = TRUE;
      probe->count = 0;
    }
  if (!count_ok)
    first_bad = GTK_WIDGET (self->count_entry);

  if (!read_date (self->received_entry, &received, &have_received))
    {
      cobalt_journey_set_field_error (self->received_error,
                                      _("Enter the date as year-month-day, for example 2025-03-14, or leave it empty."));
      dates_ok = FALSE;
      first_bad = first_bad ?: GTK_WIDGET (self->received_entry);
    }
  if (!read_date (self->expiry_entry, &expiry, &have_expiry))
    {
      cobalt_journey_set_field_error (self->expiry_error,
                                      _("Enter the date as year-month-day, for example 2026-01-31, or leave it empty."));
      dates_ok = FALSE;
      first_bad = first_bad ?: GTK_WIDGET (self->expiry_entry);
    }
  if (dates_ok)
    {
      cobalt_set_date (&probe->received_on, have_received ? &received : NULL);
      cobalt_set_date (&probe->expiry, have_expiry ? &expiry : NULL);
      if (!cobalt_supply_item_validate (probe, &local_error))
        {
          cobalt_journey_set_field_error (self->expiry_error, local_error->message);
          g_clear_error (&local_error);
          dates_ok = FALSE;
          first_bad = first_bad ?: GTK_WIDGET (self->expiry_entry);
        }
      cobalt_set_date (&probe->received_on, NULL);
      cobalt_set_date (&probe->expiry, NULL);
    }

  if (kind == COBALT_SUPPLY_AMPOULE)
    {
      probe->kind = COBALT_SUPPLY_AMPOULE;
      cobalt_set_str (&probe->batch, batch);
      if (!cobalt_supply_item_validate (probe, &local_error))
        {
          cobalt_journey_set_field_error (self->batch_error, local_error->message);
          g_clear_error (&local_error);
          batch_ok = FALSE;
          first_bad = first_bad ?: GTK_WIDGET (self->batch_entry);
        }

      /* The strength on its own (with a batch the check above accepts). */
      cobalt_set_str (&probe->batch, "-");
      probe->strength_amount = strength;
      probe->strength_unit = strength_unit;
      if (!cobalt_supply_item_validate (probe, &local_error))
        {
          cobalt_journey_set_field_error (self->strength_error, local_error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->strength_spin), "error");
          g_clear_error (&local_error);
          strength_ok = FALSE;
          first_bad = first_bad ?: GTK_WIDGET (self->strength_spin);
        }
    }

  if (!count_ok || !dates_ok || !batch_ok || !strength_ok)
    {
      GtkLabel *reason = !count_ok ? self->count_error
                         : !strength_ok ? self->strength_error
                         : !batch_ok ? self->batch_error
                         : gtk_widget_get_visible (GTK_WIDGET (self->received_error)) ? self->received_error
                         : self->expiry_error;

      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           gtk_label_get_text (reason));
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  self->item->kind = kind;
  if (kind == COBALT_SUPPLY_AMPOULE)
    {
      self->item->product = gtk_drop_down_get_selected (self->product_dropdown);
      self->item->strength_amount = strength;
      self->item->strength_unit = strength_unit;
      /* The number replaces an older version's text. */
      cobalt_set_str (&self->item->strength_text, NULL);
      cobalt_set_str (&self->item->batch, batch);
    }
  else
    cobalt_set_str (&self->item->batch, *batch != '\0' ? batch : NULL);
  cobalt_set_str (&self->item->name, *name != '\0' ? name : NULL);
  self->item->count = (int) count;
  cobalt_set_date (&self->item->received_on, have_received ? &received : NULL);
  cobalt_set_date (&self->item->expiry, have_expiry ? &expiry : NULL);
  cobalt_set_str (&self->item->note, *note != '\0' ? note : NULL);

  if (!cobalt_supply_item_validate (self->item, &local_error) ||
      !cobalt_repository_save_supply_item (cobalt_context_get_repository (self->context),
                                           self->item, &local_error))
    {
      g_autofree char *message = local_error->domain == COBALT_SUPPLY_ERROR
                                 ? g_strdup (local_error->message)
                                 : cobalt_journey_describe_error (local_error);

      cobalt_journey_set_field_error (self->error_label, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->item->id);
  return TRUE;
}
