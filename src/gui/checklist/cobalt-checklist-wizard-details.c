/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checklist-wizard-private.h"
#include "cobalt-journey-util.h"

static GtkWidget *
wrap_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_fact (GtkGrid    *grid,
          int         row,
          const char *name,
          const char *value)
{
  GtkWidget *name_label = wrap_label (name, "dim-label");
  GtkWidget *value_label = wrap_label (value, "fact-value");

  gtk_widget_set_valign (name_label, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_grid_attach (grid, name_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
  /* Read the pair as one sentence. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name_label, NULL,
                                  -1);
}

static GtkWidget *
fact_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_add_css_class (grid, "facts");

  return grid;
}

/* The strength as the person should compare it with the box. A strength
 * that is not a number yet is shown as it was typed, never as a guess. */
static char *
describe_strength (CobaltPrescription *prescription)
{
  char *strength = cobalt_prescription_describe_strength (prescription);
  const char *text = prescription->strength_text;

  if (strength != NULL)
    return strength;
  if (text != NULL && *text != '\0')
    /* Translators: %s is a strength as typed in an older version, e.g. "1 ampoule" */
    return g_strdup_printf (_("“%s” (not confirmed: enter the strength in Preferences)"), text);

  return g_strdup (_("not recorded: enter it in Preferences"));
}

/* Dose ÷ strength, or the clinic's teaching when the strength is not
 * known: Cobalt never guesses a volume. */
static char *
describe_volume (CobaltPrescription *prescription,
                 guint               phase_index)
{
  double volume = cobalt_prescription_get_phase_volume_ml (prescription, phase_index);

  if (volume <= 0)
    return g_strdup (_("as your clinic showed you (the strength is not recorded)"));

  return cobalt_volume_format (volume);
}

GtkWidget *
cobalt_wizard_medicine_detail_new (CobaltPrescription *prescription,
                                   guint               phase_index)
{
  GtkWidget *grid;
  g_autofree char *dose = NULL;
  g_autofree char *strength = NULL;
  g_autofree char *volume = NULL;
  int row = 0;

  if (prescription == NULL)
    return wrap_label (_("No prescription is recorded yet. Check the medicine against the label from your clinic or pharmacy, and add the prescription in Preferences."), "warning");

  grid = fact_grid ();
  dose = cobalt_prescription_describe_dose (prescription, phase_index);
  add_fact (GTK_GRID (grid), row++, _("Medicine and dose"), dose);
  if (prescription->product_name != NULL)
    add_fact (GTK_GRID (grid), row++, _("Product"), prescription->product_name);
  strength = describe_strength (prescription);
  add_fact (GTK_GRID (grid), row++, _("Strength on the ampoule"), strength);
  volume = describe_volume (prescription, phase_index);
  add_fact (GTK_GRID (grid), row++, _("Volume to draw up"), volume);
  add_fact (GTK_GRID (grid), row++, _("Route"), cobalt_route_to_string (prescription->route));

  return grid;
}

GtkWidget *
cobalt_wizard_draw_up_detail_new (CobaltPrescription  *prescription,
                                  guint                phase_index,
                                  GtkLabel           **volume_warning)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = fact_grid ();
  GtkWidget *warning;
  g_autofree char *volume = NULL;
  g_autofree char *strength = NULL;
  g_autofree char *dose = NULL;

  if (prescription == NULL)
    {
      add_fact (GTK_GRID (grid), 0, _("Volume to draw up"), _("as your clinic showed you (no prescription recorded)"));
    }
  else
    {
      volume = describe_volume (prescription, phase_index);
      add_fact (GTK_GRID (grid), 0, _("Volume to draw up"), volume);
      dose = cobalt_prescription_describe_dose (prescription, phase_index);
      strength = describe_strength (prescription);
      add_fact (GTK_GRID (grid), 1, _("Dose"), dose);
      add_fact (GTK_GRID (grid), 2, _("Strength on the ampoule"), strength);
    }
  gtk_box_append (GTK_BOX (box), grid);

  /* Filled in once a site is chosen: see cobalt_wizard_draw_up_detail_set_site(). */
  warning = wrap_label ("", "warning");
  gtk_widget_set_visible (warning, FALSE);
  gtk_box_append (GTK_BOX (box), warning);
  *volume_warning = GTK_LABEL (warning);

  return box;
}

void
cobalt_wizard_draw_up_detail_set_site (GtkLabel             *volume_warning,
                                       CobaltPrescription   *prescription,
                                       guint                 phase_index,
                                       const CobaltSiteInfo *site)
{
  g_autofree char *text = NULL;
  g_autofree char *volume = NULL;
  g_autofree char *max = NULL;

  g_return_if_fail (GTK_IS_LABEL (volume_warning));

  if (prescription == NULL || !cobalt_prescription_phase_exceeds_site (prescription, phase_index, site))
    {
      gtk_label_set_text (volume_warning, "");
      gtk_widget_set_visible (GTK_WIDGET (volume_warning), FALSE);
      return;
    }

  /* CLINICAL.md: above the site's typical maximum, point to the clinic;
   * a warning, not a block (the clinic may have said so). */
  volume = cobalt_volume_format (cobalt_prescription_get_phase_volume_ml (prescription, phase_index));
  max = cobalt_volume_format (site->max_volume_ml);
  /* Translators: a volume, the site's usual maximum volume, a site name */
  text = g_strdup_printf (_("This dose is %s, more than the usual maximum of %s for %s. Check with your clinic before you inject."),
                          volume, max, cobalt_site_info_get_name (site));
  gtk_label_set_text (volume_warning, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (volume_warning),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (GTK_WIDGET (volume_warning), TRUE);
}

GtkWidget *
cobalt_wizard_expiry_detail_new (CobaltSupplyItem   *ampoule,
                                 gboolean            expired,
                                 GtkCheckButton    **override_check,
                                 GtkEntry          **override_entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid;
  g_autofree char *expiry = NULL;

  *override_check = NULL;
  *override_entry = NULL;

  if (ampoule == NULL)
    {
      gtk_box_append (GTK_BOX (box),
                      wrap_label (_("No ampoules of the prescribed medicine and strength are recorded in Supplies, so check the expiry date printed on the ampoule or box yourself. Do not use it after that date."), "warning"));
      return box;
    }

  grid = fact_grid ();
  add_fact (GTK_GRID (grid), 0, _("Batch"),
            ampoule->batch != NULL ? ampoule->batch : _("not recorded"));
  expiry = ampoule->expiry != NULL
    ? cobalt_journey_format_date (ampoule->expiry)
    : g_strdup (_("none recorded"));
  add_fact (GTK_GRID (grid), 1, _("Expires"), expiry);
  gtk_box_append (GTK_BOX (box), grid);

  if (!expired)
    {
      gtk_box_append (GTK_BOX (box),
                      wrap_label (_("✓ In date. Check that the date printed on the ampoule matches."), "success"));
      return box;
    }

  {
    g_autofree char *text = NULL;
    GtkWidget *warning;
    GtkWidget *check;
    GtkWidget *entry;

    /* Translators: %s is a date */
    text = g_strdup_printf (_("✗ This batch expired on %s. Do not use it: use an in-date ampoule, or ask your clinic or pharmacist."),
                            expiry);
    warning = wrap_label (text, "error");
    gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    gtk_box_append (GTK_BOX (box), warning);

    check = gtk_check_button_new_with_mnemonic (_("My clinic told me to _use it anyway"));
    entry = gtk_entry_new ();
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Who said so, and when"));
    cobalt_journey_set_accessible_label (entry, _("Note about using the expired batch"),
                                         _("Required before you can continue with an expired batch"));
    gtk_widget_set_sensitive (entry, FALSE);
    g_object_bind_property (check, "active", entry, "sensitive", G_BINDING_SYNC_CREATE);
    gtk_box_append (GTK_BOX (box), check);
    gtk_box_append (GTK_BOX (box), entry);

    *override_check = GTK_CHECK_BUTTON (check);
    *override_entry = GTK_ENTRY (entry);
  }

  return box;
}

GtkWidget *
cobalt_wizard_inject_detail_new (CobaltPrescription *prescription,
                                 GtkLabel          **site_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid = fact_grid ();
  GtkWidget *site;
  int row = 0;

  site = wrap_label (_("Choose the site in the earlier step."), "site-landmark");
  gtk_box_append (GTK_BOX (box), site);
  *site_label = GTK_LABEL (site);

  if (prescription != NULL)
    {
      guint gauge = prescription->injecting_needle_gauge;
      double length = prescription->needle_length_mm;
      guint angle = prescription->angle_degrees;
      const char *notes = prescription->technique_notes;
      g_autofree char *needle = NULL;
      g_autofree char *angle_text = NULL;

      if (gauge > 0 && length > 0)
        /* Translators: needle gauge and length, e.g. "23 G, 25 mm" */
        needle = g_strdup_printf (_("%u G, %g mm"), gauge, length);
      else if (gauge > 0)
        needle = g_strdup_printf (_("%u G"), gauge);
      else if (length > 0)
        needle = g_strdup_printf (_("%g mm"), length);
      else
        needle = g_strdup (_("as your clinic showed you (not recorded)"));
      add_fact (GTK_GRID (grid), row++, _("Injecting needle"), needle);

      angle_text = angle > 0 ? g_strdup_printf (_("%u° to the skin"), angle)
                             : g_strdup (_("as your clinic showed you (not recorded)"));
      add_fact (GTK_GRID (grid), row++, _("Angle"), angle_text);
      add_fact (GTK_GRID (grid), row++, _("Skin"),
                prescription->use_swab
                ? _("Clean with a swab and let it dry")
                : _("No swab, as your clinic taught"));
      if (prescription->aspirate)
        add_fact (GTK_GRID (grid), row++, _("Aspirate"), _("Pull back the plunger as your clinic taught"));
      if (notes != NULL && *notes != '\0')
        add_fact (GTK_GRID (grid), row++, _("Your clinic's notes"), notes);
    }
  else
    {
      add_fact (GTK_GRID (grid), row++, _("Technique"), _("No prescription recorded: inject as your clinic showed you."));
    }

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box),
                  wrap_label (_("Never inject into a vein. If anything feels wrong, stop. Follow your clinic's instructions."), "dim-label"));

  return box;
}

void
cobalt_wizard_inject_detail_set_site (GtkLabel             *site_label,
                                      const CobaltSiteInfo *site)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (site_label));

  if (site == NULL)
    {
      gtk_label_set_text (site_label, _("Choose the site in the earlier step."));
      return;
    }

  /* Translators: site name, then where exactly to inject */
  text = g_strdup_printf (_("Site: %s. %s."), cobalt_site_info_get_name (site),
                          cobalt_site_info_get_landmark (site));
  gtk_label_set_text (site_label, text);
}

char *
cobalt_wizard_describe_clinic (CobaltPerson *person)
{
  const char *name = person != NULL ? person->clinic_name : NULL;
  const char *phone = person != NULL ? person->clinic_phone : NULL;
  gboolean have_name = name != NULL && *name != '\0';
  gboolean have_phone = phone != NULL && *phone != '\0';

  if (have_name && have_phone)
    /* Translators: clinic name, then its phone number */
    return g_strdup_printf (_("Ask your clinic before you try again: %s, %s."), name, phone);
  if (have_phone)
    return g_strdup_printf (_("Ask your clinic before you try again: %s."), phone);
  if (have_name)
    return g_strdup_printf (_("Ask your clinic before you try again: %s. (Add its phone number in Preferences.)"), name);

  return g_strdup (_("Ask your doctor or nurse before you try again. (Add your clinic's phone number in Preferences so it shows here.)"));
}

char *
cobalt_wizard_urgent_signs (void)
{
  g_autofree char *signs = cobalt_reaction_signs_of_level (COBALT_TRIAGE_EMERGENCY);

  /* Translators: the list of signs, then when they usually come */
  return g_strdup_printf (_("%s. %s"), signs, cobalt_clinical_emergency_timing ());
}
