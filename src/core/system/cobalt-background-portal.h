/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* The XDG Background portal (org.freedesktop.portal.Background) over
 * GDBus: inside a Flatpak sandbox an XDG autostart file written by the
 * application lands in the sandbox's own config folder and does nothing,
 * so the portal writes the host's entry instead. */

/* Whether Cobalt runs in a Flatpak sandbox: /.flatpak-info exists, or
 * the file $COBALT_SANDBOX_INFO names when it is set (tests point it at a
 * file of their own, or at a missing one to be outside). */
gboolean  cobalt_background_portal_in_sandbox     (void);

/* RequestBackground with autostart @autostart, commandline @commandline,
 * reason @reason and dbus-activatable false; completes when the portal's
 * Request answers (the person may be asked first). The error is
 * COBALT_AUTOSTART_ERROR_DENIED when the portal or the person said no (or
 * granted less than asked), _FAILED when the portal could not be
 * reached. */
void      cobalt_background_portal_request_async  (gboolean             autostart,
                                                   const char * const  *commandline,
                                                   const char          *reason,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean  cobalt_background_portal_request_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
