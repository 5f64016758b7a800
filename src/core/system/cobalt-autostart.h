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
 * $XDG_CONFIG_HOME/autostart/REMINDER_AUTOSTART_FILE, which overrides it. */

#define COBALT_AUTOSTART_ERROR (cobalt_autostart_error_quark ())
typedef enum
{
  COBALT_AUTOSTART_ERROR_FAILED,   /* the entry could not be written or removed */
} CobaltAutostartError;
GQuark    cobalt_autostart_error_quark  (void);

/* The entry's path (it may not exist). */
char     *cobalt_autostart_get_path     (void);
/* Whether cobalt-reminder starts at login: the user's entry when there
 * is one, else the system-wide one; an entry with Hidden=true or
 * X-GNOME-Autostart-enabled=false does not count. */
gboolean  cobalt_autostart_is_enabled   (void);
/* Writes the user's entry (0644, folder created) or takes it away. When
 * the system-wide entry exists, turning it off writes a Hidden=true entry
 * instead, as the autostart spec asks. */
gboolean  cobalt_autostart_set_enabled  (gboolean   enabled,
                                         GError   **error);
/* The entry's text: Exec is the installed cobalt-reminder (BINDIR), or
 * the one beside the running executable when that is where it lives. */
char     *cobalt_autostart_get_contents (void);

G_END_DECLS
