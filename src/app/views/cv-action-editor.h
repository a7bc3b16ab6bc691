/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

#include "cv-record-editor.h"

G_BEGIN_DECLS

#define CV_TYPE_ACTION_EDITOR (cv_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (CvActionEditor, cv_action_editor, CV, ACTION_EDITOR, CvRecordEditor)

void        cv_action_editor_set_store       (CvActionEditor *self,
                                              CvStore        *store,
                                              CvTrash        *trash);
void        cv_action_editor_set_programme   (CvActionEditor *self,
                                              const char     *programme_id);
void        cv_action_editor_set_record      (CvActionEditor *self,
                                              CvRecord       *record);
CvRecord   *cv_action_editor_get_record      (CvActionEditor *self);
const char *cv_action_editor_get_id          (CvActionEditor *self);
gboolean    cv_action_editor_save_pending    (CvActionEditor *self);
void        cv_action_editor_set_show_back   (CvActionEditor *self,
                                              gboolean        show_back);
void        cv_action_editor_focus           (CvActionEditor *self);
gboolean    cv_action_editor_add_update      (CvActionEditor *self,
                                              const char     *text);
void        cv_action_editor_choose_status   (CvActionEditor *self,
                                              const char     *status);

G_END_DECLS
