/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the Journal's sections and forms and the Supplies page on demo
 * data to PNG files, the way a person sees them: the check-in form part
 * filled, a reaction with its banner, a lab result with its B12 unit
 * conversion (and one refused value), the batch editor and the sharps bin.
 * For looking at every screen in both themes and at a narrow width; the
 * theme comes from GTK_THEME. Also prints each page's and dialog's
 * narrowest width. TEXT-SCALE (2 for twice the text size) scales the
 * system font as the desktop's text scaling does (gtk-xft-dpi).
 * Usage: journal-screenshots OUTDIR SUFFIX [WIDTH HEIGHT [TEXT-SCALE]] */

#include "config.h"

#include <stdlib.h>

#include "cobalt-aftercare-page.h"
#include "cobalt-checkin-form.h"
#include "cobalt-context.h"
#include "cobalt-demo.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-journal-charts.h"
#include "cobalt-journal-page.h"
#include "cobalt-lab-form.h"
#include "cobalt-repository-private.h"
#include "cobalt-supplies-page.h"
#include "cobalt-supply-editor.h"

static int width = 1280;
static int height = 800;

static void
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

static void
save (GtkWindow  *window,
      const char *dir,
      const char *name,
      const char *suffix)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s-%s.png", dir, name, suffix);

  wait_for_gtk (400);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("wrote %s (%d×%d)\n", path, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

/* With JOURNAL_SCREENSHOTS_WHY set: the chain of widest children that
 * sets a widget's minimum width, to find what keeps a window wide. */
static void
print_widest_chain (GtkWidget *widget,
                    int        depth)
{
  GtkWidget *widest = NULL;
  int widest_min = -1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > widest_min)
        {
          widest = child;
          widest_min = min;
        }
    }
  if (widest == NULL)
    return;
  g_print ("  %*s%s%s%s: %d px\n", depth * 2, "", G_OBJECT_TYPE_NAME (widest),
           GTK_IS_LABEL (widest) ? " " : "", GTK_IS_LABEL (widest) ? gtk_label_get_text (GTK_LABEL (widest)) : "",
           widest_min);
  print_widest_chain (widest, depth + 1);
}

static void
print_min_width (const char *name,
                 GtkWidget  *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_print ("%s: narrowest %d px\n", name, min);
  if (g_getenv ("JOURNAL_SCREENSHOTS_WHY") != NULL)
    print_widest_chain (widget, 0);
}

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (root, id)), text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(CobaltClock) clock = NULL;
  g_autoptr(CobaltDatabase) database = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltContext) context = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(CobaltSupplyItem) batch = NULL;
  g_autoptr(GListModel) reactions = NULL;
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(CobaltReaction) first_reaction = NULL;
  g_autoptr(CobaltCheckin) last_checkin = NULL;
  g_autoptr(CobaltLabResult) first_result = NULL;
  const char *dir, *suffix;
  GtkWidget *page, *form, *reaction, *aftercare, *charts;
  GtkWindow *window;
  CobaltSupplyEditor *editor;

  if (argc != 3 && argc != 5 && argc != 6)
    {
      g_printerr ("usage: %s OUTDIR SUFFIX [WIDTH HEIGHT [TEXT-SCALE]]\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  suffix = argv[2];
  if (argc >= 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }

  g_setenv ("TZ", "Europe/London", TRUE);
  gtk_init ();
  if (argc == 6)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                  (int) (g_ascii_strtod (argv[5], NULL) * 96 * 1024), NULL);

  tz = g_time_zone_new_identifier ("Europe/London");
  now = g_date_time_new (tz, 2025, 6, 2, 9, 15, 0);
  clock = cobalt_clock_new_fixed (now);
  database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  repository = cobalt_repository_new (database);
  if (!cobalt_demo_populate (repository, clock, &error))
    g_error ("demo data: %s", error->message);
  person = cobalt_repository_find_person (repository, COBALT_DEMO_PERSON_SELF, &error);
  g_assert_no_error (error);
  context = cobalt_context_new (repository, clock, person);

  /* The Journal, one section at a time. */
  page = cobalt_journal_page_new (context);
  window = window_with (page);
  print_min_width ("journal page", page);
  form = cobalt_test_find_type (page, COBALT_TYPE_CHECKIN_FORM);
  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_ENERGY, 6);
  cobalt_checkin_form_set_score (COBALT_CHECKIN_FORM (form), COBALT_CHECKIN_FATIGUE, 3);
  save (window, dir, "journal-wellbeing", suffix);

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), "reactions");
  save (window, dir, "journal-reactions", suffix);

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), "labs");
  wait_for_gtk (50);
  form = cobalt_test_find_type (page, COBALT_TYPE_LAB_FORM);
  g_assert_true (cobalt_lab_form_set_unit (COBALT_LAB_FORM (form), "pmol/L"));
  set_text (form, "value_entry", "310");
  set_text (form, "ref_low_entry", "148");
  set_text (form, "ref_high_entry", "664");
  save (window, dir, "journal-labs", suffix);
  set_text (form, "value_entry", "90000");
  set_text (form, "date_entry", "2099-01-01");
  cobalt_lab_form_save (COBALT_LAB_FORM (form), NULL);
  save (window, dir, "journal-labs-refused", suffix);

  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), "charts");
  wait_for_gtk (50);
  charts = cobalt_test_find_type (page, COBALT_TYPE_JOURNAL_CHARTS);
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_WELLBEING, COBALT_CHECKIN_ENERGY);
  save (window, dir, "journal-charts-wellbeing", suffix);
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_SYMPTOM_RETURN, COBALT_CHECKIN_FATIGUE);
  save (window, dir, "journal-charts-symptom-return", suffix);
  cobalt_journal_charts_show (COBALT_JOURNAL_CHARTS (charts), COBALT_JOURNAL_VIEW_LAB, COBALT_LAB_TEST_SERUM_B12);
  save (window, dir, "journal-charts-lab", suffix);

  /* Recording a reaction: the aftercare page in its own window. */
  cobalt_journal_page_show_section (COBALT_JOURNAL_PAGE (page), "reactions");
  reaction = cobalt_journal_page_add_reaction (COBALT_JOURNAL_PAGE (page));
  wait_for_gtk (100);
  aftercare = cobalt_test_find_type (reaction, COBALT_TYPE_AFTERCARE_PAGE);
  cobalt_aftercare_page_set_reaction (COBALT_AFTERCARE_PAGE (aftercare), "site-swelling", TRUE);
  print_min_width ("reaction form", reaction);
  save (GTK_WINDOW (reaction), dir, "journal-reaction-form", suffix);
  gtk_window_destroy (GTK_WINDOW (reaction));

  /* Changing entries, and the Undo bar after a deletion. */
  reactions = cobalt_repository_list_reactions (repository, person->id, &error);
  g_assert_no_error (error);
  first_reaction = g_list_model_get_item (reactions, 0);
  reaction = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page), COBALT_JOURNAL_RECORD_REACTION,
                                       first_reaction->id);
  print_min_width ("reaction editor", reaction);
  save (GTK_WINDOW (reaction), dir, "journal-reaction-editor", suffix);
  gtk_window_destroy (GTK_WINDOW (reaction));
  checkins = cobalt_repository_list_checkins (repository, person->id, &error);
  g_assert_no_error (error);
  last_checkin = g_list_model_get_item (checkins, g_list_model_get_n_items (checkins) - 1);
  reaction = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page), COBALT_JOURNAL_RECORD_CHECKIN,
                                       last_checkin->id);
  print_min_width ("check-in editor", reaction);
  save (GTK_WINDOW (reaction), dir, "journal-checkin-editor", suffix);
  gtk_window_destroy (GTK_WINDOW (reaction));
  results = cobalt_repository_list_lab_results (repository, person->id, &error);
  g_assert_no_error (error);
  first_result = g_list_model_get_item (results, 0);
  reaction = cobalt_journal_page_edit (COBALT_JOURNAL_PAGE (page), COBALT_JOURNAL_RECORD_LAB_RESULT,
                                       first_result->id);
  print_min_width ("lab result editor", reaction);
  save (GTK_WINDOW (reaction), dir, "journal-lab-editor", suffix);
  gtk_window_destroy (GTK_WINDOW (reaction));
  cobalt_journal_page_delete (COBALT_JOURNAL_PAGE (page), COBALT_JOURNAL_RECORD_REACTION,
                              first_reaction->id, NULL);
  save (window, dir, "journal-undo", suffix);
  cobalt_journal_page_undo (COBALT_JOURNAL_PAGE (page), NULL);
  gtk_window_destroy (window);

  /* Supplies, with the sharps bin, and the batch editor. */
  page = cobalt_supplies_page_new (context);
  window = window_with (page);
  print_min_width ("supplies page", page);
  save (window, dir, "supplies", suffix);

  items = cobalt_repository_list_supply_items (repository, person->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items) && batch == NULL; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (items, i);

      if (item->kind == COBALT_SUPPLY_AMPOULE)
        batch = g_steal_pointer (&item);
    }
  editor = cobalt_supply_editor_new (window, context, batch, COBALT_SUPPLY_AMPOULE);
  gtk_window_present (GTK_WINDOW (editor));
  print_min_width ("batch editor", GTK_WIDGET (editor));
  save (GTK_WINDOW (editor), dir, "supplies-batch-editor", suffix);
  set_text (GTK_WIDGET (editor), "count_entry", "-3");
  cobalt_supply_editor_save (editor, NULL);
  save (GTK_WINDOW (editor), dir, "supplies-batch-editor-refused", suffix);
  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (window);

  return 0;
}
