/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* The lists that can be taken out to a spreadsheet. */
typedef enum
{
  CV_CSV_STAKEHOLDERS,
  CV_CSV_SESSIONS,
  CV_CSV_ATTENDANCE,
  CV_CSV_CONTRIBUTIONS,
  CV_CSV_ACTIONS,
  CV_CSV_MEASURES,
  CV_CSV_N_LISTS
} CvCsvList;

gboolean   cv_csv_list_from_name     (const char   *name,
                                      CvCsvList    *list);
const char *cv_csv_list_get_name     (CvCsvList     list);
GType      cv_csv_list_get_record_type (CvCsvList   list);

GString   *cv_csv_export_records     (CvStore      *store,
                                      CvCsvList     list,
                                      GListModel   *records,
                                      gboolean      partner,
                                      GError      **error);
GString   *cv_csv_export_programme   (CvStore      *store,
                                      const char   *programme_id,
                                      CvCsvList     list,
                                      gboolean      partner,
                                      GError      **error);
GString   *cv_csv_export_contacts    (CvStore      *store,
                                      const char   *programme_id,
                                      const char   *purpose,
                                      const char   *today,
                                      guint        *left_out,
                                      GError      **error);
gboolean   cv_csv_save               (GString      *csv,
                                      GFile        *file,
                                      GError      **error);

G_END_DECLS
