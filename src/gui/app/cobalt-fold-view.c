/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "cobalt-fold-view.h"

struct _CobaltFoldView
{
  GtkWidget  parent_instance;

  /* Children in this order, which is also the Tab order: the switcher
   * (above the content, folded), the sidebar (before it, unfolded), the
   * content. Any of them may be NULL. */
  GtkWidget *switcher;
  GtkWidget *sidebar;
  GtkWidget *content;
  int        fold_threshold;  /* in px at the normal text size */
  gboolean   folded;
};

G_DEFINE_FINAL_TYPE (CobaltFoldView, cobalt_fold_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_SWITCHER,
  PROP_CONTENT,
  PROP_FOLD_THRESHOLD,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
lays_out (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (lays_out (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

/* The threshold grows with the text (GNOME's text scaling sets the
 * font resolution), as libadwaita's breakpoints in "sp" do. */
static int
threshold_px (CobaltFoldView *self)
{
  int dpi = 0;

  if (self->fold_threshold <= 0)
    return 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    return self->fold_threshold;

  return (int) (self->fold_threshold * (dpi / (96.0 * 1024.0)));
}

/* Folded below the threshold, or when the sidebar and the content, each
 * at its narrowest, do not fit side by side. */
static gboolean
folds_at (CobaltFoldView *self,
          int             width)
{
  int sidebar_min, content_min, natural;

  if (!lays_out (self->sidebar))
    return FALSE;

  measure_child (self->sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar_min, &natural);
  measure_child (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &content_min, &natural);

  return width < threshold_px (self) || width < sidebar_min + content_min;
}

/* Unfolded: the sidebar's natural width if the content keeps its minimum. */
static int
sidebar_width_at (CobaltFoldView *self,
                  int             width)
{
  int sidebar_min, sidebar_nat, content_min, natural;

  if (!lays_out (self->sidebar))
    return 0;

  measure_child (self->sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar_min, &sidebar_nat);
  measure_child (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &content_min, &natural);

  return CLAMP (width - content_min, sidebar_min, sidebar_nat);
}

static void
measure_height (CobaltFoldView *self,
                gboolean        folded,
                int             width,
                int            *minimum,
                int            *natural)
{
  int min_a, nat_a, min_b, nat_b;

  if (folded)
    {
      measure_child (self->switcher, GTK_ORIENTATION_VERTICAL, width, &min_a, &nat_a);
      measure_child (self->content, GTK_ORIENTATION_VERTICAL, width, &min_b, &nat_b);
      *minimum = min_a + min_b;
      *natural = nat_a + nat_b;
    }
  else
    {
      int side = width < 0 ? -1 : sidebar_width_at (self, width);

      measure_child (self->sidebar, GTK_ORIENTATION_VERTICAL, side, &min_a, &nat_a);
      measure_child (self->content, GTK_ORIENTATION_VERTICAL, width < 0 ? -1 : width - side, &min_b, &nat_b);
      *minimum = MAX (min_a, min_b);
      *natural = MAX (nat_a, nat_b);
    }
}

static void
order_children (CobaltFoldView *self)
{
  GtkWidget *previous = NULL;
  GtkWidget *children[] = { self->switcher, self->sidebar, self->content };

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (children[i] != NULL)
      {
        gtk_widget_insert_after (children[i], GTK_WIDGET (self), previous);
        previous = children[i];
      }
}

static void
set_child (CobaltFoldView  *self,
           GtkWidget      **slot,
           GtkWidget       *child,
           GParamSpec      *pspec)
{
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (*slot == child)
    return;

  g_clear_pointer (slot, gtk_widget_unparent);
  *slot = child;
  if (child != NULL)
    {
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      order_children (self);
    }
  /* Until the next allocation decides. */
  if (self->switcher != NULL)
    gtk_widget_set_child_visible (self->switcher, self->folded);
  if (self->sidebar != NULL)
    gtk_widget_set_child_visible (self->sidebar, !self->folded);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static GtkSizeRequestMode
cobalt_fold_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cobalt_fold_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CobaltFoldView *self = COBALT_FOLD_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int switcher_min, switcher_nat, sidebar_min, sidebar_nat, content_min, content_nat;

      measure_child (self->switcher, orientation, -1, &switcher_min, &switcher_nat);
      measure_child (self->sidebar, orientation, -1, &sidebar_min, &sidebar_nat);
      measure_child (self->content, orientation, -1, &content_min, &content_nat);

      /* Folded at the narrowest, side by side when there is room. */
      *minimum = MAX (switcher_min, content_min);
      *natural = MAX (*minimum, sidebar_nat + content_nat);
    }
  else if (for_size >= 0)
    {
      measure_height (self, folds_at (self, for_size), for_size, minimum, natural);
    }
  else
    {
      int wide_min, wide_nat, narrow_min, narrow_nat;

      measure_height (self, FALSE, -1, &wide_min, &wide_nat);
      measure_height (self, TRUE, -1, &narrow_min, &narrow_nat);
      *minimum = MAX (wide_min, narrow_min);
      *natural = MAX (wide_nat, narrow_nat);
    }
}

static void
cobalt_fold_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CobaltFoldView *self = COBALT_FOLD_VIEW (widget);
  gboolean folded = folds_at (self, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  /* Not visibility: that would ask for another layout while in this one. */
  if (self->switcher != NULL)
    gtk_widget_set_child_visible (self->switcher, folded);
  if (self->sidebar != NULL)
    gtk_widget_set_child_visible (self->sidebar, !folded);

  if (folded)
    {
      int top = 0;

      if (lays_out (self->switcher))
        {
          int minimum, natural;

          gtk_widget_measure (self->switcher, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
          top = natural;
          gtk_widget_size_allocate (self->switcher, &(GtkAllocation) { 0, 0, width, top }, -1);
        }
      if (lays_out (self->content))
        gtk_widget_size_allocate (self->content, &(GtkAllocation) { 0, top, width, MAX (height - top, 0) }, -1);
    }
  else
    {
      int side = 0;

      if (lays_out (self->sidebar))
        {
          side = sidebar_width_at (self, width);
          gtk_widget_size_allocate (self->sidebar, &(GtkAllocation) { rtl ? width - side : 0, 0, side, height }, -1);
        }
      if (lays_out (self->content))
        gtk_widget_size_allocate (self->content, &(GtkAllocation) { rtl ? 0 : side, 0, width - side, height }, -1);
    }

  if (self->folded != folded)
    {
      self->folded = folded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
    }
}

static void
cobalt_fold_view_compute_expand (GtkWidget *widget,
                                gboolean  *hexpand,
                                gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
cobalt_fold_view_dispose (GObject *object)
{
  CobaltFoldView *self = COBALT_FOLD_VIEW (object);

  g_clear_pointer (&self->switcher, gtk_widget_unparent);
  g_clear_pointer (&self->sidebar, gtk_widget_unparent);
  g_clear_pointer (&self->content, gtk_widget_unparent);

  G_OBJECT_CLASS (cobalt_fold_view_parent_class)->dispose (object);
}

static void
cobalt_fold_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CobaltFoldView *self = COBALT_FOLD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, self->sidebar);
      break;
    case PROP_SWITCHER:
      g_value_set_object (value, self->switcher);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_FOLD_THRESHOLD:
      g_value_set_int (value, self->fold_threshold);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_fold_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CobaltFoldView *self = COBALT_FOLD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      cobalt_fold_view_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_SWITCHER:
      cobalt_fold_view_set_switcher (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      cobalt_fold_view_set_content (self, g_value_get_object (value));
      break;
    case PROP_FOLD_THRESHOLD:
      cobalt_fold_view_set_fold_threshold (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_fold_view_class_init (CobaltFoldViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_fold_view_dispose;
  object_class->get_property = cobalt_fold_view_get_property;
  object_class->set_property = cobalt_fold_view_set_property;

  widget_class->get_request_mode = cobalt_fold_view_get_request_mode;
  widget_class->measure = cobalt_fold_view_measure;
  widget_class->size_allocate = cobalt_fold_view_size_allocate;
  widget_class->compute_expand = cobalt_fold_view_compute_expand;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCHER] =
    g_param_spec_object ("switcher", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLD_THRESHOLD] =
    g_param_spec_int ("fold-threshold", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "foldview");
}

static void
cobalt_fold_view_init (CobaltFoldView *self)
{
}

GtkWidget *
cobalt_fold_view_new (void)
{
  return g_object_new (COBALT_TYPE_FOLD_VIEW, NULL);
}

void
cobalt_fold_view_set_sidebar (CobaltFoldView *self,
                              GtkWidget      *sidebar)
{
  g_return_if_fail (COBALT_IS_FOLD_VIEW (self));
  set_child (self, &self->sidebar, sidebar, properties[PROP_SIDEBAR]);
}

GtkWidget *
cobalt_fold_view_get_sidebar (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), NULL);
  return self->sidebar;
}

void
cobalt_fold_view_set_switcher (CobaltFoldView *self,
                               GtkWidget      *switcher)
{
  g_return_if_fail (COBALT_IS_FOLD_VIEW (self));
  set_child (self, &self->switcher, switcher, properties[PROP_SWITCHER]);
}

GtkWidget *
cobalt_fold_view_get_switcher (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), NULL);
  return self->switcher;
}

void
cobalt_fold_view_set_content (CobaltFoldView *self,
                              GtkWidget      *content)
{
  g_return_if_fail (COBALT_IS_FOLD_VIEW (self));
  set_child (self, &self->content, content, properties[PROP_CONTENT]);
}

GtkWidget *
cobalt_fold_view_get_content (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), NULL);
  return self->content;
}

void
cobalt_fold_view_set_fold_threshold (CobaltFoldView *self,
                                     int             fold_threshold)
{
  g_return_if_fail (COBALT_IS_FOLD_VIEW (self));
  g_return_if_fail (fold_threshold >= 0);

  if (self->fold_threshold == fold_threshold)
    return;

  self->fold_threshold = fold_threshold;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLD_THRESHOLD]);
}

int
cobalt_fold_view_get_fold_threshold (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), 0);
  return self->fold_threshold;
}

int
cobalt_fold_view_get_scaled_threshold (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), 0);
  return threshold_px (self);
}

gboolean
cobalt_fold_view_get_folded (CobaltFoldView *self)
{
  g_return_val_if_fail (COBALT_IS_FOLD_VIEW (self), FALSE);
  return self->folded;
}
