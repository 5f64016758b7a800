/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-log-header.h"

typedef struct
{
  GtkWidget *widget;   /* GtkButton or GtkLabel */
  GtkWidget *arrow;    /* GtkImage, or NULL */
  char      *title;
  int        sort;
} Title;

struct _CobaltLogHeader
{
  GtkWidget         parent_instance;

  CobaltLogColumns *columns;
  Title             titles[COBALT_LOG_N_COLUMNS];
  guint             n_titles;
  CobaltLogSort     sort;
  gboolean          descending;
};

G_DEFINE_FINAL_TYPE (CobaltLogHeader, cobalt_log_header, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SORT,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers ------------------------------------------------------- */

static void
update_arrows (CobaltLogHeader *self)
{
  for (guint i = 0; i < self->n_titles; i++)
    {
      Title *title = &self->titles[i];
      gboolean active = title->sort == (int) self->sort;
      g_autofree char *description = NULL;

      if (title->arrow == NULL)
        continue;
      gtk_widget_set_visible (title->arrow, active);
      gtk_image_set_from_icon_name (GTK_IMAGE (title->arrow),
                                    self->descending ? "pan-down-symbolic" : "pan-up-symbolic");
      if (active)
        description = g_strdup (self->descending ? _("Sorted, descending") : _("Sorted, ascending"));
      else
        description = g_strdup_printf (_("Sort by %s"), title->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (title->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
}

/* Callbacks ------------------------------------------------------------ */

static void
on_title_clicked_cb (GtkButton       *button,
                     CobaltLogHeader *self)
{
  int sort = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sort"));

  if (sort == (int) self->sort)
    cobalt_log_header_set_sorting (self, sort, !self->descending);
  else
    /* Newest first for dates; A to Z for the rest. */
    cobalt_log_header_set_sorting (self, sort, sort == COBALT_LOG_SORT_WHEN);
}

/* GtkWidget ------------------------------------------------------------ */

/* Stacked rows have no columns to title: the sort buttons line up one
 * after the other, in as many lines as @width needs, and the other
 * titles go past the edge, which clips them. Returns the height. */
static int
flow_titles (CobaltLogHeader *self,
             int              width,
             gboolean         allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, line_height = 0;

  for (guint i = 0; i < self->n_titles; i++)
    {
      GtkWidget *widget = self->titles[i].widget;
      int w, h;

      if (self->titles[i].sort < 0)
        {
          if (allocate)
            {
              gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &w, NULL, NULL, NULL);
              gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &h, NULL, NULL, NULL);
              gtk_widget_size_allocate (widget, &(GtkAllocation) { rtl ? -w - width : 2 * width, 0, w, h }, -1);
            }
          continue;
        }
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
      if (x > 0 && x + w > width)
        {
          y += line_height;
          x = line_height = 0;
        }
      w = MIN (w, width);
      if (allocate)
        gtk_widget_size_allocate (widget, &(GtkAllocation) { rtl ? width - x - w : x, y, w, h }, -1);
      /* Apart, as buttons: they no longer title columns. */
      x += w + 2 * COBALT_LOG_CELL_PADDING;
      line_height = MAX (line_height, h);
    }
  return y + line_height;
}

static GtkSizeRequestMode
cobalt_log_header_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cobalt_log_header_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CobaltLogHeader *self = COBALT_LOG_HEADER (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest sort button; at its natural width, one
       * title over each column. */
      for (guint i = 0; i < self->n_titles; i++)
        if (self->titles[i].sort >= 0)
          {
            int min;

            gtk_widget_measure (self->titles[i].widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
            *minimum = MAX (*minimum, min);
          }
      *natural = MAX (*minimum, cobalt_log_columns_get_min_width (self->columns, widget));
      return;
    }

  if (cobalt_log_columns_is_stacked (self->columns, widget, for_size))
    {
      *minimum = *natural = flow_titles (self, for_size, FALSE);
      return;
    }

  for (guint i = 0; i < self->n_titles; i++)
    {
      int min, nat;

      gtk_widget_measure (self->titles[i].widget, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
cobalt_log_header_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CobaltLogHeader *self = COBALT_LOG_HEADER (widget);
  int xs[COBALT_LOG_N_COLUMNS], ws[COBALT_LOG_N_COLUMNS];

  if (cobalt_log_columns_is_stacked (self->columns, widget, width))
    {
      flow_titles (self, width, TRUE);
      return;
    }

  cobalt_log_columns_get (self->columns, widget, width, xs, ws);
  for (guint i = 0; i < self->n_titles; i++)
    {
      int min;

      /* A title never asks for more than its column; it is cut short.
       * A hidden column's title goes past the edge, which clips it. */
      gtk_widget_measure (self->titles[i].widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (ws[i] == 0)
        xs[i] = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -MAX (1, min) - width : 2 * width;
      gtk_widget_size_allocate (self->titles[i].widget,
                                &(GtkAllocation) { xs[i], 0, MAX (ws[i], min), height }, -1);
    }
}

/* GObject -------------------------------------------------------------- */

static void
cobalt_log_header_dispose (GObject *object)
{
  CobaltLogHeader *self = COBALT_LOG_HEADER (object);

  for (guint i = 0; i < self->n_titles; i++)
    {
      g_clear_pointer (&self->titles[i].widget, gtk_widget_unparent);
      g_clear_pointer (&self->titles[i].title, g_free);
      self->titles[i].arrow = NULL;
    }
  self->n_titles = 0;
  g_clear_pointer (&self->columns, cobalt_log_columns_unref);

  G_OBJECT_CLASS (cobalt_log_header_parent_class)->dispose (object);
}

static void
cobalt_log_header_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CobaltLogHeader *self = COBALT_LOG_HEADER (object);

  switch (prop_id)
    {
    case PROP_SORT:       g_value_set_enum (value, self->sort); break;
    case PROP_DESCENDING: g_value_set_boolean (value, self->descending); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_header_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CobaltLogHeader *self = COBALT_LOG_HEADER (object);

  switch (prop_id)
    {
    case PROP_SORT:
      cobalt_log_header_set_sorting (self, g_value_get_enum (value), self->descending);
      break;
    case PROP_DESCENDING:
      cobalt_log_header_set_sorting (self, self->sort, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_log_header_class_init (CobaltLogHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = cobalt_log_header_dispose;
  object_class->get_property = cobalt_log_header_get_property;
  object_class->set_property = cobalt_log_header_set_property;
  widget_class->get_request_mode = cobalt_log_header_get_request_mode;
  widget_class->measure = cobalt_log_header_measure;
  widget_class->size_allocate = cobalt_log_header_size_allocate;

  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, COBALT_TYPE_LOG_SORT, COBALT_LOG_SORT_WHEN, rw);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, TRUE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "logheader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cobalt_log_header_init (CobaltLogHeader *self)
{
  self->sort = COBALT_LOG_SORT_WHEN;
  self->descending = TRUE;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Public API ------------------------------------------------------------ */

GtkWidget *
cobalt_log_header_new (CobaltLogColumns *columns)
{
  CobaltLogHeader *self;

  g_return_val_if_fail (columns != NULL, NULL);

  self = g_object_new (COBALT_TYPE_LOG_HEADER, NULL);
  self->columns = cobalt_log_columns_ref (columns);
  return GTK_WIDGET (self);
}

void
cobalt_log_header_add_column (CobaltLogHeader *self,
                              CobaltLogColumn  column,
                              const char      *title,
                              int              sort)
{
  Title *entry;
  GtkWidget *label;

  g_return_if_fail (COBALT_IS_LOG_HEADER (self));
  g_return_if_fail (self->n_titles == column && column < COBALT_LOG_N_COLUMNS);
  g_return_if_fail (title != NULL);

  entry = &self->titles[self->n_titles++];
  entry->title = g_strdup (title);
  entry->sort = sort;

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);

  if (sort < 0)
    {
      /* Same insets as a button's label, so all titles line up. */
      gtk_widget_add_css_class (label, "log-title");
      entry->widget = label;
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      entry->arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), entry->arrow);
      entry->widget = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (entry->widget), box);
      gtk_widget_add_css_class (entry->widget, "flat");
      gtk_widget_add_css_class (entry->widget, "log-title");
      gtk_widget_set_tooltip_text (entry->widget, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry->widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data (G_OBJECT (entry->widget), "sort", GINT_TO_POINTER (sort));
      g_signal_connect (entry->widget, "clicked", G_CALLBACK (on_title_clicked_cb), self);
    }
  gtk_widget_set_parent (entry->widget, GTK_WIDGET (self));
  update_arrows (self);
}

CobaltLogSort
cobalt_log_header_get_sort (CobaltLogHeader *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_HEADER (self), COBALT_LOG_SORT_WHEN);
  return self->sort;
}

gboolean
cobalt_log_header_get_descending (CobaltLogHeader *self)
{
  g_return_val_if_fail (COBALT_IS_LOG_HEADER (self), TRUE);
  return self->descending;
}

void
cobalt_log_header_set_sorting (CobaltLogHeader *self,
                               CobaltLogSort    sort,
                               gboolean         descending)
{
  gboolean sort_changed, dir_changed;

  g_return_if_fail (COBALT_IS_LOG_HEADER (self));

  descending = !!descending;
  sort_changed = self->sort != sort;
  dir_changed = self->descending != descending;
  if (!sort_changed && !dir_changed)
    return;
  self->sort = sort;
  self->descending = descending;
  update_arrows (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (sort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (dir_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
  g_object_thaw_notify (G_OBJECT (self));
}
