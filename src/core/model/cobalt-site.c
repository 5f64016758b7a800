/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-site.h"

/* The body-site catalogue of CLINICAL.md ("Body sites"). The order is the
 * tie-break of rotation, so keep left before right and IM before SC.
 *
 * Positions are fractions of the figure's width and height. The front view
 * shows the figure facing the viewer, so the person's LEFT side is on the
 * viewer's RIGHT (x > 0.5); the back view shows the figure from behind, so
 * the person's left is on the viewer's left (x < 0.5). */
static const CobaltSiteInfo catalogue[] = {
  {
    "deltoid-left", "deltoid", COBALT_SIDE_LEFT, COBALT_ROUTE_IM,
    N_("Left upper arm (deltoid)"),
    N_("Two to three finger-widths below the bony tip of the shoulder, in the thickest part of the muscle"),
    N_("Keep away from high on the muscle (nerve near the shoulder)"),
    1.0, FALSE, FALSE, 0.76, 0.23
  },
  {
    "deltoid-right", "deltoid", COBALT_SIDE_RIGHT, COBALT_ROUTE_IM,
    N_("Right upper arm (deltoid)"),
    N_("Two to three finger-widths below the bony tip of the shoulder, in the thickest part of the muscle"),
    N_("Keep away from high on the muscle (nerve near the shoulder)"),
    1.0, FALSE, FALSE, 0.24, 0.23
  },
  {
    /* CLINICAL.md gives 2–5 mL; the top of the range is the typical maximum. */
    "vastus-lateralis-left", "vastus-lateralis", COBALT_SIDE_LEFT, COBALT_ROUTE_IM,
    N_("Left outer thigh"),
    N_("Outer side of the middle third of the thigh, between hip and knee"),
    N_("Often the easiest site for injecting yourself"),
    5.0, FALSE, FALSE, 0.66, 0.62
  },
  {
    "vastus-lateralis-right", "vastus-lateralis", COBALT_SIDE_RIGHT, COBALT_ROUTE_IM,
    N_("Right outer thigh"),
    N_("Outer side of the middle third of the thigh, between hip and knee"),
    N_("Often the easiest site for injecting yourself"),
    5.0, FALSE, FALSE, 0.34, 0.62
  },
  {
    "ventrogluteal-left", "ventrogluteal", COBALT_SIDE_LEFT, COBALT_ROUTE_IM,
    N_("Left side of hip"),
    N_("Palm on the bony point at the top of the thigh, index finger towards the front hip bone; inject in the centre of the V between the fingers"),
    N_("Preferred in hospital practice, but harder to reach on yourself"),
    3.0, FALSE, FALSE, 0.69, 0.47
  },
  {
    "ventrogluteal-right", "ventrogluteal", COBALT_SIDE_RIGHT, COBALT_ROUTE_IM,
    N_("Right side of hip"),
    N_("Palm on the bony point at the top of the thigh, index finger towards the front hip bone; inject in the centre of the V between the fingers"),
    N_("Preferred in hospital practice, but harder to reach on yourself"),
    3.0, FALSE, FALSE, 0.31, 0.47
  },
  {
    "dorsogluteal-left", "dorsogluteal", COBALT_SIDE_LEFT, COBALT_ROUTE_IM,
    N_("Left upper outer buttock"),
    N_("Upper outer quarter of the buttock"),
    N_("Discouraged because of the sciatic nerve: use only if your clinic taught you this site"),
    4.0, TRUE, TRUE, 0.40, 0.50
  },
  {
    "dorsogluteal-right", "dorsogluteal", COBALT_SIDE_RIGHT, COBALT_ROUTE_IM,
    N_("Right upper outer buttock"),
    N_("Upper outer quarter of the buttock"),
    N_("Discouraged because of the sciatic nerve: use only if your clinic taught you this site"),
    4.0, TRUE, TRUE, 0.60, 0.50
  },
  {
    "sc-abdomen-left", "sc-abdomen", COBALT_SIDE_LEFT, COBALT_ROUTE_SC,
    N_("Left abdomen"),
    N_("Fatty area beside the navel, at least 2 to 5 cm away from it"),
    N_("For injections under the skin only"),
    1.0, FALSE, FALSE, 0.56, 0.42
  },
  {
    "sc-abdomen-right", "sc-abdomen", COBALT_SIDE_RIGHT, COBALT_ROUTE_SC,
    N_("Right abdomen"),
    N_("Fatty area beside the navel, at least 2 to 5 cm away from it"),
    N_("For injections under the skin only"),
    1.0, FALSE, FALSE, 0.44, 0.42
  },
  {
    "sc-thigh-left", "sc-thigh", COBALT_SIDE_LEFT, COBALT_ROUTE_SC,
    N_("Left front of thigh"),
    N_("Fatty tissue on the front or outer thigh"),
    N_("For injections under the skin only"),
    1.0, FALSE, FALSE, 0.58, 0.64
  },
  {
    "sc-thigh-right", "sc-thigh", COBALT_SIDE_RIGHT, COBALT_ROUTE_SC,
    N_("Right front of thigh"),
    N_("Fatty tissue on the front or outer thigh"),
    N_("For injections under the skin only"),
    1.0, FALSE, FALSE, 0.42, 0.64
  },
  {
    "sc-arm-left", "sc-arm", COBALT_SIDE_LEFT, COBALT_ROUTE_SC,
    N_("Left back of upper arm"),
    N_("Fatty tissue over the back of the upper arm"),
    N_("For injections under the skin only"),
    1.0, FALSE, TRUE, 0.23, 0.28
  },
  {
    "sc-arm-right", "sc-arm", COBALT_SIDE_RIGHT, COBALT_ROUTE_SC,
    N_("Right back of upper arm"),
    N_("Fatty tissue over the back of the upper arm"),
    N_("For injections under the skin only"),
    1.0, FALSE, TRUE, 0.77, 0.28
  },
};

guint
cobalt_site_catalogue_get_n_sites (void)
{
  return G_N_ELEMENTS (catalogue);
}

const CobaltSiteInfo *
cobalt_site_catalogue_get_nth (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (catalogue), NULL);

  return &catalogue[position];
}

int
cobalt_site_catalogue_index_of (const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      if (strcmp (catalogue[i].id, id) == 0)
        return (int) i;
    }

  return -1;
}

const CobaltSiteInfo *
cobalt_site_catalogue_lookup (const char *id)
{
  int index = cobalt_site_catalogue_index_of (id);

  return index < 0 ? NULL : &catalogue[index];
}

const char *
cobalt_site_info_get_name (const CobaltSiteInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->name);
}

const char *
cobalt_site_info_get_landmark (const CobaltSiteInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->landmark);
}

/* Translated caution, or NULL. */
const char *
cobalt_site_info_get_note (const CobaltSiteInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return info->note != NULL ? _(info->note) : NULL;
}

double
cobalt_site_catalogue_max_volume_ml (void)
{
  double max = 0;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    max = MAX (max, catalogue[i].max_volume_ml);

  return max;
}
