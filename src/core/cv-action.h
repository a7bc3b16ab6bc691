/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_ACTION (cv_action_get_type ())
G_DECLARE_FINAL_TYPE (CvAction, cv_action, CV, ACTION, CvRecord)

gboolean cv_action_is_overdue (CvAction   *self,
                               const char *today);

G_END_DECLS
