/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CobaltChoiceButton, the check box (and radio button) that assistive
 * technology can tick: it is a button, so GTK gives it AT-SPI's "click"
 * action, and it says "checked" (not "pressed") as a check box does. The
 * AT-SPI side is driven for real in tests/integration/test-journey-a11y.py. */

#include "config.h"

#include <gtk/gtk.h>

#include "cobalt-choice-button.h"
#include "cobalt-gui-test-utils.h"

static void
test_check_box (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = cobalt_choice_button_new ("_Fever");
  GtkWidget *label;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  /* A button, so GTK 4.8 gives it an AT-SPI action. */
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)), ==,
                   GTK_ACCESSIBLE_ROLE_CHECKBOX);
  g_assert_true (gtk_widget_has_css_class (button, "check"));
  g_assert_false (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (button)));

  /* Its label wraps, starts at the left and carries the mnemonic. */
  label = gtk_button_get_child (GTK_BUTTON (button));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (label)), ==, 0.0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Fever");
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, GDK_KEY_f);

  /* A click ticks it, a second one clears it; the mnemonic ticks it. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  cobalt_test_click (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_get_state_flags (button) & GTK_STATE_FLAG_CHECKED);
  cobalt_test_click (button);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (gtk_widget_mnemonic_activate (label, FALSE));
  /* A button's keyboard activation shows it pressed for a moment first. */
  cobalt_test_wait_idle ();
  cobalt_test_wait_idle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  /* A new label wraps too. */
  gtk_button_set_label (GTK_BUTTON (button), "A much longer reason that has to wrap");
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_radio_group (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *first = cobalt_choice_button_new_radio ("_One", NULL);
  GtkWidget *second = cobalt_choice_button_new_radio ("_Two", COBALT_CHOICE_BUTTON (first));

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  cobalt_test_wait_idle ();

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (first)), ==,
                   GTK_ACCESSIBLE_ROLE_RADIO);
  g_assert_true (gtk_widget_has_css_class (second, "radio"));
  g_assert_true (cobalt_choice_button_get_radio (COBALT_CHOICE_BUTTON (second)));

  /* One at a time, and clicking the chosen one keeps it chosen. */
  cobalt_test_click (first);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first)));
  cobalt_test_click (second);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (first)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (second)));
  cobalt_test_click (second);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (second)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Made from a .ui file as the dialogs make them. */
static void
test_from_builder (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='CobaltChoiceButton' id='a'>"
    "    <property name='radio'>true</property>"
    "    <property name='label'>_A</property>"
    "    <property name='use-underline'>true</property>"
    "    <property name='active'>true</property>"
    "  </object>"
    "  <object class='CobaltChoiceButton' id='b'>"
    "    <property name='radio'>true</property>"
    "    <property name='group'>a</property>"
    "    <property name='label'>_B</property>"
    "  </object>"
    "</interface>";
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *a, *b;

  g_type_ensure (COBALT_TYPE_CHOICE_BUTTON);
  builder = gtk_builder_new_from_string (ui, -1);
  a = GTK_WIDGET (gtk_builder_get_object (builder, "a"));
  b = GTK_WIDGET (gtk_builder_get_object (builder, "b"));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (b)), ==,
                   GTK_ACCESSIBLE_ROLE_RADIO);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (a)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (a)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (a)))));

  g_object_ref_sink (a);
  g_object_ref_sink (b);
  g_object_unref (a);
  g_object_unref (b);
}

int
main (int   argc,
      char *argv[])
{
  cobalt_test_init_gui (&argc, &argv);

  g_test_add_func ("/cobalt/choice-button/check-box", test_check_box);
  g_test_add_func ("/cobalt/choice-button/radio-group", test_radio_group);
  g_test_add_func ("/cobalt/choice-button/from-builder", test_from_builder);

  return g_test_run ();
}
