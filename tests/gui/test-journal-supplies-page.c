/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Supplies page used as a person would: a batch added through the
 * form (with the storage advice shown beside it, starting from the
 * prescribed product and strength), the refusals (negative count, expiry
 * before it was received, no batch number, no strength) with nothing
 * stored, editing, a batch of another product or strength marked as not
 * for this prescription and not counted, and the sharps bin; each row
 * read aloud as one sentence, and the page and the batch editor at 360 px
 * and with twice the text size. */

#include <gtk/gtk.h>

#include "cobalt-context.h"
#include "cobalt-gui-test-utils.h"
#include "cobalt-supplies-page.h"
#include "cobalt-supply-editor.h"
#include "journal-gui-test-util.h"
#include "journal-test-util.h"

typedef struct
{
  JournalFixture  f;
  CobaltContext  *context;
  GtkWidget      *window;
  GtkWidget      *page;
} PageFixture;

static void
page_set_up (PageFixture   *pf,
             gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = journal_time (tz, 2025, 3, 10, 12, 0);
  g_autoptr(GDateTime) given = journal_time (tz, 2025, 3, 1, 9, 0);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltDose) dose = NULL;

  journal_fixture_set_up (&pf->f, now);
  prescription = journal_save_prescription (&pf->f, COBALT_INTERVAL_MONTHS, 1);
  dose = journal_add_dose (&pf->f, prescription, given);

  pf->context = cobalt_context_new (pf->f.repository, pf->f.clock, pf->f.person);
  pf->page = cobalt_supplies_page_new (pf->context);
  pf->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (pf->window), 900, 900);
  gtk_window_set_child (GTK_WINDOW (pf->window), pf->page);
  gtk_window_present (GTK_WINDOW (pf->window));
  cobalt_test_wait_idle ();
}

static void
page_tear_down (PageFixture   *pf,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (pf->window));
  cobalt_test_wait_idle ();
  g_clear_object (&pf->context);
  journal_fixture_tear_down (&pf->f);
}

static GListModel *
items (PageFixture *pf)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = cobalt_repository_list_supply_items (pf->f.repository,
                                                           pf->f.person->id, &error);

  g_assert_no_error (error);
  return model;
}

static guint
n_items (PageFixture *pf)
{
  g_autoptr(GListModel) model = items (pf);

  return g_list_model_get_n_items (model);
}

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cobalt_test_find_id (root, id)), text);
}

static const char *
shown_error (GtkWidget  *root,
             const char *id)
{
  GtkWidget *label = cobalt_test_find_id (root, id);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
on_destroy_cb (GtkWidget *widget,
               gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
test_add_batch (PageFixture   *pf,
                gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(CobaltSupplyItem) item = NULL;
  gboolean destroyed = FALSE;

  /* Nothing tracked yet: the page says what to do. */
  g_assert_cmpstr (cobalt_supplies_page_get_days_text (COBALT_SUPPLIES_PAGE (pf->page)), ==,
                   "Days of supply left: not known yet");

  editor = cobalt_supplies_page_add_item (COBALT_SUPPLIES_PAGE (pf->page), COBALT_SUPPLY_AMPOULE);
  g_signal_connect (editor, "destroy", G_CALLBACK (on_destroy_cb), &destroyed);
  cobalt_test_wait_idle ();

  /* Received on defaults to today; the storage advice is shown. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_test_find_id (editor, "received_entry"))), ==,
                   "2025-03-10");
  g_assert_nonnull (cobalt_test_find_label (editor, "room temperature"));

  /* Its drop-downs are read with their choice. */
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (editor, "product_dropdown")),
                       "Medicine: hydroxocobalamin");
  journal_assert_name (journal_drop_down_button (cobalt_test_find_id (editor, "strength_unit_dropdown")),
                       "Strength unit: mg");

  /* The prescribed product and strength are already filled in. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (cobalt_test_find_id (editor, "strength_spin"))), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_test_find_id (editor, "strength_unit_dropdown"))), ==, 0);
  set_text (editor, "batch_entry", "HX5120B");
  set_text (editor, "count_entry", "5");
  set_text (editor, "expiry_entry", "2026-06-30");
  cobalt_test_click (cobalt_test_find_id (editor, "save_button"));
  g_assert_true (destroyed);

  model = items (pf);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpint (item->kind, ==, COBALT_SUPPLY_AMPOULE);
  g_assert_cmpint (item->product, ==, COBALT_PRODUCT_HYDROXOCOBALAMIN);
  g_assert_cmpstr (item->batch, ==, "HX5120B");
  g_assert_cmpfloat (item->strength_amount, ==, 1);
  g_assert_cmpint (item->strength_unit, ==, COBALT_DOSE_UNIT_MG);
  g_assert_cmpint (item->count, ==, 5);
  g_assert_cmpint (g_date_get_year (item->expiry), ==, 2026);
  g_assert_cmpint (g_date_get_day (item->received_on), ==, 10);

  /* Listed with its expiry and the storage advice for the product. */
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Hydroxocobalamin 1 mg/mL, batch HX5120B"));
  g_assert_null (cobalt_test_find_label (pf->page, "Not for this prescription"));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "5 left · use by 30 June 2026"));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Keep hydroxocobalamin at room temperature"));
  /* Read as a sentence, without the dots; the advice every batch of the
   * product shows is its description. */
  journal_assert_name (journal_row_showing (pf->page, "batch HX5120B"),
                       "Hydroxocobalamin 1 mg/mL, batch HX5120B. 5 left, use by 30 June 2026, received 10 March 2025");
  journal_assert_accessible (journal_row_showing (pf->page, "batch HX5120B"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                             cobalt_supplies_storage_advice (COBALT_PRODUCT_HYDROXOCOBALAMIN));

  /* Monthly from 1 March: 1 April … 1 August are covered, 1 September is not. */
  g_assert_cmpstr (cobalt_supplies_page_get_days_text (COBALT_SUPPLIES_PAGE (pf->page)), ==,
                   "Enough supplies for 175 days");
}

static void
test_refusals (PageFixture   *pf,
               gconstpointer  data)
{
  GtkWidget *editor = cobalt_supplies_page_add_item (COBALT_SUPPLIES_PAGE (pf->page), COBALT_SUPPLY_AMPOULE);
  g_autoptr(GError) error = NULL;

  cobalt_test_wait_idle ();

  /* A negative count, an expiry before the day it came, no batch number:
   * each refused beside its field, all at once, nothing stored. */
  set_text (editor, "count_entry", "-3");
  set_text (editor, "received_entry", "2025-03-01");
  set_text (editor, "expiry_entry", "2025-02-01");
  set_text (editor, "batch_entry", "  ");
  g_assert_false (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), &error));
  g_assert_error (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (shown_error (editor, "count_error"), ==, "The number left cannot be negative.");
  g_assert_nonnull (strstr (shown_error (editor, "expiry_error"), "expiry date is before the day it was received"));
  g_assert_nonnull (strstr (shown_error (editor, "batch_error"), "batch (lot) number"));
  g_assert_cmpuint (n_items (pf), ==, 0);

  /* Clicking Save keeps the window open while something is wrong. */
  cobalt_test_click (cobalt_test_find_id (editor, "save_button"));
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpuint (n_items (pf), ==, 0);

  /* Not a whole number, and a date that does not exist. */
  set_text (editor, "count_entry", "2.5");
  set_text (editor, "expiry_entry", "2026-02-30");
  set_text (editor, "batch_entry", "HX1");
  g_assert_false (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), NULL));
  g_assert_nonnull (shown_error (editor, "count_error"));
  g_assert_nonnull (shown_error (editor, "expiry_error"));
  g_assert_null (shown_error (editor, "batch_error"));
  g_assert_cmpuint (n_items (pf), ==, 0);

  /* Put right: stored once. */
  set_text (editor, "count_entry", "3");
  set_text (editor, "expiry_entry", "2026-02-28");
  g_assert_true (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), NULL));
  g_assert_null (shown_error (editor, "count_error"));
  g_assert_cmpuint (n_items (pf), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_edit_keeps_identity (PageFixture   *pf,
                          gconstpointer  data)
{
  GtkWidget *editor = cobalt_supplies_page_add_item (COBALT_SUPPLIES_PAGE (pf->page), COBALT_SUPPLY_SWAB);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(CobaltSupplyItem) item = NULL;
  g_autoptr(CobaltSupplyItem) edited = NULL;

  set_text (editor, "count_entry", "40");
  g_assert_true (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), NULL));
  gtk_window_destroy (GTK_WINDOW (editor));

  before = items (pf);
  item = g_list_model_get_item (before, 0);
  g_assert_cmpint (item->kind, ==, COBALT_SUPPLY_SWAB);

  editor = GTK_WIDGET (cobalt_supply_editor_new (NULL, pf->context, item, COBALT_SUPPLY_SWAB));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cobalt_test_find_id (editor, "count_entry"))), ==, "40");
  set_text (editor, "count_entry", "35");
  g_assert_true (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), NULL));
  gtk_window_destroy (GTK_WINDOW (editor));

  after = items (pf);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  edited = g_list_model_get_item (after, 0);
  g_assert_cmpint (edited->id, ==, item->id);
  g_assert_cmpint (edited->count, ==, 35);
  g_assert_cmpint (item->count, ==, 40);  /* the editor worked on a copy */
}

static CobaltSupplyItem *
save_batch (PageFixture   *pf,
            CobaltProduct  product,
            double         strength,
            CobaltDoseUnit unit,
            const char    *batch,
            int            count)
{
  g_autoptr(GError) error = NULL;
  CobaltSupplyItem *item = cobalt_supply_item_new (pf->f.person->id, COBALT_SUPPLY_AMPOULE, count);
  g_autoptr(GDate) expiry = g_date_new_dmy (31, G_DATE_DECEMBER, 2027);

  item->product = product;
  item->strength_amount = strength;
  item->strength_unit = unit;
  cobalt_set_str (&item->batch, batch);
  cobalt_set_date (&item->expiry, expiry);
  g_assert_true (cobalt_repository_save_supply_item (pf->f.repository, item, &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();

  return item;
}

/* Issue 10: a cyanocobalamin box does not count for a hydroxocobalamin
 * prescription, nor a 5 mg/mL box for a 1 mg/mL one; the page says so on
 * the batch. 1000 mcg/mL is 1 mg/mL and counts. */
static void
test_other_product_not_counted (PageFixture   *pf,
                                gconstpointer  data)
{
  g_autoptr(CobaltSupplyItem) cyano = NULL;
  g_autoptr(CobaltSupplyItem) stronger = NULL;
  g_autoptr(CobaltSupplyItem) same = NULL;

  /* Ten cyanocobalamin ampoules: the next dose, 1 April, is not covered,
   * and with a 30-day lead time that is a low-stock warning. */
  g_object_set (pf->page, "low-stock-lead-days", 30, NULL);
  cyano = save_batch (pf, COBALT_PRODUCT_CYANOCOBALAMIN, 1000, COBALT_DOSE_UNIT_MCG, "CY2231A", 10);
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Cyanocobalamin 1000 mcg/mL, batch CY2231A"));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Not for this prescription: this is cyanocobalamin, "
                                                      "the prescription is for hydroxocobalamin. "
                                                      "It is not counted in your supplies."));
  g_assert_cmpstr (cobalt_supplies_page_get_days_text (COBALT_SUPPLIES_PAGE (pf->page)), ==,
                   "Enough supplies for 22 days");
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Ampoules last 22 more days"));
  /* A screen reader hears why, too. */
  journal_assert_name (journal_row_showing (pf->page, "batch CY2231A"),
                       "Cyanocobalamin 1000 mcg/mL, batch CY2231A. 10 left, use by 31 December 2027. "
                       "Not for this prescription: this is cyanocobalamin, the prescription is for "
                       "hydroxocobalamin. It is not counted in your supplies.");

  stronger = save_batch (pf, COBALT_PRODUCT_HYDROXOCOBALAMIN, 5, COBALT_DOSE_UNIT_MG, "HX5", 10);
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Not for this prescription: this is 5 mg/mL, "
                                                      "the prescription is for 1 mg/mL."));
  g_assert_cmpstr (cobalt_supplies_page_get_days_text (COBALT_SUPPLIES_PAGE (pf->page)), ==,
                   "Enough supplies for 22 days");

  /* Two of the prescribed strength, written in mcg: 1 April and 1 May
   * are covered, 1 June is not. */
  same = save_batch (pf, COBALT_PRODUCT_HYDROXOCOBALAMIN, 1000, COBALT_DOSE_UNIT_MCG, "HX1000", 2);
  g_assert_cmpstr (cobalt_supplies_page_get_days_text (COBALT_SUPPLIES_PAGE (pf->page)), ==,
                   "Enough supplies for 83 days");
  g_assert_nonnull (cobalt_test_find_label (pf->page, "Hydroxocobalamin 1000 mcg/mL, batch HX1000"));
}

/* A new batch starts as the prescribed product and strength, whatever
 * they are; a batch from an older version whose strength was text is
 * asked for its strength. */
static void
test_batch_form_starts_from_prescription (PageFixture   *pf,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltSupplyItem) legacy = NULL;
  GtkWidget *editor;

  prescription = cobalt_repository_get_prescription (pf->f.repository, pf->f.person->id, &error);
  g_assert_no_error (error);
  prescription->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  prescription->unit = COBALT_DOSE_UNIT_MCG;
  prescription->amount = 1000;
  prescription->strength_amount = 1000;
  prescription->strength_unit = COBALT_DOSE_UNIT_MCG;
  g_assert_true (cobalt_repository_save_prescription (pf->f.repository, prescription, &error));
  g_assert_no_error (error);

  editor = cobalt_supplies_page_add_item (COBALT_SUPPLIES_PAGE (pf->page), COBALT_SUPPLY_AMPOULE);
  cobalt_test_wait_idle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_test_find_id (editor, "product_dropdown"))), ==,
                    COBALT_PRODUCT_CYANOCOBALAMIN);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (cobalt_test_find_id (editor, "strength_spin"))), ==, 1000);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (cobalt_test_find_id (editor, "strength_unit_dropdown"))), ==, 1);
  g_assert_null (shown_error (editor, "strength_error"));

  /* No strength: refused beside the field, nothing stored. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cobalt_test_find_id (editor, "strength_spin")), 0);
  set_text (editor, "batch_entry", "CY1");
  set_text (editor, "count_entry", "4");
  g_assert_false (cobalt_supply_editor_save (COBALT_SUPPLY_EDITOR (editor), NULL));
  g_assert_nonnull (strstr (shown_error (editor, "strength_error"), "strength printed on the box"));
  g_assert_cmpuint (n_items (pf), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* An older batch whose strength never was a number. */
  legacy = cobalt_supply_item_new (pf->f.person->id, COBALT_SUPPLY_AMPOULE, 3);
  legacy->product = COBALT_PRODUCT_CYANOCOBALAMIN;
  cobalt_set_str (&legacy->batch, "OLD");
  legacy->strength_amount = 0;
  cobalt_set_str (&legacy->strength_text, "1 amp");
  editor = GTK_WIDGET (cobalt_supply_editor_new (NULL, pf->context, legacy, COBALT_SUPPLY_AMPOULE));
  g_assert_nonnull (strstr (shown_error (editor, "strength_error"), "“1 amp” could not be read as a number"));
  g_assert_true (gtk_widget_has_css_class (cobalt_test_find_id (editor, "strength_spin"), "error"));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_sharps_bin (PageFixture   *pf,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltSharpsBin) bin = NULL;
  g_autoptr(CobaltSharpsBin) replaced = NULL;
  GtkWidget *capacity;

  /* No bin yet: "Replaced today" has nothing to replace. */
  g_assert_false (cobalt_supplies_page_replace_bin (COBALT_SUPPLIES_PAGE (pf->page), NULL));
  g_assert_nonnull (cobalt_test_find_label (pf->page, "No sharps bin set up yet"));

  capacity = cobalt_test_find_id (pf->page, "capacity_spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (capacity), 8);
  cobalt_test_click (cobalt_test_find_id (pf->page, "capacity_button"));
  bin = cobalt_repository_get_sharps_bin (pf->f.repository, pf->f.person->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bin);
  g_assert_cmpuint (bin->capacity, ==, 8);

  /* Six doses' worth of eight is past three-quarters: the page says to
   * replace it, in words, and so does the warning list. */
  bin->fill = 6;
  g_assert_true (cobalt_repository_save_sharps_bin (pf->f.repository, bin, &error));
  g_assert_no_error (error);
  cobalt_test_wait_idle ();
  g_assert_nonnull (cobalt_test_find_label (pf->page, "6 of 8 doses' worth — 75% full. Replace it now"));

  cobalt_test_click (cobalt_test_find_id (pf->page, "replaced_button"));
  replaced = cobalt_repository_get_sharps_bin (pf->f.repository, pf->f.person->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replaced->fill, ==, 0);
  g_assert_cmpuint (replaced->capacity, ==, 8);
  g_assert_cmpint (g_date_get_day (replaced->replaced_on), ==, 10);
  g_assert_nonnull (cobalt_test_find_label (pf->page, "In use since 10 March 2025."));
}

/* The page and the batch editor fit a 360 px window, and 1280 × 800 with
 * twice the text size: nothing showing is cut off at the side, and the
 * editor never opens wider than the window it belongs to. */
static void
test_narrow_and_large (PageFixture   *pf,
                       gconstpointer  data)
{
  g_autoptr(CobaltSupplyItem) batch = NULL;
  int xft_dpi;

  batch = save_batch (pf, COBALT_PRODUCT_HYDROXOCOBALAMIN, 1, COBALT_DOSE_UNIT_MG, "HX5120B-2025-LONG-BATCH", 4);
  journal_add_stock (&pf->f, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cobalt_test_find_id (pf->page, "capacity_spin")), 12);
  cobalt_test_click (cobalt_test_find_id (pf->page, "capacity_button"));

  for (guint scale = 1; scale <= 2; scale++)
    {
      int width = scale == 1 ? 360 : 1280;
      GtkWidget *editor;
      int default_width = 0, default_height = 0;

      xft_dpi = journal_scale_text (scale);
      gtk_window_set_default_size (GTK_WINDOW (pf->window), width, 800);
      cobalt_test_wait_idle ();
      g_assert_cmpint (journal_min_width (pf->page), <=, scale == 1 ? 360 : 800);
      g_assert_cmpint (gtk_widget_get_width (pf->window), ==, width);
      journal_assert_within (pf->page, pf->page);

      editor = GTK_WIDGET (cobalt_supply_editor_new (GTK_WINDOW (pf->window), pf->context, batch,
                                                     COBALT_SUPPLY_AMPOULE));
      gtk_window_get_default_size (GTK_WINDOW (editor), &default_width, &default_height);
      g_assert_cmpint (default_width, >, 0);
      g_assert_cmpint (default_width, <=, width);
      gtk_window_present (GTK_WINDOW (editor));
      cobalt_test_wait_idle ();
      g_assert_cmpint (gtk_widget_get_width (editor), <=, width);
      g_assert_cmpint (journal_min_width (editor), <=, width);
      journal_assert_within (editor, editor);
      gtk_window_destroy (GTK_WINDOW (editor));
      journal_restore_text (xft_dpi);
    }
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add ("/cobalt/supplies-page/add-batch", PageFixture, NULL, page_set_up, test_add_batch, page_tear_down);
  g_test_add ("/cobalt/supplies-page/refusals", PageFixture, NULL, page_set_up, test_refusals, page_tear_down);
  g_test_add ("/cobalt/supplies-page/edit", PageFixture, NULL, page_set_up, test_edit_keeps_identity, page_tear_down);
  g_test_add ("/cobalt/supplies-page/sharps-bin", PageFixture, NULL, page_set_up, test_sharps_bin, page_tear_down);
  g_test_add ("/cobalt/supplies-page/other-product-not-counted", PageFixture, NULL, page_set_up,
              test_other_product_not_counted, page_tear_down);
  g_test_add ("/cobalt/supplies-page/narrow-and-large", PageFixture, NULL, page_set_up, test_narrow_and_large,
              page_tear_down);
  g_test_add ("/cobalt/supplies-page/batch-form-starts-from-prescription", PageFixture, NULL, page_set_up,
              test_batch_form_starts_from_prescription, page_tear_down);

  return g_test_run ();
}
