/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

#include "cv-record-editor.h"

G_BEGIN_DECLS

#define CV_TYPE_SESSION_EDITOR (cv_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (CvSessionEditor, cv_session_editor, CV, SESSION_EDITOR, CvRecordEditor)

void        cv_session_editor_set_store      (CvSessionEditor *self,
                                              CvStore         *store,
                                              CvTrash         *trash);
void        cv_session_editor_set_programme  (CvSessionEditor *self,
                                              const char      *programme_id);
void        cv_session_editor_set_record     (CvSessionEditor *self,
                                              CvRecord        *record);
CvRecord   *cv_session_editor_get_record     (CvSessionEditor *self);
const char *cv_session_editor_get_id         (CvSessionEditor *self);
gboolean    cv_session_editor_save_pending   (CvSessionEditor *self);
void        cv_session_editor_set_show_back  (CvSessionEditor *self,
                                              gboolean         show_back);
void        cv_session_editor_focus          (CvSessionEditor *self);
gboolean    cv_session_editor_add_contribution (CvSessionEditor *self);
void        cv_session_editor_add_people     (CvSessionEditor *self);
guint       cv_session_editor_mark_attended  (CvSessionEditor *self);
void        cv_session_editor_agree_action_for (CvSessionEditor *self,
                                              CvRecord        *contribution);
void        cv_session_editor_edit_contribution (CvSessionEditor *self,
                                              CvRecord        *contribution);

G_END_DECLS
