/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-core.h"
#include "cobalt-checklist-editor.h"
#include "cobalt-context.h"
#include "cobalt-fold-box.h"
#include "cobalt-journey-util.h"

struct _CobaltChecklistEditor
{
  GtkWidget         parent_instance;

  CobaltContext    *context;
  /* Whose checklist it is: the one the preferences were opened for,
   * whoever the context turns to while they are open. */
  CobaltPerson     *person;
  GListStore       *steps;     /* CobaltChecklistStep, edited copies */

  GtkWidget        *box;
  GtkListBox       *list;
  GtkLabel         *status;
  guint             rebuilding : 1;
};

G_DEFINE_FINAL_TYPE (CobaltChecklistEditor, cobalt_checklist_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CobaltRepository *
repository_of (CobaltChecklistEditor *self)
{
  return cobalt_context_get_repository (self->context);
}

static void rebuild (CobaltChecklistEditor *self);

static CobaltChecklistStep *
step_at (CobaltChecklistEditor *self,
         guint                  index)
{
  g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), index);

  /* The store keeps its reference. */
  return step;
}

static void
show_status (CobaltChecklistEditor *self,
             const char            *text,
             gboolean               is_error)
{
  gtk_label_set_text (self->status, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
}

static guint
row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/* A step's row reads as it shows: "Step 3: Check the expiry date". */
static void
name_row (GtkWidget  *row,
          guint       index,
          const char *title)
{
  g_autofree char *name = NULL;

  /* Translators: accessible name of a checklist step's row: its number and its title */
  name = g_strdup_printf (_("Step %u: %s"), index + 1, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The title field of a step's row. */
static GtkWidget *
row_entry (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "entry");
}

static void
on_title_changed_cb (GtkEditable           *editable,
                     CobaltChecklistEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (editable), GTK_TYPE_LIST_BOX_ROW);
  guint index;

  if (self->rebuilding)
    return;

  index = row_index (GTK_WIDGET (editable));
  cobalt_set_str (&COBALT_CHECKLIST_STEP (step_at (self, index))->title, gtk_editable_get_text (editable));
  name_row (row, index, gtk_editable_get_text (editable));
}

static void
on_up_clicked_cb (GtkButton             *button,
                  CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_move (self, row_index (GTK_WIDGET (button)), -1);
}

static void
on_down_clicked_cb (GtkButton             *button,
                    CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_move (self, row_index (GTK_WIDGET (button)), +1);
}

static void
on_remove_clicked_cb (GtkButton             *button,
                      CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_remove (self, row_index (GTK_WIDGET (button)));
}

static void
on_add_clicked_cb (GtkButton             *button,
                   CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_add (self);
}

static void
on_save_clicked_cb (GtkButton             *button,
                    CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_save (self, NULL);
}

static void
on_reset_clicked_cb (GtkButton             *button,
                     CobaltChecklistEditor *self)
{
  cobalt_checklist_editor_reset (self, NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             GCallback   callback,
             gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  cobalt_journey_set_accessible_label (button, label, NULL);
  g_signal_connect (button, "clicked", callback, user_data);

  return button;
}

static GtkWidget *
make_row (CobaltChecklistEditor *self,
          CobaltChecklistStep   *step,
          guint                  index,
          guint                  n)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* The title, its buttons beside it or, on a narrow window, under it. */
  GtkWidget *box = cobalt_fold_box_new (6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number;
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *up, *down, *remove;
  g_autofree char *num = g_strdup_printf ("%u.", index + 1);
  g_autofree char *a11y = NULL;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  const char *kind = step->kind;

  number = gtk_label_new (num);
  /* Room for "10." at any text size, the numbers lined up. */
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), step->title);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 20);
  /* Translators: accessible name of a step's title field, %u its number */
  a11y = g_strdup_printf (_("Step %u title"), index + 1);
  cobalt_journey_set_accessible_label (entry, a11y,
                                       g_str_equal (kind, COBALT_STEP_CUSTOM) ? _("Your own step")
                                                                             : step->explanation);
  g_signal_connect (entry, "changed", G_CALLBACK (on_title_changed_cb), self);

  /* Translators: a checklist step's buttons, %u the step's number */
  up_name = g_strdup_printf (_("Move step %u up"), index + 1);
  down_name = g_strdup_printf (_("Move step %u down"), index + 1);
  remove_name = g_strdup_printf (_("Remove step %u"), index + 1);
  up = icon_button ("go-up-symbolic", up_name, G_CALLBACK (on_up_clicked_cb), self);
  down = icon_button ("go-down-symbolic", down_name, G_CALLBACK (on_down_clicked_cb), self);
  remove = icon_button ("list-remove-symbolic", remove_name, G_CALLBACK (on_remove_clicked_cb), self);
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n);

  gtk_box_append (GTK_BOX (title), number);
  gtk_box_append (GTK_BOX (title), entry);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), remove);
  cobalt_fold_box_append (COBALT_FOLD_BOX (box), title);
  cobalt_fold_box_append (COBALT_FOLD_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  name_row (row, index, step->title);
  g_object_set_data (G_OBJECT (row), "entry", entry);

  return row;
}

static void
rebuild (CobaltChecklistEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  GtkWidget *row;

  self->rebuilding = TRUE;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, step_at (self, i), i, n));
  self->rebuilding = FALSE;
}

static void
load (CobaltChecklistEditor *self)
{
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_list_store_remove_all (self->steps);
  steps = cobalt_repository_list_checklist_steps (repository_of (self), self->person->id, &error);
  if (steps == NULL)
    {
      g_autofree char *text = cobalt_journey_describe_error (error);

      if (error != NULL)
        show_status (self, text, TRUE);
      steps = cobalt_checklist_default_steps ();
    }

  n = g_list_model_get_n_items (steps);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);
      g_autoptr(CobaltChecklistStep) copy = cobalt_checklist_step_copy (step);

      g_list_store_append (self->steps, copy);
    }

  rebuild (self);
}

static void
cobalt_checklist_editor_constructed (GObject *object)
{
  CobaltChecklistEditor *self = COBALT_CHECKLIST_EDITOR (object);

  G_OBJECT_CLASS (cobalt_checklist_editor_parent_class)->constructed (object);

  if (self->person == NULL)
    self->person = cobalt_person_new ("");
  load (self);
}

static void
cobalt_checklist_editor_dispose (GObject *object)
{
  CobaltChecklistEditor *self = COBALT_CHECKLIST_EDITOR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (cobalt_checklist_editor_parent_class)->dispose (object);
}

static void
cobalt_checklist_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CobaltChecklistEditor *self = COBALT_CHECKLIST_EDITOR (object);

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
cobalt_checklist_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CobaltChecklistEditor *self = COBALT_CHECKLIST_EDITOR (object);

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
cobalt_checklist_editor_class_init (CobaltChecklistEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_checklist_editor_constructed;
  object_class->dispose = cobalt_checklist_editor_dispose;
  object_class->get_property = cobalt_checklist_editor_get_property;
  object_class->set_property = cobalt_checklist_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cobalt_checklist_editor_init (CobaltChecklistEditor *self)
{
  GtkWidget *intro;
  GtkWidget *buttons;
  GtkWidget *add, *reset, *save;

  /* Few enough widgets that a template would only add indirection. */
  self->steps = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  intro = gtk_label_new (_("The steps of your pre-injection checklist, in order. Reword them the way your clinic taught you. The expiry, site and injection steps show extra details when you use the checklist."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (self->box), intro);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checklist steps"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));

  /* Side by side, or one under the other on a narrow window. */
  buttons = cobalt_fold_box_new (12);
  add = gtk_button_new_with_mnemonic (_("_Add Step"));
  reset = gtk_button_new_with_mnemonic (_("_Reset to Default"));
  save = gtk_button_new_with_mnemonic (_("_Save Checklist"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (reset, _("Replace your steps with the default ten steps"));
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  g_signal_connect (reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checklist status"), -1);
  cobalt_fold_box_append (COBALT_FOLD_BOX (buttons), add);
  cobalt_fold_box_append (COBALT_FOLD_BOX (buttons), reset);
  cobalt_fold_box_append (COBALT_FOLD_BOX (buttons), GTK_WIDGET (self->status));
  cobalt_fold_box_append (COBALT_FOLD_BOX (buttons), save);
  gtk_box_append (GTK_BOX (self->box), buttons);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

GtkWidget *
cobalt_checklist_editor_new (CobaltContext *context,
                             CobaltPerson  *person)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_CHECKLIST_EDITOR,
                       "context", context,
                       "person", person,
                       NULL);
}

guint
cobalt_checklist_editor_get_n_steps (CobaltChecklistEditor *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_EDITOR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

const char *
cobalt_checklist_editor_get_title (CobaltChecklistEditor *self,
                                   guint                  index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_EDITOR (self), NULL);
  g_return_val_if_fail (index < cobalt_checklist_editor_get_n_steps (self), NULL);

  return COBALT_CHECKLIST_STEP (step_at (self, index))->title;
}

void
cobalt_checklist_editor_set_title (CobaltChecklistEditor *self,
                                   guint                  index,
                                   const char            *title)
{
  GtkListBoxRow *row;
  GtkWidget *entry;

  g_return_if_fail (COBALT_IS_CHECKLIST_EDITOR (self));
  g_return_if_fail (index < cobalt_checklist_editor_get_n_steps (self));

  /* Through the field, as typing would. */
  row = gtk_list_box_get_row_at_index (self->list, index);
  entry = row_entry (row);
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
}

void
cobalt_checklist_editor_move (CobaltChecklistEditor *self,
                              guint                  index,
                              int                    delta)
{
  guint n;
  int target;
  g_autoptr(CobaltChecklistStep) step = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (COBALT_IS_CHECKLIST_EDITOR (self));

  n = cobalt_checklist_editor_get_n_steps (self);
  target = (int) index + delta;
  if (index >= n || target < 0 || target >= (int) n)
    return;

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), index);
  g_list_store_remove (self->steps, index);
  g_list_store_insert (self->steps, target, step);
  rebuild (self);

  /* Keep the keyboard where the person was: on the moved step. */
  row = gtk_list_box_get_row_at_index (self->list, target);
  if (row != NULL)
    gtk_widget_grab_focus (row_entry (row));
  show_status (self, _("Not saved yet."), FALSE);
}

void
cobalt_checklist_editor_remove (CobaltChecklistEditor *self,
                                guint                  index)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_EDITOR (self));

  if (index >= cobalt_checklist_editor_get_n_steps (self))
    return;

  g_list_store_remove (self->steps, index);
  rebuild (self);
  show_status (self, _("Not saved yet."), FALSE);
}

void
cobalt_checklist_editor_add (CobaltChecklistEditor *self)
{
  g_autoptr(CobaltChecklistStep) step = NULL;
  GtkListBoxRow *row;
  guint n;

  g_return_if_fail (COBALT_IS_CHECKLIST_EDITOR (self));

  step = cobalt_checklist_step_new (COBALT_STEP_CUSTOM, _("New step"), NULL);
  g_list_store_append (self->steps, step);
  rebuild (self);

  n = cobalt_checklist_editor_get_n_steps (self);
  row = gtk_list_box_get_row_at_index (self->list, n - 1);
  if (row != NULL)
    gtk_widget_grab_focus (row_entry (row));
  show_status (self, _("Not saved yet."), FALSE);
}

gboolean
cobalt_checklist_editor_save (CobaltChecklistEditor *self,
                              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_EDITOR (self), FALSE);

  n = cobalt_checklist_editor_get_n_steps (self);
  for (guint i = 0; i < n; i++)
    {
      CobaltChecklistStep *step = step_at (self, i);

      step->position = i;
      step->person_id = self->person->id;
      if (!cobalt_checklist_step_validate (step, &local_error))
        {
          g_autofree char *text = g_strdup_printf (_("Step %u: %s"), i + 1, local_error->message);
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

          show_status (self, text, TRUE);
          if (row != NULL)
            gtk_widget_grab_focus (row_entry (row));
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!cobalt_repository_save_checklist_steps (repository_of (self), self->person->id,
                                               G_LIST_MODEL (self->steps), &local_error))
    {
      g_autofree char *text = NULL;

      text = cobalt_journey_describe_error (local_error);
      show_status (self, text, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_status (self, _("Saved. The next checklist you start uses these steps."), FALSE);
  return TRUE;
}

gboolean
cobalt_checklist_editor_reset (CobaltChecklistEditor *self,
                               GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_EDITOR (self), FALSE);

  if (!cobalt_repository_reset_checklist (repository_of (self), self->person->id, &local_error))
    {
      g_autofree char *text = NULL;

      text = cobalt_journey_describe_error (local_error);
      show_status (self, text, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  load (self);
  show_status (self, _("Back to the default steps."), FALSE);
  return TRUE;
}
