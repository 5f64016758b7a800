/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* The XDG autostart entry that starts cobalt-reminder at login. meson
 * installs one system-wide ($sysconfdir/xdg/autostart/REMINDER_AUTOSTART_FILE);
 * the preference writes the user's own entry of the same name,
 * $XDG_CONFIG_HOME/autostart/REMINDER_AUTOSTART_FILE, which overrides it.
 * The session reads the system entry only from $XDG_CONFIG_DIRS/autostart
 * (/etc/xdg/autostart by default), so a build installed elsewhere (meson's
 * /usr/local) has its entry where nothing looks: turning the preference on
 * then writes the user's entry.
 *
 * Inside a Flatpak sandbox (cobalt_background_portal_in_sandbox()) no file
 * is written: the Background portal asks the desktop to start
 * cobalt-reminder at login, and what it granted is remembered in
 * $XDG_CONFIG_HOME/cobalt/background.ini (the sandbox's own folder). */

#define COBALT_AUTOSTART_ERROR (cobalt_autostart_error_quark ())
typedef enum
{
  COBALT_AUTOSTART_ERROR_FAILED,   /* the entry could not be written or removed,
                                      or the portal could not be reached */
  COBALT_AUTOSTART_ERROR_DENIED,   /* the Background portal (or the person) said no */
} CobaltAutostartError;
GQuark    cobalt_autostart_error_quark  (void);

/* The entry's path (it may not exist). */
char     *cobalt_autostart_get_path     (void);
/* Whether cobalt-reminder starts at login: the user's entry when there
 * is one, else the system-wide one; an entry with Hidden=true or
 * X-GNOME-Autostart-enabled=false does not count. */
gboolean  cobalt_autostart_is_enabled   (void);
/* On: when an enabled system-wide entry is in $XDG_CONFIG_DIRS/autostart,
 * nothing to write (a user's entry of the same name, which would hide it,
 * is removed); otherwise writes the user's entry (0644, folder created)
 * with Exec the full path of this build's cobalt-reminder. Off: removes
 * the user's entry, or, when a system-wide entry exists, writes a
 * Hidden=true entry instead, as the autostart spec asks. In a sandbox it
 * waits for the Background portal's answer (a main loop of its own): the
 * window uses the _async version. */
gboolean  cobalt_autostart_set_enabled  (gboolean   enabled,
                                         GError   **error);
/* The same without blocking: in a sandbox the portal may first ask the
 * person. Outside one it does the file work at once, as above. */
void      cobalt_autostart_set_enabled_async  (gboolean              enabled,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  cobalt_autostart_set_enabled_finish (GAsyncResult         *result,
                                               GError              **error);
/* The entry's text: Exec is the installed cobalt-reminder (BINDIR), or
 * the one beside the running executable when that is where it lives. */
char     *cobalt_autostart_get_contents (void);

G_END_DECLS
