/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_ATTENDANCE (cv_attendance_get_type ())
G_DECLARE_FINAL_TYPE (CvAttendance, cv_attendance, CV, ATTENDANCE, CvRecord)

G_END_DECLS
