/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Time-zone names read from files (CSV import, /etc/timezone) and from the
 * database. GLib takes any identifier as a file name under the zone
 * database, or as a path when it starts with '/', and maps whatever it
 * names: /etc/passwd gave a GLib-CRITICAL and a fifo hung the import. So
 * a name is checked before GLib sees it, and nothing but the zone
 * database is ever opened for it:
 *
 * - "UTC";
 * - a fixed offset as GLib writes it: "+01:00", "-05:30", "+0530",
 *   "+01:00:00" (hours 0 to 23);
 * - an IANA name ("Europe/London", "America/Argentina/Buenos_Aires",
 *   "Etc/GMT+5"): at most 255 bytes of components separated by single
 *   '/', each of ASCII letters, digits, '.', '_', '-' and '+', not
 *   starting with '.', '-' or '+' (so neither "." nor ".."), not
 *   "localtime" or "posixrules"; and known to the system's zone database:
 *   $TZDIR (else /usr/share/zoneinfo) joined with the name resolves, links
 *   followed, to a regular file inside that folder whose first bytes are
 *   a TZif header (a fifo is never opened: only a regular file is).
 *
 * Validated names are remembered, so a log of 100 000 doses looks each
 * zone up once. */

/* TRUE when @identifier is valid by the rules above. */
gboolean    cobalt_time_zone_id_is_valid        (const char *identifier);

/* The zone @identifier names, or NULL (without a warning) when it is not
 * valid. */
GTimeZone  *cobalt_time_zone_new_checked        (const char *identifier);

/* For a zone read from the database: the zone @identifier names when it
 * is valid; a full path into a zone database, such as
 * "/usr/share/zoneinfo/Europe/Paris" (older versions stored what $TZ
 * said), as the name after "zoneinfo/"; anything else (NULL, "/etc/passwd",
 * "/etc/localtime", "../x") as the computer's own zone, opening no other
 * file. The instant itself is stored in UTC, so only the zone a dose is
 * shown in can change, never when it was given. Never NULL. */
GTimeZone  *cobalt_time_zone_new_stored         (const char *identifier);

/* The name to store for @identifier, the zone of @datetime: @identifier
 * itself when valid, the name after "zoneinfo/" of a zone database path,
 * else @datetime's UTC offset at that instant ("+01:00"), which gives
 * the same local time. Never NULL. */
char       *cobalt_time_zone_dup_id_for_storage (const char *identifier,
                                                 GDateTime  *datetime);

G_END_DECLS
