/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opening Cobalt's window from a notification button. */

/* Replaces `cobalt` in the command (for tests): a shell-style command line. */
#define COBALT_REMINDER_LAUNCH_CMD_ENV "COBALT_REMINDER_LAUNCH_CMD"

/* Starts `cobalt [--checklist] [--person NAME] [--data-dir DIR]`, detached:
 * the cobalt beside this executable, else the one on PATH. Failures are
 * logged, not returned: there is no one to tell but the log. */
void cobalt_window_launch (const char *person_name,
                           gboolean    checklist,
                           const char *data_dir);

G_END_DECLS
