/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-checklist-step.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltChecklistStep, cobalt_checklist_step, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-checklist-error-quark, cobalt_checklist_error)

/* The built-in steps, in the default order (DESIGN.md "Default checklist"),
 * worded from CLINICAL.md. The wording points back to the clinic wherever
 * it gives guidance, because Cobalt follows the clinic's training and never
 * replaces it. */
typedef struct
{
  const char *kind;
  const char *title;
  const char *explanation;
} BuiltinStep;

static const BuiltinStep builtin_steps[] = {
  { COBALT_STEP_CONFIRM_MEDICINE,
    N_("Confirm the medicine and dose"),
    N_("Check that the name, strength and dose on the ampoule match your "
       "prescription. If anything differs, stop and ask your clinic.") },
  { COBALT_STEP_CHECK_EXPIRY,
    N_("Check the expiry date"),
    N_("Read the expiry date on the ampoule and compare it with the batch "
       "shown here. Do not use medicine past its expiry date.") },
  { COBALT_STEP_CHECK_LIQUID,
    N_("Check the liquid"),
    N_("Hold the ampoule up to the light. Do not use it if the liquid is "
       "cloudy, discoloured or has particles in it.") },
  { COBALT_STEP_SUPPLIES_READY,
    N_("Get your supplies ready"),
    N_("Drawing-up needle, injecting needle, syringe, swab, gauze or plaster, "
       "and the sharps bin within reach. Gloves if your clinic advised them.") },
  { COBALT_STEP_WASH_HANDS,
    N_("Wash your hands"),
    N_("Wash and dry your hands, and lay everything out on a clean, clear "
       "surface.") },
  { COBALT_STEP_CHOOSE_SITE,
    N_("Choose the injection site"),
    N_("Use a site your clinic trained you on. Avoid any spot that is sore, "
       "bruised or inflamed. Follow your clinic's instructions.") },
  { COBALT_STEP_DRAW_UP,
    N_("Draw up the dose"),
    N_("Draw up the dose with the drawing-up needle, change to the injecting "
       "needle, and remove air bubbles the way you were taught. Follow your "
       "clinic's instructions.") },
  { COBALT_STEP_POSITION,
    N_("Get into position"),
    N_("Sit or lie so the muscle is relaxed. Clean the skin if your clinic "
       "taught you to, and let it dry.") },
  { COBALT_STEP_INJECT,
    N_("Inject"),
    N_("Inject with the needle length, angle and landmarks you were taught. "
       "Never into a vein. If you are unsure at any point, stop and ask for "
       "help. Follow your clinic's instructions.") },
  { COBALT_STEP_AFTERCARE,
    N_("Aftercare"),
    N_("Press gently on the site with gauze. Put the needle and syringe "
       "straight into the sharps bin without recapping them. Note any "
       "reaction. Follow your clinic's instructions.") },
};

static const char * const builtin_kinds[] = {
  COBALT_STEP_CONFIRM_MEDICINE,
  COBALT_STEP_CHECK_EXPIRY,
  COBALT_STEP_CHECK_LIQUID,
  COBALT_STEP_SUPPLIES_READY,
  COBALT_STEP_WASH_HANDS,
  COBALT_STEP_CHOOSE_SITE,
  COBALT_STEP_DRAW_UP,
  COBALT_STEP_POSITION,
  COBALT_STEP_INJECT,
  COBALT_STEP_AFTERCARE,
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtin_steps) + 1 == G_N_ELEMENTS (builtin_kinds));

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

static void
cobalt_checklist_step_finalize (GObject *object)
{
  CobaltChecklistStep *self = (CobaltChecklistStep *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (cobalt_checklist_step_parent_class)->finalize (object);
}

static void
cobalt_checklist_step_class_init (CobaltChecklistStepClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_checklist_step_finalize;
}

static void
cobalt_checklist_step_init (CobaltChecklistStep *self)
{
  self->kind = g_strdup (COBALT_STEP_CUSTOM);
}

CobaltChecklistStep *
cobalt_checklist_step_new (const char *kind,
                           const char *title,
                           const char *explanation)
{
  CobaltChecklistStep *self = g_object_new (COBALT_TYPE_CHECKLIST_STEP, NULL);

  cobalt_checklist_step_set_kind (self, kind != NULL ? kind : COBALT_STEP_CUSTOM);
  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);
  return self;
}

CobaltChecklistStep *
cobalt_checklist_step_copy (CobaltChecklistStep *self)
{
  CobaltChecklistStep *copy;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP (self), NULL);

  copy = cobalt_checklist_step_new (self->kind, self->title, self->explanation);
  copy->person_id = self->person_id;
  copy->position = self->position;

  return copy;
}

void
cobalt_checklist_step_set_kind (CobaltChecklistStep *self,
                                const char          *kind)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_STEP (self));

  /* The kind is never NULL, so callers can compare it with g_str_equal(). */
  if (kind == NULL || *kind == '\0')
    kind = COBALT_STEP_CUSTOM;

  cobalt_set_str (&self->kind, kind);
}

gboolean
cobalt_checklist_step_validate (CobaltChecklistStep  *self,
                                GError              **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = g_strstrip (g_strdup (self->title != NULL ? self->title : ""));
  if (*title == '\0')
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID,
                           _("Every checklist step needs a title."));
      return FALSE;
    }

  if (!cobalt_checklist_step_kind_is_valid (self->kind))
    {
      g_set_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_INVALID,
                   _("“%s” is not a known kind of checklist step."), self->kind);
      return FALSE;
    }

  return TRUE;
}

const char * const *
cobalt_checklist_step_kinds (void)
{
  return builtin_kinds;
}

gboolean
cobalt_checklist_step_kind_is_valid (const char *kind)
{
  if (kind == NULL)
    return FALSE;

  return g_str_equal (kind, COBALT_STEP_CUSTOM) || find_builtin (kind) != NULL;
}

const char *
cobalt_checklist_step_kind_get_title (const char *kind)
{
  const BuiltinStep *builtin = find_builtin (kind);

  return builtin != NULL ? _(builtin->title) : NULL;
}

const char *
cobalt_checklist_step_kind_get_explanation (const char *kind)
{
  const BuiltinStep *builtin = find_builtin (kind);

  return builtin != NULL ? _(builtin->explanation) : NULL;
}

GListModel *
cobalt_checklist_default_steps (void)
{
  GListStore *store = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_steps); i++)
    {
      g_autoptr(CobaltChecklistStep) step = NULL;

      step = cobalt_checklist_step_new (builtin_steps[i].kind,
                                        _(builtin_steps[i].title),
                                        _(builtin_steps[i].explanation));
      step->position = i;
      g_list_store_append (store, step);
    }

  return G_LIST_MODEL (store);
}
