/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-notifier.h"

G_BEGIN_DECLS

/* A notifier that only records what it was asked to do: for tests. */

#define COBALT_TYPE_NOTIFIER_FAKE (cobalt_notifier_fake_get_type ())
G_DECLARE_FINAL_TYPE (CobaltNotifierFake, cobalt_notifier_fake, COBALT, NOTIFIER_FAKE, GObject)

CobaltNotifierFake       *cobalt_notifier_fake_new           (void);

void                      cobalt_notifier_fake_set_supports_actions (CobaltNotifierFake *self,
                                                              gboolean            supports);
/* Make the next show() calls fail, as when no notification server runs. */
void                      cobalt_notifier_fake_set_failing   (CobaltNotifierFake *self,
                                                              gboolean            failing);

/* Every notification shown so far, in order (also closed ones). */
guint                     cobalt_notifier_fake_get_n_shown   (CobaltNotifierFake *self);
const CobaltNotification *cobalt_notifier_fake_get_shown     (CobaltNotifierFake *self,
                                                              guint               index);
guint                     cobalt_notifier_fake_get_shown_id  (CobaltNotifierFake *self,
                                                              guint               index);
/* Shown and neither closed by us nor by the "user". */
gboolean                  cobalt_notifier_fake_is_open       (CobaltNotifierFake *self,
                                                              guint               id);
guint                     cobalt_notifier_fake_get_n_open    (CobaltNotifierFake *self);
/* Forget the recorded history (not the open set). */
void                      cobalt_notifier_fake_clear_history (CobaltNotifierFake *self);
/* Pretend the user pressed a button (or dismissed the notification). */
void                      cobalt_notifier_fake_invoke        (CobaltNotifierFake *self,
                                                              guint               id,
                                                              const char         *action_id);
void                      cobalt_notifier_fake_dismiss       (CobaltNotifierFake *self,
                                                              guint               id);

G_END_DECLS
