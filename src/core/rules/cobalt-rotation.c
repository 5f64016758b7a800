/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Site rotation. No source gives a B12-specific rotation order
 * (CLINICAL.md), so the suggestion is the plain rule: the enabled,
 * not-resting site of the prescription's route used least recently; a site
 * never used counts as least recent; ties go to catalogue order (left
 * before right, deltoid first). Rotation only suggests: the person may
 * always pick another site the clinic taught them. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose.h"
#include "cobalt-rotation.h"

G_DEFINE_BOXED_TYPE (CobaltRestingSite, cobalt_resting_site,
                     cobalt_resting_site_copy, cobalt_resting_site_free)

static void
site_usage_free (CobaltSiteUsage *usage)
{
  g_clear_pointer (&usage->last_used, g_date_time_unref);
  g_free (usage);
}

static void
date_from_date_time (GDateTime *dt,
                     GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static const CobaltRestingSite *
find_resting (GPtrArray   *resting,
              const char  *site_id,
              const GDate *today)
{
  for (guint i = 0; resting != NULL && i < resting->len; i++)
    {
      const CobaltRestingSite *entry = g_ptr_array_index (resting, i);

      if (g_strcmp0 (entry->site_id, site_id) == 0 &&
          g_date_valid (&entry->until) &&
          g_date_compare (&entry->until, today) >= 0)
        return entry;
    }

  return NULL;
}

/* Index of the suggested usage, or -1. */
static int
pick_suggestion (GPtrArray *usages)
{
  int best = -1;

  for (guint i = 0; i < usages->len; i++)
    {
      const CobaltSiteUsage *usage = g_ptr_array_index (usages, i);
      const CobaltSiteUsage *current;

      if (usage->state != COBALT_SITE_STATE_AVAILABLE)
        continue;

      if (best < 0)
        {
          best = i;
          continue;
        }

      current = g_ptr_array_index (usages, best);
      if (current->last_used == NULL)
        continue;
      /* Strictly older only: equal times keep the earlier catalogue entry. */
      if (usage->last_used == NULL ||
          g_date_time_compare (usage->last_used, current->last_used) < 0)
        best = i;
    }

  return best;
}

CobaltRestingSite *
cobalt_resting_site_new (const char  *site_id,
                         const GDate *until,
                         const char  *reason)
{
  CobaltRestingSite *site;

  g_return_val_if_fail (site_id != NULL, NULL);

  site = g_new0 (CobaltRestingSite, 1);
  site->site_id = g_strdup (site_id);
  if (until != NULL && g_date_valid (until))
    site->until = *until;
  else
    g_date_clear (&site->until, 1);
  site->reason = g_strdup (reason);

  return site;
}

CobaltRestingSite *
cobalt_resting_site_copy (const CobaltRestingSite *site)
{
  g_return_val_if_fail (site != NULL, NULL);

  return cobalt_resting_site_new (site->site_id, &site->until, site->reason);
}

void
cobalt_resting_site_free (CobaltRestingSite *site)
{
  if (site == NULL)
    return;

  g_free (site->site_id);
  g_free (site->reason);
  g_free (site);
}

GPtrArray *
cobalt_rotation_get_usage (CobaltPrescription *prescription,
                           GPtrArray          *doses,
                           GPtrArray          *resting,
                           GDateTime          *now)
{
  GPtrArray *usages;
  GTimeZone *tz;
  CobaltRoute route;
  GDate today;
  int suggested;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  tz = g_date_time_get_timezone (now);
  route = prescription->route;
  date_from_date_time (now, &today);

  usages = g_ptr_array_new_with_free_func ((GDestroyNotify) site_usage_free);

  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      CobaltSiteUsage *usage = g_new0 (CobaltSiteUsage, 1);
      GDateTime *latest = NULL;

      usage->site = cobalt_site_catalogue_get_nth (i);
      usage->days_since = -1;

      for (guint j = 0; doses != NULL && j < doses->len; j++)
        {
          CobaltDose *dose = g_ptr_array_index (doses, j);
          GDateTime *given_at = dose->given_at;

          /* A dose not given on the clinic's advice went into no site. */
          if (given_at == NULL || !cobalt_dose_is_given (dose) ||
              g_strcmp0 (dose->site_id, usage->site->id) != 0)
            continue;
          if (latest == NULL || g_date_time_compare (given_at, latest) > 0)
            latest = given_at;
        }

      if (latest != NULL)
        {
          GDate used_on;

          usage->last_used = g_date_time_to_timezone (latest, tz);
          date_from_date_time (usage->last_used, &used_on);
          usage->days_since = MAX (0, g_date_days_between (&used_on, &today));
        }

      if (usage->site->route != route ||
          !cobalt_prescription_is_site_enabled (prescription, usage->site->id))
        {
          usage->state = COBALT_SITE_STATE_NOT_ENABLED;
        }
      else
        {
          usage->resting = find_resting (resting, usage->site->id, &today);
          usage->state = usage->resting != NULL ? COBALT_SITE_STATE_RESTING
                                                : COBALT_SITE_STATE_AVAILABLE;
        }

      g_ptr_array_add (usages, usage);
    }

  suggested = pick_suggestion (usages);
  if (suggested >= 0)
    ((CobaltSiteUsage *) g_ptr_array_index (usages, suggested))->suggested = TRUE;

  return usages;
}

const CobaltSiteInfo *
cobalt_rotation_suggest (CobaltPrescription  *prescription,
                         GPtrArray           *doses,
                         GPtrArray           *resting,
                         GDateTime           *now,
                         char               **reason)
{
  g_autoptr(GPtrArray) usages = NULL;
  const CobaltSiteUsage *usage = NULL;
  const char *name;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (prescription), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (reason != NULL)
    *reason = NULL;

  usages = cobalt_rotation_get_usage (prescription, doses, resting, now);
  for (guint i = 0; i < usages->len && usage == NULL; i++)
    {
      const CobaltSiteUsage *candidate = g_ptr_array_index (usages, i);

      if (candidate->suggested)
        usage = candidate;
    }

  if (usage == NULL)
    return NULL;

  if (reason != NULL)
    {
      name = cobalt_site_info_get_name (usage->site);

      if (usage->days_since < 0)
        /* TRANSLATORS: "Left outer thigh — not used yet" */
        *reason = g_strdup_printf (_("%s — not used yet"), name);
      else if (usage->days_since == 0)
        *reason = g_strdup_printf (_("%s — last used today"), name);
      else
        /* TRANSLATORS: "Left outer thigh — not used for 41 days" */
        *reason = g_strdup_printf (ngettext ("%s — not used for %d day",
                                             "%s — not used for %d days",
                                             usage->days_since),
                                   name, usage->days_since);
    }

  return usage->site;
}

char *
cobalt_site_usage_describe (const CobaltSiteUsage *usage)
{
  g_autofree char *used = NULL;
  const char *name;

  g_return_val_if_fail (usage != NULL, NULL);

  name = cobalt_site_info_get_name (usage->site);

  if (usage->days_since < 0)
    used = g_strdup_printf (_("%s, never used"), name);
  else if (usage->days_since == 0)
    used = g_strdup_printf (_("%s, last used today"), name);
  else if (usage->days_since == 1)
    used = g_strdup_printf (_("%s, last used yesterday"), name);
  else
    /* TRANSLATORS: "Left outer thigh, last used 12 days ago" */
    used = g_strdup_printf (ngettext ("%s, last used %d day ago",
                                      "%s, last used %d days ago",
                                      usage->days_since),
                            name, usage->days_since);

  switch (usage->state)
    {
    case COBALT_SITE_STATE_NOT_ENABLED:
      return g_strdup_printf (_("%s, not a site your clinic set up"), used);

    case COBALT_SITE_STATE_RESTING:
      if (usage->resting != NULL && g_date_valid (&usage->resting->until))
        {
          char until[64];

          /* TRANSLATORS: strftime format of a day, "3 March" */
          if (g_date_strftime (until, sizeof until, _("%-d %B"), &usage->resting->until) > 0)
            return g_strdup_printf (_("%s, resting until %s"), used, until);
        }
      return g_strdup_printf (_("%s, resting"), used);

    case COBALT_SITE_STATE_AVAILABLE:
    default:
      if (usage->suggested)
        return g_strdup_printf (_("%s, suggested"), used);
      return g_steal_pointer (&used);
    }
}
