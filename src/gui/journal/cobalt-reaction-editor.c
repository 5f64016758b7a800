/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-context.h"
#include "cobalt-journal-store.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-reaction-editor.h"

/* How many recent doses "After the dose of" offers (besides the one the
 * reaction already follows). */
#define MAX_DOSE_CHOICES 12

struct _CobaltReactionEditor
{
  GtkWindow         parent_instance;

  /* Template widgets */
  GtkLabel         *when_label;
  GtkDropDown      *kind_dropdown;
  GtkLabel         *advice_label;
  GtkDropDown      *dose_dropdown;
  GtkEntry         *note_entry;
  GtkLabel         *error_label;

  CobaltContext    *context;
  /* Whose reaction it is, for their emergency number and clinic in the
   * advice: the editor stays on them whoever the window turns to. */
  CobaltPerson     *person;
  CobaltReaction   *reaction;     /* the stored reaction, as it was */
  GPtrArray        *kinds;        /* const char * kind id per dropdown position */
  GArray           *dose_ids;     /* gint64 per dropdown position, 0 = none */
};

G_DEFINE_FINAL_TYPE (CobaltReactionEditor, cobalt_reaction_editor, GTK_TYPE_WINDOW)

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

static const char *
current_kind (CobaltReactionEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < self->kinds->len ? g_ptr_array_index (self->kinds, selected) : COBALT_REACTION_OTHER;
}

static CobaltTriageLevel
kind_level (const char *kind)
{
  const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_lookup (kind);

  /* "Something else" is recorded as mild, as right after a dose. */
  return info != NULL ? info->level : COBALT_TRIAGE_MILD;
}

static void
update_advice (CobaltReactionEditor *self)
{
  CobaltTriageLevel level = kind_level (current_kind (self));
  g_autofree char *advice = cobalt_triage_advice (level, self->person);
  /* Translators: a triage level ("Emergency") and what to do */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), cobalt_triage_level_to_string (level), advice);

  gtk_label_set_text (self->advice_label, text);
  if (level >= COBALT_TRIAGE_URGENT_ADVICE)
    gtk_widget_add_css_class (GTK_WIDGET (self->advice_label), "urgent-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->advice_label), "urgent-text");
}

static void
fill_kinds (CobaltReactionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *kind = self->reaction->kind;
  guint selected = 0;

  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds (); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);
      /* Translators: a reaction and its triage level, e.g. "Fever (Contact your clinic)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), cobalt_reaction_kind_get_label (info->id),
                                                cobalt_triage_level_to_string (info->level));

      if (g_strcmp0 (info->id, kind) == 0)
        selected = self->kinds->len;
      g_ptr_array_add (self->kinds, (gpointer) info->id);
      gtk_string_list_append (labels, label);
    }
  if (g_strcmp0 (kind, COBALT_REACTION_OTHER) == 0)
    selected = self->kinds->len;
  g_ptr_array_add (self->kinds, (gpointer) COBALT_REACTION_OTHER);
  gtk_string_list_append (labels, cobalt_reaction_kind_get_label (COBALT_REACTION_OTHER));

  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
}

static void
fill_doses (CobaltReactionEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) doses = NULL;
  GTimeZone *tz = cobalt_clock_get_timezone (cobalt_context_get_clock (self->context));
  gint64 current = self->reaction->dose_id;
  guint selected = G_MAXUINT, shown = 0;
  gint64 none = 0;

  doses = cobalt_repository_list_doses (cobalt_context_get_repository (self->context),
                                        self->reaction->person_id, NULL);
  for (guint i = doses != NULL ? doses->len : 0; i > 0; i--)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i - 1);
      gint64 id = dose->id;
      g_autofree char *text = NULL;

      if (shown >= MAX_DOSE_CHOICES && id != current)
        continue;
      if (id == current)
        selected = self->dose_ids->len;
      text = cobalt_journal_describe_dose (dose, tz);
      gtk_string_list_append (labels, text);
      g_array_append_val (self->dose_ids, id);
      shown++;
    }
  if (selected == G_MAXUINT)
    selected = self->dose_ids->len;
  gtk_string_list_append (labels, _("No particular dose"));
  g_array_append_val (self->dose_ids, none);

  gtk_drop_down_set_model (self->dose_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->dose_dropdown, selected);
}

static void
on_kind_selected_cb (CobaltReactionEditor *self)
{
  update_advice (self);
  cobalt_journey_set_field_error (self->error_label, NULL);
}

static void
on_cancel_button_clicked_cb (CobaltReactionEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (CobaltReactionEditor *self)
{
  if (cobalt_reaction_editor_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cobalt_reaction_editor_finalize (GObject *object)
{
  CobaltReactionEditor *self = (CobaltReactionEditor *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->reaction);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->dose_ids, g_array_unref);

  G_OBJECT_CLASS (cobalt_reaction_editor_parent_class)->finalize (object);
}

static void
cobalt_reaction_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CobaltReactionEditor *self = COBALT_REACTION_EDITOR (object);

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
cobalt_reaction_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CobaltReactionEditor *self = COBALT_REACTION_EDITOR (object);

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
cobalt_reaction_editor_class_init (CobaltReactionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cobalt_reaction_editor_finalize;
  object_class->get_property = cobalt_reaction_editor_get_property;
  object_class->set_property = cobalt_reaction_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-reaction-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, when_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, advice_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, dose_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltReactionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_reaction_editor_init (CobaltReactionEditor *self)
{
  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "journal-editor");
  self->kinds = g_ptr_array_new ();
  self->dose_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CobaltReactionEditor *
cobalt_reaction_editor_new (GtkWindow      *parent,
                            CobaltContext  *context,
                            CobaltPerson   *person,
                            CobaltReaction *reaction)
{
  CobaltReactionEditor *self;
  g_autofree char *when = NULL;
  g_autofree char *when_line = NULL;
  const char *note;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);
  g_return_val_if_fail (COBALT_IS_REACTION (reaction), NULL);

  self = g_object_new (COBALT_TYPE_REACTION_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       NULL);
  cobalt_journal_fit_dialog (GTK_WINDOW (self), 480, -1);
  g_set_object (&self->person, person);
  self->reaction = g_object_ref (reaction);

  when = cobalt_journal_format_instant (reaction->noted_at,
                                        cobalt_clock_get_timezone (cobalt_context_get_clock (context)));
  /* Translators: %s is the day and time a reaction was noted */
  when_line = g_strdup_printf (_("Noted %s"), when);
  gtk_label_set_text (self->when_label, when_line);

  fill_kinds (self);
  fill_doses (self);
  note = reaction->note;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  update_advice (self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
  cobalt_journal_ellipsize_drop_down (self->kind_dropdown);
  cobalt_journal_ellipsize_drop_down (self->dose_dropdown);
  cobalt_journal_name_drop_down (self->kind_dropdown, _("What you noticed"));
  cobalt_journal_name_drop_down (self->dose_dropdown, _("After the dose of"));

  return self;
}

gboolean
cobalt_reaction_editor_set_kind (CobaltReactionEditor *self,
                                 const char           *kind)
{
  g_return_val_if_fail (COBALT_IS_REACTION_EDITOR (self), FALSE);

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kinds, i), kind) == 0)
      {
        gtk_drop_down_set_selected (self->kind_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const char *
cobalt_reaction_editor_get_advice (CobaltReactionEditor *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION_EDITOR (self), NULL);
  return gtk_label_get_text (self->advice_label);
}

gboolean
cobalt_reaction_editor_save (CobaltReactionEditor  *self,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CobaltReaction) changed = NULL;
  g_autofree char *note = NULL;
  const char *kind = current_kind (self);
  guint dose_pos = gtk_drop_down_get_selected (self->dose_dropdown);

  g_return_val_if_fail (COBALT_IS_REACTION_EDITOR (self), FALSE);

  cobalt_journey_set_field_error (self->error_label, NULL);

  /* Same time, same person, same id: only what the person changed. */
  changed = cobalt_reaction_new (self->reaction->person_id, kind,
                                 self->reaction->noted_at);
  changed->id = self->reaction->id;
  changed->level = kind_level (kind);
  changed->dose_id = dose_pos < self->dose_ids->len
                                        ? g_array_index (self->dose_ids, gint64, dose_pos) : 0;
  note = cobalt_journal_entry_text (GTK_EDITABLE (self->note_entry));
  cobalt_set_str (&changed->note, *note != '\0' ? note : NULL);

  if (!cobalt_journal_store_update (cobalt_context_get_repository (self->context),
                                    G_OBJECT (changed), &local_error))
    {
      cobalt_journal_show_save_error (self->error_label, local_error, COBALT_JOURNAL_ERROR);
      gtk_widget_grab_focus (g_str_equal (kind, COBALT_REACTION_OTHER)
                             ? GTK_WIDGET (self->note_entry) : GTK_WIDGET (self->kind_dropdown));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->reaction, changed);
  g_signal_emit (self, signals[SAVED], 0, changed->id);
  return TRUE;
}
