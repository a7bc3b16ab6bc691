/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/**
 * CvPagedList:
 * @CV_PAGED_THEME_CONTRIBUTIONS: what was said under a theme, oldest session first
 * @CV_PAGED_THEME_ACTIONS: a theme's actions, soonest due first
 * @CV_PAGED_SESSION_ATTENDANCE: the people listed at a session, as listed
 * @CV_PAGED_SESSION_CONTRIBUTIONS: what was said at a session, as recorded
 * @CV_PAGED_SESSION_ACTIONS: the actions agreed at a session, as agreed
 * @CV_PAGED_STAKEHOLDER_SESSIONS: the sessions a stakeholder is listed at, latest first
 * @CV_PAGED_STAKEHOLDER_ACTIONS: the actions a stakeholder owns, as agreed
 * @CV_PAGED_STAKEHOLDER_CONTRIBUTIONS: what a stakeholder said, named, latest session first
 *
 * The lists on a record's page that grow with the programme: a page shows
 * them a page at a time, never all at once.
 */
typedef enum
{
  CV_PAGED_THEME_CONTRIBUTIONS,
  CV_PAGED_THEME_ACTIONS,
  CV_PAGED_SESSION_ATTENDANCE,
  CV_PAGED_SESSION_CONTRIBUTIONS,
  CV_PAGED_SESSION_ACTIONS,
  CV_PAGED_STAKEHOLDER_SESSIONS,
  CV_PAGED_STAKEHOLDER_ACTIONS,
  CV_PAGED_STAKEHOLDER_CONTRIBUTIONS,
} CvPagedList;

/* One page of such a list, and how long the whole list is. */
typedef struct
{
  GPtrArray *records;   /* of CvRecord, in the list's order */
  guint      total;
} CvRecordPage;

GType         cv_paged_list_record_type  (CvPagedList          list);
CvRecordPage *cv_record_page_load        (CvStore             *store,
                                          CvPagedList          list,
                                          const char          *key,
                                          guint                offset,
                                          guint                limit,
                                          GError             **error);
void          cv_record_page_load_async  (CvStore             *store,
                                          CvPagedList          list,
                                          const char          *key,
                                          guint                offset,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CvRecordPage *cv_record_page_load_finish (GAsyncResult        *result,
                                          GError             **error);
void          cv_record_page_free        (CvRecordPage        *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CvRecordPage, cv_record_page_free)

G_END_DECLS
