/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>
#include "cobalt-types.h"

G_BEGIN_DECLS

/* One entry of the fixed body-site catalogue (CLINICAL.md, "Body sites").
 * The catalogue is static data: pointers stay valid for the whole run. */
typedef struct
{
  const char  *id;             /* "deltoid-left", stored in the database */
  const char  *region_id;      /* "deltoid" */
  CobaltSide   side;
  CobaltRoute  route;
  const char  *name;           /* untranslated, use _() / cobalt_site_info_get_name() */
  const char  *landmark;       /* untranslated landmark hint */
  const char  *note;           /* untranslated caution, may be NULL */
  double       max_volume_ml;  /* typical adult maximum */
  gboolean     discouraged;    /* dorsogluteal: only when the clinic enables it */
  /* Position on the body outline, 0..1 of the figure's width/height. */
  gboolean     back;           /* drawn on the back view */
  double       x;
  double       y;
} CobaltSiteInfo;

guint                 cobalt_site_catalogue_get_n_sites (void);
/* The largest typical maximum of any site (docs/clinical-sources.md,
 * "Technique data"): more than one injection anywhere can hold. */
double                cobalt_site_catalogue_max_volume_ml (void);
/* In catalogue order; that order breaks ties in rotation. */
const CobaltSiteInfo *cobalt_site_catalogue_get_nth     (guint       position);
const CobaltSiteInfo *cobalt_site_catalogue_lookup      (const char *id);
/* Index in catalogue order, or -1. */
int                   cobalt_site_catalogue_index_of    (const char *id);

/* Translated "Left outer thigh" style names. */
const char           *cobalt_site_info_get_name         (const CobaltSiteInfo *info);
const char           *cobalt_site_info_get_landmark     (const CobaltSiteInfo *info);
/* Translated caution, or NULL. */
const char           *cobalt_site_info_get_note         (const CobaltSiteInfo *info);

G_END_DECLS
