/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opening Cobalt's window from a notification button. */

/* Replaces `cobalt` in the command (for tests): a shell-style command line. */
#define COBALT_REMINDER_LAUNCH_CMD_ENV "COBALT_REMINDER_LAUNCH_CMD"

/* A started cobalt that is still running after this long, or that ended
 * with status 0 before (it handed the request to a running Cobalt), has
 * opened the window; one that ended with an error before has not. */
#define COBALT_WINDOW_LAUNCH_GRACE_MS 3000

/* The cobalt of the same build as the cobalt-reminder at @self_exe: the
 * build tree's when @self_exe is the build tree's cobalt-reminder, else
 * BINDIR's. Never one found on PATH. */
char     *cobalt_window_launch_find_program (const char *self_exe);

/* The whole command: `cobalt [--checklist] [--person NAME] [--data-dir
 * DIR]`, with $COBALT_REMINDER_LAUNCH_CMD for cobalt when set. */
GStrv     cobalt_window_launch_build_argv   (const char *person_name,
                                             gboolean    checklist,
                                             const char *data_dir);

/* Starts the command and finds out whether the window opened (see
 * COBALT_WINDOW_LAUNCH_GRACE_MS). The error's message is a translated
 * phrase to follow "Cobalt could not be opened:". Cancelling stops the
 * watching, never the window. */
void      cobalt_window_launch_async        (const char          *person_name,
                                             gboolean             checklist,
                                             const char          *data_dir,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  cobalt_window_launch_finish       (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
