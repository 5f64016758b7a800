/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"
#include "cobalt-record-types.h"

G_BEGIN_DECLS

#define COBALT_TYPE_SHARPS_BIN (cobalt_sharps_bin_get_type ())
G_DECLARE_FINAL_TYPE (CobaltSharpsBin, cobalt_sharps_bin, COBALT, SHARPS_BIN, GObject)

/* The person's sharps bin, counted in doses' worth of sharps (one dose =
 * its needles, syringe and ampoule). */
struct _CobaltSharpsBin
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  guint    capacity;
  guint    fill;
  GDate   *replaced_on; /* may be NULL */
};

CobaltSharpsBin *cobalt_sharps_bin_new              (gint64 person_id,
                                                     guint  capacity);

/* One more dose's sharps in the bin. */
void             cobalt_sharps_bin_add_dose         (CobaltSharpsBin *self);
/* A new, empty bin from @day on. */
void             cobalt_sharps_bin_replace          (CobaltSharpsBin *self, const GDate *day);
/* fill / capacity, 0..1 and above when overfilled; 0 without a capacity. */
double           cobalt_sharps_bin_get_fraction     (CobaltSharpsBin *self);
/* Replace at about three-quarters: fill >= ¾ of the capacity. */
gboolean         cobalt_sharps_bin_is_nearly_full   (CobaltSharpsBin *self);
/* FALSE with COBALT_SUPPLY_ERROR_INVALID for a zero capacity. */
gboolean         cobalt_sharps_bin_validate         (CobaltSharpsBin *self, GError **error);

G_END_DECLS
