/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-reminder-text.h"
#include "cobalt-core.h"

static char *
format_time (GDateTime *datetime)
{
  /* TRANSLATORS: time of day of a reminder, see g_date_time_format() */
  return g_date_time_format (datetime, _("%H:%M"));
}

static char *
format_day (GDateTime *datetime)
{
  /* TRANSLATORS: a day such as "Monday 3 June", see g_date_time_format() */
  return g_date_time_format (datetime, _("%A %-d %B"));
}

static char *
describe_dose (const CobaltReminderSubject *subject,
               const CobaltDueInfo         *due)
{
  char *text = cobalt_prescription_describe_dose (subject->prescription, due->phase_index);

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = g_strdup (_("your vitamin B12 dose"));
    }

  return text;
}

static char *
describe_site (const CobaltReminderSubject *subject,
               GDateTime                   *now)
{
  g_autoptr(GPtrArray) no_doses = g_ptr_array_new ();
  const CobaltSiteInfo *site;

  site = cobalt_rotation_suggest (subject->prescription,
                                  subject->doses != NULL ? subject->doses : no_doses,
                                  subject->resting, now, NULL);
  if (site == NULL)
    return g_strdup (_("No site is free to use: check the resting sites in Cobalt before you inject."));

  return g_strdup_printf (_("Suggested site: %s."), cobalt_site_info_get_name (site));
}

char *
cobalt_reminder_text_missed_dose (CobaltPerson *person)
{
  const char *clinic_name = NULL;
  const char *clinic_phone = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *missed = NULL;

  if (person != NULL)
    {
      clinic_name = person->clinic_name;
      clinic_phone = person->clinic_phone;
    }

  if (clinic_name != NULL && *clinic_name == '\0')
    clinic_name = NULL;
  if (clinic_phone != NULL && *clinic_phone == '\0')
    clinic_phone = NULL;

  if (clinic_name != NULL && clinic_phone != NULL)
    contact = g_strdup_printf (_("Clinic: %s, %s."), clinic_name, clinic_phone);
  else if (clinic_phone != NULL)
    contact = g_strdup_printf (_("Clinic: %s."), clinic_phone);
  else if (clinic_name != NULL)
    contact = g_strdup_printf (_("Clinic: %s."), clinic_name);
  else
    contact = g_strdup (_("Add your clinic’s phone number in Cobalt so it is at hand."));

  missed = cobalt_clinical_missed_dose (NULL);
  return g_strdup_printf ("%s %s", missed, contact);
}

void
cobalt_reminder_text_fill_dose (CobaltReminderItem          *item,
                                const CobaltReminderSubject *subject,
                                const CobaltDueInfo         *due,
                                GDateTime                   *now,
                                gboolean                     overdue)
{
  g_autofree char *dose = NULL;
  g_autofree char *site = NULL;
  g_autofree char *time = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *missed = NULL;
  const char *name;
  const char *todo = NULL;

  g_return_if_fail (item != NULL);
  g_return_if_fail (subject != NULL);
  g_return_if_fail (due != NULL);

  name = subject->person->name;
  dose = describe_dose (subject, due);
  /* Overdue: the clinic decides when the next dose is, so no site is
   * suggested, which would read as "go ahead" (docs/clinical-sources.md,
   * "Missed dose"). */
  site = overdue ? NULL : describe_site (subject, now);
  time = format_time (due->due_at);

  /* A due reminder shown late (a snooze past midnight, or the machine
   * was off) reads as what it now is: the due day is over. */
  switch (item->kind == COBALT_REMINDER_DUE && overdue ? COBALT_REMINDER_OVERDUE : item->kind)
    {
    case COBALT_REMINDER_DAY_BEFORE:
      item->summary = g_strdup_printf (_("B12 injection tomorrow for %s"), name);
      lead = g_strdup_printf (_("%s is due tomorrow at %s. Get your supplies ready today: "
                                "the ampoule, needles, syringe, swab, plaster and sharps bin."),
                              dose, time);
      todo = _("Open Cobalt to check your supplies.");
      break;

    case COBALT_REMINDER_OVERDUE:
      {
        g_autofree char *day = format_day (due->due_at);

        item->summary = g_strdup_printf (_("B12 injection overdue for %s"), name);
        lead = g_strdup_printf (_("%s was due on %s at %s and has not been logged. "
                                  "If it was given, log it in Cobalt."),
                                dose, day, time);
        todo = _("Open Cobalt and choose “Start checklist” when your clinic says to have it.");
      }
      break;

    case COBALT_REMINDER_DUE:
    default:
      item->summary = g_strdup_printf (_("B12 injection due for %s"), name);
      lead = g_strdup_printf (_("%s is due today at %s."), dose, time);
      todo = _("Open Cobalt and choose “Start checklist” when you are ready.");
      break;
    }

  if (overdue)
    missed = cobalt_reminder_text_missed_dose (subject->person);

  {
    const char *parts[] = { lead, site, missed, NULL };
    g_autoptr(GStrvBuilder) body = g_strv_builder_new ();
    g_auto(GStrv) present = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (parts) - 1; i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_strv_builder_add (body, parts[i]);
    present = g_strv_builder_end (body);
    item->body = g_strjoinv (" ", present);
  }
  item->body_without_actions = g_strjoin (" ", item->body, todo, NULL);
}

void
cobalt_reminder_text_fill_supplies (CobaltReminderItem *item,
                                    CobaltPerson       *person,
                                    GPtrArray          *warnings)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *name;
  const char *advice = NULL;

  g_return_if_fail (item != NULL);
  g_return_if_fail (COBALT_IS_PERSON (person));
  g_return_if_fail (warnings != NULL);

  name = person->name;

  for (guint i = 0; i < warnings->len; i++)
    {
      const CobaltSupplyWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->message == NULL)
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, warning->message);
    }

  switch (item->kind)
    {
    case COBALT_REMINDER_LOW_STOCK:
      item->summary = g_strdup_printf (_("Injection supplies running low for %s"), name);
      advice = _("Order more from your pharmacy or clinic in good time.");
      break;

    case COBALT_REMINDER_SHARPS_BIN:
      item->summary = g_strdup_printf (_("Sharps bin nearly full for %s"), name);
      advice = cobalt_supplies_sharps_advice ();
      break;

    case COBALT_REMINDER_EXPIRY:
    default:
      item->summary = g_strdup_printf (_("B12 supplies expiring for %s"), name);
      advice = _("Do not use a medicine after its expiry date.");
      break;
    }

  if (advice != NULL)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, advice);
    }

  item->body = g_string_free (g_steal_pointer (&body), FALSE);
  item->body_without_actions = g_strjoin (" ", item->body,
                                          _("Open Cobalt and go to Supplies."), NULL);
}

char *
cobalt_reminder_text_paused_body (const GError *error,
                                  const char   *path)
{
  const char *why;
  const char *what = _("Cobalt will keep trying and will remind you again as soon as the file can be read.");

  if (error == NULL)
    why = _("Cobalt’s data file cannot be read.");
  else if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_NOT_FOUND)
    why = _("Cobalt’s data file is missing. Open Cobalt to restore it from a backup.");
  else if (error->domain == COBALT_REPOSITORY_ERROR)
    {
      switch ((CobaltRepositoryError) error->code)
        {
        case COBALT_REPOSITORY_ERROR_BUSY:
          why = _("Another program is keeping Cobalt’s data file locked.");
          break;
        case COBALT_REPOSITORY_ERROR_CORRUPT:
          why = _("Cobalt’s data file is damaged. Open Cobalt to restore a backup.");
          break;
        case COBALT_REPOSITORY_ERROR_TOO_NEW:
          why = _("Cobalt’s data file was saved by a newer version of Cobalt. Install that version to get reminders again.");
          break;
        case COBALT_REPOSITORY_ERROR_NOT_COBALT:
          why = _("The file in Cobalt’s data folder is not a Cobalt data file.");
          break;
        case COBALT_REPOSITORY_ERROR_READ_ONLY:
        case COBALT_REPOSITORY_ERROR_PERMISSION:
          why = _("Cobalt is not allowed to write to its data file.");
          break;
        case COBALT_REPOSITORY_ERROR_FULL:
          why = _("The disk is full, so Cobalt cannot update its data file.");
          break;
        case COBALT_REPOSITORY_ERROR_OPEN:
        case COBALT_REPOSITORY_ERROR_CONSTRAINT:
        case COBALT_REPOSITORY_ERROR_NOT_FOUND:
        case COBALT_REPOSITORY_ERROR_BACKUP:
        case COBALT_REPOSITORY_ERROR_IO:
        case COBALT_REPOSITORY_ERROR_SQLITE:
        default:
          why = _("Cobalt’s data file cannot be read.");
          break;
        }
    }
  else
    why = _("Cobalt’s data file cannot be read.");

  if (path != NULL)
    return g_strdup_printf ("%s %s\n%s", why, what, path);

  return g_strdup_printf ("%s %s", why, what);
}
