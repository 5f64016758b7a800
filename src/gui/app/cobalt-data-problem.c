/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-data-problem.h"

CobaltRepository *
cobalt_data_problem_open (const char                 *data_dir,
                          CobaltRepositoryOpenFlags   flags,
                          gboolean                    move_aside,
                          char                      **moved_to,
                          GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  CobaltRepository *repository;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (moved_to == NULL || *moved_to == NULL, NULL);

  /* The window's opens before its first frame: the daily-backup open it
   * starts in a thread after that frame reads the whole file, so these
   * look at its pages only. */
  if (flags & COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP)
    flags |= COBALT_REPOSITORY_OPEN_QUICK_CHECK;

  repository = cobalt_repository_open (data_dir, flags, &local_error);
  if (repository != NULL)
    return repository;

  /* Never start an empty log silently: the unreadable file goes aside so
   * that a backup can be restored in its place, and the user is told. A
   * missing log has nothing to move. */
  if (move_aside && cobalt_data_problem_is_unreadable (local_error) &&
      !g_error_matches (local_error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_MISSING))
    {
      g_autoptr(GError) move_error = NULL;
      g_autofree char *new_path = NULL;

      if (cobalt_repository_move_aside (data_dir, &new_path, &move_error))
        {
          if (moved_to != NULL)
            *moved_to = g_steal_pointer (&new_path);
        }
      else
        g_warning ("Could not move the unreadable database aside: %s", move_error->message);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

gboolean
cobalt_data_problem_is_unreadable (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_CORRUPT) ||
          g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_COBALT) ||
          g_error_matches (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_MISSING));
}

/* What is left of a log that is gone: its backups and the files set
 * aside, so the person knows nothing was thrown away. */
static char *
describe_missing (const char *data_dir,
                  const char *path)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) set_aside = NULL;
  GString *text = g_string_new (NULL);

  if (data_dir == NULL)
    {
      g_string_printf (text, _("The file “%s” is missing, but backups of it exist. "
                               "Cobalt has not started an empty log."), path);
      return g_string_free (text, FALSE);
    }

  backups = cobalt_repository_list_backups (data_dir);
  set_aside = cobalt_repository_list_set_aside (data_dir);

  g_string_printf (text, _("The file “%s” is missing, so Cobalt has not started an empty log: "
                           "your earlier data is still in the folder."), path);
  if (backups->len > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              ngettext ("There is %u backup.", "There are %u backups.", backups->len),
                              backups->len);
    }
  if (set_aside->len > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s is the path of a copy of the log kept aside. */
      g_string_append_printf (text, _("The log was last kept aside as “%s”."),
                              (const char *) g_ptr_array_index (set_aside, 0));
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("You can restore the newest good backup or start an empty log."));
  return g_string_free (text, FALSE);
}

void
cobalt_data_problem_describe (const GError  *error,
                              const char    *data_dir,
                              const char    *moved_to,
                              char         **title,
                              char         **body)
{
  g_autofree char *path = NULL;
  const char *t;
  char *b;

  g_return_if_fail (error != NULL);
  g_return_if_fail (title != NULL && body != NULL);

  path = data_dir != NULL ? g_build_filename (data_dir, COBALT_REPOSITORY_FILENAME, NULL)
                          : g_strdup (COBALT_REPOSITORY_FILENAME);

  if (error->domain != COBALT_REPOSITORY_ERROR)
    {
      *title = g_strdup (_("Cobalt could not open its data file"));
      *body = g_strdup_printf (_("Something went wrong while opening “%s”: %s"), path, error->message);
      return;
    }

  switch ((CobaltRepositoryError) error->code)
    {
    case COBALT_REPOSITORY_ERROR_CORRUPT:
    case COBALT_REPOSITORY_ERROR_NOT_COBALT:
      t = error->code == COBALT_REPOSITORY_ERROR_CORRUPT
          ? _("Cobalt’s data file is damaged")
          : _("Cobalt’s data file belongs to another program");
      if (moved_to != NULL)
        b = g_strdup_printf (_("The file “%s” could not be read as an injection log. "
                               "It has been moved aside unchanged to “%s”, so nothing in it is lost "
                               "and someone can try to rescue it. "
                               "You can restore the newest good backup or start an empty log."),
                             path, moved_to);
      else
        b = g_strdup_printf (_("The file “%s” could not be read as an injection log. "
                               "Open Cobalt’s window to move it aside safely and restore a backup."),
                             path);
      break;

    case COBALT_REPOSITORY_ERROR_MISSING:
      t = _("Cobalt’s data file is missing");
      b = describe_missing (data_dir, path);
      break;

    case COBALT_REPOSITORY_ERROR_TOO_NEW:
      t = _("This data was saved by a newer version of Cobalt");
      b = g_strdup_printf (_("The file “%s” was written by a newer Cobalt, and this version cannot "
                             "read it safely. It has not been changed. Please update Cobalt."),
                           path);
      break;

    case COBALT_REPOSITORY_ERROR_READ_ONLY:
    case COBALT_REPOSITORY_ERROR_PERMISSION:
    case COBALT_REPOSITORY_ERROR_OPEN:
      t = _("Cobalt cannot save in its data folder");
      b = g_strdup_printf (_("Cobalt needs to write to “%s”, but it is not allowed to (%s). "
                             "Check that the folder exists and belongs to you, then try again."),
                           data_dir != NULL ? data_dir : path, error->message);
      break;

    case COBALT_REPOSITORY_ERROR_FULL:
      t = _("The disk is full");
      b = g_strdup_printf (_("Cobalt cannot save to “%s” because the disk is full. "
                             "Free up some space, then try again."), path);
      break;

    case COBALT_REPOSITORY_ERROR_BUSY:
      t = _("The data file is busy");
      b = g_strdup_printf (_("Another program is holding “%s” open for too long. "
                             "Wait a moment, then try again."), path);
      break;

    case COBALT_REPOSITORY_ERROR_IO:
      t = _("The disk reported an error");
      b = g_strdup_printf (_("Reading “%s” failed with a disk error (%s). "
                             "Your data has not been changed. Try again; if it keeps happening, "
                             "copy the data folder somewhere safe."), path, error->message);
      break;

    case COBALT_REPOSITORY_ERROR_CONSTRAINT:
    case COBALT_REPOSITORY_ERROR_NOT_FOUND:
    case COBALT_REPOSITORY_ERROR_BACKUP:
    case COBALT_REPOSITORY_ERROR_SQLITE:
    default:
      t = _("Cobalt could not open its data file");
      b = g_strdup_printf (_("Something went wrong while opening “%s”: %s"), path, error->message);
      break;
    }

  *title = g_strdup (t);
  *body = b;
}

char *
cobalt_data_problem_find_backup (const char *data_dir)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  backups = cobalt_repository_list_backups (data_dir);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *candidate = g_ptr_array_index (backups, i);

      if (cobalt_repository_verify_backup (candidate, NULL))
        return g_strdup (candidate);
    }

  return NULL;
}
