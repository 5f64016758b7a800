/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "cobalt-body-map.h"
#include "cobalt-journey-util.h"

/* A figure is drawn in a box twice as tall as it is wide; the catalogue's
 * site positions are fractions of that box. */
#define FIGURE_ASPECT 0.5
/* Gap between the front and back figure, as a fraction of a figure's width. */
#define FIGURE_GAP    0.35
/* Room for the "Front"/"Back" captions under the figures. */
#define CAPTION_ROOM  24

struct _CobaltBodyMap
{
  GtkWidget   parent_instance;

  GPtrArray  *usage;     /* borrowed CobaltSiteUsage */
  GPtrArray  *buttons;   /* GtkToggleButton, catalogue order */
  GtkWidget  *front_caption;
  GtkWidget  *back_caption;
  char       *selected;

  guint       updating : 1;
};

G_DEFINE_FINAL_TYPE (CobaltBodyMap, cobalt_body_map, GTK_TYPE_WIDGET)

enum {
  SITE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One side of the outline, viewer's right half (x >= 0.5), from the neck
 * down the arm and leg to the crotch; mirrored for the other half. */
static const double outline_half[][2] = {
  { 0.56, 0.115 }, { 0.60, 0.145 }, { 0.74, 0.160 }, { 0.80, 0.185 },
  { 0.84, 0.250 }, { 0.86, 0.340 }, { 0.89, 0.440 }, { 0.91, 0.500 },
  { 0.92, 0.535 }, { 0.87, 0.540 }, { 0.84, 0.470 }, { 0.81, 0.380 },
  { 0.78, 0.290 }, { 0.73, 0.250 }, { 0.71, 0.330 }, { 0.72, 0.420 },
  { 0.76, 0.500 }, { 0.75, 0.620 }, { 0.71, 0.760 }, { 0.68, 0.900 },
  { 0.70, 0.970 }, { 0.58, 0.980 }, { 0.58, 0.900 }, { 0.56, 0.760 },
  { 0.53, 0.580 }, { 0.50, 0.560 },
};

static void
figure_rect (CobaltBodyMap   *self,
             gboolean         back,
             graphene_rect_t *rect)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - CAPTION_ROOM;
  double fig_h, fig_w, total_w, x0, y0;

  /* Two figures side by side with a gap; keep the aspect ratio. */
  fig_h = MIN ((double) MAX (height, 1), width / (2 * FIGURE_ASPECT + FIGURE_ASPECT * FIGURE_GAP));
  fig_w = fig_h * FIGURE_ASPECT;
  total_w = 2 * fig_w + FIGURE_GAP * fig_w;
  x0 = (width - total_w) / 2.0;
  y0 = (MAX (height, 1) - fig_h) / 2.0;

  graphene_rect_init (rect,
                      x0 + (back ? fig_w + FIGURE_GAP * fig_w : 0),
                      y0, fig_w, fig_h);
}

static void
trace_outline (cairo_t               *cr,
               const graphene_rect_t *r)
{
  guint n = G_N_ELEMENTS (outline_half);
  g_autofree double *px = g_new (double, 2 * n);
  g_autofree double *py = g_new (double, 2 * n);
  guint total = 2 * n;
  double head_r;

  /* Right half forwards, then the mirrored left half backwards: one closed
   * loop, smoothed by running curves through the midpoints. */
  for (guint i = 0; i < n; i++)
    {
      px[i] = outline_half[i][0];
      py[i] = outline_half[i][1];
      px[total - 1 - i] = 1.0 - outline_half[i][0];
      py[total - 1 - i] = outline_half[i][1];
    }

  for (guint i = 0; i < total; i++)
    {
      double x0 = r->origin.x + px[i] * r->size.width;
      double y0 = r->origin.y + py[i] * r->size.height;
      double x1 = r->origin.x + px[(i + 1) % total] * r->size.width;
      double y1 = r->origin.y + py[(i + 1) % total] * r->size.height;
      double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;

      if (i == 0)
        {
          double xl = r->origin.x + px[total - 1] * r->size.width;
          double yl = r->origin.y + py[total - 1] * r->size.height;
          cairo_move_to (cr, (xl + x0) / 2, (yl + y0) / 2);
        }
      cairo_curve_to (cr, x0, y0, x0, y0, mx, my);
    }
  cairo_close_path (cr);

  head_r = 0.055 * r->size.height;
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->origin.x + 0.5 * r->size.width, r->origin.y + 0.06 * r->size.height,
             head_r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static void
draw_figure (CobaltBodyMap *self,
             GtkSnapshot   *snapshot,
             gboolean       back,
             const GdkRGBA *fg)
{
  graphene_rect_t r;
  cairo_t *cr;

  figure_rect (self, back, &r);
  if (r.size.width < 4)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (r.origin.x - 4, r.origin.y - 4,
                                                                 r.size.width + 8, r.size.height + 8));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (1.5, r.size.height / 220.0));

  trace_outline (cr, &r);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.07);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.75);
  cairo_stroke (cr);

  /* Faint landmarks that tell the views apart: the navel in front, the
   * spine and the buttock crease behind. */
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, fg->alpha * 0.35);
  if (back)
    {
      cairo_move_to (cr, r.origin.x + 0.5 * r.size.width, r.origin.y + 0.15 * r.size.height);
      cairo_line_to (cr, r.origin.x + 0.5 * r.size.width, r.origin.y + 0.45 * r.size.height);
      cairo_move_to (cr, r.origin.x + 0.5 * r.size.width, r.origin.y + 0.47 * r.size.height);
      cairo_line_to (cr, r.origin.x + 0.5 * r.size.width, r.origin.y + 0.56 * r.size.height);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, r.origin.x + 0.5 * r.size.width, r.origin.y + 0.40 * r.size.height,
                 r.size.height * 0.006, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static int
index_of_button (CobaltBodyMap *self,
                 GtkWidget     *button)
{
  for (guint i = 0; i < self->buttons->len; i++)
    if (g_ptr_array_index (self->buttons, i) == button)
      return (int) i;

  return -1;
}

static void
button_center (CobaltBodyMap *self,
               guint          index,
               double        *x,
               double        *y)
{
  const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (index);
  graphene_rect_t r;

  figure_rect (self, info->back, &r);
  *x = r.origin.x + info->x * r.size.width;
  *y = r.origin.y + info->y * r.size.height;
}

static const CobaltSiteUsage *
usage_for (CobaltBodyMap *self,
           guint          index)
{
  if (self->usage == NULL || index >= self->usage->len)
    return NULL;

  return g_ptr_array_index (self->usage, index);
}

static void
update_button (CobaltBodyMap *self,
               guint          index)
{
  GtkWidget *button = g_ptr_array_index (self->buttons, index);
  const CobaltSiteInfo *info = cobalt_site_catalogue_get_nth (index);
  const CobaltSiteUsage *usage = usage_for (self, index);
  g_autofree char *name = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  gboolean selected = g_strcmp0 (self->selected, info->id) == 0;
  GtkWidget *mark = gtk_button_get_child (GTK_BUTTON (button));
  const char *glyph = "";

  name = usage != NULL ? cobalt_site_usage_describe (usage) : g_strdup (cobalt_site_info_get_name (info));

  gtk_widget_remove_css_class (button, "suggested");
  gtk_widget_remove_css_class (button, "resting");
  gtk_widget_remove_css_class (button, "not-enabled");

  if (usage == NULL || usage->state == COBALT_SITE_STATE_NOT_ENABLED)
    {
      gtk_widget_add_css_class (button, "not-enabled");
      g_string_append (why, _("Not one of the sites your clinic enabled for you, so it cannot be chosen."));
    }
  else if (usage->state == COBALT_SITE_STATE_RESTING)
    {
      g_autofree char *until = NULL;

      gtk_widget_add_css_class (button, "resting");
      glyph = "–";
      until = usage->resting != NULL ? cobalt_journey_format_date (&usage->resting->until) : NULL;
      if (until != NULL && usage->resting->reason != NULL)
        /* Translators: first %s a date, second the reason ("bruised") */
        g_string_append_printf (why, _("Resting until %s (%s): it cannot be chosen until you end its rest."),
                                until, usage->resting->reason);
      else if (until != NULL)
        g_string_append_printf (why, _("Resting until %s: it cannot be chosen until you end its rest."), until);
      else
        g_string_append (why, _("Resting: it cannot be chosen until you end its rest."));
    }
  else if (usage->suggested)
    {
      gtk_widget_add_css_class (button, "suggested");
      glyph = "★";
      g_string_append (why, _("Suggested: used least recently."));
    }

  if (selected)
    {
      glyph = "✓";
      if (why->len > 0)
        g_string_append_c (why, ' ');
      g_string_append (why, _("Chosen for this dose."));
    }

  gtk_label_set_text (GTK_LABEL (mark), glyph);
  gtk_widget_set_sensitive (button, usage != NULL && usage->state != COBALT_SITE_STATE_NOT_ENABLED);

  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), selected);
  self->updating = FALSE;

  gtk_widget_set_tooltip_text (button, why->len > 0 ? why->str : name);
  /* The full sentence for screen readers; the tooltip is the why. */
  cobalt_journey_set_accessible_label (button, name, why->len > 0 ? why->str : NULL);
}

static void
on_site_button_clicked_cb (GtkButton     *button,
                           CobaltBodyMap *self)
{
  int index = index_of_button (self, GTK_WIDGET (button));

  if (self->updating || index < 0)
    return;

  /* The toggle already flipped itself; the picker decides what is chosen
   * (a resting site is not: it offers to end the rest), so restore our
   * own state. */
  update_button (self, (guint) index);
  g_signal_emit (self, signals[SITE_ACTIVATED], 0, cobalt_site_catalogue_get_nth (index)->id);
}

static void
map_move_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *dir = g_variant_get_string (parameter, NULL);
  GtkDirectionType direction;

  if (g_str_equal (dir, "up"))
    direction = GTK_DIR_UP;
  else if (g_str_equal (dir, "down"))
    direction = GTK_DIR_DOWN;
  else if (g_str_equal (dir, "left"))
    direction = GTK_DIR_LEFT;
  else
    direction = GTK_DIR_RIGHT;

  cobalt_body_map_move_focus (COBALT_BODY_MAP (widget), direction);
}

static void
cobalt_body_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CobaltBodyMap *self = COBALT_BODY_MAP (widget);
  GdkRGBA fg;

  /* gtk_widget_get_color() is GTK 4.10; the style context is the 4.8 way
   * to follow the light or dark theme. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  draw_figure (self, snapshot, FALSE, &fg);
  draw_figure (self, snapshot, TRUE, &fg);

  GTK_WIDGET_CLASS (cobalt_body_map_parent_class)->snapshot (widget, snapshot);
}

static void
cobalt_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 460;
    }
  else
    {
      *minimum = 260 + CAPTION_ROOM;
      *natural = 420 + CAPTION_ROOM;
    }
}

/* A caption is centred under its figure and may use half the gap on
 * either side of it (translated, "Front" and "Back" are often wider than
 * the figure); beyond that it wraps. */
static void
allocate_caption (GtkWidget             *caption,
                  const graphene_rect_t *figure,
                  int                    width)
{
  double half_gap = FIGURE_GAP * figure->size.width / 2.0;
  double x = MAX (0.0, figure->origin.x - half_gap);
  double x_end = MIN ((double) width, figure->origin.x + figure->size.width + half_gap);
  int cap_w = MAX (1, (int) (x_end - x));
  int cap_min_w, cap_h;

  gtk_widget_measure (caption, GTK_ORIENTATION_HORIZONTAL, -1, &cap_min_w, NULL, NULL, NULL);
  cap_w = MAX (cap_w, cap_min_w);
  gtk_widget_measure (caption, GTK_ORIENTATION_VERTICAL, cap_w, NULL, &cap_h, NULL, NULL);
  gtk_widget_size_allocate (caption,
                            &(GtkAllocation) { (int) round (x), (int) (figure->origin.y + figure->size.height),
                                               cap_w, cap_h }, -1);
}

static void
cobalt_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CobaltBodyMap *self = COBALT_BODY_MAP (widget);
  graphene_rect_t front, back;

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      int bw, bh;
      double cx, cy;

      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &bw, NULL, NULL);
      gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, bw, NULL, &bh, NULL, NULL);
      button_center (self, i, &cx, &cy);
      gtk_widget_size_allocate (button,
                                &(GtkAllocation) { (int) round (cx - bw / 2.0), (int) round (cy - bh / 2.0), bw, bh },
                                -1);
    }

  figure_rect (self, FALSE, &front);
  figure_rect (self, TRUE, &back);
  allocate_caption (self->front_caption, &front, width);
  allocate_caption (self->back_caption, &back, width);
}

static void
cobalt_body_map_dispose (GObject *object)
{
  CobaltBodyMap *self = COBALT_BODY_MAP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  self->usage = NULL;

  G_OBJECT_CLASS (cobalt_body_map_parent_class)->dispose (object);
}

static void
cobalt_body_map_finalize (GObject *object)
{
  CobaltBodyMap *self = COBALT_BODY_MAP (object);

  g_free (self->selected);

  G_OBJECT_CLASS (cobalt_body_map_parent_class)->finalize (object);
}

static void
cobalt_body_map_class_init (CobaltBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cobalt_body_map_dispose;
  object_class->finalize = cobalt_body_map_finalize;

  widget_class->snapshot = cobalt_body_map_snapshot;
  widget_class->measure = cobalt_body_map_measure;
  widget_class->size_allocate = cobalt_body_map_size_allocate;

  signals[SITE_ACTIVATED] =
    g_signal_new ("site-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "map.move", "s", map_move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.move", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "map.move", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.move", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "map.move", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.move", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "map.move", "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.move", "s", "right");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "map.move", "s", "right");

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cobalt_body_map_init (CobaltBodyMap *self)
{
  guint n = cobalt_site_catalogue_get_n_sites ();

  self->buttons = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), gtk_label_new (NULL));
      gtk_widget_add_css_class (button, "site");
      gtk_widget_set_focus_on_click (button, TRUE);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_signal_connect (button, "clicked", G_CALLBACK (on_site_button_clicked_cb), self);
      g_ptr_array_add (self->buttons, button);
      update_button (self, i);
    }

  self->front_caption = gtk_label_new (_("Front"));
  self->back_caption = gtk_label_new (_("Back"));
  gtk_widget_add_css_class (self->front_caption, "caption");
  gtk_widget_add_css_class (self->back_caption, "caption");
  gtk_label_set_wrap (GTK_LABEL (self->front_caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->front_caption), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (self->front_caption), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (self->back_caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->back_caption), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (self->back_caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_parent (self->front_caption, GTK_WIDGET (self));
  gtk_widget_set_parent (self->back_caption, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Body sites, front and back"),
                                  -1);
}

GtkWidget *
cobalt_body_map_new (void)
{
  return g_object_new (COBALT_TYPE_BODY_MAP, NULL);
}

void
cobalt_body_map_set_usage (CobaltBodyMap *self,
                           GPtrArray     *usage)
{
  g_return_if_fail (COBALT_IS_BODY_MAP (self));

  self->usage = usage;
  for (guint i = 0; i < self->buttons->len; i++)
    update_button (self, i);
}

void
cobalt_body_map_set_selected (CobaltBodyMap *self,
                              const char    *site_id)
{
  g_return_if_fail (COBALT_IS_BODY_MAP (self));

  g_free (self->selected);
  self->selected = g_strdup (site_id);
  for (guint i = 0; i < self->buttons->len; i++)
    update_button (self, i);
}

GtkWidget *
cobalt_body_map_get_button (CobaltBodyMap *self,
                            const char    *site_id)
{
  int index;

  g_return_val_if_fail (COBALT_IS_BODY_MAP (self), NULL);

  index = cobalt_site_catalogue_index_of (site_id);

  return index < 0 ? NULL : g_ptr_array_index (self->buttons, index);
}

const char *
cobalt_body_map_get_focus_site (CobaltBodyMap *self)
{
  g_return_val_if_fail (COBALT_IS_BODY_MAP (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_widget_is_focus (g_ptr_array_index (self->buttons, i)))
      return cobalt_site_catalogue_get_nth (i)->id;

  return NULL;
}

gboolean
cobalt_body_map_move_focus (CobaltBodyMap    *self,
                            GtkDirectionType  direction)
{
  const char *focus_id;
  int from = -1, best = -1;
  double fx, fy, best_score = G_MAXDOUBLE;

  g_return_val_if_fail (COBALT_IS_BODY_MAP (self), FALSE);

  focus_id = cobalt_body_map_get_focus_site (self);
  if (focus_id != NULL)
    from = cobalt_site_catalogue_index_of (focus_id);

  if (from < 0)
    {
      for (guint i = 0; i < self->buttons->len; i++)
        if (gtk_widget_get_sensitive (g_ptr_array_index (self->buttons, i)))
          return gtk_widget_grab_focus (g_ptr_array_index (self->buttons, i));
      return FALSE;
    }

  button_center (self, (guint) from, &fx, &fy);

  /* The nearest site in the direction, with the sideways distance
   * weighed more so "down" stays in the same column. */
  for (guint i = 0; i < self->buttons->len; i++)
    {
      double x, y, along, across, score;

      if ((int) i == from || !gtk_widget_get_sensitive (g_ptr_array_index (self->buttons, i)))
        continue;

      button_center (self, i, &x, &y);
      switch (direction)
        {
        case GTK_DIR_UP:    along = fy - y; across = fabs (x - fx); break;
        case GTK_DIR_DOWN:  along = y - fy; across = fabs (x - fx); break;
        case GTK_DIR_LEFT:  along = fx - x; across = fabs (y - fy); break;
        case GTK_DIR_RIGHT: along = x - fx; across = fabs (y - fy); break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return FALSE;
        }

      /* Only sites within 45° of the direction: a site far off to the
       * side is reached by the other arrow, which keeps moves predictable. */
      if (along <= 0.5 || across > along)
        continue;

      score = along + 2.0 * across;
      if (score < best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }

  if (best < 0)
    return FALSE;

  return gtk_widget_grab_focus (g_ptr_array_index (self->buttons, best));
}
