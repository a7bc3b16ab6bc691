/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_SESSIONS_VIEW (cv_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (CvSessionsView, cv_sessions_view, CV, SESSIONS_VIEW, GtkWidget)

void        cv_sessions_view_set_store       (CvSessionsView *self,
                                              CvStore        *store,
                                              CvTrash        *trash);
void        cv_sessions_view_set_programme   (CvSessionsView *self,
                                              const char     *programme_id);
void        cv_sessions_view_new_session     (CvSessionsView *self);
void        cv_sessions_view_focus_search    (CvSessionsView *self);
void        cv_sessions_view_open            (CvSessionsView *self,
                                              const char     *session_id);
void        cv_sessions_view_delete_selected (CvSessionsView *self);
void        cv_sessions_view_save_pending    (CvSessionsView *self);
GListModel *cv_sessions_view_get_model       (CvSessionsView *self);

G_END_DECLS
