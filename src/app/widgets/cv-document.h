/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _CvDocument CvDocument;

CvDocument *cv_document_new        (void);
void        cv_document_free       (CvDocument  *self);
void        cv_document_add        (CvDocument  *self,
                                    double       size,
                                    double       indent,
                                    double       before,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (5, 6);
int         cv_document_paginate   (CvDocument  *self,
                                    cairo_t     *cr,
                                    double       width,
                                    double       height);
void        cv_document_draw_page  (CvDocument  *self,
                                    cairo_t     *cr,
                                    int          page);
gboolean    cv_document_write_pdf  (CvDocument  *self,
                                    const char  *path,
                                    int         *n_pages,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvDocument, cv_document_free)

G_END_DECLS
