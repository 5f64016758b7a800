/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-record-types.h"

G_BEGIN_DECLS

/* The catalogue of reaction kinds with their triage level (CLINICAL.md
 * "Reactions and what to do"). Static data: pointers stay valid. */
typedef struct
{
  const char        *id;     /* "site-pain", stored in the database */
  CobaltTriageLevel  level;
  const char        *label;  /* untranslated; use cobalt_reaction_kind_get_label() */
} CobaltReactionKindInfo;

#define COBALT_REACTION_OTHER "other" /* free text in the note; level chosen by the user */

/* Most urgent first, then catalogue order within a level. */
guint                         cobalt_reaction_catalogue_get_n_kinds (void);
const CobaltReactionKindInfo *cobalt_reaction_catalogue_get_nth     (guint       position);
/* NULL for an unknown id (including "other"). */
const CobaltReactionKindInfo *cobalt_reaction_catalogue_lookup      (const char *id);
/* The translated labels of every sign of @level, in catalogue order,
 * separated by "; ": the one list the Stop page, the help panel and the
 * aftercare page show. */
char                         *cobalt_reaction_signs_of_level        (CobaltTriageLevel level);
/* Translated label; "Something else" for "other", NULL for unknown ids. */
const char                   *cobalt_reaction_kind_get_label        (const char *id);


#define COBALT_TYPE_REACTION (cobalt_reaction_get_type ())
G_DECLARE_FINAL_TYPE (CobaltReaction, cobalt_reaction, COBALT, REACTION, GObject)

/* A reaction noted after a dose (or on its own). */
struct _CobaltReaction
{
  GObject            parent_instance;

  gint64             id;
  gint64             person_id;
  gint64             dose_id;   /* 0 = not linked to a dose */
  GDateTime         *noted_at;
  char              *kind;      /* set with cobalt_reaction_set_kind() */
  CobaltTriageLevel  level;
  char              *note;
};

/* Level taken from the catalogue (MILD for "other"). */
CobaltReaction    *cobalt_reaction_new             (gint64      person_id,
                                                    const char *kind,
                                                    GDateTime  *noted_at);

/* A catalogue kind also sets the level to the catalogue's; set the level
 * after the kind when loading a stored row. */
void               cobalt_reaction_set_kind        (CobaltReaction *self, const char *kind);

/* Translated label of the kind. */
const char        *cobalt_reaction_get_label       (CobaltReaction *self);
/* FALSE with COBALT_JOURNAL_ERROR_INVALID: unknown kind, no time, "other"
 * without a note. */
gboolean           cobalt_reaction_validate        (CobaltReaction *self, GError **error);

G_END_DECLS
