/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-record-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_CHECKIN (cobalt_checkin_get_type ())
G_DECLARE_FINAL_TYPE (CobaltCheckin, cobalt_checkin, COBALT, CHECKIN, GObject)

#define COBALT_CHECKIN_NOT_RECORDED (-1)

/* A wellbeing check-in. */
struct _CobaltCheckin
{
  GObject    parent_instance;

  gint64     id;
  gint64     person_id;
  GDateTime *at;
  /* By CobaltCheckinMeasure: 0–10, or COBALT_CHECKIN_NOT_RECORDED. */
  int        scores[COBALT_N_CHECKIN_MEASURES];
  char      *note;
};

/* All scores start not recorded. */
CobaltCheckin *cobalt_checkin_new                  (gint64     person_id,
                                                    GDateTime *at);

/* Generic access by measure, for charts. */
int            cobalt_checkin_get_score            (CobaltCheckin        *self,
                                                    CobaltCheckinMeasure  measure);
void           cobalt_checkin_set_score            (CobaltCheckin        *self,
                                                    CobaltCheckinMeasure  measure,
                                                    int                   score);
/* Translated "Energy", "Pins and needles", ... */
const char    *cobalt_checkin_measure_to_string    (CobaltCheckinMeasure  measure);

/* FALSE with COBALT_JOURNAL_ERROR_INVALID: a score outside -1..10, no time,
 * or nothing recorded at all (no score and no note). */
gboolean       cobalt_checkin_validate             (CobaltCheckin *self, GError **error);

G_END_DECLS
