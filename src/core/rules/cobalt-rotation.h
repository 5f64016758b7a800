/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-site.h"
#include "cobalt-prescription.h"

G_BEGIN_DECLS

/* A site resting until a date (sore, bruised): not suggested and asks for
 * confirmation before use. */
typedef struct
{
  char   *site_id;
  GDate   until;      /* resting up to and including this local day */
  char   *reason;     /* may be NULL */
} CobaltRestingSite;

#define COBALT_TYPE_RESTING_SITE (cobalt_resting_site_get_type ())
GType              cobalt_resting_site_get_type (void) G_GNUC_CONST;
CobaltRestingSite *cobalt_resting_site_new      (const char *site_id, const GDate *until, const char *reason);
CobaltRestingSite *cobalt_resting_site_copy     (const CobaltRestingSite *site);
void               cobalt_resting_site_free     (CobaltRestingSite *site);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CobaltRestingSite, cobalt_resting_site_free)

typedef enum
{
  COBALT_SITE_STATE_AVAILABLE   = 0,
  COBALT_SITE_STATE_NOT_ENABLED = 1, /* the clinic did not train this site / wrong route */
  COBALT_SITE_STATE_RESTING     = 2,
} CobaltSiteState;

/* What rotation knows about one catalogue site for one person. */
typedef struct
{
  const CobaltSiteInfo *site;
  CobaltSiteState       state;
  GDateTime            *last_used;   /* owned, NULL if never used */
  int                   days_since;  /* whole local days since last use, -1 if never */
  gboolean              suggested;
  const CobaltRestingSite *resting;  /* borrowed from the input, when resting */
} CobaltSiteUsage;

/* One CobaltSiteUsage per catalogue site, in catalogue order (free with
 * g_ptr_array_unref). @resting: CobaltRestingSite array or NULL. */
GPtrArray  *cobalt_rotation_get_usage   (CobaltPrescription *prescription,
                                         GPtrArray          *doses,
                                         GPtrArray          *resting,
                                         GDateTime          *now);

/* The suggestion: the enabled, not-resting site of the prescription's route
 * used least recently (never used counts as least recent); ties by
 * catalogue order. NULL when no site is available. */
const CobaltSiteInfo *cobalt_rotation_suggest (CobaltPrescription *prescription,
                                               GPtrArray          *doses,
                                               GPtrArray          *resting,
                                               GDateTime          *now,
                                               char              **reason);

/* "Left outer thigh, last used 12 days ago" — for accessible names. */
char       *cobalt_site_usage_describe  (const CobaltSiteUsage *usage);

G_END_DECLS
