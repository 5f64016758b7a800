/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-journey-util.h"
#include "cobalt-not-given-dialog.h"
#include "cobalt-core.h"

struct _CobaltNotGivenDialog
{
  GtkWindow           parent_instance;

  CobaltContext      *context;
  /* Whose dose it is: the one the dialog was opened for, whoever the
   * context turns to while it is open. */
  CobaltPerson       *person;
  CobaltPrescription *prescription;

  GtkToggleButton    *skip_check;   /* CobaltChoiceButton, radio */
  GtkToggleButton    *move_check;
  GtkEntry           *advised_entry;
  GtkLabel           *advised_error;
  GtkEntry           *decided_entry;
  GtkLabel           *decided_error;
  GtkLabel           *moved_label;
  GtkEntry           *moved_entry;
  GtkLabel           *moved_error;
  GtkEntry           *notes_entry;
  GtkLabel           *save_error;
  GtkButton          *save_button;
};

G_DEFINE_FINAL_TYPE (CobaltNotGivenDialog, cobalt_not_given_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  N_PROPS
};

enum {
  RECORDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltRepository *
repository_of (CobaltNotGivenDialog *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltNotGivenDialog *self)
{
  return cobalt_context_get_clock (self->context);
}

static void
date_of (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static void
on_kind_toggled_cb (GtkToggleButton      *check,
                    CobaltNotGivenDialog *self)
{
  gboolean move = gtk_toggle_button_get_active (self->move_check);

  gtk_widget_set_visible (GTK_WIDGET (self->moved_label), move);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_entry), move);
  if (!move)
    cobalt_journey_set_field_error (self->moved_error, NULL);
}

static void
on_save_button_clicked_cb (GtkButton            *button,
                           CobaltNotGivenDialog *self)
{
  if (cobalt_not_given_dialog_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cobalt_not_given_dialog_constructed (GObject *object)
{
  CobaltNotGivenDialog *self = COBALT_NOT_GIVEN_DIALOG (object);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  G_OBJECT_CLASS (cobalt_not_given_dialog_parent_class)->constructed (object);

  if (self->person != NULL)
    self->prescription = cobalt_repository_get_prescription (repository_of (self),
                                                             self->person->id, NULL);

  /* Usually recorded the day the clinic says so; the moved-to day is the
   * clinic's to give, so it starts empty rather than guessed. */
  now = cobalt_clock_get_now (clock_of (self));
  today = g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->decided_entry), today);
  on_kind_toggled_cb (self->skip_check, self);
}

static void
cobalt_not_given_dialog_dispose (GObject *object)
{
  CobaltNotGivenDialog *self = COBALT_NOT_GIVEN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_NOT_GIVEN_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->prescription);

  G_OBJECT_CLASS (cobalt_not_given_dialog_parent_class)->dispose (object);
}

static void
cobalt_not_given_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CobaltNotGivenDialog *self = COBALT_NOT_GIVEN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_not_given_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CobaltNotGivenDialog *self = COBALT_NOT_GIVEN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_not_given_dialog_class_init (CobaltNotGivenDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_not_given_dialog_constructed;
  object_class->dispose = cobalt_not_given_dialog_dispose;
  object_class->get_property = cobalt_not_given_dialog_get_property;
  object_class->set_property = cobalt_not_given_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, COBALT_TYPE_DOSE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (COBALT_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/log/cobalt-not-given-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, move_check);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, advised_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, advised_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, decided_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, decided_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, moved_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, moved_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, moved_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, save_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltNotGivenDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

static void
cobalt_not_given_dialog_init (CobaltNotGivenDialog *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_carers_fix_names (GTK_WIDGET (self));
}

CobaltNotGivenDialog *
cobalt_not_given_dialog_new (GtkWindow     *parent,
                             CobaltContext *context,
                             CobaltPerson  *person)
{
  CobaltNotGivenDialog *self;

  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  self = g_object_new (COBALT_TYPE_NOT_GIVEN_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "person", person,
                       NULL);
  cobalt_carers_fit_dialog (GTK_WINDOW (self), 520);
  return self;
}

static void
refuse (GError    **first,
        GtkLabel   *label,
        GtkWidget **focus,
        GtkWidget  *field,
        const char *message)
{
  cobalt_journey_set_field_error (label, message);
  if (*first == NULL)
    g_set_error_literal (first, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  if (*focus == NULL)
    *focus = field;
}

/* The instant of the decision: now when it is today (so it sorts after a
 * dose given earlier today), else midday of that day. */
static GDateTime *
decided_at (CobaltNotGivenDialog *self,
            const GDate          *day,
            GDateTime            *now)
{
  GDate today;

  date_of (now, &today);
  if (g_date_compare (day, &today) == 0)
    return g_date_time_ref (now);

  return cobalt_schedule_local_instant (day, 12 * 60, cobalt_clock_get_timezone (clock_of (self)));
}

gboolean
cobalt_not_given_dialog_save (CobaltNotGivenDialog  *self,
                              GError               **error)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(CobaltDose) dose = NULL;
  g_autofree char *advised_by = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *focus = NULL;
  gboolean move;
  GDate decided, moved_to, today;

  g_return_val_if_fail (COBALT_IS_NOT_GIVEN_DIALOG (self), FALSE);

  cobalt_journey_set_field_error (self->advised_error, NULL);
  cobalt_journey_set_field_error (self->decided_error, NULL);
  cobalt_journey_set_field_error (self->moved_error, NULL);
  cobalt_journey_set_field_error (self->save_error, NULL);

  now = cobalt_clock_get_now (clock_of (self));
  date_of (now, &today);
  move = gtk_toggle_button_get_active (self->move_check);

  advised_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->advised_entry))));
  if (*advised_by == '\0')
    refuse (&first, self->advised_error, &focus, GTK_WIDGET (self->advised_entry),
            _("Enter who at the clinic advised it: a dose is only left out on their advice."));

  g_date_clear (&decided, 1);
  if (!cobalt_journey_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->decided_entry)), &decided))
    refuse (&first, self->decided_error, &focus, GTK_WIDGET (self->decided_entry),
            _("Enter the date as year-month-day, for example 2025-03-14."));
  else if (g_date_compare (&decided, &today) > 0)
    refuse (&first, self->decided_error, &focus, GTK_WIDGET (self->decided_entry),
            _("The clinic’s advice is recorded once it was given: the day cannot be in the future."));

  g_date_clear (&moved_to, 1);
  if (move)
    {
      if (!cobalt_journey_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->moved_entry)), &moved_to))
        refuse (&first, self->moved_error, &focus, GTK_WIDGET (self->moved_entry),
                _("Enter the day the clinic moved the dose to, as year-month-day."));
      else if (g_date_valid (&decided) && g_date_compare (&moved_to, &decided) < 0)
        refuse (&first, self->moved_error, &focus, GTK_WIDGET (self->moved_entry),
                _("The day it was moved to cannot be before the day it was decided."));
    }

  if (first != NULL)
    {
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_entry))));
  when = decided_at (self, &decided, now);

  /* The dose it stands for: the prescribed one, never used from stock. */
  dose = cobalt_dose_new ();
  dose->person_id = self->person->id;
  cobalt_dose_set_given_at (dose, when);
  dose->kind = move ? COBALT_DOSE_KIND_MOVED : COBALT_DOSE_KIND_SKIPPED;
  cobalt_set_str (&dose->advised_by, advised_by);
  if (move)
    cobalt_set_date (&dose->moved_to, &moved_to);
  cobalt_set_str (&dose->notes, *notes != '\0' ? notes : NULL);
  if (self->prescription != NULL)
    {
      dose->prescription_id = self->prescription->id;
      dose->product = self->prescription->product;
      dose->unit = self->prescription->unit;
      dose->amount = self->prescription->amount;
    }

  if (!cobalt_repository_add_dose (repository_of (self), dose, &first))
    {
      g_autofree char *text = cobalt_journey_describe_error (first);

      /* Everything typed stays in the form. */
      cobalt_journey_set_field_error (self->save_error, text);
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  g_signal_emit (self, signals[RECORDED], 0, dose);
  return TRUE;
}

GtkWidget *
cobalt_not_given_dialog_get_field (CobaltNotGivenDialog *self,
                                   const char           *name)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "skip", G_STRUCT_OFFSET (CobaltNotGivenDialog, skip_check) },
    { "move", G_STRUCT_OFFSET (CobaltNotGivenDialog, move_check) },
    { "advised-by", G_STRUCT_OFFSET (CobaltNotGivenDialog, advised_entry) },
    { "advised-error", G_STRUCT_OFFSET (CobaltNotGivenDialog, advised_error) },
    { "decided", G_STRUCT_OFFSET (CobaltNotGivenDialog, decided_entry) },
    { "decided-error", G_STRUCT_OFFSET (CobaltNotGivenDialog, decided_error) },
    { "moved-to", G_STRUCT_OFFSET (CobaltNotGivenDialog, moved_entry) },
    { "moved-error", G_STRUCT_OFFSET (CobaltNotGivenDialog, moved_error) },
    { "notes", G_STRUCT_OFFSET (CobaltNotGivenDialog, notes_entry) },
    { "save", G_STRUCT_OFFSET (CobaltNotGivenDialog, save_button) },
    { "save-error", G_STRUCT_OFFSET (CobaltNotGivenDialog, save_error) },
  };

  g_return_val_if_fail (COBALT_IS_NOT_GIVEN_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

  return NULL;
}
