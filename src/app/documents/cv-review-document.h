/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-document.h"
#include "cv-review.h"

G_BEGIN_DECLS

CvDocument *cv_review_document_new  (const CvReview       *review);
char       *cv_review_status_text   (const CvReviewAction *action);

G_END_DECLS
