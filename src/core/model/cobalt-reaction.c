/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-reaction.h"
#include "cobalt-person.h"
#include "cobalt-record-private.h"

struct _CobaltReaction
{
  GObject            parent_instance;

  gint64             id;
  gint64             person_id;
  gint64             dose_id;
  GDateTime         *noted_at;
  char              *kind;
  CobaltTriageLevel  level;
  char              *note;
};

G_DEFINE_FINAL_TYPE (CobaltReaction, cobalt_reaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_DOSE_ID,
  PROP_NOTED_AT,
  PROP_KIND,
  PROP_LEVEL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
cobalt_reaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltReaction *self = COBALT_REACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_DOSE_ID:
      g_value_set_int64 (value, self->dose_id);
      break;
    case PROP_NOTED_AT:
      g_value_set_boxed (value, self->noted_at);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltReaction *self = COBALT_REACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_reaction_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      cobalt_reaction_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_DOSE_ID:
      cobalt_reaction_set_dose_id (self, g_value_get_int64 (value));
      break;
    case PROP_NOTED_AT:
      cobalt_reaction_set_noted_at (self, g_value_get_boxed (value));
      break;
    case PROP_KIND:
      cobalt_reaction_set_kind (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      cobalt_reaction_set_level (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      cobalt_reaction_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reaction_class_init (CobaltReactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_reaction_finalize;
  object_class->get_property = cobalt_reaction_get_property;
  object_class->set_property = cobalt_reaction_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);
  properties[PROP_DOSE_ID] =
    g_param_spec_int64 ("dose-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NOTED_AT] =
    g_param_spec_boxed ("noted-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, COBALT_TYPE_TRIAGE_LEVEL,
                       COBALT_TRIAGE_MILD, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return g_object_new (COBALT_TYPE_REACTION,
                       "person-id", person_id,
                       "kind", kind,
                       "noted-at", noted_at,
                       NULL);
}

gint64
cobalt_reaction_get_id (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), 0);
  return self->id;
}

void
cobalt_reaction_set_id (CobaltReaction *self,
                        gint64          id)
{
  g_return_if_fail (COBALT_IS_REACTION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_reaction_get_person_id (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), 0);
  return self->person_id;
}

void
cobalt_reaction_set_person_id (CobaltReaction *self,
                               gint64          person_id)
{
  g_return_if_fail (COBALT_IS_REACTION (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
cobalt_reaction_get_dose_id (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), 0);
  return self->dose_id;
}

void
cobalt_reaction_set_dose_id (CobaltReaction *self,
                             gint64          dose_id)
{
  g_return_if_fail (COBALT_IS_REACTION (self));

  if (self->dose_id == dose_id)
    return;
  self->dose_id = dose_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSE_ID]);
}

GDateTime *
cobalt_reaction_get_noted_at (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), NULL);
  return self->noted_at;
}

void
cobalt_reaction_set_noted_at (CobaltReaction *self,
                              GDateTime      *noted_at)
{
  g_return_if_fail (COBALT_IS_REACTION (self));

  if (cobalt_record_set_date_time (&self->noted_at, noted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTED_AT]);
}

const char *
cobalt_reaction_get_kind (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), NULL);
  return self->kind;
}

void
cobalt_reaction_set_kind (CobaltReaction *self,
                          const char     *kind)
{
  const CobaltReactionKindInfo *info;

  g_return_if_fail (COBALT_IS_REACTION (self));

  if (!cobalt_record_set_str (&self->kind, kind))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  /* The level of a known sign is not the user's choice: it decides
   * whether Cobalt says "call for help now". */
  info = cobalt_reaction_catalogue_lookup (kind);
  if (info != NULL)
    cobalt_reaction_set_level (self, info->level);
  g_object_thaw_notify (G_OBJECT (self));
}

CobaltTriageLevel
cobalt_reaction_get_level (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), COBALT_TRIAGE_MILD);
  return self->level;
}

void
cobalt_reaction_set_level (CobaltReaction    *self,
                           CobaltTriageLevel  level)
{
  g_return_if_fail (COBALT_IS_REACTION (self));
  g_return_if_fail (level <= COBALT_TRIAGE_URGENT);

  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
cobalt_reaction_get_note (CobaltReaction *self)
{
  g_return_val_if_fail (COBALT_IS_REACTION (self), NULL);
  return self->note;
}

void
cobalt_reaction_set_note (CobaltReaction *self,
                          const char     *note)
{
  g_return_if_fail (COBALT_IS_REACTION (self));

  if (cobalt_record_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
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
