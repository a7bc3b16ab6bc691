/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-database.h"
#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_STORE (cv_store_get_type ())

/* The most bytes of UTF-8 text one field, or one entry of a list, may hold,
 * however it comes in: typed, from a spreadsheet or from a file. The
 * store's validation enforces it; every way in validates. */
#define CV_STORE_MAX_TEXT 1000000
G_DECLARE_FINAL_TYPE (CvStore, cv_store, CV, STORE, GObject)

/* What a deletion took with it, so that Undo can put all of it back. */
typedef struct _CvDeletion CvDeletion;

typedef gboolean (*CvStoreRecordFunc) (CvRecord  *record,
                                       gpointer   user_data,
                                       GError   **error);

CvStore      *cv_store_new                (CvDatabase   *database);
CvStore      *cv_store_open               (const char   *path,
                                           GError      **error);
CvDatabase   *cv_store_get_database       (CvStore      *self);

GType         cv_store_type_for_table     (const char   *table);
const CvRecordKind *cv_store_kind_for_table (const char *table);
const CvField *cv_record_kind_display_field (const CvRecordKind *kind);

gboolean      cv_store_validate           (CvStore      *self,
                                           CvRecord     *record,
                                           GError      **error);
gboolean      cv_store_check_text_size    (const char   *text,
                                           GError      **error);
gboolean      cv_store_validate_field     (CvStore      *self,
                                           CvRecord     *record,
                                           const char   *field,
                                           GError      **error);
gboolean      cv_store_insert             (CvStore      *self,
                                           CvRecord     *record,
                                           GError      **error);
gboolean      cv_store_update             (CvStore      *self,
                                           CvRecord     *record,
                                           GError      **error);
CvRecord     *cv_store_load               (CvStore      *self,
                                           GType         type,
                                           const char   *id,
                                           GError      **error);
CvRecord     *cv_store_load_by_rowid      (CvStore      *self,
                                           GType         type,
                                           gint64        rowid,
                                           GError      **error);
GPtrArray    *cv_store_list               (CvStore      *self,
                                           GType         type,
                                           const char   *field,
                                           const char   *value,
                                           GError      **error);
gboolean      cv_store_foreach            (CvStore      *self,
                                           GType         type,
                                           const char   *where,
                                           const char   *value,
                                           CvStoreRecordFunc func,
                                           gpointer      user_data,
                                           GError      **error);
gint64        cv_store_count_where        (CvStore      *self,
                                           GType         type,
                                           const char   *where,
                                           const char   *value,
                                           GError      **error);
gint64        cv_store_count              (CvStore      *self,
                                           GType         type,
                                           const char   *field,
                                           const char   *value,
                                           GError      **error);
char         *cv_store_get_display_name   (CvStore      *self,
                                           const char   *table,
                                           const char   *id);
char         *cv_store_programme_of       (CvStore      *self,
                                           const char   *table,
                                           const char   *id);
gint64        cv_store_rowid_of           (CvStore      *self,
                                           const char   *table,
                                           const char   *id);

gboolean      cv_store_write_unchecked    (CvStore      *self,
                                           CvRecord     *record,
                                           gboolean      replace_existing,
                                           GError      **error);
void          cv_store_announce           (CvStore      *self,
                                           const char   *table);

CvDeletion   *cv_store_delete             (CvStore      *self,
                                           CvRecord     *record,
                                           GError      **error);
gboolean      cv_store_restore            (CvStore      *self,
                                           CvDeletion   *deletion,
                                           GError      **error);
void          cv_deletion_free            (CvDeletion   *deletion);
guint         cv_deletion_get_n_records   (CvDeletion   *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvDeletion, cv_deletion_free)

/* What a kind's write hooks (CvRecordClass.prepare_write, .finish_write)
 * learn of the write they take part in, and what they add to it. */
gboolean cv_write_replaces   (CvWrite    *write);
gboolean cv_write_is_deletion (CvWrite   *write);
void     cv_write_add        (CvWrite    *write,
                              CvRecord   *record);
void     cv_write_announce   (CvWrite    *write,
                              const char *table,
                              const char *id);

G_END_DECLS
