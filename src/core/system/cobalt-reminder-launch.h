/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starting the background reminder process from the window. */

/* TRUE when the reminder's bus name (REMINDER_APPLICATION_ID) has an
 * owner on the session bus. */
gboolean cobalt_reminder_is_running     (GError **error);

/* Starts `cobalt-reminder` unless it already runs: the one next to the
 * running executable (an uninstalled build or another prefix), else the
 * one on PATH. The process is detached and keeps running after the
 * window closes; it reads $COBALT_DATA_DIR like cobalt does. TRUE when it
 * runs or was started; FALSE with an error when there is no session bus
 * or no cobalt-reminder to start. */
gboolean cobalt_reminder_ensure_running (GError **error);

G_END_DECLS
