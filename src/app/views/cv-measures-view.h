/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_MEASURES_VIEW (cv_measures_view_get_type ())
G_DECLARE_FINAL_TYPE (CvMeasuresView, cv_measures_view, CV, MEASURES_VIEW, GtkWidget)

void        cv_measures_view_set_store     (CvMeasuresView *self,
                                            CvStore        *store,
                                            CvTrash        *trash);
void        cv_measures_view_focus_search  (CvMeasuresView *self);
void        cv_measures_view_set_programme (CvMeasuresView *self,
                                            const char     *programme_id);
void        cv_measures_view_open          (CvMeasuresView *self,
                                            const char     *measure_id);
void        cv_measures_view_new_measure   (CvMeasuresView *self);
const char *cv_measures_view_get_change    (CvMeasuresView *self);

G_END_DECLS
