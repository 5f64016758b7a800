/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "cobalt-core.h"
#include "cobalt-journey-util.h"
#include "cobalt-gui-resources.h"

typedef struct
{
  CobaltJourneyConfirmFunc func;
  gpointer                 user_data;
} ConfirmData;

static void
on_confirm_dialog_response_cb (GtkDialog *dialog,
                               int        response,
                               gpointer   user_data)
{
  ConfirmData *data = user_data;

  data->func (response == GTK_RESPONSE_ACCEPT, data->user_data);
  g_free (data);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root;

  if (parent == NULL)
    return NULL;

  root = gtk_widget_get_root (parent);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
cobalt_journey_ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;

  /* Referencing the resource keeps its object (and the constructor that
   * registers it) in the link of a static library. */
  (void) cobalt_gui_get_resource ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/cobaltb12/Cobalt/common/journey.css");
  /* Above the theme (APPLICATION), below user CSS: the theme's colours
   * still come through the named colours the stylesheet uses. */
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  done = TRUE;
}

void
cobalt_journey_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

char *
cobalt_journey_describe_error (const GError *error)
{
  if (error == NULL)
    return g_strdup (_("Something went wrong."));

  if (error->domain == COBALT_REPOSITORY_ERROR)
    {
      switch ((CobaltRepositoryError) error->code)
        {
        case COBALT_REPOSITORY_ERROR_BUSY:
          return g_strdup (_("Another Cobalt window or the reminder was saving at the same time. Nothing was lost: please try again."));
        case COBALT_REPOSITORY_ERROR_FULL:
          return g_strdup (_("The disk is full, so nothing could be saved. Free some space and try again; what you entered is still here."));
        case COBALT_REPOSITORY_ERROR_READ_ONLY:
        case COBALT_REPOSITORY_ERROR_PERMISSION:
          return g_strdup (_("Cobalt is not allowed to write to its data folder, so nothing was saved. What you entered is still here."));
        case COBALT_REPOSITORY_ERROR_IO:
          return g_strdup (_("The disk reported an error, so nothing was saved. What you entered is still here."));
        case COBALT_REPOSITORY_ERROR_OPEN:
        case COBALT_REPOSITORY_ERROR_CORRUPT:
        case COBALT_REPOSITORY_ERROR_NOT_COBALT:
        case COBALT_REPOSITORY_ERROR_TOO_NEW:
        case COBALT_REPOSITORY_ERROR_CONSTRAINT:
        case COBALT_REPOSITORY_ERROR_NOT_FOUND:
        case COBALT_REPOSITORY_ERROR_BACKUP:
        case COBALT_REPOSITORY_ERROR_SQLITE:
        default:
          /* Translators: %s is the technical reason */
          return g_strdup_printf (_("Cobalt could not save this (%s). What you entered is still here: try again."),
                                  error->message);
        }
    }

  return g_strdup (error->message);
}

void
cobalt_journey_confirm (GtkWidget               *parent,
                        const char              *heading,
                        const char              *body,
                        const char              *accept_label,
                        CobaltJourneyConfirmFunc func,
                        gpointer                 user_data)
{
  GtkWidget *dialog;
  ConfirmData *data;

  g_return_if_fail (heading != NULL);
  g_return_if_fail (func != NULL);

  dialog = gtk_message_dialog_new (parent_window (parent),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", heading);
  if (body != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", body);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), accept_label, GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  data = g_new0 (ConfirmData, 1);
  data->func = func;
  data->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_dialog_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cobalt_journey_close_on_escape (GtkWindow *window)
{
  GtkEventController *shortcuts;

  g_return_if_fail (GTK_IS_WINDOW (window));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "cobalt-close-on-escape");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

void
cobalt_journey_show_message (GtkWidget  *parent,
                             const char *heading,
                             const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);

  dialog = gtk_message_dialog_new (parent_window (parent),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", heading);
  if (body != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", body);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cobalt_journey_wrap_button_label (GtkButton *button)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button));

  child = gtk_button_get_child (button);
  g_return_if_fail (GTK_IS_LABEL (child));

  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
}

void
cobalt_journey_fix_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !GTK_IS_CHECK_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (root));
      g_autoptr(GString) clean = g_string_new (NULL);

      for (const char *p = label; *p != '\0'; p++)
        {
          /* "__" is a literal underscore, "_x" a mnemonic. */
          if (*p == '_' && gtk_button_get_use_underline (GTK_BUTTON (root)))
            {
              if (p[1] == '_')
                g_string_append_c (clean, *++p);
              continue;
            }
          g_string_append_c (clean, *p);
        }

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, clean->str, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    cobalt_journey_fix_button_names (child);
}

void
cobalt_journey_set_accessible_label (GtkWidget  *widget,
                                     const char *label,
                                     const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

void
cobalt_journey_set_field_error (GtkLabel   *label,
                                const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

char *
cobalt_journey_format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("unknown date"));

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  /* Translators: a calendar day, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

gboolean
cobalt_journey_parse_date (const char *text,
                           GDate      *date)
{
  unsigned int y, m, d;
  char extra;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
on_spin_wheel_cb (GtkEventControllerScroll *controller,
                  double                    dx,
                  double                    dy,
                  gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (spin);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *scrolled;

  /* Focused (the person clicked or tabbed into it): the wheel is theirs. */
  if (focus != NULL && (focus == spin || gtk_widget_is_ancestor (focus, spin)))
    return FALSE;

  scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      /* The step GtkScrolledWindow itself uses for a wheel click. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0));
    }

  return TRUE;
}

void
cobalt_journey_guard_spin_wheel (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SPIN_BUTTON (root))
    {
      GtkEventController *controller;

      if (g_object_get_data (G_OBJECT (root), "cobalt-wheel-guard") != NULL)
        return;
      controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "scroll", G_CALLBACK (on_spin_wheel_cb), NULL);
      gtk_widget_add_controller (root, controller);
      g_object_set_data (G_OBJECT (root), "cobalt-wheel-guard", controller);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cobalt_journey_guard_spin_wheel (child);
}
