/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-first-dose-field.h"
#include "cobalt-fold-box.h"
#include "cobalt-journey-util.h"
#include "cobalt-phase-row.h"
#include "cobalt-prescription-blame.h"
#include "cobalt-prescription-editor.h"
#include "cobalt-preferences-util.h"

struct _CobaltPrescriptionEditor
{
  GtkWidget           parent_instance;

  CobaltContext      *context;
  /* Whose prescription it is: the one the preferences were opened for,
   * whoever the context turns to while they are open. */
  CobaltPerson       *person;
  CobaltPrescription *base;        /* what the form was filled from */
  GHashTable         *site_checks; /* site id → CobaltChoiceButton (borrowed) */
  GHashTable         *enabled;     /* site ids ticked, kept across route changes */

  GtkDropDown        *template_dropdown;
  GtkLabel           *version_label;
  GtkLabel           *caution_label;
  GtkLabel           *hydroxo_sc_label;
  GtkDropDown        *product_dropdown;
  GtkEntry           *product_name_entry;
  GtkSpinButton      *strength_spin;
  GtkDropDown        *strength_unit_dropdown; /* 0 mg, 1 mcg: CobaltDoseUnit */
  GtkLabel           *strength_error;
  GtkSpinButton      *amount_spin;
  GtkDropDown        *unit_dropdown;
  GtkLabel           *amount_error;
  GtkLabel           *volume_label;
  GtkLabel           *volume_warning;
  GtkDropDown        *route_dropdown;
  GtkSpinButton      *reminder_hour_spin;
  GtkSpinButton      *reminder_minute_spin;
  GtkLabel           *reminder_error;
  GtkSpinButton      *grace_spin;
  GtkSpinButton      *drawing_gauge_spin;
  GtkSpinButton      *injecting_gauge_spin;
  GtkLabel           *technique_error;
  GtkSpinButton      *needle_length_spin;
  GtkSpinButton      *syringe_spin;
  GtkSpinButton      *angle_spin;
  GtkToggleButton    *swab_check;
  GtkToggleButton    *aspirate_check;
  GtkEntry           *technique_notes_entry;
  GtkListBox         *phases_list;
  GtkLabel           *phases_error;
  GtkBox             *sites_box;
  GtkLabel           *sites_error;
  GtkLabel           *save_status;
  GtkButton          *save_button;
  GtkBox             *first_dose_box;

  /* The first-dose date (starts_on), under the reminder time. */
  GtkWidget          *first_dose_field;

  gboolean            updating_volume;
  gboolean            asking_strength; /* strength_error holds ask_for_strength()'s request */
};

G_DEFINE_FINAL_TYPE (CobaltPrescriptionEditor, cobalt_prescription_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltRepository *
repository_of (CobaltPrescriptionEditor *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltPrescriptionEditor *self)
{
  return cobalt_context_get_clock (self->context);
}

static void update_volume (CobaltPrescriptionEditor *self);

/* Each phase's fields are named with its number and the dose unit
 * ("Phase 2 dose in micrograms"). */
static void
renumber_phases (CobaltPrescriptionEditor *self)
{
  CobaltDoseUnit unit = (CobaltDoseUnit) gtk_drop_down_get_selected (self->unit_dropdown);
  guint n = 1;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phases_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (COBALT_IS_PHASE_ROW (row))
      {
        cobalt_phase_row_set_dose_unit (COBALT_PHASE_ROW (row), unit);
        cobalt_phase_row_set_number (COBALT_PHASE_ROW (row), n++);
      }
}

static void
on_phase_remove_cb (CobaltPhaseRow           *row,
                    CobaltPrescriptionEditor *self)
{
  gtk_list_box_remove (self->phases_list, GTK_WIDGET (row));
  renumber_phases (self);
  update_volume (self);
}

static void
append_phase (CobaltPrescriptionEditor *self,
              const CobaltPhase        *phase)
{
  GtkWidget *row = cobalt_phase_row_new (phase);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_phase_remove_cb), self, 0);
  /* A phase's own dose changes its volume. */
  g_signal_connect_object (cobalt_phase_row_get_field (COBALT_PHASE_ROW (row), "amount"), "value-changed",
                           G_CALLBACK (update_volume), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->phases_list, row);
  renumber_phases (self);
  update_volume (self);
}

static void
on_site_toggled_cb (GtkToggleButton          *check,
                    CobaltPrescriptionEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "site-id");

  if (gtk_toggle_button_get_active (check))
    g_hash_table_add (self->enabled, g_strdup (id));
  else
    g_hash_table_remove (self->enabled, id);
  update_volume (self);
}

static void
rebuild_sites (CobaltPrescriptionEditor *self)
{
  CobaltRoute route = (CobaltRoute) gtk_drop_down_get_selected (self->route_dropdown);
  guint n = cobalt_site_catalogue_get_n_sites ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_box))) != NULL)
    gtk_box_remove (self->sites_box, child);
  g_hash_table_remove_all (self->site_checks);

  /* Only the sites of the chosen route can be trained for it. */
  for (guint i = 0; i < n; i++)
    {
      const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (i);
      GtkWidget *check;

      if (info->route != route)
        continue;

      check = cobalt_choice_button_new (NULL);
      gtk_button_set_use_underline (GTK_BUTTON (check), FALSE);
      gtk_button_set_label (GTK_BUTTON (check), cobalt_site_info_get_name (info));
      g_object_set_data_full (G_OBJECT (check), "site-id", g_strdup (info->id), g_free);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (check), g_hash_table_contains (self->enabled, info->id));
      /* The name once (not the label's text again), the note (if any) as
       * its description. */
      cobalt_journey_fix_button_names (check);
      if (cobalt_site_info_get_note (info) != NULL)
        {
          gtk_widget_set_tooltip_text (check, cobalt_site_info_get_note (info));
          cobalt_journey_set_accessible_label (check, cobalt_site_info_get_name (info), cobalt_site_info_get_note (info));
        }
      g_signal_connect (check, "toggled", G_CALLBACK (on_site_toggled_cb), self);
      g_hash_table_insert (self->site_checks, g_strdup (info->id), check);
      gtk_box_append (self->sites_box, check);
    }
}

/* Information on the medicine and route chosen, never a block
 * (docs/clinical-sources.md, "Prescription cautions", "Technique data"). */
static void
update_cautions (CobaltPrescriptionEditor *self)
{
  guint product = gtk_drop_down_get_selected (self->product_dropdown);
  guint route = gtk_drop_down_get_selected (self->route_dropdown);

  gtk_label_set_text (self->caution_label, cobalt_clinical_cyanocobalamin_caution ());
  gtk_widget_set_visible (GTK_WIDGET (self->caution_label), product == COBALT_PRODUCT_CYANOCOBALAMIN);
  gtk_label_set_text (self->hydroxo_sc_label, cobalt_clinical_hydroxo_subcutaneous ());
  gtk_widget_set_visible (GTK_WIDGET (self->hydroxo_sc_label),
                          product == COBALT_PRODUCT_HYDROXOCOBALAMIN && route == COBALT_ROUTE_SC);
}

static void
on_route_changed_cb (GtkDropDown              *dropdown,
                     GParamSpec               *pspec,
                     CobaltPrescriptionEditor *self)
{
  rebuild_sites (self);
  update_volume (self);
  update_cautions (self);
}

static void
on_product_changed_cb (GtkDropDown              *dropdown,
                       GParamSpec               *pspec,
                       CobaltPrescriptionEditor *self)
{
  update_cautions (self);
}

/* Technique not entered is 0, shown as words rather than as a number
 * that could pass for the clinic's (docs/clinical-sources.md, "Technique
 * data"). */
static gboolean
on_technique_output_cb (GtkSpinButton *spin,
                        gpointer       user_data)
{
  const char *text = _("Not recorded");

  if (gtk_spin_button_get_value (spin) > 0)
    return FALSE;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_technique_input_cb (GtkSpinButton *spin,
                       double        *new_value,
                       gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text == '\0' || g_str_equal (text, _("Not recorded")))
    {
      *new_value = 0;
      return TRUE;
    }

  return FALSE;
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* A strength that is not a number yet (an older version's free text that
 * did not parse): say so beside the field and highlight it, so that the
 * person enters it before anything is computed from it. */
static void
ask_for_strength (CobaltPrescriptionEditor *self,
                  CobaltPrescription       *p)
{
  const char *text = p->strength_text;
  g_autofree char *message = NULL;

  if (cobalt_strength_is_known (p->strength_amount,
                                p->strength_unit))
    {
      self->asking_strength = FALSE;
      cobalt_journey_set_field_error (self->strength_error, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->strength_spin), "error");
      return;
    }

  self->asking_strength = TRUE;
  if (text != NULL && *text != '\0')
    /* Translators: %s is the strength as typed in an older version, e.g. "1 ampoule" */
    message = g_strdup_printf (_("The strength was recorded as “%s”, which is not a number Cobalt can use. "
                                 "Enter the strength printed on the ampoule, in mg or mcg per mL."), text);
  else
    message = g_strdup (_("Enter the strength printed on the ampoule, in mg or mcg per mL."));
  cobalt_journey_set_field_error (self->strength_error, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->strength_spin), "error");
}

static void
fill_form (CobaltPrescriptionEditor *self,
           CobaltPrescription       *p)
{
  const char * const *sites = cobalt_prescription_get_enabled_sites (p);
  GPtrArray *phases = p->phases;
  guint minute = p->reminder_minute;
  CobaltDoseUnit strength_unit = p->strength_unit;
  GtkWidget *row;

  gtk_drop_down_set_selected (self->product_dropdown, p->product);
  set_entry (self->product_name_entry, p->product_name);
  /* A strength still to be entered starts in the dose's unit, the way
   * ampoules of that dose are usually labelled. */
  if (!cobalt_strength_is_known (p->strength_amount, strength_unit))
    strength_unit = p->unit;
  gtk_spin_button_set_value (self->strength_spin, MAX (p->strength_amount, 0));
  gtk_drop_down_set_selected (self->strength_unit_dropdown, strength_unit == COBALT_DOSE_UNIT_MCG ? 1 : 0);
  gtk_spin_button_set_value (self->amount_spin, p->amount);
  gtk_drop_down_set_selected (self->unit_dropdown, p->unit);
  gtk_spin_button_set_value (self->reminder_hour_spin, minute / 60);
  gtk_spin_button_set_value (self->reminder_minute_spin, minute % 60);
  /* The old grace window decides nothing any more: this field is the
   * clinic's shorter overdue window (cobalt-schedule.c, rule 6). */
  gtk_spin_button_set_value (self->grace_spin, p->overdue_after_minutes);
  gtk_spin_button_set_value (self->drawing_gauge_spin, p->drawing_needle_gauge);
  gtk_spin_button_set_value (self->injecting_gauge_spin, p->injecting_needle_gauge);
  gtk_spin_button_set_value (self->needle_length_spin, p->needle_length_mm);
  gtk_spin_button_set_value (self->syringe_spin, p->syringe_ml);
  gtk_spin_button_set_value (self->angle_spin, p->angle_degrees);
  gtk_toggle_button_set_active (self->swab_check, p->use_swab);
  gtk_toggle_button_set_active (self->aspirate_check, p->aspirate);
  set_entry (self->technique_notes_entry, p->technique_notes);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->phases_list))) != NULL)
    gtk_list_box_remove (self->phases_list, row);
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    append_phase (self, g_ptr_array_index (phases, i));

  g_hash_table_remove_all (self->enabled);
  for (guint i = 0; sites != NULL && sites[i] != NULL; i++)
    g_hash_table_add (self->enabled, g_strdup (sites[i]));

  /* Setting the route rebuilds the site ticks only when it changes. */
  gtk_drop_down_set_selected (self->route_dropdown, p->route);
  rebuild_sites (self);
  update_cautions (self);
  update_volume (self);
  /* A blank form (a new prescription, "custom") is not asked at once:
   * Save says what is missing. A stored one without a strength is. */
  if (p->id != 0 || (p->strength_text != NULL && *p->strength_text != '\0'))
    ask_for_strength (self, p);
  else
    {
      self->asking_strength = FALSE;
      cobalt_journey_set_field_error (self->strength_error, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->strength_spin), "error");
    }
}

/* A prescription from the form, on top of the one it was filled from
 * (keeps what the form does not show, e.g. starts-on and notes). Reads
 * the spin buttons' values: cobalt_prescription_editor_save() first takes
 * what is typed into them. */
static CobaltPrescription *
read_form (CobaltPrescriptionEditor *self)
{
  CobaltPrescription *p = cobalt_prescription_copy (self->base);
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  g_autoptr(GPtrArray) sites = g_ptr_array_new ();
  g_autofree char *product_name = entry_text (self->product_name_entry);
  g_autofree char *notes = entry_text (self->technique_notes_entry);
  double strength = gtk_spin_button_get_value (self->strength_spin);
  guint n = cobalt_site_catalogue_get_n_sites ();

  p->person_id = self->person->id;
  p->product = (CobaltProduct) gtk_drop_down_get_selected (self->product_dropdown);
  cobalt_set_str (&p->product_name, product_name);
  p->strength_amount = strength;
  p->strength_unit = gtk_drop_down_get_selected (self->strength_unit_dropdown) == 1
                                            ? COBALT_DOSE_UNIT_MCG : COBALT_DOSE_UNIT_MG;
  /* An older version's text only stands in while there is no number. */
  if (strength > 0)
    cobalt_set_str (&p->strength_text, NULL);
  p->amount = gtk_spin_button_get_value (self->amount_spin);
  p->unit = (CobaltDoseUnit) gtk_drop_down_get_selected (self->unit_dropdown);
  p->route = (CobaltRoute) gtk_drop_down_get_selected (self->route_dropdown);
  p->reminder_minute = gtk_spin_button_get_value_as_int (self->reminder_hour_spin) * 60
                                              + gtk_spin_button_get_value_as_int (self->reminder_minute_spin);
  p->overdue_after_minutes = gtk_spin_button_get_value_as_int (self->grace_spin);
  p->drawing_needle_gauge = gtk_spin_button_get_value_as_int (self->drawing_gauge_spin);
  p->injecting_needle_gauge = gtk_spin_button_get_value_as_int (self->injecting_gauge_spin);
  p->needle_length_mm = gtk_spin_button_get_value (self->needle_length_spin);
  p->syringe_ml = gtk_spin_button_get_value (self->syringe_spin);
  p->angle_degrees = gtk_spin_button_get_value_as_int (self->angle_spin);
  cobalt_prescription_set_use_swab (p, gtk_toggle_button_get_active (self->swab_check));
  cobalt_prescription_set_aspirate (p, gtk_toggle_button_get_active (self->aspirate_check));
  cobalt_set_str (&p->technique_notes, notes);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phases_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (COBALT_IS_PHASE_ROW (row))
      g_ptr_array_add (phases, cobalt_phase_row_get_phase (COBALT_PHASE_ROW (row)));
  cobalt_prescription_set_phases (p, phases);

  for (guint i = 0; i < n; i++)
    {
      const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (i);

      if (g_hash_table_contains (self->site_checks, info->id) && g_hash_table_contains (self->enabled, info->id))
        g_ptr_array_add (sites, (gpointer) info->id);
    }
  g_ptr_array_add (sites, NULL);
  cobalt_prescription_set_enabled_sites (p, (const char * const *) sites->pdata);

  return p;
}

/* "1 mL", or one line per phase when they differ. */
static char *
describe_volumes (CobaltPrescription *p)
{
  GPtrArray *phases = p->phases;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean all_same = TRUE;
  double first = cobalt_prescription_get_phase_volume_ml (p, 0);

  for (guint i = 1; i < phases->len; i++)
    all_same = all_same && cobalt_prescription_get_phase_volume_ml (p, i) == first;

  if (phases->len <= 1 || all_same)
    return cobalt_volume_format (first);

  for (guint i = 0; i < phases->len; i++)
    {
      const CobaltPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *volume = cobalt_volume_format (cobalt_prescription_get_phase_volume_ml (p, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      if (phase->label != NULL && *phase->label != '\0')
        /* Translators: phase number, its label, a volume: "Phase 2 (Weekly): 0.25 mL" */
        g_string_append_printf (text, _("Phase %u (%s): %s"), i + 1, phase->label, volume);
      else
        /* Translators: phase number, a volume: "Phase 2: 0.25 mL" */
        g_string_append_printf (text, _("Phase %u: %s"), i + 1, volume);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The volume to draw up, computed from what the form holds now (dose ÷
 * strength, per phase), and the clinic warning when it is more than a
 * ticked site usually takes. Never a value of its own. */
static void
update_volume (CobaltPrescriptionEditor *self)
{
  g_autoptr(CobaltPrescription) p = NULL;
  g_autoptr(GString) sites = NULL;
  g_autofree char *volumes = NULL;
  const char * const *enabled;
  GPtrArray *phases;
  double largest = 0;
  guint largest_index = 0;

  /* read_form() reads the phase rows, which can notify again. */
  if (self->updating_volume || self->base == NULL)
    return;
  self->updating_volume = TRUE;

  p = read_form (self);
  phases = p->phases;
  for (guint i = 0; i < phases->len; i++)
    if (cobalt_prescription_get_phase_volume_ml (p, i) > largest)
      {
        largest = cobalt_prescription_get_phase_volume_ml (p, i);
        largest_index = i;
      }

  if (phases->len == 0 || largest <= 0)
    {
      gtk_label_set_text (self->volume_label,
                          _("Shown once the dose and the strength are entered: the dose divided by the strength."));
      gtk_widget_add_css_class (GTK_WIDGET (self->volume_label), "dim-label");
    }
  else
    {
      volumes = describe_volumes (p);
      gtk_label_set_text (self->volume_label, volumes);
      gtk_widget_remove_css_class (GTK_WIDGET (self->volume_label), "dim-label");
    }

  /* CLINICAL.md: above a site's typical maximum, "check with your
   * clinic" — information, not a refusal. */
  enabled = cobalt_prescription_get_enabled_sites (p);
  sites = g_string_new (NULL);
  for (guint i = 0; enabled != NULL && enabled[i] != NULL; i++)
    {
      const CobaltSiteInfo *site = cobalt_site_catalogue_lookup (enabled[i]);

      if (site != NULL && cobalt_prescription_phase_exceeds_site (p, largest_index, site))
        {
          if (sites->len > 0)
            g_string_append (sites, ", ");
          g_string_append (sites, cobalt_site_info_get_name (site));
        }
    }

  if (sites->len > 0)
    {
      g_autofree char *volume = cobalt_volume_format (largest);
      g_autofree char *text = NULL;

      /* Translators: a volume, then a list of injection sites */
      text = g_strdup_printf (_("%s is more than these sites usually take: %s. Check with your clinic."),
                              volume, sites->str);
      gtk_label_set_text (self->volume_warning, text);
      gtk_widget_set_visible (GTK_WIDGET (self->volume_warning), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->volume_warning), FALSE);

  self->updating_volume = FALSE;
}

static GtkLabel *
group_label (CobaltPrescriptionEditor *self,
             CobaltPrescriptionGroup   group)
{
  switch (group)
    {
    case COBALT_PRESCRIPTION_GROUP_PHASES:   return self->phases_error;
    case COBALT_PRESCRIPTION_GROUP_SITES:    return self->sites_error;
    case COBALT_PRESCRIPTION_GROUP_REMINDER: return self->reminder_error;
    case COBALT_PRESCRIPTION_GROUP_STRENGTH: return self->strength_error;
    case COBALT_PRESCRIPTION_GROUP_AMOUNT:   return self->amount_error;
    case COBALT_N_PRESCRIPTION_GROUPS:
    default:                                 return self->save_status;
    }
}

/* The control to take the person to when @group is refused. */
static GtkWidget *
group_field (CobaltPrescriptionEditor *self,
             CobaltPrescriptionGroup   group)
{
  switch (group)
    {
    case COBALT_PRESCRIPTION_GROUP_PHASES:   return GTK_WIDGET (self->phases_list);
    case COBALT_PRESCRIPTION_GROUP_SITES:    return GTK_WIDGET (self->sites_box);
    case COBALT_PRESCRIPTION_GROUP_REMINDER: return GTK_WIDGET (self->reminder_hour_spin);
    case COBALT_PRESCRIPTION_GROUP_STRENGTH: return GTK_WIDGET (self->strength_spin);
    case COBALT_PRESCRIPTION_GROUP_AMOUNT:   return GTK_WIDGET (self->amount_spin);
    case COBALT_N_PRESCRIPTION_GROUPS:
    default:                                 return NULL;
    }
}

static void
clear_errors (CobaltPrescriptionEditor *self)
{
  for (guint g = 0; g < COBALT_N_PRESCRIPTION_GROUPS; g++)
    cobalt_journey_set_field_error (group_label (self, (CobaltPrescriptionGroup) g), NULL);
  cobalt_journey_set_field_error (self->technique_error, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->strength_spin), "error");
  self->asking_strength = FALSE;
  gtk_label_set_text (self->save_status, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->save_status), "error");
}

static void
update_version_label (CobaltPrescriptionEditor *self)
{
  g_autofree char *text = NULL;

  if (self->base->id == 0)
    text = g_strdup (_("Not saved yet. Saving stores version 1."));
  else
    /* Translators: %u is a version number */
    text = g_strdup_printf (_("Version %u. Saving a change stores a new version; doses already logged keep theirs."),
                            self->base->version);
  gtk_label_set_text (self->version_label, text);
}

/* The request for a strength goes once one is typed; a refusal from Save
 * stays until the next Save. */
static void
on_strength_changed_cb (GtkSpinButton            *spin,
                        CobaltPrescriptionEditor *self)
{
  if (self->asking_strength && gtk_spin_button_get_value (spin) > 0)
    {
      self->asking_strength = FALSE;
      cobalt_journey_set_field_error (self->strength_error, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
    }
}

static void
on_apply_template_clicked_cb (GtkButton                *button,
                              CobaltPrescriptionEditor *self)
{
  const char * const *ids = cobalt_prescription_template_ids ();
  guint pos = gtk_drop_down_get_selected (self->template_dropdown);

  if (pos != GTK_INVALID_LIST_POSITION && ids[pos] != NULL)
    cobalt_prescription_editor_load_template (self, ids[pos]);
}

static void
on_add_phase_clicked_cb (GtkButton                *button,
                         CobaltPrescriptionEditor *self)
{
  cobalt_prescription_editor_add_phase (self);
}

static void
on_save_clicked_cb (GtkButton                *button,
                    CobaltPrescriptionEditor *self)
{
  cobalt_prescription_editor_save (self, NULL);
}

static void
get_today (CobaltPrescriptionEditor *self,
           GDate                    *today)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Asked for as long as no dose is logged; after that the schedule counts
 * from the doses and the day only shows. */
static void
fill_first_dose (CobaltPrescriptionEditor *self)
{
  g_autoptr(GPtrArray) doses = NULL;
  GDate today;

  if (self->person->id != 0)
    doses = cobalt_repository_list_schedule_doses (repository_of (self), self->person->id, NULL);

  get_today (self, &today);
  cobalt_first_dose_field_set (COBALT_FIRST_DOSE_FIELD (self->first_dose_field),
                               self->base->starts_on,
                               doses != NULL && doses->len > 0, &today);
}

/* Under the reminder time and its error, its caption above it. */
static void
add_first_dose_field (CobaltPrescriptionEditor *self)
{
  GtkWidget *caption;

  self->first_dose_field = cobalt_first_dose_field_new ();
  caption = cobalt_first_dose_field_get_caption (COBALT_FIRST_DOSE_FIELD (self->first_dose_field));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_box_append (self->first_dose_box, caption);
  gtk_box_append (self->first_dose_box, self->first_dose_field);
}

/* The template names are long ("UK hydroxocobalamin (neurological
 * involvement)"): they wrap rather than make the form wider than a
 * narrow window. */
static void
on_wrapping_item_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
on_wrapping_item_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      string != NULL ? gtk_string_object_get_string (string) : "");
}

static void
wrap_drop_down_labels (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_wrapping_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_wrapping_item_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}

static void
cobalt_prescription_editor_constructed (GObject *object)
{
  CobaltPrescriptionEditor *self = COBALT_PRESCRIPTION_EDITOR (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cobalt_prescription_editor_parent_class)->constructed (object);

  if (self->person == NULL)
    self->person = cobalt_person_new ("");
  self->base = cobalt_repository_get_prescription (repository_of (self), self->person->id, &error);
  if (error != NULL)
    {
      g_autofree char *text = cobalt_journey_describe_error (error);
      gtk_label_set_text (self->save_status, text);
    }
  /* No prescription yet: a blank one, no regimen chosen for the person. */
  if (self->base == NULL)
    self->base = cobalt_prescription_new_from_template ("custom");
  if (self->base == NULL)
    self->base = cobalt_prescription_new ();

  if (self->base->template_id != NULL)
    {
      const char * const *ids = cobalt_prescription_template_ids ();

      for (guint i = 0; ids[i] != NULL; i++)
        if (g_str_equal (ids[i], self->base->template_id))
          gtk_drop_down_set_selected (self->template_dropdown, i);
    }

  fill_form (self, self->base);
  update_version_label (self);
  fill_first_dose (self);
}

static void
cobalt_prescription_editor_dispose (GObject *object)
{
  CobaltPrescriptionEditor *self = COBALT_PRESCRIPTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_PRESCRIPTION_EDITOR);
  cobalt_journey_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->base);
  self->first_dose_field = NULL;

  G_OBJECT_CLASS (cobalt_prescription_editor_parent_class)->dispose (object);
}

static void
cobalt_prescription_editor_finalize (GObject *object)
{
  CobaltPrescriptionEditor *self = COBALT_PRESCRIPTION_EDITOR (object);

  g_hash_table_unref (self->site_checks);
  g_hash_table_unref (self->enabled);

  G_OBJECT_CLASS (cobalt_prescription_editor_parent_class)->finalize (object);
}

static void
cobalt_prescription_editor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CobaltPrescriptionEditor *self = COBALT_PRESCRIPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_prescription_editor_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CobaltPrescriptionEditor *self = COBALT_PRESCRIPTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_prescription_editor_class_init (CobaltPrescriptionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_prescription_editor_constructed;
  object_class->dispose = cobalt_prescription_editor_dispose;
  object_class->finalize = cobalt_prescription_editor_finalize;
  object_class->get_property = cobalt_prescription_editor_get_property;
  object_class->set_property = cobalt_prescription_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (COBALT_TYPE_CHOICE_BUTTON);
  g_type_ensure (COBALT_TYPE_FOLD_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/preferences/cobalt-prescription-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CobaltPrescriptionEditor, name)
  BIND (template_dropdown);
  BIND (version_label);
  BIND (caution_label);
  BIND (hydroxo_sc_label);
  BIND (product_dropdown);
  BIND (product_name_entry);
  BIND (strength_spin);
  BIND (strength_unit_dropdown);
  BIND (strength_error);
  BIND (amount_spin);
  BIND (unit_dropdown);
  BIND (amount_error);
  BIND (volume_label);
  BIND (volume_warning);
  BIND (route_dropdown);
  BIND (reminder_hour_spin);
  BIND (reminder_minute_spin);
  BIND (reminder_error);
  BIND (grace_spin);
  BIND (drawing_gauge_spin);
  BIND (injecting_gauge_spin);
  BIND (technique_error);
  BIND (needle_length_spin);
  BIND (syringe_spin);
  BIND (angle_spin);
  BIND (swab_check);
  BIND (aspirate_check);
  BIND (technique_notes_entry);
  BIND (phases_list);
  BIND (phases_error);
  BIND (sites_box);
  BIND (sites_error);
  BIND (save_status);
  BIND (save_button);
  BIND (first_dose_box);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_apply_template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_phase_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_route_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_product_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cobalt_prescription_editor_init (CobaltPrescriptionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = cobalt_prescription_template_ids ();

  self->site_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->enabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_first_dose_field (self);
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, cobalt_prescription_template_name (ids[i]));
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  wrap_drop_down_labels (self->template_dropdown);
  cobalt_preferences_name_drop_down (self->template_dropdown, _("Start from template"));
  cobalt_preferences_name_drop_down (self->product_dropdown, _("Product"));
  cobalt_preferences_name_drop_down (self->strength_unit_dropdown, _("Strength unit"));
  cobalt_preferences_name_drop_down (self->unit_dropdown, _("Dose unit"));
  cobalt_preferences_name_drop_down (self->route_dropdown, _("Route"));
  /* "Reminder hour" alone, not with its caption "Reminder time" too. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->reminder_hour_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  cobalt_journey_fix_button_names (GTK_WIDGET (self));

  /* The volume shown follows the dose and the strength as they change. */
  g_signal_connect_swapped (self->strength_spin, "value-changed", G_CALLBACK (update_volume), self);
  g_signal_connect (self->strength_spin, "value-changed", G_CALLBACK (on_strength_changed_cb), self);
  g_signal_connect_swapped (self->amount_spin, "value-changed", G_CALLBACK (update_volume), self);
  g_signal_connect_swapped (self->strength_unit_dropdown, "notify::selected", G_CALLBACK (update_volume), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (update_volume), self);
  g_signal_connect_swapped (self->unit_dropdown, "notify::selected", G_CALLBACK (renumber_phases), self);

  {
    GtkSpinButton *technique[] = {
      self->drawing_gauge_spin, self->injecting_gauge_spin, self->needle_length_spin,
      self->syringe_spin, self->angle_spin,
    };

    for (guint i = 0; i < G_N_ELEMENTS (technique); i++)
      {
        g_signal_connect (technique[i], "output", G_CALLBACK (on_technique_output_cb), NULL);
        g_signal_connect (technique[i], "input", G_CALLBACK (on_technique_input_cb), NULL);
        /* The text was drawn before the handlers were there. */
        on_technique_output_cb (technique[i], NULL);
      }
  }
}

GtkWidget *
cobalt_prescription_editor_new (CobaltContext *context,
                                CobaltPerson  *person)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_PRESCRIPTION_EDITOR,
                       "context", context,
                       "person", person,
                       NULL);
}

gboolean
cobalt_prescription_editor_load_template (CobaltPrescriptionEditor *self,
                                          const char               *template_id)
{
  g_autoptr(CobaltPrescription) p = NULL;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION_EDITOR (self), FALSE);

  p = cobalt_prescription_new_from_template (template_id);
  if (p == NULL)
    return FALSE;

  /* A template is a regimen: the route, the technique and the sites the
   * clinic taught stay as the form has them (templates hold none). */
  {
    g_autoptr(CobaltPrescription) current = read_form (self);

    p->route = current->route;
    p->drawing_needle_gauge = current->drawing_needle_gauge;
    p->injecting_needle_gauge = current->injecting_needle_gauge;
    p->needle_length_mm = current->needle_length_mm;
    p->syringe_ml = current->syringe_ml;
    p->angle_degrees = current->angle_degrees;
    cobalt_prescription_set_use_swab (p, current->use_swab);
    cobalt_prescription_set_aspirate (p, current->aspirate);
    cobalt_set_str (&p->technique_notes, current->technique_notes);
    cobalt_prescription_set_enabled_sites (p, cobalt_prescription_get_enabled_sites (current));
    p->reminder_minute = current->reminder_minute;
    p->overdue_after_minutes = current->overdue_after_minutes;
  }

  /* Keep the id and version of what is stored: saving still makes the
   * next version of this person's prescription. */
  cobalt_set_str (&self->base->template_id, template_id);
  fill_form (self, p);
  clear_errors (self);

  return TRUE;
}

gboolean
cobalt_prescription_editor_save (CobaltPrescriptionEditor *self,
                                 GError                  **error)
{
  GtkSpinButton *spins[] = {
    self->strength_spin, self->amount_spin, self->reminder_hour_spin, self->reminder_minute_spin,
    self->grace_spin, self->drawing_gauge_spin, self->injecting_gauge_spin, self->needle_length_spin,
    self->syringe_spin, self->angle_spin,
  };
  g_autoptr(CobaltPrescription) p = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION_EDITOR (self), FALSE);

  /* Take what is typed even if Enter was not pressed. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    gtk_spin_button_update (spins[i]);

  clear_errors (self);
  p = read_form (self);

  {
    GDate today, first;

    get_today (self, &today);
    if (!cobalt_first_dose_field_read (COBALT_FIRST_DOSE_FIELD (self->first_dose_field), &today, &first,
                                       &local_error))
      {
        gtk_label_set_text (self->save_status, _("Not saved: see the message above, next to its field."));
        gtk_widget_add_css_class (GTK_WIDGET (self->save_status), "error");
        gtk_widget_grab_focus (GTK_WIDGET (cobalt_first_dose_field_get_entry (COBALT_FIRST_DOSE_FIELD (self->first_dose_field))));
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    cobalt_set_date (&p->starts_on, g_date_valid (&first) ? &first : NULL);
  }

  if (!cobalt_prescription_validate (p, &local_error))
    {
      CobaltPrescriptionGroup group = cobalt_prescription_blame_group (p, local_error->message);
      GtkLabel *label = group_label (self, group);
      GtkWidget *field = group_field (self, group);

      cobalt_journey_set_field_error (label, local_error->message);
      if (group == COBALT_PRESCRIPTION_GROUP_STRENGTH)
        {
          /* Highlighted until a strength is typed, as when it is asked for. */
          gtk_widget_add_css_class (GTK_WIDGET (self->strength_spin), "error");
          self->asking_strength = TRUE;
        }
      if (label == self->save_status)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        {
          /* The Save button is at the bottom of a long form, the reason
           * next to its field may be out of sight: say so here too, and
           * take the focus (and the scrolled view) to the field. */
          gtk_label_set_text (self->save_status, _("Not saved: see the message above, next to its field."));
          gtk_widget_add_css_class (GTK_WIDGET (self->save_status), "error");
          if (field != NULL && !gtk_widget_child_focus (field, GTK_DIR_TAB_FORWARD))
            gtk_widget_grab_focus (field);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!cobalt_repository_save_prescription (repository_of (self), p, &local_error))
    {
      text = cobalt_journey_describe_error (local_error);
      /* The form keeps what was typed. */
      gtk_label_set_text (self->save_status, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->save_status), "error");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_set_object (&self->base, p);
  update_version_label (self);
  /* Translators: %u is the new version number */
  text = g_strdup_printf (_("Saved as version %u."), p->version);
  gtk_label_set_text (self->save_status, text);
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

GtkWidget *
cobalt_prescription_editor_get_field (CobaltPrescriptionEditor *self,
                                      const char               *name)
{
  const struct { const char *name; gsize offset; } fields[] = {
#define F(n, m) { n, G_STRUCT_OFFSET (CobaltPrescriptionEditor, m) }
    F ("template", template_dropdown), F ("caution", caution_label), F ("hydroxo-sc", hydroxo_sc_label),
    F ("product", product_dropdown),
    F ("product-name", product_name_entry), F ("strength", strength_spin),
    F ("strength-unit", strength_unit_dropdown), F ("strength-error", strength_error), F ("amount", amount_spin),
    F ("unit", unit_dropdown), F ("amount-error", amount_error), F ("volume", volume_label),
    F ("volume-warning", volume_warning), F ("route", route_dropdown), F ("reminder-hour", reminder_hour_spin),
    F ("reminder-minute", reminder_minute_spin), F ("reminder-error", reminder_error), F ("grace", grace_spin),
    F ("drawing-gauge", drawing_gauge_spin), F ("injecting-gauge", injecting_gauge_spin),
    F ("needle-length", needle_length_spin), F ("syringe", syringe_spin), F ("angle", angle_spin),
    F ("phases-list", phases_list), F ("phases-error", phases_error), F ("sites-error", sites_error),
    F ("save-status", save_status), F ("save", save_button), F ("version", version_label),
    F ("first-dose", first_dose_field), F ("swab", swab_check), F ("aspirate", aspirate_check),
    F ("sites", sites_box),
#undef F
  };

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION_EDITOR (self), NULL);

  if (g_str_has_prefix (name, "site:"))
    return g_hash_table_lookup (self->site_checks, name + strlen ("site:"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

  return NULL;
}

void
cobalt_prescription_editor_add_phase (CobaltPrescriptionEditor *self)
{
  GtkWidget *last;

  g_return_if_fail (COBALT_IS_PRESCRIPTION_EDITOR (self));

  append_phase (self, NULL);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->phases_list));
  if (last != NULL)
    gtk_widget_grab_focus (cobalt_phase_row_get_field (COBALT_PHASE_ROW (last), "label"));
}
