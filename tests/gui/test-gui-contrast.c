/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Text stands out from what is behind it, in every theme the desktop may
 * choose: the default light and dark themes and GTK's high-contrast ones
 * (GNOME's "High Contrast" switch sets gtk-theme-name to HighContrast).
 * Every surface of tests/lib/cobalt-test-surfaces.h is drawn, and for
 * each visible, sensitive label the contrast ratio between its text and
 * its background is measured on the pixels, as WCAG 2.1 defines it:
 * (L1 + 0.05) / (L2 + 0.05) of the relative luminances. The minimum is
 * 4.5:1 (3:1 for large text) in the normal themes, and 7:1 (4.5:1) in the
 * high-contrast ones (WCAG's enhanced level: that is what the person asked
 * for). Disabled controls are exempt, as WCAG exempts them.
 *
 * How a label's colours are found: in its rectangle, the background is
 * the most common colour and the text is the pixel that differs most from
 * it; anti-aliasing only lightens edge pixels, and a glyph's stems reach
 * the full colour.
 *
 *   test-gui-contrast -p /contrast/log   one surface, in every theme */

#include "config.h"

#include <math.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-test-surfaces.h"

typedef struct
{
  const char *name;
  const char *theme;
  gboolean    dark;
  double      min_ratio;        /* text */
  double      min_ratio_large;  /* 18 pt and up, or 14 pt bold */
} Theme;

static const Theme themes[] = {
  { "light", "Default", FALSE, 4.5, 3.0 },
  { "dark", "Default", TRUE, 4.5, 3.0 },
  { "high-contrast", "HighContrast", FALSE, 7.0, 4.5 },
  { "high-contrast-dark", "HighContrast", TRUE, 7.0, 4.5 },
};

static GtkApplication *application;

static double
channel_luminance (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* @pixel: Cairo's ARGB32 (B, G, R, A in memory), opaque. */
static double
luminance (const guint8 *pixel)
{
  return 0.2126 * channel_luminance (pixel[2]) +
         0.7152 * channel_luminance (pixel[1]) +
         0.0722 * channel_luminance (pixel[0]);
}

static double
contrast_ratio (double a,
                double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

typedef struct
{
  guint8 *pixels;
  int     width;
  int     height;
  int     stride;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->pixels, g_free);
}

/* A window or popover as it is on screen, flattened onto opaque black
 * (their backgrounds are opaque). */
static void
render (GtkWidget *toplevel,
        Image     *image)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (toplevel);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (toplevel));

  image->width = gtk_widget_get_width (toplevel);
  image->height = gtk_widget_get_height (toplevel);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, image->width, image->height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), image->width, image->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, image->width, image->height));
  image->stride = image->width * 4;
  image->pixels = g_malloc ((gsize) image->stride * image->height);
  gdk_texture_download (texture, image->pixels, image->stride);
}

/* The label's contrast ratio on @image, or -1 when its rectangle shows a
 * single colour (nothing drawn there). */
static double
measure (const Image           *image,
         const graphene_rect_t *rect)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int x0 = MAX (0, (int) floor (rect->origin.x));
  int y0 = MAX (0, (int) floor (rect->origin.y));
  int x1 = MIN (image->width, (int) ceil (rect->origin.x + rect->size.width));
  int y1 = MIN (image->height, (int) ceil (rect->origin.y + rect->size.height));
  guint32 background = 0;
  guint best = 0;
  double background_luminance;
  double ratio = -1;
  GHashTableIter iter;
  gpointer key, value;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel;

        memcpy (&pixel, image->pixels + y * image->stride + x * 4, 4);
        pixel |= 0xff000000;
        key = GUINT_TO_POINTER (pixel);
        g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        background = GPOINTER_TO_UINT (key);
      }
  if (g_hash_table_size (counts) < 2)
    return -1;

  background_luminance = luminance ((const guint8 *) &background);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 pixel = GPOINTER_TO_UINT (key);

      ratio = MAX (ratio, contrast_ratio (background_luminance, luminance ((const guint8 *) &pixel)));
    }

  return ratio;
}

static gboolean
is_large_text (GtkWidget *label)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  double points = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  PangoAttrList *attributes = gtk_label_get_attributes (GTK_LABEL (label));

  if (pango_font_description_get_size_is_absolute (font))
    points = points * 72.0 / 96.0;
  /* Markup such as <big> is not counted: the smaller size is the
   * stricter test. */
  (void) attributes;

  return points >= 18.0 ||
         (points >= 14.0 && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD);
}

/* Whether all of @widget is in view: not scrolled away inside a
 * scrolled window, nor outside its toplevel. */
static gboolean
fully_in_view (GtkWidget             *widget,
               GtkWidget             *toplevel,
               const graphene_rect_t *bounds)
{
  graphene_rect_t window = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (toplevel),
                                               gtk_widget_get_height (toplevel));

  if (!graphene_rect_contains_rect (&window, bounds))
    return FALSE;

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL && ancestor != toplevel;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t view;

      if (!GTK_IS_SCROLLED_WINDOW (ancestor) && !GTK_IS_VIEWPORT (ancestor))
        continue;
      if (!gtk_widget_compute_bounds (ancestor, toplevel, &view) ||
          !graphene_rect_contains_rect (&view, bounds))
        return FALSE;
    }

  return TRUE;
}

/* Nothing to read, or only ASCII punctuation such as the ":" between
 * an hour and a minute: a glyph of a pixel or two never reaches its full
 * colour, so its pixels cannot tell its contrast. */
static gboolean
is_separator (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_ispunct (*text) && !g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static gboolean
is_showing (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_child_visible (widget) &&
         gtk_widget_get_opacity (widget) > 0;
}

static void
check_labels (GtkWidget   *widget,
              GtkWidget   *toplevel,
              const Image *image,
              const Theme *theme,
              GString     *failures,
              guint       *n_checked)
{
  if (!is_showing (widget))
    return;

  /* A popover (a menu, a date picker) is a surface of its own, drawn
   * apart from its window: measure it on its own picture. */
  if (widget != toplevel && GTK_IS_NATIVE (widget))
    {
      Image own = { 0 };

      render (widget, &own);
      check_labels (widget, widget, &own, theme, failures, n_checked);
      image_clear (&own);
      return;
    }

  if (GTK_IS_LABEL (widget) && gtk_widget_is_sensitive (widget) &&
      !is_separator (gtk_label_get_text (GTK_LABEL (widget))))
    {
      graphene_rect_t bounds;
      double ratio, wanted;

      if (gtk_widget_compute_bounds (widget, toplevel, &bounds) &&
          bounds.size.width >= 1 && bounds.size.height >= 1 &&
          fully_in_view (widget, toplevel, &bounds))
        {
          wanted = is_large_text (widget) ? theme->min_ratio_large : theme->min_ratio;
          ratio = measure (image, &bounds);
          (*n_checked)++;
          if (ratio >= 0 && ratio + 0.005 < wanted)
            g_string_append_printf (failures, "\n  %.2f:1 (wanted %.1f:1) \"%s\" (%s%s%s)",
                                    ratio, wanted, gtk_label_get_text (GTK_LABEL (widget)),
                                    G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                    gtk_widget_get_css_classes (widget)[0] != NULL ? " ." : "",
                                    gtk_widget_get_css_classes (widget)[0] != NULL
                                      ? gtk_widget_get_css_classes (widget)[0] : "");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, toplevel, image, theme, failures, n_checked);
}

static void
set_theme (const Theme *theme)
{
  g_object_set (gtk_settings_get_default (),
                "gtk-theme-name", theme->theme,
                "gtk-application-prefer-dark-theme", theme->dark,
                NULL);
}

/* One surface, opened once, drawn in each theme in turn. */
static void
test_contrast (gconstpointer data)
{
  const CobaltTestSurface *surface = data;
  CobaltTestSurfaceEnv *env;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  GtkWidget *toplevel;

  set_theme (&themes[0]);
  env = cobalt_test_surface_env_new (surface, application, 1000, 760);
  if (cobalt_test_surface_open (env, &error) == NULL)
    {
      g_test_fail_printf ("%s: cannot be opened: %s", surface->name, error->message);
      cobalt_test_surface_env_free (env);
      return;
    }
  toplevel = GTK_WIDGET (cobalt_test_surface_get_toplevel (env));

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autoptr(GString) theme_failures = g_string_new (NULL);
      Image image = { 0 };
      guint n_checked = 0;

      set_theme (&themes[t]);
      cobalt_test_surfaces_wait (150);
      render (toplevel, &image);
      check_labels (toplevel, toplevel, &image, &themes[t], theme_failures, &n_checked);
      image_clear (&image);
      g_test_message ("%s in the %s theme: %u labels measured", surface->name, themes[t].name, n_checked);

      /* A surface with no text at all would measure nothing. */
      if (n_checked == 0)
        g_string_append_printf (failures, "\n%s theme: no label measured", themes[t].name);
      if (theme_failures->len > 0)
        g_string_append_printf (failures, "\n%s theme, labels below the contrast wanted:%s",
                                themes[t].name, theme_failures->str);
    }

  set_theme (&themes[0]);
  if (failures->len > 0)
    g_test_fail_printf ("%s:%s", surface->name, failures->str);

  cobalt_test_surface_env_free (env);
}

int
main (int   argc,
      char *argv[])
{
  const CobaltTestSurface *surfaces;
  guint n_surfaces;
  int status;

  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);
  application = cobalt_test_surfaces_application ();

  surfaces = cobalt_test_surfaces_get (&n_surfaces);
  for (guint s = 0; s < n_surfaces; s++)
    {
      g_autofree char *path = g_strdup_printf ("/contrast/%s", surfaces[s].name);

      g_test_add_data_func (path, &surfaces[s], test_contrast);
    }

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
