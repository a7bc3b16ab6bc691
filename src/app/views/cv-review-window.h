/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-review.h"

G_BEGIN_DECLS

#define CV_TYPE_REVIEW_WINDOW (cv_review_window_get_type ())
G_DECLARE_FINAL_TYPE (CvReviewWindow, cv_review_window, CV, REVIEW_WINDOW, AdwWindow)

CvReviewWindow *cv_review_window_new      (GtkWindow      *parent,
                                           CvReview       *review);
gboolean        cv_review_window_save_pdf (CvReviewWindow *self,
                                           GFile          *file,
                                           GError        **error);

G_END_DECLS
