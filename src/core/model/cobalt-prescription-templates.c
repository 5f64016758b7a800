/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The built-in regimen templates of CLINICAL.md ("Regimen templates").
 *
 * A template only fills in a starting point: the user enters what their
 * clinic prescribed, and can change every value. Where the sources give a
 * range, the choice made here is written beside the template.
 *
 * A template fills in the product, dose, strength and phases only: the
 * needles, syringe, angle and the sites the clinic trained the person on
 * stay "not recorded" until the person enters them, and "custom" is
 * blank (docs/clinical-sources.md, "Technique data").
 *
 * Strengths are the common ampoules: hydroxocobalamin 1 mg/mL,
 * cyanocobalamin 1000 mcg/mL. No template holds a volume: the volume to
 * draw up is each phase's dose ÷ the strength (250 mcg of a 1000 mcg/mL
 * ampoule is 0.25 mL), computed where it is shown. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-prescription.h"

typedef struct
{
  CobaltIntervalUnit unit;
  guint              interval;
  CobaltPhaseEnd     end;
  guint              end_value;
  double             amount;    /* 0: the prescription's amount */
  const char        *label;     /* N_() */
} TemplatePhase;

#define MAX_TEMPLATE_PHASES 4

typedef struct
{
  const char    *id;
  const char    *name;          /* N_() */
  CobaltProduct  product;
  double         amount;
  CobaltDoseUnit unit;
  double         strength;      /* per mL, in strength_unit */
  CobaltDoseUnit strength_unit;
  TemplatePhase  phases[MAX_TEMPLATE_PHASES];
  guint          n_phases;
} Template;

static const Template templates[] = {
  /* BNF: 3 doses a week for 2 weeks, then every 2–3 months; the BNF and the
   * surgery guides both land on 6 loading doses. Default 3 months. */
  {
    "uk-hydroxo-standard", N_("UK hydroxocobalamin (standard)"),
    COBALT_PRODUCT_HYDROXOCOBALAMIN, 1.0, COBALT_DOSE_UNIT_MG, 1.0, COBALT_DOSE_UNIT_MG,
    {
      { COBALT_INTERVAL_TIMES_PER_WEEK, 3, COBALT_PHASE_END_AFTER_DOSES, 6, 0, N_("Loading") },
      { COBALT_INTERVAL_MONTHS, 3, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 2
  },
  /* Alternate days "until no further improvement": only the clinic can say
   * when that is, so the loading phase is open-ended and the clinic's edit
   * moves the person on to the 2-monthly maintenance phase. */
  {
    "uk-hydroxo-neuro", N_("UK hydroxocobalamin (neurological involvement)"),
    COBALT_PRODUCT_HYDROXOCOBALAMIN, 1.0, COBALT_DOSE_UNIT_MG, 1.0, COBALT_DOSE_UNIT_MG,
    {
      { COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_OPEN, 0, 0, N_("Loading") },
      { COBALT_INTERVAL_MONTHS, 2, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 2
  },
  /* "Every 3 months (or 2–3)": default 3. */
  {
    "uk-hydroxo-prophylaxis", N_("UK hydroxocobalamin (prevention)"),
    COBALT_PRODUCT_HYDROXOCOBALAMIN, 1.0, COBALT_DOSE_UNIT_MG, 1.0, COBALT_DOSE_UNIT_MG,
    {
      { COBALT_INTERVAL_MONTHS, 3, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 1
  },
  /* 250–1000 mcg on alternate days for 1–2 weeks: 1000 mcg, 7 doses (two
   * weeks of alternate days); then 250 mcg weekly until the blood count is
   * normal (open-ended, the clinic ends it); then 1000 mcg monthly. */
  {
    "uk-cyano-cytamen", N_("UK cyanocobalamin (Cytamen)"),
    COBALT_PRODUCT_CYANOCOBALAMIN, 1000.0, COBALT_DOSE_UNIT_MCG, 1000.0, COBALT_DOSE_UNIT_MCG,
    {
      { COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_AFTER_DOSES, 7, 0, N_("Loading") },
      { COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_OPEN, 0, 250.0, N_("Until blood count is normal") },
      { COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 3
  },
  /* US label: 100 mcg daily for 6–7 days (7 doses), alternate days for 7
   * doses, every 3–4 days for 2–3 weeks (every 3 days for 21 days), then
   * 100 mcg monthly. */
  {
    "us-cyano-label", N_("US cyanocobalamin (product label)"),
    COBALT_PRODUCT_CYANOCOBALAMIN, 100.0, COBALT_DOSE_UNIT_MCG, 1000.0, COBALT_DOSE_UNIT_MCG,
    {
      { COBALT_INTERVAL_DAYS, 1, COBALT_PHASE_END_AFTER_DOSES, 7, 0, N_("Daily") },
      { COBALT_INTERVAL_DAYS, 2, COBALT_PHASE_END_AFTER_DOSES, 7, 0, N_("Alternate days") },
      { COBALT_INTERVAL_DAYS, 3, COBALT_PHASE_END_AFTER_DAYS, 21, 0, N_("Every few days") },
      { COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 4
  },
  /* Daily (rather than alternate days) for 1 week, then weekly for 4–8
   * weeks: the upper end, 8 weeks; then monthly. */
  {
    "us-cyano-weekly", N_("US cyanocobalamin (daily, then weekly)"),
    COBALT_PRODUCT_CYANOCOBALAMIN, 1000.0, COBALT_DOSE_UNIT_MCG, 1000.0, COBALT_DOSE_UNIT_MCG,
    {
      { COBALT_INTERVAL_DAYS, 1, COBALT_PHASE_END_AFTER_DOSES, 7, 0, N_("Daily") },
      { COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_AFTER_DOSES, 8, 0, N_("Weekly") },
      { COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 3
  },
  {
    "us-cyano-8weeks", N_("US cyanocobalamin (weekly for 8 weeks)"),
    COBALT_PRODUCT_CYANOCOBALAMIN, 1000.0, COBALT_DOSE_UNIT_MCG, 1000.0, COBALT_DOSE_UNIT_MCG,
    {
      { COBALT_INTERVAL_WEEKS, 1, COBALT_PHASE_END_AFTER_DOSES, 8, 0, N_("Weekly") },
      { COBALT_INTERVAL_MONTHS, 1, COBALT_PHASE_END_OPEN, 0, 0, N_("Maintenance") },
    }, 2
  },
  /* Blank: no phase, no dose, no strength. Everything is what the person
   * enters from their prescription; nothing is suggested. */
  {
    "custom", N_("Custom"),
    COBALT_PRODUCT_HYDROXOCOBALAMIN, 0, COBALT_DOSE_UNIT_MG, 0, COBALT_DOSE_UNIT_MG,
    { { 0 } }, 0
  },
};

static const char * const template_ids[] = {
  "uk-hydroxo-standard",
  "uk-hydroxo-neuro",
  "uk-hydroxo-prophylaxis",
  "uk-cyano-cytamen",
  "us-cyano-label",
  "us-cyano-weekly",
  "us-cyano-8weeks",
  "custom",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_ids) == G_N_ELEMENTS (templates) + 1);

static const Template *
find_template (const char *template_id)
{
  if (template_id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      if (strcmp (templates[i].id, template_id) == 0)
        return &templates[i];
    }

  return NULL;
}

const char * const *
cobalt_prescription_template_ids (void)
{
  return template_ids;
}

const char *
cobalt_prescription_template_name (const char *template_id)
{
  const Template *template = find_template (template_id);

  g_return_val_if_fail (template != NULL, NULL);

  return _(template->name);
}

CobaltPrescription *
cobalt_prescription_new_from_template (const char *template_id)
{
  const Template *template = find_template (template_id);
  g_autoptr(CobaltPrescription) self = NULL;
  g_autoptr(GPtrArray) phases = NULL;

  if (template == NULL)
    return NULL;

  /* Everything not set here keeps cobalt_prescription_new()'s defaults:
   * route IM, a 09:00 reminder, and no technique and no sites ("not
   * recorded"): a template is a regimen, never what the clinic taught. */
  self = cobalt_prescription_new ();
  cobalt_set_str (&self->template_id, template->id);
  self->product = template->product;
  self->amount = template->amount;
  self->unit = template->unit;
  self->strength_amount = template->strength;
  self->strength_unit = template->strength_unit;

  phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  for (guint i = 0; i < template->n_phases; i++)
    {
      const TemplatePhase *tp = &template->phases[i];
      CobaltPhase *phase = cobalt_phase_new (tp->unit, tp->interval, tp->end, tp->end_value,
                                             tp->label != NULL ? _(tp->label) : NULL);

      phase->amount = tp->amount;
      g_ptr_array_add (phases, phase);
    }
  cobalt_prescription_set_phases (self, phases);

  return g_steal_pointer (&self);
}

double
cobalt_prescription_template_max_strength_mcg (void)
{
  double max = 0;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      double per_ml = templates[i].strength;

      if (templates[i].strength_unit == COBALT_DOSE_UNIT_MG)
        per_ml *= 1000;
      max = MAX (max, per_ml);
    }

  return max;
}
