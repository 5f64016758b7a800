/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-checklist-run.h"
#include "cobalt-record.h"

/* One step as it was when the run started (the definition may be reworded
 * later; history must keep what the person actually saw). */
typedef struct
{
  char      *kind;
  char      *title;
  char      *explanation;
  GDateTime *ticked_at;
} RunStep;

struct _CobaltChecklistRun
{
  GObject         parent_instance;

  gint64          id;
  gint64          person_id;
  GDateTime      *started_at;
  GDateTime      *finished_at;
  CobaltRunState  state;
  char           *abort_reason;
  gint64          dose_id;
  GArray         *steps;          /* RunStep */
  guint           current;
  char           *expiry_override;
  gboolean        expiry_blocked;
  char           *site_id;        /* chosen in the site step, kept with the run */
};

G_DEFINE_FINAL_TYPE (CobaltChecklistRun, cobalt_checklist_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_STATE,
  PROP_ABORT_REASON,
  PROP_DOSE_ID,
  PROP_N_STEPS,
  PROP_CURRENT_STEP,
  PROP_N_TICKED,
  PROP_CAN_FINISH,
  PROP_EXPIRY_OVERRIDE,
  PROP_EXPIRY_BLOCKED,
  PROP_SITE_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
run_step_clear (gpointer data)
{
  RunStep *step = data;

  g_clear_pointer (&step->kind, g_free);
  g_clear_pointer (&step->title, g_free);
  g_clear_pointer (&step->explanation, g_free);
  g_clear_pointer (&step->ticked_at, g_date_time_unref);
}

static inline RunStep *
get_step (CobaltChecklistRun *self,
          guint               index)
{
  g_assert (index < self->steps->len);
  return &g_array_index (self->steps, RunStep, index);
}

static void
append_step (CobaltChecklistRun *self,
             const char         *kind,
             const char         *title,
             const char         *explanation,
             GDateTime          *ticked_at)
{
  RunStep step = {
    .kind = g_strdup (kind != NULL ? kind : COBALT_STEP_CUSTOM),
    .title = g_strdup (title != NULL ? title : ""),
    .explanation = g_strdup (explanation),
    .ticked_at = ticked_at != NULL ? g_date_time_ref (ticked_at) : NULL,
  };

  g_array_append_val (self->steps, step);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static char *
strip_copy (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static gboolean
ensure_open (CobaltChecklistRun  *self,
             GError             **error)
{
  if (self->state == COBALT_RUN_IN_PROGRESS)
    return TRUE;

  g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_CLOSED,
                       self->state == COBALT_RUN_COMPLETED
                       ? _("This checklist is already finished.")
                       : _("This checklist was stopped and cannot be changed."));
  return FALSE;
}

static gboolean
ensure_reached (CobaltChecklistRun  *self,
                guint                index,
                GError             **error)
{
  if (index >= self->steps->len)
    {
      g_set_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP,
                   _("There is no step %u in this checklist."), index + 1);
      return FALSE;
    }

  if (index > self->current)
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP,
                           _("Work through the steps in order: this step has not been reached yet."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
all_ticked_before (CobaltChecklistRun *self,
                   guint               end)
{
  for (guint i = 0; i < end && i < self->steps->len; i++)
    if (get_step (self, i)->ticked_at == NULL)
      return FALSE;

  return TRUE;
}

/* Expired medicine is never used (docs/clinical-sources.md, "Technique
 * data"): while the batch is expired the expiry step cannot be ticked, and
 * no note, not even an older version's override, lets it through. */
static gboolean
expiry_tick_allowed (CobaltChecklistRun *self,
                     guint               index)
{
  return !self->expiry_blocked
         || g_strcmp0 (get_step (self, index)->kind, COBALT_STEP_CHECK_EXPIRY) != 0;
}

/* Takes back ticks of the expiry step that the current blocking no longer
 * justifies. Returns TRUE when something changed. */
static gboolean
drop_unjustified_expiry_ticks (CobaltChecklistRun *self)
{
  gboolean changed = FALSE;

  if (self->state != COBALT_RUN_IN_PROGRESS)
    return FALSE;

  for (guint i = 0; i < self->steps->len; i++)
    {
      RunStep *step = get_step (self, i);

      if (step->ticked_at != NULL && !expiry_tick_allowed (self, i))
        {
          g_clear_pointer (&step->ticked_at, g_date_time_unref);
          changed = TRUE;
        }
    }

  return changed;
}

static void
emit_changed (CobaltChecklistRun *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Notifies the derived properties that follow from the ticks. */
static void
notify_ticks (CobaltChecklistRun *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TICKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_FINISH]);
}

static void
cobalt_checklist_run_finalize (GObject *object)
{
  CobaltChecklistRun *self = (CobaltChecklistRun *)object;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_clear_pointer (&self->abort_reason, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->expiry_override, g_free);
  g_clear_pointer (&self->site_id, g_free);

  G_OBJECT_CLASS (cobalt_checklist_run_parent_class)->finalize (object);
}

static void
cobalt_checklist_run_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltChecklistRun *self = COBALT_CHECKLIST_RUN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, self->started_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ABORT_REASON:
      g_value_set_string (value, self->abort_reason);
      break;
    case PROP_DOSE_ID:
      g_value_set_int64 (value, self->dose_id);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->steps->len);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_uint (value, self->current);
      break;
    case PROP_N_TICKED:
      g_value_set_uint (value, cobalt_checklist_run_get_n_ticked (self));
      break;
    case PROP_CAN_FINISH:
      g_value_set_boolean (value, cobalt_checklist_run_can_finish (self));
      break;
    case PROP_EXPIRY_OVERRIDE:
      g_value_set_string (value, self->expiry_override);
      break;
    case PROP_EXPIRY_BLOCKED:
      g_value_set_boolean (value, self->expiry_blocked);
      break;
    case PROP_SITE_ID:
      g_value_set_string (value, self->site_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checklist_run_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltChecklistRun *self = COBALT_CHECKLIST_RUN (object);

  switch (prop_id)
    {
    case PROP_ID:
      cobalt_checklist_run_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    case PROP_STARTED_AT:
      cobalt_set_date_time (&self->started_at, g_value_get_boxed (value));
      break;
    case PROP_DOSE_ID:
      cobalt_checklist_run_set_dose_id (self, g_value_get_int64 (value));
      break;
    case PROP_EXPIRY_BLOCKED:
      cobalt_checklist_run_set_expiry_blocked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_checklist_run_class_init (CobaltChecklistRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = cobalt_checklist_run_finalize;
  object_class->get_property = cobalt_checklist_run_get_property;
  object_class->set_property = cobalt_checklist_run_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_STARTED_AT] =
    g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME,
                        rw | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, COBALT_TYPE_RUN_STATE,
                       COBALT_RUN_IN_PROGRESS, ro);
  properties[PROP_ABORT_REASON] =
    g_param_spec_string ("abort-reason", NULL, NULL, NULL, ro);
  properties[PROP_DOSE_ID] =
    g_param_spec_int64 ("dose-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CURRENT_STEP] =
    g_param_spec_uint ("current-step", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TICKED] =
    g_param_spec_uint ("n-ticked", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAN_FINISH] =
    g_param_spec_boolean ("can-finish", NULL, NULL, FALSE, ro);
  properties[PROP_EXPIRY_OVERRIDE] =
    g_param_spec_string ("expiry-override", NULL, NULL, NULL, ro);
  properties[PROP_EXPIRY_BLOCKED] =
    g_param_spec_boolean ("expiry-blocked", NULL, NULL, FALSE, rw);
  properties[PROP_SITE_ID] =
    g_param_spec_string ("site-id", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltChecklistRun::changed:
   *
   * After any successful change of the run (ticks, position, state), so
   * the owner can persist it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cobalt_checklist_run_init (CobaltChecklistRun *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (RunStep));
  g_array_set_clear_func (self->steps, run_step_clear);
  self->state = COBALT_RUN_IN_PROGRESS;
}

CobaltChecklistRun *
cobalt_checklist_run_new (gint64      person_id,
                          GListModel *steps,
                          GDateTime  *started_at)
{
  CobaltChecklistRun *self;
  guint n;

  g_return_val_if_fail (steps == NULL || G_IS_LIST_MODEL (steps), NULL);
  g_return_val_if_fail (started_at != NULL, NULL);

  self = g_object_new (COBALT_TYPE_CHECKLIST_RUN,
                       "person-id", person_id,
                       "started-at", started_at,
                       NULL);

  n = steps != NULL ? g_list_model_get_n_items (steps) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltChecklistStep) step = g_list_model_get_item (steps, i);

      g_return_val_if_fail (COBALT_IS_CHECKLIST_STEP (step), self);
      append_step (self,
                   step->kind,
                   step->title,
                   step->explanation,
                   NULL);
    }

  return self;
}

CobaltChecklistRun *
cobalt_checklist_run_new_for_restore (gint64     id,
                                      gint64     person_id,
                                      GDateTime *started_at)
{
  g_return_val_if_fail (started_at != NULL, NULL);

  return g_object_new (COBALT_TYPE_CHECKLIST_RUN,
                       "id", id,
                       "person-id", person_id,
                       "started-at", started_at,
                       NULL);
}

void
cobalt_checklist_run_restore_step (CobaltChecklistRun *self,
                                   const char         *kind,
                                   const char         *title,
                                   const char         *explanation,
                                   GDateTime          *ticked_at)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));

  append_step (self, kind, title, explanation, ticked_at);
}

void
cobalt_checklist_run_restore_state (CobaltChecklistRun *self,
                                    CobaltRunState      state,
                                    guint               current_step,
                                    GDateTime          *finished_at,
                                    const char         *abort_reason,
                                    const char         *expiry_override)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));
  g_return_if_fail (state <= COBALT_RUN_ABORTED);

  self->state = state;
  /* A stored position beyond the steps (a damaged row) must not make the
   * getters assert: clamp it to the last step. */
  self->current = self->steps->len == 0 ? 0 : MIN (current_step, self->steps->len - 1);
  cobalt_set_date_time (&self->finished_at, finished_at);
  cobalt_set_str (&self->abort_reason, abort_reason);
  cobalt_set_str (&self->expiry_override, expiry_override);
}

void
cobalt_checklist_run_restore_site_id (CobaltChecklistRun *self,
                                      const char         *site_id)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));

  cobalt_set_str (&self->site_id, site_id);
}

gint64
cobalt_checklist_run_get_id (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);
  return self->id;
}

void
cobalt_checklist_run_set_id (CobaltChecklistRun *self,
                             gint64              id)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
cobalt_checklist_run_get_person_id (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);
  return self->person_id;
}

GDateTime *
cobalt_checklist_run_get_started_at (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  return self->started_at;
}

GDateTime *
cobalt_checklist_run_get_finished_at (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  return self->finished_at;
}

CobaltRunState
cobalt_checklist_run_get_state (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), COBALT_RUN_IN_PROGRESS);
  return self->state;
}

gboolean
cobalt_checklist_run_is_open (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  return self->state == COBALT_RUN_IN_PROGRESS;
}

const char *
cobalt_checklist_run_get_abort_reason (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  return self->abort_reason;
}

gint64
cobalt_checklist_run_get_dose_id (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);
  return self->dose_id;
}

void
cobalt_checklist_run_set_dose_id (CobaltChecklistRun *self,
                                  gint64              dose_id)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));

  /* Allowed after finishing: the dose is logged as the run completes. */
  if (self->dose_id == dose_id)
    return;
  self->dose_id = dose_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSE_ID]);
  emit_changed (self);
}

guint
cobalt_checklist_run_get_n_steps (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);
  return self->steps->len;
}

const char *
cobalt_checklist_run_get_step_kind (CobaltChecklistRun *self,
                                    guint               index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return get_step (self, index)->kind;
}

const char *
cobalt_checklist_run_get_step_title (CobaltChecklistRun *self,
                                     guint               index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return get_step (self, index)->title;
}

const char *
cobalt_checklist_run_get_step_explanation (CobaltChecklistRun *self,
                                           guint               index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return get_step (self, index)->explanation;
}

GDateTime *
cobalt_checklist_run_get_step_ticked_at (CobaltChecklistRun *self,
                                         guint               index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return get_step (self, index)->ticked_at;
}

gboolean
cobalt_checklist_run_is_step_ticked (CobaltChecklistRun *self,
                                     guint               index)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (index < self->steps->len, FALSE);
  return get_step (self, index)->ticked_at != NULL;
}

int
cobalt_checklist_run_find_step (CobaltChecklistRun *self,
                                const char         *kind)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), -1);
  g_return_val_if_fail (kind != NULL, -1);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_str_equal (get_step (self, i)->kind, kind))
      return (int)i;

  return -1;
}

guint
cobalt_checklist_run_get_n_ticked (CobaltChecklistRun *self)
{
  guint n = 0;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    if (get_step (self, i)->ticked_at != NULL)
      n++;

  return n;
}

guint
cobalt_checklist_run_get_current_step (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), 0);
  return self->current;
}

const char *
cobalt_checklist_run_get_expiry_override (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  return self->expiry_override;
}

const char *
cobalt_checklist_run_get_site_id (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), NULL);
  return self->site_id;
}

gboolean
cobalt_checklist_run_set_site_id (CobaltChecklistRun  *self,
                                  const char          *site_id,
                                  GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  if (site_id != NULL && *site_id == '\0')
    site_id = NULL;
  if (!cobalt_set_str (&self->site_id, site_id))
    return TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_ID]);
  emit_changed (self);
  return TRUE;
}

gboolean
cobalt_checklist_run_get_expiry_blocked (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  return self->expiry_blocked;
}

void
cobalt_checklist_run_set_expiry_blocked (CobaltChecklistRun *self,
                                         gboolean            blocked)
{
  g_return_if_fail (COBALT_IS_CHECKLIST_RUN (self));

  blocked = !!blocked;
  if (self->expiry_blocked == blocked)
    return;

  self->expiry_blocked = blocked;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRY_BLOCKED]);
  /* A batch found expired after the step was ticked: the person has to
   * take an in-date ampoule (or stop) before going on. */
  if (drop_unjustified_expiry_ticks (self))
    notify_ticks (self);
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);
}

gboolean
cobalt_checklist_run_tick (CobaltChecklistRun  *self,
                           guint                index,
                           GDateTime           *now,
                           GError             **error)
{
  RunStep *step;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error) || !ensure_reached (self, index, error))
    return FALSE;

  if (!expiry_tick_allowed (self, index))
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_EXPIRED,
                           _("This batch has expired: take an in-date ampoule, or stop."));
      return FALSE;
    }

  step = get_step (self, index);
  /* Ticking twice keeps the first time: that is when it was checked. */
  if (step->ticked_at != NULL)
    return TRUE;

  step->ticked_at = g_date_time_ref (now);

  g_object_freeze_notify (G_OBJECT (self));
  notify_ticks (self);
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);

  return TRUE;
}

gboolean
cobalt_checklist_run_untick (CobaltChecklistRun  *self,
                             guint                index,
                             GError             **error)
{
  RunStep *step;

  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error) || !ensure_reached (self, index, error))
    return FALSE;

  step = get_step (self, index);
  if (step->ticked_at == NULL)
    return TRUE;

  g_clear_pointer (&step->ticked_at, g_date_time_unref);

  g_object_freeze_notify (G_OBJECT (self));
  notify_ticks (self);
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);

  return TRUE;
}

static void
set_current (CobaltChecklistRun *self,
             guint               index)
{
  if (self->current == index)
    return;

  self->current = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
  emit_changed (self);
}

gboolean
cobalt_checklist_run_go_next (CobaltChecklistRun  *self,
                              GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  if (self->current + 1 >= self->steps->len)
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_AT_END,
                           _("This is the last step."));
      return FALSE;
    }

  if (get_step (self, self->current)->ticked_at == NULL)
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED,
                           _("Tick this step once you have done it, then go on."));
      return FALSE;
    }

  set_current (self, self->current + 1);
  return TRUE;
}

gboolean
cobalt_checklist_run_go_back (CobaltChecklistRun  *self,
                              GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  if (self->current == 0)
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_AT_START,
                           _("This is the first step."));
      return FALSE;
    }

  set_current (self, self->current - 1);
  return TRUE;
}

gboolean
cobalt_checklist_run_go_to (CobaltChecklistRun  *self,
                            guint                index,
                            GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  if (index >= self->steps->len)
    {
      g_set_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_BAD_STEP,
                   _("There is no step %u in this checklist."), index + 1);
      return FALSE;
    }

  if (!all_ticked_before (self, index))
    {
      g_set_error_literal (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED,
                           _("Tick the earlier steps first."));
      return FALSE;
    }

  set_current (self, index);
  return TRUE;
}

gboolean
cobalt_checklist_run_can_finish (CobaltChecklistRun *self)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);

  return self->state == COBALT_RUN_IN_PROGRESS
         && all_ticked_before (self, self->steps->len);
}

gboolean
cobalt_checklist_run_finish (CobaltChecklistRun  *self,
                             GDateTime           *now,
                             GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  if (!all_ticked_before (self, self->steps->len))
    {
      guint missing = self->steps->len - cobalt_checklist_run_get_n_ticked (self);

      g_set_error (error, COBALT_CHECKLIST_ERROR, COBALT_CHECKLIST_ERROR_NOT_TICKED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u step is not ticked yet.",
                                "%u steps are not ticked yet.", missing),
                   missing);
      return FALSE;
    }

  self->state = COBALT_RUN_COMPLETED;
  cobalt_set_date_time (&self->finished_at, now);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_FINISH]);
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);

  return TRUE;
}

gboolean
cobalt_checklist_run_abort (CobaltChecklistRun  *self,
                            const char          *reason,
                            GDateTime           *now,
                            GError             **error)
{
  g_return_val_if_fail (COBALT_IS_CHECKLIST_RUN (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  self->state = COBALT_RUN_ABORTED;
  g_free (self->abort_reason);
  /* Optional: whoever stops mid-injection needs the urgent help, not a
   * form (docs/clinical-sources.md, "Safety wording"). The table's CHECK
   * refuses a blank reason but not a missing one. */
  self->abort_reason = is_blank (reason) ? NULL : strip_copy (reason);
  cobalt_set_date_time (&self->finished_at, now);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ABORT_REASON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_FINISH]);
  g_object_thaw_notify (G_OBJECT (self));
  emit_changed (self);

  return TRUE;
}

const char *
cobalt_run_state_to_string (CobaltRunState state)
{
  switch (state)
    {
    case COBALT_RUN_IN_PROGRESS:
      return _("In progress");
    case COBALT_RUN_COMPLETED:
      return _("Completed");
    case COBALT_RUN_ABORTED:
      return _("Stopped");
    default:
      g_return_val_if_reached (NULL);
    }
}
