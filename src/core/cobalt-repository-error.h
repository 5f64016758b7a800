/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* The errors of the log's storage, in the one domain the repository shows
 * to the window, the command line and cobalt-reminder. Storage reports in
 * this domain too (COBALT_DATABASE_ERROR is another name for it), so an
 * error reaches the user unchanged from wherever it arose. */

#define COBALT_REPOSITORY_ERROR (cobalt_repository_error_quark ())

typedef enum
{
  COBALT_REPOSITORY_ERROR_OPEN,        /* could not open or create the file */
  COBALT_REPOSITORY_ERROR_CORRUPT,     /* not an SQLite file, or fails quick_check/integrity_check */
  COBALT_REPOSITORY_ERROR_NOT_COBALT,  /* an SQLite file of another application */
  COBALT_REPOSITORY_ERROR_TOO_NEW,     /* from a newer Cobalt; the file was not touched */
  COBALT_REPOSITORY_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  COBALT_REPOSITORY_ERROR_PERMISSION,  /* the data folder cannot be created or entered */
  COBALT_REPOSITORY_ERROR_BUSY,        /* another process held the lock past the timeout */
  COBALT_REPOSITORY_ERROR_CONSTRAINT,  /* a row broke a CHECK/UNIQUE/foreign key rule */
  COBALT_REPOSITORY_ERROR_NOT_FOUND,   /* no such row */
  COBALT_REPOSITORY_ERROR_BACKUP,      /* a backup could not be made, verified or restored */
  COBALT_REPOSITORY_ERROR_FULL,        /* the disk is full (SQLITE_FULL, ENOSPC) */
  COBALT_REPOSITORY_ERROR_IO,          /* the disk reported an input/output error */
  COBALT_REPOSITORY_ERROR_SQLITE,      /* anything else SQLite reported */
  COBALT_REPOSITORY_ERROR_MISSING,     /* no log (or an empty file) where backups or
                                        * files set aside say there was one: nothing
                                        * was created (see cobalt_repository_open()) */
} CobaltRepositoryError;

GQuark cobalt_repository_error_quark (void);

/* The log's file in the data folder, and the folder of its backups beside
 * it. */
#define COBALT_REPOSITORY_FILENAME   "cobalt.db"
#define COBALT_REPOSITORY_BACKUP_DIR "backups"
/* Cobalt writes whole files (backups, a restored log) under a temporary
 * name, NAME.partial-XXXXXX beside NAME, and renames them into place only
 * once verified and synced; such a name is never a backup. */
#define COBALT_REPOSITORY_PARTIAL_INFIX ".partial-"

G_END_DECLS
