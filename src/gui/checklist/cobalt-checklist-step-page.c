/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checklist-step-page.h"
#include "cobalt-journey-util.h"

struct _CobaltChecklistStepPage
{
  GtkWidget       parent_instance;

  guint           index;
  char           *kind;

  GtkLabel       *title_label;
  GtkLabel       *explanation_label;
  GtkBox         *detail_box;
  GtkToggleButton *check;
  GtkLabel       *message_label;
  GtkWidget      *detail;
};

G_DEFINE_FINAL_TYPE (CobaltChecklistStepPage, cobalt_checklist_step_page, GTK_TYPE_WIDGET)

enum {
  MOVE_ON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cobalt_checklist_step_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_CHECKLIST_STEP_PAGE);
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_checklist_step_page_parent_class)->dispose (object);
}

static void
cobalt_checklist_step_page_finalize (GObject *object)
{
  CobaltChecklistStepPage *self = COBALT_CHECKLIST_STEP_PAGE (object);

  g_free (self->kind);

  G_OBJECT_CLASS (cobalt_checklist_step_page_parent_class)->finalize (object);
}

static void
cobalt_checklist_step_page_class_init (CobaltChecklistStepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_checklist_step_page_dispose;
  object_class->finalize = cobalt_checklist_step_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/checklist/cobalt-checklist-step-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistStepPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistStepPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistStepPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistStepPage, check);
  gtk_widget_class_bind_template_child (widget_class, CobaltChecklistStepPage, message_label);

  /**
   * CobaltChecklistStepPage::move-on:
   *
   * Enter was pressed on the ticked "Done": the person means "next", not
   * "untick" (a second Enter must never take a tick back).
   */
  signals[MOVE_ON] =
    g_signal_new ("move-on",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkliststep");
}

/* A ticked step says so with a mark as well as the colour. The accessible
 * name stays "Done" (the pressed state says the rest): a new label would
 * otherwise name the button through its label child. */
static void
on_check_toggled_cb (GtkToggleButton         *check,
                     CobaltChecklistStepPage *self)
{
  gtk_button_set_label (GTK_BUTTON (check),
                        gtk_toggle_button_get_active (check) ? _("✓ _Done") : _("_Done"));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
}

/* Enter on a ticked "Done" moves on instead of unticking it; Space (and
 * a click, or Alt+D) still toggles, so a tick can be taken back on
 * purpose. Runs in the capture phase, before the button's own Enter. */
static gboolean
on_check_key_pressed_cb (GtkEventControllerKey   *controller,
                         guint                    keyval,
                         guint                    keycode,
                         GdkModifierType          state,
                         CobaltChecklistStepPage *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (!gtk_toggle_button_get_active (self->check))
    return FALSE;

  g_signal_emit (self, signals[MOVE_ON], 0);
  return TRUE;
}

static void
cobalt_checklist_step_page_init (CobaltChecklistStepPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->check, "toggled", G_CALLBACK (on_check_toggled_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_check_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->check), keys);
}

GtkWidget *
cobalt_checklist_step_page_new (guint       index,
                                const char *kind,
                                const char *title,
                                const char *explanation)
{
  CobaltChecklistStepPage *self = g_object_new (COBALT_TYPE_CHECKLIST_STEP_PAGE, NULL);
  g_autofree char *check_name = NULL;

  self->index = index;
  self->kind = g_strdup (kind);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->explanation_label, explanation != NULL ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), explanation != NULL && *explanation != '\0');

  /* "Done" alone is ambiguous when read out of context. */
  /* Translators: %s is the step title */
  check_name = g_strdup_printf (_("Done: %s"), title);
  cobalt_journey_fix_button_names (GTK_WIDGET (self->check));
  cobalt_journey_set_accessible_label (GTK_WIDGET (self->check), _("Done"), check_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return GTK_WIDGET (self);
}

guint
cobalt_checklist_step_page_get_index (CobaltChecklistStepPage *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self), 0);

  return self->index;
}

const char *
cobalt_checklist_step_page_get_kind (CobaltChecklistStepPage *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self), NULL);

  return self->kind;
}

GtkToggleButton *
cobalt_checklist_step_page_get_check (CobaltChecklistStepPage *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self), NULL);

  return self->check;
}

void
cobalt_checklist_step_page_set_detail (CobaltChecklistStepPage *self,
                                       GtkWidget               *detail)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self));

  if (self->detail != NULL)
    gtk_box_remove (self->detail_box, self->detail);
  self->detail = detail;
  if (detail != NULL)
    gtk_box_append (self->detail_box, detail);
}

GtkWidget *
cobalt_checklist_step_page_get_detail (CobaltChecklistStepPage *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self), NULL);

  return self->detail;
}

void
cobalt_checklist_step_page_set_message (CobaltChecklistStepPage *self,
                                        const char              *message)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_STEP_PAGE (self));

  cobalt_journey_set_field_error (self->message_label, message);
}
