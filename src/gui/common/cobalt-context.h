/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* What every page and dialog of the window is handed (DESIGN.md: no
 * global singletons): the repository, the clock, and the person the
 * window shows. The window owns one per repository and sets the person
 * on it once; the pages that show "the current person" follow its
 * notify::person. */

#define COBALT_TYPE_CONTEXT (cobalt_context_get_type ())

G_DECLARE_FINAL_TYPE (CobaltContext, cobalt_context, COBALT, CONTEXT, GObject)

/* @person may be NULL (nobody chosen yet). */
CobaltContext    *cobalt_context_new            (CobaltRepository *repository,
                                                 CobaltClock      *clock,
                                                 CobaltPerson     *person);
CobaltRepository *cobalt_context_get_repository (CobaltContext    *self);
CobaltClock      *cobalt_context_get_clock      (CobaltContext    *self);
/* NULL while nobody is chosen. */
CobaltPerson     *cobalt_context_get_person     (CobaltContext    *self);
/* Notifies "person" only when @person is another object than the one
 * held: the window hands in a fresh copy when the person's details
 * changed (a new clinic phone), and the pages must show it. */
void              cobalt_context_set_person     (CobaltContext    *self,
                                                 CobaltPerson     *person);

G_END_DECLS
