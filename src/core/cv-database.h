/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this Convene writes; older files are migrated up to it. */
#define CV_DATABASE_SCHEMA_VERSION 13

#define CV_TYPE_DATABASE (cv_database_get_type ())
G_DECLARE_FINAL_TYPE (CvDatabase, cv_database, CV, DATABASE, GObject)

typedef struct _CvStatement CvStatement;

/**
 * CvStep:
 * @CV_STEP_ROW: the statement produced a row
 * @CV_STEP_DONE: the statement has finished
 * @CV_STEP_ERROR: the statement failed; the error is set
 *
 * Keeps "no more rows" and "failure" apart, which a plain gboolean cannot.
 */
typedef enum
{
  CV_STEP_ROW,
  CV_STEP_DONE,
  CV_STEP_ERROR,
} CvStep;

char         *cv_database_default_path      (void);
CvDatabase   *cv_database_open              (const char   *path,
                                             GError      **error);
CvDatabase   *cv_database_open_at_version   (const char   *path,
                                             int           version,
                                             GError      **error);
CvDatabase   *cv_database_open_reader       (const char   *path,
                                             GError      **error);
const char   *cv_database_get_path          (CvDatabase   *self);
int           cv_database_get_schema_version (CvDatabase  *self);
sqlite3      *cv_database_get_handle        (CvDatabase   *self);

gboolean      cv_database_exec              (CvDatabase   *self,
                                             const char   *sql,
                                             GError      **error);
CvStatement  *cv_database_prepare           (CvDatabase   *self,
                                             const char   *sql,
                                             GError      **error);

gboolean      cv_database_is_read_only      (CvDatabase   *self);
gboolean      cv_database_begin_read        (CvDatabase   *self,
                                             GError      **error);
gboolean      cv_database_begin             (CvDatabase   *self,
                                             GError      **error);
gboolean      cv_database_commit            (CvDatabase   *self,
                                             GError      **error);
void          cv_database_rollback          (CvDatabase   *self);

sqlite3_stmt *cv_statement_get_stmt         (CvStatement  *self);
CvStep        cv_statement_step             (CvStatement  *self,
                                             GError      **error);
gboolean      cv_statement_run              (CvStatement  *self,
                                             GError      **error);
void          cv_statement_bind_text        (CvStatement  *self,
                                             int           index,
                                             const char   *value);
void          cv_statement_bind_int64       (CvStatement  *self,
                                             int           index,
                                             gint64        value);
void          cv_statement_bind_double      (CvStatement  *self,
                                             int           index,
                                             double        value);
const char   *cv_statement_column_text      (CvStatement  *self,
                                             int           column);
gint64        cv_statement_column_int64     (CvStatement  *self,
                                             int           column);
double        cv_statement_column_double    (CvStatement  *self,
                                             int           column);
gboolean      cv_statement_column_is_null   (CvStatement  *self,
                                             int           column);
void          cv_statement_release          (CvStatement  *self);

void          cv_set_database_error         (GError      **error,
                                             sqlite3      *handle,
                                             int           rc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvStatement, cv_statement_release)

G_END_DECLS
