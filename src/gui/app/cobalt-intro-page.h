/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_INTRO_PAGE (cobalt_intro_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltIntroPage, cobalt_intro_page, COBALT, INTRO_PAGE, GtkWidget)

/* First run: what Cobalt does (and does not do), who self-injection may
 * not suit, then a short form that saves the first person and their
 * prescription (the context's person plays no part: there is nobody yet).
 * Emits ::person-created (gint64 id) when done. */
CobaltIntroPage *cobalt_intro_page_new    (CobaltContext    *context);

/* What the Create button does; FALSE when the form refused (the reason is
 * shown next to the field). */
gboolean         cobalt_intro_page_create (CobaltIntroPage  *self);

G_END_DECLS
