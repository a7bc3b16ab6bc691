/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_CONTRIBUTION_ROW (cv_contribution_row_get_type ())
G_DECLARE_FINAL_TYPE (CvContributionRow, cv_contribution_row, CV, CONTRIBUTION_ROW, GtkListBoxRow)

GtkWidget *cv_contribution_row_new              (CvStore           *store,
                                                 CvRecord          *contribution);
CvRecord  *cv_contribution_row_get_contribution (CvContributionRow *self);
void       cv_contribution_row_set_being_edited (CvContributionRow *self,
                                                 gboolean           being_edited);

G_END_DECLS
