/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window's sections and what reaches them: the sidebar beside the
 * page or, in a narrow window, a drop-down above it (CobaltFoldView),
 * Alt+1…Alt+5, the focus moved into the page after each switch; and the
 * header bar making room in a narrow window. */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-app-util.h"
#include "cobalt-window-private.h"

static char *
person_name_cb (CobaltPerson *person)
{
  return g_strdup (person->name);
}

/* The person drop-downs show the name in full in their lists, but the
 * button may shorten it ("Alex Mor…"), so a long name never makes the
 * window wider than a narrow screen. */
static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  ellipsize)
{
  CobaltPerson *person = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), person->name);
}

static void
set_up_person_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkExpression) name_expression = NULL;

  for (int ellipsize = 0; ellipsize < 2; ellipsize++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), GINT_TO_POINTER (ellipsize));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), GINT_TO_POINTER (ellipsize));
      if (ellipsize)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }

  name_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                 G_CALLBACK (person_name_cb), NULL, NULL);
  gtk_drop_down_set_expression (dropdown, name_expression);
}

/* The first control under @widget in the order of the widget tree, which
 * is the order the pages lay out their controls in. */
static gboolean
grab_first_control (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (grab_first_control (child))
      return TRUE;

  return FALSE;
}

/* After a switch the person asked for (a section chosen in the sidebar or
 * the drop-down, Alt+1…Alt+5), the focus goes into the page: its first
 * control, or the page itself, so that its own keys (the log's Ctrl+F…)
 * work at once. GTK finds the first control in the Tab order by where the
 * controls are, which a page built just now (the first time it is shown)
 * does not know before the next frame: that one's first control is the
 * first in its widget tree. */
static void
focus_shown_page (CobaltWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (child == NULL)
    return;
  if (focus != NULL && (focus == child || gtk_widget_is_ancestor (focus, child)))
    return;

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (gtk_widget_get_width (child) > 0 ? gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD)
                                       : grab_first_control (child))
    return;

  gtk_widget_set_focusable (child, TRUE);
  gtk_widget_grab_focus (child);
}

static void
show_and_focus (CobaltWindow *self,
                const char   *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->page_stack, name);

  /* Not over the checklist, the first-run or a problem page. */
  if (child == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    return;

  gtk_stack_set_visible_child (self->page_stack, child);
  focus_shown_page (self);
}

static void
on_section_activated_cb (CobaltSectionSwitcher *switcher,
                         const char            *name,
                         CobaltWindow          *self)
{
  show_and_focus (self, name);
}

/* "win.show-section" ("today", "log"…; Alt+1…Alt+5 in the sidebar's order). */
static void
window_show_section_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  show_and_focus (COBALT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A narrow window: the header bar makes room for the urgent help and the
 * menu. The window narrower than the fold view's threshold (also while
 * the checklist hides the fold view), the title goes; and, then or with
 * the fold view folded, the person is chosen beside the section, and
 * "Manage people…" stays in the main menu. */
static void
apply_width (CobaltWindow *self)
{
  gboolean folded = self->narrow || cobalt_fold_view_get_folded (self->fold_view);

  gtk_widget_set_visible (self->person_box, !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !self->narrow);
}

static gboolean
follow_width_idle_cb (gpointer user_data)
{
  CobaltWindow *self = COBALT_WINDOW (user_data);

  self->width_idle_id = 0;
  apply_width (self);

  return G_SOURCE_REMOVE;
}

/* Not while the fold view or the window is being allocated, which is
 * when they find out: once that layout is done. */
static void
follow_width (CobaltWindow *self)
{
  if (self->width_idle_id == 0)
    self->width_idle_id = g_idle_add (follow_width_idle_cb, self);
}

/* Asked for a narrow size (the size saved last time, or a test): the
 * header makes room first, or it would keep the window wider. */
static void
on_default_width_cb (CobaltWindow *self,
                     GParamSpec   *pspec,
                     gpointer      unused)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (self->narrow || width <= 0 || width >= cobalt_fold_view_get_scaled_threshold (self->fold_view))
    return;

  self->narrow = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    follow_width (self);
  else
    apply_width (self);
}

static void
on_fold_view_folded_cb (CobaltFoldView *fold_view,
                        GParamSpec     *pspec,
                        CobaltWindow   *self)
{
  follow_width (self);
}

void
_cobalt_window_class_navigation_init (GtkWidgetClass *widget_class)
{
  static const guint keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == 1 + COBALT_N_SECTIONS);

  /* The sections in the sidebar's order (listed in help-overlay.ui). */
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", window_show_section_action);
  gtk_widget_class_add_binding_action (widget_class, keys[0], GDK_ALT_MASK,
                                       "win.show-section", "s", "today");
  for (guint i = 0; i < COBALT_N_SECTIONS; i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i + 1], GDK_ALT_MASK,
                                         "win.show-section", "s", cobalt_section_get_name (i));

  g_type_ensure (COBALT_TYPE_FOLD_VIEW);
  g_type_ensure (COBALT_TYPE_SECTION_SWITCHER);
}

void
_cobalt_window_navigation_init (CobaltWindow *self)
{
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);

  set_up_person_dropdown (self->person_dropdown);
  set_up_person_dropdown (self->narrow_person_dropdown);
  cobalt_app_name_drop_down (self->person_dropdown, _("Person"));
  cobalt_app_name_drop_down (self->narrow_person_dropdown, _("Person"));
  /* The narrow one only mirrors the header's, which does the work. */
  g_object_bind_property (self->person_dropdown, "model", self->narrow_person_dropdown, "model",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->person_dropdown, "selected", self->narrow_person_dropdown, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->person_dropdown, "visible", self->narrow_person_dropdown, "visible",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect (self->sidebar, "section-activated", G_CALLBACK (on_section_activated_cb), self);
  g_signal_connect (self->section_dropdown, "section-activated", G_CALLBACK (on_section_activated_cb), self);
  g_signal_connect (self->fold_view, "notify::folded", G_CALLBACK (on_fold_view_folded_cb), self);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width_cb), NULL);
}

void
_cobalt_window_follow_width (CobaltWindow *self,
                             int           width)
{
  gboolean narrow = width < cobalt_fold_view_get_scaled_threshold (self->fold_view);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      follow_width (self);
    }
}
