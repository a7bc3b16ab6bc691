/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reads that can take longer than a frame run here, off the main thread: in
 * a GTask thread with a connection of their own, opened read-only on the
 * store's file. WAL lets them read a consistent state while the window's
 * connection writes, and a connection never crosses threads. The whole read
 * is one transaction, so counts and rows agree.
 */
#include "config.h"

#include "cv-reader.h"

typedef struct
{
  char           *path;
  CvReadFunc      read;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Read;

static void
read_free (Read *read)
{
  if (read->data_free != NULL)
    read->data_free (read->data);
  g_free (read->path);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Read *read = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CvDatabase) reader = NULL;
  g_autoptr(CvStore) store = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  reader = cv_database_open_reader (read->path, &error);
  if (reader != NULL && cv_database_exec (reader, "BEGIN", &error))
    {
      store = cv_store_new (reader);
      result = read->read (store, read->data, cancellable, &error);
      cv_database_exec (reader, "COMMIT", NULL);
    }
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, read->result_free);
}

/**
 * cv_reader_run_async:
 * @read: the read, called in a worker thread
 * @data: (transfer full): what @read needs, owned by the request
 * @result_free: frees a result nobody took (a cancelled request's)
 *
 * @callback runs in the calling thread's main context. A request cancelled
 * before it finished reports %G_IO_ERROR_CANCELLED, even when its thread got
 * to the end: a view can cancel an older request for a newer one and never
 * see the older answer.
 */
void
cv_reader_run_async (CvStore             *store,
                     CvReadFunc           read_func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Read *read;

  g_return_if_fail (CV_IS_STORE (store));
  g_return_if_fail (read_func != NULL);

  read = g_new0 (Read, 1);
  read->path = g_strdup (cv_database_get_path (cv_store_get_database (store)));
  read->read = read_func;
  read->data = data;
  read->data_free = data_free;
  read->result_free = result_free;

  /* No source object: the worker's reference to it could be the last one,
   * and the store must not be finalized in the worker thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cv_reader_run_async);
  g_task_set_task_data (task, read, (GDestroyNotify)read_free);
  g_task_run_in_thread (task, read_in_thread);
}

/* Returns: (transfer full): the result of the read, or %NULL with @error set */
gpointer
cv_reader_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
