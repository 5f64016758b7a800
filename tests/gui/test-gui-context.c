/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The context every page is handed: it says "person" changed only when
 * another person is set, and one change on it moves every page that shows
 * the current person (the window sets it once, not page by page), while a
 * form editing a stored record stays on that record's person. */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "cobalt-checkin-form.h"
#include "cobalt-context.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-store.h"
#include "cobalt-log-page.h"
#include "cobalt-repository-private.h"
#include "cobalt-today-page.h"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *alex;
  CobaltPerson     *sam;
  CobaltContext    *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);

  fixture->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  fixture->repository = cobalt_repository_new (fixture->database);
  fixture->clock = cobalt_clock_new_fixed (now);
  cobalt_repository_set_clock (fixture->repository, fixture->clock);
  g_assert_true (cobalt_demo_populate (fixture->repository, fixture->clock, &error));
  g_assert_no_error (error);
  fixture->alex = cobalt_repository_find_person (fixture->repository, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
  fixture->sam = cobalt_repository_find_person (fixture->repository, COBALT_DEMO_PERSON_CARED, &error);
  g_assert_no_error (error);
  fixture->context = cobalt_context_new (fixture->repository, fixture->clock, fixture->alex);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->sam);
  g_clear_object (&fixture->alex);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->repository);
  g_clear_object (&fixture->database);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The window hands the person in on every reload of the people: only
 * another object is a change (a fresh copy may carry a new clinic phone). */
static void
test_notifies_real_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPerson) sam_again = NULL;
  guint count = 0;

  g_object_get (fixture->context, "repository", &repository, "clock", &clock, "person", &person, NULL);
  g_assert_true (repository == fixture->repository);
  g_assert_true (clock == fixture->clock);
  g_assert_true (person == fixture->alex);
  g_assert_true (cobalt_context_get_repository (fixture->context) == fixture->repository);
  g_assert_true (cobalt_context_get_clock (fixture->context) == fixture->clock);

  g_signal_connect (fixture->context, "notify::person", G_CALLBACK (count_notify_cb), &count);

  /* The same person again, either way: nothing to tell. */
  cobalt_context_set_person (fixture->context, fixture->alex);
  g_object_set (fixture->context, "person", fixture->alex, NULL);
  g_assert_cmpuint (count, ==, 0);

  /* Someone else: told once, however often it is set. */
  g_object_set (fixture->context, "person", fixture->sam, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (cobalt_context_get_person (fixture->context) == fixture->sam);
  cobalt_context_set_person (fixture->context, fixture->sam);
  g_assert_cmpuint (count, ==, 1);

  /* A fresh copy of the same person is news: its details may differ. */
  sam_again = cobalt_repository_get_person (fixture->repository, fixture->sam->id, NULL);
  g_assert_nonnull (sam_again);
  cobalt_context_set_person (fixture->context, sam_again);
  g_assert_cmpuint (count, ==, 2);

  /* Nobody, once. */
  cobalt_context_set_person (fixture->context, NULL);
  cobalt_context_set_person (fixture->context, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_null (cobalt_context_get_person (fixture->context));
}

/* Whose doses the Log lists (the rows are read once the page is shown). */
static gint64
log_person_id (CobaltLogPage *log)
{
  GListModel *model = G_LIST_MODEL (cobalt_log_page_get_model (log));
  g_autoptr(CobaltLogEntry) entry = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  entry = g_list_model_get_item (model, 0);
  g_assert_nonnull (entry->dose);
  return entry->dose->person_id;
}

/* One change on the context, and Today and the Log both show the other
 * person: nobody tells the pages one by one. */
static void
test_pages_follow (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *today = GTK_WIDGET (cobalt_today_page_new (fixture->context));
  GtkWidget *log = GTK_WIDGET (cobalt_log_page_new (fixture->context));

  gtk_widget_set_hexpand (today, TRUE);
  gtk_widget_set_hexpand (log, TRUE);
  gtk_box_append (GTK_BOX (box), today);
  gtk_box_append (GTK_BOX (box), log);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  g_assert_nonnull (cobalt_test_find_label (today, "Next dose for Alex Morgan"));
  g_assert_cmpint (log_person_id (COBALT_LOG_PAGE (log)), ==, fixture->alex->id);

  g_object_set (fixture->context, "person", fixture->sam, NULL);
  cobalt_test_wait_idle ();

  g_assert_nonnull (cobalt_test_find_label (today, "Next dose for Sam Rivera"));
  g_assert_null (cobalt_test_find_label (today, "Alex Morgan"));
  g_assert_cmpint (log_person_id (COBALT_LOG_PAGE (log)), ==, fixture->sam->id);

  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* The check-in form under the Journal starts afresh for the other person;
 * the same form editing a stored check-in keeps it, and saves it as its
 * own person's. */
static void
test_editor_stays (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(CobaltCheckin) stored = NULL;
  g_autoptr(GObject) saved = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *adding = cobalt_checkin_form_new (fixture->context);
  GtkWidget *editing = cobalt_checkin_form_new (fixture->context);

  checkins = cobalt_repository_list_checkins (fixture->repository, fixture->alex->id, NULL);
  g_assert_nonnull (checkins);
  g_assert_cmpuint (g_list_model_get_n_items (checkins), >, 0);
  stored = g_list_model_get_item (checkins, 0);
  cobalt_checkin_form_edit (COBALT_CHECKIN_FORM (editing), stored);

  gtk_box_append (GTK_BOX (box), adding);
  gtk_box_append (GTK_BOX (box), editing);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (adding), COBALT_CHECKIN_ENERGY, 7);
  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (editing), COBALT_CHECKIN_ENERGY, 1);

  cobalt_context_set_person (fixture->context, fixture->sam);
  cobalt_test_wait_idle ();

  /* Alex's half-filled scores are not offered as Sam's… */
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (adding), COBALT_CHECKIN_ENERGY),
                   ==, COBALT_CHECKIN_NOT_RECORDED);
  /* …but Alex's stored check-in being changed stays Alex's. */
  g_assert_cmpint (cobalt_checkin_form_get_score (COBALT_CHECKIN_FORM (editing), COBALT_CHECKIN_ENERGY), ==, 1);
  g_assert_true (cobalt_checkin_form_save (COBALT_CHECKIN_FORM (editing), NULL));
  saved = cobalt_journal_store_get (fixture->repository, COBALT_JOURNAL_RECORD_CHECKIN,
                                    fixture->alex->id, stored->id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (COBALT_CHECKIN (saved)->person_id, ==, fixture->alex->id);
  g_assert_cmpint (cobalt_checkin_get_score (COBALT_CHECKIN (saved), COBALT_CHECKIN_ENERGY), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  cobalt_test_wait_idle ();
}

/* Collects "file: line" for each font-size in points or pixels in the
 * CSS files under @dir. */
static void
scan_css (const char *dir,
          GPtrArray  *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          scan_css (path, found);
          continue;
        }
      if (!g_str_has_suffix (name, ".css") || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *at = strstr (lines[i], "font-size:");
          const char *end;

          if (at == NULL)
            continue;
          end = strchr (at, ';');
          if (end == NULL)
            end = at + strlen (at);
          if (g_strstr_len (at, end - at, "pt") != NULL || g_strstr_len (at, end - at, "px") != NULL)
            g_ptr_array_add (found, g_strdup_printf ("%s: %s", path, lines[i]));
        }
    }
}

/* Today's key text (the date, "Due in…", the dose, the site) grows with
 * the system font: no style sheet fixes a font size in points or pixels. */
static void
test_font_sizes_relative (void)
{
  const char *source_dir = g_getenv ("COBALT_SOURCE_DIR");
  g_autofree char *gui = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (source_dir == NULL)
    {
      g_test_skip ("COBALT_SOURCE_DIR is not set");
      return;
    }

  gui = g_build_filename (source_dir, "src", "gui", NULL);
  g_assert_true (g_file_test (gui, G_FILE_TEST_IS_DIR));
  scan_css (gui, found);
  for (guint i = 0; i < found->len; i++)
    g_printerr ("fixed font size: %s\n", (char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/context/notifies-real-changes", Fixture, NULL,
              fixture_set_up, test_notifies_real_changes, fixture_tear_down);
  g_test_add ("/cobalt/context/pages-follow", Fixture, NULL,
              fixture_set_up, test_pages_follow, fixture_tear_down);
  g_test_add ("/cobalt/context/editor-stays", Fixture, NULL,
              fixture_set_up, test_editor_stays, fixture_tear_down);
  g_test_add_func ("/cobalt/context/font-sizes-relative", test_font_sizes_relative);

  return g_test_run ();
}
