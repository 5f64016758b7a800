/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-journal-util.h"
#include "cobalt-gui-resources.h"
#include "cobalt-journey-util.h"
#include "cobalt-core.h"

void
cobalt_journal_ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;

  cobalt_journey_ensure_style ();

  /* Referencing the resource keeps its object (and the constructor that
   * registers it) in the link of a static library. */
  (void) cobalt_gui_get_resource ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/cobaltb12/Cobalt/common/journal.css");
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  done = TRUE;
}

const char *
cobalt_journal_measure_scale_hint (CobaltCheckinMeasure measure)
{
  switch (measure)
    {
    case COBALT_CHECKIN_ENERGY:
      return _("0 = no energy, 10 = plenty");
    case COBALT_CHECKIN_MOOD:
      return _("0 = very low, 10 = very good");
    case COBALT_CHECKIN_FATIGUE:
      return _("0 = none, 10 = exhausted");
    case COBALT_CHECKIN_PINS_AND_NEEDLES:
      return _("0 = none, 10 = severe");
    case COBALT_CHECKIN_MEMORY:
      return _("0 = very poor, 10 = very good");
    default:
      g_return_val_if_reached ("");
    }
}

void
cobalt_journal_local_day (GDateTime *instant,
                          GTimeZone *tz,
                          GDate     *out)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (instant != NULL);
  g_return_if_fail (out != NULL);

  local = tz != NULL ? g_date_time_to_timezone (instant, tz) : g_date_time_to_local (instant);
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

char *
cobalt_journal_format_instant (GDateTime *instant,
                               GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  GDate day;

  g_return_val_if_fail (instant != NULL, NULL);

  cobalt_journal_local_day (instant, tz, &day);
  day_text = cobalt_journal_format_date (&day);
  local = tz != NULL ? g_date_time_to_timezone (instant, tz) : g_date_time_to_local (instant);
  time_text = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time of day */
  return g_strdup_printf (_("%s, %s"), day_text, time_text);
}

char *
cobalt_journal_describe_dose (CobaltDose *dose,
                              GTimeZone  *tz)
{
  const char *site_id;
  const CobaltSiteInfo *site;
  g_autofree char *day_text = NULL;
  GDate day;

  g_return_val_if_fail (COBALT_IS_DOSE (dose), NULL);

  site_id = dose->site_id;
  site = site_id != NULL ? cobalt_site_catalogue_lookup (site_id) : NULL;
  cobalt_journal_local_day (dose->given_at, tz, &day);
  day_text = cobalt_journal_format_date (&day);
  if (site == NULL)
    return g_steal_pointer (&day_text);
  /* Translators: a dose's date and its body site; site names may hold
   * parentheses themselves ("Right upper arm (deltoid)") */
  return g_strdup_printf (_("%s – %s"), day_text, cobalt_site_info_get_name (site));
}

char *
cobalt_journal_format_date (const GDate *date)
{
  return cobalt_journey_format_date (date);
}

const char *
cobalt_journal_range_words (CobaltLabRange range)
{
  switch (range)
    {
    case COBALT_LAB_RANGE_BELOW:
      return _("Below the lab's range");
    case COBALT_LAB_RANGE_IN_RANGE:
      return _("Within the lab's range");
    case COBALT_LAB_RANGE_ABOVE:
      return _("Above the lab's range");
    case COBALT_LAB_RANGE_UNKNOWN:
    default:
      return _("No reference range given");
    }
}

char *
cobalt_journal_format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("—");

  /* Three decimals at most (MMA in µmol/L), then trim the zeros. */
  g_snprintf (buf, sizeof buf, "%.3f", value);
  if (strchr (buf, '.') != NULL || strchr (buf, ',') != NULL)
    {
      char *end = buf + strlen (buf) - 1;

      while (end > buf && *end == '0')
        *end-- = '\0';
      if (*end == '.' || *end == ',')
        *end = '\0';
    }

  return g_strdup (buf);
}

char *
cobalt_journal_entry_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

gboolean
cobalt_journal_parse_number (const char *text,
                             double     *value,
                             gboolean   *empty)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double parsed;

  if (empty != NULL)
    *empty = FALSE;

  if (text == NULL || *text == '\0')
    {
      if (empty != NULL)
        *empty = TRUE;
      return FALSE;
    }

  /* People type the decimal separator of their country. */
  copy = g_strdup (text);
  g_strdelimit (copy, ",", '.');
  parsed = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (parsed))
    return FALSE;

  *value = parsed;
  return TRUE;
}
