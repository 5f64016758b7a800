/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "carers-test-util.h"
#include "cobalt-site.h"

typedef struct
{
  gint64 person_id;
  guint  n;
} FillData;

gint64
carers_add_person (CobaltRepository *repository,
                   const char       *name)
{
  g_autoptr(CobaltPerson) person = cobalt_person_new (name);
  g_autoptr(GError) error = NULL;

  if (!cobalt_repository_save_person (repository, person, &error))
    g_error ("Could not add %s: %s", name, error->message);
  return person->id;
}

static gboolean
fill (CobaltDatabase *database,
      gpointer        user_data,
      GError        **error)
{
  FillData *data = user_data;
  g_autoptr(CobaltStatement) dose = NULL;
  g_autoptr(CobaltStatement) reaction = NULL;
  g_autoptr(CobaltStatement) run = NULL;
  guint n_sites = cobalt_site_catalogue_get_n_sites ();

  dose = cobalt_database_prepare (database,
                                  "INSERT INTO doses (person_id, given_at_us, tz, site_id, amount, "
                                  "unit, product, batch, given_by, notes, created_at_us, updated_at_us) "
                                  "VALUES (?, ?, 'Europe/London', ?, 1, 0, 0, ?, ?, ?, ?2, ?2)", error);
  reaction = cobalt_database_prepare (database,
                                      "INSERT INTO reactions (person_id, dose_id, noted_at_us, kind, level) "
                                      "VALUES (?, ?, ?, 'site-pain', 0)", error);
  run = cobalt_database_prepare (database,
                                 "INSERT INTO checklist_runs (person_id, started_at_us, finished_at_us, "
                                 "state, abort_reason) VALUES (?, ?, ?2, 2, 'unsure about the dose')",
                                 error);
  if (dose == NULL || reaction == NULL || run == NULL)
    return FALSE;

  for (guint i = 0; i < data->n; i++)
    {
      gint64 at = CARERS_FIRST_DOSE_US + (gint64) i * CARERS_DOSE_STEP_US;
      g_autofree char *batch = g_strdup_printf ("B%u", i % 50);
      g_autofree char *note = i % 10 == 0 ? g_strdup ("needle bent") : g_strdup_printf ("ok %u", i);

      cobalt_statement_reset (dose);
      if (!cobalt_statement_bind_int64 (dose, 1, data->person_id, error) ||
          !cobalt_statement_bind_int64 (dose, 2, at, error) ||
          !cobalt_statement_bind_text (dose, 3, cobalt_site_catalogue_get_nth (i % n_sites)->id, error) ||
          !cobalt_statement_bind_text (dose, 4, batch, error) ||
          !cobalt_statement_bind_int64 (dose, 5, i % 3, error) ||
          !cobalt_statement_bind_text (dose, 6, note, error) ||
          !cobalt_statement_execute (dose, error))
        return FALSE;

      if (i % 100 == 0)
        {
          cobalt_statement_reset (reaction);
          if (!cobalt_statement_bind_int64 (reaction, 1, data->person_id, error) ||
              !cobalt_statement_bind_int64 (reaction, 2, cobalt_database_get_last_insert_id (database), error) ||
              !cobalt_statement_bind_int64 (reaction, 3, at + G_TIME_SPAN_HOUR, error) ||
              !cobalt_statement_execute (reaction, error))
            return FALSE;
        }
      if (i % 1000 == 0)
        {
          cobalt_statement_reset (run);
          if (!cobalt_statement_bind_int64 (run, 1, data->person_id, error) ||
              !cobalt_statement_bind_int64 (run, 2, at - 60 * G_USEC_PER_SEC, error) ||
              !cobalt_statement_execute (run, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
carers_fill_doses (CobaltDatabase *database,
                   gint64          person_id,
                   guint           n,
                   GError        **error)
{
  FillData data = { person_id, n };

  return cobalt_database_run_write (database, fill, &data, error);
}
