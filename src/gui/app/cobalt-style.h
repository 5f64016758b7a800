/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Cobalt's own stylesheet for @display (GtkApplication, unlike
 * libadwaita's, does not load style.css itself), and, while the desktop's
 * theme is a high-contrast one, high-contrast.css on top of it. GTK 4.8's
 * CSS has no media query for contrast, so the second sheet follows
 * GtkSettings:gtk-theme-name ("HighContrast", "HighContrastInverse", what
 * GNOME sets when High Contrast is switched on). */
void     cobalt_style_install                (GdkDisplay  *display);

/* Whether @theme_name is one of GTK's high-contrast themes. */
gboolean cobalt_style_is_high_contrast_theme (const char  *theme_name);

G_END_DECLS
