/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-fold-box.h"

struct _CobaltFoldBox
{
  GtkWidget parent_instance;

  int       spacing;
  gboolean  folded;
};

static void cobalt_fold_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CobaltFoldBox, cobalt_fold_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, cobalt_fold_box_buildable_init))

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* A child's size, as measured once per layout. */
typedef struct
{
  GtkWidget *widget;
  int        min;
  int        nat;
  gboolean   expand;
  int        size;     /* what it gets along the row or the column */
} Child;

static GArray *
visible_children (CobaltFoldBox *self)
{
  GArray *children = g_array_new (FALSE, TRUE, sizeof (Child));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Child c = { child, 0, 0, FALSE, 0 };

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &c.min, &c.nat, NULL, NULL);
      c.expand = gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      g_array_append_val (children, c);
    }

  return children;
}

static int
total_spacing (CobaltFoldBox *self,
               GArray        *children)
{
  return children->len > 1 ? self->spacing * (int) (children->len - 1) : 0;
}

/* Side by side from this width on: each child at its natural width, one
 * that expands at its minimum. */
static int
fold_width (CobaltFoldBox *self,
            GArray        *children)
{
  int width = total_spacing (self, children);

  for (guint i = 0; i < children->len; i++)
    {
      Child *c = &g_array_index (children, Child, i);

      width += c->expand ? c->min : c->nat;
    }

  return width;
}

/* The widths of the children side by side in @width (at least the fold
 * width): the rest goes to those that expand, shared equally. */
static void
distribute_row (CobaltFoldBox *self,
                GArray        *children,
                int            width)
{
  int extra = width - fold_width (self, children);
  guint n_expand = 0;

  for (guint i = 0; i < children->len; i++)
    {
      Child *c = &g_array_index (children, Child, i);

      c->size = c->expand ? c->min : c->nat;
      n_expand += c->expand ? 1 : 0;
    }

  for (guint i = 0; i < children->len && n_expand > 0 && extra > 0; i++)
    {
      Child *c = &g_array_index (children, Child, i);

      if (c->expand)
        {
          int share = extra / (int) n_expand;

          c->size += share;
          extra -= share;
          n_expand--;
        }
    }
}

static void
cobalt_fold_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CobaltFoldBox *self = COBALT_FOLD_BOX (widget);
  g_autoptr(GArray) children = visible_children (self);
  int spacing = total_spacing (self, children);
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Folded, the widest child's minimum; side by side, all of them. */
      for (guint i = 0; i < children->len; i++)
        {
          Child *c = &g_array_index (children, Child, i);

          min = MAX (min, c->min);
          nat += c->nat;
        }
      nat += spacing;
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          width = spacing;
          for (guint i = 0; i < children->len; i++)
            width += g_array_index (children, Child, i).nat;
        }

      if (width >= fold_width (self, children))
        {
          distribute_row (self, children, width);
          for (guint i = 0; i < children->len; i++)
            {
              Child *c = &g_array_index (children, Child, i);
              int child_min, child_nat;

              gtk_widget_measure (c->widget, GTK_ORIENTATION_VERTICAL, c->size, &child_min, &child_nat, NULL, NULL);
              min = MAX (min, child_min);
              nat = MAX (nat, child_nat);
            }
        }
      else
        {
          for (guint i = 0; i < children->len; i++)
            {
              Child *c = &g_array_index (children, Child, i);
              int child_min, child_nat;

              gtk_widget_measure (c->widget, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
              min += child_min;
              nat += child_nat;
            }
          min += spacing;
          nat += spacing;
        }
    }

  *minimum = min;
  *natural = MAX (min, nat);
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static void
allocate_row (CobaltFoldBox *self,
              GArray        *children,
              int            width,
              int            height,
              int            baseline)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int x = 0;

  distribute_row (self, children, width);
  for (guint i = 0; i < children->len; i++)
    {
      Child *c = &g_array_index (children, Child, i);
      GtkAllocation allocation = { rtl ? width - x - c->size : x, 0, c->size, height };

      gtk_widget_size_allocate (c->widget, &allocation, baseline);
      x += c->size + self->spacing;
    }
}

/* One under the other: natural heights if they fit, the rest to those
 * that expand (or the last); short of room, minimums first, then more in
 * order. */
static void
allocate_column (CobaltFoldBox *self,
                 GArray        *children,
                 int            width,
                 int            height)
{
  int spacing = total_spacing (self, children);
  int sum_min = 0, sum_nat = 0;
  guint n_expand = 0;
  int y = 0;

  for (guint i = 0; i < children->len; i++)
    {
      Child *c = &g_array_index (children, Child, i);

      gtk_widget_measure (c->widget, GTK_ORIENTATION_VERTICAL, width, &c->min, &c->nat, NULL, NULL);
      c->expand = gtk_widget_compute_expand (c->widget, GTK_ORIENTATION_VERTICAL);
      sum_min += c->min;
      sum_nat += c->nat;
      n_expand += c->expand ? 1 : 0;
    }

  if (height - spacing >= sum_nat)
    {
      int extra = height - spacing - sum_nat;

      for (guint i = 0; i < children->len; i++)
        {
          Child *c = &g_array_index (children, Child, i);
          gboolean takes = n_expand > 0 ? c->expand : i + 1 == children->len;

          c->size = c->nat;
          if (takes && extra > 0)
            {
              int share = n_expand > 0 ? extra / (int) n_expand : extra;

              c->size += share;
              extra -= share;
              if (n_expand > 0)
                n_expand--;
            }
        }
    }
  else
    {
      int extra = MAX (0, height - spacing - sum_min);

      for (guint i = 0; i < children->len; i++)
        {
          Child *c = &g_array_index (children, Child, i);
          int more = MIN (extra, c->nat - c->min);

          c->size = c->min + more;
          extra -= more;
        }
    }

  for (guint i = 0; i < children->len; i++)
    {
      Child *c = &g_array_index (children, Child, i);
      GtkAllocation allocation = { 0, y, width, c->size };

      gtk_widget_size_allocate (c->widget, &allocation, -1);
      y += c->size + self->spacing;
    }
}

static void
cobalt_fold_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CobaltFoldBox *self = COBALT_FOLD_BOX (widget);
  g_autoptr(GArray) children = visible_children (self);

  self->folded = width < fold_width (self, children);
  if (self->folded)
    allocate_column (self, children, width, height);
  else
    allocate_row (self, children, width, height, baseline);
}

static GtkSizeRequestMode
cobalt_fold_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cobalt_fold_box_compute_expand (GtkWidget *widget,
                                gboolean  *hexpand,
                                gboolean  *vexpand)
{
  *hexpand = FALSE;
  *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
cobalt_fold_box_buildable_add_child (GtkBuildable *buildable,
                                     GtkBuilder   *builder,
                                     GObject      *child,
                                     const char   *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    cobalt_fold_box_append (COBALT_FOLD_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
cobalt_fold_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = cobalt_fold_box_buildable_add_child;
}

static void
cobalt_fold_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cobalt_fold_box_parent_class)->dispose (object);
}

static void
cobalt_fold_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltFoldBox *self = COBALT_FOLD_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_fold_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltFoldBox *self = COBALT_FOLD_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_fold_box_class_init (CobaltFoldBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_fold_box_dispose;
  object_class->get_property = cobalt_fold_box_get_property;
  object_class->set_property = cobalt_fold_box_set_property;
  widget_class->measure = cobalt_fold_box_measure;
  widget_class->size_allocate = cobalt_fold_box_size_allocate;
  widget_class->get_request_mode = cobalt_fold_box_get_request_mode;
  widget_class->compute_expand = cobalt_fold_box_compute_expand;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldbox");
}

static void
cobalt_fold_box_init (CobaltFoldBox *self)
{
}

GtkWidget *
cobalt_fold_box_new (int spacing)
{
  return g_object_new (COBALT_TYPE_FOLD_BOX, "spacing", spacing, NULL);
}

void
cobalt_fold_box_append (CobaltFoldBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (COBALT_IS_FOLD_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
cobalt_fold_box_remove (CobaltFoldBox *self,
                        GtkWidget     *child)
{
  g_return_if_fail (COBALT_IS_FOLD_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  gtk_widget_unparent (child);
}

int
cobalt_fold_box_get_fold_width (CobaltFoldBox *self)
{
  g_autoptr(GArray) children = NULL;

  g_return_val_if_fail (COBALT_IS_FOLD_BOX (self), 0);

  children = visible_children (self);
  return fold_width (self, children);
}

gboolean
cobalt_fold_box_get_folded (CobaltFoldBox *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_BOX (self), FALSE);

  return self->folded;
}
