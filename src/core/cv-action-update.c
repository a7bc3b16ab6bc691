/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-action-update.h"

static const CvField fields[] = {
  { "action_id", N_("Action"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "action", .on_delete = CV_ON_DELETE_CASCADE },
  { "noted_on", N_("Date"), CV_FIELD_DATE, CV_FIELD_REQUIRED },
  { "text", N_("Progress"), CV_FIELD_TEXT, CV_FIELD_REQUIRED },
};

static const CvRecordKind kind = { "action_update", N_("Progress update"), fields, G_N_ELEMENTS (fields) };

CV_DEFINE_RECORD_TYPE (CvActionUpdate, cv_action_update, kind, NULL)
