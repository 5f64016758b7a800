/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-phase.h"

G_DEFINE_BOXED_TYPE (CobaltPhase, cobalt_phase, cobalt_phase_copy, cobalt_phase_free)

static char *
describe_interval (const CobaltPhase *phase)
{
  guint n = phase->interval;

  switch (phase->unit)
    {
    case COBALT_INTERVAL_DAYS:
      if (n == 1)
        return g_strdup (_("Every day"));
      if (n == 2)
        return g_strdup (_("Every other day"));
      return g_strdup_printf (ngettext ("Every %u day", "Every %u days", n), n);

    case COBALT_INTERVAL_WEEKS:
      if (n == 1)
        return g_strdup (_("Every week"));
      return g_strdup_printf (ngettext ("Every %u week", "Every %u weeks", n), n);

    case COBALT_INTERVAL_MONTHS:
      if (n == 1)
        return g_strdup (_("Every month"));
      return g_strdup_printf (ngettext ("Every %u month", "Every %u months", n), n);

    case COBALT_INTERVAL_TIMES_PER_WEEK:
      if (n == 1)
        return g_strdup (_("Once a week"));
      return g_strdup_printf (ngettext ("%u time a week", "%u times a week", n), n);

    default:
      g_return_val_if_reached (g_strdup ("?"));
    }
}

static char *
describe_end (const CobaltPhase *phase)
{
  guint k = phase->end_value;

  switch (phase->end)
    {
    case COBALT_PHASE_END_OPEN:
      return g_strdup (_("until the clinic changes it"));

    case COBALT_PHASE_END_AFTER_DOSES:
      return g_strdup_printf (ngettext ("for %u dose", "for %u doses", k), k);

    case COBALT_PHASE_END_AFTER_DAYS:
      if (k % 7 == 0 && k > 0)
        return g_strdup_printf (ngettext ("for %u week", "for %u weeks", k / 7), k / 7);
      return g_strdup_printf (ngettext ("for %u day", "for %u days", k), k);

    default:
      g_return_val_if_reached (g_strdup ("?"));
    }
}

CobaltPhase *
cobalt_phase_new (CobaltIntervalUnit unit,
                  guint              interval,
                  CobaltPhaseEnd     end,
                  guint              end_value,
                  const char        *label)
{
  CobaltPhase *phase = g_new0 (CobaltPhase, 1);

  phase->unit = unit;
  phase->interval = interval;
  phase->end = end;
  phase->end_value = end == COBALT_PHASE_END_OPEN ? 0 : end_value;
  phase->amount = 0;
  phase->label = g_strdup (label);

  return phase;
}

CobaltPhase *
cobalt_phase_copy (const CobaltPhase *phase)
{
  CobaltPhase *copy;

  g_return_val_if_fail (phase != NULL, NULL);

  copy = g_memdup2 (phase, sizeof *phase);
  copy->label = g_strdup (phase->label);

  return copy;
}

void
cobalt_phase_free (CobaltPhase *phase)
{
  if (phase == NULL)
    return;

  g_free (phase->label);
  g_free (phase);
}

gboolean
cobalt_phase_equal (const CobaltPhase *a,
                    const CobaltPhase *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->unit == b->unit &&
         a->interval == b->interval &&
         a->end == b->end &&
         (a->end == COBALT_PHASE_END_OPEN || a->end_value == b->end_value) &&
         a->amount == b->amount &&
         g_strcmp0 (a->label, b->label) == 0;
}

char *
cobalt_phase_describe (const CobaltPhase *phase)
{
  g_autofree char *interval = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (phase != NULL, NULL);

  interval = describe_interval (phase);
  end = describe_end (phase);

  /* TRANSLATORS: "Every 3 months, until the clinic changes it",
   * "3 times a week, for 6 doses" */
  return g_strdup_printf (C_("phase", "%s, %s"), interval, end);
}
