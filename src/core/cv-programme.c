/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-error.h"
#include "cv-consent.h"
#include "cv-programme.h"

static const CvChoice statuses[] = {
  { "active", N_("Active") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "name", N_("Name"), CV_FIELD_STRING, CV_FIELD_REQUIRED | CV_FIELD_UNIQUE,
    .duplicate_message = N_("A programme called “%s” already exists.") },
  { "locality", N_("Locality"), CV_FIELD_STRING },
  { "aim", N_("Aim"), CV_FIELD_TEXT },
  { "start_on", N_("Start date"), CV_FIELD_DATE },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
  /* What people may consent to (see cv-consent.h), and how often it is reviewed. */
  { "consent_purposes", N_("Consent purposes"), CV_FIELD_WORDS, .link_table = "programme_consent_purpose" },
  { "consent_review_years", N_("Review consent after (years)"), CV_FIELD_INTEGER, .default_value = "2" },
};

static const CvRecordKind kind = { "programme", N_("Programme"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_programme_validate (CvRecord  *record,
                       CvStore   *store,
                       GError   **error)
{
  gint64 years = cv_record_get_integer (record, "consent_review_years");

  if (years < 1 || years > 10)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Review consent after: give a number of years from 1 to 10."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE_WITH_WRITE (CvProgramme, cv_programme, kind, cv_programme_validate,
                                  cv_consent_prepare_write, NULL)
