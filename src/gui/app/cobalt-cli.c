/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cobalt-cli.h"
#include "cobalt-data-problem.h"
#include "cobalt-core.h"

char *
cobalt_cli_get_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "cobalt", NULL);
}

char *
cobalt_cli_resolve_data_dir (const char *option_dir)
{
  const char *env_dir = g_getenv ("COBALT_DATA_DIR");

  if (option_dir != NULL && *option_dir != '\0')
    return g_canonicalize_filename (option_dir, NULL);
  if (env_dir != NULL && *env_dir != '\0')
    return g_canonicalize_filename (env_dir, NULL);
  return cobalt_cli_get_default_data_dir ();
}

char *
cobalt_cli_make_demo_dir (GError **error)
{
  return g_dir_make_tmp ("cobalt-demo-XXXXXX", error);
}

gboolean
cobalt_cli_fill_demo_dir (const char   *demo_dir,
                          CobaltClock  *clock,
                          GError      **error)
{
  g_autoptr(CobaltRepository) repository = NULL;

  g_return_val_if_fail (demo_dir != NULL, FALSE);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), FALSE);

  if (!(repository = cobalt_repository_open (demo_dir, COBALT_REPOSITORY_OPEN_DEFAULT, error)))
    return FALSE;

  return cobalt_demo_populate (repository, clock, error);
}

static void
remove_files_in (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_unlink (path);
    }
}

void
cobalt_cli_remove_demo_dir (const char *demo_dir)
{
  g_autofree char *backups = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (demo_dir != NULL);

  /* Only ever a directory that --demo itself made. */
  base = g_path_get_basename (demo_dir);
  if (!g_str_has_prefix (base, "cobalt-demo-"))
    return;

  backups = g_build_filename (demo_dir, COBALT_REPOSITORY_BACKUP_DIR, NULL);
  remove_files_in (backups);
  g_rmdir (backups);
  remove_files_in (demo_dir);
  g_rmdir (demo_dir);
}

static char *
format_due (GDateTime *due_at)
{
  /* Translators: date and time of the next dose in `cobalt --status`,
   * a g_date_time_format() string, e.g. "Tuesday 24 November 2026, 09:00". */
  return g_date_time_format (due_at, _("%A %-d %B %Y, %H:%M"));
}

static char *
describe_person (CobaltRepository *repository,
                 CobaltPerson     *person,
                 GDateTime        *now,
                 GError          **error)
{
  g_autoptr(CobaltStatus) status = NULL;
  const CobaltDueInfo *due;
  const CobaltSiteInfo *site;
  g_autofree char *when = NULL;

  if (!(status = cobalt_status_compute (repository, person, now, error)))
    return NULL;

  due = cobalt_status_get_due (status);
  if (due == NULL)
    /* Translators: a `cobalt --status` line for someone without a prescription. */
    return g_strdup_printf (_("%s: no prescription set up yet"), person->name);
  if (due->needs_first_date)
    /* Translators: a `cobalt --status` line for a prescription with no
     * dose yet and no first-dose date: nothing is due until it is chosen. */
    return g_strdup_printf (_("%s: no first-dose date chosen yet — nothing is due until it is"),
                            person->name);
  if (due->status == COBALT_DOSE_STATUS_NONE || due->due_at == NULL)
    /* Translators: a `cobalt --status` line when the last phase is over. */
    return g_strdup_printf (_("%s: nothing scheduled (the prescription is complete)"),
                            person->name);

  when = format_due (due->due_at);
  if (due->status == COBALT_DOSE_STATUS_OVERDUE)
    {
      g_autofree char *missed = cobalt_clinical_missed_dose (person->clinic_phone);

      /* No site once overdue: the clinic says when the next dose is
       * (docs/clinical-sources.md, "Missed dose"). */
      /* Translators: a `cobalt --status` line for an overdue dose: name,
       * the date and time it was due, then the missed-dose advice. */
      return g_strdup_printf (_("%s: the dose due %s is overdue — %s"),
                              person->name, when, missed);
    }

  site = cobalt_status_get_site (status);
  /* Translators: one `cobalt --status` line: name, next due date and
   * time, status word ("Upcoming", "Due", "Overdue"), suggested site. */
  return g_strdup_printf (_("%s: next dose %s — %s — suggested site: %s"),
                          person->name,
                          when,
                          cobalt_dose_status_to_string (due->status),
                          site != NULL ? cobalt_site_info_get_name (site) : _("none available"));
}

int
cobalt_cli_print_status (const char  *data_dir,
                         CobaltClock *clock)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CobaltRepository) repository = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint n_people;

  g_return_val_if_fail (data_dir != NULL, 1);
  g_return_val_if_fail (COBALT_IS_CLOCK (clock), 1);

  /* Looking at the status must not move files about: the window does
   * that, where the user can be offered a backup. */
  repository = cobalt_data_problem_open (data_dir, COBALT_REPOSITORY_OPEN_DEFAULT, FALSE, NULL, &error);
  if (repository == NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;

      cobalt_data_problem_describe (error, data_dir, NULL, &title, &body);
      g_printerr ("%s\n%s\n", title, body);
      return 1;
    }

  if (!(people = cobalt_repository_list_people (repository, FALSE, &error)))
    {
      g_printerr (_("Could not read the list of people: %s\n"), error->message);
      return 1;
    }

  n_people = g_list_model_get_n_items (people);
  if (n_people == 0)
    {
      g_print ("%s\n", _("Nobody has been set up in Cobalt yet. Open Cobalt to add a person and their prescription."));
      return 0;
    }

  now = cobalt_clock_get_now (clock);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CobaltPerson) person = g_list_model_get_item (people, i);
      g_autofree char *line = describe_person (repository, person, now, &error);

      if (line == NULL)
        {
          g_printerr (_("Could not work out the next dose for %s: %s\n"),
                      person->name, error->message);
          return 1;
        }

      g_print ("%s\n", line);
    }

  return 0;
}

gboolean
cobalt_cli_have_display (void)
{
  const char *backend = g_getenv ("GDK_BACKEND");

  /* Broadway and friends need no X or Wayland socket: let GTK try. */
  if (backend != NULL && *backend != '\0' &&
      !g_str_equal (backend, "x11") && !g_str_equal (backend, "wayland") && !g_str_equal (backend, "*"))
    return TRUE;

  return (g_getenv ("DISPLAY") != NULL && *g_getenv ("DISPLAY") != '\0') ||
         (g_getenv ("WAYLAND_DISPLAY") != NULL && *g_getenv ("WAYLAND_DISPLAY") != '\0');
}
