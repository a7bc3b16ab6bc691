/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cv-store.h"

G_BEGIN_DECLS

/* The version of the file format this Convene writes and the newest it reads. */
#define CV_EXCHANGE_FORMAT_VERSION 1

/* In a partner export, what was said at a session travels with the session
 * only when at least this many people attended it. */
#define CV_EXCHANGE_MIN_CROWD 5

typedef enum
{
  CV_EXPORT_PARTNER,   /* no personal data: for partner organisations */
  CV_EXPORT_FULL,      /* everything: a backup */
} CvExportKind;

/* Called now and then with how many records are done out of how many. */
typedef void (*CvExchangeProgress) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

typedef struct _CvImportSummary CvImportSummary;

gboolean         cv_exchange_export_stream  (CvStore             *store,
                                             const char          *programme_id,
                                             CvExportKind         kind,
                                             const char          *exported_at,
                                             GOutputStream       *stream,
                                             CvExchangeProgress   progress,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
gboolean         cv_exchange_export_file    (CvStore             *store,
                                             const char          *programme_id,
                                             CvExportKind         kind,
                                             GFile               *file,
                                             CvExchangeProgress   progress,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

CvImportSummary *cv_exchange_import_data    (CvStore             *store,
                                             const char          *data,
                                             gsize                length,
                                             CvExchangeProgress   progress,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
CvImportSummary *cv_exchange_import_file    (CvStore             *store,
                                             GFile               *file,
                                             CvExchangeProgress   progress,
                                             gpointer             user_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

void             cv_exchange_import_async   (CvStore             *store,
                                             GFile               *file,
                                             GBytes              *data,
                                             CvExchangeProgress   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
CvImportSummary *cv_exchange_import_finish  (CvStore             *store,
                                             GAsyncResult        *result,
                                             GError             **error);
void             cv_exchange_export_async   (CvStore             *store,
                                             const char          *programme_id,
                                             CvExportKind         kind,
                                             GFile               *file,
                                             CvExchangeProgress   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean         cv_exchange_export_finish  (CvStore             *store,
                                             GAsyncResult        *result,
                                             GError             **error);
GPtrArray       *cv_import_summary_get_added_people (CvImportSummary *summary);
guint            cv_import_summary_get_possible_duplicates (CvImportSummary *summary);
void             cv_import_summary_set_possible_duplicates (CvImportSummary *summary,
                                                            guint            n);
const char      *cv_import_summary_get_programme_id (CvImportSummary *summary);
guint            cv_import_summary_count     (CvImportSummary *summary,
                                              const char      *key,
                                              const char      *what);
char            *cv_import_summary_describe  (CvImportSummary *summary);
void             cv_import_summary_free      (CvImportSummary *summary);

char            *cv_exchange_describe_partner_export (CvStore     *store,
                                                      const char  *programme_id,
                                                      GError     **error);
void             cv_exchange_set_read_limit  (guint64      bytes);
void             cv_exchange_announce        (CvStore     *store);
JsonNode        *cv_exchange_record_to_node  (CvRecord    *record,
                                              gboolean     partner);
char            *cv_exchange_find_programme  (CvStore     *store,
                                              const char  *name_or_id,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvImportSummary, cv_import_summary_free)

gboolean cv_exchange_smaller_sessions_pool (CvStore     *store,
                                           const char  *programme_id,
                                           gboolean    *pooled,
                                           GError     **error);

G_END_DECLS
