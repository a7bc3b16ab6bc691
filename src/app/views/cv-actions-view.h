/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_ACTIONS_VIEW (cv_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (CvActionsView, cv_actions_view, CV, ACTIONS_VIEW, GtkWidget)

void        cv_actions_view_set_store       (CvActionsView *self,
                                              CvStore        *store,
                                              CvTrash        *trash);
void        cv_actions_view_set_programme   (CvActionsView *self,
                                              const char     *programme_id);
void        cv_actions_view_new_action     (CvActionsView *self);
void        cv_actions_view_focus_search    (CvActionsView *self);
void        cv_actions_view_open            (CvActionsView *self,
                                              const char     *action_id);
void        cv_actions_view_delete_selected (CvActionsView *self);
void        cv_actions_view_show_overdue    (CvActionsView *self);
void        cv_actions_view_save_pending    (CvActionsView *self);
GListModel *cv_actions_view_get_model       (CvActionsView *self);

G_END_DECLS
