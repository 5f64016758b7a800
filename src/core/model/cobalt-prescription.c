/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-prescription.h"
#include "cobalt-record-private.h"
#include "cobalt-site.h"

struct _CobaltPrescription
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  guint           version;
  char           *template_id;
  GDate          *starts_on;
  CobaltProduct   product;
  char           *product_name;
  char           *strength_text;
  double          strength_amount;
  CobaltDoseUnit  strength_unit;
  double          amount;
  CobaltDoseUnit  unit;
  CobaltRoute     route;
  guint           drawing_needle_gauge;
  guint           injecting_needle_gauge;
  double          needle_length_mm;
  double          syringe_ml;
  guint           angle_degrees;
  gboolean        use_swab;
  gboolean        aspirate;
  char           *technique_notes;
  GStrv           enabled_sites;
  guint           reminder_minute;
  guint           grace_minutes;
  guint           overdue_after_minutes;
  char           *notes;
  GPtrArray      *phases;
};

G_DEFINE_FINAL_TYPE (CobaltPrescription, cobalt_prescription, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_VERSION,
  PROP_TEMPLATE_ID,
  PROP_STARTS_ON,
  PROP_PRODUCT,
  PROP_PRODUCT_NAME,
  PROP_STRENGTH_TEXT,
  PROP_STRENGTH_AMOUNT,
  PROP_STRENGTH_UNIT,
  PROP_AMOUNT,
  PROP_UNIT,
  PROP_ROUTE,
  PROP_DRAWING_NEEDLE_GAUGE,
  PROP_INJECTING_NEEDLE_GAUGE,
  PROP_NEEDLE_LENGTH_MM,
  PROP_SYRINGE_ML,
  PROP_ANGLE_DEGREES,
  PROP_USE_SWAB,
  PROP_ASPIRATE,
  PROP_TECHNIQUE_NOTES,
  PROP_ENABLED_SITES,
  PROP_REMINDER_MINUTE,
  PROP_GRACE_MINUTES,
  PROP_OVERDUE_AFTER_MINUTES,
  PROP_NOTES,
  PROP_PHASES,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static GPtrArray *
phase_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
}

static void
cobalt_prescription_finalize (GObject *object)
{
  CobaltPrescription *self = (CobaltPrescription *)object;

  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->starts_on, g_date_free);
  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->strength_text, g_free);
  g_clear_pointer (&self->technique_notes, g_free);
  g_clear_pointer (&self->enabled_sites, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->phases, g_ptr_array_unref);

  G_OBJECT_CLASS (cobalt_prescription_parent_class)->finalize (object);
}

static void
cobalt_prescription_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CobaltPrescription *self = COBALT_PRESCRIPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;

    case PROP_STARTS_ON:
      g_value_set_boxed (value, self->starts_on);
      break;

    case PROP_PRODUCT:
      g_value_set_enum (value, self->product);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_STRENGTH_TEXT:
      g_value_set_string (value, self->strength_text);
      break;

    case PROP_STRENGTH_AMOUNT:
      g_value_set_double (value, self->strength_amount);
      break;

    case PROP_STRENGTH_UNIT:
      g_value_set_enum (value, self->strength_unit);
      break;

    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_ROUTE:
      g_value_set_enum (value, self->route);
      break;

    case PROP_DRAWING_NEEDLE_GAUGE:
      g_value_set_uint (value, self->drawing_needle_gauge);
      break;

    case PROP_INJECTING_NEEDLE_GAUGE:
      g_value_set_uint (value, self->injecting_needle_gauge);
      break;

    case PROP_NEEDLE_LENGTH_MM:
      g_value_set_double (value, self->needle_length_mm);
      break;

    case PROP_SYRINGE_ML:
      g_value_set_double (value, self->syringe_ml);
      break;

    case PROP_ANGLE_DEGREES:
      g_value_set_uint (value, self->angle_degrees);
      break;

    case PROP_USE_SWAB:
      g_value_set_boolean (value, self->use_swab);
      break;

    case PROP_ASPIRATE:
      g_value_set_boolean (value, self->aspirate);
      break;

    case PROP_TECHNIQUE_NOTES:
      g_value_set_string (value, self->technique_notes);
      break;

    case PROP_ENABLED_SITES:
      g_value_set_boxed (value, self->enabled_sites);
      break;

    case PROP_REMINDER_MINUTE:
      g_value_set_uint (value, self->reminder_minute);
      break;

    case PROP_GRACE_MINUTES:
      g_value_set_uint (value, self->grace_minutes);
      break;

    case PROP_OVERDUE_AFTER_MINUTES:
      g_value_set_uint (value, self->overdue_after_minutes);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_PHASES:
      g_value_set_boxed (value, self->phases);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_prescription_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CobaltPrescription *self = COBALT_PRESCRIPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_prescription_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      cobalt_prescription_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      cobalt_prescription_set_version (self, g_value_get_uint (value));
      break;

    case PROP_TEMPLATE_ID:
      cobalt_prescription_set_template_id (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      cobalt_prescription_set_starts_on (self, g_value_get_boxed (value));
      break;

    case PROP_PRODUCT:
      cobalt_prescription_set_product (self, g_value_get_enum (value));
      break;

    case PROP_PRODUCT_NAME:
      cobalt_prescription_set_product_name (self, g_value_get_string (value));
      break;

    case PROP_STRENGTH_TEXT:
      cobalt_prescription_set_strength_text (self, g_value_get_string (value));
      break;

    case PROP_STRENGTH_AMOUNT:
      cobalt_prescription_set_strength_amount (self, g_value_get_double (value));
      break;

    case PROP_STRENGTH_UNIT:
      cobalt_prescription_set_strength_unit (self, g_value_get_enum (value));
      break;

    case PROP_AMOUNT:
      cobalt_prescription_set_amount (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      cobalt_prescription_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_ROUTE:
      cobalt_prescription_set_route (self, g_value_get_enum (value));
      break;

    case PROP_DRAWING_NEEDLE_GAUGE:
      cobalt_prescription_set_drawing_needle_gauge (self, g_value_get_uint (value));
      break;

    case PROP_INJECTING_NEEDLE_GAUGE:
      cobalt_prescription_set_injecting_needle_gauge (self, g_value_get_uint (value));
      break;

    case PROP_NEEDLE_LENGTH_MM:
      cobalt_prescription_set_needle_length_mm (self, g_value_get_double (value));
      break;

    case PROP_SYRINGE_ML:
      cobalt_prescription_set_syringe_ml (self, g_value_get_double (value));
      break;

    case PROP_ANGLE_DEGREES:
      cobalt_prescription_set_angle_degrees (self, g_value_get_uint (value));
      break;

    case PROP_USE_SWAB:
      cobalt_prescription_set_use_swab (self, g_value_get_boolean (value));
      break;

    case PROP_ASPIRATE:
      cobalt_prescription_set_aspirate (self, g_value_get_boolean (value));
      break;

    case PROP_TECHNIQUE_NOTES:
      cobalt_prescription_set_technique_notes (self, g_value_get_string (value));
      break;

    case PROP_ENABLED_SITES:
      cobalt_prescription_set_enabled_sites (self, g_value_get_boxed (value));
      break;

    case PROP_REMINDER_MINUTE:
      cobalt_prescription_set_reminder_minute (self, g_value_get_uint (value));
      break;

    case PROP_GRACE_MINUTES:
      cobalt_prescription_set_grace_minutes (self, g_value_get_uint (value));
      break;

    case PROP_OVERDUE_AFTER_MINUTES:
      cobalt_prescription_set_overdue_after_minutes (self, g_value_get_uint (value));
      break;

    case PROP_NOTES:
      cobalt_prescription_set_notes (self, g_value_get_string (value));
      break;

    case PROP_PHASES:
      cobalt_prescription_set_phases (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_prescription_class_init (CobaltPrescriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = COBALT_RECORD_PARAM_RW;

  object_class->finalize = cobalt_prescription_finalize;
  object_class->get_property = cobalt_prescription_get_property;
  object_class->set_property = cobalt_prescription_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", rw);

  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", rw);

  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL, NULL,
                         rw);

  properties[PROP_STARTS_ON] =
    cobalt_record_param_date ("starts-on", rw);

  properties[PROP_PRODUCT] =
    g_param_spec_enum ("product", NULL, NULL, COBALT_TYPE_PRODUCT, COBALT_PRODUCT_HYDROXOCOBALAMIN,
                       rw);

  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL,
                         rw);

  properties[PROP_STRENGTH_TEXT] =
    g_param_spec_string ("strength-text", NULL, NULL, NULL,
                         rw);

  properties[PROP_STRENGTH_AMOUNT] =
    g_param_spec_double ("strength-amount", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         rw);

  properties[PROP_STRENGTH_UNIT] =
    g_param_spec_enum ("strength-unit", NULL, NULL, COBALT_TYPE_DOSE_UNIT, COBALT_DOSE_UNIT_MG,
                       rw);

  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         rw);

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, COBALT_TYPE_DOSE_UNIT, COBALT_DOSE_UNIT_MG,
                       rw);

  properties[PROP_ROUTE] =
    g_param_spec_enum ("route", NULL, NULL, COBALT_TYPE_ROUTE, COBALT_ROUTE_IM,
                       rw);

  properties[PROP_DRAWING_NEEDLE_GAUGE] =
    g_param_spec_uint ("drawing-needle-gauge", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_INJECTING_NEEDLE_GAUGE] =
    g_param_spec_uint ("injecting-needle-gauge", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_NEEDLE_LENGTH_MM] =
    g_param_spec_double ("needle-length-mm", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         rw);

  properties[PROP_SYRINGE_ML] =
    g_param_spec_double ("syringe-ml", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         rw);

  properties[PROP_ANGLE_DEGREES] =
    g_param_spec_uint ("angle-degrees", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_USE_SWAB] =
    g_param_spec_boolean ("use-swab", NULL, NULL, FALSE,
                          rw);

  properties[PROP_ASPIRATE] =
    g_param_spec_boolean ("aspirate", NULL, NULL, FALSE,
                          rw);

  properties[PROP_TECHNIQUE_NOTES] =
    g_param_spec_string ("technique-notes", NULL, NULL, NULL,
                         rw);

  properties[PROP_ENABLED_SITES] =
    g_param_spec_boxed ("enabled-sites", NULL, NULL, G_TYPE_STRV,
                        rw);

  properties[PROP_REMINDER_MINUTE] =
    g_param_spec_uint ("reminder-minute", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_GRACE_MINUTES] =
    g_param_spec_uint ("grace-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_OVERDUE_AFTER_MINUTES] =
    g_param_spec_uint ("overdue-after-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       rw);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         rw);

  properties[PROP_PHASES] =
    g_param_spec_boxed ("phases", NULL, NULL, G_TYPE_PTR_ARRAY,
                        rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* These defaults are only a starting point for the form: the clinic's own
 * values (dose, needles, sites, time) are entered by the user. */
static void
cobalt_prescription_init (CobaltPrescription *self)
{
  static const char * const default_sites[] = {
    "deltoid-left", "deltoid-right",
    "vastus-lateralis-left", "vastus-lateralis-right",
    NULL
  };

  self->template_id = g_strdup ("custom");
  self->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  self->strength_amount = 1.0;
  self->strength_unit = COBALT_DOSE_UNIT_MG;
  self->amount = 1.0;
  self->unit = COBALT_DOSE_UNIT_MG;
  self->route = COBALT_ROUTE_IM;
  self->drawing_needle_gauge = 21;
  self->injecting_needle_gauge = 23;
  self->needle_length_mm = 25.0;
  self->syringe_ml = 2.0;
  self->angle_degrees = 90;
  self->use_swab = TRUE;
  self->aspirate = FALSE;
  self->enabled_sites = g_strdupv ((char **) default_sites);
  self->reminder_minute = 9 * 60;
  self->grace_minutes = 180;
  self->phases = phase_array_new ();
}

CobaltPrescription *
cobalt_prescription_new (void)
{
  return g_object_new (COBALT_TYPE_PRESCRIPTION, NULL);
}

CobaltPrescription *
cobalt_prescription_copy (CobaltPrescription *self)
{
  CobaltPrescription *copy;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  copy = cobalt_prescription_new ();
  copy->person_id = self->person_id;
  copy->version = self->version;
  cobalt_record_set_str (&copy->template_id, self->template_id);
  if (self->starts_on != NULL)
    copy->starts_on = g_date_copy (self->starts_on);
  copy->product = self->product;
  cobalt_record_set_str (&copy->product_name, self->product_name);
  cobalt_record_set_str (&copy->strength_text, self->strength_text);
  copy->strength_amount = self->strength_amount;
  copy->strength_unit = self->strength_unit;
  copy->amount = self->amount;
  copy->unit = self->unit;
  copy->route = self->route;
  copy->drawing_needle_gauge = self->drawing_needle_gauge;
  copy->injecting_needle_gauge = self->injecting_needle_gauge;
  copy->needle_length_mm = self->needle_length_mm;
  copy->syringe_ml = self->syringe_ml;
  copy->angle_degrees = self->angle_degrees;
  copy->use_swab = self->use_swab;
  copy->aspirate = self->aspirate;
  cobalt_record_set_str (&copy->technique_notes, self->technique_notes);
  g_strfreev (copy->enabled_sites);
  copy->enabled_sites = g_strdupv (self->enabled_sites);
  copy->reminder_minute = self->reminder_minute;
  copy->grace_minutes = self->grace_minutes;
  copy->overdue_after_minutes = self->overdue_after_minutes;
  cobalt_record_set_str (&copy->notes, self->notes);
  cobalt_prescription_set_phases (copy, self->phases);

  return copy;
}

gint64
cobalt_prescription_get_id (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->id;
}

void
cobalt_prescription_set_id (CobaltPrescription *self,
                            gint64             id)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_prescription_get_person_id (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->person_id;
}

void
cobalt_prescription_set_person_id (CobaltPrescription *self,
                                   gint64             person_id)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

guint
cobalt_prescription_get_version (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->version;
}

void
cobalt_prescription_set_version (CobaltPrescription *self,
                                 guint              version)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

const char *
cobalt_prescription_get_template_id (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->template_id;
}

void
cobalt_prescription_set_template_id (CobaltPrescription *self,
                                     const char         *template_id)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_str (&self->template_id, template_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

CobaltProduct
cobalt_prescription_get_product (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->product;
}

void
cobalt_prescription_set_product (CobaltPrescription *self,
                                 CobaltProduct      product)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->product == product)
    return;

  self->product = product;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
cobalt_prescription_get_product_name (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->product_name;
}

void
cobalt_prescription_set_product_name (CobaltPrescription *self,
                                      const char         *product_name)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_str (&self->product_name, product_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_NAME]);
}

const char *
cobalt_prescription_get_strength_text (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->strength_text;
}

void
cobalt_prescription_set_strength_text (CobaltPrescription *self,
                                       const char         *text)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_str (&self->strength_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_TEXT]);
}

double
cobalt_prescription_get_strength_amount (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->strength_amount;
}

void
cobalt_prescription_set_strength_amount (CobaltPrescription *self,
                                         double              amount)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->strength_amount == amount)
    return;

  self->strength_amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_AMOUNT]);
}

CobaltDoseUnit
cobalt_prescription_get_strength_unit (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->strength_unit;
}

void
cobalt_prescription_set_strength_unit (CobaltPrescription *self,
                                       CobaltDoseUnit      unit)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->strength_unit == unit)
    return;

  self->strength_unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH_UNIT]);
}

double
cobalt_prescription_get_amount (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->amount;
}

void
cobalt_prescription_set_amount (CobaltPrescription *self,
                                double             amount)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

CobaltDoseUnit
cobalt_prescription_get_unit (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->unit;
}

void
cobalt_prescription_set_unit (CobaltPrescription *self,
                              CobaltDoseUnit     unit)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

CobaltRoute
cobalt_prescription_get_route (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->route;
}

void
cobalt_prescription_set_route (CobaltPrescription *self,
                               CobaltRoute        route)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->route == route)
    return;

  self->route = route;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTE]);
}

guint
cobalt_prescription_get_drawing_needle_gauge (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->drawing_needle_gauge;
}

void
cobalt_prescription_set_drawing_needle_gauge (CobaltPrescription *self,
                                              guint              drawing_needle_gauge)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->drawing_needle_gauge == drawing_needle_gauge)
    return;

  self->drawing_needle_gauge = drawing_needle_gauge;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING_NEEDLE_GAUGE]);
}

guint
cobalt_prescription_get_injecting_needle_gauge (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->injecting_needle_gauge;
}

void
cobalt_prescription_set_injecting_needle_gauge (CobaltPrescription *self,
                                                guint              injecting_needle_gauge)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->injecting_needle_gauge == injecting_needle_gauge)
    return;

  self->injecting_needle_gauge = injecting_needle_gauge;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INJECTING_NEEDLE_GAUGE]);
}

double
cobalt_prescription_get_needle_length_mm (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->needle_length_mm;
}

void
cobalt_prescription_set_needle_length_mm (CobaltPrescription *self,
                                          double             needle_length_mm)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->needle_length_mm == needle_length_mm)
    return;

  self->needle_length_mm = needle_length_mm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDLE_LENGTH_MM]);
}

double
cobalt_prescription_get_syringe_ml (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->syringe_ml;
}

void
cobalt_prescription_set_syringe_ml (CobaltPrescription *self,
                                    double             syringe_ml)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->syringe_ml == syringe_ml)
    return;

  self->syringe_ml = syringe_ml;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYRINGE_ML]);
}

guint
cobalt_prescription_get_angle_degrees (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->angle_degrees;
}

void
cobalt_prescription_set_angle_degrees (CobaltPrescription *self,
                                       guint              angle_degrees)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->angle_degrees == angle_degrees)
    return;

  self->angle_degrees = angle_degrees;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANGLE_DEGREES]);
}

gboolean
cobalt_prescription_get_use_swab (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);

  return self->use_swab;
}

void
cobalt_prescription_set_use_swab (CobaltPrescription *self,
                                  gboolean           use_swab)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  use_swab = !!use_swab;
  if (self->use_swab == use_swab)
    return;

  self->use_swab = use_swab;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_SWAB]);
}

gboolean
cobalt_prescription_get_aspirate (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);

  return self->aspirate;
}

void
cobalt_prescription_set_aspirate (CobaltPrescription *self,
                                  gboolean           aspirate)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  aspirate = !!aspirate;
  if (self->aspirate == aspirate)
    return;

  self->aspirate = aspirate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASPIRATE]);
}

const char *
cobalt_prescription_get_technique_notes (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->technique_notes;
}

void
cobalt_prescription_set_technique_notes (CobaltPrescription *self,
                                         const char         *technique_notes)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_str (&self->technique_notes, technique_notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNIQUE_NOTES]);
}

guint
cobalt_prescription_get_reminder_minute (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->reminder_minute;
}

void
cobalt_prescription_set_reminder_minute (CobaltPrescription *self,
                                         guint              reminder_minute)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->reminder_minute == reminder_minute)
    return;

  self->reminder_minute = reminder_minute;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_MINUTE]);
}

guint
cobalt_prescription_get_grace_minutes (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->grace_minutes;
}

void
cobalt_prescription_set_grace_minutes (CobaltPrescription *self,
                                       guint              grace_minutes)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->grace_minutes == grace_minutes)
    return;

  self->grace_minutes = grace_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRACE_MINUTES]);
}

guint
cobalt_prescription_get_overdue_after_minutes (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  return self->overdue_after_minutes;
}

void
cobalt_prescription_set_overdue_after_minutes (CobaltPrescription *self,
                                               guint               minutes)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (self->overdue_after_minutes == minutes)
    return;

  self->overdue_after_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_AFTER_MINUTES]);
}

const char *
cobalt_prescription_get_notes (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->notes;
}

void
cobalt_prescription_set_notes (CobaltPrescription *self,
                               const char         *notes)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

GDate *
cobalt_prescription_get_starts_on (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->starts_on;
}

void
cobalt_prescription_set_starts_on (CobaltPrescription *self,
                                   const GDate        *date)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (cobalt_record_set_date (&self->starts_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_ON]);
}

const char * const *
cobalt_prescription_get_enabled_sites (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return (const char * const *) self->enabled_sites;
}

void
cobalt_prescription_set_enabled_sites (CobaltPrescription *self,
                                       const char * const *site_ids)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  if (site_ids == NULL)
    site_ids = empty;

  if (g_strv_equal ((const char * const *) self->enabled_sites, site_ids))
    return;

  g_strfreev (self->enabled_sites);
  self->enabled_sites = g_strdupv ((char **) site_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED_SITES]);
}

gboolean
cobalt_prescription_is_site_enabled (CobaltPrescription *self,
                                     const char         *site_id)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), FALSE);

  if (site_id == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) self->enabled_sites, site_id);
}

GPtrArray *
cobalt_prescription_get_phases (CobaltPrescription *self)
{
  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), NULL);

  return self->phases;
}

void
cobalt_prescription_set_phases (CobaltPrescription *self,
                                GPtrArray          *phases)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));

  /* Our own array, edited in place by the caller: keep it, tell listeners. */
  if (phases == self->phases)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASES]);
      return;
    }

  if (phases != NULL && phases->len == self->phases->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < phases->len; i++)
        same = cobalt_phase_equal (g_ptr_array_index (phases, i),
                                   g_ptr_array_index (self->phases, i));
      if (same)
        return;
    }

  copy = phase_array_new ();
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    g_ptr_array_add (copy, cobalt_phase_copy (g_ptr_array_index (phases, i)));

  g_clear_pointer (&self->phases, g_ptr_array_unref);
  self->phases = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASES]);
}

void
cobalt_prescription_add_phase (CobaltPrescription *self,
                               const CobaltPhase  *phase)
{
  g_return_if_fail (COBALT_IS_PRESCRIPTION (self));
  g_return_if_fail (phase != NULL);

  g_ptr_array_add (self->phases, cobalt_phase_copy (phase));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASES]);
}

double
cobalt_prescription_get_phase_amount (CobaltPrescription *self,
                                      guint               index)
{
  const CobaltPhase *phase;

  g_return_val_if_fail (COBALT_IS_PRESCRIPTION (self), 0);

  if (index >= self->phases->len)
    return self->amount;

  phase = g_ptr_array_index (self->phases, index);

  return phase->amount > 0 ? phase->amount : self->amount;
}
