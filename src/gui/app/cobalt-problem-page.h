/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PROBLEM_PAGE (cobalt_problem_page_get_type ())
G_DECLARE_FINAL_TYPE (CobaltProblemPage, cobalt_problem_page, COBALT, PROBLEM_PAGE, GtkWidget)

/* Explains why the database could not be opened and offers what can be
 * done: restore the newest verified backup, start an empty log (only as an
 * explicit choice, after the unreadable file was moved aside), or try
 * again. Emits ::repository-ready (CobaltRepository) once the log is open. */
CobaltProblemPage *cobalt_problem_page_new (const char   *data_dir,
                                            const GError *error,
                                            const char   *moved_to);

G_END_DECLS
