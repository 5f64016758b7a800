/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The surfaces of cobalt-test-surfaces.h: how a person reaches each one
 * from Cobalt's window on the demo data. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cobalt-application.h"
#include "cobalt-body-map.h"
#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-journal-page.h"
#include "cobalt-journal-store.h"
#include "cobalt-log-page.h"
#include "cobalt-preferences-window.h"
#include "cobalt-site-picker.h"
#include "cobalt-supplies-page.h"
#include "cobalt-test-surfaces.h"

#define WAIT_STEP_MS 2000

/* Helpers --------------------------------------------------------------- */

void
cobalt_test_surfaces_wait (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < end);
}

/* Runs the main loop until @cond (evaluated again each round) holds or
 * @ms pass; then one more short round so that layout settles. */
#define WAIT_UNTIL(cond, ms) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + (ms) * G_TIME_SPAN_MILLISECOND; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      { \
        while (g_main_context_iteration (NULL, FALSE)) \
          ; \
        if (!(cond)) \
          g_usleep (1000); \
      } \
    cobalt_test_surfaces_wait (50); \
  } G_STMT_END

static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
match_mapped_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return gtk_widget_get_mapped (widget) && match_type (widget, type);
}

static gboolean
match_id (GtkWidget     *widget,
          gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static gboolean
match_edit_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_object_get_data (G_OBJECT (widget), "record-id") != NULL &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "document-edit-symbolic") == 0;
}

static GPtrArray *
list_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  /* Only the shown ones: the shortcuts window exists, hidden, from the
   * moment the window joins the application. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (window))
        g_ptr_array_add (list, window);
      else
        g_object_unref (window);
    }

  return list;
}

/* A visible toplevel that is not in @before (the newest). */
static GtkWindow *
find_new_window (GPtrArray *before)
{
  g_autoptr(GPtrArray) now = list_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < now->len; i++)
    {
      GtkWindow *window = now->pdata[i];

      if (!g_ptr_array_find (before, window, NULL) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

/* Runs @action on @widget ("win.…", "log.…") and returns the window it
 * opened, shown and idle. */
static GtkWidget *
open_window_by_action_with (GtkWidget   *widget,
                            const char  *action,
                            GVariant    *parameter,
                            GError     **error)
{
  g_autoptr(GPtrArray) before = list_toplevels ();
  GtkWindow *window = NULL;

  if (!gtk_widget_activate_action_variant (widget, action, parameter))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no action %s on %s",
                   action, G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }
  WAIT_UNTIL ((window = find_new_window (before)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)),
              WAIT_STEP_MS);
  if (window == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s opened no window", action);
  else
    cobalt_test_surfaces_wait (100);

  return GTK_WIDGET (window);
}

static GtkWidget *
open_window_by_action (GtkWidget   *widget,
                       const char  *action,
                       GError     **error)
{
  return open_window_by_action_with (widget, action, NULL, error);
}

/* @window shown and idle, returned (a page API opened it). */
static GtkWidget *
settle_window (GtkWidget  *window,
               GError    **error)
{
  if (window == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no window was opened");
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (window), WAIT_STEP_MS);
  cobalt_test_surfaces_wait (100);
  return window;
}

static CobaltRepository *
repository_of (CobaltTestSurfaceEnv *env)
{
  return cobalt_window_get_repository (env->window);
}

static gint64
person_id_by_name (CobaltTestSurfaceEnv *env,
                   const char           *name)
{
  g_autoptr(CobaltPerson) person = cobalt_repository_find_person (repository_of (env), name, NULL);

  return person != NULL ? person->id : 0;
}

/* Selects the demo person @name in the window. */
static gboolean
select_person (CobaltTestSurfaceEnv  *env,
               const char            *name,
               GError               **error)
{
  gint64 id = person_id_by_name (env, name);

  if (id == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no demo person %s", name);
      return FALSE;
    }
  cobalt_window_select_person (env->window, id);
  WAIT_UNTIL (cobalt_window_get_person_id (env->window) == id, WAIT_STEP_MS);
  return TRUE;
}

/* Pages ------------------------------------------------------------------ */

static GtkWidget *
show_page (CobaltTestSurfaceEnv  *env,
           const char            *name,
           GError               **error)
{
  GtkWidget *page;

  if (!cobalt_window_show_page (env->window, name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no page %s", name);
      return NULL;
    }
  page = cobalt_window_get_page (env->window, name);
  if (page == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "page %s was not built", name);
      return NULL;
    }
  WAIT_UNTIL (gtk_widget_get_mapped (page), WAIT_STEP_MS);
  /* Pages load their data in idles and threads (the Log's fetcher). */
  cobalt_test_surfaces_wait (250);
  return page;
}

static GtkWidget *
open_today (CobaltTestSurfaceEnv *env, GError **error)
{
  return show_page (env, "today", error);
}

static GtkWidget *
open_log (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *page = show_page (env, "log", error);

  if (page != NULL)
    WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (COBALT_LOG_PAGE (page)))) > 0,
                WAIT_STEP_MS);
  return page;
}

static GtkWidget *
open_calendar (CobaltTestSurfaceEnv *env, GError **error)
{
  return show_page (env, "calendar", error);
}

static GtkWidget *
open_journal_section (CobaltTestSurfaceEnv  *env,
                      const char            *section,
                      GError               **error)
{
  GtkWidget *page = show_page (env, "journal", error);

  if (page != NULL && section != NULL)
    {
      cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), section);
      cobalt_test_surfaces_wait (200);
    }
  return page;
}

static GtkWidget *
open_journal (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_section (env, "wellbeing", error);
}

static GtkWidget *
open_journal_reactions (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_section (env, "reactions", error);
}

static GtkWidget *
open_journal_labs (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_section (env, "labs", error);
}

static GtkWidget *
open_journal_charts (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_section (env, "charts", error);
}

static GtkWidget *
open_supplies (CobaltTestSurfaceEnv *env, GError **error)
{
  return show_page (env, "supplies", error);
}

/* What shows instead of the pages: the first-run form, the problem page. */
static GtkWidget *
open_window_itself (CobaltTestSurfaceEnv *env, GError **error)
{
  return GTK_WIDGET (env->window);
}

/* Menus ------------------------------------------------------------------ */

static GtkWidget *
popup_menu_button (GtkMenuButton  *button,
                   GError        **error)
{
  GtkPopover *popover = NULL;

  /* Tests running beside this one share the display: another's window
   * taking the focus closes the menu again. Opened again, a few times. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      if (popover == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the menu button has no popover");
          return NULL;
        }
      WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), WAIT_STEP_MS);
      cobalt_test_surfaces_wait (100);
      if (gtk_widget_get_mapped (GTK_WIDGET (popover)))
        return GTK_WIDGET (popover);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the menu did not stay open");
  return NULL;
}

static GtkWidget *
open_main_menu (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *button = find_widget (GTK_WIDGET (env->window), match_id, "menu_button");

  if (button == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no menu_button");
      return NULL;
    }
  return popup_menu_button (GTK_MENU_BUTTON (button), error);
}

/* The Log's menu buttons: the date range's "From" and its "Export" menu. */
static GtkWidget *
open_log_menu (CobaltTestSurfaceEnv *env, const char *id, GError **error)
{
  GtkWidget *page = open_log (env, error);
  GtkWidget *button = NULL;

  if (page == NULL)
    return NULL;
  if (id != NULL)
    button = find_widget (page, match_id, id);
  else
    {
      /* The menu button with a menu model: Export. */
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, page);
      while (stack->len > 0 && button == NULL)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w)) != NULL)
            button = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
  if (button == NULL || !GTK_IS_MENU_BUTTON (button))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no Log menu button %s", id ? id : "Export");
      return NULL;
    }
  return popup_menu_button (GTK_MENU_BUTTON (button), error);
}

static GtkWidget *
open_log_export_menu (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_log_menu (env, NULL, error);
}

static GtkWidget *
open_log_date_popover (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_log_menu (env, "from_button", error);
}

/* The checklist, in the window ------------------------------------------ */

static CobaltChecklistWizard *
start_checklist (CobaltTestSurfaceEnv  *env,
                 const char            *person,
                 GError               **error)
{
  GtkWidget *wizard = NULL;

  if (!select_person (env, person, error))
    return NULL;
  gtk_widget_activate_action (GTK_WIDGET (env->window), "win.start-checklist", NULL);
  WAIT_UNTIL ((wizard = find_widget (GTK_WIDGET (env->window), match_mapped_type,
                                     GSIZE_TO_POINTER (COBALT_TYPE_CHECKLIST_WIZARD))) != NULL,
              WAIT_STEP_MS);
  if (wizard == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Start checklist showed no checklist for %s", person);
      return NULL;
    }
  cobalt_test_surfaces_wait (150);
  return COBALT_CHECKLIST_WIZARD (wizard);
}

/* Ticks and goes on until the current step is of @kind (NULL: through the
 * last step, which logs the dose). */
static gboolean
advance_to (CobaltChecklistWizard  *wizard,
            const char             *kind,
            GError                **error)
{
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  guint n = cobalt_checklist_run_get_n_steps (run);

  for (guint guard = 0; guard < n + 1; guard++)
    {
      guint current;

      if (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "steps") != 0)
        break;
      current = cobalt_checklist_run_get_current_step (run);
      if (kind != NULL && g_strcmp0 (cobalt_checklist_run_get_step_kind (run, current), kind) == 0)
        return TRUE;

      if (g_strcmp0 (cobalt_checklist_run_get_step_kind (run, current), COBALT_STEP_CHOOSE_SITE) == 0)
        {
          CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));
          const char *suggested = cobalt_site_picker_get_suggested_site_id (picker);

          GtkWidget *button = suggested != NULL
            ? cobalt_body_map_get_button (COBALT_BODY_MAP (cobalt_site_picker_get_map (picker)), suggested)
            : NULL;

          /* As a click on the body map does (it also ticks the step). */
          if (button != NULL)
            g_signal_emit_by_name (button, "clicked");
          if (button == NULL || g_strcmp0 (cobalt_site_picker_get_selected_site_id (picker), suggested) != 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not choose the suggested site");
              return FALSE;
            }
        }
      else
        {
          GtkWidget *step = cobalt_checklist_wizard_get_step_page (wizard, current);

          gtk_toggle_button_set_active (cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (step)), TRUE);
        }
      cobalt_test_surfaces_wait (20);
      gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
      cobalt_test_surfaces_wait (40);
      if (cobalt_checklist_run_get_current_step (run) == current &&
          g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "steps") == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the checklist did not go on from step %u (%s)",
                       current + 1, cobalt_checklist_run_get_step_kind (run, current));
          return FALSE;
        }
    }

  if (kind == NULL && g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "aftercare") == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the checklist is on \"%s\", not at %s",
               cobalt_checklist_wizard_get_page (wizard), kind ? kind : "aftercare");
  return FALSE;
}

/* Sam Rivera's dose is two days overdue: the checklist starts at step 1. */
static GtkWidget *
open_checklist_step (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = start_checklist (env, COBALT_DEMO_PERSON_CARED, error);

  if (wizard == NULL)
    return NULL;
  if (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "steps") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the checklist opened on \"%s\"",
                   cobalt_checklist_wizard_get_page (wizard));
      return NULL;
    }
  return GTK_WIDGET (wizard);
}

static GtkWidget *
open_checklist_site (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (open_checklist_step (env, error));

  if (wizard == NULL || !advance_to (wizard, COBALT_STEP_CHOOSE_SITE, error))
    return NULL;
  cobalt_test_surfaces_wait (150);
  return GTK_WIDGET (wizard);
}

/* The site step's list of sites instead of the body map. */
static GtkWidget *
open_checklist_site_list (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (open_checklist_site (env, error));

  if (wizard == NULL)
    return NULL;
  cobalt_site_picker_set_list_mode (COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard)), TRUE);
  cobalt_test_surfaces_wait (150);
  return GTK_WIDGET (wizard);
}

/* "Stop — I'm not sure": the reasons. */
static GtkWidget *
open_checklist_stop (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (open_checklist_step (env, error));

  if (wizard == NULL)
    return NULL;
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.stop", NULL);
  WAIT_UNTIL (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "stop") == 0, WAIT_STEP_MS);
  if (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "stop") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Stop showed \"%s\"", cobalt_checklist_wizard_get_page (wizard));
      return NULL;
    }
  return GTK_WIDGET (wizard);
}

/* After stopping: who to contact. */
static GtkWidget *
open_checklist_stopped (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (open_checklist_stop (env, error));

  if (wizard == NULL)
    return NULL;
  cobalt_checklist_wizard_set_stop_reason (wizard, 0, NULL);
  if (!cobalt_checklist_wizard_confirm_stop (wizard))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the stop was refused");
      return NULL;
    }
  WAIT_UNTIL (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "stopped") == 0, WAIT_STEP_MS);
  return GTK_WIDGET (wizard);
}

static GtkWidget *
open_checklist_aftercare (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (open_checklist_step (env, error));

  if (wizard == NULL || !advance_to (wizard, NULL, error))
    return NULL;
  cobalt_test_surfaces_wait (200);
  return GTK_WIDGET (wizard);
}

/* Alex Morgan's next dose is in 3 days: the checklist first says it
 * would be early. */
static GtkWidget *
open_checklist_timing (CobaltTestSurfaceEnv *env, GError **error)
{
  CobaltChecklistWizard *wizard = start_checklist (env, COBALT_DEMO_PERSON_SELF, error);

  if (wizard == NULL)
    return NULL;
  if (g_strcmp0 (cobalt_checklist_wizard_get_page (wizard), "timing") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the early dose showed \"%s\", not the timing notice",
                   cobalt_checklist_wizard_get_page (wizard));
      return NULL;
    }
  return GTK_WIDGET (wizard);
}

/* Dialogs ---------------------------------------------------------------- */

static GtkWidget *
open_log_elsewhere (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_window_by_action (GTK_WIDGET (env->window), "win.log-elsewhere", error);
}

static GtkWidget *
open_not_given (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_window_by_action (GTK_WIDGET (env->window), "win.record-not-given", error);
}

static GtkWidget *
open_preferences_page (CobaltTestSurfaceEnv  *env,
                       const char            *page,
                       GError               **error)
{
  GtkWidget *window = open_window_by_action (GTK_WIDGET (env->window), "win.preferences", error);

  if (window != NULL && page != NULL)
    {
      if (!COBALT_IS_PREFERENCES_WINDOW (window))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Preferences opened a %s", G_OBJECT_TYPE_NAME (window));
          return NULL;
        }
      cobalt_preferences_window_show_page (COBALT_PREFERENCES_WINDOW (window), page);
      cobalt_test_surfaces_wait (150);
    }
  return window;
}

static GtkWidget *
open_preferences (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_preferences_page (env, NULL, error);
}

static GtkWidget *
open_prescription_editor (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_preferences_page (env, "prescription", error);
}

static GtkWidget *
open_checklist_editor (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_preferences_page (env, "checklist", error);
}

static GtkWidget *
open_preferences_person (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_preferences_page (env, "person", error);
}

static GtkWidget *
open_reminder_preferences (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_preferences_page (env, "reminders", error);
}

static GtkWidget *
open_people (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_window_by_action (GTK_WIDGET (env->window), "win.manage-people", error);
}

static GtkWidget *
open_urgent_help (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_window_by_action (GTK_WIDGET (env->window), "win.urgent-help", error);
}

static GtkWidget *
open_shortcuts (CobaltTestSurfaceEnv *env, GError **error)
{
  if (env->application == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "the shortcuts window needs the application");
      return NULL;
    }
  return open_window_by_action (GTK_WIDGET (env->window), "win.show-help-overlay", error);
}

static GtkWidget *
open_about (CobaltTestSurfaceEnv *env, GError **error)
{
  g_autoptr(GPtrArray) before = list_toplevels ();
  GtkWindow *window = NULL;

  if (env->application == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "About needs the application");
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (env->window));
  g_action_group_activate_action (G_ACTION_GROUP (env->application), "about", NULL);
  WAIT_UNTIL ((window = find_new_window (before)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)),
              WAIT_STEP_MS);
  if (window == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "app.about opened no window");
  return GTK_WIDGET (window);
}

/* Log → select the newest dose → Edit…; the dose editor. */
static GtkWidget *
open_dose_editor (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *page = open_log (env, error);
  GListModel *model;
  g_autoptr(GPtrArray) before = NULL;
  GtkWindow *window = NULL;

  if (page == NULL)
    return NULL;
  model = G_LIST_MODEL (cobalt_log_page_get_model (COBALT_LOG_PAGE (page)));
  before = list_toplevels ();
  /* The first row that is a dose (not a missed day or an aborted run). */
  for (guint i = 0; i < MIN (g_list_model_get_n_items (model), 20) && window == NULL; i++)
    {
      cobalt_log_page_select (COBALT_LOG_PAGE (page), i);
      cobalt_test_surfaces_wait (20);
      gtk_widget_activate_action (page, "log.edit", NULL);
      WAIT_UNTIL ((window = find_new_window (before)) != NULL, 300);
    }
  if (window == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Edit opened no dose editor");
      return NULL;
    }
  return settle_window (GTK_WIDGET (window), error);
}

static GtkWidget *
open_reaction_record (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *page = open_journal_reactions (env, error);

  if (page == NULL)
    return NULL;
  return settle_window (cobalt_journal_page_add_reaction (COBALT_JOURNAL_PAGE (page)), error);
}

/* The newest record of @kind of the window's person, edited from the Journal. */
static GtkWidget *
open_journal_edit (CobaltTestSurfaceEnv  *env,
                   CobaltJournalRecord    kind,
                   const char            *section,
                   GError               **error)
{
  GtkWidget *page = open_journal_section (env, section, error);
  gint64 person_id = cobalt_window_get_person_id (env->window);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GObject) record = NULL;
  gint64 id = 0;
  guint n;

  if (page == NULL)
    return NULL;
  if (kind == COBALT_JOURNAL_RECORD_CHECKIN)
    records = cobalt_repository_list_checkins (repository_of (env), person_id, error);
  else if (kind == COBALT_JOURNAL_RECORD_LAB_RESULT)
    records = cobalt_repository_list_lab_results (repository_of (env), person_id, error);
  else
    records = cobalt_repository_list_reactions (repository_of (env), person_id, error);
  if (records == NULL)
    return NULL;
  n = g_list_model_get_n_items (records);
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the demo person has no record of kind %d", kind);
      return NULL;
    }
  record = g_list_model_get_item (records, n - 1);
  if (kind == COBALT_JOURNAL_RECORD_CHECKIN)
    id = COBALT_CHECKIN (record)->id;
  else if (kind == COBALT_JOURNAL_RECORD_LAB_RESULT)
    id = COBALT_LAB_RESULT (record)->id;
  else
    id = COBALT_REACTION (record)->id;

  return settle_window (cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page), kind, id), error);
}

static GtkWidget *
open_checkin_form (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_edit (env, COBALT_JOURNAL_RECORD_CHECKIN, "wellbeing", error);
}

static GtkWidget *
open_lab_form (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_edit (env, COBALT_JOURNAL_RECORD_LAB_RESULT, "labs", error);
}

static GtkWidget *
open_reaction_editor (CobaltTestSurfaceEnv *env, GError **error)
{
  return open_journal_edit (env, COBALT_JOURNAL_RECORD_REACTION, "reactions", error);
}

/* Supplies → "Add batch". */
static GtkWidget *
open_supply_editor_add (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *page = open_supplies (env, error);

  if (page == NULL)
    return NULL;
  return settle_window (cobalt_supplies_page_add_item (COBALT_SUPPLIES_PAGE (page), COBALT_SUPPLY_AMPOULE), error);
}

/* Supplies → a row's Edit button. */
static GtkWidget *
open_supply_editor_edit (CobaltTestSurfaceEnv *env, GError **error)
{
  GtkWidget *page = open_supplies (env, error);
  GtkWidget *button;
  g_autoptr(GPtrArray) before = NULL;
  GtkWindow *window = NULL;

  if (page == NULL)
    return NULL;
  button = find_widget (page, match_edit_button, NULL);
  if (button == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Supplies shows no Edit button");
      return NULL;
    }
  before = list_toplevels ();
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL ((window = find_new_window (before)) != NULL, WAIT_STEP_MS);
  return settle_window (GTK_WIDGET (window), error);
}

/* Main menu → Back Up to a File…, answered: what the backup holds. */
static GtkWidget *
open_backup_saved (CobaltTestSurfaceEnv *env, GError **error)
{
  g_autofree char *path = g_build_filename (env->data_dir, "Cobalt backup.db", NULL);

  g_unlink (path);
  return open_window_by_action_with (GTK_WIDGET (env->window), "win.backup-to-file",
                                     g_variant_new_string (path), error);
}

/* Main menu → Restore from a File…, a backup chosen: the question. */
static GtkWidget *
open_restore_confirm (CobaltTestSurfaceEnv *env, GError **error)
{
  g_autofree char *path = g_build_filename (env->data_dir, "Cobalt backup.db", NULL);

  g_unlink (path);
  if (!cobalt_repository_backup_to_file (repository_of (env), path, FALSE, error))
    return NULL;
  return open_window_by_action_with (GTK_WIDGET (env->window), "win.restore-from-file",
                                     g_variant_new_string (path), error);
}

/* The table -------------------------------------------------------------- */

static const CobaltTestSurface surfaces[] = {
  { "today", "the Today page", COBALT_TEST_DATA_DEMO, open_today },
  { "log", "the Log page", COBALT_TEST_DATA_DEMO, open_log },
  { "calendar", "the Calendar page", COBALT_TEST_DATA_DEMO, open_calendar },
  { "journal", "the Journal page, Wellbeing (with the check-in form)", COBALT_TEST_DATA_DEMO, open_journal },
  { "journal-reactions", "the Journal page, Reactions", COBALT_TEST_DATA_DEMO, open_journal_reactions },
  { "journal-labs", "the Journal page, Lab results (with the lab form)", COBALT_TEST_DATA_DEMO, open_journal_labs },
  { "journal-charts", "the Journal page, Charts", COBALT_TEST_DATA_DEMO, open_journal_charts },
  { "supplies", "the Supplies page", COBALT_TEST_DATA_DEMO, open_supplies },
  { "main-menu", "the header bar's main menu", COBALT_TEST_DATA_DEMO, open_main_menu },
  { "log-export-menu", "the Log's Export menu", COBALT_TEST_DATA_DEMO, open_log_export_menu },
  { "log-date-popover", "the Log's \"From\" date popover", COBALT_TEST_DATA_DEMO, open_log_date_popover },
  { "checklist-step", "the checklist's first step (Sam Rivera, overdue)", COBALT_TEST_DATA_DEMO, open_checklist_step },
  { "checklist-site", "the checklist's site step: the body map", COBALT_TEST_DATA_DEMO, open_checklist_site },
  { "checklist-site-list", "the checklist's site step as a list", COBALT_TEST_DATA_DEMO, open_checklist_site_list },
  { "checklist-stop", "the checklist's \"Stop — I'm not sure\" page", COBALT_TEST_DATA_DEMO, open_checklist_stop },
  { "checklist-stopped", "the checklist after stopping", COBALT_TEST_DATA_DEMO, open_checklist_stopped },
  { "checklist-aftercare", "aftercare after logging the dose", COBALT_TEST_DATA_DEMO, open_checklist_aftercare },
  { "checklist-timing", "the early-dose timing notice (Alex Morgan)", COBALT_TEST_DATA_DEMO, open_checklist_timing },
  { "first-run", "the first-run introduction (empty data folder)", COBALT_TEST_DATA_EMPTY, open_window_itself },
  { "problem", "the problem page (damaged database)", COBALT_TEST_DATA_DAMAGED, open_window_itself },
  { "log-elsewhere", "\"Log a dose given elsewhere\" (adding a dose)", COBALT_TEST_DATA_DEMO, open_log_elsewhere },
  { "dose-editor", "the dose editor (Log → Edit…)", COBALT_TEST_DATA_DEMO, open_dose_editor },
  { "not-given", "\"Record a dose not given\"", COBALT_TEST_DATA_DEMO, open_not_given },
  { "reaction-record", "\"Record a reaction\" (Journal → Reactions)", COBALT_TEST_DATA_DEMO, open_reaction_record },
  { "reaction-editor", "the reaction editor (a reaction's Edit)", COBALT_TEST_DATA_DEMO, open_reaction_editor },
  { "checkin-form", "\"Change a check-in\"", COBALT_TEST_DATA_DEMO, open_checkin_form },
  { "lab-form", "\"Change a lab result\"", COBALT_TEST_DATA_DEMO, open_lab_form },
  { "supply-editor-add", "the supply editor, adding a batch", COBALT_TEST_DATA_DEMO, open_supply_editor_add },
  { "supply-editor-edit", "the supply editor, editing an item", COBALT_TEST_DATA_DEMO, open_supply_editor_edit },
  { "people", "Manage People", COBALT_TEST_DATA_DEMO, open_people },
  { "preferences", "Preferences, as it opens", COBALT_TEST_DATA_DEMO, open_preferences },
  { "prescription-editor", "Preferences → Prescription", COBALT_TEST_DATA_DEMO, open_prescription_editor },
  { "checklist-editor", "Preferences → Checklist", COBALT_TEST_DATA_DEMO, open_checklist_editor },
  { "preferences-person", "Preferences → the person's details", COBALT_TEST_DATA_DEMO, open_preferences_person },
  { "reminder-preferences", "Preferences → Reminders", COBALT_TEST_DATA_DEMO, open_reminder_preferences },
  { "urgent-help", "Urgent help (F1)", COBALT_TEST_DATA_DEMO, open_urgent_help },
  { "shortcuts", "the keyboard shortcuts window (Ctrl+?)", COBALT_TEST_DATA_DEMO, open_shortcuts },
  { "about", "About Cobalt", COBALT_TEST_DATA_DEMO, open_about },
  { "backup-saved", "Back Up to a File…, done: what the backup holds", COBALT_TEST_DATA_DEMO, open_backup_saved },
  { "restore-confirm", "Restore from a File…: the question, with what the file holds", COBALT_TEST_DATA_DEMO,
    open_restore_confirm },
};

const CobaltTestSurface *
cobalt_test_surfaces_get (guint *n_surfaces)
{
  *n_surfaces = G_N_ELEMENTS (surfaces);
  return surfaces;
}

const CobaltTestSurface *
cobalt_test_surfaces_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    if (g_str_equal (surfaces[i].name, name))
      return &surfaces[i];

  return NULL;
}

/* The environment -------------------------------------------------------- */

static GDateTime *
surfaces_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, COBALT_TEST_SURFACES_NOW_Y, COBALT_TEST_SURFACES_NOW_M,
                          COBALT_TEST_SURFACES_NOW_D, 10, 0, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static char *template_dir;

static void
remove_template (void)
{
  if (template_dir != NULL)
    remove_tree (template_dir);
  g_clear_pointer (&template_dir, g_free);
}

/* The demo log, made once per process; each surface gets a copy. */
static const char *
demo_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CobaltClock) clock = NULL;

  if (template_dir != NULL)
    return template_dir;

  template_dir = g_dir_make_tmp ("cobalt-surfaces-demo-XXXXXX", &error);
  g_assert_no_error (error);
  now = surfaces_now ();
  clock = cobalt_clock_new_fixed (now);
  repository = cobalt_repository_open (template_dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  cobalt_demo_populate (repository, clock, &error);
  g_assert_no_error (error);
  atexit (remove_template);

  return template_dir;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

GtkApplication *
cobalt_test_surfaces_application (void)
{
  static GtkApplication *application;
  g_autoptr(GError) error = NULL;

  if (application != NULL)
    return application;

  application = GTK_APPLICATION (cobalt_application_new (APPLICATION_ID ".SurfaceTest", G_APPLICATION_NON_UNIQUE));
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("could not register the application: %s", error->message);

  return application;
}

CobaltTestSurfaceEnv *
cobalt_test_surface_env_new (const CobaltTestSurface *surface,
                             GtkApplication          *application,
                             int                      width,
                             int                      height)
{
  CobaltTestSurfaceEnv *env = g_new0 (CobaltTestSurfaceEnv, 1);
  g_autoptr(GDateTime) now = surfaces_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  env->surface = surface;
  env->application = application;
  env->clock = cobalt_clock_new_fixed (now);
  env->data_dir = g_dir_make_tmp ("cobalt-surface-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (env->data_dir, COBALT_REPOSITORY_FILENAME, NULL);

  switch (surface->data)
    {
    case COBALT_TEST_DATA_DEMO:
      {
        g_autofree char *template_db = g_build_filename (demo_template (), COBALT_REPOSITORY_FILENAME, NULL);

        copy_file (template_db, db_path);
      }
      break;
    case COBALT_TEST_DATA_DAMAGED:
      {
        char garbage[8192];

        for (guint i = 0; i < sizeof garbage; i++)
          garbage[i] = (char) (i * 7919 + 13);
        memcpy (garbage, "definitely not SQLite", 21);
        g_file_set_contents (db_path, garbage, sizeof garbage, &error);
        g_assert_no_error (error);
      }
      break;
    case COBALT_TEST_DATA_EMPTY:
    default:
      break;
    }

  env->window = cobalt_window_new (application, env->clock, env->data_dir);
  gtk_window_set_default_size (GTK_WINDOW (env->window), width, height);
  cobalt_window_load (env->window, 0);
  gtk_window_present (GTK_WINDOW (env->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (env->window)), WAIT_STEP_MS);
  if (surface->data == COBALT_TEST_DATA_DEMO)
    WAIT_UNTIL (cobalt_window_get_page (env->window, "today") != NULL &&
                gtk_widget_get_mapped (cobalt_window_get_page (env->window, "today")), WAIT_STEP_MS);
  cobalt_test_surfaces_wait (200);

  return env;
}

/* Whether a stack under @widget is still moving between pages, or a
 * revealer between shown and hidden. */
static gboolean
animating (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) != gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (animating (child))
      return TRUE;

  return FALSE;
}

static gboolean
any_animating (void)
{
  g_autoptr(GPtrArray) windows = list_toplevels ();

  for (guint i = 0; i < windows->len; i++)
    if (animating (windows->pdata[i]))
      return TRUE;

  return FALSE;
}

GtkWidget *
cobalt_test_surface_open (CobaltTestSurfaceEnv  *env,
                          GError               **error)
{
  g_return_val_if_fail (env->shown == NULL, NULL);

  env->shown = env->surface->open (env, error);
  if (env->shown != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (env->shown), (gpointer *) &env->shown);
      /* Stack transitions over: only what the surface shows is mapped. */
      WAIT_UNTIL (!any_animating (), 3000);
    }
  return env->shown;
}

GtkWindow *
cobalt_test_surface_get_toplevel (CobaltTestSurfaceEnv *env)
{
  GtkRoot *root;

  if (env->shown == NULL)
    return GTK_WINDOW (env->window);
  if (GTK_IS_WINDOW (env->shown))
    return GTK_WINDOW (env->shown);
  root = gtk_widget_get_root (env->shown);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : GTK_WINDOW (env->window);
}

void
cobalt_test_surface_close (CobaltTestSurfaceEnv *env)
{
  GtkWidget *shown = env->shown;

  if (shown == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (shown), (gpointer *) &env->shown);
  env->shown = NULL;

  if (GTK_IS_POPOVER (shown))
    gtk_popover_popdown (GTK_POPOVER (shown));
  else if (GTK_IS_WINDOW (shown) && shown != GTK_WIDGET (env->window))
    gtk_window_destroy (GTK_WINDOW (shown));
  else if (COBALT_IS_CHECKLIST_WIZARD (shown))
    gtk_widget_activate_action (GTK_WIDGET (env->window), "win.leave-checklist", NULL);
  else if (shown != GTK_WIDGET (env->window))
    cobalt_window_show_page (env->window, "today");
  cobalt_test_surfaces_wait (100);
}

void
cobalt_test_surface_env_free (CobaltTestSurfaceEnv *env)
{
  if (env == NULL)
    return;

  cobalt_test_surface_close (env);
  /* Dialogs are transient for the window and destroyed with it. */
  gtk_window_destroy (GTK_WINDOW (env->window));
  cobalt_test_surfaces_wait (50);
  g_clear_object (&env->clock);
  remove_tree (env->data_dir);
  g_free (env->data_dir);
  g_free (env);
}
