/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* Small helpers shared by the carers' pages and the report. */

/* "Tue 12 Mar 2024, 09:05" in @when's own zone, followed by the zone's
 * abbreviation ("EST") when its offset then differs from @local's. */
char       *cobalt_carers_format_when      (GDateTime      *when,
                                            GTimeZone      *local);
/* "1 mg hydroxocobalamin" */
char       *cobalt_carers_format_dose      (CobaltDose     *dose);
/* "Carer (Ann)", "Self", "Clinic" */
char       *cobalt_carers_format_given_by  (CobaltDose     *dose);
/* Translated site name, or "—". */
const char *cobalt_carers_site_name        (const char     *site_id);

/* How many doses were given at each catalogue site (array indexed like
 * the catalogue, cobalt_site_catalogue_get_n_sites() long) from @since to
 * now. */
guint      *cobalt_carers_count_sites      (CobaltRepository *repository,
                                            gint64            person_id,
                                            GDateTime        *since,
                                            GError          **error);

/* Makes sure the carers' GResource is linked in and registered (a static
 * library drops an object nothing refers to), and loads carers.css once
 * per display. Call from class_init of every carers widget. */
void        cobalt_carers_ensure_resources (void);

/* GTK 4.8 leaves parts of some controls without a name a screen reader
 * can read: a button's raw mnemonic ("_Save Save"), a menu button (its
 * outer widget), the button inside a drop-down and the item it shows.
 * Names every such control under @root from the text it shows; call
 * again after changing a label. A drop-down's inner button reads its
 * accessible name (see cobalt_carers_name_drop_down()) and its choice. */
void        cobalt_carers_fix_names        (GtkWidget      *root);
/* Names the button inside @dropdown "@name: <its choice>" and keeps that
 * up to date; @dropdown itself is named @name unless it has a mnemonic
 * label already (@labelled: TRUE), which would double the name. */
void        cobalt_carers_name_drop_down   (GtkDropDown    *dropdown,
                                            const char     *name,
                                            gboolean        labelled);
/* Names the arrow buttons of @calendar's header ("Previous month", …):
 * GTK 4.8 leaves them as bare icons. */
void        cobalt_carers_name_calendar    (GtkCalendar    *calendar);
/* Names every GtkScrolledWindow under @root (GTK 4.8 makes them take the
 * focus, a popover menu's too) @name. */
void        cobalt_carers_name_scrollers   (GtkWidget      *root,
                                            const char     *name);
/* Gives @dialog the default width @width, or less when the window it
 * belongs to (or its screen) is narrower: a dialog never opens wider than
 * a narrow or tiled window; and the height its content needs at that
 * width, within the screen (a scrolled form scrolls beyond). Call once its
 * transient parent is set and its content is filled in. */
void        cobalt_carers_fit_dialog       (GtkWindow      *dialog,
                                            int             width);

/* A modal message with the error's sentence under @primary. */
void        cobalt_carers_show_error       (GtkWidget      *parent,
                                            const char     *primary,
                                            const GError   *error);

G_END_DECLS
