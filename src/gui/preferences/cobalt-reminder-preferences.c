/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-core.h"
#include "cobalt-journey-util.h"
#include "cobalt-reminder-preferences.h"

#define KEY_AUTOSTART  "reminder-autostart-enabled"
#define KEY_DAY_BEFORE "day-before-reminder-enabled"
#define KEY_LEAD_DAYS  "low-stock-lead-days"

struct _CobaltReminderPreferences
{
  GtkBox          parent_instance;

  GSettings      *settings;          /* NULL when the schema is not installed */
  gboolean        autostart;         /* what the entry on disk says */
  GCancellable   *autostart_request; /* the Background portal's, in a sandbox */

  GtkSwitch      *autostart_switch;
  GtkLabel       *autostart_error;
  GtkSwitch      *day_before_switch;
  GtkSpinButton  *lead_days_spin;
  GtkLabel       *unavailable_label;
};

G_DEFINE_FINAL_TYPE (CobaltReminderPreferences, cobalt_reminder_preferences, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_settings_new() aborts on a missing schema (an uninstalled build run
 * without GSETTINGS_SCHEMA_DIR), and an older installed schema may lack
 * the reminder keys: look before asking. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, KEY_AUTOSTART) ||
      !g_settings_schema_has_key (schema, KEY_DAY_BEFORE) ||
      !g_settings_schema_has_key (schema, KEY_LEAD_DAYS))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* Shows the outcome of turning the preference on or off. */
static void
autostart_done (CobaltReminderPreferences *self,
                gboolean                   enabled,
                const GError              *error)
{
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* The switch shows what will happen at the next login, so it goes
       * back to the state the file (or the portal's answer) still has. */
      text = g_strdup_printf (enabled ? _("Reminders could not be set to start when you log in: %s")
                                      : _("Reminders could not be stopped from starting when you log in: %s"),
                              error->message);
      cobalt_journey_set_field_error (self->autostart_error, text);
      self->autostart = cobalt_autostart_is_enabled ();
      gtk_switch_set_active (self->autostart_switch, self->autostart);
      return;
    }

  self->autostart = enabled;
  cobalt_journey_set_field_error (self->autostart_error, NULL);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, KEY_AUTOSTART, enabled);
}

static void
on_autostart_set_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CobaltReminderPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = cobalt_autostart_set_enabled_finish (result, &error);

  /* Closed meanwhile: nothing left to show it in. */
  if (self->autostart_request == NULL || g_cancellable_is_cancelled (self->autostart_request))
    return;
  g_clear_object (&self->autostart_request);

  gtk_widget_set_sensitive (GTK_WIDGET (self->autostart_switch), TRUE);
  autostart_done (self, gtk_switch_get_active (self->autostart_switch), done ? NULL : error);
}

static void
on_autostart_active_changed_cb (GtkSwitch                 *autostart_switch,
                                GParamSpec                *pspec,
                                CobaltReminderPreferences *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = gtk_switch_get_active (autostart_switch);

  /* Also reached when the switch is put back below (GtkSwitch may send
   * that notification only after this handler returns). */
  if (enabled == self->autostart || self->autostart_request != NULL)
    return;

  /* In a Flatpak sandbox the Background portal may first ask the person:
   * the switch waits for the answer, insensitive. */
  if (cobalt_background_portal_in_sandbox ())
    {
      self->autostart_request = g_cancellable_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (autostart_switch), FALSE);
      cobalt_autostart_set_enabled_async (enabled, self->autostart_request,
                                          on_autostart_set_cb, g_object_ref (self));
      return;
    }

  cobalt_autostart_set_enabled (enabled, &error);
  autostart_done (self, enabled, error);
}

static void
cobalt_reminder_preferences_constructed (GObject *object)
{
  CobaltReminderPreferences *self = COBALT_REMINDER_PREFERENCES (object);
  G_OBJECT_CLASS (cobalt_reminder_preferences_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = lookup_settings ();

  /* The entry on disk is what the session manager reads, so it decides
   * the switch; the key only mirrors it (someone may have removed the
   * file by hand, or a system-wide entry may have been installed). */
  self->autostart = cobalt_autostart_is_enabled ();
  gtk_switch_set_active (self->autostart_switch, self->autostart);
  g_signal_connect (self->autostart_switch, "notify::active",
                    G_CALLBACK (on_autostart_active_changed_cb), self);

  if (self->settings != NULL)
    {
      if (g_settings_get_boolean (self->settings, KEY_AUTOSTART) != self->autostart)
        g_settings_set_boolean (self->settings, KEY_AUTOSTART, self->autostart);

      g_settings_bind (self->settings, KEY_DAY_BEFORE,
                       self->day_before_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, KEY_LEAD_DAYS,
                       self->lead_days_spin, "value", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->day_before_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->lead_days_spin), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->unavailable_label), TRUE);
    }
}

static void
cobalt_reminder_preferences_dispose (GObject *object)
{
  CobaltReminderPreferences *self = COBALT_REMINDER_PREFERENCES (object);

  if (self->autostart_request != NULL)
    g_cancellable_cancel (self->autostart_request);
  g_clear_object (&self->autostart_request);
  if (self->settings != NULL)
    {
      g_settings_unbind (self->day_before_switch, "active");
      g_settings_unbind (self->lead_days_spin, "value");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), COBALT_TYPE_REMINDER_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cobalt_reminder_preferences_parent_class)->dispose (object);
}

static void
cobalt_reminder_preferences_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  CobaltReminderPreferences *self = COBALT_REMINDER_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_preferences_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  CobaltReminderPreferences *self = COBALT_REMINDER_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_reminder_preferences_class_init (CobaltReminderPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cobalt_reminder_preferences_constructed;
  object_class->dispose = cobalt_reminder_preferences_dispose;
  object_class->get_property = cobalt_reminder_preferences_get_property;
  object_class->set_property = cobalt_reminder_preferences_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cobaltb12/Cobalt/preferences/cobalt-reminder-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, CobaltReminderPreferences, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, CobaltReminderPreferences, autostart_error);
  gtk_widget_class_bind_template_child (widget_class, CobaltReminderPreferences, day_before_switch);
  gtk_widget_class_bind_template_child (widget_class, CobaltReminderPreferences, lead_days_spin);
  gtk_widget_class_bind_template_child (widget_class, CobaltReminderPreferences, unavailable_label);
}

static void
cobalt_reminder_preferences_init (CobaltReminderPreferences *self)
{
  cobalt_journey_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  cobalt_journey_guard_spin_wheel (GTK_WIDGET (self));
  /* Each control's name once, not followed by its caption's text (its
   * mnemonic label) again. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->autostart_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->day_before_switch), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->lead_days_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

GtkWidget *
cobalt_reminder_preferences_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (COBALT_TYPE_REMINDER_PREFERENCES,
                       "settings", settings,
                       NULL);
}

GtkWidget *
cobalt_reminder_preferences_get_field (CobaltReminderPreferences *self,
                                       const char                *name)
{
  g_return_val_if_fail (COBALT_IS_REMINDER_PREFERENCES (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "autostart"))
    return GTK_WIDGET (self->autostart_switch);
  if (g_str_equal (name, "autostart-error"))
    return GTK_WIDGET (self->autostart_error);
  if (g_str_equal (name, "day-before"))
    return GTK_WIDGET (self->day_before_switch);
  if (g_str_equal (name, "lead-days"))
    return GTK_WIDGET (self->lead_days_spin);
  if (g_str_equal (name, "unavailable"))
    return GTK_WIDGET (self->unavailable_label);

  return NULL;
}
