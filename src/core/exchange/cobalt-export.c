/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "cobalt-export.h"

G_DEFINE_QUARK (cobalt-export-error-quark, cobalt_export_error)

gboolean
cobalt_export_write_file (const char *path,
                          const char *contents,
                          gssize      length,
                          GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  /* g_file_set_contents_full creates the temporary file with @mode before
   * writing a byte, so the export is never readable by others, and renames
   * it into place so a crash never leaves half a file. */
  /* The usual mistakes, in words (GLib would name its temporary file). */
  {
    g_autofree char *folder = g_path_get_dirname (path);

    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: the folder “%s” does not exist."), path, folder);
        return FALSE;
      }
    if (access (folder, W_OK) != 0)
      {
        g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: you may not write in the folder “%s”."), path, folder);
        return FALSE;
      }
    if (g_file_test (path, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE,
                     _("Could not write “%s”: it is a folder."), path);
        return FALSE;
      }
  }

  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
