/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-gui-resources.h"
#include "cobalt-core.h"
#include "cobalt-journey-util.h"

#define DROP_DOWN_NAME "cobalt-carers-drop-down-name"

char *
cobalt_carers_format_when (GDateTime *when,
                           GTimeZone *local)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) here = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  /* Translators: date and time in the log, see g_date_time_format() */
  text = g_date_time_format (when, _("%a %-d %b %Y, %H:%M"));
  g_strstrip (text);
  if (local == NULL)
    return g_steal_pointer (&text);

  here = g_date_time_to_timezone (when, local);
  if (g_date_time_get_utc_offset (here) != g_date_time_get_utc_offset (when))
    {
      g_autofree char *zone = g_date_time_format (when, "%Z");

      return g_strdup_printf ("%s %s", text, zone);
    }
  return g_steal_pointer (&text);
}

char *
cobalt_carers_format_dose (CobaltDose *dose)
{
  char amount[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  g_snprintf (amount, sizeof amount, "%g", dose->amount);
  /* Translators: amount, unit, product: "1 mg hydroxocobalamin" */
  return g_strdup_printf (_("%s %s %s"), amount,
                          cobalt_dose_unit_to_string (dose->unit),
                          cobalt_product_to_string (dose->product));
}

char *
cobalt_carers_format_given_by (CobaltDose *dose)
{
  const char *who;
  const char *name;

  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  who = cobalt_given_by_to_string (dose->given_by);
  name = dose->given_by_name;
  if (name != NULL && *name != '\0')
    /* Translators: who gave the dose, and their name: "Carer (Ann)" */
    return g_strdup_printf (_("%s (%s)"), who, name);
  return g_strdup (who);
}

const char *
cobalt_carers_site_name (const char *site_id)
{
  const CobaltSiteInfo *site = site_id ? cobalt_site_catalogue_lookup (site_id) : NULL;

  return site != NULL ? cobalt_site_info_get_name (site) : "—";
}

guint *
cobalt_carers_count_sites (CobaltRepository *repository,
                           gint64            person_id,
                           GDateTime        *since,
                           GError          **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  return cobalt_repository_count_doses_by_site (repository, person_id, since, error);
}

/* @label without its mnemonic underscores ("__" is a literal one). */
static char *
strip_mnemonic (const char *label)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (clean, *++p);
          continue;
        }
      g_string_append_c (clean, *p);
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* The text of @dropdown's choice, when its items are strings. */
static const char *
drop_down_choice (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

/* GTK 4.8's drop-down shows its choice in a list item widget that takes
 * the keyboard focus on its own, inside the button: it is no control of
 * its own, so it only carries the choice's name. */
static void
name_shown_item (GtkWidget  *widget,
                 const char *choice)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        {
          gtk_widget_set_focusable (child, FALSE);
          if (choice != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, choice, -1);
          continue;
        }
      name_shown_item (child, choice);
    }
}

static void
update_drop_down_names (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), DROP_DOWN_NAME);
  const char *choice = drop_down_choice (dropdown);
  g_autofree char *label = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;

      if (name != NULL && choice != NULL)
        /* Translators: a drop-down read aloud: what it chooses, then its
         * choice, "Injection site: Any site" */
        label = g_strdup_printf (C_("drop-down", "%s: %s"), name, choice);
      else
        label = g_strdup (name != NULL ? name : choice);
      if (label != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      name_shown_item (child, choice);
      break;
    }
}

static void
on_drop_down_selected_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  update_drop_down_names (dropdown);
}

static void
watch_drop_down (GtkDropDown *dropdown)
{
  if (g_object_get_data (G_OBJECT (dropdown), "cobalt-carers-drop-down-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "cobalt-carers-drop-down-watched", GINT_TO_POINTER (1));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_drop_down_selected_cb), NULL);
  g_signal_connect (dropdown, "notify::model", G_CALLBACK (on_drop_down_selected_cb), NULL);
}

void
cobalt_carers_name_drop_down (GtkDropDown *dropdown,
                              const char  *name,
                              gboolean     labelled)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (dropdown), DROP_DOWN_NAME, g_strdup (name), g_free);
  if (!labelled)
    gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  watch_drop_down (dropdown);
  update_drop_down_names (dropdown);
}

static void
fix_names (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      watch_drop_down (GTK_DROP_DOWN (widget));
      update_drop_down_names (GTK_DROP_DOWN (widget));
    }
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL)
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      g_autofree char *clean = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget))
                                 ? strip_mnemonic (label) : g_strdup (label);

      /* Its outer widget is the button a screen reader finds. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, clean, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_names (child);
}

void
cobalt_carers_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  cobalt_journey_fix_button_names (root);
  fix_names (root);
}

void
cobalt_carers_name_calendar (GtkCalendar *calendar)
{
  /* GTK 4.8's header: ‹ month › then ‹ year ›, the buttons in that order. */
  const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  guint n = 0;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  g_ptr_array_add (stack, calendar);
  while (stack->len > 0 && n < G_N_ELEMENTS (names))
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, 0);

      if (GTK_IS_BUTTON (widget))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[n]), -1);
          gtk_widget_set_tooltip_text (widget, _(names[n]));
          n++;
          continue;
        }
      /* Breadth first: the header's buttons come before any deeper one. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
}

void
cobalt_carers_name_scrollers (GtkWidget  *root,
                              const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (name != NULL);

  if (GTK_IS_SCROLLED_WINDOW (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cobalt_carers_name_scrollers (child, name);
}

/* The natural height of @widget @width pixels wide. A scrolled window
 * asks its content for its height at no particular width, which for
 * wrapping labels is the height at their narrowest: its content is asked
 * at @width instead. */
static int
natural_height_for (GtkWidget *widget,
                    int        width)
{
  int natural = 0;

  if (widget == NULL || !gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));

      if (content != NULL)
        gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      return natural;
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  return natural;
}

void
cobalt_carers_fit_dialog (GtkWindow *dialog,
                          int        width)
{
  GtkWindow *parent;
  int available = G_MAXINT, max_height = G_MAXINT, min_width = 0, height;
  double resolution;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  if (parent != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      int parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
      int parent_height = gtk_widget_get_height (GTK_WIDGET (parent));

      if (parent_width <= 0 || parent_height <= 0)
        gtk_window_get_default_size (parent, &parent_width, &parent_height);
      if (parent_width > 0)
        available = parent_width;
      /* No taller than the window it belongs to, which fits its screen. */
      if (parent_height > 0)
        max_height = parent_height;
      if (surface != NULL)
        {
          GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
          GdkRectangle geometry;

          if (monitor != NULL)
            {
              gdk_monitor_get_geometry (monitor, &geometry);
              available = MIN (available, geometry.width);
              max_height = MIN (max_height, geometry.height * 9 / 10);
            }
        }
    }
  if (gtk_window_get_child (dialog) != NULL)
    gtk_widget_measure (gtk_window_get_child (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  /* Scaled text (gtk-xft-dpi) scales the form's width too. */
  resolution = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (GTK_WIDGET (dialog)));
  if (resolution > 96)
    width = (int) (width * resolution / 96);
  width = MAX (MIN (width, available), min_width);

  /* As tall as the form at that width, within the screen and the window
   * it belongs to: the form scrolls when large text makes it taller. */
  height = natural_height_for (gtk_window_get_titlebar (dialog), width) +
           natural_height_for (gtk_window_get_child (dialog), width);
  height = MIN (height, max_height);
  gtk_window_set_default_size (dialog, width, height > 0 ? height : -1);
}

static void
on_message_response_cb (GtkDialog *dialog,
                        int        response,
                        gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
cobalt_carers_show_error (GtkWidget    *parent,
                          const char   *primary,
                          const GError *error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  g_return_if_fail (primary != NULL);

  /* GtkMessageDialog until GTK 4.10's GtkAlertDialog (STYLE.md). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cobalt_carers_fix_names (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cobalt_carers_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GdkDisplay *display = gdk_display_get_default ();

      /* Referring to the resource pulls its object (and the constructor
       * that registers it) into the program. */
      g_assert (cobalt_gui_get_resource () != NULL);
      if (display != NULL)
        {
          g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, "/io/github/cobaltb12/Cobalt/common/carers.css");
          gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&done, 1);
    }
}
