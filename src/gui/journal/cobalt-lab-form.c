/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-context.h"
#include "cobalt-journal-store.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-lab-form.h"

struct _CobaltLabForm
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *intro_label;
  GtkDropDown      *test_dropdown;
  GtkEntry         *value_entry;
  GtkDropDown      *unit_dropdown;
  GtkLabel         *conversion_label;
  GtkLabel         *value_error;
  GtkEntry         *ref_low_entry;
  GtkEntry         *ref_high_entry;
  GtkLabel         *range_unit_label;
  GtkLabel         *range_error;
  GtkEntry         *date_entry;
  GtkLabel         *date_error;
  GtkEntry         *lab_entry;
  GtkEntry         *note_entry;
  GtkLabel         *error_label;
  GtkLabel         *status_label;
  GtkButton        *save_button;

  CobaltContext    *context;
  gint64            person_id; /* whose result the form holds, 0 for nobody */
  CobaltLabResult  *editing;   /* the stored result being changed, or NULL */
};

G_DEFINE_FINAL_TYPE (CobaltLabForm, cobalt_lab_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltLabTest
current_test (CobaltLabForm *self)
{
  guint selected = gtk_drop_down_get_selected (self->test_dropdown);

  return selected < COBALT_N_LAB_TESTS ? (CobaltLabTest) selected : COBALT_LAB_TEST_SERUM_B12;
}

static const char *
current_unit (CobaltLabForm *self)
{
  const char * const *units = cobalt_lab_test_get_units (current_test (self));
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);

  if (units == NULL)
    return NULL;
  for (guint i = 0; units[i] != NULL; i++)
    if (i == selected)
      return units[i];
  return units[0];
}

static void
update_conversion (CobaltLabForm *self)
{
  const char * const *units = cobalt_lab_test_get_units (current_test (self));
  const char *unit = current_unit (self);
  g_autofree char *text = cobalt_journal_entry_text (GTK_EDITABLE (self->value_entry));
  g_autoptr(GString) line = g_string_new (NULL);
  double value;

  gtk_label_set_text (self->range_unit_label, unit != NULL ? unit : "");

  if (units != NULL && cobalt_journal_parse_number (text, &value, NULL) && value >= 0)
    for (guint i = 0; units[i] != NULL; i++)
      {
        double converted;
        g_autofree char *converted_text = NULL;

        if (g_strcmp0 (units[i], unit) == 0 ||
            !cobalt_lab_convert (value, unit, units[i], &converted, NULL))
          continue;

        converted_text = cobalt_journal_format_value (round (converted * 10) / 10);
        g_string_append_printf (line, "%s%s %s", line->len > 0 ? " = " : "= ", converted_text, units[i]);
      }

  gtk_label_set_text (self->conversion_label, line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->conversion_label), line->len > 0);
}

static void
fill_units (CobaltLabForm *self)
{
  const char * const *units = cobalt_lab_test_get_units (current_test (self));
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) units);

  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  update_conversion (self);
}

static void
clear_errors (CobaltLabForm *self)
{
  cobalt_journey_set_field_error (self->value_error, NULL);
  cobalt_journey_set_field_error (self->range_error, NULL);
  cobalt_journey_set_field_error (self->date_error, NULL);
  cobalt_journey_set_field_error (self->error_label, NULL);
}

static void
reset (CobaltLabForm *self)
{
  GDate day;
  char buf[16];

  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  /* The range and the lab usually stay the same from one result to the
   * next of the same report: keep them. */
  cobalt_journal_today (cobalt_context_get_clock (self->context), &day);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &day);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), buf);
  clear_errors (self);
  update_conversion (self);
}

/* Reads an optional bound of the reference range: empty is "not given". */
static gboolean
read_bound (GtkEntry *entry,
            double   *value)
{
  g_autofree char *text = cobalt_journal_entry_text (GTK_EDITABLE (entry));
  gboolean empty;

  if (cobalt_journal_parse_number (text, value, &empty))
    return TRUE;
  if (empty)
    {
      *value = NAN;
      return TRUE;
    }
  return FALSE;
}

static void
on_test_selected_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     CobaltLabForm *self)
{
  fill_units (self);
  cobalt_journey_set_field_error (self->value_error, NULL);
}

static void
on_unit_selected_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     CobaltLabForm *self)
{
  update_conversion (self);
}

static void
on_value_changed_cb (GtkEditable   *editable,
                     CobaltLabForm *self)
{
  update_conversion (self);
  gtk_label_set_text (self->status_label, "");
}

static void
on_save_button_clicked_cb (CobaltLabForm *self)
{
  cobalt_lab_form_save (self, NULL);
}

static void
on_person_changed_cb (CobaltLabForm *self)
{
  CobaltPerson *person = cobalt_context_get_person (self->context);
  gint64 person_id = person != NULL ? person->id : 0;

  /* A stored result being changed stays its own person's. */
  if (self->editing != NULL || person_id == self->person_id)
    return;

  self->person_id = person_id;
  reset (self);
  gtk_label_set_text (self->status_label, "");
}

static void
cobalt_lab_form_constructed (GObject *object)
{
  CobaltLabForm *self = (CobaltLabForm *)object;
  CobaltPerson *person;

  G_OBJECT_CLASS (cobalt_lab_form_parent_class)->constructed (object);

  person = cobalt_context_get_person (self->context);
  self->person_id = person != NULL ? person->id : 0;
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  reset (self);
}

static void
cobalt_lab_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_LAB_FORM);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_lab_form_parent_class)->dispose (object);
}

static void
cobalt_lab_form_finalize (GObject *object)
{
  CobaltLabForm *self = (CobaltLabForm *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (cobalt_lab_form_parent_class)->finalize (object);
}

static void
cobalt_lab_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltLabForm *self = COBALT_LAB_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_lab_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltLabForm *self = COBALT_LAB_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_lab_form_class_init (CobaltLabFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_lab_form_constructed;
  object_class->dispose = cobalt_lab_form_dispose;
  object_class->finalize = cobalt_lab_form_finalize;
  object_class->get_property = cobalt_lab_form_get_property;
  object_class->set_property = cobalt_lab_form_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/journal/cobalt-lab-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, test_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, value_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, conversion_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, value_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, ref_low_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, ref_high_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, range_unit_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, range_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, lab_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, note_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLabForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "labform");
}

static void
cobalt_lab_form_init (CobaltLabForm *self)
{
  g_autoptr(GtkStringList) tests = gtk_string_list_new (NULL);

  cobalt_journal_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < COBALT_N_LAB_TESTS; t++)
    gtk_string_list_append (tests, cobalt_lab_test_to_string (t));
  gtk_drop_down_set_model (self->test_dropdown, G_LIST_MODEL (tests));
  gtk_drop_down_set_selected (self->test_dropdown, COBALT_LAB_TEST_SERUM_B12);
  fill_units (self);

  g_signal_connect (self->test_dropdown, "notify::selected", G_CALLBACK (on_test_selected_cb), self);
  g_signal_connect (self->unit_dropdown, "notify::selected", G_CALLBACK (on_unit_selected_cb), self);
  cobalt_journal_name_drop_down (self->test_dropdown, _("Test"));
  cobalt_journal_name_drop_down (self->unit_dropdown, _("Unit"));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->save_button));
  g_signal_connect (self->value_entry, "changed", G_CALLBACK (on_value_changed_cb), self);
}

GtkWidget *
cobalt_lab_form_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_LAB_FORM,
                       "context", context,
                       NULL);
}

void
cobalt_lab_form_set_test (CobaltLabForm *self,
                          CobaltLabTest  test)
{
  g_return_if_fail (COBALT_IS_LAB_FORM (self));
  g_return_if_fail ((guint) test < COBALT_N_LAB_TESTS);

  gtk_drop_down_set_selected (self->test_dropdown, test);
}

gboolean
cobalt_lab_form_set_unit (CobaltLabForm *self,
                          const char    *unit)
{
  const char * const *units;

  g_return_val_if_fail (COBALT_IS_LAB_FORM (self), FALSE);

  units = cobalt_lab_test_get_units (current_test (self));
  for (guint i = 0; units != NULL && units[i] != NULL; i++)
    if (g_strcmp0 (units[i], unit) == 0)
      {
        gtk_drop_down_set_selected (self->unit_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

const char *
cobalt_lab_form_get_conversion_text (CobaltLabForm *self)
{
  g_return_val_if_fail (COBALT_IS_LAB_FORM (self), NULL);

  return gtk_label_get_text (self->conversion_label);
}

gboolean
cobalt_lab_form_save (CobaltLabForm  *self,
                      GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CobaltLabResult) result = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *lab = NULL;
  g_autofree char *note = NULL;
  CobaltLabTest test = current_test (self);
  const char *unit = current_unit (self);
  const char *first_problem = NULL;
  gboolean value_ok = FALSE, range_ok = TRUE, date_ok = FALSE, empty;
  double value = NAN, low = NAN, high = NAN;
  GDate day, now_day;
  CobaltRepository *repository;
  CobaltPerson *person;

  g_return_val_if_fail (COBALT_IS_LAB_FORM (self), FALSE);

  repository = cobalt_context_get_repository (self->context);
  person = cobalt_context_get_person (self->context);
  clear_errors (self);
  gtk_label_set_text (self->status_label, "");
  cobalt_journal_today (cobalt_context_get_clock (self->context), &now_day);

  /* Every field is checked before anything is stored, so that each one
   * that is wrong says why at once; the reasons come from the record's own
   * validation where it has them. */
  date_text = cobalt_journal_entry_text (GTK_EDITABLE (self->date_entry));
  if (!cobalt_journey_parse_date (date_text, &day))
    cobalt_journey_set_field_error (self->date_error,
                                    *date_text == '\0'
                                    ? _("Enter the date the blood sample was taken.")
                                    : _("Enter the date as year-month-day, for example 2025-03-14."));
  else if (g_date_compare (&day, &now_day) > 0)
    cobalt_journey_set_field_error (self->date_error, _("The date is in the future. Check the lab report."));
  else
    date_ok = TRUE;

  result = cobalt_lab_result_new (person != NULL ? person->id : 0,
                                  test, 0, unit);
  /* A valid date for the value's own check; the real one is set below. */
  cobalt_set_date (&result->taken_on, &now_day);

  value_text = cobalt_journal_entry_text (GTK_EDITABLE (self->value_entry));
  if (!cobalt_journal_parse_number (value_text, &value, &empty))
    cobalt_journey_set_field_error (self->value_error,
                                    empty ? _("Enter the value from the lab report.")
                                          : _("Enter the result as a number, for example 310 or 7.5."));
  else
    {
      result->value = value;
      if (!cobalt_lab_result_validate (result, &local_error))
        {
          cobalt_journey_set_field_error (self->value_error, local_error->message);
          g_clear_error (&local_error);
        }
      else
        value_ok = TRUE;
    }

  if (!read_bound (self->ref_low_entry, &low) || !read_bound (self->ref_high_entry, &high))
    {
      cobalt_journey_set_field_error (self->range_error,
                                      _("Enter each end of the range as a number, or leave it empty."));
      range_ok = FALSE;
    }
  else
    {
      result->ref_low = low;
      result->ref_high = high;
      double min = 1, max = 1;

      /* Checked with a value known to be fine (the middle of what the
       * test can read: 0 is refused), so that any complaint is about the
       * range. */
      if (!value_ok)
        {
          cobalt_lab_test_get_plausible_range (test, unit, &min, &max);
          result->value = (min + max) / 2;
        }
      if (!cobalt_lab_result_validate (result, &local_error))
        {
          cobalt_journey_set_field_error (self->range_error, local_error->message);
          g_clear_error (&local_error);
          range_ok = FALSE;
        }
      result->value = value_ok ? value : 0;
    }

  if (!date_ok)
    first_problem = gtk_label_get_text (self->date_error);
  else if (!value_ok)
    first_problem = gtk_label_get_text (self->value_error);
  else if (!range_ok)
    first_problem = gtk_label_get_text (self->range_error);

  if (first_problem == NULL && person == NULL && self->editing == NULL)
    {
      first_problem = _("Choose whose result this is first.");
      cobalt_journey_set_field_error (self->error_label, first_problem);
    }

  if (first_problem != NULL)
    {
      g_set_error_literal (error, COBALT_JOURNAL_ERROR, COBALT_JOURNAL_ERROR_INVALID, first_problem);
      if (!date_ok)
        gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      else if (!value_ok)
        gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
      else if (!range_ok)
        gtk_widget_grab_focus (GTK_WIDGET (self->ref_low_entry));
      return FALSE;
    }

  cobalt_set_date (&result->taken_on, &day);
  if (self->editing != NULL)
    {
      result->id = self->editing->id;
      result->person_id = self->editing->person_id;
    }
  lab = cobalt_journal_entry_text (GTK_EDITABLE (self->lab_entry));
  note = cobalt_journal_entry_text (GTK_EDITABLE (self->note_entry));
  cobalt_set_str (&result->lab_name, *lab != '\0' ? lab : NULL);
  cobalt_set_str (&result->note, *note != '\0' ? note : NULL);

  if (!cobalt_lab_result_validate (result, &local_error) ||
      !(self->editing != NULL
        ? cobalt_journal_store_update (repository, G_OBJECT (result), &local_error)
        : cobalt_repository_add_lab_result (repository, result, &local_error)))
    {
      cobalt_journal_show_save_error (self->error_label, local_error, COBALT_JOURNAL_ERROR);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autofree char *value_shown = cobalt_journal_format_value (value);
    g_autofree char *status = NULL;

    /* Translators: test, value, unit, and whether it is in the lab's range */
    status = g_strdup_printf (_("Saved: %s %s %s (%s)."),
                              cobalt_lab_test_to_string (test), value_shown, unit,
                              cobalt_journal_range_words (cobalt_lab_result_check_range (result)));
    if (self->editing != NULL)
      g_set_object (&self->editing, result);
    else
      reset (self);
    gtk_label_set_text (self->status_label, status);
  }
  g_signal_emit (self, signals[SAVED], 0, result->id);

  return TRUE;
}

static void
set_number (GtkEntry *entry,
            double    value)
{
  g_autofree char *text = isnan (value) ? g_strdup ("") : cobalt_journal_format_value (value);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

void
cobalt_lab_form_edit (CobaltLabForm   *self,
                      CobaltLabResult *result)
{
  GDate *taken_on;
  char buf[16] = "";

  g_return_if_fail (COBALT_IS_LAB_FORM (self));
  g_return_if_fail (COBALT_IS_LAB_RESULT (result));
  g_return_if_fail (result->id > 0);

  g_set_object (&self->editing, result);
  cobalt_lab_form_set_test (self, result->test);
  cobalt_lab_form_set_unit (self, result->unit);
  set_number (self->value_entry, result->value);
  set_number (self->ref_low_entry, result->ref_low);
  set_number (self->ref_high_entry, result->ref_high);
  taken_on = result->taken_on;
  if (taken_on != NULL && g_date_valid (taken_on))
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", taken_on);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), buf);
  gtk_editable_set_text (GTK_EDITABLE (self->lab_entry),
                         result->lab_name != NULL ? result->lab_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         result->note != NULL ? result->note : "");
  clear_errors (self);
  gtk_label_set_text (self->status_label, "");

  gtk_label_set_text (self->title_label, _("Change a lab result"));
  gtk_widget_set_visible (GTK_WIDGET (self->intro_label), FALSE);
  gtk_button_set_label (self->save_button, _("_Save changes"));
  cobalt_journey_fix_button_names (GTK_WIDGET (self->save_button));
}
