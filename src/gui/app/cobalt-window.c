/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-app-util.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-context.h"
#include "cobalt-data-problem.h"
#include "cobalt-intro-page.h"
#include "cobalt-journal-page.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-not-given-dialog.h"
#include "cobalt-people-window.h"
#include "cobalt-preferences-window.h"
#include "cobalt-problem-page.h"
#include "cobalt-today-page.h"
#include "cobalt-urgent-help.h"
#include "cobalt-window-preload.h"
#include "cobalt-window-private.h"

G_DEFINE_FINAL_TYPE (CobaltWindow, cobalt_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_DATA_DIR,
  PROP_REPOSITORY,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_people (CobaltWindow *self);
static void close_checklist (CobaltWindow *self);
static CobaltPerson *selected_person (CobaltWindow *self);

static CobaltRepository *
repository_of (CobaltWindow *self)
{
  return self->context != NULL ? cobalt_context_get_repository (self->context) : NULL;
}

/* Before another repository, or none: the pages keep their own context. */
static void
clear_context (CobaltWindow *self)
{
  g_clear_signal_handler (&self->changed_id, repository_of (self));
  g_clear_object (&self->context);
  _cobalt_window_backup_update_actions (self);
}

static void
remove_main_page (CobaltWindow  *self,
                  GtkWidget    **page)
{
  if (*page == NULL)
    return;

  gtk_stack_remove (self->main_stack, *page);
  *page = NULL;
}

static gboolean
people_equal (GListModel *a,
              GListModel *b)
{
  guint n;

  if (a == NULL || b == NULL)
    return FALSE;

  n = g_list_model_get_n_items (a);
  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) pa = g_list_model_get_item (a, i);
      g_autoptr(CobaltPerson) pb = g_list_model_get_item (b, i);

      if (pa->id != pb->id ||
          g_strcmp0 (pa->name, pb->name) != 0 ||
          g_strcmp0 (pa->clinic_phone, pb->clinic_phone) != 0 ||
          g_strcmp0 (pa->clinic_name, pb->clinic_name) != 0)
        return FALSE;
    }

  return TRUE;
}

static CobaltPerson *
find_person (GListModel *people,
             gint64      person_id,
             guint      *position)
{
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      if (person->id == person_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&person);
        }
    }

  return NULL;
}

static void
on_repository_ready_cb (CobaltWindow     *self,
                        CobaltRepository *repository,
                        GtkWidget        *problem_page)
{
  cobalt_window_set_repository (self, repository, 0);
}

static void
show_problem (CobaltWindow *self,
              const GError *error,
              const char   *moved_to)
{
  close_checklist (self);
  remove_main_page (self, &self->problem_page);
  remove_main_page (self, &self->intro_page);

  self->problem_page = GTK_WIDGET (cobalt_problem_page_new (self->data_dir, error, moved_to));
  g_signal_connect_object (self->problem_page, "repository-ready",
                           G_CALLBACK (on_repository_ready_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, self->problem_page, "problem");
  gtk_stack_set_visible_child (self->main_stack, self->problem_page);
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), FALSE);
}

static void
on_person_created_cb (CobaltWindow  *self,
                      gint64         person_id,
                      GtkWidget     *intro_page)
{
  self->person_id = person_id;
  show_people (self);
}

static void
show_intro (CobaltWindow *self)
{
  close_checklist (self);
  if (self->intro_page == NULL)
    {
      self->intro_page = GTK_WIDGET (cobalt_intro_page_new (self->context));
      g_signal_connect_object (self->intro_page, "person-created",
                               G_CALLBACK (on_person_created_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, self->intro_page, "intro");
    }

  gtk_stack_set_visible_child (self->main_stack, self->intro_page);
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), FALSE);
}

/* Start-up builds only what the first frame shows (Today): every other
 * section is an empty slot in the sidebar until it is first shown. Its
 * page then follows the context's person like Today does. */
static GtkWidget *
ensure_section_page (CobaltWindow  *self,
                     CobaltSection  section)
{
  GtkWidget *page;

  if (self->section_pages[section] != NULL || self->section_slots[section] == NULL)
    return self->section_pages[section];

  if (self->context == NULL || cobalt_context_get_person (self->context) == NULL)
    return NULL;

  page = cobalt_section_new_page (section, self->context, self->settings);
  /* The slot is a vertical box: fill it as a direct stack child would. */
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (self->section_slots[section]), page);
  self->section_pages[section] = page;

  return page;
}

static void
add_section_slots (CobaltWindow *self)
{
  for (guint i = 0; i < COBALT_N_SECTIONS; i++)
    {
      g_assert (self->section_slots[i] == NULL);
      self->section_slots[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_stack_add_titled (self->page_stack, self->section_slots[i],
                            cobalt_section_get_name (i), cobalt_section_get_title (i));
    }
}

static void
remove_pages (CobaltWindow *self)
{
  /* Removing the shown page shows another one: do not build it. The
   * section switchers follow the stack's pages by themselves. */
  g_signal_handler_block (self->page_stack, self->section_shown_id);
  if (self->today_page != NULL)
    gtk_stack_remove (self->page_stack, GTK_WIDGET (g_steal_pointer (&self->today_page)));
  for (guint i = 0; i < COBALT_N_SECTIONS; i++)
    {
      GtkWidget *slot = g_steal_pointer (&self->section_slots[i]);

      self->section_pages[i] = NULL;
      if (slot != NULL)
        gtk_stack_remove (self->page_stack, slot);
    }
  g_signal_handler_unblock (self->page_stack, self->section_shown_id);
}

static void
select_in_dropdown (CobaltWindow *self)
{
  guint position = 0;
  g_autoptr(CobaltPerson) person = find_person (self->people, self->person_id, &position);

  if (person == NULL && g_list_model_get_n_items (self->people) > 0)
    {
      person = g_list_model_get_item (self->people, 0);
      position = 0;
    }

  self->person_id = person != NULL ? person->id : 0;
  if (self->settings != NULL && person != NULL &&
      g_settings_get_int64 (self->settings, "selected-person-id") != self->person_id)
    g_settings_set_int64 (self->settings, "selected-person-id", self->person_id);

  if (gtk_drop_down_get_selected (self->person_dropdown) != position)
    gtk_drop_down_set_selected (self->person_dropdown, position);

  /* Once, for every page that shows the selected person. */
  if (person != NULL)
    cobalt_context_set_person (self->context, person);

  if (self->today_page == NULL && person != NULL)
    {
      guint lead_days = self->settings != NULL ? g_settings_get_uint (self->settings, "low-stock-lead-days")
                                               : COBALT_STATUS_REORDER_LEAD_DAYS;
      CobaltStatus *status = self->preloaded_status != NULL && self->preloaded_lead_days == lead_days
                             ? self->preloaded_status : NULL;

      self->today_page = cobalt_today_page_new_with_status (self->context, lead_days, status);
      if (self->settings != NULL)
        g_settings_bind (self->settings, "low-stock-lead-days",
                         self->today_page, "low-stock-lead-days", G_SETTINGS_BIND_GET);
      gtk_stack_add_titled (self->page_stack, GTK_WIDGET (self->today_page), "today", _("Today"));
      add_section_slots (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/* Screenshots open a given section: COBALT_START_PAGE=supplies, or
 * journal/charts for a section of the Journal. Applied once. */
static void
show_start_page (CobaltWindow *self)
{
  const char *name = g_getenv ("COBALT_START_PAGE");

  if (self->start_page_shown || name == NULL || *name == '\0')
    return;
  self->start_page_shown = TRUE;

  cobalt_window_show_page (self, name);
}

/* Reads the people again; keeps the dropdown's model when nothing it
 * shows has changed, so the popover does not reset under the pointer. */
static void
show_people (CobaltWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;

  people = cobalt_repository_list_people (repository_of (self), FALSE, &error);
  if (people == NULL)
    {
      show_problem (self, error, NULL);
      return;
    }

  if (g_list_model_get_n_items (people) == 0)
    {
      g_clear_object (&self->people);
      show_intro (self);
      return;
    }

  if (!people_equal (self->people, people))
    {
      g_set_object (&self->people, people);
      self->setting_model = TRUE;
      gtk_drop_down_set_model (self->person_dropdown, self->people);
      self->setting_model = FALSE;
    }

  select_in_dropdown (self);

  remove_main_page (self, &self->intro_page);
  /* Saving a tick changes the database too: stay on the checklist. */
  if (self->wizard == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "content");
    }
  show_start_page (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltWindow            *self)
{
  /* The intro page saves a person and a prescription in two steps: it
   * tells us itself when it is done. */
  if (self->intro_page != NULL &&
      gtk_stack_get_visible_child (self->main_stack) == self->intro_page)
    return;

  show_people (self);
}

static void
on_person_selected_cb (GtkDropDown  *dropdown,
                       GParamSpec   *pspec,
                       CobaltWindow *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(CobaltPerson) person = NULL;

  if (self->setting_model || self->people == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  person = g_list_model_get_item (self->people, position);
  if (person == NULL || person->id == self->person_id)
    return;

  self->person_id = person->id;
  select_in_dropdown (self);
}

static void
on_page_stack_visible_child_cb (GtkStack     *stack,
                                GParamSpec   *pspec,
                                CobaltWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  for (guint i = 0; i < COBALT_N_SECTIONS; i++)
    if (child != NULL && child == self->section_slots[i])
      ensure_section_page (self, i);
}

/* The menu's popover is built when first opened, not at start-up; GTK
 * asks at every opening, and a menu model set again is a new popover. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  CobaltWindow *self = COBALT_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->main_menu);
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   CobaltWindow  *self)
{
  /* The start-up benchmark measures up to here: make sure the frame
   * reached the display server, then leave without tearing down. */
  gdk_display_flush (gtk_widget_get_display (GTK_WIDGET (self)));
  exit (0);
}

static void
cobalt_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GTK_WIDGET_CLASS (cobalt_window_parent_class)->size_allocate (widget, width, height, baseline);
  _cobalt_window_follow_width (COBALT_WINDOW (widget), width);
}

static void
cobalt_window_map (GtkWidget *widget)
{
  GtkShortcutsWindow *overlay;

  GTK_WIDGET_CLASS (cobalt_window_parent_class)->map (widget);

  /* Set by GtkApplication (help-overlay.ui) when the window joined it. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (widget));
  if (overlay != NULL)
    cobalt_app_name_shortcuts_window (GTK_WINDOW (overlay));

  if (g_strcmp0 (g_getenv ("COBALT_BENCH_EXIT_ON_FIRST_FRAME"), "1") == 0)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

      g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                        G_CALLBACK (on_after_paint_cb), widget);
    }
}

static gboolean
cobalt_window_close_request (GtkWindow *window)
{
  CobaltWindow *self = COBALT_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width, height;

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (cobalt_window_parent_class)->close_request (window);
}

static void
cobalt_window_dispose (GObject *object)
{
  CobaltWindow *self = (CobaltWindow *)object;

  /* No gtk_widget_dispose_template() here: GtkWindow unparents its own
   * child and titlebar, and would find them gone. */
  g_clear_signal_handler (&self->changed_id, repository_of (self));
  /* The stack shows another page as it empties: build none of them. */
  if (self->page_stack != NULL)
    g_clear_signal_handler (&self->section_shown_id, self->page_stack);
  g_clear_handle_id (&self->width_idle_id, g_source_remove);

  G_OBJECT_CLASS (cobalt_window_parent_class)->dispose (object);
}

static void
cobalt_window_finalize (GObject *object)
{
  CobaltWindow *self = (CobaltWindow *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->people);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (cobalt_window_parent_class)->finalize (object);
}

static void
cobalt_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CobaltWindow *self = COBALT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_REPOSITORY:
      g_value_set_object (value, repository_of (self));
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CobaltWindow *self = COBALT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


/* The patient journey (src/gui/journey). The checklist takes over this
 * window (one place to look while injecting, under the app's header bar);
 * the rest open their own windows for the selected person. */
static CobaltPerson *
selected_person (CobaltWindow *self)
{
  if (self->context == NULL || self->people == NULL || self->person_id == 0)
    return NULL;

  return find_person (self->people, self->person_id, NULL);
}

static void
on_journey_window_destroyed_cb (GtkWidget    *window,
                                CobaltWindow *self)
{
  if (self->today_page != NULL)
    cobalt_today_page_refresh (self->today_page);
}

static void
present_journey_window (CobaltWindow *self,
                        GtkWindow    *window)
{
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_journey_window_destroyed_cb), self, 0);
  gtk_window_set_transient_for (window, GTK_WINDOW (self));
  gtk_window_present (window);
}

static gboolean
remove_wizard_idle_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) wizard = user_data;
  GtkWidget *parent = gtk_widget_get_parent (wizard);

  if (GTK_IS_STACK (parent))
    gtk_stack_remove (GTK_STACK (parent), wizard);

  return G_SOURCE_REMOVE;
}

/* Back to the sections. The run was saved at every tick, so nothing is
 * lost: the next "Start checklist" resumes it. */
static void
close_checklist (CobaltWindow *self)
{
  GtkWidget *wizard = g_steal_pointer (&self->wizard);

  if (wizard == NULL)
    return;

  /* Often called from the wizard's own ::close: take it out of the
   * window only once that emission is over. */
  gtk_widget_set_visible (wizard, FALSE);
  g_idle_add (remove_wizard_idle_cb, g_object_ref (wizard));

  gtk_window_set_title (GTK_WINDOW (self), _("Cobalt"));
  gtk_widget_set_visible (self->leave_checklist_button, FALSE);
  if (self->people != NULL && self->intro_page == NULL && self->problem_page == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      gtk_stack_set_visible_child_name (self->page_stack, "today");
    }
  if (self->today_page != NULL)
    cobalt_today_page_refresh (self->today_page);
}

static void
on_wizard_close_cb (GtkWidget    *wizard,
                    CobaltWindow *self)
{
  if (wizard == self->wizard)
    close_checklist (self);
}

static void
window_start_checklist_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CobaltWindow *self = COBALT_WINDOW (widget);
  g_autoptr(CobaltPerson) person = selected_person (self);
  g_autofree char *title = NULL;

  if (person == NULL)
    return;

  if (self->wizard != NULL)
    {
      CobaltPerson *shown = NULL;

      g_object_get (self->wizard, "person", &shown, NULL);
      if (shown != NULL && shown->id == person->id)
        {
          g_object_unref (shown);
          gtk_stack_set_visible_child (self->main_stack, self->wizard);
          return;
        }
      g_clear_object (&shown);
      close_checklist (self);
    }

  self->wizard = cobalt_checklist_wizard_new (self->context, person);
  g_signal_connect_object (self->wizard, "close", G_CALLBACK (on_wizard_close_cb), self, 0);
  gtk_stack_add_named (self->main_stack, self->wizard, NULL);
  /* A stack that held the focus moves it one Tab into the new page, past
   * the step's "Done" that the wizard focuses when it maps. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child (self->main_stack, self->wizard);

  /* Translators: window title while the checklist is shown, %s is the person's name */
  title = g_strdup_printf (_("Checklist — %s"), person->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Switching person mid-run would hide whose dose this is. */
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), FALSE);
  gtk_widget_set_visible (self->leave_checklist_button, TRUE);
}

static void
window_leave_checklist_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  close_checklist (COBALT_WINDOW (widget));
}

/* The dialogs of "win.log-elsewhere", "win.record-not-given" and
 * "win.preferences": each is opened for the selected person and stays on
 * them (not on the context's person) until it closes. */
static void
window_person_dialog_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CobaltWindow *self = COBALT_WINDOW (widget);
  g_autoptr(CobaltPerson) person = selected_person (self);
  GtkWindow *dialog;

  if (person == NULL)
    return;

  if (g_str_equal (action_name, "win.log-elsewhere"))
    dialog = GTK_WINDOW (cobalt_log_elsewhere_dialog_new (GTK_WINDOW (self), self->context, person));
  else if (g_str_equal (action_name, "win.record-not-given"))
    dialog = GTK_WINDOW (cobalt_not_given_dialog_new (GTK_WINDOW (self), self->context, person));
  else
    dialog = GTK_WINDOW (cobalt_preferences_window_new (GTK_WINDOW (self), self->context, person));
  present_journey_window (self, dialog);
}

static void
on_person_added_cb (CobaltPeopleWindow *people,
                    gint64              person_id,
                    CobaltWindow       *self)
{
  /* Someone new is usually who the carer wants to set up next. */
  show_people (self);
  cobalt_window_select_person (self, person_id);
}

static void
window_manage_people_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CobaltWindow *self = COBALT_WINDOW (widget);
  CobaltPeopleWindow *people;

  if (self->context == NULL)
    return;
  people = cobalt_people_window_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (people, "person-added", G_CALLBACK (on_person_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (people));
}

/* "win.urgent-help" (F1, or the header bar's "Urgent help"): the
 * emergency signs and the numbers to call, from every page and every
 * checklist step, for whoever the checklist is for, or the selected person
 * (with the numbers as last saved), or nobody yet (first run). */
static void
window_urgent_help_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CobaltWindow *self = COBALT_WINDOW (widget);
  g_autoptr(CobaltPerson) shown = NULL;
  g_autoptr(CobaltPerson) person = NULL;

  if (self->wizard != NULL)
    g_object_get (self->wizard, "person", &shown, NULL);
  person = find_person (self->people, shown != NULL ? shown->id : self->person_id, NULL);
  if (person == NULL)
    person = g_steal_pointer (&shown);

  gtk_window_present (cobalt_urgent_help_window_new (GTK_WINDOW (self), person));
}

static void
cobalt_window_class_init (CobaltWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_window_dispose;
  object_class->finalize = cobalt_window_finalize;
  object_class->get_property = cobalt_window_get_property;
  object_class->set_property = cobalt_window_set_property;

  widget_class->map = cobalt_window_map;
  widget_class->size_allocate = cobalt_window_size_allocate;

  GTK_WINDOW_CLASS (klass)->close_request = cobalt_window_close_request;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, COBALT_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, COBALT_TYPE_REPOSITORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.start-checklist", NULL, window_start_checklist_action);
  gtk_widget_class_install_action (widget_class, "win.leave-checklist", NULL, window_leave_checklist_action);
  gtk_widget_class_install_action (widget_class, "win.log-elsewhere", NULL, window_person_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.record-not-given", NULL, window_person_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, window_person_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.manage-people", NULL, window_manage_people_action);
  gtk_widget_class_install_action (widget_class, "win.urgent-help", NULL, window_urgent_help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  /* No page or checklist step uses F1, so it reaches the window from
   * wherever the focus is (a tick, an entry). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.urgent-help", NULL);
  _cobalt_window_class_navigation_init (widget_class);
  _cobalt_window_class_backup_init (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/app/cobalt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, person_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, narrow_person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, leave_checklist_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, fold_view);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, section_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, loading_failed_icon);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, loading_title_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltWindow, loading_body_label);
}

static void
cobalt_window_init (CobaltWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu_cb, self, NULL);
  _cobalt_window_navigation_init (self);
  g_signal_connect (self->person_dropdown, "notify::selected",
                    G_CALLBACK (on_person_selected_cb), self);
  self->section_shown_id = g_signal_connect (self->page_stack, "notify::visible-child",
                                             G_CALLBACK (on_page_stack_visible_child_cb), self);

  self->settings = cobalt_window_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

CobaltWindow *
cobalt_window_new (GtkApplication *application,
                   CobaltClock    *clock,
                   const char     *data_dir)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (COBALT_TYPE_WINDOW,
                       "application", application,
                       "clock", clock,
                       "data-dir", data_dir,
                       NULL);
}

void
cobalt_window_load (CobaltWindow *self,
                    gint64        person_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  g_return_if_fail (COBALT_IS_WINDOW (self));

  /* The daily backup waits for the first frame (CobaltApplication). */
  repository = cobalt_data_problem_open (self->data_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP,
                                         TRUE, &moved_to, &error);
  if (repository == NULL)
    {
      clear_context (self);
      show_problem (self, error, moved_to);
      return;
    }

  cobalt_window_set_repository (self, repository, person_id);
}

void
_cobalt_window_release_log (CobaltWindow *self)
{
  close_checklist (self);
  remove_pages (self);
  clear_context (self);
  g_clear_object (&self->people);
}

void
cobalt_window_show_damage (CobaltWindow *self,
                           const GError *error)
{
  g_autoptr(GError) move_error = NULL;
  g_autofree char *moved_to = NULL;

  g_return_if_fail (COBALT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* Every page lets go of the log first: SQLite names a journal after the
   * path, so nothing may write to the file once it is renamed. */
  _cobalt_window_release_log (self);
  if (!cobalt_repository_move_aside (self->data_dir, &moved_to, &move_error))
    g_message ("Could not move the damaged log aside: %s", move_error->message);
  show_problem (self, error, moved_to);
}

void
cobalt_window_load_preloaded (CobaltWindow        *self,
                              CobaltWindowPreload *preload,
                              gint64               person_id)
{
  CobaltRepository *repository;

  g_return_if_fail (COBALT_IS_WINDOW (self));
  g_return_if_fail (preload != NULL);

  repository = cobalt_window_preload_get_repository (preload);
  if (repository == NULL)
    {
      cobalt_window_load (self, person_id);
      return;
    }

  /* Only for the Today page built now; any later one works it out afresh. */
  self->preloaded_status = cobalt_window_preload_get_status (preload, &self->preloaded_lead_days);
  cobalt_window_set_repository (self, repository, person_id);
  self->preloaded_status = NULL;
}

void
cobalt_window_set_repository (CobaltWindow     *self,
                              CobaltRepository *repository,
                              gint64            person_id)
{
  g_autoptr(CobaltContext) context = NULL;

  g_return_if_fail (COBALT_IS_WINDOW (self));
  g_return_if_fail (COBALT_IS_REPOSITORY (repository));

  /* Nobody is shown until show_people() picks someone. */
  context = cobalt_context_new (repository, self->clock, NULL);
  clear_context (self);
  self->context = g_steal_pointer (&context);
  _cobalt_window_backup_update_actions (self);
  /* What the window calls "now" is what the rules of what may be logged
   * (no dose in the future) call "now". */
  cobalt_repository_set_clock (repository, self->clock);
  self->changed_id = g_signal_connect (repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);

  /* Pages hold the old repository: start them afresh. */
  close_checklist (self);
  remove_pages (self);
  remove_main_page (self, &self->intro_page);
  remove_main_page (self, &self->problem_page);
  g_clear_object (&self->people);

  /* Without --person, open on whoever was shown last time. */
  if (person_id == 0 && self->settings != NULL)
    person_id = g_settings_get_int64 (self->settings, "selected-person-id");
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
  show_people (self);
}

void
cobalt_window_show_loading (CobaltWindow *self,
                            const char   *message)
{
  g_return_if_fail (COBALT_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_label (self->loading_title_label, message);
  gtk_widget_set_visible (self->loading_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

void
cobalt_window_show_failure (CobaltWindow *self,
                            const char   *title,
                            const char   *body)
{
  g_return_if_fail (COBALT_IS_WINDOW (self));
  g_return_if_fail (title != NULL && body != NULL);

  gtk_widget_set_visible (self->loading_spinner, FALSE);
  gtk_widget_set_visible (self->loading_failed_icon, TRUE);
  gtk_label_set_label (self->loading_title_label, title);
  gtk_label_set_label (self->loading_body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_body_label), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

CobaltRepository *
cobalt_window_get_repository (CobaltWindow *self)
{
  g_return_val_if_fail (COBALT_IS_WINDOW (self), NULL);
  return repository_of (self);
}

void
cobalt_window_select_person (CobaltWindow *self,
                             gint64        person_id)
{
  g_return_if_fail (COBALT_IS_WINDOW (self));

  if (self->people == NULL)
    return;

  /* A checklist shown for someone else is kept for later, not mixed up. */
  if (self->wizard != NULL && person_id != self->person_id)
    close_checklist (self);
  self->person_id = person_id;
  select_in_dropdown (self);
  gtk_stack_set_visible_child_name (self->page_stack, "today");
}

gint64
cobalt_window_get_person_id (CobaltWindow *self)
{
  g_return_val_if_fail (COBALT_IS_WINDOW (self), 0);
  return self->person_id;
}

GtkWidget *
cobalt_window_get_page (CobaltWindow *self,
                        const char   *name)
{
  CobaltSection section;

  g_return_val_if_fail (COBALT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "today"))
    return GTK_WIDGET (self->today_page);
  if (!cobalt_section_from_name (name, &section))
    return NULL;

  return ensure_section_page (self, section);
}

gboolean
cobalt_window_show_page (CobaltWindow *self,
                         const char   *name)
{
  g_auto(GStrv) parts = NULL;
  GtkWidget *page;

  g_return_val_if_fail (COBALT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  parts = g_strsplit (name, "/", 2);
  page = cobalt_window_get_page (self, parts[0]);
  if (page == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->page_stack, parts[0]);
  if (parts[1] != NULL && COBALT_IS_JOURNAL_PAGE (page))
    cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), parts[1]);

  return TRUE;
}
