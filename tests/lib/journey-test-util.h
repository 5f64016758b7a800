/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A person with a prescription, supplies and one earlier dose in a private
 * in-memory database, a fixed clock, a context showing that person (what
 * the window hands its pages), and helpers to let GTK catch up. */

#include <string.h>
#include <gtk/gtk.h>
#include "cobalt-context.h"
#include "cobalt-repository-private.h"
#include "cobalt-repository.h"

#define TEST_EMERGENCY "999"
#define TEST_CLINIC_PHONE "01234 567890"
#define TEST_BATCH "AB123"

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltPerson     *person;
  CobaltClock      *clock;
  CobaltContext    *context;
  GtkWindow        *window;
} JourneyFixture;

static inline GDateTime *
fixture_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static inline CobaltSupplyItem *
fixture_add_supply (JourneyFixture  *f,
                    CobaltSupplyKind kind,
                    int              count,
                    const char      *batch,
                    int              expiry_year)
{
  g_autoptr(GError) error = NULL;
  CobaltSupplyItem *item = cobalt_supply_item_new (f->person->id, kind, count);

  if (batch != NULL)
    cobalt_set_str (&item->batch, batch);
  if (expiry_year > 0)
    {
      GDate expiry;

      g_date_clear (&expiry, 1);
      g_date_set_dmy (&expiry, 31, 12, expiry_year);
      cobalt_set_date (&item->expiry, &expiry);
    }
  g_assert_true (cobalt_repository_save_supply_item (f->repository, item, &error));
  g_assert_no_error (error);

  return item;
}

/* @ampoule_expiry_year: 2030 for an in-date batch, 2024 for an expired one. */
static inline void
fixture_set_up_full (JourneyFixture *f,
                     int             ampoule_expiry_year)
{
  static const char *sites[] = {
    "deltoid-left", "deltoid-right", "vastus-lateralis-left", "vastus-lateralis-right",
    "ventrogluteal-left", "ventrogluteal-right", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = fixture_time (2025, 3, 10, 9, 0);
  /* Three months before "now" (10 March 2025): the quarterly dose is due
   * today, so a dose given now is neither early nor extra. */
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -90);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(CobaltSharpsBin) bin = NULL;
  GDate start;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  /* The repository's "now" for the rules of what may be logged. */
  cobalt_repository_set_clock (f->repository, f->clock);

  f->person = cobalt_person_new ("Alex Morgan");
  cobalt_set_str (&f->person->clinic_name, "Riverside Surgery");
  cobalt_set_str (&f->person->clinic_phone, TEST_CLINIC_PHONE);
  cobalt_person_set_emergency_number (f->person, TEST_EMERGENCY);
  g_assert_true (cobalt_repository_save_person (f->repository, f->person, &error));
  g_assert_no_error (error);

  prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  g_assert_nonnull (prescription);
  prescription->person_id = f->person->id;
  cobalt_prescription_set_enabled_sites (prescription, sites);
  prescription->injecting_needle_gauge = 23;
  prescription->needle_length_mm = 25;
  prescription->angle_degrees = 90;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 2024);
  cobalt_set_date (&prescription->starts_on, &start);
  g_assert_true (cobalt_repository_save_prescription (f->repository, prescription, &error));
  g_assert_no_error (error);

  /* The earlier dose first: it came from the clinic's stock, not ours. */
  dose->person_id = f->person->id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, earlier);
  cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
  dose->amount = 1.0;
  dose->unit = COBALT_DOSE_UNIT_MG;
  cobalt_set_str (&dose->batch, "OLD1");
  dose->given_by = COBALT_GIVEN_BY_CLINIC;
  g_assert_true (cobalt_repository_add_dose (f->repository, dose, &error));
  g_assert_no_error (error);

  g_object_unref (fixture_add_supply (f, COBALT_SUPPLY_AMPOULE, 5, TEST_BATCH, ampoule_expiry_year));
  for (int kind = COBALT_SUPPLY_DRAWING_NEEDLE; kind < COBALT_N_SUPPLY_KINDS; kind++)
    g_object_unref (fixture_add_supply (f, (CobaltSupplyKind) kind, 10, NULL, 0));
  bin = cobalt_sharps_bin_new (f->person->id, 20);
  g_assert_true (cobalt_repository_save_sharps_bin (f->repository, bin, &error));
  g_assert_no_error (error);

  f->context = cobalt_context_new (f->repository, f->clock, f->person);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 800);
}

static inline void
fixture_set_up (JourneyFixture *f,
                gconstpointer   data)
{
  fixture_set_up_full (f, 2030);
}

static inline void
fixture_tear_down (JourneyFixture *f,
                   gconstpointer   data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->person);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

/* Lets GTK lay out, map and draw. */
static inline void
wait_for_gtk (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  while (g_get_monotonic_time () < end);
}

/* Runs the main loop until @cond holds or @ms pass: waits that depend on
 * how busy the machine is must not be fixed sleeps. */
#define wait_for_gtk_until(cond, ms) \
  G_STMT_START { \
    gint64 wait_end_ = g_get_monotonic_time () + (ms) * 1000; \
    while (!(cond) && g_get_monotonic_time () < wait_end_) \
      { \
        while (g_main_context_iteration (NULL, FALSE)) \
          ; \
        if (!(cond)) \
          g_usleep (1000); \
      } \
  } G_STMT_END

static inline void
fixture_show (JourneyFixture *f,
              GtkWidget      *child)
{
  gtk_window_set_child (f->window, child);
  gtk_window_present (f->window);
  wait_for_gtk (200);
}

static inline int
supply_count (JourneyFixture  *f,
              CobaltSupplyKind kind)
{
  g_autoptr(GListModel) items = cobalt_repository_list_supply_items (f->repository, f->person->id, NULL);
  int total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);

      if (item->kind == kind)
        total += item->count;
    }

  return total;
}

static inline guint
dose_count (JourneyFixture *f)
{
  g_autoptr(GPtrArray) doses = cobalt_repository_list_doses (f->repository, f->person->id, NULL);

  return doses->len;
}

/* Ticks or unticks a choice as a person would. Cobalt's choices are
 * CobaltChoiceButtons (toggle buttons AT-SPI can press); forms of other
 * areas may still hold a GtkCheckButton while they move over. */
static inline void
choice_set_ticked (GtkWidget *choice,
                   gboolean   ticked)
{
  g_assert_nonnull (choice);
  if (GTK_IS_TOGGLE_BUTTON (choice))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (choice), ticked);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (choice), ticked);
}

static inline gboolean
choice_get_ticked (GtkWidget *choice)
{
  g_assert_nonnull (choice);
  if (GTK_IS_TOGGLE_BUTTON (choice))
    return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice));

  return gtk_check_button_get_active (GTK_CHECK_BUTTON (choice));
}

/* TRUE when a visible label under @widget contains @text: what a person would read. */
static inline gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (GTK_IS_STACK (widget))
    {
      GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (widget));
      return visible != NULL && shows_text (visible, text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}
