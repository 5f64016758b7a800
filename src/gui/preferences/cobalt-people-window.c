/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-people-window.h"
#include "cobalt-carers-util.h"

struct _CobaltPeopleWindow
{
  GtkWindow         parent_instance;

  CobaltRepository *repository;
  gulong            changed_id;

  GtkListBox       *people_list;
  GtkEntry         *new_name_entry;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CobaltPeopleWindow, cobalt_people_window, GTK_TYPE_WINDOW)

enum { PERSON_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (cobalt-people-error-quark, cobalt_people_error)

static void reload (CobaltPeopleWindow *self);

/* Static helpers ------------------------------------------------------- */

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
  g_autoptr(CobaltPerson) other = cobalt_repository_find_person (self->repository, name, NULL);

  return other != NULL && other->id != except;
}

static CobaltPerson *
get_person (CobaltPeopleWindow *self,
            gint64              id,
            GError            **error)
{
  return cobalt_repository_get_person (self->repository, id, error);
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
on_archived_toggled_cb (GtkCheckButton     *button,
                        CobaltPeopleWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!cobalt_people_window_set_archived (self, id, gtk_check_button_get_active (button), &error))
    show_problem (self, error);
}

static void
on_add_cb (GtkWidget          *widget,
           CobaltPeopleWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (cobalt_people_window_add (self, gtk_editable_get_text (GTK_EDITABLE (self->new_name_entry)), &error) == 0)
    show_problem (self, error);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->new_name_entry), "");
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

  people = cobalt_repository_list_people (self->repository, TRUE, &error);
  if (people == NULL)
    {
      show_problem (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);
      gpointer id = GSIZE_TO_POINTER (person->id);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *rename = gtk_button_new_with_mnemonic (_("_Rename"));
      GtkWidget *archived = gtk_check_button_new_with_mnemonic (_("A_rchived"));
      g_autofree char *label = g_strdup_printf (_("Name of %s"), person->name);

      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_editable_set_text (GTK_EDITABLE (entry), person->name);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (entry), "person-id", id);
      g_object_set_data (G_OBJECT (rename), "entry", entry);
      g_object_set_data (G_OBJECT (entry), "entry", entry);
      g_signal_connect (entry, "activate", G_CALLBACK (on_rename_cb), self);
      g_signal_connect (rename, "clicked", G_CALLBACK (on_rename_cb), self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (archived), person->archived);
      g_object_set_data (G_OBJECT (archived), "person-id", id);
      g_signal_connect (archived, "toggled", G_CALLBACK (on_archived_toggled_cb), self);

      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), rename);
      gtk_box_append (GTK_BOX (box), archived);
      gtk_list_box_append (self->people_list, box);
    }
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_people_window_dispose (GObject *object)
{
  CobaltPeopleWindow *self = COBALT_PEOPLE_WINDOW (object);

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_PEOPLE_WINDOW);

  G_OBJECT_CLASS (cobalt_people_window_parent_class)->dispose (object);
}

static void
cobalt_people_window_class_init (CobaltPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_people_window_dispose;

  signals[PERSON_ADDED] = g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  cobalt_carers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/preferences/cobalt-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, new_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPeopleWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cobalt_people_window_init (CobaltPeopleWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------ */

CobaltPeopleWindow *
cobalt_people_window_new (GtkWindow        *parent,
                          CobaltRepository *repository)
{
  CobaltPeopleWindow *self;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);

  self = g_object_new (COBALT_TYPE_PEOPLE_WINDOW, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->changed_id = g_signal_connect (repository, "changed", G_CALLBACK (on_repository_changed_cb), self);
  reload (self);
  return self;
}

gint64
cobalt_people_window_add (CobaltPeopleWindow *self,
                          const char         *name,
                          GError            **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (COBALT_IS_PEOPLE_WINDOW (self), 0);

  if (*clean != '\0' && name_taken (self, clean, 0))
    {
      g_set_error (error, cobalt_people_error_quark (), 0,
                   _("There is already someone called “%s”. Add something to tell them apart."), clean);
      return 0;
    }
  person = cobalt_person_new (clean);
  if (!cobalt_repository_save_person (self->repository, person, error))
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
  if (!cobalt_repository_save_person (self->repository, person, error))
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
  if (!cobalt_repository_save_person (self->repository, person, error))
    return FALSE;
  show_problem (self, NULL);
  return TRUE;
}
