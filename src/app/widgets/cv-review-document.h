/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cv-review.h"

G_BEGIN_DECLS

typedef struct _CvReviewDocument CvReviewDocument;

CvReviewDocument *cv_review_document_new        (const CvReview   *review);
void              cv_review_document_free       (CvReviewDocument *self);
int               cv_review_document_paginate   (CvReviewDocument *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height);
void              cv_review_document_draw_page  (CvReviewDocument *self,
                                                 cairo_t          *cr,
                                                 int               page);
gboolean          cv_review_document_write_pdf  (CvReviewDocument *self,
                                                 const char       *path,
                                                 int              *n_pages,
                                                 GError          **error);
char             *cv_review_status_text         (const CvReviewAction *action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvReviewDocument, cv_review_document_free)

G_END_DECLS
