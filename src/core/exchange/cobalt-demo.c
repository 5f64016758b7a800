/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cobalt-demo.h"
#include "cobalt-schedule.h"
#include "cobalt-rotation.h"

/* How one demo person's year looks. Offsets are in local calendar days
 * from today. */
typedef struct
{
  const char    *name;
  const char    *clinic_name;
  const char    *clinic_phone;
  const char    *emergency_number;
  const char    *urgent_number;     /* NULL: none given */
  const char    *notes;
  const char    *template_id;
  guint          reminder_minute;
  const char    *sites[5];
  guint          n_doses;           /* doses in the log: about a year of them */
  int            due_offsets[4];    /* where the next due day lands: the first
                                     * one the last interval reaches exactly */
  guint32        seed;
  CobaltGivenBy  given_by;          /* after the first clinic doses */
  const char    *given_by_name;
  guint          clinic_doses;      /* the first doses are given at the surgery */
  const char    *batch_prefix;
  const char    *lab_unit;
  double         lab_low;
  double         lab_high;
  const char    *lab_name;
  /* What the demo person's clinic taught: drawing-up and injecting
   * gauge, needle length (mm), syringe (mL), angle. Templates leave
   * these "not recorded"; a demo person has entered them. */
  guint          drawing_gauge;
  guint          injecting_gauge;
  double         needle_length_mm;
  double         syringe_ml;
  guint          angle_degrees;
} DemoPerson;

static const DemoPerson demo_people[] = {
  {
    COBALT_DEMO_PERSON_SELF, "Riverside Surgery", "01632 960 123", "999", "111",
    NULL,
    "uk-hydroxo-standard", 9 * 60,
    { "vastus-lateralis-left", "vastus-lateralis-right", "deltoid-left", "deltoid-right", NULL },
    9, { 3, 4, 2, 5 }, 0xB12A, COBALT_GIVEN_BY_SELF, NULL, 6,
    "HX", "ng/L", 180, 900, "Riverside pathology",
    21, 23, 25, 2, 90,
  },
  {
    COBALT_DEMO_PERSON_CARED, "Lakeview Family Practice", "555-0142", "911", NULL,
    N_("Cared for by Jordan Rivera (daughter), who gives the injections."),
    "us-cyano-8weeks", 18 * 60 + 30,
    { "ventrogluteal-left", "ventrogluteal-right", "vastus-lateralis-left", "vastus-lateralis-right", NULL },
    18, { -2, -3, -1, -4 }, 0xB12B, COBALT_GIVEN_BY_CARER, "Jordan Rivera", 2,
    "CY", "pg/mL", 200, 900, "Lakeview Lab Services",
    21, 23, 38, 3, 90,
  },
};

static GDate
today_of (GDateTime *now)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return date;
}

static GDate
date_offset (GDateTime *now,
             int        days)
{
  GDate date = today_of (now);

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return date;
}

static GDateTime *
at_local (GDateTime *now,
          int        day_offset,
          guint      minute)
{
  GDate date = date_offset (now, day_offset);

  return cobalt_schedule_local_instant (&date, minute, g_date_time_get_timezone (now));
}

static char *
batch_for_dose (const DemoPerson *spec,
                guint             index)
{
  /* A new box every five doses, as a pharmacy would dispense. */
  return g_strdup_printf ("%s%u%c", spec->batch_prefix, 4100 + 37 * (index / 5), 'A' + (index / 5) % 4);
}

/* One dose of the story, as local calendar days. */
typedef struct
{
  GDate due;       /* the day the schedule had it due */
  GDate given;     /* the day it was given: after @due when it was late */
  int   late;      /* days late by chance (away from home) */
  int   minutes;   /* minutes after the reminder time */
} PlannedDose;

/* The phase, and which gap of its interval, that leads from dose @index − 1
 * to dose @index (0-based): the engine's walk (rules 4 and 5 at the top of
 * cobalt-schedule.c) for phases that end after a count, then an open-ended
 * last phase — the shape of every demo template. */
static const CobaltPhase *
phase_of_dose (GPtrArray *phases,
               guint      index,
               guint     *gap_index)
{
  guint remaining = index;

  for (guint p = 0; p < phases->len; p++)
    {
      const CobaltPhase *phase = g_ptr_array_index (phases, p);

      g_assert (phase->end != COBALT_PHASE_END_AFTER_DAYS);

      if (phase->end == COBALT_PHASE_END_AFTER_DOSES && p + 1 < phases->len &&
          remaining >= phase->end_value)
        {
          remaining -= phase->end_value;
          continue;
        }

      /* The first phase counts its gaps from its own first dose; a later
       * phase starts from the last dose of the phase before (its gap 0). */
      *gap_index = p == 0 ? MAX (remaining, 1) - 1 : remaining;
      return phase;
    }

  g_assert_not_reached ();
}

/* Sets @from to the day one gap of @phase before @due, and @reached to the
 * day the schedule counts from @from: @due itself, or — where no day leads
 * exactly to @due (no day of February is a month before 30 March) — the
 * nearest day before it. Returns whether @reached is @due. */
static gboolean
day_one_gap_before (const CobaltPhase *phase,
                    guint              gap_index,
                    const GDate       *due,
                    GDate             *from,
                    GDate             *reached)
{
  *from = *due;

  if (phase->unit == COBALT_INTERVAL_MONTHS)
    {
      g_date_subtract_months (from, phase->interval);
    }
  else
    {
      GDate later;

      /* Days and weeks are the same number of days wherever they start. */
      cobalt_schedule_add_interval (phase, gap_index, due, &later);
      g_date_subtract_days (from, g_date_days_between (due, &later));
    }

  cobalt_schedule_add_interval (phase, gap_index, from, reached);
  return g_date_compare (reached, due) == 0;
}

/* The person's history built backwards from the next due day, so that it
 * lands there by construction whatever today is: the next due day is the
 * first of @spec's offsets from today that the last interval can reach
 * exactly; each dose is then given one interval before the due day of the
 * dose after it, and was due a few days earlier when it was late. Where a
 * calendar month cannot reach back exactly (31 March), the dose after it
 * was due on the day the month does reach, and so was given late. The
 * random choices are drawn in the same order every time, so the numbers of
 * doses and late doses are the same on any day. Returns @spec->n_doses
 * PlannedDose. */
static GArray *
plan_history (const DemoPerson *spec,
              GPtrArray        *phases,
              GDateTime        *now,
              GDate            *next_due)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  g_autoptr(GArray) plan = g_array_sized_new (FALSE, TRUE, sizeof (PlannedDose), spec->n_doses);
  const CobaltPhase *phase;
  guint gap;
  GDate due;
  GDate from, reached;

  g_array_set_size (plan, spec->n_doses);

  /* Mostly on the day, around the reminder; now and then a day or three
   * late, which moves the next dose (the schedule rule). The first doses
   * are given at the surgery during its hours. */
  for (guint i = 0; i < spec->n_doses; i++)
    {
      PlannedDose *dose = &g_array_index (plan, PlannedDose, i);

      if (i > spec->clinic_doses && g_rand_int_range (rand, 0, 100) < 9)
        dose->late = g_rand_int_range (rand, 1, 4);
      dose->minutes = i < spec->clinic_doses
                    ? 90 + g_rand_int_range (rand, 0, 120)
                    : g_rand_int_range (rand, -25, 95);
    }

  phase = phase_of_dose (phases, spec->n_doses, &gap);
  due = date_offset (now, spec->due_offsets[0]);
  for (guint k = 0; k < G_N_ELEMENTS (spec->due_offsets); k++)
    {
      GDate candidate = date_offset (now, spec->due_offsets[k]);

      if (day_one_gap_before (phase, gap, &candidate, &from, &reached))
        {
          due = candidate;
          break;
        }
    }

  for (guint i = spec->n_doses; i-- > 0;)
    {
      PlannedDose *dose = &g_array_index (plan, PlannedDose, i);

      phase = phase_of_dose (phases, i + 1, &gap);
      day_one_gap_before (phase, gap, &due, &dose->given, &reached);

      if (i + 1 < spec->n_doses)
        g_array_index (plan, PlannedDose, i + 1).due = reached;
      else
        *next_due = reached;

      dose->due = dose->given;
      g_date_subtract_days (&dose->due, dose->late);
      due = dose->due;
    }

  return g_steal_pointer (&plan);
}

/* The planned doses as log entries, oldest first, each at the site the
 * rotation suggested then. */
static GPtrArray *
make_doses (const DemoPerson   *spec,
            CobaltPrescription *prescription,
            GArray             *plan,
            GTimeZone          *tz)
{
  g_autoptr(GPtrArray) doses = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < plan->len; i++)
    {
      const PlannedDose *planned = &g_array_index (plan, PlannedDose, i);
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();
      g_autoptr(CobaltDueInfo) due = NULL;
      g_autoptr(GDateTime) given_at = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *batch = NULL;
      const CobaltSiteInfo *site;
      GDate expiry;

      given_at = cobalt_schedule_local_instant (&planned->given,
                                                spec->reminder_minute + planned->minutes, tz);

      /* The engine must agree with the plan: the story is built backwards
       * from its rules, and the demo would tell a different one if they
       * parted. */
      due = cobalt_schedule_next_due (prescription, doses, given_at, tz);
      if (g_date_compare (&due->due_date, &planned->due) != 0)
        g_critical ("Demo dose %u of %s: the schedule has it due on %d-%02d-%02d, the plan on %d-%02d-%02d",
                    i, spec->name,
                    g_date_get_year (&due->due_date), g_date_get_month (&due->due_date),
                    g_date_get_day (&due->due_date),
                    g_date_get_year (&planned->due), g_date_get_month (&planned->due),
                    g_date_get_day (&planned->due));

      site = cobalt_rotation_suggest (prescription, doses, NULL, given_at, &reason);
      batch = batch_for_dose (spec, i);

      cobalt_dose_set_given_at (dose, given_at);
      cobalt_set_str (&dose->site_id, site != NULL ? site->id : NULL);
      dose->amount = due->amount;
      dose->unit = prescription->unit;
      dose->product = prescription->product;
      cobalt_set_str (&dose->batch, batch);

      /* Boxes expire about 18 months after they were dispensed. */
      expiry = planned->given;
      g_date_add_months (&expiry, 18 - (int) (i % 5));
      cobalt_set_date (&dose->expiry, &expiry);

      if (i < spec->clinic_doses)
        {
          dose->given_by = COBALT_GIVEN_BY_CLINIC;
          cobalt_set_str (&dose->given_by_name, spec->clinic_name);
        }
      else
        {
          dose->given_by = spec->given_by;
          cobalt_set_str (&dose->given_by_name, spec->given_by_name);
        }
      if (g_date_compare (&planned->given, &planned->due) > 0)
        cobalt_set_str (&dose->notes, _("Given late: away from home on the due day."));

      g_ptr_array_add (doses, g_steal_pointer (&dose));
    }

  return g_steal_pointer (&doses);
}

static gboolean
add_checklist_run (CobaltRepository *repository,
                   CobaltDose       *dose,
                   gint64           *run_id,
                   GError          **error)
{
  g_autoptr(CobaltChecklistRun) run = NULL;
  g_autoptr(GDateTime) started = g_date_time_add_minutes (dose->given_at, -12);
  guint n_steps;

  run = cobalt_repository_start_checklist_run (repository, dose->person_id, started, error);
  if (run == NULL)
    return FALSE;

  n_steps = cobalt_checklist_run_get_n_steps (run);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(GDateTime) ticked = g_date_time_add_minutes (started, (int) i);

      if (!cobalt_checklist_run_tick (run, i, ticked, error))
        return FALSE;
      if (i + 1 < n_steps && !cobalt_checklist_run_go_next (run, error))
        return FALSE;
    }

  if (!cobalt_repository_save_checklist_run (repository, run, error))
    return FALSE;

  /* The repository completes the run when the dose is logged from it. */
  *run_id = cobalt_checklist_run_get_id (run);
  return TRUE;
}

static gboolean
add_aborted_run (CobaltRepository *repository,
                 gint64            person_id,
                 GDateTime        *when,
                 GError          **error)
{
  g_autoptr(CobaltChecklistRun) run = NULL;

  run = cobalt_repository_start_checklist_run (repository, person_id, when, error);
  if (run == NULL)
    return FALSE;

  for (guint i = 0; i < 3 && i < cobalt_checklist_run_get_n_steps (run); i++)
    {
      g_autoptr(GDateTime) ticked = g_date_time_add_minutes (when, (int) i);

      if (!cobalt_checklist_run_tick (run, i, ticked, error) ||
          !cobalt_checklist_run_go_next (run, error))
        return FALSE;
    }

  {
    g_autoptr(GDateTime) stopped = g_date_time_add_minutes (when, 4);

    if (!cobalt_checklist_run_abort (run, _("The liquid looked cloudy, so we stopped and rang the clinic."),
                                     stopped, error))
      return FALSE;
  }

  return cobalt_repository_save_checklist_run (repository, run, error);
}

static const CobaltReactionKindInfo *
mild_reaction (guint n)
{
  guint seen = 0;

  for (guint i = 0; i < cobalt_reaction_catalogue_get_n_kinds (); i++)
    {
      const CobaltReactionKindInfo *info = cobalt_reaction_catalogue_get_nth (i);

      if (info->level == COBALT_TRIAGE_MILD && seen++ == n)
        return info;
    }

  return NULL;
}

static gboolean
add_reactions (CobaltRepository *repository,
               GPtrArray        *doses,
               GError          **error)
{
  /* A handful over the year, all mild: site soreness, a bruise... */
  static const guint which[] = { 2, 5, 9, 14 };

  for (guint i = 0; i < G_N_ELEMENTS (which); i++)
    {
      CobaltDose *dose;
      const CobaltReactionKindInfo *info = mild_reaction (i);
      g_autoptr(CobaltReaction) reaction = NULL;
      g_autoptr(GDateTime) noted_at = NULL;

      if (which[i] >= doses->len || info == NULL)
        continue;

      dose = g_ptr_array_index (doses, which[i]);
      noted_at = g_date_time_add_hours (dose->given_at, 3);
      reaction = cobalt_reaction_new (dose->person_id, info->id, noted_at);
      reaction->dose_id = dose->id;
      cobalt_set_str (&reaction->note, _("Settled by the next day."));
      if (!cobalt_repository_add_reaction (repository, reaction, error))
        return FALSE;
    }

  return TRUE;
}

/* Fortnightly check-ins reaching back 48 weeks: inside the shortest
 * history (about 360 days) on any day. */
#define N_FORTNIGHTLY_CHECKINS 25

static int
clamp_score (double value)
{
  return (int) CLAMP (value + 0.5, 0, 10);
}

/* How far the last dose has worn off at @at, 0..1: symptoms creep back in
 * the last third of the gap between two doses — the pattern the journal's
 * "symptom return" chart is there to show a clinic. */
static double
wearing_off (GPtrArray *doses,
             GDateTime *at)
{
  GDateTime *before = NULL;
  GDateTime *after = NULL;
  double since, gap;

  for (guint i = 0; i < doses->len; i++)
    {
      GDateTime *given_at = COBALT_DOSE (g_ptr_array_index (doses, i))->given_at;

      if (g_date_time_compare (given_at, at) <= 0)
        before = given_at;
      else
        {
          after = given_at;
          break;
        }
    }

  if (before == NULL)
    return 1.0;

  since = g_date_time_difference (at, before) / (double) G_TIME_SPAN_DAY;
  gap = after != NULL ? g_date_time_difference (after, before) / (double) G_TIME_SPAN_DAY : since;
  if (gap < 14)
    return 0.0;

  return CLAMP ((since / gap - 0.65) / 0.35, 0.0, 1.0);
}

static gboolean
add_checkins (CobaltRepository *repository,
              const DemoPerson *spec,
              gint64            person_id,
              GPtrArray        *doses,
              GDateTime        *now,
              int               start_offset,
              GError          **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed ^ 0xC0FFEE);

  /* Every fortnight since the evening before the first dose: energy and mood
   * climb over the first months of treatment while fatigue and pins and
   * needles fade — the "before and after" the journal charts — and dip a
   * little again as each dose wears off. */
  for (int k = -1; k < N_FORTNIGHTLY_CHECKINS; k++)
    {
      /* The first the evening before treatment began, then fortnightly up
       * to yesterday evening: never in the future, the same number on any
       * day. */
      int day = k < 0 ? start_offset - 1 : -1 - 14 * (N_FORTNIGHTLY_CHECKINS - 1 - k);
      g_autoptr(GDateTime) at = at_local (now, day, 20 * 60 + 15);
      g_autoptr(CobaltCheckin) checkin = cobalt_checkin_new (person_id, at);
      double progress = CLAMP ((double) (day - start_offset) / 120.0, 0.0, 1.0);
      double wear = progress * wearing_off (doses, at);
      double noise = g_rand_double_range (rand, -0.8, 0.8);

      checkin->scores[COBALT_CHECKIN_ENERGY] = clamp_score (2.5 + 4.5 * progress - 2.5 * wear + noise);
      checkin->scores[COBALT_CHECKIN_MOOD] = clamp_score (4 + 3 * progress - 1.5 * wear - noise / 2);
      checkin->scores[COBALT_CHECKIN_FATIGUE] = clamp_score (8 - 5 * progress + 2.5 * wear + noise);
      checkin->scores[COBALT_CHECKIN_PINS_AND_NEEDLES] = clamp_score (6 - 5 * progress + 2 * wear + noise / 2);
      checkin->scores[COBALT_CHECKIN_MEMORY] = clamp_score (4 + 3.5 * progress - 1.5 * wear + noise);
      if (k < 0)
        cobalt_set_str (&checkin->note, _("Before starting injections: tired all the time."));

      if (!cobalt_repository_add_checkin (repository, checkin, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_lab (CobaltRepository *repository,
         const DemoPerson *spec,
         gint64            person_id,
         GDateTime        *now,
         int               day_offset,
         CobaltLabTest     test,
         double            value,
         const char       *unit,
         double            low,
         double            high,
         GError          **error)
{
  g_autoptr(CobaltLabResult) result = cobalt_lab_result_new (person_id, test, value, unit);
  GDate taken_on = date_offset (now, day_offset);

  cobalt_set_date (&result->taken_on, &taken_on);
  result->ref_low = low;
  result->ref_high = high;
  cobalt_set_str (&result->lab_name, spec->lab_name);
  return cobalt_repository_add_lab_result (repository, result, error);
}

static gboolean
add_labs (CobaltRepository *repository,
          const DemoPerson *spec,
          gint64            person_id,
          GDateTime        *now,
          int               start_offset,
          GError          **error)
{
  return add_lab (repository, spec, person_id, now, start_offset - 9, COBALT_LAB_TEST_SERUM_B12,
                  spec->lab_low * 0.72, spec->lab_unit, spec->lab_low, spec->lab_high, error) &&
         add_lab (repository, spec, person_id, now, start_offset - 9, COBALT_LAB_TEST_HAEMOGLOBIN,
                  112, "g/L", 130, 170, error) &&
         add_lab (repository, spec, person_id, now, start_offset - 9, COBALT_LAB_TEST_MCV,
                  104, "fL", 80, 100, error) &&
         add_lab (repository, spec, person_id, now, start_offset - 9, COBALT_LAB_TEST_FOLATE,
                  6.1, "µg/L", 3.9, 26.8, error) &&
         add_lab (repository, spec, person_id, now, start_offset + 95, COBALT_LAB_TEST_HAEMOGLOBIN,
                  138, "g/L", 130, 170, error) &&
         add_lab (repository, spec, person_id, now, start_offset + 95, COBALT_LAB_TEST_MCV,
                  92, "fL", 80, 100, error) &&
         add_lab (repository, spec, person_id, now, start_offset + 200, COBALT_LAB_TEST_SERUM_B12,
                  spec->lab_high * 0.85, spec->lab_unit, spec->lab_low, spec->lab_high, error);
}

static gboolean
add_supply (CobaltRepository   *repository,
            gint64              person_id,
            CobaltSupplyKind    kind,
            const char         *name,
            int                 count,
            GDateTime          *now,
            int                 expiry_offset,
            CobaltPrescription *prescription,
            const char         *batch,
            GError            **error)
{
  g_autoptr(CobaltSupplyItem) item = cobalt_supply_item_new (person_id, kind, count);
  GDate received = date_offset (now, -40);

  cobalt_set_str (&item->name, name);
  cobalt_set_date (&item->received_on, &received);
  if (expiry_offset != 0)
    {
      GDate expiry = date_offset (now, expiry_offset);

      cobalt_set_date (&item->expiry, &expiry);
    }
  if (kind == COBALT_SUPPLY_AMPOULE)
    {
      /* The prescribed product and strength: the demo's ampoules are stock. */
      item->product = prescription->product;
      item->strength_amount = prescription->strength_amount;
      item->strength_unit = prescription->strength_unit;
      cobalt_set_str (&item->batch, batch);
    }

  return cobalt_repository_save_supply_item (repository, item, error);
}

static gboolean
add_supplies (CobaltRepository   *repository,
              const DemoPerson   *spec,
              gint64              person_id,
              CobaltPrescription *prescription,
              GDateTime          *now,
              GError            **error)
{
  gboolean alex = spec == &demo_people[0];
  g_autoptr(CobaltSharpsBin) bin = NULL;
  GDate replaced = date_offset (now, -200);

  /* Alex is well stocked but the sharps bin is nearly full; Sam's last
   * box of ampoules is close to its expiry date. */
  if (!add_supply (repository, person_id, COBALT_SUPPLY_AMPOULE,
                   alex ? "Hydroxocobalamin 1 mg/1 mL" : "Cyanocobalamin 1000 mcg/mL",
                   alex ? 4 : 2, now, alex ? 420 : 9, prescription,
                   alex ? "HX5120B" : "CY2231A", error) ||
      !add_supply (repository, person_id, COBALT_SUPPLY_DRAWING_NEEDLE, "21 G 38 mm",
                   alex ? 10 : 6, now, 900, prescription, NULL, error) ||
      !add_supply (repository, person_id, COBALT_SUPPLY_INJECTING_NEEDLE,
                   alex ? "23 G 25 mm" : "25 G 25 mm", alex ? 10 : 6, now, 900, prescription, NULL, error) ||
      !add_supply (repository, person_id, COBALT_SUPPLY_SYRINGE, "2 mL",
                   alex ? 10 : 6, now, 900, prescription, NULL, error) ||
      !add_supply (repository, person_id, COBALT_SUPPLY_SWAB, NULL,
                   40, now, 0, prescription, NULL, error) ||
      !add_supply (repository, person_id, COBALT_SUPPLY_PLASTER, NULL,
                   alex ? 18 : 9, now, 0, prescription, NULL, error))
    return FALSE;

  bin = cobalt_sharps_bin_new (person_id, alex ? 12 : 30);
  cobalt_set_date (&bin->replaced_on, &replaced);
  bin->fill = alex ? 10 : 7;
  return cobalt_repository_save_sharps_bin (repository, bin, error);
}

static gboolean
populate_person (CobaltRepository *repository,
                 const DemoPerson *spec,
                 GDateTime        *now,
                 GError          **error)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new (spec->name);
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  gint64 person_id;
  int start_offset;

  cobalt_set_str (&person->clinic_name, spec->clinic_name);
  cobalt_set_str (&person->clinic_phone, spec->clinic_phone);
  cobalt_person_set_emergency_number (person, spec->emergency_number);
  cobalt_set_str (&person->urgent_number, spec->urgent_number);
  if (spec->notes != NULL)
    cobalt_set_str (&person->notes, _(spec->notes));
  if (!cobalt_repository_save_person (repository, person, error))
    return FALSE;
  person_id = person->id;

  doses = cobalt_demo_plan_doses (spec - demo_people, now, &prescription);
  {
    GDate today = today_of (now);

    start_offset = -g_date_days_between (prescription->starts_on, &today);
  }

  prescription->person_id = person_id;
  if (!cobalt_repository_save_prescription (repository, prescription, error))
    return FALSE;

  for (guint i = 0; i < doses->len; i++)
    {
      CobaltDose *dose = g_ptr_array_index (doses, i);

      dose->person_id = person_id;
      dose->prescription_id = prescription->id;

      /* Cobalt came into use after the clinic doses: from then on every
       * dose went through the checklist. */
      if (dose->given_by != COBALT_GIVEN_BY_CLINIC)
        {
          gint64 run_id = 0;

          if (i == doses->len / 2 && spec == &demo_people[1])
            {
              g_autoptr(GDateTime) before = g_date_time_add_days (dose->given_at, -1);

              if (!add_aborted_run (repository, person_id, before, error))
                return FALSE;
            }

          if (!add_checklist_run (repository, dose, &run_id, error))
            return FALSE;
          dose->checklist_run_id = run_id;
        }

      if (!cobalt_repository_add_dose (repository, dose, error))
        return FALSE;
    }

  return add_reactions (repository, doses, error) &&
         add_checkins (repository, spec, person_id, doses, now, start_offset, error) &&
         add_labs (repository, spec, person_id, now, start_offset, error) &&
         add_supplies (repository, spec, person_id, prescription, now, error);
}

GPtrArray *
cobalt_demo_plan_doses (guint                index,
                        GDateTime           *now,
                        CobaltPrescription **prescription_out)
{
  const DemoPerson *spec;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GArray) plan = NULL;
  GPtrArray *doses;
  GDate next_due;

  g_return_val_if_fail (index < G_N_ELEMENTS (demo_people), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (prescription_out != NULL && *prescription_out == NULL, NULL);

  spec = &demo_people[index];
  prescription = cobalt_prescription_new_from_template (spec->template_id);
  g_assert (prescription != NULL);
  prescription->reminder_minute = spec->reminder_minute;
  cobalt_prescription_set_enabled_sites (prescription, spec->sites);
  prescription->drawing_needle_gauge = spec->drawing_gauge;
  prescription->injecting_needle_gauge = spec->injecting_gauge;
  prescription->needle_length_mm = spec->needle_length_mm;
  prescription->syringe_ml = spec->syringe_ml;
  prescription->angle_degrees = spec->angle_degrees;

  plan = plan_history (spec, prescription->phases, now, &next_due);
  /* With no dose yet, the first one was due on the day treatment began. */
  cobalt_set_date (&prescription->starts_on, &g_array_index (plan, PlannedDose, 0).due);
  doses = make_doses (spec, prescription, plan, g_date_time_get_timezone (now));

  *prescription_out = g_steal_pointer (&prescription);
  return doses;
}

gboolean
cobalt_demo_populate (CobaltRepository *repository,
                      CobaltClock      *clock,
                      GError          **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(people = cobalt_repository_list_people (repository, TRUE, error)))
    return FALSE;
  if (g_list_model_get_n_items (people) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("Demo data can only be added to an empty log."));
      return FALSE;
    }

  now = cobalt_clock_get_now (clock);
  for (guint i = 0; i < G_N_ELEMENTS (demo_people); i++)
    if (!populate_person (repository, &demo_people[i], now, error))
      return FALSE;

  return TRUE;
}
