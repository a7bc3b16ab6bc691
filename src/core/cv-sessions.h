/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

/* Work on sessions that takes more than one record: attendance lists, counts,
 * themes found by name, calendars. */

typedef struct
{
  guint listed;
  guint invited;
  guint attended;
  guint apologies;
  guint absent;      /* listed, did not come, sent no apologies */
  guint paid;
} CvAttendanceCounts;

gboolean   cv_sessions_count_attendance (CvStore             *store,
                                         const char          *session_id,
                                         CvAttendanceCounts  *counts,
                                         GError             **error);
gboolean   cv_sessions_add_attendees    (CvStore             *store,
                                         const char          *session_id,
                                         const char * const  *stakeholder_ids,
                                         guint               *added,
                                         guint               *already_listed,
                                         GError             **error);
char      *cv_sessions_status_of        (CvStore             *store,
                                         const char          *session_id,
                                         const char          *stakeholder_id,
                                         GError             **error);
char     **cv_sessions_mark_attended    (CvStore             *store,
                                         const char          *session_id,
                                         GError             **error);
gboolean   cv_sessions_set_status       (CvStore             *store,
                                         const char * const  *attendance_ids,
                                         const char          *status,
                                         GError             **error);
CvRecord  *cv_sessions_theme_by_name    (CvStore             *store,
                                         const char          *programme_id,
                                         const char          *name,
                                         gboolean             create,
                                         GError             **error);
GPtrArray *cv_sessions_upcoming         (CvStore             *store,
                                         const char          *programme_id,
                                         const char          *from_utc,
                                         GError             **error);
char      *cv_sessions_to_icalendar     (CvStore             *store,
                                         GPtrArray           *sessions,
                                         const char          *stamp_utc,
                                         guint               *left_out,
                                         GError             **error);

G_END_DECLS
