/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-dose.h"
#include "cobalt-record-private.h"

struct _CobaltDose
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  gint64          prescription_id;
  GDateTime      *given_at;
  char           *timezone;
  char           *site_id;
  double          amount;
  CobaltDoseUnit  unit;
  CobaltProduct   product;
  char           *batch;
  GDate          *expiry;
  CobaltGivenBy   given_by;
  char           *given_by_name;
  gint64          checklist_run_id;
  char           *notes;
  CobaltDoseKind  kind;
  char           *advised_by;
  GDate          *moved_to;
  CobaltDoseException exceptions;
  char           *exception_note;
};

G_DEFINE_FINAL_TYPE (CobaltDose, cobalt_dose, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_PRESCRIPTION_ID,
  PROP_GIVEN_AT,
  PROP_TIMEZONE,
  PROP_SITE_ID,
  PROP_AMOUNT,
  PROP_UNIT,
  PROP_PRODUCT,
  PROP_BATCH,
  PROP_EXPIRY,
  PROP_GIVEN_BY,
  PROP_GIVEN_BY_NAME,
  PROP_CHECKLIST_RUN_ID,
  PROP_NOTES,
  PROP_KIND,
  PROP_ADVISED_BY,
  PROP_MOVED_TO,
  PROP_EXCEPTIONS,
  PROP_EXCEPTION_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cobalt_dose_finalize (GObject *object)
{
  CobaltDose *self = (CobaltDose *)object;

  g_clear_pointer (&self->given_at, g_date_time_unref);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->site_id, g_free);
  g_clear_pointer (&self->batch, g_free);
  g_clear_pointer (&self->expiry, g_date_free);
  g_clear_pointer (&self->given_by_name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->advised_by, g_free);
  g_clear_pointer (&self->moved_to, g_date_free);
  g_clear_pointer (&self->exception_note, g_free);

  G_OBJECT_CLASS (cobalt_dose_parent_class)->finalize (object);
}

static void
cobalt_dose_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CobaltDose *self = COBALT_DOSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PRESCRIPTION_ID:
      g_value_set_int64 (value, self->prescription_id);
      break;

    case PROP_GIVEN_AT:
      g_value_set_boxed (value, self->given_at);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_SITE_ID:
      g_value_set_string (value, self->site_id);
      break;

    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_PRODUCT:
      g_value_set_enum (value, self->product);
      break;

    case PROP_BATCH:
      g_value_set_string (value, self->batch);
      break;

    case PROP_EXPIRY:
      g_value_set_boxed (value, self->expiry);
      break;

    case PROP_GIVEN_BY:
      g_value_set_enum (value, self->given_by);
      break;

    case PROP_GIVEN_BY_NAME:
      g_value_set_string (value, self->given_by_name);
      break;

    case PROP_CHECKLIST_RUN_ID:
      g_value_set_int64 (value, self->checklist_run_id);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ADVISED_BY:
      g_value_set_string (value, self->advised_by);
      break;

    case PROP_MOVED_TO:
      g_value_set_boxed (value, self->moved_to);
      break;

    case PROP_EXCEPTIONS:
      g_value_set_flags (value, self->exceptions);
      break;

    case PROP_EXCEPTION_NOTE:
      g_value_set_string (value, self->exception_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CobaltDose *self = COBALT_DOSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_dose_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      cobalt_dose_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_PRESCRIPTION_ID:
      cobalt_dose_set_prescription_id (self, g_value_get_int64 (value));
      break;

    case PROP_GIVEN_AT:
      cobalt_dose_set_given_at (self, g_value_get_boxed (value));
      break;

    case PROP_SITE_ID:
      cobalt_dose_set_site_id (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT:
      cobalt_dose_set_amount (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      cobalt_dose_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_PRODUCT:
      cobalt_dose_set_product (self, g_value_get_enum (value));
      break;

    case PROP_BATCH:
      cobalt_dose_set_batch (self, g_value_get_string (value));
      break;

    case PROP_EXPIRY:
      cobalt_dose_set_expiry (self, g_value_get_boxed (value));
      break;

    case PROP_GIVEN_BY:
      cobalt_dose_set_given_by (self, g_value_get_enum (value));
      break;

    case PROP_GIVEN_BY_NAME:
      cobalt_dose_set_given_by_name (self, g_value_get_string (value));
      break;

    case PROP_CHECKLIST_RUN_ID:
      cobalt_dose_set_checklist_run_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      cobalt_dose_set_notes (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      cobalt_dose_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ADVISED_BY:
      cobalt_dose_set_advised_by (self, g_value_get_string (value));
      break;

    case PROP_MOVED_TO:
      cobalt_dose_set_moved_to (self, g_value_get_boxed (value));
      break;

    case PROP_EXCEPTIONS:
      cobalt_dose_set_exceptions (self, g_value_get_flags (value));
      break;

    case PROP_EXCEPTION_NOTE:
      cobalt_dose_set_exception_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_class_init (CobaltDoseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = COBALT_RECORD_PARAM_RW;
  GParamFlags ro_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cobalt_dose_finalize;
  object_class->get_property = cobalt_dose_get_property;
  object_class->set_property = cobalt_dose_set_property;

  properties[PROP_ID] =
    cobalt_record_param_id ("id", flags);
  properties[PROP_PERSON_ID] =
    cobalt_record_param_id ("person-id", flags);
  properties[PROP_PRESCRIPTION_ID] =
    g_param_spec_int64 ("prescription-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GIVEN_AT] =
    g_param_spec_boxed ("given-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL, NULL, ro_flags);
  properties[PROP_SITE_ID] =
    g_param_spec_string ("site-id", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, COBALT_TYPE_DOSE_UNIT, COBALT_DOSE_UNIT_MG, flags);
  properties[PROP_PRODUCT] =
    g_param_spec_enum ("product", NULL, NULL, COBALT_TYPE_PRODUCT, COBALT_PRODUCT_HYDROXOCOBALAMIN, flags);
  properties[PROP_BATCH] =
    g_param_spec_string ("batch", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRY] =
    cobalt_record_param_date ("expiry", flags);
  properties[PROP_GIVEN_BY] =
    g_param_spec_enum ("given-by", NULL, NULL, COBALT_TYPE_GIVEN_BY, COBALT_GIVEN_BY_SELF, flags);
  properties[PROP_GIVEN_BY_NAME] =
    g_param_spec_string ("given-by-name", NULL, NULL, NULL, flags);
  properties[PROP_CHECKLIST_RUN_ID] =
    g_param_spec_int64 ("checklist-run-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, COBALT_TYPE_DOSE_KIND, COBALT_DOSE_KIND_GIVEN, flags);
  properties[PROP_ADVISED_BY] =
    g_param_spec_string ("advised-by", NULL, NULL, NULL, flags);
  properties[PROP_MOVED_TO] =
    cobalt_record_param_date ("moved-to", flags);
  properties[PROP_EXCEPTIONS] =
    g_param_spec_flags ("exceptions", NULL, NULL, COBALT_TYPE_DOSE_EXCEPTION, COBALT_DOSE_EXCEPTION_NONE, flags);
  properties[PROP_EXCEPTION_NOTE] =
    g_param_spec_string ("exception-note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_dose_init (CobaltDose *self)
{
  self->amount = 1.0;
  self->unit = COBALT_DOSE_UNIT_MG;
  self->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  self->given_by = COBALT_GIVEN_BY_SELF;
}

CobaltDose *
cobalt_dose_new (void)
{
  return g_object_new (COBALT_TYPE_DOSE, NULL);
}

/* A copy with the same id: editing a copy and saving it updates the same
 * log entry. */
CobaltDose *
cobalt_dose_copy (CobaltDose *self)
{
  CobaltDose *copy;

  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  copy = cobalt_dose_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->prescription_id = self->prescription_id;
  if (self->given_at != NULL)
    copy->given_at = g_date_time_ref (self->given_at);
  copy->timezone = g_strdup (self->timezone);
  copy->site_id = g_strdup (self->site_id);
  copy->amount = self->amount;
  copy->unit = self->unit;
  copy->product = self->product;
  copy->batch = g_strdup (self->batch);
  if (self->expiry != NULL)
    copy->expiry = g_date_copy (self->expiry);
  copy->given_by = self->given_by;
  copy->given_by_name = g_strdup (self->given_by_name);
  copy->checklist_run_id = self->checklist_run_id;
  copy->notes = g_strdup (self->notes);
  copy->kind = self->kind;
  copy->advised_by = g_strdup (self->advised_by);
  if (self->moved_to != NULL)
    copy->moved_to = g_date_copy (self->moved_to);
  copy->exceptions = self->exceptions;
  copy->exception_note = g_strdup (self->exception_note);

  return copy;
}

gint64
cobalt_dose_get_id (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->id;
}

void
cobalt_dose_set_id (CobaltDose *self,
                    gint64     id)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_dose_get_person_id (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->person_id;
}

void
cobalt_dose_set_person_id (CobaltDose *self,
                           gint64     person_id)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

gint64
cobalt_dose_get_prescription_id (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->prescription_id;
}

void
cobalt_dose_set_prescription_id (CobaltDose *self,
                                 gint64     prescription_id)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->prescription_id == prescription_id)
    return;

  self->prescription_id = prescription_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESCRIPTION_ID]);
}

const char *
cobalt_dose_get_site_id (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->site_id;
}

void
cobalt_dose_set_site_id (CobaltDose *self,
                         const char *site_id)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->site_id, site_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_ID]);
}

double
cobalt_dose_get_amount (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->amount;
}

void
cobalt_dose_set_amount (CobaltDose *self,
                        double     amount)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
}

CobaltDoseUnit
cobalt_dose_get_unit (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->unit;
}

void
cobalt_dose_set_unit (CobaltDose *self,
                      CobaltDoseUnit unit)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

CobaltProduct
cobalt_dose_get_product (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->product;
}

void
cobalt_dose_set_product (CobaltDose *self,
                         CobaltProduct product)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->product == product)
    return;

  self->product = product;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
cobalt_dose_get_batch (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->batch;
}

void
cobalt_dose_set_batch (CobaltDose *self,
                       const char *batch)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->batch, batch))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
}

CobaltGivenBy
cobalt_dose_get_given_by (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->given_by;
}

void
cobalt_dose_set_given_by (CobaltDose *self,
                          CobaltGivenBy given_by)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->given_by == given_by)
    return;

  self->given_by = given_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_BY]);
}

const char *
cobalt_dose_get_given_by_name (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->given_by_name;
}

void
cobalt_dose_set_given_by_name (CobaltDose *self,
                               const char *given_by_name)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->given_by_name, given_by_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_BY_NAME]);
}

gint64
cobalt_dose_get_checklist_run_id (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), 0);

  return self->checklist_run_id;
}

void
cobalt_dose_set_checklist_run_id (CobaltDose *self,
                                  gint64     checklist_run_id)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->checklist_run_id == checklist_run_id)
    return;

  self->checklist_run_id = checklist_run_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST_RUN_ID]);
}

const char *
cobalt_dose_get_notes (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->notes;
}

void
cobalt_dose_set_notes (CobaltDose *self,
                       const char *notes)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

GDateTime *
cobalt_dose_get_given_at (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->given_at;
}

void
cobalt_dose_set_given_at (CobaltDose *self,
                          GDateTime  *given_at)
{
  const char *identifier = NULL;

  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->given_at == given_at)
    return;
  if (self->given_at != NULL && given_at != NULL &&
      g_date_time_equal (self->given_at, given_at) &&
      g_strcmp0 (self->timezone,
                 g_time_zone_get_identifier (g_date_time_get_timezone (given_at))) == 0)
    return;

  g_clear_pointer (&self->given_at, g_date_time_unref);
  if (given_at != NULL)
    {
      self->given_at = g_date_time_ref (given_at);
      identifier = g_time_zone_get_identifier (g_date_time_get_timezone (given_at));
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_AT]);
  if (cobalt_record_set_str (&self->timezone, identifier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
cobalt_dose_get_timezone (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->timezone != NULL ? self->timezone : "UTC";
}

GDate *
cobalt_dose_get_expiry (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->expiry;
}

void
cobalt_dose_set_expiry (CobaltDose  *self,
                        const GDate *expiry)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_date (&self->expiry, expiry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY]);
}

CobaltDoseKind
cobalt_dose_get_kind (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), COBALT_DOSE_KIND_GIVEN);

  return self->kind;
}

void
cobalt_dose_set_kind (CobaltDose     *self,
                      CobaltDoseKind  kind)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gboolean
cobalt_dose_is_given (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), FALSE);

  return self->kind == COBALT_DOSE_KIND_GIVEN;
}

const char *
cobalt_dose_get_advised_by (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->advised_by;
}

void
cobalt_dose_set_advised_by (CobaltDose *self,
                            const char *advised_by)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->advised_by, advised_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADVISED_BY]);
}

GDate *
cobalt_dose_get_moved_to (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->moved_to;
}

void
cobalt_dose_set_moved_to (CobaltDose  *self,
                          const GDate *moved_to)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_date (&self->moved_to, moved_to))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_TO]);
}

CobaltDoseException
cobalt_dose_get_exceptions (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), COBALT_DOSE_EXCEPTION_NONE);

  return self->exceptions;
}

void
cobalt_dose_set_exceptions (CobaltDose          *self,
                            CobaltDoseException  exceptions)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (self->exceptions == exceptions)
    return;

  self->exceptions = exceptions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCEPTIONS]);
}

const char *
cobalt_dose_get_exception_note (CobaltDose *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  return self->exception_note;
}

void
cobalt_dose_set_exception_note (CobaltDose *self,
                                const char *note)
{
  g_return_if_fail (COBALT_IS_DOSE (self));

  if (cobalt_record_set_str (&self->exception_note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCEPTION_NOTE]);
}

int
cobalt_dose_compare_given_at (gconstpointer a,
                              gconstpointer b)
{
  CobaltDose *dose_a = *(CobaltDose * const *) a;
  CobaltDose *dose_b = *(CobaltDose * const *) b;

  /* Undated entries sort first; equal instants by id so the order is stable. */
  if (dose_a->given_at == NULL || dose_b->given_at == NULL)
    {
      if (dose_a->given_at != dose_b->given_at)
        return dose_a->given_at == NULL ? -1 : 1;
    }
  else
    {
      int cmp = g_date_time_compare (dose_a->given_at, dose_b->given_at);

      if (cmp != 0)
        return cmp;
    }

  return (dose_a->id > dose_b->id) - (dose_a->id < dose_b->id);
}

const char *
cobalt_given_by_to_string (CobaltGivenBy given_by)
{
  switch (given_by)
    {
    case COBALT_GIVEN_BY_SELF:
      return _("Self");
    case COBALT_GIVEN_BY_CARER:
      return _("Carer");
    case COBALT_GIVEN_BY_CLINIC:
      return _("Clinic");
    default:
      return "?";
    }
}

char *
cobalt_dose_describe_not_given (CobaltDose *self)
{
  const char *who;

  g_return_val_if_fail (COBALT_IS_DOSE (self), NULL);

  who = self->advised_by != NULL && *self->advised_by != '\0' ? self->advised_by : _("the clinic");

  switch (self->kind)
    {
    case COBALT_DOSE_KIND_SKIPPED:
      /* Translators: %s is who advised it, "Dr Rao" */
      return g_strdup_printf (_("Not given — skipped on the advice of %s"), who);

    case COBALT_DOSE_KIND_MOVED:
      if (self->moved_to != NULL && g_date_valid (self->moved_to))
        {
          char day[64];

          /* Translators: a day in a sentence, g_date_strftime() syntax: "Friday 16 January 2026" */
          if (g_date_strftime (day, sizeof day, _("%A %-d %B %Y"), self->moved_to) == 0)
            g_strlcpy (day, "?", sizeof day);
          /* Translators: "Not given — moved to Friday 16 January 2026 on the advice of Dr Rao" */
          return g_strdup_printf (_("Not given — moved to %s on the advice of %s"), day, who);
        }
      /* Translators: %s is who advised it, "Dr Rao" */
      return g_strdup_printf (_("Not given — moved on the advice of %s"), who);

    case COBALT_DOSE_KIND_GIVEN:
    default:
      return NULL;
    }
}
