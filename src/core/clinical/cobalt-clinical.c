/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cobalt-clinical.h"

/* Each sentence names its section of docs/clinical-sources.md. */

/* Sources: "Safety wording". */
const char *
cobalt_clinical_follow_clinic (void)
{
  return _("Follow your clinic’s instructions.");
}

/* Sources: "Missed dose". */
char *
cobalt_clinical_missed_dose (const char *clinic_phone)
{
  if (clinic_phone != NULL && *clinic_phone != '\0')
    /* Translators: %s is the clinic's phone number. */
    return g_strdup_printf (_("If this dose was missed, ask your doctor or nurse (%s) when to have "
                              "the next one. Do not have two doses to make up for a missed one."),
                            clinic_phone);

  return g_strdup (_("If this dose was missed, ask your doctor or nurse when to have the next one. "
                     "Do not have two doses to make up for a missed one."));
}

/* Sources: "Reactions and what to do". */
const char *
cobalt_triage_level_to_string (CobaltTriageLevel level)
{
  switch (level)
    {
    case COBALT_TRIAGE_EMERGENCY:
      return _("Emergency");
    case COBALT_TRIAGE_URGENT_ADVICE:
      return _("Get urgent advice now");
    case COBALT_TRIAGE_CONTACT_CLINIC:
      return _("Contact your clinic today");
    case COBALT_TRIAGE_MILD:
      return _("Mild");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
call_emergency (CobaltPerson *person)
{
  const char *number = person != NULL ? cobalt_person_get_emergency_number (person)
                                      : cobalt_default_emergency_number ();

  if (nonempty (number) != NULL)
    /* Translators: %s is the emergency number, e.g. 999 or 112. */
    return g_strdup_printf (_("Call %s now"), number);

  return g_strdup (_("Call your emergency number now"));
}

/* Sources: "Reactions and what to do", "Emergency and urgent-advice
 * numbers". */
char *
cobalt_clinical_triage_heading (CobaltTriageLevel  level,
                                CobaltPerson      *person)
{
  const char *phone = person != NULL ? nonempty (person->clinic_phone) : NULL;

  switch (level)
    {
    case COBALT_TRIAGE_EMERGENCY:
      return call_emergency (person);

    case COBALT_TRIAGE_URGENT_ADVICE:
      return g_strdup (_("Get medical advice now"));

    case COBALT_TRIAGE_CONTACT_CLINIC:
      if (phone != NULL)
        /* Translators: %s is the clinic's phone number. */
        return g_strdup_printf (_("Contact your clinic today: %s"), phone);
      return g_strdup (_("Contact your clinic today"));

    case COBALT_TRIAGE_MILD:
      return g_strdup (_("This usually settles in a few days"));

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Urgent advice: the clinic, or the out-of-hours line when it is closed;
 * the emergency number if breathing or swallowing becomes difficult. */
static char *
urgent_advice_detail (CobaltPerson *person)
{
  const char *phone = person != NULL ? nonempty (person->clinic_phone) : NULL;
  const char *urgent = person != NULL ? nonempty (person->urgent_number) : NULL;
  const char *emergency = person != NULL ? cobalt_person_get_emergency_number (person)
                                         : cobalt_default_emergency_number ();
  g_autofree char *who = NULL;
  g_autofree char *then = NULL;

  if (phone != NULL && urgent != NULL)
    /* Translators: the first %s is the clinic's phone, the second the
     * urgent-advice line (e.g. 111). */
    who = g_strdup_printf (_("Call your clinic on %s or, when it is closed, %s."), phone, urgent);
  else if (urgent != NULL)
    /* Translators: %s is the urgent-advice line (e.g. 111). */
    who = g_strdup_printf (_("Call your clinic or, when it is closed, %s."), urgent);
  else if (phone != NULL)
    /* Translators: %s is the clinic's phone number. */
    who = g_strdup_printf (_("Call your clinic on %s, or its out-of-hours line when it is closed."), phone);
  else
    who = g_strdup (_("Call your clinic, or its out-of-hours line when it is closed."));

  if (nonempty (emergency) != NULL)
    /* Translators: %s is the emergency number. */
    then = g_strdup_printf (_("Call %s if breathing or swallowing becomes difficult."), emergency);
  else
    then = g_strdup (_("Call your emergency number if breathing or swallowing becomes difficult."));

  return g_strconcat (who, " ", then, NULL);
}

/* Sources: "Reactions and what to do". */
char *
cobalt_clinical_triage_detail (CobaltTriageLevel  level,
                               CobaltPerson      *person)
{
  switch (level)
    {
    case COBALT_TRIAGE_EMERGENCY:
      return g_strdup (_("These can be signs of a serious allergic reaction (anaphylaxis), "
                         "which needs help straight away."));

    case COBALT_TRIAGE_URGENT_ADVICE:
      return urgent_advice_detail (person);

    case COBALT_TRIAGE_CONTACT_CLINIC:
      return g_strdup (_("Tell them when you had your injection and what you noticed."));

    case COBALT_TRIAGE_MILD:
      return g_strdup (_("Tell your clinic if it gets worse or does not go away."));

    default:
      g_return_val_if_reached (NULL);
    }
}

char *
cobalt_triage_advice (CobaltTriageLevel  level,
                      CobaltPerson      *person)
{
  g_autofree char *heading = cobalt_clinical_triage_heading (level, person);
  g_autofree char *detail = cobalt_clinical_triage_detail (level, person);

  /* Translators: a heading ("Call 999 now") and the line under it, as one
   * sentence for places with a single line. */
  return g_strdup_printf (_("%s. %s"), heading, detail);
}

/* Sources: "Reactions and what to do". */
const char *
cobalt_clinical_emergency_timing (void)
{
  return _("These signs usually come within 5 to 30 minutes of the injection.");
}

/* Sources: "Emergency and urgent-advice numbers" (cautions). */
const char *
cobalt_clinical_cyanocobalamin_caution (void)
{
  return _("Cyanocobalamin: tell your clinic if you are allergic to cobalt or have Leber’s disease "
           "(an inherited eye condition that cyanocobalamin can make worse quickly). "
           "Hydroxocobalamin is not affected by this warning.");
}

/* Sources: "Technique data". */
const char *
cobalt_clinical_hydroxo_subcutaneous (void)
{
  return _("Hydroxocobalamin is licensed for injection into a muscle. Inject it under the skin "
           "only if your clinic prescribed it that way.");
}

/* Sources: "Technique data" (no invented technique). */
const char *
cobalt_clinical_as_clinic_showed (void)
{
  return _("as your clinic showed you");
}

/* The territory part of a locale name: "en_GB.UTF-8@euro" -> "GB". */
static char *
locale_territory (const char *locale)
{
  const char *underscore;
  size_t len;

  if (locale == NULL)
    return NULL;

  underscore = strchr (locale, '_');
  if (underscore == NULL)
    return NULL;

  underscore++;
  len = strcspn (underscore, ".@");
  if (len != 2)
    return NULL;

  return g_ascii_strup (underscore, len);
}

char *
cobalt_clinical_locale_country (void)
{
  const char *variables[] = { "LC_ALL", "LC_TELEPHONE", "LANG" };

  /* LC_ALL overrides LC_TELEPHONE, which overrides LANG (POSIX order);
   * "C", "POSIX" and "C.UTF-8" name no country, so the next one is
   * asked. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      char *territory = locale_territory (g_getenv (variables[i]));

      if (territory != NULL)
        return territory;
    }

  return NULL;
}

/* Sources: "Emergency and urgent-advice numbers" (ambulance numbers for
 * pre-filling). Sorted by country code. */
typedef struct
{
  char        country[3];
  const char *number;
} EmergencyNumber;

static const EmergencyNumber emergency_numbers[] = {
  { "AR", "107" },   { "AT", "112" },   { "AU", "000" },   { "BE", "112" },
  { "BG", "112" },   { "BR", "192" },   { "CA", "911" },   { "CN", "120" },
  { "CY", "112" },   { "CZ", "112" },   { "DE", "112" },   { "DK", "112" },
  { "EE", "112" },   { "ES", "112" },   { "FI", "112" },   { "FR", "112" },
  { "GB", "999" },   { "GR", "112" },   { "HK", "999" },   { "HR", "112" },
  { "HU", "112" },   { "IE", "112" },   { "IL", "101" },   { "IN", "112" },
  { "IS", "112" },   { "IT", "112" },   { "JP", "119" },   { "KR", "119" },
  { "LI", "112" },   { "LT", "112" },   { "LU", "112" },   { "LV", "112" },
  { "MT", "112" },   { "MX", "911" },   { "MY", "999" },   { "NL", "112" },
  { "NO", "112" },   { "NZ", "111" },   { "PH", "911" },   { "PL", "112" },
  { "PT", "112" },   { "RO", "112" },   { "SE", "112" },   { "SG", "995" },
  { "SI", "112" },   { "SK", "112" },   { "TR", "112" },   { "US", "911" },
  { "ZA", "10177" },
};

static int
compare_country (const void *key,
                 const void *element)
{
  return strcmp (key, ((const EmergencyNumber *) element)->country);
}

const char *
cobalt_clinical_emergency_number_for (const char *country)
{
  const EmergencyNumber *found;

  if (country == NULL)
    return NULL;

  found = bsearch (country, emergency_numbers, G_N_ELEMENTS (emergency_numbers),
                   sizeof emergency_numbers[0], compare_country);
  return found != NULL ? found->number : NULL;
}

const char *
cobalt_default_emergency_number (void)
{
  g_autofree char *country = cobalt_clinical_locale_country ();

  return cobalt_clinical_emergency_number_for (country);
}

/* Sources: "Emergency and urgent-advice numbers" (asked, never guessed:
 * a number from the locale is shown for the person to confirm). */
const char *
cobalt_clinical_emergency_number_hint (gboolean prefilled)
{
  if (prefilled)
    return _("Filled in from your language and region settings: check that it is the number to call "
             "for an ambulance where the injections are given, and change it if not.");

  return _("The number to call for an ambulance where the injections are given. "
           "Cobalt shows it whenever a reaction needs help straight away.");
}

/* Sources: "Emergency and urgent-advice numbers". */
const char *
cobalt_clinical_emergency_number_required (void)
{
  return _("Enter the emergency number: the number to call for an ambulance where the injections "
           "are given. Cobalt cannot know it for your region.");
}

/* Sources: "Emergency and urgent-advice numbers" (national only in
 * England, Scotland and Wales, so never pre-filled). */
const char *
cobalt_clinical_urgent_number_hint (void)
{
  return _("Optional: the line to call for medical advice when your clinic is closed, "
           "for example 111 in England, Scotland and Wales.");
}

/* Sources: "Technique data" (no invented technique; sites as trained). */
const char *
cobalt_clinical_sites_trained_hint (void)
{
  return _("Tick only the sites your clinic showed you how to inject into.");
}

/* Sources: "Technique data" (no invented technique). */
const char *
cobalt_clinical_technique_not_recorded (void)
{
  return _("The needle, syringe and angle are not recorded yet: inject as your clinic showed you, "
           "and add them in Preferences when you have them.");
}

/* Sources: "Technique data" (expired medicine is never used: no
 * override, an in-date ampoule or stop). */
const char *
cobalt_clinical_expired_medicine (void)
{
  return _("Never use medicine after its expiry date: take an in-date ampoule, or stop and ask "
           "your clinic or pharmacist.");
}

/* Sources: "Body sites" (not into a sore, inflamed or bruised area) and
 * "Technique data" (a resting site cannot be chosen until its rest is
 * ended). */
const char *
cobalt_clinical_resting_site (void)
{
  return _("Do not inject into a sore, inflamed or bruised area. If the site has recovered, "
           "end its rest first; otherwise choose another site.");
}
