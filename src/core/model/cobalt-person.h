/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define COBALT_TYPE_PERSON (cobalt_person_get_type ())
G_DECLARE_FINAL_TYPE (CobaltPerson, cobalt_person, COBALT, PERSON, GObject)

/* Properties: id, name, date-of-birth (GDate boxed, may be NULL),
 * clinic-name, clinic-phone, emergency-number, notes, archived. */

CobaltPerson *cobalt_person_new                  (const char *name);

gint64        cobalt_person_get_id               (CobaltPerson *self);
void          cobalt_person_set_id               (CobaltPerson *self, gint64 id);
const char   *cobalt_person_get_name             (CobaltPerson *self);
void          cobalt_person_set_name             (CobaltPerson *self, const char *name);
GDate        *cobalt_person_get_date_of_birth    (CobaltPerson *self); /* borrowed, may be NULL */
void          cobalt_person_set_date_of_birth    (CobaltPerson *self, const GDate *date);
const char   *cobalt_person_get_clinic_name      (CobaltPerson *self);
void          cobalt_person_set_clinic_name      (CobaltPerson *self, const char *clinic_name);
const char   *cobalt_person_get_clinic_phone     (CobaltPerson *self);
void          cobalt_person_set_clinic_phone     (CobaltPerson *self, const char *clinic_phone);
/* Never NULL: defaults from the locale (cobalt_default_emergency_number()). */
const char   *cobalt_person_get_emergency_number (CobaltPerson *self);
void          cobalt_person_set_emergency_number (CobaltPerson *self, const char *number);
const char   *cobalt_person_get_notes            (CobaltPerson *self);
void          cobalt_person_set_notes            (CobaltPerson *self, const char *notes);
gboolean      cobalt_person_get_archived         (CobaltPerson *self);
void          cobalt_person_set_archived         (CobaltPerson *self, gboolean archived);

/* FALSE with a translated reason (e.g. empty name). */
gboolean      cobalt_person_validate             (CobaltPerson *self, GError **error);

/* "999" for en_GB, "911" for en_US/en_CA, "112" elsewhere: from LC_TELEPHONE/LANG. */
const char   *cobalt_default_emergency_number    (void);

#define COBALT_PERSON_ERROR (cobalt_person_error_quark ())
typedef enum { COBALT_PERSON_ERROR_INVALID } CobaltPersonError;
GQuark cobalt_person_error_quark (void);

G_END_DECLS
