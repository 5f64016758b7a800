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
 * a name already used, no emergency number, a number that is not a phone
 * number) when refused. Adding asks for the new person's emergency number
 * (required) and urgent-advice number (optional, NULL or "" for none), as
 * the first run does. */
gint64              cobalt_people_window_add    (CobaltPeopleWindow *self,
                                                 const char         *name,
                                                 const char         *emergency_number,
                                                 const char         *urgent_number,
                                                 GError            **error);
gboolean            cobalt_people_window_rename (CobaltPeopleWindow *self,
                                                 gint64              person_id,
                                                 const char         *name,
                                                 GError            **error);
gboolean            cobalt_people_window_set_archived (CobaltPeopleWindow *self,
                                                 gint64              person_id,
                                                 gboolean            archived,
                                                 GError            **error);

/* For tests: "name" (the new person's) and the number fields of the new
 * person (cobalt_number_fields_get_field()'s names); NULL otherwise. */
GtkWidget          *cobalt_people_window_get_field (CobaltPeopleWindow *self,
                                                    const char         *name);

G_END_DECLS
