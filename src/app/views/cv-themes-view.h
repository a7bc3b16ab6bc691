/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_THEMES_VIEW (cv_themes_view_get_type ())
G_DECLARE_FINAL_TYPE (CvThemesView, cv_themes_view, CV, THEMES_VIEW, GtkWidget)

void        cv_themes_view_set_store     (CvThemesView *self,
                                          CvStore      *store,
                                          CvTrash      *trash);
void        cv_themes_view_set_programme (CvThemesView *self,
                                          const char   *programme_id);
void        cv_themes_view_open          (CvThemesView *self,
                                          const char   *theme_id);
gboolean    cv_themes_view_merge_into    (CvThemesView *self,
                                          const char   *into_id);
void        cv_themes_view_focus_search  (CvThemesView *self);
gboolean    cv_themes_view_is_counting   (CvThemesView *self);
GListModel *cv_themes_view_get_model     (CvThemesView *self);

G_END_DECLS
