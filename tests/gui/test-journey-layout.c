/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The journey's screens narrow and with large text (issue 12): Today,
 * every screen of the checklist (each step, the site picker as a body map
 * and as a list, the early-dose notice, "Stop — I'm not sure", the page
 * after stopping, aftercare) and the urgent help window, each
 *
 *   narrow  in a window 360 px wide (720 high), text at its usual size;
 *   large   in a window of 1280 × 800, text scaled 2× (gtk-xft-dpi).
 *
 * For each: the window is no wider (and the large one no taller) than
 * asked, so its minimum fits; every visible control lies inside the
 * window, or inside a scrolled window without being cut off at its sides;
 * no label is given less room than it needs; and the checklist's Next (or
 * Finish), Back, Stop and Done are there. Today's key text grows with the
 * system font itself (gtk-font-name), not only with the resolution.
 * tests/gui/test-gui-sizes.c checks the same inside Cobalt's window. */

#include "config.h"

#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-site-picker.h"
#include "cobalt-today-page.h"
#include "cobalt-urgent-help.h"
#include "cobalt-wrap-box.h"
#include "journey-test-util.h"

typedef struct
{
  gboolean large;
} Size;

static const Size narrow = { FALSE };
static const Size large = { TRUE };

static int default_dpi;

static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                scale == 1.0 ? default_dpi : (int) (scale * 96 * 1024), NULL);
}

static void
size_set_up (JourneyFixture *f,
             gconstpointer   data)
{
  const Size *size = data;

  fixture_set_up (f, NULL);
  set_text_scale (size->large ? 2.0 : 1.0);
}

static void
size_tear_down (JourneyFixture *f,
                gconstpointer   data)
{
  fixture_tear_down (f, NULL);
  set_text_scale (1.0);
}

static int
want_width (const Size *size)
{
  return size->large ? 1280 : 360;
}

static int
want_height (const Size *size)
{
  return size->large ? 800 : 720;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget");
}

static char *
describe (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));

  return g_strdup_printf ("%s%s%s '%.40s'", G_OBJECT_TYPE_NAME (widget),
                          id != NULL ? " #" : "", id != NULL ? id : "", text != NULL ? text : "");
}

/* Where @widget must lie: its nearest scrolled window (sideways only),
 * or the window itself. */
static void
check_placed (GtkWidget *widget,
              GtkWidget *window,
              GString   *problems)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *within = scroller != NULL ? scroller : window;
  graphene_rect_t r;
  g_autofree char *what = describe (widget);

  if (!gtk_widget_compute_bounds (widget, within, &r))
    {
      g_string_append_printf (problems, "\n  %s has no bounds", what);
      return;
    }
  if (r.origin.x < -1 || r.origin.x + r.size.width > gtk_widget_get_width (within) + 1)
    g_string_append_printf (problems, "\n  %s is cut off at the sides: x %.0f..%.0f of %d", what,
                            r.origin.x, r.origin.x + r.size.width, gtk_widget_get_width (within));
  if (scroller == NULL &&
      (r.origin.y < -1 || r.origin.y + r.size.height > gtk_widget_get_height (window) + 1))
    g_string_append_printf (problems, "\n  %s is outside the window: y %.0f..%.0f of %d", what,
                            r.origin.y, r.origin.y + r.size.height, gtk_widget_get_height (window));
}

/* A label given less than its minimum shows its text clipped. */
static void
check_label (GtkWidget *label,
             GString   *problems)
{
  int width = gtk_widget_get_width (label);
  int height = gtk_widget_get_height (label);
  int margin_x = gtk_widget_get_margin_start (label) + gtk_widget_get_margin_end (label);
  int margin_y = gtk_widget_get_margin_top (label) + gtk_widget_get_margin_bottom (label);
  int min_width, min_height;

  /* gtk_widget_measure() counts the margins, the allocation does not. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, MAX (width + margin_x, min_width),
                      &min_height, NULL, NULL, NULL);
  if (width + 1 < min_width - margin_x || height + 1 < min_height - margin_y)
    {
      g_autofree char *what = describe (label);

      g_string_append_printf (problems, "\n  %s is clipped: given %dx%d, needs %dx%d", what,
                              width, height, min_width - margin_x, min_height - margin_y);
    }
}

static void
check_tree (GtkWidget *widget,
            GtkWidget *window,
            GString   *problems,
            guint     *n_controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  /* Insensitive ones too: in a bare window Today's buttons have no
   * window actions, and Next waits for a tick. */
  if (is_control (widget))
    {
      (*n_controls)++;
      check_placed (widget, window, problems);
    }
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    check_label (widget, problems);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_tree (child, window, problems, n_controls);
}

/* @window, shown at @size, fits: no wider (or, large, taller) than asked,
 * every control reachable, no label clipped. */
static void
assert_fits (GtkWindow  *window,
             const Size *size,
             const char *screen)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_controls = 0;
  int min_width;

  wait_for_gtk (150);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > want_width (size))
    g_string_append_printf (problems, "\n  the window needs %d px, more than %d", min_width, want_width (size));
  if (gtk_widget_get_width (GTK_WIDGET (window)) > want_width (size))
    g_string_append_printf (problems, "\n  the window is %d px wide, not %d",
                            gtk_widget_get_width (GTK_WIDGET (window)), want_width (size));
  if (size->large && gtk_widget_get_height (GTK_WIDGET (window)) > want_height (size))
    g_string_append_printf (problems, "\n  the window is %d px high, more than %d",
                            gtk_widget_get_height (GTK_WIDGET (window)), want_height (size));

  check_tree (GTK_WIDGET (window), GTK_WIDGET (window), problems, &n_controls);
  g_test_message ("%s %s: %u controls", screen, size->large ? "large" : "narrow", n_controls);
  if (problems->len > 0)
    g_error ("%s at %s:%s", screen, size->large ? "1280x800 with 2x text" : "360 px", problems->str);
  g_assert_cmpuint (n_controls, >, 0);
}

static void
show_at (JourneyFixture *f,
         GtkWidget      *child,
         const Size     *size)
{
  gtk_window_set_default_size (f->window, want_width (size), want_height (size));
  fixture_show (f, child);
}

/* Today ------------------------------------------------------------------ */

static void
test_today (JourneyFixture *f,
            gconstpointer   data)
{
  const Size *size = data;
  GtkWidget *page = GTK_WIDGET (cobalt_today_page_new (f->context));
  GtkWidget *actions;

  show_at (f, page, size);
  assert_fits (f->window, size, "Today");

  /* Narrow, the three actions go one under the other. */
  actions = cobalt_test_find_id (page, "actions_box");
  g_assert_true (COBALT_IS_WRAP_BOX (actions));
  if (!size->large)
    g_assert_cmpuint (cobalt_wrap_box_get_n_lines (COBALT_WRAP_BOX (actions)), >=, 2);
  for (GtkWidget *button = gtk_widget_get_first_child (actions); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    g_assert_true (gtk_widget_get_mapped (button));

  /* Each named once, by what it says (GTK 4.8 would read a button's
   * accessible label and then its label again). */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_test_find_id (page, "start_checklist_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Start checklist");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_test_find_id (page, "log_elsewhere_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Log a Dose Given Elsewhere");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cobalt_test_find_id (page, "record_not_given_button")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Record a Dose Not Given…");
  for (GtkWidget *button = gtk_widget_get_first_child (actions); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static int
label_height (GtkWidget  *page,
              const char *id)
{
  GtkWidget *label = cobalt_test_find_id (page, id);
  int height;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 2000, NULL, &height, NULL, NULL);
  return height;
}

/* The date, "Due in…", the dose and the site grow with the system font
 * (sizes in em), not only with the resolution as the theme's points do. */
static void
test_today_follows_font (JourneyFixture *f,
                         gconstpointer   data)
{
  static const char *ids[] = { "heading_label", "date_label", "relative_label", "dose_label", "site_label" };
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  g_autofree char *larger = NULL;
  g_autoptr(PangoFontDescription) description = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  GtkWidget *page = GTK_WIDGET (cobalt_today_page_new (f->context));
  int before[G_N_ELEMENTS (ids)];

  /* The application's own stylesheet, as CobaltApplication loads it:
   * it sizes the date (.title-1) and the dose and site (.today-value). */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/cobaltb12/Cobalt/app/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  show_at (f, page, &narrow);
  g_object_get (settings, "gtk-font-name", &font, NULL);
  description = pango_font_description_from_string (font != NULL ? font : "Sans 10");
  if (pango_font_description_get_size (description) <= 0)
    pango_font_description_set_size (description, 10 * PANGO_SCALE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    before[i] = label_height (page, ids[i]);

  pango_font_description_set_size (description, 2 * pango_font_description_get_size (description));
  larger = pango_font_description_to_string (description);
  g_object_set (settings, "gtk-font-name", larger, NULL);
  wait_for_gtk (150);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      int after = label_height (page, ids[i]);

      if (after < before[i] * 1.6)
        g_error ("%s did not grow with the font (%s → %s): %d px → %d px", ids[i], font, larger, before[i], after);
    }

  g_object_set (settings, "gtk-font-name", font, NULL);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

/* The checklist ------------------------------------------------------------ */

static GtkWidget *
visible_button (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = visible_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Next (or Finish), Back, Stop and the step's Done are on the screen. */
static void
assert_step_actions (CobaltChecklistWizard *wizard,
                     guint                  index)
{
  GtkWidget *page = cobalt_checklist_wizard_get_step_page (wizard, index);

  g_assert_nonnull (visible_button (GTK_WIDGET (wizard), "wizard.next"));
  g_assert_nonnull (visible_button (GTK_WIDGET (wizard), "wizard.back"));
  g_assert_nonnull (visible_button (GTK_WIDGET (wizard), "wizard.stop"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cobalt_checklist_step_page_get_check (COBALT_CHECKLIST_STEP_PAGE (page)))));
}

static void
test_checklist (JourneyFixture *f,
                gconstpointer   data)
{
  const Size *size = data;
  GtkWidget *widget = cobalt_checklist_wizard_new (f->context, f->person);
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (widget);
  CobaltChecklistRun *run;
  guint n;

  show_at (f, widget, size);
  run = cobalt_checklist_wizard_get_run (wizard);
  n = cobalt_checklist_run_get_n_steps (run);
  g_assert_cmpuint (n, ==, 10);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *screen = g_strdup_printf ("step %u (%s)", i + 1, cobalt_checklist_run_get_step_kind (run, i));
      const char *kind = cobalt_checklist_run_get_step_kind (run, i);

      g_assert_cmpuint (cobalt_checklist_run_get_current_step (run), ==, i);
      assert_fits (f->window, size, screen);
      assert_step_actions (wizard, i);

      if (g_str_equal (kind, COBALT_STEP_CHOOSE_SITE))
        {
          CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));

          /* The body map and the list both fit. */
          cobalt_site_picker_set_list_mode (picker, TRUE);
          assert_fits (f->window, size, "the site list");
          assert_step_actions (wizard, i);
          cobalt_site_picker_set_list_mode (picker, FALSE);
          cobalt_site_picker_choose (picker, cobalt_site_picker_get_suggested_site_id (picker));
        }
      else
        gtk_widget_activate_action (widget, "wizard.tick", NULL);
      wait_for_gtk (20);
      g_assert_true (cobalt_checklist_run_is_step_ticked (run, i));

      /* The last step's "Finish and log the dose", wider than Next. */
      if (i + 1 == n)
        {
          assert_fits (f->window, size, "the last step, ticked");
          assert_step_actions (wizard, i);
        }
      gtk_widget_activate_action (widget, "wizard.next", NULL);
      wait_for_gtk (20);
    }

  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "aftercare");
  assert_fits (f->window, size, "aftercare");
  g_assert_nonnull (cobalt_test_find_id (widget, "undo_button"));
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (widget, "undo_button")));
}

/* A second run the same day: the early-dose notice; then Stop and the
 * page after it. */
static void
test_checklist_timing_and_stop (JourneyFixture *f,
                                gconstpointer   data)
{
  const Size *size = data;
  g_autoptr(GDateTime) morning = fixture_time (2025, 3, 10, 8, 0);
  g_autoptr(CobaltDose) given = cobalt_dose_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *widget;
  CobaltChecklistWizard *wizard;

  given->person_id = f->person->id;
  cobalt_dose_set_given_at (given, morning);
  cobalt_set_str (&given->site_id, "deltoid-right");
  g_assert_true (cobalt_repository_add_dose (f->repository, given, &error));
  g_assert_no_error (error);

  widget = cobalt_checklist_wizard_new (f->context, f->person);
  wizard = COBALT_CHECKLIST_WIZARD (widget);
  show_at (f, widget, size);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "timing");
  assert_fits (f->window, size, "the early-dose notice");
  g_assert_nonnull (visible_button (widget, "wizard.timing-back"));
  g_assert_nonnull (visible_button (widget, "wizard.timing-go-on"));

  gtk_widget_activate_action (widget, "wizard.timing-go-on", NULL);
  wait_for_gtk (50);
  gtk_widget_activate_action (widget, "wizard.stop", NULL);
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stop");
  cobalt_checklist_wizard_set_stop_reason (wizard, 0, "the label was smudged");
  assert_fits (f->window, size, "Stop — I'm not sure");
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (widget, "stop_confirm_button")));

  g_assert_true (cobalt_checklist_wizard_confirm_stop (wizard));
  g_assert_cmpstr (cobalt_checklist_wizard_get_page (wizard), ==, "stopped");
  assert_fits (f->window, size, "the page after stopping");
  g_assert_true (gtk_widget_get_mapped (cobalt_test_find_id (widget, "stopped_close_button")));
}

/* Urgent help ------------------------------------------------------------ */

static void
test_urgent_help (JourneyFixture *f,
                  gconstpointer   data)
{
  const Size *size = data;
  GtkWindow *help;
  int min_width, width, height;

  gtk_window_present (f->window);
  help = cobalt_urgent_help_window_new (f->window, f->person);
  /* Narrow: squeezed to the screen's width; large: at its own size. */
  if (!size->large)
    gtk_window_set_default_size (help, want_width (size), want_height (size));
  gtk_window_present (help);
  wait_for_gtk (200);

  gtk_widget_measure (GTK_WIDGET (help), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, want_width (size));
  width = gtk_widget_get_width (GTK_WIDGET (help));
  height = gtk_widget_get_height (GTK_WIDGET (help));
  g_assert_cmpint (width, <=, want_width (size));
  g_assert_cmpint (height, <=, want_height (size));
  assert_fits (help, size, "Urgent help");
  g_assert_nonnull (visible_button (GTK_WIDGET (help), "window.close"));

  gtk_window_destroy (help);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  cobalt_test_init_gui (&argc, &argv);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &default_dpi, NULL);
  if (default_dpi <= 0)
    default_dpi = 96 * 1024;

#define ADD(path, size, func) \
  g_test_add ("/cobalt/journey/layout/" path, JourneyFixture, &size, size_set_up, func, size_tear_down)
  ADD ("narrow/today", narrow, test_today);
  ADD ("large/today", large, test_today);
  ADD ("today-follows-the-font", narrow, test_today_follows_font);
  ADD ("narrow/checklist", narrow, test_checklist);
  ADD ("large/checklist", large, test_checklist);
  ADD ("narrow/checklist-timing-and-stop", narrow, test_checklist_timing_and_stop);
  ADD ("large/checklist-timing-and-stop", large, test_checklist_timing_and_stop);
  ADD ("narrow/urgent-help", narrow, test_urgent_help);
  ADD ("large/urgent-help", large, test_urgent_help);
#undef ADD

  return g_test_run ();
}
