/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `cobalt --data-dir DIR --person NAME` opens its window on that person:
 * the person switcher and Today name them. `cobalt --demo` opens its
 * window before the sample data is made and then shows both demo people.
 * The application runs in this process, with the command line a user
 * would type. */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-application.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-repository-private.h"
#include "cobalt-window.h"

typedef struct
{
  const char *expected;   /* the name the window must show */
  gint64      deadline;
  gboolean    checked;
} Check;

typedef struct
{
  gboolean   quit_while_loading;
  gint64     deadline;
  GPtrArray *pages;       /* every page the main stack showed, in order */
  char      *data_dir;    /* the demo's temporary folder */
  gboolean   saw_loading;
  gboolean   checked;
} DemoCheck;

static char *
make_demo_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltClock) clock = cobalt_clock_new_real ();
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  char *dir = cobalt_test_make_tmp_dir ();

  database = cobalt_database_open (dir, &error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  cobalt_demo_populate (repository, clock, &error);
  g_assert_no_error (error);
  return dir;
}

/* The name the person switcher shows. */
static const char *
switcher_name (GtkWidget *window)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (cobalt_test_find_id (window, "person_dropdown"));
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dropdown)))
    return NULL;
  return COBALT_PERSON (COBALT_PERSON (item))->name;
}

/* Polls until the window has loaded the log and shows Today, then checks
 * who it shows and quits. */
static gboolean
on_poll_cb (gpointer user_data)
{
  GApplication *application = user_data;
  Check *check = g_object_get_data (G_OBJECT (application), "check");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autofree char *heading = NULL;

  g_assert_cmpint (g_get_monotonic_time (), <, check->deadline);
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      switcher_name (GTK_WIDGET (window)) == NULL ||
      cobalt_test_find_label (GTK_WIDGET (window), "Next dose for ") == NULL)
    return G_SOURCE_CONTINUE;

  /* Let the first frame's follow-ups settle, then look. */
  cobalt_test_wait_idle ();
  heading = g_strdup_printf ("Next dose for %s", check->expected);
  g_assert_cmpstr (switcher_name (GTK_WIDGET (window)), ==, check->expected);
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), heading));
  g_assert_cmpint (cobalt_window_get_person_id (COBALT_WINDOW (window)), >, 0);
  check->checked = TRUE;

  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
on_startup_cb (GApplication *application,
               gpointer      user_data)
{
  g_timeout_add (50, on_poll_cb, application);
}

static void
run_cobalt_for (const char *dir,
                const char *person,
                const char *expected)
{
  g_autoptr(CobaltApplication) application = NULL;
  Check check = { expected, g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND, FALSE };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  g_ptr_array_add (argv, (char *) "cobalt");
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) dir);
  if (person != NULL)
    {
      g_ptr_array_add (argv, (char *) "--person");
      g_ptr_array_add (argv, (char *) person);
    }
  g_ptr_array_add (argv, NULL);

  application = cobalt_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (application), "check", &check);
  g_signal_connect (application, "startup", G_CALLBACK (on_startup_cb), NULL);

  status = g_application_run (G_APPLICATION (application), argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
}

static void
on_main_stack_visible_child_cb (GtkStack   *stack,
                                GParamSpec *pspec,
                                DemoCheck  *check)
{
  g_ptr_array_add (check->pages, g_strdup (gtk_stack_get_visible_child_name (stack)));
}

/* From the window's creation on: nothing it shows can slip past. */
static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    DemoCheck      *check)
{
  GtkStack *stack = GTK_STACK (cobalt_test_find_id (GTK_WIDGET (window), "main_stack"));

  g_assert_null (check->data_dir);
  g_object_get (window, "data-dir", &check->data_dir, NULL);
  on_main_stack_visible_child_cb (stack, NULL, check);
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_main_stack_visible_child_cb), check);
}


static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
on_demo_poll_cb (gpointer user_data)
{
  GApplication *application = user_data;
  DemoCheck *check = g_object_get_data (G_OBJECT (application), "demo-check");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GtkDropDown *dropdown;
  GListModel *people;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (g_get_monotonic_time (), <, check->deadline);
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  if (cobalt_test_find_label (GTK_WIDGET (window), "Making the sample data") != NULL)
    {
      check->saw_loading = TRUE;
      if (!check->quit_while_loading)
        return G_SOURCE_CONTINUE;
      check->checked = TRUE;
      g_application_quit (application);
      return G_SOURCE_REMOVE;
    }

  if (switcher_name (GTK_WIDGET (window)) == NULL ||
      cobalt_test_find_label (GTK_WIDGET (window), "Next dose for ") == NULL)
    return G_SOURCE_CONTINUE;

  cobalt_test_wait_idle ();
  dropdown = GTK_DROP_DOWN (cobalt_test_find_id (GTK_WIDGET (window), "person_dropdown"));
  people = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (names, g_strdup (person->name));
    }
  /* g_ptr_array_sort hands the comparison pointers to the elements. */
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, COBALT_DEMO_PERSON_SELF);
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, COBALT_DEMO_PERSON_CARED);
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (window), "Next dose for " COBALT_DEMO_PERSON_SELF));
  check->checked = TRUE;

  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
on_demo_startup_cb (GApplication *application,
                    gpointer      user_data)
{
  g_timeout_add (20, on_demo_poll_cb, application);
}

static void
run_cobalt_demo (DemoCheck *check)
{
  g_autoptr(CobaltApplication) application = NULL;
  char *argv[] = { (char *) "cobalt", (char *) "--demo", NULL };

  check->deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  check->pages = g_ptr_array_new_with_free_func (g_free);

  application = cobalt_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (application), "demo-check", check);
  g_signal_connect (application, "startup", G_CALLBACK (on_demo_startup_cb), NULL);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added_cb), check);

  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);
  g_assert_true (check->checked);

  /* Never the first-run introduction (or a problem) while the data is made. */
  g_assert_cmpuint (check->pages->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (check->pages, 0), ==, "loading");
  for (guint i = 0; i < check->pages->len; i++)
    {
      const char *page = g_ptr_array_index (check->pages, i);

      g_assert_true (g_str_equal (page, "loading") || g_str_equal (page, "content"));
    }

  /* The temporary folder is gone with Cobalt. */
  g_assert_nonnull (check->data_dir);
  g_assert_false (g_file_test (check->data_dir, G_FILE_TEST_EXISTS));

  g_clear_pointer (&check->pages, g_ptr_array_unref);
  g_clear_pointer (&check->data_dir, g_free);
}

static void
test_demo_shows_both_people (void)
{
  DemoCheck check = { FALSE, };

  run_cobalt_demo (&check);
}

/* Quitting while the sample data is still being made waits for it, then
 * removes the folder. */
static void
test_demo_quit_while_loading (void)
{
  DemoCheck check = { TRUE, };

  run_cobalt_demo (&check);
  if (!check.saw_loading)
    g_test_incomplete ("the sample data was in before the window was mapped");
}

static void
test_person_option (void)
{
  g_autofree char *dir = make_demo_dir ();

  /* Without --person the demo opens on Alex, the first person… */
  run_cobalt_for (dir, NULL, COBALT_DEMO_PERSON_SELF);
  /* …with it, on Sam… */
  run_cobalt_for (dir, "Sam Rivera", "Sam Rivera");
  /* …and --person wins over whoever was shown last time (Sam now). */
  run_cobalt_for (dir, COBALT_DEMO_PERSON_SELF, COBALT_DEMO_PERSON_SELF);

  cobalt_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_skip_without_display (argc, argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/gui/person-option/selects-person", test_person_option);
  g_test_add_func ("/cobalt/gui/demo/shows-both-people", test_demo_shows_both_people);
  g_test_add_func ("/cobalt/gui/demo/quit-while-loading", test_demo_quit_while_loading);

  return g_test_run ();
}
