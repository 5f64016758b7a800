/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-context.h"

struct _CobaltContext
{
  GObject           parent_instance;

  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
};

G_DEFINE_FINAL_TYPE (CobaltContext, cobalt_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_CLOCK,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cobalt_context_constructed (GObject *object)
{
  CobaltContext *self = (CobaltContext *)object;

  G_OBJECT_CLASS (cobalt_context_parent_class)->constructed (object);

  /* Every widget handed a context reads both without checking. */
  g_assert (COBALT_IS_REPOSITORY (self->repository));
  g_assert (COBALT_IS_CLOCK (self->clock));
}

static void
cobalt_context_finalize (GObject *object)
{
  CobaltContext *self = (CobaltContext *)object;

  g_clear_object (&self->repository);
  g_clear_object (&self->clock);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (cobalt_context_parent_class)->finalize (object);
}

static void
cobalt_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CobaltContext *self = COBALT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CobaltContext *self = COBALT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      cobalt_context_set_person (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_context_class_init (CobaltContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cobalt_context_constructed;
  object_class->finalize = cobalt_context_finalize;
  object_class->get_property = cobalt_context_get_property;
  object_class->set_property = cobalt_context_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, COBALT_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, COBALT_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_context_init (CobaltContext *self)
{
}

CobaltContext *
cobalt_context_new (CobaltRepository *repository,
                    CobaltClock      *clock,
                    CobaltPerson     *person)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (person == NULL || COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_CONTEXT,
                       "repository", repository,
                       "clock", clock,
                       "person", person,
                       NULL);
}

CobaltRepository *
cobalt_context_get_repository (CobaltContext *self)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (self), NULL);
  return self->repository;
}

CobaltClock *
cobalt_context_get_clock (CobaltContext *self)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (self), NULL);
  return self->clock;
}

CobaltPerson *
cobalt_context_get_person (CobaltContext *self)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (self), NULL);
  return self->person;
}

void
cobalt_context_set_person (CobaltContext *self,
                           CobaltPerson  *person)
{
  g_return_if_fail (COBALT_IS_CONTEXT (self));
  g_return_if_fail (person == NULL || COBALT_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
