/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checklist-wizard-private.h"
#include "cobalt-journey-util.h"
#include "cobalt-wrap-box.h"

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

/* A technique value not entered: "as your clinic showed you (not
 * recorded)", never a typical value in its place (docs/clinical-sources.md,
 * "Technique data"). */
static char *
not_recorded (void)
{
  /* Translators: %s is "as your clinic showed you" */
  return g_strdup_printf (_("%s (not recorded)"), cobalt_clinical_as_clinic_showed ());
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
    /* Translators: %s is "as your clinic showed you" */
    return g_strdup_printf (_("%s (the strength is not recorded)"), cobalt_clinical_as_clinic_showed ());

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
      g_autofree char *unknown = NULL;

      /* Translators: %s is "as your clinic showed you" */
      unknown = g_strdup_printf (_("%s (no prescription recorded)"), cobalt_clinical_as_clinic_showed ());
      add_fact (GTK_GRID (grid), 0, _("Volume to draw up"), unknown);
    }
  else
    {
      g_autofree char *needle = NULL;
      g_autofree char *syringe = NULL;

      volume = describe_volume (prescription, phase_index);
      add_fact (GTK_GRID (grid), 0, _("Volume to draw up"), volume);
      dose = cobalt_prescription_describe_dose (prescription, phase_index);
      strength = describe_strength (prescription);
      add_fact (GTK_GRID (grid), 1, _("Dose"), dose);
      add_fact (GTK_GRID (grid), 2, _("Strength on the ampoule"), strength);
      /* Only what the person entered; otherwise the clinic's teaching. */
      needle = prescription->drawing_needle_gauge > 0
               ? g_strdup_printf (_("%u G"), prescription->drawing_needle_gauge)
               : not_recorded ();
      syringe = prescription->syringe_ml > 0
                /* Translators: a syringe size in millilitres, "2 mL" */
                ? g_strdup_printf (_("%g mL"), prescription->syringe_ml)
                : not_recorded ();
      add_fact (GTK_GRID (grid), 3, _("Drawing-up needle"), needle);
      add_fact (GTK_GRID (grid), 4, _("Syringe"), syringe);
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
                                 GtkWidget         **recheck_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *grid;
  g_autofree char *expiry = NULL;

  *recheck_button = NULL;

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

  /* No override (docs/clinical-sources.md, "Technique data"): the two
   * ways on are an in-date ampoule or stopping. */
  {
    g_autofree char *text = NULL;
    GtkWidget *warning;
    GtkWidget *buttons;
    GtkWidget *recheck;
    GtkWidget *stop;

    /* Translators: %s is a date, then what to do instead */
    text = g_strdup_printf (_("✗ This batch expired on %s. %s"), expiry, cobalt_clinical_expired_medicine ());
    warning = wrap_label (text, "error");
    gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    gtk_box_append (GTK_BOX (box), warning);
    gtk_box_append (GTK_BOX (box),
                    wrap_label (_("Supplies has no in-date ampoule of this medicine. If you have one, add its box in Supplies (batch and expiry date), then check again."), NULL));

    /* One line when there is room, two at 360 px or with large text. */
    buttons = cobalt_wrap_box_new (12);
    recheck = gtk_button_new_with_mnemonic (_("_Check Supplies again"));
    gtk_widget_set_tooltip_text (recheck, _("Use an in-date ampoule recorded in Supplies"));
    stop = gtk_button_new_with_mnemonic (_("Stop without _injecting"));
    gtk_widget_set_tooltip_text (stop, _("Stop the checklist; nothing is logged as given"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "wizard.stop");
    cobalt_journey_wrap_button_label (GTK_BUTTON (recheck));
    cobalt_journey_wrap_button_label (GTK_BUTTON (stop));
    cobalt_wrap_box_append (COBALT_WRAP_BOX (buttons), recheck);
    cobalt_wrap_box_append (COBALT_WRAP_BOX (buttons), stop);
    cobalt_journey_fix_button_names (buttons);
    gtk_box_append (GTK_BOX (box), buttons);

    *recheck_button = recheck;
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
        needle = not_recorded ();
      add_fact (GTK_GRID (grid), row++, _("Injecting needle"), needle);

      angle_text = angle > 0 ? g_strdup_printf (_("%u° to the skin"), angle) : not_recorded ();
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
      g_autofree char *text = NULL;

      /* Translators: %s is "as your clinic showed you" */
      text = g_strdup_printf (_("No prescription recorded: inject %s."), cobalt_clinical_as_clinic_showed ());
      add_fact (GTK_GRID (grid), row++, _("Technique"), text);
    }

  gtk_box_append (GTK_BOX (box), grid);
  /* Nothing the clinic taught is recorded: say so once, and where to
   * add it, rather than a value Cobalt would have to invent. */
  if (prescription != NULL && prescription->injecting_needle_gauge == 0 &&
      prescription->needle_length_mm <= 0 && prescription->angle_degrees == 0)
    gtk_box_append (GTK_BOX (box), wrap_label (cobalt_clinical_technique_not_recorded (), "dim-label"));
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
