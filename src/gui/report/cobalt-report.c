/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "cobalt-report.h"
#include "cobalt-carers-util.h"
#include "cobalt-core.h"
#include "cobalt-site-chart.h"

#define MARGIN        42.0   /* points: about 15 mm */
#define ROW_HEIGHT    14.0
#define HEADER_HEIGHT 40.0   /* table title and column heads */
#define FOOTER_HEIGHT 24.0
#define MAX_REACTIONS 20
#define SITE_DAYS     90

struct _CobaltReport
{
  GObject             parent_instance;

  CobaltRepository   *repository;
  CobaltPerson       *person;
  CobaltPrescription *prescription;   /* may be NULL */
  GDateTime          *now;
  GTimeZone          *local;
  GArray             *keys;           /* dose ids, newest first */
  CobaltLogFetcher   *fetcher;
  GPtrArray          *reactions;      /* CobaltReaction, newest first */
  guint              *site_counts;
  char               *next_due;       /* may be NULL */

  double              width;
  double              height;
  guint               rows_per_page;
  guint               n_pages;
};

G_DEFINE_FINAL_TYPE (CobaltReport, cobalt_report, G_TYPE_OBJECT)

typedef struct
{
  const char *title;
} Column;

/* The dose table; widths come from the texts: see compute_widths(). */
static const Column columns[] = {
  { N_("Date and time") },
  { N_("Site") },
  { N_("Dose") },
  { N_("Batch") },
  { N_("Given by") },
  { N_("Checklist") },
  { N_("Reactions") },
};

/* Static helpers ------------------------------------------------------- */

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  /* The page is measured in points: one font point per unit. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

/* Shows @text wrapped to @width at (@x, @y); returns its height. */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       width,
           const char  *text)
{
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

/* One table cell: a single line, ellipsized. */
static void
show_cell (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       width,
           const char  *text)
{
  pango_layout_set_width (layout, (int) ((width - 4) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
show_section (cairo_t    *cr,
              double      y,
              double      width,
              const char *title)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, "Sans Bold 11");
  double h;

  y += 10;
  h = show_text (cr, layout, MARGIN, y, width, title);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y + h + 2);
  cairo_line_to (cr, MARGIN + width, y + h + 2);
  cairo_stroke (cr);
  return y + h + 6;
}

static void
draw_footer (CobaltReport *self,
             cairo_t      *cr,
             guint         page)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, "Sans 8");
  g_autofree char *text = NULL;

  /* Translators: report page footer: person's name, page, pages */
  text = g_strdup_printf (_("%s — page %u of %u"), self->person->name,
                          page + 1, self->n_pages);
  show_text (cr, layout, MARGIN, self->height - MARGIN + 6, self->width - 2 * MARGIN, text);
}

static void
draw_summary_page (CobaltReport *self,
                   cairo_t      *cr)
{
  double width = self->width - 2 * MARGIN;
  g_autoptr(PangoLayout) title = create_layout (cr, "Sans Bold 16");
  g_autoptr(PangoLayout) body = create_layout (cr, "Sans 10");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *made = NULL;
  g_autofree char *today = NULL;
  GDate *dob;
  double y = MARGIN;
  GdkRGBA black = { 0, 0, 0, 1 };
  GdkRGBA bar = { 0.21, 0.52, 0.89, 1 };

  heading = g_strdup_printf (_("B12 injection report: %s"), self->person->name);
  y += show_text (cr, title, MARGIN, y, width, heading);
  today = g_date_time_format (self->now, "%e %B %Y, %H:%M");
  g_strstrip (today);
  made = g_strdup_printf (_("Made by Cobalt on %s. Cobalt records what was given; follow your clinic's instructions."),
                          today);
  y += show_text (cr, body, MARGIN, y + 4, width, made) + 4;

  /* Person */
  y = show_section (cr, y, width, _("Person"));
  dob = self->person->date_of_birth;
  if (dob != NULL && g_date_valid (dob))
    {
      char buf[64];

      g_date_strftime (buf, sizeof buf, "%e %B %Y", dob);
      g_string_append_printf (text, _("Date of birth: %s"), g_strstrip (buf));
      g_string_append_c (text, '\n');
    }
  if (self->person->clinic_name != NULL || self->person->clinic_phone != NULL)
    {
      g_string_append_printf (text, _("Clinic: %s %s"),
                              self->person->clinic_name ?: "",
                              self->person->clinic_phone ?: "");
      g_string_append_c (text, '\n');
    }
  {
    const char *emergency = cobalt_person_get_emergency_number (self->person);
    const char *urgent = self->person->urgent_number;

    /* Never a guessed number: said so when none is recorded. */
    g_string_append_printf (text, _("Emergency number: %s"),
                            emergency != NULL && *emergency != '\0' ? emergency : _("not recorded"));
    if (urgent != NULL && *urgent != '\0')
      {
        g_string_append_c (text, '\n');
        /* Translators: the out-of-hours or urgent-care line, e.g. 111 */
        g_string_append_printf (text, _("Urgent-advice number: %s"), urgent);
      }
  }
  y += show_text (cr, body, MARGIN, y, width, text->str);

  /* Prescription */
  y = show_section (cr, y, width, _("Prescription"));
  g_string_truncate (text, 0);
  if (self->prescription == NULL)
    g_string_append (text, _("No prescription recorded."));
  else
    {
      g_autofree char *dose = cobalt_prescription_describe_dose (self->prescription, 0);
      g_autofree char *strength = cobalt_prescription_describe_strength (self->prescription);
      GPtrArray *phases = self->prescription->phases;
      guint minute = self->prescription->reminder_minute;
      GDate *starts = self->prescription->starts_on;

      g_string_append_printf (text, _("%s, %s (version %u)"), dose,
                              cobalt_route_to_string (self->prescription->route),
                              self->prescription->version);
      if (strength != NULL)
        g_string_append_printf (text, _("; strength %s"), strength);
      else if (self->prescription->strength_text != NULL)
        /* Translators: a strength as typed in an older version that is not a number */
        g_string_append_printf (text, _("; strength “%s” (not confirmed)"),
                                self->prescription->strength_text);
      for (guint i = 0; phases != NULL && i < phases->len; i++)
        {
          g_autofree char *phase = cobalt_phase_describe (g_ptr_array_index (phases, i));
          g_autofree char *amount = cobalt_prescription_describe_dose (self->prescription, i);
          double volume_ml = cobalt_prescription_get_phase_volume_ml (self->prescription, i);

          /* The volume is dose ÷ strength, printed only when both are known. */
          if (volume_ml > 0)
            {
              g_autofree char *volume = cobalt_volume_format (volume_ml);

              /* Translators: phase number, phase, dose, volume: "2. Every week (250 mcg cyanocobalamin, 0.25 mL)" */
              g_string_append_printf (text, _("\n%u. %s (%s, %s)"), i + 1, phase, amount, volume);
            }
          else
            g_string_append_printf (text, "\n%u. %s (%s)", i + 1, phase, amount);
        }
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Reminder at %02u:%02u"), minute / 60, minute % 60);
      if (starts != NULL && g_date_valid (starts))
        {
          char buf[64];

          g_date_strftime (buf, sizeof buf, "%e %B %Y", starts);
          g_string_append (text, "; ");
          g_string_append_printf (text, _("started on %s"), g_strstrip (buf));
        }
    }
  y += show_text (cr, body, MARGIN, y, width, text->str);

  /* Summary */
  y = show_section (cr, y, width, _("Summary"));
  g_string_truncate (text, 0);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE, "%u dose logged.", "%u doses logged.", self->keys->len),
                          self->keys->len);
  if (self->next_due != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, self->next_due);
    }
  y += show_text (cr, body, MARGIN, y, width, text->str);

  /* Site rotation */
  {
    g_autofree char *title_text = g_strdup_printf (_("Injection sites, last %u days"), SITE_DAYS);

    y = show_section (cr, y, width, title_text);
    cairo_save (cr);
    cairo_translate (cr, MARGIN, y);
    y += cobalt_site_chart_draw (cr, body, self->site_counts, MIN (width, 420), ROW_HEIGHT + 2,
                                 &black, &bar);
    cairo_restore (cr);
  }

  /* Reactions */
  y = show_section (cr, y, width, _("Reactions (most recent first)"));
  if (self->reactions->len == 0)
    y += show_text (cr, body, MARGIN, y, width, _("No reactions recorded."));
  for (guint i = 0; i < self->reactions->len; i++)
    {
      CobaltReaction *reaction = g_ptr_array_index (self->reactions, i);
      /* Reactions are stored as instants: show them in today's zone. */
      g_autoptr(GDateTime) noted = g_date_time_to_timezone (reaction->noted_at, self->local);
      g_autofree char *when = cobalt_carers_format_when (noted, self->local);
      g_autofree char *line = NULL;
      const char *note = reaction->note;

      line = g_strdup_printf ("%s — %s (%s)%s%s", when, cobalt_reaction_get_label (reaction),
                              cobalt_triage_level_to_string (reaction->level),
                              note ? ": " : "", note ? note : "");
      if (y + ROW_HEIGHT > self->height - MARGIN - FOOTER_HEIGHT)
        break;
      y += show_text (cr, body, MARGIN, y, width, line);
    }

  draw_footer (self, cr, 0);
}

/* Column widths for one page of the table: each column as wide as its
 * widest text on the page (a printed table has no tooltip for a cut
 * text), then, when that is wider than the page, the reactions (listed in
 * full on the first page), who gave the dose, the site and the dose give
 * up room in that order, down to a share of the page each. */
static void
compute_widths (PangoLayout  *head,
                PangoLayout  *cell,
                GPtrArray    *rows,
                double        width,
                double       *widths)
{
  static const guint shrink_order[] = { 6, 4, 1, 2 };
  const double padding = 6;
  double total = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      int w;

      pango_layout_set_width (head, -1);
      pango_layout_set_text (head, _(columns[c].title), -1);
      pango_layout_get_size (head, &w, NULL);
      widths[c] = (double) w / PANGO_SCALE + padding;
      for (guint r = 0; r < rows->len; r++)
        {
          const char * const *cells = g_ptr_array_index (rows, r);

          pango_layout_set_width (cell, -1);
          pango_layout_set_text (cell, cells[c] ? cells[c] : "", -1);
          pango_layout_get_size (cell, &w, NULL);
          widths[c] = MAX (widths[c], (double) w / PANGO_SCALE + padding);
        }
      total += widths[c];
    }

  for (guint i = 0; i < G_N_ELEMENTS (shrink_order) && total > width; i++)
    {
      guint c = shrink_order[i];
      double floor_width = MIN (widths[c], width * (c == 6 ? 0.09 : 0.12));
      double give = MIN (total - width, widths[c] - floor_width);

      widths[c] -= give;
      total -= give;
    }
  /* Still too wide (huge fonts): every column in proportion. */
  if (total > width)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      widths[c] *= width / total;
  else
    widths[G_N_ELEMENTS (columns) - 1] += width - total;
}

static void
draw_table_page (CobaltReport *self,
                 cairo_t      *cr,
                 guint         page)
{
  double width = self->width - 2 * MARGIN;
  guint first = (page - 1) * self->rows_per_page;
  guint n = first < self->keys->len ? MIN (self->rows_per_page, self->keys->len - first) : 0;
  g_autoptr(PangoLayout) head = create_layout (cr, "Sans Bold 8");
  g_autoptr(PangoLayout) cell = create_layout (cr, "Sans 8");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  double widths[G_N_ELEMENTS (columns)];
  double y = MARGIN;
  double x;

  /* The page's rows as text first: the widths depend on them. Rows come
   * in pages of at most COBALT_LOG_FETCH_MAX. */
  for (guint done = 0; done < n; )
    {
      guint chunk = MIN (n - done, COBALT_LOG_FETCH_MAX);
      g_autoptr(GPtrArray) entries = NULL;

      entries = cobalt_log_fetcher_fetch (self->fetcher, &g_array_index (self->keys, gint64, first + done),
                                          chunk, &error);
      if (entries == NULL)
        break;
      for (guint i = 0; i < entries->len; i++)
        {
          CobaltLogEntry *entry = g_ptr_array_index (entries, i);
          CobaltDose *dose = entry->dose;
          char **cells = g_new0 (char *, G_N_ELEMENTS (columns) + 1);

          cells[0] = cobalt_carers_format_when (entry->when, self->local);
          if (!cobalt_dose_is_given (dose))
            {
              /* The clinic's advice not to give it: said so, nothing else. */
              cells[1] = g_strdup ("");
              cells[2] = cobalt_dose_describe_not_given (dose);
              for (guint c = 3; c < G_N_ELEMENTS (columns); c++)
                cells[c] = g_strdup ("");
              g_ptr_array_add (rows, cells);
              continue;
            }
          cells[1] = g_strdup (cobalt_carers_site_name (dose->site_id));
          cells[2] = cobalt_carers_format_dose (dose);
          cells[3] = g_strdup (dose->batch ? dose->batch : "");
          cells[4] = cobalt_carers_format_given_by (dose);
          cells[5] = g_strdup (cobalt_log_entry_describe_checklist (entry));
          cells[6] = g_strdup (entry->reactions_text
                               ? entry->reactions_text : "");
          g_ptr_array_add (rows, cells);
        }
      done += chunk;
    }
  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == 7);

  compute_widths (head, cell, rows, width, widths);

  y = show_section (cr, y - 10, width, _("Doses (newest first)"));

  x = MARGIN;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      show_cell (cr, head, x + 1, y, widths[c], _(columns[c].title));
      x += widths[c];
    }
  y += ROW_HEIGHT + 2;

  if (error != NULL)
    show_text (cr, cell, MARGIN, y, width, error->message);
  else if (self->keys->len == 0)
    show_text (cr, cell, MARGIN, y, width, _("No doses logged."));

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);

      if (r % 2 == 1)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
          cairo_rectangle (cr, MARGIN, y - 1, width, ROW_HEIGHT);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      x = MARGIN;
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          show_cell (cr, cell, x + 1, y, widths[c], cells[c]);
          x += widths[c];
        }
      y += ROW_HEIGHT;
    }

  draw_footer (self, cr, page);
}

static int
compare_reactions_newest_first (gconstpointer a,
                                gconstpointer b)
{
  CobaltReaction *ra = *(CobaltReaction * const *) a;
  CobaltReaction *rb = *(CobaltReaction * const *) b;

  return g_date_time_compare (rb->noted_at, ra->noted_at);
}

static cairo_status_t
write_to_bytes_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Callbacks ------------------------------------------------------------ */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   CobaltReport      *self)
{
  guint n = cobalt_report_paginate (self, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 CobaltReport      *self)
{
  cobalt_report_draw_page (self, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      cobalt_carers_show_error (parent ? GTK_WIDGET (parent) : NULL,
                                _("The report could not be printed"), error);
    }
  g_clear_object (&parent);
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_report_finalize (GObject *object)
{
  CobaltReport *self = COBALT_REPORT (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->person);
  g_clear_object (&self->prescription);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->local, g_time_zone_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->fetcher, cobalt_log_fetcher_free);
  g_clear_pointer (&self->reactions, g_ptr_array_unref);
  g_clear_pointer (&self->site_counts, g_free);
  g_clear_pointer (&self->next_due, g_free);

  G_OBJECT_CLASS (cobalt_report_parent_class)->finalize (object);
}

static void
cobalt_report_class_init (CobaltReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cobalt_report_finalize;
}

static void
cobalt_report_init (CobaltReport *self)
{
  self->reactions = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API ------------------------------------------------------------ */

CobaltReport *
cobalt_report_new (CobaltRepository *repository,
                   gint64            person_id,
                   CobaltClock      *clock,
                   GError          **error)
{
  g_autoptr(CobaltReport) self = NULL;
  g_autoptr(GListModel) reactions = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autoptr(GError) local_error = NULL;
  CobaltLogQuery query;
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);

  self = g_object_new (COBALT_TYPE_REPORT, NULL);
  self->repository = g_object_ref (repository);
  self->now = cobalt_clock_get_now (clock);
  self->local = g_time_zone_ref (g_date_time_get_timezone (self->now));

  self->person = cobalt_repository_get_person (repository, person_id, error);
  if (self->person == NULL)
    return NULL;
  self->prescription = cobalt_repository_get_prescription (repository, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  cobalt_log_query_init (&query, person_id);
  query.include_aborted = FALSE;
  self->keys = cobalt_log_query_keys (repository, &query, error);
  if (self->keys == NULL)
    return NULL;
  self->fetcher = cobalt_log_fetcher_new (repository);

  reactions = cobalt_repository_list_reactions (repository, person_id, error);
  if (reactions == NULL)
    return NULL;
  n = g_list_model_get_n_items (reactions);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->reactions, g_list_model_get_item (reactions, i));
  /* Newest first, at most MAX_REACTIONS. */
  g_ptr_array_sort (self->reactions, compare_reactions_newest_first);
  if (self->reactions->len > MAX_REACTIONS)
    g_ptr_array_set_size (self->reactions, MAX_REACTIONS);

  since = g_date_time_add_days (self->now, -SITE_DAYS);
  self->site_counts = cobalt_carers_count_sites (repository, person_id, since, error);
  if (self->site_counts == NULL)
    return NULL;

  if (self->prescription != NULL)
    {
      g_autoptr(GPtrArray) doses = cobalt_repository_list_schedule_doses (repository, person_id, error);
      g_autoptr(CobaltDueInfo) due = NULL;

      if (doses == NULL)
        return NULL;
      due = cobalt_schedule_next_due (self->prescription, doses, self->now, self->local);
      if (due != NULL && due->due_at != NULL)
        {
          g_autofree char *when = cobalt_carers_format_when (due->due_at, self->local);
          g_autofree char *relative = cobalt_schedule_describe_due (due, self->now);

          self->next_due = g_strdup_printf (_("Next dose due: %s (%s)."), when, relative);
        }
    }

  cobalt_report_paginate (self, 595.28, 841.89);
  return g_steal_pointer (&self);
}

guint
cobalt_report_paginate (CobaltReport *self,
                        double        width,
                        double        height)
{
  guint table_pages;

  g_return_val_if_fail (COBALT_IS_REPORT (self), 0);

  self->width = width;
  self->height = height;
  self->rows_per_page = MAX (1, (guint) ((height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT) / ROW_HEIGHT));
  table_pages = MAX (1, (self->keys->len + self->rows_per_page - 1) / self->rows_per_page);
  self->n_pages = 1 + table_pages;
  return self->n_pages;
}

guint
cobalt_report_get_n_pages (CobaltReport *self)
{
  g_return_val_if_fail (COBALT_IS_REPORT (self), 0);
  return self->n_pages;
}

void
cobalt_report_draw_page (CobaltReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (COBALT_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    draw_summary_page (self, cr);
  else
    draw_table_page (self, cr, page);
  cairo_restore (cr);
}

gboolean
cobalt_report_write_pdf (CobaltReport *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (COBALT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  cobalt_report_get_paper_size (&width, &height);
  cobalt_report_paginate (self, width, height);

  /* Drawn into memory, then written 0600 in one atomic step. */
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes_cb, bytes, width, height);
  title = g_strdup_printf (_("B12 injection report: %s"), self->person->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cobalt " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      cobalt_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, COBALT_EXPORT_ERROR, COBALT_EXPORT_ERROR_FAILED,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return cobalt_export_write_file (path, (const char *) bytes->data, bytes->len, error);
}

GtkPrintOperation *
cobalt_report_create_print_operation (CobaltReport *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job = NULL;

  g_return_val_if_fail (COBALT_IS_REPORT (self), NULL);

  paper = gtk_paper_size_new (cobalt_report_locale_uses_letter () ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  /* The report draws its own margins. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);

  operation = gtk_print_operation_new ();
  job = g_strdup_printf (_("B12 injection report: %s"), self->person->name);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);

  return g_steal_pointer (&operation);
}

void
cobalt_report_print (CobaltReport *self,
                     GtkWindow    *parent,
                     gboolean      preview)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (COBALT_IS_REPORT (self));

  operation = cobalt_report_create_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb),
                    parent ? g_object_ref (parent) : NULL);

  gtk_print_operation_run (operation,
                           preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}

gboolean
cobalt_report_locale_uses_letter (void)
{
  const char *vars[] = { "LC_ALL", "LC_PAPER", "LANG" };

  /* The first of these that is set decides, as for setlocale(). */
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value == NULL || *value == '\0')
        continue;
      return strstr (value, "_US") != NULL || strstr (value, "_CA") != NULL;
    }
  return FALSE;
}

void
cobalt_report_get_paper_size (double *width,
                              double *height)
{
  if (cobalt_report_locale_uses_letter ())
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.28;
      *height = 841.89;
    }
}
