/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COBALT_TYPE_APPLICATION (cobalt_application_get_type ())
G_DECLARE_FINAL_TYPE (CobaltApplication, cobalt_application, COBALT, APPLICATION, GtkApplication)

CobaltApplication *cobalt_application_new (const char        *application_id,
                                           GApplicationFlags  flags);

G_END_DECLS
