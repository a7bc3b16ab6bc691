/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* More rows than this are refused: split the file. */
#define CV_CSV_MAX_ROWS 100000
/* Nor is a file larger than this read at all (100,000 long rows fit). */
#define CV_CSV_MAX_BYTES (G_GUINT64_CONSTANT (256) * 1024 * 1024)

typedef struct _CvCsvTable CvCsvTable;

CvCsvTable   *cv_csv_table_read           (const char   *data,
                                           gsize         length,
                                           char          separator,
                                           GError      **error);
void          cv_csv_table_free           (CvCsvTable   *table);
char          cv_csv_table_get_separator  (CvCsvTable   *table);
const char   *cv_csv_table_get_encoding   (CvCsvTable   *table);
guint         cv_csv_table_get_n_columns  (CvCsvTable   *table);
const char   *cv_csv_table_get_heading    (CvCsvTable   *table,
                                           guint         column);
guint         cv_csv_table_get_n_rows     (CvCsvTable   *table);
guint         cv_csv_table_get_n_values   (CvCsvTable   *table,
                                           guint         row);
const char   *cv_csv_table_get_value      (CvCsvTable   *table,
                                           guint         row,
                                           guint         column);
guint         cv_csv_table_get_line       (CvCsvTable   *table,
                                           guint         row);

char          cv_csv_detect_separator     (const char   *text,
                                           gsize         length);
char         *cv_csv_to_utf8              (const char   *data,
                                           gsize         length,
                                           gsize        *out_length,
                                           const char  **encoding,
                                           GError      **error);

/* Writing: a row at a time into a string that starts with a BOM. */
GString      *cv_csv_begin                (void);
void          cv_csv_append_row           (GString            *csv,
                                           const char * const *values,
                                           guint               n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvCsvTable, cv_csv_table_free)

G_END_DECLS
