/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-checkin.h"
#include "cobalt-record-private.h"

struct _CobaltCheckin
{
  GObject    parent_instance;

  gint64     id;
  gint64     person_id;
  GDateTime *at;
  int        scores[COBALT_N_CHECKIN_MEASURES];
  char      *note;
};

G_DEFINE_FINAL_TYPE (CobaltCheckin, cobalt_checkin, G_TYPE_OBJECT)

/* The score properties follow the order of CobaltCheckinMeasure, so that
 * PROP_ENERGY + measure is the measure's property. */
enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_AT,
  PROP_ENERGY,
  PROP_MOOD,
  PROP_FATIGUE,
  PROP_PINS_AND_NEEDLES,
  PROP_MEMORY,
  PROP_NOTE,
  N_PROPS
};

G_STATIC_ASSERT (PROP_MEMORY - PROP_ENERGY == COBALT_CHECKIN_MEMORY);

static GParamSpec *properties[N_PROPS];

#define MAX_SCORE 10

static void
cobalt_checkin_finalize (GObject *object)
{
  CobaltCheckin *self = (CobaltCheckin *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (cobalt_checkin_parent_class)->finalize (object);
}

static void
cobalt_checkin_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CobaltCheckin *self = COBALT_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    case PROP_ENERGY:
    case PROP_MOOD:
    case PROP_FATIGUE:
    case PROP_PINS_AND_NEEDLES:
    case PROP_MEMORY:
      g_value_set_int (value, self->scores[prop_id - PROP_ENERGY]);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checkin_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CobaltCheckin *self = COBALT_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_checkin_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      cobalt_checkin_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_AT:
      cobalt_checkin_set_at (self, g_value_get_boxed (value));
      break;
    case PROP_ENERGY:
    case PROP_MOOD:
    case PROP_FATIGUE:
    case PROP_PINS_AND_NEEDLES:
    case PROP_MEMORY:
      cobalt_checkin_set_score (self, prop_id - PROP_ENERGY, g_value_get_int (value));
      break;
    case PROP_NOTE:
      cobalt_checkin_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checkin_class_init (CobaltCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;
  static const char * const score_names[] = {
    "energy", "mood", "fatigue", "pins-and-needles", "memory",
  };

  object_class->finalize = cobalt_checkin_finalize;
  object_class->get_property = cobalt_checkin_get_property;
  object_class->set_property = cobalt_checkin_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  /* The property range is wider than 0–10 on purpose: a form hands in
   * what was typed and validate() explains the refusal, where a pspec
   * range would only print a warning. */
  for (guint i = 0; i < G_N_ELEMENTS (score_names); i++)
    properties[PROP_ENERGY + i] =
      g_param_spec_int (score_names[i], NULL, NULL,
                        G_MININT, G_MAXINT, COBALT_CHECKIN_NOT_RECORDED, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_checkin_init (CobaltCheckin *self)
{
  for (guint i = 0; i < COBALT_N_CHECKIN_MEASURES; i++)
    self->scores[i] = COBALT_CHECKIN_NOT_RECORDED;
}

CobaltCheckin *
cobalt_checkin_new (gint64     person_id,
                    GDateTime *at)
{
  return g_object_new (COBALT_TYPE_CHECKIN,
                       "person-id", person_id,
                       "at", at,
                       NULL);
}

gint64
cobalt_checkin_get_id (CobaltCheckin *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN (self), 0);
  return self->id;
}

void
cobalt_checkin_set_id (CobaltCheckin *self,
                       gint64         id)
{
  g_return_if_fail (COBALT_IS_CHECKIN (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_checkin_get_person_id (CobaltCheckin *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN (self), 0);
  return self->person_id;
}

void
cobalt_checkin_set_person_id (CobaltCheckin *self,
                              gint64         person_id)
{
  g_return_if_fail (COBALT_IS_CHECKIN (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

GDateTime *
cobalt_checkin_get_at (CobaltCheckin *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN (self), NULL);
  return self->at;
}

void
cobalt_checkin_set_at (CobaltCheckin *self,
                       GDateTime     *at)
{
  g_return_if_fail (COBALT_IS_CHECKIN (self));

  if (cobalt_record_set_date_time (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

int
cobalt_checkin_get_score (CobaltCheckin        *self,
                          CobaltCheckinMeasure  measure)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN (self), COBALT_CHECKIN_NOT_RECORDED);
  g_return_val_if_fail (measure < COBALT_N_CHECKIN_MEASURES, COBALT_CHECKIN_NOT_RECORDED);

  return self->scores[measure];
}

void
cobalt_checkin_set_score (CobaltCheckin        *self,
                          CobaltCheckinMeasure  measure,
                          int                   score)
{
  g_return_if_fail (COBALT_IS_CHECKIN (self));
  g_return_if_fail (measure < COBALT_N_CHECKIN_MEASURES);

  if (self->scores[measure] == score)
    return;
  self->scores[measure] = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENERGY + measure]);
}

int
cobalt_checkin_get_energy (CobaltCheckin *self)
{
  return cobalt_checkin_get_score (self, COBALT_CHECKIN_ENERGY);
}

void
cobalt_checkin_set_energy (CobaltCheckin *self,
                           int            score)
{
  cobalt_checkin_set_score (self, COBALT_CHECKIN_ENERGY, score);
}

int
cobalt_checkin_get_mood (CobaltCheckin *self)
{
  return cobalt_checkin_get_score (self, COBALT_CHECKIN_MOOD);
}

void
cobalt_checkin_set_mood (CobaltCheckin *self,
                         int            score)
{
  cobalt_checkin_set_score (self, COBALT_CHECKIN_MOOD, score);
}

int
cobalt_checkin_get_fatigue (CobaltCheckin *self)
{
  return cobalt_checkin_get_score (self, COBALT_CHECKIN_FATIGUE);
}

void
cobalt_checkin_set_fatigue (CobaltCheckin *self,
                            int            score)
{
  cobalt_checkin_set_score (self, COBALT_CHECKIN_FATIGUE, score);
}

int
cobalt_checkin_get_pins_and_needles (CobaltCheckin *self)
{
  return cobalt_checkin_get_score (self, COBALT_CHECKIN_PINS_AND_NEEDLES);
}

void
cobalt_checkin_set_pins_and_needles (CobaltCheckin *self,
                                     int            score)
{
  cobalt_checkin_set_score (self, COBALT_CHECKIN_PINS_AND_NEEDLES, score);
}

int
cobalt_checkin_get_memory (CobaltCheckin *self)
{
  return cobalt_checkin_get_score (self, COBALT_CHECKIN_MEMORY);
}

void
cobalt_checkin_set_memory (CobaltCheckin *self,
                           int            score)
{
  cobalt_checkin_set_score (self, COBALT_CHECKIN_MEMORY, score);
}

const char *
cobalt_checkin_get_note (CobaltCheckin *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKIN (self), NULL);
  return self->note;
}

void
cobalt_checkin_set_note (CobaltCheckin *self,
                         const char    *note)
{
  g_return_if_fail (COBALT_IS_CHECKIN (self));

  if (cobalt_record_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
cobalt_checkin_measure_to_string (CobaltCheckinMeasure measure)
{
  switch (measure)
    {
    case COBALT_CHECKIN_ENERGY:
      return _("Energy");
    case COBALT_CHECKIN_MOOD:
      return _("Mood");
    case COBALT_CHECKIN_FATIGUE:
      return _("Fatigue");
    case COBALT_CHECKIN_PINS_AND_NEEDLES:
      return _("Pins and needles");
    case COBALT_CHECKIN_MEMORY:
      return _("Memory and concentration");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cobalt_checkin_validate (CobaltCheckin  *self,
                         GError        **error)
{
  gboolean any = FALSE;

  g_return_val_if_fail (COBALT_IS_CHECKIN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->at == NULL)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                           _("Say when this check-in was."));
      return FALSE;
    }

  for (guint i = 0; i < COBALT_N_CHECKIN_MEASURES; i++)
    {
      int score = self->scores[i];

      if (score == COBALT_CHECKIN_NOT_RECORDED)
        continue;

      if (score < 0 || score > MAX_SCORE)
        {
          g_set_error (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                       /* Translators: %s is a measure such as "Energy". */
                       _("%s must be a score from 0 to 10."),
                       cobalt_checkin_measure_to_string (i));
          return FALSE;
        }
      any = TRUE;
    }

  if (!any)
    {
      g_autofree char *note = g_strstrip (g_strdup (self->note != NULL ? self->note : ""));

      if (*note == '\0')
        {
          g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID,
                               _("Give at least one score or write a note."));
          return FALSE;
        }
    }

  return TRUE;
}
