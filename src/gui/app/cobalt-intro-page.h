/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_INTRO_PAGE (cobalt_intro_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltIntroPage, cobalt_intro_page, COBALT, INTRO_PAGE, GtkWidget)

/* First run: what Cobalt does (and does not do), who self-injection may
 * not suit, then a short form that saves the first person, their
 * emergency and urgent-advice numbers, and their prescription with the
 * sites their clinic trained them on (the context's person plays no part:
 * there is nobody yet). Nothing is chosen for the person: no regimen, no
 * site, and the emergency number only where the locale names a country
 * Cobalt knows, to be checked.
 * Emits ::person-created (gint64 id) when done. */
CobaltIntroPage *cobalt_intro_page_new    (CobaltContext    *context);

/* What the Create button does; FALSE when the form refused (the reason is
 * shown next to the field). */
gboolean         cobalt_intro_page_create (CobaltIntroPage  *self);

/* For tests: the number fields (cobalt_number_fields_get_field()'s
 * names) and "site:<id>", the check button of a site of the route
 * chosen; NULL for anything else. The rest are template children. */
GtkWidget       *cobalt_intro_page_get_field (CobaltIntroPage *self,
                                              const char      *name);

G_END_DECLS
