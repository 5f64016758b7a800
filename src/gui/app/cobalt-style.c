/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-style.h"

#define STYLE_RESOURCE "/io/github/cobaltb12/Cobalt/app/style.css"
#define HIGH_CONTRAST_RESOURCE "/io/github/cobaltb12/Cobalt/app/high-contrast.css"

gboolean
cobalt_style_is_high_contrast_theme (const char *theme_name)
{
  return theme_name != NULL &&
         (g_str_has_prefix (theme_name, "HighContrast") || strstr (theme_name, "-hc") != NULL);
}

static void
on_theme_name_changed_cb (GtkSettings *settings,
                          GParamSpec  *pspec,
                          GdkDisplay  *display)
{
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (display), "cobalt-high-contrast");
  g_autofree char *theme_name = NULL;
  gboolean wanted;

  g_object_get (settings, "gtk-theme-name", &theme_name, NULL);
  /* GTK_THEME (e.g. "HighContrast" or "HighContrast:dark") overrides the
   * setting's theme without changing the setting. */
  wanted = cobalt_style_is_high_contrast_theme (theme_name) ||
           cobalt_style_is_high_contrast_theme (g_getenv ("GTK_THEME"));

  if (wanted && provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, HIGH_CONTRAST_RESOURCE);
      /* Just above style.css, so its rules win over the ones they undo. */
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
      g_object_set_data_full (G_OBJECT (display), "cobalt-high-contrast", provider, g_object_unref);
    }
  else if (!wanted && provider != NULL)
    {
      gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
      g_object_set_data (G_OBJECT (display), "cobalt-high-contrast", NULL);
    }
}

void
cobalt_style_install (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  GtkSettings *settings;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "cobalt-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, STYLE_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cobalt-style", g_steal_pointer (&provider), g_object_unref);

  settings = gtk_settings_get_for_display (display);
  g_signal_connect_object (settings, "notify::gtk-theme-name",
                           G_CALLBACK (on_theme_name_changed_cb), display, 0);
  on_theme_name_changed_cb (settings, NULL, display);
}
