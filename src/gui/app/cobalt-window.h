/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include "cobalt-core.h"
#include "cobalt-window-preload.h"

G_BEGIN_DECLS

#define COBALT_TYPE_WINDOW (cobalt_window_get_type ())
G_DECLARE_FINAL_TYPE (CobaltWindow, cobalt_window, COBALT, WINDOW, GtkApplicationWindow)

/* @application may be NULL (tests). @data_dir is where the database lives:
 * used to open it, and to move aside / restore a damaged one. */
CobaltWindow     *cobalt_window_new            (GtkApplication   *application,
                                                CobaltClock      *clock,
                                                const char       *data_dir);

/* Opens the database in the data directory and shows Today, the first-run
 * introduction, or what went wrong. @person_id 0 picks the first person. */
/* The whole-file check after the first frame found @error (unreadable):
 * the log is closed, moved aside and the problem page offers a backup. */
void              cobalt_window_show_damage    (CobaltWindow     *self,
                                                const GError     *error);
void              cobalt_window_load           (CobaltWindow     *self,
                                                gint64            person_id);
/* cobalt_window_load() with what @preload worked out while GTK started
 * (it stays the caller's). */
void              cobalt_window_load_preloaded (CobaltWindow        *self,
                                                CobaltWindowPreload *preload,
                                                gint64               person_id);
/* Uses an already open repository instead. */
void              cobalt_window_set_repository (CobaltWindow     *self,
                                                CobaltRepository *repository,
                                                gint64            person_id);
/* Instead of loading, while the log is still being made elsewhere
 * (cobalt --demo): @message beside a spinner, until cobalt_window_load(). */
void              cobalt_window_show_loading   (CobaltWindow     *self,
                                                const char       *message);
/* Instead of the log, when there is none to show: @title and @body, a
 * sentence a person understands. */
void              cobalt_window_show_failure   (CobaltWindow     *self,
                                                const char       *title,
                                                const char       *body);
/* NULL while a database problem is shown. */
CobaltRepository *cobalt_window_get_repository (CobaltWindow     *self);

void              cobalt_window_select_person  (CobaltWindow     *self,
                                                gint64            person_id);
/* 0 when nobody is selected. */
gint64            cobalt_window_get_person_id  (CobaltWindow     *self);

/* The page of the section @name ("today", "log", "calendar", "journal",
 * "supplies"), built now if it has not been shown yet (only Today is
 * built at start-up). NULL while nobody is shown or for an unknown name. */
GtkWidget        *cobalt_window_get_page       (CobaltWindow     *self,
                                                const char       *name);
/* Shows that section; "journal/charts" also picks a section of the
 * Journal. FALSE when there is no such page (yet). */
gboolean          cobalt_window_show_page      (CobaltWindow     *self,
                                                const char       *name);

G_END_DECLS
