/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

#include "cv-record-editor.h"

G_BEGIN_DECLS

#define CV_TYPE_STAKEHOLDER_EDITOR (cv_stakeholder_editor_get_type ())
G_DECLARE_FINAL_TYPE (CvStakeholderEditor, cv_stakeholder_editor, CV, STAKEHOLDER_EDITOR, CvRecordEditor)

void        cv_stakeholder_editor_set_store     (CvStakeholderEditor *self,
                                                 CvStore             *store);
void        cv_stakeholder_editor_set_programme (CvStakeholderEditor *self,
                                                 const char          *programme_id);
void        cv_stakeholder_editor_set_record    (CvStakeholderEditor *self,
                                                 CvRecord            *record);
CvRecord   *cv_stakeholder_editor_get_record    (CvStakeholderEditor *self);
const char *cv_stakeholder_editor_get_id        (CvStakeholderEditor *self);
void        cv_stakeholder_editor_set_show_back (CvStakeholderEditor *self,
                                                 gboolean             show_back);
void        cv_stakeholder_editor_focus         (CvStakeholderEditor *self);
gboolean    cv_stakeholder_editor_save_pending  (CvStakeholderEditor *self);
gboolean    cv_stakeholder_editor_export_person (CvStakeholderEditor *self,
                                                 GFile               *pdf,
                                                 GError             **error);

gboolean     cv_stakeholder_editor_withdraw_consent (CvStakeholderEditor *self);

G_END_DECLS
