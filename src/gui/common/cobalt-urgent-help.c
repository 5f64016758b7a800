/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-journey-util.h"
#include "cobalt-urgent-help.h"
#include "cobalt-wrap-box.h"

struct _CobaltUrgentHelp
{
  GtkWidget       parent_instance;

  CobaltPerson   *person;
  GtkOrientation  orientation;

  /* Template widgets */
  GtkWidget      *main_box;
  CobaltWrapBox  *levels_box;
  GtkWidget      *emergency_box;
  GtkLabel       *emergency_heading;
  GtkLabel       *emergency_signs;
  GtkLabel       *emergency_detail;
  GtkLabel       *emergency_timing;
  GtkWidget      *urgent_box;
  GtkLabel       *urgent_heading;
  GtkLabel       *urgent_signs;
  GtkLabel       *urgent_detail;
  GtkWidget      *numbers_box;
  GtkLabel       *numbers_title;
  GtkLabel       *emergency_number_label;
  GtkLabel       *urgent_number_label;
  GtkLabel       *clinic_label;
  GtkLabel       *follow_label;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CobaltUrgentHelp, cobalt_urgent_help, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ORIENTABLE, NULL))

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS,
  /* GtkOrientable's, overridden */
  PROP_ORIENTATION = N_PROPS,
};

static GParamSpec *properties[N_PROPS];
static GParamSpec *orientation_pspec;

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The signs of one level from the reaction catalogue, one a line, so
 * that they can be taken in at a glance. */
static char *
signs_of_level (CobaltTriageLevel level)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds (); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);

      if (info->level != level)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one sign in a list of signs, "• Wheezing" */
      g_string_append_printf (text, _("• %s"), cobalt_reaction_kind_get_label (info->id));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The clinic's name and phone, NULL when neither is known. */
static char *
describe_clinic (CobaltPerson *person)
{
  const char *name = person != NULL ? nonempty (person->clinic_name) : NULL;
  const char *phone = person != NULL ? nonempty (person->clinic_phone) : NULL;

  if (name != NULL && phone != NULL)
    /* Translators: the clinic's name, then its phone number */
    return g_strdup_printf (_("%s, %s"), name, phone);
  if (phone != NULL)
    return g_strdup (phone);
  if (name != NULL)
    /* Translators: the clinic's name, when its phone number is not known */
    return g_strdup_printf (_("%s (no phone number recorded: add it in Preferences)"), name);

  return NULL;
}

/* A number as it is dialled, large; or, quieter, that there is none. */
static void
set_number (GtkLabel   *label,
            const char *number)
{
  gboolean known = number != NULL;

  gtk_label_set_text (label, known ? number : _("Not recorded: add it in Preferences"));
  if (known)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "fact-value");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "fact-value");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
set_group_label (GtkWidget  *box,
                 const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (CobaltUrgentHelp *self)
{
  CobaltPerson *person = self->person;
  const char *emergency = person != NULL ? cobalt_person_get_emergency_number (person)
                                         : cobalt_default_emergency_number ();
  const char *urgent = person != NULL ? nonempty (person->urgent_number) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *signs = NULL;
  g_autofree char *clinic = NULL;
  g_autofree char *numbers = NULL;

  /* Sources: "Reactions and what to do" (docs/clinical-sources.md), all
   * through the catalogue. */
  heading = cobalt_clinical_triage_heading (COBALT_TRIAGE_EMERGENCY, person);
  detail = cobalt_clinical_triage_detail (COBALT_TRIAGE_EMERGENCY, person);
  signs = signs_of_level (COBALT_TRIAGE_EMERGENCY);
  gtk_label_set_text (self->emergency_heading, heading);
  gtk_label_set_text (self->emergency_signs, signs);
  gtk_label_set_text (self->emergency_detail, detail);
  gtk_label_set_text (self->emergency_timing, cobalt_clinical_emergency_timing ());
  set_group_label (self->emergency_box, cobalt_triage_level_to_string (COBALT_TRIAGE_EMERGENCY));
  g_clear_pointer (&heading, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&signs, g_free);

  heading = cobalt_clinical_triage_heading (COBALT_TRIAGE_URGENT_ADVICE, person);
  detail = cobalt_clinical_triage_detail (COBALT_TRIAGE_URGENT_ADVICE, person);
  signs = signs_of_level (COBALT_TRIAGE_URGENT_ADVICE);
  gtk_label_set_text (self->urgent_heading, heading);
  gtk_label_set_text (self->urgent_signs, signs);
  gtk_label_set_text (self->urgent_detail, detail);
  set_group_label (self->urgent_box, cobalt_triage_level_to_string (COBALT_TRIAGE_URGENT_ADVICE));

  /* Translators: heading above the numbers to call, %s is the person's name */
  numbers = person != NULL ? g_strdup_printf (_("Numbers for %s"), person->name)
                           : g_strdup (_("Numbers to call"));
  gtk_label_set_text (self->numbers_title, numbers);
  set_group_label (self->numbers_box, numbers);
  set_number (self->emergency_number_label, nonempty (emergency));
  set_number (self->urgent_number_label, urgent);
  clinic = describe_clinic (person);
  set_number (self->clinic_label, clinic);

  gtk_label_set_text (self->follow_label, cobalt_clinical_follow_clinic ());
}

static void
set_orientation (CobaltUrgentHelp *self,
                 GtkOrientation    orientation)
{
  if (self->orientation == orientation)
    return;

  self->orientation = orientation;
  /* Side by side only while both fit (their text is at most 32
   * characters wide when there is room); one under the other at 360 px
   * or with large text. */
  cobalt_wrap_box_set_max_per_line (self->levels_box, orientation == GTK_ORIENTATION_HORIZONTAL ? 0 : 1);
  g_object_notify_by_pspec (G_OBJECT (self), orientation_pspec);
}

static void
cobalt_urgent_help_dispose (GObject *object)
{
  CobaltUrgentHelp *self = COBALT_URGENT_HELP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_URGENT_HELP);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cobalt_urgent_help_parent_class)->dispose (object);
}

static void
cobalt_urgent_help_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CobaltUrgentHelp *self = COBALT_URGENT_HELP (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_urgent_help_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CobaltUrgentHelp *self = COBALT_URGENT_HELP (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      cobalt_urgent_help_set_person (self, g_value_get_object (value));
      break;
    case PROP_ORIENTATION:
      set_orientation (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_urgent_help_class_init (CobaltUrgentHelpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_urgent_help_dispose;
  object_class->get_property = cobalt_urgent_help_get_property;
  object_class->set_property = cobalt_urgent_help_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_ORIENTATION, "orientation");
  orientation_pspec = g_object_class_find_property (object_class, "orientation");

  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/common/cobalt-urgent-help.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, main_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, levels_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_heading);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_signs);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_detail);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_timing);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, urgent_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, urgent_heading);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, urgent_signs);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, urgent_detail);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, numbers_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, numbers_title);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, emergency_number_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, urgent_number_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltUrgentHelp, follow_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "urgenthelp");
}

static void
cobalt_urgent_help_init (CobaltUrgentHelp *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->orientation = GTK_ORIENTATION_VERTICAL;
  update (self);
}

GtkWidget *
cobalt_urgent_help_new (CobaltPerson *person)
{
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_URGENT_HELP, "person", person, NULL);
}

CobaltPerson *
cobalt_urgent_help_get_person (CobaltUrgentHelp *self)
{
  g_return_val_if_fail (COBALT_IS_URGENT_HELP (self), NULL);

  return self->person;
}

void
cobalt_urgent_help_set_person (CobaltUrgentHelp *self,
                               CobaltPerson     *person)
{
  g_return_if_fail (COBALT_IS_URGENT_HELP (self));
  g_return_if_fail (person == NULL || COBALT_IS_PERSON (person));

  /* The same object may carry new numbers (saved in Preferences since):
   * read them again either way. */
  g_set_object (&self->person, person);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

GtkWindow *
cobalt_urgent_help_window_new (GtkWindow    *parent,
                               CobaltPerson *person)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *scrolled;
  GtkWidget *help;
  GtkWidget *close_button;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Urgent help"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  /* As tall as the help (the scrolled part asks for its natural height),
   * up to a height that fits a 800 px screen with large text too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_widget_set_vexpand (scrolled, TRUE);
  help = cobalt_urgent_help_new (person);
  gtk_widget_set_margin_top (help, 18);
  gtk_widget_set_margin_bottom (help, 12);
  gtk_widget_set_margin_start (help, 18);
  gtk_widget_set_margin_end (help, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), help);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* Outside the scrolled part: focusing it must not scroll the
   * emergency signs out of sight. */
  close_button = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close_button), "window.close");
  gtk_widget_set_halign (close_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (close_button, 6);
  gtk_widget_set_margin_bottom (close_button, 12);
  gtk_widget_set_margin_end (close_button, 18);
  gtk_box_append (GTK_BOX (box), close_button);
  cobalt_journey_fix_button_names (close_button);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), close_button);
  gtk_window_set_focus (GTK_WINDOW (window), close_button);

  cobalt_journey_close_on_escape (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
