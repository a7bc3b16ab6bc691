/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _CvDocument CvDocument;

/* What a paragraph is, for the PDF's structure (and a screen reader). */
typedef enum
{
  CV_DOCUMENT_PARAGRAPH,
  CV_DOCUMENT_HEADING_1,
  CV_DOCUMENT_HEADING_2,
  CV_DOCUMENT_HEADING_3,
  CV_DOCUMENT_LIST_ITEM,   /* items next to each other make one list */
} CvDocumentRole;

CvDocument *cv_document_new        (void);
void        cv_document_free       (CvDocument  *self);
void        cv_document_add        (CvDocument  *self,
                                    double       size,
                                    double       indent,
                                    double       before,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (5, 6);
void        cv_document_add_as     (CvDocument     *self,
                                    CvDocumentRole  role,
                                    double          size,
                                    double          indent,
                                    double          before,
                                    const char     *format,
                                    ...) G_GNUC_PRINTF (6, 7);
void        cv_document_set_metadata (CvDocument *self,
                                      const char *title,
                                      const char *author,
                                      const char *subject);
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
