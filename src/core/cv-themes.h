/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* How a theme stands: how often and where it was raised, what was done. */
typedef struct
{
  guint contributions;
  guint sessions;
  guint open_actions;
  guint done_actions;
} CvThemeCounts;

typedef struct _CvThemeMerge CvThemeMerge;

GHashTable   *cv_themes_count         (CvStore      *store,
                                       const char   *programme_id,
                                       GError      **error);
void          cv_themes_count_async   (CvStore      *store,
                                       const char   *programme_id,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer      user_data);
GHashTable   *cv_themes_count_finish  (GAsyncResult *result,
                                       GError      **error);
CvThemeMerge *cv_themes_merge         (CvStore      *store,
                                       const char   *from_id,
                                       const char   *into_id,
                                       GError      **error);
gboolean      cv_themes_unmerge       (CvStore      *store,
                                       CvThemeMerge *merge,
                                       GError      **error);
void          cv_theme_merge_free     (CvThemeMerge *merge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvThemeMerge, cv_theme_merge_free)

G_END_DECLS
