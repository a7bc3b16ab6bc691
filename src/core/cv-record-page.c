/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The lists a record's page shows that grow with the programme (a theme
 * raised 4,000 times, a stakeholder at 300 sessions), read a page at a time.
 * The length of a list is one count over an index, so it is right after any
 * insert, delete, merge or undo without keeping a tally anywhere.
 */
#include "config.h"

#include "cv-action.h"
#include "cv-attendance.h"
#include "cv-contribution.h"
#include "cv-reader.h"
#include "cv-record-page.h"
#include "cv-session.h"

typedef struct
{
  const char *ids;     /* ?1 the key, ?2 how many, ?3 how many to skip */
  const char *count;   /* ?1 the key; answered from an index */
} PagedQuery;

static const PagedQuery queries[] = {
  [CV_PAGED_THEME_CONTRIBUTIONS] = {
    "SELECT c.id FROM contribution_theme ct JOIN contribution c ON c.id = ct.contribution_id"
    " JOIN session s ON s.id = c.session_id WHERE ct.value = ?1"
    " ORDER BY s.starts_at, c.rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM contribution_theme WHERE value = ?1" },
  [CV_PAGED_THEME_ACTIONS] = {
    "SELECT a.id FROM action_theme at JOIN action a ON a.id = at.action_id WHERE at.value = ?1"
    " ORDER BY a.due_on IS NULL, a.due_on, a.rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM action_theme WHERE value = ?1" },
  [CV_PAGED_SESSION_ATTENDANCE] = {
    "SELECT id FROM attendance WHERE session_id = ?1 ORDER BY rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM attendance WHERE session_id = ?1" },
  [CV_PAGED_SESSION_CONTRIBUTIONS] = {
    "SELECT id FROM contribution WHERE session_id = ?1 ORDER BY rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM contribution WHERE session_id = ?1" },
  [CV_PAGED_SESSION_ACTIONS] = {
    "SELECT id FROM action WHERE session_id = ?1 ORDER BY rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM action WHERE session_id = ?1" },
  [CV_PAGED_STAKEHOLDER_SESSIONS] = {
    "SELECT s.id FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.stakeholder_id = ?1"
    " ORDER BY s.starts_at DESC, s.rowid DESC LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM attendance WHERE stakeholder_id = ?1" },
  [CV_PAGED_STAKEHOLDER_ACTIONS] = {
    "SELECT id FROM action WHERE owner_id = ?1 ORDER BY rowid LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM action WHERE owner_id = ?1" },
  /* Anonymous words name nobody: their stakeholder_id is NULL. */
  [CV_PAGED_STAKEHOLDER_CONTRIBUTIONS] = {
    "SELECT c.id FROM contribution c LEFT JOIN session s ON s.id = c.session_id WHERE c.stakeholder_id = ?1"
    " ORDER BY s.starts_at DESC, c.rowid DESC LIMIT ?2 OFFSET ?3",
    "SELECT count(*) FROM contribution WHERE stakeholder_id = ?1" },
};

GType
cv_paged_list_record_type (CvPagedList list)
{
  switch (list)
    {
    case CV_PAGED_THEME_CONTRIBUTIONS:
    case CV_PAGED_SESSION_CONTRIBUTIONS:
    case CV_PAGED_STAKEHOLDER_CONTRIBUTIONS:
      return CV_TYPE_CONTRIBUTION;
    case CV_PAGED_THEME_ACTIONS:
    case CV_PAGED_SESSION_ACTIONS:
    case CV_PAGED_STAKEHOLDER_ACTIONS:
      return CV_TYPE_ACTION;
    case CV_PAGED_SESSION_ATTENDANCE:
      return CV_TYPE_ATTENDANCE;
    case CV_PAGED_STAKEHOLDER_SESSIONS:
      return CV_TYPE_SESSION;
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

void
cv_record_page_free (CvRecordPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->records, g_ptr_array_unref);
  g_free (page);
}

static CvRecordPage *
load_page (CvStore       *store,
           CvPagedList    list,
           const char    *key,
           guint          offset,
           guint          limit,
           GCancellable  *cancellable,
           GError       **error)
{
  CvDatabase *db = cv_store_get_database (store);
  g_autoptr(CvRecordPage) page = g_new0 (CvRecordPage, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CvStatement) st = NULL;
  GType type = cv_paged_list_record_type (list);
  CvStep step;

  page->records = g_ptr_array_new_with_free_func (g_object_unref);

  st = cv_database_prepare (db, queries[list].count, error);
  if (st == NULL || cv_statement_step ((cv_statement_bind_text (st, 1, key), st), error) != CV_STEP_ROW)
    return NULL;
  page->total = cv_statement_column_int64 (st, 0);
  g_clear_pointer (&st, cv_statement_release);

  st = cv_database_prepare (db, queries[list].ids, error);
  if (st == NULL)
    return NULL;
  cv_statement_bind_text (st, 1, key);
  cv_statement_bind_int64 (st, 2, limit);
  cv_statement_bind_int64 (st, 3, offset);
  while ((step = cv_statement_step (st, error)) == CV_STEP_ROW)
    g_ptr_array_add (ids, g_strdup (cv_statement_column_text (st, 0)));
  if (step == CV_STEP_ERROR)
    return NULL;
  g_clear_pointer (&st, cv_statement_release);

  for (guint i = 0; i < ids->len; i++)
    {
      CvRecord *record;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      record = cv_store_load (store, type, g_ptr_array_index (ids, i), error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (page->records, record);
    }
  return g_steal_pointer (&page);
}

/**
 * cv_record_page_load:
 * @key: the id of the theme, session or stakeholder whose list it is
 * @offset: how many records of the list to skip
 * @limit: how many to read at most
 *
 * Reads one page of a list and the list's length, both in one read
 * transaction so that they agree.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
CvRecordPage *
cv_record_page_load (CvStore     *store,
                     CvPagedList  list,
                     const char  *key,
                     guint        offset,
                     guint        limit,
                     GError     **error)
{
  CvDatabase *db;
  CvRecordPage *page;

  g_return_val_if_fail (CV_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint)list < G_N_ELEMENTS (queries), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  db = cv_store_get_database (store);
  if (!cv_database_begin_read (db, error))
    return NULL;
  page = load_page (store, list, key, offset, limit, NULL, error);
  if (page == NULL)
    {
      cv_database_rollback (db);
      return NULL;
    }
  if (!cv_database_commit (db, error))
    {
      cv_record_page_free (page);
      return NULL;
    }
  return page;
}

typedef struct
{
  CvPagedList  list;
  char        *key;
  guint        offset;
  guint        limit;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_free (request->key);
  g_free (request);
}

static gpointer
load_in_thread (CvStore       *reader,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  PageRequest *request = data;

  return load_page (reader, request->list, request->key, request->offset, request->limit, cancellable, error);
}

/**
 * cv_record_page_load_async:
 *
 * As cv_record_page_load(), in a worker thread (cv_reader_run_async());
 * a request cancelled before it finished reports %G_IO_ERROR_CANCELLED.
 */
void
cv_record_page_load_async (CvStore             *store,
                           CvPagedList          list,
                           const char          *key,
                           guint                offset,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  PageRequest *request;

  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail ((guint)list < G_N_ELEMENTS (queries));
  g_return_if_fail (key != NULL);

  request = g_new0 (PageRequest, 1);
  request->list = list;
  request->key = g_strdup (key);
  request->offset = offset;
  request->limit = limit;
  cv_reader_run_async (store, load_in_thread, request, (GDestroyNotify)page_request_free,
                       (GDestroyNotify)cv_record_page_free, cancellable, callback, user_data);
}

/* Returns: (transfer full): the page, or %NULL with @error set */
CvRecordPage *
cv_record_page_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  return cv_reader_run_finish (result, error);
}
