/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *name;
  char *last_seen;     /* when last recorded, at a session or on an action (UTC) */
  char *kept_reason;   /* why they are kept past the period, or NULL: to review */
} CvRetentionEntry;

guint      cv_retention_get_years (CvStore   *store,
                                   const char *programme_id);
gboolean   cv_retention_set_years (CvStore    *store,
                                   const char *programme_id,
                                   guint       years,
                                   GError    **error);
GPtrArray *cv_retention_past  (CvStore     *store,
                               const char  *programme_id,
                               const char  *today,
                               gboolean     include_kept,
                               GError     **error);
gboolean   cv_retention_keep  (CvStore     *store,
                               const char  *stakeholder_id,
                               const char  *reason,
                               GError     **error);
void       cv_retention_entry_free (CvRetentionEntry *entry);

G_END_DECLS
