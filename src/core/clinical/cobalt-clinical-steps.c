/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-clinical.h"
#include "cobalt-checklist-step.h"

/* The built-in checklist steps (DESIGN.md "Default checklist"), each
 * beside its section of docs/clinical-sources.md. Guidance points back to
 * the clinic, because Cobalt follows the clinic's training and never
 * replaces it; every explanation ends with "Follow your clinic's
 * instructions." (added by cobalt_clinical_step_explanation()). */
typedef struct
{
  const char *kind;
  const char *title;
  const char *explanation;
} BuiltinStep;

static const BuiltinStep builtin_steps[] = {
  /* "Safety wording": when unsure, stop and ask. */
  { COBALT_STEP_CONFIRM_MEDICINE,
    N_("Confirm the medicine and dose"),
    N_("Check that the name, strength and dose on the ampoule match your "
       "prescription. If anything differs, stop and ask your clinic.") },
  /* "Technique data": expired medicine is never used. */
  { COBALT_STEP_CHECK_EXPIRY,
    N_("Check the expiry date"),
    N_("Read the expiry date on the ampoule and compare it with the batch "
       "shown here. Do not use medicine past its expiry date.") },
  /* "Technique data": never a liquid that is discoloured, cloudy or has
   * particles. */
  { COBALT_STEP_CHECK_LIQUID,
    N_("Check the liquid"),
    N_("Look at the liquid in the ampoule. Do not use it if it is "
       "discoloured, cloudy or has particles in it.") },
  /* "Technique data" (needles for drawing up and injecting, syringe,
   * swab) and "Storage and sharps" (the bin). */
  { COBALT_STEP_SUPPLIES_READY,
    N_("Get your supplies ready"),
    N_("The drawing-up needle, the injecting needle, the syringe, a swab if "
       "your clinic uses one, and the sharps bin within reach.") },
  /* "Technique data" (the self-injection leaflets it cites begin here). */
  { COBALT_STEP_WASH_HANDS,
    N_("Wash your hands"),
    N_("Wash and dry your hands before you touch the ampoule and needles.") },
  /* "Body sites": a trained site; never a sore, inflamed or bruised one. */
  { COBALT_STEP_CHOOSE_SITE,
    N_("Choose the injection site"),
    N_("Use a site your clinic trained you on. Do not inject into a spot "
       "that is sore, inflamed or bruised.") },
  /* "Technique data": a needle for drawing up and one for injecting. */
  { COBALT_STEP_DRAW_UP,
    N_("Draw up the dose"),
    N_("Draw up the dose with the drawing-up needle, then change to the "
       "injecting needle, the way you were taught.") },
  /* "Technique data": swab yes/no is the clinic's. */
  { COBALT_STEP_POSITION,
    N_("Get into position"),
    N_("Get into the position your clinic showed you for this site. Clean "
       "the skin with a swab only if your clinic taught you to.") },
  /* "Technique data": never intravenous; "Safety wording": when unsure,
   * stop and ask for help. */
  { COBALT_STEP_INJECT,
    N_("Inject"),
    N_("Inject with the needle, angle and landmarks you were taught. Never "
       "into a vein. If you are unsure at any point, stop and ask for "
       "help.") },
  /* "Storage and sharps"; "Reactions and what to do". */
  { COBALT_STEP_AFTERCARE,
    N_("Aftercare"),
    N_("Put the needle and the ampoule straight into the sharps bin: do not "
       "recap, bend or break the needle. Note any reaction.") },
};

static const BuiltinStep *
find_builtin (const char *kind)
{
  if (kind == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_steps); i++)
    if (g_str_equal (builtin_steps[i].kind, kind))
      return &builtin_steps[i];

  return NULL;
}

const char *
cobalt_clinical_step_title (const char *kind)
{
  const BuiltinStep *builtin = find_builtin (kind);

  return builtin != NULL ? _(builtin->title) : NULL;
}

G_LOCK_DEFINE_STATIC (explanations);

const char *
cobalt_clinical_step_explanation (const char *kind)
{
  /* Built once per step and kept for the life of the process (the
   * language does not change while it runs), so that callers get a
   * borrowed string as for the title. */
  static char *explanations[G_N_ELEMENTS (builtin_steps)];
  const BuiltinStep *builtin = find_builtin (kind);
  guint index;
  const char *text;

  if (builtin == NULL)
    return NULL;

  index = builtin - builtin_steps;
  G_LOCK (explanations);
  if (explanations[index] == NULL)
    /* Translators: a checklist step's guidance, then "Follow your
     * clinic's instructions." */
    explanations[index] = g_strdup_printf (_("%s %s"), _(builtin->explanation),
                                           cobalt_clinical_follow_clinic ());
  text = explanations[index];
  G_UNLOCK (explanations);

  return text;
}
