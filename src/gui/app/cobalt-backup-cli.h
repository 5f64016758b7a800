/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-core.h"

G_BEGIN_DECLS

/* `cobalt --backup FILE` and `cobalt --restore FILE`: no display needed.
 * What was done goes to stdout (what the file or the log now holds),
 * problems to stderr. Exit codes as cobalt-carers-cli.h's. */

/* A verified copy of @data_dir's log at @path (0600); never over an
 * existing file. */
int cobalt_backup_cli_backup  (const char *data_dir,
                               const char *path);
/* Checks @path, keeps the current log aside, restores @path and tells what
 * Cobalt now holds. A file that is no Cobalt log, a newer Cobalt's or a
 * damaged one is refused with nothing changed (COBALT_EXIT_NOT_RESTORED),
 * as is a restore under a running Cobalt window on the same folder. */
int cobalt_backup_cli_restore (const char *data_dir,
                               const char *path);

/* @message as a sentence: with its full stop (SQLite's come without). */
char *cobalt_backup_cli_sentence (const char *message);

G_END_DECLS
