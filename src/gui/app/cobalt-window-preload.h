/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* What the window's first frame needs from the log (the open repository
 * and Today's status for the person it will show), worked out in a thread
 * while GTK connects to the display. Neither needs the other, and start-up
 * on a second core is that much shorter. */
typedef struct _CobaltWindowPreload CobaltWindowPreload;

/* Starts the thread. It takes @repository (may be NULL: then it opens
 * @data_dir's, without the daily backup, which waits for the first frame).
 * @now is when Today is worked out for; @person_id 0 stands for the person
 * shown last time, or else the first. */
CobaltWindowPreload *cobalt_window_preload_start          (const char          *data_dir,
                                                           CobaltRepository    *repository,
                                                           GDateTime           *now,
                                                           gint64               person_id);
/* Waits for the thread. NULL when the log could not be opened: the window
 * opens it again, to move an unreadable file aside and explain. */
CobaltRepository    *cobalt_window_preload_get_repository (CobaltWindowPreload *self);
/* Waits for the thread. Today's status and the low-stock lead time it was
 * worked out with; NULL when there was nobody to work it out for. */
CobaltStatus        *cobalt_window_preload_get_status     (CobaltWindowPreload *self,
                                                           guint               *lead_days);
/* Waits for the thread (it may be writing a migration), then frees. */
void                 cobalt_window_preload_free           (CobaltWindowPreload *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltWindowPreload, cobalt_window_preload_free)

/* The window's settings, or NULL when the schema is not installed (running
 * from a build directory): then the window does not remember anything. */
GSettings           *cobalt_window_settings_new           (void);

G_END_DECLS
