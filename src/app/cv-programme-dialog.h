/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_PROGRAMME_DIALOG (cv_programme_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CvProgrammeDialog, cv_programme_dialog, CV, PROGRAMME_DIALOG, AdwWindow)

CvProgrammeDialog *cv_programme_dialog_new (GtkWindow *parent,
                                            CvStore   *store,
                                            CvRecord  *programme);

G_END_DECLS
