/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_RETENTION_WINDOW (cv_retention_window_get_type ())
G_DECLARE_FINAL_TYPE (CvRetentionWindow, cv_retention_window, CV, RETENTION_WINDOW, AdwWindow)

CvRetentionWindow *cv_retention_window_new        (GtkWindow          *parent,
                                                   CvStore            *store,
                                                   const char         *programme_id);
void               cv_retention_window_reload     (CvRetentionWindow  *self);
gboolean           cv_retention_window_is_loading (CvRetentionWindow  *self);
guint              cv_retention_window_get_n_people (CvRetentionWindow *self);
const char        *cv_retention_window_get_id     (CvRetentionWindow  *self,
                                                   guint               position);
gboolean           cv_retention_window_keep       (CvRetentionWindow  *self,
                                                   const char         *stakeholder_id,
                                                   const char         *reason,
                                                   GError            **error);

G_END_DECLS
