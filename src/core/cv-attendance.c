/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-attendance.h"

static const CvChoice statuses[] = {
  { "invited", N_("Invited") },
  { "attended", N_("Attended") },
  { "apologies", N_("Apologies") },
  /* TRANSLATORS: an attendance status: listed, did not come and sent no apologies */
  { "absent", N_("Did Not Attend") },
  { NULL, NULL }
};

static const CvChoice roles[] = {
  { "participant", N_("Participant") },
  { "facilitator", N_("Facilitator") },
  { "speaker", N_("Speaker") },
  { "organiser", N_("Organiser") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "session_id", N_("Session"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "session", .on_delete = CV_ON_DELETE_CASCADE },
  { "stakeholder_id", N_("Stakeholder"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .target = "stakeholder", .on_delete = CV_ON_DELETE_CASCADE,
    .duplicate_message = N_("This stakeholder is already on the session’s list.") },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
  { "role", N_("Role"), CV_FIELD_CHOICE, .choices = roles },
  { "paid", N_("Paid for their time"), CV_FIELD_BOOLEAN },
};

static const CvRecordKind kind = { "attendance", N_("Attendance"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvAttendance, cv_attendance, kind, NULL)
