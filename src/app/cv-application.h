/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-window.h"

G_BEGIN_DECLS

#define CV_TYPE_APPLICATION (cv_application_get_type ())
G_DECLARE_FINAL_TYPE (CvApplication, cv_application, CV, APPLICATION, AdwApplication)

void           cv_application_setup_i18n         (void);
CvApplication *cv_application_new                (void);
const char    *cv_application_get_database_path  (CvApplication *self);
void           cv_application_set_database_path  (CvApplication *self,
                                                  const char    *path);
CvStore       *cv_application_get_store          (CvApplication *self,
                                                  GError       **error);
CvWindow      *cv_application_new_window         (CvApplication *self);

G_END_DECLS
