/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* The parts of the command line that need no display: where the data
 * lives, --demo and --status. Plain functions, so that `cobalt --status`
 * never initialises GTK. */

/* g_get_user_data_dir()/cobalt */
char     *cobalt_cli_get_default_data_dir (void);
/* @option_dir (from --data-dir), else $COBALT_DATA_DIR, else the default. */
char     *cobalt_cli_resolve_data_dir     (const char  *option_dir);

/* A new, empty temporary directory under g_get_tmp_dir() for --demo. */
char     *cobalt_cli_make_demo_dir        (GError     **error);
/* Makes the database in @demo_dir and fills it with cobalt_demo_populate()
 * at @clock's "now". Uses a connection of its own, closed on return, so it
 * may run in a thread (then give it a clock no other thread uses). */
gboolean  cobalt_cli_fill_demo_dir        (const char  *demo_dir,
                                           CobaltClock *clock,
                                           GError     **error);
/* Removes what --demo created (the database, its journal and backups) and
 * the directory itself; touches nothing else. */
void      cobalt_cli_remove_demo_dir      (const char  *demo_dir);

/* One line per person on stdout: name, next due date and time, status word
 * and suggested site. Database problems go to stderr in the same words the
 * window uses. Returns the process exit status. */
int       cobalt_cli_print_status         (const char  *data_dir,
                                           CobaltClock *clock);

/* TRUE when a display server seems reachable; FALSE means GTK would abort. */
gboolean  cobalt_cli_have_display         (void);

G_END_DECLS
