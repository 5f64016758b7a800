/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "cobalt-carers-util.h"
#include "cobalt-journal-util.h"
#include "cobalt-report-summary.h"

/* Before this local hour a dose given the day after its due day is
 * credited to the due day: cobalt-schedule.c rule 3, which the schedule
 * applies when it counts the dose. */
#define CREDIT_PREVIOUS_DAY_BEFORE_HOUR 4

/* How the doses given in the window met their due days. */
typedef struct
{
  guint   n_given;
  guint   n_on_day;
  guint   n_early;
  guint   n_unscheduled;  /* no due day to compare: no prescription or first-dose date */
  GArray *late;           /* int: days after the due day, one per late dose */
} Timing;

static void
block_free (gpointer data)
{
  CobaltReportBlock *block = data;

  g_free (block->text);
  g_free (block);
}

static void
add_block (GPtrArray             *blocks,
           CobaltReportBlockKind  kind,
           const char            *text)
{
  CobaltReportBlock *block = g_new0 (CobaltReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (blocks, block);
}

static void
add_text_take (GPtrArray             *blocks,
               CobaltReportBlockKind  kind,
               char                  *text)
{
  add_block (blocks, kind, text);
  g_free (text);
}

static void
local_day (GDateTime *instant,
           GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (instant), g_date_time_get_month (instant),
                  g_date_time_get_year (instant));
}

static char *
format_instant_day (GDateTime *instant,
                    GTimeZone *tz)
{
  g_autoptr(GDateTime) here = g_date_time_to_timezone (instant, tz);
  GDate day;

  local_day (here, &day);
  return cobalt_journal_format_date (&day);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Person --------------------------------------------------------------- */

static void
add_person (GPtrArray    *blocks,
            CobaltPerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *emergency = cobalt_person_get_emergency_number (person);
  const char *urgent = person->urgent_number;

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Person"));

  if (person->date_of_birth != NULL && g_date_valid (person->date_of_birth))
    {
      g_autofree char *born = cobalt_journal_format_date (person->date_of_birth);

      g_string_append_printf (text, _("Date of birth: %s"), born);
    }
  else
    g_string_append_printf (text, _("Date of birth: %s"), _("not recorded"));
  if (person->clinic_name != NULL || person->clinic_phone != NULL)
    {
      g_string_append_c (text, '\n');
      /* Translators: the clinic's name and phone number */
      g_string_append_printf (text, _("Clinic: %s %s"), person->clinic_name ?: "", person->clinic_phone ?: "");
    }
  g_string_append_c (text, '\n');
  /* Never a guessed number: said so when none is recorded. */
  g_string_append_printf (text, _("Emergency number: %s"),
                          emergency != NULL && *emergency != '\0' ? emergency : _("not recorded"));
  if (urgent != NULL && *urgent != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: the out-of-hours or urgent-care line, e.g. 111 */
      g_string_append_printf (text, _("Urgent-advice number: %s"), urgent);
    }
  if (person->notes != NULL && *person->notes != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: the person's own notes about themselves */
      g_string_append_printf (text, _("Notes: %s"), person->notes);
    }
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);
}

/* Prescription --------------------------------------------------------- */

static void
add_prescription (GPtrArray          *blocks,
                  CobaltPrescription *prescription,
                  GPtrArray          *schedule_doses,
                  GDateTime          *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dose = NULL;
  g_autofree char *strength = NULL;
  g_autoptr(CobaltDueInfo) due = NULL;
  GPtrArray *phases;
  guint minute;

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Prescription"));
  if (prescription == NULL)
    {
      add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("No prescription recorded."));
      return;
    }

  phases = prescription->phases;
  minute = prescription->reminder_minute;
  dose = cobalt_prescription_describe_dose (prescription, 0);
  strength = cobalt_prescription_describe_strength (prescription);
  /* Translators: the dose, the route, the prescription's version number */
  g_string_append_printf (text, _("%s, %s (version %u)"), dose, cobalt_route_to_string (prescription->route),
                          prescription->version);
  if (strength != NULL)
    g_string_append_printf (text, _("; strength %s"), strength);
  else if (prescription->strength_text != NULL)
    /* Translators: a strength as typed in an older version that is not a number */
    g_string_append_printf (text, _("; strength “%s” (not confirmed)"), prescription->strength_text);
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      g_autofree char *phase = cobalt_phase_describe (g_ptr_array_index (phases, i));
      g_autofree char *amount = cobalt_prescription_describe_dose (prescription, i);
      double volume_ml = cobalt_prescription_get_phase_volume_ml (prescription, i);

      /* The volume is dose ÷ strength, printed only when both are known. */
      if (volume_ml > 0)
        {
          g_autofree char *volume = cobalt_volume_format (volume_ml);

          /* Translators: phase number, phase, dose, volume: "2. Every week (250 mcg cyanocobalamin, 0.25 mL)" */
          g_string_append_printf (text, _("\n%u. %s (%s, %s)"), i + 1, phase, amount, volume);
        }
      else
        g_string_append_printf (text, "\n%u. %s (%s)", i + 1, phase, amount);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Reminder at %02u:%02u"), minute / 60, minute % 60);
  if (prescription->starts_on != NULL && g_date_valid (prescription->starts_on))
    {
      g_autofree char *starts = cobalt_journal_format_date (prescription->starts_on);

      g_string_append (text, "; ");
      g_string_append_printf (text, _("started on %s"), starts);
    }
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);

  /* Where the schedule stands: the current phase and the next dose. */
  g_string_truncate (text, 0);
  due = cobalt_schedule_next_due (prescription, schedule_doses, now, g_date_time_get_timezone (now));
  if (due->due_at != NULL && phases != NULL && due->phase_index < phases->len)
    {
      g_autofree char *phase = cobalt_phase_describe (g_ptr_array_index (phases, due->phase_index));
      g_autofree char *when = cobalt_carers_format_when (due->due_at, g_date_time_get_timezone (now));
      g_autofree char *relative = cobalt_schedule_describe_due (due, now);

      /* Translators: phase number, number of phases, the phase: "Current phase: 2 of 2 (Every 3 months)." */
      g_string_append_printf (text, _("Current phase: %u of %u (%s)."), due->phase_index + 1, phases->len, phase);
      g_string_append_c (text, ' ');
      /* Translators: the number of the next dose within its phase */
      g_string_append_printf (text, _("The next dose is dose %u of this phase."), due->dose_in_phase);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Next dose due: %s (%s)."), when, relative);
    }
  else if (due->needs_first_date)
    g_string_append (text, _("No first-dose date has been chosen, so nothing is scheduled yet."));
  else
    g_string_append (text, _("The course has ended: no further dose is scheduled."));
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);
}

/* Doses of the window ---------------------------------------------------- */

/* Compares each dose given since @since with the due day the schedule
 * gave it from the history before it. */
static void
count_timing (Timing             *timing,
              CobaltPrescription *prescription,
              GPtrArray          *schedule_doses,
              GDateTime          *since)
{
  for (guint i = 0; i < schedule_doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (schedule_doses, i);
      g_autoptr(CobaltDoseTimingInfo) info = NULL;
      GDate day;
      int days;

      if (!cobalt_dose_is_given (dose) || dose->given_at == NULL ||
          g_date_time_compare (dose->given_at, since) < 0)
        continue;

      timing->n_given++;
      if (prescription == NULL)
        {
          timing->n_unscheduled++;
          continue;
        }
      /* Each dose's own day in the zone it was given in, as the schedule
       * counts it. */
      info = cobalt_dose_timing_check (prescription, schedule_doses, dose->given_at, NULL);
      if (!g_date_valid (&info->next_due))
        {
          timing->n_unscheduled++;
          continue;
        }
      local_day (dose->given_at, &day);
      days = g_date_days_between (&info->next_due, &day);
      if (days == 1 && g_date_time_get_hour (dose->given_at) < CREDIT_PREVIOUS_DAY_BEFORE_HOUR)
        days = 0;
      if (days == 0)
        timing->n_on_day++;
      else if (days < 0)
        timing->n_early++;
      else
        g_array_append_val (timing->late, days);
    }
}

static void
add_window (GPtrArray          *blocks,
            CobaltPrescription *prescription,
            GPtrArray          *schedule_doses,
            GDateTime          *now,
            GDateTime          *since,
            guint               n_stopped)
{
  GTimeZone *tz = g_date_time_get_timezone (now);
  g_autofree char *heading = NULL;
  g_autofree char *from = format_instant_day (since, tz);
  g_autofree char *to = format_instant_day (now, tz);
  g_autoptr(GString) text = g_string_new (NULL);
  Timing timing = { 0, };
  guint n_not_given = 0;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Doses in the last %u month", "Doses in the last %u months",
                                          COBALT_REPORT_SUMMARY_MONTHS),
                             COBALT_REPORT_SUMMARY_MONTHS);
  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, heading);

  timing.late = g_array_new (FALSE, FALSE, sizeof (int));
  count_timing (&timing, prescription, schedule_doses, since);
  g_array_sort (timing.late, compare_ints);

  if (timing.n_given == 0)
    /* Translators: the start and the end of the period */
    g_string_append_printf (text, _("No doses given from %s to %s."), from, to);
  else
    {
      /* Translators: number of doses, the start and the end of the period */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u dose given from %s to %s.",
                                                 "%u doses given from %s to %s.", timing.n_given),
                              timing.n_given, from, to);
      g_string_append_c (text, '\n');
      /* Translators: doses given on their due day, of all doses given */
      g_string_append_printf (text, _("On the due day: %u of %u."), timing.n_on_day, timing.n_given);
      g_string_append_c (text, '\n');
      if (timing.late->len == 0)
        g_string_append (text, _("Late: none."));
      else
        {
          int most = g_array_index (timing.late, int, timing.late->len - 1);

          /* Translators: the number of doses given after their due day */
          g_string_append_printf (text, _("Late: %u"), timing.late->len);
          g_string_append (text, " (");
          /* How late, grouped: "2 doses 1 day late, 1 dose 3 days late". */
          for (guint i = 0; i < timing.late->len; )
            {
              int days = g_array_index (timing.late, int, i);
              guint n = 0;

              while (i < timing.late->len && g_array_index (timing.late, int, i) == days)
                n++, i++;
              if (text->str[text->len - 1] != '(')
                g_string_append (text, ", ");
              /* Translators: "2 doses" then "3 days late" */
              g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u dose", "%u doses", n), n);
              g_string_append_c (text, ' ');
              g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", days),
                                      days);
            }
          g_string_append (text, "); ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "at most %d day late.",
                                                     "at most %d days late.", most),
                                  most);
        }
      if (timing.n_early > 0)
        {
          g_string_append_c (text, '\n');
          /* Translators: the number of doses given before their due day */
          g_string_append_printf (text, _("Before the due day: %u."), timing.n_early);
        }
      if (timing.n_unscheduled > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("With no due day to compare (no prescription or first-dose date yet): %u."),
                                  timing.n_unscheduled);
        }
    }
  g_array_unref (timing.late);

  g_string_append_c (text, '\n');
  /* Translators: checklists stopped before anything was given */
  g_string_append_printf (text, _("Checklists stopped before a dose: %u."), n_stopped);
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);

  /* Doses not given on the clinic's advice, each with why. */
  for (guint i = 0; i < schedule_doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (schedule_doses, i);
      g_autofree char *when = NULL;
      g_autofree char *what = NULL;
      g_autoptr(GString) line = NULL;

      if (cobalt_dose_is_given (dose) || dose->given_at == NULL ||
          g_date_time_compare (dose->given_at, since) < 0)
        continue;
      if (n_not_given++ == 0)
        add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("Doses not given on the clinic’s advice:"));
      when = format_instant_day (dose->given_at, tz);
      what = cobalt_dose_describe_not_given (dose);
      line = g_string_new (NULL);
      /* Translators: a bullet point: the day, what was decided */
      g_string_append_printf (line, _("• %s: %s"), when, what);
      if (dose->notes != NULL && *dose->notes != '\0')
        g_string_append_printf (line, "; %s", dose->notes);
      add_block (blocks, COBALT_REPORT_BLOCK_TEXT, line->str);
    }
  if (n_not_given == 0)
    add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("Doses not given on the clinic’s advice: none."));
}

static void
add_sites (GPtrArray *blocks,
           GPtrArray *doses,
           GDateTime *since)
{
  guint n_sites = cobalt_site_catalogue_get_n_sites ();
  g_autofree guint *counts = g_new0 (guint, n_sites);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_unknown = 0;
  guint n_shown = 0;

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Injection sites in that time"));
  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);
      gboolean found = FALSE;

      if (dose->given_at == NULL || g_date_time_compare (dose->given_at, since) < 0)
        continue;
      for (guint s = 0; dose->site_id != NULL && s < n_sites; s++)
        if (g_strcmp0 (cobalt_site_catalogue_get_nth (s)->id, dose->site_id) == 0)
          {
            counts[s]++;
            found = TRUE;
            break;
          }
      if (!found)
        n_unknown++;
    }

  /* Most used first; catalogue order among equals. */
  for (guint shown = 0; shown < n_sites; shown++)
    {
      guint best = n_sites;

      for (guint s = 0; s < n_sites; s++)
        if (counts[s] > 0 && (best == n_sites || counts[s] > counts[best]))
          best = s;
      if (best == n_sites)
        break;
      if (n_shown++ > 0)
        g_string_append (text, " · ");
      /* Translators: a site and how many doses were given there */
      g_string_append_printf (text, _("%s: %u"), cobalt_carers_site_name (cobalt_site_catalogue_get_nth (best)->id),
                              counts[best]);
      counts[best] = 0;
    }
  if (n_unknown > 0)
    {
      if (n_shown++ > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%s: %u"), _("site not recorded"), n_unknown);
    }
  if (n_shown == 0)
    g_string_append (text, _("No doses given in this period."));
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);
}

/* Reactions -------------------------------------------------------------- */

static char *
describe_reaction (CobaltReaction *reaction,
                   GTimeZone      *tz)
{
  g_autoptr(GDateTime) noted = g_date_time_to_timezone (reaction->noted_at, tz);
  g_autofree char *when = cobalt_carers_format_when (noted, tz);
  const char *note = reaction->note;

  if (note != NULL && *note != '\0')
    /* Translators: when, the reaction, its triage level, the note */
    return g_strdup_printf (_("%s — %s (%s): %s"), when, cobalt_reaction_get_label (reaction),
                            cobalt_triage_level_to_string (reaction->level), note);
  /* Translators: when, the reaction, its triage level */
  return g_strdup_printf (_("%s — %s (%s)"), when, cobalt_reaction_get_label (reaction),
                          cobalt_triage_level_to_string (reaction->level));
}

static void
add_reactions_by_level (GPtrArray *blocks,
                        GPtrArray *reactions,
                        GDateTime *since,
                        GTimeZone *tz)
{
  guint counts[COBALT_TRIAGE_EMERGENCY + 1] = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Reactions in that time, by triage level"));
  for (guint i = 0; i < reactions->len; i++)
    {
      CobaltReaction *reaction = g_ptr_array_index (reactions, i);

      if (g_date_time_compare (reaction->noted_at, since) >= 0 && reaction->level <= COBALT_TRIAGE_EMERGENCY)
        counts[reaction->level]++, n++;
    }
  if (n == 0)
    {
      add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("No reactions recorded in this period."));
      return;
    }
  /* Most urgent first. */
  for (int level = COBALT_TRIAGE_EMERGENCY; level >= COBALT_TRIAGE_MILD; level--)
    {
      if (level != COBALT_TRIAGE_EMERGENCY)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%s: %u"), cobalt_triage_level_to_string (level), counts[level]);
    }
  add_block (blocks, COBALT_REPORT_BLOCK_TEXT, text->str);

  /* Anything above mild, each on its own line (newest first). */
  for (guint i = 0; i < reactions->len; i++)
    {
      CobaltReaction *reaction = g_ptr_array_index (reactions, i);

      g_autofree char *line = NULL;

      if (reaction->level == COBALT_TRIAGE_MILD || g_date_time_compare (reaction->noted_at, since) < 0)
        continue;
      line = describe_reaction (reaction, tz);
      /* Translators: a bullet point */
      add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT, g_strdup_printf (_("• %s"), line));
    }
}

/* Lab results ------------------------------------------------------------ */

static char *
describe_lab (CobaltLabResult *result,
              GPtrArray       *doses)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *value = cobalt_journal_format_value (result->value);
  g_autofree char *day = cobalt_journal_format_date (result->taken_on);
  g_autofree char *timing = NULL;
  const char *unit = result->unit ? result->unit : "";
  double low = result->ref_low, high = result->ref_high;

  /* Translators: test, value, unit, day: "Serum B12: 310 ng/L on 3 May 2025" */
  g_string_append_printf (text, _("%s: %s %s on %s"), cobalt_lab_test_to_string (result->test), value, unit, day);
  g_string_append (text, " — ");
  g_string_append (text, cobalt_journal_range_words (cobalt_lab_result_check_range (result)));
  if (!isnan (low) || !isnan (high))
    {
      g_autofree char *low_text = cobalt_journal_format_value (low);
      g_autofree char *high_text = cobalt_journal_format_value (high);

      if (!isnan (low) && !isnan (high))
        /* Translators: the lab's reference range: low, high, unit */
        g_string_append_printf (text, " (%s–%s %s)", low_text, high_text, unit);
      else if (!isnan (low))
        /* Translators: a one-sided reference range */
        g_string_append_printf (text, _(" (from %s %s)"), low_text, unit);
      else
        g_string_append_printf (text, _(" (up to %s %s)"), high_text, unit);
    }
  if (result->lab_name != NULL && *result->lab_name != '\0')
    g_string_append_printf (text, " · %s", result->lab_name);
  timing = cobalt_clinical_lab_taken_after_injection (cobalt_lab_timing_days_after_injection (result, doses));
  if (timing != NULL)
    g_string_append_printf (text, " · %s", timing);
  if (result->note != NULL && *result->note != '\0')
    g_string_append_printf (text, " · %s", result->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_labs_newest_first (gconstpointer a,
                           gconstpointer b)
{
  CobaltLabResult *ra = *(CobaltLabResult * const *) a;
  CobaltLabResult *rb = *(CobaltLabResult * const *) b;
  int order;

  if (ra->taken_on == NULL || rb->taken_on == NULL)
    return (ra->taken_on == NULL) - (rb->taken_on == NULL);
  order = g_date_compare (rb->taken_on, ra->taken_on);
  return order != 0 ? order : (rb->id > ra->id) - (rb->id < ra->id);
}

static void
add_latest_labs (GPtrArray *blocks,
                 GPtrArray *labs,
                 GPtrArray *doses)
{
  gboolean any = FALSE;

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Latest lab results"));
  /* @labs are newest first: the first of each test is its latest. */
  for (guint t = 0; t < COBALT_N_LAB_TESTS; t++)
    for (guint i = 0; i < labs->len; i++)
      {
        CobaltLabResult *result = g_ptr_array_index (labs, i);

        if (result->test != (CobaltLabTest) t || result->taken_on == NULL)
          continue;
        add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT, describe_lab (result, doses));
        any = TRUE;
        break;
      }
  if (!any)
    add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("No lab results recorded."));
}

/* Symptom return --------------------------------------------------------- */

static void
add_symptom_return (GPtrArray  *blocks,
                    GListModel *checkins,
                    GPtrArray  *doses,
                    GTimeZone  *tz)
{
  g_autofree char *rule = NULL;
  g_autoptr(GString) too_few = g_string_new (NULL);

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Symptom return"));
  if (g_list_model_get_n_items (checkins) == 0)
    {
      add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("No wellbeing check-ins recorded."));
      return;
    }
  /* The scores with evidence, each in the catalogue's sentence; the
   * others on one line, with how far they are. */
  for (guint m = 0; m < COBALT_N_CHECKIN_MEASURES; m++)
    {
      CobaltSymptomReturnEvidence evidence;
      const char *name = cobalt_checkin_measure_to_string (m);

      if (cobalt_symptom_return_evidence (checkins, doses, m, tz, &evidence, NULL))
        add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT,
                       cobalt_clinical_symptom_return_summary (name, evidence.n_returned, evidence.n_observed,
                                                               evidence.median_day));
      else if (evidence.n_observed > 0)
        {
          if (too_few->len > 0)
            g_string_append (too_few, ", ");
          /* Translators: a score, then dose cycles in which it fell back of the cycles with check-ins: "Mood 1 of 3" */
          g_string_append_printf (too_few, _("%s %u of %u"), name, evidence.n_returned, evidence.n_observed);
        }
    }
  if (too_few->len > 0)
    add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT,
                   /* Translators: the cycles needed, then "Mood 1 of 3, Fatigue 2 of 3" */
                   g_strdup_printf (_("Too few dose cycles yet to give a day (%d in which the score fell back, of those with check-ins): %s."),
                                    COBALT_SYMPTOM_RETURN_MIN_CYCLES, too_few->str));
  rule = cobalt_clinical_symptom_return_rule ();
  add_block (blocks, COBALT_REPORT_BLOCK_SMALL, rule);
}

/* After the log ---------------------------------------------------------- */

static void
add_all_reactions (GPtrArray *blocks,
                   GPtrArray *reactions,
                   GTimeZone *tz)
{
  if (reactions->len == 0)
    return;
  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("All reactions, newest first"));
  for (guint i = 0; i < reactions->len; i++)
    add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT, describe_reaction (g_ptr_array_index (reactions, i), tz));
}

static void
add_all_labs (GPtrArray *blocks,
              GPtrArray *labs,
              GPtrArray *doses)
{
  if (labs->len == 0)
    return;
  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("All lab results, newest first"));
  for (guint i = 0; i < labs->len; i++)
    add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT, describe_lab (g_ptr_array_index (labs, i), doses));
}

static void
add_checkin_notes (GPtrArray  *blocks,
                   GListModel *checkins,
                   GTimeZone  *tz)
{
  guint n = g_list_model_get_n_items (checkins);
  gboolean any = FALSE;

  /* Newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CobaltCheckin) checkin = g_list_model_get_item (checkins, i - 1);
      g_autofree char *when = NULL;

      if (checkin->note == NULL || *checkin->note == '\0' || checkin->at == NULL)
        continue;
      if (!any)
        add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("Check-in notes, newest first"));
      any = TRUE;
      when = cobalt_journal_format_instant (checkin->at, tz);
      /* Translators: when, then the note */
      add_text_take (blocks, COBALT_REPORT_BLOCK_TEXT, g_strdup_printf (_("%s: %s"), when, checkin->note));
    }
}

static int
compare_reactions_newest_first (gconstpointer a,
                                gconstpointer b)
{
  CobaltReaction *ra = *(CobaltReaction * const *) a;
  CobaltReaction *rb = *(CobaltReaction * const *) b;

  return g_date_time_compare (rb->noted_at, ra->noted_at);
}

static GPtrArray *
model_to_array (GListModel       *model,
                GCompareFunc      compare)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  g_ptr_array_sort (array, compare);
  return array;
}

/* Public API ------------------------------------------------------------- */

GPtrArray *
cobalt_report_summary_build (CobaltRepository   *repository,
                             CobaltPerson       *person,
                             CobaltPrescription *prescription,
                             GDateTime          *now,
                             GError            **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (block_free);
  g_autoptr(GPtrArray) schedule_doses = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(GListModel) reaction_model = NULL;
  g_autoptr(GListModel) lab_model = NULL;
  g_autoptr(GListModel) checkins = NULL;
  g_autoptr(GPtrArray) reactions = NULL;
  g_autoptr(GPtrArray) labs = NULL;
  g_autoptr(GArray) stopped = NULL;
  g_autoptr(GArray) all_rows = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *made = NULL;
  g_autofree char *today = NULL;
  GTimeZone *tz;
  CobaltLogQuery query;
  guint n_stopped = 0;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (COBALT_IS_PERSON (person), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  tz = g_date_time_get_timezone (now);
  since = g_date_time_add_months (now, -COBALT_REPORT_SUMMARY_MONTHS);

  if (!(schedule_doses = cobalt_repository_list_schedule_doses (repository, person->id, error)) ||
      !(doses = cobalt_repository_list_doses (repository, person->id, error)) ||
      !(reaction_model = cobalt_repository_list_reactions (repository, person->id, error)) ||
      !(lab_model = cobalt_repository_list_lab_results (repository, person->id, error)) ||
      !(checkins = cobalt_repository_list_checkins (repository, person->id, error)))
    return NULL;
  reactions = model_to_array (reaction_model, compare_reactions_newest_first);
  labs = model_to_array (lab_model, compare_labs_newest_first);

  /* The stopped checklists of the window, as the Log lists them. */
  cobalt_log_query_init (&query, person->id);
  query.from_us = g_date_time_to_unix (since) * G_USEC_PER_SEC;
  stopped = cobalt_log_query_keys (repository, &query, error);
  if (stopped == NULL)
    return NULL;
  for (guint i = 0; i < stopped->len; i++)
    if (g_array_index (stopped, gint64, i) < 0)
      n_stopped++;
  cobalt_log_query_init (&query, person->id);
  all_rows = cobalt_log_query_keys (repository, &query, error);
  if (all_rows == NULL)
    return NULL;

  heading = g_strdup_printf (_("B12 injection report: %s"), person->name);
  add_block (blocks, COBALT_REPORT_BLOCK_TITLE, heading);
  /* Translators: a date and time in the report's first line, g_date_time_format() syntax */
  today = g_date_time_format (now, _("%-d %B %Y, %H:%M"));
  made = g_strdup_printf (_("Made by Cobalt on %s. Cobalt records what was given; follow your clinic’s instructions."),
                          today);
  add_block (blocks, COBALT_REPORT_BLOCK_SMALL, made);

  add_person (blocks, person);
  add_prescription (blocks, prescription, schedule_doses, now);
  add_window (blocks, prescription, schedule_doses, now, since, n_stopped);
  add_sites (blocks, doses, since);
  add_reactions_by_level (blocks, reactions, since, tz);
  add_latest_labs (blocks, labs, doses);
  add_symptom_return (blocks, checkins, doses, tz);

  add_block (blocks, COBALT_REPORT_BLOCK_HEADING, _("The whole log, newest first"));
  if (all_rows->len == 0)
    add_block (blocks, COBALT_REPORT_BLOCK_TEXT, _("No doses logged and no checklists stopped."));
  else
    add_block (blocks, COBALT_REPORT_BLOCK_TABLE, NULL);

  add_all_reactions (blocks, reactions, tz);
  add_all_labs (blocks, labs, doses);
  add_checkin_notes (blocks, checkins, tz);

  return g_steal_pointer (&blocks);
}

char **
cobalt_report_row_cells (CobaltLogEntry *entry,
                         GTimeZone      *local)
{
  char **cells = g_new0 (char *, COBALT_REPORT_N_COLUMNS + 1);
  CobaltDose *dose = entry->dose;

  g_return_val_if_fail (COBALT_IS_LOG_ENTRY (entry), NULL);

  cells[0] = cobalt_carers_format_when (entry->when, local);
  if (dose == NULL)
    {
      /* A checklist stopped before anything was given. */
      cells[2] = g_strdup (_("Nothing given"));
      cells[5] = g_strdup (cobalt_log_entry_describe_checklist (entry));
      cells[7] = g_strdup (cobalt_log_entry_describe_abort_reason (entry));
    }
  else if (!cobalt_dose_is_given (dose))
    {
      /* The clinic's advice not to give it: no site, batch or giver. */
      cells[2] = cobalt_dose_describe_not_given (dose);
      cells[7] = g_strdup (dose->notes);
    }
  else
    {
      g_autofree char *timing = cobalt_dose_timing_describe_exceptions (dose->exceptions);
      g_autofree char *differs = cobalt_dose_rules_describe_exceptions (dose->exceptions);
      g_autoptr(GString) notes = g_string_new (NULL);
      const char *who = dose->exception_note;

      cells[1] = g_strdup (dose->site_id != NULL ? cobalt_carers_site_name (dose->site_id) : "");
      cells[2] = cobalt_carers_format_dose (dose);
      cells[3] = g_strdup (dose->batch);
      cells[4] = cobalt_carers_format_given_by (dose);
      cells[5] = g_strdup (cobalt_log_entry_describe_checklist (entry));
      cells[6] = g_strdup (entry->reactions_text);
      /* As the Log shows them: given early or as a second dose that day,
       * another amount or medicine, in words with who said so; then the
       * notes. */
      if (timing != NULL)
        g_string_append (notes, timing);
      if (differs != NULL)
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? "; " : "", differs);
      if (notes->len > 0 && who != NULL && *who != '\0')
        /* Translators: after "Early: given on the clinic's advice", who said so */
        g_string_append_printf (notes, _(" (%s)"), who);
      if (dose->notes != NULL && *dose->notes != '\0')
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? "; " : "", dose->notes);
      cells[7] = g_string_free (g_steal_pointer (&notes), FALSE);
    }

  for (guint c = 0; c < COBALT_REPORT_N_COLUMNS; c++)
    if (cells[c] == NULL)
      cells[c] = g_strdup ("");
  return cells;
}

const char *
cobalt_report_column_title (guint column)
{
  static const char * const titles[COBALT_REPORT_N_COLUMNS] = {
    N_("Date and time"), N_("Site"), N_("Dose"), N_("Batch"),
    N_("Given by"), N_("Checklist"), N_("Reactions"), N_("Notes"),
  };

  g_return_val_if_fail (column < COBALT_REPORT_N_COLUMNS, NULL);
  return _(titles[column]);
}
