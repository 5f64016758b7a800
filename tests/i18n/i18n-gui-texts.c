/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Not a test by itself: tests/i18n/test-i18n-gui.py runs it. Opens every
 * surface of tests/lib/cobalt-test-surfaces.h (the pages, the checklist's
 * screens, the dialogs and the menus, on Cobalt's real window and the demo
 * data) in a language and prints what a person can see or hear there, one
 * line each, tab-separated, with \\, \n and \t escaped:
 *
 *   T  SURFACE  KIND  TEXT      visible text: label, label-text (markup
 *                               and mnemonic removed), button, tooltip,
 *                               placeholder, title, item (a drop-down's
 *                               choices), a11y-label, a11y-description
 *   M  SURFACE  KEY   LABELS    two or more visible mnemonics of one window
 *                               on the same key (Alt+KEY)
 *   E  SURFACE  -     MESSAGE   the surface could not be opened
 *
 *   i18n-gui-texts LOCALE LOCALEDIR [SURFACE…]
 *
 * LOCALE is a full locale such as de_DE.UTF-8; LOCALEDIR holds
 * LL/LC_MESSAGES/cobalt.mo (the build tree's po/). */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-test-surfaces.h"

static void
print_line (const char *type,
            const char *surface,
            const char *kind,
            const char *text)
{
  GString *escaped;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (escaped, "\\\\");
      else if (*p == '\n')
        g_string_append (escaped, "\\n");
      else if (*p == '\t')
        g_string_append (escaped, "\\t");
      else
        g_string_append_c (escaped, *p);
    }
  g_print ("%s\t%s\t%s\t%s\n", type, surface, kind, escaped->str);
  g_string_free (escaped, TRUE);
}

/* GTK 4.8 has no getter for an accessible property; the test API returns
 * the real value when it differs from the one asked for. */
static void
print_accessible (const char            *surface,
                  GtkWidget             *widget,
                  GtkAccessibleProperty  property,
                  const char            *kind)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return;
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
  print_line ("T", surface, kind, value);
}

static void
collect (const char *surface,
         GtkWidget  *widget,
         GHashTable *mnemonics)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      print_line ("T", surface, "label", gtk_label_get_label (label));
      print_line ("T", surface, "label-text", gtk_label_get_text (label));
      if (gtk_label_get_use_underline (label) &&
          gtk_label_get_mnemonic_keyval (label) != GDK_KEY_VoidSymbol)
        {
          gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (label)));
          GPtrArray *labels = g_hash_table_lookup (mnemonics, key);

          if (labels == NULL)
            {
              labels = g_ptr_array_new ();
              g_hash_table_insert (mnemonics, key, labels);
            }
          g_ptr_array_add (labels, (gpointer) gtk_label_get_label (label));
        }
    }
  else if (GTK_IS_BUTTON (widget))
    print_line ("T", surface, "button", gtk_button_get_label (GTK_BUTTON (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    print_line ("T", surface, "button", gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_TEXT (widget))
    print_line ("T", surface, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_LIST (model))
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          print_line ("T", surface, "item", gtk_string_list_get_string (GTK_STRING_LIST (model), i));
    }
  else if (GTK_IS_WINDOW (widget))
    print_line ("T", surface, "title", gtk_window_get_title (GTK_WINDOW (widget)));

  print_line ("T", surface, "tooltip", gtk_widget_get_tooltip_text (widget));
  print_accessible (surface, widget, GTK_ACCESSIBLE_PROPERTY_LABEL, "a11y-label");
  print_accessible (surface, widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "a11y-description");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (surface, child, mnemonics);
}

static void
print_clashes (const char *surface,
               GHashTable *mnemonics)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, mnemonics);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *labels = value;
      g_autoptr(GString) text = g_string_new (NULL);

      if (labels->len < 2)
        continue;
      for (guint i = 0; i < labels->len; i++)
        g_string_append_printf (text, "%s\"%s\"", i > 0 ? " " : "", (const char *) labels->pdata[i]);
      print_line ("M", surface, gdk_keyval_name (GPOINTER_TO_UINT (key)), text->str);
    }
}

static void
show_surface (const CobaltTestSurface *surface)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) mnemonics = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  CobaltTestSurfaceEnv *env = cobalt_test_surface_env_new (surface, cobalt_test_surfaces_application (),
                                                           1280, 800);
  GtkWidget *shown = cobalt_test_surface_open (env, &error);

  if (shown == NULL)
    {
      print_line ("E", surface->name, "-", error->message);
      cobalt_test_surface_env_free (env);
      return;
    }
  /* A menu on its own; anything else with its whole window. */
  collect (surface->name, GTK_IS_POPOVER (shown) ? shown : GTK_WIDGET (cobalt_test_surface_get_toplevel (env)),
           mnemonics);
  print_clashes (surface->name, mnemonics);
  cobalt_test_surface_env_free (env);
}

int
main (int   argc,
      char *argv[])
{
  const CobaltTestSurface *surfaces;
  guint n;

  if (argc < 3)
    {
      g_printerr ("Usage: %s LOCALE LOCALEDIR [SURFACE…]\n", argv[0]);
      return 2;
    }

  g_setenv ("TZ", "Europe/London", TRUE);
  /* gtk_test_init() sets the C locale (en_US); the language comes after it,
   * before any window or text is made. */
  cobalt_test_init_gui (&argc, &argv);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  /* No stack transitions to wait for: only the text matters here. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (setlocale (LC_ALL, argv[1]) == NULL)
    {
      g_printerr ("The locale %s is not available: build-aux/dev.sh build generates it "
                  "(or: locale-gen).\n", argv[1]);
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, argv[2]);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 3)
    for (int i = 3; i < argc; i++)
      {
        const CobaltTestSurface *surface = cobalt_test_surfaces_find (argv[i]);

        if (surface == NULL)
          {
            g_printerr ("No surface called %s.\n", argv[i]);
            return 2;
          }
        show_surface (surface);
      }
  else
    {
      surfaces = cobalt_test_surfaces_get (&n);
      for (guint i = 0; i < n; i++)
        show_surface (&surfaces[i]);
    }
  return 0;
}
