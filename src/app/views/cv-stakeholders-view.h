/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-csv-import-dialog.h"
#include "cv-duplicates-window.h"
#include "cv-retention-window.h"
#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_STAKEHOLDERS_VIEW (cv_stakeholders_view_get_type ())
G_DECLARE_FINAL_TYPE (CvStakeholdersView, cv_stakeholders_view, CV, STAKEHOLDERS_VIEW, GtkWidget)

void        cv_stakeholders_view_set_store        (CvStakeholdersView *self,
                                                   CvStore            *store,
                                                   CvTrash            *trash);
void        cv_stakeholders_view_set_programme    (CvStakeholdersView *self,
                                                   const char         *programme_id);
void        cv_stakeholders_view_new_stakeholder  (CvStakeholdersView *self);
void        cv_stakeholders_view_focus_search     (CvStakeholdersView *self);
void        cv_stakeholders_view_open             (CvStakeholdersView *self,
                                                   const char         *stakeholder_id);
void        cv_stakeholders_view_delete_selected  (CvStakeholdersView *self);
CvDuplicatesWindow *cv_stakeholders_view_show_duplicates (CvStakeholdersView *self);
void        cv_stakeholders_view_erase            (CvStakeholdersView *self,
                                                   const char         *stakeholder_id);
void        cv_stakeholders_view_save_pending     (CvStakeholdersView *self);
gboolean    cv_stakeholders_view_is_searching     (CvStakeholdersView *self);
GListModel *cv_stakeholders_view_get_model        (CvStakeholdersView *self);
void        cv_stakeholders_view_import_file      (CvStakeholdersView *self,
                                                   GFile              *file);

void          cv_stakeholders_view_show_consent_due (CvStakeholdersView *self);
CvRetentionWindow *cv_stakeholders_view_show_retention (CvStakeholdersView *self);

G_END_DECLS
