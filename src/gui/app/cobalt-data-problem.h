/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* Opening the data file the way the user-facing parts of Cobalt do, and
 * turning its errors into sentences. Shared by the window and --status so
 * both say the same thing. */

/* Opens @data_dir's log with @flags. When the file is unreadable
 * (CORRUPT or NOT_COBALT) and @move_aside is TRUE it is moved aside, bytes
 * intact, and @moved_to receives the new name; the error is still returned
 * so the user is told. A file that is too new is never touched; a missing
 * one (MISSING: backups or files set aside exist) has nothing to move.
 * With COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP (the window, before its first
 * frame) only quick_check runs: the window's daily-backup open after the
 * first frame checks the whole file. */
CobaltRepository *cobalt_data_problem_open        (const char                *data_dir,
                                                   CobaltRepositoryOpenFlags  flags,
                                                   gboolean                   move_aside,
                                                   char                     **moved_to,
                                                   GError                   **error);

/* TRUE for errors where the file itself is unusable or gone (moved aside,
 * or missing, and a backup can be offered). */
gboolean        cobalt_data_problem_is_unreadable (const GError  *error);

/* A short title and an explanation a person understands; @moved_to may be
 * NULL. Both are newly allocated and translated. */
void            cobalt_data_problem_describe      (const GError  *error,
                                                   const char    *data_dir,
                                                   const char    *moved_to,
                                                   char         **title,
                                                   char         **body);

/* The newest backup in @data_dir that passes verification, or NULL. */
char           *cobalt_data_problem_find_backup   (const char    *data_dir);

G_END_DECLS
