/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The doses' columns, one row at a time, for exports that must be fast:
 * no model objects, straight from the (person, time) index. */

#include "config.h"

#include "cobalt-repository-private.h"

gboolean
cobalt_repository_foreach_dose_row (CobaltRepository *repository,
                                    gint64            person_id,
                                    CobaltDoseRowFunc func,
                                    gpointer          user_data,
                                    GError          **error)
{
  g_autoptr(CobaltStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = cobalt_database_prepare (cobalt_repository_get_database (repository),
                                  "SELECT d.given_at_us, d.tz, d.site_id, d.product, d.amount, "
                                  "d.unit, d.batch, d.expiry, d.given_by, d.given_by_name, "
                                  "(SELECT r.state FROM checklist_runs r WHERE r.id = d.checklist_run_id), "
                                  "(SELECT group_concat(x.kind, ',') FROM reactions x WHERE x.dose_id = d.id), "
                                  "d.notes "
                                  /* Injections only: a dose not given on the clinic's
                                   * advice has no row in the exports, and importing
                                   * it back would make it a dose given. */
                                  "FROM doses d WHERE d.person_id = ? AND d.deleted = 0 AND d.kind = 0 "
                                  "ORDER BY d.given_at_us, d.id", error);
  if (stmt == NULL || !cobalt_statement_bind_int64 (stmt, 1, person_id, error))
    return FALSE;

  while (cobalt_statement_step (stmt, &local_error))
    {
      CobaltDoseRow row = {
        .given_at_us = cobalt_statement_get_int64 (stmt, 0),
        .tz = cobalt_statement_get_text (stmt, 1),
        .site_id = cobalt_statement_get_text (stmt, 2),
        .product = cobalt_statement_get_int64 (stmt, 3),
        .amount = cobalt_statement_get_double (stmt, 4),
        .unit = cobalt_statement_get_int64 (stmt, 5),
        .batch = cobalt_statement_get_text (stmt, 6),
        .expiry = cobalt_statement_get_text (stmt, 7),
        .given_by = cobalt_statement_get_int64 (stmt, 8),
        .given_by_name = cobalt_statement_get_text (stmt, 9),
        .run_state = cobalt_statement_get_is_null (stmt, 10) ? -1 : cobalt_statement_get_int64 (stmt, 10),
        .reaction_kinds = cobalt_statement_get_text (stmt, 11),
        .notes = cobalt_statement_get_text (stmt, 12),
      };

      func (&row, user_data);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
