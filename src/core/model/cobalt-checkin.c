/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-checkin.h"
#include "cobalt-record.h"

G_DEFINE_FINAL_TYPE (CobaltCheckin, cobalt_checkin, G_TYPE_OBJECT)

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
cobalt_checkin_class_init (CobaltCheckinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_checkin_finalize;
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
  CobaltCheckin *self = g_object_new (COBALT_TYPE_CHECKIN, NULL);

  self->person_id = person_id;
  cobalt_set_date_time (&self->at, at);
  return self;
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

  self->scores[measure] = score;
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
