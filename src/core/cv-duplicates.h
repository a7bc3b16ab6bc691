/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* Why two records are thought to be one person (several may hold at once). */
typedef enum
{
  CV_DUPLICATE_SAME_EMAIL        = 1 << 0,
  CV_DUPLICATE_SAME_PHONE        = 1 << 1,
  CV_DUPLICATE_SAME_NAME         = 1 << 2,  /* ignoring case, accents and spacing */
  CV_DUPLICATE_SIMILAR_NAME_ORG  = 1 << 3,  /* similar names in the same organisation */
} CvDuplicateReason;

typedef struct
{
  char              *first_id;    /* the older record */
  char              *second_id;
  char              *first_name;
  char              *second_name;
  CvDuplicateReason  reasons;
  int                score;       /* higher is likelier */
} CvDuplicatePair;

/* Called now and then from the scanning thread with how far it is, 0 to 1. */
typedef void (*CvDuplicatesProgress) (double   fraction,
                                      gpointer user_data);

typedef struct _CvMerge CvMerge;

/* A value shared by more people than this (a switchboard number, a common
 * name) says nothing about whether two of them are the same person. */
#define CV_DUPLICATES_MAX_SHARED 8

GPtrArray *cv_duplicates_find         (CvDatabase           *database,
                                       const char           *programme_id,
                                       CvDuplicatesProgress  progress,
                                       gpointer              user_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
guint      cv_duplicates_count_involving (GPtrArray         *pairs,
                                          GPtrArray         *ids);
char      *cv_duplicate_reason_text   (CvDuplicateReason     reasons);
void       cv_duplicate_pair_free     (CvDuplicatePair      *pair);
char      *cv_duplicates_name_key     (const char           *name);

gboolean   cv_duplicates_dismiss      (CvStore              *store,
                                       const char           *first_id,
                                       const char           *second_id,
                                       GError              **error);

CvMerge   *cv_duplicates_merge        (CvStore              *store,
                                       CvRecord             *kept,
                                       const char           *other_id,
                                       GError              **error);
gboolean   cv_duplicates_unmerge      (CvStore              *store,
                                       CvMerge              *merge,
                                       GError              **error);
void       cv_merge_free              (CvMerge              *merge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvDuplicatePair, cv_duplicate_pair_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvMerge, cv_merge_free)

G_END_DECLS
