/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-contribution.h"
#include "cv-error.h"

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "session_id", N_("Session"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED,
    .target = "session", .on_delete = CV_ON_DELETE_CASCADE },
  { "text", N_("What was said"), CV_FIELD_TEXT, CV_FIELD_REQUIRED },
  { "themes", N_("Themes"), CV_FIELD_REFERENCES, .target = "theme",
    .on_delete = CV_ON_DELETE_CASCADE, .link_table = "contribution_theme" },
  { "anonymous", N_("Anonymous"), CV_FIELD_BOOLEAN, .default_value = "1" },
  { "stakeholder_id", N_("Said by"), CV_FIELD_REFERENCE, .target = "stakeholder",
    .on_delete = CV_ON_DELETE_SET_NULL },
};

static const CvRecordKind kind = { "contribution", N_("Contribution"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_contribution_validate (CvRecord  *record,
                          CvStore   *store,
                          GError   **error)
{
  if (cv_record_get_boolean (record, "anonymous") &&
      cv_record_get_string (record, "stakeholder_id") != NULL)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Said by: an anonymous contribution cannot name who said it."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE (CvContribution, cv_contribution, kind, cv_contribution_validate)
