/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-log-row.h"

/* Pixels above and below the text of a row. */
#define ROW_PADDING 9

struct _CobaltLogColumns
{
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
  PangoContext *context;
  PangoFontMetrics *metrics;

  if (columns->char_width > 0)
    return;
  context = gtk_widget_get_pango_context (widget);
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
    g_rc_box_release (columns);
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
}

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

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = cobalt_log_columns_get_min_width (self->columns, widget);
  else
    {
      cobalt_log_columns_get_min_width (self->columns, widget);
      *minimum = *natural = self->columns->line_height + 2 * ROW_PADDING;
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
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (xs[i] + COBALT_LOG_CELL_PADDING,
                                                    (height - layout_height) / 2));
      gtk_snapshot_append_layout (snapshot, self->layouts[i],
                                  self->urgent && i == COBALT_LOG_COLUMN_REACTIONS ? &error_color : &color);
      gtk_snapshot_restore (snapshot);
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

  /* Screen readers read the row as one line. */
  {
    g_autoptr(GString) label = g_string_new (NULL);

    for (guint i = 0; i < COBALT_LOG_N_COLUMNS; i++)
      if (self->texts[i] != NULL)
        g_string_append_printf (label, "%s%s", label->len > 0 ? ", " : "", self->texts[i]);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
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
