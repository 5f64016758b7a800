/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-people-window.h"
#include "cobalt-carers-util.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-fold-box.h"
#include "cobalt-journey-util.h"
#include "cobalt-preferences-util.h"
#include "cobalt-number-fields.h"

struct _CobaltPeopleWindow
{
  GtkWindow         parent_instance;

  CobaltContext    *context;     /* its repository: everyone, not only its person */
  gulong            changed_id;

  GtkListBox       *people_list;
  GtkGrid          *add_grid;
  GtkEntry         *new_name_entry;
  GtkLabel         *error_label;

  CobaltNumberFields *numbers;   /* the new person's */
};

G_DEFINE_FINAL_TYPE (CobaltPeopleWindow, cobalt_people_window, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { PERSON_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cobalt-people-error-quark, cobalt_people_error)

static void reload (CobaltPeopleWindow *self);

/* Static helpers ------------------------------------------------------- */

static CobaltRepository *
repository_of (CobaltPeopleWindow *self)
{
  return cobalt_context_get_repository (self->context);
}

static void
show_problem (CobaltPeopleWindow *self,
              const GError       *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* Another person (not @except) already has @name, case-insensitively. */
static gboolean
name_taken (CobaltPeopleWindow *self,
            const char         *name,
            gint64              except)
{
  g_autoptr(CobaltPerson) other = cobalt_repository_find_person (repository_of (self), name, NULL);

  return other != NULL && other->id != except;
}

static CobaltPerson *
get_person (CobaltPeopleWindow *self,
            gint64              id,
            GError            **error)
{
  return cobalt_repository_get_person (repository_of (self), id, error);
}

/* Callbacks ------------------------------------------------------------ */

static void
on_rename_cb (GtkWidget          *widget,
              CobaltPeopleWindow *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (widget), "entry");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!cobalt_people_window_rename (self, id, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    show_problem (self, error);
}

static void
on_archived_toggled_cb (GtkToggleButton    *button,
                        CobaltPeopleWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!cobalt_people_window_set_archived (self, id, gtk_toggle_button_get_active (button), &error))
    show_problem (self, error);
}

static void
on_add_cb (GtkWidget          *widget,
           CobaltPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) numbers = cobalt_person_new ("");

  /* The reason for a number goes under its field. */
  show_problem (self, NULL);
  if (!cobalt_number_fields_check (self->numbers, TRUE, NULL))
    return;
  cobalt_number_fields_apply (self->numbers, numbers);

  if (cobalt_people_window_add (self, gtk_editable_get_text (GTK_EDITABLE (self->new_name_entry)),
                                numbers->emergency_number, numbers->urgent_number, &error) == 0)
    show_problem (self, error);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->new_name_entry), "");
      cobalt_number_fields_load (self->numbers, NULL);
    }
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltPeopleWindow      *self)
{
  if (changes & COBALT_REPOSITORY_CHANGED_PEOPLE)
    reload (self);
}

static void
reload (CobaltPeopleWindow *self)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  people = cobalt_repository_list_people (repository_of (self), TRUE, &error);
  if (people == NULL)
    {
      show_problem (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);
      gpointer id = GSIZE_TO_POINTER (person->id);
      /* The name, then its buttons beside it or, on a narrow window,
       * under it. One of these rows per person: their buttons have no
       * mnemonic, which would be the same letter in every row. */
      GtkWidget *box = cobalt_fold_box_new (6);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *rename = gtk_button_new_with_label (_("Rename"));
      GtkWidget *archived = cobalt_choice_button_new (NULL);
      GtkWidget *row = gtk_list_box_row_new ();
      g_autofree char *label = g_strdup_printf (_("Name of %s"), person->name);
      g_autofree char *rename_name = NULL;
      g_autofree char *archived_name = NULL;
      g_autofree char *row_name = NULL;

      /* Translators: accessible name of the Rename button of a person's row */
      rename_name = g_strdup_printf (_("Rename %s"), person->name);
      /* Translators: accessible name of the Archived check box of a person's row */
      archived_name = g_strdup_printf (_("%s archived"), person->name);
      /* Translators: a row of the People window, for someone archived */
      row_name = person->archived ? g_strdup_printf (_("%s, archived"), person->name) : g_strdup (person->name);
      gtk_button_set_use_underline (GTK_BUTTON (archived), FALSE);
      gtk_button_set_label (GTK_BUTTON (archived), _("Archived"));
      /* Their own names, not their labels' text as well. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (rename), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rename), GTK_ACCESSIBLE_PROPERTY_LABEL, rename_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (archived), GTK_ACCESSIBLE_PROPERTY_LABEL, archived_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);

      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_editable_set_text (GTK_EDITABLE (entry), person->name);
      gtk_widget_set_hexpand (entry, TRUE);
      /* Room for a name before the buttons go under it. */
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 16);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (entry), "person-id", id);
      g_object_set_data (G_OBJECT (rename), "entry", entry);
      g_object_set_data (G_OBJECT (entry), "entry", entry);
      g_signal_connect (entry, "activate", G_CALLBACK (on_rename_cb), self);
      g_signal_connect (rename, "clicked", G_CALLBACK (on_rename_cb), self);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (archived), person->archived);
      g_object_set_data (G_OBJECT (archived), "person-id", id);
      g_signal_connect (archived, "toggled", G_CALLBACK (on_archived_toggled_cb), self);

      gtk_box_append (GTK_BOX (buttons), rename);
      gtk_box_append (GTK_BOX (buttons), archived);
      cobalt_fold_box_append (COBALT_FOLD_BOX (box), entry);
      cobalt_fold_box_append (COBALT_FOLD_BOX (box), buttons);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "person-id", id);
      gtk_list_box_append (self->people_list, row);
    }
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_people_window_constructed (GObject *object)
{
  CobaltPeopleWindow *self = COBALT_PEOPLE_WINDOW (object);

  G_OBJECT_CLASS (cobalt_people_window_parent_class)->constructed (object);

  cobalt_preferences_fit_parent (GTK_WINDOW (self));
  /* Under the name, above the Add button. */
  self->numbers = cobalt_number_fields_new_stacked (self->add_grid, 0, 2, 1, NULL);
  self->changed_id = g_signal_connect (repository_of (self), "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  reload (self);
}

static void
cobalt_people_window_dispose (GObject *object)
{
  CobaltPeopleWindow *self = COBALT_PEOPLE_WINDOW (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, repository_of (self));
  g_clear_object (&self->context);
  g_clear_object (&self->numbers);
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_PEOPLE_WINDOW);

  G_OBJECT_CLASS (cobalt_people_window_parent_class)->dispose (object);
}

static void
cobalt_people_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltPeopleWindow *self = COBALT_PEOPLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: g_value_set_object (value, self->context); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_people_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltPeopleWindow *self = COBALT_PEOPLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: self->context = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_people_window_class_init (CobaltPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_people_window_constructed;
  object_class->dispose = cobalt_people_window_dispose;
  object_class->get_property = cobalt_people_window_get_property;
  object_class->set_property = cobalt_people_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PERSON_ADDED] = g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (COBALT_TYPE_FOLD_BOX);
  cobalt_carers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/preferences/cobalt-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, add_grid);
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, new_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_people_window_init (CobaltPeopleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------ */

CobaltPeopleWindow *
cobalt_people_window_new (GtkWindow     *parent,
                          CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_PEOPLE_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

gint64
cobalt_people_window_add (CobaltPeopleWindow *self,
                          const char         *name,
                          const char         *emergency_number,
                          const char         *urgent_number,
                          GError            **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *emergency = g_strstrip (g_strdup (emergency_number ? emergency_number : ""));
  g_autofree char *urgent = g_strstrip (g_strdup (urgent_number ? urgent_number : ""));

  g_return_val_if_fail (COBALT_IS_PEOPLE_WINDOW (self), 0);

  if (*clean != '\0' && name_taken (self, clean, 0))
    {
      g_set_error (error, cobalt_people_error_quark (), 0,
                   _("There is already someone called “%s”. Add something to tell them apart."), clean);
      return 0;
    }
  /* Asked, never guessed (docs/clinical-sources.md, "Emergency and
   * urgent-advice numbers"). */
  if (*emergency == '\0')
    {
      g_set_error_literal (error, cobalt_people_error_quark (), 0, cobalt_clinical_emergency_number_required ());
      return 0;
    }
  if (!cobalt_number_fields_looks_like_phone (emergency) ||
      (*urgent != '\0' && !cobalt_number_fields_looks_like_phone (urgent)))
    {
      g_set_error_literal (error, cobalt_people_error_quark (), 0,
                           _("A phone number has digits, spaces and + - ( ) only."));
      return 0;
    }
  person = cobalt_person_new (clean);
  cobalt_person_set_emergency_number (person, emergency);
  cobalt_set_str (&person->urgent_number, *urgent != '\0' ? urgent : NULL);
  if (!cobalt_repository_save_person (repository_of (self), person, error))
    return 0;
  show_problem (self, NULL);
  g_signal_emit (self, signals[PERSON_ADDED], 0, person->id);
  return person->id;
}

gboolean
cobalt_people_window_rename (CobaltPeopleWindow *self,
                             gint64              person_id,
                             const char         *name,
                             GError            **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (COBALT_IS_PEOPLE_WINDOW (self), FALSE);

  if (*clean != '\0' && name_taken (self, clean, person_id))
    {
      g_set_error (error, cobalt_people_error_quark (), 0,
                   _("There is already someone called “%s”."), clean);
      return FALSE;
    }
  person = get_person (self, person_id, error);
  if (person == NULL)
    return FALSE;
  cobalt_set_str (&person->name, clean);
  if (!cobalt_repository_save_person (repository_of (self), person, error))
    return FALSE;
  show_problem (self, NULL);
  return TRUE;
}

gboolean
cobalt_people_window_set_archived (CobaltPeopleWindow *self,
                                   gint64              person_id,
                                   gboolean            archived,
                                   GError            **error)
{
  g_autoptr(CobaltPerson) person = NULL;

  g_return_val_if_fail (COBALT_IS_PEOPLE_WINDOW (self), FALSE);

  person = get_person (self, person_id, error);
  if (person == NULL)
    return FALSE;
  if (person->archived == !!archived)
    return TRUE;
  cobalt_person_set_archived (person, archived);
  if (!cobalt_repository_save_person (repository_of (self), person, error))
    return FALSE;
  show_problem (self, NULL);
  return TRUE;
}

GtkWidget *
cobalt_people_window_get_field (CobaltPeopleWindow *self,
                                const char         *name)
{
  g_return_val_if_fail (COBALT_IS_PEOPLE_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "name"))
    return GTK_WIDGET (self->new_name_entry);

  return cobalt_number_fields_get_field (self->numbers, name);
}
