/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-gui-resources.h"
#include "cobalt-core.h"

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
