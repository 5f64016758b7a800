/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cobalt-data-problem.h"
#include "cobalt-journey-util.h"
#include "cobalt-problem-page.h"

struct _CobaltProblemPage
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *body_label;
  GtkLabel  *backup_label;
  GtkLabel  *action_error_label;
  GtkWidget *start_empty_button;
  GtkWidget *retry_button;
  GtkWidget *restore_button;

  char      *data_dir;
  char      *backup_path;   /* the newest verified backup, if any */
};

G_DEFINE_FINAL_TYPE (CobaltProblemPage, cobalt_problem_page, GTK_TYPE_WIDGET)

enum {
  REPOSITORY_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_backup (const char *path)
{
  GStatBuf st;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (g_stat (path, &st) != 0)
    return g_strdup (_("A verified backup is available."));

  when = g_date_time_new_from_unix_local (st.st_mtime);
  /* Translators: when the backup was made, g_date_time_format() syntax. */
  date = g_date_time_format (when, _("%A %-d %B %Y at %H:%M"));
  /* Translators: %s is a date and time. */
  return g_strdup_printf (_("The newest good backup was made on %s. Restoring it brings back "
                            "everything logged up to then."), date);
}

static void
show_action_error (CobaltProblemPage *self,
                   const char        *what,
                   const GError      *error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;

  cobalt_data_problem_describe (error, self->data_dir, NULL, &title, &body);
  text = g_strdup_printf ("%s %s", what, body);
  gtk_label_set_label (self->action_error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->action_error_label), TRUE);
}

static void
emit_ready (CobaltProblemPage *self,
            CobaltRepository  *repository)
{
  /* The window replaces this page from the handler. */
  g_object_ref (self);
  g_signal_emit (self, signals[REPOSITORY_READY], 0, repository);
  g_object_unref (self);
}

static void
on_restore_clicked_cb (CobaltProblemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  if (self->backup_path == NULL)
    return;

  if (!cobalt_repository_restore_backup (self->data_dir, self->backup_path, NULL, &error) ||
      !(repository = cobalt_repository_open (self->data_dir, COBALT_REPOSITORY_OPEN_DEFAULT, &error)))
    {
      show_action_error (self, _("The backup could not be restored."), error);
      return;
    }

  emit_ready (self, repository);
}

static void
on_start_empty_clicked_cb (CobaltProblemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  /* The unreadable file was moved aside already: this makes a new one. */
  if (!(repository = cobalt_repository_open (self->data_dir, COBALT_REPOSITORY_OPEN_NEW_LOG, &error)))
    {
      show_action_error (self, _("An empty log could not be started."), error);
      return;
    }

  emit_ready (self, repository);
}

static void
on_retry_clicked_cb (CobaltProblemPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  repository = cobalt_data_problem_open (self->data_dir, COBALT_REPOSITORY_OPEN_DEFAULT,
                                         TRUE, &moved_to, &error);
  if (repository != NULL)
    {
      emit_ready (self, repository);
      return;
    }

  cobalt_data_problem_describe (error, self->data_dir, moved_to, &title, &body);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->action_error_label), FALSE);
}

static void
cobalt_problem_page_map (GtkWidget *widget)
{
  CobaltProblemPage *self = COBALT_PROBLEM_PAGE (widget);
  GtkWidget *buttons[] = { self->restore_button, self->retry_button, self->start_empty_button };

  GTK_WIDGET_CLASS (cobalt_problem_page_parent_class)->map (widget);

  /* Focus what can be done, not the (selectable) explanation, which would
   * show up all selected. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_get_visible (buttons[i]))
      {
        gtk_widget_grab_focus (buttons[i]);
        break;
      }
}

static void
cobalt_problem_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_PROBLEM_PAGE);
  /* The scrolled window at the top is not a bound child. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (cobalt_problem_page_parent_class)->dispose (object);
}

static void
cobalt_problem_page_finalize (GObject *object)
{
  CobaltProblemPage *self = (CobaltProblemPage *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (cobalt_problem_page_parent_class)->finalize (object);
}

static void
cobalt_problem_page_class_init (CobaltProblemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_problem_page_dispose;
  object_class->finalize = cobalt_problem_page_finalize;

  GTK_WIDGET_CLASS (klass)->map = cobalt_problem_page_map;

  /**
   * CobaltProblemPage::repository-ready:
   * @repository: the log that is now open
   *
   * A backup was restored, an empty log started, or a retry worked.
   */
  signals[REPOSITORY_READY] =
    g_signal_new ("repository-ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, COBALT_TYPE_REPOSITORY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/app/cobalt-problem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, backup_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, action_error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, start_empty_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltProblemPage, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_empty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "problempage");
}

static void
cobalt_problem_page_init (CobaltProblemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named "Try Again", not "_Try Again Try Again". */
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

CobaltProblemPage *
cobalt_problem_page_new (const char   *data_dir,
                         const GError *error,
                         const char   *moved_to)
{
  CobaltProblemPage *self;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gboolean unreadable;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (COBALT_TYPE_PROBLEM_PAGE, NULL);
  self->data_dir = g_strdup (data_dir);

  cobalt_data_problem_describe (error, data_dir, moved_to, &title, &body);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->body_label, body);

  /* Only when the unreadable file is safely out of the way may a backup
   * or an empty log take its place. A too-new file is never replaced. */
  unreadable = cobalt_data_problem_is_unreadable (error) &&
               (moved_to != NULL ||
                g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_MISSING));
  if (unreadable)
    {
      self->backup_path = cobalt_data_problem_find_backup (data_dir);
      if (self->backup_path != NULL)
        {
          g_autofree char *text = describe_backup (self->backup_path);

          gtk_label_set_label (self->backup_label, text);
          gtk_widget_set_visible (self->restore_button, TRUE);
        }
      else
        gtk_label_set_label (self->backup_label,
                             _("There is no backup to restore. You can start an empty log; "
                               "the damaged file stays where it was moved."));
      gtk_widget_set_visible (GTK_WIDGET (self->backup_label), TRUE);
      gtk_widget_set_visible (self->start_empty_button, TRUE);
    }
  else if (!g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_TOO_NEW))
    gtk_widget_set_visible (self->retry_button, TRUE);

  return self;
}
