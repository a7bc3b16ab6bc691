/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-csv-export.h"

G_BEGIN_DECLS

/* A list view's "Export as Spreadsheet…", written once for every view. */
void      cv_list_export_choose   (GtkWidget   *near,
                                   CvStore     *store,
                                   CvCsvList    list,
                                   GListModel  *records,
                                   const char  *file_name);
gboolean  cv_list_export_to_file  (GtkWidget   *near,
                                   CvStore     *store,
                                   CvCsvList    list,
                                   GListModel  *records,
                                   GFile       *file);
gboolean  cv_list_export_programme_to_file (GtkWidget  *near,
                                            CvStore    *store,
                                            const char *programme_id,
                                            CvCsvList   list,
                                            GFile      *file);
void      cv_list_export_programme_choose  (GtkWidget  *near,
                                            CvStore    *store,
                                            const char *programme_id,
                                            CvCsvList   list,
                                            const char *file_name);
void      cv_list_save_template_choose (GtkWidget *near);
void      cv_widget_show_toast    (GtkWidget   *near,
                                   const char  *title);

G_END_DECLS
