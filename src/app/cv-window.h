/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-exchange.h"
#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_WINDOW (cv_window_get_type ())
G_DECLARE_FINAL_TYPE (CvWindow, cv_window, CV, WINDOW, AdwApplicationWindow)

CvWindow   *cv_window_new                  (GtkApplication *application,
                                            CvStore       *store,
                                            const char    *problem);
const char *cv_window_get_programme_id     (CvWindow      *self);
void        cv_window_set_programme        (CvWindow      *self,
                                            const char    *programme_id);
void        cv_window_import_file          (CvWindow      *self,
                                            GFile         *file);
void        cv_window_export_file          (CvWindow      *self,
                                            CvExportKind   kind,
                                            GFile         *file);
void        cv_window_show_view            (CvWindow      *self,
                                            const char    *name);
void        cv_window_open_record          (CvWindow      *self,
                                            const char    *table,
                                            const char    *id);

G_END_DECLS
