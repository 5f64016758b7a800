/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-context.h"
#include "cobalt-journal-util.h"
#include "cobalt-journal-widgets.h"
#include "cobalt-journey-util.h"
#include "cobalt-core.h"
#include "cobalt-supplies-page.h"
#include "cobalt-supply-editor.h"
#include "cobalt-wrap-box.h"

/* The default sharps bin: small bins from pharmacies hold about 20 doses'
 * worth of needles, syringes and ampoules. Editable. */
#define DEFAULT_BIN_CAPACITY 20

struct _CobaltSuppliesPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkLabel         *days_label;
  GtkLabel         *days_detail_label;
  GtkLabel         *lead_label;
  GtkWidget        *warnings_list;
  GtkLabel         *batches_empty;
  GtkListBox       *batches_list;
  GtkLabel         *items_empty;
  GtkListBox       *items_list;
  GtkLabel         *bin_label;
  GtkLevelBar      *bin_level;
  GtkLabel         *bin_replaced_label;
  GtkSpinButton    *capacity_spin;
  GtkButton        *capacity_button;
  GtkButton        *replaced_button;
  GtkLabel         *bin_error;
  GtkLabel         *sharps_advice_label;

  CobaltContext    *context;
  GListModel       *items;       /* CobaltSupplyItem of the person */
  CobaltPrescription *prescription; /* the person's, or NULL */
  CobaltSharpsBin  *bin;         /* NULL when none is set up */
  guint             lead_days;
  gulong            changed_id;
};

G_DEFINE_FINAL_TYPE (CobaltSuppliesPage, cobalt_supplies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LOW_STOCK_LEAD_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (CobaltSuppliesPage *self);

static CobaltRepository *
repository_of (CobaltSuppliesPage *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltSuppliesPage *self)
{
  return cobalt_context_get_clock (self->context);
}

/* Product names are lower case in running text; a row starts with one. */
static char *
capitalise (const char *text)
{
  gunichar first;
  char buf[8];
  int len;

  if (text == NULL || *text == '\0')
    return g_strdup (text);

  first = g_unichar_totitle (g_utf8_get_char (text));
  len = g_unichar_to_utf8 (first, buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (text));
}

/* "Hydroxocobalamin 1 mg/mL, batch AB123", "Injecting needles: 23 G 25 mm". */
static char *
describe_item (CobaltSupplyItem *item)
{
  CobaltSupplyKind kind = item->kind;

  if (kind == COBALT_SUPPLY_AMPOULE)
    {
      g_autofree char *strength = cobalt_strength_format (item->strength_amount,
                                                          item->strength_unit);
      g_autofree char *product = capitalise (cobalt_product_to_string (item->product));

      /* An older version's free text, until the strength is entered as a number. */
      if (strength == NULL && item->strength_text != NULL)
        strength = g_strdup (item->strength_text);
      if (strength != NULL)
        /* Translators: product, strength, batch number */
        return g_strdup_printf (_("%s %s, batch %s"), product, strength, item->batch);
      /* Translators: product, batch number */
      return g_strdup_printf (_("%s, batch %s"), product, item->batch);
    }

  if (item->name != NULL)
    /* Translators: kind of supply and its size, e.g. "Injecting needles: 23 G 25 mm" */
    return g_strdup_printf (_("%s: %s"), cobalt_supply_kind_to_string (kind), item->name);
  return g_strdup (cobalt_supply_kind_to_string (kind));
}

static GtkWindow *
parent_window (CobaltSuppliesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static CobaltSupplyItem *
find_item (CobaltSuppliesPage *self,
           gint64              id)
{
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (self->items, i);

      if (item->id == id)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
on_edit_clicked_cb (GtkButton          *button,
                    CobaltSuppliesPage *self)
{
  gint64 id = cobalt_journal_row_button_get_id (GTK_WIDGET (button));
  g_autoptr(CobaltSupplyItem) item = find_item (self, id);
  CobaltSupplyEditor *editor;

  if (item == NULL)
    return;

  editor = cobalt_supply_editor_new (parent_window (self), self->context, item, item->kind);
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  CobaltSuppliesPage *self;
  gint64              id;
} DeleteData;

static void
on_delete_confirmed_cb (gboolean accepted,
                        gpointer user_data)
{
  DeleteData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (accepted && !cobalt_repository_delete_supply_item (repository_of (data->self), data->id, &error))
    {
      g_autofree char *message = cobalt_journey_describe_error (error);

      cobalt_journey_show_message (GTK_WIDGET (data->self), _("The item could not be deleted"), message);
    }

  g_object_unref (data->self);
  g_free (data);
}

static void
on_delete_clicked_cb (GtkButton          *button,
                      CobaltSuppliesPage *self)
{
  gint64 id = cobalt_journal_row_button_get_id (GTK_WIDGET (button));
  g_autoptr(CobaltSupplyItem) item = find_item (self, id);
  g_autofree char *what = NULL;
  g_autofree char *heading = NULL;
  DeleteData *data;

  if (item == NULL)
    return;

  what = describe_item (item);
  /* Translators: %s names a batch or a pack, e.g. "Hydroxocobalamin, batch AB123" */
  heading = g_strdup_printf (_("Delete “%s”?"), what);
  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->id = id;
  cobalt_journey_confirm (GTK_WIDGET (self), heading,
                          _("Doses already logged keep their batch number. Delete an item when it is used up or thrown away."),
                          _("_Delete"), on_delete_confirmed_cb, data);
}

/* "5 left · use by 30 June 2026", or with @separator ", " for a screen
 * reader, which reads the dots aloud. */
static char *
describe_stock (CobaltSupplyItem *item,
                const GDate      *day,
                const char       *separator)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int count = item->count;
  GDate *expiry = item->expiry;
  GDate *received = item->received_on;

  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%d left", "%d left", count), count);
  if (expiry != NULL)
    {
      g_autofree char *text = cobalt_journal_format_date (expiry);

      g_string_append (line, separator);
      if (cobalt_supply_item_is_expired (item, day))
        /* Translators: %s is a date */
        g_string_append_printf (line, _("EXPIRED on %s: do not use"), text);
      else
        /* Translators: %s is a date */
        g_string_append_printf (line, _("use by %s"), text);
    }
  if (received != NULL)
    {
      g_autofree char *text = cobalt_journal_format_date (received);

      g_string_append (line, separator);
      /* Translators: %s is a date */
      g_string_append_printf (line, _("received %s"), text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Why a batch does not count for the person's prescription, or NULL
 * when it does. */
static char *
describe_mismatch (CobaltSuppliesPage *self,
                   CobaltSupplyItem   *item)
{
  CobaltPrescription *prescription = self->prescription;
  g_autofree char *item_strength = NULL;
  g_autofree char *prescribed_strength = NULL;

  switch (cobalt_supplies_match (item, prescription))
    {
    case COBALT_SUPPLY_MATCH_OTHER_PRODUCT:
      /* Translators: two products, e.g. "hydroxocobalamin", "cyanocobalamin" */
      return g_strdup_printf (_("Not for this prescription: this is %s, the prescription is for %s. "
                                "It is not counted in your supplies."),
                              cobalt_product_to_string (item->product),
                              cobalt_product_to_string (prescription->product));

    case COBALT_SUPPLY_MATCH_OTHER_STRENGTH:
      item_strength = cobalt_strength_format (item->strength_amount,
                                              item->strength_unit);
      prescribed_strength = cobalt_prescription_describe_strength (prescription);
      /* Translators: two strengths, e.g. "5 mg/mL", "1 mg/mL" */
      return g_strdup_printf (_("Not for this prescription: this is %s, the prescription is for %s. "
                                "It is not counted in your supplies."),
                              item_strength, prescribed_strength);

    case COBALT_SUPPLY_MATCH_UNKNOWN_STRENGTH:
      if (!cobalt_strength_is_known (prescription->strength_amount,
                                     prescription->strength_unit))
        return g_strdup (_("The prescription’s strength is not recorded: enter it in Preferences. "
                           "Until then this batch is not counted in your supplies."));
      return g_strdup (_("The strength of this batch is not recorded: edit it to enter the strength "
                         "printed on the box. Until then it is not counted in your supplies."));

    case COBALT_SUPPLY_MATCH_YES:
    default:
      return NULL;
    }
}

static void
fill_items (CobaltSuppliesPage *self)
{
  guint n = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  guint n_batches = 0, n_others = 0;
  GDate day;

  cobalt_journal_today (clock_of (self), &day);
  cobalt_journal_clear_children (GTK_WIDGET (self->batches_list));
  cobalt_journal_clear_children (GTK_WIDGET (self->items_list));

  /* Ampoules first, then the other kinds in catalogue order. */
  for (guint k = 0; k < COBALT_N_SUPPLY_KINDS; k++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CobaltSupplyItem) item = g_list_model_get_item (self->items, i);
        GtkListBox *list = k == COBALT_SUPPLY_AMPOULE ? self->batches_list : self->items_list;
        g_autofree char *title = NULL;
        g_autofree char *stock = NULL;
        g_autofree char *spoken_stock = NULL;
        g_autofree char *mismatch = NULL;
        const char *advice = NULL;
        GtkBox *text;

        if (item->kind != k)
          continue;

        if (k == COBALT_SUPPLY_AMPOULE)
          n_batches++;
        else
          n_others++;

        text = cobalt_journal_add_row (list, NULL);
        title = describe_item (item);
        cobalt_journal_add_label (text, title, "heading");
        stock = describe_stock (item, &day, " · ");
        cobalt_journal_add_label (text, stock, cobalt_supply_item_is_expired (item, &day) ? "out-of-range" : NULL);
        if (k == COBALT_SUPPLY_AMPOULE)
          {
            mismatch = describe_mismatch (self, item);
            if (mismatch != NULL)
              cobalt_journal_add_label (text, mismatch, "out-of-range");
          }
        if (item->note != NULL)
          cobalt_journal_add_label (text, item->note, "dim-label");
        if (k == COBALT_SUPPLY_AMPOULE)
          {
            advice = cobalt_supplies_storage_advice (item->product);
            cobalt_journal_add_label (text, advice, "storage-advice");
          }
        /* The storage advice, the same on every batch, is its description. */
        spoken_stock = describe_stock (item, &day, ", ");
        {
          const char *parts[] = { title, spoken_stock, mismatch, item->note };

          cobalt_journal_name_row (text, advice, parts, G_N_ELEMENTS (parts));
        }
        cobalt_journal_add_row_buttons (text, title, item->id,
                                        G_CALLBACK (on_edit_clicked_cb), G_CALLBACK (on_delete_clicked_cb), self);
      }

  cobalt_journal_show_list (GTK_WIDGET (self->batches_list), self->batches_empty, n_batches,
                            _("No batches recorded. Add the boxes of ampoules or vials you have, "
                              "so Cobalt can show their expiry dates and how long they last."));
  cobalt_journal_show_list (GTK_WIDGET (self->items_list), self->items_empty, n_others,
                            _("Nothing recorded. Each logged dose uses one drawing-up needle, one injecting "
                              "needle, one syringe, one swab and one plaster of those you record here."));
}

static void
fill_bin (CobaltSuppliesPage *self)
{
  cobalt_journey_set_field_error (self->bin_error, NULL);
  gtk_label_set_text (self->sharps_advice_label, cobalt_supplies_sharps_advice ());

  if (self->bin == NULL)
    {
      gtk_label_set_text (self->bin_label, _("No sharps bin set up yet. Enter how many doses' worth it holds."));
      gtk_widget_set_visible (GTK_WIDGET (self->bin_level), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->replaced_button), FALSE);
      gtk_label_set_text (self->bin_replaced_label, "");
      gtk_spin_button_set_value (self->capacity_spin, DEFAULT_BIN_CAPACITY);
      gtk_button_set_label (self->capacity_button, _("Set _up the bin"));
    }
  else
    {
      guint capacity = self->bin->capacity;
      guint fill = self->bin->fill;
      double fraction = cobalt_sharps_bin_get_fraction (self->bin);
      GDate *replaced = self->bin->replaced_on;
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: sharps bin fill: doses so far, capacity, percentage */
                                           "%u of %u dose's worth — %.0f%% full",
                                           "%u of %u doses' worth — %.0f%% full", capacity),
                              fill, capacity, fraction * 100);
      if (cobalt_sharps_bin_is_nearly_full (self->bin))
        {
          g_autofree char *full = g_strdup_printf (_("%s. Replace it now: do not fill above the line."), text);

          gtk_label_set_text (self->bin_label, full);
          gtk_widget_add_css_class (GTK_WIDGET (self->bin_label), "out-of-range");
          gtk_widget_add_css_class (GTK_WIDGET (self->bin_level), "nearly-full");
        }
      else
        {
          gtk_label_set_text (self->bin_label, text);
          gtk_widget_remove_css_class (GTK_WIDGET (self->bin_label), "out-of-range");
          gtk_widget_remove_css_class (GTK_WIDGET (self->bin_level), "nearly-full");
        }
      gtk_level_bar_set_value (self->bin_level, CLAMP (fraction, 0, 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bin_level),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->bin_level), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->replaced_button), TRUE);
      gtk_spin_button_set_value (self->capacity_spin, capacity);
      gtk_button_set_label (self->capacity_button, _("Save _capacity"));

      if (replaced != NULL)
        {
          g_autofree char *day = cobalt_journal_format_date (replaced);
          g_autofree char *line = g_strdup_printf (_("In use since %s."), day);

          gtk_label_set_text (self->bin_replaced_label, line);
        }
      else
        gtk_label_set_text (self->bin_replaced_label, "");
    }

  cobalt_journey_fix_button_names (GTK_WIDGET (self->capacity_button));
}

static void
add_warning (CobaltSuppliesPage        *self,
             const CobaltSupplyWarning *warning)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gboolean expired = warning->kind == COBALT_SUPPLY_WARNING_EXPIRED;
  GtkWidget *icon = gtk_image_new_from_icon_name (expired ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (warning->message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Take the card's width rather than wrapping early. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (row, expired ? "supply-error" : "supply-warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  expired ? _("Problem") : _("Warning"), -1);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (self->warnings_list), row);
}

static void
fill_status (CobaltSuppliesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(CobaltSupplyStatus) status = NULL;
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  g_autofree char *lead = NULL;
  gint64 person_id = cobalt_context_get_person (self->context)->id;

  cobalt_journal_clear_children (self->warnings_list);

  prescription = cobalt_repository_get_prescription (repository_of (self), person_id, &error);
  /* fill_items() marks the batches that are not for it. */
  g_set_object (&self->prescription, prescription);
  /* Only the due dates come from the history here: a dose the clinic
   * skipped or moved shifts them (cobalt-schedule.c, rule 2). */
  if (error == NULL)
    doses = cobalt_repository_list_schedule_doses (repository_of (self), person_id, &error);
  if (error != NULL)
    {
      g_autofree char *message = cobalt_journey_describe_error (error);

      gtk_label_set_text (self->days_label, _("Supplies could not be read"));
      gtk_label_set_text (self->days_detail_label, message);
      return;
    }

  status = cobalt_supplies_compute (self->items, prescription, doses, self->bin, now,
                                    cobalt_clock_get_timezone (clock_of (self)), self->lead_days);

  if (status->days_left < 0)
    {
      gtk_label_set_text (self->days_label, _("Days of supply left: not known yet"));
      gtk_label_set_text (self->days_detail_label,
                          prescription == NULL
                          ? _("There is no prescription yet, so Cobalt cannot tell when doses are due.")
                          : _("Add your medicine and other supplies below to see how long they last."));
    }
  else if (status->days_left == 0)
    {
      gtk_label_set_text (self->days_label, _("Not enough supplies for the next dose"));
      gtk_label_set_text (self->days_detail_label,
                          _("Something needed for the next dose has run out or expired: see below, and reorder."));
    }
  else
    {
      g_autofree char *days = NULL;
      g_autofree char *detail = NULL;

      if (status->beyond_horizon)
        days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Enough supplies for at least %d day",
                                             "Enough supplies for at least %d days",
                                             status->days_left),
                                status->days_left);
      else
        days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Enough supplies for %d day",
                                             "Enough supplies for %d days",
                                             status->days_left),
                                status->days_left);

      if (g_date_valid (&status->runs_out_on))
        {
          g_autofree char *day = cobalt_journal_format_date (&status->runs_out_on);

          detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: doses covered, then the date of the first dose not covered */
                                                 "That covers %u dose; the dose due on %s is not covered yet.",
                                                 "That covers %u doses; the dose due on %s is not covered yet.",
                                                 status->doses_covered),
                                    status->doses_covered, day);
        }
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "That covers %u dose on the current schedule.",
                                               "That covers %u doses on the current schedule.",
                                               status->doses_covered),
                                  status->doses_covered);
      gtk_label_set_text (self->days_label, days);
      gtk_label_set_text (self->days_detail_label, detail);
    }

  lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Cobalt warns when %u day of supply or fewer is left (the reorder lead time in Preferences).",
                                       "Cobalt warns when %u days of supply or fewer are left (the reorder lead time in Preferences).",
                                       self->lead_days),
                          self->lead_days);
  gtk_label_set_text (self->lead_label, lead);

  for (guint i = 0; i < status->warnings->len; i++)
    add_warning (self, g_ptr_array_index (status->warnings, i));
  gtk_widget_set_visible (self->warnings_list, status->warnings->len > 0);
}

static void
refresh (CobaltSuppliesPage *self)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person;

  person = self->context != NULL ? cobalt_context_get_person (self->context) : NULL;
  if (person == NULL)
    return;

  g_clear_object (&self->items);
  g_clear_object (&self->bin);
  self->items = cobalt_repository_list_supply_items (repository_of (self), person->id, &error);
  if (self->items != NULL)
    self->bin = cobalt_repository_get_sharps_bin (repository_of (self), person->id, &error);
  if (error != NULL)
    {
      g_autofree char *message = cobalt_journey_describe_error (error);

      gtk_label_set_text (self->days_label, _("Supplies could not be read"));
      gtk_label_set_text (self->days_detail_label, message);
      return;
    }

  fill_status (self);
  fill_items (self);
  fill_bin (self);
}

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltSuppliesPage      *self)
{
  /* A logged dose uses up supplies; the prescription says which batches
   * count. */
  if (changes & (COBALT_REPOSITORY_CHANGED_SUPPLIES | COBALT_REPOSITORY_CHANGED_DOSES |
                 COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS | COBALT_REPOSITORY_CHANGED_PEOPLE))
    refresh (self);
}

static void
on_clock_changed_cb (CobaltClock        *clock,
                     CobaltSuppliesPage *self)
{
  refresh (self);
}

static void
on_person_changed_cb (CobaltSuppliesPage *self)
{
  refresh (self);
}

static void
on_add_batch_clicked_cb (CobaltSuppliesPage *self)
{
  cobalt_supplies_page_add_item (self, COBALT_SUPPLY_AMPOULE);
}

static void
on_add_item_clicked_cb (CobaltSuppliesPage *self)
{
  cobalt_supplies_page_add_item (self, COBALT_SUPPLY_INJECTING_NEEDLE);
}

static void
on_capacity_clicked_cb (CobaltSuppliesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltSharpsBin) bin = NULL;
  guint capacity = (guint) gtk_spin_button_get_value_as_int (self->capacity_spin);

  if (self->bin != NULL)
    {
      bin = g_object_ref (self->bin);
      bin->capacity = capacity;
    }
  else
    {
      GDate day;

      cobalt_journal_today (clock_of (self), &day);
      bin = cobalt_sharps_bin_new (cobalt_context_get_person (self->context)->id, capacity);
      cobalt_set_date (&bin->replaced_on, &day);
    }

  if (!cobalt_sharps_bin_validate (bin, &error) ||
      !cobalt_repository_save_sharps_bin (repository_of (self), bin, &error))
    {
      /* Back to what is stored first: refreshing clears the reason. */
      refresh (self);
      cobalt_journal_show_save_error (self->bin_error, error, COBALT_SUPPLY_ERROR);
    }
}

static void
on_replaced_clicked_cb (CobaltSuppliesPage *self)
{
  cobalt_supplies_page_replace_bin (self, NULL);
}

static void
cobalt_supplies_page_constructed (GObject *object)
{
  CobaltSuppliesPage *self = (CobaltSuppliesPage *)object;

  G_OBJECT_CLASS (cobalt_supplies_page_parent_class)->constructed (object);

  self->changed_id = g_signal_connect (repository_of (self), "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect_object (clock_of (self), "changed", G_CALLBACK (on_clock_changed_cb), self, 0);
  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cobalt_supplies_page_dispose (GObject *object)
{
  CobaltSuppliesPage *self = (CobaltSuppliesPage *)object;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, repository_of (self));
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_SUPPLIES_PAGE);
  /* The template's unnamed top-level children are left to us. */
  cobalt_journey_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cobalt_supplies_page_parent_class)->dispose (object);
}

static void
cobalt_supplies_page_finalize (GObject *object)
{
  CobaltSuppliesPage *self = (CobaltSuppliesPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->items);
  g_clear_object (&self->prescription);
  g_clear_object (&self->bin);

  G_OBJECT_CLASS (cobalt_supplies_page_parent_class)->finalize (object);
}

static void
cobalt_supplies_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CobaltSuppliesPage *self = COBALT_SUPPLIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LOW_STOCK_LEAD_DAYS:
      g_value_set_uint (value, self->lead_days);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supplies_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CobaltSuppliesPage *self = COBALT_SUPPLIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_LOW_STOCK_LEAD_DAYS:
      if (self->lead_days != g_value_get_uint (value))
        {
          self->lead_days = g_value_get_uint (value);
          refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_supplies_page_class_init (CobaltSuppliesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_supplies_page_constructed;
  object_class->dispose = cobalt_supplies_page_dispose;
  object_class->finalize = cobalt_supplies_page_finalize;
  object_class->get_property = cobalt_supplies_page_get_property;
  object_class->set_property = cobalt_supplies_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOW_STOCK_LEAD_DAYS] =
    g_param_spec_uint ("low-stock-lead-days", NULL, NULL, 0, 180, COBALT_STATUS_REORDER_LEAD_DAYS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Its rows of a heading and a button, and of the capacity's spin button
   * and button, fold onto two lines when a translation does not fit a
   * narrow window. */
  g_type_ensure (COBALT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/supplies/cobalt-supplies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, days_detail_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, lead_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, batches_empty);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, batches_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, items_empty);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, items_list);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, bin_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, bin_level);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, bin_replaced_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, capacity_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, replaced_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, bin_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltSuppliesPage, sharps_advice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_batch_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_item_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_capacity_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replaced_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "suppliespage");
}

static void
cobalt_supplies_page_init (CobaltSuppliesPage *self)
{
  cobalt_journal_ensure_style ();
  self->lead_days = COBALT_STATUS_REORDER_LEAD_DAYS;
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_journey_fix_button_names (GTK_WIDGET (self));

  /* The level bar's own offsets colour a fuller bar as better; here fuller
   * is worse, so journal.css colours it instead. */
  gtk_level_bar_remove_offset_value (self->bin_level, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bin_level, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->bin_level, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->bin_level), "sharps-level");
}

GtkWidget *
cobalt_supplies_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (cobalt_context_get_person (context) != NULL, NULL);

  return g_object_new (COBALT_TYPE_SUPPLIES_PAGE,
                       "context", context,
                       NULL);
}

void
cobalt_supplies_page_refresh (CobaltSuppliesPage *self)
{
  g_return_if_fail (COBALT_IS_SUPPLIES_PAGE (self));
  refresh (self);
}

GtkWidget *
cobalt_supplies_page_add_item (CobaltSuppliesPage *self,
                               CobaltSupplyKind    kind)
{
  CobaltSupplyEditor *editor;

  g_return_val_if_fail (COBALT_IS_SUPPLIES_PAGE (self), NULL);

  editor = cobalt_supply_editor_new (parent_window (self), self->context, NULL, kind);
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WIDGET (editor);
}

gboolean
cobalt_supplies_page_replace_bin (CobaltSuppliesPage  *self,
                                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CobaltSharpsBin) bin = NULL;
  GDate day;

  g_return_val_if_fail (COBALT_IS_SUPPLIES_PAGE (self), FALSE);

  if (self->bin == NULL)
    {
      g_set_error_literal (error, COBALT_SUPPLY_ERROR, COBALT_SUPPLY_ERROR_INVALID,
                           _("Set up the sharps bin first."));
      return FALSE;
    }

  cobalt_journal_today (clock_of (self), &day);
  bin = g_object_ref (self->bin);
  cobalt_sharps_bin_replace (bin, &day);
  if (!cobalt_repository_save_sharps_bin (repository_of (self), bin, &local_error))
    {
      refresh (self);
      cobalt_journal_show_save_error (self->bin_error, local_error, COBALT_SUPPLY_ERROR);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

const char *
cobalt_supplies_page_get_days_text (CobaltSuppliesPage *self)
{
  g_return_val_if_fail (COBALT_IS_SUPPLIES_PAGE (self), NULL);
  return gtk_label_get_text (self->days_label);
}
