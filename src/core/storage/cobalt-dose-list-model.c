/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "cobalt-dose-list-model.h"

#define PAGE_SIZE   COBALT_LOG_FETCH_MAX
/* Enough for a tall window plus the view's look-ahead, both ways. */
#define MAX_PAGES   6
/* More rows added than this in one change: see set_keys(). */
#define LARGE_CHANGE (2 * PAGE_SIZE)

typedef struct
{
  guint      index;
  GPtrArray *entries;   /* CobaltLogEntry, PAGE_SIZE or fewer for the last page */
} Page;

struct _CobaltDoseListModel
{
  GObject           parent_instance;

  CobaltRepository *repository;
  gulong            changed_id;
  CobaltLogFetcher *fetcher;

  gint64            person_id;
  CobaltLogSort     sort;
  gboolean          descending;
  GDateTime        *from;
  GDateTime        *to;
  char             *site_id;
  int               given_by;
  gboolean          with_reactions;
  char             *search_text;
  gboolean          include_aborted;

  GArray           *keys;   /* gint64, in view order */
  GQueue            pages;  /* Page*, most recently used first */
  GError           *error;
  gboolean          constructed;
};

static void cobalt_dose_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CobaltDoseListModel, cobalt_dose_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cobalt_dose_list_model_list_model_init))

enum
{
  PROP_0,
  PROP_REPOSITORY,
  PROP_PERSON_ID,
  PROP_SORT,
  PROP_DESCENDING,
  PROP_FROM,
  PROP_TO,
  PROP_SITE_ID,
  PROP_GIVEN_BY,
  PROP_WITH_REACTIONS,
  PROP_SEARCH_TEXT,
  PROP_INCLUDE_ABORTED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers ------------------------------------------------------- */

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->entries);
  g_free (page);
}

static void
clear_pages (CobaltDoseListModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static gint64
to_us (GDateTime *dt,
       gint64     unset)
{
  if (dt == NULL)
    return unset;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static Page *
get_page (CobaltDoseListModel *self,
          guint                index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  Page *page;
  guint start = index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->keys->len - start);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  entries = cobalt_log_fetcher_fetch (self->fetcher, &g_array_index (self->keys, gint64, start),
                                      n, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the log: %s", error->message);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      entries = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* A row that vanished (another process removed the person) would leave a
   * hole: fill it so positions stay valid until the next reload. */
  if (entries->len != n)
    {
      g_autoptr(GPtrArray) fixed = g_ptr_array_new_full (n, g_object_unref);
      guint j = 0;

      for (guint i = 0; i < n; i++)
        {
          gint64 key = g_array_index (self->keys, gint64, start + i);
          CobaltLogEntry *entry = j < entries->len ? g_ptr_array_index (entries, j) : NULL;

          if (entry != NULL && entry->key == key)
            {
              g_ptr_array_add (fixed, g_object_ref (entry));
              j++;
            }
          else
            {
              g_autoptr(CobaltDose) dose = cobalt_dose_new ();

              dose->id = key;
              g_ptr_array_add (fixed, cobalt_log_entry_new_dose (dose, COBALT_LOG_CHECKLIST_NONE,
                                                                 0, NULL, -1));
            }
        }
      g_ptr_array_unref (entries);
      entries = g_steal_pointer (&fixed);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->entries = entries;
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

static void
fill_query (CobaltDoseListModel *self,
            CobaltLogQuery      *query)
{
  cobalt_log_query_init (query, self->person_id);
  query->from_us = to_us (self->from, G_MININT64);
  query->to_us = to_us (self->to, G_MAXINT64);
  query->site_id = self->site_id;
  query->given_by = self->given_by;
  query->with_reactions = self->with_reactions;
  query->text = self->search_text;
  query->include_aborted = self->include_aborted;
  query->sort = self->sort;
  query->descending = self->descending;
}

/* Replaces the keys and announces only the changed middle part, so a
 * deletion or an undo does not reset the view's scroll position. With
 * @rows_changed (the data changed, e.g. an entry was edited), the rows the
 * view fetched lately (the cached pages) are announced as replaced too. */
static void
set_keys (CobaltDoseListModel *self,
          GArray              *keys,
          gboolean             rows_changed)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->keys);
  guint prefix = 0, suffix = 0;
  guint n_old = old ? old->len : 0;
  guint n_new = keys->len;
  guint start, end_old;

  while (prefix < n_old && prefix < n_new &&
         g_array_index (old, gint64, prefix) == g_array_index (keys, gint64, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_array_index (old, gint64, n_old - 1 - suffix) == g_array_index (keys, gint64, n_new - 1 - suffix))
    suffix++;

  start = prefix;
  end_old = n_old - suffix;
  if (rows_changed)
    {
      for (GList *l = self->pages.head; l != NULL; l = l->next)
        {
          Page *page = l->data;
          guint first = page->index * PAGE_SIZE;

          start = MIN (start, first);
          end_old = MAX (end_old, MIN (n_old, first + page->entries->len));
        }
    }

  clear_pages (self);

  if (start >= end_old && n_old == n_new)
    {
      self->keys = keys;
      return;
    }

  if (end_old - start + n_new - n_old > LARGE_CHANGE)
    {
      /* A view (GTK 4.8's list item manager) looks for its scroll anchor
       * and focus among all the added rows when their rows were replaced,
       * which would fetch every page. Emptying first, then filling, costs
       * nothing; the view starts again at the top, as it should after a
       * new filter. */
      self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (n_old > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, 0);
      g_array_unref (self->keys);
      self->keys = keys;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_new);
    }
  else
    {
      self->keys = keys;
      g_list_model_items_changed (G_LIST_MODEL (self), start,
                                  end_old - start, end_old - start + n_new - n_old);
    }
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean reload (CobaltDoseListModel *self,
                        gboolean             rows_changed,
                        GError             **error);

static void
reload_or_warn (CobaltDoseListModel *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->constructed)
    return;
  if (!reload (self, FALSE, &error))
    g_warning ("Could not read the log: %s", error->message);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_date_time (GDateTime **field,
               GDateTime  *value)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

/* Callbacks ----------------------------------------------------------- */

static void
on_repository_changed_cb (CobaltRepository        *repository,
                          CobaltRepositoryChanges  changes,
                          CobaltDoseListModel     *self)
{
  g_autoptr(GError) error = NULL;

  /* Rows are doses with their reactions, and stopped runs; the person's
   * name and prescription show in them too. */
  if (!(changes & (COBALT_REPOSITORY_CHANGED_DOSES | COBALT_REPOSITORY_CHANGED_JOURNAL |
                   COBALT_REPOSITORY_CHANGED_CHECKLISTS | COBALT_REPOSITORY_CHANGED_PEOPLE |
                   COBALT_REPOSITORY_CHANGED_PRESCRIPTIONS)))
    return;
  if (!reload (self, TRUE, &error))
    g_warning ("Could not read the log: %s", error->message);
}

/* GListModel ---------------------------------------------------------- */

static GType
cobalt_dose_list_model_get_item_type (GListModel *model)
{
  return COBALT_TYPE_LOG_ENTRY;
}

static guint
cobalt_dose_list_model_get_n_items (GListModel *model)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (model);

  return self->keys ? self->keys->len : 0;
}

static gpointer
cobalt_dose_list_model_get_item (GListModel *model,
                                 guint       position)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (model);
  Page *page;

  if (self->keys == NULL || position >= self->keys->len)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->entries, position % PAGE_SIZE));
}

static void
cobalt_dose_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cobalt_dose_list_model_get_item_type;
  iface->get_n_items = cobalt_dose_list_model_get_n_items;
  iface->get_item = cobalt_dose_list_model_get_item;
}

/* GObject -------------------------------------------------------------- */

static void
cobalt_dose_list_model_constructed (GObject *object)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (object);

  G_OBJECT_CLASS (cobalt_dose_list_model_parent_class)->constructed (object);

  g_assert (self->repository != NULL);
  self->fetcher = cobalt_log_fetcher_new (self->repository);
  self->changed_id = g_signal_connect (self->repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  self->constructed = TRUE;
  reload_or_warn (self);
}

static void
cobalt_dose_list_model_dispose (GObject *object)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (object);

  if (self->repository != NULL)
    g_clear_signal_handler (&self->changed_id, self->repository);
  clear_pages (self);
  g_clear_pointer (&self->fetcher, cobalt_log_fetcher_free);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (cobalt_dose_list_model_parent_class)->dispose (object);
}

static void
cobalt_dose_list_model_finalize (GObject *object)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (object);

  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  g_clear_pointer (&self->site_id, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cobalt_dose_list_model_parent_class)->finalize (object);
}

static void
cobalt_dose_list_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:      g_value_set_object (value, self->repository); break;
    case PROP_PERSON_ID:       g_value_set_int64 (value, self->person_id); break;
    case PROP_SORT:            g_value_set_enum (value, self->sort); break;
    case PROP_DESCENDING:      g_value_set_boolean (value, self->descending); break;
    case PROP_FROM:            g_value_set_boxed (value, self->from); break;
    case PROP_TO:              g_value_set_boxed (value, self->to); break;
    case PROP_SITE_ID:         g_value_set_string (value, self->site_id); break;
    case PROP_GIVEN_BY:        g_value_set_int (value, self->given_by); break;
    case PROP_WITH_REACTIONS:  g_value_set_boolean (value, self->with_reactions); break;
    case PROP_SEARCH_TEXT:     g_value_set_string (value, self->search_text); break;
    case PROP_INCLUDE_ABORTED: g_value_set_boolean (value, self->include_aborted); break;
    case PROP_N_ITEMS:         g_value_set_uint (value, self->keys ? self->keys->len : 0); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_list_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CobaltDoseListModel *self = COBALT_DOSE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_PERSON_ID:
      cobalt_dose_list_model_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_SORT:
      cobalt_dose_list_model_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_DESCENDING:
      cobalt_dose_list_model_set_descending (self, g_value_get_boolean (value));
      break;
    case PROP_FROM:
      cobalt_dose_list_model_set_from (self, g_value_get_boxed (value));
      break;
    case PROP_TO:
      cobalt_dose_list_model_set_to (self, g_value_get_boxed (value));
      break;
    case PROP_SITE_ID:
      cobalt_dose_list_model_set_site_id (self, g_value_get_string (value));
      break;
    case PROP_GIVEN_BY:
      cobalt_dose_list_model_set_given_by (self, g_value_get_int (value));
      break;
    case PROP_WITH_REACTIONS:
      cobalt_dose_list_model_set_with_reactions (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_TEXT:
      cobalt_dose_list_model_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_INCLUDE_ABORTED:
      cobalt_dose_list_model_set_include_aborted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cobalt_dose_list_model_class_init (CobaltDoseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = cobalt_dose_list_model_constructed;
  object_class->dispose = cobalt_dose_list_model_dispose;
  object_class->finalize = cobalt_dose_list_model_finalize;
  object_class->get_property = cobalt_dose_list_model_get_property;
  object_class->set_property = cobalt_dose_list_model_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, COBALT_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SORT] =
    g_param_spec_enum ("sort", NULL, NULL, COBALT_TYPE_LOG_SORT, COBALT_LOG_SORT_WHEN, rw);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, TRUE, rw);
  properties[PROP_FROM] =
    g_param_spec_boxed ("from", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_TO] =
    g_param_spec_boxed ("to", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_SITE_ID] =
    g_param_spec_string ("site-id", NULL, NULL, NULL, rw);
  properties[PROP_GIVEN_BY] =
    g_param_spec_int ("given-by", NULL, NULL, -1, COBALT_GIVEN_BY_CLINIC, -1, rw);
  properties[PROP_WITH_REACTIONS] =
    g_param_spec_boolean ("with-reactions", NULL, NULL, FALSE, rw);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_INCLUDE_ABORTED] =
    g_param_spec_boolean ("include-aborted", NULL, NULL, TRUE, rw);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cobalt_dose_list_model_init (CobaltDoseListModel *self)
{
  self->sort = COBALT_LOG_SORT_WHEN;
  self->descending = TRUE;
  self->given_by = -1;
  self->include_aborted = TRUE;
  g_queue_init (&self->pages);
}

/* Public API ------------------------------------------------------------ */

CobaltDoseListModel *
cobalt_dose_list_model_new (CobaltRepository *repository,
                            gint64            person_id)
{
  g_return_val_if_fail (COBALT_IS_REPOSITORY (repository), NULL);

  return g_object_new (COBALT_TYPE_DOSE_LIST_MODEL,
                       "repository", repository,
                       "person-id", person_id,
                       NULL);
}

CobaltRepository *
cobalt_dose_list_model_get_repository (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->repository;
}

#define SIMPLE_SETTER(name, type, field, PROP)                                  \
  void                                                                          \
  cobalt_dose_list_model_set_##name (CobaltDoseListModel *self, type value)     \
  {                                                                             \
    g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));                        \
    if (self->field == value)                                                   \
      return;                                                                   \
    self->field = value;                                                        \
    reload_or_warn (self);                                                      \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);               \
  }                                                                             \
  type                                                                          \
  cobalt_dose_list_model_get_##name (CobaltDoseListModel *self)                 \
  {                                                                             \
    g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), 0);                 \
    return self->field;                                                         \
  }

SIMPLE_SETTER (person_id, gint64, person_id, PROP_PERSON_ID)
SIMPLE_SETTER (sort, CobaltLogSort, sort, PROP_SORT)
SIMPLE_SETTER (descending, gboolean, descending, PROP_DESCENDING)
SIMPLE_SETTER (given_by, int, given_by, PROP_GIVEN_BY)
SIMPLE_SETTER (with_reactions, gboolean, with_reactions, PROP_WITH_REACTIONS)
SIMPLE_SETTER (include_aborted, gboolean, include_aborted, PROP_INCLUDE_ABORTED)

void
cobalt_dose_list_model_set_sorting (CobaltDoseListModel *self,
                                    CobaltLogSort        sort,
                                    gboolean             descending)
{
  gboolean sort_changed, dir_changed;

  g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));

  descending = !!descending;
  sort_changed = self->sort != sort;
  dir_changed = self->descending != descending;
  if (!sort_changed && !dir_changed)
    return;
  self->sort = sort;
  self->descending = descending;
  reload_or_warn (self);
  if (sort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  if (dir_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
}

GDateTime *
cobalt_dose_list_model_get_from (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->from;
}

void
cobalt_dose_list_model_set_from (CobaltDoseListModel *self,
                                 GDateTime           *from)
{
  g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));
  if (!set_date_time (&self->from, from))
    return;
  reload_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
}

GDateTime *
cobalt_dose_list_model_get_to (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->to;
}

void
cobalt_dose_list_model_set_to (CobaltDoseListModel *self,
                               GDateTime           *to)
{
  g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));
  if (!set_date_time (&self->to, to))
    return;
  reload_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
}

const char *
cobalt_dose_list_model_get_site_id (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->site_id;
}

void
cobalt_dose_list_model_set_site_id (CobaltDoseListModel *self,
                                    const char          *site_id)
{
  g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));
  if (!set_string (&self->site_id, site_id))
    return;
  reload_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_ID]);
}

const char *
cobalt_dose_list_model_get_search_text (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->search_text;
}

void
cobalt_dose_list_model_set_search_text (CobaltDoseListModel *self,
                                        const char          *text)
{
  g_return_if_fail (COBALT_IS_DOSE_LIST_MODEL (self));
  if (!set_string (&self->search_text, text))
    return;
  reload_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static gboolean
reload (CobaltDoseListModel *self,
        gboolean             rows_changed,
        GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  CobaltLogQuery query;
  GArray *keys;

  fill_query (self, &query);
  keys = cobalt_log_query_keys (self->repository, &query, &local_error);
  g_clear_error (&self->error);
  if (keys == NULL)
    {
      self->error = g_error_copy (local_error);
      set_keys (self, g_array_new (FALSE, FALSE, sizeof (gint64)), rows_changed);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  set_keys (self, keys, rows_changed);
  return TRUE;
}

gboolean
cobalt_dose_list_model_reload (CobaltDoseListModel *self,
                               GError             **error)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), FALSE);

  return reload (self, TRUE, error);
}

int
cobalt_dose_list_model_find (CobaltDoseListModel *self,
                             gint64               key)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), -1);

  for (guint i = 0; self->keys != NULL && i < self->keys->len; i++)
    if (g_array_index (self->keys, gint64, i) == key)
      return i;
  return -1;
}

const GError *
cobalt_dose_list_model_get_error (CobaltDoseListModel *self)
{
  g_return_val_if_fail (COBALT_IS_DOSE_LIST_MODEL (self), NULL);
  return self->error;
}
