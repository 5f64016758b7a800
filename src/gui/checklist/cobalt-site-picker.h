/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SITE_PICKER (cobalt_site_picker_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSitePicker, cobalt_site_picker, COBALT, SITE_PICKER, GtkWidget)

/* The body-site picker: the body map (or, with "List", a plain list) of
 * every catalogue site with when it was last used, the suggestion and its
 * reason, sites the clinic did not enable shown but not choosable, and
 * resting sites shown but not choosable either: choosing one offers to end
 * its rest ("End rest", stored with cobalt_repository_clear_site_resting()),
 * after which it can be chosen like any other. There is no "use it anyway".
 *
 * Properties: context, person (construct-only: the person whose dose it
 * is, as the checklist that holds the picker is one person's from start to
 * finish, whoever the context turns to), selected-site-id (rw; NULL until
 * something is chosen), suggested-site-id (ro), list-mode.
 * ::site-selected (site id) when the person chooses a site. */

GtkWidget  *cobalt_site_picker_new                   (CobaltContext    *context,
                                                      CobaltPerson     *person);
/* Re-reads prescription, doses and resting sites (keeps the choice when it
 * is still allowed). */
void        cobalt_site_picker_reload                (CobaltSitePicker *self);
const char *cobalt_site_picker_get_selected_site_id  (CobaltSitePicker *self);
/* Refuses (FALSE) a site that is not enabled or is resting. NULL clears. */
gboolean    cobalt_site_picker_set_selected_site_id  (CobaltSitePicker *self,
                                                      const char       *site_id);
/* As if the person clicked @site_id: not-enabled → FALSE; resting → FALSE,
 * and the bar that offers to end its rest appears; else chosen. */
gboolean    cobalt_site_picker_choose                (CobaltSitePicker *self,
                                                      const char       *site_id);
const char *cobalt_site_picker_get_suggested_site_id (CobaltSitePicker *self);
gboolean    cobalt_site_picker_get_list_mode         (CobaltSitePicker *self);
void        cobalt_site_picker_set_list_mode         (CobaltSitePicker *self,
                                                      gboolean          list_mode);
/* For tests and focus handling. */
GtkWidget  *cobalt_site_picker_get_map               (CobaltSitePicker *self);
/* The resting site whose rest the bar offers to end, or NULL. */
const char *cobalt_site_picker_get_pending_site_id   (CobaltSitePicker *self);

G_END_DECLS
