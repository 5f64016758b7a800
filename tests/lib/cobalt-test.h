/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Start-up helpers every test program may use; no GTK here, so that tests
 * without a display link them too (the GTK side is cobalt_test_init_gui()
 * in cobalt-gui-test-utils.h). */

#include <glib.h>

G_BEGIN_DECLS

/* Whether DISPLAY or WAYLAND_DISPLAY names a display. */
gboolean cobalt_test_have_display        (void);

/* Returns when there is a display. Otherwise skips the whole program:
 * with "--tap" among @argv (meson's protocol: 'tap') it prints the TAP
 * plan "1..0 # SKIP no display" and exits 0, which meson counts as
 * SKIP (a non-zero exit would be an ERROR under TAP); without it, it
 * exits 77, the GNU "skipped" code that meson's exitcode protocol and
 * automake understand. Call it before g_test_init(). */
void     cobalt_test_skip_without_display (int    argc,
                                           char **argv);

G_END_DECLS
