/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-review.h"

G_BEGIN_DECLS

/* The review's sentences, the same on the screen, on paper and in a PDF. */
char *cv_review_period_text (const CvReview       *review);
char *cv_review_where_text  (const CvReviewSaid   *said,
                             gboolean              name_themes);
char *cv_review_who_text    (const CvReviewAction *action,
                             const char           *due);

G_END_DECLS
