/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The catalogue's sentences about the person's own records shown to the
 * clinic: the lab-timing mark and the symptom-return evidence. Each names
 * its section of docs/clinical-sources.md. Neither is advice: the mark
 * states a timing, the evidence a pattern to discuss with the clinic. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-clinical.h"
#include "cobalt-lab-timing.h"
#include "cobalt-symptom-evidence.h"

/* Sources: "Lab values". */
char *
cobalt_clinical_lab_taken_after_injection (int days)
{
  if (days < 0 || days > COBALT_LAB_TIMING_WINDOW_DAYS)
    return NULL;
  if (days == 0)
    return g_strdup (_("Taken on the day of an injection"));

  /* Translators: a lab result's mark; %d is a number of days (1–14). */
  return g_strdup_printf (ngettext ("Taken %d day after an injection",
                                    "Taken %d days after an injection", days),
                          days);
}

/* Sources: "Symptom return". */
char *
cobalt_clinical_symptom_return_summary (const char *measure_name,
                                        guint       n_returned,
                                        guint       n_observed,
                                        int         median_day)
{
  g_return_val_if_fail (measure_name != NULL, NULL);
  g_return_val_if_fail (median_day >= 0, NULL);
  g_return_val_if_fail (n_returned <= n_observed, NULL);

  /* Translators: %1$s is a wellbeing score ("Energy"); %2$u of %3$u dose
   * cycles; %4$d points worse; its best of the first %5$d days; %6$d the
   * day after the dose. Never word it as advice. */
  return g_strdup_printf (ngettext ("%1$s: in %2$u of %3$u dose cycle, the score was first recorded at least "
                                    "%4$d points worse than its best of the first %5$d days after the dose "
                                    "on day %6$d after the dose (the median of those cycles). "
                                    "Something to discuss with the clinic.",
                                    "%1$s: in %2$u of %3$u dose cycles, the score was first recorded at least "
                                    "%4$d points worse than its best of the first %5$d days after the dose "
                                    "on day %6$d after the dose (the median of those cycles). "
                                    "Something to discuss with the clinic.",
                                    n_observed),
                          measure_name, n_returned, n_observed,
                          COBALT_SYMPTOM_RETURN_DROP, COBALT_SYMPTOM_RETURN_BEST_DAYS, median_day);
}

/* Sources: "Symptom return". */
char *
cobalt_clinical_symptom_return_rule (void)
{
  /* Translators: the rule behind the symptom-return day, for help text
   * and exports. %1$d days, %2$d points, %3$d cycles. */
  return g_strdup_printf (_("Each dose cycle runs from one injection to the next; day 0 is the day of the "
                            "injection. For each cycle, Cobalt takes the best score of days 0 to %1$d, "
                            "then the first later check-in at least %2$d points worse than it. The day shown "
                            "is the median of those days over the cycles in which that happened, once it "
                            "happened in at least %3$d cycles. With check-ins far apart, it is the day the "
                            "change was first recorded."),
                          COBALT_SYMPTOM_RETURN_BEST_DAYS, COBALT_SYMPTOM_RETURN_DROP,
                          COBALT_SYMPTOM_RETURN_MIN_CYCLES);
}
