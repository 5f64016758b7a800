/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_BODY_MAP (cobalt_body_map_get_type ())
G_DECLARE_FINAL_TYPE (CobaltBodyMap, cobalt_body_map, COBALT, BODY_MAP, GtkWidget)

/* The drawing half of the site picker: a front and a back body outline
 * (cairo, in the theme's foreground colour, scaled to the allocation) with
 * one focusable toggle button per catalogue site laid out on it. Arrow keys
 * move the focus to the nearest site in that direction ("map.move" action).
 * Emits ::site-activated (site id) when a site button is clicked. */

GtkWidget  *cobalt_body_map_new            (void);
/* @usage: CobaltSiteUsage array from cobalt_rotation_get_usage(), borrowed
 * for as long as the map shows it (the picker owns it). */
void        cobalt_body_map_set_usage      (CobaltBodyMap *self,
                                            GPtrArray     *usage);
/* Marks @site_id (or nothing) as the chosen site. */
void        cobalt_body_map_set_selected   (CobaltBodyMap *self,
                                            const char    *site_id);
/* The button of @site_id, for focus and tests. */
GtkWidget  *cobalt_body_map_get_button     (CobaltBodyMap *self,
                                            const char    *site_id);
/* The site whose button has the keyboard focus, or NULL. */
const char *cobalt_body_map_get_focus_site (CobaltBodyMap *self);
/* Moves the focus from the focused (or first sensitive) site to the nearest
 * sensitive one in @direction (GTK_DIR_UP/DOWN/LEFT/RIGHT). TRUE if moved. */
gboolean    cobalt_body_map_move_focus     (CobaltBodyMap    *self,
                                            GtkDirectionType  direction);

G_END_DECLS
