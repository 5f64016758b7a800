/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sets up and inspects a data folder for the reminder integration tests:
 *
 *   reminder-test-tool create DIR --name NAME --due-in MINUTES [--grace M]
 *                                 [--clinic-phone NUMBER]
 *     a person whose next dose (weekly) is due MINUTES from now (negative:
 *     already due), at the reminder time; prints the due instant.
 *   reminder-test-tool log-dose DIR --name NAME
 *     logs a dose now (as the window would).
 *   reminder-test-tool states DIR
 *     one line per reminder state: kind due shown snoozed acted showing.
 *   reminder-test-tool set DIR KEY VALUE
 *     a setting.
 *
 * Times are the real wall clock in $TZ. */

#include "config.h"

#include <stdlib.h>

#include "cobalt-database.h"
#include "cobalt-repository.h"
#include "cobalt-repository-private.h"
#include "cobalt-schedule.h"
#include "reminder-test-data.h"

static char *opt_name = NULL;
static int opt_due_in = 60;
static int opt_grace = 60;
static char *opt_clinic_phone = NULL;

static const GOptionEntry entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, "Person", "NAME" },
  { "due-in", 0, 0, G_OPTION_ARG_INT, &opt_due_in, "Minutes until the dose is due", "M" },
  { "grace", 0, 0, G_OPTION_ARG_INT, &opt_grace, "Grace window in minutes", "M" },
  { "clinic-phone", 0, 0, G_OPTION_ARG_STRING, &opt_clinic_phone, "Clinic phone", "NUMBER" },
  { NULL }
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("reminder-test-tool: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static CobaltRepository *
open_repository (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltDatabase) database = cobalt_database_open (dir, &error);

  if (database == NULL)
    die ("open", error);

  return cobalt_repository_new (database);
}

static CobaltPerson *
find_person (CobaltRepository *repository)
{
  g_autoptr(GError) error = NULL;
  CobaltPerson *person = cobalt_repository_find_person (repository, opt_name, &error);

  if (person == NULL)
    die ("find person", error);

  return person;
}

static void
cmd_create (const char *dir)
{
  g_autoptr(CobaltRepository) repository = open_repository (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) due = g_date_time_add_minutes (now, opt_due_in);
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(GPtrArray) doses = NULL;
  g_autoptr(CobaltDueInfo) info = NULL;
  g_autofree char *due_text = NULL;

  person = reminder_test_create_new_person (repository, opt_name, due, opt_grace, &error);
  if (person == NULL)
    die ("create person", error);

  if (opt_clinic_phone != NULL)
    {
      cobalt_set_str (&person->clinic_phone, opt_clinic_phone);
      if (!cobalt_repository_save_person (repository, person, &error))
        die ("save person", error);
    }

  prescription = cobalt_repository_get_prescription (repository, person->id, &error);
  doses = cobalt_repository_list_doses (repository, person->id, &error);
  if (prescription == NULL || doses == NULL)
    die ("read back", error);
  info = cobalt_schedule_next_due (prescription, doses, now, tz);
  due_text = g_date_time_format_iso8601 (info->due_at);
  g_print ("%s\n", due_text);
}

static void
cmd_log_dose (const char *dir)
{
  g_autoptr(CobaltRepository) repository = open_repository (dir);
  g_autoptr(CobaltPerson) person = find_person (repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!reminder_test_log_dose (repository, person, now, &error))
    die ("add dose", error);
}

static char *
format_or_dash (GDateTime *datetime)
{
  return datetime != NULL ? g_date_time_format_iso8601 (datetime) : g_strdup ("-");
}

static void
cmd_states (const char *dir)
{
  g_autoptr(CobaltRepository) repository = open_repository (dir);
  CobaltDatabase *database = cobalt_repository_get_database (repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltStatement) stmt = NULL;

  /* The repository reads one state by key; the test wants them all. */
  stmt = cobalt_database_prepare (database,
                                  "SELECT person_id, kind, due_at_us FROM reminder_state ORDER BY id",
                                  &error);
  if (stmt == NULL)
    die ("states", error);

  while (cobalt_statement_step (stmt, &error))
    {
      gint64 person_id = cobalt_statement_get_int64 (stmt, 0);
      CobaltReminderKind kind = cobalt_statement_get_int64 (stmt, 1);
      g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
      g_autoptr(GDateTime) due_at = g_date_time_add (epoch, cobalt_statement_get_int64 (stmt, 2));
      g_autoptr(CobaltReminderState) state = NULL;
      g_autofree char *due = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *snoozed = NULL;
      g_autofree char *acted = NULL;
      g_autofree char *showing = NULL;

      state = cobalt_repository_get_reminder_state (repository, person_id, kind, due_at, &error);
      if (state == NULL)
        die ("state", error);

      due = format_or_dash (state->due_at);
      shown = format_or_dash (state->shown_at);
      snoozed = format_or_dash (state->snoozed_until);
      acted = format_or_dash (state->acted_at);
      showing = format_or_dash (state->showing_at);
      g_print ("%s %s %s %s %s %s\n", cobalt_reminder_kind_to_id (kind), due, shown, snoozed, acted, showing);
    }

  if (error != NULL)
    die ("states", error);
}

static void
cmd_set (const char *dir,
         const char *key,
         const char *value)
{
  g_autoptr(CobaltRepository) repository = open_repository (dir);
  g_autoptr(GError) error = NULL;

  if (!cobalt_repository_set_setting (repository, key, value, &error))
    die ("set", error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND DIR [ARGS]");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);

  if (argc < 3)
    {
      g_printerr ("usage: reminder-test-tool create|log-dose|states|set DIR ...\n");
      return 2;
    }

  if (g_str_equal (argv[1], "create") && opt_name != NULL)
    cmd_create (argv[2]);
  else if (g_str_equal (argv[1], "log-dose") && opt_name != NULL)
    cmd_log_dose (argv[2]);
  else if (g_str_equal (argv[1], "states"))
    cmd_states (argv[2]);
  else if (g_str_equal (argv[1], "set") && argc == 5)
    cmd_set (argv[2], argv[3], argv[4]);
  else
    {
      g_printerr ("reminder-test-tool: bad command line\n");
      return 2;
    }

  return 0;
}
