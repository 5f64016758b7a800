/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-reaction.h"
#include "cobalt-person.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltReaction, cobalt_reaction, G_TYPE_OBJECT)

/* docs/clinical-sources.md "Reactions and what to do", most urgent first.
 * The emergency signs are those of anaphylaxis; widespread hives on their
 * own and severe, quickly worsening pain at the site need urgent advice
 * (never lower: the seed's own wording); the contact-clinic ones are
 * infection, low potassium early in treatment, and neurological change.
 * Ids are stored: "hives-swelling" keeps its id, its level moved from
 * emergency to urgent advice in version 4 of the schema. */
static const CobaltReactionKindInfo catalogue[] = {
  /* Emergency */
  { "face-swelling",        COBALT_TRIAGE_EMERGENCY,      N_("Swelling of the throat, tongue, lips or face") },
  { "breathing-difficulty", COBALT_TRIAGE_EMERGENCY,      N_("Difficulty breathing or swallowing") },
  { "wheezing",             COBALT_TRIAGE_EMERGENCY,      N_("Wheezing") },
  { "faint-collapse",       COBALT_TRIAGE_EMERGENCY,      N_("Feeling faint, confused, or collapsing") },
  { "chest-pain",           COBALT_TRIAGE_EMERGENCY,      N_("Chest pain or severe breathlessness") },
  /* Urgent advice now */
  { "hives-swelling",       COBALT_TRIAGE_URGENT_ADVICE,  N_("Widespread hives or rash, with or without swelling of the skin") },
  { "severe-site-pain",     COBALT_TRIAGE_URGENT_ADVICE,  N_("Severe pain at the injection site that is getting worse quickly") },
  /* Contact the clinic today */
  { "site-infection",       COBALT_TRIAGE_CONTACT_CLINIC,  N_("Injection site hot, very painful, or swelling a lot or spreading") },
  { "fever",                COBALT_TRIAGE_CONTACT_CLINIC,  N_("Fever") },
  { "bleeding",             COBALT_TRIAGE_CONTACT_CLINIC,  N_("Bleeding that will not stop") },
  { "cramps-weakness",      COBALT_TRIAGE_CONTACT_CLINIC,  N_("Muscle cramps, weakness or an irregular heartbeat") },
  { "hand-foot-swelling",   COBALT_TRIAGE_CONTACT_CLINIC,  N_("Swelling of the hands or feet") },
  { "nerve-change",         COBALT_TRIAGE_CONTACT_CLINIC,  N_("New or worse tingling, numbness or balance problems") },
  { "vision-change",        COBALT_TRIAGE_CONTACT_CLINIC,  N_("A change in vision") },
  /* Mild */
  { "site-pain",            COBALT_TRIAGE_MILD,            N_("Pain at the injection site") },
  { "site-redness",         COBALT_TRIAGE_MILD,            N_("Redness at the injection site") },
  { "site-swelling",        COBALT_TRIAGE_MILD,            N_("Some swelling at the injection site") },
  { "site-itching",         COBALT_TRIAGE_MILD,            N_("Itching at the injection site") },
  { "bruise",               COBALT_TRIAGE_MILD,            N_("A small bruise") },
  { "nausea-diarrhoea",     COBALT_TRIAGE_MILD,            N_("Nausea or diarrhoea") },
  { "headache",             COBALT_TRIAGE_MILD,            N_("Mild headache") },
  { "rash",                 COBALT_TRIAGE_MILD,            N_("Short-lived rash or itching") },
};

static void
cobalt_reaction_finalize (GObject *object)
{
  CobaltReaction *self = (CobaltReaction *)object;

  g_clear_pointer (&self->noted_at, g_date_time_unref);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cobalt_reaction_parent_class)->finalize (object);
}

static void
cobalt_reaction_class_init (CobaltReactionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_reaction_finalize;
}

static void
cobalt_reaction_init (CobaltReaction *self)
{
  self->level = COBALT_TRIAGE_MILD;
}

guint
cobalt_reaction_catalogue_get_n_kinds (void)
{
  return G_N_ELEMENTS (catalogue);
}

const CobaltReactionKindInfo *
cobalt_reaction_catalogue_get_nth (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (catalogue), NULL);
  return &catalogue[position];
}

const CobaltReactionKindInfo *
cobalt_reaction_catalogue_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (g_str_equal (catalogue[i].id, id))
      return &catalogue[i];

  return NULL;
}

char *
cobalt_reaction_signs_of_level (CobaltTriageLevel level)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      if (catalogue[i].level != level)
        continue;
      if (text->len > 0)
        /* Translators: between two signs in a list ("Wheezing; Fever") */
        g_string_append (text, _("; "));
      g_string_append (text, _(catalogue[i].label));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
cobalt_reaction_kind_get_label (const char *id)
{
  const CobaltReactionKindInfo *info;

  if (g_strcmp0 (id, COBALT_REACTION_OTHER) == 0)
    return _("Something else");

  info = cobalt_reaction_catalogue_lookup (id);
  return info != NULL ? _(info->label) : NULL;
}

CobaltReaction *
cobalt_reaction_new (gint64      person_id,
                     const char *kind,
                     GDateTime  *noted_at)
{
  CobaltReaction *self = g_object_new (COBALT_TYPE_REACTION, NULL);

  self->person_id = person_id;
  cobalt_reaction_set_kind (self, kind);
  cobalt_set_date_time (&self->noted_at, noted_at);
  return self;
}

void
cobalt_reaction_set_kind (CobaltReaction *self,
                          const char     *kind)
{
  const CobaltReactionKindInfo *info;

  g_return_if_fail (COBALT_IS_REACTION (self));

  if (!cobalt_set_str (&self->kind, kind))
    return;
  /* The level of a known sign is not the user's choice: it decides
   * whether Cobalt says "call for help now". */
  info = cobalt_reaction_catalogue_lookup (kind);
  if (info != NULL)
    self->level = info->level;
}

const char *
cobalt_reaction_get_label (CobaltReaction *self)
{
  const char *label;

  g_return_val_if_fail (COBALT_IS_REACTION (self), NULL);

  label = cobalt_reaction_kind_get_label (self->kind);
  /* A kind from a newer Cobalt still shows something. */
  return label != NULL ? label : self->kind;
}

gboolean
cobalt_reaction_validate (CobaltReaction  *self,
                          GError         **error)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->noted_at == NULL)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("Say when you noticed the reaction."));
      return FALSE;
    }

  if (g_strcmp0 (self->kind, COBALT_REACTION_OTHER) == 0)
    {
      g_autofree char *note = g_strstrip (g_strdup (self->note != NULL ? self->note : ""));

      if (*note == '\0')
        {
          g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                               _("Describe the reaction in the note."));
          return FALSE;
        }
      return TRUE;
    }

  if (cobalt_reaction_catalogue_lookup (self->kind) == NULL)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("Choose what kind of reaction it was."));
      return FALSE;
    }

  return TRUE;
}
