/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cobalt-test.h"

/* The exit code of a skipped test (GNU, automake, meson). */
#define COBALT_TEST_EXIT_SKIP 77

gboolean
cobalt_test_have_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 != NULL && *x11 != '\0') || (wayland != NULL && *wayland != '\0');
}

void
cobalt_test_skip_without_display (int    argc,
                                  char **argv)
{
  const char *program = argc > 0 ? argv[0] : "test";
  gboolean tap = FALSE;

  if (cobalt_test_have_display ())
    return;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") == 0)
      tap = TRUE;

  fprintf (stderr, "%s: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): skipped\n",
           program);
  if (tap)
    {
      printf ("1..0 # SKIP no display\n");
      fflush (stdout);
      exit (EXIT_SUCCESS);
    }
  exit (COBALT_TEST_EXIT_SKIP);
}
