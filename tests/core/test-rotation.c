/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "cobalt-dose.h"
#include "cobalt-rotation.h"

typedef struct
{
  GTimeZone          *tz;
  GDateTime          *now;
  CobaltPrescription *prescription;
  GPtrArray          *doses;
  GPtrArray          *resting;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tz = g_time_zone_new_identifier ("Europe/London");
  f->now = g_date_time_new (f->tz, 2026, 3, 10, 9, 0, 0);
  /* Both deltoids and both outer thighs, IM: the sites a clinic trained
   * the person on (a template holds none). */
  f->prescription = cobalt_prescription_new_from_template ("uk-hydroxo-prophylaxis");
  cobalt_prescription_set_enabled_sites (f->prescription,
                                         (const char *[]) { "deltoid-left", "deltoid-right",
                                                            "vastus-lateralis-left", "vastus-lateralis-right",
                                                            NULL });
  f->doses = g_ptr_array_new_with_free_func (g_object_unref);
  f->resting = g_ptr_array_new_with_free_func ((GDestroyNotify) cobalt_resting_site_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->resting, g_ptr_array_unref);
  g_clear_pointer (&f->doses, g_ptr_array_unref);
  g_clear_object (&f->prescription);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_clear_pointer (&f->tz, g_time_zone_unref);
}

/* A dose at 09:00 @days_ago days before "now". */
static void
used (Fixture    *f,
      const char *site_id,
      int         days_ago)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  g_autoptr(GDateTime) when = g_date_time_add_days (f->now, -days_ago);

  dose->id = f->doses->len + 1;
  cobalt_dose_set_given_at (dose, when);
  cobalt_set_str (&dose->site_id, site_id);
  g_ptr_array_add (f->doses, g_steal_pointer (&dose));
}

static void
rest (Fixture    *f,
      const char *site_id,
      int         until_days_from_now)
{
  g_autoptr(GDateTime) until_dt = g_date_time_add_days (f->now, until_days_from_now);
  GDate until;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, g_date_time_get_day_of_month (until_dt),
                  g_date_time_get_month (until_dt), g_date_time_get_year (until_dt));
  g_ptr_array_add (f->resting, cobalt_resting_site_new (site_id, &until, "bruised"));
}

static const char *
suggest (Fixture  *f,
         char    **reason)
{
  const CobaltSiteInfo *site = cobalt_rotation_suggest (f->prescription, f->doses, f->resting,
                                                        f->now, reason);

  return site != NULL ? site->id : NULL;
}

static void
test_never_used_first_in_catalogue_order (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *reason = NULL;

  /* Nothing used yet: the first enabled site of the catalogue. */
  g_assert_cmpstr (suggest (f, &reason), ==, "deltoid-left");
  g_assert_cmpstr (reason, ==, "Left upper arm (deltoid) — not used yet");
  g_clear_pointer (&reason, g_free);

  /* A never-used site beats one used long ago. */
  used (f, "deltoid-left", 400);
  used (f, "deltoid-right", 300);
  used (f, "vastus-lateralis-left", 3);
  g_assert_cmpstr (suggest (f, &reason), ==, "vastus-lateralis-right");
  g_assert_cmpstr (reason, ==, "Right outer thigh — not used yet");
}

static void
test_least_recent (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *reason = NULL;

  used (f, "deltoid-left", 14);
  used (f, "deltoid-right", 41);
  used (f, "vastus-lateralis-left", 90);
  used (f, "vastus-lateralis-right", 7);
  /* A later use of the thigh makes it recent again. */
  used (f, "vastus-lateralis-left", 2);

  g_assert_cmpstr (suggest (f, &reason), ==, "deltoid-right");
  g_assert_cmpstr (reason, ==, "Right upper arm (deltoid) — not used for 41 days");
}

static void
test_tie_by_catalogue_order (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *reason = NULL;

  /* Same instant for both thighs, both older than the arms. */
  used (f, "vastus-lateralis-right", 20);
  used (f, "vastus-lateralis-left", 20);
  used (f, "deltoid-left", 10);
  used (f, "deltoid-right", 10);

  g_assert_cmpstr (suggest (f, &reason), ==, "vastus-lateralis-left");
  g_assert_cmpstr (reason, ==, "Left outer thigh — not used for 20 days");
}

static void
test_resting_skipped (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) usage = NULL;
  const CobaltSiteUsage *right_arm;
  g_autofree char *description = NULL;

  used (f, "deltoid-left", 30);
  used (f, "deltoid-right", 60);
  used (f, "vastus-lateralis-left", 5);
  used (f, "vastus-lateralis-right", 6);

  /* Resting up to and including today: skipped. */
  rest (f, "deltoid-right", 0);
  g_assert_cmpstr (suggest (f, NULL), ==, "deltoid-left");

  usage = cobalt_rotation_get_usage (f->prescription, f->doses, f->resting, f->now);
  right_arm = g_ptr_array_index (usage, 1);
  g_assert_cmpstr (right_arm->site->id, ==, "deltoid-right");
  g_assert_cmpint (right_arm->state, ==, COBALT_SITE_STATE_RESTING);
  g_assert_nonnull (right_arm->resting);
  g_assert_false (right_arm->suggested);
  description = cobalt_site_usage_describe (right_arm);
  g_assert_cmpstr (description, ==, "Right upper arm (deltoid), last used 60 days ago, resting until 10 March");

  /* A rest that ended yesterday no longer counts. */
  g_ptr_array_set_size (f->resting, 0);
  rest (f, "deltoid-right", -1);
  g_assert_cmpstr (suggest (f, NULL), ==, "deltoid-right");

  /* Everything resting: nothing to suggest. */
  rest (f, "deltoid-left", 2);
  rest (f, "deltoid-right", 2);
  rest (f, "vastus-lateralis-left", 2);
  rest (f, "vastus-lateralis-right", 2);
  g_assert_null (suggest (f, NULL));
}

static void
test_route_filter (Fixture       *f,
                   gconstpointer  data)
{
  const char *mixed[] = { "deltoid-left", "sc-abdomen-left", "sc-abdomen-right", NULL };
  g_autoptr(GPtrArray) usage = NULL;
  g_autofree char *reason = NULL;

  cobalt_prescription_set_enabled_sites (f->prescription, mixed);
  used (f, "deltoid-left", 100);

  /* IM: the abdomen sites are never suggested, even never used. */
  g_assert_cmpstr (suggest (f, NULL), ==, "deltoid-left");

  usage = cobalt_rotation_get_usage (f->prescription, f->doses, f->resting, f->now);
  g_assert_cmpuint (usage->len, ==, 14);
  for (guint i = 0; i < usage->len; i++)
    {
      const CobaltSiteUsage *u = g_ptr_array_index (usage, i);

      if (g_str_equal (u->site->id, "deltoid-left"))
        {
          g_assert_cmpint (u->state, ==, COBALT_SITE_STATE_AVAILABLE);
          g_assert_true (u->suggested);
          g_assert_cmpint (u->days_since, ==, 100);
        }
      else
        {
          g_assert_cmpint (u->state, ==, COBALT_SITE_STATE_NOT_ENABLED);
          g_assert_false (u->suggested);
          g_assert_cmpint (u->days_since, ==, -1);
          g_assert_null (u->last_used);
        }
    }

  /* SC: now the abdomen sites are the ones on offer. */
  f->prescription->route = COBALT_ROUTE_SC;
  g_assert_cmpstr (suggest (f, &reason), ==, "sc-abdomen-left");
  g_assert_cmpstr (reason, ==, "Left abdomen — not used yet");
}

static void
test_reason_and_description (Fixture       *f,
                             gconstpointer  data)
{
  const char *one[] = { "vastus-lateralis-left", NULL };
  g_autoptr(GPtrArray) usage = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *description = NULL;
  g_autoptr(CobaltDose) tonight = cobalt_dose_new ();
  g_autoptr(GDateTime) earlier_today = g_date_time_new (f->tz, 2026, 3, 10, 0, 5, 0);

  cobalt_prescription_set_enabled_sites (f->prescription, one);

  used (f, "vastus-lateralis-left", 1);
  g_assert_cmpstr (suggest (f, &reason), ==, "vastus-lateralis-left");
  g_assert_cmpstr (reason, ==, "Left outer thigh — not used for 1 day");
  g_clear_pointer (&reason, g_free);

  cobalt_dose_set_given_at (tonight, earlier_today);
  cobalt_set_str (&tonight->site_id, "vastus-lateralis-left");
  g_ptr_array_add (f->doses, g_object_ref (tonight));
  g_assert_cmpstr (suggest (f, &reason), ==, "vastus-lateralis-left");
  g_assert_cmpstr (reason, ==, "Left outer thigh — last used today");

  usage = cobalt_rotation_get_usage (f->prescription, f->doses, NULL, f->now);
  description = cobalt_site_usage_describe (g_ptr_array_index (usage, 2));
  g_assert_cmpstr (description, ==, "Left outer thigh, last used today, suggested");
  g_clear_pointer (&description, g_free);
  description = cobalt_site_usage_describe (g_ptr_array_index (usage, 0));
  g_assert_cmpstr (description, ==, "Left upper arm (deltoid), never used, not a site your clinic set up");
}

static void
test_days_count_calendar_days (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CobaltDose) dose = cobalt_dose_new ();
  /* 23:30 the evening before: less than 24 hours, but yesterday. */
  g_autoptr(GDateTime) last_night = g_date_time_new (f->tz, 2026, 3, 9, 23, 30, 0);
  g_autoptr(GPtrArray) usage = NULL;
  g_autofree char *description = NULL;

  cobalt_dose_set_given_at (dose, last_night);
  cobalt_set_str (&dose->site_id, "deltoid-left");
  g_ptr_array_add (f->doses, g_object_ref (dose));

  usage = cobalt_rotation_get_usage (f->prescription, f->doses, NULL, f->now);
  g_assert_cmpint (((CobaltSiteUsage *) g_ptr_array_index (usage, 0))->days_since, ==, 1);
  description = cobalt_site_usage_describe (g_ptr_array_index (usage, 0));
  g_assert_cmpstr (description, ==, "Left upper arm (deltoid), last used yesterday");
}

static void
test_resting_site_boxed (void)
{
  GDate until;
  g_autoptr(CobaltRestingSite) site = NULL;
  g_autoptr(CobaltRestingSite) copy = NULL;

  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 3, 3, 2026);
  site = cobalt_resting_site_new ("deltoid-left", &until, "sore");
  copy = g_boxed_copy (COBALT_TYPE_RESTING_SITE, site);

  g_assert_cmpstr (copy->site_id, ==, "deltoid-left");
  g_assert_cmpstr (copy->reason, ==, "sore");
  g_assert_cmpint (g_date_compare (&copy->until, &until), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cobalt/rotation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("never-used-first", test_never_used_first_in_catalogue_order);
  ADD ("least-recent", test_least_recent);
  ADD ("tie-by-catalogue-order", test_tie_by_catalogue_order);
  ADD ("resting-skipped", test_resting_skipped);
  ADD ("route-filter", test_route_filter);
  ADD ("reason-and-description", test_reason_and_description);
  ADD ("calendar-days", test_days_count_calendar_days);
  g_test_add_func ("/cobalt/rotation/resting-site-boxed", test_resting_site_boxed);

#undef ADD

  return g_test_run ();
}
