/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Records (dose, person, prescription, journal and supply records) are
 * GObjects only so that list models can hold them; their fields are
 * public, as epiphany's history rows are. A scalar field is assigned
 * directly; a field the record owns (a string, a day, an instant) is set
 * through one of these, which keep a copy and free the old value, as
 * g_set_str() does in GLib 2.76. Each returns TRUE when the value
 * changed. */

static inline gboolean
cobalt_set_str (char       **str,
                const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

/* Keeps @value's zone even when the instant is the same: the zone is
 * what the user sees. */
static inline gboolean
cobalt_set_date_time (GDateTime **slot,
                      GDateTime  *value)
{
  if (*slot == value)
    return FALSE;
  if (*slot != NULL && value != NULL && g_date_time_equal (*slot, value))
    {
      g_date_time_unref (*slot);
      *slot = g_date_time_ref (value);
      return FALSE;
    }

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  return TRUE;
}

/* Stores a copy; NULL or an invalid date clear it. */
static inline gboolean
cobalt_set_date (GDate       **slot,
                 const GDate  *value)
{
  if (value != NULL && !g_date_valid (value))
    value = NULL;

  if (*slot == NULL && value == NULL)
    return FALSE;
  if (*slot != NULL && value != NULL && g_date_compare (*slot, value) == 0)
    return FALSE;

  g_clear_pointer (slot, g_date_free);
  if (value != NULL)
    *slot = g_date_copy (value);
  return TRUE;
}

G_END_DECLS
