/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-choice-button.h"
#include "cobalt-context.h"
#include "cobalt-dose-editor.h"
#include "cobalt-dose-rules.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-log-elsewhere-dialog.h"
#include "cobalt-log-page.h"
#include "cobalt-log-row.h"
#include "carers-test-util.h"

#define N_DOSES 500

typedef struct
{
  CobaltDatabase   *database;
  CobaltRepository *repository;
  CobaltClock      *clock;
  CobaltPerson     *person;
  CobaltContext    *context;
  GtkWindow        *window;
  CobaltLogPage    *page;
} Fixture;

static void
wait_frames (guint n)
{
  /* Let the view lay out and draw. */
  for (guint i = 0; i < n; i++)
    {
      gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2001, 1, 1, 12, 0, 0);
  gint64 id;

  f->database = cobalt_database_new_in_memory (&error);
  g_assert_no_error (error);
  f->repository = cobalt_repository_new (f->database);
  f->clock = cobalt_clock_new_fixed (now);
  cobalt_repository_set_clock (f->repository, f->clock);
  id = carers_add_person (f->repository, "Log Page");
  g_assert_true (carers_fill_doses (f->database, id, N_DOSES, &error));
  g_assert_no_error (error);
  f->person = cobalt_repository_get_person (f->repository, id, &error);
  g_assert_no_error (error);

  f->context = cobalt_context_new (f->repository, f->clock, f->person);
  f->page = cobalt_log_page_new (f->context);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 600);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  wait_frames (10);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_frames (2);
  g_clear_object (&f->context);
  g_clear_object (&f->person);
  g_clear_object (&f->clock);
  g_clear_object (&f->repository);
  g_clear_object (&f->database);
}

/* Counts the labels (and the table's cells) shown under @widget whose
 * text contains @needle. */
static guint
count_labels (GtkWidget  *widget,
              const char *needle)
{
  const char *text = NULL;
  guint n = 0;

  if (COBALT_IS_LOG_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      for (CobaltLogColumn c = 0; c < COBALT_LOG_N_COLUMNS; c++)
        {
          text = cobalt_log_row_get_text (COBALT_LOG_ROW (widget), c);
          if (text != NULL && strstr (text, needle) != NULL)
            n++;
        }
      return n;
    }
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text != NULL && gtk_widget_get_mapped (widget) && strstr (text, needle) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, needle);
  return n;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cobalt_log_page_get_model (f->page)));
}

static void
test_shows_rows (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (cobalt_log_page_get_view (f->page));

  g_assert_cmpuint (n_rows (f), ==, N_DOSES + 1);  /* and one stopped checklist */
  /* Rows are on screen: sites and the "needle bent" notes of the newest rows. */
  g_assert_cmpuint (count_labels (view, "needle bent"), >, 0);
  g_assert_cmpuint (count_labels (view, "1 mg"), >, 5);
  /* The count under the table. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->page), "501 entries"), ==, 1);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (cobalt_log_page_get_view (f->page));

  cobalt_log_page_set_search (f->page, "needle");
  wait_frames (5);
  g_assert_cmpuint (n_rows (f), ==, N_DOSES / 10);
  g_assert_cmpuint (count_labels (view, "ok "), ==, 0);
  g_assert_cmpuint (count_labels (view, "needle bent"), >, 0);

  cobalt_log_page_set_search (f->page, NULL);
  wait_frames (5);
  g_assert_cmpuint (n_rows (f), ==, N_DOSES + 1);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = NULL;
  gint64 key;

  first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  key = first->key;
  cobalt_log_page_select (f->page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "log.delete", NULL));
  wait_frames (5);
  g_assert_cmpuint (n_rows (f), ==, N_DOSES);
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->person->id, NULL),
                    ==, N_DOSES - 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->page), "Deleted the dose of"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "log.undo", NULL));
  wait_frames (5);
  g_assert_cmpuint (n_rows (f), ==, N_DOSES + 1);
  g_assert_cmpint (cobalt_dose_list_model_find (cobalt_log_page_get_model (f->page), key), ==, 0);
  g_assert_cmpuint (cobalt_repository_count_doses (f->repository, f->person->id, NULL),
                    ==, N_DOSES);
}

static void
test_edit_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  CobaltDoseEditor *editor;
  g_autoptr(CobaltDose) built = NULL;
  g_autoptr(CobaltDose) stored = NULL;
  g_autoptr(GError) error = NULL;

  editor = cobalt_dose_editor_new (f->window, f->context, first->dose);

  gtk_editable_set_text (cobalt_dose_editor_get_amount_entry (editor), "a lot");
  g_assert_null (cobalt_dose_editor_build (editor, &error));
  g_assert_nonnull (strstr (error->message, "amount"));
  g_clear_error (&error);

  /* In the future: refused when saving, by the rules every way of
   * logging meets, under the date. */
  gtk_editable_set_text (cobalt_dose_editor_get_amount_entry (editor), "1,5");
  gtk_editable_set_text (cobalt_dose_editor_get_date_entry (editor), "2031-01-01");
  g_assert_false (cobalt_dose_editor_save (editor, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cobalt_dose_editor_get_field (editor, "when-error"))), ==,
                   "The date 2031-01-01 is in the future.");
  g_assert_true (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "when-error")));
  g_clear_error (&error);

  gtk_editable_set_text (cobalt_dose_editor_get_date_entry (editor), "2000-02-30");
  g_assert_null (cobalt_dose_editor_build (editor, &error));
  g_clear_error (&error);

  gtk_editable_set_text (cobalt_dose_editor_get_date_entry (editor), "2000-02-03");
  gtk_editable_set_text (cobalt_dose_editor_get_time_entry (editor), "07:45");
  built = cobalt_dose_editor_build (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (built->amount, ==, 1.5);
  g_assert_cmpint (g_date_time_get_hour (built->given_at), ==, 7);

  g_assert_true (cobalt_dose_editor_save (editor, &error));
  g_assert_no_error (error);
  stored = cobalt_repository_get_dose (f->repository, first->key, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->amount, ==, 1.5);
  wait_frames (3);
}

/* The case: the editor saved a dose in 1899 of 99 999 mcg. Now
 * each is refused under its field, with what was typed kept; a different
 * amount goes in only with "my clinic told me to" and the reason. */
static void
test_edit_refuses_impossible (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  g_autoptr(CobaltPrescription) p = cobalt_prescription_new ();
  g_autoptr(CobaltPhase) phase = cobalt_phase_new (COBALT_INTERVAL_WEEKS, 12, COBALT_PHASE_END_OPEN, 0, NULL);
  g_autoptr(CobaltDose) stored = NULL;
  g_autoptr(GError) error = NULL;
  CobaltDoseEditor *editor;

  p->person_id = f->person->id;
  p->product = COBALT_PRODUCT_HYDROXOCOBALAMIN;
  p->amount = 1;
  p->unit = COBALT_DOSE_UNIT_MG;
  p->strength_amount = 1;
  p->strength_unit = COBALT_DOSE_UNIT_MG;
  cobalt_prescription_set_enabled_sites (p, (const char *[]) { "deltoid-left", NULL });
  cobalt_prescription_add_phase (p, phase);
  g_assert_true (cobalt_repository_save_prescription (f->repository, p, &error));
  g_assert_no_error (error);

  editor = cobalt_dose_editor_new (f->window, f->context, first->dose);
  gtk_window_present (GTK_WINDOW (editor));

  gtk_editable_set_text (cobalt_dose_editor_get_date_entry (editor), "1899-03-01");
  g_assert_false (cobalt_dose_editor_save (editor, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_GIVEN_AT);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "when-error")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cobalt_dose_editor_get_field (editor, "when-error"))), ==,
                   "The date 1899-03-01 is before 1950, earlier than any vitamin B12 injection: check the year.");
  g_assert_cmpstr (gtk_editable_get_text (cobalt_dose_editor_get_date_entry (editor)), ==, "1899-03-01");

  gtk_editable_set_text (cobalt_dose_editor_get_date_entry (editor), "2000-02-03");
  gtk_editable_set_text (cobalt_dose_editor_get_amount_entry (editor), "99999");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cobalt_dose_editor_get_field (editor, "unit")), COBALT_DOSE_UNIT_MCG);
  g_assert_false (cobalt_dose_editor_save (editor, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_AMOUNT_DIFFERS);
  g_clear_error (&error);
  /* The date is right now: its error is gone; the amount's is shown. */
  g_assert_false (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "when-error")));
  g_assert_true (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "amount-error")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cobalt_dose_editor_get_field (editor, "amount-error"))), ==,
                   "99999 mcg does not match the prescription (1 mg).");
  g_assert_cmpstr (gtk_editable_get_text (cobalt_dose_editor_get_amount_entry (editor)), ==, "99999");
  g_assert_true (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "amount-reason")));
  g_assert_false (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "product-reason")));

  /* Nothing was stored. */
  stored = cobalt_repository_get_dose (f->repository, first->key, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->amount, ==, 1);
  g_assert_cmpint (g_date_time_get_year (stored->given_at), ==, 2000);
  g_clear_object (&stored);

  /* Ticked, the reason is still needed, in the person's own words. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cobalt_dose_editor_get_field (editor, "amount-reason")), TRUE);
  g_assert_false (cobalt_dose_editor_save (editor, &error));
  g_assert_error (error, COBALT_DOSE_ERROR, COBALT_DOSE_ERROR_EXCEPTION_NOTE);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (cobalt_dose_editor_get_field (editor, "reason-error")));

  /* With the tick and the reason it is kept as the person said: Cobalt
   * never overrules the clinic, it only asks. */
  gtk_editable_set_text (GTK_EDITABLE (cobalt_dose_editor_get_field (editor, "reason")), "a trial dose, Dr Rao");
  g_assert_true (cobalt_dose_editor_save (editor, &error));
  g_assert_no_error (error);
  stored = cobalt_repository_get_dose (f->repository, first->key, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->amount, ==, 99999);
  g_assert_cmpint (stored->exceptions, ==, COBALT_DOSE_EXCEPTION_AMOUNT);
  g_assert_cmpstr (stored->exception_note, ==, "a trial dose, Dr Rao");
  wait_frames (3);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the doses' sites are in order (+1: A to Z, -1: Z to A), and
 * not all the same. */
static gboolean
sites_sorted (Fixture *f,
              int      direction)
{
  GListModel *model = G_LIST_MODEL (cobalt_log_page_get_model (f->page));
  g_autofree char *previous = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CobaltLogEntry) entry = g_list_model_get_item (model, i);
      const char *site;

      if (!cobalt_log_entry_is_dose (entry))
        continue;
      site = COBALT_DOSE (entry->dose)->site_id;
      if (previous != NULL)
        {
          int order = g_strcmp0 (previous, site) * direction;

          if (order > 0)
            return FALSE;
          changed |= order < 0;
        }
      g_free (previous);
      previous = g_strdup (site);
    }
  return changed;
}

/* Clicking a column title sorts by it; clicking it again reverses. */
static void
test_sort_by_title (Fixture       *f,
                    gconstpointer  data)
{
  CobaltDoseListModel *model = cobalt_log_page_get_model (f->page);
  GtkWidget *site = find_button (GTK_WIDGET (f->page), "Site");
  GtkWidget *when = find_button (GTK_WIDGET (f->page), "Date and time");

  g_assert_nonnull (site);
  g_assert_nonnull (when);
  g_assert_cmpint (cobalt_dose_list_model_get_sort (model), ==, COBALT_LOG_SORT_WHEN);

  g_signal_emit_by_name (site, "clicked");
  wait_frames (3);
  g_assert_cmpint (cobalt_dose_list_model_get_sort (model), ==, COBALT_LOG_SORT_SITE);
  g_assert_false (cobalt_dose_list_model_get_descending (model));
  g_assert_true (sites_sorted (f, 1));

  g_signal_emit_by_name (site, "clicked");
  wait_frames (3);
  g_assert_true (cobalt_dose_list_model_get_descending (model));
  g_assert_true (sites_sorted (f, -1));

  /* Back to newest first: the newest dose on top again. */
  g_signal_emit_by_name (when, "clicked");
  wait_frames (3);
  g_assert_cmpint (cobalt_dose_list_model_get_sort (model), ==, COBALT_LOG_SORT_WHEN);
  g_assert_true (cobalt_dose_list_model_get_descending (model));
  g_assert_cmpuint (count_labels (GTK_WIDGET (f->page), "needle bent"), >, 0);
}

/* The window builds the Log page at start-up, hidden: it reads the log
 * only when it is first shown, so a long log costs nothing until then. */
static void
test_reads_when_shown (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *stack = gtk_stack_new ();
  CobaltLogPage *page = cobalt_log_page_new (f->context);
  CobaltDoseListModel *model = cobalt_log_page_get_model (page);

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Today"), "today");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (page), "log");
  gtk_window_set_child (f->window, stack);
  wait_frames (5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "needle bent"), ==, 0);

  gtk_stack_set_visible_child (GTK_STACK (stack), GTK_WIDGET (page));
  wait_frames (5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_DOSES + 1);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "needle bent"), >, 0);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "501 entries"), ==, 1);
}

static void
check_inside (GtkWidget *widget,
              GtkWidget *bar)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, bar, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (bar) + 0.5);
}

/* In a window narrower than the filter bar's one line, the bar wraps:
 * every control stays whole and inside the page. */
static void
test_filter_bar_wraps (Fixture       *f,
                       gconstpointer  data)
{
  /* The page's box: the filter bar, then the table. */
  GtkWidget *bar = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->page)));
  int one_line;

  g_assert_true (GTK_IS_SEARCH_ENTRY (gtk_widget_get_first_child (bar)));
  gtk_window_set_default_size (f->window, 1260, 600);
  wait_frames (10);
  one_line = gtk_widget_get_height (bar);
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child; child = gtk_widget_get_next_sibling (child))
    check_inside (child, bar);

  gtk_window_set_default_size (f->window, 620, 600);
  wait_frames (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 1000);
  g_assert_cmpint (gtk_widget_get_height (bar), >, one_line);
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child; child = gtk_widget_get_next_sibling (child))
    check_inside (child, bar);
}

/* The mapped log rows under @widget, top to bottom. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (COBALT_IS_LOG_ROW (widget))
    {
      if (gtk_widget_get_mapped (widget))
        g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static gint
by_y (gconstpointer a,
      gconstpointer b)
{
  GtkWidget *row_a = *(GtkWidget **) a, *row_b = *(GtkWidget **) b;
  graphene_point_t pa, pb;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (row_a));

  g_assert_true (gtk_widget_compute_point (row_a, root, &GRAPHENE_POINT_INIT (0, 0), &pa));
  g_assert_true (gtk_widget_compute_point (row_b, root, &GRAPHENE_POINT_INIT (0, 0), &pb));
  return pa.y < pb.y ? -1 : pa.y > pb.y;
}

static GPtrArray *
shown_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (cobalt_log_page_get_view (f->page)), rows);
  g_ptr_array_sort (rows, by_y);
  return rows;
}

/* A screen reader moves through the list's items: each is named by its
 * row as one sentence made of the texts the row shows (what, when,
 * where, by whom), the other cells in its description. */
static void
test_rows_named (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = shown_rows (f);
  GtkWidget *when = find_button (GTK_WIDGET (f->page), "Date and time");
  CobaltLogRow *row;
  GtkWidget *item;
  g_autofree char *sentence = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < 3; i++)
    {
      row = rows->pdata[i];
      item = gtk_widget_get_parent (GTK_WIDGET (row));
      g_clear_pointer (&sentence, g_free);
      g_clear_pointer (&description, g_free);
      /* Given doses, newest first: "Given 1 mg hydroxocobalamin on Sat 3
       * Jan 2001, 03:00, site: Left upper arm (deltoid), by Self." */
      sentence = g_strdup_printf ("Given %s on %s, site: %s, by %s.",
                                  cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_DOSE),
                                  cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_WHEN),
                                  cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_SITE),
                                  cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_GIVEN_BY));
      g_assert_nonnull (strstr (sentence, " mg "));
      description = g_strdup_printf ("Batch: %s. Checklist: %s. Notes: %s.",
                                     cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_BATCH),
                                     cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_CHECKLIST),
                                     cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_NOTES));
      /* The list item, which takes the focus, and the row itself. */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
    }

  /* Oldest first: the checklist stopped before the first dose, in the
   * words the calendar's day list uses. */
  g_signal_emit_by_name (when, "clicked");
  wait_frames (5);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (f);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (cobalt_log_row_get_text (rows->pdata[i], COBALT_LOG_COLUMN_DOSE), "Nothing given") == 0)
      {
        row = rows->pdata[i];
        g_clear_pointer (&sentence, g_free);
        sentence = g_strdup_printf ("%s: checklist stopped, nothing given (unsure about the dose)",
                                    cobalt_log_row_get_text (row, COBALT_LOG_COLUMN_WHEN));
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (row))),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
        return;
      }
  g_assert_not_reached ();
}

/* Whether @row is on two lines: taller, by a line of text, than it
 * would be with room for every column on one. */
static gboolean
row_is_stacked (GtkWidget *row)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (row), NULL, NULL);
  int line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  int one_line;

  pango_font_metrics_unref (metrics);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 100000, &one_line, NULL, NULL, NULL);
  return gtk_widget_get_height (row) >= one_line + line;
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Each action of the Log, by its label, is shown inside the window. */
static void
assert_actions_shown (Fixture *f)
{
  const char *labels[] = { "Record a Dose _Not Given…", "_Edit…", "_Delete", "_Print…" };
  GtkWidget *export = cobalt_test_find_widget (GTK_WIDGET (f->page), TRUE, cobalt_test_match_id, "export_button");

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = cobalt_test_find_widget (GTK_WIDGET (f->page), TRUE, match_button_label, labels[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
    }
  g_assert_nonnull (export);
  g_assert_true (gtk_widget_get_mapped (export));
  g_assert_cmpuint (carers_assert_controls_inside (GTK_WIDGET (f->window)), >, 10);
}

/* At 360 pixels the page fits: the filters and the actions wrap, each
 * row goes on two lines (the date and the dose, then the rest), and every
 * control is inside the window. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  int min;

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
  /* Wide, a row is one line. */
  rows = shown_rows (f);
  g_assert_false (row_is_stacked (rows->pdata[0]));
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_window_set_default_size (f->window, 360, 700);
  wait_frames (10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 360);
  rows = shown_rows (f);
  g_assert_cmpuint (rows->len, >, 3);
  g_assert_true (row_is_stacked (rows->pdata[0]));
  assert_actions_shown (f);
}

/* The case: with text twice its size the Log needed 1,516 pixels
 * and Print, Export and the menu fell off a 1280 pixel screen. */
static void
test_large_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  int min;

  carers_set_text_scale (2);
  gtk_window_set_default_size (f->window, 1280, 800);
  wait_frames (10);
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 640);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, 1280);
  rows = shown_rows (f);
  g_assert_cmpuint (rows->len, >, 2);
  /* Two lines of the larger text: the columns would not fit. */
  g_assert_true (row_is_stacked (rows->pdata[0]));
  assert_actions_shown (f);
  carers_set_text_scale (1);
}

/* No two of the Log's mnemonics share a letter, nor do the dose
 * editor's or "log a dose given elsewhere"'s with every part of them
 * shown (the reasons a dose may differ, the early-dose question). */
static void
test_mnemonics (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  CobaltDoseEditor *editor;
  CobaltLogElsewhereDialog *elsewhere;
  const char *shown[] = { "timing", "amount-reason", "amount-reason-note" };

  g_assert_cmpuint (carers_assert_no_mnemonic_clash (GTK_WIDGET (f->page)), >=, 5);

  editor = cobalt_dose_editor_new (f->window, f->context, first->dose);
  gtk_window_present (GTK_WINDOW (editor));
  gtk_widget_set_visible (gtk_widget_get_parent (cobalt_dose_editor_get_field (editor, "amount-reason")), TRUE);
  gtk_widget_set_visible (cobalt_dose_editor_get_field (editor, "amount-reason"), TRUE);
  gtk_widget_set_visible (cobalt_dose_editor_get_field (editor, "product-reason"), TRUE);
  g_assert_cmpuint (carers_assert_no_mnemonic_clash (GTK_WIDGET (editor)), >=, 12);
  gtk_window_destroy (GTK_WINDOW (editor));

  elsewhere = cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person);
  gtk_window_present (GTK_WINDOW (elsewhere));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      GtkWidget *field = cobalt_log_elsewhere_dialog_get_field (elsewhere, shown[i]);

      for (GtkWidget *w = field; w != GTK_WIDGET (elsewhere); w = gtk_widget_get_parent (w))
        gtk_widget_set_visible (w, TRUE);
    }
  g_assert_cmpuint (carers_assert_no_mnemonic_clash (GTK_WIDGET (elsewhere)), >=, 12);
  gtk_window_destroy (GTK_WINDOW (elsewhere));
  wait_frames (2);
}

/* "My clinic told me to give this amount" is a check box that assistive
 * technology can tick (its click action), named without the mnemonic's
 * underscore. */
static void
test_editor_choice (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  CobaltDoseEditor *editor = cobalt_dose_editor_new (f->window, f->context, first->dose);
  GtkWidget *choice = cobalt_dose_editor_get_field (editor, "amount-reason");

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (COBALT_IS_CHOICE_BUTTON (choice));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "My clinic told me to give this amount");
  gtk_widget_set_visible (gtk_widget_get_parent (choice), TRUE);
  gtk_widget_set_visible (choice, TRUE);
  wait_frames (2);
  g_assert_true (gtk_widget_activate (choice));
  for (guint i = 0; i < 50 && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)); i++)
    wait_frames (1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (choice)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_frames (2);
}

/* The dose editor and "log a dose given elsewhere" fit a 360 pixel
 * window (labels above their fields), open no wider than the window they
 * belong to, and name every drop-down's button with its choice. */
static void
test_dialogs_narrow (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CobaltLogEntry) first = g_list_model_get_item (G_LIST_MODEL (cobalt_log_page_get_model (f->page)), 0);
  GtkWindow *dialogs[2];

  gtk_window_set_default_size (f->window, 360, 700);
  wait_frames (10);
  dialogs[0] = GTK_WINDOW (cobalt_dose_editor_new (f->window, f->context, first->dose));
  dialogs[1] = GTK_WINDOW (cobalt_log_elsewhere_dialog_new (f->window, f->context, f->person));
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWidget *site = i == 0 ? cobalt_test_find_id (GTK_WIDGET (dialogs[i]), "site_dropdown")
                               : cobalt_log_elsewhere_dialog_get_field (COBALT_LOG_ELSEWHERE_DIALOG (dialogs[i]), "site");
      int min, width, height;

      gtk_widget_measure (GTK_WIDGET (dialogs[i]), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 360);
      gtk_window_get_default_size (dialogs[i], &width, &height);
      g_assert_cmpint (width, <=, 360);
      gtk_window_present (dialogs[i]);
      wait_frames (5);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialogs[i])), <=, 360);
      g_assert_cmpuint (carers_assert_controls_inside (GTK_WIDGET (dialogs[i])), >, 8);

      /* The button inside the site's drop-down says what it chooses, and
       * follows the choice. */
      g_assert_true (GTK_IS_DROP_DOWN (site));
      for (guint choice = 0; choice < 2; choice++)
        {
          g_autofree char *expected = NULL;

          gtk_drop_down_set_selected (GTK_DROP_DOWN (site), choice);
          expected = g_strdup_printf ("Site: %s", gtk_string_object_get_string (
                                        gtk_drop_down_get_selected_item (GTK_DROP_DOWN (site))));
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (site)),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
        }
      g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (site))),
                       !=, "Not recorded");
      gtk_window_destroy (dialogs[i]);
    }
  wait_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

#define ADD(path, func) g_test_add ("/cobalt/log-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("shows-rows", test_shows_rows);
  ADD ("filter", test_filter);
  ADD ("delete-undo", test_delete_undo);
  ADD ("edit-validation", test_edit_validation);
  ADD ("edit-refuses-impossible", test_edit_refuses_impossible);
  ADD ("sort-by-title", test_sort_by_title);
  ADD ("reads-when-shown", test_reads_when_shown);
  ADD ("filter-bar-wraps", test_filter_bar_wraps);
  ADD ("rows-named", test_rows_named);
  ADD ("narrow", test_narrow);
  ADD ("large-text", test_large_text);
  ADD ("mnemonics", test_mnemonics);
  ADD ("editor-choice", test_editor_choice);
  ADD ("dialogs-narrow", test_dialogs_narrow);
#undef ADD

  return g_test_run ();
}
