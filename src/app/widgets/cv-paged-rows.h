/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-record-page.h"

G_BEGIN_DECLS

#define CV_TYPE_PAGED_ROWS (cv_paged_rows_get_type ())
G_DECLARE_FINAL_TYPE (CvPagedRows, cv_paged_rows, CV, PAGED_ROWS, GtkWidget)

/* Makes the row (a GtkListBoxRow, often an AdwActionRow) that shows @record. */
typedef GtkWidget *(*CvPagedRowFunc) (CvRecord *record,
                                      gpointer  user_data);

void        cv_paged_rows_set_list      (CvPagedRows    *self,
                                         CvStore        *store,
                                         CvPagedList     list,
                                         CvPagedRowFunc  row_func,
                                         gpointer        user_data,
                                         const char     *empty_text);
void        cv_paged_rows_set_key       (CvPagedRows    *self,
                                         const char     *key);
void        cv_paged_rows_reload        (CvPagedRows    *self);
void        cv_paged_rows_show_more     (CvPagedRows    *self);
void        cv_paged_rows_set_page_size (CvPagedRows    *self,
                                         guint           page_size);
guint       cv_paged_rows_get_n_shown   (CvPagedRows    *self);
guint       cv_paged_rows_get_total     (CvPagedRows    *self);
gboolean    cv_paged_rows_is_loading    (CvPagedRows    *self);
GtkListBox *cv_paged_rows_get_list_box  (CvPagedRows    *self);

G_END_DECLS
