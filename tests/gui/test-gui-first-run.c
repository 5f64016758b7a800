/* SPDX-License-Identifier: GPL-3.0-or-later */

/* First run: an empty log shows the introduction and its form; an empty
 * name is refused with a reason; Create saves the person and prescription
 * and Today shows their next dose. Nothing is chosen for the person: the
 * emergency number only from a locale Cobalt knows (and shown), no
 * regimen, no site, no technique (docs/clinical-sources.md, "Emergency and
 * urgent-advice numbers", "Technique data"). */

#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "cobalt-checklist-wizard-private.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-intro-page.h"
#include "cobalt-preferences-window.h"
#include "cobalt-window.h"

typedef struct
{
  char         *dir;
  CobaltClock  *clock;
  CobaltWindow *window;
} Fixture;

/* @data: the locale to start with (LC_ALL), or NULL for the tests'
 * C.UTF-8, which names no country. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 21, 10, 0, 0);

  g_setenv ("LC_ALL", data != NULL ? data : "C.UTF-8", TRUE);

  fixture->dir = cobalt_test_make_tmp_dir ();
  fixture->clock = cobalt_clock_new_fixed (now);
  fixture->window = cobalt_window_new (NULL, fixture->clock, fixture->dir);
  cobalt_window_load (fixture->window, 0);
  gtk_window_present (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cobalt_test_wait_idle ();
  g_clear_object (&fixture->clock);
  cobalt_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  return cobalt_test_find_id (GTK_WIDGET (fixture->window), id);
}

static guint
n_people (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people =
    cobalt_repository_list_people (cobalt_window_get_repository (fixture->window), TRUE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

static CobaltIntroPage *
intro (Fixture *fixture)
{
  GtkWidget *page = cobalt_test_find_type (GTK_WIDGET (fixture->window), COBALT_TYPE_INTRO_PAGE);

  g_assert_nonnull (page);
  return COBALT_INTRO_PAGE (page);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = cobalt_intro_page_get_field (intro (fixture), name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
shown_error (GtkWidget *label)
{
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The first item of the list only asks; the templates follow it. */
static void
choose_template (Fixture    *fixture,
                 const char *template_id)
{
  const char * const *ids = cobalt_prescription_template_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], template_id))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "template_dropdown")), i + 1);
        return;
      }

  g_assert_not_reached ();
}

static void
tick_site (Fixture    *fixture,
           const char *site_id)
{
  g_autofree char *name = g_strdup_printf ("site:%s", site_id);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (fixture, name)), TRUE);
}

/* What every person must give: the emergency number, the regimen and a
 * site the clinic trained them on. */
static void
fill_required (Fixture    *fixture,
               const char *name,
               const char *template_id)
{
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), name);
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "emergency")), "999");
  choose_template (fixture, template_id);
  tick_site (fixture, "vastus-lateralis-left");
}

static CobaltPrescription *
stored_prescription (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CobaltRepository *repository = cobalt_window_get_repository (fixture->window);
  g_autoptr(GListModel) people = cobalt_repository_list_people (repository, TRUE, &error);
  g_autoptr(CobaltPerson) person = g_list_model_get_item (people, 0);
  CobaltPrescription *prescription = cobalt_repository_get_prescription (repository, person->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prescription);
  return prescription;
}

static void
test_intro_and_refused_empty_name (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *error_label = find (fixture, "name_error_label");

  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));
  /* What Cobalt does not do, and who should ask the nurse first. */
  g_assert_nonnull (cobalt_test_find_label (root, "never gives dosing advice"));
  g_assert_nonnull (cobalt_test_find_label (root, "confidence check"));
  /* No people yet: nobody to switch to. */
  g_assert_false (gtk_widget_get_visible (find (fixture, "person_dropdown")));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "   ");
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Enter a name"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));

  /* Typing clears the complaint. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "C");
  g_assert_false (gtk_widget_get_visible (error_label));
}

static void
test_create_starting_now (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  fill_required (fixture, "Chris Doe", "uk-hydroxo-prophylaxis");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "clinic_name_entry")), "Hill Street Surgery");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "clinic_phone_entry")), "0161 496 0000");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "hour_spin")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "minute_spin")), 30);
  /* The first-dose date is offered as the next day, never silently
   * today, and said in words to confirm. */
  g_assert_nonnull (cobalt_test_find_label (root, "The first dose will be due on Sunday 22 November 2026"));
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_null (cobalt_test_find_type (root, COBALT_TYPE_INTRO_PAGE));
  /* Today says when the first dose is: tomorrow, not due and not missed. */
  g_assert_nonnull (cobalt_test_find_label (root, "First dose for Chris Doe"));
  g_assert_nonnull (cobalt_test_find_label (root, "Sunday 22 November"));
  g_assert_nonnull (cobalt_test_find_label (root, "Due tomorrow, at 08:30"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Upcoming");
  g_assert_null (cobalt_test_find_label (root, "Do not give two doses"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "person_dropdown")));
}

/* The new patient: set up at 10:00 with the first dose chosen for
 * that same morning at 08:30. Due all day, never "missed" that day; a
 * first-dose day already past is refused. */
static void
test_create_first_dose_today (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) yesterday = g_date_time_new (tz, 2026, 11, 20, 12, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new (tz, 2026, 11, 21, 12, 0, 0);

  fill_required (fixture, "Dana Doe", "uk-hydroxo-prophylaxis");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "hour_spin")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "minute_spin")), 30);

  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), yesterday);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "date_error_label")));
  g_assert_cmpuint (n_people (fixture), ==, 0);

  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), today);
  g_assert_nonnull (cobalt_test_find_label (root, "The first dose will be due on Saturday 21 November 2026"));
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_nonnull (cobalt_test_find_label (root, "Due today, at 08:30"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Due");
  g_assert_null (cobalt_test_find_label (root, "Overdue"));
  g_assert_null (cobalt_test_find_label (root, "Do not give two doses"));
}

static void
test_create_already_having_injections (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) last = g_date_time_new (tz, 2026, 10, 1, 12, 0, 0);
  g_autoptr(GDateTime) future = g_date_time_new (tz, 2026, 12, 1, 12, 0, 0);

  fill_required (fixture, "Robin Ash", "uk-hydroxo-prophylaxis");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, "had_dose_check")), TRUE);

  /* A last injection in the future is refused, next to the date. */
  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), future);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "date_error_label")));
  g_assert_cmpuint (n_people (fixture), ==, 0);

  /* Every 3 months from the last injection on 1 October. */
  gtk_calendar_select_day (GTK_CALENDAR (find (fixture, "date_calendar")), last);
  cobalt_test_click (find (fixture, "create_button"));

  g_assert_cmpuint (n_people (fixture), ==, 1);
  g_assert_nonnull (cobalt_test_find_label (root, "Next dose for Robin Ash"));
  g_assert_nonnull (cobalt_test_find_label (root, "1 January 2027"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "status_label"))), ==, "Upcoming");
}

/* A locale whose country Cobalt knows: its emergency number is filled in,
 * shown to be checked, and can be changed; the urgent-advice number is
 * never filled in. */
static void
test_numbers_prefilled_from_known_locale (Fixture       *fixture,
                                          gconstpointer  data)
{
  GtkWidget *emergency = field (fixture, "emergency");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (emergency)), ==, "999");
  g_assert_true (gtk_widget_get_mapped (emergency));
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (emergency)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (field (fixture, "emergency-hint"))), "check"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "urgent"))), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (field (fixture, "urgent-hint"))), "111"));

  /* Confirmed as it is, it is saved as the person's own. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Gwen Price");
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  tick_site (fixture, "deltoid-right");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);
  people = cobalt_repository_list_people (cobalt_window_get_repository (fixture->window), TRUE, &error);
  person = g_list_model_get_item (people, 0);
  g_assert_cmpstr (person->emergency_number, ==, "999");
  g_assert_null (person->urgent_number);
}

/* A locale whose country Cobalt does not know (or none, C.UTF-8): the
 * field is empty and Create says, under it, that it is needed. Both
 * numbers are then saved and shown in the person's details. */
static void
test_numbers_asked_for_unknown_locale (Fixture       *fixture,
                                       gconstpointer  data)
{
  GtkWidget *emergency = field (fixture, "emergency");
  GtkWidget *emergency_error = field (fixture, "emergency-error");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltContext) context = NULL;
  CobaltPreferencesWindow *prefs;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (emergency)), ==, "");
  g_assert_false (gtk_widget_get_visible (emergency_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (field (fixture, "emergency-hint"))), "ambulance"));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Urs Meier");
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  tick_site (fixture, "vastus-lateralis-right");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (shown_error (emergency_error));
  g_assert_nonnull (strstr (shown_error (emergency_error), "Enter the emergency number"));
  g_assert_true (gtk_widget_has_css_class (emergency, "error"));
  g_assert_true (gtk_widget_has_focus (emergency) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), emergency));

  /* Typing clears the complaint; letters are not a number. */
  gtk_editable_set_text (GTK_EDITABLE (emergency), "one four four");
  g_assert_false (gtk_widget_get_visible (emergency_error));
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (shown_error (emergency_error));

  gtk_editable_set_text (GTK_EDITABLE (emergency), "144");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "urgent")), "0800 33 66 55");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);

  people = cobalt_repository_list_people (cobalt_window_get_repository (fixture->window), TRUE, &error);
  person = g_list_model_get_item (people, 0);
  g_assert_cmpstr (person->emergency_number, ==, "144");
  g_assert_cmpstr (person->urgent_number, ==, "0800 33 66 55");

  /* The person's details show both. */
  context = cobalt_context_new (cobalt_window_get_repository (fixture->window), fixture->clock, person);
  prefs = cobalt_preferences_window_new (GTK_WINDOW (fixture->window), context, person);
  gtk_window_present (GTK_WINDOW (prefs));
  cobalt_test_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "emergency"))),
                   ==, "144");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_preferences_window_get_field (prefs, "urgent"))),
                   ==, "0800 33 66 55");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* No regimen is chosen for the person: Create asks for one, next to the
 * list, with every other reason at once. */
static void
test_no_regimen_preselected (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *template_error = find (fixture, "template_error_label");
  GtkWidget *sites_error = find (fixture, "sites_error_label");

  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (fixture, "template_dropdown"))), ==, 0);
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (fixture->window), "Choose the regimen on your prescription"));
  g_assert_false (gtk_widget_get_visible (template_error));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Nico Vale");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "emergency")), "112");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (shown_error (template_error));
  g_assert_nonnull (strstr (shown_error (template_error), "Choose the prescription your clinic gave you"));
  g_assert_nonnull (shown_error (sites_error));
  g_assert_true (gtk_widget_has_css_class (find (fixture, "template_dropdown"), "error"));

  choose_template (fixture, "uk-hydroxo-neuro");
  g_assert_false (gtk_widget_get_visible (template_error));
  tick_site (fixture, "deltoid-left");
  g_assert_false (gtk_widget_get_visible (sites_error));
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);
  {
    g_autoptr(CobaltPrescription) prescription = stored_prescription (fixture);

    g_assert_cmpstr (prescription->template_id, ==, "uk-hydroxo-neuro");
  }
}

/* The sites the clinic trained the person on: those of the route chosen,
 * none ticked, at least one required, and what was ticked is saved. */
static void
test_trained_sites (Fixture       *fixture,
                    gconstpointer  data)
{
  CobaltIntroPage *page = intro (fixture);
  GtkWidget *sites_error = find (fixture, "sites_error_label");
  g_autoptr(CobaltPrescription) prescription = NULL;
  guint n_im = 0;

  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      const CobaltSiteInfo *site = cobalt_site_catalogue_get_nth (i);
      g_autofree char *name = g_strdup_printf ("site:%s", site->id);
      GtkWidget *check = cobalt_intro_page_get_field (page, name);

      if (site->route == COBALT_ROUTE_IM)
        {
          g_assert_nonnull (check);
          g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
          n_im++;
        }
      else
        g_assert_null (check);
    }
  g_assert_cmpuint (n_im, ==, 8);
  g_assert_nonnull (cobalt_test_find_label (GTK_WIDGET (fixture->window), "Tick only the sites your clinic showed you"));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Sam Lee");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "emergency")), "911");
  choose_template (fixture, "us-cyano-label");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (strstr (shown_error (sites_error), "Tick at least one site"));

  /* Under the skin: that route's sites, none ticked. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "route_dropdown")), COBALT_ROUTE_SC);
  g_assert_null (cobalt_intro_page_get_field (page, "site:deltoid-left"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (fixture, "site:sc-abdomen-left"))));
  tick_site (fixture, "sc-abdomen-left");
  tick_site (fixture, "sc-thigh-right");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);

  prescription = stored_prescription (fixture);
  g_assert_cmpint (prescription->route, ==, COBALT_ROUTE_SC);
  g_assert_cmpuint (g_strv_length ((char **) cobalt_prescription_get_enabled_sites (prescription)), ==, 2);
  g_assert_true (cobalt_prescription_is_site_enabled (prescription, "sc-abdomen-left"));
  g_assert_true (cobalt_prescription_is_site_enabled (prescription, "sc-thigh-right"));
}

/* "Custom" starts blank: nothing filled in for the person, each thing
 * asked under its field, and what is entered is saved. */
static void
test_custom_blank (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *product = find (fixture, "product_dropdown");
  GtkWidget *amount = find (fixture, "amount_spin");
  g_autoptr(CobaltPrescription) prescription = NULL;
  const CobaltPhase *phase;

  g_assert_false (gtk_widget_get_visible (product));
  fill_required (fixture, "Kim Ray", "custom");
  g_assert_true (gtk_widget_get_mapped (product));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (product)), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (amount)), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find (fixture, "strength_spin"))), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find (fixture, "interval_spin"))), ==, 0);

  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (strstr (shown_error (find (fixture, "product_error_label")), "Choose the medicine"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (product), 1 + COBALT_PRODUCT_HYDROXOCOBALAMIN);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (strstr (shown_error (find (fixture, "amount_error_label")), "more than zero"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amount), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "strength_spin")), 1);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_nonnull (strstr (shown_error (find (fixture, "interval_error_label")), "interval"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "interval_spin")), 10);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "interval_unit_dropdown")), 1);
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);

  prescription = stored_prescription (fixture);
  g_assert_cmpstr (prescription->template_id, ==, "custom");
  g_assert_cmpint (prescription->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpfloat (prescription->amount, ==, 1);
  g_assert_cmpint (prescription->unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpuint (prescription->phases->len, ==, 1);
  phase = g_ptr_array_index (prescription->phases, 0);
  g_assert_cmpint (phase->unit, ==, COBALT_INTERVAL_WEEKS);
  g_assert_cmpuint (phase->interval, ==, 10);
}

/* No invented technique: the first run records none, and the checklist
 * says "as your clinic showed you" until the person enters it. */
static void
test_technique_not_recorded (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CobaltPrescription) prescription = NULL;
  GtkWidget *inject, *draw_up;
  GtkLabel *site_label = NULL;
  GtkLabel *warning = NULL;

  fill_required (fixture, "Lou Park", "uk-hydroxo-standard");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);

  prescription = stored_prescription (fixture);
  g_assert_cmpuint (prescription->drawing_needle_gauge, ==, 0);
  g_assert_cmpuint (prescription->injecting_needle_gauge, ==, 0);
  g_assert_cmpfloat (prescription->needle_length_mm, ==, 0);
  g_assert_cmpfloat (prescription->syringe_ml, ==, 0);
  g_assert_cmpuint (prescription->angle_degrees, ==, 0);

  inject = g_object_ref_sink (cobalt_wizard_inject_detail_new (prescription, &site_label));
  g_assert_nonnull (cobalt_test_find_label (inject, "as your clinic showed you"));
  g_assert_nonnull (cobalt_test_find_label (inject, "not recorded yet"));
  g_assert_null (cobalt_test_find_label (inject, " G"));
  g_assert_null (cobalt_test_find_label (inject, "°"));
  draw_up = g_object_ref_sink (cobalt_wizard_draw_up_detail_new (prescription, 0, &warning));
  g_assert_nonnull (cobalt_test_find_label (draw_up, "as your clinic showed you"));
  g_assert_null (cobalt_test_find_label (draw_up, " G"));
  g_object_unref (inject);
  g_object_unref (draw_up);

  /* Once entered, what the clinic taught is what it says. */
  prescription->injecting_needle_gauge = 25;
  prescription->needle_length_mm = 25;
  prescription->angle_degrees = 90;
  inject = g_object_ref_sink (cobalt_wizard_inject_detail_new (prescription, &site_label));
  g_assert_nonnull (cobalt_test_find_label (inject, "25 G, 25 mm"));
  g_assert_nonnull (cobalt_test_find_label (inject, "90° to the skin"));
  g_assert_null (cobalt_test_find_label (inject, "not recorded yet"));
  g_object_unref (inject);
}

/* The cyanocobalamin caution wherever the medicine is chosen: by a
 * template or in "custom". Information, never a block. */
static void
test_cyanocobalamin_caution (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *caution = find (fixture, "caution_box");

  g_assert_false (gtk_widget_get_visible (caution));
  choose_template (fixture, "uk-cyano-cytamen");
  g_assert_true (gtk_widget_get_mapped (caution));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (fixture, "caution_label"))), "Leber"));
  choose_template (fixture, "uk-hydroxo-standard");
  g_assert_false (gtk_widget_get_visible (caution));
  choose_template (fixture, "custom");
  g_assert_false (gtk_widget_get_visible (caution));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (fixture, "product_dropdown")), 1 + COBALT_PRODUCT_CYANOCOBALAMIN);
  g_assert_true (gtk_widget_get_mapped (caution));

  /* It does not stop anyone. */
  fill_required (fixture, "Cy Ano", "uk-cyano-cytamen");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);
}

/* Hydroxocobalamin under the skin: the information line, never a block. */
static void
test_hydroxo_subcutaneous (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *info = find (fixture, "hydroxo_sc_box");
  GtkDropDown *route = GTK_DROP_DOWN (find (fixture, "route_dropdown"));
  g_autoptr(CobaltPrescription) prescription = NULL;

  choose_template (fixture, "uk-hydroxo-prophylaxis");
  g_assert_false (gtk_widget_get_visible (info));
  gtk_drop_down_set_selected (route, COBALT_ROUTE_SC);
  g_assert_true (gtk_widget_get_mapped (info));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find (fixture, "hydroxo_sc_label"))),
                            "licensed for injection into a muscle"));
  choose_template (fixture, "us-cyano-label");
  g_assert_false (gtk_widget_get_visible (info));
  choose_template (fixture, "uk-hydroxo-prophylaxis");
  g_assert_true (gtk_widget_get_visible (info));

  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "name_entry")), "Hal Dane");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "emergency")), "999");
  tick_site (fixture, "sc-abdomen-right");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 1);
  prescription = stored_prescription (fixture);
  g_assert_cmpint (prescription->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpint (prescription->route, ==, COBALT_ROUTE_SC);
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

/* The form at its longest (a custom prescription's every field, with the
 * reasons it was refused under them) fits 360 px and large text: each
 * caption above its field, every control inside the window, Create
 * reached by scrolling. */
static void
test_fits_narrow_and_large (Fixture       *fixture,
                            gconstpointer  data)
{
  graphene_rect_t caption, entry;

  choose_template (fixture, "custom");
  cobalt_test_click (find (fixture, "create_button"));
  g_assert_cmpuint (n_people (fixture), ==, 0);
  g_assert_true (gtk_widget_get_mapped (find (fixture, "name_error_label")));
  g_assert_true (gtk_widget_get_mapped (find (fixture, "amount_spin")));

  assert_fits_narrow_and_large (GTK_WIDGET (fixture->window), 20);

  g_assert_true (gtk_widget_compute_bounds (find (fixture, "name_caption"), GTK_WIDGET (fixture->window), &caption));
  g_assert_true (gtk_widget_compute_bounds (find (fixture, "name_entry"), GTK_WIDGET (fixture->window), &entry));
  g_assert_cmpfloat (caption.origin.y + caption.size.height, <=, entry.origin.y);
  g_assert_cmpfloat_with_epsilon (caption.origin.x, entry.origin.x, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  tzset ();
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/gui/first-run/intro-and-refused-empty-name", Fixture, NULL,
              fixture_set_up, test_intro_and_refused_empty_name, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-starting-now", Fixture, NULL,
              fixture_set_up, test_create_starting_now, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-first-dose-today", Fixture, NULL,
              fixture_set_up, test_create_first_dose_today, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/create-already-having-injections", Fixture, NULL,
              fixture_set_up, test_create_already_having_injections, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/numbers/prefilled-en-GB", Fixture, "en_GB.UTF-8",
              fixture_set_up, test_numbers_prefilled_from_known_locale, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/numbers/asked-de-CH", Fixture, "de_CH.UTF-8",
              fixture_set_up, test_numbers_asked_for_unknown_locale, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/numbers/asked-C", Fixture, NULL,
              fixture_set_up, test_numbers_asked_for_unknown_locale, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/no-regimen-preselected", Fixture, NULL,
              fixture_set_up, test_no_regimen_preselected, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/trained-sites", Fixture, NULL,
              fixture_set_up, test_trained_sites, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/custom-blank", Fixture, NULL,
              fixture_set_up, test_custom_blank, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/technique-not-recorded", Fixture, NULL,
              fixture_set_up, test_technique_not_recorded, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/cyanocobalamin-caution", Fixture, NULL,
              fixture_set_up, test_cyanocobalamin_caution, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/hydroxo-subcutaneous", Fixture, NULL,
              fixture_set_up, test_hydroxo_subcutaneous, fixture_tear_down);
  g_test_add ("/cobalt/gui/first-run/fits-narrow-and-large", Fixture, NULL,
              fixture_set_up, test_fits_narrow_and_large, fixture_tear_down);

  return g_test_run ();
}
