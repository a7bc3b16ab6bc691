/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_GUIDES_VIEW (cv_guides_view_get_type ())
G_DECLARE_FINAL_TYPE (CvGuidesView, cv_guides_view, CV, GUIDES_VIEW, GtkWidget)

void        cv_guides_view_set_store          (CvGuidesView *self,
                                               CvStore      *store,
                                               CvTrash      *trash);
void        cv_guides_view_set_programme      (CvGuidesView *self,
                                               const char   *programme_id);
void        cv_guides_view_open_guide         (CvGuidesView *self,
                                               const char   *guide_id);
GtkWidget  *cv_guides_view_open_conversation  (CvGuidesView *self,
                                               const char   *conversation_id);
void        cv_guides_view_focus_search       (CvGuidesView *self);
void        cv_guides_view_new_guide          (CvGuidesView *self);
GListModel *cv_guides_view_get_conversations  (CvGuidesView *self);
GtkWidget  *cv_guides_view_get_conversation_list (CvGuidesView *self);

G_END_DECLS
