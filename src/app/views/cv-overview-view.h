/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_OVERVIEW_VIEW (cv_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (CvOverviewView, cv_overview_view, CV, OVERVIEW_VIEW, GtkWidget)

void cv_overview_view_set_store     (CvOverviewView *self,
                                     CvStore        *store);
void cv_overview_view_set_programme (CvOverviewView *self,
                                     const char     *programme_id);
void cv_overview_view_reload        (CvOverviewView *self);

G_END_DECLS
