/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-clock.h"
#include "cobalt-person.h"
#include "cobalt-prescription.h"
#include "cobalt-repository.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) export of a person's upcoming doses for the next
 * 12 months, so they appear in any calendar program.
 *
 * - Lines end with CRLF and are folded at 75 octets (never inside a UTF-8
 *   character); TEXT values escape backslash, semicolon, comma and newline.
 * - One VEVENT per projected dose (cobalt_schedule_project()). Its UID is
 *   derived from the person id and the due day only
 *   ("cobalt-dose-<person>-<YYYYMMDD>@cobaltb12.github.io"), so importing a
 *   newer export updates the events instead of duplicating them.
 * - DTSTART is the reminder time: with TZID and a VTIMEZONE (built from the
 *   zone's transitions around the exported year) when the zone has an IANA
 *   name, else in UTC. A VALARM (DISPLAY) fires at that time.
 * - An overdue dose is not exported: it is no longer "upcoming", and the
 *   clinic, not the calendar, says when to have it. */

/* The next 12 months from @now; "now" for DTSTAMP is @now as well. Returns
 * NULL with COBALT_EXPORT_ERROR_NO_PRESCRIPTION when @prescription is NULL. */
char     *cobalt_ical_build             (CobaltPerson       *person,
                                         CobaltPrescription *prescription,
                                         GPtrArray          *doses,
                                         GDateTime          *now,
                                         GError            **error);

/* Reads the person's prescription and doses and builds the calendar at
 * @clock's now, in @clock's zone. */
char     *cobalt_ical_export_to_string  (CobaltRepository *repository,
                                         gint64            person_id,
                                         CobaltClock      *clock,
                                         GError          **error);
/* The same written to @path (created 0600, replaced atomically). */
gboolean  cobalt_ical_export            (CobaltRepository *repository,
                                         gint64            person_id,
                                         CobaltClock      *clock,
                                         const char       *path,
                                         GError          **error);

/* Building blocks, public for the tests. */
/* @text as an RFC 5545 TEXT value: '\\', ';' and ',' escaped, line breaks
 * as "\n", other control characters (C0 but TAB, DEL, C1) left out, and a
 * broken UTF-8 sequence as U+FFFD. */
char     *cobalt_ical_escape_text       (const char *text);
/* Appends @line folded at 75 octets, then CRLF (invalid UTF-8 first made
 * valid, so a fold never reads past the end). */
void      cobalt_ical_append_line       (GString    *out,
                                         const char *line);

G_END_DECLS
