/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-app-util.h"
#include "cobalt-context.h"
#include "cobalt-intro-page.h"
#include "cobalt-journey-util.h"
#include "cobalt-number-fields.h"
#include "cobalt-prescription-blame.h"
#include "cobalt-core.h"

struct _CobaltIntroPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkEditable      *name_entry;
  GtkLabel         *name_error_label;
  GtkEditable      *clinic_name_entry;
  GtkEditable      *clinic_phone_entry;
  GtkGrid          *person_grid;
  GtkGrid          *numbers_grid;
  GtkGrid          *form_grid;
  GtkDropDown      *template_dropdown;  /* 0: "Choose…", then the templates */
  GtkLabel         *template_error_label;
  GtkLabel         *template_description_label;
  GtkWidget        *product_caption;
  GtkDropDown      *product_dropdown;   /* 0: "Choose…", then CobaltProduct + 1 */
  GtkLabel         *product_error_label;
  GtkWidget        *amount_caption;
  GtkWidget        *amount_box;
  GtkSpinButton    *amount_spin;
  GtkDropDown      *unit_dropdown;      /* CobaltDoseUnit: mg, mcg */
  GtkLabel         *amount_error_label;
  GtkWidget        *strength_caption;
  GtkWidget        *strength_box;
  GtkSpinButton    *strength_spin;
  GtkDropDown      *strength_unit_dropdown;
  GtkLabel         *strength_error_label;
  GtkWidget        *interval_caption;
  GtkWidget        *interval_box;
  GtkSpinButton    *interval_spin;
  GtkDropDown      *interval_unit_dropdown; /* CobaltIntervalUnit: days, weeks, months */
  GtkLabel         *interval_error_label;
  GtkWidget        *caution_box;
  GtkLabel         *caution_label;
  GtkDropDown      *route_dropdown;     /* CobaltRoute */
  GtkWidget        *hydroxo_sc_box;
  GtkLabel         *hydroxo_sc_label;
  GtkLabel         *sites_hint_label;
  GtkFlowBox       *sites_box;
  GtkLabel         *sites_error_label;
  GtkCheckButton   *starting_check;
  GtkCheckButton   *had_dose_check;
  GtkLabel         *date_caption;
  GtkMenuButton    *date_button;
  GtkCalendar      *date_calendar;
  GtkLabel         *date_error_label;
  GtkLabel         *date_hint_label;  /* "The first dose will be due on …" */
  GtkCheckButton   *loading_done_check;
  GtkSpinButton    *hour_spin;
  GtkSpinButton    *minute_spin;
  GtkLabel         *form_error_label;
  GtkWidget        *create_button;

  CobaltNumberFields *numbers;
  GHashTable       *site_checks;      /* site id → GtkCheckButton (borrowed) */
  GHashTable       *ticked;           /* site ids ticked, kept across route changes */
  gboolean          date_picked;      /* the person chose the day themselves */
  gboolean          setting_date;

  CobaltContext    *context;
  CobaltPerson     *saved_person;  /* saved, but the prescription was not yet */
};

G_DEFINE_FINAL_TYPE (CobaltIntroPage, cobalt_intro_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  PERSON_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CobaltRepository *
repository_of (CobaltIntroPage *self)
{
  return cobalt_context_get_repository (self->context);
}

static CobaltClock *
clock_of (CobaltIntroPage *self)
{
  return cobalt_context_get_clock (self->context);
}

/* NULL until the person chooses one: no regimen is chosen for them
 * (docs/clinical-sources.md, "Technique data"). */
static const char *
selected_template_id (CobaltIntroPage *self)
{
  const char * const *ids = cobalt_prescription_template_ids ();
  guint selected = gtk_drop_down_get_selected (self->template_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > g_strv_length ((char **) ids))
    return NULL;
  return ids[selected - 1];
}

static gboolean
is_custom (CobaltIntroPage *self)
{
  return g_strcmp0 (selected_template_id (self), "custom") == 0;
}

/* The medicine as the form says now: the template's, or for "custom"
 * the one chosen (-1 while none is). */
static int
selected_product (CobaltIntroPage *self)
{
  const char *template_id = selected_template_id (self);
  g_autoptr(CobaltPrescription) template = NULL;
  guint selected;

  if (template_id == NULL)
    return -1;
  if (!is_custom (self))
    {
      template = cobalt_prescription_new_from_template (template_id);
      return template != NULL ? (int) template->product : -1;
    }

  selected = gtk_drop_down_get_selected (self->product_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return -1;
  return (int) selected - 1;
}

static CobaltRoute
selected_route (CobaltIntroPage *self)
{
  return gtk_drop_down_get_selected (self->route_dropdown) == COBALT_ROUTE_SC ? COBALT_ROUTE_SC
                                                                              : COBALT_ROUTE_IM;
}

static GDate
selected_date (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (picked),
                  g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  return date;
}

static GDate
today (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return date;
}

static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *field,
                  const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_date_label (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  /* Translators: a date on a button, g_date_time_format() syntax. */
  g_autofree char *text = g_date_time_format (picked, _("%A %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* The first-dose date is said in words for the person to confirm: it is
 * never silently today (CLINICAL.md "Missed dose"). */
static void
update_date_hint (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->date_calendar);
  /* Translators: a date in a sentence, g_date_time_format() syntax. */
  g_autofree char *day = g_date_time_format (picked, _("%A %-d %B %Y"));
  g_autofree char *text = NULL;
  gboolean had_dose = gtk_check_button_get_active (self->had_dose_check);

  gtk_widget_set_visible (GTK_WIDGET (self->date_hint_label), !had_dose);
  if (had_dose)
    return;

  /* Translators: %s is a day, "Tuesday 5 March 2025" */
  text = g_strdup_printf (_("The first dose will be due on %s, at the reminder time below. Nothing is due "
                            "before then. Change the day if your clinic said otherwise."), day);
  gtk_label_set_label (self->date_hint_label, text);
}

/* Tomorrow for a first dose (never silently today); today for the last
 * dose already given. Only until the person picks a day themselves. */
static void
set_default_date (CobaltIntroPage *self)
{
  g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));
  g_autoptr(GDateTime) day = NULL;

  if (self->date_picked)
    return;

  day = gtk_check_button_get_active (self->had_dose_check) ? g_date_time_ref (now)
                                                            : g_date_time_add_days (now, 1);
  self->setting_date = TRUE;
  gtk_calendar_select_day (self->date_calendar, day);
  self->setting_date = FALSE;
  update_date_label (self);
}

/* Information on the medicine and route chosen, never a block: the
 * cyanocobalamin caution wherever the product is chosen, and the line on
 * hydroxocobalamin under the skin (docs/clinical-sources.md,
 * "Prescription cautions", "Technique data"). */
static void
update_cautions (CobaltIntroPage *self)
{
  int product = selected_product (self);

  gtk_widget_set_visible (self->caution_box, product == COBALT_PRODUCT_CYANOCOBALAMIN);
  gtk_widget_set_visible (self->hydroxo_sc_box,
                          product == COBALT_PRODUCT_HYDROXOCOBALAMIN && selected_route (self) == COBALT_ROUTE_SC);
}

static void
set_custom_visible (CobaltIntroPage *self,
                    gboolean         visible)
{
  GtkWidget *widgets[] = {
    self->product_caption, GTK_WIDGET (self->product_dropdown), self->amount_caption, self->amount_box,
    self->strength_caption, self->strength_box, self->interval_caption, self->interval_box,
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_widget_set_visible (widgets[i], visible);
  if (!visible)
    {
      cobalt_journey_set_field_error (self->product_error_label, NULL);
      cobalt_journey_set_field_error (self->amount_error_label, NULL);
      cobalt_journey_set_field_error (self->strength_error_label, NULL);
      cobalt_journey_set_field_error (self->interval_error_label, NULL);
    }
}

static void
update_template_description (CobaltIntroPage *self)
{
  const char *template_id = selected_template_id (self);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dose = NULL;
  GPtrArray *phases;

  set_custom_visible (self, is_custom (self));
  update_cautions (self);

  if (template_id == NULL || !(prescription = cobalt_prescription_new_from_template (template_id)))
    {
      gtk_label_set_label (self->template_description_label,
                           _("Choose the regimen on your prescription. If none of these matches it, "
                             "choose “Custom” and enter it."));
      gtk_widget_set_visible (GTK_WIDGET (self->loading_done_check), FALSE);
      return;
    }

  if (is_custom (self))
    {
      gtk_label_set_label (self->template_description_label,
                           _("Enter the medicine, dose, strength and how often, as your prescription says. "
                             "A schedule with more than one phase can be entered in Preferences."));
      gtk_widget_set_visible (GTK_WIDGET (self->loading_done_check), FALSE);
      return;
    }

  phases = prescription->phases;
  dose = cobalt_prescription_describe_dose (prescription, 0);
  g_string_append (text, dose);
  for (guint i = 0; i < phases->len; i++)
    {
      CobaltPhase *phase = g_ptr_array_index (phases, i);
      g_autofree char *description = cobalt_phase_describe (phase);

      /* Translators: one phase of a regimen, "Maintenance: Every 3 months…". */
      g_string_append_printf (text, _("\n%s: %s"),
                              phase->label != NULL ? _(phase->label) : _("Then"),
                              description);
    }
  g_string_append (text, "\n");
  g_string_append (text, _("Check this matches what your clinic prescribed."));

  gtk_label_set_label (self->template_description_label, text->str);

  /* A regimen with a loading phase: someone already on maintenance must
   * not be counted as starting over. */
  gtk_widget_set_visible (GTK_WIDGET (self->loading_done_check),
                          phases->len > 1 && gtk_check_button_get_active (self->had_dose_check));
}

static void
on_site_toggled_cb (GtkCheckButton  *check,
                    CobaltIntroPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "site-id");

  if (gtk_check_button_get_active (check))
    {
      g_hash_table_add (self->ticked, g_strdup (id));
      cobalt_journey_set_field_error (self->sites_error_label, NULL);
    }
  else
    g_hash_table_remove (self->ticked, id);
}

/* A translated site name can be wider than a narrow window: its label
 * wraps, between words. */
static void
wrap_check_button_label (GtkCheckButton *check)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (check)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LABEL (child))
        continue;
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }
}

/* A check button for each site of the route chosen, from the catalogue;
 * only those the person ticks (none at first) are enabled. */
static void
rebuild_sites (CobaltIntroPage *self)
{
  CobaltRoute route = selected_route (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_box))) != NULL)
    gtk_flow_box_remove (self->sites_box, child);
  g_hash_table_remove_all (self->site_checks);

  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (i);
      GtkWidget *check;

      if (info->route != route)
        continue;

      check = gtk_check_button_new_with_label (cobalt_site_info_get_name (info));
      wrap_check_button_label (GTK_CHECK_BUTTON (check));
      g_object_set_data_full (G_OBJECT (check), "site-id", g_strdup (info->id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->ticked, info->id));
      if (cobalt_site_info_get_note (info) != NULL)
        {
          gtk_widget_set_tooltip_text (check, cobalt_site_info_get_note (info));
          cobalt_journey_set_accessible_label (check, cobalt_site_info_get_name (info),
                                               cobalt_site_info_get_note (info));
        }
      g_signal_connect (check, "toggled", G_CALLBACK (on_site_toggled_cb), self);
      g_hash_table_insert (self->site_checks, g_strdup (info->id), check);
      gtk_flow_box_append (self->sites_box, check);
      /* The flow box's cell around it is a stop for a screen reader too. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (check)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cobalt_site_info_get_name (info),
                                      -1);
    }
}

/* The ticked sites of the route chosen, in catalogue order. */
static GPtrArray *
ticked_sites (CobaltIntroPage *self)
{
  GPtrArray *sites = g_ptr_array_new ();

  for (guint i = 0; i < cobalt_site_catalogue_get_n_sites (); i++)
    {
      const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (i);

      if (g_hash_table_contains (self->site_checks, info->id) && g_hash_table_contains (self->ticked, info->id))
        g_ptr_array_add (sites, (gpointer) info->id);
    }
  g_ptr_array_add (sites, NULL);

  return sites;
}

static void
on_template_selected_cb (CobaltIntroPage *self)
{
  if (selected_template_id (self) != NULL)
    {
      cobalt_journey_set_field_error (self->template_error_label, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->template_dropdown), "error");
    }
  update_template_description (self);
}

static void
on_product_selected_cb (CobaltIntroPage *self)
{
  if (selected_product (self) >= 0)
    cobalt_journey_set_field_error (self->product_error_label, NULL);
  update_cautions (self);
}

static void
on_route_selected_cb (CobaltIntroPage *self)
{
  rebuild_sites (self);
  update_cautions (self);
}

static void
on_history_toggled_cb (CobaltIntroPage *self)
{
  gboolean had_dose = gtk_check_button_get_active (self->had_dose_check);

  gtk_label_set_text_with_mnemonic (self->date_caption,
                                    had_dose ? _("_Last injection") : _("_First injection"));
  show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);
  set_default_date (self);
  update_date_hint (self);
  update_template_description (self);
}

static void
on_day_selected_cb (CobaltIntroPage *self)
{
  if (!self->setting_date)
    self->date_picked = TRUE;
  update_date_label (self);
  update_date_hint (self);
  show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);
}

static void
on_name_changed_cb (CobaltIntroPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_error_label)))
    show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry), NULL);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* Times read as 09:05, not 9:5. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_create_clicked_cb (CobaltIntroPage *self)
{
  cobalt_intro_page_create (self);
}

static char *
trimmed_text (GtkEditable *editable)
{
  char *text = g_strdup (gtk_editable_get_text (editable));

  return g_strstrip (text);
}

static CobaltDose *
make_last_dose (CobaltIntroPage    *self,
                CobaltPrescription *prescription,
                const GDate        *day)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GDateTime) given_at = NULL;
  GPtrArray *phases = prescription->phases;

  given_at = cobalt_schedule_local_instant (day, prescription->reminder_minute,
                                            cobalt_clock_get_timezone (clock_of (self)));
  /* Earlier today, if the reminder time is still to come: a dose is never
   * logged in the future (cobalt-dose-rules.h). */
  {
    g_autoptr(GDateTime) now = cobalt_clock_get_now (clock_of (self));

    if (g_date_time_compare (given_at, now) > 0)
      {
        g_date_time_unref (given_at);
        given_at = g_date_time_ref (now);
      }
  }
  dose->person_id = prescription->person_id;
  dose->prescription_id = prescription->id;
  cobalt_dose_set_given_at (dose, given_at);
  dose->amount = cobalt_prescription_get_phase_amount (prescription, phases->len - 1);
  dose->unit = prescription->unit;
  dose->product = prescription->product;
  cobalt_set_str (&dose->notes, _("Entered when Cobalt was set up, so the schedule counts from it."));
  return g_steal_pointer (&dose);
}

static void
cobalt_intro_page_map (GtkWidget *widget)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cobalt_intro_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), self->create_button);
}

static void
cobalt_intro_page_unmap (GtkWidget *widget)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The window would keep pointing at the button after the page is gone. */
  if (GTK_IS_WINDOW (root) && gtk_window_get_default_widget (GTK_WINDOW (root)) == self->create_button)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (cobalt_intro_page_parent_class)->unmap (widget);
}

static void
cobalt_intro_page_constructed (GObject *object)
{
  CobaltIntroPage *self = (CobaltIntroPage *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = cobalt_prescription_template_ids ();

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->constructed (object);

  /* Nothing chosen for the person: the first item only asks. */
  gtk_string_list_append (names, _("Choose the prescription…"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, cobalt_prescription_template_name (ids[i]));
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->template_dropdown, 0);

  rebuild_sites (self);
  set_default_date (self);
  update_date_hint (self);
  update_template_description (self);
}

static void
cobalt_intro_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), COBALT_TYPE_INTRO_PAGE);
  /* The scrolled window at the top is not a bound child. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->dispose (object);
}

static void
cobalt_intro_page_finalize (GObject *object)
{
  CobaltIntroPage *self = (CobaltIntroPage *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->saved_person);
  g_clear_object (&self->numbers);
  g_clear_pointer (&self->site_checks, g_hash_table_unref);
  g_clear_pointer (&self->ticked, g_hash_table_unref);

  G_OBJECT_CLASS (cobalt_intro_page_parent_class)->finalize (object);
}

static void
cobalt_intro_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_intro_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltIntroPage *self = COBALT_INTRO_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_intro_page_class_init (CobaltIntroPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_intro_page_constructed;
  object_class->dispose = cobalt_intro_page_dispose;
  object_class->finalize = cobalt_intro_page_finalize;
  object_class->get_property = cobalt_intro_page_get_property;
  object_class->set_property = cobalt_intro_page_set_property;

  widget_class->map = cobalt_intro_page_map;
  widget_class->unmap = cobalt_intro_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, COBALT_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltIntroPage::person-created:
   * @person_id: the new person's id
   *
   * The person and their prescription are saved.
   */
  signals[PERSON_CREATED] =
    g_signal_new ("person-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/app/cobalt-intro-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CobaltIntroPage, name)
  BIND (name_entry);
  BIND (name_error_label);
  BIND (clinic_name_entry);
  BIND (clinic_phone_entry);
  BIND (person_grid);
  BIND (numbers_grid);
  BIND (form_grid);
  BIND (template_dropdown);
  BIND (template_error_label);
  BIND (template_description_label);
  BIND (product_caption);
  BIND (product_dropdown);
  BIND (product_error_label);
  BIND (amount_caption);
  BIND (amount_box);
  BIND (amount_spin);
  BIND (unit_dropdown);
  BIND (amount_error_label);
  BIND (strength_caption);
  BIND (strength_box);
  BIND (strength_spin);
  BIND (strength_unit_dropdown);
  BIND (strength_error_label);
  BIND (interval_caption);
  BIND (interval_box);
  BIND (interval_spin);
  BIND (interval_unit_dropdown);
  BIND (interval_error_label);
  BIND (caution_box);
  BIND (caution_label);
  BIND (route_dropdown);
  BIND (hydroxo_sc_box);
  BIND (hydroxo_sc_label);
  BIND (sites_hint_label);
  BIND (sites_box);
  BIND (sites_error_label);
  BIND (starting_check);
  BIND (had_dose_check);
  BIND (date_caption);
  BIND (date_button);
  BIND (date_calendar);
  BIND (date_error_label);
  BIND (date_hint_label);
  BIND (loading_done_check);
  BIND (hour_spin);
  BIND (minute_spin);
  BIND (form_error_label);
  BIND (create_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_product_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_route_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "intropage");
}

static void
cobalt_intro_page_init (CobaltIntroPage *self)
{
  self->site_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Someone new: the locale's emergency number where it is known, to be
   * checked; otherwise empty and required. */
  self->numbers = cobalt_number_fields_new (self->numbers_grid, 0, 0, 1, NULL);
  /* One column, so that the form fits 360 px and large text. */
  cobalt_app_stack_captions (self->person_grid);
  cobalt_app_stack_captions (self->numbers_grid);
  cobalt_app_stack_captions (self->form_grid);
  cobalt_app_wrap_check_label (self->starting_check);
  cobalt_app_wrap_check_label (self->had_dose_check);
  cobalt_app_wrap_check_label (self->loading_done_check);

  gtk_label_set_label (self->caution_label, cobalt_clinical_cyanocobalamin_caution ());
  gtk_label_set_label (self->hydroxo_sc_label, cobalt_clinical_hydroxo_subcutaneous ());
  gtk_label_set_label (self->sites_hint_label, cobalt_clinical_sites_trained_hint ());

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->template_dropdown),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->template_error_label, self->template_description_label, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->date_hint_label, self->date_error_label, NULL,
                                  -1);
  /* A long page: the wheel must scroll it, not change the reminder time. */
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));

  /* What a screen reader lands on, named without a raw "_". */
  cobalt_journey_fix_button_names (GTK_WIDGET (self));
  cobalt_app_name_check_button (self->starting_check);
  cobalt_app_name_check_button (self->had_dose_check);
  cobalt_app_name_check_button (self->loading_done_check);
  cobalt_app_name_drop_down (self->template_dropdown, _("Prescription"));
  cobalt_app_name_drop_down (self->product_dropdown, _("Medicine"));
  cobalt_app_name_drop_down (self->unit_dropdown, _("Dose unit"));
  cobalt_app_name_drop_down (self->strength_unit_dropdown, _("Strength unit"));
  cobalt_app_name_drop_down (self->interval_unit_dropdown, _("How often: unit"));
  cobalt_app_name_drop_down (self->route_dropdown, _("Route"));
}

CobaltIntroPage *
cobalt_intro_page_new (CobaltContext *context)
{
  g_return_val_if_fail (COBALT_IS_CONTEXT (context), NULL);

  return g_object_new (COBALT_TYPE_INTRO_PAGE,
                       "context", context,
                       NULL);
}

/* The custom fields into @prescription (blank from its template): the
 * medicine, dose and strength chosen, and one open-ended phase. */
static void
read_custom (CobaltIntroPage    *self,
             CobaltPrescription *prescription)
{
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_phase_free);
  CobaltIntervalUnit units[] = { COBALT_INTERVAL_DAYS, COBALT_INTERVAL_WEEKS, COBALT_INTERVAL_MONTHS };
  guint unit = gtk_drop_down_get_selected (self->interval_unit_dropdown);
  int product = selected_product (self);

  gtk_spin_button_update (self->amount_spin);
  gtk_spin_button_update (self->strength_spin);
  gtk_spin_button_update (self->interval_spin);

  if (product >= 0)
    prescription->product = (CobaltProduct) product;
  prescription->amount = gtk_spin_button_get_value (self->amount_spin);
  prescription->unit = gtk_drop_down_get_selected (self->unit_dropdown) == 1 ? COBALT_DOSE_UNIT_MCG
                                                                             : COBALT_DOSE_UNIT_MG;
  prescription->strength_amount = gtk_spin_button_get_value (self->strength_spin);
  prescription->strength_unit = gtk_drop_down_get_selected (self->strength_unit_dropdown) == 1
                                ? COBALT_DOSE_UNIT_MCG : COBALT_DOSE_UNIT_MG;
  g_ptr_array_add (phases, cobalt_phase_new (units[MIN (unit, G_N_ELEMENTS (units) - 1)],
                                             gtk_spin_button_get_value_as_int (self->interval_spin),
                                             COBALT_PHASE_END_OPEN, 0, NULL));
  cobalt_prescription_set_phases (prescription, phases);
}

/* Shows what validating @prescription refused under the field it is
 * about (the core's own sentence); the form's foot when none is. */
static GtkWidget *
show_prescription_error (CobaltIntroPage    *self,
                         CobaltPrescription *prescription,
                         const GError       *error)
{
  CobaltPrescriptionGroup group = cobalt_prescription_blame_group (prescription, error->message);
  gboolean custom = is_custom (self);

  if (group == COBALT_PRESCRIPTION_GROUP_SITES)
    {
      cobalt_journey_set_field_error (self->sites_error_label, error->message);
      return GTK_WIDGET (self->sites_box);
    }
  if (custom && group == COBALT_PRESCRIPTION_GROUP_AMOUNT)
    {
      cobalt_journey_set_field_error (self->amount_error_label, error->message);
      return GTK_WIDGET (self->amount_spin);
    }
  if (custom && group == COBALT_PRESCRIPTION_GROUP_STRENGTH)
    {
      cobalt_journey_set_field_error (self->strength_error_label, error->message);
      return GTK_WIDGET (self->strength_spin);
    }
  if (custom && group == COBALT_PRESCRIPTION_GROUP_PHASES)
    {
      cobalt_journey_set_field_error (self->interval_error_label, error->message);
      return GTK_WIDGET (self->interval_spin);
    }

  gtk_label_set_label (self->form_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
  return NULL;
}

static void
clear_errors (CobaltIntroPage *self)
{
  GtkLabel *labels[] = {
    self->form_error_label, self->template_error_label, self->product_error_label, self->amount_error_label,
    self->strength_error_label, self->interval_error_label, self->sites_error_label,
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    cobalt_journey_set_field_error (labels[i], NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->template_dropdown), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->product_dropdown), "error");
}

/* Every reason at once, each under its field; the focus goes to the
 * first. */
static gboolean
check_form (CobaltIntroPage *self)
{
  g_autofree char *name = trimmed_text (self->name_entry);
  GtkWidget *first = NULL;
  gboolean had_dose = gtk_check_button_get_active (self->had_dose_check);
  GDate day = selected_date (self);
  GDate now_day = today (self);

#define REFUSE(widget) G_STMT_START { if (first == NULL) first = GTK_WIDGET (widget); } G_STMT_END

  if (*name == '\0')
    {
      show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry),
                        _("Enter a name. Cobalt keeps each person’s injections apart, "
                          "so it needs to know whose they are."));
      REFUSE (self->name_entry);
    }
  else
    show_field_error (self->name_error_label, GTK_WIDGET (self->name_entry), NULL);

  if (!cobalt_number_fields_check (self->numbers, FALSE, NULL))
    {
      GtkWidget *emergency_error = cobalt_number_fields_get_field (self->numbers, "emergency-error");

      REFUSE (cobalt_number_fields_get_field (self->numbers, gtk_widget_get_visible (emergency_error)
                                                             ? "emergency" : "urgent"));
    }

  if (selected_template_id (self) == NULL)
    {
      cobalt_journey_set_field_error (self->template_error_label,
                                      _("Choose the prescription your clinic gave you: Cobalt does not "
                                        "choose one for you. If none of these matches it, choose “Custom”."));
      gtk_widget_add_css_class (GTK_WIDGET (self->template_dropdown), "error");
      REFUSE (self->template_dropdown);
    }
  else if (is_custom (self) && selected_product (self) < 0)
    {
      cobalt_journey_set_field_error (self->product_error_label,
                                      _("Choose the medicine on your prescription."));
      gtk_widget_add_css_class (GTK_WIDGET (self->product_dropdown), "error");
      REFUSE (self->product_dropdown);
    }

  if (g_hash_table_size (self->site_checks) > 0)
    {
      g_autoptr(GPtrArray) sites = ticked_sites (self);

      if (sites->len <= 1)
        {
          cobalt_journey_set_field_error (self->sites_error_label,
                                          _("Tick at least one site your clinic trained you on."));
          REFUSE (self->sites_box);
        }
    }

  if (had_dose && g_date_compare (&day, &now_day) > 0)
    {
      show_field_error (self->date_error_label, GTK_WIDGET (self->date_button),
                        _("The last injection cannot be in the future. Pick the day it was given."));
      REFUSE (self->date_button);
    }
  else if (!had_dose && g_date_compare (&day, &now_day) < 0)
    {
      show_field_error (self->date_error_label, GTK_WIDGET (self->date_button),
                        _("The first injection has not been given yet, so its day cannot be in the past. "
                          "If injections have already started, choose “Already having injections”."));
      REFUSE (self->date_button);
    }
  else
    show_field_error (self->date_error_label, GTK_WIDGET (self->date_button), NULL);

#undef REFUSE

  if (first == NULL)
    return TRUE;

  if (!gtk_widget_child_focus (first, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (first);
  return FALSE;
}

gboolean
cobalt_intro_page_create (CobaltIntroPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) sites = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clinic_name = NULL;
  g_autofree char *clinic_phone = NULL;
  gboolean had_dose;
  GDate day;
  guint minute;

  g_return_val_if_fail (COBALT_IS_INTRO_PAGE (self), FALSE);

  clear_errors (self);
  if (!check_form (self))
    return FALSE;

  name = trimmed_text (self->name_entry);
  had_dose = gtk_check_button_get_active (self->had_dose_check);
  day = selected_date (self);
  prescription = cobalt_prescription_new_from_template (selected_template_id (self));
  g_assert (prescription != NULL);
  if (is_custom (self))
    read_custom (self, prescription);

  /* The schedule counts from the first-dose date the person confirmed,
   * or from the last dose actually given. */
  cobalt_set_date (&prescription->starts_on, &day);
  minute = gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
           gtk_spin_button_get_value_as_int (self->minute_spin);
  prescription->reminder_minute = minute;
  prescription->route = selected_route (self);
  sites = ticked_sites (self);
  cobalt_prescription_set_enabled_sites (prescription, (const char * const *) sites->pdata);

  if (had_dose && gtk_widget_get_visible (GTK_WIDGET (self->loading_done_check)) &&
      gtk_check_button_get_active (self->loading_done_check))
    {
      GPtrArray *phases = prescription->phases;
      g_autoptr(GPtrArray) maintenance = g_ptr_array_new ();

      g_ptr_array_add (maintenance, g_ptr_array_index (phases, phases->len - 1));
      cobalt_prescription_set_phases (prescription, maintenance);
    }

  /* What the core refuses (a custom dose of 0, say) goes under its field. */
  if (!cobalt_prescription_validate (prescription, &error))
    {
      GtkWidget *field = show_prescription_error (self, prescription, error);

      if (field != NULL && !gtk_widget_child_focus (field, GTK_DIR_TAB_FORWARD))
        gtk_widget_grab_focus (field);
      return FALSE;
    }

  /* After a failed second step, update the person saved the first time
   * instead of adding them twice. */
  person = self->saved_person != NULL ? g_object_ref (self->saved_person) : cobalt_person_new (name);
  cobalt_set_str (&person->name, name);
  clinic_name = trimmed_text (self->clinic_name_entry);
  clinic_phone = trimmed_text (self->clinic_phone_entry);
  cobalt_set_str (&person->clinic_name, *clinic_name != '\0' ? clinic_name : NULL);
  cobalt_set_str (&person->clinic_phone, *clinic_phone != '\0' ? clinic_phone : NULL);
  cobalt_number_fields_apply (self->numbers, person);

  /* Check both before writing anything, so a refused prescription does
   * not leave a person behind without one. */
  if (!cobalt_person_validate (person, &error) ||
      !cobalt_repository_save_person (repository_of (self), person, &error))
    goto failed;
  g_set_object (&self->saved_person, person);

  prescription->person_id = person->id;
  if (!cobalt_repository_save_prescription (repository_of (self), prescription, &error))
    goto failed;

  if (had_dose)
    {
      g_autoptr(CobaltDose) dose = make_last_dose (self, prescription, &day);

      if (!cobalt_repository_add_dose (repository_of (self), dose, &error))
        goto failed;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[PERSON_CREATED], 0, person->id);
  g_object_unref (self);
  return TRUE;

failed:
  {
    g_autofree char *text = g_strdup_printf (_("Cobalt could not save this: %s"), error->message);

    gtk_label_set_label (self->form_error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), TRUE);
    return FALSE;
  }
}

GtkWidget *
cobalt_intro_page_get_field (CobaltIntroPage *self,
                             const char      *name)
{
  g_return_val_if_fail (COBALT_IS_INTRO_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_has_prefix (name, "site:"))
    return g_hash_table_lookup (self->site_checks, name + strlen ("site:"));

  return cobalt_number_fields_get_field (self->numbers, name);
}
