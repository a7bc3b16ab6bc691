/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-csv-import.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_CSV_IMPORT_DIALOG (cv_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvCsvImportDialog, cv_csv_import_dialog, CV, CSV_IMPORT_DIALOG, AdwWindow)

void               cv_csv_import_dialog_open       (GtkWidget          *near,
                                                    CvStore            *store,
                                                    CvTrash            *trash,
                                                    const char         *programme_id,
                                                    GFile              *file);
CvCsvImport       *cv_csv_import_dialog_get_import (CvCsvImportDialog  *self);
AdwComboRow       *cv_csv_import_dialog_get_column_row (CvCsvImportDialog *self,
                                                    guint               column);

G_END_DECLS
