/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's struct, shared by its files: cobalt-window.c (the people,
 * the pages, the checklist and the dialogs) and
 * cobalt-window-navigation.c (the sections, the keys that reach them, and
 * a narrow window's header) and cobalt-window-backup.c (backups by hand). */

#include <gtk/gtk.h>

#include "cobalt-context.h"
#include "cobalt-fold-view.h"
#include "cobalt-section-switcher.h"
#include "cobalt-today-page.h"
#include "cobalt-window-sections.h"
#include "cobalt-window.h"

G_BEGIN_DECLS

struct _CobaltWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkWidget            *person_box;      /* the person and "Manage people…" */
  GtkDropDown          *person_dropdown;
  GtkDropDown          *narrow_person_dropdown; /* the same, beside the section */
  GtkLabel             *title_label;
  GtkWidget            *leave_checklist_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *main_menu;
  GtkStack             *main_stack;
  GtkStack             *page_stack;
  CobaltFoldView       *fold_view;
  /* The sections beside the pages, or, folded, above them. */
  CobaltSectionSwitcher *sidebar;
  CobaltSectionSwitcher *section_dropdown;
  GtkWidget            *loading_spinner;
  GtkWidget            *loading_failed_icon;
  GtkLabel             *loading_title_label;
  GtkLabel             *loading_body_label;

  CobaltClock          *clock;
  char                 *data_dir;
  /* What every page and dialog is handed: one per repository (NULL while
   * a database problem is shown), and the selected person, set on it once
   * for all the pages that follow it. */
  CobaltContext        *context;
  GListModel           *people;          /* CobaltPerson, the dropdown's model */
  gint64                person_id;       /* the selected person */
  gboolean              setting_model;   /* the dropdown resets its selection */
  gulong                changed_id;

  GSettings            *settings;        /* NULL when the schema is not installed */
  CobaltStatus         *preloaded_status; /* Today, worked out while GTK started */
  guint                 preloaded_lead_days;

  CobaltTodayPage      *today_page;      /* created with the first person */
  /* The other sections: a slot in page_stack each, created with Today,
   * and the real page inside it, created when the slot is first shown. */
  GtkWidget            *section_slots[COBALT_N_SECTIONS];
  GtkWidget            *section_pages[COBALT_N_SECTIONS];
  gulong                section_shown_id;
  gboolean              start_page_shown; /* COBALT_START_PAGE was applied */
  GtkWidget            *intro_page;      /* only on first run */
  GtkWidget            *problem_page;    /* only after a database error */
  GtkWidget            *wizard;          /* CobaltChecklistWizard, while a checklist is shown */
  gboolean              narrow;          /* narrower than the fold view's threshold */
  guint                 width_idle_id;   /* the header follows the width */
};

/* cobalt-window-navigation.c: "win.show-section" with Alt+1…Alt+5;
 * before the template is set. */
void _cobalt_window_class_navigation_init (GtkWidgetClass *widget_class);
/* After the template is initialised: the section switchers, the person
 * drop-downs, the header following the width. */
void _cobalt_window_navigation_init       (CobaltWindow   *self);
/* From size_allocate, the window's new @width: the header makes room
 * (once that layout is done) when it is narrow. */
void _cobalt_window_follow_width          (CobaltWindow   *self,
                                           int             width);

/* Closes the checklist and every page and lets go of the log (before
 * the file under it is moved or replaced). */
void _cobalt_window_release_log           (CobaltWindow   *self);

/* cobalt-window-backup.c: "win.backup-to-file" and
 * "win.restore-from-file" (a path, or "" to ask for one). */
void _cobalt_window_class_backup_init     (GtkWidgetClass *widget_class);
/* Backing up needs an open log: call when the log changes. */
void _cobalt_window_backup_update_actions (CobaltWindow   *self);

G_END_DECLS
