/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-checklist-step.h"
#include "cobalt-record.h"
#include "cobalt-clinical.h"

G_DEFINE_FINAL_TYPE (CobaltChecklistStep, cobalt_checklist_step, G_TYPE_OBJECT)

G_DEFINE_QUARK (cobalt-checklist-error-quark, cobalt_checklist_error)

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

  return g_str_equal (kind, COBALT_STEP_CUSTOM) || cobalt_clinical_step_title (kind) != NULL;
}

const char *
cobalt_checklist_step_kind_get_title (const char *kind)
{
  return cobalt_clinical_step_title (kind);
}

const char *
cobalt_checklist_step_kind_get_explanation (const char *kind)
{
  return cobalt_clinical_step_explanation (kind);
}

GListModel *
cobalt_checklist_default_steps (void)
{
  GListStore *store = g_list_store_new (COBALT_TYPE_CHECKLIST_STEP);

  for (guint i = 0; builtin_kinds[i] != NULL; i++)
    {
      g_autoptr(CobaltChecklistStep) step = NULL;

      step = cobalt_checklist_step_new (builtin_kinds[i],
                                        cobalt_clinical_step_title (builtin_kinds[i]),
                                        cobalt_clinical_step_explanation (builtin_kinds[i]));
      step->position = i;
      g_list_store_append (store, step);
    }

  return G_LIST_MODEL (store);
}
