/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-body-map.h"
#include "cobalt-context.h"
#include "cobalt-journey-util.h"
#include "cobalt-site-picker.h"
#include "cobalt-wrap-box.h"

struct _CobaltSitePicker
{
  GtkWidget          parent_instance;

  CobaltContext     *context;
  /* Whose dose the site is for: the wizard's, fixed for its run. */
  CobaltPerson      *person;

  GPtrArray         *usage;       /* CobaltSiteUsage, catalogue order */
  GPtrArray         *resting;     /* CobaltRestingSite: the usage borrows from it */
  char              *selected;
  char              *suggested;
  char              *pending;     /* resting site whose rest the bar offers to end */
  GtkStringList     *list_model;  /* site ids, for the list view */

  GtkWidget         *box;
  GtkLabel          *suggestion_label;
  GtkToggleButton   *list_toggle;
  GtkRevealer       *rest_revealer;
  GtkLabel          *rest_label;
  GtkButton         *end_rest_button;
  GtkButton         *cancel_rest_button;
  GtkStack          *stack;
  CobaltBodyMap     *map;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (CobaltSitePicker, cobalt_site_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  PROP_SELECTED_SITE_ID,
  PROP_SUGGESTED_SITE_ID,
  PROP_LIST_MODE,
  N_PROPS
};

enum {
  SITE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const CobaltSiteUsage *
find_usage (CobaltSitePicker *self,
            const char       *site_id)
{
  int index = cobalt_site_catalogue_index_of (site_id);

  if (self->usage == NULL || index < 0 || (guint) index >= self->usage->len)
    return NULL;

  return g_ptr_array_index (self->usage, index);
}

static void
refresh_list (CobaltSitePicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list_model));

  /* Rebind every row so the texts follow the new usage and choice. */
  g_list_model_items_changed (G_LIST_MODEL (self->list_model), 0, n, n);
}

static void
set_selected_internal (CobaltSitePicker *self,
                       const char       *site_id,
                       gboolean          by_user)
{
  if (g_strcmp0 (self->selected, site_id) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (site_id);
      cobalt_body_map_set_selected (self->map, site_id);
      refresh_list (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SITE_ID]);
    }

  if (by_user && site_id != NULL)
    g_signal_emit (self, signals[SITE_SELECTED], 0, site_id);
}

static void
hide_rest_bar (CobaltSitePicker *self)
{
  g_clear_pointer (&self->pending, g_free);
  gtk_revealer_set_reveal_child (self->rest_revealer, FALSE);
}

static void
focus_site (CobaltSitePicker *self,
            const char       *site_id)
{
  GtkWidget *target = site_id != NULL ? cobalt_body_map_get_button (self->map, site_id) : NULL;

  if (target != NULL && !cobalt_site_picker_get_list_mode (self))
    gtk_widget_grab_focus (target);
}

static void
update_suggestion_label (CobaltSitePicker *self,
                         const char       *reason,
                         gboolean          have_prescription)
{
  const CobaltSiteInfo *info = cobalt_site_catalogue_lookup (self->suggested);
  g_autofree char *text = NULL;

  if (!have_prescription)
    text = g_strdup (_("No prescription yet: add one in Preferences to choose a site."));
  else if (info == NULL)
    text = g_strdup (_("No site to suggest: every site your clinic enabled is resting. Ask your clinic if you are unsure."));
  else if (reason != NULL)
    /* Translators: %s is the reason, which names the site */
    text = g_strdup_printf (_("★ Suggested: %s"), reason);
  else
    text = g_strdup_printf (_("★ Suggested: %s"), cobalt_site_info_get_name (info));

  gtk_label_set_text (self->suggestion_label, text);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CobaltSitePicker         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 1);
  /* "Not enabled by your clinic" is long once translated: it wraps
   * rather than widen the row beyond a 360 px screen. */
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (status), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 20);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_add_css_class (box, "site-row");
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CobaltSitePicker         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  const char *site_id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const CobaltSiteUsage *usage = find_usage (self, site_id);
  const CobaltSiteInfo *info = cobalt_site_catalogue_lookup (site_id);
  g_autofree char *describe = NULL;
  g_autofree char *a11y = NULL;
  const char *state;
  gboolean enabled = usage != NULL && usage->state != COBALT_SITE_STATE_NOT_ENABLED;

  describe = usage != NULL ? cobalt_site_usage_describe (usage) : g_strdup (cobalt_site_info_get_name (info));

  if (g_strcmp0 (site_id, self->selected) == 0)
    state = _("✓ Chosen");
  else if (!enabled)
    state = _("Not enabled by your clinic");
  else if (usage->state == COBALT_SITE_STATE_RESTING)
    state = _("– Resting");
  else if (usage->suggested)
    state = _("★ Suggested");
  else
    state = "";

  gtk_label_set_text (GTK_LABEL (name), describe);
  gtk_label_set_text (GTK_LABEL (status), state);
  gtk_widget_set_sensitive (box, enabled);
  gtk_list_item_set_activatable (item, enabled);

  /* The row is read as one sentence: the site, its use and state (which
   * the description already says), and whether it is the one chosen.
   * GTK 4.8 has no gtk_list_item_set_accessible_label(): the row is the
   * widget that holds our box. */
  if (g_strcmp0 (site_id, self->selected) == 0)
    /* Translators: a site row read out: the site and its use, then "Chosen for this dose." */
    a11y = g_strdup_printf (_("%s. %s"), describe, _("Chosen for this dose."));
  else
    a11y = g_strdup (describe);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
on_list_toggle_toggled_cb (GtkToggleButton  *button,
                           CobaltSitePicker *self)
{
  cobalt_site_picker_set_list_mode (self, gtk_toggle_button_get_active (button));
}

static void
on_map_site_activated_cb (CobaltBodyMap    *map,
                          const char       *site_id,
                          CobaltSitePicker *self)
{
  cobalt_site_picker_choose (self, site_id);
}

static void
on_list_view_activate_cb (GtkListView      *list_view,
                          guint             position,
                          CobaltSitePicker *self)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->list_model), position);

  if (item != NULL)
    cobalt_site_picker_choose (self, gtk_string_object_get_string (item));
}

/* Ending the rest is its own, explicit step: it is stored (the person
 * says the site has recovered), the repository's ::changed reloads the
 * picker, and the site can then be chosen like any other, by choosing it
 * again. Nothing is chosen here. */
static void
on_end_rest_button_clicked_cb (GtkButton        *button,
                               CobaltSitePicker *self)
{
  g_autofree char *site_id = g_strdup (self->pending);
  g_autoptr(GError) error = NULL;

  if (site_id == NULL || self->person == NULL)
    return;

  if (!cobalt_repository_clear_site_resting (cobalt_context_get_repository (self->context),
                                             self->person->id, site_id, &error))
    {
      g_autofree char *sentence = cobalt_journey_describe_error (error);
      /* Translators: %s says why, in a sentence */
      g_autofree char *text = g_strdup_printf (_("The rest could not be ended. %s"), sentence);

      gtk_label_set_text (self->rest_label, text);
      return;
    }

  hide_rest_bar (self);
  cobalt_site_picker_reload (self);
  focus_site (self, site_id);
}

static void
on_cancel_rest_button_clicked_cb (GtkButton        *button,
                                  CobaltSitePicker *self)
{
  g_autofree char *site_id = g_strdup (self->pending);

  hide_rest_bar (self);
  focus_site (self, site_id);
}

static void
on_rest_revealed_cb (GtkRevealer      *revealer,
                     GParamSpec       *pspec,
                     CobaltSitePicker *self)
{
  /* The button can only take the focus once it is on screen. The safe
   * one: a slip of Enter chooses another site, it ends no rest. */
  if (gtk_revealer_get_child_revealed (revealer) && self->pending != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_rest_button));
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltSitePicker        *self)
{
  /* Rotation follows the doses and resting sites; the prescription says
   * which sites are enabled. */
  if (changes & (COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS |
                 COBALT_REPOSITORY_CHANGED_PEOPLE))
    cobalt_site_picker_reload (self);
}

static void
cobalt_site_picker_constructed (GObject *object)
{
  CobaltSitePicker *self = COBALT_SITE_PICKER (object);

  G_OBJECT_CLASS (cobalt_site_picker_parent_class)->constructed (object);

  g_signal_connect_object (cobalt_context_get_repository (self->context), "changed",
                           G_CALLBACK (on_repository_changed_cb), self, 0);

  cobalt_site_picker_reload (self);
}

static void
cobalt_site_picker_dispose (GObject *object)
{
  CobaltSitePicker *self = COBALT_SITE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_SITE_PICKER);
  cobalt_journey_unparent_children (GTK_WIDGET (self));

  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->list_model);

  G_OBJECT_CLASS (cobalt_site_picker_parent_class)->dispose (object);
}

static void
cobalt_site_picker_finalize (GObject *object)
{
  CobaltSitePicker *self = COBALT_SITE_PICKER (object);

  g_clear_pointer (&self->usage, g_ptr_array_unref);
  g_clear_pointer (&self->resting, g_ptr_array_unref);
  g_free (self->selected);
  g_free (self->suggested);
  g_free (self->pending);

  G_OBJECT_CLASS (cobalt_site_picker_parent_class)->finalize (object);
}

static void
cobalt_site_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CobaltSitePicker *self = COBALT_SITE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_SELECTED_SITE_ID:
      g_value_set_string (value, self->selected);
      break;
    case PROP_SUGGESTED_SITE_ID:
      g_value_set_string (value, self->suggested);
      break;
    case PROP_LIST_MODE:
      g_value_set_boolean (value, cobalt_site_picker_get_list_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_site_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CobaltSitePicker *self = COBALT_SITE_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_SELECTED_SITE_ID:
      cobalt_site_picker_set_selected_site_id (self, g_value_get_string (value));
      break;
    case PROP_LIST_MODE:
      cobalt_site_picker_set_list_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_site_picker_class_init (CobaltSitePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_site_picker_constructed;
  object_class->dispose = cobalt_site_picker_dispose;
  object_class->finalize = cobalt_site_picker_finalize;
  object_class->get_property = cobalt_site_picker_get_property;
  object_class->set_property = cobalt_site_picker_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SITE_ID] =
    g_param_spec_string ("selected-site-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUGGESTED_SITE_ID] =
    g_param_spec_string ("suggested-site-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST_MODE] =
    g_param_spec_boolean ("list-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SITE_SELECTED] =
    g_signal_new ("site-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (COBALT_TYPE_BODY_MAP);
  g_type_ensure (COBALT_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/checklist/cobalt-site-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, box);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, rest_revealer);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, rest_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, end_rest_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, cancel_rest_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, map);
  gtk_widget_class_bind_template_child (widget_class, CobaltSitePicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_toggle_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_site_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_end_rest_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_rest_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rest_revealed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sitepicker");
}

static void
cobalt_site_picker_init (CobaltSitePicker *self)
{
  GtkListItemFactory *factory;
  guint n = cobalt_site_catalogue_get_n_sites ();

  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_model = gtk_string_list_new (NULL);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (self->list_model, cobalt_site_catalogue_get_nth (i)->id);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list_model)))));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Injection site"),
                                  -1);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
  /* Either button, focused, reads out why the bar is there. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->end_rest_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->rest_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->cancel_rest_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->rest_label, NULL, -1);
}

GtkWidget *
cobalt_site_picker_new (CobaltContext *context,
                        CobaltPerson  *person)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_SITE_PICKER,
                       "context", context,
                       "person", person,
                       NULL);
}

void
cobalt_site_picker_reload (CobaltSitePicker *self)
{
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  GPtrArray *resting = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const CobaltSiteInfo *suggested = NULL;
  CobaltRepository *repository;
  gint64 person_id;
  GPtrArray *usage = NULL;

  g_return_if_fail (COBALT_IS_SITE_PICKER (self));

  if (self->person == NULL)
    return;

  person_id = self->person->id;
  repository = cobalt_context_get_repository (self->context);
  now = cobalt_clock_get_now (cobalt_context_get_clock (self->context));
  prescription = cobalt_repository_get_prescription (repository, person_id, &error);
  if (prescription != NULL)
    doses = cobalt_repository_list_doses (repository, person_id, &error);
  if (doses != NULL)
    resting = cobalt_repository_list_resting_sites (repository, person_id, &error);
  if (error != NULL)
    g_warning ("Could not load the sites: %s", error->message);

  if (prescription != NULL && doses != NULL)
    {
      usage = cobalt_rotation_get_usage (prescription, doses, resting, now);
      suggested = cobalt_rotation_suggest (prescription, doses, resting, now, &reason);
    }

  /* The map borrows the usage array: hand it over before freeing the old. */
  cobalt_body_map_set_usage (self->map, usage);
  g_clear_pointer (&self->usage, g_ptr_array_unref);
  g_clear_pointer (&self->resting, g_ptr_array_unref);
  self->usage = usage;
  self->resting = resting;

  if (g_strcmp0 (self->suggested, suggested ? suggested->id : NULL) != 0)
    {
      g_free (self->suggested);
      self->suggested = g_strdup (suggested ? suggested->id : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUGGESTED_SITE_ID]);
    }
  update_suggestion_label (self, reason, prescription != NULL);

  /* A choice the clinic no longer allows does not survive a reload. */
  if (self->selected != NULL)
    {
      const CobaltSiteUsage *u = find_usage (self, self->selected);

      if (u == NULL || u->state == COBALT_SITE_STATE_NOT_ENABLED)
        set_selected_internal (self, NULL, FALSE);
    }

  refresh_list (self);
}

const char *
cobalt_site_picker_get_selected_site_id (CobaltSitePicker *self)
{
  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), NULL);

  return self->selected;
}

gboolean
cobalt_site_picker_set_selected_site_id (CobaltSitePicker *self,
                                         const char       *site_id)
{
  const CobaltSiteUsage *usage;

  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), FALSE);

  if (site_id == NULL)
    {
      set_selected_internal (self, NULL, FALSE);
      return TRUE;
    }

  usage = find_usage (self, site_id);
  if (usage == NULL || usage->state == COBALT_SITE_STATE_NOT_ENABLED ||
      usage->state == COBALT_SITE_STATE_RESTING)
    return FALSE;

  set_selected_internal (self, site_id, FALSE);
  return TRUE;
}

gboolean
cobalt_site_picker_choose (CobaltSitePicker *self,
                           const char       *site_id)
{
  const CobaltSiteUsage *usage;

  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), FALSE);

  usage = find_usage (self, site_id);
  if (usage == NULL || usage->state == COBALT_SITE_STATE_NOT_ENABLED)
    return FALSE;

  /* Never chosen while resting (docs/clinical-sources.md, "Technique
   * data"): the bar offers to end the rest first, then it can be chosen. */
  if (usage->state == COBALT_SITE_STATE_RESTING)
    {
      g_autofree char *until = NULL;
      g_autofree char *text = NULL;

      until = usage->resting != NULL ? cobalt_journey_format_date (&usage->resting->until) : NULL;
      if (until != NULL)
        /* Translators: the site name, the date it rests until, then what to do */
        text = g_strdup_printf (_("%s is resting until %s, so it cannot be chosen. %s"),
                                cobalt_site_info_get_name (usage->site), until, cobalt_clinical_resting_site ());
      else
        /* Translators: the site name, then what to do */
        text = g_strdup_printf (_("%s is resting until further notice, so it cannot be chosen. %s"),
                                cobalt_site_info_get_name (usage->site), cobalt_clinical_resting_site ());
      gtk_label_set_text (self->rest_label, text);
      g_free (self->pending);
      self->pending = g_strdup (site_id);
      gtk_revealer_set_reveal_child (self->rest_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_rest_button));
      return FALSE;
    }

  hide_rest_bar (self);
  set_selected_internal (self, site_id, TRUE);
  return TRUE;
}

const char *
cobalt_site_picker_get_suggested_site_id (CobaltSitePicker *self)
{
  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), NULL);

  return self->suggested;
}

gboolean
cobalt_site_picker_get_list_mode (CobaltSitePicker *self)
{
  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0;
}

void
cobalt_site_picker_set_list_mode (CobaltSitePicker *self,
                                  gboolean          list_mode)
{
  g_return_if_fail (COBALT_IS_SITE_PICKER (self));

  if (list_mode == cobalt_site_picker_get_list_mode (self))
    return;

  gtk_stack_set_visible_child_name (self->stack, list_mode ? "list" : "map");
  gtk_toggle_button_set_active (self->list_toggle, list_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_MODE]);
}

GtkWidget *
cobalt_site_picker_get_map (CobaltSitePicker *self)
{
  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), NULL);

  return GTK_WIDGET (self->map);
}

const char *
cobalt_site_picker_get_pending_site_id (CobaltSitePicker *self)
{
  g_return_val_if_fail (COBALT_IS_SITE_PICKER (self), NULL);

  return self->pending;
}
