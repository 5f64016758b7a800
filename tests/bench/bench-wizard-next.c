/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issue 3: "moving to the next wizard step is drawn in the next frame".
 * Goes through the checklist wizard on the journey test data and, for each
 * Next, counts the frames from the action to the frame clock's first
 * after-paint that drew the new step (a step page is laid out, so has a
 * width, only once it is on screen). Run by build-aux/bench.sh under Xvfb;
 * prints "wizard next step: N frames (target 1)" with N the worst step. */

#include "config.h"

#include "cobalt-checklist-step-page.h"
#include "cobalt-checklist-wizard.h"
#include "cobalt-site-picker.h"
#include "journey-test-util.h"

/* Between two steps, long enough for the tick's own redraw to be over. */
#define SETTLE_MS 60

typedef struct
{
  JourneyFixture  fixture;
  GtkWidget      *wizard;
  GdkFrameClock  *frame_clock;
  GtkWidget      *target;       /* the step page Next should show */
  gint64          start_frame;
  gint64          start_us;
  GArray         *frames;       /* guint per step */
  GArray         *times_us;     /* gint64 per step */
  gboolean        done;
} Bench;

static gboolean next_step_cb (gpointer user_data);

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   Bench         *bench)
{
  gint64 elapsed;
  guint frames;

  if (bench->target == NULL || gtk_widget_get_width (bench->target) <= 0)
    return;

  frames = (guint) (gdk_frame_clock_get_frame_counter (frame_clock) - bench->start_frame);
  elapsed = g_get_monotonic_time () - bench->start_us;
  g_array_append_val (bench->frames, frames);
  g_array_append_val (bench->times_us, elapsed);
  bench->target = NULL;
  g_timeout_add (SETTLE_MS, next_step_cb, bench);
}

static gboolean
next_step_cb (gpointer user_data)
{
  Bench *bench = user_data;
  CobaltChecklistWizard *wizard = COBALT_CHECKLIST_WIZARD (bench->wizard);
  CobaltChecklistRun *run = cobalt_checklist_wizard_get_run (wizard);
  guint current = cobalt_checklist_run_get_current_step (run);
  guint n = cobalt_checklist_run_get_n_steps (run);

  /* The last Next logs the dose: that is not a step change. */
  if (current + 1 >= n)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!cobalt_checklist_run_is_step_ticked (run, current))
    {
      CobaltSitePicker *picker = COBALT_SITE_PICKER (cobalt_checklist_wizard_get_site_picker (wizard));

      if (picker != NULL && g_strcmp0 (cobalt_checklist_run_get_step_kind (run, current), COBALT_STEP_CHOOSE_SITE) == 0)
        cobalt_site_picker_choose (picker, cobalt_site_picker_get_suggested_site_id (picker));
      if (!cobalt_checklist_run_is_step_ticked (run, current))
        gtk_widget_activate_action (bench->wizard, "wizard.tick", NULL);
      if (!cobalt_checklist_run_is_step_ticked (run, current))
        g_error ("step %u could not be ticked", current + 1);
      g_timeout_add (SETTLE_MS, next_step_cb, bench);
      return G_SOURCE_REMOVE;
    }

  bench->target = cobalt_checklist_wizard_get_step_page (wizard, current + 1);
  if (gtk_widget_get_width (bench->target) > 0)
    g_error ("step %u was drawn before Next", current + 2);
  bench->start_frame = gdk_frame_clock_get_frame_counter (bench->frame_clock);
  bench->start_us = g_get_monotonic_time ();
  gtk_widget_activate_action (bench->wizard, "wizard.next", NULL);

  return G_SOURCE_REMOVE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  guint worst = 0;
  gint64 deadline;

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();

  fixture_set_up (&bench.fixture, NULL);
  gtk_window_set_default_size (bench.fixture.window, 1280, 800);
  bench.wizard = cobalt_checklist_wizard_new (bench.fixture.context, bench.fixture.person);
  fixture_show (&bench.fixture, bench.wizard);
  wait_for_gtk (300);

  bench.frames = g_array_new (FALSE, FALSE, sizeof (guint));
  bench.times_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.fixture.window));
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);

  g_timeout_add (SETTLE_MS, next_step_cb, &bench);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!bench.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!bench.done || bench.frames->len == 0)
    g_error ("the wizard did not reach its last step within 60 s");

  g_signal_handlers_disconnect_by_data (bench.frame_clock, &bench);
  for (guint i = 0; i < bench.frames->len; i++)
    worst = MAX (worst, g_array_index (bench.frames, guint, i));
  g_array_sort (bench.times_us, compare_int64);

  g_print ("wizard next step: %u frames (target 1)\n", worst);
  g_printerr ("bench-wizard-next: %u steps, median %.1f ms from Next to the painted step\n",
              bench.frames->len, g_array_index (bench.times_us, gint64, bench.times_us->len / 2) / 1000.0);

  g_array_unref (bench.frames);
  g_array_unref (bench.times_us);
  gtk_window_destroy (bench.fixture.window);
  bench.fixture.window = NULL;
  fixture_tear_down (&bench.fixture, NULL);

  return 0;
}
