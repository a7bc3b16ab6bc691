/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-duplicates.h"
#include "cv-store.h"
#include "cv-trash.h"

G_BEGIN_DECLS

#define CV_TYPE_DUPLICATES_WINDOW (cv_duplicates_window_get_type ())
G_DECLARE_FINAL_TYPE (CvDuplicatesWindow, cv_duplicates_window, CV, DUPLICATES_WINDOW, AdwWindow)

CvDuplicatesWindow *cv_duplicates_window_new          (GtkWindow           *parent,
                                                       CvStore             *store,
                                                       CvTrash             *trash,
                                                       const char          *programme_id);
void                cv_duplicates_window_scan         (CvDuplicatesWindow  *self);
gboolean            cv_duplicates_window_is_scanning  (CvDuplicatesWindow  *self);
guint               cv_duplicates_window_get_n_pairs  (CvDuplicatesWindow  *self);
CvDuplicatePair    *cv_duplicates_window_get_pair     (CvDuplicatesWindow  *self,
                                                       guint                index);
gboolean            cv_duplicates_window_merge        (CvDuplicatesWindow  *self,
                                                       GError             **error);

G_END_DECLS
