/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every screen a person can reach, by name: the pages, the checklist's
 * screens, first run, the problem page, every dialog and window of ours,
 * and the menus. The audits (tests/integration/test-a11y-audit.py, which
 * walks the accessibility tree, and tests/gui/test-gui-sizes.c, which
 * checks the allocations at 360 px and with 2× text) open each one here,
 * the way a person would: Cobalt's own window (CobaltWindow, inside a
 * registered CobaltApplication, so style.css, the shortcuts window and
 * "About" are the real ones) on a fresh copy of the demo data
 * (cobalt_demo_populate() at a fixed CobaltClock instant), then the
 * window's actions, a page's actions or its public API.
 *
 * Out of scope: GTK's own file chooser (Export, Import) and print dialogs,
 * and the GtkMessageDialog confirmations and error messages (their text is
 * ours, their controls are GTK's "OK"/"Cancel"). */

#include <gtk/gtk.h>

#include "cobalt-window.h"

G_BEGIN_DECLS

/* What the window opens on. */
typedef enum
{
  COBALT_TEST_DATA_DEMO,     /* the two demo people, a year of history */
  COBALT_TEST_DATA_EMPTY,    /* no database yet: first run */
  COBALT_TEST_DATA_DAMAGED,  /* a cobalt.db that is not SQLite */
} CobaltTestData;

typedef struct _CobaltTestSurfaceEnv CobaltTestSurfaceEnv;

typedef struct
{
  const char     *name;         /* "log", "dose-editor", … */
  const char     *description;
  CobaltTestData  data;
  /* Opens the surface on @env's window (shown, idle) and returns the widget
   * to inspect: the page (its root is the window), the dialog's window, or
   * the popover; NULL with @error set when it cannot be opened. */
  GtkWidget     *(*open) (CobaltTestSurfaceEnv *env,
                          GError              **error);
} CobaltTestSurface;

struct _CobaltTestSurfaceEnv
{
  const CobaltTestSurface *surface;
  GtkApplication          *application;  /* not owned */
  CobaltClock             *clock;
  char                    *data_dir;
  CobaltWindow            *window;
  GtkWidget               *shown;        /* what open() returned */
};

/* The fixed instant (Europe/London) of the demo data and the clock. */
#define COBALT_TEST_SURFACES_NOW_Y 2025
#define COBALT_TEST_SURFACES_NOW_M 6
#define COBALT_TEST_SURFACES_NOW_D 16

/* The table, in a stable order. */
const CobaltTestSurface *cobalt_test_surfaces_get   (guint       *n_surfaces);
const CobaltTestSurface *cobalt_test_surfaces_find  (const char  *name);

/* A registered CobaltApplication (non-unique) for the windows: loads
 * style.css and the shortcuts window, adds "app.about". Call once, after
 * GTK is initialised; TZ should be Europe/London. */
GtkApplication          *cobalt_test_surfaces_application (void);

/* A fresh data folder for @surface's data, Cobalt's window on it, shown at
 * @width × @height and idle. @application may be NULL (then "about" and
 * "shortcuts" cannot be opened). */
CobaltTestSurfaceEnv    *cobalt_test_surface_env_new  (const CobaltTestSurface *surface,
                                                       GtkApplication          *application,
                                                       int                      width,
                                                       int                      height);
/* Opens the surface; the widget to inspect (also env->shown) or NULL. */
GtkWidget               *cobalt_test_surface_open     (CobaltTestSurfaceEnv    *env,
                                                       GError                 **error);
/* The window that holds what was opened (a dialog, or Cobalt's window). */
GtkWindow               *cobalt_test_surface_get_toplevel (CobaltTestSurfaceEnv *env);
/* Closes what open() showed (a dialog is destroyed, a menu popped down,
 * the checklist left, a page goes back to Today). */
void                     cobalt_test_surface_close    (CobaltTestSurfaceEnv    *env);
/* Closes, destroys the window and removes the data folder. */
void                     cobalt_test_surface_env_free (CobaltTestSurfaceEnv    *env);

/* Runs the main loop for @ms milliseconds. */
void                     cobalt_test_surfaces_wait    (guint                    ms);

G_END_DECLS
