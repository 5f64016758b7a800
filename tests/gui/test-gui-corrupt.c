/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Database problems in the window: a damaged file is moved aside with its
 * bytes intact and explained, the newest good backup is offered and can be
 * restored; a file from a newer Cobalt is explained and left untouched. */

#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "cobalt-gui-test-utils.h"
#include "cobalt-problem-page.h"
#include "cobalt-repository-private.h"
#include "cobalt-window.h"

typedef struct
{
  char         *dir;
  char         *db_path;
  CobaltClock  *clock;
  CobaltWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);

  fixture->dir = cobalt_test_make_tmp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, COBALT_DATABASE_FILENAME, NULL);
  fixture->clock = cobalt_clock_new_fixed (now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      cobalt_test_wait_idle ();
    }
  g_clear_object (&fixture->clock);
  cobalt_test_remove_tree (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  cobalt_window_load (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
}

static GBytes *
garbage (void)
{
  guint8 *data = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    data[i] = (guint8) (i * 7919 + 13);
  memcpy (data, "definitely not SQLite", 21);
  return g_bytes_new_take (data, 8192);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static char *
find_moved_aside (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, COBALT_DATABASE_FILENAME ".corrupt-"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static void
make_database_with (const char *dir,
                    const char *name,
                    gboolean    backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_open (dir, &error);
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = cobalt_person_new (name);

  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  cobalt_repository_save_person (repository, person, &error);
  g_assert_no_error (error);

  if (backup)
    {
      g_autofree char *path = cobalt_database_backup (database, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
    }
}

static void
test_corrupt_moved_aside (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root;
  g_autoptr(GBytes) bytes = garbage ();
  g_autoptr(GBytes) moved_bytes = NULL;
  g_autofree char *moved = NULL;

  write_bytes (fixture->db_path, bytes);
  open_window (fixture);
  root = GTK_WIDGET (fixture->window);

  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (root, "damaged"));

  /* Moved aside, every byte kept, and no empty log started silently. */
  moved = find_moved_aside (fixture->dir);
  g_assert_nonnull (moved);
  moved_bytes = read_bytes (moved);
  g_assert_true (g_bytes_equal (bytes, moved_bytes));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (cobalt_test_find_label (root, moved));

  /* No backup: starting empty is offered, only as a button to press. */
  g_assert_false (gtk_widget_get_visible (cobalt_test_find_id (root, "restore_button")));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "start_empty_button")));
  cobalt_test_click (cobalt_test_find_id (root, "start_empty_button"));
  g_assert_null (cobalt_test_find_type (root, COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (root, "Welcome to Cobalt"));
}

static void
test_corrupt_restore_backup (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *root;
  g_autoptr(GBytes) bytes = garbage ();

  make_database_with (fixture->dir, "Backup Person", TRUE);
  write_bytes (fixture->db_path, bytes);
  open_window (fixture);
  root = GTK_WIDGET (fixture->window);

  g_assert_nonnull (cobalt_test_find_label (root, "damaged"));
  g_assert_nonnull (cobalt_test_find_label (root, "newest good backup"));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "restore_button")));

  cobalt_test_click (cobalt_test_find_id (root, "restore_button"));

  g_assert_null (cobalt_test_find_type (root, COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Backup Person"));
}

static void
test_too_new_untouched (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *root;
  sqlite3 *db = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  make_database_with (fixture->dir, "Future Person", FALSE);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %u", cobalt_database_get_latest_schema_version () + 50);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (fixture->db_path);

  open_window (fixture);
  root = GTK_WIDGET (fixture->window);

  g_assert_nonnull (cobalt_test_find_label (root, "newer version of Cobalt"));
  g_assert_null (find_moved_aside (fixture->dir));
  after = read_bytes (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  /* Nothing offered that would replace it. */
  g_assert_false (gtk_widget_get_visible (cobalt_test_find_id (root, "start_empty_button")));
  g_assert_false (gtk_widget_get_visible (cobalt_test_find_id (root, "restore_button")));
}

static void
test_unwritable_dir (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *root;
  g_autofree char *blocked = g_build_filename (fixture->dir, "blocked", NULL);
  g_autofree char *inside = g_build_filename (blocked, "cobalt", NULL);

  /* A file where the data folder should be: cannot be created, even by
   * root (the tests may run as root, so permissions alone prove nothing). */
  g_assert_true (g_file_set_contents (blocked, "", 0, NULL));
  fixture->window = cobalt_window_new (NULL, fixture->clock, inside);
  cobalt_window_load (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
  root = GTK_WIDGET (fixture->window);

  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_PROBLEM_PAGE));
  g_assert_nonnull (cobalt_test_find_label (root, "cannot save"));
  g_assert_true (gtk_widget_get_visible (cobalt_test_find_id (root, "retry_button")));
  g_assert_false (gtk_widget_get_visible (cobalt_test_find_id (root, "start_empty_button")));
}

/* Narrow and large: the window on the screen is its surface, with the
 * frame GTK draws around the window's own box. */
static int
surface_width (GtkWidget *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_EDITABLE (widget);
}

/* Every control showing under @root lies inside @window's surface, or,
 * in a scrolled window, inside its width (it scrolls them into view).
 * Returns how many there are. */
static guint
assert_controls_inside (GtkWidget *window,
                        GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;

  if (is_control (root))
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (root, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds, area;

      g_assert_true (gtk_widget_compute_bounds (root, window, &bounds));
      if (scrolled != NULL)
        {
          g_assert_true (gtk_widget_compute_bounds (scrolled, window, &area));
        }
      else
        {
          GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
          double x, y;

          gtk_native_get_surface_transform (GTK_NATIVE (window), &x, &y);
          graphene_rect_init (&area, -x, -y, gdk_surface_get_width (surface), gdk_surface_get_height (surface));
        }
      if (bounds.origin.x < area.origin.x - 0.5 ||
          bounds.origin.x + bounds.size.width > area.origin.x + area.size.width + 0.5 ||
          (scrolled == NULL &&
           (bounds.origin.y < area.origin.y - 0.5 ||
            bounds.origin.y + bounds.size.height > area.origin.y + area.size.height + 0.5)))
        g_error ("%s \"%s\" at %g,%g %g×%g is outside %g,%g %g×%g", G_OBJECT_TYPE_NAME (root),
                 gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)),
                 bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                 area.origin.x, area.origin.y, area.size.width, area.size.height);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_controls_inside (window, child);

  return n;
}

/* @window at @width × @height, asked twice: the first time it may only
 * get as narrow as its header was, which then makes room. */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  for (guint i = 0; i < 2; i++)
    {
      gtk_window_set_default_size (window, width, height);
      cobalt_test_wait_idle ();
    }
}

/* @window fits 360 px, and 1280×800 with text twice the size: no wider
 * than that, every control inside it. */
static void
assert_fits_narrow_and_large (GtkWidget *window,
                              guint      min_controls)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  resize (GTK_WINDOW (window), 360, 640);
  g_assert_cmpint (surface_width (window), <=, 360);
  g_assert_cmpuint (assert_controls_inside (window, window), >=, min_controls);

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
  resize (GTK_WINDOW (window), 1280, 800);
  g_assert_cmpint (surface_width (window), <=, 1280);
  g_assert_cmpuint (assert_controls_inside (window, window), >=, min_controls);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  cobalt_test_wait_idle ();
}

/* The problem page, with both its choices, fits 360 px and large text:
 * the buttons one above the other, all inside the window. */
static void
test_fits_narrow_and_large (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *root;
  g_autoptr(GBytes) bytes = garbage ();
  graphene_rect_t restore, start_empty;

  make_database_with (fixture->dir, "Backup Person", TRUE);
  write_bytes (fixture->db_path, bytes);
  open_window (fixture);
  root = GTK_WIDGET (fixture->window);
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (root, "restore_button")));
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (root, "start_empty_button")));

  /* Restore, Start empty, the header's urgent help and menu. */
  assert_fits_narrow_and_large (root, 4);

  g_assert_true (gtk_widget_compute_bounds (cobalt_test_find_id (root, "restore_button"), root, &restore));
  g_assert_true (gtk_widget_compute_bounds (cobalt_test_find_id (root, "start_empty_button"), root, &start_empty));
  g_assert_cmpfloat (restore.origin.y + restore.size.height, <=, start_empty.origin.y);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/gui/corrupt/moved-aside", Fixture, NULL,
              fixture_set_up, test_corrupt_moved_aside, fixture_tear_down);
  g_test_add ("/cobalt/gui/corrupt/restore-backup", Fixture, NULL,
              fixture_set_up, test_corrupt_restore_backup, fixture_tear_down);
  g_test_add ("/cobalt/gui/corrupt/too-new-untouched", Fixture, NULL,
              fixture_set_up, test_too_new_untouched, fixture_tear_down);
  g_test_add ("/cobalt/gui/corrupt/unwritable-dir", Fixture, NULL,
              fixture_set_up, test_unwritable_dir, fixture_tear_down);
  g_test_add ("/cobalt/gui/corrupt/fits-narrow-and-large", Fixture, NULL,
              fixture_set_up, test_fits_narrow_and_large, fixture_tear_down);

  return g_test_run ();
}
