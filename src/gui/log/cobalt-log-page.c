/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-log-page.h"
#include "cobalt-core.h"
#include "cobalt-carers-export.h"
#include "cobalt-carers-util.h"
#include "cobalt-context.h"
#include "cobalt-dose-editor.h"
#include "cobalt-log-filter-layout.h"
#include "cobalt-log-header.h"
#include "cobalt-log-row.h"
#include "cobalt-report.h"

/* Seconds the Undo bar stays after a deletion. */
#define UNDO_SECONDS 10

/* The texts of one row, made once per entry (the model keeps a few pages
 * of entries) rather than at every bind: GTK 4.8's list view keeps about
 * 200 rows realized and binds them all again on a filter or a scroll. */
typedef struct
{
  char     *text[COBALT_LOG_N_COLUMNS];
  char     *label;         /* the row read aloud, one sentence */
  char     *description;   /* and the rest of it, or NULL */
  gboolean  aborted;
  gboolean  urgent;
} RowTexts;

struct _CobaltLogPage
{
  GtkWidget            parent_instance;

  CobaltContext       *context;
  CobaltDoseListModel *model;
  GtkSingleSelection  *selection;
  GTimeZone           *local;

  gint64               deleted_id;
  guint                undo_timeout_id;
  gboolean             loaded;        /* the log was read: the page has been shown */
  CobaltLogColumns    *columns;

  GtkWidget           *filter_bar;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *from_button;
  GtkMenuButton       *to_button;
  GtkCalendar         *from_calendar;
  GtkCalendar         *to_calendar;
  GtkDropDown         *site_dropdown;
  GtkDropDown         *given_by_dropdown;
  GtkToggleButton     *reactions_toggle;
  GtkToggleButton     *aborted_toggle;
  GtkBox              *table_box;
  CobaltLogHeader     *header;
  GtkListView         *list_view;
  GtkRevealer         *undo_revealer;
  GtkWidget           *undo_bar;
  GtkLabel            *undo_label;
  GtkWidget           *actions_bar;
  GtkMenuButton       *export_button;
  GtkLabel            *count_label;
};

G_DEFINE_FINAL_TYPE (CobaltLogPage, cobalt_log_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers ------------------------------------------------------- */

/* The log shown is the context's person's (NULL: nobody's). */
static CobaltPerson *
person_of (CobaltLogPage *self)
{
  return self->context != NULL ? cobalt_context_get_person (self->context) : NULL;
}

static gint64
person_id_of (CobaltLogPage *self)
{
  CobaltPerson *person = person_of (self);

  return person != NULL ? person->id : 0;
}

static CobaltLogEntry *
get_selected_entry (CobaltLogPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Before a filter, sort or person change replaces the rows: see the note
 * where the selection is made. */
static void
unselect (CobaltLogPage *self)
{
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
update_actions (CobaltLogPage *self)
{
  CobaltLogEntry *entry = self->selection ? get_selected_entry (self) : NULL;
  gboolean is_dose = entry != NULL && cobalt_log_entry_is_dose (entry);
  gboolean has_person = person_of (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.edit", is_dose);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.delete", is_dose);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.undo", self->deleted_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.print", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export-csv", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export-pdf", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export-ics", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export-fhir", has_person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.import-csv", has_person);
}

static void
update_count (CobaltLogPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
row_texts_free (gpointer data)
{
  RowTexts *texts = data;

  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    g_free (texts->text[i]);
  g_free (texts->label);
  g_free (texts->description);
  g_free (texts);
}

static char *
cell_text (CobaltLogPage  *self,
           CobaltLogEntry *entry,
           CobaltLogColumn column)
{
  CobaltDose *dose = entry->dose;
  const char *text = NULL;

  if (column == COBALT_LOG_COLUMN_WHEN)
    return cobalt_carers_format_when (entry->when, self->local);

  if (dose == NULL)
    {
      /* A checklist stopped before anything was given. */
      switch (column)
        {
        case COBALT_LOG_COLUMN_DOSE:
          return g_strdup (_("Nothing given"));
        case COBALT_LOG_COLUMN_CHECKLIST:
          return g_strdup (cobalt_log_entry_describe_checklist (entry));
        case COBALT_LOG_COLUMN_NOTES:
          return g_strdup (cobalt_log_entry_describe_abort_reason (entry));
        default:
          return NULL;
        }
    }

  if (!cobalt_dose_is_given (dose))
    {
      /* The clinic's advice not to give it: no site, batch or giver. */
      switch (column)
        {
        case COBALT_LOG_COLUMN_DOSE:
          return cobalt_dose_describe_not_given (dose);
        case COBALT_LOG_COLUMN_NOTES:
          text = dose->notes;
          return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
        default:
          return NULL;
        }
    }

  switch (column)
    {
    case COBALT_LOG_COLUMN_SITE:
      return g_strdup (cobalt_carers_site_name (dose->site_id));
    case COBALT_LOG_COLUMN_DOSE:
      return cobalt_carers_format_dose (dose);
    case COBALT_LOG_COLUMN_BATCH:
      text = dose->batch;
      break;
    case COBALT_LOG_COLUMN_GIVEN_BY:
      return cobalt_carers_format_given_by (dose);
    case COBALT_LOG_COLUMN_CHECKLIST:
      text = cobalt_log_entry_describe_checklist (entry);
      break;
    case COBALT_LOG_COLUMN_REACTIONS:
      text = entry->reactions_text;
      break;
    case COBALT_LOG_COLUMN_NOTES:
      {
        /* Given early or as a second dose that day on the clinic's
         * advice: said first, in words, with who said so. */
        g_autofree char *timing = cobalt_dose_timing_describe_exceptions (dose->exceptions);
        g_autofree char *differs = cobalt_dose_rules_describe_exceptions (dose->exceptions);
        const char *who = dose->exception_note;
        g_autoptr(GString) notes = g_string_new (NULL);

        text = dose->notes;
        if (timing == NULL && differs == NULL)
          break;
        /* Another amount or medicine, an expired batch: said the same way. */
        g_string_append (notes, timing != NULL ? timing : "");
        if (differs != NULL)
          g_string_append_printf (notes, "%s%s", timing != NULL ? "; " : "", differs);
        if (who != NULL && *who != '\0')
          /* Translators: after "Early: given on the clinic's advice", who said so */
          g_string_append_printf (notes, _(" (%s)"), who);
        if (text != NULL && *text != '\0')
          g_string_append_printf (notes, "; %s", text);
        return g_string_free (g_steal_pointer (&notes), FALSE);
      }
    case COBALT_LOG_COLUMN_WHEN:
    case COBALT_LOG_N_COLUMNS:
    default:
      break;
    }
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The row as a screen reader reads it, from the texts it shows: one
 * sentence for what happened ("Given 1 mg hydroxocobalamin on Mon 3 Nov
 * 2025, 09:00, site: Left outer thigh, by Carer (Ann).") and the other
 * cells, each after its column's title, as the description. */
static void
describe_row (CobaltLogEntry *entry,
              RowTexts       *texts)
{
  char **text = texts->text;
  const char *when = text[COBALT_LOG_COLUMN_WHEN];
  g_autoptr(GString) description = g_string_new (NULL);
  const struct { CobaltLogColumn column; const char *title; } rest[] = {
    { COBALT_LOG_COLUMN_BATCH, N_("Batch") },
    { COBALT_LOG_COLUMN_CHECKLIST, N_("Checklist") },
    { COBALT_LOG_COLUMN_REACTIONS, N_("Reactions") },
    { COBALT_LOG_COLUMN_NOTES, N_("Notes") },
  };

  if (entry->dose == NULL)
    {
      /* Translators: the date and time, then why the checklist stopped
       * (the words of the calendar's day list, which puts a time first) */
      texts->label = g_strdup_printf (_("%s: checklist stopped, nothing given (%s)"), when,
                                      cobalt_log_entry_describe_abort_reason (entry));
      return;
    }
  if (!cobalt_dose_is_given (entry->dose))
    {
      /* Translators: when, then what the clinic advised,
       * "Mon 3 Nov 2025, 15:00: Not given — skipped on the advice of Dr Rao" */
      texts->label = g_strdup_printf (_("%s: %s"), when, text[COBALT_LOG_COLUMN_DOSE]);
      if (text[COBALT_LOG_COLUMN_NOTES] != NULL)
        texts->description = g_strdup_printf (_("%s: %s."), _("Notes"), text[COBALT_LOG_COLUMN_NOTES]);
      return;
    }

  if (entry->dose->site_id != NULL)
    /* Translators: a Log row read aloud: the dose, when, the site, who
     * gave it: "Given 1 mg hydroxocobalamin on Mon 3 Nov 2025, 09:00,
     * site: Left outer thigh, by Carer (Ann)." */
    texts->label = g_strdup_printf (_("Given %s on %s, site: %s, by %s."), text[COBALT_LOG_COLUMN_DOSE], when,
                                    text[COBALT_LOG_COLUMN_SITE], text[COBALT_LOG_COLUMN_GIVEN_BY]);
  else
    /* Translators: as "Given %s on %s, site: %s, by %s." without a site */
    texts->label = g_strdup_printf (_("Given %s on %s, by %s."), text[COBALT_LOG_COLUMN_DOSE], when,
                                    text[COBALT_LOG_COLUMN_GIVEN_BY]);
  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    if (text[rest[i].column] != NULL)
      {
        if (description->len > 0)
          g_string_append_c (description, ' ');
        /* Translators: a column's title and the row's text in it, "Batch: B12." */
        g_string_append_printf (description, _("%s: %s."), _(rest[i].title), text[rest[i].column]);
      }
  if (description->len > 0)
    texts->description = g_string_free (g_steal_pointer (&description), FALSE);
}

static RowTexts *
get_row_texts (CobaltLogPage  *self,
               CobaltLogEntry *entry)
{
  static GQuark quark;
  RowTexts *texts;

  if G_UNLIKELY (quark == 0)
    quark = g_quark_from_static_string ("cobalt-log-page-row-texts");

  texts = g_object_get_qdata (G_OBJECT (entry), quark);
  if (texts != NULL)
    return texts;

  texts = g_new0 (RowTexts, 1);
  for (CobaltLogColumn c = 0; c < COBALT_LOG_N_COLUMNS; c++)
    texts->text[c] = cell_text (self, entry, c);
  /* A stopped run and a dose not given look alike: nothing went in. */
  texts->aborted = !cobalt_log_entry_is_dose (entry) ||
                   !cobalt_dose_is_given (entry->dose);
  texts->urgent = entry->worst_reaction >= COBALT_TRIAGE_URGENT_ADVICE;
  describe_row (entry, texts);
  g_object_set_qdata_full (G_OBJECT (entry), quark, texts, row_texts_free);
  return texts;
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CobaltLogPage            *self)
{
  gtk_list_item_set_child (item, cobalt_log_row_new (self->columns));
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CobaltLogPage            *self)
{
  RowTexts *texts = get_row_texts (self, gtk_list_item_get_item (item));
  GtkWidget *row = gtk_list_item_get_child (item);

  cobalt_log_row_set_texts (COBALT_LOG_ROW (row),
                            (const char * const *) texts->text, texts->aborted, texts->urgent);
  /* The list item that holds the row is what a screen reader moves
   * through: it is named as the row is. */
  cobalt_log_row_set_accessible_text (COBALT_LOG_ROW (row), gtk_widget_get_parent (row),
                                      texts->label, texts->description);
}

static void
on_header_sorting_cb (CobaltLogHeader *header,
                      GParamSpec      *pspec,
                      CobaltLogPage   *self)
{
  unselect (self);
  cobalt_dose_list_model_set_sorting (self->model, cobalt_log_header_get_sort (header),
                                      cobalt_log_header_get_descending (header));
}

/* Reads the log the first time the page is shown, not when the window
 * builds it: a long log then costs nothing at start-up. */
static void
load (CobaltLogPage *self)
{
  if (self->loaded || self->model == NULL)
    return;
  self->loaded = TRUE;
  cobalt_dose_list_model_set_person_id (self->model, person_id_of (self));
  update_count (self);
}

static void
setup_filters (CobaltLogPage *self)
{
  g_autoptr(GtkStringList) sites = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) givers = gtk_string_list_new (NULL);

  gtk_string_list_append (sites, _("Any site"));
  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    gtk_string_list_append (sites, cobalt_site_info_get_name (cobalt_site_catalogue_get_nth (i)));
  gtk_drop_down_set_model (self->site_dropdown, G_LIST_MODEL (sites));

  gtk_string_list_append (givers, _("Anyone"));
  for (int g = COBALT_GIVEN_BY_SELF; g <= COBALT_GIVEN_BY_CLINIC; g++)
    gtk_string_list_append (givers, cobalt_given_by_to_string (g));
  gtk_drop_down_set_model (self->given_by_dropdown, G_LIST_MODEL (givers));
}

static GDateTime *
calendar_day_start (GtkCalendar *calendar,
                    GTimeZone   *tz,
                    int          add_days)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_time_get_year (picked),
                                                g_date_time_get_month (picked),
                                                g_date_time_get_day_of_month (picked), 0, 0, 0);

  return g_date_time_add_days (start, add_days);
}

static void
set_button_day (GtkMenuButton *button,
                gboolean       is_from,
                GDateTime     *day)
{
  g_autofree char *date = day ? g_date_time_format (day, "%e %b %Y") : NULL;
  g_autofree char *label = NULL;

  if (date != NULL)
    g_strstrip (date);
  if (is_from)
    label = g_strdup_printf (_("From: %s"), date ? date : _("any day"));
  else
    label = g_strdup_printf (_("To: %s"), date ? date : _("any day"));
  gtk_menu_button_set_label (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
hide_undo (CobaltLogPage *self)
{
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  self->deleted_id = 0;
  update_actions (self);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  CobaltLogPage *self = user_data;

  self->undo_timeout_id = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks ------------------------------------------------------------ */

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      CobaltLogPage  *self)
{
  if (self->model == NULL)
    return;
  unselect (self);

  cobalt_dose_list_model_set_search_text (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_from_day_selected_cb (GtkCalendar   *calendar,
                         CobaltLogPage *self)
{
  g_autoptr(GDateTime) from = NULL;

  if (self->model == NULL)
    return;
  unselect (self);
  from = calendar_day_start (calendar, self->local, 0);
  cobalt_dose_list_model_set_from (self->model, from);
  set_button_day (self->from_button, TRUE, from);
}

static void
on_from_clear_cb (GtkButton     *button,
                  CobaltLogPage *self)
{
  if (self->model == NULL)
    return;
  unselect (self);

  cobalt_dose_list_model_set_from (self->model, NULL);
  set_button_day (self->from_button, TRUE, NULL);
  gtk_menu_button_popdown (self->from_button);
}

static void
on_to_day_selected_cb (GtkCalendar   *calendar,
                       CobaltLogPage *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (self->model == NULL)
    return;
  unselect (self);
  day = calendar_day_start (calendar, self->local, 0);
  /* The chosen day is included: the model's "to" is exclusive. */
  to = calendar_day_start (calendar, self->local, 1);
  cobalt_dose_list_model_set_to (self->model, to);
  set_button_day (self->to_button, FALSE, day);
}

static void
on_to_clear_cb (GtkButton     *button,
                CobaltLogPage *self)
{
  if (self->model == NULL)
    return;
  unselect (self);

  cobalt_dose_list_model_set_to (self->model, NULL);
  set_button_day (self->to_button, FALSE, NULL);
  gtk_menu_button_popdown (self->to_button);
}

static void
on_site_selected_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     CobaltLogPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->model == NULL)
    return;
  unselect (self);
  cobalt_dose_list_model_set_site_id (self->model,
                                      selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                        ? NULL : cobalt_site_catalogue_get_nth (selected - 1)->id);
}

static void
on_given_by_selected_cb (GtkDropDown   *dropdown,
                         GParamSpec    *pspec,
                         CobaltLogPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->model == NULL)
    return;
  unselect (self);
  cobalt_dose_list_model_set_given_by (self->model,
                                       selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                         ? -1 : (int) selected - 1);
}

static void
on_reactions_toggled_cb (GtkToggleButton *button,
                         CobaltLogPage   *self)
{
  if (self->model == NULL)
    return;
  unselect (self);

  cobalt_dose_list_model_set_with_reactions (self->model, gtk_toggle_button_get_active (button));
}

static void
on_aborted_toggled_cb (GtkToggleButton *button,
                       CobaltLogPage   *self)
{
  if (self->model == NULL)
    return;
  unselect (self);

  cobalt_dose_list_model_set_include_aborted (self->model, gtk_toggle_button_get_active (button));
}

static void
on_row_activated_cb (GtkListView   *view,
                     guint          position,
                     CobaltLogPage *self)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "log.edit", NULL);
}

static void
on_undo_dismiss_cb (GtkButton     *button,
                    CobaltLogPage *self)
{
  hide_undo (self);
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         CobaltLogPage     *self)
{
  update_actions (self);
}

static void
on_person_changed_cb (CobaltLogPage *self)
{
  hide_undo (self);
  unselect (self);
  if (self->loaded)
    cobalt_dose_list_model_set_person_id (self->model, person_id_of (self));
  update_actions (self);
}

static void
on_n_items_cb (CobaltDoseListModel *model,
               GParamSpec          *pspec,
               CobaltLogPage       *self)
{
  update_count (self);
}

/* Actions --------------------------------------------------------------- */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (widget);
  CobaltLogEntry *entry = get_selected_entry (self);
  CobaltDoseEditor *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (entry == NULL || !cobalt_log_entry_is_dose (entry))
    return;
  editor = cobalt_dose_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, entry->dose);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (widget);
  CobaltLogEntry *entry = get_selected_entry (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  if (entry == NULL || !cobalt_log_entry_is_dose (entry))
    return;

  id = entry->key;
  when = cobalt_carers_format_when (entry->when, self->local);
  if (!cobalt_repository_delete_dose (cobalt_context_get_repository (self->context), id, &error))
    {
      cobalt_carers_show_error (widget, _("The entry could not be deleted"), error);
      return;
    }

  self->deleted_id = id;
  text = g_strdup_printf (_("Deleted the dose of %s."), when);
  gtk_label_set_text (self->undo_label, text);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  self->undo_timeout_id = g_timeout_add_seconds (UNDO_SECONDS, on_undo_timeout_cb, self);
  update_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = self->deleted_id;
  int position;

  if (id == 0)
    return;
  hide_undo (self);
  if (!cobalt_repository_restore_dose (cobalt_context_get_repository (self->context), id, &error))
    {
      cobalt_carers_show_error (widget, _("The entry could not be restored"), error);
      return;
    }
  position = cobalt_dose_list_model_find (self->model, id);
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (COBALT_LOG_PAGE (widget)->search_entry));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (widget);
  g_autoptr(CobaltReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (person_of (self) == NULL)
    return;
  report = cobalt_report_new (cobalt_context_get_repository (self->context), person_id_of (self),
                              cobalt_context_get_clock (self->context), &error);
  if (report == NULL)
    {
      cobalt_carers_show_error (widget, _("The report could not be made"), error);
      return;
    }
  /* The print operation keeps the report until it is done: the dialog
   * and the printing run after this returns. Failures are shown there. */
  cobalt_report_print (report, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, FALSE);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (widget);
  CobaltCarersTransfer kind;

  if (person_of (self) == NULL)
    return;
  if (g_str_equal (action_name, "log.export-csv"))
    kind = COBALT_CARERS_EXPORT_CSV;
  else if (g_str_equal (action_name, "log.export-pdf"))
    kind = COBALT_CARERS_EXPORT_PDF;
  else if (g_str_equal (action_name, "log.export-ics"))
    kind = COBALT_CARERS_EXPORT_ICS;
  else if (g_str_equal (action_name, "log.export-fhir"))
    kind = COBALT_CARERS_EXPORT_FHIR;
  else
    kind = COBALT_CARERS_IMPORT_CSV;
  cobalt_carers_transfer (widget, cobalt_context_get_repository (self->context),
                          cobalt_context_get_clock (self->context), person_of (self), kind);
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_log_page_constructed (GObject *object)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (cobalt_log_page_parent_class)->constructed (object);

  self->local = g_time_zone_ref (cobalt_clock_get_timezone (cobalt_context_get_clock (self->context)));

  /* Empty until the page is first shown: see load(). */
  self->model = cobalt_dose_list_model_new (cobalt_context_get_repository (self->context), 0);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (on_n_items_cb), self, 0);
  /* Not autoselecting, and the model set only then: a selected row in a
   * replaced range makes GtkSingleSelection look for it among all the new
   * rows, which would fetch every page. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, 0);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->columns = cobalt_log_columns_new ();
  self->header = COBALT_LOG_HEADER (cobalt_log_header_new (self->columns));
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_WHEN, _("Date and time"), COBALT_LOG_SORT_WHEN);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_SITE, _("Site"), COBALT_LOG_SORT_SITE);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_DOSE, _("Dose"), COBALT_LOG_SORT_PRODUCT);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_BATCH, _("Batch"), COBALT_LOG_SORT_BATCH);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_GIVEN_BY, _("Given by"), COBALT_LOG_SORT_GIVEN_BY);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_CHECKLIST, _("Checklist"), -1);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_REACTIONS, _("Reactions"), -1);
  cobalt_log_header_add_column (self->header, COBALT_LOG_COLUMN_NOTES, _("Notes"), -1);
  gtk_box_prepend (self->table_box, GTK_WIDGET (self->header));
  /* Newest first. */
  cobalt_log_header_set_sorting (self->header, COBALT_LOG_SORT_WHEN, TRUE);
  g_signal_connect_object (self->header, "notify::sort", G_CALLBACK (on_header_sorting_cb), self, 0);
  g_signal_connect_object (self->header, "notify::descending", G_CALLBACK (on_header_sorting_cb), self, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->context, "notify::person",
                           G_CALLBACK (on_person_changed_cb), self, G_CONNECT_SWAPPED);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  update_count (self);
  update_actions (self);
}

static void
cobalt_log_page_dispose (GObject *object)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (object);

  GtkWidget *child;

  g_clear_handle_id (&self->undo_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_LOG_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_pointer (&self->local, g_time_zone_unref);
  g_clear_pointer (&self->columns, cobalt_log_columns_unref);

  G_OBJECT_CLASS (cobalt_log_page_parent_class)->dispose (object);
}

static void
cobalt_log_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cobalt_log_page_parent_class)->map (widget);
  load (COBALT_LOG_PAGE (widget));
}

static void
cobalt_log_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: g_value_set_object (value, self->context); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltLogPage *self = COBALT_LOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT: self->context = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_page_class_init (CobaltLogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_log_page_constructed;
  object_class->dispose = cobalt_log_page_dispose;
  object_class->get_property = cobalt_log_page_get_property;
  object_class->set_property = cobalt_log_page_set_property;
  widget_class->map = cobalt_log_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  cobalt_carers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cobaltb12/Cobalt/log/cobalt-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, given_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, reactions_toggle);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, aborted_toggle);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, table_box);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, undo_bar);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, undo_label);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, actions_bar);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CobaltLogPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_site_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_given_by_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reactions_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_aborted_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_dismiss_cb);

  gtk_widget_class_install_action (widget_class, "log.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "log.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "log.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "log.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "log.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "log.export-csv", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "log.export-pdf", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "log.export-ics", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "log.export-fhir", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "log.import-csv", NULL, transfer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "log.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "log.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "log.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "log.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cobalt_log_page_init (CobaltLogPage *self)
{
  GtkWidget *export_menu;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_filters (self);
  /* The filter bar and the actions need about 1000 pixels in one line
   * (twice that with large text): in a narrower window they wrap, each
   * control keeping its natural width. */
  gtk_widget_set_layout_manager (self->filter_bar, cobalt_log_filter_layout_new ());
  cobalt_log_filter_layout_apply (self->actions_bar, 6);
  cobalt_log_filter_layout_apply (self->undo_bar, 12);

  /* Names for what GTK 4.8 leaves unnamed: the drop-downs' buttons, the
   * menu buttons, the date pickers' arrows, the menu's scrolled list. */
  cobalt_carers_name_drop_down (self->site_dropdown, _("Injection site"), TRUE);
  cobalt_carers_name_drop_down (self->given_by_dropdown, _("Given by"), TRUE);
  cobalt_carers_name_calendar (self->from_calendar);
  cobalt_carers_name_calendar (self->to_calendar);
  export_menu = GTK_WIDGET (gtk_menu_button_get_popover (self->export_button));
  if (export_menu != NULL)
    cobalt_carers_name_scrollers (export_menu, _("Export"));
  cobalt_carers_fix_names (GTK_WIDGET (self));
}

/* Public API ------------------------------------------------------------ */

CobaltLogPage *
cobalt_log_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_LOG_PAGE,
                       "context", context,
                       NULL);
}

CobaltDoseListModel *
cobalt_log_page_get_model (CobaltLogPage *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_PAGE (self), NULL);
  return self->model;
}

GtkListView *
cobalt_log_page_get_view (CobaltLogPage *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_PAGE (self), NULL);
  return self->list_view;
}

void
cobalt_log_page_set_search (CobaltLogPage *self,
                            const char    *text)
{
  g_return_if_fail (COBALT_IS_LOG_PAGE (self));

  unselect (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  cobalt_dose_list_model_set_search_text (self->model, text);
}

void
cobalt_log_page_select (CobaltLogPage *self,
                        guint          position)
{
  g_return_if_fail (COBALT_IS_LOG_PAGE (self));
  gtk_single_selection_set_selected (self->selection, position);
}
