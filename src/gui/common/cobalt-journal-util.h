/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"

G_BEGIN_DECLS

/* Small helpers shared by the journal and supplies pages. */

/* Registers the journal resources' CSS (and the journey's, whose banners
 * the journal reuses) once. */
void         cobalt_journal_ensure_style        (void);

/* What the ends of a score's scale mean: "0 = none, 10 = exhausted". */
const char  *cobalt_journal_measure_scale_hint  (CobaltCheckinMeasure measure);

/* The local calendar day of @instant in @tz. */
void         cobalt_journal_local_day           (GDateTime   *instant,
                                                 GTimeZone   *tz,
                                                 GDate       *out);

/* "3 May 2025, 20:15": the day and time of @instant in @tz. */
char        *cobalt_journal_format_instant      (GDateTime   *instant,
                                                 GTimeZone   *tz);

/* "3 May 2025 – Left outer thigh": a dose by its local day and site. */
char        *cobalt_journal_describe_dose       (CobaltDose  *dose,
                                                 GTimeZone   *tz);

/* "3 May 2025"; "unknown date" for an invalid date. */
char        *cobalt_journal_format_date         (const GDate *date);

/* "(in range)"-style words for a lab value against the lab's range:
 * "Below the lab's range" etc.; never a colour alone. */
const char  *cobalt_journal_range_words         (CobaltLabRange range);

/* A value formatted for people: no trailing zeros ("148", "7.5"). */
char        *cobalt_journal_format_value        (double value);

/* The whole text of an editable (for entries and spin buttons) with
 * leading and trailing spaces removed. */
char        *cobalt_journal_entry_text          (GtkEditable *editable);

/* Parses a decimal number as typed ("148", "7.5", "7,5"); FALSE for
 * anything else. Empty text is FALSE with @empty set. */
gboolean     cobalt_journal_parse_number        (const char  *text,
                                                 double      *value,
                                                 gboolean    *empty);

G_END_DECLS
