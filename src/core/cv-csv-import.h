/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-csv.h"
#include "cv-store.h"

G_BEGIN_DECLS

/* What a column of the file is read as. */
typedef enum
{
  CV_CSV_IGNORE,
  CV_CSV_NAME,
  CV_CSV_FIRST_NAME,
  CV_CSV_LAST_NAME,
  CV_CSV_KIND,
  CV_CSV_ORGANISATION,
  CV_CSV_ROLE,
  CV_CSV_SECTOR,
  CV_CSV_EMAIL,
  CV_CSV_PHONE,
  CV_CSV_INFLUENCE,
  CV_CSV_INTEREST,
  CV_CSV_ENGAGEMENT,
  CV_CSV_TAGS,
  CV_CSV_CONSENT,
  CV_CSV_CONSENT_ON,
  CV_CSV_NAMED_TO_PARTNERS,
  CV_CSV_NOTES,
  CV_CSV_N_TARGETS
} CvCsvTarget;

typedef enum
{
  CV_CSV_WRITE_ALL_OR_NOTHING = 0,
  CV_CSV_WRITE_VALID_ROWS     = 1 << 0,  /* leave out the rows with problems */
  CV_CSV_WRITE_MERGE          = 1 << 1,  /* fill in likely duplicates rather than skip them */
} CvCsvWriteFlags;

typedef struct _CvCsvImport CvCsvImport;
typedef struct _CvCsvUndo   CvCsvUndo;

/* Called now and then with how many rows are done out of how many. */
typedef void (*CvCsvProgress) (guint64  done,
                               guint64  total,
                               gpointer user_data);

const char   *cv_csv_target_label          (CvCsvTarget   target);
CvCsvTarget   cv_csv_target_for_heading    (const char   *heading);

CvCsvImport  *cv_csv_import_new            (const char   *programme_id,
                                            const char   *data,
                                            gsize         length,
                                            char          separator,
                                            GError      **error);
CvCsvImport  *cv_csv_import_new_for_file   (const char   *programme_id,
                                            GFile        *file,
                                            char          separator,
                                            GCancellable *cancellable,
                                            GError      **error);
void          cv_csv_import_free           (CvCsvImport  *self);

CvCsvTable   *cv_csv_import_get_table      (CvCsvImport  *self);
CvCsvTarget   cv_csv_import_get_target     (CvCsvImport  *self,
                                            guint         column);
void          cv_csv_import_set_target     (CvCsvImport  *self,
                                            guint         column,
                                            CvCsvTarget   target);

gboolean      cv_csv_import_check          (CvCsvImport  *self,
                                            CvStore      *store,
                                            GError      **error);
guint         cv_csv_import_get_n_valid    (CvCsvImport  *self);
guint         cv_csv_import_get_n_new_organisations (CvCsvImport *self);
GPtrArray    *cv_csv_import_get_problems   (CvCsvImport  *self);
GPtrArray    *cv_csv_import_get_duplicates (CvCsvImport  *self);
gboolean      cv_csv_import_row_has_problem (CvCsvImport *self,
                                            guint         row);
char         *cv_csv_import_get_stored     (CvCsvImport  *self,
                                            guint         row,
                                            CvCsvTarget   target);

CvCsvUndo    *cv_csv_import_write          (CvCsvImport    *self,
                                            CvStore        *store,
                                            CvCsvWriteFlags flags,
                                            CvCsvProgress   progress,
                                            gpointer        user_data,
                                            GCancellable   *cancellable,
                                            GError        **error);

char         *cv_csv_undo_describe         (CvCsvUndo    *undo);
guint         cv_csv_undo_get_n_added      (CvCsvUndo    *undo);
gboolean      cv_csv_undo_apply            (CvStore      *store,
                                            gpointer      undo,
                                            GError      **error);
void          cv_csv_undo_free             (CvCsvUndo    *undo);

gboolean      cv_csv_write_template        (GFile        *file,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvCsvImport, cv_csv_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvCsvUndo, cv_csv_undo_free)

G_END_DECLS
