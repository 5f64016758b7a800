/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* Shared by the carers tests and the log benchmark. */

/* The first dose of the generated log: 2000-01-01 09:00 UTC. */
#define CARERS_FIRST_DOSE_US G_GINT64_CONSTANT (946717200000000)
/* One generated dose every 6 hours. */
#define CARERS_DOSE_STEP_US  (G_GINT64_CONSTANT (6) * 3600 * G_USEC_PER_SEC)

/* A new person saved in @repository. */
gint64   carers_add_person  (CobaltRepository *repository,
                             const char       *name);

/* Inserts @n doses for @person_id in one transaction, straight in SQL so
 * that 100 000 rows take a moment. Dose i (0-based) is given at
 * CARERS_FIRST_DOSE_US + i × CARERS_DOSE_STEP_US in Europe/London, at
 * catalogue site i % 14, by given_by i % 3, batch "B<i % 50>", with the
 * note "needle bent" when i % 10 == 0 (else "ok <i>"), and one reaction
 * ("site-pain", mild) when i % 100 == 0. Every 1000th i also gets a
 * checklist run stopped before a dose ("unsure about the dose"). */
gboolean carers_fill_doses  (CobaltDatabase   *database,
                             gint64            person_id,
                             guint             n,
                             GError          **error);

/* Widget helpers, for the tests that include <gtk/gtk.h> before this
 * header (the core tests and the benchmark need none of them). */
#ifdef GTK_MAJOR_VERSION

/* Text @scale times its usual size, as the desktop's text scaling does
 * (gtk-xft-dpi, 96 dots per inch at 1×); 1 puts the usual size back. */
static inline void
carers_set_text_scale (double scale)
{
  static int usual_dpi = 0;
  GtkSettings *settings = gtk_settings_get_default ();

  if (usual_dpi == 0)
    g_object_get (settings, "gtk-xft-dpi", &usual_dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi",
                scale == 1.0 && usual_dpi != 0 ? usual_dpi : (int) (scale * 96 * 1024), NULL);
}

/* What a person presses or types in. */
static inline gboolean
carers_is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_CALENDAR (widget) || GTK_IS_LIST_BOX_ROW (widget);
}

static inline void
carers_check_controls (GtkWidget *widget,
                       GtkWidget *window,
                       GtkWidget *scroller,
                       GString   *problems,
                       guint     *n_controls)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (carers_is_control (widget) && gtk_widget_compute_bounds (widget, window, &bounds))
    {
      int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
      gboolean outside = bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5;

      /* In a scrolled window, scrolling reaches it: only its sides count. */
      if (scroller == NULL)
        outside |= bounds.origin.y < -0.5 || bounds.origin.y + bounds.size.height > height + 0.5;
      else if (gtk_widget_compute_bounds (widget, scroller, &bounds))
        outside |= bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (scroller) + 0.5;
      if (outside)
        g_string_append_printf (problems, "\n  %s (%s) at %g,%g %gx%g, outside %dx%d",
                                G_OBJECT_TYPE_NAME (widget),
                                GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
                                  ? gtk_button_get_label (GTK_BUTTON (widget)) : "",
                                bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                                width, height);
      (*n_controls)++;
      /* A drop-down's, an entry's or a spin button's insides are part of
       * it; a calendar's arrows are controls of their own. */
      if (!GTK_IS_BUTTON (widget) && !GTK_IS_CALENDAR (widget) && !GTK_IS_LIST_BOX_ROW (widget))
        return;
    }
  if (GTK_IS_SCROLLED_WINDOW (widget))
    scroller = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    carers_check_controls (child, window, scroller, problems, n_controls);
}

/* Fails the test when a control shown in @window lies outside it (or, in
 * a scrolled window, outside its sides): it could not be reached.
 * Returns how many controls were checked. */
static inline guint
carers_assert_controls_inside (GtkWidget *window)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_controls = 0;

  carers_check_controls (window, window, NULL, problems, &n_controls);
  if (problems->len > 0)
    g_test_fail_printf ("controls out of reach:%s", problems->str);
  return n_controls;
}

static inline void
carers_collect_mnemonics (GtkWidget  *widget,
                          GHashTable *seen)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          gpointer key = GUINT_TO_POINTER (gdk_keyval_to_lower (keyval));
          GPtrArray *labels = g_hash_table_lookup (seen, key);

          if (labels == NULL)
            g_hash_table_insert (seen, key, labels = g_ptr_array_new ());
          g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    carers_collect_mnemonics (child, seen);
}

/* Fails the test when two mnemonics shown under @root share a letter
 * (Alt+letter would reach only one of them). Returns how many letters
 * are in use. */
static inline guint
carers_assert_no_mnemonic_clash (GtkWidget *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) clashes = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  carers_collect_mnemonics (root, seen);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *labels = value;

      if (labels->len < 2)
        continue;
      g_string_append_printf (clashes, "\n  Alt+%s:", gdk_keyval_name (GPOINTER_TO_UINT (key)));
      for (guint i = 0; i < labels->len; i++)
        g_string_append_printf (clashes, " \"%s\"", (const char *) labels->pdata[i]);
    }
  if (clashes->len > 0)
    g_test_fail_printf ("mnemonics clash:%s", clashes->str);
  return g_hash_table_size (seen);
}

#endif

G_END_DECLS
