/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Back up to a file… and Restore from a file… (issue 13), through the
 * main menu's actions, their file choosers and their dialogs: the backup
 * is a checked 0600 copy and says what it holds; a restore is confirmed
 * with what the file holds, keeps the current log aside and brings back
 * the log as it was; a file that is no Cobalt backup is refused with
 * nothing changed; and a log that cannot be read can be restored too. */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-problem-page.h"
#include "cobalt-repository-private.h"
#include "cobalt-window.h"
#include "window-test-util.h"

typedef struct
{
  char         *dir;        /* the data folder */
  char         *elsewhere;  /* where the user keeps backups */
  char         *db_path;
  CobaltClock  *clock;
  CobaltWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 12, 4, 9, 30, 0);
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = cobalt_test_make_tmp_dir ();
  fixture->elsewhere = cobalt_test_make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, COBALT_DATABASE_FILENAME, NULL);
  fixture->clock = cobalt_clock_new_fixed (now);

  repository = cobalt_repository_open (fixture->dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  g_assert_no_error (error);
  cobalt_repository_set_clock (repository, fixture->clock);
  g_assert_true (cobalt_demo_populate (repository, fixture->clock, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cobalt_test_close_other_windows (NULL);
  g_clear_object (&fixture->clock);
  cobalt_test_remove_tree (fixture->dir);
  cobalt_test_remove_tree (fixture->elsewhere);
  g_free (fixture->db_path);
  g_free (fixture->dir);
  g_free (fixture->elsewhere);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  cobalt_window_load (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
}

static char *
elsewhere (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->elsewhere, name, NULL);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", path));
}

/* The message dialog saying @primary, its secondary text in @secondary;
 * closed (as its button would) once read. */
static void
read_message (const char  *primary,
              char       **secondary)
{
  GtkWindow *dialog = cobalt_test_wait_for_window (cobalt_test_window_is_message_saying, primary, 5);

  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", secondary, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cobalt_test_wait_idle ();
}

/* The restore's question, answered with @response; its text in @text. */
static void
answer_restore_question (int    response,
                         char **text)
{
  GtkWindow *question = cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                                     "Restore this backup?", 5);

  g_assert_nonnull (question);
  g_object_get (question, "secondary-text", text, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* Cancel is what Enter does. */
  g_assert_cmpint (gtk_dialog_get_response_for_widget (GTK_DIALOG (question),
                                                       gtk_window_get_default_widget (question)),
                   ==, GTK_RESPONSE_CANCEL);
  gtk_dialog_response (GTK_DIALOG (question), response);
  G_GNUC_END_IGNORE_DEPRECATIONS
  cobalt_test_wait_idle ();
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” not in “%s”", part, text);
}

/* Every dose row as stored, to compare logs. */
static char *
dump_doses (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, person_id, given_at_us, site_id, amount, deleted, notes "
                                           "FROM doses ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Main menu") == 0;
}

/* The main menu offers both, each asking for its file (target ""). */
static void
test_in_main_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *button;
  GMenuModel *menu;
  guint found = 0;

  open_window (fixture);
  button = cobalt_test_find_widget (GTK_WIDGET (fixture->window), TRUE, is_main_menu_button, NULL);
  g_assert_nonnull (button);
  /* Made the first time it opens. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  cobalt_test_wait_idle ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, j, G_MENU_ATTRIBUTE_TARGET,
                                                                              G_VARIANT_TYPE_STRING);

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "win.backup-to-file") == 0)
            {
              g_assert_cmpstr (label, ==, "_Back Up to a File…");
              g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "");
              found++;
            }
          else if (g_strcmp0 (action, "win.restore-from-file") == 0)
            {
              g_assert_cmpstr (label, ==, "_Restore from a File…");
              g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "");
              found++;
            }
        }
    }
  g_assert_cmpuint (found, ==, 2);
}

/* Back up through the chooser, change the log, restore through the
 * chooser: the same log comes back and the changed one is kept. */
static void
test_backup_change_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = elsewhere (fixture, "Cobalt backup 2026-12-04.db");
  g_autofree char *doses_then = NULL;
  g_autofree char *doses_now = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *question = NULL;
  g_autofree char *restored = NULL;
  GStatBuf buf;

  open_window (fixture);
  doses_then = dump_doses (fixture->db_path);

  activate (fixture, "win.backup-to-file", "");
  {
    GtkWindow *chooser = cobalt_test_wait_for_window (cobalt_test_window_is_of_type, "GtkFileChooserDialog", 10);
    g_autofree char *name = NULL;

    /* Offered under a name with the day on the window's clock. */
    g_assert_nonnull (chooser);
    name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpstr (name, ==, "Cobalt backup 2026-12-04.db");
  }
  cobalt_test_answer_file_chooser (path);
  read_message ("Backup saved", &saved);
  assert_contains (saved, path);
  assert_contains (saved, "holds 2 people and ");
  assert_contains (saved, " doses, given from ");
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* The change: another process (cobalt-reminder, a second window) marks
   * the newest doses deleted. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE doses SET deleted = 1 WHERE id IN "
                                       "(SELECT id FROM doses ORDER BY id DESC LIMIT 3)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_cmpstr (dump_doses (fixture->db_path), !=, doses_then);

  activate (fixture, "win.restore-from-file", "");
  cobalt_test_answer_file_chooser (path);
  answer_restore_question (GTK_RESPONSE_ACCEPT, &question);
  assert_contains (question, "The backup holds 2 people and ");
  assert_contains (question, "The log Cobalt shows now holds 2 people and ");
  assert_contains (question, "not deleted");

  read_message ("Backup restored", &restored);
  assert_contains (restored, "Cobalt now shows 2 people and ");
  assert_contains (restored, "kept as");
  doses_now = dump_doses (fixture->db_path);
  g_assert_cmpstr (doses_now, ==, doses_then);

  /* The window shows the restored log, and goes on writing to it. */
  g_assert_nonnull (cobalt_window_get_repository (fixture->window));
  g_assert_null (cobalt_test_find_type (GTK_WIDGET (fixture->window), COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (fixture->window), "Next dose for"));
  {
    g_autoptr(GListModel) people = cobalt_repository_list_people (cobalt_window_get_repository (fixture->window),
                                                                  FALSE, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  }
}

/* Cancel, and a file that is no backup: nothing changes. */
static void
test_restore_refused_or_cancelled (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = elsewhere (fixture, "backup.db");
  g_autofree char *notes = elsewhere (fixture, "notes.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *why = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *question = NULL;

  open_window (fixture);
  activate (fixture, "win.backup-to-file", path);
  read_message ("Backup saved", &saved);
  before = checksum (fixture->db_path);

  activate (fixture, "win.restore-from-file", path);
  answer_restore_question (GTK_RESPONSE_CANCEL, &question);
  after = checksum (fixture->db_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying, "Backup restored", 0));

  g_assert_true (g_file_set_contents (notes, "Not a backup, whatever its name says.\n", -1, NULL));
  activate (fixture, "win.restore-from-file", notes);
  read_message ("This file cannot be restored", &why);
  assert_contains (why, "not a Cobalt backup");
  assert_contains (why, "Nothing was changed.");
  g_assert_null (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying, "Restore this backup?", 0));
  g_free (after);
  after = checksum (fixture->db_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (fixture->window), "Next dose for"));
}

/* A log that cannot be read: nothing to back up, but a backup from a
 * file brings the log back. */
static void
test_restore_over_damage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = elsewhere (fixture, "backup.db");
  g_autofree char *other = elsewhere (fixture, "other.db");
  g_autofree char *saved = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *question = NULL;

  open_window (fixture);
  activate (fixture, "win.backup-to-file", path);
  read_message ("Backup saved", &saved);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();

  g_assert_true (g_file_set_contents (fixture->db_path, "damaged beyond reading", -1, NULL));
  open_window (fixture);
  g_assert_nonnull (cobalt_test_find_type (GTK_WIDGET (fixture->window), COBALT_TYPE_PROBLEM_PAGE));
  /* Nothing to back up: the menu item is greyed out, doing nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.backup-to-file", "s", other);
  g_assert_null (cobalt_test_wait_for_window (cobalt_test_window_is_message_saying,
                                              "The backup could not be made", 1));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  activate (fixture, "win.restore-from-file", path);
  answer_restore_question (GTK_RESPONSE_ACCEPT, &question);
  assert_contains (question, "The backup holds 2 people and ");
  read_message ("Backup restored", &restored);
  assert_contains (restored, "Cobalt now shows 2 people and ");
  g_assert_null (cobalt_test_find_type (GTK_WIDGET (fixture->window), COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (fixture->window), "Next dose for"));
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cobalt/gui/backup/in-main-menu", test_in_main_menu);
  ADD ("/cobalt/gui/backup/change-restore", test_backup_change_restore);
  ADD ("/cobalt/gui/backup/refused-or-cancelled", test_restore_refused_or_cancelled);
  ADD ("/cobalt/gui/backup/over-damage", test_restore_over_damage);
#undef ADD

  return g_test_run ();
}
