/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the exporters (CSV, iCalendar, PDF) share. */

#define COBALT_EXPORT_ERROR (cobalt_export_error_quark ())
typedef enum
{
  COBALT_EXPORT_ERROR_WRITE,      /* the file could not be written (message names it) */
  COBALT_EXPORT_ERROR_FAILED,     /* the data could not be read */
  COBALT_EXPORT_ERROR_NO_PRESCRIPTION, /* nothing is scheduled, so no calendar */
} CobaltExportError;
GQuark cobalt_export_error_quark (void);

/* Shared by the exporters: writes @contents to @path created 0600,
 * atomically; a failure becomes COBALT_EXPORT_ERROR_WRITE with a sentence
 * naming the file. */
gboolean            cobalt_export_write_file     (const char *path,
                                                  const char *contents,
                                                  gssize      length,
                                                  GError    **error);

G_END_DECLS
