/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The writer the reliability tests kill (test-reliability-kill.c) or
 * starve of disk (test-reliability-faults.c, under the fault-injecting
 * preload). Each command does what Cobalt does, through the repository
 * API, in a loop, and prints one line on stdout (flushed) as soon as each
 * step is committed, so the test knows what must have survived:
 *
 *   reliability-helper setup DIR            a person due weekly: "P <id>"
 *   reliability-helper doses DIR [MAX]      logs doses: "D <id>"
 *   reliability-helper backup DIR [MAX]     backs up: "B <path>"
 *   reliability-helper restore DIR [MAX]    restores the two newest
 *                                           backups in turn: "R <path>"
 *   reliability-helper migrate DIR          opens (migrating): "M <version>"
 *   reliability-helper claims DIR FIRST [MAX]
 *                                           claims the reminder due on day
 *                                           FIRST, FIRST+1…: "C <i>" once
 *                                           claimed, "S <i>" once confirmed
 *   reliability-helper count DIR            opens, checking the whole file:
 *                                           "N <doses>"
 *
 * MAX (default 1000) bounds a loop nobody kills. A failure prints "E" and
 * the error's message on stderr and exits 1. */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cobalt-core.h"
#include "reminder-test-data.h"

/* Doses and reminders are about January 2020 onwards, long past. */
static GDateTime *
instant (guint hours)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2020, 1, 6, 9, 0, 0);

  return g_date_time_add_hours (base, hours);
}

static int
fail (const GError *error)
{
  fprintf (stderr, "E %s\n", error->message);
  fflush (stderr);
  return 1;
}

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static CobaltRepository *
open_log (const char                 *dir,
          CobaltRepositoryOpenFlags   flags,
          CobaltPerson              **person,
          GError                    **error)
{
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) people = NULL;

  repository = cobalt_repository_open (dir, flags, error);
  if (repository == NULL)
    return NULL;
  if (person != NULL)
    {
      people = cobalt_repository_list_people (repository, FALSE, error);
      if (people == NULL)
        return NULL;
      if (g_list_model_get_n_items (people) == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Nobody in the log");
          return NULL;
        }
      *person = g_list_model_get_item (people, 0);
    }
  return g_steal_pointer (&repository);
}

static int
do_setup (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(GDateTime) due = instant (0);

  repository = cobalt_repository_open (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &error);
  if (repository == NULL)
    return fail (error);
  person = reminder_test_create_person (repository, "Ann", due, 0, &error);
  if (person == NULL)
    return fail (error);
  say ("P %" G_GINT64_FORMAT, person->id);
  return 0;
}

static int
do_doses (const char *dir,
          guint       max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPrescription) prescription = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  guint n;

  /* As the window opens it. */
  repository = open_log (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP | COBALT_REPOSITORY_OPEN_QUICK_CHECK,
                         &person, &error);
  if (repository == NULL)
    return fail (error);
  prescription = cobalt_repository_get_prescription (repository, person->id, &error);
  if (prescription == NULL)
    return fail (error);
  n = cobalt_repository_count_doses (repository, person->id, &error);
  if (error != NULL)
    return fail (error);

  /* As the checklist logs a dose (reminder-test-data.c): supplies, the
   * sharps bin and the run in the same transaction. */
  for (guint i = 0; i < max; i++)
    {
      g_autoptr(CobaltDose) dose = cobalt_dose_new ();
      g_autoptr(GDateTime) given = instant (24 * 7 + 6 * (n + i));

      dose->person_id = person->id;
      dose->prescription_id = prescription->id;
      cobalt_dose_set_given_at (dose, given);
      cobalt_set_str (&dose->site_id, "vastus-lateralis-left");
      dose->amount = prescription->amount;
      dose->unit = prescription->unit;
      dose->product = prescription->product;
      if (!cobalt_repository_add_dose (repository, dose, &error))
        return fail (error);
      say ("D %" G_GINT64_FORMAT, dose->id);
    }
  return 0;
}

static int
do_backup (const char *dir,
           guint       max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  repository = open_log (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP | COBALT_REPOSITORY_OPEN_QUICK_CHECK,
                         NULL, &error);
  if (repository == NULL)
    return fail (error);

  for (guint i = 0; i < max; i++)
    {
      g_autofree char *path = cobalt_repository_backup (repository, &error);

      if (path == NULL)
        return fail (error);
      say ("B %s", path);
    }
  return 0;
}

static int
do_restore (const char *dir,
            guint       max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = cobalt_repository_list_backups (dir);

  if (backups->len < 2)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Two backups are needed");
      return fail (error);
    }

  for (guint i = 0; i < max; i++)
    {
      const char *backup = g_ptr_array_index (backups, i % 2);

      if (!cobalt_repository_restore_backup (dir, backup, NULL, &error))
        return fail (error);
      say ("R %s", backup);
    }
  return 0;
}

static int
do_migrate (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  repository = open_log (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, NULL, &error);
  if (repository == NULL)
    return fail (error);
  say ("M");
  return 0;
}

static int
do_claims (const char *dir,
           guint       first,
           guint       max)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltRepository) repository = NULL;

  repository = open_log (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP | COBALT_REPOSITORY_OPEN_QUICK_CHECK,
                         &person, &error);
  if (repository == NULL)
    return fail (error);

  for (guint i = first; i < first + max; i++)
    {
      g_autoptr(GDateTime) due = instant (24 * i);
      g_autoptr(GDateTime) now = g_date_time_add_minutes (due, 1);
      gboolean claimed = FALSE;
      gboolean confirmed = FALSE;

      if (!cobalt_repository_claim_reminder (repository, person->id, COBALT_REMINDER_DUE, due, now,
                                             &claimed, &error))
        return fail (error);
      if (!claimed)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "The reminder of day %u was claimed already", i);
          return fail (error);
        }
      say ("C %u", i);
      /* Here cobalt-reminder asks the notification server. */
      if (!cobalt_repository_confirm_reminder_shown (repository, person->id, COBALT_REMINDER_DUE, due,
                                                     &confirmed, &error))
        return fail (error);
      say ("S %u", i);
    }
  return 0;
}

static int
do_count (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltPerson) person = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  guint n;

  repository = open_log (dir, COBALT_REPOSITORY_OPEN_NO_AUTO_BACKUP, &person, &error);
  if (repository == NULL)
    return fail (error);
  n = cobalt_repository_count_doses (repository, person->id, &error);
  if (error != NULL)
    return fail (error);
  say ("N %u", n);
  return 0;
}

int
main (int argc, char **argv)
{
  const char *command = argc > 1 ? argv[1] : "";
  const char *dir = argc > 2 ? argv[2] : NULL;
  guint max = 1000;

  setlocale (LC_ALL, "");

  if (dir == NULL)
    {
      fprintf (stderr, "usage: reliability-helper COMMAND DIR [ARGS]\n");
      return 2;
    }

  if (g_str_equal (command, "setup"))
    return do_setup (dir);
  if (g_str_equal (command, "doses"))
    return do_doses (dir, argc > 3 ? (guint) atoi (argv[3]) : max);
  if (g_str_equal (command, "backup"))
    return do_backup (dir, argc > 3 ? (guint) atoi (argv[3]) : max);
  if (g_str_equal (command, "restore"))
    return do_restore (dir, argc > 3 ? (guint) atoi (argv[3]) : max);
  if (g_str_equal (command, "migrate"))
    return do_migrate (dir);
  if (g_str_equal (command, "claims") && argc > 3)
    return do_claims (dir, (guint) atoi (argv[3]), argc > 4 ? (guint) atoi (argv[4]) : max);
  if (g_str_equal (command, "count"))
    return do_count (dir);

  fprintf (stderr, "reliability-helper: unknown command “%s”\n", command);
  return 2;
}
