/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CV_TYPE_SORT_KEY (cv_sort_key_get_type ())
G_DECLARE_FINAL_TYPE (CvSortKey, cv_sort_key, CV, SORT_KEY, GtkSorter)

CvSortKey  *cv_sort_key_new               (const char *field);
const char *cv_sort_key_get_field         (CvSortKey  *self);
const char *cv_sort_key_read_column_view  (GtkSorter  *column_view_sorter,
                                           gboolean   *descending);

G_END_DECLS
