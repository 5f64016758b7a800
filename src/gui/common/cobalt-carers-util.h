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

/* A modal message with the error's sentence under @primary. */
void        cobalt_carers_show_error       (GtkWidget      *parent,
                                            const char     *primary,
                                            const GError   *error);

G_END_DECLS
