/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_ACTION_UPDATE (cv_action_update_get_type ())
G_DECLARE_FINAL_TYPE (CvActionUpdate, cv_action_update, CV, ACTION_UPDATE, CvRecord)

G_END_DECLS
