/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-wrap-box.h"

struct _CobaltWrapBox
{
  GtkWidget  parent_instance;

  int        spacing;
  int        row_spacing;
  gboolean   pack_end;
  guint      max_per_line;
  guint      n_lines;
};

G_DEFINE_FINAL_TYPE (CobaltWrapBox, cobalt_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  PROP_PACK_END,
  PROP_MAX_PER_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *widget;
  int        min;
  int        nat;
  int        width;    /* in the line being laid out */
  int        height;   /* for that width */
  int        min_height;
  guint      line;
  gboolean   expand;
} Item;

static GArray *
collect (CobaltWrapBox *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0, 0, 0, FALSE };

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &item.min, &item.nat, NULL, NULL);
      item.expand = gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      g_array_append_val (items, item);
    }

  return items;
}

/* Puts @items into lines @width wide (each at its natural width, never
 * wider than the line nor narrower than its minimum), shares out what is
 * left of each line, and measures each child's height for its width.
 * Returns the number of lines; *@height their height (minimum heights
 * in *@min_height). */
static guint
lay_out (CobaltWrapBox *self,
         GArray        *items,
         int            width,
         int           *min_height,
         int           *height)
{
  guint line = 0;
  guint in_line = 0;
  int used = 0;
  int total = 0, total_min = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      item->width = MAX (item->min, MIN (item->nat, width));
      if (in_line > 0 &&
          ((self->max_per_line > 0 && in_line >= self->max_per_line) ||
           used + self->spacing + item->width > width))
        {
          line++;
          in_line = 0;
          used = 0;
        }
      item->line = line;
      used += (in_line > 0 ? self->spacing : 0) + item->width;
      in_line++;
    }

  if (items->len == 0)
    {
      if (min_height != NULL)
        *min_height = 0;
      if (height != NULL)
        *height = 0;
      return 0;
    }

  for (guint l = 0, start = 0; l <= line; l++)
    {
      guint end = start;
      guint n_expand = 0;
      int line_used = 0;
      int line_height = 0, line_min = 0;

      while (end < items->len && g_array_index (items, Item, end).line == l)
        {
          Item *item = &g_array_index (items, Item, end);

          line_used += (end > start ? self->spacing : 0) + item->width;
          if (item->expand)
            n_expand++;
          end++;
        }

      /* The rest of the line to the children that expand, evenly. */
      if (n_expand > 0 && width > line_used)
        {
          int extra = width - line_used;
          guint given = 0;

          for (guint i = start; i < end; i++)
            {
              Item *item = &g_array_index (items, Item, i);

              if (!item->expand)
                continue;
              given++;
              item->width += given == n_expand ? extra - (extra / (int) n_expand) * (int) (n_expand - 1)
                                               : extra / (int) n_expand;
            }
        }

      for (guint i = start; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);

          gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width,
                              &item->min_height, &item->height, NULL, NULL);
          line_height = MAX (line_height, item->height);
          line_min = MAX (line_min, item->min_height);
        }

      total += line_height + (l > 0 ? self->row_spacing : 0);
      total_min += line_min + (l > 0 ? self->row_spacing : 0);
      start = end;
    }

  if (min_height != NULL)
    *min_height = total_min;
  if (height != NULL)
    *height = total;

  return line + 1;
}

static void
set_int (CobaltWrapBox *self,
         int           *field,
         int            value,
         guint          prop)
{
  if (*field == value)
    return;

  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cobalt_wrap_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CobaltWrapBox *self = COBALT_WRAP_BOX (widget);
  g_autoptr(GArray) items = collect (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, line = 0;
      guint in_line = 0;

      /* The narrowest: one child a line. The natural: as many a line as
       * "max-per-line" allows. */
      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);

          min = MAX (min, item->min);
          if (self->max_per_line > 0 && in_line >= self->max_per_line)
            {
              nat = MAX (nat, line);
              line = 0;
              in_line = 0;
            }
          line += (in_line > 0 ? self->spacing : 0) + item->nat;
          in_line++;
        }
      nat = MAX (nat, line);

      *minimum = min;
      *natural = MAX (min, nat);
    }
  else
    {
      int width = for_size;

      /* Without a width, the heights at the natural width. */
      if (width < 0)
        {
          int min_width;

          cobalt_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &width, NULL, NULL);
        }
      lay_out (self, items, width, minimum, natural);
    }
}

static void
cobalt_wrap_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CobaltWrapBox *self = COBALT_WRAP_BOX (widget);
  g_autoptr(GArray) items = collect (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  self->n_lines = lay_out (self, items, width, NULL, NULL);

  for (guint l = 0, start = 0; l < self->n_lines; l++)
    {
      guint end = start;
      gboolean expands = FALSE;
      int line_used = 0, line_height = 0, x;

      while (end < items->len && g_array_index (items, Item, end).line == l)
        {
          Item *item = &g_array_index (items, Item, end);

          line_used += (end > start ? self->spacing : 0) + item->width;
          line_height = MAX (line_height, item->height);
          expands = expands || item->expand;
          end++;
        }

      x = self->pack_end && !expands ? MAX (0, width - line_used) : 0;
      for (guint i = start; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          int left = rtl ? width - x - item->width : x;

          gtk_widget_size_allocate (item->widget,
                                    &(GtkAllocation) { left, y, item->width, line_height },
                                    -1);
          x += item->width + self->spacing;
        }

      y += line_height + self->row_spacing;
      start = end;
    }
}

static GtkSizeRequestMode
cobalt_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cobalt_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cobalt_wrap_box_parent_class)->dispose (object);
}

static void
cobalt_wrap_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltWrapBox *self = COBALT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_PACK_END:
      g_value_set_boolean (value, self->pack_end);
      break;
    case PROP_MAX_PER_LINE:
      g_value_set_uint (value, self->max_per_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_wrap_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltWrapBox *self = COBALT_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      set_int (self, &self->spacing, g_value_get_int (value), PROP_SPACING);
      break;
    case PROP_ROW_SPACING:
      set_int (self, &self->row_spacing, g_value_get_int (value), PROP_ROW_SPACING);
      break;
    case PROP_PACK_END:
      cobalt_wrap_box_set_pack_end (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_PER_LINE:
      cobalt_wrap_box_set_max_per_line (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_wrap_box_class_init (CobaltWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_wrap_box_dispose;
  object_class->get_property = cobalt_wrap_box_get_property;
  object_class->set_property = cobalt_wrap_box_set_property;

  widget_class->measure = cobalt_wrap_box_measure;
  widget_class->size_allocate = cobalt_wrap_box_size_allocate;
  widget_class->get_request_mode = cobalt_wrap_box_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACK_END] =
    g_param_spec_boolean ("pack-end", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_PER_LINE] =
    g_param_spec_uint ("max-per-line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
cobalt_wrap_box_init (CobaltWrapBox *self)
{
}

GtkWidget *
cobalt_wrap_box_new (int spacing)
{
  return g_object_new (COBALT_TYPE_WRAP_BOX,
                       "spacing", spacing,
                       "row-spacing", spacing / 2,
                       NULL);
}

void
cobalt_wrap_box_append (CobaltWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (COBALT_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
cobalt_wrap_box_remove (CobaltWrapBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (COBALT_IS_WRAP_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  gtk_widget_unparent (child);
}

void
cobalt_wrap_box_set_pack_end (CobaltWrapBox *self,
                              gboolean       pack_end)
{
  g_return_if_fail (COBALT_IS_WRAP_BOX (self));

  pack_end = !!pack_end;
  if (self->pack_end == pack_end)
    return;

  self->pack_end = pack_end;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACK_END]);
}

void
cobalt_wrap_box_set_max_per_line (CobaltWrapBox *self,
                                  guint          max_per_line)
{
  g_return_if_fail (COBALT_IS_WRAP_BOX (self));

  if (self->max_per_line == max_per_line)
    return;

  self->max_per_line = max_per_line;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_PER_LINE]);
}

guint
cobalt_wrap_box_get_n_lines (CobaltWrapBox *self)
{
  g_return_val_if_fail (COBALT_IS_WRAP_BOX (self), 0);

  return self->n_lines;
}
