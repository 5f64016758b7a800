/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Follows the desktop's light/dark preference (the XDG settings portal's
 * org.freedesktop.appearance color-scheme) by setting GtkSettings'
 * gtk-application-prefer-dark-theme, which switches GTK's Default theme
 * to its dark variant. Asynchronous; does nothing when $GTK_THEME is set
 * or no portal is running. */

#define COBALT_TYPE_COLOR_SCHEME (cobalt_color_scheme_get_type ())
G_DECLARE_FINAL_TYPE (CobaltColorScheme, cobalt_color_scheme, COBALT, COLOR_SCHEME, GObject)

CobaltColorScheme *cobalt_color_scheme_new (void);

G_END_DECLS
