/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_AFTERCARE_PAGE (cobalt_aftercare_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltAftercarePage, cobalt_aftercare_page, COBALT, AFTERCARE_PAGE, GtkWidget)

/* After a dose: aftercare guidance and the reactions, now or later. The
 * catalogue's kinds as ticks grouped by triage level; ticking an urgent one
 * shows at once an unmistakable "Call <emergency number> now" banner, a
 * contact-clinic one the clinic phone, a mild one a short reassurance.
 * "Save" stores one reaction per tick (linked to dose-id when set).
 *
 * Properties: context, person, dose-id (construct-only), highest-level
 * (ro: the most urgent ticked level, -1 for none). @person is whose dose
 * it was (their emergency number and clinic are in the banners); the page
 * stays on them whoever the context turns to. ::done when the person is
 * finished with the page. */

GtkWidget *cobalt_aftercare_page_new             (CobaltContext    *context,
                                                  CobaltPerson     *person,
                                                  gint64            dose_id);
/* Ticks (or unticks) the reaction @kind_id as if the person did. */
gboolean   cobalt_aftercare_page_set_reaction    (CobaltAftercarePage *self,
                                                  const char          *kind_id,
                                                  gboolean             ticked);
/* Stores the ticked reactions not stored yet; FALSE with the reason shown
 * on the page (and in @error). */
gboolean   cobalt_aftercare_page_save            (CobaltAftercarePage *self,
                                                  GError             **error);
int        cobalt_aftercare_page_get_highest_level (CobaltAftercarePage *self);
/* The banner text currently shown, or NULL: for tests. */
const char *cobalt_aftercare_page_get_banner_text (CobaltAftercarePage *self);
/* The banner widget shown (role ALERT for an emergency or urgent-advice
 * level, STATUS for the others), or NULL: for tests. */
GtkWidget  *cobalt_aftercare_page_get_banner      (CobaltAftercarePage *self);

G_END_DECLS
