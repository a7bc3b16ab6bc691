/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Import and export on a worker thread with a database connection of its
 * own, so that a county-sized file never holds up the window. WAL lets the
 * window's connection read while the worker writes; the worker's import is
 * one transaction, so the window sees all of it or none.
 */
#include "config.h"

#include "cv-duplicates.h"
#include "cv-exchange.h"

typedef struct
{
  char               *database_path;
  char               *programme_id;   /* what to export */
  CvExportKind        kind;
  GFile              *file;           /* the file written or read */
  GBytes             *data;           /* or the bytes to import */
  CvExchangeProgress  progress;
  gpointer            progress_data;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database_path);
  g_free (job->programme_id);
  g_clear_object (&job->file);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_free (job);
}

static Job *
job_new (CvStore            *store,
         CvExchangeProgress  progress,
         gpointer            progress_data)
{
  Job *job = g_new0 (Job, 1);

  job->database_path = g_strdup (cv_database_get_path (cv_store_get_database (store)));
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (job->database_path, &error);
  CvImportSummary *summary = NULL;

  if (store != NULL && job->file != NULL)
    summary = cv_exchange_import_file (store, job->file, job->progress, job->progress_data, cancellable, &error);
  else if (store != NULL)
    summary = cv_exchange_import_data (store, g_bytes_get_data (job->data, NULL), g_bytes_get_size (job->data),
                                       job->progress, job->progress_data, cancellable, &error);
  /* Someone a partner's file holds under another id than ours is not to be
   * doubled silently: count who may already have been here, to offer a merge. */
  if (summary != NULL && cv_import_summary_get_added_people (summary)->len > 0)
    {
      g_autoptr(GError) scan_error = NULL;
      g_autoptr(GPtrArray) pairs = cv_duplicates_find (cv_store_get_database (store),
                                                       cv_import_summary_get_programme_id (summary),
                                                       NULL, NULL, cancellable, &scan_error);

      if (pairs != NULL)
        cv_import_summary_set_possible_duplicates (summary, cv_duplicates_count_involving (
                                                     pairs, cv_import_summary_get_added_people (summary)));
      else
        g_debug ("Could not look for duplicates after the import: %s", scan_error->message);
    }
  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify)cv_import_summary_free);
}

/**
 * cv_exchange_import_async:
 * @store: the database to import into (the import opens its own connection)
 * @file: (nullable): the programme file, or %NULL to import @data
 * @data: (nullable): the file's bytes, when there is no @file
 * @progress: (nullable): called on the worker thread now and then
 * @cancellable: (nullable): stops the import; nothing is then written
 *
 * Imports a programme file on a worker thread. Finish with
 * cv_exchange_import_finish() in @callback, on the calling thread.
 */
void
cv_exchange_import_async (CvStore             *store,
                          GFile               *file,
                          GBytes              *data,
                          CvExchangeProgress   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail ((file != NULL) != (data != NULL));

  job = job_new (store, progress, progress_data);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->data = data != NULL ? g_bytes_ref (data) : NULL;
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cv_exchange_import_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * cv_exchange_import_finish:
 *
 * On success, tells @store's listeners that records changed, so that views
 * on this connection show what the worker wrote.
 *
 * Returns: (transfer full): what was imported, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when it was stopped)
 */
CvImportSummary *
cv_exchange_import_finish (CvStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  CvImportSummary *summary;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  summary = g_task_propagate_pointer (G_TASK (result), error);
  if (summary != NULL)
    cv_exchange_announce (store);
  return summary;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvStore) store = cv_store_open (job->database_path, &error);

  if (store == NULL || !cv_exchange_export_file (store, job->programme_id, job->kind, job->file, job->progress,
                                                 job->progress_data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cv_exchange_export_async:
 * @progress: (nullable): called on the worker thread now and then
 * @cancellable: (nullable): stops the export; no file is then written
 *
 * Writes @programme_id to @file on a worker thread, as
 * cv_exchange_export_file() does. Finish with cv_exchange_export_finish().
 */
void
cv_exchange_export_async (CvStore             *store,
                          const char          *programme_id,
                          CvExportKind         kind,
                          GFile               *file,
                          CvExchangeProgress   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (programme_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = job_new (store, progress, progress_data);
  job->programme_id = g_strdup (programme_id);
  job->kind = kind;
  job->file = g_object_ref (file);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, cv_exchange_export_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cv_exchange_export_finish (CvStore       *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
