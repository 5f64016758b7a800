/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-core.h"
#include "cobalt-dose-timing-notice.h"
#include "cobalt-journey-util.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-log-filter-layout.h"

struct _CobaltLogElsewhereDialog
{
  GtkWindow           parent_instance;

  CobaltContext      *context;
  /* Whose dose it is: the one the dialog was opened for, whoever the
   * context turns to while it is open. */
  CobaltPerson       *person;
  CobaltPrescription *prescription;
  GtkStringList      *site_ids;   /* "" first = not recorded */

  GtkDropDown        *given_by_dropdown;
  GtkLabel           *who_label;
  GtkEntry           *who_entry;
  GtkLabel           *who_error;
  GtkWidget          *when_box;
  GtkEntry           *date_entry;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  GtkLabel           *when_error;
  GtkDropDown        *site_dropdown;
  GtkSpinButton      *amount_spin;
  GtkLabel           *unit_label;
  GtkLabel           *amount_error;
  GtkEntry           *batch_entry;
  GtkEntry           *expiry_entry;
  GtkLabel           *expiry_error;
  GtkEntry           *notes_entry;
  GtkLabel           *save_error;
  GtkButton          *save_button;
  GtkGrid            *grid;

  /* The early-dose guard: shown under the time when the dose would be
   * early or extra, with the explicit choice to log it all the same. */
  GtkWidget          *timing_box;
  GtkWidget          *timing_notice;
  GtkToggleButton    *timing_check;          /* CobaltChoiceButton */
  gint64              timing_checked_for; /* the instant the tick was given for */

  /* An amount other than the prescription's, kept only with "my clinic
   * told me to" and the person's words (cobalt-dose-rules.h). */
  GtkWidget          *amount_reason_box;
  GtkToggleButton    *amount_reason_check;   /* CobaltChoiceButton */
  GtkEntry           *amount_reason_entry;
  GtkLabel           *amount_reason_error;
};

G_DEFINE_FINAL_TYPE (CobaltLogElsewhereDialog, cobalt_log_elsewhere_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  N_PROPS
};

enum {
  LOGGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltRepository *
repository_of (CobaltLogElsewhereDialog *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltLogElsewhereDialog *self)
{
  return cobalt_context_get_clock (self->context);
}

static CobaltGivenBy
selected_given_by (CobaltLogElsewhereDialog *self)
{
  return gtk_drop_down_get_selected (self->given_by_dropdown) == 1 ? COBALT_GIVEN_BY_CARER
                                                                     : COBALT_GIVEN_BY_CLINIC;
}

static CobaltDoseUnit
dose_unit (CobaltLogElsewhereDialog *self)
{
  return self->prescription != NULL ? self->prescription->unit : COBALT_DOSE_UNIT_MG;
}

/* Under the amount's error: shown once the rules find the amount is not
 * the prescription's. */
static void
build_amount_reason (CobaltLogElsewhereDialog *self)
{
  int row;

  self->amount_reason_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->amount_reason_check =
    GTK_TOGGLE_BUTTON (cobalt_choice_button_new (_("My clinic told me to give this a_mount")));
  self->amount_reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->amount_reason_entry, _("Why, in your words: who advised it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the amount differs from the prescription"),
                                  -1);
  self->amount_reason_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->amount_reason_error, 0);
  gtk_label_set_wrap (self->amount_reason_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->amount_reason_error), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_reason_error), FALSE);
  gtk_box_append (GTK_BOX (self->amount_reason_box), GTK_WIDGET (self->amount_reason_check));
  gtk_box_append (GTK_BOX (self->amount_reason_box), GTK_WIDGET (self->amount_reason_entry));
  gtk_box_append (GTK_BOX (self->amount_reason_box), GTK_WIDGET (self->amount_reason_error));
  gtk_widget_set_visible (self->amount_reason_box, FALSE);

  gtk_grid_query_child (self->grid, GTK_WIDGET (self->amount_error), NULL, &row, NULL, NULL);
  gtk_grid_insert_row (self->grid, row + 1);
  gtk_grid_attach (self->grid, self->amount_reason_box, 0, row + 1, 1, 1);
}

/* A refusal of the rules (cobalt-dose-rules.h) next to the field it
 * names; the first one in @first. */
static void
show_rule_error (CobaltLogElsewhereDialog  *self,
                 const GError              *rule_error,
                 GError                   **first,
                 GtkWidget                **focus)
{
  GtkLabel *label = self->save_error;
  GtkWidget *field = NULL;

  if (rule_error->domain == COBALT_DOSE_ERROR)
    switch ((CobaltDoseError) rule_error->code)
      {
      case COBALT_DOSE_ERROR_GIVEN_AT:
        label = self->when_error;
        field = GTK_WIDGET (self->date_entry);
        break;
      case COBALT_DOSE_ERROR_AMOUNT_DIFFERS:
        gtk_widget_set_visible (self->amount_reason_box, TRUE);
        label = self->amount_error;
        field = GTK_WIDGET (self->amount_reason_check);
        break;
      case COBALT_DOSE_ERROR_AMOUNT:
      case COBALT_DOSE_ERROR_UNIT:
        label = self->amount_error;
        field = GTK_WIDGET (self->amount_spin);
        break;
      case COBALT_DOSE_ERROR_EXCEPTION_NOTE:
        label = self->amount_reason_error;
        field = GTK_WIDGET (self->amount_reason_entry);
        break;
      case COBALT_DOSE_ERROR_EXPIRY:
        label = self->expiry_error;
        field = GTK_WIDGET (self->expiry_entry);
        break;
      case COBALT_DOSE_ERROR_PRODUCT:
      case COBALT_DOSE_ERROR_PRODUCT_DIFFERS:
      case COBALT_DOSE_ERROR_SITE:
      case COBALT_DOSE_ERROR_KIND:
      case COBALT_DOSE_ERROR_ADVISED_BY:
      case COBALT_DOSE_ERROR_MOVED_TO:
      default:
        break;
      }

  if (label == self->save_error && rule_error->domain != COBALT_DOSE_ERROR)
    {
      g_autofree char *text = cobalt_journey_describe_error (rule_error);

      cobalt_journey_set_field_error (label, text);
    }
  else
    cobalt_journey_set_field_error (label, rule_error->message);
  if (*first == NULL)
    *first = g_error_copy (rule_error);
  if (*focus == NULL)
    *focus = field;
}

static void
on_given_by_changed_cb (GtkDropDown              *dropdown,
                        GParamSpec               *pspec,
                        CobaltLogElsewhereDialog *self)
{
  gboolean carer = selected_given_by (self) == COBALT_GIVEN_BY_CARER;

  gtk_entry_set_placeholder_text (self->who_entry,
                                  carer ? _("The carer's name (required)")
                                        : _("Clinic, nurse or doctor (optional)"));
  cobalt_journey_set_field_error (self->who_error, NULL);
}

/* A row of the grid under the time and its error. */
static void
build_timing_box (CobaltLogElsewhereDialog *self)
{
  int row;

  self->timing_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->timing_box, "card");
  self->timing_notice = cobalt_dose_timing_notice_new ();
  gtk_box_append (GTK_BOX (self->timing_box), self->timing_notice);
  /* Alt+C is Cancel's. */
  self->timing_check = GTK_TOGGLE_BUTTON (cobalt_choice_button_new (_("My clinic _told me to give it")));
  gtk_box_append (GTK_BOX (self->timing_box), GTK_WIDGET (self->timing_check));
  gtk_widget_set_visible (self->timing_box, FALSE);

  gtk_grid_query_child (self->grid, GTK_WIDGET (self->when_error), NULL, &row, NULL, NULL);
  gtk_grid_insert_row (self->grid, row + 1);
  gtk_grid_attach (self->grid, self->timing_box, 0, row + 1, 1, 1);
}

/* FALSE (the reason in @first) when a dose at @given_at would be early or
 * extra and the person has not said their clinic told them to give it;
 * else TRUE, with the reasons to keep with the dose in @exceptions. */
static gboolean
check_timing (CobaltLogElsewhereDialog  *self,
              GDateTime                 *given_at,
              CobaltDoseException       *exceptions,
              GError                   **first)
{
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(CobaltDoseTimingInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 instant = g_date_time_to_unix (given_at);

  *exceptions = COBALT_DOSE_EXCEPTION_NONE;
  doses = cobalt_repository_list_schedule_doses (repository_of (self), self->person->id, &error);
  if (doses == NULL)
    return TRUE;  /* never blocks: the save below will report the database */

  info = cobalt_dose_timing_check (self->prescription, doses, given_at, cobalt_clock_get_timezone (clock_of (self)));
  if (info->timing == COBALT_DOSE_TIMING_EXPECTED)
    {
      gtk_widget_set_visible (self->timing_box, FALSE);
      return TRUE;
    }

  /* A tick given for another time does not carry over. */
  if (self->timing_checked_for != instant)
    gtk_toggle_button_set_active (self->timing_check, FALSE);
  self->timing_checked_for = instant;

  cobalt_dose_timing_notice_set_info (COBALT_DOSE_TIMING_NOTICE (self->timing_notice), info);
  gtk_widget_set_visible (self->timing_box, TRUE);
  if (!gtk_toggle_button_get_active (self->timing_check))
    {
      g_set_error_literal (first, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           info->timing == COBALT_DOSE_TIMING_EXTRA
                             ? _("A dose is already logged for that day. Log this one only if your clinic told you to give it: tick the box below.")
                             : _("This dose is more than a day before it was due. Log it only if your clinic told you to give it: tick the box below."));
      return FALSE;
    }

  *exceptions = info->exceptions;
  return TRUE;
}

static void
on_save_button_clicked_cb (GtkButton                *button,
                           CobaltLogElsewhereDialog *self)
{
  if (cobalt_log_elsewhere_dialog_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_sites (CobaltLogElsewhereDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = cobalt_site_catalogue_get_n_sites ();

  self->site_ids = gtk_string_list_new (NULL);
  gtk_string_list_append (self->site_ids, "");
  gtk_string_list_append (names, _("Not recorded"));

  /* Only the sites the clinic enabled: a dose at another site is still
   * logged, as "not recorded" with a note. */
  for (guint i = 0; i < n; i++)
    {
      const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (i);

      if (self->prescription != NULL && !cobalt_prescription_is_site_enabled (self->prescription, info->id))
        continue;
      gtk_string_list_append (self->site_ids, info->id);
      gtk_string_list_append (names, cobalt_site_info_get_name (info));
    }

  gtk_drop_down_set_model (self->site_dropdown, G_LIST_MODEL (names));
}

static void
cobalt_log_elsewhere_dialog_constructed (GObject *object)
{
  CobaltLogElsewhereDialog *self = COBALT_LOG_ELSEWHERE_DIALOG (object);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;

  G_OBJECT_CLASS (cobalt_log_elsewhere_dialog_parent_class)->constructed (object);

  if (self->person != NULL)
    self->prescription = cobalt_repository_get_prescription (repository_of (self),
                                                             self->person->id, NULL);

  now = cobalt_clock_get_now (clock_of (self));
  date = g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (now));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (now));
  gtk_label_set_text (self->unit_label, cobalt_dose_unit_to_string (dose_unit (self)));
  /* The dose due now (a loading phase's may differ from the
   * maintenance one), as the rules will expect it. */
  if (self->prescription != NULL)
    {
      g_autoptr(GPtrArray) history = cobalt_repository_list_schedule_doses (repository_of (self),
                                                                           self->person->id, NULL);
      double expected = cobalt_dose_rules_expected_amount (self->prescription, history, now);

      gtk_spin_button_set_value (self->amount_spin,
                                 expected > 0 ? expected : self->prescription->amount);
    }
  else
    gtk_spin_button_set_value (self->amount_spin, 1.0);
  fill_sites (self);
  on_given_by_changed_cb (self->given_by_dropdown, NULL, self);
}

static void
cobalt_log_elsewhere_dialog_dispose (GObject *object)
{
  CobaltLogElsewhereDialog *self = COBALT_LOG_ELSEWHERE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_LOG_ELSEWHERE_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->prescription);
  g_clear_object (&self->site_ids);

  G_OBJECT_CLASS (cobalt_log_elsewhere_dialog_parent_class)->dispose (object);
}

static void
cobalt_log_elsewhere_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CobaltLogElsewhereDialog *self = COBALT_LOG_ELSEWHERE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_elsewhere_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CobaltLogElsewhereDialog *self = COBALT_LOG_ELSEWHERE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_elsewhere_dialog_class_init (CobaltLogElsewhereDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_log_elsewhere_dialog_constructed;
  object_class->dispose = cobalt_log_elsewhere_dialog_dispose;
  object_class->get_property = cobalt_log_elsewhere_dialog_get_property;
  object_class->set_property = cobalt_log_elsewhere_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOGGED] =
    g_signal_new ("logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, COBALT_TYPE_DOSE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (COBALT_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/log/cobalt-log-elsewhere-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, given_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, who_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, who_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, who_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, when_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, when_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, amount_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, batch_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, expiry_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, notes_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, save_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogElsewhereDialog, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_given_by_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}

static void
cobalt_log_elsewhere_dialog_init (CobaltLogElsewhereDialog *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_log_filter_layout_apply (self->when_box, 6);
  build_timing_box (self);
  build_amount_reason (self);
  /* The drop-downs are named by the labels above them. */
  cobalt_carers_name_drop_down (self->given_by_dropdown, _("Given by"), TRUE);
  cobalt_carers_name_drop_down (self->site_dropdown, _("Site"), TRUE);
  cobalt_carers_fix_names (GTK_WIDGET (self));
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));
}

CobaltLogElsewhereDialog *
cobalt_log_elsewhere_dialog_new (GtkWindow     *parent,
                                 CobaltContext *context,
                                 CobaltPerson  *person)
{
  CobaltLogElsewhereDialog *self;

  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  self = g_object_new (COBALT_TYPE_LOG_ELSEWHERE_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       "person", person,
                       NULL);
  cobalt_carers_fit_dialog (GTK_WINDOW (self), 460);
  return self;
}

static void
refuse (GError    **first,
        GtkLabel   *label,
        GtkWidget **focus,
        GtkWidget  *field,
        const char *message)
{
  cobalt_journey_set_field_error (label, message);
  if (*first == NULL)
    g_set_error_literal (first, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  if (*focus == NULL)
    *focus = field;
}

gboolean
cobalt_log_elsewhere_dialog_save (CobaltLogElsewhereDialog *self,
                                  GError                  **error)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) given_at = NULL;
  g_autoptr(CobaltDose) dose = NULL;
  g_autofree char *who = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *focus = NULL;
  CobaltGivenBy given_by;
  GDate date, expiry;
  CobaltDoseException exceptions = COBALT_DOSE_EXCEPTION_NONE;
  double amount;
  const char *expiry_text;
  const char *site_id = NULL;
  guint site_pos;

  g_return_val_if_fail (COBALT_IS_LOG_ELSEWHERE_DIALOG (self), FALSE);

  cobalt_journey_set_field_error (self->who_error, NULL);
  cobalt_journey_set_field_error (self->when_error, NULL);
  cobalt_journey_set_field_error (self->amount_error, NULL);
  cobalt_journey_set_field_error (self->expiry_error, NULL);
  cobalt_journey_set_field_error (self->amount_reason_error, NULL);
  cobalt_journey_set_field_error (self->save_error, NULL);

  given_by = selected_given_by (self);
  who = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->who_entry))));
  if (given_by == COBALT_GIVEN_BY_CARER && *who == '\0')
    refuse (&first, self->who_error, &focus, GTK_WIDGET (self->who_entry),
            _("Enter the name of the carer who gave the dose."));

  now = cobalt_clock_get_now (clock_of (self));
  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  if (!cobalt_journey_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &date))
    refuse (&first, self->when_error, &focus, GTK_WIDGET (self->date_entry),
            _("Enter the date as year-month-day, for example 2025-03-14."));
  else
    {
      given_at = g_date_time_new (cobalt_clock_get_timezone (clock_of (self)),
                                  g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                  gtk_spin_button_get_value_as_int (self->hour_spin),
                                  gtk_spin_button_get_value_as_int (self->minute_spin), 0);
      /* A time in the future is for the rules below, as for every way
       * of logging. */
      if (given_at == NULL)
        refuse (&first, self->when_error, &focus, GTK_WIDGET (self->date_entry),
                _("That time does not exist on that day (the clocks changed): check the time."));
    }

  gtk_spin_button_update (self->amount_spin);
  amount = gtk_spin_button_get_value (self->amount_spin);
  if (amount <= 0)
    refuse (&first, self->amount_error, &focus, GTK_WIDGET (self->amount_spin),
            _("Enter the amount that was given: more than zero."));

  expiry_text = gtk_editable_get_text (GTK_EDITABLE (self->expiry_entry));
  g_date_clear (&expiry, 1);
  if (expiry_text != NULL && *expiry_text != '\0' && !cobalt_journey_parse_date (expiry_text, &expiry))
    refuse (&first, self->expiry_error, &focus, GTK_WIDGET (self->expiry_entry),
            _("Enter the expiry as year-month-day, for example 2026-01-31, or leave it empty."));

  /* The rules are asked even when another field is wrong, so that every
   * reason shows at once. */
  if (given_at != NULL)
    {
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GError) rule_error = NULL;

      site_pos = gtk_drop_down_get_selected (self->site_dropdown);
      if (site_pos != GTK_INVALID_LIST_POSITION && site_pos > 0)
        site_id = gtk_string_list_get_string (self->site_ids, site_pos);

      batch = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->batch_entry))));
      notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_entry))));

      dose = cobalt_dose_new ();
      dose->person_id = self->person->id;
      cobalt_dose_set_given_at (dose, given_at);
      cobalt_set_str (&dose->site_id, site_id);
      dose->amount = amount;
      dose->unit = dose_unit (self);
      dose->given_by = given_by;
      cobalt_set_str (&dose->given_by_name, *who != '\0' ? who : NULL);
      cobalt_set_str (&dose->batch, *batch != '\0' ? batch : NULL);
      if (g_date_valid (&expiry))
        cobalt_set_date (&dose->expiry, &expiry);
      cobalt_set_str (&dose->notes, *notes != '\0' ? notes : NULL);
      if (self->prescription != NULL)
        {
          dose->prescription_id = self->prescription->id;
          dose->product = self->prescription->product;
        }
      if (gtk_widget_get_visible (self->amount_reason_box) && gtk_toggle_button_get_active (self->amount_reason_check))
        {
          g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_reason_entry))));

          dose->exceptions = COBALT_DOSE_EXCEPTION_AMOUNT;
          cobalt_set_str (&dose->exception_note, *reason != '\0' ? reason : NULL);
        }

      /* The rules every way of logging meets (the repository checks them
       * again), before the early-dose question: a time in the future is
       * refused, not asked about. */
      history = cobalt_repository_list_schedule_doses (repository_of (self), self->person->id, NULL);
      if (!cobalt_dose_validate (dose, self->person, self->prescription, history, now, &rule_error))
        show_rule_error (self, rule_error, &first, &focus);
    }

  /* Only once the rest is right: the guard's question is about a dose
   * that could otherwise be logged. */
  if (first == NULL && given_at != NULL && !check_timing (self, given_at, &exceptions, &first))
    {
      cobalt_journey_set_field_error (self->when_error, first->message);
      focus = GTK_WIDGET (self->timing_check);
    }

  if (first != NULL)
    {
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  if (exceptions != COBALT_DOSE_EXCEPTION_NONE)
    {
      g_autofree char *who_said = cobalt_dose_timing_notice_dup_note (COBALT_DOSE_TIMING_NOTICE (self->timing_notice));
      const char *reason = dose->exception_note;

      /* One note for every reason, each in the person's words. */
      dose->exceptions = dose->exceptions | exceptions;
      if (reason != NULL && who_said != NULL && *who_said != '\0')
        {
          g_autofree char *both = g_strdup_printf ("%s; %s", who_said, reason);

          cobalt_set_str (&dose->exception_note, both);
        }
      else if (reason == NULL)
        cobalt_set_str (&dose->exception_note, who_said);
    }

  if (!cobalt_repository_add_dose (repository_of (self), dose, &first))
    {
      /* Everything typed stays in the form. */
      show_rule_error (self, first, &first, &focus);
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  g_signal_emit (self, signals[LOGGED], 0, dose);
  return TRUE;
}

GtkWidget *
cobalt_log_elsewhere_dialog_get_field (CobaltLogElsewhereDialog *self,
                                       const char               *name)
{
  const struct { const char *name; gsize offset; } fields[] = {
    { "given-by", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, given_by_dropdown) },
    { "who", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, who_entry) },
    { "who-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, who_error) },
    { "date", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, date_entry) },
    { "hour", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, hour_spin) },
    { "minute", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, minute_spin) },
    { "when-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, when_error) },
    { "site", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, site_dropdown) },
    { "amount", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, amount_spin) },
    { "amount-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, amount_error) },
    { "batch", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, batch_entry) },
    { "expiry", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, expiry_entry) },
    { "expiry-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, expiry_error) },
    { "notes", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, notes_entry) },
    { "save", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, save_button) },
    { "save-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, save_error) },
    { "timing", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, timing_box) },
    { "timing-confirm", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, timing_check) },
    { "amount-reason", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, amount_reason_check) },
    { "amount-reason-note", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, amount_reason_entry) },
    { "amount-reason-error", G_STRUCT_OFFSET (CobaltLogElsewhereDialog, amount_reason_error) },
  };

  g_return_val_if_fail (COBALT_IS_LOG_ELSEWHERE_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

  return NULL;
}
