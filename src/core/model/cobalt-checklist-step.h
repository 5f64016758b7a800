/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* Kinds of the built-in steps (DESIGN.md "Default checklist"). A step the
 * user added is "custom". The GUI treats three kinds specially: it shows the
 * batch expiry in CHECK_EXPIRY, embeds the site picker in CHOOSE_SITE and
 * the technique from the prescription in INJECT. */
#define COBALT_STEP_CONFIRM_MEDICINE "confirm-medicine"
#define COBALT_STEP_CHECK_EXPIRY     "check-expiry"
#define COBALT_STEP_CHECK_LIQUID     "check-liquid"
#define COBALT_STEP_SUPPLIES_READY   "supplies-ready"
#define COBALT_STEP_WASH_HANDS       "wash-hands"
#define COBALT_STEP_CHOOSE_SITE      "choose-site"
#define COBALT_STEP_DRAW_UP          "draw-up"
#define COBALT_STEP_POSITION         "position"
#define COBALT_STEP_INJECT           "inject"
#define COBALT_STEP_AFTERCARE        "aftercare"
#define COBALT_STEP_CUSTOM           "custom"

#define COBALT_TYPE_CHECKLIST_STEP (cobalt_checklist_step_get_type ())
G_DECLARE_FINAL_TYPE (CobaltChecklistStep, cobalt_checklist_step, COBALT, CHECKLIST_STEP, GObject)

/* One step of a person's checklist definition. */
struct _CobaltChecklistStep
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  guint    position;     /* 0-based order */
  char    *kind;         /* never NULL: set with cobalt_checklist_step_set_kind() */
  char    *title;
  char    *explanation; /* may be NULL */
};

/* @kind: a built-in kind or COBALT_STEP_CUSTOM (NULL means custom). */
CobaltChecklistStep *cobalt_checklist_step_new             (const char *kind,
                                                            const char *title,
                                                            const char *explanation);
/* A copy with id 0 (unsaved). */
CobaltChecklistStep *cobalt_checklist_step_copy            (CobaltChecklistStep *self);
void                 cobalt_checklist_step_set_kind        (CobaltChecklistStep *self, const char *kind);

/* FALSE with COBALT_CHECKLIST_ERROR_INVALID for an empty title or an
 * unknown kind. */
gboolean             cobalt_checklist_step_validate        (CobaltChecklistStep *self,
                                                            GError             **error);

/* The built-in kinds in default order (without "custom"), NULL-terminated. */
const char * const  *cobalt_checklist_step_kinds           (void);
/* TRUE for a built-in kind or "custom". */
gboolean             cobalt_checklist_step_kind_is_valid   (const char *kind);
/* Default translated title / explanation of a built-in kind; NULL for
 * "custom" or an unknown kind. */
const char          *cobalt_checklist_step_kind_get_title       (const char *kind);
const char          *cobalt_checklist_step_kind_get_explanation (const char *kind);

/* The 10 default steps (new objects, id 0, positions 0..9, person 0) as a
 * GListModel of CobaltChecklistStep. */
GListModel          *cobalt_checklist_default_steps        (void);

#define COBALT_CHECKLIST_ERROR (cobalt_checklist_error_quark ())
typedef enum
{
  COBALT_CHECKLIST_ERROR_INVALID,      /* a step definition a form must refuse */
  COBALT_CHECKLIST_ERROR_CLOSED,       /* the run is finished or aborted */
  COBALT_CHECKLIST_ERROR_BAD_STEP,     /* index out of range or not reached yet */
  COBALT_CHECKLIST_ERROR_NOT_TICKED,   /* next/finish before the step(s) are ticked */
  COBALT_CHECKLIST_ERROR_AT_START,     /* go back from the first step */
  COBALT_CHECKLIST_ERROR_AT_END,       /* go next from the last step */
  COBALT_CHECKLIST_ERROR_EXPIRED,      /* tick the expiry step of an expired batch (no override) */
} CobaltChecklistError;
GQuark               cobalt_checklist_error_quark          (void);

G_END_DECLS
