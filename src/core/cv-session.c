/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cv-error.h"
#include "cv-session.h"

static const CvChoice kinds[] = {
  { "workshop", N_("Workshop") },
  { "public_meeting", N_("Public meeting") },
  { "board_meeting", N_("Board meeting") },
  { "focus_group", N_("Focus group") },
  { "street_engagement", N_("Street engagement") },
  { "online", N_("Online") },
  { "evolution_group", N_("Evolution group") },
  { "reflective_conversation", N_("Reflective conversation") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const CvChoice statuses[] = {
  { "planned", N_("Planned") },
  { "held", N_("Held") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL }
};

static const CvField fields[] = {
  { "programme_id", N_("Programme"), CV_FIELD_REFERENCE, CV_FIELD_REQUIRED | CV_FIELD_SCOPE,
    .target = "programme", .on_delete = CV_ON_DELETE_CASCADE },
  { "title", N_("Title"), CV_FIELD_STRING, CV_FIELD_REQUIRED },
  { "kind", N_("Kind"), CV_FIELD_CHOICE, .choices = kinds },
  { "starts_at", N_("Starts"), CV_FIELD_DATE_TIME },
  { "ends_at", N_("Ends"), CV_FIELD_DATE_TIME },
  { "location", N_("Location"), CV_FIELD_STRING },
  { "facilitator", N_("Facilitator"), CV_FIELD_STRING },
  /* Named as the editor names it: a spreadsheet's headings must tell the
   * two apart (the name written in, and the person chosen from the register). */
  { "facilitator_id", N_("Facilitator from the Register"), CV_FIELD_REFERENCE, .target = "stakeholder",
    .on_delete = CV_ON_DELETE_SET_NULL },
  { "purpose", N_("Purpose"), CV_FIELD_TEXT },
  { "status", N_("Status"), CV_FIELD_CHOICE, .choices = statuses },
  { "summary", N_("Summary"), CV_FIELD_TEXT },
};

static const CvRecordKind kind = { "session", N_("Session"), fields, G_N_ELEMENTS (fields) };

static gboolean
cv_session_validate (CvRecord  *record,
                     CvStore   *store,
                     GError   **error)
{
  const char *starts = cv_record_get_string (record, "starts_at");
  const char *ends = cv_record_get_string (record, "ends_at");

  /* Both are UTC in one fixed-width form, so text order is time order. */
  if (starts != NULL && ends != NULL && strcmp (ends, starts) < 0)
    {
      g_set_error (error, CV_ERROR, CV_ERROR_INVALID,
                   _("Ends: the session cannot end before it starts."));
      return FALSE;
    }
  return TRUE;
}

CV_DEFINE_RECORD_TYPE (CvSession, cv_session, kind, cv_session_validate)
