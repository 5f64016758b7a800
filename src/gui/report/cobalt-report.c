/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "cobalt-report.h"
#include "cobalt-core.h"
#include "cobalt-report-summary.h"

#define MARGIN          42.0   /* points: about 15 mm */
#define FOOTER_HEIGHT   20.0
#define CELL_PAD_X       3.0
#define CELL_PAD_Y       2.0
#define HEADING_BEFORE   8.0
#define HEADING_AFTER    4.0
#define TEXT_BEFORE      2.0
#define TITLE_AFTER      2.0
/* A heading is kept with this much of what follows it. */
#define KEEP_WITH_NEXT  36.0
/* No column is given more than this share of the table for its longest
 * word: a long word then breaks inside the cell rather than starving the
 * other columns. */
#define MAX_MIN_SHARE    0.3

#define TITLE_FONT   "Sans Bold 15"
#define HEADING_FONT "Sans Bold 11"
#define BODY_FONT    "Sans 9"
#define SMALL_FONT   "Sans 7.5"
#define CELL_FONT    "Sans 7.5"
#define HEAD_FONT    "Sans Bold 7.5"

#define N_COLUMNS COBALT_REPORT_N_COLUMNS

typedef enum
{
  PLACE_BLOCK,
  PLACE_TABLE_HEAD,
  PLACE_ROW,
} PlaceKind;

/* One thing drawn on a page: a block of text, the table's head, or a row
 * (or the part of a row, between @from and @to in its content's Pango
 * units, that goes on this page). */
typedef struct
{
  PlaceKind kind;
  guint     index;    /* the block, or the row */
  double    y;        /* top on the page, points */
  int       from;
  int       to;
} Placement;

struct _CobaltReport
{
  GObject             parent_instance;

  CobaltRepository   *repository;
  CobaltPerson       *person;
  GDateTime          *now;
  GTimeZone          *local;
  char               *title;
  GPtrArray          *blocks;         /* CobaltReportBlock */
  GArray             *keys;           /* log rows (gint64), newest first */
  CobaltLogFetcher   *fetcher;
  /* Measures and draws every text, whatever the cairo target: the same
   * unhinted metrics on a PDF, a printer or a preview, so the layout
   * made at pagination is the one drawn. */
  PangoContext       *pango;

  /* The last pagination. */
  double              width;
  double              height;
  double              column_x[N_COLUMNS];
  double              column_width[N_COLUMNS];
  GArray             *placements;     /* Placement, page by page */
  GArray             *page_starts;    /* guint: first placement of each page, then the end */
  guint               n_pages;
  GError             *read_error;     /* the log could not be read */
};

G_DEFINE_FINAL_TYPE (CobaltReport, cobalt_report, G_TYPE_OBJECT)

/* Static helpers ------------------------------------------------------- */

static PangoLayout *
create_layout (CobaltReport *self,
               const char   *font,
               const char   *text,
               double        width)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, desc);
  /* Wrapped between words, and inside a word only when it is wider than
   * the cell; never ellipsized, and no hyphen added that was not in the
   * text. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  /* A negative width measures the text on one line; any other is a cell
   * or the page, however narrow. */
  pango_layout_set_width (layout, width < 0 ? -1 : MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height;
}

static double
content_width (CobaltReport *self)
{
  return self->width - 2 * MARGIN;
}

static double
content_bottom (CobaltReport *self)
{
  return self->height - MARGIN - FOOTER_HEIGHT;
}

static const char *
block_font (CobaltReportBlockKind kind)
{
  switch (kind)
    {
    case COBALT_REPORT_BLOCK_TITLE:
      return TITLE_FONT;
    case COBALT_REPORT_BLOCK_HEADING:
      return HEADING_FONT;
    case COBALT_REPORT_BLOCK_SMALL:
      return SMALL_FONT;
    case COBALT_REPORT_BLOCK_TEXT:
    case COBALT_REPORT_BLOCK_TABLE:
    default:
      return BODY_FONT;
    }
}

static double
block_space_before (CobaltReportBlockKind kind)
{
  return kind == COBALT_REPORT_BLOCK_HEADING ? HEADING_BEFORE
       : kind == COBALT_REPORT_BLOCK_TITLE ? 0
       : TEXT_BEFORE;
}

static double
block_space_after (CobaltReportBlockKind kind)
{
  return kind == COBALT_REPORT_BLOCK_HEADING ? HEADING_AFTER
       : kind == COBALT_REPORT_BLOCK_TITLE ? TITLE_AFTER
       : 0;
}

static CobaltReportBlock *
get_block (CobaltReport *self,
           guint         index)
{
  return g_ptr_array_index (self->blocks, index);
}

/* The layouts of a row of the table, or of its head (@cells NULL). */
static void
create_row_layouts (CobaltReport        *self,
                    const char * const  *cells,
                    PangoLayout        **layouts)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    layouts[c] = create_layout (self, cells != NULL ? CELL_FONT : HEAD_FONT,
                                cells != NULL ? cells[c] : cobalt_report_column_title (c),
                                self->column_width[c] - 2 * CELL_PAD_X);
}

static void
free_row_layouts (PangoLayout **layouts)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_object (&layouts[c]);
}

static int
row_height (PangoLayout **layouts,
            guint         n)
{
  int height = 0;

  for (guint c = 0; c < n; c++)
    height = MAX (height, layout_height (layouts[c]));
  return height;
}

/* The end of the part of @layouts that starts at @from (Pango units) and
 * may be @avail high: the top of the first line of any of them that does
 * not fit whole, or @height when the rest fits. The part after it starts
 * with that line, so no line is drawn twice or cut. */
static int
slice_end (PangoLayout **layouts,
           guint         n,
           int           from,
           int           avail,
           int           height)
{
  int end = height;

  if (height - from <= avail)
    return height;

  for (guint c = 0; c < n; c++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (layouts[c]);

      do
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (y0 >= from && y1 - from > avail)
            {
              end = MIN (end, y0);
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  return end;
}

/* Draws the lines of @layout whose tops are in [@from, @to) with @from at
 * (@x, @y). */
static void
draw_layout_slice (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y,
                   int          from,
                   int          to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (y0 >= from && y0 < to)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + (double) (baseline - from) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* The rows' cells, fetched by key in pages of COBALT_LOG_FETCH_MAX:
 * GPtrArray of GStrv, rows gone meanwhile as empty rows so that indices
 * stay put. */
static GPtrArray *
fetch_rows (CobaltReport *self,
            guint         first,
            guint         n,
            GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint done = 0; done < n; )
    {
      guint chunk = MIN (n - done, COBALT_LOG_FETCH_MAX);
      const gint64 *keys = &g_array_index (self->keys, gint64, first + done);
      g_autoptr(GPtrArray) entries = cobalt_log_fetcher_fetch (self->fetcher, keys, chunk, error);
      guint e = 0;

      if (entries == NULL)
        return NULL;
      for (guint i = 0; i < chunk; i++)
        {
          CobaltLogEntry *entry = e < entries->len ? g_ptr_array_index (entries, e) : NULL;

          if (entry != NULL && entry->key == keys[i])
            {
              g_ptr_array_add (rows, cobalt_report_row_cells (entry, self->local));
              e++;
            }
          else
            g_ptr_array_add (rows, g_new0 (char *, N_COLUMNS + 1));
        }
      done += chunk;
    }
  return g_steal_pointer (&rows);
}

static void
measure_cell (CobaltReport *self,
              const char   *font,
              const char   *text,
              double       *min,
              double       *max)
{
  g_autoptr(PangoLayout) layout = create_layout (self, font, text, -1);
  int width;

  if (text == NULL || *text == '\0')
    return;
  pango_layout_get_size (layout, &width, NULL);
  *max = MAX (*max, (double) width / PANGO_SCALE);
  /* The widest word: a layout too narrow for any word has one per line. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, 1);
  pango_layout_get_size (layout, &width, NULL);
  *min = MAX (*min, (double) width / PANGO_SCALE);
}

/* Column widths: every column at least as wide as its longest word (up
 * to a share of the table), the date and time on one line when it can
 * be, then the room left shared out evenly among the columns whose
 * longest text does not fit yet, so short cells (a site, a dose) stay on
 * one or two lines and long notes take the width that is left. */
static gboolean
compute_column_widths (CobaltReport *self,
                       GError      **error)
{
  double width = content_width (self);
  double min[N_COLUMNS] = { 0, }, max[N_COLUMNS] = { 0, };
  double *w = self->column_width;
  double sum_min = 0, room, x = MARGIN;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double head_max = 0;

      /* A head may wrap between its words, but never inside one. */
      measure_cell (self, HEAD_FONT, cobalt_report_column_title (c), &min[c], &head_max);
    }
  for (guint first = 0; first < self->keys->len; first += COBALT_LOG_FETCH_MAX)
    {
      g_autoptr(GPtrArray) rows = fetch_rows (self, first, MIN (COBALT_LOG_FETCH_MAX, self->keys->len - first),
                                              error);

      if (rows == NULL)
        return FALSE;
      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);

          for (guint c = 0; cells[0] != NULL && c < N_COLUMNS; c++)
            measure_cell (self, CELL_FONT, cells[c], &min[c], &max[c]);
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      min[c] = MIN (min[c], MAX_MIN_SHARE * width) + 2 * CELL_PAD_X;
      max[c] = MAX (max[c] + 2 * CELL_PAD_X, min[c]);
      w[c] = min[c];
      sum_min += min[c];
    }

  if (sum_min >= width)
    {
      /* Huge text: every column in proportion, words broken as needed. */
      for (guint c = 0; c < N_COLUMNS; c++)
        w[c] = min[c] * width / sum_min;
    }
  else
    {
      double low = 0, high = width, used = 0;
      gboolean fixed_first = FALSE;

      room = width - sum_min;
      if (max[0] - min[0] <= room && max[0] <= 0.25 * width)
        fixed_first = TRUE;
      /* One level for every other column: each as wide as the level,
       * within its least and its most; the highest level that fits. */
      for (guint round = 0; round < 40; round++)
        {
          double level = (low + high) / 2;

          used = fixed_first ? max[0] : 0;
          for (guint c = fixed_first ? 1 : 0; c < N_COLUMNS; c++)
            used += CLAMP (level, min[c], max[c]);
          if (used <= width)
            low = level;
          else
            high = level;
        }
      used = 0;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          w[c] = c == 0 && fixed_first ? max[0] : CLAMP (low, min[c], max[c]);
          used += w[c];
        }
      room = width - used;
      /* Everything fits: the notes take what is left. */
      w[N_COLUMNS - 1] += MAX (room, 0);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      self->column_x[c] = x;
      x += w[c];
    }
  return TRUE;
}

/* Pagination ------------------------------------------------------------- */

typedef struct
{
  CobaltReport *self;
  double        y;
  gboolean      in_table;   /* a new page starts with the table's head */
  double        head_height;
} Flow;

static void
place (Flow      *flow,
       PlaceKind  kind,
       guint      index,
       double     y,
       int        from,
       int        to)
{
  Placement placement = { kind, index, y, from, to };

  g_array_append_val (flow->self->placements, placement);
}

static void
new_page (Flow *flow)
{
  CobaltReport *self = flow->self;
  guint start = self->placements->len;

  g_array_append_val (self->page_starts, start);
  self->n_pages++;
  flow->y = MARGIN;
  if (flow->in_table)
    {
      place (flow, PLACE_TABLE_HEAD, 0, flow->y, 0, -1);
      flow->y += flow->head_height;
    }
}

static gboolean
page_is_empty (Flow *flow)
{
  return flow->y <= MARGIN + (flow->in_table ? flow->head_height : 0) + 0.01;
}

/* Places @layouts (a block or a row) of @height Pango units with @pad
 * points above and below each part: whole where it fits, on a new page
 * when it would fit there, else in parts over as many pages as it needs. */
static void
place_item (Flow         *flow,
            PlaceKind     kind,
            guint         index,
            PangoLayout **layouts,
            guint         n,
            int           height,
            double        pad)
{
  double bottom = content_bottom (flow->self);
  double page_room = bottom - MARGIN - (flow->in_table ? flow->head_height : 0) - 2 * pad;
  int from = 0;

  if ((double) height / PANGO_SCALE > bottom - flow->y - 2 * pad &&
      (double) height / PANGO_SCALE <= page_room && !page_is_empty (flow))
    new_page (flow);

  for (;;)
    {
      int avail = (int) ((bottom - flow->y - 2 * pad) * PANGO_SCALE);
      int end = avail > 0 ? slice_end (layouts, n, from, avail, height) : from;

      if (end <= from)
        {
          if (page_is_empty (flow))
            end = MIN (height, from + MAX (avail, PANGO_SCALE)); /* a line taller than a page: never here */
          else
            {
              new_page (flow);
              continue;
            }
        }
      place (flow, kind, index, flow->y, from, end);
      flow->y += (double) (end - from) / PANGO_SCALE + 2 * pad;
      if (end >= height)
        return;
      from = end;
      new_page (flow);
    }
}

/* How much of block @index must share a page with the heading before it. */
static double
keep_height (CobaltReport *self,
             guint         index,
             double        head_height,
             double        first_row_height)
{
  CobaltReportBlock *block;
  g_autoptr(PangoLayout) layout = NULL;

  if (index >= self->blocks->len)
    return 0;
  block = get_block (self, index);
  if (block->kind == COBALT_REPORT_BLOCK_TABLE)
    return head_height + MIN (first_row_height, KEEP_WITH_NEXT);
  layout = create_layout (self, block_font (block->kind), block->text, content_width (self));
  return block_space_before (block->kind) + MIN ((double) layout_height (layout) / PANGO_SCALE, KEEP_WITH_NEXT);
}

static void
place_table (Flow *flow)
{
  CobaltReport *self = flow->self;
  PangoLayout *layouts[N_COLUMNS];

  place (flow, PLACE_TABLE_HEAD, 0, flow->y, 0, -1);
  flow->y += flow->head_height;
  flow->in_table = TRUE;

  for (guint first = 0; first < self->keys->len; first += COBALT_LOG_FETCH_MAX)
    {
      g_autoptr(GPtrArray) rows = fetch_rows (self, first, MIN (COBALT_LOG_FETCH_MAX, self->keys->len - first),
                                              &self->read_error);

      if (rows == NULL)
        break;
      for (guint r = 0; r < rows->len; r++)
        {
          create_row_layouts (self, g_ptr_array_index (rows, r), layouts);
          place_item (flow, PLACE_ROW, first + r, layouts, N_COLUMNS, row_height (layouts, N_COLUMNS), CELL_PAD_Y);
          free_row_layouts (layouts);
        }
    }
  flow->in_table = FALSE;
}

static double
first_row_height (CobaltReport *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  PangoLayout *layouts[N_COLUMNS];
  double height;

  if (self->keys->len == 0 || !(rows = fetch_rows (self, 0, 1, NULL)))
    return 0;
  create_row_layouts (self, g_ptr_array_index (rows, 0), layouts);
  height = (double) row_height (layouts, N_COLUMNS) / PANGO_SCALE + 2 * CELL_PAD_Y;
  free_row_layouts (layouts);
  return height;
}

/* Drawing ---------------------------------------------------------------- */

static void
draw_footer (CobaltReport *self,
             cairo_t      *cr,
             guint         page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  /* Translators: report page footer: person's name, page, pages */
  text = g_strdup_printf (_("%s — page %u of %u"), self->person->name, page + 1, self->n_pages);
  layout = create_layout (self, SMALL_FONT, text, content_width (self));
  draw_layout_slice (cr, layout, MARGIN, self->height - MARGIN - FOOTER_HEIGHT + 8, 0, G_MAXINT);
}

static void
draw_block (CobaltReport    *self,
            cairo_t         *cr,
            const Placement *placement)
{
  CobaltReportBlock *block = get_block (self, placement->index);
  double width = content_width (self);
  double y = placement->y;
  g_autoptr(PangoLayout) layout = create_layout (self, block_font (block->kind), block->text, width);

  draw_layout_slice (cr, layout, MARGIN, y, placement->from, placement->to);
  if (block->kind == COBALT_REPORT_BLOCK_HEADING)
    {
      double rule = y + (double) layout_height (layout) / PANGO_SCALE + 1.5;

      cairo_save (cr);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, rule);
      cairo_line_to (cr, MARGIN + width, rule);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_row (CobaltReport        *self,
          cairo_t             *cr,
          const Placement     *placement,
          const char * const  *cells)
{
  PangoLayout *layouts[N_COLUMNS];
  gboolean head = placement->kind == PLACE_TABLE_HEAD;
  int to = placement->to;
  double height;

  create_row_layouts (self, cells, layouts);
  if (to < 0)
    to = row_height (layouts, N_COLUMNS);
  height = (double) (to - placement->from) / PANGO_SCALE + 2 * CELL_PAD_Y;

  cairo_save (cr);
  if (head || placement->index % 2 == 1)
    {
      /* Every other row shaded, the head a little darker. */
      cairo_set_source_rgb (cr, head ? 0.86 : 0.94, head ? 0.86 : 0.94, head ? 0.86 : 0.94);
      cairo_rectangle (cr, MARGIN, placement->y, content_width (self), height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.3);
  cairo_move_to (cr, MARGIN, placement->y + height);
  cairo_line_to (cr, MARGIN + content_width (self), placement->y + height);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint c = 0; c < N_COLUMNS; c++)
    draw_layout_slice (cr, layouts[c], self->column_x[c] + CELL_PAD_X, placement->y + CELL_PAD_Y,
                       placement->from, to);
  free_row_layouts (layouts);
}

static void
draw_rows (CobaltReport    *self,
           cairo_t         *cr,
           const Placement *placements,
           guint            n)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint first = G_MAXUINT, last = 0;

  for (guint i = 0; i < n; i++)
    if (placements[i].kind == PLACE_ROW)
      {
        first = MIN (first, placements[i].index);
        last = MAX (last, placements[i].index);
      }

  if (first != G_MAXUINT)
    rows = fetch_rows (self, first, last - first + 1, &error);

  for (guint i = 0; i < n; i++)
    {
      const Placement *placement = &placements[i];

      if (placement->kind == PLACE_TABLE_HEAD)
        draw_row (self, cr, placement, NULL);
      else if (placement->kind == PLACE_ROW && rows != NULL)
        draw_row (self, cr, placement, g_ptr_array_index (rows, placement->index - first));
      else if (placement->kind == PLACE_ROW && error != NULL)
        {
          /* Read at pagination, unreadable now: said once, never a
           * silently blank table. */
          g_autoptr(PangoLayout) layout = create_layout (self, BODY_FONT, error->message, content_width (self));

          draw_layout_slice (cr, layout, MARGIN, placement->y, 0, G_MAXINT);
          g_clear_error (&error);
        }
    }
}

/* Callbacks ------------------------------------------------------------ */

static cairo_status_t
write_to_bytes_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* GObject --------------------------------------------------------------- */

static void
cobalt_report_finalize (GObject *object)
{
  CobaltReport *self = COBALT_REPORT (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->person);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->local, g_time_zone_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->fetcher, cobalt_log_fetcher_free);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_error (&self->read_error);

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
  cairo_font_options_t *options = cairo_font_options_create ();

  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  /* One point per unit, as on paper; metrics neither hinted nor rounded,
   * as a PDF or a printer has them. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  cairo_font_options_destroy (options);
}

/* Public API ------------------------------------------------------------ */

CobaltReport *
cobalt_report_new (CobaltRepository *repository,
                   gint64            person_id,
                   CobaltClock      *clock,
                   GError          **error)
{
  g_autoptr(CobaltReport) self = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GError) local_error = NULL;
  CobaltLogQuery query;
  double width, height;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), NULL);

  self = g_object_new (COBALT_TYPE_REPORT, NULL);
  self->repository = g_object_ref (repository);
  self->now = cobalt_clock_get_now (clock);
  self->local = g_time_zone_ref (g_date_time_get_timezone (self->now));

  self->person = cobalt_repository_get_person (repository, person_id, error);
  if (self->person == NULL)
    return NULL;
  self->title = g_strdup_printf (_("B12 injection report: %s"), self->person->name);
  prescription = cobalt_repository_get_prescription (repository, person_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Every row of the Log, stopped checklists included, newest first. */
  cobalt_log_query_init (&query, person_id);
  self->keys = cobalt_log_query_keys (repository, &query, error);
  if (self->keys == NULL)
    return NULL;
  self->fetcher = cobalt_log_fetcher_new (repository);

  self->blocks = cobalt_report_summary_build (repository, self->person, prescription, self->now, error);
  if (self->blocks == NULL)
    return NULL;

  cobalt_report_get_paper_size (&width, &height);
  cobalt_report_paginate (self, width, height);
  return g_steal_pointer (&self);
}

guint
cobalt_report_paginate (CobaltReport *self,
                        double        width,
                        double        height)
{
  Flow flow = { self, MARGIN, FALSE, 0 };
  double head_height = 0, first_height = 0;

  g_return_val_if_fail (COBALT_IS_REPORT (self), 0);

  self->width = width;
  self->height = height;
  self->n_pages = 0;
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->page_starts, 0);
  g_clear_error (&self->read_error);

  if (!compute_column_widths (self, &self->read_error))
    {
      /* The table then says why it is missing. */
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          self->column_width[c] = content_width (self) / N_COLUMNS;
          self->column_x[c] = MARGIN + c * self->column_width[c];
        }
    }
  {
    PangoLayout *layouts[N_COLUMNS];

    create_row_layouts (self, NULL, layouts);
    head_height = (double) row_height (layouts, N_COLUMNS) / PANGO_SCALE + 2 * CELL_PAD_Y;
    free_row_layouts (layouts);
  }
  first_height = first_row_height (self);
  flow.head_height = head_height;

  new_page (&flow);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      CobaltReportBlock *block = get_block (self, i);
      g_autoptr(PangoLayout) layout = NULL;
      double before = block_space_before (block->kind);

      if (block->kind == COBALT_REPORT_BLOCK_TABLE && self->read_error == NULL)
        {
          /* The head and the first row together, or on the next page. */
          if (flow.y + head_height + first_height > content_bottom (self) && !page_is_empty (&flow))
            new_page (&flow);
          place_table (&flow);
          continue;
        }

      layout = create_layout (self, block_font (block->kind),
                              block->kind == COBALT_REPORT_BLOCK_TABLE ? self->read_error->message : block->text,
                              content_width (self));
      if (block->kind == COBALT_REPORT_BLOCK_HEADING)
        {
          double need = before + (double) layout_height (layout) / PANGO_SCALE + HEADING_AFTER +
                        keep_height (self, i + 1, head_height, first_height);

          if (flow.y + need > content_bottom (self) && !page_is_empty (&flow))
            new_page (&flow);
        }
      if (page_is_empty (&flow))
        before = 0;
      flow.y += before;
      place_item (&flow, PLACE_BLOCK, i, &layout, 1, layout_height (layout), 0);
      flow.y += block_space_after (block->kind);
    }

  {
    guint end = self->placements->len;

    g_array_append_val (self->page_starts, end);
  }
  return self->n_pages;
}

guint
cobalt_report_get_n_pages (CobaltReport *self)
{
  g_return_val_if_fail (COBALT_IS_REPORT (self), 0);
  return self->n_pages;
}

gboolean
cobalt_report_get_table_start (CobaltReport *self,
                               guint        *page,
                               double       *y)
{
  g_return_val_if_fail (COBALT_IS_REPORT (self), FALSE);

  for (guint p = 0; p < self->n_pages; p++)
    for (guint i = g_array_index (self->page_starts, guint, p);
         i < g_array_index (self->page_starts, guint, p + 1); i++)
      if (g_array_index (self->placements, Placement, i).kind == PLACE_TABLE_HEAD)
        {
          if (page != NULL)
            *page = p;
          if (y != NULL)
            *y = g_array_index (self->placements, Placement, i).y;
          return TRUE;
        }
  return FALSE;
}

void
cobalt_report_draw_page (CobaltReport *self,
                         cairo_t      *cr,
                         guint         page)
{
  guint start, end;
  const Placement *placements;

  g_return_if_fail (COBALT_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  start = g_array_index (self->page_starts, guint, page);
  end = g_array_index (self->page_starts, guint, page + 1);
  placements = &g_array_index (self->placements, Placement, start);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < end - start; i++)
    if (placements[i].kind == PLACE_BLOCK)
      {
        CobaltReportBlock *block = get_block (self, placements[i].index);

        if (block->kind == COBALT_REPORT_BLOCK_TABLE)
          {
            g_autoptr(PangoLayout) layout = create_layout (self, BODY_FONT, self->read_error->message,
                                                           content_width (self));

            draw_layout_slice (cr, layout, MARGIN, placements[i].y, placements[i].from, placements[i].to);
          }
        else
          draw_block (self, cr, &placements[i]);
      }
  /* The table's rows, read from the database for this page only. */
  draw_rows (self, cr, placements, end - start);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

gboolean
cobalt_report_write_pdf_sized (CobaltReport *self,
                               const char   *path,
                               double        width,
                               double        height,
                               GError      **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (COBALT_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN + FOOTER_HEIGHT, FALSE);

  cobalt_report_paginate (self, width, height);

  /* Drawn into memory, then written 0600 in one atomic step. */
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes_cb, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
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

gboolean
cobalt_report_write_pdf (CobaltReport *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  g_return_val_if_fail (COBALT_IS_REPORT (self), FALSE);

  /* The paper of the last print, else the locale's. */
  if (cobalt_report_get_print_settings () != NULL &&
      (paper = gtk_print_settings_get_paper_size (cobalt_report_get_print_settings ())) != NULL)
    {
      width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
      height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
    }
  else
    cobalt_report_get_paper_size (&width, &height);
  return cobalt_report_write_pdf_sized (self, path, width, height, error);
}

const char *
cobalt_report_get_title (CobaltReport *self)
{
  g_return_val_if_fail (COBALT_IS_REPORT (self), NULL);
  return self->title;
}
