/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cobalt-migrations.h"

/* The schema, one step per user_version. Released steps are never edited:
 * a change is a new step at the end. Conventions: STRICT tables; instants
 * are INTEGER microseconds since the epoch in UTC (columns *_us); local
 * calendar days are TEXT "YYYY-MM-DD"; enums are their stored numbers
 * (cobalt-types.h, never renumbered), each with a CHECK of its range;
 * booleans are INTEGER 0/1. */

/* "+0 days" makes SQLite normalise, so 1970-02-30 does not compare equal. */
#define DATE_CHECK(col) "CHECK (" col " IS NULL OR date(" col ", '+0 days') IS " col ")"
#define BOOL_CHECK(col) "CHECK (" col " IN (0, 1))"

static const char schema_v1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE people ("
  "  id               INTEGER PRIMARY KEY,"
  "  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  date_of_birth    TEXT " DATE_CHECK ("date_of_birth") ","
  "  clinic_name      TEXT,"
  "  clinic_phone     TEXT,"
  "  emergency_number TEXT,"
  "  notes            TEXT,"
  "  archived         INTEGER NOT NULL DEFAULT 0 " BOOL_CHECK ("archived") ","
  "  created_at_us    INTEGER NOT NULL,"
  "  updated_at_us    INTEGER NOT NULL"
  ") STRICT;"

  /* One row per version; a change inserts the next version. */
  "CREATE TABLE prescriptions ("
  "  id                     INTEGER PRIMARY KEY,"
  "  person_id              INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  version                INTEGER NOT NULL CHECK (version >= 1),"
  "  created_at_us          INTEGER NOT NULL,"
  "  starts_on              TEXT " DATE_CHECK ("starts_on") ","
  "  template_id            TEXT,"
  "  product                INTEGER NOT NULL CHECK (product BETWEEN 0 AND 3),"
  "  product_name           TEXT,"
  "  strength               TEXT,"
  "  amount                 REAL NOT NULL CHECK (amount > 0),"
  "  unit                   INTEGER NOT NULL CHECK (unit BETWEEN 0 AND 2),"
  "  volume_ml              REAL NOT NULL DEFAULT 0 CHECK (volume_ml >= 0),"
  "  route                  INTEGER NOT NULL CHECK (route IN (0, 1)),"
  "  drawing_needle_gauge   INTEGER NOT NULL DEFAULT 0 CHECK (drawing_needle_gauge >= 0),"
  "  injecting_needle_gauge INTEGER NOT NULL DEFAULT 0 CHECK (injecting_needle_gauge >= 0),"
  "  needle_length_mm       REAL NOT NULL DEFAULT 0 CHECK (needle_length_mm >= 0),"
  "  syringe_ml             REAL NOT NULL DEFAULT 0 CHECK (syringe_ml >= 0),"
  "  angle_degrees          INTEGER NOT NULL DEFAULT 0 CHECK (angle_degrees BETWEEN 0 AND 90),"
  "  use_swab               INTEGER NOT NULL DEFAULT 1 " BOOL_CHECK ("use_swab") ","
  "  aspirate               INTEGER NOT NULL DEFAULT 0 " BOOL_CHECK ("aspirate") ","
  "  technique_notes        TEXT,"
  "  enabled_sites          TEXT NOT NULL DEFAULT '',"  /* site ids joined by ',' */
  "  reminder_minute        INTEGER NOT NULL CHECK (reminder_minute BETWEEN 0 AND 1439),"
  "  grace_minutes          INTEGER NOT NULL DEFAULT 0 CHECK (grace_minutes >= 0),"
  "  notes                  TEXT,"
  "  UNIQUE (person_id, version)"
  ") STRICT;"

  "CREATE TABLE prescription_phases ("
  "  prescription_id INTEGER NOT NULL REFERENCES prescriptions (id) ON DELETE CASCADE,"
  "  position        INTEGER NOT NULL CHECK (position >= 0),"
  "  unit            INTEGER NOT NULL CHECK (unit BETWEEN 0 AND 3),"
  "  interval        INTEGER NOT NULL CHECK (interval >= 1 AND (unit <> 3 OR interval <= 7)),"
  "  end_kind        INTEGER NOT NULL CHECK (end_kind BETWEEN 0 AND 2),"
  "  end_value       INTEGER NOT NULL DEFAULT 0 CHECK (end_value >= 0),"
  "  amount          REAL NOT NULL DEFAULT 0 CHECK (amount >= 0),"
  "  label           TEXT,"
  "  PRIMARY KEY (prescription_id, position)"
  ") STRICT;"

  "CREATE TABLE checklist_steps ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL CHECK (position >= 0),"
  "  kind        TEXT NOT NULL CHECK (length(kind) > 0),"
  "  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  explanation TEXT,"
  "  UNIQUE (person_id, position)"
  ") STRICT;"

  /* Runs and doses point at each other; both links are optional. */
  "CREATE TABLE checklist_runs ("
  "  id              INTEGER PRIMARY KEY,"
  "  person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  started_at_us   INTEGER NOT NULL,"
  "  finished_at_us  INTEGER,"
  "  state           INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  current_step    INTEGER NOT NULL DEFAULT 0 CHECK (current_step >= 0),"
  "  abort_reason    TEXT CHECK (state <> 2 OR length(trim(abort_reason)) > 0),"
  "  expiry_override TEXT,"
  "  dose_id         INTEGER REFERENCES doses (id) ON DELETE SET NULL,"
  "  CHECK ((state = 0) = (finished_at_us IS NULL))"
  ") STRICT;"

  "CREATE TABLE checklist_run_steps ("
  "  run_id       INTEGER NOT NULL REFERENCES checklist_runs (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL CHECK (position >= 0),"
  "  kind         TEXT NOT NULL,"
  "  title        TEXT NOT NULL,"
  "  explanation  TEXT,"
  "  ticked_at_us INTEGER,"
  "  PRIMARY KEY (run_id, position)"
  ") STRICT;"

  "CREATE TABLE doses ("
  "  id               INTEGER PRIMARY KEY,"
  "  person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  prescription_id  INTEGER REFERENCES prescriptions (id),"
  "  given_at_us      INTEGER NOT NULL,"
  "  tz               TEXT NOT NULL CHECK (length(tz) > 0),"
  "  site_id          TEXT,"
  "  amount           REAL NOT NULL CHECK (amount >= 0),"
  "  unit             INTEGER NOT NULL CHECK (unit BETWEEN 0 AND 2),"
  "  product          INTEGER NOT NULL CHECK (product BETWEEN 0 AND 3),"
  "  batch            TEXT,"
  "  expiry           TEXT " DATE_CHECK ("expiry") ","
  "  given_by         INTEGER NOT NULL DEFAULT 0 CHECK (given_by BETWEEN 0 AND 2),"
  "  given_by_name    TEXT,"
  "  checklist_run_id INTEGER REFERENCES checklist_runs (id) ON DELETE SET NULL,"
  "  notes            TEXT,"
  "  deleted          INTEGER NOT NULL DEFAULT 0 " BOOL_CHECK ("deleted") ","
  "  created_at_us    INTEGER NOT NULL,"
  "  updated_at_us    INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX doses_person_given ON doses (person_id, given_at_us);"
  "CREATE INDEX doses_prescription ON doses (prescription_id);"
  "CREATE INDEX doses_run ON doses (checklist_run_id);"
  "CREATE INDEX checklist_runs_person ON checklist_runs (person_id, started_at_us);"
  "CREATE INDEX checklist_runs_dose ON checklist_runs (dose_id);"

  "CREATE TABLE resting_sites ("
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  site_id   TEXT NOT NULL CHECK (length(site_id) > 0),"
  "  until     TEXT NOT NULL " DATE_CHECK ("until") ","
  "  reason    TEXT,"
  "  PRIMARY KEY (person_id, site_id)"
  ") STRICT;"

  "CREATE TABLE reactions ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  dose_id     INTEGER REFERENCES doses (id) ON DELETE SET NULL,"
  "  noted_at_us INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (length(kind) > 0),"
  "  level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 2),"
  "  note        TEXT"
  ") STRICT;"
  "CREATE INDEX reactions_person ON reactions (person_id, noted_at_us);"
  "CREATE INDEX reactions_dose ON reactions (dose_id);"

  /* Scores 0–10, NULL when not recorded. */
  "CREATE TABLE checkins ("
  "  id               INTEGER PRIMARY KEY,"
  "  person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  at_us            INTEGER NOT NULL,"
  "  energy           INTEGER CHECK (energy BETWEEN 0 AND 10),"
  "  mood             INTEGER CHECK (mood BETWEEN 0 AND 10),"
  "  fatigue          INTEGER CHECK (fatigue BETWEEN 0 AND 10),"
  "  pins_and_needles INTEGER CHECK (pins_and_needles BETWEEN 0 AND 10),"
  "  memory           INTEGER CHECK (memory BETWEEN 0 AND 10),"
  "  note             TEXT"
  ") STRICT;"
  "CREATE INDEX checkins_person ON checkins (person_id, at_us);"

  /* The lab's own reference range, in the result's unit; NULL = not given. */
  "CREATE TABLE lab_results ("
  "  id        INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  taken_on  TEXT NOT NULL " DATE_CHECK ("taken_on") ","
  "  test      INTEGER NOT NULL CHECK (test BETWEEN 0 AND 7),"
  "  value     REAL NOT NULL CHECK (value >= 0),"
  "  unit      TEXT NOT NULL CHECK (length(unit) > 0),"
  "  ref_low   REAL CHECK (ref_low >= 0),"
  "  ref_high  REAL CHECK (ref_high >= 0),"
  "  lab_name  TEXT,"
  "  note      TEXT,"
  "  CHECK (ref_low IS NULL OR ref_high IS NULL OR ref_low <= ref_high)"
  ") STRICT;"
  "CREATE INDEX lab_results_person ON lab_results (person_id, taken_on);"

  "CREATE TABLE supply_items ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 5),"
  "  product     INTEGER NOT NULL DEFAULT 0 CHECK (product BETWEEN 0 AND 3),"
  "  name        TEXT,"
  "  strength    TEXT,"
  "  batch       TEXT,"
  "  expiry      TEXT " DATE_CHECK ("expiry") ","
  "  received_on TEXT " DATE_CHECK ("received_on") ","
  "  count       INTEGER NOT NULL CHECK (count >= 0),"
  "  note        TEXT"
  ") STRICT;"
  "CREATE INDEX supply_items_person ON supply_items (person_id, kind);"

  "CREATE TABLE sharps_bins ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL UNIQUE REFERENCES people (id) ON DELETE CASCADE,"
  "  capacity    INTEGER NOT NULL CHECK (capacity > 0),"
  "  fill        INTEGER NOT NULL DEFAULT 0 CHECK (fill >= 0),"
  "  replaced_on TEXT " DATE_CHECK ("replaced_on")
  ") STRICT;"

  "CREATE TABLE reminder_state ("
  "  id               INTEGER PRIMARY KEY,"
  "  person_id        INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  kind             INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 5),"
  "  due_at_us        INTEGER NOT NULL,"
  "  shown_at_us      INTEGER,"
  "  snoozed_until_us INTEGER,"
  "  dismissed_at_us  INTEGER,"
  "  acted_at_us      INTEGER,"
  "  notification_id  TEXT,"
  "  UNIQUE (person_id, kind, due_at_us)"
  ") STRICT;";

/* What each logged dose took from stock, so that undoing it gives back
 * exactly those items (not "one of each" picked again, which could be a
 * different batch) and only takes it out of the bin it went into. A row
 * names either a supply item or the sharps bin. */
static const char schema_v2[] =
  "CREATE TABLE dose_supply_uses ("
  "  dose_id        INTEGER NOT NULL REFERENCES doses (id) ON DELETE CASCADE,"
  "  supply_item_id INTEGER REFERENCES supply_items (id) ON DELETE CASCADE,"
  "  sharps_bin_id  INTEGER REFERENCES sharps_bins (id) ON DELETE CASCADE,"
  "  CHECK ((supply_item_id IS NULL) <> (sharps_bin_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX dose_supply_uses_dose ON dose_supply_uses (dose_id);"
  "CREATE INDEX dose_supply_uses_item ON dose_supply_uses (supply_item_id);"
  "CREATE INDEX dose_supply_uses_bin ON dose_supply_uses (sharps_bin_id);";

/* Issue "one door for every write": the columns the clinical rules need.
 *
 * - Strength as a number per mL with its unit (0 mg, 1 mcg), so that the
 *   volume to draw up is dose ÷ strength (CLINICAL.md "Technique data").
 *   The old free text is parsed where it is plainly "N mg/mL" or
 *   "N mcg/mL" (also "/1 mL", "µg", any spacing); anything else stays NULL
 *   and the prescription editor asks the user. volume_ml is no longer
 *   read or written: a stored volume could contradict dose and strength.
 * - overdue_after_minutes: the clinic's shorter overdue window, minutes
 *   after the reminder time, for intervals under a week; NULL means the
 *   dose is due all of its due day and overdue from the next (the rule).
 * - Doses not given on the clinic's advice: kind 1 skipped, 2 moved (to
 *   moved_to), with who advised it; kind 0 is a dose given.
 * - Exceptions are flags (COBALT_DOSE_EXCEPTION_*), with the user's own
 *   words in exception_note, never a translated sentence in notes.
 * - The site chosen during a checklist run is a column of the run; the
 *   settings rows "journey-run-site-N" move there and are removed. */
#define STRENGTH_TEXT(col) "replace(replace(replace(lower(" col "), ' ', ''), 'µg', 'mcg'), 'micrograms', 'mcg')"
#define STRENGTH_SUFFIX(col) "ltrim(" STRENGTH_TEXT (col) ", '0123456789.')"
#define STRENGTH_PARSES(col) \
  "(" STRENGTH_TEXT (col) " GLOB '[0-9]*' AND CAST(" STRENGTH_TEXT (col) " AS REAL) > 0 AND " \
  STRENGTH_SUFFIX (col) " IN ('mg/ml', 'mg/1ml', 'mcg/ml', 'mcg/1ml'))"
#define STRENGTH_MIGRATE(table) \
  "UPDATE " table " SET" \
  "  strength_amount = CAST(" STRENGTH_TEXT ("strength") " AS REAL)," \
  "  strength_unit = CASE WHEN " STRENGTH_SUFFIX ("strength") " GLOB 'mcg*' THEN 1 ELSE 0 END" \
  " WHERE strength IS NOT NULL AND " STRENGTH_PARSES ("strength") ";"

static const char schema_v3[] =
  "ALTER TABLE prescriptions ADD COLUMN strength_amount REAL"
  "  CHECK (strength_amount IS NULL OR strength_amount > 0);"
  "ALTER TABLE prescriptions ADD COLUMN strength_unit INTEGER"
  "  CHECK (strength_unit IS NULL OR strength_unit IN (0, 1));"
  "ALTER TABLE prescriptions ADD COLUMN overdue_after_minutes INTEGER"
  "  CHECK (overdue_after_minutes IS NULL OR overdue_after_minutes > 0);"
  STRENGTH_MIGRATE ("prescriptions")

  "ALTER TABLE supply_items ADD COLUMN strength_amount REAL"
  "  CHECK (strength_amount IS NULL OR strength_amount > 0);"
  "ALTER TABLE supply_items ADD COLUMN strength_unit INTEGER"
  "  CHECK (strength_unit IS NULL OR strength_unit IN (0, 1));"
  STRENGTH_MIGRATE ("supply_items")

  "ALTER TABLE doses ADD COLUMN kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 2);"
  "ALTER TABLE doses ADD COLUMN advised_by TEXT;"
  "ALTER TABLE doses ADD COLUMN moved_to TEXT " DATE_CHECK ("moved_to") ";"
  "ALTER TABLE doses ADD COLUMN exceptions INTEGER NOT NULL DEFAULT 0 CHECK (exceptions >= 0);"
  "ALTER TABLE doses ADD COLUMN exception_note TEXT;"

  "ALTER TABLE checklist_runs ADD COLUMN site_id TEXT;"
  "UPDATE checklist_runs SET site_id ="
  "  (SELECT value FROM settings WHERE key = 'journey-run-site-' || checklist_runs.id)"
  "  WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'journey-run-site-' || checklist_runs.id);"
  "DELETE FROM settings WHERE key GLOB 'journey-run-site-[0-9]*';"
  "CREATE INDEX IF NOT EXISTS doses_person_live ON doses (person_id, deleted, given_at_us);";

/* Issue "critical moments" (CLINICAL.md "Reactions and what to do",
 * "Emergency and urgent-advice numbers"):
 *
 * - Reactions have four levels: 0 mild, 1 contact the clinic today,
 *   2 get urgent advice now, 3 emergency. The old level 2 was the
 *   emergency one, except widespread hives, which the clinical reference
 *   now sends to urgent advice: a rebuild, since a CHECK cannot change.
 * - A person's urgent-advice number (the clinic's out-of-hours line, 111
 *   in England...), asked beside the emergency number. */
static const char schema_v4[] =
  "CREATE TABLE reactions_v4 ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  dose_id     INTEGER REFERENCES doses (id) ON DELETE SET NULL,"
  "  noted_at_us INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (length(kind) > 0),"
  "  level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),"
  "  note        TEXT"
  ") STRICT;"
  "INSERT INTO reactions_v4 (id, person_id, dose_id, noted_at_us, kind, level, note)"
  "  SELECT id, person_id, dose_id, noted_at_us, kind,"
  "         CASE WHEN level = 2 AND kind <> 'hives-swelling' THEN 3 ELSE level END,"
  "         note"
  "  FROM reactions;"
  "DROP TABLE reactions;"
  "ALTER TABLE reactions_v4 RENAME TO reactions;"
  "CREATE INDEX reactions_person ON reactions (person_id, noted_at_us);"
  "CREATE INDEX reactions_dose ON reactions (dose_id);"

  "ALTER TABLE people ADD COLUMN urgent_number TEXT;";

/* Issue "critical moments" (docs/clinical-sources.md, "Technique data"):
 * the built-in checklist steps' guidance was reworded from the sources.
 * A step whose guidance is still the old default stores NULL, which now
 * means "the catalogue's current words" (cobalt-clinical-steps.c), so
 * rewordings and translations reach everyone; guidance a person wrote
 * themselves is kept. */
static const char schema_v5[] =
  "UPDATE checklist_steps SET explanation = NULL"
  "  WHERE (kind, explanation) IN (VALUES"
  "    ('confirm-medicine', 'Check that the name, strength and dose on the ampoule match your prescription. If anything differs, stop and ask your clinic.'),"
  "    ('check-expiry', 'Read the expiry date on the ampoule and compare it with the batch shown here. Do not use medicine past its expiry date.'),"
  "    ('check-liquid', 'Hold the ampoule up to the light. Do not use it if the liquid is cloudy, discoloured or has particles in it.'),"
  "    ('supplies-ready', 'Drawing-up needle, injecting needle, syringe, swab, gauze or plaster, and the sharps bin within reach. Gloves if your clinic advised them.'),"
  "    ('wash-hands', 'Wash and dry your hands, and lay everything out on a clean, clear surface.'),"
  "    ('choose-site', 'Use a site your clinic trained you on. Avoid any spot that is sore, bruised or inflamed. Follow your clinic''s instructions.'),"
  "    ('draw-up', 'Draw up the dose with the drawing-up needle, change to the injecting needle, and remove air bubbles the way you were taught. Follow your clinic''s instructions.'),"
  "    ('position', 'Sit or lie so the muscle is relaxed. Clean the skin if your clinic taught you to, and let it dry.'),"
  "    ('inject', 'Inject with the needle length, angle and landmarks you were taught. Never into a vein. If you are unsure at any point, stop and ask for help. Follow your clinic''s instructions.'),"
  "    ('aftercare', 'Press gently on the site with gauze. Put the needle and syringe straight into the sharps bin without recapping them. Note any reaction. Follow your clinic''s instructions.')"
  "  );";

/* Issue 15, "a reminder survives a crash at any point": the intent to
 * show a reminder is committed before its notification is sent
 * (showing_at_us, the instant of the claim), and "shown" (shown_at_us)
 * only once the notification server answered. A row still "showing" at
 * start-up was left by a process that ended in between: it is shown
 * again (cobalt_repository_recover_reminder_claims()). */
static const char schema_v6[] =
  "ALTER TABLE reminder_state ADD COLUMN showing_at_us INTEGER;";

static const CobaltMigration builtin_steps[] = {
  { 1, schema_v1, FALSE },
  { 2, schema_v2, FALSE },
  { 3, schema_v3, FALSE },
  { 4, schema_v4, TRUE },
  { 5, schema_v5, FALSE },
  { 6, schema_v6, FALSE },
};

static guint n_builtin = G_N_ELEMENTS (builtin_steps);
static const CobaltMigration *test_steps;
static guint n_test_steps;

guint
cobalt_migrations_get_latest (void)
{
  return n_builtin + n_test_steps;
}

const CobaltMigration *
cobalt_migrations_lookup (guint version)
{
  if (version >= 1 && version <= n_builtin)
    return &builtin_steps[version - 1];

  version -= n_builtin;
  if (version >= 1 && version <= n_test_steps)
    return &test_steps[version - 1];

  return NULL;
}

void
cobalt_migrations_set_test_builtin_limit (guint n_steps)
{
  g_return_if_fail (n_test_steps == 0);

  n_builtin = n_steps == 0 ? G_N_ELEMENTS (builtin_steps) : MIN (n_steps, G_N_ELEMENTS (builtin_steps));
}

void
cobalt_migrations_set_test_steps (const CobaltMigration *steps,
                                  guint                  n_steps)
{
  for (guint i = 0; steps != NULL && i < n_steps; i++)
    g_return_if_fail (steps[i].version == n_builtin + i + 1);

  test_steps = steps;
  n_test_steps = steps != NULL ? n_steps : 0;
}
