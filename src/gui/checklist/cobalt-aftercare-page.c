/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-journey-util.h"
#include "cobalt-wrap-box.h"

struct _CobaltAftercarePage
{
  GtkWidget         parent_instance;

  CobaltContext    *context;
  /* Whose reactions these are: the person of the dose, who stays the
   * same while the page is open whoever the context turns to. */
  CobaltPerson     *person;
  gint64            dose_id;

  GHashTable       *checks;   /* kind id → CobaltChoiceButton (borrowed) */
  GHashTable       *saved;    /* kind ids already stored */
  int               highest;

  GtkBox           *banner_slot;
  GtkLabel         *guidance_label;
  GtkWidget        *banner;         /* in banner_slot, or NULL */
  GtkLabel         *banner_heading;
  int               banner_level;   /* the level the banner shows, -1 none */
  GtkBox           *groups_box;
  GtkEntry         *other_entry;
  GtkLabel         *status_label;
  GtkButton        *save_button;
};

G_DEFINE_FINAL_TYPE (CobaltAftercarePage, cobalt_aftercare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  PROP_DOSE_ID,
  PROP_HIGHEST_LEVEL,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
level_of (const char *kind_id)
{
  const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_lookup (kind_id);

  return info != NULL ? (int) info->level : (int) COBALT_TRIAGE_MILD;
}

static gboolean
has_unsaved (CobaltAftercarePage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_toggle_button_get_active (value) && !g_hash_table_contains (self->saved, key))
      return TRUE;

  return FALSE;
}

/* A new banner for @level. GTK 4.8 has no gtk_accessible_announce(), so
 * an emergency or urgent-advice banner reaches a screen reader as an
 * alert: a widget with the ALERT role (set as it is made, before it is
 * shown), its name the heading and its description the line under it.
 * Milder levels are a STATUS, not an alert. (GTK 4.8 makes accessibles
 * lazily and sends no event for a new one, so a screen reader meets the
 * alert when it reads the page; being spoken as it appears needs GTK
 * 4.14's gtk_accessible_announce().) */
static GtkWidget *
new_banner (CobaltAftercarePage *self,
            CobaltTriageLevel    level,
            GtkLabel           **heading_label)
{
  g_autofree char *heading = cobalt_clinical_triage_heading (level, self->person);
  g_autofree char *advice = cobalt_clinical_triage_detail (level, self->person);
  gboolean urgent = level == COBALT_TRIAGE_EMERGENCY || level == COBALT_TRIAGE_URGENT_ADVICE;
  GtkWidget *banner;
  GtkWidget *title;
  GtkWidget *detail;

  banner = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 4,
                         "accessible-role", urgent ? GTK_ACCESSIBLE_ROLE_ALERT : GTK_ACCESSIBLE_ROLE_STATUS,
                         NULL);
  gtk_widget_add_css_class (banner, urgent ? "urgent-banner"
                                           : level == COBALT_TRIAGE_CONTACT_CLINIC ? "clinic-banner"
                                                                                   : "mild-banner");

  /* The heading says what to do; the line under it only adds why, so
   * nothing is read out twice (cobalt_triage_advice() is one sentence
   * for places that show a single line). */
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "banner-heading");
  detail = gtk_label_new (advice);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
  gtk_box_append (GTK_BOX (banner), title);
  gtk_box_append (GTK_BOX (banner), detail);

  gtk_accessible_update_property (GTK_ACCESSIBLE (banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, advice,
                                  -1);
  *heading_label = GTK_LABEL (title);
  return banner;
}

static void
update_banner (CobaltAftercarePage *self)
{
  GHashTableIter iter;
  gpointer key, value;
  int highest = -1;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_toggle_button_get_active (value))
      highest = MAX (highest, level_of (key));

  /* Replaced, not relabelled, when the level changes: a new emergency
   * after an urgent one is a new alert, not an old one with new words. */
  if (highest != self->banner_level)
    {
      if (self->banner != NULL)
        gtk_box_remove (self->banner_slot, self->banner);
      self->banner = NULL;
      self->banner_heading = NULL;
      self->banner_level = highest;
      if (highest >= 0)
        {
          self->banner = new_banner (self, highest, &self->banner_heading);
          gtk_box_append (self->banner_slot, self->banner);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->banner_slot), highest >= 0);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), has_unsaved (self));

  if (highest != self->highest)
    {
      self->highest = highest;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHEST_LEVEL]);
    }
}

static void
on_reaction_toggled_cb (GtkToggleButton     *check,
                        CobaltAftercarePage *self)
{
  update_banner (self);
}

static void
on_other_entry_changed_cb (GtkEntry            *entry,
                           CobaltAftercarePage *self)
{
  GtkToggleButton *other = g_hash_table_lookup (self->checks, COBALT_REACTION_OTHER);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Typing a description is ticking "Something else". */
  if (other != NULL && gtk_widget_get_sensitive (GTK_WIDGET (other)))
    gtk_toggle_button_set_active (other, text != NULL && *text != '\0');
}

static void
show_status (CobaltAftercarePage *self,
             const char          *text,
             gboolean             is_error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
on_save_button_clicked_cb (GtkButton           *button,
                           CobaltAftercarePage *self)
{
  cobalt_aftercare_page_save (self, NULL);
}

static void
on_done_button_clicked_cb (GtkButton           *button,
                           CobaltAftercarePage *self)
{
  /* Ticked but unsaved reactions are not thrown away on the way out. */
  if (has_unsaved (self) && !cobalt_aftercare_page_save (self, NULL))
    return;

  g_signal_emit (self, signals[DONE], 0);
}

static GtkWidget *
add_check (CobaltAftercarePage *self,
           GtkWidget           *group,
           const char          *kind_id,
           const char          *label)
{
  /* A check box that assistive technology can tick (GTK 4.8 gives
   * check buttons no AT-SPI action); the catalogue's words, no mnemonic. */
  GtkWidget *check = g_object_new (COBALT_TYPE_CHOICE_BUTTON, "label", label, NULL);

  g_signal_connect (check, "toggled", G_CALLBACK (on_reaction_toggled_cb), self);
  g_hash_table_insert (self->checks, g_strdup (kind_id), check);
  gtk_box_append (GTK_BOX (group), check);

  return check;
}

static void
build_groups (CobaltAftercarePage *self)
{
  static const CobaltTriageLevel levels[] = {
    COBALT_TRIAGE_EMERGENCY, COBALT_TRIAGE_URGENT_ADVICE, COBALT_TRIAGE_CONTACT_CLINIC,
    COBALT_TRIAGE_MILD
  };
  guint n = cobalt_reaction_catalogue_get_n_kinds ();

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      /* A named group, so that a screen reader says the level with each
       * reaction in it. */
      GtkWidget *group = g_object_new (GTK_TYPE_BOX,
                                       "orientation", GTK_ORIENTATION_VERTICAL,
                                       "spacing", 2,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                       NULL);
      GtkWidget *heading = gtk_label_new (cobalt_triage_level_to_string (levels[l]));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (group),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cobalt_triage_level_to_string (levels[l]),
                                      -1);
      gtk_box_append (GTK_BOX (group), heading);

      for (guint i = 0; i < n; i++)
        {
          const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);

          if (info->level == levels[l])
            add_check (self, group, info->id, cobalt_reaction_kind_get_label (info->id));
        }

      if (levels[l] == COBALT_TRIAGE_MILD)
        add_check (self, group, COBALT_REACTION_OTHER, cobalt_reaction_kind_get_label (COBALT_REACTION_OTHER));

      gtk_widget_add_css_class (group, "reaction-group");
      gtk_box_append (self->groups_box, group);
    }
}

static void
cobalt_aftercare_page_constructed (GObject *object)
{
  CobaltAftercarePage *self = COBALT_AFTERCARE_PAGE (object);

  G_OBJECT_CLASS (cobalt_aftercare_page_parent_class)->constructed (object);

  if (self->person == NULL)
    self->person = cobalt_person_new ("");
}

static void
cobalt_aftercare_page_dispose (GObject *object)
{
  CobaltAftercarePage *self = COBALT_AFTERCARE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_AFTERCARE_PAGE);
  self->banner = NULL;
  self->banner_heading = NULL;
  cobalt_journey_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->context);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cobalt_aftercare_page_parent_class)->dispose (object);
}

static void
cobalt_aftercare_page_finalize (GObject *object)
{
  CobaltAftercarePage *self = COBALT_AFTERCARE_PAGE (object);

  g_hash_table_unref (self->checks);
  g_hash_table_unref (self->saved);

  G_OBJECT_CLASS (cobalt_aftercare_page_parent_class)->finalize (object);
}

static void
cobalt_aftercare_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CobaltAftercarePage *self = COBALT_AFTERCARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_DOSE_ID:
      g_value_set_int64 (value, self->dose_id);
      break;
    case PROP_HIGHEST_LEVEL:
      g_value_set_int (value, self->highest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_aftercare_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CobaltAftercarePage *self = COBALT_AFTERCARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_DOSE_ID:
      self->dose_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_aftercare_page_class_init (CobaltAftercarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_aftercare_page_constructed;
  object_class->dispose = cobalt_aftercare_page_dispose;
  object_class->finalize = cobalt_aftercare_page_finalize;
  object_class->get_property = cobalt_aftercare_page_get_property;
  object_class->set_property = cobalt_aftercare_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSE_ID] =
    g_param_spec_int64 ("dose-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHEST_LEVEL] =
    g_param_spec_int ("highest-level", NULL, NULL, -1, COBALT_TRIAGE_EMERGENCY, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/checklist/cobalt-aftercare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, banner_slot);
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, other_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltAftercarePage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_other_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "aftercare");
}

static void
cobalt_aftercare_page_init (CobaltAftercarePage *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The aftercare step's own guidance (docs/clinical-sources.md). */
  gtk_label_set_text (self->guidance_label, cobalt_clinical_step_explanation (COBALT_STEP_AFTERCARE));

  self->highest = -1;
  self->banner_level = -1;
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_groups (self);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

GtkWidget *
cobalt_aftercare_page_new (CobaltContext *context,
                           CobaltPerson  *person,
                           gint64         dose_id)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_AFTERCARE_PAGE,
                       "context", context,
                       "person", person,
                       "dose-id", dose_id,
                       NULL);
}

gboolean
cobalt_aftercare_page_set_reaction (CobaltAftercarePage *self,
                                    const char          *kind_id,
                                    gboolean             ticked)
{
  GtkToggleButton *check;

  g_return_val_if_fail (COBALT_IS_AFTERCARE_PAGE (self), FALSE);

  check = g_hash_table_lookup (self->checks, kind_id);
  if (check == NULL)
    return FALSE;

  gtk_toggle_button_set_active (check, ticked);
  return TRUE;
}

gboolean
cobalt_aftercare_page_save (CobaltAftercarePage *self,
                            GError             **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint stored = 0;

  g_return_val_if_fail (COBALT_IS_AFTERCARE_PAGE (self), FALSE);

  now = cobalt_clock_get_now (cobalt_context_get_clock (self->context));

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_toggle_button_get_active (value) && !g_hash_table_contains (self->saved, key))
      g_ptr_array_add (kinds, key);

  for (guint i = 0; i < kinds->len; i++)
    {
      const char *kind = g_ptr_array_index (kinds, i);
      g_autoptr(CobaltReaction) reaction = cobalt_reaction_new (self->person->id, kind, now);
      g_autoptr(GError) local_error = NULL;

      reaction->dose_id = self->dose_id;
      if (g_str_equal (kind, COBALT_REACTION_OTHER))
        {
          const char *note = gtk_editable_get_text (GTK_EDITABLE (self->other_entry));
          cobalt_set_str (&reaction->note, note != NULL && *note != '\0' ? note : NULL);
        }

      if (!cobalt_reaction_validate (reaction, &local_error) ||
          !cobalt_repository_add_reaction (cobalt_context_get_repository (self->context),
                                           reaction, &local_error))
        {
          g_autofree char *text = NULL;

          text = cobalt_journey_describe_error (local_error);
          show_status (self, text, TRUE);
          if (g_str_equal (kind, COBALT_REACTION_OTHER))
            gtk_widget_grab_focus (GTK_WIDGET (self->other_entry));
          g_propagate_error (error, g_steal_pointer (&local_error));
          update_banner (self);
          return FALSE;
        }

      g_hash_table_add (self->saved, g_strdup (kind));
      gtk_widget_set_sensitive (g_hash_table_lookup (self->checks, kind), FALSE);
      stored++;
    }

  if (stored > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u reaction. You can add more later from the Journal.",
                                           "Saved %u reactions. You can add more later from the Journal.", stored),
                              stored);
      show_status (self, text, FALSE);
    }
  update_banner (self);

  return TRUE;
}

int
cobalt_aftercare_page_get_highest_level (CobaltAftercarePage *self)
{
  g_return_val_if_fail (COBALT_IS_AFTERCARE_PAGE (self), -1);

  return self->highest;
}

const char *
cobalt_aftercare_page_get_banner_text (CobaltAftercarePage *self)
{
  g_return_val_if_fail (COBALT_IS_AFTERCARE_PAGE (self), NULL);

  if (self->banner_heading == NULL)
    return NULL;

  return gtk_label_get_text (self->banner_heading);
}

GtkWidget *
cobalt_aftercare_page_get_banner (CobaltAftercarePage *self)
{
  g_return_val_if_fail (COBALT_IS_AFTERCARE_PAGE (self), NULL);

  return self->banner;
}
