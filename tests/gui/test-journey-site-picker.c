/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-body-map.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-site-picker.h"
#include "journey-test-util.h"

static CobaltSitePicker *
show_picker (JourneyFixture *f)
{
  GtkWidget *picker = cobalt_site_picker_new (f->context, f->person);

  fixture_show (f, picker);
  return COBALT_SITE_PICKER (picker);
}

static CobaltBodyMap *
map_of (CobaltSitePicker *picker)
{
  return COBALT_BODY_MAP (cobalt_site_picker_get_map (picker));
}

static void
test_suggestion_and_states (JourneyFixture *f,
                            gconstpointer   data)
{
  CobaltSitePicker *picker = show_picker (f);
  CobaltBodyMap *map = map_of (picker);
  GtkWidget *button;

  /* Least recently used: the thigh was used 90 days ago, the left arm never. */
  g_assert_cmpstr (cobalt_site_picker_get_suggested_site_id (picker), ==, "deltoid-left");
  g_assert_true (shows_text (GTK_WIDGET (picker), "Suggested: Left upper arm"));
  g_assert_true (gtk_widget_has_css_class (cobalt_body_map_get_button (map, "deltoid-left"), "suggested"));

  /* A site the clinic did not enable is shown, greyed, and says why. */
  button = cobalt_body_map_get_button (map, "dorsogluteal-left");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "Not one of the sites your clinic enabled"));
  g_assert_false (cobalt_site_picker_choose (picker, "dorsogluteal-left"));
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));

  /* Nothing is chosen for the person; a click chooses. */
  g_signal_emit_by_name (cobalt_body_map_get_button (map, "vastus-lateralis-right"), "clicked");
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "vastus-lateralis-right");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cobalt_body_map_get_button (map, "vastus-lateralis-right"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (cobalt_body_map_get_button (map, "deltoid-left"))));
}

static guint
n_resting (JourneyFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resting = cobalt_repository_list_resting_sites (f->repository, f->person->id, &error);

  g_assert_no_error (error);
  return resting->len;
}

/* A resting (sore, bruised) site cannot be chosen: there is no "use it
 * anyway". The picker offers to end its rest first, an explicit step that
 * is stored, after which the site can be chosen like any other. */
static void
test_resting_needs_end_rest (JourneyFixture *f,
                             gconstpointer   data)
{
  g_autoptr(CobaltRestingSite) resting = NULL;
  CobaltSitePicker *picker;
  GtkWidget *site;
  GtkWidget *end_rest;
  GtkWidget *other;
  GDate until;
  int selected_signals = 0;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 14, 3, 2025);
  resting = cobalt_resting_site_new ("deltoid-left", &until, "bruised");
  g_assert_true (cobalt_repository_set_site_resting (f->repository, f->person->id, resting, NULL));

  picker = show_picker (f);
  g_signal_connect_swapped (picker, "site-selected", G_CALLBACK (g_atomic_int_inc), &selected_signals);
  site = cobalt_body_map_get_button (map_of (picker), "deltoid-left");
  end_rest = cobalt_test_find_id (GTK_WIDGET (picker), "end_rest_button");
  other = cobalt_test_find_id (GTK_WIDGET (picker), "cancel_rest_button");

  /* Resting is never suggested, and clicking it chooses nothing. */
  g_assert_cmpstr (cobalt_site_picker_get_suggested_site_id (picker), !=, "deltoid-left");
  g_assert_true (gtk_widget_has_css_class (site, "resting"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (site), "cannot be chosen until you end its rest"));
  g_signal_emit_by_name (site, "clicked");
  wait_for_gtk (400);
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));
  g_assert_cmpstr (cobalt_site_picker_get_pending_site_id (picker), ==, "deltoid-left");
  g_assert_true (shows_text (GTK_WIDGET (picker), "resting until 14 March 2025, so it cannot be chosen"));
  g_assert_true (shows_text (GTK_WIDGET (picker), "end its rest first"));
  g_assert_false (shows_text (GTK_WIDGET (picker), "anyway"));
  g_assert_true (gtk_widget_get_mapped (end_rest));
  g_assert_cmpint (selected_signals, ==, 0);
  /* Nor can it be set from outside (a run resumed with it). */
  g_assert_false (cobalt_site_picker_set_selected_site_id (picker, "deltoid-left"));
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));

  /* The focus is on the safe button: a slip of Enter ends no rest. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == other);
  gtk_widget_activate (other);
  wait_for_gtk (400);
  g_assert_null (cobalt_site_picker_get_pending_site_id (picker));
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));
  g_assert_cmpuint (n_resting (f), ==, 1);

  /* "End rest" ends it, in the log, and chooses nothing by itself... */
  g_assert_false (cobalt_site_picker_choose (picker, "deltoid-left"));
  wait_for_gtk (400);
  cobalt_test_click (end_rest);
  g_assert_cmpuint (n_resting (f), ==, 0);
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));
  g_assert_null (cobalt_site_picker_get_pending_site_id (picker));
  g_assert_cmpint (selected_signals, ==, 0);
  g_assert_false (gtk_widget_has_css_class (site, "resting"));

  /* ...after which the site is chosen like any other. */
  g_signal_emit_by_name (site, "clicked");
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "deltoid-left");
  g_assert_cmpint (selected_signals, ==, 1);
}

static void
test_arrow_keys (JourneyFixture *f,
                 gconstpointer   data)
{
  CobaltSitePicker *picker = show_picker (f);
  CobaltBodyMap *map = map_of (picker);

  g_assert_true (gtk_widget_grab_focus (cobalt_body_map_get_button (map, "vastus-lateralis-right")));

  /* On the front view the person's right is on the viewer's left. */
  g_assert_true (cobalt_body_map_move_focus (map, GTK_DIR_RIGHT));
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "vastus-lateralis-left");
  g_assert_true (cobalt_body_map_move_focus (map, GTK_DIR_UP));
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "ventrogluteal-left");
  g_assert_true (cobalt_body_map_move_focus (map, GTK_DIR_UP));
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "deltoid-left");
  gtk_widget_activate_action (GTK_WIDGET (map), "map.move", "s", "left");
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "deltoid-right");
  gtk_widget_activate_action (GTK_WIDGET (map), "map.move", "s", "down");
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "ventrogluteal-right");

  /* Sites that cannot be chosen are skipped: nothing to the left, and the
   * back view holds only sites the clinic did not enable. */
  g_assert_false (cobalt_body_map_move_focus (map, GTK_DIR_LEFT));
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "ventrogluteal-right");
  g_assert_true (gtk_widget_grab_focus (cobalt_body_map_get_button (map, "vastus-lateralis-left")));
  g_assert_false (cobalt_body_map_move_focus (map, GTK_DIR_RIGHT));
  g_assert_cmpstr (cobalt_body_map_get_focus_site (map), ==, "vastus-lateralis-left");
}

static void
test_list_mode (JourneyFixture *f,
                gconstpointer   data)
{
  CobaltSitePicker *picker = show_picker (f);

  cobalt_site_picker_set_list_mode (picker, TRUE);
  wait_for_gtk (100);
  g_assert_true (cobalt_site_picker_get_list_mode (picker));
  g_assert_false (gtk_widget_get_mapped (cobalt_site_picker_get_map (picker)));
  /* The list reads like the accessible names of the map. */
  g_assert_true (shows_text (GTK_WIDGET (picker), "Left outer thigh"));
  g_assert_true (shows_text (GTK_WIDGET (picker), "★ Suggested"));
  g_assert_true (shows_text (GTK_WIDGET (picker), "Not enabled by your clinic"));

  g_assert_true (cobalt_site_picker_choose (picker, "deltoid-right"));
  wait_for_gtk (50);
  g_assert_true (shows_text (GTK_WIDGET (picker), "✓ Chosen"));
}

/* The row (GTK's list item widget) that holds the label starting @name. */
static GtkWidget *
list_row (CobaltSitePicker *picker,
          const char       *name,
          const char      **text)
{
  GtkWidget *list = cobalt_test_find_type (GTK_WIDGET (picker), GTK_TYPE_LIST_VIEW);
  GtkWidget *label;
  GtkWidget *box;

  g_assert_nonnull (list);
  label = cobalt_test_find_widget (list, TRUE, cobalt_test_match_label_text, name);

  g_assert_nonnull (label);
  *text = gtk_label_get_text (GTK_LABEL (label));
  box = gtk_widget_get_parent (label);
  g_assert_nonnull (gtk_widget_get_parent (box));

  return gtk_widget_get_parent (box);
}

/* A row of the list is read as one sentence from what it shows: the site,
 * its last use and state, and "Chosen for this dose." once chosen. */
static void
test_list_rows_named (JourneyFixture *f,
                      gconstpointer   data)
{
  CobaltSitePicker *picker = show_picker (f);
  g_autofree char *chosen = NULL;
  const char *text;
  GtkWidget *row;

  cobalt_site_picker_set_list_mode (picker, TRUE);
  wait_for_gtk (100);

  row = list_row (picker, "Left upper arm", &text);
  g_assert_nonnull (strstr (text, "suggested"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  row = list_row (picker, "Left outer thigh", &text);
  g_assert_nonnull (strstr (text, "90 days ago"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  g_assert_true (cobalt_site_picker_choose (picker, "deltoid-right"));
  wait_for_gtk (50);
  row = list_row (picker, "Right upper arm", &text);
  chosen = g_strdup_printf ("%s. Chosen for this dose.", text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, chosen);
}

static void
test_scales (JourneyFixture *f,
             gconstpointer   data)
{
  CobaltSitePicker *picker = show_picker (f);
  GtkWidget *button = cobalt_body_map_get_button (map_of (picker), "deltoid-left");
  graphene_rect_t small, large;

  gtk_window_set_default_size (f->window, 500, 450);
  wait_for_gtk (150);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (f->window), &small));
  gtk_window_set_default_size (f->window, 1200, 1000);
  wait_for_gtk (150);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (f->window), &large));

  /* The outline grows with the window and the sites move with it. */
  g_assert_cmpfloat (large.origin.x, !=, small.origin.x);
  g_assert_cmpfloat (large.origin.y, >, small.origin.y);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) g_test_add ("/cobalt/journey/site-picker/" path, JourneyFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("suggestion-and-states", test_suggestion_and_states);
  ADD ("resting-needs-end-rest", test_resting_needs_end_rest);
  ADD ("arrow-keys", test_arrow_keys);
  ADD ("list-mode", test_list_mode);
  ADD ("list-rows-named", test_list_rows_named);
  ADD ("scales", test_scales);
#undef ADD

  return g_test_run ();
}
