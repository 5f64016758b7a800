/* SPDX-License-Identifier: GPL-3.0-or-later */
/* iCalendar export of upcoming doses; the format is described in
 * cobalt-ical.h. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-ical.h"
#include "cobalt-export.h"
#include "cobalt-clinical.h"
#include "cobalt-schedule.h"

/* Enough for 12 months of the densest schedule (daily). */
#define MAX_PROJECTED 400
#define UID_DOMAIN    "cobaltb12.github.io"

/* Static helpers ------------------------------------------------------- */

static gboolean
zone_has_iana_name (GTimeZone *tz)
{
  const char *id = g_time_zone_get_identifier (tz);

  /* "Europe/London" yes; "UTC", "Local", "+01:00" no: a TZID must name a
   * zone other programs know. */
  return id != NULL && strchr (id, '/') != NULL;
}

static void
append_prop (GString    *out,
             const char *name,
             const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  cobalt_ical_append_line (out, line);
}

static void
append_text_prop (GString    *out,
                  const char *name,
                  const char *text)
{
  g_autofree char *escaped = cobalt_ical_escape_text (text);

  append_prop (out, name, escaped);
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static char *
format_offset (gint32 offset)
{
  int minutes = ABS (offset) / 60;

  return g_strdup_printf ("%c%02d%02d", offset < 0 ? '-' : '+', minutes / 60, minutes % 60);
}

/* Interval of @tz at the UTC instant @t (seconds). */
static int
interval_at (GTimeZone *tz,
             gint64     t)
{
  gint64 local = t;

  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, local);
}

static void
append_observance (GString    *out,
                   GTimeZone  *tz,
                   int         interval,
                   gint32      offset_from,
                   gint64      onset_utc)
{
  gint32 offset_to = g_time_zone_get_offset (tz, interval);
  const char *kind = g_time_zone_is_dst (tz, interval) ? "DAYLIGHT" : "STANDARD";
  g_autoptr(GDateTime) onset = g_date_time_new_from_unix_utc (onset_utc + offset_from);
  g_autofree char *start = g_date_time_format (onset, "%Y%m%dT%H%M%S");
  g_autofree char *from = format_offset (offset_from);
  g_autofree char *to = format_offset (offset_to);
  const char *abbrev = g_time_zone_get_abbreviation (tz, interval);

  append_prop (out, "BEGIN", kind);
  /* DTSTART of an observance is the local time before the change. */
  append_prop (out, "DTSTART", start);
  append_prop (out, "TZOFFSETFROM", from);
  append_prop (out, "TZOFFSETTO", to);
  if (abbrev != NULL && *abbrev != '\0')
    append_text_prop (out, "TZNAME", abbrev);
  append_prop (out, "END", kind);
}

/* A VTIMEZONE listing each transition of @tz between @from and @to (UTC
 * seconds) as its own observance: exact for the exported period, without
 * guessing the zone's recurrence rules. */
static void
append_vtimezone (GString   *out,
                  GTimeZone *tz,
                  gint64     from,
                  gint64     to)
{
  int current = interval_at (tz, from);

  append_prop (out, "BEGIN", "VTIMEZONE");
  append_prop (out, "TZID", g_time_zone_get_identifier (tz));
  append_observance (out, tz, current, g_time_zone_get_offset (tz, current), from);

  for (gint64 t = from; t < to; t += 6 * 3600)
    {
      int next = interval_at (tz, t + 6 * 3600);

      if (next != current &&
          g_time_zone_get_offset (tz, next) != g_time_zone_get_offset (tz, current))
        {
          gint64 lo = t, hi = t + 6 * 3600;

          /* The change is in (lo, hi]: find the exact second. */
          while (hi - lo > 1)
            {
              gint64 mid = lo + (hi - lo) / 2;

              if (interval_at (tz, mid) == current)
                lo = mid;
              else
                hi = mid;
            }
          append_observance (out, tz, next, g_time_zone_get_offset (tz, current), hi);
        }
      current = next;
    }

  append_prop (out, "END", "VTIMEZONE");
}

/* Different phases may have different amounts; only then does each event
 * need the schedule engine's phase of that dose. */
static gboolean
amount_varies (CobaltPrescription *prescription)
{
  GPtrArray *phases = prescription->phases;

  for (guint i = 1; phases != NULL && i < phases->len; i++)
    if (cobalt_prescription_get_phase_amount (prescription, i) !=
        cobalt_prescription_get_phase_amount (prescription, 0))
      return TRUE;
  return FALSE;
}

static void
append_event (GString            *out,
              CobaltPerson       *person,
              CobaltPrescription *prescription,
              GDateTime          *due_at,
              guint               phase_index,
              const char         *dtstamp,
              gboolean            with_tzid)
{
  g_autofree char *uid = NULL;
  g_autofree char *day = g_date_time_format (due_at, "%Y%m%d");
  g_autofree char *dose_text = cobalt_prescription_describe_dose (prescription, phase_index);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *alarm_text = NULL;
  g_autofree char *missed = NULL;
  const char *phone = person->clinic_phone;

  uid = g_strdup_printf ("cobalt-dose-%" G_GINT64_FORMAT "-%s@" UID_DOMAIN,
                         person->id, day);
  /* Translators: calendar event title: person's name, then "1 mg hydroxocobalamin". */
  summary = g_strdup_printf (_("B12 injection for %s: %s"),
                             person->name, dose_text);
  missed = cobalt_clinical_missed_dose (phone);
  description = g_strconcat (cobalt_clinical_follow_clinic (), " ", missed, NULL);
  alarm_text = g_strdup_printf (_("B12 injection due for %s"), person->name);

  append_prop (out, "BEGIN", "VEVENT");
  append_prop (out, "UID", uid);
  append_prop (out, "DTSTAMP", dtstamp);
  if (with_tzid)
    {
      g_autofree char *name = g_strdup_printf ("DTSTART;TZID=%s",
                                               g_time_zone_get_identifier (g_date_time_get_timezone (due_at)));
      g_autofree char *local = g_date_time_format (due_at, "%Y%m%dT%H%M%S");

      append_prop (out, name, local);
    }
  else
    {
      g_autofree char *utc = format_utc (due_at);

      append_prop (out, "DTSTART", utc);
    }
  append_prop (out, "DURATION", "PT15M");
  append_text_prop (out, "SUMMARY", summary);
  append_text_prop (out, "DESCRIPTION", description);
  append_prop (out, "CATEGORIES", "MEDICATION");
  append_prop (out, "TRANSP", "TRANSPARENT");
  append_prop (out, "BEGIN", "VALARM");
  append_prop (out, "ACTION", "DISPLAY");
  append_text_prop (out, "DESCRIPTION", alarm_text);
  /* DTSTART already is the reminder time of day. */
  append_prop (out, "TRIGGER;RELATED=START", "PT0S");
  append_prop (out, "END", "VALARM");
  append_prop (out, "END", "VEVENT");
}

/* Public API ------------------------------------------------------------ */

char *
cobalt_ical_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Text may come from a damaged or hand-edited file: a broken UTF-8
   * sequence becomes U+FFFD before anything walks it. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';':  g_string_append (out, "\\;"); break;
        case ',':  g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\t': g_string_append_c (out, '\t'); break;
        default:
          /* RFC 5545 3.3.11 allows no other control character (C0 and
           * DEL); the C1 ones (U+0080 to U+009F) are left out as well. */
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            break;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

void
cobalt_ical_append_line (GString    *out,
                         const char *line)
{
  g_autofree char *valid = NULL;
  gsize used = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  /* g_utf8_next_char() trusts the lead byte: on a sequence cut short at
   * the end it would step past the terminating NUL. */
  if (!g_utf8_validate (line, -1, NULL))
    line = valid = g_utf8_make_valid (line, -1);

  for (const char *p = line; *p; )
    {
      const char *next = g_utf8_next_char (p);
      gsize n = next - p;

      /* 75 octets per physical line; a continuation line's leading space
       * counts. Never split a UTF-8 sequence. */
      if (used + n > 75)
        {
          g_string_append (out, "\r\n ");
          used = 1;
        }
      g_string_append_len (out, p, n);
      used += n;
      p = next;
    }
  g_string_append (out, "\r\n");
}

char *
cobalt_ical_build (CobaltPerson       *person,
                   CobaltPrescription *prescription,
                   GPtrArray          *doses,
                   GDateTime          *now,
                   GError            **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) projected = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) horizon = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *dtstamp = NULL;
  g_autofree char *calname = NULL;
  GTimeZone *tz;
  gboolean with_tzid;
  gboolean varies;

  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);
  g_return_val_if_fail (prescription == NULL || COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (prescription == NULL)
    {
      g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_NO_PRESCRIPTION,
                   _("%s has no prescription yet, so there are no upcoming doses to put in a calendar."),
                   person->name);
      return NULL;
    }

  tz = g_date_time_get_timezone (now);
  with_tzid = zone_has_iana_name (tz);
  history = doses ? g_ptr_array_ref (doses) : g_ptr_array_new ();
  projected = cobalt_schedule_project (prescription, history, now, tz, MAX_PROJECTED);
  horizon = g_date_time_add_months (now, 12);
  today = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  dtstamp = format_utc (now);
  varies = amount_varies (prescription);

  out = g_string_new (NULL);
  append_prop (out, "BEGIN", "VCALENDAR");
  append_prop (out, "VERSION", "2.0");
  append_prop (out, "PRODID", "-//Cobalt//Cobalt " PACKAGE_VERSION "//EN");
  append_prop (out, "CALSCALE", "GREGORIAN");
  append_prop (out, "METHOD", "PUBLISH");
  calname = g_strdup_printf (_("B12 injections: %s"), person->name);
  append_text_prop (out, "X-WR-CALNAME", calname);

  if (with_tzid)
    append_vtimezone (out, tz,
                      g_date_time_to_unix (today) - 86400,
                      g_date_time_to_unix (horizon) + 86400);

  for (guint i = 0; projected != NULL && i < projected->len; i++)
    {
      GDateTime *due_at = g_ptr_array_index (projected, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (due_at, tz);
      guint phase_index = 0;

      if (g_date_time_compare (local, horizon) > 0)
        break;
      if (g_date_time_compare (local, today) < 0)
        continue;

      if (varies)
        {
          /* Ask the engine which phase this dose is in, as if every dose
           * before it were given on time. */
          g_autoptr(GPtrArray) sim = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(CobaltDueInfo) info = NULL;

          for (guint j = 0; j < history->len; j++)
            g_ptr_array_add (sim, g_object_ref (g_ptr_array_index (history, j)));
          for (guint j = 0; j < i; j++)
            {
              CobaltDose *fake = cobalt_dose_new ();

              fake->person_id = person->id;
              cobalt_dose_set_given_at (fake, g_ptr_array_index (projected, j));
              g_ptr_array_add (sim, fake);
            }
          info = cobalt_schedule_next_due (prescription, sim, local, tz);
          if (info != NULL)
            phase_index = info->phase_index;
        }
      else
        {
          g_autoptr(CobaltDueInfo) info = NULL;

          if (i == 0)
            {
              info = cobalt_schedule_next_due (prescription, history, now, tz);
              if (info != NULL)
                phase_index = info->phase_index;
            }
        }

      append_event (out, person, prescription, local, phase_index, dtstamp, with_tzid);
    }

  append_prop (out, "END", "VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cobalt_ical_export_to_string (CobaltRepository *repository,
                              gint64            person_id,
                              CobaltClock      *clock,
                              GError          **error)
{
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);

  person = cobalt_repository_get_person (repository, person_id, error);
  if (person == NULL)
    return NULL;
  prescription = cobalt_repository_get_prescription (repository, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* The schedule counts the doses not given on the clinic's advice too. */
  doses = cobalt_repository_list_schedule_doses (repository, person_id, error);
  if (doses == NULL)
    return NULL;

  now = cobalt_clock_get_now (clock);
  return cobalt_ical_build (person, prescription, doses, now, error);
}

gboolean
cobalt_ical_export (CobaltRepository *repository,
                    gint64            person_id,
                    CobaltClock      *clock,
                    const char       *path,
                    GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = cobalt_ical_export_to_string (repository, person_id, clock, error);
  if (text == NULL)
    return FALSE;
  return cobalt_export_write_file (path, text, -1, error);
}
