/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-context.h"
#include "cobalt-intro-page.h"
#include "cobalt-journey-util.h"
#include "cobalt-core.h"

struct _CobaltIntroPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkEditable      *name_entry;
  GtkLabel         *name_error_label;
  GtkEditable      *clinic_name_entry;
  GtkEditable      *clinic_phone_entry;
  GtkDropDown      *template_dropdown;
  GtkLabel         *template_description_label;
  GtkCheckButton   *starting_check;
  GtkCheckButton   *had_dose_check;
  GtkLabel         *date_caption;
  GtkMenuButton    *date_button;
  GtkCalendar      *date_calendar;
  GtkLabel         *date_error_label;
  GtkCheckButton   *loading_done_check;
  GtkSpinButton    *hour_spin;
  GtkSpinButton    *minute_spin;
  GtkLabel         *form_error_label;
  GtkWidget        *create_button;
  GtkGrid          *form_grid;
  GtkLabel         *date_hint_label;  /* "The first dose will be due on …" */
  gboolean          date_picked;      /* the person chose the day themselves */
  gboolean          setting_date;

  CobaltContext    *context;
  CobaltPerson     *saved_person;  /* saved, but the prescription was not yet */
};

G_DEFINE_FINAL_TYPE (CobaltIntroPage, cobalt_intro_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  PERSON_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltRepository *
repository_of (CobaltIntroPage *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltIntroPage *self)
{
  return cobalt_context_get_clock (self->context);
}

static const char *
selected_template_id (CobaltIntroPage *self)
{
  const char * const *ids = cobalt_prescription_template_ids ();
  guint selected = gtk_drop_down_get_selected (self->template_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) ids))
    return NULL;
  return ids[selected];
}

static GDate
selected_date (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  return date;
}

static GDate
today (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return date;
}

static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *field,
                  const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_date_label (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  /* Translators: a date on a button, g_date_time_format() syntax. */
  g_autofree char *text = g_date_time_format (picked, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* The first-dose date is said in words for the person to confirm: it is
 * never silently today (CLINICAL.md "Missed dose"). */
static void
update_date_hint (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  /* Translators: a date in a sentence, g_date_time_format() syntax. */
  g_autofree char *day = g_date_time_format (picked, _("%A %-d %B %Y"));
  g_autofree char *text = NULL;
  gboolean had_dose = gtk_check_button_get_active (self->had_dose_check);

  gtk_widget_set_visible (GTK_WIDGET (self->date_hint_label), !had_dose);
  if (had_dose)
    return;

  /* Translators: %s is a day, "Tuesday 5 March 2025" */
  text = g_strdup_printf (_("The first dose will be due on %s, at the reminder time below. Nothing is due "
                            "before then. Change the day if your clinic said otherwise."), day);
  gtk_label_set_label (self->date_hint_label, text);
}

/* Tomorrow for a first dose (never silently today); today for the last
 * dose already given. Only until the person picks a day themselves. */
static void
set_default_date (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  g_autoptr(GDateTime) day = NULL;

  if (self->date_picked)
    return;

  day = gtk_check_button_get_active (self->had_dose_check) ? g_date_time_ref (now)
                                                            : g_date_time_add_days (now, 1);
  self->setting_date = TRUE;
  gtk_calendar_select_day (self->date_calendar, day);
  self->setting_date = FALSE;
  update_date_label (self);
}

static void
update_template_description (CobaltIntroPage *self)
{
  const char *template_id = selected_template_id (self);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dose = NULL;
  GPtrArray *phases;

  if (template_id == NULL || !(prescription = cobalt_prescription_new_from_template (template_id)))
    {
      gtk_label_set_label (self->template_description_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->loading_done_check), FALSE);
      return;
    }

  phases = prescription->phases;
  dose = cobalt_prescription_describe_dose (prescription, 0);
  g_string_append (text, dose);
  for (guint i = 0; i < phases->len; i++)
    {
      CobaltPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *description = cobalt_phase_describe (phase);

      /* Translators: one phase of a regimen, "Maintenance: Every 3 months…". */
      g_string_append_printf (text, _("\n%s: %s"),
                              phase->label != NULL ? _(phase->label) : _("Then"),
                              description);
    }
  g_string_append (text, "\n");
  g_string_append (text, _("Check this matches what your clinic prescribed."));

  gtk_label_set_label (self->template_description_label, text->str);

  /* A regimen with a loading phase: someone already on maintenance must
   * not be counted as starting over. */
  gtk_widget_set_visible (GTK_WIDGET (self->loading_done_check),
                          phases->len > 1 && gtk_check_button_get_active (self->had_dose_check));
}

static void
on_template_selected_cb (CobaltIntroPage *self)
{
  update_template_description (self);
}

static void
on_history_toggled_cb (CobaltIntroPage *self)
{
  gboolean had_dose = gtk_check_button_get_active (self->had_dose_check);

  gtk_label_set_text_with_mnemonic (self->date_caption,
                                    had_dose ? _("_Last injection") : _("_First injection"));
  show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);
  set_default_date (self);
  update_date_hint (self);
  update_template_description (self);
}

static void
on_day_selected_cb (CobaltIntroPage *self)
{
  if (!self->setting_date)
    self->date_picked = TRUE;
  update_date_label (self);
  update_date_hint (self);
  show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);
}

static void
on_name_changed_cb (CobaltIntroPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_error_label)))
    show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry), NULL);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* Times read as 09:05, not 9:5. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_create_clicked_cb (CobaltIntroPage *self)
{
  cobalt_intro_page_create (self);
}

static char *
trimmed_text (GtkEditable *editable)
{
  char *text = g_strdup (gtk_editable_get_text (editable));

  return g_strstrip (text);
}

static CobaltDose *
make_last_dose (CobaltIntroPage    *self,
                CobaltPrescription *prescription,
                const GDate        *day)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GDateTime) given_at = NULL;
  GPtrArray *phases = prescription->phases;

  given_at = cobalt_schedule_local_instant (day, prescription->reminder_minute,
                                            cobalt_clock_get_timezone (clock_of (self)));
  /* Earlier today, if the reminder time is still to come: a dose is never
   * logged in the future (cobalt-dose-rules.h). */
  {
    g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));

    if (g_date_time_compare (given_at, now) > 0)
      {
        g_date_time_unref (given_at);
        given_at = g_date_time_ref (now);
      }
  }
  dose->person_id = prescription->person_id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, given_at);
  dose->amount = cobalt_prescription_get_phase_amount (prescription, phases->len - 1);
  dose->unit = prescription->unit;
  dose->product = prescription->product;
  cobalt_set_str (&dose->notes, _("Entered when Cobalt was set up, so the schedule counts from it."));
  return g_steal_pointer (&dose);
}

static void
cobalt_intro_page_map (GtkWidget *widget)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cobalt_intro_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), self->create_button);
}

static void
cobalt_intro_page_unmap (GtkWidget *widget)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The window would keep pointing at the button after the page is gone. */
  if (GTK_IS_WINDOW (root) && gtk_window_get_default_widget (GTK_WINDOW (root)) == self->create_button)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (cobalt_intro_page_parent_class)->unmap (widget);
}

static void
cobalt_intro_page_constructed (GObject *object)
{
  CobaltIntroPage *self = (CobaltIntroPage *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = cobalt_prescription_template_ids ();

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->constructed (object);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, cobalt_prescription_template_name (ids[i]));
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->template_dropdown, 0);

  set_default_date (self);
  update_date_hint (self);
  update_template_description (self);
}

static void
cobalt_intro_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_INTRO_PAGE);
  /* The scrolled window at the top is not a bound child. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->dispose (object);
}

static void
cobalt_intro_page_finalize (GObject *object)
{
  CobaltIntroPage *self = (CobaltIntroPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->saved_person);

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->finalize (object);
}

static void
cobalt_intro_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (object);

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
cobalt_intro_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (object);

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
cobalt_intro_page_class_init (CobaltIntroPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_intro_page_constructed;
  object_class->dispose = cobalt_intro_page_dispose;
  object_class->finalize = cobalt_intro_page_finalize;
  object_class->get_property = cobalt_intro_page_get_property;
  object_class->set_property = cobalt_intro_page_set_property;

  widget_class->map = cobalt_intro_page_map;
  widget_class->unmap = cobalt_intro_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltIntroPage::person-created:
   * @person_id: the new person's id
   *
   * The person and their prescription are saved.
   */
  signals[PERSON_CREATED] =
    g_signal_new ("person-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/app/cobalt-intro-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, clinic_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, clinic_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, template_description_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, starting_check);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, had_dose_check);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, date_caption);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, loading_done_check);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, form_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "intropage");
}

static void
cobalt_intro_page_init (CobaltIntroPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Under the date and its error, above the loading-doses tick. */
  self->date_hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->date_hint_label, TRUE);
  gtk_label_set_xalign (self->date_hint_label, 0);
  gtk_label_set_max_width_chars (self->date_hint_label, 64);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_hint_label), "dim-label");
  gtk_grid_insert_row (self->form_grid, 9);
  gtk_grid_attach (self->form_grid, GTK_WIDGET (self->date_hint_label), 1, 9, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->date_hint_label, self->date_error_label, NULL,
                                  -1);
  /* A long page: the wheel must scroll it, not change the reminder time. */
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));
}

CobaltIntroPage *
cobalt_intro_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_INTRO_PAGE,
                       "context", context,
                       NULL);
}

gboolean
cobalt_intro_page_create (CobaltIntroPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clinic_name = NULL;
  g_autofree char *clinic_phone = NULL;
  const char *template_id;
  gboolean had_dose;
  GDate day;
  GDate now_day;
  guint minute;

  g_return_val_if_fail (COBALT_IS_INTRO_PAGE (self), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), FALSE);

  name = trimmed_text (self->name_entry);
  if (*name == '\0')
    {
      show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry),
                        _("Enter a name. Cobalt keeps each person’s injections apart, "
                          "so it needs to know whose they are."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return FALSE;
    }
  show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry), NULL);

  had_dose = gtk_check_button_get_active (self->had_dose_check);
  day = selected_date (self);
  now_day = today (self);
  if (had_dose && g_date_compare (&day, &now_day) > 0)
    {
      show_field_error (self->date_error_label, GTK_WIDGET (self->date_button),
                        _("The last injection cannot be in the future. Pick the day it was given."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
      return FALSE;
    }
  if (!had_dose && g_date_compare (&day, &now_day) < 0)
    {
      show_field_error (self->date_error_label, GTK_WIDGET (self->date_button),
                        _("The first injection has not been given yet, so its day cannot be in the past. "
                          "If injections have already started, choose “Already having injections”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
      return FALSE;
    }
  show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);

  template_id = selected_template_id (self);
  if (template_id == NULL || !(prescription = cobalt_prescription_new_from_template (template_id)))
    {
      gtk_label_set_label (self->form_error_label, _("Choose the prescription your clinic gave you."));
      gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
      return FALSE;
    }

  /* The schedule counts from the first-dose date the person confirmed,
   * or from the last dose actually given. */
  cobalt_set_date (&prescription->starts_on, &day);
  minute = gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
           gtk_spin_button_get_value_as_int (self->minute_spin);
  prescription->reminder_minute = minute;

  if (had_dose && gtk_widget_get_visible (GTK_WIDGET (self->loading_done_check)) &&
      gtk_check_button_get_active (self->loading_done_check))
    {
      GPtrArray *phases = prescription->phases;
      g_autoptr(GPtrArray) maintenance = g_ptr_array_new ();

      g_ptr_array_add (maintenance, g_ptr_array_index (phases, phases->len - 1));
      cobalt_prescription_set_phases (prescription, maintenance);
    }

  /* After a failed second step, update the person saved the first time
   * instead of adding them twice. */
  person = self->saved_person != NULL ? g_object_ref (self->saved_person) : cobalt_person_new (name);
  cobalt_set_str (&person->name, name);
  clinic_name = trimmed_text (self->clinic_name_entry);
  clinic_phone = trimmed_text (self->clinic_phone_entry);
  if (*clinic_name != '\0')
    cobalt_set_str (&person->clinic_name, clinic_name);
  if (*clinic_phone != '\0')
    cobalt_set_str (&person->clinic_phone, clinic_phone);

  /* Check both before writing anything, so a refused prescription does
   * not leave a person behind without one. */
  if (!cobalt_person_validate (person, &error) ||
      !cobalt_prescription_validate (prescription, &error) ||
      !cobalt_repository_save_person (repository_of (self), person, &error))
    goto failed;
  g_set_object (&self->saved_person, person);

  prescription->person_id = person->id;
  if (!cobalt_repository_save_prescription (repository_of (self), prescription, &error))
    goto failed;

  if (had_dose)
    {
      g_autoptr(CobaltDose) dose = make_last_dose (self, prescription, &day);

      if (!cobalt_repository_add_dose (repository_of (self), dose, &error))
        goto failed;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[PERSON_CREATED], 0, person->id);
  g_object_unref (self);
  return TRUE;

failed:
  {
    g_autofree char *text = g_strdup_printf (_("Cobalt could not save this: %s"), error->message);

    gtk_label_set_label (self->form_error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
    return FALSE;
  }
}
