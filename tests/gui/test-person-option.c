/* SPDX-License-Identifier: GPL-3.0-or-later */

/* `cobalt --data-dir DIR --person NAME` opens its window on that person:
 * the person switcher and Today name them. The application runs in this
 * process, with the command line a user would type. */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-application.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-window.h"

typedef struct
{
  const char *expected;   /* the name the window must show */
  gint64      deadline;
  gboolean    checked;
} Check;

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
  return cobalt_person_get_name (COBALT_PERSON (item));
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cobalt/gui/person-option/selects-person", test_person_option);

  return g_test_run ();
}
