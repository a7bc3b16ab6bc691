/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cv-record.h"

G_BEGIN_DECLS

#define CV_TYPE_ATTENDANCE_ROW (cv_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (CvAttendanceRow, cv_attendance_row, CV, ATTENDANCE_ROW, GtkListBoxRow)

GtkWidget *cv_attendance_row_new            (CvRecord        *attendance,
                                             const char      *name);
CvRecord  *cv_attendance_row_get_attendance (CvAttendanceRow *self);

G_END_DECLS
