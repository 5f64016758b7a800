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

static void
test_resting_needs_confirmation (JourneyFixture *f,
                                 gconstpointer   data)
{
  g_autoptr(CobaltRestingSite) resting = NULL;
  CobaltSitePicker *picker;
  GDate until;
  int selected_signals = 0;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 14, 3, 2025);
  resting = cobalt_resting_site_new ("deltoid-left", &until, "bruised");
  g_assert_true (cobalt_repository_set_site_resting (f->repository, f->person->id, resting, NULL));

  picker = show_picker (f);
  g_signal_connect_swapped (picker, "site-selected", G_CALLBACK (g_atomic_int_inc), &selected_signals);

  /* Resting is never suggested; choosing it asks first. */
  g_assert_cmpstr (cobalt_site_picker_get_suggested_site_id (picker), !=, "deltoid-left");
  g_assert_true (gtk_widget_has_css_class (cobalt_body_map_get_button (map_of (picker), "deltoid-left"), "resting"));
  g_assert_false (cobalt_site_picker_choose (picker, "deltoid-left"));
  g_assert_null (cobalt_site_picker_get_selected_site_id (picker));
  g_assert_cmpstr (cobalt_site_picker_get_pending_site_id (picker), ==, "deltoid-left");
  g_assert_true (shows_text (GTK_WIDGET (picker), "resting until 14 March 2025"));
  g_assert_cmpint (selected_signals, ==, 0);

  /* "Use it anyway" has the focus: activating it confirms. */
  wait_for_gtk (400);
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (f->window)));
  wait_for_gtk (400);
  g_assert_cmpstr (cobalt_site_picker_get_selected_site_id (picker), ==, "deltoid-left");
  g_assert_null (cobalt_site_picker_get_pending_site_id (picker));
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
  ADD ("resting-needs-confirmation", test_resting_needs_confirmation);
  ADD ("arrow-keys", test_arrow_keys);
  ADD ("list-mode", test_list_mode);
  ADD ("scales", test_scales);
#undef ADD

  return g_test_run ();
}
