/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-app-util.h"
#include "cobalt-section-switcher.h"

struct _CobaltSectionSwitcher
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GListModel    *pages;      /* the stack's GtkStackPages */
  gboolean       compact;

  GtkWidget     *child;      /* the scrolled list, or the drop-down */
  GtkListBox    *list;       /* not compact: one row per page */
  GtkDropDown   *dropdown;   /* compact */
  GtkStringList *titles;     /* compact: the drop-down's items */
  gboolean       syncing;    /* the drop-down follows the stack */
};

G_DEFINE_FINAL_TYPE (CobaltSectionSwitcher, cobalt_section_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_COMPACT,
  N_PROPS
};

enum {
  SECTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
row_page_name (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "page-name");
}

static const char *
shown_name (CobaltSectionSwitcher *self)
{
  return self->stack != NULL ? gtk_stack_get_visible_child_name (self->stack) : NULL;
}

/* The position of the page shown among the stack's pages. */
static guint
shown_position (CobaltSectionSwitcher *self)
{
  GtkWidget *shown = self->stack != NULL ? gtk_stack_get_visible_child (self->stack) : NULL;
  guint n = self->pages != NULL ? g_list_model_get_n_items (self->pages) : 0;

  for (guint i = 0; shown != NULL && i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == shown)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GtkListBoxRow *
current_row (CobaltSectionSwitcher *self)
{
  const char *shown = shown_name (self);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (g_strcmp0 (row_page_name (row), shown) == 0)
      return row;

  return gtk_list_box_get_row_at_index (self->list, 0);
}

static void
mark_row (GtkListBoxRow *row,
          gboolean       current)
{
  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (row), "current-section");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "current-section");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_SELECTED, current,
                               -1);
}

/* Show which page the stack shows; never a reason to switch it. */
static void
follow_stack (CobaltSectionSwitcher *self)
{
  if (self->compact)
    {
      guint position = shown_position (self);

      self->syncing = TRUE;
      if (gtk_drop_down_get_selected (self->dropdown) != position)
        gtk_drop_down_set_selected (self->dropdown, position);
      self->syncing = FALSE;
    }
  else
    {
      const char *shown = shown_name (self);
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
        mark_row (row, shown != NULL && g_strcmp0 (row_page_name (row), shown) == 0);
    }
}

static void
on_stack_visible_child_cb (GtkStack              *stack,
                           GParamSpec            *pspec,
                           CobaltSectionSwitcher *self)
{
  follow_stack (self);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (user_data);
  GtkStackPage *page = GTK_STACK_PAGE (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "page-name",
                          g_strdup (gtk_stack_page_get_name (page)), g_free);
  mark_row (GTK_LIST_BOX_ROW (row),
            self->stack != NULL && gtk_stack_page_get_child (page) == gtk_stack_get_visible_child (self->stack));

  return row;
}

/* Compact: the drop-down's titles follow the stack's pages. */
static void
on_pages_changed_cb (GListModel            *pages,
                     guint                  position,
                     guint                  removed,
                     guint                  added,
                     CobaltSectionSwitcher *self)
{
  g_autofree const char **titles = g_new0 (const char *, added + 1);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, position + i);

      /* The page, and so its title, stays in the stack. */
      titles[i] = gtk_stack_page_get_title (GTK_STACK_PAGE (page));
    }

  self->syncing = TRUE;
  gtk_string_list_splice (self->titles, position, removed, titles);
  self->syncing = FALSE;
  follow_stack (self);
}

static void
on_row_activated_cb (GtkListBox            *list,
                     GtkListBoxRow         *row,
                     CobaltSectionSwitcher *self)
{
  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, row_page_name (row));
}

/* Compact: an item picked in the drop-down. */
static void
on_dropdown_selected_cb (GtkDropDown           *dropdown,
                         GParamSpec            *pspec,
                         CobaltSectionSwitcher *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GObject) page = NULL;

  if (self->syncing || self->pages == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  page = g_list_model_get_item (self->pages, position);
  if (page == NULL || gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == gtk_stack_get_visible_child (self->stack))
    return;

  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
  /* Whatever the handler did, show the page the stack shows. */
  follow_stack (self);
}

static gboolean
focus_is_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* One Tab stop: Tab from outside lands on the row of the page shown, the
 * next Tab (or Shift+Tab) goes on to what is before or after the list,
 * not through every row as a GtkListBox would. Arrow keys move between
 * the rows (the list's own key bindings). */
static gboolean
cobalt_section_switcher_focus (GtkWidget        *widget,
                               GtkDirectionType  direction)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (widget);
  GtkListBoxRow *row;

  if (self->compact || (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return GTK_WIDGET_CLASS (cobalt_section_switcher_parent_class)->focus (widget, direction);

  if (focus_is_inside (widget))
    return FALSE;

  row = current_row (self);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
cobalt_section_switcher_constructed (GObject *object)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (object);

  G_OBJECT_CLASS (cobalt_section_switcher_parent_class)->constructed (object);

  if (self->compact)
    {
      g_autoptr(GtkExpression) expression = NULL;

      self->titles = gtk_string_list_new (NULL);
      expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->titles)),
                                                         g_steal_pointer (&expression)));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdown), _("Section (Alt+1 to Alt+5)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Section"),
                                      -1);
      cobalt_app_name_drop_down (self->dropdown, _("Section"));
      g_signal_connect (self->dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
      self->child = GTK_WIDGET (self->dropdown);
    }
  else
    {
      self->list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
      gtk_list_box_set_activate_on_single_click (self->list, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sections"),
                                      -1);
      g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);

      self->child = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->child), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->child), GTK_WIDGET (self->list));
    }
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));

  if (self->stack != NULL)
    {
      g_autoptr(GtkStack) stack = g_steal_pointer (&self->stack);

      cobalt_section_switcher_set_stack (self, stack);
    }
}

static void
cobalt_section_switcher_dispose (GObject *object)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (object);

  if (self->child != NULL)
    cobalt_section_switcher_set_stack (self, NULL);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->list = NULL;
  self->dropdown = NULL;
  g_clear_object (&self->titles);

  G_OBJECT_CLASS (cobalt_section_switcher_parent_class)->dispose (object);
}

static void
cobalt_section_switcher_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_section_switcher_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CobaltSectionSwitcher *self = COBALT_SECTION_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STACK:
      /* Before constructed(), only kept. */
      if (self->child == NULL)
        g_set_object (&self->stack, g_value_get_object (value));
      else
        cobalt_section_switcher_set_stack (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_section_switcher_class_init (CobaltSectionSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_section_switcher_constructed;
  object_class->dispose = cobalt_section_switcher_dispose;
  object_class->get_property = cobalt_section_switcher_get_property;
  object_class->set_property = cobalt_section_switcher_set_property;

  widget_class->focus = cobalt_section_switcher_focus;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CobaltSectionSwitcher::section-activated:
   * @name: the name of the stack page chosen
   *
   * The person chose a page (not only moved the focus to it).
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sectionswitcher");
}

static void
cobalt_section_switcher_init (CobaltSectionSwitcher *self)
{
}

GtkWidget *
cobalt_section_switcher_new (GtkStack *stack,
                             gboolean  compact)
{
  g_return_val_if_fail (stack == NULL || GTK_IS_STACK (stack), NULL);

  return g_object_new (COBALT_TYPE_SECTION_SWITCHER,
                       "stack", stack,
                       "compact", compact,
                       NULL);
}

void
cobalt_section_switcher_set_stack (CobaltSectionSwitcher *self,
                                   GtkStack              *stack)
{
  g_return_if_fail (COBALT_IS_SECTION_SWITCHER (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (self->stack == stack)
    return;

  if (self->stack != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stack, on_stack_visible_child_cb, self);
      if (self->compact)
        {
          g_signal_handlers_disconnect_by_func (self->pages, on_pages_changed_cb, self);
          self->syncing = TRUE;
          gtk_string_list_splice (self->titles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->titles)), NULL);
          self->syncing = FALSE;
        }
      else
        {
          gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
        }
      g_clear_object (&self->pages);
      g_clear_object (&self->stack);
    }

  if (stack != NULL)
    {
      self->stack = g_object_ref (stack);
      self->pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
      g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_stack_visible_child_cb), self);
      if (self->compact)
        {
          g_signal_connect (self->pages, "items-changed", G_CALLBACK (on_pages_changed_cb), self);
          on_pages_changed_cb (self->pages, 0, 0, g_list_model_get_n_items (self->pages), self);
        }
      else
        {
          gtk_list_box_bind_model (self->list, self->pages, create_row_cb, self, NULL);
        }
    }

  follow_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

GtkStack *
cobalt_section_switcher_get_stack (CobaltSectionSwitcher *self)
{
  g_return_val_if_fail (COBALT_IS_SECTION_SWITCHER (self), NULL);
  return self->stack;
}

gboolean
cobalt_section_switcher_get_compact (CobaltSectionSwitcher *self)
{
  g_return_val_if_fail (COBALT_IS_SECTION_SWITCHER (self), FALSE);
  return self->compact;
}

GtkWidget *
cobalt_section_switcher_get_current (CobaltSectionSwitcher *self)
{
  g_return_val_if_fail (COBALT_IS_SECTION_SWITCHER (self), NULL);

  if (self->compact)
    return self->pages != NULL && g_list_model_get_n_items (self->pages) > 0 ? GTK_WIDGET (self->dropdown) : NULL;

  return GTK_WIDGET (current_row (self));
}
