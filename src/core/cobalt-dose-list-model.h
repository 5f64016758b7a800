/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#if !defined (COBALT_CORE_INSIDE) && !defined (COBALT_CORE_COMPILATION)
# error "Only <cobalt-core.h> can be included directly."
#endif

#include <gio/gio.h>
#include "cobalt-repository.h"
#include "cobalt-log-entry.h"
#include "cobalt-log-query.h"

G_BEGIN_DECLS

/* A GListModel of CobaltLogEntry over one person's log, loaded lazily so
 * that 100 000 doses open at once: a change of person, sort or filter runs
 * one query for the sorted keys (which also gives the count); rows are
 * fetched by pages of COBALT_LOG_FETCH_MAX when a view asks for them, and a
 * few pages stay cached. It reloads itself when the repository reports a
 * change, emitting items-changed only for the part that changed.
 *
 * Properties: repository (construct-only), person-id, sort
 * (CobaltLogSort), descending, from / to (GDateTime, NULL = open; to is
 * exclusive), site-id, given-by (-1 = anyone), with-reactions,
 * search-text, include-aborted, n-items (read-only). */

#define COBALT_TYPE_DOSE_LIST_MODEL (cobalt_dose_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CobaltDoseListModel, cobalt_dose_list_model, COBALT, DOSE_LIST_MODEL, GObject)

CobaltDoseListModel *cobalt_dose_list_model_new          (CobaltRepository    *repository,
                                                          gint64               person_id);

CobaltRepository    *cobalt_dose_list_model_get_repository (CobaltDoseListModel *self);
gint64               cobalt_dose_list_model_get_person_id (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_person_id (CobaltDoseListModel *self,
                                                           gint64               person_id);
CobaltLogSort        cobalt_dose_list_model_get_sort      (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_sort      (CobaltDoseListModel *self,
                                                           CobaltLogSort        sort);
gboolean             cobalt_dose_list_model_get_descending (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_descending (CobaltDoseListModel *self,
                                                           gboolean             descending);
/* Both at once, with a single reload. */
void                 cobalt_dose_list_model_set_sorting   (CobaltDoseListModel *self,
                                                           CobaltLogSort        sort,
                                                           gboolean             descending);
GDateTime           *cobalt_dose_list_model_get_from      (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_from      (CobaltDoseListModel *self,
                                                           GDateTime           *from);
GDateTime           *cobalt_dose_list_model_get_to        (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_to        (CobaltDoseListModel *self,
                                                           GDateTime           *to);
const char          *cobalt_dose_list_model_get_site_id   (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_site_id   (CobaltDoseListModel *self,
                                                           const char          *site_id);
int                  cobalt_dose_list_model_get_given_by  (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_given_by  (CobaltDoseListModel *self,
                                                           int                  given_by);
gboolean             cobalt_dose_list_model_get_with_reactions (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_with_reactions (CobaltDoseListModel *self,
                                                           gboolean             with_reactions);
const char          *cobalt_dose_list_model_get_search_text (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_search_text (CobaltDoseListModel *self,
                                                           const char          *text);
gboolean             cobalt_dose_list_model_get_include_aborted (CobaltDoseListModel *self);
void                 cobalt_dose_list_model_set_include_aborted (CobaltDoseListModel *self,
                                                           gboolean             include_aborted);

/* Runs the key query again (after a change the repository did not
 * announce, e.g. by another process). FALSE with @error when it failed;
 * the model then is empty. */
gboolean             cobalt_dose_list_model_reload        (CobaltDoseListModel *self,
                                                           GError             **error);
/* Position of the row with @key, or -1. */
int                  cobalt_dose_list_model_find          (CobaltDoseListModel *self,
                                                           gint64               key);
/* The last error from loading or fetching, or NULL. */
const GError        *cobalt_dose_list_model_get_error     (CobaltDoseListModel *self);

G_END_DECLS
