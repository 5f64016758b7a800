/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Real key presses for widget tests. GTK 4 has no way to make a key event
 * in the program, so these go through the X server's XTEST extension, as
 * a person's would: GTK then delivers them itself (to the focus widget,
 * capture phase first, then its key bindings, then up to the window), and
 * a test sees what Enter or Space really does there.
 *
 * The tests share one Xvfb display, and each window a test shows takes
 * the keyboard focus, so the server is grabbed while the focus is set to
 * our window and the key goes in: no other client can move the focus in
 * between. libXtst (no headers in the build image) and the few Xlib calls
 * are looked up at run time, so nothing new is linked. Without X11 (a
 * Wayland session) cobalt_test_can_send_keys() is FALSE and the test
 * skips itself. */

#include <dlfcn.h>
#include <gtk/gtk.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#ifdef GDK_WINDOWING_X11
typedef struct
{
  gboolean  looked_up;
  int     (*fake_key) (Display *, unsigned int, Bool, unsigned long);
  KeyCode (*keysym_to_keycode) (Display *, KeySym);
  int     (*set_input_focus) (Display *, Window, int, Time);
  int     (*grab_server) (Display *);
  int     (*ungrab_server) (Display *);
  int     (*sync) (Display *, Bool);
} CobaltTestXKeys;

static inline CobaltTestXKeys *
cobalt_test_xkeys (void)
{
  static CobaltTestXKeys keys;

  if (!keys.looked_up)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);
      /* Already loaded: GTK uses it. */
      void *x11 = dlopen ("libX11.so.6", RTLD_NOW);

      keys.looked_up = TRUE;
      if (xtst == NULL || x11 == NULL)
        return &keys;
      keys.fake_key = dlsym (xtst, "XTestFakeKeyEvent");
      keys.keysym_to_keycode = dlsym (x11, "XKeysymToKeycode");
      keys.set_input_focus = dlsym (x11, "XSetInputFocus");
      keys.grab_server = dlsym (x11, "XGrabServer");
      keys.ungrab_server = dlsym (x11, "XUngrabServer");
      keys.sync = dlsym (x11, "XSync");
    }

  return &keys;
}
#endif

static inline gboolean
cobalt_test_can_send_keys (void)
{
#ifdef GDK_WINDOWING_X11
  CobaltTestXKeys *keys = cobalt_test_xkeys ();

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) &&
         keys->fake_key != NULL && keys->keysym_to_keycode != NULL && keys->set_input_focus != NULL &&
         keys->grab_server != NULL && keys->ungrab_server != NULL && keys->sync != NULL;
#else
  return FALSE;
#endif
}

/* Presses and releases @keyval (GDK_KEY_Return, GDK_KEY_space...) in
 * @window, whose focus widget gets it, then lets GTK handle it. */
static inline void
cobalt_test_send_key (GtkWindow *window,
                      guint      keyval)
{
#ifdef GDK_WINDOWING_X11
  CobaltTestXKeys *keys = cobalt_test_xkeys ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay;
  Window xid;
  KeyCode code;
  gint64 end;

  g_assert_true (cobalt_test_can_send_keys ());
  g_assert_nonnull (surface);
  xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  xid = gdk_x11_surface_get_xid (surface);
  code = keys->keysym_to_keycode (xdisplay, keyval);
  g_assert_cmpuint (code, !=, 0);

  keys->grab_server (xdisplay);
  keys->set_input_focus (xdisplay, xid, RevertToParent, CurrentTime);
  keys->fake_key (xdisplay, code, True, CurrentTime);
  keys->fake_key (xdisplay, code, False, CurrentTime);
  keys->sync (xdisplay, False);
  keys->ungrab_server (xdisplay);
  keys->sync (xdisplay, False);

  /* Let GTK read and handle both events (a button acts on the release). */
  end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
#else
  g_assert_not_reached ();
#endif
}
