/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The window's sections after Today, in the sidebar's order, and how to
 * build each page. The window builds a page only when its section is
 * first shown; the page then follows the context's person itself. */
typedef enum
{
  COBALT_SECTION_LOG,
  COBALT_SECTION_CALENDAR,
  COBALT_SECTION_JOURNAL,
  COBALT_SECTION_SUPPLIES,
  COBALT_N_SECTIONS
} CobaltSection;

/* The page name in the window's stack ("log"…) and the sidebar's title. */
const char *cobalt_section_get_name   (CobaltSection     section);
const char *cobalt_section_get_title  (CobaltSection     section);
gboolean    cobalt_section_from_name  (const char       *name,
                                       CobaltSection    *section);

/* @context must have a person. @settings (may be NULL) supplies
 * preferences the page follows. */
GtkWidget  *cobalt_section_new_page   (CobaltSection     section,
                                       CobaltContext    *context,
                                       GSettings        *settings);

G_END_DECLS
