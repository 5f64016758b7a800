/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-log-row.h"

/* Pixels above and below the text of a row, and between its two lines
 * when it is stacked. */
#define ROW_PADDING 9
#define LINE_SPACING 3
/* The narrowest a row gets, in characters: the date and time. */
#define STACKED_MIN_CHARS 18
/* Between the cells of a stacked row's second line. */
#define CELL_SEPARATOR " · "

struct _CobaltLogColumns
{
  /* The font the sizes below were measured for: the system font or the
   * text scaling (gtk-xft-dpi) may change while the page is shown. */
  PangoFontDescription *font;
  double resolution;
  int  char_width;   /* 0: not measured yet */
  int  line_height;
  int  width;        /* the width the cache below is for, -1: none */
  gboolean rtl;
  int  x[COBALT_LOG_N_COLUMNS];
  int  w[COBALT_LOG_N_COLUMNS];
};

struct _CobaltLogRow
{
  GtkWidget         parent_instance;

  CobaltLogColumns *columns;
  char             *texts[COBALT_LOG_N_COLUMNS];
  PangoLayout      *layouts[COBALT_LOG_N_COLUMNS];  /* made when first drawn */
  /* On two lines (a narrow window, large text): the date and the dose,
   * then the other cells in one line, made when first drawn. */
  PangoLayout      *first_line[2];
  PangoLayout      *second_line;
  gboolean          aborted;
  gboolean          urgent;
};

G_DEFINE_FINAL_TYPE (CobaltLogRow, cobalt_log_row, GTK_TYPE_WIDGET)

/* Natural and minimum widths in characters, and the order in which the
 * columns give up width when the window is narrow (the date last). */
static const struct
{
  int nat_chars;
  int min_chars;
  int shrink_order;
} column_specs[COBALT_LOG_N_COLUMNS] = {
  [COBALT_LOG_COLUMN_WHEN]      = { 22, 16, 7 },
  [COBALT_LOG_COLUMN_SITE]      = { 24, 12, 6 },
  [COBALT_LOG_COLUMN_DOSE]      = { 21, 10, 5 },
  [COBALT_LOG_COLUMN_BATCH]     = {  9,  8, 4 },
  [COBALT_LOG_COLUMN_GIVEN_BY]  = { 16,  9, 2 },
  [COBALT_LOG_COLUMN_CHECKLIST] = { 10,  9, 3 },
  [COBALT_LOG_COLUMN_REACTIONS] = { 18,  9, 1 },
  [COBALT_LOG_COLUMN_NOTES]     = { 16,  8, 0 },
};

/* Columns ------------------------------------------------------------- */

static void
measure_font (CobaltLogColumns *columns,
              GtkWidget        *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoFontMetrics *metrics;

  if (columns->char_width > 0 && columns->resolution == resolution &&
      columns->font != NULL && font != NULL && pango_font_description_equal (columns->font, font))
    return;
  g_clear_pointer (&columns->font, pango_font_description_free);
  columns->font = font != NULL ? pango_font_description_copy (font) : NULL;
  columns->resolution = resolution;
  metrics = pango_context_get_metrics (context, NULL, NULL);
  columns->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                             pango_font_metrics_get_approximate_digit_width (metrics));
  columns->char_width = MAX (1, PANGO_PIXELS_CEIL (columns->char_width));
  columns->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (columns->line_height <= 0)
    columns->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                              pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  columns->width = -1;
}

static int
spec_width (CobaltLogColumns *columns,
            int               chars)
{
  return chars * columns->char_width + 2 * COBALT_LOG_CELL_PADDING;
}

static void
clear_columns (gpointer data)
{
  CobaltLogColumns *columns = data;

  g_clear_pointer (&columns->font, pango_font_description_free);
}

CobaltLogColumns *
cobalt_log_columns_new (void)
{
  CobaltLogColumns *columns = g_rc_box_new0 (CobaltLogColumns);

  columns->width = -1;
  return columns;
}

CobaltLogColumns *
cobalt_log_columns_ref (CobaltLogColumns *columns)
{
  g_return_val_if_fail (columns != NULL, NULL);
  return g_rc_box_acquire (columns);
}

void
cobalt_log_columns_unref (CobaltLogColumns *columns)
{
  if (columns != NULL)
    g_rc_box_release_full (columns, clear_columns);
}

void
cobalt_log_columns_reset (CobaltLogColumns *columns)
{
  g_return_if_fail (columns != NULL);
  columns->char_width = 0;
  columns->width = -1;
}

int
cobalt_log_columns_get_min_width (CobaltLogColumns *columns,
                                  GtkWidget        *widget)
{
  int total = 0;

  g_return_val_if_fail (columns != NULL, 0);

  measure_font (columns, widget);
  /* The notes column can make way entirely. */
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    if (i != COBALT_LOG_COLUMN_NOTES)
      total += spec_width (columns, column_specs[i].min_chars);
  return total;
}

gboolean
cobalt_log_columns_is_stacked (CobaltLogColumns *columns,
                               GtkWidget        *widget,
                               int               width)
{
  g_return_val_if_fail (columns != NULL, FALSE);

  return width >= 0 && width < cobalt_log_columns_get_min_width (columns, widget);
}

int
cobalt_log_columns_get_stacked_min_width (CobaltLogColumns *columns,
                                          GtkWidget        *widget)
{
  g_return_val_if_fail (columns != NULL, 0);

  measure_font (columns, widget);
  return spec_width (columns, STACKED_MIN_CHARS);
}

int
cobalt_log_columns_get_line_height (CobaltLogColumns *columns,
                                    GtkWidget        *widget)
{
  g_return_val_if_fail (columns != NULL, 0);

  measure_font (columns, widget);
  return columns->line_height;
}

void
cobalt_log_columns_get (CobaltLogColumns *columns,
                        GtkWidget        *widget,
                        int               width,
                        int              *x,
                        int              *column_width)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  g_return_if_fail (columns != NULL);

  measure_font (columns, widget);
  if (columns->width != width || columns->rtl != rtl)
    {
      int total = 0, left = 0;

      for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
        {
          columns->w[i] = spec_width (columns, column_specs[i].nat_chars);
          total += columns->w[i];
        }
      if (total <= width)
        columns->w[COBALT_LOG_COLUMN_NOTES] += width - total;
      else
        {
          /* When the other columns would not fit even without the notes,
           * the notes make way (the tooltip, the row's accessible name and
           * the edit form still show them): a column of "…" helps nobody. */
          if (total - width > columns->w[COBALT_LOG_COLUMN_NOTES])
            {
              total -= columns->w[COBALT_LOG_COLUMN_NOTES];
              columns->w[COBALT_LOG_COLUMN_NOTES] = 0;
            }
        }
      if (total > width)
        {
          /* Too narrow: the less important columns give up width first. */
          int deficit = total - width;

          for (int order = 0; order < COBALT_LOG_N_COLUMNS && deficit > 0; order++)
            for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
              if (column_specs[i].shrink_order == order)
                {
                  int give = MIN (deficit, columns->w[i] - spec_width (columns, column_specs[i].min_chars));

                  if (columns->w[i] == 0)
                    continue;

                  columns->w[i] -= give;
                  deficit -= give;
                }
        }

      for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
        {
          columns->x[i] = rtl ? width - left - columns->w[i] : left;
          left += columns->w[i];
        }
      columns->width = width;
      columns->rtl = rtl;
    }

  memcpy (x, columns->x, sizeof columns->x);
  memcpy (column_width, columns->w, sizeof columns->w);
}

/* Row ---------------------------------------------------------------- */

static void
clear_layouts (CobaltLogRow *self)
{
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    g_clear_object (&self->layouts[i]);
  g_clear_object (&self->first_line[0]);
  g_clear_object (&self->first_line[1]);
  g_clear_object (&self->second_line);
}

/* The columns a stacked row shows on its second line, in this order. */
static const CobaltLogColumn second_line_columns[] = {
  COBALT_LOG_COLUMN_SITE,
  COBALT_LOG_COLUMN_GIVEN_BY,
  COBALT_LOG_COLUMN_REACTIONS,
  COBALT_LOG_COLUMN_BATCH,
  COBALT_LOG_COLUMN_CHECKLIST,
  COBALT_LOG_COLUMN_NOTES,
};

static PangoAttrList *
make_attributes (CobaltLogRow *self,
                 guint         column)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  if (self->aborted)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  if (self->urgent && column == COBALT_LOG_COLUMN_REACTIONS)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  return attrs;
}

/* A stacked row's second line: its cells joined, the urgent reactions
 * in bold and the error colour as in the table. */
static PangoLayout *
make_second_line (CobaltLogRow  *self,
                  const GdkRGBA *error_color)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoLayout *layout;

  if (self->aborted)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  for (guint i = 0; i < G_N_ELEMENTS (second_line_columns); i++)
    {
      const char *cell = self->texts[second_line_columns[i]];
      guint start;

      if (cell == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, CELL_SEPARATOR);
      start = text->len;
      g_string_append (text, cell);
      if (self->urgent && second_line_columns[i] == COBALT_LOG_COLUMN_REACTIONS)
        {
          PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
          PangoAttribute *color = pango_attr_foreground_new (error_color->red * 65535,
                                                             error_color->green * 65535,
                                                             error_color->blue * 65535);

          bold->start_index = color->start_index = start;
          bold->end_index = color->end_index = text->len;
          pango_attr_list_insert (attrs, bold);
          pango_attr_list_insert (attrs, color);
        }
    }
  if (text->len == 0)
    return NULL;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text->str);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  CobaltLogRow *self = COBALT_LOG_ROW (widget);
  int xs[COBALT_LOG_N_COLUMNS], ws[COBALT_LOG_N_COLUMNS];
  const char *text = NULL;

  if (cobalt_log_columns_is_stacked (self->columns, widget, gtk_widget_get_width (widget)))
    {
      gboolean cut = FALSE;
      g_autoptr(GString) all = NULL;

      /* The whole row, one cell a line, when a line is cut short. */
      for (guint i = 0; i < 2; i++)
        cut |= self->first_line[i] != NULL && pango_layout_is_ellipsized (self->first_line[i]);
      cut |= self->second_line != NULL && pango_layout_is_ellipsized (self->second_line);
      if (!cut)
        return FALSE;
      all = g_string_new (NULL);
      for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
        if (self->texts[i] != NULL)
          g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", self->texts[i]);
      gtk_tooltip_set_text (tooltip, all->str);
      return TRUE;
    }

  cobalt_log_columns_get (self->columns, widget, gtk_widget_get_width (widget), xs, ws);
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    if (x >= xs[i] && x < xs[i] + ws[i])
      {
        /* Only the texts that are cut short need the tooltip. */
        if (self->layouts[i] != NULL && pango_layout_is_ellipsized (self->layouts[i]))
          text = self->texts[i];
        break;
      }
  /* With no room for the notes column, the notes show on hover. */
  if (text == NULL && ws[COBALT_LOG_COLUMN_NOTES] == 0)
    text = self->texts[COBALT_LOG_COLUMN_NOTES];
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkSizeRequestMode
cobalt_log_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cobalt_log_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CobaltLogRow *self = COBALT_LOG_ROW (widget);
  int line_height = cobalt_log_columns_get_line_height (self->columns, widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the date on a line; at its natural width, a row
       * shows every column on one line. */
      *minimum = cobalt_log_columns_get_stacked_min_width (self->columns, widget);
      *natural = cobalt_log_columns_get_min_width (self->columns, widget);
    }
  else if (cobalt_log_columns_is_stacked (self->columns, widget, for_size))
    *minimum = *natural = 2 * line_height + LINE_SPACING + 2 * ROW_PADDING;
  else
    *minimum = *natural = line_height + 2 * ROW_PADDING;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The row on two lines: the date and the dose, then the rest. */
static void
snapshot_stacked (CobaltLogRow  *self,
                  GtkSnapshot   *snapshot,
                  const GdkRGBA *color,
                  const GdkRGBA *error_color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget) - 2 * COBALT_LOG_CELL_PADDING;
  int line_height = cobalt_log_columns_get_line_height (self->columns, widget);
  int gap = 2 * COBALT_LOG_CELL_PADDING;
  int when_width = 0;
  const CobaltLogColumn first[2] = { COBALT_LOG_COLUMN_WHEN, COBALT_LOG_COLUMN_DOSE };

  if (width <= 0)
    return;

  for (guint i = 0; i < 2; i++)
    {
      const char *text = self->texts[first[i]];
      int w, h, x, text_width;

      if (text == NULL)
        continue;
      if (self->first_line[i] == NULL)
        {
          g_autoptr(PangoAttrList) attrs = make_attributes (self, first[i]);

          self->first_line[i] = gtk_widget_create_pango_layout (widget, text);
          pango_layout_set_attributes (self->first_line[i], attrs);
          pango_layout_set_ellipsize (self->first_line[i], PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (self->first_line[i], TRUE);
        }
      /* The date whole when it can be; the dose after it, in what is
       * left, cut short if it must. */
      w = i == 0 ? width : width - when_width - gap;
      if (w <= 0)
        continue;
      pango_layout_set_width (self->first_line[i], w * PANGO_SCALE);
      pango_layout_set_alignment (self->first_line[i], rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_size (self->first_line[i], &text_width, &h);
      /* Right to left, both start at the right edge of their space. */
      x = COBALT_LOG_CELL_PADDING + (i == 1 && !rtl ? when_width + gap : 0);
      append_layout (snapshot, self->first_line[i], x, ROW_PADDING + (line_height - h) / 2, color);
      if (i == 0)
        when_width = MIN (text_width, width);
    }

  if (self->second_line == NULL)
    self->second_line = make_second_line (self, error_color);
  if (self->second_line != NULL)
    {
      int h;

      pango_layout_set_width (self->second_line, width * PANGO_SCALE);
      if (rtl)
        pango_layout_set_alignment (self->second_line, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (self->second_line, NULL, &h);
      append_layout (snapshot, self->second_line, COBALT_LOG_CELL_PADDING,
                     ROW_PADDING + line_height + LINE_SPACING + (line_height - h) / 2, color);
    }
}

static void
cobalt_log_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CobaltLogRow *self = COBALT_LOG_ROW (widget);
  int xs[COBALT_LOG_N_COLUMNS], ws[COBALT_LOG_N_COLUMNS];
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style;
  GdkRGBA color, error_color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  style = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (style, &color);
  if (!gtk_style_context_lookup_color (style, "error_color", &error_color))
    error_color = color;
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (cobalt_log_columns_is_stacked (self->columns, widget, gtk_widget_get_width (widget)))
    {
      snapshot_stacked (self, snapshot, &color, &error_color);
      return;
    }

  cobalt_log_columns_get (self->columns, widget, gtk_widget_get_width (widget), xs, ws);
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    {
      int text_width = ws[i] - 2 * COBALT_LOG_CELL_PADDING;
      int layout_height;

      if (self->texts[i] == NULL || text_width <= 0)
        continue;
      if (self->layouts[i] == NULL)
        {
          g_autoptr(PangoAttrList) attrs = make_attributes (self, i);

          self->layouts[i] = gtk_widget_create_pango_layout (widget, self->texts[i]);
          pango_layout_set_attributes (self->layouts[i], attrs);
          pango_layout_set_ellipsize (self->layouts[i], PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (self->layouts[i], TRUE);
          pango_layout_set_width (self->layouts[i], -1);
        }
      if (pango_layout_get_width (self->layouts[i]) != text_width * PANGO_SCALE)
        pango_layout_set_width (self->layouts[i], text_width * PANGO_SCALE);
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        pango_layout_set_alignment (self->layouts[i], PANGO_ALIGN_RIGHT);

      pango_layout_get_pixel_size (self->layouts[i], NULL, &layout_height);
      append_layout (snapshot, self->layouts[i], xs[i] + COBALT_LOG_CELL_PADDING, (height - layout_height) / 2,
                     self->urgent && i == COBALT_LOG_COLUMN_REACTIONS ? &error_color : &color);
    }
}

static void
cobalt_log_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  CobaltLogRow *self = COBALT_LOG_ROW (widget);

  GTK_WIDGET_CLASS (cobalt_log_row_parent_class)->css_changed (widget, change);
  /* A new font (or size) needs new layouts; colours are read at drawing. */
  clear_layouts (self);
}

static void
cobalt_log_row_finalize (GObject *object)
{
  CobaltLogRow *self = COBALT_LOG_ROW (object);

  clear_layouts (self);
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->columns, cobalt_log_columns_unref);

  G_OBJECT_CLASS (cobalt_log_row_parent_class)->finalize (object);
}

static void
cobalt_log_row_class_init (CobaltLogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cobalt_log_row_finalize;
  widget_class->get_request_mode = cobalt_log_row_get_request_mode;
  widget_class->measure = cobalt_log_row_measure;
  widget_class->snapshot = cobalt_log_row_snapshot;
  widget_class->css_changed = cobalt_log_row_css_changed;

  gtk_widget_class_set_css_name (widget_class, "logrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cobalt_log_row_init (CobaltLogRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
}

GtkWidget *
cobalt_log_row_new (CobaltLogColumns *columns)
{
  CobaltLogRow *self;

  g_return_val_if_fail (columns != NULL, NULL);

  self = g_object_new (COBALT_TYPE_LOG_ROW, NULL);
  self->columns = cobalt_log_columns_ref (columns);
  return GTK_WIDGET (self);
}

void
cobalt_log_row_set_texts (CobaltLogRow       *self,
                          const char * const *texts,
                          gboolean            aborted,
                          gboolean            urgent)
{
  g_return_if_fail (COBALT_IS_LOG_ROW (self));
  g_return_if_fail (texts != NULL);

  clear_layouts (self);
  for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
    {
      g_free (self->texts[i]);
      self->texts[i] = texts[i] != NULL && *texts[i] != '\0' ? g_strdup (texts[i]) : NULL;
    }
  self->aborted = !!aborted;
  self->urgent = !!urgent;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cobalt_log_row_set_accessible_text (CobaltLogRow *self,
                                    GtkWidget    *item_widget,
                                    const char   *label,
                                    const char   *description)
{
  GtkWidget *targets[2] = { GTK_WIDGET (self), item_widget };

  g_return_if_fail (COBALT_IS_LOG_ROW (self));
  g_return_if_fail (item_widget == NULL || GTK_IS_WIDGET (item_widget));
  g_return_if_fail (label != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (targets[i] == NULL)
        continue;
      if (description != NULL && *description != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      else
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (targets[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

const char *
cobalt_log_row_get_text (CobaltLogRow    *self,
                         CobaltLogColumn  column)
{
  g_return_val_if_fail (COBALT_IS_LOG_ROW (self), NULL);
  g_return_val_if_fail (column < COBALT_LOG_N_COLUMNS, NULL);
  return self->texts[column];
}
