/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_RECORD_LIST (cv_record_list_get_type ())
G_DECLARE_FINAL_TYPE (CvRecordList, cv_record_list, CV, RECORD_LIST, GObject)

CvRecordList *cv_record_list_new           (CvStore      *store,
                                            GType         type);
void          cv_record_list_set_programme (CvRecordList *self,
                                            const char   *programme_id);
void          cv_record_list_set_search    (CvRecordList *self,
                                            const char   *text);
void          cv_record_list_set_filter    (CvRecordList *self,
                                            const char   *field,
                                            const char   *value);
void          cv_record_list_set_range     (CvRecordList *self,
                                            const char   *field,
                                            const char   *from,
                                            const char   *to);
void          cv_record_list_set_excluded  (CvRecordList *self,
                                            const char   *field,
                                            const char * const *values);
void          cv_record_list_set_sort      (CvRecordList *self,
                                            const char   *field,
                                            gboolean      descending);
void          cv_record_list_set_empty_last (CvRecordList *self,
                                            gboolean      empty_last);
gboolean      cv_record_list_refresh       (CvRecordList *self,
                                            GError      **error);
void          cv_record_list_refresh_async (CvRecordList *self,
                                            GAsyncReadyCallback callback,
                                            gpointer      user_data);
gboolean      cv_record_list_refresh_finish (CvRecordList *self,
                                            GAsyncResult *result,
                                            GError      **error);
gboolean      cv_record_list_is_refreshing (CvRecordList *self);
guint         cv_record_list_find          (CvRecordList *self,
                                            const char   *id);
guint         cv_record_list_get_n_total   (CvRecordList *self);
gboolean      cv_record_list_is_narrowed   (CvRecordList *self);
const char   *cv_record_list_get_search    (CvRecordList *self);

char         *cv_search_to_fts_query       (const char   *text);

G_END_DECLS
