/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-checklist-editor.h"
#include "cobalt-context.h"
#include "cobalt-fold-box.h"
#include "cobalt-journey-util.h"
#include "cobalt-number-fields.h"
#include "cobalt-preferences-util.h"
#include "cobalt-preferences-window.h"
#include "cobalt-prescription-editor.h"
#include "cobalt-reminder-preferences.h"

struct _CobaltPreferencesWindow
{
  GtkWindow         parent_instance;

  CobaltContext    *context;
  /* Whose preferences these are: the one they were opened for, whoever
   * the context turns to while the window is open. The person is edited
   * in place, so that everyone holding it sees the change. */
  CobaltPerson     *person;

  GtkWidget        *prescription_editor;
  GtkWidget        *checklist_editor;
  GtkWidget        *reminder_preferences;

  GtkListBox       *sections_list;
  GtkStack         *stack;
  GtkBox           *prescription_box;
  GtkBox           *checklist_box;
  GtkBox           *reminders_box;
  GtkEntry         *name_entry;
  GtkLabel         *name_error;
  GtkEntry         *birth_entry;
  GtkLabel         *birth_error;
  GtkEntry         *clinic_name_entry;
  GtkEntry         *clinic_phone_entry;
  GtkLabel         *phone_error;
  GtkGrid          *person_grid;
  GtkLabel         *person_status;

  CobaltNumberFields *numbers;  /* the emergency and urgent-advice numbers */
};

G_DEFINE_FINAL_TYPE (CobaltPreferencesWindow, cobalt_preferences_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CobaltRepository *
repository_of (CobaltPreferencesWindow *self)
{
  return cobalt_context_get_repository (self->context);
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The date of birth as typed: FALSE with the reason under the field when
 * it is not a date, in the future on the context's clock, implausibly
 * early, or after a dose in the log (the log's rules refuse a dose before
 * the date of birth). An empty field is no date (@date invalid). */
static gboolean
read_date_of_birth (CobaltPreferencesWindow *self,
                    GDate                   *date)
{
  g_autofree char *text = entry_text (self->birth_entry);
  g_autoptr(GDateTime) now = cobalt_clock_get_now (cobalt_context_get_clock (self->context));
  g_autoptr(GPtrArray) doses = NULL;
  GDate today, earliest;

  g_date_clear (date, 1);
  if (*text == '\0')
    return TRUE;
  if (!cobalt_journey_parse_date (text, date))
    {
      cobalt_journey_set_field_error (self->birth_error,
                                      _("Enter the date of birth as year-month-day, for example 1961-07-14."));
      return FALSE;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (date, &today) > 0)
    {
      cobalt_journey_set_field_error (self->birth_error, _("The date of birth is in the future."));
      return FALSE;
    }
  if (g_date_get_year (date) < 1900)
    {
      cobalt_journey_set_field_error (self->birth_error, _("The date of birth is before 1900. Check the year."));
      return FALSE;
    }

  /* Not after the first dose in the log. */
  g_date_clear (&earliest, 1);
  doses = cobalt_repository_list_doses (repository_of (self), self->person->id, NULL);
  for (guint i = 0; doses != NULL && i < doses->len; i++)
    {
      GDateTime *given_at = COBALT_DOSE (g_ptr_array_index (doses, i))->given_at;
      GDate day;

      if (given_at == NULL)
        continue;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (given_at), g_date_time_get_month (given_at),
                      g_date_time_get_year (given_at));
      if (!g_date_valid (&earliest) || g_date_compare (&day, &earliest) < 0)
        earliest = day;
    }
  if (g_date_valid (&earliest) && g_date_compare (date, &earliest) > 0)
    {
      g_autofree char *first = cobalt_journey_format_date (&earliest);
      /* Translators: %s is the day of the first dose in the log */
      g_autofree char *message = g_strdup_printf (_("The log has a dose on %s, before this date of birth. Check the date."),
                                                  first);

      cobalt_journey_set_field_error (self->birth_error, message);
      return FALSE;
    }
  return TRUE;
}

static void
show_date_of_birth (CobaltPreferencesWindow *self)
{
  GDate *born = self->person->date_of_birth;
  char text[16] = "";

  if (born != NULL && g_date_valid (born))
    g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (born), g_date_get_month (born),
                g_date_get_day (born));
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), text);
}

static void
update_title (CobaltPreferencesWindow *self)
{
  /* Translators: window title, %s is the person's name */
  g_autofree char *title = g_strdup_printf (_("Preferences — %s"), self->person->name);

  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* One row per page of the stack, named by the page's title. */
static void
fill_sections (CobaltPreferencesWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStackPage *page = gtk_stack_get_page (self->stack, child);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_stack_page_get_title (page), -1);
      g_object_set_data_full (G_OBJECT (row), "page", g_strdup (gtk_stack_page_get_name (page)), g_free);
      gtk_list_box_append (self->sections_list, row);
    }
}

static void
on_section_selected_cb (GtkListBox              *list,
                        GtkListBoxRow           *row,
                        CobaltPreferencesWindow *self)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack, g_object_get_data (G_OBJECT (row), "page"));
}

static void
on_visible_page_changed_cb (GtkStack                *stack,
                            GParamSpec              *pspec,
                            CobaltPreferencesWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  if (self->sections_list == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), name) == 0)
      {
        if (gtk_list_box_get_selected_row (self->sections_list) != GTK_LIST_BOX_ROW (row))
          gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (row));
        break;
      }
}

static void
on_save_person_clicked_cb (GtkButton               *button,
                           CobaltPreferencesWindow *self)
{
  cobalt_preferences_window_save_person (self, NULL);
}

static void
cobalt_preferences_window_constructed (GObject *object)
{
  CobaltPreferencesWindow *self = COBALT_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cobalt_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (self->person != NULL);

  update_title (self);
  cobalt_preferences_fit_parent (GTK_WINDOW (self));

  self->prescription_editor = cobalt_prescription_editor_new (self->context, self->person);
  gtk_box_append (self->prescription_box, self->prescription_editor);
  self->checklist_editor = cobalt_checklist_editor_new (self->context, self->person);
  gtk_box_append (self->checklist_box, self->checklist_editor);
  self->reminder_preferences = cobalt_reminder_preferences_new (NULL);
  gtk_box_append (self->reminders_box, self->reminder_preferences);

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->person->name);
  show_date_of_birth (self);
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_name_entry),
                         self->person->clinic_name ? self->person->clinic_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_phone_entry),
                         self->person->clinic_phone ? self->person->clinic_phone : "");
  /* Both numbers shown; one saved before it was asked shows the locale's,
   * to be checked, or nothing and the field asks for it. */
  self->numbers = cobalt_number_fields_new_stacked (self->person_grid, 0, 11, 1, self->person);

  fill_sections (self);
  on_visible_page_changed_cb (self->stack, NULL, self);
}

static void
cobalt_preferences_window_dispose (GObject *object)
{
  CobaltPreferencesWindow *self = COBALT_PREFERENCES_WINDOW (object);

  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  if (self->sections_list != NULL)
    g_signal_handlers_disconnect_by_data (self->sections_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->person);
  g_clear_object (&self->numbers);

  G_OBJECT_CLASS (cobalt_preferences_window_parent_class)->dispose (object);
}

static void
cobalt_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CobaltPreferencesWindow *self = COBALT_PREFERENCES_WINDOW (object);

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
cobalt_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CobaltPreferencesWindow *self = COBALT_PREFERENCES_WINDOW (object);

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
cobalt_preferences_window_class_init (CobaltPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_preferences_window_constructed;
  object_class->dispose = cobalt_preferences_window_dispose;
  object_class->get_property = cobalt_preferences_window_get_property;
  object_class->set_property = cobalt_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, COBALT_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (COBALT_TYPE_FOLD_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/preferences/cobalt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, prescription_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, reminders_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, name_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, birth_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, clinic_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, clinic_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, phone_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, person_grid);
  gtk_widget_class_bind_template_child (widget_class, CobaltPreferencesWindow, person_status);
  gtk_widget_class_bind_template_callback (widget_class, on_save_person_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);
}

static void
cobalt_preferences_window_init (CobaltPreferencesWindow *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
}

CobaltPreferencesWindow *
cobalt_preferences_window_new (GtkWindow     *parent,
                               CobaltContext *context,
                               CobaltPerson  *person)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);

  return g_object_new (COBALT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       "person", person,
                       NULL);
}

void
cobalt_preferences_window_show_page (CobaltPreferencesWindow *self,
                                     const char              *page)
{
  g_return_if_fail (COBALT_IS_PREFERENCES_WINDOW (self));

  gtk_stack_set_visible_child_name (self->stack, page);
}

GtkWidget *
cobalt_preferences_window_get_prescription_editor (CobaltPreferencesWindow *self)
{
  g_return_val_if_fail (COBALT_IS_PREFERENCES_WINDOW (self), NULL);

  return self->prescription_editor;
}

GtkWidget *
cobalt_preferences_window_get_checklist_editor (CobaltPreferencesWindow *self)
{
  g_return_val_if_fail (COBALT_IS_PREFERENCES_WINDOW (self), NULL);

  return self->checklist_editor;
}

gboolean
cobalt_preferences_window_save_person (CobaltPreferencesWindow *self,
                                       GError                 **error)
{
  g_autoptr(CobaltPerson) edited = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = entry_text (self->name_entry);
  g_autofree char *clinic = entry_text (self->clinic_name_entry);
  g_autofree char *phone = entry_text (self->clinic_phone_entry);
  gboolean ok = TRUE;
  GDate born;

  g_return_val_if_fail (COBALT_IS_PREFERENCES_WINDOW (self), FALSE);

  cobalt_journey_set_field_error (self->name_error, NULL);
  cobalt_journey_set_field_error (self->birth_error, NULL);
  cobalt_journey_set_field_error (self->phone_error, NULL);
  gtk_label_set_text (self->person_status, "");

  if (*name == '\0')
    {
      cobalt_journey_set_field_error (self->name_error, _("Enter a name."));
      ok = FALSE;
    }
  if (!read_date_of_birth (self, &born))
    ok = FALSE;
  if (*phone != '\0' && !cobalt_number_fields_looks_like_phone (phone))
    {
      cobalt_journey_set_field_error (self->phone_error, _("A phone number has digits, spaces and + - ( ) only."));
      ok = FALSE;
    }
  if (!cobalt_number_fields_check (self->numbers, FALSE, NULL))
    ok = FALSE;
  if (!ok)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Some details need correcting."));
      return FALSE;
    }

  /* Edit a copy so a failed save leaves the shared person untouched. */
  edited = cobalt_person_new (name);
  edited->id = self->person->id;
  cobalt_set_date (&edited->date_of_birth, g_date_valid (&born) ? &born : NULL);
  cobalt_set_str (&edited->notes, self->person->notes);
  cobalt_person_set_archived (edited, self->person->archived);
  cobalt_set_str (&edited->clinic_name, *clinic != '\0' ? clinic : NULL);
  cobalt_set_str (&edited->clinic_phone, *phone != '\0' ? phone : NULL);
  cobalt_number_fields_apply (self->numbers, edited);

  if (!cobalt_person_validate (edited, &local_error) ||
      !cobalt_repository_save_person (repository_of (self), edited, &local_error))
    {
      g_autofree char *text = NULL;

      text = cobalt_journey_describe_error (local_error);
      gtk_label_set_text (self->person_status, text);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Everyone holding this person (Today, the wizard) sees the change. */
  cobalt_set_str (&self->person->name, name);
  cobalt_set_date (&self->person->date_of_birth, edited->date_of_birth);
  cobalt_set_str (&self->person->clinic_name, edited->clinic_name);
  cobalt_set_str (&self->person->clinic_phone, edited->clinic_phone);
  cobalt_number_fields_apply (self->numbers, self->person);
  gtk_label_set_text (self->person_status, _("Saved."));
  update_title (self);

  return TRUE;
}

GtkWidget *
cobalt_preferences_window_get_field (CobaltPreferencesWindow *self,
                                     const char              *name)
{
  g_return_val_if_fail (COBALT_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_str_equal (name, "name"))
    return GTK_WIDGET (self->name_entry);
  if (g_str_equal (name, "clinic-name"))
    return GTK_WIDGET (self->clinic_name_entry);
  if (g_str_equal (name, "clinic-phone"))
    return GTK_WIDGET (self->clinic_phone_entry);
  if (cobalt_number_fields_get_field (self->numbers, name) != NULL)
    return cobalt_number_fields_get_field (self->numbers, name);
  if (g_str_equal (name, "name-error"))
    return GTK_WIDGET (self->name_error);
  if (g_str_equal (name, "date-of-birth"))
    return GTK_WIDGET (self->birth_entry);
  if (g_str_equal (name, "date-of-birth-error"))
    return GTK_WIDGET (self->birth_error);
  if (g_str_equal (name, "person-status"))
    return GTK_WIDGET (self->person_status);
  if (g_str_equal (name, "reminders"))
    return self->reminder_preferences;

  return NULL;
}
