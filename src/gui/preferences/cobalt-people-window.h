/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PEOPLE_WINDOW (cobalt_people_window_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPeopleWindow, cobalt_people_window, COBALT, PEOPLE_WINDOW, GtkWindow)

/* "Manage people": everyone Cobalt keeps a log for, archived people
 * included; add a person, rename one, archive or bring one back. Archived
 * people keep their log but leave the person switcher. Emits
 * ::person-added (gint64 id) after adding someone. */

CobaltPeopleWindow *cobalt_people_window_new    (GtkWindow          *parent,
                                                 CobaltContext      *context);

/* What the Add and Rename buttons do; FALSE with a sentence (empty name,
 * a name already used) when refused. */
gint64              cobalt_people_window_add    (CobaltPeopleWindow *self,
                                                 const char         *name,
                                                 GError            **error);
gboolean            cobalt_people_window_rename (CobaltPeopleWindow *self,
                                                 gint64              person_id,
                                                 const char         *name,
                                                 GError            **error);
gboolean            cobalt_people_window_set_archived (CobaltPeopleWindow *self,
                                                 gint64              person_id,
                                                 gboolean            archived,
                                                 GError            **error);

G_END_DECLS
