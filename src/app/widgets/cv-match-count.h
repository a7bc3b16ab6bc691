/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-record-list.h"

G_BEGIN_DECLS

#define CV_TYPE_MATCH_COUNT (cv_match_count_get_type ())
G_DECLARE_FINAL_TYPE (CvMatchCount, cv_match_count, CV, MATCH_COUNT, GtkWidget)

void  cv_match_count_set_kind    (CvMatchCount *self,
                                  const char   *kind);
void  cv_match_count_set_search_entry (CvMatchCount *self,
                                       GtkWidget    *entry);
void  cv_match_count_update      (CvMatchCount *self,
                                  guint         shown,
                                  guint         total,
                                  gboolean      narrowed);
void  cv_match_count_follow      (CvMatchCount *self,
                                  CvRecordList *list);
const char *cv_match_count_get_text (CvMatchCount *self);
char *cv_match_count_text        (const char   *kind,
                                  guint         shown,
                                  guint         total);

G_END_DECLS
