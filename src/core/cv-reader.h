/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* A read that may take longer than a frame, done in a worker thread. @reader
 * is a store over a read-only connection of the worker's own. Returns the
 * result, or %NULL with @error set. */
typedef gpointer (*CvReadFunc) (CvStore       *reader,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error);

void     cv_reader_run_async  (CvStore             *store,
                               CvReadFunc           read,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gpointer cv_reader_run_finish (GAsyncResult        *result,
                               GError             **error);

G_END_DECLS
