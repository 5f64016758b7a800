/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_COMPILATION)
# error "This header is private to libcobalt-core."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* Small helpers shared by the model and record types (person,
 * prescription, dose, checklist, journal, supplies, reminder state). */

/* The flags of every writable model property. */
#define COBALT_RECORD_PARAM_RW (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY)

/* A row id (0 while not stored) or a link to another row. @name must be
 * a string literal (G_PARAM_STATIC_STRINGS). */
static inline GParamSpec *
cobalt_record_param_id (const char  *name,
                        GParamFlags  flags)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
}

/* A calendar day (boxed GDate), NULL when unset. */
static inline GParamSpec *
cobalt_record_param_date (const char  *name,
                          GParamFlags  flags)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE, flags);
}

/* The setters return TRUE when the stored value changed, so the caller
 * notifies only on a real change. g_set_str() is GLib 2.76. */

static inline gboolean
cobalt_record_set_str (char       **str,
                       const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static inline gboolean
cobalt_record_set_date_time (GDateTime **slot,
                             GDateTime  *value)
{
  if (*slot == value)
    return FALSE;
  if (*slot != NULL && value != NULL && g_date_time_equal (*slot, value))
    {
      /* Same instant, but keep the newer zone: it is what the user sees. */
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
cobalt_record_set_date (GDate       **slot,
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
