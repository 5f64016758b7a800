/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-notifier.h"

G_BEGIN_DECLS

/* The desktop's notification server, through libnotify. */

#define COBALT_TYPE_NOTIFIER_LIBNOTIFY (cobalt_notifier_libnotify_get_type ())
G_DECLARE_FINAL_TYPE (CobaltNotifierLibnotify, cobalt_notifier_libnotify, COBALT, NOTIFIER_LIBNOTIFY, GObject)

/* Calls notify_init() when needed. */
CobaltNotifierLibnotify *cobalt_notifier_libnotify_new (void);

G_END_DECLS
