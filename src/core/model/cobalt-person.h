/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>
#include "cobalt-record.h"

G_BEGIN_DECLS

#define COBALT_TYPE_PERSON (cobalt_person_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPerson, cobalt_person, COBALT, PERSON, GObject)

/* Someone whose injections Cobalt keeps. */
struct _CobaltPerson
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  GDate    *date_of_birth;    /* may be NULL */
  char     *clinic_name;
  char     *clinic_phone;
  /* Asked at first run and in the person's details (CLINICAL.md
   * "Emergency and urgent-advice numbers"). NULL only for someone saved
   * before it was asked: read cobalt_person_get_emergency_number(). */
  char     *emergency_number;
  char     *urgent_number;    /* out-of-hours / urgent-care line; may be NULL */
  char     *notes;
  gboolean  archived;
};

CobaltPerson *cobalt_person_new                  (const char *name);

/* The stored number, or for someone saved before it was asked the
 * locale's (cobalt_default_emergency_number()); NULL when neither is
 * known. */
const char   *cobalt_person_get_emergency_number (CobaltPerson *self);
void          cobalt_person_set_emergency_number (CobaltPerson *self, const char *number);
void          cobalt_person_set_archived         (CobaltPerson *self, gboolean archived);

/* FALSE with a translated reason (e.g. empty name). */
gboolean      cobalt_person_validate             (CobaltPerson *self, GError **error);


#define COBALT_PERSON_ERROR (cobalt_person_error_quark ())
typedef enum { COBALT_PERSON_ERROR_INVALID } CobaltPersonError;
GQuark cobalt_person_error_quark (void);

G_END_DECLS
