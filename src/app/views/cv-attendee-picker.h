/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cv-store.h"

G_BEGIN_DECLS

#define CV_TYPE_ATTENDEE_PICKER (cv_attendee_picker_get_type ())
G_DECLARE_FINAL_TYPE (CvAttendeePicker, cv_attendee_picker, CV, ATTENDEE_PICKER, AdwWindow)

CvAttendeePicker *cv_attendee_picker_new    (GtkWindow        *parent,
                                             CvStore          *store,
                                             const char       *programme_id,
                                             const char       *session_id);
void              cv_attendee_picker_toggle (CvAttendeePicker *self,
                                             const char       *stakeholder_id);
guint             cv_attendee_picker_add    (CvAttendeePicker *self,
                                             guint            *already_listed,
                                             GError          **error);

G_END_DECLS
