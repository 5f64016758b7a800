/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-reaction.h"
#include "cobalt-person.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltReaction, cobalt_reaction, G_TYPE_OBJECT)

/* CLINICAL.md "Reactions and what to do", most urgent first. The urgent
 * signs are those of anaphylaxis; the contact-clinic ones of infection,
 * low potassium early in treatment, and neurological change. */
static const CobaltReactionKindInfo catalogue[] = {
  /* Urgent */
  { "face-swelling",        COBALT_TRIAGE_URGENT,         N_("Swelling of the throat, tongue, lips or face") },
  { "breathing-difficulty", COBALT_TRIAGE_URGENT,         N_("Difficulty breathing or swallowing") },
  { "wheezing",             COBALT_TRIAGE_URGENT,         N_("Wheezing") },
  { "faint-collapse",       COBALT_TRIAGE_URGENT,         N_("Feeling faint, confused, or collapsing") },
  { "hives-swelling",       COBALT_TRIAGE_URGENT,         N_("Widespread hives with swelling") },
  { "chest-pain",           COBALT_TRIAGE_URGENT,         N_("Chest pain or severe breathlessness") },
  /* Contact the clinic today */
  { "site-infection",       COBALT_TRIAGE_CONTACT_CLINIC, N_("Injection site hot, very painful, or swelling a lot or spreading") },
  { "fever",                COBALT_TRIAGE_CONTACT_CLINIC, N_("Fever") },
  { "bleeding",             COBALT_TRIAGE_CONTACT_CLINIC, N_("Bleeding that will not stop") },
  { "cramps-weakness",      COBALT_TRIAGE_CONTACT_CLINIC, N_("Muscle cramps, weakness or an irregular heartbeat") },
  { "hand-foot-swelling",   COBALT_TRIAGE_CONTACT_CLINIC, N_("Swelling of the hands or feet") },
  { "nerve-change",         COBALT_TRIAGE_CONTACT_CLINIC, N_("New or worse tingling, numbness or balance problems") },
  { "vision-change",        COBALT_TRIAGE_CONTACT_CLINIC, N_("A change in vision") },
  /* Mild */
  { "site-pain",            COBALT_TRIAGE_MILD,           N_("Pain at the injection site") },
  { "site-redness",         COBALT_TRIAGE_MILD,           N_("Redness at the injection site") },
  { "site-swelling",        COBALT_TRIAGE_MILD,           N_("Some swelling at the injection site") },
  { "site-itching",         COBALT_TRIAGE_MILD,           N_("Itching at the injection site") },
  { "bruise",               COBALT_TRIAGE_MILD,           N_("A small bruise") },
  { "nausea-diarrhoea",     COBALT_TRIAGE_MILD,           N_("Nausea or diarrhoea") },
  { "headache",             COBALT_TRIAGE_MILD,           N_("Mild headache") },
  { "rash",                 COBALT_TRIAGE_MILD,           N_("Short-lived rash or itching") },
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

const char *
cobalt_reaction_kind_get_label (const char *id)
{
  const CobaltReactionKindInfo *info;

  if (g_strcmp0 (id, COBALT_REACTION_OTHER) == 0)
    return _("Something else");

  info = cobalt_reaction_catalogue_lookup (id);
  return info != NULL ? _(info->label) : NULL;
}

const char *
cobalt_triage_level_to_string (CobaltTriageLevel level)
{
  switch (level)
    {
    case COBALT_TRIAGE_URGENT:
      return _("Urgent");
    case COBALT_TRIAGE_CONTACT_CLINIC:
      return _("Contact your clinic");
    case COBALT_TRIAGE_MILD:
      return _("Mild");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
cobalt_triage_advice (CobaltTriageLevel  level,
                      const char        *emergency_number,
                      const char        *clinic_phone)
{
  switch (level)
    {
    case COBALT_TRIAGE_URGENT:
      if (emergency_number == NULL || *emergency_number == '\0')
        emergency_number = cobalt_default_emergency_number ();
      /* Translators: %s is the emergency number, e.g. 999 or 112. */
      return g_strdup_printf (_("Call %s now. These can be signs of a serious allergic "
                                "reaction, which needs help straight away."),
                              emergency_number);

    case COBALT_TRIAGE_CONTACT_CLINIC:
      if (clinic_phone != NULL && *clinic_phone != '\0')
        /* Translators: %s is the clinic's phone number. */
        return g_strdup_printf (_("Contact your clinic today on %s. Tell them when you "
                                  "had your injection and what you noticed."),
                                clinic_phone);
      return g_strdup (_("Contact your clinic today. Tell them when you had your "
                         "injection and what you noticed."));

    case COBALT_TRIAGE_MILD:
      return g_strdup (_("This usually settles in a few days. Tell your clinic if it "
                         "gets worse or does not go away."));

    default:
      g_return_val_if_reached (NULL);
    }
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
