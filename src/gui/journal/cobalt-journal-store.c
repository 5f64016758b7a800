/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "cobalt-journal-store.h"

/* The journal page deals in records of three kinds; the repository has a
 * function per kind. No SQL here: every write is the repository's, so its
 * ::changed tells the Log, the Calendar and the charts. */

static void
set_not_found (GError              **error,
               CobaltJournalRecord   kind,
               gint64                id)
{
  /* The number is formatted first: a format macro inside a msgid would cut
   * it short, and each kind is its own sentence for languages with genders. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      /* Translators: %s is the record's number */
      g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no check-in with the number %s."), number);
      break;
    case COBALT_JOURNAL_RECORD_REACTION:
      /* Translators: %s is the record's number */
      g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no reaction with the number %s."), number);
      break;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      /* Translators: %s is the record's number */
      g_set_error (error, COBALT_REPOSITORY_ERROR, COBALT_REPOSITORY_ERROR_NOT_FOUND,
                   _("There is no lab result with the number %s."), number);
      break;
    }
}

static gint64
record_get_id (GObject *record)
{
  if (COBALT_IS_CHECKIN (record))
    return COBALT_CHECKIN (COBALT_CHECKIN (record))->id;
  if (COBALT_IS_REACTION (record))
    return COBALT_REACTION (COBALT_REACTION (record))->id;
  return COBALT_LAB_RESULT (COBALT_LAB_RESULT (record))->id;
}

gboolean
cobalt_journal_record_get_kind (GObject             *record,
                                CobaltJournalRecord *kind)
{
  CobaltJournalRecord found;

  if (COBALT_IS_CHECKIN (record))
    found = COBALT_JOURNAL_RECORD_CHECKIN;
  else if (COBALT_IS_REACTION (record))
    found = COBALT_JOURNAL_RECORD_REACTION;
  else if (COBALT_IS_LAB_RESULT (record))
    found = COBALT_JOURNAL_RECORD_LAB_RESULT;
  else
    return FALSE;

  if (kind != NULL)
    *kind = found;
  return TRUE;
}

GObject *
cobalt_journal_store_get (CobaltRepository     *repository,
                          CobaltJournalRecord   kind,
                          gint64                person_id,
                          gint64                id,
                          GError              **error)
{
  g_autoptr(GListModel) records = NULL;
  guint n;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, NULL);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      records = cobalt_repository_list_checkins (repository, person_id, error);
      break;
    case COBALT_JOURNAL_RECORD_REACTION:
      records = cobalt_repository_list_reactions (repository, person_id, error);
      break;
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      records = cobalt_repository_list_lab_results (repository, person_id, error);
      break;
    }
  if (records == NULL)
    return NULL;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      if (record_get_id (record) == id)
        return g_steal_pointer (&record);
    }

  set_not_found (error, kind, id);
  return NULL;
}

gboolean
cobalt_journal_store_update (CobaltRepository  *repository,
                             GObject           *record,
                             GError           **error)
{
  CobaltJournalRecord kind;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (cobalt_journal_record_get_kind (record, &kind), FALSE);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      return cobalt_repository_update_checkin (repository, COBALT_CHECKIN (record), error);
    case COBALT_JOURNAL_RECORD_REACTION:
      return cobalt_repository_update_reaction (repository, COBALT_REACTION (record), error);
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      return cobalt_repository_update_lab_result (repository, COBALT_LAB_RESULT (record), error);
    }
}

gboolean
cobalt_journal_store_delete (CobaltRepository     *repository,
                             CobaltJournalRecord   kind,
                             gint64                id,
                             GError              **error)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (kind <= COBALT_JOURNAL_RECORD_LAB_RESULT, FALSE);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      return cobalt_repository_delete_checkin (repository, id, error);
    case COBALT_JOURNAL_RECORD_REACTION:
      return cobalt_repository_delete_reaction (repository, id, error);
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      return cobalt_repository_delete_lab_result (repository, id, error);
    }
}

gboolean
cobalt_journal_store_restore (CobaltRepository  *repository,
                              GObject           *record,
                              GError           **error)
{
  CobaltJournalRecord kind;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (cobalt_journal_record_get_kind (record, &kind), FALSE);

  switch (kind)
    {
    case COBALT_JOURNAL_RECORD_CHECKIN:
      return cobalt_repository_restore_checkin (repository, COBALT_CHECKIN (record), error);
    case COBALT_JOURNAL_RECORD_REACTION:
      return cobalt_repository_restore_reaction (repository, COBALT_REACTION (record), error);
    case COBALT_JOURNAL_RECORD_LAB_RESULT:
    default:
      return cobalt_repository_restore_lab_result (repository, COBALT_LAB_RESULT (record), error);
    }
}
