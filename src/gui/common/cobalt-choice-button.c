/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-choice-button.h"
#include "cobalt-journey-util.h"

struct _CobaltChoiceButton
{
  GtkToggleButton parent_instance;

  gboolean radio;
};

G_DEFINE_FINAL_TYPE (CobaltChoiceButton, cobalt_choice_button, GTK_TYPE_TOGGLE_BUTTON)

enum {
  PROP_0,
  PROP_RADIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkButton makes a new label whenever its child is not one; a choice's
 * label wraps and starts at the left, as a check button's does. */
static void
style_label (CobaltChoiceButton *self)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (self));

  if (!GTK_IS_LABEL (child))
    return;

  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  /* Filling the button (not START): a wrapping label aligned to the
   * start is given the narrowest width for its height and wraps early. */
  gtk_widget_set_halign (child, GTK_ALIGN_FILL);
}

static void
update_checked (CobaltChoiceButton *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));

  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, active,
                               -1);
  /* GtkToggleButton says "pressed"; a check box is checked, not pressed. */
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED);
}

static void
on_label_changed_cb (CobaltChoiceButton *self,
                     GParamSpec         *pspec,
                     gpointer            user_data)
{
  style_label (self);
}

static void
cobalt_choice_button_toggled (GtkToggleButton *button)
{
  CobaltChoiceButton *self = COBALT_CHOICE_BUTTON (button);

  if (GTK_TOGGLE_BUTTON_CLASS (cobalt_choice_button_parent_class)->toggled != NULL)
    GTK_TOGGLE_BUTTON_CLASS (cobalt_choice_button_parent_class)->toggled (button);

  update_checked (self);
}

static void
cobalt_choice_button_constructed (GObject *object)
{
  CobaltChoiceButton *self = COBALT_CHOICE_BUTTON (object);

  G_OBJECT_CLASS (cobalt_choice_button_parent_class)->constructed (object);

  /* The role is read when the accessible object is made, on first use. */
  if (self->radio)
    g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->radio ? "radio" : "check");
  style_label (self);
  update_checked (self);
}

static void
cobalt_choice_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltChoiceButton *self = COBALT_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_RADIO:
      g_value_set_boolean (value, self->radio);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_choice_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltChoiceButton *self = COBALT_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_RADIO:
      self->radio = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_choice_button_class_init (CobaltChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkToggleButtonClass *toggle_class = GTK_TOGGLE_BUTTON_CLASS (klass);

  object_class->constructed = cobalt_choice_button_constructed;
  object_class->get_property = cobalt_choice_button_get_property;
  object_class->set_property = cobalt_choice_button_set_property;
  toggle_class->toggled = cobalt_choice_button_toggled;

  /**
   * CobaltChoiceButton:radio:
   *
   * Whether this is a radio button (one of a group) rather than a check
   * box: its look and its accessible role.
   */
  properties[PROP_RADIO] =
    g_param_spec_boolean ("radio", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CHECKBOX);
}

static void
cobalt_choice_button_init (CobaltChoiceButton *self)
{
  /* Its look (a check or radio mark before the label) is in journey.css. */
  cobalt_journey_ensure_style ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "choice");
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  g_signal_connect (self, "notify::label", G_CALLBACK (on_label_changed_cb), NULL);
}

GtkWidget *
cobalt_choice_button_new (const char *label)
{
  return g_object_new (COBALT_TYPE_CHOICE_BUTTON,
                       "label", label,
                       "use-underline", TRUE,
                       NULL);
}

GtkWidget *
cobalt_choice_button_new_radio (const char         *label,
                                CobaltChoiceButton *group)
{
  GtkWidget *button = g_object_new (COBALT_TYPE_CHOICE_BUTTON,
                                    "radio", TRUE,
                                    "label", label,
                                    "use-underline", TRUE,
                                    NULL);

  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));

  return button;
}

gboolean
cobalt_choice_button_get_radio (CobaltChoiceButton *self)
{
  g_return_val_if_fail (COBALT_IS_CHOICE_BUTTON (self), FALSE);

  return self->radio;
}
